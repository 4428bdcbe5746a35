"""Statements: one speaker's one account, shown once however many outlets carry it.

Every outlet's rendering of a statement (verbatim, partial quote, reported speech,
paraphrase) joins one :class:`Quote` when the speaker is one voice and the words say one
thing, and the parts of one account in one article are one statement; see
:func:`group_quotes`, :mod:`accord.statements_paraphrase` (rewordings) and
:mod:`accord.accounts`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from accord.accounts import account_pairs, canonical_text, join_accounts
from accord.assertion import MIN_PROPOSITION_WORDS, is_proposition
from accord.blocking import (
    Embedder,
    UnionFind,
    argument_overlap,
    embedder_or_default,
    normal_words,
    similar_pairs,
    words,
)
from accord.locate import Located
from accord.model import (
    Article,
    Event,
    Extraction,
    Quote,
    QuoteForm,
    QuoteMention,
    SpeakerType,
    content_id,
)
from accord.statements_paraphrase import PARAPHRASE_SIMILARITY as PARAPHRASE_SIMILARITY
from accord.statements_paraphrase import (
    RETELLING_SIMILARITY,
    STATEMENT_PARAPHRASE,
    Renderings,
    apart,
    events_of,
    join_paraphrases,
)
from accord.statements_uncredited import adopt_uncredited, nearly_repeats
from accord.statements_voices import Voices

# Renderings of one quote (trimmed, re-punctuated, partly paraphrased) score above this.
QUOTE_SIMILARITY = 0.8
# The same quoted words, this long, in two outlets are one statement even when the outlets
# credit different speakers: one of them has misread the attribution or named the speaker
# differently ("Wolfe" and "Ilene Wolff", "police" and the police chief). So is a retelling
# this close in the embedding that shares this much of its predicate and arguments.
SHARED_WORDS_MIN = 8
# ... and the very words, in quote marks in both, from this long: "We have no idea what caused
# it" quoted by two outlets, one crediting the pastor, one "the church's minister".
QUOTED_WORDS_MIN = 6
# One speaker's renderings this close are the same words (re-punctuated, a typo mended).
SAME_WORDS = 0.95
RETOLD_SIMILARITY = 0.85
RETOLD_OVERLAP = 0.6
# A single-source statement stays open only when its speaker is quoted by this many outlets
# and the outlet quotes them verbatim; the rest is folded.
PROMINENT_OUTLETS = 2


def _contains(a: str, b: str) -> bool:
    """One rendering holds the other's words, whole words in order ("he" is not in "the
    victim"); ``a`` and ``b`` are :func:`~accord.blocking.normal_words`."""
    padded_a, padded_b = f" {a} ", f" {b} "
    return bool(a and b) and (padded_a in padded_b or padded_b in padded_a)


def _unquoted_fragment(a: QuoteMention, b: QuoteMention) -> bool:
    """The shorter of two renderings is a fragment not in quote marks: a stance's object
    ("praised Weitz", "confirmed the news"), which names what the words are about but is no
    part of them, so it does not join the statement that holds the same word."""
    short = min(a, b, key=lambda m: len(m.span.text.split()))
    fragment = len(short.span.text.split()) < MIN_PROPOSITION_WORDS
    return fragment and short.carried_as not in {QuoteForm.VERBATIM, QuoteForm.PARTIAL}


