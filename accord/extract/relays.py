"""Who passes a speaker's words on, and whom a speaker relies on: "the agency quoted an
official as saying …" (the official speaks, the agency relays), "Y, citing X, said …" (Y
speaks, citing X). Read by :mod:`accord.extract.frames` for the speaker and by
:mod:`accord.extract.quotes` for the chain a mention records."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from accord.extract.cues import cue_lemma
from accord.lexicon import CITING_VERBS


class Relay(NamedTuple):
    """The one quoted, and the one who quotes them (None where the parse names nobody)."""

    speaker: Token
    relayer: Token | None


def quoted_as(verb: Token) -> Relay | None:
    """Y and X in "X quoted Y as saying …" (given "quoted" or "saying"): Y speaks, X passes
    the words on. "Y was quoted as saying" has Y for its subject and needs nothing here."""
    if cue_lemma(verb) not in CITING_VERBS:
        prep = verb.head if verb.dep_ == "pcomp" else None
        if prep is None or prep.lower_ != "as" or prep.dep_ != "prep":
            return None
        verb = prep.head
    if cue_lemma(verb) not in CITING_VERBS:
        return None
    speaking = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children
    )
    quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if not speaking or quoted is None:
        return None
    return Relay(quoted, next((c for c in verb.children if c.dep_ == "nsubj"), None))


def cited_source(cue: Token, subject: Token) -> Token | None:
    """X in "Y, citing X, said …" (the "citing" clause hangs off the verb or its subject)."""
    for node in (cue, subject):
        for child in node.children:
            if child.lemma_.lower() in CITING_VERBS and child.dep_ in {"advcl", "acl", "xcomp"}:
                for obj in child.children:
                    if obj.dep_ in {"dobj", "pobj"}:
                        return obj
    return None


def passed_through(cue: Token, subject: Token) -> tuple[Token | None, Token | None]:
    """Who relays the words at ``cue`` and whom their speaker cites, where the parse names
    them."""
    relay = quoted_as(cue)
    return (relay.relayer if relay else None), cited_source(cue, subject)
