"""Which measure a figure is, and over what period — from the dependency parse.

The measure (a :class:`accord.vocab.Measure`) is the key reconciliation groups figures by:
"killed", "wounded", "killed_or_wounded" (one measure, never two, for "killed or injured" and
"casualties"), "captured", "deployed", "stationed", "missing", "displaced", "arrested",
"shot", or the generic "count". It is read, in order of trust, from the counted noun ("casualties",
"deaths"), from verbs attached to the number or its noun ("12,000 who were deployed",
"4,000 killed or injured"), from the verb the noun is subject or object of, and from an
adjective on the noun ("three dead soldiers"). A victim wounded and then dead is killed: a
participle or clause of wounding on the noun gives way to a governing verb of death ("two
soldiers wounded in the attack later died"). The words themselves are in
:mod:`accord.extract.measure_words`; what the figure counts is read by
:mod:`accord.extract.counted`.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord import lexicon
from accord.extract.counted import names_a_part
from accord.extract.measure_words import (
    FORCE_NOUNS,
    HOME_NOUNS,
    MEASURE_ADJECTIVES,
    MEASURE_NOUNS,
    MEASURE_VERBS,
)
from accord.vocab import CUMULATIVE_PERIOD, Measure, Period

# Prepositions that tie a value to a verb's measured argument ("the toll rose to 17").
VALUE_PREPS = frozenset({"to", "at"})
# Prepositions that give the cause of a verb's patients ("treated for injuries").
CAUSE_PREPS = frozenset({"for", "with"})
KILLED_OR_WOUNDED = frozenset({Measure.KILLED, Measure.WOUNDED})
SUBJECT_OBJECT = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "pobj"})
VERB_CHILDREN = frozenset({"acl", "relcl", "amod", "advcl"})
PERIOD_PREPS = frozenset({"within", "in", "over", "during", "for"})
PERIOD_UNITS = frozenset({"hour", "day", "week", "weekend", "month", "year", "fortnight"})
PERIOD_MARKERS = frozenset({"last", "past", "previous", "this", "first", "single", "one"})


def _agent_clause(verb: Token) -> bool:
    """A relative clause whose active verb has the noun as its doer: "two gunmen who shot
    at police", "troopers who killed the suspect" (the noun did the harm, it did not
    suffer it)."""
    if verb.dep_ != "relcl":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lower_ in ("who", "that", "which")


def _or_conjuncts(verb: Token) -> list[Token]:
    """Verbs coordinated with ``verb`` that share its subject ("killed or wounded")."""
    found = []
    for conj in verb.conjuncts:
        # "killed 4 people and wounded 11": a verb with an object of its own counts its own
        if conj.i > verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in conj.children
        ):
            found.append(conj)
    return found


def is_measure_noun(words: str) -> bool:
    """Whether a counted phrase is itself a measure ("casualties"), not a thing counted."""
    last = words.split()[-1].lower() if words.split() else ""
    return (
        last in MEASURE_NOUNS
        or last.rstrip("s") in MEASURE_NOUNS
        or last[:-3] + "y" in MEASURE_NOUNS
    )


def _harm_participles(noun: Token) -> list[Token]:
    """A participle of harm right after the noun, however the parser attached it:
    "1,000 soldiers either killed or injured" (often parsed as hanging off another word)."""
    doc = noun.doc
    i = noun.i + 1
    while i < len(doc) and doc[i].lower_ in ("either", "were", "have", "been", "had", "being"):
        i += 1
    if i < len(doc) and doc[i].tag_ in ("VBN", "VBD") and doc[i].lemma_.lower() in MEASURE_VERBS:
        return [doc[i]]
    return []


def _verb_measures(verb: Token) -> list[Measure]:
    measures: list[Measure] = []
    for v in [verb, *_or_conjuncts(verb)]:
        for c in v.children:
            if c.dep_ in ("acomp", "oprd", "xcomp", "advmod") and c.lower_ in MEASURE_ADJECTIVES:
                measures.append(MEASURE_ADJECTIVES[c.lower_])
        lemma = v.lemma_.lower()
        if lemma == "take" and not any(
            c.lower_ in ("prisoner", "captive", "hostage") for c in v.children
        ):
            continue
        if lemma == "shoot" and any(c.lower_ in ("dead", "death") for c in v.subtree):
            measures.append(Measure.KILLED)
        elif lemma in MEASURE_VERBS:
            measures.append(MEASURE_VERBS[lemma])
        elif v.lower_ in MEASURE_ADJECTIVES:
            measures.append(MEASURE_ADJECTIVES[v.lower_])
    return measures


def _combine(measures: list[Measure]) -> Measure | None:
    if set(measures) >= KILLED_OR_WOUNDED or Measure.KILLED_OR_WOUNDED in measures:
        return Measure.KILLED_OR_WOUNDED
    return measures[0] if measures else None


def _governor(node: Token) -> Token | None:
    """The verb (or event noun) the counted phrase is an argument of, if any."""
    while node.dep_ in ("conj", "appos") and node.head is not node:
        node = node.head
    if node.dep_ not in SUBJECT_OBJECT:
        return None
    head = node.head
    if node.dep_ == "pobj":
        prep = head
        if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
            return prep.head  # "the capture of two soldiers", "the deaths of 5 people"
        if prep.lower_ == "by":
            return None  # "captured by 200 troops": the number is the agent
        return None
    return head if head.pos_ in ("VERB", "AUX", "ADJ") else None


def _noun_measure(noun: Token) -> Measure | None:
    """A measure noun's measure, refined by a measure compound ("casualty toll")."""
    for child in noun.children:
        if child.dep_ == "compound" and child.lemma_.lower() in MEASURE_NOUNS:
            return MEASURE_NOUNS[child.lemma_.lower()]
    return MEASURE_NOUNS.get(noun.lemma_.lower())