def _retold(sim: float, a: QuoteMention, b: QuoteMention, two_named: bool = False) -> bool:
    """Two outlets' renderings of one statement, whoever they credit it to: the same words
    (one outlet misread the attribution), or a retelling close in the embedding with its
    predicate and arguments shared. Not a retelling where each outlet has its own words in
    quote marks, nor where the outlets credit ``two_named`` speakers who cannot be one: two
    people, or a body and a person outside it, who each tell of one fact ("investigators are
    considering arson": the fire chief and the pastor; "he was charged with manslaughter":
    police and the district attorney) make two statements."""
    said_a, said_b = normal_words(a.span.text), normal_words(b.span.text)
    length = min(len(said_a.split()), len(said_b.split()))
    quoted = {a.carried_as, b.carried_as} == {QuoteForm.VERBATIM}
    # the words in quote marks, whole or a phrase of them: "the situation would be infinitely
    # more serious" quoted by two outlets, one crediting the speaker, one those he spoke of
    marked = {a.carried_as, b.carried_as} <= {QuoteForm.VERBATIM, QuoteForm.PARTIAL}
    if marked and said_a == said_b and length >= QUOTED_WORDS_MIN:
        return True
    if sim < QUOTE_SIMILARITY or length < SHARED_WORDS_MIN:
        return False
    if _contains(said_a, said_b):
        return True
    if quoted or two_named:
        # "For decades, the Act has protected …" of one secretary is not the "For more than
        # three decades, the Act has successfully protected …" of the president; nor is the
        # police's "X was charged with manslaughter, homicide and DWI" the district
        # attorney's "X has been charged with manslaughter, homicide, driving while …",
        # however close in the embedding: the same words, or nearly
        return sim >= SAME_WORDS and nearly_repeats(said_a, said_b)
    overlap = argument_overlap(a.span.text, b.span.text)
    return sim >= RETOLD_SIMILARITY and overlap >= RETOLD_OVERLAP


def _passed_on(mentions: list[QuoteMention]) -> set[int]:
    """Mentions that only pass on someone else's statement: "according to Y" whose content
    holds X's cue, when X's mention records Y as ``via``."""
    skip = set()
    relayed: dict[tuple[str, str], list[QuoteMention]] = {}
    for other in mentions:
        if other.via is not None:
            relayed.setdefault((other.via, other.span.article), []).append(other)
    for k, m in enumerate(mentions):
        if m.carried_as is not QuoteForm.PARAPHRASE or m.speaker is None:
            continue
        for other in relayed.get((m.speaker, m.span.article), []):
            shared = min(m.span.end, other.span.end) - max(m.span.start, other.span.start)
            if shared > 0 or (other.cue and m.span.start <= other.cue.start < m.span.end):
                skip.add(k)
    return skip


