"""Who a figure is credited to: the chain of sources, outermost first.

Read from the dependency parse, walking up from the number: each reporting verb on the way
("estimate", "say", "suggest", ...) credits its subject; an "according to X" or a "citing X"
attached on the way credits X after the subject that cites it. So "A Chilean senator,
citing police records, said that about 40 miners were trapped" gives
``("Chilean senator", "police records")``. Pronouns ("he said") are skipped:
resolving them is the quote extractor's job, not this module's.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from accord.lexicon import CITING_VERBS, REPORTING_VERBS

# Verbs that credit a figure: the shared reporting verbs and the verbs of counting and
# estimating ("officials put the toll at 20", "the ministry tallied 40").
FIGURE_CREDIT_VERBS = REPORTING_VERBS | frozenset(
    {
        "assess",
        "calculate",
        "count",
        "forecast",
        "project",
        "put",
        "reckon",
        "record",
        "tally",
    }
)
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
LEADING_DETERMINERS = frozenset({"a", "an", "the"})
MAX_SOURCE_TOKENS = 12


def _phrase(head: Token, skip: set[int]) -> str | None:
    """A source's words: ``head``'s subtree without cited or relative clauses, trimmed."""
    tokens = [t for t in head.subtree if t.i not in skip]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in LEADING_DETERMINERS):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or (len(tokens) == 1 and tokens[0].pos_ == "PRON"):
        return None
    if len(tokens) > MAX_SOURCE_TOKENS:  # keep the noun and its close modifiers only
        tokens = [t for t in head.lefts if t.dep_ in ("compound", "amod")] + [head]
    doc = head.doc
    return (
        doc[tokens[0].i : tokens[-1].i + 1].text
        if _contiguous(tokens)
        else " ".join(t.text for t in tokens)
    )


def _with_compounds(subject: Token, node: Token) -> str | None:
    """ "French, Dutch and Belgian agency estimate that ..." tagged with
    ``estimate`` as a noun: the source runs from the subject to the noun's compounds."""
    lefts = [t for t in node.lefts if t.dep_ in ("compound", "amod")]
    if not lefts or subject.i > lefts[0].i:
        return None
    return node.doc[subject.left_edge.i : lefts[-1].i + 1].text


def _contiguous(tokens: list[Token]) -> bool:
    return all(b.i == a.i + 1 for a, b in itertools.pairwise(tokens))


def _cited(node: Token) -> list[tuple[Token, set[int]]]:
    """Sources named by "citing X" or "according to X" among ``node``'s children."""
    found: list[tuple[Token, set[int]]] = []
    for child in node.children:
        if child.lemma_.lower() in CITING_VERBS and child.dep_ in ("advcl", "acl", "xcomp"):
            found += [(o, set()) for o in child.children if o.dep_ in ("dobj", "pobj")]
        if child.lower_ == "according":
            for prep in child.children:
                found += [(o, set()) for o in prep.children if o.dep_ == "pobj"]
    return found


def _clause_skip(subject: Token) -> set[int]:
    """Indices inside a subject that belong to a clause hanging off it ("citing ...")."""
    skip: set[int] = set()
    for child in subject.children:
        if child.dep_ in ("acl", "relcl", "advcl") or child.lemma_.lower() in CITING_VERBS:
            skip.update(t.i for t in child.subtree)
    return skip


def attribution_chain(anchor: Token) -> tuple[str, ...]:
    """The sources credited with the figure at ``anchor``, outermost first."""
    groups: list[list[str]] = []
    path = {anchor.i}
    for node in anchor.ancestors:
        group: list[str] = []
        if node.lemma_.lower() in FIGURE_CREDIT_VERBS and node.pos_ in ("VERB", "AUX", "NOUN"):
            subjects = [c for c in node.children if c.dep_ in SUBJECTS and c.i not in path]
            if node.dep_ == "acl" and not subjects and node.head.pos_ in ("NOUN", "PROPN"):
                subjects = [node.head]  # "estimates indicating ..."
            for subject in subjects:
                name = _phrase(subject, _clause_skip(subject) | path)
                if node.pos_ == "NOUN" and name:  # a verb the tagger read as a noun
                    name = _with_compounds(subject, node) or name
                if name:
                    group.append(name)
                group += [n for o, s in _cited(subject) if (n := _phrase(o, s))]
        group += [n for o, s in _cited(node) if (n := _phrase(o, s)) and n not in group]
        if group:
            groups.append(group)
        path.add(node.i)
    return tuple(name for group in reversed(groups) for name in group)
