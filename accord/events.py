"""Distinct events inside one story, and which event a mention is about.

A story (one cluster of articles) often covers several happenings of one kind: two
earthquakes, two bombings of refugee camps, a death announced in December and a capture in
January. Sentence meaning barely tells such happenings apart; the words that do are the
particular ones: names, places, numbers. So each article gets an *anchor*: its lead (title
and first sentences), the proper names of its whole text, and the day-precision date stated in
its lead (else its publication date). Two articles are as similar as the TF-IDF vectors of
their leads and of their names (fitted over the story's own articles, so words every report
shares weigh little), plus a small bonus when their anchor dates agree, less a penalty when
an undated article's weekday contradicts a dated one's; articles are clustered by average
linkage over that similarity. Dates far apart are no evidence against: follow-up reports of
one happening weeks later (a victim named, a release from rehab) belong to it. A
mention in a sentence that itself names the date of another event is assigned that event
instead of its article's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from accord.lexicon import WEEKDAYS
from accord.locate import Located
from accord.model import Article, DateMention, Event, Extraction, Span, content_id

Embedder = Callable[[list[str]], np.ndarray]

# Reports of one announcement are dated the day of it or the day after (overnight papers,
# time zones), so dates this close agree. A wider gap is no evidence against: ECB+'s seminal
# events (Cybulska & Vossen 2014) hold follow-up reports written weeks later.
EVENT_WINDOW_DAYS = 1
# The lead: the first sentences of the article body (the inverted pyramid puts the news
# there; Pöttker 2003, "News and its communicative quality: the inverted pyramid").
LEAD_SENTENCES = 4
# Shorter lines are headings, bylines and captions, not lead sentences.
MIN_LEAD_WORDS = 6
# Average-linkage merge floor on the blended similarity below, and the blend's weights; all
# chosen on ECB+ train and dev topics (evaluation/eval_ecbplus.py prints the score; test
# topics 36-45 are reported apart and never tuned on).
EVENT_LEAD_SIMILARITY = 0.0875
# Share of the proper-name TF-IDF cosine in the blend (the lead's word TF-IDF has the rest).
NAMES_WEIGHT = 0.3
# Added when two anchor dates are at most EVENT_WINDOW_DAYS apart: agreement is evidence,
# disagreement is not (a follow-up report on a later day is of the same happening).
SAME_DAY_BONUS = 0.05
# Subtracted when one article is dated and the other names only a weekday, another one: an
# undated report says "on Friday" of its own happening. Two weekday-only anchors that differ
# are no evidence (follow-ups name the day of the latest development); neither are two dates
# apart (ECB+ train+dev: 0.946 with this penalty, 0.935 without, 0.92 or less with either
# kind of clash as a cannot-link).
WEEKDAY_CLASH_PENALTY = 0.2
# Share of the lead-embedding cosine when an embedder is passed: sentence meaning puts events
# of one kind together, so by default it is not used (on ECB+ train+dev, weight 0.1 lowered
# B-cubed F1 from 0.936 to 0.921).
LEAD_EMBEDDING_WEIGHT = 0.1
# A lead date further than this from the publication date is background, not the news.
LEAD_DATE_MAX_AGE_DAYS = 31
LABEL_CHARS = 120
# An event of at least this many articles whose top-level two-way split leaves sides of at
# least EVENT_SPLIT_MIN_PART, each far more alike within than across (average similarity
# across at most EVENT_SPLIT_CONTRAST of that within), is two happenings: two bouts of one
# boxer read alike to the linkage floor, but each report is far more like its own bout's.
# The values are the stream's story split (storysplit: chosen on ECB+ train/dev streams);
# on ECB+ train+dev dossiers they split one event (train B-cubed F1 0.9415 -> 0.9501, dev
# 0.9604 unchanged), and 0.30 splits none.
EVENT_SPLIT_MIN_SIZE = 8
EVENT_SPLIT_MIN_PART = 4
EVENT_SPLIT_CONTRAST = 0.35

_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# A run of capitalised words not opening a sentence: a cheap stand-in for named entities
# (people, places, organisations) that needs no parse.
_NAME_RE = re.compile(r"(?<![.!?] )(?<![.!?\n])(?<!^)\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")


@dataclass(frozen=True)
class Anchor:
    """What places one article in time: a date, or only a weekday, and its lead."""

    article: str
    date: dt.date | None
    weekday: int | None
    lead: str
    evidence: Span | None  # the lead sentence that holds the anchor date, if any
    names: tuple[str, ...] = ()  # proper names of the whole text, in order, repeats kept


def parse_day(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` to a date; anything coarser (or unparseable) to ``None``."""
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def weekday_of(mention: DateMention) -> int | None:
    """The weekday a date mention names: from its value, else from a weekday word in it."""
    day = parse_day(mention.value)
    if day is not None:
        return day.weekday()
    match = _WEEKDAY_RE.search(mention.span.text)
    return WEEKDAYS.index(match.group(1).lower()) if match else None