def group_quotes(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    embedder: Embedder | None = None,
    events: Sequence[Event] = (),
) -> list[Quote]:
    """One :class:`Quote` per statement of one speaker, with every outlet's rendering of it.

    A statement needs a speaker: words credited to nobody answer no "who said what" and stay
    in the extraction only. Two renderings are one statement when their speaker is one voice
    (one person under any spelling, or one description inside another) and they say one thing:
    near-identical wording, one contained in the other, or — across outlets — a paraphrase
    (close in the embedding with its rarer words shared, or less close with the proposition's
    arguments shared: :mod:`accord.statements_paraphrase`). One speaker's parts told one
    after another in one article (an account) are then one statement; an outlet's quotation
    credited to nobody joins the statement whose words another outlet credits
    (:mod:`accord.statements_uncredited`).
    Two outlets' paraphrases about two different ``events`` (the event a mention's sentence
    dates, else its article's) are two statements, however alike their words.
    """
    mentions = [q for ex in extractions for q in ex.quotes if q.speaker]
    passed = _passed_on(mentions)
    mentions = [q for k, q in enumerate(mentions) if k not in passed]
    if not mentions:
        return []
    embed = embedder_or_default(embedder)
    vectors = embed([q.span.text for q in mentions])
    union = UnionFind(len(mentions))
    normal = [normal_words(q.span.text) for q in mentions]
    voices = Voices.of(articles, mentions)
    shown, kinds = voices.shown, voices.kinds
    article = [q.span.article for q in mentions]
    owners = {i: {a} for i, a in enumerate(article)}
    within: list[tuple[float, int, int]] = []  # one article's renderings of one statement
    across: list[tuple[float, int, int]] = []  # two outlets' renderings of one statement
    candidates: list[tuple[float, int, int]] = []  # two outlets' paraphrases, to confirm
    repeated: list[tuple[float, int, int]] = []  # one speaker's same words in two outlets

    def pair(sim: float, i: int, j: int) -> None:
        (within if article[i] == article[j] else across).append((sim, i, j))

    located = {ex.article: Located(ex) for ex in extractions}  # one index, every stage's
    about = events_of(mentions, extractions, events, located)
    renderings = Renderings.of(mentions, vectors, extractions, located)
    # one voice's rewordings are confirmed on their arguments from RETELLING_SIMILARITY up
    blocking = similar_pairs(vectors, RETELLING_SIMILARITY)
    for (i, j), sim in zip(blocking.pairs.tolist(), blocking.similarity.tolist(), strict=True):
        if article[i] != article[j] and sim < SAME_WORDS and apart(about[i], about[j]):
            continue  # alike words about two happenings: two statements
        if renderings.figures_clash(i, j):
            continue  # "12 injured" and "18 injured": two statements, however alike
        if not voices.one_voice(i, j):
            two = not voices.may_be_one(i, j)
            if article[i] != article[j] and _retold(sim, mentions[i], mentions[j], two):
                across.append((sim, i, j))
            elif article[i] != article[j] and sim >= STATEMENT_PARAPHRASE and voices.body_of(i, j):
                candidates.append((sim, i, j))
        elif sim >= SAME_WORDS and article[i] != article[j]:
            repeated.append((sim, i, j))
        elif sim >= QUOTE_SIMILARITY:
            pair(sim, i, j)  # one rendering, re-punctuated or trimmed
        elif article[i] != article[j]:
            candidates.append((sim, i, j))
    # a quote trimmed by one outlet is contained in another's fuller rendering
    by_speaker: dict[str, list[int]] = {}
    for i, key in enumerate(voices.keys):
        by_speaker.setdefault(key, []).append(i)
    for same in by_speaker.values():
        for k, i in enumerate(same):
            for j in same[k + 1 :]:
                if (
                    voices.one_voice(i, j)
                    and _contains(normal[i], normal[j])
                    and not _unquoted_fragment(mentions[i], mentions[j])
                    and not renderings.figures_clash(i, j)
                    and (article[i] == article[j] or not apart(about[i], about[j]))
                ):
                    pair(float(vectors[i] @ vectors[j]), i, j)
    texts = {a.id: a.original for a in articles}
    # an article's renderings first; then outlets meet, best first, and a group holds one
    # article's statement once, so a chain of joins cannot drift into the next statement
    for _, i, j in within:
        union.join_apart(i, j, owners, shared=True)
    for _, i, j in sorted(across, reverse=True):
        union.join_apart(i, j, owners)
    # the same words of one speaker are one statement even where an outlet's group holds
    # them beside other sentences of one quotation (its run-on passage)
    for _, i, j in repeated:
        union.join_apart(i, j, owners, shared=True)
    join_paraphrases(union, owners, candidates, renderings)
    # parts are aligned across outlets first, each on its own words; an account then makes
    # its parts one statement, so an outlet's statement joins it when any part aligns. Two
    # parts that other outlets each carry apart stay two statements: else one outlet's run
    # would chain every statement of a speaker quoted all day ("police") into one.
    kept = set(mentions)
    # words credited to nobody are the writer's narration, or the speaker's own words the
    # cue did not reach: no other voice; a speaker's words passed on by another are
    others = [
        q
        for ex in extractions
        for q in ex.quotes
        if q.speaker and q not in kept and len(q.span.text.split()) >= MIN_PROPOSITION_WORDS
    ]
    join_accounts(union, account_pairs(mentions, others, voices.one_voice), article, about)
    asserted = [is_proposition(q, texts.get(q.span.article, "")) for q in mentions]
    groups = [sorted(g) for g in union.groups() if any(asserted[i] for i in g)]
    # an outlet's uncredited quotation of words another outlet credits is one more rendering
    adopted = adopt_uncredited(extractions, mentions, groups, located)
    for quote, g in adopted:
        shown.append(_speaker_of(groups[g], shown, kinds))
        kinds.append(kinds[groups[g][0]])
        asserted.append(is_proposition(quote, texts.get(quote.span.article, "")))
        groups[g].append(len(mentions))
        mentions.append(quote)
    if adopted:
        vectors = np.vstack([vectors, embed([q.span.text for q, _ in adopted])])
    return _statements(articles, mentions, shown, kinds, vectors, groups, asserted)


