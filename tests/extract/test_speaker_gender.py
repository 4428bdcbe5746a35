"""Whom "he" or "she" stands for: a person the article does not say is of the other gender
(read from titles, roles and pronouns tied by the parse), never one named inside the
statement, and a speaker described in the sentence before ("the officer said")."""

from __future__ import annotations

import pytest

from accord.extract.speaker_gender import GenderTable, pronouns_taken_up, word_gender
from accord.vocab import Gender
from tests.extract import quoting
from tests.models import loaded_nlp


def speaker_of(text: str, words: str) -> str | None:
    return quoting.speaker_of(text, words, title=text.split(".")[0])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an honorific: the last person named is a man
        (
            "Mrs. Ann Lee stood beside Mr. Tim Bell. Tim Bell spoke first. "
            "“We will appeal the ruling,” she said.",
            "Ann Lee",
        ),
        # pronouns the parse ties to each name
        (
            "Ann Lee said she would stay. Tim Bell said he would go. "
            "“We will appeal the ruling,” she said.",
            "Ann Lee",
        ),
        (
            "Ann Lee lost her job in May. Tim Bell sold his car. "
            "“We will appeal the ruling,” she said.",
            "Ann Lee",
        ),
        # a gendered role in apposition
        (
            "Ann Lee, a mother of two, waited outside. Mr. Tim Bell left early. "
            "“We will appeal the ruling,” she said.",
            "Ann Lee",
        ),
        (
            "Mr. Tim Bell met Mrs. Ann Lee on Monday. “We will appeal the ruling,” he said.",
            "Tim Bell",
        ),
    ],
)
def test_a_pronoun_skips_a_person_the_article_gives_the_other_gender(
    text: str, speaker: str
) -> None:
    assert speaker_of(text, "appeal the ruling") == speaker


def test_a_person_of_unknown_gender_stays_the_last_named() -> None:
    text = "Mrs. Ann Lee met Jo Ames. Jo Ames spoke first. “We will appeal the ruling,” she said."
    assert speaker_of(text, "appeal the ruling") == "Jo Ames"


def test_an_object_pronoun_is_someone_else() -> None:
    text = "Mrs. Ann Lee arrived. Tim Bell greeted her. “We will appeal the ruling,” he said."
    assert speaker_of(text, "appeal the ruling") == "Tim Bell"


@pytest.mark.parametrize(
    "text",
    [
        # she was the object of his verb: the next "she" goes on with her
        "Ann Lee lost her job in May. A neighbour named Jo Ames saw her and asked her to stay. "
        "“We will appeal the ruling,” she said.",
        "Ann Lee lost her job in May. Jo Ames met her at the station. "
        "“We will appeal the ruling,” she said.",
        # of two people one sentence names, the one of the pronoun's gender it goes on to
        # call "she"
        "Ann Lee lost her job in May. Jo Ames said Ann Lee would appeal after she lost. "
        "“We will appeal the ruling,” she said.",
    ],
)
def test_she_goes_on_with_the_woman_named_not_with_one_of_unknown_gender(text: str) -> None:
    assert speaker_of(text, "appeal the ruling") == "Ann Lee"


def test_he_after_a_sentence_is_its_speaker_where_it_says_his_of_another() -> None:
    text = (
        "Tim Bell was arrested after he crashed. Tim Bell, 32, was driving his car at 1 a.m., "
        "Officer Jo Ames said. He said he did not know how fast Bell was going."
    )
    assert speaker_of(text, "did not know how fast") == "Jo Ames"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "him" is the object of a clause with a subject of its own: it is Tim Bell
        (
            "Mr. Jo Ames praised Tim Bell. Then Tim Bell choked up as he watched his teammates "
            "congratulate him. “We will appeal the ruling,” he said.",
            "Tim Bell",
        ),
        # a sentence that reports no one's words: its subject, whoever "he" after it is
        (
            "Mr. Tim Bell scored twice. Jo Ames was able to tease Tim Bell after he missed a "
            "dunk. “We will appeal the ruling,” he said.",
            "Jo Ames",
        ),
        # the report's "he" is bound to its speaker, not to the man named in it
        (
            "Mr. Tim Bell spoke on Monday. Jo Ames, who attended Bell's news conference, said "
            "he backed Bell. “We will appeal the ruling,” he said.",
            "Jo Ames",
        ),
        # a name in apposition names the subject
        (
            "Mr. Tim Bell was shot. A family friend, Jo Ames, 33, said he was not surprised "
            "that Tim Bell had been shot. “We will appeal the ruling,” he said.",
            "Jo Ames",
        ),
    ],
)
def test_he_is_the_subject_where_the_sentence_binds_or_reports_nothing(
    text: str, speaker: str
) -> None:
    assert speaker_of(text, "appeal the ruling") == speaker


