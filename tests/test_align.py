"""Claim and quote alignment across sources, on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from accord.align import (
    Embedder,
    align_claims,
    aligned,
    argument_overlap,
    asserts,
    entities,
    group_quotes,
    negated,
    similar_pairs,
)
from accord.extract import extract_blocks
from accord.model import (
    Article,
    Claim,
    Event,
    Extraction,
    FigureMention,
    QuoteForm,
    QuoteMention,
    Span,
    SpeakerType,
)
from accord.nlp import parse_blocks
from accord.reconcile import reconcile_figures
from accord.vocab import Measure, Period
from tests.models import loaded_nlp


def article(text: str, **kwargs: object) -> Article:
    return Article.create("t.txt", text, **kwargs)  # type: ignore[arg-type]


def whole(art: Article, *figures: FigureMention) -> Extraction:
    return Extraction(art.id, sentences=(Span.of(art, 0, len(art.original)),), figures=figures)


def one_event(*arts: Article) -> list[Event]:
    return [Event("e1", "story", None, tuple(a.id for a in arts))]


def reconciled_claims(
    arts: list[Article], exs: list[Extraction], events: list[Event], embedder: Embedder
) -> list[Claim]:
    """Claims aligned as the pipeline aligns them: after the figures are reconciled."""
    figures = reconcile_figures(arts, exs, events)
    return align_claims(arts, exs, events, embedder=embedder, figures=figures)


@pytest.fixture(scope="module")
def embed(embedder):  # type: ignore[no-untyped-def]
    """The real embedder: claim thresholds were calibrated on it."""
    return embedder


PARAPHRASES = [
    "The rebel commanders routinely shoot their own injured fighters, the minister said.",
    "According to the minister, rebel commanders often kill their injured fighters.",
    "Rebel commanders apparently execute their injured fighters, the minister claimed.",
]


def test_three_paraphrases_of_one_statement_form_one_claim_with_three_sources(embed) -> None:  # type: ignore[no-untyped-def]
    arts = [article(t) for t in [*PARAPHRASES, "The harbour reopened to cargo ships on Monday."]]
    claims = align_claims(arts, [whole(a) for a in arts], one_event(*arts), embedder=embed)
    [claim] = claims
    assert claim.sources == 3
    assert {m.article for m in claim.mentions} == {a.id for a in arts[:3]}


def test_a_reprint_does_not_add_an_independent_source(embed) -> None:  # type: ignore[no-untyped-def]
    first = article(PARAPHRASES[0])
    second = article(PARAPHRASES[1])
    copy = replace(article(PARAPHRASES[0] + " "), derived_from=first.id, derivation="reprint")
    arts = [first, second, copy]
    [claim] = align_claims(arts, [whole(a) for a in arts], one_event(*arts), embedder=embed)
    assert len(claim.mentions) == 3 and claim.sources == 2


def test_a_negated_statement_contradicts_instead_of_joining(embed) -> None:  # type: ignore[no-untyped-def]
    a = article("The mayor said the bridge over the river will reopen to traffic next week.")
    b = article("The mayor said the bridge over the river will not reopen to traffic next week.")
    claims = align_claims([a, b], [whole(a), whole(b)], one_event(a, b), embedder=embed)
    assert len(claims) == 2
    assert claims[0].contradicts == (claims[1].id,) and claims[1].contradicts == (claims[0].id,)


def test_incompatible_numbers_about_one_event_contradict(embed) -> None:  # type: ignore[no-untyped-def]
    a = article("Rescuers said 40 miners were trapped underground after the collapse.")
    b = article("Rescuers said 400 miners were trapped underground after the collapse.")
    fa = FigureMention(Span.of(a, 14, 16), 40, 40, measure=Measure.MISSING)
    fb = FigureMention(Span.of(b, 14, 17), 400, 400, measure=Measure.MISSING)
    exs = [whole(a, fa), whole(b, fb)]
    claims = reconciled_claims([a, b], exs, one_event(a, b), embed)
    assert all(len(c.contradicts) == 1 for c in claims) and len(claims) == 2
    # without the reconciled figures, clashing numbers are no contradiction: only two claims
    # that do not join
    assert align_claims([a, b], exs, one_event(a, b), embedder=embed) == []


def test_numbers_an_order_of_magnitude_apart_count_two_things_and_do_not_contradict(
    embed: Embedder,
) -> None:
    a = article("Rescuers said 40 miners were trapped underground after the collapse.")
    b = article("Rescuers said 4000 miners were trapped underground after the collapse.")
    fa = FigureMention(Span.of(a, 14, 16), 40, 40, measure=Measure.MISSING)
    fb = FigureMention(Span.of(b, 14, 18), 4000, 4000, measure=Measure.MISSING)
    exs = [whole(a, fa), whole(b, fb)]
    assert reconciled_claims([a, b], exs, one_event(a, b), embed) == []


@pytest.mark.parametrize(
    ("counted", "periods", "clash"),
    [
        (("miners", "miners"), ("cumulative", "cumulative"), True),
        (("miners", "rescuers"), ("cumulative", "cumulative"), False),
        (("miners", "miners"), ("within the last week", "cumulative"), False),
    ],
)
def test_counts_contradict_only_when_they_count_one_thing_over_one_period(
    embed: Embedder,
    counted: tuple[str, str],
    periods: tuple[str, str],
    clash: bool,
) -> None:
    a = article("Rescuers said 40 miners were trapped underground after the collapse.")
    b = article("Rescuers said 400 miners were trapped underground after the collapse.")
    missing = Measure.MISSING
    fa = FigureMention(
        Span.of(a, 14, 16), 40, 40, measure=missing, counted=counted[0], period=Period(periods[0])
    )
    fb = FigureMention(
        Span.of(b, 14, 17), 400, 400, measure=missing, counted=counted[1], period=Period(periods[1])
    )
    claims = reconciled_claims([a, b], [whole(a, fa), whole(b, fb)], one_event(a, b), embed)
    assert any(c.contradicts for c in claims) is clash


def test_bare_counts_reconciled_apart_do_not_contradict(embed: Embedder) -> None:
    # a count with no predicate ("40 miners") is no figure of the incident to reconcile
    # across articles, so two of them are never a contradiction between claims
    a = article("Rescuers said 40 miners were trapped underground after the collapse.")
    b = article("Rescuers said 400 miners were trapped underground after the collapse.")
    fa = FigureMention(Span.of(a, 14, 16), 40, 40, counted="miners")
    fb = FigureMention(Span.of(b, 14, 17), 400, 400, counted="miners")
    claims = reconciled_claims([a, b], [whole(a, fa), whole(b, fb)], one_event(a, b), embed)
    assert claims == []


def trapped(art: Article, *numbers: tuple[str, float, str]) -> Extraction:
    """The whole article as one sentence, with the trapped counts extraction found in it:
    (number as written, value, counted noun)."""
    figures = []
    for needle, value, counted in numbers:
        start = art.original.index(needle)
        span = Span.of(art, start, start + len(needle))
        figures.append(FigureMention(span, value, value, measure=Measure.MISSING, counted=counted))
    return whole(art, *figures)


@pytest.mark.parametrize(("other", "clash"), [(45, False), (60, True)])
def test_a_sentence_giving_one_quantity_twice_contradicts_only_a_number_neither_fits(
    embed: Embedder, other: int, clash: bool
) -> None:
    a = article(
        "Rescuers said 40 miners were trapped underground, officials said 45, after the collapse."
    )
    b = article(f"Rescuers said {other} miners were trapped underground after the collapse.")
    exs = [
        trapped(a, ("40", 40, "miners"), ("45", 45, "miners")),
        trapped(b, (str(other), other, "miners")),
    ]
    claims = reconciled_claims([a, b], exs, one_event(a, b), embed)
    assert any(c.contradicts for c in claims) is clash


@pytest.mark.parametrize(("total", "value", "clash"), [("three", 3, False), ("five", 5, True)])
def test_a_toll_told_in_parts_agrees_with_its_sum(
    embed: Embedder, total: str, value: int, clash: bool
) -> None:
    a = article(
        "Rescuers said two miners and one engineer were trapped underground after the collapse."
    )
    b = article(f"Rescuers said {total} workers were trapped underground after the collapse.")
    exs = [
        trapped(a, ("two", 2, "miners"), ("one", 1, "engineer")),
        trapped(b, (total, value, "workers")),
    ]
    claims = reconciled_claims([a, b], exs, one_event(a, b), embed)
    # a total that is not the sum is no one claim; two victim groups are not one figure to
    # reconcile, so neither is it a contradiction
    assert not any(c.contradicts for c in claims)
    assert any(c.sources == 2 for c in claims) is not clash


def test_the_same_words_about_two_different_events_neither_join_nor_contradict(embed) -> None:  # type: ignore[no-untyped-def]
    a = article("This is the first time the coast guard has rescued a whole crew alive.")
    b = article("This is not the first time the coast guard has rescued a whole crew alive.")
    events = [Event("e1", "x", "2021-01-01", (a.id,)), Event("e2", "y", "2021-03-01", (b.id,))]
    assert align_claims([a, b], [whole(a), whole(b)], events, embedder=embed) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army did not confirm the report.", True),
        ("The army didn't confirm the report.", True),
        ("The army confirmed the report.", False),
        ("It is not true that the army did not confirm it.", False),
    ],
)
def test_negation_is_read_from_the_cues_of_the_sentence(text: str, expected: bool) -> None:
    assert negated(text) is expected


def test_entities_are_the_capitalised_words_after_the_first() -> None:
    assert entities("Police in Lyon questioned Marie's brother.") == {"lyon", "marie"}


@pytest.mark.parametrize("n", [10, 300, 3000])
def test_blocking_finds_planted_near_duplicates_among_random_vectors(n: int) -> None:
    rng = np.random.default_rng(n)
    base = rng.standard_normal((n, 64)).astype(np.float32)
    twin = base[:5] + 0.15 * rng.standard_normal((5, 64)).astype(np.float32)
    vectors = np.concatenate([base, twin])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    result = similar_pairs(vectors, 0.9)
    assert {tuple(p) for p in result.pairs.tolist()} == {(i, n + i) for i in range(5)}
    assert result.comparisons <= (n + 5) * (n + 4) // 2
    assert result.comparisons < (n + 5) * (n + 4) // 4 or n < 1000


def test_quotes_trimmed_by_one_outlet_join_the_fuller_rendering() -> None:
    a = article('"We will rebuild every school before winter," the governor said.')
    b = article('The governor promised: "We will rebuild every school."')
    c = article('"Taxes will not rise," the governor said.')

    def quote(art: Article, words: str) -> QuoteMention:
        start = art.original.index(words)
        return QuoteMention(Span.of(art, start, start + len(words)), "Ana Ruiz")

    exs = [
        Extraction(a.id, quotes=(quote(a, "We will rebuild every school before winter"),)),
        Extraction(b.id, quotes=(quote(b, "We will rebuild every school"),)),
        Extraction(c.id, quotes=(quote(c, "Taxes will not rise"),)),
    ]
    quotes = group_quotes([a, b, c], exs, embedder=lambda t: np.eye(len(t), dtype=np.float32))
    assert [len(q.mentions) for q in quotes] == [2, 1]
    assert quotes[0].text == "We will rebuild every school before winter"


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Bridge reopens after floods: traffic returns to the old town", False),
        ("Why did the levee fail?", False),
        ("The levee failed after three days of rain.", True),
        ('"We will open the bridge on Monday," the mayor said.', True),
        ("“The water is still rising.”", True),
    ],
)
def test_only_declarative_sentences_are_claims(sentence: str, claim: bool) -> None:
    assert asserts(sentence) is claim


def test_one_speaker_spelled_differently_by_two_outlets_is_one_voice() -> None:
    a = article('"The roads will reopen on Friday," said Governor Ilona Marcu.')
    b = article('"The roads will reopen on Friday," Marku told reporters.')
    c = article('"Repairs are on schedule," the interior ministry said.')

    def quote(art: Article, words: str, speaker: str) -> QuoteMention:
        start = art.original.index(words)
        return QuoteMention(Span.of(art, start, start + len(words)), speaker)

    exs = [
        Extraction(a.id, quotes=(quote(a, "The roads will reopen on Friday", "Ilona Marcu"),)),
        Extraction(b.id, quotes=(quote(b, "The roads will reopen on Friday", "Marku"),)),
        Extraction(c.id, quotes=(quote(c, "Repairs are on schedule", "interior ministry"),)),
    ]
    quotes = group_quotes([a, b, c], exs, embedder=lambda t: np.eye(len(t), dtype=np.float32))
    assert [(q.speaker, len(q.mentions)) for q in quotes] == [
        ("Ilona Marcu", 2),
        ("interior ministry", 1),
    ]


def _mention(
    art: Article,
    words: str,
    speaker: str,
    form: QuoteForm,
    kind: SpeakerType = SpeakerType.PERSON,
) -> QuoteMention:
    start = art.original.index(words)
    span = Span.of(art, start, start + len(words))
    verbatim = form in {QuoteForm.VERBATIM, QuoteForm.PARTIAL}
    return QuoteMention(span, speaker, verbatim=verbatim, speaker_type=kind, form=form)


def test_one_statement_retold_by_three_outlets_is_shown_once(embed: Embedder) -> None:
    a = article('"The ferry will stop running to the island in October," Mayor Rita Oyelaran said.')
    b = article("Oyelaran said that ferry service to the island would end in October.")
    c = article("Ferries to the island will be halted from October, according to Oyelaran.")
    d = article('"We have hired forty new teachers," Oyelaran said.')
    exs = [
        Extraction(
            a.id,
            quotes=(
                _mention(
                    a,
                    "The ferry will stop running to the island in October",
                    "Rita Oyelaran",
                    QuoteForm.VERBATIM,
                ),
            ),
        ),
        Extraction(
            b.id,
            quotes=(
                _mention(
                    b,
                    "ferry service to the island would end in October",
                    "Oyelaran",
                    QuoteForm.REPORTED,
                ),
            ),
        ),
        Extraction(
            c.id,
            quotes=(
                _mention(
                    c,
                    "Ferries to the island will be halted from October",
                    "Oyelaran",
                    QuoteForm.PARAPHRASE,
                ),
            ),
        ),
        Extraction(
            d.id,
            quotes=(
                _mention(d, "We have hired forty new teachers", "Oyelaran", QuoteForm.VERBATIM),
            ),
        ),
    ]
    quotes = group_quotes([a, b, c, d], exs, embedder=embed)
    assert [len(q.mentions) for q in quotes] == [3, 1]
    ferry = quotes[0]
    assert ferry.speaker == "Rita Oyelaran"
    assert ferry.text == "The ferry will stop running to the island in October"  # verbatim
    assert ferry.sources == 3 and not ferry.folded
    assert {m.carried_as for m in ferry.mentions} == {
        QuoteForm.VERBATIM,
        QuoteForm.REPORTED,
        QuoteForm.PARAPHRASE,
    }


def test_two_statements_of_one_speaker_on_one_topic_stay_apart(embed: Embedder) -> None:
    a = article("Oyelaran said that the ferry to the island would stop running in October.")
    b = article("Oyelaran said that the ferry to the island had carried a record number of cars.")
    exs = [
        Extraction(
            a.id,
            quotes=(
                _mention(
                    a,
                    "the ferry to the island would stop running in October",
                    "Oyelaran",
                    QuoteForm.REPORTED,
                ),
            ),
        ),
        Extraction(
            b.id,
            quotes=(
                _mention(
                    b,
                    "the ferry to the island had carried a record number of cars",
                    "Oyelaran",
                    QuoteForm.REPORTED,
                ),
            ),
        ),
    ]
    assert len(group_quotes([a, b], exs, embedder=embed)) == 2


def test_descriptions_of_one_source_are_one_voice_but_different_groups_are_not() -> None:
    a = article("One of the miners said the shaft had flooded overnight.")
    b = article("One of the three miners said the shaft had flooded overnight.")
    c = article("Local officials said the shaft had flooded overnight.")
    d = article("Union officials said the shaft had flooded overnight.")
    words = "the shaft had flooded overnight"
    exs = [
        Extraction(
            a.id,
            quotes=(
                _mention(
                    a, words, "one of the miners", QuoteForm.REPORTED, SpeakerType.DESCRIPTION
                ),
            ),
        ),
        Extraction(
            b.id,
            quotes=(
                _mention(
                    b, words, "one of the three miners", QuoteForm.REPORTED, SpeakerType.DESCRIPTION
                ),
            ),
        ),
        Extraction(
            c.id,
            quotes=(_mention(c, words, "Local officials", QuoteForm.REPORTED, SpeakerType.GROUP),),
        ),
        Extraction(
            d.id,
            quotes=(_mention(d, words, "Union officials", QuoteForm.REPORTED, SpeakerType.GROUP),),
        ),
    ]
    quotes = group_quotes([a, b, c, d], exs, embedder=lambda t: np.eye(len(t), dtype=np.float32))
    assert sorted(len(q.mentions) for q in quotes) == [1, 1, 2]
    miners = next(q for q in quotes if len(q.mentions) == 2)
    assert miners.speaker_type == SpeakerType.DESCRIPTION
    assert miners.sources == 2


def test_single_source_statements_are_folded_and_ordered_after_corroborated_ones() -> None:
    a = article('"The dam is safe," said Ana Ruiz. Residents said that the water smelled odd.')
    b = article('"The dam is safe," Ruiz told reporters.')
    safe = "The dam is safe"
    odd = "the water smelled odd"
    exs = [
        Extraction(
            a.id,
            quotes=(
                _mention(a, safe, "Ana Ruiz", QuoteForm.VERBATIM),
                _mention(a, odd, "Residents", QuoteForm.REPORTED, SpeakerType.GROUP),
            ),
        ),
        Extraction(b.id, quotes=(_mention(b, safe, "Ruiz", QuoteForm.VERBATIM),)),
    ]
    quotes = group_quotes([a, b], exs, embedder=lambda t: np.eye(len(t), dtype=np.float32))
    assert [(q.speaker, q.sources, q.folded) for q in quotes] == [
        ("Ana Ruiz", 2, False),
        ("Residents", 1, True),
    ]


def test_words_credited_to_nobody_are_not_a_statement() -> None:
    a = article('"The dam is safe," a sign read.')
    span = Span.of(a, 1, 16)
    exs = [Extraction(a.id, quotes=(QuoteMention(span, None),))]
    assert group_quotes([a], exs, embedder=lambda t: np.eye(len(t), dtype=np.float32)) == []


def _at_cosine(cosine: float) -> Embedder:
    """An embedder that puts the first text at e1 and every other at ``cosine`` from it."""

    def embed(texts: list[str]) -> np.ndarray:
        other = np.array([cosine, np.sqrt(1 - cosine**2)], dtype=np.float32)
        first = np.array([1.0, 0.0], dtype=np.float32)
        return np.stack([first if k == 0 else other for k in range(len(texts))])

    return embed


@pytest.mark.parametrize(
    ("second", "one_claim"),
    [
        ("Police captured 12 smugglers near the northern border crossing.", True),  # same args
        ("Officials opened a new school for girls in the capital on Monday.", False),
    ],
)
def test_a_paraphrase_the_embedding_misses_joins_on_its_predicate_and_arguments(
    second: str, one_claim: bool
) -> None:
    a = article("Twelve smugglers were captured by police at the northern border crossing.")
    b = article(second)
    claims = align_claims([a, b], [whole(a), whole(b)], one_event(a, b), embedder=_at_cosine(0.45))
    assert (len(claims) == 1) is one_claim


def test_predicate_argument_overlap_folds_inflections_and_counts_numbers() -> None:
    assert (
        argument_overlap("Police captured 12 smugglers.", "The police capture 12 smugglers.") == 1
    )
    assert argument_overlap("Police captured 12 smugglers.", "Police captured 40 smugglers.") < 1
    assert argument_overlap("Police captured smugglers.", "Farmers planted wheat.") == 0


def _three_at(ab: float, bc: float, ac: float) -> Embedder:
    """Three unit vectors with the given pairwise cosines, in text order."""
    b = np.array([ab, np.sqrt(1 - ab**2), 0.0])
    c2 = (bc - ab * ac) / b[1]
    c = np.array([ac, c2, np.sqrt(1 - ac**2 - c2**2)])
    vectors = np.stack([np.array([1.0, 0.0, 0.0]), b, c]).astype(np.float32)
    return lambda texts: vectors[: len(texts)]


@pytest.mark.parametrize(("ac", "one_claim"), [(0.1, False), (0.7, True)])
def test_a_chain_of_alike_pairs_makes_one_claim_only_when_the_ends_are_alike(
    ac: float, one_claim: bool
) -> None:
    arts = [
        article("The ferry company raised ticket prices for island residents on Monday."),
        article("Island residents will pay more for ferry tickets, the company said Monday."),
        article("Ferry workers said the company ignored island residents over summer rosters."),
    ]
    claims = align_claims(
        arts, [whole(a) for a in arts], one_event(*arts), embedder=_three_at(0.7, 0.7, ac)
    )
    assert max(c.sources for c in claims) == (3 if one_claim else 2)


def test_sharing_only_a_reporting_verb_is_no_shared_argument() -> None:
    a = article("Harbour officials stated that the northern pier will close in March.")
    b = article("The visiting novelist stated that she writes every morning before dawn.")
    claims = align_claims([a, b], [whole(a), whole(b)], one_event(a, b), embedder=_at_cosine(0.45))
    assert claims == []


@pytest.mark.parametrize(("cosine", "one_claim"), [(0.7, True), (0.5, False)])
def test_one_actor_named_two_ways_joins_only_when_close_in_meaning(
    cosine: float, one_claim: bool
) -> None:
    a = article(
        "On Monday, Attorney General Merrick Garland ordered prosecutors to protect schools."
    )
    b = article("The Justice Department ordered federal prosecutors to protect school boards.")
    claims = align_claims(
        [a, b], [whole(a), whole(b)], one_event(a, b), embedder=_at_cosine(cosine)
    )
    assert (len(claims) == 1) is one_claim


def test_sentences_naming_different_actors_never_contradict() -> None:
    a = article(
        "On Monday, Attorney General Merrick Garland ordered prosecutors to protect schools."
    )
    b = article("The Justice Department did not order federal prosecutors to protect schools.")
    claims = align_claims([a, b], [whole(a), whole(b)], one_event(a, b), embedder=_at_cosine(0.8))
    assert claims == []


def test_sentences_close_in_meaning_that_share_only_the_topic_are_two_claims() -> None:
    a = "Floods closed the northern bridge on Monday."
    b = "Floods damaged crops across the valley."
    assert aligned(0.7, a, b)
    assert not aligned(0.7, a, b, topic=frozenset({"flood"}))
    assert aligned(0.7, a, "Floods closed the bridge to the north.", topic=frozenset({"flood"}))


def _vectors(*rows: tuple[float, float]) -> Embedder:
    """Texts at the given 2-d unit vectors, in text order."""
    vectors = np.array([[x, np.sqrt(1 - x**2) * y] for x, y in rows], dtype=np.float32)
    return lambda texts: vectors[: len(texts)]


@pytest.mark.parametrize(("closer_elsewhere", "one_claim"), [(False, True), (True, False)])
def test_a_paraphrase_below_the_claim_floor_joins_only_each_others_nearest_sentence(
    closer_elsewhere: bool, one_claim: bool
) -> None:
    a = article("Twelve smugglers were captured by police at the northern border crossing.")
    first = "Police captured 12 smugglers near the northern border crossing."
    second = "Officials opened a new school for girls in the capital on Monday."
    b = article(f"{first} {second}")
    sentences = (Span.of(b, 0, len(first)), Span.of(b, len(first) + 1, len(b.original)))
    other = (0.55, -1.0) if closer_elsewhere else (0.2, -1.0)
    claims = align_claims(
        [a, b],
        [whole(a), Extraction(b.id, sentences=sentences)],
        one_event(a, b),
        embedder=_vectors((1.0, 1.0), (0.45, 1.0), other),
    )
    assert (len(claims) == 1) is one_claim


@pytest.mark.parametrize(
    ("first", "clash"),
    [
        ("Her agent did not confirm that her party life brought her into rehab.", True),
        ("Her agent did not reveal why she entered rehab on Tuesday.", False),
    ],
)
def test_a_negation_contradicts_only_a_sentence_that_shares_its_proposition(
    first: str, clash: bool
) -> None:
    a = article(first)
    b = article("People are assuming her party life brought her into rehab.")
    claims = align_claims([a, b], [whole(a), whole(b)], one_event(a, b), embedder=_at_cosine(0.8))
    assert any(c.contradicts for c in claims) is clash


def parsed(art: Article) -> Extraction:
    """The article's extraction as the pipeline makes it: sentences with their predicates."""
    return extract_blocks(art, next(parse_blocks([art], loaded_nlp())))


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        # the very predicate negated
        (
            "The mayor said the bridge over the river will reopen to traffic next week.",
            "The mayor said the bridge over the river will not reopen to traffic next week.",
            True,
        ),
        # a negation in a clause of its own ("but … not approved") denies nothing the other
        # asserts, though its words ("the clinic") are the other's
        (
            "Her lawyer told the judge that she had checked into the clinic on Thursday.",
            "Her lawyer told the judge that she had checked into the clinic on Thursday, but "
            "prosecutors have not approved the clinic.",
            False,
        ),
        # what would have happened asserts nothing to oppose
        (
            "The team placed the running back on injured reserve on Monday.",
            "The coach said the team would not have placed the running back on injured "
            "reserve on Monday if it were still in contention.",
            False,
        ),
        # a denial of what the other asserts
        (
            "Police said the boy was carrying a loaded weapon at the time of the shooting.",
            "His family deny that the boy was carrying a loaded weapon at the time of the "
            "shooting.",
            True,
        ),
        # a denial of another clause's proposition
        (
            "A loaded revolver was recovered at the scene of the shooting.",
            "Police said a loaded revolver was recovered at the scene of the shooting, but his "
            "family deny that he was carrying a weapon.",
            False,
        ),
    ],
)
def test_a_negation_or_a_denial_contradicts_only_where_it_opposes_the_other_sentences_predicate(
    first: str, second: str, clash: bool
) -> None:
    a, b = article(first), article(second)
    embedder = _at_cosine(0.8)
    claims = align_claims([a, b], [parsed(a), parsed(b)], one_event(a, b), embedder=embedder)
    assert any(c.contradicts for c in claims) is clash
    # read from the words alone (no predicates), each opposition counts
    claims = align_claims([a, b], [whole(a), whole(b)], one_event(a, b), embedder=embedder)
    assert any(c.contradicts for c in claims)


def test_a_claim_in_conflict_is_shown_by_its_sentence_that_clashes() -> None:
    first = "The mayor said the old bridge will open again next week after repairs to its deck."
    joined = "Officials said the bridge over the river will reopen to traffic next week."
    denied = "Officials said the bridge over the river will not reopen to traffic next week."
    arts = [article(first), article(joined), article(denied)]
    # the first two are one claim; only the second is close to the third
    embedder = _vectors((1.0, 1.0), (0.8, 1.0), (0.3, 1.0))
    claims = align_claims(arts, [whole(a) for a in arts], one_event(*arts), embedder=embedder)
    [both] = [c for c in claims if len(c.mentions) == 2]
    [other] = [c for c in claims if len(c.mentions) == 1]
    assert both.contradicts == (other.id,)
    assert (both.text, other.text) == (joined, denied)
    # the group's mentions keep their order
    assert [m.text for m in both.mentions] == [first, joined]