def _measured_argument(anchor: Token) -> Measure | None:
    """A number that is the value of a measure noun through "to"/"at": "the death toll had
    risen to 17", "officials put the toll at 20" (the noun is the verb's subject or object)."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in VALUE_PREPS or prep.head.pos_ != "VERB":
        return None
    for argument in prep.head.children:
        if argument.dep_ in ("nsubj", "nsubjpass", "dobj") and argument.pos_ == "NOUN":
            found = _noun_measure(argument)
            if found:
                return found
    return None


def _circumstance_measure(verb: Token) -> Measure | None:
    """What a verb's prepositions say about its patients: "treated for injuries" (wounded),
    "forced from their homes", "remain out of their homes" (displaced)."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        objects = [o for o in prep.subtree if o.dep_ == "pobj" and o.head.head in (prep, verb)]
        for obj in objects:
            lemma = obj.lemma_.lower()
            if prep.lower_ in CAUSE_PREPS and lemma in MEASURE_NOUNS:
                return MEASURE_NOUNS[lemma]
            if prep.lower_ in ("from", "out") and lemma in HOME_NOUNS:
                return Measure.DISPLACED
            succumbed = prep.lower_ == "to" and verb.lemma_.lower() == "succumb"
            if succumbed and lemma in lexicon.HARM_OBJECTS:
                return Measure.KILLED  # "succumbed to their wounds"
    return None


def _died_after(found: Measure, anchor: Token, noun: Token | None) -> Token | None:
    """The verb of death that governs a count a participle or clause calls wounded or shot
    ("two soldiers wounded in the attack later died", "three people who had been shot died"),
    if it states the death as having happened; else None."""
    if found not in (Measure.WOUNDED, Measure.SHOT):
        return None
    governor = governor_of(anchor, noun)
    if governor is None or governor.pos_ == "NOUN" or verb_measure(governor) != Measure.KILLED:
        return None
    if any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lexicon.IRREALIS_AUXILIARIES)
        for c in governor.children
    ):
        return None  # "did not die", "could die": the wound is what happened
    return governor


def measure_of(anchor: Token, noun: Token | None) -> Measure:
    """The reconciliation measure of a count (see module docstring)."""
    return measure_source(anchor, noun)[0]


def verb_measure(verb: Token) -> Measure | None:
    """The harm or movement measure a verb (with its coordinated verbs, its adjective
    complement and its cause phrase) states for its patients: "was shot dead" killed,
    "were treated for injuries" wounded; None for any other verb."""
    return _combine(_verb_measures(verb)) or _circumstance_measure(verb)


