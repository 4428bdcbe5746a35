"""Quotes and reported speech: any mark style, split quotes, cues, and resolved speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span as SpacySpan

from accord.extract.quote_marks import (
    dash_credit,
    names_something,
    quote_regions,
    transcript_credit,
)
from accord.extract.quotes import find_quotes
from accord.extract.speakers import speaker_key
from accord.model import Article, QuoteForm, QuoteMention, SpeakerType
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def quotes_of(text: str) -> list[QuoteMention]:
    article = Article.create(source="test.txt", original=text, title=text.split("\n")[0])
    mentions = find_quotes(article, next(parse_blocks([article], loaded_nlp())))
    for mention in mentions:  # the span rule holds for every span of every mention
        for span in (mention.span, mention.speaker_span, mention.cue):
            if span is not None:
                assert article.original[span.start : span.end] == span.text
    return mentions


def quotes_labelled(
    text: str, labels: dict[int, list[tuple[int, int, str]]], clear: bool = False
) -> list[QuoteMention]:
    """The quotes of ``text`` where the tagger gave its paragraphs the entity ``labels``
    (per paragraph: start token, end token, label), to test what a mislabel does; with
    ``clear`` no other entity is left."""
    article = Article.create(source="test.txt", original=text)
    blocks = list(next(parse_blocks([article], loaded_nlp())))
    for k, block in enumerate(blocks):
        spans = [SpacySpan(block.doc, a, b, label) for a, b, label in labels.get(k, [])]
        if spans or clear:
            block.doc.set_ents(spans, default="outside" if clear else "unmodified")
    return find_quotes(article, blocks)


def quote_with(mentions: list[QuoteMention], words: str) -> QuoteMention:
    matches = [m for m in mentions if words in m.span.text]
    assert matches, f"no quote contains {words!r}: {[m.span.text for m in mentions]}"
    return matches[0]


@pytest.mark.parametrize(
    "text",
    [
        'The port will reopen next week, but only for grain ships," Maria Lopez said.',
        '"The port will reopen next week, but only for grain ships," Maria Lopez said.',
        "“The port will reopen next week, but only for grain ships,” Maria Lopez said.",
        "Maria Lopez said, “The port will reopen next week, but only for grain ships.”",
        "«The port will reopen next week, but only for grain ships», Maria Lopez said.",
        "“The port will reopen next week… but only for grain ships,” said Maria Lopez.",
        "''The port will reopen next week, but only for grain ships,'' Maria Lopez said.",
    ],
)
def test_a_direct_quote_in_any_mark_style_is_verbatim_and_credited(text: str) -> None:
    quote = quote_with(quotes_of(text), "port will reopen next week")
    assert quote.verbatim
    assert quote.speaker == "Maria Lopez"
    assert quote.cue is not None and quote.cue.text == "said"
    assert not quote.span.text.startswith(("“", '"', "«"))


def test_a_quote_split_by_its_credit_keeps_the_speaker_for_both_parts() -> None:
    mentions = quotes_of(
        "“We are ready to talk,” Maria Lopez said. “But nobody has called us back yet.”"
    )
    first = quote_with(mentions, "ready to talk")
    second = quote_with(mentions, "nobody has called")
    assert first.speaker == second.speaker == "Maria Lopez"


def test_a_partial_quote_inside_a_sentence_goes_to_the_subject_of_the_verb() -> None:
    mentions = quotes_of("Maria Lopez called the new tariff “a costly mistake” on Monday.")
    quote = quote_with(mentions, "costly mistake")
    assert quote.speaker == "Maria Lopez"
    assert quote.verbatim


def test_a_scare_quoted_phrase_with_no_speaker_is_not_a_quote() -> None:
    assert quotes_of("The storm caused “major damage” to the harbour on Monday.") == []


def test_a_quote_in_single_curly_marks_is_verbatim() -> None:
    mention = quote_with(quotes_of("‘Tonight was a peaceful vigil,’ Ana Ruiz wrote."), "vigil")
    assert (mention.speaker, mention.form) == ("Ana Ruiz", QuoteForm.VERBATIM)
    assert mention.span.text == "Tonight was a peaceful vigil"


@pytest.mark.parametrize(
    "text",
    [
        "Mob boss Vincent “The Chin” Gigante, who feigned madness for decades, said nothing.",
        "Ross may return for the “Games” sequel “Catching Fire,” the Oddfather Daily reported.",
    ],
)
def test_a_quoted_nickname_is_nobodys_statement(text: str) -> None:
    spans = {m.span.text.rstrip(", ") for m in quotes_of(text)}
    assert not spans & {"The Chin", "Games", "Catching Fire"}


def test_a_name_someone_gives_is_what_they_said() -> None:
    mention = quote_with(quotes_of("Tom Bell called her “Crooked Ann” at a rally."), "Crooked")
    assert (mention.speaker, mention.span.text) == ("Tom Bell", "Crooked Ann")


def test_when_something_was_said_is_not_what_was_said() -> None:
    assert [m.span.text for m in quotes_of("Ana Ruiz said so on Monday.")] == []


@pytest.mark.parametrize(
    ("inner", "named"),
    [
        ("The Chin", True),
        ("Deep Throat", True),
        ("Oddfather, ", True),
        ("No.", False),  # a reply is a sentence
        ("a costly mistake", False),
        ("We Will Rebuild The Whole Harbour", False),  # longer than a name
    ],
)
def test_a_quoted_name_is_up_to_three_capitalised_words(inner: str, named: bool) -> None:
    assert names_something(inner) is named


@pytest.mark.parametrize(
    ("text", "framed"),
    [
        ("A producer offered her a part in return for favors -- she refused.", False),
        ("The screen test went badly, with a producer offering her a part -- she declined.", False),
        ("We will rebuild the bridge, the mayor promised on Monday.", True),
    ],
)
def test_a_stance_on_an_act_frames_no_words_before_it(text: str, framed: bool) -> None:
    cues = {m.cue.text for m in quotes_of(text) if m.cue is not None}
    assert bool(cues & {"refused", "declined", "promised"}) == framed


def test_a_that_clause_after_a_comma_is_no_closing_frame() -> None:
    text = "It was not until May 30, 2005, that the Ames family revealed his name to a magazine."
    assert all(not m.span.text.startswith("It was not until") for m in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The officer told him, "Stay down or we will shoot," police said.', "the officer"),
        ('Ana Ruiz told the jury: "I saw him run," the newspaper reported.', "Ana Ruiz"),
    ],
)
def test_a_verb_that_introduces_a_quotation_wins_over_a_frame_after_it(
    text: str, speaker: str
) -> None:
    [mention] = quotes_of(text)
    assert mention.speaker == speaker


def test_a_closing_frame_the_parse_hung_under_its_clause_reports_that_clause() -> None:
    # the parse makes "said" a clause of "asked": the senior Republican is the speaker, and
    # the asking is no statement of Tom Bell's
    text = (
        "Governor-elect Tom Bell has asked surgeon and BBC health correspondent Dr. Ana Ruiz "
        "to be state health director, a senior Republican said on Tuesday."
    )
    [mention] = quotes_of(text)
    assert mention.speaker == "a senior Republican"
    assert mention.span.text == text[: text.index(", a senior")]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez said that the bridge would reopen in May.",
            "the bridge would reopen in May",
            "said",
        ),
        (
            "The bridge will reopen in May, Maria Lopez said.",
            "The bridge will reopen in May",
            "said",
        ),
        (
            "The bridge will reopen in May, according to Maria Lopez.",
            "The bridge will reopen in May",
            "according to",
        ),
        (
            "Maria Lopez warned that the bridge could close again in winter.",
            "the bridge could close again in winter",
            "warned",
        ),
        # the parse splits one clause in two ("a ranger who saw the hiker fall …", "is
        # shaken"): the content is both
        (
            "Maria Lopez said a ranger who saw the hiker fall into the gorge below the ridge"
            " is shaken.",
            "a ranger who saw the hiker fall into the gorge below the ridge is shaken",
            "said",
        ),
    ],
)
def test_reported_speech_is_not_verbatim_and_spans_its_content(
    text: str, content: str, cue: str
) -> None:
    quote = quote_with(quotes_of(text), content)
    assert not quote.verbatim
    assert quote.speaker == "Maria Lopez"
    assert quote.cue is not None and quote.cue.text == cue


def test_another_report_run_into_a_clause_is_no_part_of_it() -> None:
    # no full stop between two reports: the second is not the first one's clause run on
    text = (
        "The Federal Aviation Administration, the agency that oversees the airports, said it "
        "was taking new steps to tighten the screening of pilots and its oversight of the "
        "flight schools The S.E.C. said it would add staff too."
    )
    said = [m.span.text for m in quotes_of(text)]
    assert not any("S.E.C." in content for content in said)


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ('Maria Lopez visited the harbour on Monday. She said, "We will finish soon."', "She"),
        ('John Carter toured the plant. "The work is nearly done," he stated.', "he"),
        ("John Carter toured the plant. He mentioned, “The work is nearly done.”", "He"),
    ],
)
def test_a_pronoun_speaker_resolves_to_the_last_named_person(text: str, pronoun: str) -> None:
    quote = quote_with(quotes_of(text), "")
    assert quote.speaker_span is not None and quote.speaker_span.text == pronoun
    assert quote.speaker in {"Maria Lopez", "John Carter"}
    assert quote.speaker is not None and quote.speaker.split()[-1] in text.split(".")[0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Governor Tim Bell stood beside Attorney General Jo Ames at the hearing. "
            '"We will appeal the ruling," he said.',
            "Tim Bell",
        ),
        (
            "Tim Bell told reporters that Jo Ames had left the room. "
            '"We will appeal the ruling," he said.',
            "Tim Bell",
        ),
        (
            'Tim Bell left early. Jo Ames stayed on. "We will appeal the ruling," she said.',
            "Jo Ames",
        ),
        (
            'Tim Bell said Jo Ames would stay. Then he added, "We will appeal the ruling."',
            "Tim Bell",
        ),
    ],
)
def test_a_pronoun_after_a_sentence_naming_two_people_is_the_one_it_was_about(
    text: str, speaker: str
) -> None:
    assert quote_with(quotes_of(text), "appeal the ruling").speaker == speaker


def test_a_surname_alone_resolves_to_the_full_name_seen_earlier() -> None:
    mentions = quotes_of(
        "John Carter, the harbour master, met reporters.\n\n"
        "Carter stressed, “Nobody will lose their job this year.”"
    )
    quote = quote_with(mentions, "Nobody will lose")
    assert quote.speaker == "John Carter"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Carter"


def test_a_bare_title_nobody_was_given_stays_as_written() -> None:
    # the last person named is not the spokesman: an article names many people in passing
    mentions = quotes_of("Daniel Okafor arrived late. The spokesman said the talks had failed.")
    quote = quote_with(mentions, "the talks had failed")
    assert quote.speaker == "the spokesman"
    assert quote.speaker_type is SpeakerType.DESCRIPTION


def test_a_title_written_short_before_a_name_is_the_title_alone_later() -> None:
    mentions = quotes_of(
        "Gov. Ana Ruiz visited the shelter with Tom Pike. The governor said the bridge would open."
    )
    assert quote_with(mentions, "bridge would open").speaker == "Ana Ruiz"


def test_a_capitalised_title_is_the_one_person_the_article_gave_it() -> None:
    mentions = quotes_of(
        "Governor Ana Ruiz met the mayor. The Governor said the bridge would open."
    )
    assert quote_with(mentions, "bridge would open").speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Governor announced on Monday that the bridge would reopen in May.", "the Governor"),
        ("The President announced a new plan for the ports today.", "the President"),
        ("The Ohio Governor said the bridge would reopen in May.", "the Ohio Governor"),
        ("The District Attorney said the killers would be caught.", "the District Attorney"),
    ],
)
def test_a_capitalised_title_no_one_holds_is_a_described_person(text: str, speaker: str) -> None:
    [mention] = quotes_of(text)
    assert (mention.speaker, mention.speaker_type) == (speaker, SpeakerType.DESCRIPTION)


def test_a_title_without_the_is_a_name() -> None:
    # "King said" names a Mr. King, whatever else the tagger reads it as
    [mention] = quotes_of("King said the plan for the ports would fail in the spring.")
    assert mention.speaker_type is not SpeakerType.DESCRIPTION


def test_variant_spellings_in_one_article_share_a_key_and_show_the_longest_form() -> None:
    mentions = quotes_of(
        "President Olena Petrenkoo spoke on Friday.\n\n"
        "“We will rebuild every school,” Petrenko said.\n\n"
        "Petrenkoo added that aid was on its way."
    )
    keys = {speaker_key(m.speaker or "") for m in mentions}
    assert keys == {"petrenko"}
    assert {m.speaker for m in mentions} == {"Olena Petrenkoo"}


def test_a_quote_credited_with_a_dash_names_its_speaker() -> None:
    quote = quote_with(
        quotes_of("“I never expected the rent to double in a year.” ― Ana Ruiz"), "rent to double"
    )
    assert quote.speaker_span is not None and quote.speaker_span.text == "Ana Ruiz"


def test_a_transcript_line_credits_the_rest_of_the_paragraph_to_its_name() -> None:
    quote = quote_with(
        quotes_of("Interview notes\n\nRUIZ: Well, the rent doubled in a year."), "rent doubled"
    )
    assert quote.speaker_span is not None and quote.speaker_span.text == "RUIZ"
    assert quote.speaker_type is SpeakerType.PERSON


@pytest.mark.parametrize("name", ["Herald", "Harbour Times", "Acme Corp."])
def test_a_line_credited_to_a_body_by_name_is_the_bodys(name: str) -> None:
    text = f"{name}: Harbour Deal Signed (Ten Years?)\n\nAcme Corp. signed the deal on Monday."
    [quote] = quotes_of(text)
    assert (quote.speaker, quote.speaker_type) == (name, SpeakerType.ORGANISATION)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “yes” twice.", ["yes"]),
        ('"one" and "two"', ["one", "two"]),
        ("“an open quote that runs on", ["an open quote that runs on"]),
        ("the end of a long quote.” Then more.", ["the end of a long quote."]),
        ('the end of a straight quote." Then more.', ["the end of a straight quote."]),
        ("''one,'' he said, ''two.''", ["one,", "two."]),
        ("the end of a typed quote,'' he said.", ["the end of a typed quote,"]),
        ("the voters' choice and the players' union", []),
        ('“Yes,” she said. “It will."', ["Yes,", "It will."]),
        ("“Not yet,“ he said. “Soon.”", ["Not yet,", "Soon."]),
        ('"Stay down,” police said. "Go."', ["Stay down,", "Go."]),
        ('"He said “no” to me," she said.', ["He said “no” to me,"]),
        # a lone straight mark shaped as an opener opens, it closes nothing before it
        ('The crowd cheered when the chant of "Go on! rose.', ["Go on! rose."]),
        # single curly marks, as British copy quotes; the closing mark is also the apostrophe
        ("‘We will win,’ he said.", ["We will win,"]),
        ("He didn’t wait. ‘The officers’ cars burned,’ she said.", ["The officers’ cars burned,"]),
        ("Back in the ‘90s it was fine.", []),
        ("an opening ‘ mark with no close", []),
        ("“He said ‘stop’ and ran,” she said.", ["He said ‘stop’ and ran,"]),
    ],
)
def test_quote_regions_pair_marks_and_keep_open_ends(text: str, inner: list[str]) -> None:
    assert [text[r.inner_start : r.inner_end] for r in quote_regions(text)] == inner


@pytest.mark.parametrize(
    ("text", "credited"),
    [("“Enough.” ― Ana Ruiz", True), ("“Enough.” The end.", False)],
)
def test_a_dash_credit_needs_a_dash_and_a_name(text: str, credited: bool) -> None:
    assert (dash_credit(text, text.index("”") + 1) is not None) is credited


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SMITH: Well, no.", "SMITH"),
        ("Ana Ruiz: Rents Will Rise", "Ana Ruiz"),
        ("Peter Lynch/Defense Attorney: We will appeal.", "Peter Lynch"),
        ("Ukraine/Russia: talks collapse.", None),
        ("New Delhi / Mumbai: An Indian warship foiled an attack.", None),
        ("Partial transcript as follows: none", None),
        ("No colon here", None),
    ],
)
def test_a_transcript_credit_needs_a_capitalised_name_and_a_colon(
    text: str, name: str | None
) -> None:
    credit = transcript_credit(text)
    assert (text[credit[0] : credit[1]] if credit else None) == name


@pytest.mark.seeds
def test_seed_quotes_carry_their_speakers(seed_paths: list[Path]) -> None:
    mentions: list[QuoteMention] = []
    for path in seed_paths:
        text = path.read_text("utf-8")
        mentions.extend(quotes_of(text))
    credited = {
        (m.speaker_span.text if m.speaker_span else "", m.cue.text if m.cue else ""): speaker_key(
            m.speaker or ""
        )
        for m in mentions
        if m.verbatim
    }
    assert credited[("he", "stated")] == "zelensky"
    assert credited[("He", "mentioned")] == "zelensky"
    assert credited[("Zelenskyy", "declared")] == "zelensky"
    assert credited[("Kirby", "emphasized")] == "kirby"
    # "Kirby indicated …, stating, “…”": the quote's cue is "stating", its subject Kirby's
    assert credited[("Kirby", "stating")] == "kirby"
    shown = {m.speaker for m in mentions if speaker_key(m.speaker or "") == "kirby"}
    assert shown == {"John Kirby"}
    zelensky = {m.speaker for m in mentions if speaker_key(m.speaker or "") == "zelensky"}
    assert len(zelensky) >= 2  # several spellings across articles, one key


@pytest.mark.parametrize(
    ("text", "content", "speaker", "kind"),
    [
        (
            "Two nurses met reporters. One of the nurses said the ward had run out of gloves.",
            "run out of gloves",
            "one of the nurses",
            SpeakerType.DESCRIPTION,
        ),
        (
            "A retired harbour pilot said the channel had silted up over the winter.",
            "channel had silted up",
            "a retired harbour pilot",
            SpeakerType.DESCRIPTION,
        ),
        (
            "Lisbon said the new border checks would end in June.",
            "border checks would end",
            "Lisbon",
            SpeakerType.ORGANISATION,
        ),
        (
            "Local farmers said the river had flooded their fields twice this year.",
            "flooded their fields",
            "Local farmers",
            SpeakerType.GROUP,
        ),
        (
            "Danish intelligence said the drones had been launched from a ship.",
            "launched from a ship",
            "Danish intelligence",
            SpeakerType.ORGANISATION,
        ),
    ],
)
def test_a_described_speaker_is_kept_whole_and_typed(
    text: str, content: str, speaker: str, kind: SpeakerType
) -> None:
    quote = quote_with(quotes_of(text), content)
    assert quote.speaker == speaker
    assert quote.speaker_type == kind


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "Detectives never asked her directly, and a police source said the rules forbid "
            "it.\n\n“They are just asked to say what happened,” the source said.",
            "just asked",
            "a police source",
            id="the-noun-takes-up-the-source-described-before",
        ),
        pytest.param(
            "“It is not all on the coach,” a source with knowledge of the team said. Jo Reed "
            "hired him in May.\n\n“Reed saw no progress,” the source said.",
            "no progress",
            "a source with knowledge of the team",
            id="a-person-named-since-in-another-role-does-not-end-the-source",
        ),
        pytest.param(
            "Alexis Ruiz, 15, was killed by a police bullet. "
            "The officer who fired the shot says he fired it in self-defence.",
            "in self-defence",
            "the officer who fired the shot",
            id="a-bare-noun-keeps-the-clause-that-says-who",
        ),
        pytest.param(
            "She fired a shot at an employee who had followed her in and had yelled, "
            "“Hide, she has got a gun!” Lt. Frank Vanore said.",
            "Hide",
            "an employee",
            id="a-clause-that-frames-the-statement-is-not-the-speaker",
        ),
        pytest.param(
            "A police spokesman said the road was shut. Spokesman Tom Bell later said the "
            "inmate had died. The spokesman added that an inquiry would follow.",
            "inquiry would follow",
            "Tom Bell",
            id="a-person-named-since-is-the-one-the-title-means",
        ),
        pytest.param(
            "Mob boss Vincent 'Chin' Gigante died on Monday. Denying he was a gangster, "
            "Chin Gigante wandered the streets for years.",
            "gangster",
            "Vincent Gigante",
            id="a-nickname-split-off-by-the-tagger-names-the-person",
        ),
        pytest.param(
            "Councilman Tom Bell spoke at the vigil. He added that one man had been attacked "
            "outside of a local Rite Aid. “Tonight was a peaceful vigil,” he wrote.",
            "peaceful vigil",
            "Tom Bell",
            id="a-name-brought-in-with-a-is-no-person-a-pronoun-means",
        ),
    ],
)
def test_a_described_or_renamed_speaker_is_the_one_the_article_means(
    text: str, words: str, speaker: str
) -> None:
    assert quote_with(quotes_of(text), words).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Human Rights Watch said the prisoners were beaten.",
        "Summit Entertainment said the film would open in May.",
        "Biloxi Sun Herald reported that the coach would stay.",
        "Brindle Advisors said the deal was worth about $2 billion.",
        # a person's name takes no "the"
        "The Hollywood Reporter said the studio would name a director next week.",
    ],
)
def test_a_name_that_ends_like_a_bodys_is_an_organisation(text: str) -> None:
    assert [m.speaker_type for m in quotes_of(text)] == [SpeakerType.ORGANISATION]


@pytest.mark.parametrize(
    ("noun", "said"),
    [
        ("detectives", "the two were found with head injuries"),
        ("friends", "he was close to his family"),
        ("unions", "low-paid workers will suffer most from the cuts"),
    ],
)
def test_a_common_noun_opening_its_sentence_is_credited_as_inside_one(noun: str, said: str) -> None:
    # the tagger reads "Detectives" opening a sentence as a name or a body
    [opening] = quotes_of(f"{noun.capitalize()} said {said}.")
    [inside] = quotes_of(f"{said[0].upper()}{said[1:]}, {noun} said.")
    assert opening.speaker_type == inside.speaker_type
    assert (opening.speaker or "").lower() == (inside.speaker or "").lower()


def test_a_surname_ending_like_a_role_that_opens_a_sentence_is_a_name() -> None:
    [mention] = quotes_of("Miller said the road would stay shut until Monday.")
    assert (mention.speaker, mention.speaker_type) == ("Miller", SpeakerType.PERSON)


@pytest.mark.parametrize("subject", ["Marlowe", "the Rangers"])
def test_a_surname_alone_is_the_person_the_article_named_in_full_not_a_body(subject: str) -> None:
    text = (
        "Jo Marlowe opened the Rangers ground on Monday.\n\n"
        f"“We will open the gates at noon,” {subject} said."
    )
    [mention] = quotes_labelled(text, {}, clear=True)  # the tagger labels none of them
    person = subject == "Marlowe"  # a body's name with "the" is no surname
    assert (mention.speaker == "Jo Marlowe") is person
    assert (mention.speaker_type is SpeakerType.PERSON) is person


def test_a_ship_named_once_after_its_prefix_is_no_person_where_it_stands_alone() -> None:
    text = "A patrol boat reached the MV Nordstar.\n\nNordstar reported that two boats fired at it."
    [mention] = quotes_labelled(text, {1: [(0, 1, "PERSON")]})
    assert (mention.speaker, mention.speaker_type) == ("Nordstar", SpeakerType.ORGANISATION)


def test_a_name_the_tagger_reads_as_a_person_once_and_a_body_elsewhere_is_the_body() -> None:
    text = "Nordvik said the cable would be mended.\n\nMeanwhile Nordvik, a firm, runs it."
    [mention] = quotes_labelled(text, {0: [(0, 1, "PERSON")], 1: [(1, 2, "ORG")]})
    assert (mention.speaker, mention.speaker_type) == ("Nordvik", SpeakerType.ORGANISATION)
    [mention] = quotes_labelled(text, {0: [(0, 1, "PERSON")], 1: [(1, 2, "GPE")]})
    assert mention.speaker_type is SpeakerType.PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Academy of Country Music Arts and Letters said on Monday that the awards "
            "would move.",
            "The Academy of Country Music Arts and Letters",
        ),
    ],
)
def test_a_bodys_whole_name_speaks_where_the_parse_cut_it(text: str, name: str) -> None:
    # the parse reads "… Arts and Letters" as an apposition to "Academy"
    assert [m.speaker for m in quotes_of(text)] == [name]


def test_a_company_officers_title_is_no_part_of_the_name() -> None:
    mention = quotes_of("Qualys CTO Wolfgang Kandek said the flaw was serious.")[0]
    assert (mention.speaker, mention.speaker_type) == ("Wolfgang Kandek", SpeakerType.PERSON)


def test_a_bare_number_word_is_one_of_the_group_named_before() -> None:
    mentions = quotes_of(
        "The three divers were rescued on Sunday. One said the current had pulled them apart."
    )
    quote = quote_with(mentions, "current had pulled")
    assert quote.speaker == "one of the three divers"


def test_the_agency_is_the_last_organisation_the_article_named() -> None:
    mentions = quotes_of(
        "The European Space Agency confirmed the launch date on Monday. "
        "The agency said the rocket had passed its final tests."
    )
    quote = quote_with(mentions, "passed its final tests")
    assert quote.speaker == "The European Space Agency"
    assert quote.speaker_type == SpeakerType.ORGANISATION


def test_a_headline_label_is_not_a_speaker() -> None:
    mentions = quotes_of("VIDEO: Storm Floods the Old Harbour\n\nThe harbour was closed on Monday.")
    assert all(m.speaker != "VIDEO" for m in mentions)


def test_photos_that_show_something_are_evidence_not_a_speaker() -> None:
    mentions = quotes_of("Photos show the bridge cracked in two places after the storm.")
    assert all(m.speaker is None for m in mentions)


def test_a_pronoun_inside_someone_elses_words_is_that_speaker() -> None:
    mentions = quotes_of(
        "Maria Lopez toured the plant. One of the welders said he had not been paid since May."
    )
    quote = quote_with(mentions, "not been paid")
    assert quote.speaker == "one of the welders"


def test_according_to_an_outlet_passes_on_the_speakers_words() -> None:
    mentions = quotes_of(
        "Maria Lopez said the port would reopen in May, according to the Harbour Courier."
    )
    inner = next(m for m in mentions if m.cue is not None and m.cue.text == "said")
    assert inner.speaker == "Maria Lopez"
    assert inner.via == "the Harbour Courier"


WEBSITE = (
    "For Lee, the photos were harmless fun.\n"
    '"But honestly, who could take any of this seriously?" she said years later,'
    " according to her official website.\n"
    '"I never understood how anyone believed those poses were daring.\n'
    'I do not get it."'
)
NEXT_CUE = (
    "Lee to host the gala\n"
    '"We wanted to take the show somewhere new," Mark said.\n'
    '"Lee seemed to be the perfect person.\n'
    "The show is a television show set in a theatre about the movies.\n"
    'Lee fits all three bills."\n'
    '"I never imagined that I would one day have the chance," Lee said in a statement.'
)
NO_VOICE_YET = (
    "Cable cut slows the internet\n"
    "Harbour Net has issued an update to its customers about the outage.\n"
    '"Some more bandwidth was brought online last night, bringing us up to 83% of our'
    " required capacity.\n"
    'We allowed file sharing to run from midnight to 7am."\n'
    '"We are working on restoring the rest during the day," said Harbour Net.'
)
BELIEF = (
    "Teen shot by police\n"
    "Tom Lopez, 16, was shot by police on Saturday night.\n"
    "His sister, Maria Lopez, told reporters she doubted that her brother had a gun.\n"
    '"They thought he was reaching for a gun," she said.\n'
    '"He is 16 years old.\n'
    "Why would he point a gun at six officers, knowing that they would kill him?\n"
    'He has common sense."'
)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "according to" only passes the words on: the quotation after them stays hers
        pytest.param(WEBSITE, "never understood", "Lee", id="after-according-to"),
        pytest.param(WEBSITE, "do not get it", "Lee", id="after-according-to-closed"),
        # closed with no cue in a voice already heard: not the next paragraph's speaker
        pytest.param(NEXT_CUE, "perfect person", "Mark", id="closed-in-a-voice"),
        pytest.param(NEXT_CUE, "never imagined", "Lee", id="the-next-cue-its-own"),
        # closed with no cue and no voice yet: the next paragraph's "said X"
        pytest.param(NO_VOICE_YET, "more bandwidth", "Harbour Net", id="closed-no-voice-yet"),
        # a belief inside the quotation ("knowing that …") is no new voice
        pytest.param(BELIEF, "common sense", "Maria Lopez", id="a-belief-inside"),
    ],
)
def test_a_quotation_over_paragraphs_goes_on_in_its_own_voice(
    text: str, words: str, speaker: str
) -> None:
    assert quote_with(quotes_of(text), words).speaker == speaker


def test_a_relayed_report_is_the_inner_speakers_via_the_reporter() -> None:
    mentions = quotes_of(
        "The Harbour Courier reports that Maria Lopez, the port director, says that the port"
        " will reopen in May."
    )
    assert [(m.speaker, m.via) for m in mentions] == [("Maria Lopez", "Harbour Courier")]
    assert mentions[0].span.text.endswith("the port will reopen in May")


def test_a_partial_quote_inside_a_relayed_report_is_the_inner_speakers() -> None:
    mentions = quotes_of(
        "Central Valley Fire Department Chief Maria Lopez said the department was"
        ' "treating the blaze as a crime at this point" but did not elaborate, The Portland'
        " Daily News reported."
    )
    assert [(m.speaker, m.via, m.carried_as) for m in mentions] == [
        ("Maria Lopez", "The Portland Daily News", QuoteForm.PARTIAL)
    ]
    assert mentions[0].span.text == "treating the blaze as a crime at this point"


def test_a_source_named_in_a_relative_clause_of_reported_words_is_its_own_speaker() -> None:
    mentions = quotes_of(
        "Tom Hale said the singer checked into a Northern Arizona clinic that a state official"
        " said is unlicensed to give the care a judge ordered."
    )
    assert [m.speaker for m in mentions] == ["Tom Hale", "a state official"]
    assert mentions[0].span.text.startswith("the singer checked into")
    assert mentions[1].span.text.startswith("is unlicensed to give the care")


def test_a_that_opening_reported_words_is_no_relative_clause() -> None:
    mentions = quotes_of("Maria Lopez told reporters that the mayor said the port would reopen.")
    assert [(m.speaker, m.span.text) for m in mentions] == [
        ("Maria Lopez", "that the mayor said the port would reopen")
    ]


def test_a_report_with_no_inner_speaker_stays_the_reporters() -> None:
    mentions = quotes_of("The Harbour Courier is reporting that the port will reopen in May.")
    assert [(m.speaker, m.via) for m in mentions] == [("Harbour Courier", None)]


def test_a_report_of_what_someone_did_stays_the_reporters() -> None:
    mentions = quotes_of(
        "The Harbour Courier reported that Maria Lopez asked the minister to reopen the port."
    )
    assert [(m.speaker, m.via) for m in mentions] == [("The Harbour Courier", None)]


def test_a_speakers_words_about_another_speaker_stay_the_speakers() -> None:
    mentions = quotes_of("Maria Lopez said that the minister says the port will reopen.")
    assert [m.speaker for m in mentions] == ["Maria Lopez"]


def test_a_speaker_citing_a_source_keeps_the_statement_and_names_the_source() -> None:
    mentions = quotes_of(
        "The port authority, citing customs records, said that grain exports had doubled."
    )
    quote = quote_with(mentions, "grain exports had doubled")
    assert quote.speaker is not None and "port authority" in quote.speaker
    assert quote.cites == "customs records"


@pytest.mark.parametrize(
    ("text", "content", "form"),
    [
        ("“We will open the bridge on Monday,” Maria Lopez said.", "open the bridge", "verbatim"),
        ("Maria Lopez called the tariff “a costly mistake” on Monday.", "costly", "partial"),
        ("Maria Lopez said that the bridge would open on Monday.", "bridge would", "reported"),
        ("The bridge will open on Monday, according to Maria Lopez.", "bridge will", "paraphrase"),
    ],
)
def test_each_mention_says_how_it_carries_the_statement(text: str, content: str, form: str) -> None:
    assert quote_with(quotes_of(text), content).carried_as == form


@pytest.mark.seeds
def test_every_seed_speaker_is_a_person_organisation_group_or_description(
    seed_paths: list[Path],
) -> None:
    mentions = [m for path in seed_paths for m in quotes_of(path.read_text("utf-8"))]
    speakers = {(m.speaker, m.speaker_type) for m in mentions if m.speaker}
    assert all(kind is not None for _, kind in speakers)
    person, organisation = SpeakerType.PERSON, SpeakerType.ORGANISATION
    group, description = SpeakerType.GROUP, SpeakerType.DESCRIPTION
    assert speakers == {
        ("Volodymyr Zelenskyy", person),
        ("Volodymyr Zelensky", person),  # one key: the dossier shows one spelling
        ("John Kirby", person),
        ("Vladimir Putin", person),
        ("Ian Bremmer", person),
        ("Digi24", organisation),
        ("Biden administration", organisation),
        ("Western nations including the U.S.", group),
        ("South Korean officials", group),
        ("Officials in Kyiv", group),
        ("Ukrainian forces", group),
        # a place for its government; "Neither Moscow nor Pyongyang has acknowledged …"
        # credits Moscow with nothing
        ("Ukraine", organisation),
        ("South Korea’s National Intelligence Service", organisation),
        ("Ukrainian intelligence", organisation),
        ("Ukrainian military", organisation),
        ("Western intelligence", organisation),
        ("South Korean intelligence officials", group),
        ("Ukrainian officials", group),
        ("Ukrainian estimates", description),
        ("a South Korean lawmaker", description),
        ("one of the soldiers", description),
        ("one of the two soldiers", description),
    }


def test_a_paragraph_ending_in_a_colon_credits_the_quote_that_follows() -> None:
    mentions = quotes_of(
        "Ana Ruiz spoke to the council on Monday.\n\n"
        "Ruiz continued:\n\n"
        "“The bridge will be rebuilt by the spring, and the ferry will run until then.”"
    )
    quote = quote_with(mentions, "bridge will be rebuilt")
    assert quote.speaker_span is not None and quote.speaker_span.text == "Ruiz"
    assert quote.cue is not None and quote.cue.text == "continued"


def test_an_outlet_introducing_a_paragraph_is_its_source() -> None:
    mentions = quotes_of(
        "Ferry news\n\nThe Harbour Courier reports:\n\n"
        "The ferry will run until the bridge is rebuilt in the spring."
    )
    quote = quote_with(mentions, "ferry will run")
    assert quote.speaker_span is not None and quote.speaker_span.text == "The Harbour Courier"
    assert quote.carried_as == "paraphrase"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "The mayor’s claim that the river had never flooded the square drew laughter.",
            "The mayor’s",
            "claim",
            "that the river had never flooded the square",
        ),
        (
            "At the hearing, Ana Ruiz cited the flood reports from the spring.",
            "Ana Ruiz",
            "cited",
            "the flood reports",
        ),
        (
            "The inspector pointed out that the dam had not been checked for a decade.",
            "The inspector",
            "pointed out",
            "that the dam had not been checked for a decade",
        ),
    ],
)
def test_nominal_and_stance_cues_are_attributions(
    text: str, source: str, cue: str, content: str
) -> None:
    quote = quote_with(quotes_of("Flood report\n\n" + text), content)
    assert quote.speaker_span is not None and quote.speaker_span.text == source
    assert quote.cue is not None and quote.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        # one sentence a line: the lines between carry no mark at all
        '"Our hearts are with the family," said Tom Berg, who ran to help.\n'
        '"He was badly shaken.\n'
        'He tried to comfort her," said Sgt. Ann Lee of the city police.',
        # the news convention: each paragraph of the quotation opens with a mark
        '"Our hearts are with the family," said Tom Berg, who ran to help.\n\n'
        '"He was badly shaken.\n\n'
        '"He tried to comfort her," said Sgt. Ann Lee of the city police.',
    ],
)
def test_a_quotation_over_paragraphs_goes_to_the_cue_that_closes_it(text: str) -> None:
    mentions = quotes_of(text)
    assert quote_with(mentions, "hearts are with").speaker == "Tom Berg"
    for words in ("badly shaken", "comfort her"):
        assert quote_with(mentions, words).speaker == "Ann Lee"


def test_the_unmarked_lines_inside_a_quotation_are_its_parts() -> None:
    mentions = quotes_of(
        "Crash in the car park\n"
        '"He was badly shaken.\n'
        "Nobody else was hurt.\n"
        'He tried to comfort her," said Sgt. Ann Lee.'
    )
    middle = quote_with(mentions, "Nobody else was hurt")
    assert middle.speaker == "Ann Lee" and middle.verbatim


def test_a_quotation_left_open_and_never_closed_keeps_the_last_speaker() -> None:
    mentions = quotes_of(
        '"Our hearts are with the family," said Tom Berg.\n\n'
        '"We will pray for them tonight and every night.\n\n'
        "The car was towed away on Monday by the city."
    )
    assert quote_with(mentions, "pray for them").speaker == "Tom Berg"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a body whose name holds the word, however many bodies were named since
        (
            "The Roman Catholic Church opposed the bill. Planned Parenthood criticised it. "
            "The church teaches that life begins at conception.",
            "The Roman Catholic Church",
        ),
        # no such body: the phrase as written, not the last body named
        (
            "Planned Parenthood criticised the ruling. "
            "The church teaches that life begins at conception.",
            "the church",
        ),
        ("The city of Dunmore mourned. The police said the gunman acted alone.", "police"),
        # a company's name seldom says it is one: the last body named
        ("Microsoft released a patch. The company said the flaw was fixed.", "Microsoft"),
    ],
)
def test_a_bare_body_noun_is_the_body_named_with_that_word(text: str, speaker: str) -> None:
    [quote] = [m for m in quotes_of(text) if m.speaker_type is SpeakerType.ORGANISATION][-1:]
    assert quote.speaker == speaker


@pytest.mark.parametrize("noun", ["hospital", "foundation", "association", "bureau"])
def test_an_institution_states_a_position_with_any_verb(noun: str) -> None:
    quote = quote_with(quotes_of(f"The {noun} maintains that the surgery was needed."), "surgery")
    assert quote.speaker == f"the {noun}"
    assert quote.speaker_type is SpeakerType.ORGANISATION


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the clause's subject, which the parse reads as the cue's object
        (
            "The daily Eleftherotypia warned young Greeks would rise up if nothing was done.",
            "young Greeks would rise up if nothing was done",
        ),
        (
            "Greeks reacted with fury to an official report which concluded a schoolboy whose "
            "death triggered riots across the country was killed by an accidental ricochet.",
            "a schoolboy whose death triggered riots across the country was killed by an "
            "accidental ricochet",
        ),
        # ... and the clause hung on the sentence's first verb, not on the cue
        (
            'LaRue called Magruder a "congenital liar" and insisted Nixon had no knowledge '
            "of the plans.",
            "Nixon had no knowledge of the plans",
        ),
    ],
)
def test_a_reported_clause_keeps_the_subject_the_parse_read_as_an_object(
    text: str, content: str
) -> None:
    quote = quote_with(quotes_of(text), content.split()[-1])
    assert quote.span.text == content
    assert quote.carried_as is QuoteForm.REPORTED


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee ran back to the house, only to be told her daughter was already dead.",
            "her daughter was already dead",
        ),
        ("Ann Lee said little. She was told that the school was closed.", "the school was closed"),
        ("Microsoft shipped a patch.\nIt was announced that the patch is ready.", "is ready"),
    ],
)
def test_whoever_is_told_something_is_not_its_speaker(text: str, content: str) -> None:
    quote = quote_with(quotes_of(text), content)
    assert quote.speaker is None


def test_a_cue_without_a_subject_is_said_by_the_names_right_before_it() -> None:
    text = (
        "Although Lee denied he was the leaker, and that the leak came from several people, "
        "Woodward and Ames have insisted the leaker was one person."
    )
    quote = quote_with(quotes_of(text), "was one person")
    assert quote.speaker == "Woodward"


def test_a_companys_legal_form_after_a_comma_is_said_with_its_name() -> None:
    quote = quote_with(quotes_of("Harbor Pictures, LLC said it would release ten films."), "ten")
    assert quote.speaker == "Harbor Pictures, LLC"
    assert quote.speaker_type is SpeakerType.ORGANISATION
