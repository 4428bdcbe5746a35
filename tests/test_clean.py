"""Cleaning: noise is recorded as removed segments of the original, and story text stays.

Rules are tested on sentences written here; the seed tests at the end read the real articles
in ../shared/seeds at run time and check the acceptance criteria on them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from accord.clean import clean_article, clean_articles, removed_by_reason
from accord.model import Article
from accord.noise import line_reason
from accord.vocab import RemovalReason
from tests.models import loaded_paragraph_embedder

# --- helpers ---------------------------------------------------------------------------------


def clean(article: Article) -> Article:
    """Cleaning with the real paragraph embedder (its thresholds were fitted on it)."""
    return clean_article(article, loaded_paragraph_embedder())


def clean_all(articles: list[Article]) -> list[Article]:
    return [c.article for c in clean_articles(articles, loaded_paragraph_embedder())]


def make(*lines: str) -> Article:
    text = "\n\n".join(lines) + "\n"
    return Article.create(source="t.txt", original=text, title=lines[0])


def removed_reason(article: Article, needle: str) -> str | None:
    """The reason covering every character of ``needle``, None if any of it is kept."""
    start = article.original.index(needle)
    reasons = {
        r.reason for r in article.removed if r.start <= start and start + len(needle) <= r.end
    }
    if reasons:
        return reasons.pop()
    return None


def is_untouched(article: Article, start: int, end: int) -> bool:
    return not any(r.start < end and r.end > start for r in article.removed)


def kept(article: Article, needle: str) -> bool:
    start = article.original.index(needle)
    return is_untouched(article, start, start + len(needle))


def assert_well_formed(article: Article, original: str) -> None:
    assert article.original == original
    segments = sorted(article.removed, key=lambda r: r.start)
    for seg in segments:
        assert 0 <= seg.start < seg.end <= len(original)
        assert isinstance(seg.reason, RemovalReason)
    for first, second in itertools.pairwise(segments):
        assert first.end <= second.start, f"{first} overlaps {second}"


FLOOD = (
    "River floods force hundreds from their homes in Northbridge",
    "Heavy rain pushed the Avon river over its banks on Tuesday, flooding more than 300 homes "
    "in the market town of Northbridge.",
    "Emergency crews evacuated residents by boat from the lower streets, and the town hall was "
    "opened as a shelter for 450 people.",
    "The Environment Agency said the river peaked at 4.2 metres, the highest level since "
    "records began in 1958.",
    "Local shop owners said the water rose so quickly that they had no time to move their "
    "stock upstairs.",
    "The council has set up a hardship fund, and volunteers are collecting blankets and food "
    "at the sports centre.",
)
DRIFTING_ENDING = (
    "Forecasters expect drier weather by the weekend, but warned that the ground remains saturated."
)
OTHER_NEWS = (
    "In other news, the national football team beat Portugal 2-1 in a friendly match on "
    "Wednesday night.",
    "A new exhibition of Renaissance paintings opens at the city museum next month, with loans "
    "from Florence.",
)

# --- one line at a time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[ad_3]", "ad-marker"),
        ("Advertisement", "ad-marker"),
        ("Sign up for our morning briefing and get the news in your inbox.", "signup-wall"),
        ("Create a free account to keep reading.", "signup-wall"),
        ("You agree to our Terms of Service when you continue.", "signup-wall"),
        ("Please provide a valid e-mail to unlock this story.", "signup-wall"),
        ("Trending Stories", "trending"),
        ("MOST READ", "trending"),
        ("More from The Daily Ledger", "more-from"),
        ("You might also like", "more-from"),
        ("Photo: Jane Roe", "photo-credit"),
        ("(AP Photo/John Doe)", "photo-credit"),
        ("Ana Lima/Harbour Pictures", "photo-credit"),
        ("Jane Roe via Getty Images", "photo-credit"),
        ("Getty Images", "photo-credit"),
        ("RESCUERS SEARCH FOR MISSING HIKERS AFTER ALPINE STORM", "related-link"),
        ("Read more: Mayor vows to rebuild the old bridge", "related-link"),
        ("Tap here to download the Ledger app", "app-prompt"),
        ("CLICK HERE TO GET THE LEDGER NEWS APP", "app-prompt"),
        ("Download our free news app today", "app-prompt"),
        ("The Associated Press contributed to this report.", "contributor-line"),
        ("Additional reporting by Sam Wu in Lima", "contributor-line"),
        ("Associated Press writers Ana Diaz in Quito and Li Wei contributed.", "contributor-line"),
        ("Image source, Harbour Pictures", "photo-credit"),
        ("Photo illustration by Jane Roe", "photo-credit"),
        ("Image caption, Rescuers search the rubble on Friday", "caption"),
        ("Copyright 2031 The Ledger. All rights reserved.", "notice"),
        ("By Maria Gonzalez and Tom Reed", "byline"),
        ("Written by Ana Lima", "byline"),
        ("Politics", "section-label"),
        ("In Business", "section-label"),
        ("Home > World > Asia", "section-label"),
        (
            "If you or someone you know is struggling, call the local crisis line on 116 123.",
            "notice",
        ),
        ("This article discusses self-harm.", "notice"),
        ("Call the Samaritans free on 116 123, day or night.", "notice"),
    ],
)
def test_a_noise_line_is_named_by_its_class(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The minister said she would not subscribe to the plan.",
        "“You should read the terms of use,” the lawyer told reporters.",
        "By nightfall, rescuers had reached the village.",
        "The mayor posted the video via Telegram.",
        "Police said more than 12,000 people attended the rally.",
        "More than 40 people were injured in the blast.",
        "Trending downward, prices fell for a third month.",
        "Reporting by the newspaper found that 3,000 homes were damaged.",
        "The company said its app had been downloaded 2 million times.",
        "Photos of the damage were shared widely on social media, officials said.",
        "NATO AND EU LEADERS MET IN BRUSSELS ON MONDAY, THE STATEMENT SAID.",
        "The charity runs a suicide hotline that received 3,000 calls last year.",
        "Residents can sign up for flood alerts on the council website.",
        "Our staff contributed to the relief effort by donating food.",
        "The government said the floods contributed to a 3% fall in output.",
        "The image, shared by the army, shows a destroyed tank.",
    ],
)
def test_a_story_sentence_is_not_noise(line: str) -> None:
    assert line_reason(line) is None


# --- context ---------------------------------------------------------------------------------


def test_the_title_stays_even_when_it_looks_like_noise() -> None:
    article = clean(make("PHOTOS: Floodwater swamps the old town", *FLOOD[1:3]))
    assert kept(article, "PHOTOS: Floodwater")


def test_an_inline_ad_marker_goes_and_the_sentences_around_it_stay() -> None:
    article = clean(
        make(FLOOD[0], "The bridge reopened on Friday. [ad_2] Traffic resumed within the hour.")
    )
    assert removed_reason(article, "[ad_2]") == "ad-marker"
    assert kept(article, "The bridge reopened on Friday.")
    assert kept(article, "Traffic resumed within the hour.")


def test_a_link_list_under_a_heading_goes_as_one_block() -> None:
    article = clean(make(*FLOOD[:3], "More from The Ledger", "- Video", "- Weather"))
    assert {removed_reason(article, s) for s in ("More from", "- Video", "- Weather")} == {
        "more-from"
    }


def test_a_caption_beside_a_credit_line_goes() -> None:
    caption = "Volunteers stack sandbags outside the library on Tuesday."
    article = clean(make(*FLOOD[:3], caption, "Photo: Jane Roe", FLOOD[3]))
    assert removed_reason(article, caption) == "caption"
    assert removed_reason(article, "Photo: Jane Roe") == "photo-credit"
    assert all(kept(article, p) for p in FLOOD[:4])


def test_a_caption_with_a_credit_in_parentheses_goes_with_its_image_label() -> None:
    label, caption = "Sandbags in Northbridge", "Volunteers stack sandbags outside the library."
    credit = "(Photo by Jane Roe/Harbour Pictures)"
    article = clean(make(*FLOOD[:3], label, f"{caption} {credit}", FLOOD[3]))
    assert removed_reason(article, label) == "caption"
    assert removed_reason(article, caption) == "caption"
    assert removed_reason(article, credit) == "photo-credit"


def test_prose_beside_a_credit_stays_when_it_is_more_than_one_sentence() -> None:
    paragraph = FLOOD[1] + " " + FLOOD[2]
    article = clean(make(FLOOD[0], paragraph, "Jane Roe via Getty Images", FLOOD[3]))
    assert removed_reason(article, "Jane Roe via") == "photo-credit"
    assert kept(article, paragraph)
    assert kept(article, FLOOD[3])  # a full story sentence below a credit is not a caption


@pytest.mark.parametrize(
    "sentence",
    [
        "“We lost everything in an hour,” said Maria Lopez, who runs the bakery.",
        "The mayor told reporters the town would need months to recover.",
    ],
)
def test_reported_speech_beside_a_credit_line_is_not_a_caption(sentence: str) -> None:
    article = clean(make(FLOOD[0], FLOOD[1], sentence, "Photo: Jane Roe", FLOOD[2]))
    assert kept(article, sentence)


def test_a_repeated_paragraph_keeps_its_first_copy_only() -> None:
    paragraph = FLOOD[1] + " " + FLOOD[2]
    original = make(FLOOD[0], paragraph, paragraph, FLOOD[3]).original
    article = clean(Article.create("t.txt", original, FLOOD[0]))
    first = original.index(paragraph)
    second = original.index(paragraph, first + 1)
    assert is_untouched(article, first, first + len(paragraph))
    assert [r.reason for r in article.removed if r.start == second] == ["duplicate"]
    assert article.text.count(paragraph) == 1


def test_a_repeated_single_sentence_is_not_treated_as_a_duplicate() -> None:
    article = clean(make(FLOOD[0], FLOOD[1], "Roads were closed.", FLOOD[2], "Roads were closed."))
    assert article.text.count("Roads were closed.") == 2


# --- meaning: the off-topic tail -------------------------------------------------------------


def test_other_news_after_a_more_from_heading_is_off_topic() -> None:
    article = clean(make(*FLOOD, "More from The Ledger", *OTHER_NEWS))
    assert removed_reason(article, "More from The Ledger") == "more-from"
    assert all(removed_reason(article, p) == "off-topic" for p in OTHER_NEWS)
    assert all(kept(article, p) for p in FLOOD)


def test_unrelated_paragraphs_at_the_end_are_off_topic_without_a_heading() -> None:
    article = clean(make(*FLOOD, *OTHER_NEWS))
    assert all(removed_reason(article, p) == "off-topic" for p in OTHER_NEWS)
    assert all(kept(article, p) for p in FLOOD)


@pytest.mark.parametrize("heading", [(), ("More from The Ledger",)])
def test_a_story_ending_that_drifts_from_the_lead_is_kept(heading: tuple[str, ...]) -> None:
    article = clean(make(*FLOOD, DRIFTING_ENDING, *heading))
    assert kept(article, DRIFTING_ENDING)


def counting_embedder(asked: list[str]) -> Callable[[list[str]], np.ndarray]:
    def embed(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return loaded_paragraph_embedder()(texts)

    return embed


def test_a_story_that_ends_on_topic_embeds_only_its_title_lead_and_last_paragraph() -> None:
    asked: list[str] = []
    article = make(*FLOOD)
    done = clean_articles([article], counting_embedder(asked))[0]
    assert sorted(asked) == sorted([*FLOOD[:4], FLOOD[-1]])
    assert sorted(done.vectors) == sorted(asked)
    assert done.article == clean(article)


def test_a_story_whose_last_paragraph_is_far_from_the_lead_embeds_every_paragraph() -> None:
    asked: list[str] = []
    done = clean_articles([make(*FLOOD, *OTHER_NEWS)], counting_embedder(asked))[0]
    assert sorted(asked) == sorted([*FLOOD, *OTHER_NEWS])
    assert all(removed_reason(done.article, p) == "off-topic" for p in OTHER_NEWS)


def test_cleaning_in_a_batch_gives_the_same_result_as_one_at_a_time() -> None:
    articles = [make(*FLOOD, *OTHER_NEWS), make(*FLOOD, "Trending Now", DRIFTING_ENDING)]
    assert clean_all(articles) == [clean(a) for a in articles]


def test_segments_never_overlap_and_stay_inside_the_text() -> None:
    lines = (
        *FLOOD[:2],
        "[ad_1] Photo: Jane Roe",
        "Volunteers stack sandbags on Tuesday.",
        "Photo: Jane Roe",
        FLOOD[2],
        FLOOD[2] + " " + FLOOD[3],
        FLOOD[2] + " " + FLOOD[3],
        "More from The Ledger",
        "- Video",
        *OTHER_NEWS,
        "[ad_2]",
    )
    article = make(*lines)
    cleaned = clean(article)
    assert cleaned.removed
    assert_well_formed(cleaned, article.original)


def test_an_article_without_noise_loses_nothing() -> None:
    article = clean(make(*FLOOD, DRIFTING_ENDING))
    assert article.removed == ()


# --- the seed articles -----------------------------------------------------------------------

FIGURE = re.compile(r"\b(?:12|11|4|3),000\b")


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> dict[str, Article]:
    raw = []
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        raw.append(
            Article.create(source=str(path), original=text, title=text.strip().split("\n")[0])
        )
    return {Path(a.source).name[:3]: a for a in clean_all(raw)}


def lines_matching(article: Article, pattern: str) -> list[tuple[int, int]]:
    found = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]*\S[^\n]*", article.original)
        if found.search(m.group())
    ]


def is_removed(article: Article, start: int, end: int) -> bool:
    """Every non-blank character of ``start:end`` lies in some removed segment."""
    masked = article.masked()
    return not masked[start:end].strip()


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("pattern", "count"),
    [
        (r"\[ad_\d+\]", 2),
        (r"\b(?:e-?mail|terms of use|premium content|access to this content)\b", 4),
        (r"^\s*trending now\s*$", 2),
        (r"^\s*more from\b", 1),
        (r"^- \S+$", 1),
        (r"(?-i:^[^a-z]{30,}$)", 3),  # headlines and prompts in capitals
        (r"crisis lifeline", 1),
        (r"^Written by ", 1),
        (r"^Photo: |\(Photo by |handout", 5),
        (r"\bclick here\b.*\bapp\b", 1),
        (r"contributed to this report", 1),
        (r"Israel launches a surprise|Israel bombed|Israeli attacks|Nikoubazl", 4),
        (r"A tank on display|via Reuters Connect|military parade in Washington", 3),
    ],
)
def test_seed_noise_is_removed(seeds: dict[str, Article], pattern: str, count: int) -> None:
    hits = [(a, s, e) for a in seeds.values() for s, e in lines_matching(a, pattern)]
    assert len(hits) == count, "the seeds changed; recount"
    for article, start, end in hits:
        assert is_removed(article, start, end), article.original[start:end]


@pytest.mark.seeds
def test_the_repeated_caption_in_the_first_seed_appears_once(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    lines = [ln.strip() for ln in article.original.split("\n") if ln.strip()]
    repeated = [ln for ln in set(lines) if lines.count(ln) > 1 and ln.count(". ") > 1]
    assert len(repeated) == 1
    assert article.text.count(repeated[0]) == 1


@pytest.mark.seeds
def test_no_seed_sentence_with_a_casualty_figure_is_removed(seeds: dict[str, Article]) -> None:
    checked = 0
    for article in seeds.values():
        for start, end in lines_matching(article, FIGURE.pattern):
            assert is_untouched(article, start, end), article.original[start:end]
            checked += 1
    assert checked >= 6


@pytest.mark.seeds
def test_seeds_keep_their_titles_and_are_well_formed(
    seeds: dict[str, Article], seed_paths: list[Path]
) -> None:
    for path in seed_paths:
        article = seeds[path.name[:3]]
        assert_well_formed(article, path.read_text(encoding="utf-8"))
        assert kept(article, article.title)


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["002", "004"])
def test_a_seed_without_scraper_noise_loses_nothing(seeds: dict[str, Article], name: str) -> None:
    assert removed_by_reason([seeds[name]]) == {}
