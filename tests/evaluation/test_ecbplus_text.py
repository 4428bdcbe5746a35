"""ECB+ token lists rejoined with the spacing a writer uses, numbers and abbreviations whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.evaluation.scripts import load_script

text = load_script("ecbplus_text")


@pytest.mark.parametrize(
    ("tokens", "line"),
    [
        # clock times
        ("It opened at 8 : 13 AM .", "It opened at 8:13 AM."),
        ("Posted 5 : 03pm today", "Posted 5:03pm today"),
        ("The score was 3 : 1 .", "The score was 3: 1."),
        ("Seen from 06 : 31GMT on", "Seen from 06:31GMT on"),
        # decimals
        ("Sales rose to 39 . 9 million dollars .", "Sales rose to 39.9 million dollars."),
        ("By 6 . 30am the road was shut", "By 6.30am the road was shut"),
        ("He fired a . 38 revolver .", "He fired a .38 revolver."),
        ("Gems worth £1 . 7m went , a 29 . 8 % share", "Gems worth £1.7m went, a 29.8% share"),
        ("We met on Aug . 14 at noon", "We met on Aug. 14 at noon"),
        # thousands
        (
            "About 1 , 000 people came , 12 , 500 in all .",
            "About 1,000 people came, 12,500 in all.",
        ),
        ("It cost $ 380 , 600 .", "It cost $380,600."),
        ("They took £35 , 000 in cash", "They took £35,000 in cash"),
        ("It flew at 2 , 000ft", "It flew at 2,000ft"),
        ("The 100 , 000 , 000 mark", "The 100,000,000 mark"),
        ("It was May 2 , 2013 .", "It was May 2, 2013."),
        ("On June 3 , 200 boats sailed", "On June 3, 200 boats sailed"),
        ("Aged 16 , 17 and 18", "Aged 16, 17 and 18"),
        # single letters joined by periods
        ("They left at 10 a . m . sharp", "They left at 10 a.m. sharp"),
        ("The U . S . team won", "The U.S. team won"),
        ("Plan B . I agreed", "Plan B. I agreed"),
        # dates written with slashes
        ("Updated 8 / 2 / 2013 at noon", "Updated 8/2/2013 at noon"),
        # curly quotes and apostrophes
        ("“ I don ’ t know , ” she said", "“I don’t know,” she said"),
        ("The boys ’ bikes", "The boys’ bikes"),
        ("Songs of the ’ 90s", "Songs of the ’90s"),
        # straight quotes, taken in turn
        ('" We are here , " he said .', '"We are here," he said.'),
    ],
)
def test_a_sentence_keeps_the_writers_spacing(tokens: str, line: str) -> None:
    assert text.detokenise(tokens.split()) == line


@pytest.mark.parametrize(
    ("tokens", "split", "line"),
    [
        ("a 90 - day stay", True, "a 90-day stay"),
        ("the 33 - year - old man", True, "the 33-year-old man"),
        ("a 32 - and 64 - bit chip", True, "a 32- and 64-bit chip"),
        ("May 8 , 2012 - 4 : 43 pm", True, "May 8, 2012 - 4:43 pm"),
        ("the town - 40 miles away", False, "the town - 40 miles away"),
        ("rooms 4 - 6 were shut", False, "rooms 4 - 6 were shut"),
    ],
)
def test_a_hyphen_after_a_number_joins_only_where_the_tokeniser_split_hyphens(
    tokens: str, split: bool, line: str
) -> None:
    assert text.detokenise(tokens.split(), hyphens_split=split) == line


def test_a_document_splits_hyphens_when_no_token_holds_one() -> None:
    assert text.splits_every_hyphen(["a", "90", "-", "day", "stay"])
    assert not text.splits_every_hyphen(["a", "90-day", "stay", "-", "and", "more"])
    assert not text.splits_every_hyphen(["no", "hyphen", "here"])


def test_a_sentence_that_opens_inside_a_quotation_closes_it_first() -> None:
    tokens = ["fine", ",", '"', "he", "said", ",", '"', "and", "well"]
    assert text.detokenise(tokens, in_quotation=True) == 'fine," he said, "and well'
    assert text.detokenise(tokens, in_quotation=None) == 'fine, " he said, " and well'


def test_straight_quotes_pair_across_a_documents_sentences(tmp_path: Path) -> None:
    xml = (
        "<Document>"
        + "".join(
            f'<token sentence="{s}">{w}</token>'
            for s, words in enumerate(['" It was', 'late , " he said .'])
            for w in words.split()
        )
        + "</Document>"
    )
    path = tmp_path / "1_1ecb.xml"
    path.write_text(xml, encoding="utf-8")
    assert [line for _, line in text.written_lines(path)] == ['"It was', 'late," he said.']


def test_a_line_ended_at_a_title_before_a_name_joins_the_next() -> None:
    lines = [(1, "“It was calm,” said the Rev."), (2, "Ada Moss of the chapel."), (3, "Next.")]
    assert text.rejoin_titles(lines) == [
        (1, "“It was calm,” said the Rev. Ada Moss of the chapel."),
        (3, "Next."),
    ]
    kept = [(1, "The fire started at 9 a.m."), (2, "Crews arrived soon after.")]
    assert text.rejoin_titles(kept) == kept
