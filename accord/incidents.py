"""The article's own incident: its tolls (killed, wounded, ...) as a dossier would state them.

One article's toll comes from two kinds of evidence, both carrying spans:

* **figures** whose frame scope is the incident (:mod:`accord.extract.incident`), not
  denied ("were not hurt"): the first one of a measure in text order, because news copy
  states the incident's toll in its lede and later numbers are updates of it or background;
  a range or bound counts by its known end; vague numbers ("dozens") state no toll;
* **victims named without a number** (:mod:`accord.extract.victims`): "a man was shot dead"
  is one killed, "a woman and her son were wounded" two. Without coreference a second
  phrase may name the same person again (an apposition, a pronoun, "the victim", a
  headline glued to its lede), so a measure counts the largest group one phrase names, not
  the sum over phrases; incidents with several victims are stated with a number.

Of the two, the one the article gives first states the measure: the lede reports the
incident ("a courier was shot dead on Monday ... 40 couriers have died on the job"), so a
later number the scope markers miss does not replace it. "Shot" says a person was hit
without saying the outcome: each such victim is killed or wounded, so shot victims beyond
the killed count are the wounded when nothing states the wounded; a killed person is never
also counted wounded. Figures of other incidents and running totals are the article's
context, never its toll.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.model import (
    Article,
    ArticleIncident,
    Extraction,
    FigureMention,
    Scope,
    Span,
    Toll,
    VictimMention,
)
from accord.vocab import Measure

# Harm measures an incident's toll reports, in the order a dossier lists them.
TOLL_MEASURES = (
    Measure.KILLED,
    Measure.WOUNDED,
    Measure.MISSING,
    Measure.CAPTURED,
    Measure.ARRESTED,
    Measure.DISPLACED,
)
HIT = Measure.SHOT  # hit, outcome not stated: killed or wounded


def article_incident(article: Article, extraction: Extraction) -> ArticleIncident:
    """The incident ``article`` reports, from its extraction (figures with their frames and
    the victims named without a number)."""
    return incident_of(article.id, extraction.figures, extraction.victims)


def _in_incident(scope: Scope | None) -> bool:
    return scope is None or scope == Scope.INCIDENT


def _known(figure: FigureMention) -> int | None:
    values = [v for v in (figure.low, figure.high) if v is not None]
    return int(max(values)) if values and not figure.vague else None


def _earliest(
    stated: tuple[int, tuple[Span, ...]] | None,
    named: tuple[int, tuple[Span, ...]] | None,
    first_named: int | None,
) -> tuple[int, tuple[Span, ...]] | None:
    """The evidence the article gives first: its lede states the incident, later numbers
    are often another incident or a tally (see module docstring)."""
    if stated and named and first_named is not None and first_named < stated[1][0].start:
        return named
    return stated or named


def incident_of(
    article: str, figures: Sequence[FigureMention], victims: Sequence[VictimMention]
) -> ArticleIncident:
    """The tolls from figures and unnumbered victims (see module docstring)."""
    stated: dict[Measure, tuple[int, tuple[Span, ...]]] = {}
    context: list[Span] = []
    for figure in figures:
        if figure.measure not in (*TOLL_MEASURES, HIT):
            continue
        if not _in_incident(figure.frame.scope if figure.frame else None):
            context.append(figure.span)
            continue
        if figure.frame is not None and figure.frame.negated:
            continue
        value = _known(figure)
        if value is not None and figure.measure not in stated:
            stated[figure.measure] = (value, (figure.span,))
    named: dict[Measure, tuple[int, tuple[Span, ...]]] = {}
    first_named: dict[Measure, int] = {}
    for victim in victims:
        if not _in_incident(victim.frame.scope if victim.frame else None):
            continue
        first_named.setdefault(victim.measure, victim.span.start)
        if victim.count > named.get(victim.measure, (0, ()))[0]:
            named[victim.measure] = (victim.count, (victim.span,))
    tolls: dict[Measure, tuple[int, tuple[Span, ...]]] = {}
    for measure in (*TOLL_MEASURES, HIT):
        found = _earliest(stated.get(measure), named.get(measure), first_named.get(measure))
        if found is not None:
            tolls[measure] = found
    hit = tolls.pop(HIT, None)
    killed = tolls.get(Measure.KILLED, (0, ()))[0]
    if hit is not None and Measure.WOUNDED not in tolls and hit[0] > killed:
        tolls[Measure.WOUNDED] = (hit[0] - killed, hit[1])
    return ArticleIncident(
        article=article,
        tolls=tuple(
            Toll(m, tolls[m][0], tolls[m][1]) for m in TOLL_MEASURES if m in tolls and tolls[m][0]
        ),
        context=tuple(context),
    )
