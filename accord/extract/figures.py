"""Figure mentions: every quantity in an article, with its bounds, what it counts and who said it.

Two layers. :func:`accord.extract.quantities.quantities_in` finds the quantity phrases of each
sentence (with their bounds, unit and kind). :func:`find_figures` keeps the figures a dossier
reconciles (counts, money, percentages, measurements; not a count that describes a noun,
:mod:`accord.extract.figures_attributive`), and adds from the dependency parse the
counted thing (:mod:`accord.extract.counted`), the measure (killed, wounded, captured, deployed
...) and the period (:mod:`accord.extract.measures`), and the attribution chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from accord.extract.attribution import attribution_chain
from accord.extract.counted import counted_tokens, names_a_part
from accord.extract.figures_attributive import describes_a_noun
from accord.extract.measures import is_measure_noun, measure_of, period_of
from accord.extract.quantities import QuantityPhrase, quantities_in
from accord.model import Article, FigureMention
from accord.nlp import Block
from accord.vocab import GENERIC_MEASURES, Measure, QuantityKind

# Kinds a dossier reconciles; durations, ages and fractions are quantities but not figures.
FIGURE_KINDS = frozenset(
    {QuantityKind.COUNT, QuantityKind.MONEY, QuantityKind.PERCENT, QuantityKind.MEASUREMENT}
)


def _trimmed(block: Block, sent: SpacySpan) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + lead + len(text.strip())


def _whole(*values: float | None) -> bool:
    """Every stated value is a whole number (as a count of people or troops is)."""
    return all(v is None or float(v).is_integer() for v in values)


def _figure(
    block: Block, sent: SpacySpan, phrase: QuantityPhrase, inherited: str | None
) -> FigureMention:
    doc = sent.doc
    tokens = counted_tokens(phrase.anchor, phrase.end)
    counted = doc[tokens[0].i : tokens[-1].i + 1].text if tokens else None
    if phrase.kind == QuantityKind.PERCENT:
        measure = Measure.PERCENT
    elif phrase.kind == QuantityKind.MONEY:
        measure = Measure.MONEY
    else:
        measure = measure_of(phrase.anchor, tokens[-1] if tokens else None)
    q = phrase.quantity
    if measure not in GENERIC_MEASURES and not _whole(q.low, q.high):
        measure = Measure.COUNT  # people come whole: "a magnitude-5.2 quake injured three"
    if counted is None and phrase.kind == QuantityKind.COUNT:
        counted = inherited
    elif counted is None:
        counted = phrase.unit
    start_char, end_char = (
        doc[phrase.start].idx,
        doc[phrase.end - 1].idx + len(doc[phrase.end - 1].text),
    )
    return FigureMention(
        span=block.span(start_char, end_char),
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        approximate=q.approximate,
        vague=q.vague,
        counted=counted,
        measure=measure,
        period=period_of(phrase.anchor, tokens[-1] if tokens else None),
        change=phrase.change,
        attributed_to=attribution_chain(phrase.anchor),
        sentence=block.span(*_trimmed(block, sent)),
    )


@dataclass(frozen=True)
class QuantifiedSentence:
    """One sentence of a block with its quantity phrases: found once, read by the figures
    and by their incident frames (:mod:`accord.extract.incident`)."""

    block: Block
    sent: SpacySpan
    phrases: tuple[QuantityPhrase, ...]


def _counts_a_part(phrase: QuantityPhrase) -> bool:
    tokens = counted_tokens(phrase.anchor, phrase.end)
    return names_a_part(phrase.anchor, tokens[-1] if tokens else None)


def quantified_sentences(blocks: list[Block]) -> list[QuantifiedSentence]:
    """Every sentence of ``blocks``, in text order, with :func:`quantities_in`."""
    return [
        QuantifiedSentence(block, sent, tuple(quantities_in(sent)))
        for block in blocks
        for sent in block.doc.sents
    ]


def find_figures(
    article: Article, blocks: list[Block], quantified: list[QuantifiedSentence] | None = None
) -> list[FigureMention]:
    """Every figure in the article's kept paragraphs, in text order (see module docstring);
    ``quantified`` is :func:`quantified_sentences` of ``blocks`` when the caller has it."""
    figures: list[FigureMention] = []
    for found in quantified_sentences(blocks) if quantified is None else quantified:
        block, sent = found.block, found.sent
        inherited: str | None = None
        for phrase in found.phrases:
            if phrase.kind not in FIGURE_KINDS or describes_a_noun(phrase):
                continue  # "a three-game streak": a property of the streak, no count
            figure = _figure(block, sent, phrase, inherited)
            if figure.measure == Measure.COUNT and _counts_a_part(phrase):
                continue  # "one of the prisoners carried an ID": no figure about the group
            if (
                phrase.kind == QuantityKind.COUNT
                and figure.counted
                and not is_measure_noun(figure.counted)
            ):
                inherited = figure.counted
            figures.append(figure)
    return figures
