"""Incident frames: what happening each figure mention counts, read from its clause's parse.

A number on its own says nothing about *which* happening it counts. The frame holds, each
with the exact span it was read from:

* the **predicate** that governs the number: the word :mod:`accord.extract.measures` reads the
  measure from ("killed", "wounded", "deaths"), else the verb the counted phrase is an
  argument of;
* the **victims**, the counted noun phrase with its modifiers (``counted_tokens``);
* the **place**: the clause's locative ("at the school in X"; "in"/"on" only with a place
  entity in it), else a GPE/LOC/FAC entity of the clause (the gazetteer in
  :mod:`accord.gazetteer` labels those the small model misses);
* the **time**: a date mention inside the clause, as :mod:`accord.extract.dates` resolved it
  against the publication date;
* the **scope**: markers attached to the clause (or to the clauses it hangs from) that say
  the number is another incident ("elsewhere", "in a separate attack") or a running total
  ("since the war began", "so far this year", "nationwide"). A marker inside another noun
  ("the city's 20th shooting this year") is not the number's. Word lists live in
  :mod:`accord.lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord import lexicon
from accord.extract.counted import counted_tokens
from accord.extract.dates import MONTH_OR_YEAR
from accord.extract.figures import QuantifiedSentence, quantified_sentences
from accord.extract.measure_words import MEASURE_NOUNS
from accord.extract.measures import governor_of, is_measure_noun, measure_source
from accord.extract.quantities import QuantityPhrase
from accord.gazetteer import PLACE_LABELS
from accord.model import DateMention, FigureMention, IncidentFrame, Scope, Span
from accord.nlp import Block
from accord.vocab import GENERIC_MEASURES, QuantityKind

# Children that start a clause of its own: their words are not the number's clause.
OWN_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "relcl"})
# A clause that hangs from a word of another clause (a relative clause, "…, killing 612"):
# it happened when that clause did.
DEPENDENT_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
# Children of a place noun that end its phrase ("the school, where ...", "the bar and").
PLACE_PHRASE_ENDS = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj"})
NOT_PLACE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# How far a marker may climb through prepositions and their objects to reach the clause.
MAX_CLIMB = 6


def with_frames(
    figures: Sequence[FigureMention],
    blocks: list[Block],
    dates: Sequence[DateMention],
    quantified: list[QuantifiedSentence] | None = None,
) -> list[FigureMention]:
    """The figures, each carrying the :class:`IncidentFrame` of its clause (``quantified``:
    the blocks' :func:`~accord.extract.figures.quantified_sentences`, when the caller has them)."""
    framed: dict[tuple[int, int], IncidentFrame] = {}
    for found in quantified_sentences(blocks) if quantified is None else quantified:
        framed.update(_sentence_frames(found.block, found.sent, found.phrases, dates))
    return [
        replace(f, frame=framed.get((f.span.start, f.span.end), f.frame or IncidentFrame()))
        for f in figures
    ]


def _sentence_frames(
    block: Block,
    sent: SpacySpan,
    phrases: Sequence[QuantityPhrase],
    dates: Sequence[DateMention],
) -> dict[tuple[int, int], IncidentFrame]:
    doc = sent.doc
    frames: dict[tuple[int, int], IncidentFrame] = {}
    last_victims: Span | None = None
    for phrase in phrases:
        start = block.start + doc[phrase.start].idx
        last = doc[phrase.end - 1]
        frame = frame_of(block, phrase.anchor, phrase.end, dates)
        if (
            frame.victims_span is None
            and last_victims is not None
            and phrase.kind == QuantityKind.COUNT
        ):
            # "killed two people and wounded five": the count inherits the counted phrase
            frame = replace(frame, victims=last_victims.text, victims_span=last_victims)
        elif frame.victims_span is not None and not is_measure_noun(frame.victims_span.text):
            last_victims = frame.victims_span
        frames[(start, block.start + last.idx + len(last.text))] = frame
    return frames


def frame_of(
    block: Block, anchor: Token, after: int, dates: Sequence[DateMention] = ()
) -> IncidentFrame:
    """The frame of the number whose head token is ``anchor`` (its phrase ends before
    token ``after``)."""
    tokens = counted_tokens(anchor, after)
    noun = tokens[-1] if tokens else None
    measure, source = measure_source(anchor, noun)
    predicate = source if source is not None else governor_of(anchor, noun)
    head = _clause_head(predicate, anchor)
    spine = _spine(head, anchor, noun)
    clause = _clause_tokens(head)
    victims = _token_span(block, tokens[0], tokens[-1]) if tokens else None
    place = _place(block, head, clause, noun)
    time = _time(block, clause, head, dates)
    if time is None and measure not in GENERIC_MEASURES:  # a toll, not "1,098 yards"
        time = _outer_time(block, head, dates)
    scope, scope_span = _scope(block, anchor.sent, spine, noun)
    return IncidentFrame(
        predicate=predicate.lemma_.lower() if predicate is not None else None,
        predicate_span=_token_span(block, predicate, predicate) if predicate else None,
        victims=victims.text if victims else None,
        victims_span=victims,
        place=place.text if place else None,
        place_span=place,
        time=time.value if time else None,
        time_span=time.span if time else None,
        scope=scope,
        scope_span=scope_span,
        negated=predicate is not None and _denied(predicate, noun),
    )


def _denied(predicate: Token, noun: Token | None) -> bool:
    """ "were not hurt", "none of them was injured", "no soldiers died"."""
    if any(c.dep_ == "neg" for c in predicate.children):
        return True
    return noun is not None and any(c.lower_ == "no" for c in noun.children)


def clause_scope(block: Block, head: Token, noun: Token | None) -> tuple[Scope, Span | None]:
    """The scope of a clause whose head is ``head`` and whose counted phrase is ``noun``."""
    return _scope(block, head.sent, _spine(head, head, noun), noun)


def _token_span(block: Block, first: Token, last: Token) -> Span:
    if last.i < first.i:
        first, last = last, first
    return block.span(first.idx, last.idx + len(last.text))


def _clause_head(predicate: Token | None, anchor: Token) -> Token:
    """The verb (or adjective) whose clause the number sits in."""
    if predicate is not None and predicate.pos_ in ("VERB", "AUX", "ADJ"):
        return predicate
    start = predicate if predicate is not None else anchor
    for node in (start, *start.ancestors):
        if node.pos_ in ("VERB", "AUX"):
            return node
    return start.sent.root


def _spine(head: Token, anchor: Token, noun: Token | None) -> set[Token]:
    """The tokens a marker must attach to to be the number's: the clause head and the
    clauses it hangs from, the number, its noun and the clause's measure nouns ("toll")."""
    spine = {head, *head.ancestors, anchor}
    if noun is not None:
        spine.add(noun)
    spine.update(c for c in head.children if c.pos_ == "NOUN" and c.lemma_.lower() in MEASURE_NOUNS)
    return spine


def _clause_tokens(head: Token) -> set[Token]:
    """The head's subtree without clauses of their own (a coordinated clause with its own
    subject, a complement clause, a relative clause)."""
    tokens: set[Token] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        tokens.add(tok)
        for child in tok.children:
            if child.dep_ in OWN_CLAUSE_DEPS or (
                child.dep_ == "conj"
                and child.pos_ in ("VERB", "AUX")
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            ):
                continue
            stack.append(child)
    return tokens


def _depth(tok: Token, head: Token) -> int:
    depth = 0
    while tok.i != head.i and tok.head.i != tok.i:
        tok, depth = tok.head, depth + 1
    return depth


def _place(block: Block, head: Token, clause: set[Token], noun: Token | None) -> Span | None:
    """The clause's locative phrase, nearest the clause head first; else a place entity."""
    preps = sorted(
        (t for t in clause if t.dep_ == "prep" and (noun is None or t.i != noun.i)),
        key=lambda t: (_depth(t, head), t.i),
    )
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.ent_type_ in NOT_PLACE_ENTITIES or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            word = prep.lower_
            if word in lexicon.LOCATIVE_PREPOSITIONS and obj.lower_ not in (
                lexicon.NOT_PLACE_OBJECTS
            ):
                return _place_phrase(block, obj)
            if word in lexicon.ENTITY_LOCATIVE_PREPOSITIONS and obj.ent_type_ in PLACE_LABELS:
                return _place_phrase(block, obj)
    doc = head.doc
    places = [e for e in doc.ents if e.label_ in PLACE_LABELS and e.root in clause]
    if not places:
        return None
    nearest = min(places, key=lambda e: abs(e.root.i - head.i))
    return _token_span(block, nearest[0], nearest[-1])


def _place_phrase(block: Block, obj: Token) -> Span:
    """A place noun with its modifiers and nested locatives, without a leading article and
    without a relative clause, apposition or coordination after it."""
    kept = [obj]
    for child in obj.children:
        if child.i > obj.i and child.dep_ in PLACE_PHRASE_ENDS:
            continue
        kept.extend(child.subtree)
    kept.sort(key=lambda t: t.i)
    first_i = kept[0].i
    while first_i < obj.i and obj.doc[first_i].dep_ == "det":
        first_i += 1
    last_i = max(t.i for t in kept)
    contiguous = [t for t in obj.doc[first_i : last_i + 1]]
    while contiguous and contiguous[-1].is_punct:
        contiguous.pop()
    return _token_span(block, contiguous[0], contiguous[-1])


def _time(
    block: Block, clause: set[Token], head: Token, dates: Sequence[DateMention]
) -> DateMention | None:
    """The resolved date mention inside the clause nearest its head."""
    doc, length = head.doc, len(block.text)
    found: list[tuple[int, DateMention]] = []
    for mention in dates:
        if mention.value is None or mention.span.article != block.article.id:
            continue
        start = mention.span.start - block.start
        if not 0 <= start < length:
            continue
        tok = doc.char_span(start, mention.span.end - block.start, alignment_mode="expand")
        if tok is not None and any(t in clause for t in tok):
            found.append((abs(tok.root.i - head.i), mention))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _outer_time(block: Block, head: Token, dates: Sequence[DateMention]) -> DateMention | None:
    """The month or year of the clause a dependent clause hangs from: in "In December 2003,
    Bam was razed by a quake that left 31,000 dead" or "In February, a quake hit Zarand,
    killing 612" the toll is of that month. Not a day: "police on Monday arrested a man who
    killed 3" dates the arrest only."""
    if head.dep_ not in DEPENDENT_CLAUSE_DEPS:
        return None
    outer = _clause_head(None, head.head)
    time = _time(block, _clause_tokens(outer), outer, dates)
    coarse = time is not None and time.value is not None and MONTH_OR_YEAR.fullmatch(time.value)
    return time if coarse else None


def _attached(tok: Token, spine: set[Token], through_nouns: bool = False) -> bool:
    """Whether ``tok`` hangs from the spine, climbing only through prepositions and their
    objects (and, with ``through_nouns``, the nouns those objects modify)."""
    node = tok
    for _ in range(MAX_CLIMB):
        head = node.head
        if head.i == node.i:
            return False
        if head in spine:
            return True
        if head.dep_ not in ("prep", "pobj") and not (through_nouns and head.pos_ == "NOUN"):
            return False
        node = head
    return False


def _phrases_at(
    sent: SpacySpan, phrases: Iterable[tuple[str, ...]]
) -> Iterable[tuple[Token, Token]]:
    """First and last token of every occurrence of the phrases in the sentence."""
    words = [t.lower_ for t in sent]
    starts: dict[str, list[int]] = {}  # where each word begins a phrase: one pass, not one a phrase
    for i, word in enumerate(words):
        starts.setdefault(word, []).append(i)
    for phrase in phrases:
        size = len(phrase)
        for i in starts.get(phrase[0], ()):
            if tuple(words[i : i + size]) == phrase:
                yield sent[i], sent[i + size - 1]


def _root_of(first: Token, last: Token) -> Token:
    inside = range(first.i, last.i + 1)
    outside = [t for t in first.doc[first.i : last.i + 1] if t.head.i not in inside]
    return outside[0] if outside else last


def _running_total(sent: SpacySpan, spine: set[Token]) -> tuple[Token, Token] | None:
    for first, last in _phrases_at(sent, lexicon.RUNNING_TOTAL_PHRASES):
        after = first.doc[last.i + 1].lower_ if last.i + 1 < len(first.doc) else ""
        if after in ("ago", "earlier", "later", "before"):
            continue  # "a year ago": a date, not a tally
        root = _root_of(first, last)
        if root.head.pos_ == "NOUN" and root.head not in spine:
            continue  # "the city's 20th shooting this year": the phrase is the noun's
        if root in spine or _attached(root, spine):
            return first, last
    for tok in sent:
        word = tok.lower_
        if word in lexicon.RUNNING_TOTAL_WORDS and (_attached(tok, spine) or tok in spine):
            return tok, tok
        if tok.dep_ == "prep" and _attached(tok, spine):
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            clauses = [c for c in tok.children if c.dep_ == "pcomp"]
            if word == lexicon.SINCE and any(
                c.lemma_.lower() in lexicon.START_VERBS | lexicon.ARRIVAL_VERBS for c in clauses
            ):
                return tok, clauses[-1]
            if not objects:
                continue
            obj = objects[0]
            lemma = obj.lemma_.lower()
            if word in lexicon.EXTENT_PREPOSITIONS and lemma in lexicon.AREA_NOUNS:
                return tok, obj
            if (
                word in lexicon.WINDOW_PREPOSITIONS
                and lemma in lexicon.WINDOW_UNITS
                and any(c.lower_ in lexicon.WINDOW_MARKERS for c in obj.children)
            ):
                return tok, obj
            if word == lexicon.SINCE and (
                any(t.ent_type_ == "DATE" for t in obj.subtree) or lemma in lexicon.SINCE_STARTS
            ):
                return tok, obj
        if word == lexicon.SINCE and tok.dep_ == "mark":
            clause = tok.head
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            starts = clause.lemma_.lower() in lexicon.START_VERBS | lexicon.ARRIVAL_VERBS or any(
                s.lemma_.lower() in lexicon.SINCE_STARTS for s in subjects
            )
            if starts and clause.head in spine:
                return tok, clause
    return None


def _other_incident(
    sent: SpacySpan, spine: set[Token], noun: Token | None
) -> tuple[Token, Token] | None:
    for first, last in _phrases_at(sent, lexicon.OTHER_INCIDENT_PHRASES):
        root = _root_of(first, last)
        if root in spine or _attached(root, spine):
            return first, last
    for tok in sent:
        word = tok.lower_
        if word in lexicon.OTHER_INCIDENT_ADVERBS and _attached(tok, spine):
            return tok, tok
        if word not in lexicon.OTHER_INCIDENT_MODIFIERS or tok.dep_ not in ("amod", "det"):
            continue
        target = tok.head
        if (noun is not None and target.i == noun.i) or target.pos_ != "NOUN":
            continue
        lemma = target.lemma_.lower()
        if lemma in lexicon.PERSON_NOUNS:
            continue
        incident_noun = lemma in lexicon.INCIDENT_NOUNS
        if word in ("earlier", "previous", "prior") and not incident_noun:
            continue
        direct = target.head in spine and target.dep_ in ("nsubj", "nsubjpass", "dobj")
        if (direct and incident_noun) or (
            target.dep_ == "pobj" and _attached(target, spine, through_nouns=True)
        ):
            return tok, target
    return None


def _scope(
    block: Block, sent: SpacySpan, spine: set[Token], noun: Token | None
) -> tuple[Scope, Span | None]:
    """Running total wins over another incident: a tally over many happenings."""
    found = _running_total(sent, spine)
    if found is not None:
        return Scope.RUNNING_TOTAL, _token_span(block, *found)
    found = _other_incident(sent, spine, noun)
    if found is not None:
        return Scope.OTHER_INCIDENT, _token_span(block, *found)
    return Scope.INCIDENT, None