def test_she_in_a_clause_of_her_own_is_not_the_first_clauses_subject() -> None:
    text = (
        "Mrs. Ann Lee was born in Leeds. Filmmaker and aviator Jo Ames also doggedly pursued "
        "Ann Lee but she rebuffed him as well. "
        "“We will appeal the ruling,” she said."
    )
    assert speaker_of(text, "appeal the ruling") == "Ann Lee"


def test_she_is_never_the_reporter_a_report_calls_he() -> None:
    text = (
        "Mrs. Ann Lee was charged. Detective Jo Ames, testifying at Ann Lee's hearing, said he "
        "asked how she felt. “We will appeal the ruling,” she said."
    )
    assert speaker_of(text, "appeal the ruling") == "Ann Lee"


def test_she_after_a_sentence_that_calls_no_one_she_is_its_subject() -> None:
    text = (
        "Ann Lee lost her job in May. Ann Lee's lawyer, Jo Ames, said the ruling was wrong. "
        "“We will appeal the ruling,” she said."
    )
    assert speaker_of(text, "appeal the ruling") == "Jo Ames"


def test_a_full_name_is_its_own_person_beside_a_namesake() -> None:
    text = (
        "Officers shot Tim Gray on Monday. Tim Gray was taken to a hospital. "
        "His sister, Ann Gray, spoke to reporters. “We want the truth,” she said."
    )
    assert speaker_of(text, "want the truth") == "Ann Gray"


def test_a_name_inside_the_speakers_own_words_is_not_the_speaker() -> None:
    text = "Tim Bell met reporters on Monday. Jo Ames had lied about the budget, he said."
    assert speaker_of(text, "lied about the budget") == "Tim Bell"


def test_a_title_outweighs_a_pronoun_and_two_titles_that_clash_say_nothing() -> None:
    table = GenderTable()
    table.vote("Ann Lee", Gender.FEMININE, 3)
    table.vote("Ann Lee", Gender.MASCULINE, 1)
    table.vote("Jo Ames", Gender.FEMININE, 3)
    table.vote("Jo Ames", Gender.MASCULINE, 3)
    assert table.of("Ann Lee") is Gender.FEMININE
    assert table.of("Jo Ames") is None and table.of("Tim Bell") is None
    assert table.fits("Jo Ames", Gender.MASCULINE) and not table.fits("Ann Lee", Gender.MASCULINE)


@pytest.mark.parametrize(
    ("word", "gender"),
    [
        ("Mrs.", Gender.FEMININE),
        ("actress", Gender.FEMININE),
        ("Msgr.", Gender.MASCULINE),
        ("spokesman", Gender.MASCULINE),
        ("doctor", None),
        ("actor", None),
    ],
)
def test_a_title_or_role_word_states_a_gender_only_when_news_copy_uses_it_so(
    word: str, gender: Gender | None
) -> None:
    assert word_gender(word) is gender


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tim Bell was arrested on Monday. “The boat was empty,” the officer said. "
            "He said the crew had fled.",
            "the officer",
        ),
        (
            "Tim Bell was arrested on Monday. One woman told reporters the boat was empty. "
            "She said the crew had fled.",
            "one woman",
        ),
        # a body's spokesperson with no article, and the voice going on past one "he said"
        (
            "Tim Bell was arrested on Monday. The boat was empty, Navy spokesperson said. "
            "It had sailed at dawn, he said. Then the crew had fled, he added.",
            "Navy spokesperson",
        ),
        # before anyone is named, a pronoun past the narration is still the voice described
        (
            "The boat was empty, a police spokesman said. The harbour was shut at noon. "
            "Divers searched the bay. He said the crew had fled.",
            "a police spokesman",
        ),
        # a described person inside someone's statement is not the next sentence's voice
        (
            "Tim Bell spoke at the harbour. When the officer shouted, everyone ran, he said. "
            "He said the crew had fled.",
            "Tim Bell",
        ),
    ],
)
def test_a_pronoun_after_a_described_speaker_is_that_speaker(text: str, speaker: str) -> None:
    assert speaker_of(text, "the crew had fled") == speaker


@pytest.mark.parametrize(
    ("text", "name", "taken"),
    [
        # the nearest subject above the pronoun, in the clauses that govern it
        ("Jo Ames said Ann Lee was ill when she fell.", "Lee", {Gender.FEMININE}),
        ("Jo Ames said he backed Ann Lee.", "Ames", {Gender.MASCULINE}),
        ("Jo Ames said he backed Ann Lee.", "Lee", set()),
        # a clause of its own, joined to the first: its pronoun is not the first's subject
        ("Jo Ames pursued Ann Lee, but she rebuffed him.", "Ames", set()),
    ],
)
def test_a_pronoun_goes_on_with_the_nearest_subject_that_governs_it(
    text: str, name: str, taken: set[Gender]
) -> None:
    doc = loaded_nlp()(text)
    token = next(t for t in doc if t.text == name)
    assert pronouns_taken_up(token) == taken