def _statements(
    articles: Sequence[Article],
    mentions: list[QuoteMention],
    shown: list[str],
    kinds: list[SpeakerType],
    vectors: np.ndarray,
    groups: list[list[int]],
    asserted: list[bool],
) -> list[Quote]:
    """Each group as a :class:`Quote`: canonical text, speaker, sources, order and folding."""
    derived = {a.id: a.derived_from for a in articles}
    people = {name for name, kind in zip(shown, kinds, strict=True) if kind is SpeakerType.PERSON}
    # a speaker's prominence: how many outlets quote them at all
    outlets: dict[str, set[str]] = {}
    for group in groups:
        who = _speaker_of(group, shown, kinds)
        outlets.setdefault(who, set()).update(mentions[i].span.article for i in group)
    quotes: list[tuple[tuple[int, int, int], Quote]] = []
    for members in groups:
        group = sorted(members, key=lambda i: (mentions[i].span.article, mentions[i].span.start))
        who = _speaker_of(group, shown, kinds)
        sources = {mentions[i].span.article for i in group}
        independent = sum(1 for s in sources if derived.get(s) not in sources) or 1
        # the canonical text reads what is asserted, not a title or stance beside it
        text = canonical_text([i for i in group if asserted[i]], mentions, vectors)
        prominence = len(outlets[who])
        folded = independent < 2 and not (
            prominence >= PROMINENT_OUTLETS
            and any(mentions[i].carried_as is QuoteForm.VERBATIM for i in group)
        )
        kind = Counter(kinds[i] for i in group).most_common(1)[0][0]
        if who in people:  # a person the tagger called a body in one outlet's sentence
            kind = SpeakerType.PERSON
        qid = content_id(
            who,
            *(f"{mentions[i].span.article}:{mentions[i].span.start}" for i in group),
            prefix="q",
        )
        quote = Quote(qid, who, text, tuple(mentions[i] for i in group), kind, independent, folded)
        quotes.append(((-independent, -prominence, -len(group)), quote))
    return [q for _, q in sorted(quotes, key=lambda kq: (kq[0], kq[1].id))]


def _speaker_of(group: list[int], shown: list[str], kinds: list[SpeakerType]) -> str:
    """The group's speaker: the name given most often; on a tie a person's name before a
    body or a description ("Devonte Brown", not "a witness"), then the fullest. Where
    another outlet gives that name with a proper modifier ("navy", "Indian navy"), the
    fuller form is shown: it names the same voice more exactly."""
    counts = Counter(shown[i] for i in group)
    people = {shown[i] for i in group if kinds[i] is SpeakerType.PERSON}
    best = max(counts, key=lambda name: (counts[name], name in people, len(name), name))
    fuller = [name for name in counts if _names_more_exactly(name, best)]
    return max(fuller, key=lambda name: (counts[name], len(name), name), default=best)


def _names_more_exactly(fuller: str, name: str) -> bool:
    """``fuller`` is ``name`` with a proper modifier before it ("Vancouver police",
    "police"; "the Indian Navy", "navy"), not a phrase the name ends ("man police", from
    "the man police say …") nor a dateline run into it ("Computerworld - Microsoft")."""
    short, long = _content_words(name), _content_words(fuller)
    if not short or len(long) <= len(short) or long[-len(short) :] != short:
        return False
    modifier = next((w for w in fuller.split() if w.lower() not in STOP_WORDS), "")
    run_in = ":" in fuller or any(w in {"-", "–", "—"} for w in fuller.split())
    return modifier[:1].isupper() and not run_in


def _content_words(name: str) -> list[str]:
    return [w for w in words(name) if w not in STOP_WORDS]
