"""Does a rendering of a statement assert something? A statement is a proposition: a
fragment, an open question, a request, a stance's object or a quoted title is none, though it
may join a statement of its speaker that holds it (:mod:`accord.statements`); a public demand
("called for an inquiry") is one."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from accord.blocking import WORD_RE, words
from accord.lexicon import REPORTED_FORMS, SAID_FORMS
from accord.model import QuoteForm, QuoteMention, SpeakerType

__all__ = ["is_proposition"]

# A rendering of fewer words than this is a fragment ("a strike", "Not responding"), no
# proposition: it joins the statement of its speaker that holds it, else it is no statement.
MIN_PROPOSITION_WORDS = 3
# Reported content that opens with one of these is a question the speaker left open ("did not
# say how many shots were fired") or a request ("told him to exit his car"), not an assertion.
NOT_ASSERTED_OPENERS = frozenset({"to", "how", "why", "what", "whether", "if", "when", "where"})
# A paraphrase whose content opens with this is a complement clause ("the minister's claim
# that …"): a proposition, where a stance's object ("called for a ban") is none.
COMPLEMENTIZER = "that"
# Cues whose object states what the speaker holds true: reporting forms ("announced cuts in
# pensions", "confirmed two deaths"), not "said", "told" or "added" with an object ("told a
# news conference"), and the speech acts that predicate of their object ("accused Moscow of …",
# "denied the presence of troops", "described them as …"); a stance ("cited", "called for")
# has none.
ANNOUNCING_FORMS = frozenset(REPORTED_FORMS) - frozenset(SAID_FORMS) - {"added"}
PREDICATING_VERBS = frozenset({"accuse", "blame", "deny", "describe", "identify"})
# An admission's object is what the speaker grants is true ("acknowledged having debts",
# "admitted the theft"); a commitment's infinitive is what they say they will do ("vowed to
# rebuild"): both are said, where "planned to" or "hoped to" may be the writer's account.
ADMITTING_VERBS = frozenset({"acknowledge", "admit", "concede", "confess"})
COMMITTING_VERBS = frozenset({"pledge", "promise", "vow"})
# A body's plan is known because it made it known: "the company plans to offer …" is the
# company's statement, where a person's plan ("was planning to go skiing") may be the
# writer's account.
PLANNING_VERBS = frozenset({"plan", "intend"})
# A demand is said to be heard: what the speaker urges, demands or calls for ("urged residents
# to stay indoors", "called for an inquiry", "called on the board to resign") is their
# statement. "Call" demands only with "for" or "on" after it, "ask" only with "for" ("the
# judge asked for psychiatric reports"): "called the plan a ploy", "call a number" and "asked
# about the plan" are no demand.
DEMANDING_VERBS = frozenset({"urge", "demand", "call", "ask"})
DEMAND_PREPOSITIONS = {"call": frozenset({"for", "on", "upon"}), "ask": frozenset({"for"})}


# The verbs :func:`_lemma_of` knows.
LISTED_VERBS = (
    PREDICATING_VERBS | ADMITTING_VERBS | COMMITTING_VERBS | DEMANDING_VERBS | PLANNING_VERBS
)


def _stance(mention: QuoteMention, text: str) -> bool:
    """A stance with an object, not a clause: "X called for a ban", "X declined to comment",
    "X cited the report", "X posted bail". The speaker's verb takes the content as its
    object: the cue comes after the speaker and right before the content, in one sentence.
    "According to X, …" names the source between cue and content, "X reports:" opens a
    paragraph of its own, and "X's claim that …" holds a clause: those assert something."""
    cue, source = mention.cue, mention.speaker_span
    if mention.carried_as is not QuoteForm.PARAPHRASE or cue is None:
        return False
    if cue.end > mention.span.start or (source is not None and source.end > cue.start):
        return False
    between = text[cue.end : mention.span.start]
    if "\n" in between or ":" in between:
        return False
    verb = cue.text.lower().split()[0]
    if verb in ANNOUNCING_FORMS or _lemma_of(verb) in PREDICATING_VERBS | ADMITTING_VERBS:
        return False
    if _demanded(mention, text):
        return False
    return words(mention.span.text)[:1] != [COMPLEMENTIZER] and not _committed(mention)


def _committed(mention: QuoteMention) -> bool:
    """A commitment: "vowed to rebuild", "pledges to pay", a body's "plans to offer"."""
    verb = mention.cue.text.lower().split()[0] if mention.cue is not None else ""
    lemma = _lemma_of(verb)
    body = mention.speaker_type is SpeakerType.ORGANISATION and lemma in PLANNING_VERBS
    return (lemma in COMMITTING_VERBS or body) and words(mention.span.text)[:1] == ["to"]


def _demanded(mention: QuoteMention, text: str) -> bool:
    """A demand: "urged X to …", "demanded …", "called for …", "called on X to …"."""
    cue = mention.cue
    lemma = _lemma_of(cue.text.lower().split()[0]) if cue is not None else ""
    if cue is None or lemma not in DEMANDING_VERBS:
        return False
    after = (words(cue.text)[1:] + words(text[cue.end : cue.end + 20]))[:1]
    needed = DEMAND_PREPOSITIONS.get(lemma)
    return needed is None or (bool(after) and after[0] in needed)


def _lemma_of(verb: str) -> str:
    """The lemma of a regular form of a verb of the lists above ("accused", "denies",
    "admitted" -> accuse, deny, admit); any other word comes back as it is."""
    for suffix, ending in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if not verb.endswith(suffix):
            continue
        stem = verb.removesuffix(suffix) + ending
        for lemma in (stem, stem + "e", stem[:-1]):  # "describ-ed", "admitt-ed"
            if lemma in LISTED_VERBS:
                return lemma
    return verb


def _title(mention: QuoteMention) -> bool:
    """A quoted name or title ("starred in “The Boy From Oz”", "dubbed it the “Year of the
    Woman”"): every word capitalised but the small ones, nothing asserted."""
    found = [w for w in WORD_RE.findall(mention.span.text) if w.lower() not in STOP_WORDS]
    titled = bool(found) and all(w[:1].isupper() for w in found)
    return mention.carried_as is QuoteForm.PARTIAL and titled


def is_proposition(mention: QuoteMention, text: str) -> bool:
    """Does this rendering assert something? Not a fragment, an open question, a request or
    a stance's object."""
    tokens = words(mention.span.text)
    if len(mention.span.text.split()) < MIN_PROPOSITION_WORDS or not tokens:
        return False
    if _stance(mention, text) or _title(mention):
        return False
    opener_asserts = (
        tokens[0] not in NOT_ASSERTED_OPENERS or _committed(mention) or _demanded(mention, text)
    )
    return mention.carried_as is QuoteForm.VERBATIM or opener_asserts