def word_count(text: str) -> int:
    return len(text.split())


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """One line, cut on a word boundary with an ellipsis when longer than ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def sentence_of(span: Span, extraction: Extraction, located: Located | None = None) -> Span | None:
    """The extracted sentence that contains ``span`` (``None`` if none does); give
    ``located`` (built once per extraction) when asking for many spans."""
    return (located or Located(extraction)).sentences.holding(span.start, span.end)


def lead_sentences(extraction: Extraction) -> list[Span]:
    return [s for s in extraction.sentences if word_count(s.text) >= MIN_LEAD_WORDS][
        :LEAD_SENTENCES
    ]


def proper_names(text: str) -> tuple[str, ...]:
    """Capitalised word runs that open no sentence and no line (headings, bylines), spaces
    joined by ``_``."""
    return tuple(m.group(0).replace(" ", "_") for m in _NAME_RE.finditer(text))


def article_anchor(article: Article, extraction: Extraction) -> Anchor:
    """The anchor of one article (see the module docstring)."""
    return replace(_dated_anchor(article, extraction), names=proper_names(article.original))


def _dated_anchor(article: Article, extraction: Extraction) -> Anchor:
    lead = lead_sentences(extraction)
    published = article.published
    for sent in lead:
        for mention in extraction.dates:
            if not (sent.start <= mention.span.start and mention.span.end <= sent.end):
                continue
            day = parse_day(mention.value)
            if day is not None and (
                published is None or abs((published - day).days) <= LEAD_DATE_MAX_AGE_DAYS
            ):
                return Anchor(article.id, day, day.weekday(), _lead_text(article, lead), sent)
            weekday = weekday_of(mention) if mention.value is None else None
            if weekday is not None:
                return Anchor(article.id, None, weekday, _lead_text(article, lead), sent)
    return Anchor(
        article.id,
        published,
        published.weekday() if published else None,
        _lead_text(article, lead),
        None,
    )


def _lead_text(article: Article, lead: list[Span]) -> str:
    return " ".join([article.title, *(s.text for s in lead)]).strip() or article.title


def term_similarity(documents: Sequence[str], **options: Any) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors fitted over ``documents`` alone (sublinear tf).

    scikit-learn's checks of the parameters and of finite values are skipped: the options
    are fixed by accord's code, the counts are finite, and the checks cost a quarter of a
    fit over a story's few short texts (called hundreds of times a batch by story revision).
    """
    from sklearn import config_context
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        with config_context(skip_parameter_validation=True, assume_finite=True):
            vectors = TfidfVectorizer(sublinear_tf=True, **options).fit_transform(documents)
    except ValueError:  # no term at all survived (empty texts, only stop words)
        return np.eye(len(documents))
    return np.asarray((vectors @ vectors.T).toarray(), dtype=float)


def anchor_similarity(
    anchors: Sequence[Anchor], lead_vectors: np.ndarray | None = None
) -> np.ndarray:
    """How likely each pair of articles reports one happening (see the module docstring)."""
    words = term_similarity([a.lead for a in anchors], stop_words="english")
    names = term_similarity(
        [" ".join(a.names) for a in anchors], token_pattern=r"\S+", lowercase=False
    )
    similarity = (1 - NAMES_WEIGHT) * words + NAMES_WEIGHT * names
    if lead_vectors is not None:
        meaning = lead_vectors @ lead_vectors.T
        similarity = (1 - LEAD_EMBEDDING_WEIGHT) * similarity + LEAD_EMBEDDING_WEIGHT * meaning
    same_day = np.array([[_same_day(a, b) for b in anchors] for a in anchors], dtype=float)
    clash = np.array([[_weekday_clash(a, b) for b in anchors] for a in anchors], dtype=float)
    return similarity + SAME_DAY_BONUS * same_day - WEEKDAY_CLASH_PENALTY * clash


def _same_day(a: Anchor, b: Anchor) -> bool:
    return (
        a.date is not None
        and b.date is not None
        and abs((a.date - b.date).days) <= EVENT_WINDOW_DAYS
    )


def _weekday_clash(a: Anchor, b: Anchor) -> bool:
    """One anchor is dated, the other names only a weekday, and the weekdays differ."""
    if (a.date is None) == (b.date is None):
        return False
    return a.weekday is not None and b.weekday is not None and a.weekday != b.weekday