def measure_source(anchor: Token, noun: Token | None) -> tuple[Measure, Token | None]:
    """The measure of a count and the word that states it (the counted measure noun, the
    verb or event noun that governs the number, or the harm adjective); ``None`` as the word
    for the generic "count"."""
    part = names_a_part(anchor, noun)
    if noun is not None and noun.lemma_.lower() in MEASURE_NOUNS and not part:
        return MEASURE_NOUNS[noun.lemma_.lower()], noun
    if anchor.lemma_.lower() in MEASURE_NOUNS:
        return MEASURE_NOUNS[anchor.lemma_.lower()], anchor
    carrier = noun if noun is not None else anchor
    if _partitive_whole(anchor, carrier):
        return Measure.COUNT, None
    attached = [
        c
        for t in (anchor, carrier)
        for c in t.children
        if c.dep_ in VERB_CHILDREN
        and c.pos_ in ("VERB", "ADJ")
        and c.i > t.i
        and not _agent_clause(c)
    ]
    attached += _harm_participles(carrier)
    for verb in attached:
        found = _combine(_verb_measures(verb))
        if found:
            died = _died_after(found, anchor, noun)
            return (Measure.KILLED, died) if died is not None else (found, verb)
    found = _measured_argument(anchor)
    if found:
        return found, anchor.head.head
    governor = _governor(carrier)
    if governor is None and carrier.dep_ in ("nummod", "quantmod"):
        governor = _governor(carrier.head)
    # "dozens of people reported missing": the vague number, not its noun, is the argument
    governors = [governor, _governor(anchor) if anchor is not carrier else None]
    for governor in (g for g in governors if g is not None):
        if governor.pos_ == "NOUN":
            found = MEASURE_NOUNS.get(governor.lemma_.lower())
        else:
            found = verb_measure(governor)
        if found:
            return found, governor
        if (
            governor.lemma_ == "be"
            and noun is not None
            and noun.lemma_.lower() in FORCE_NOUNS
            and any(c.dep_ == "prep" and c.lower_ in ("in", "inside") for c in governor.children)
        ):
            return Measure.DEPLOYED, governor
    for child in carrier.children:
        if child.dep_ == "amod" and child.lower_ in MEASURE_ADJECTIVES:
            return MEASURE_ADJECTIVES[child.lower_], child
    return Measure.COUNT, None


def _partitive_whole(anchor: Token, carrier: Token) -> bool:
    """The number sizes the whole of a partitive ("two of the three victims died"): the verb
    says what befell the part, not the whole."""
    if carrier.dep_ != "pobj" or carrier.head.lower_ != "of":
        return False
    part = carrier.head.head
    return part.i != anchor.i and part.i < carrier.i and (part.like_num or part.pos_ == "NUM")


def governor_of(anchor: Token, noun: Token | None) -> Token | None:
    """The verb or event noun the counted phrase (or the bare number) is an argument of."""
    carrier = noun if noun is not None else anchor
    for node in (carrier, carrier.head if carrier.dep_ in ("nummod", "quantmod") else None, anchor):
        if node is None:
            continue
        found = _governor(node)
        if found is not None:
            return found
    return None


def _period_phrase(prep: Token) -> str | None:
    lemma = prep.lower_
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    obj = objects[0]
    if lemma == "since":
        dates = [t for t in obj.subtree if t.ent_type_ == "DATE"]
        if dates:
            return "since " + obj.doc[dates[0].i : dates[-1].i + 1].text
        return None
    if (
        lemma in PERIOD_PREPS
        and obj.lemma_.lower() in PERIOD_UNITS
        and any(c.lower_ in PERIOD_MARKERS or c.like_num for c in obj.children)
    ):
        counts = [c for c in obj.children if c.like_num]
        return f"{counts[0].text} {obj.text}" if counts else obj.lemma_.lower()
    return None


def period_of(anchor: Token, noun: Token | None) -> Period:
    """Cumulative, or the window the figure covers: "week", "24 hours",
    "since mid-November" — read from a window phrase attached to the figure's clause."""
    carriers = [anchor, *anchor.ancestors]
    if noun is not None:
        carriers.append(noun)
        for verb in [c for c in noun.children if c.dep_ in VERB_CHILDREN]:
            carriers += [verb, *_or_conjuncts(verb)]
        for verb in _harm_participles(noun):
            carriers += [verb, *_or_conjuncts(verb)]
    for carrier in carriers:
        for child in carrier.children:
            if child.dep_ == "prep" or child.lower_ == "since":
                found = _period_phrase(child)
                if found:
                    return Period(found)
            if child.dep_ == "advcl" and child.lower_ != "since":
                for grandchild in child.children:
                    if grandchild.dep_ == "mark" and grandchild.lower_ == "since":
                        dates = [t for t in child.subtree if t.ent_type_ == "DATE"]
                        if dates:
                            return Period("since " + child.doc[dates[0].i : dates[-1].i + 1].text)
    return CUMULATIVE_PERIOD
