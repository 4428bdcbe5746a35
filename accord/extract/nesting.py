"""How an article's attribution mentions bear on one another: a cue inside someone's
reported words is part of that statement (:func:`unnested`), "according to Y" passes on the
statement it holds (:func:`chained`), as does "Y reports that X says …" (:func:`relayed`) and a
voice a speaker reports inside their own quotation (:func:`passed_on_in_quotes`). The frames
themselves are read in :mod:`accord.extract.frames`."""

from __future__ import annotations

from dataclasses import replace

from accord.lexicon import RELATIVE_PRONOUNS
from accord.model import QuoteForm, QuoteMention, Span, SpeakerType

# The cue of a report that passes on another's: "USA Today reports that X says …".
RELAY_CUES = frozenset({"report", "reports", "reported", "reporting"})


def _passes_on(outer: QuoteMention, inner: QuoteMention) -> bool:
    """The "according to" content holds the inner cue ("X said …, according to Y") or most
    of the inner content (the parser hung "according to Y" on X's clause)."""
    if inner.cue is None or inner.cue == outer.cue:
        return False
    if outer.span.start <= inner.cue.start and inner.cue.end <= outer.span.end:
        return True
    shared = min(outer.span.end, inner.span.end) - max(outer.span.start, inner.span.start)
    return shared * 2 >= inner.span.end - inner.span.start


def unnested(mentions: list[QuoteMention]) -> list[QuoteMention]:
    """Drop a cue inside someone's reported words: in "X said Y wants Z" the statement is
    X's, and "Y wants" is part of what X said, not a statement of its own."""
    reported = [m for m in mentions if not m.verbatim and not _passed_on(m)]

    def nested(mention: QuoteMention) -> bool:
        cue = mention.cue
        return (
            cue is not None
            and not _passed_on(mention)
            and any(
                o.cue != cue
                and o.span.start <= cue.start
                and cue.end <= o.span.end
                and not _own_frame(o, mention)
                for o in reported
            )
        )

    return [m for m in mentions if not nested(m)]


def _own_frame(outer: QuoteMention, inner: QuoteMention) -> bool:
    """A statement in a relative clause, which the writer adds to name a source, not part of
    the words around it. In the object of a stance ("his family supported him, especially
    Louis, who told reporters …") Louis's words are his; in anyone's reported words ("X said
    she entered a clinic that a state official said is unlicensed") the official's are. What
    is reported as said ("X said Y told Z …") holds Y's words, and so does a stance's object
    ("called Y to let the family know …")."""
    speaker = inner.speaker_span
    if speaker is None or inner.speaker is None:
        return False
    if not (outer.span.start <= speaker.start and speaker.end <= outer.span.end):
        return False
    if speaker.text.lower() in RELATIVE_PRONOUNS:
        return outer.form is QuoteForm.PARAPHRASE
    before = outer.span.text[: speaker.start - outer.span.start].split()
    # "X said that Y said …": a "that" opening the content is X's, not a relative pronoun;
    # and what Y did ("a case in which Y defended …") stays part of X's words
    relative = len(before) >= 2 and before[-1].lower() in RELATIVE_PRONOUNS
    return relative and inner.carried_as is QuoteForm.REPORTED


def after_relative_frame(mention: QuoteMention) -> QuoteMention:
    """The words a relative clause credits, without its frame: in "a clinic that a state
    official said is unlicensed" the official said "is unlicensed …", not "that a state
    official said"."""
    cue, span = mention.cue, mention.span
    if mention.carried_as is not QuoteForm.REPORTED or cue is None:
        return mention
    if not span.start < cue.start < cue.end < span.end:
        return mention
    if span.text.split(maxsplit=1)[0].lower() not in RELATIVE_PRONOUNS:
        return mention
    said = span.text[cue.end - span.start :].lstrip(" ,")
    return replace(mention, span=Span(span.article, span.end - len(said), span.end, said))


def _passed_on(mention: QuoteMention) -> bool:
    """An "according to" mention: the writer's credit, outside anyone's words."""
    return mention.cue is not None and mention.cue.text.lower() == "according to"


def chained(mentions: list[QuoteMention]) -> list[QuoteMention]:
    """Credit a statement passed on by someone else to its speaker, ``via`` the one who passes
    it on: in "X said …, according to Y" the words are X's and the "according to" mention's
    content holds X's cue."""
    outer = [m for m in mentions if m.form is QuoteForm.PARAPHRASE and _passed_on(m) and m.speaker]
    chained = []
    for mention in mentions:
        via = next((o.speaker for o in outer if o is not mention and _passes_on(o, mention)), None)
        chained.append(replace(mention, via=via) if via and mention.speaker else mention)
    return chained


def _relays(mention: QuoteMention) -> bool:
    """A report of a report: "USA Today reports that …" passes on what its content says."""
    cue = mention.cue
    relay = cue is not None and bool(RELAY_CUES.intersection(cue.text.lower().split()))
    return relay and not mention.verbatim and mention.speaker is not None


def relayed(mentions: list[QuoteMention]) -> list[QuoteMention]:
    """Credit the speaker inside a relayed report, ``via`` the one who reports it: in "USA
    Today reports that Rep. Rahall says he will act" the words are Rahall's, and USA Today's
    mention, which only carries them, is dropped; so in "X said the team was “ready”, the
    paper reported", where X's words are a partial quote. A report holding no speaker's cue ("ESPN
    is reporting that the offer stands") stays the reporter's own."""
    relays = [k for k, m in enumerate(mentions) if _relays(m)]
    relayed_by: dict[int, int] = {}  # an inner mention's index -> its relay's
    for r in relays:
        outer = mentions[r]
        for k, inner in enumerate(mentions):
            cue = inner.cue
            if (
                k != r
                and inner.speaker
                # said, quoted or not, not did: "asked X to"
                and inner.carried_as is not QuoteForm.PARAPHRASE
                and cue is not None
                and outer.span.start <= cue.start
                and cue.end <= outer.span.end
            ):
                relayed_by[k] = r
    carriers = set(relayed_by.values())
    return [
        replace(m, via=mentions[relayed_by[k]].speaker) if k in relayed_by else m
        for k, m in enumerate(mentions)
        if k not in carriers
    ]


def passed_on_in_quotes(mentions: list[QuoteMention]) -> list[QuoteMention]:
    """Credit a voice a speaker reports inside their own quotation to that voice, ``via`` the
    speaker: in "“Some experts believe the law is void,” the minister said" the belief is
    the experts', passed on by the minister, whose quotation keeps every word."""
    quoted = [m for m in mentions if m.carried_as is QuoteForm.VERBATIM and m.speaker]
    found = []
    for mention in mentions:
        cue = mention.cue
        outer = next(
            (
                o.speaker
                for o in quoted
                if cue is not None
                and not mention.verbatim
                and o.span.start <= cue.start
                and cue.end <= o.span.end
            ),
            None,
        )
        found.append(replace(mention, via=outer) if outer and mention.speaker else mention)
    return found


def described_voice(mention: QuoteMention) -> bool:
    """Reported speech of people a speaker describes ("some legal experts believe …"), not
    a pronoun that may stand for anyone inside a quotation ("he said", "we think"), nor a
    named person or body, whose words a speaker's quotation usually retells as its own."""
    plain = mention.carried_as is QuoteForm.REPORTED
    return plain and mention.speaker_type in {SpeakerType.GROUP, SpeakerType.DESCRIPTION}