def cluster_anchors(
    similarity: np.ndarray, threshold: float = EVENT_LEAD_SIMILARITY
) -> list[list[int]]:
    """Average-linkage clustering of articles over their pairwise ``similarity``."""
    n = len(similarity)
    if n == 0:
        return []
    members = np.eye(n)  # row k: which articles cluster k holds
    alive = list(range(n))
    while len(alive) > 1:
        m = members[alive]
        sizes = m.sum(axis=1)
        mean = (m @ similarity @ m.T) / np.outer(sizes, sizes)
        np.fill_diagonal(mean, -np.inf)
        p, q = np.unravel_index(int(np.argmax(mean)), mean.shape)
        if mean[p, q] < threshold:
            break
        members[alive[p]] += members[alive[q]]
        alive.pop(int(q))
    return [sorted(int(i) for i in np.flatnonzero(members[k])) for k in alive]


def event_groups(
    similarity: np.ndarray, threshold: float = EVENT_LEAD_SIMILARITY
) -> list[list[int]]:
    """The articles' events: average linkage to ``threshold``, then each large group that is
    two happenings split in two (:func:`split_contrasting`)."""
    return split_contrasting(similarity, cluster_anchors(similarity, threshold))


def split_contrasting(similarity: np.ndarray, groups: list[list[int]]) -> list[list[int]]:
    """Each large group whose two halves are far more alike within than across, as two
    groups (see ``EVENT_SPLIT_CONTRAST``); the others as they are."""
    out: list[list[int]] = []
    for group in groups:
        if len(group) >= EVENT_SPLIT_MIN_SIZE:
            block = similarity[np.ix_(group, group)]
            left, right = top_split(block)
            if min(len(left), len(right)) >= EVENT_SPLIT_MIN_PART:
                across = float(np.mean(block[np.ix_(left, right)]))
                alike = (within_similarity(block, left) + within_similarity(block, right)) / 2
                if across <= EVENT_SPLIT_CONTRAST * alike:
                    out += [[group[i] for i in left], [group[i] for i in right]]
                    continue
        out.append(group)
    return out


def top_split(similarity: np.ndarray) -> tuple[list[int], list[int]]:
    """The two sides of the top-level split of average linkage over ``similarity`` (distance
    ``1 - similarity``): scipy's, as scikit-learn's ``AgglomerativeClustering`` runs and
    cuts it, without importing its clustering package."""
    from scipy.cluster.hierarchy import linkage, to_tree

    distance = np.clip(1.0 - (similarity + similarity.T) / 2, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    rows, cols = np.triu_indices(len(distance), k=1)
    root = to_tree(linkage(distance[rows, cols], method="average"))
    return sorted(root.get_left().pre_order()), sorted(root.get_right().pre_order())


def within_similarity(similarity: np.ndarray, side: Sequence[int]) -> float:
    """Average similarity of the side's pairs (the diagonal left out)."""
    block = similarity[np.ix_(side, side)]
    return float((block.sum() - np.trace(block)) / (len(side) * (len(side) - 1)))


def find_events(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    embedder: Embedder | None = None,
    threshold: float = EVENT_LEAD_SIMILARITY,
) -> list[Event]:
    """Cluster the articles of one story into events; ordered by date, then label.

    ``embedder``, when given, blends lead-embedding similarity in (``LEAD_EMBEDDING_WEIGHT``);
    by default events are told apart by words, names and dates alone.
    """
    if not articles:
        return []
    by_id = {e.article: e for e in extractions}
    anchors = [article_anchor(a, by_id.get(a.id, Extraction(a.id))) for a in articles]
    vectors = embedder([a.lead for a in anchors]) if embedder is not None else None
    groups = event_groups(anchor_similarity(anchors, vectors), threshold)
    events = [_event(articles, anchors, group) for group in groups]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.label))


def _event(articles: Sequence[Article], anchors: Sequence[Anchor], group: list[int]) -> Event:
    dates = Counter(anchors[i].date for i in group if anchors[i].date is not None)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    first = min(
        group,
        key=lambda i: (
            anchors[i].date is None,
            anchors[i].date or dt.date.max,
            anchors[i].evidence is None,
            i,
        ),
    )
    evidence = anchors[first].evidence
    label = evidence.text if evidence is not None else anchors[first].lead
    ids = tuple(articles[i].id for i in group)
    return Event(
        content_id(*sorted(ids), prefix="e"),
        shorten(label),
        date.isoformat() if date else None,
        ids,
    )


def article_events(events: Sequence[Event]) -> dict[str, str]:
    """Article id to the id of the event it mainly reports."""
    return {article: event.id for event in events for article in event.articles}


def span_event(
    span: Span, extraction: Extraction, events: Sequence[Event], located: Located | None = None
) -> str | None:
    """The event a mention is about: the event whose date its sentence names, else its
    article's event. Give ``located`` (built once per extraction) when asking for many spans."""
    located = located or Located(extraction)
    sentence = located.sentences.holding(span.start, span.end)
    if sentence is not None:
        for mention in located.dates.inside(sentence.start, sentence.end):
            day = parse_day(mention.value)
            named = [e for e in events if day is not None and e.date == day.isoformat()]
            if named:
                return named[0].id
    return article_events(events).get(span.article)
