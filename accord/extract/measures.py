"""What a figure counts, which measure it is, and over what period — from the dependency parse.

The measure (a :class:`accord.vocab.Measure`) is the key reconciliation groups figures by:
"killed", "wounded", "killed_or_wounded" (one measure, never two, for "killed or injured" and
"casualties"), "captured", "deployed", "stationed", "missing", "displaced", "arrested",
"shot", or the generic "count". It is read, in order of trust, from the counted noun ("casualties",
"deaths"), from verbs attached to the number or its noun ("12,000 who were deployed",
"4,000 killed or injured"), from the verb the noun is subject or object of, and from an
adjective on the noun ("three dead soldiers").
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.vocab import CUMULATIVE_PERIOD, Measure, Period

# Lemma → measure. Closed classes of English verbs, nouns and adjectives of harm and movement
# (the event types of ACLED and the GVDB victim fields), not phrases from any corpus.
MEASURE_VERBS: dict[str, Measure] = {
    "kill": Measure.KILLED,
    "die": Measure.KILLED,
    "slay": Measure.KILLED,
    "murder": Measure.KILLED,
    "execute": Measure.KILLED,
    "perish": Measure.KILLED,
    "behead": Measure.KILLED,
    "wound": Measure.WOUNDED,
    "injure": Measure.WOUNDED,
    "hurt": Measure.WOUNDED,
    "maim": Measure.WOUNDED,
    "hospitalize": Measure.WOUNDED,
    "hospitalise": Measure.WOUNDED,
    "capture": Measure.CAPTURED,
    "detain": Measure.CAPTURED,
    "imprison": Measure.CAPTURED,
    "take": Measure.CAPTURED,  # only reached through "taken prisoner"/"taken captive", see below
    "arrest": Measure.ARRESTED,
    "deploy": Measure.DEPLOYED,
    "send": Measure.DEPLOYED,
    "dispatch": Measure.DEPLOYED,
    "transfer": Measure.DEPLOYED,
    "station": Measure.STATIONED,
    "base": Measure.STATIONED,
    "position": Measure.STATIONED,
    "miss": Measure.MISSING,
    "disappear": Measure.MISSING,
    "displace": Measure.DISPLACED,
    "flee": Measure.DISPLACED,
    "evacuate": Measure.DISPLACED,
    "shoot": Measure.SHOT,
}
MEASURE_NOUNS: dict[str, Measure] = {
    "casualty": Measure.KILLED_OR_WOUNDED,
    "loss": Measure.KILLED_OR_WOUNDED,
    "death": Measure.KILLED,
    "fatality": Measure.KILLED,
    "dead": Measure.KILLED,
    "body": Measure.KILLED,
    "injury": Measure.WOUNDED,
    "wounded": Measure.WOUNDED,
    "injured": Measure.WOUNDED,
    "prisoner": Measure.CAPTURED,
    "pow": Measure.CAPTURED,
    "pows": Measure.CAPTURED,
    "captive": Measure.CAPTURED,
    "capture": Measure.CAPTURED,
    "detainee": Measure.CAPTURED,
    "arrest": Measure.ARRESTED,
    "refugee": Measure.DISPLACED,
    "evacuee": Measure.DISPLACED,
    "deployment": Measure.DEPLOYED,
    # "the (death) toll rose to 17": a toll is of the dead unless a compound says otherwise
    "toll": Measure.KILLED,
}
MEASURE_ADJECTIVES: dict[str, Measure] = {
    "dead": Measure.KILLED,
    "deceased": Measure.KILLED,
    "killed": Measure.KILLED,
    "slain": Measure.KILLED,
    "wounded": Measure.WOUNDED,
    "injured": Measure.WOUNDED,
    "missing": Measure.MISSING,
    "captured": Measure.CAPTURED,
    "homeless": Measure.DISPLACED,
}
# "forced from their homes", "remain out of their homes": displacement, said with a place.
HOME_NOUNS = frozenset({"home", "house", "village", "town"})
# Prepositions that tie a value to a verb's measured argument ("the toll rose to 17").
VALUE_PREPS = frozenset({"to", "at"})
# Prepositions that give the cause of a verb's patients ("treated for injuries").
CAUSE_PREPS = frozenset({"for", "with"})
KILLED_OR_WOUNDED = frozenset({Measure.KILLED, Measure.WOUNDED})
# "X troops are in Y" states a presence: the deployment measure (closed class of force nouns).
FORCE_NOUNS = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "personnel",
        "fighter",
        "marine",
        "sailor",
        "mercenary",
        "servicemember",
        "infantry",
    }
)
SUBJECT_OBJECT = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "pobj"})
VERB_CHILDREN = frozenset({"acl", "relcl", "amod", "advcl"})
PERIOD_PREPS = frozenset({"within", "in", "over", "during", "for"})
PERIOD_UNITS = frozenset({"hour", "day", "week", "weekend", "month", "year", "fortnight"})
PERIOD_MARKERS = frozenset({"last", "past", "previous", "this", "first", "single", "one"})
DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "these",
        "those",
        "this",
        "that",
        "their",
        "its",
        "his",
        "her",
        "our",
        "some",
        "of",
    }
)


def counted_tokens(anchor: Token, after: int) -> list[Token]:
    """The words of the counted thing ("North Korean soldiers"), or [] when none is named.

    The noun is the number's head ("12 people"), or the object of a following "of"
    ("dozens of people"); modifiers between the number and the noun are kept, except a
    leading harm adjective ("two injured soldiers" counts soldiers) and determiners.
    """
    noun = _counted_noun(anchor, after)
    if noun is None:
        return []
    first = max(after, noun.left_edge.i) if noun.i >= after else noun.i
    tokens = [t for t in noun.doc[first : noun.i + 1]]
    while tokens and (
        tokens[0].lower_ in DETERMINERS
        or tokens[0].is_punct
        or tokens[0].lower_ in MEASURE_ADJECTIVES
        or (tokens[0].like_num and not _hyphenated(tokens))  # but "first-year teachers"
    ):
        tokens = tokens[1:]
    return tokens or [noun]


# Words of a counted phrase that say how many or whose, not what: they leave its unit name.
NOT_UNIT_WORDS = frozenset({"more", "most", "less", "least", "other", "further"})


def counted_unit(tokens: list[Token]) -> str:
    """The unit name of a counted phrase: the lemmas of its content words, as a unit
    catalogue writes them ("two of Lee's deputies" → "lee deputy", "20 rented flats" →
    "flat", "12 first-year teachers" → "first-year teacher"); "-" when empty.

    Left out: determiners, possessives, conjunctions, punctuation, participles before the
    noun (they describe, they are not what is counted) and comparison words ("more")."""
    words: list[str] = []
    glue = False
    for i, tok in enumerate(tokens):
        last = i == len(tokens) - 1
        if tok.text in ("-", "–") and words and not tok.whitespace_ and i > 0:
            glue = not tokens[i - 1].whitespace_
            continue
        if (
            tok.pos_ in ("DET", "CCONJ", "PART", "PUNCT", "ADP")
            or tok.tag_ in ("PRP$", "POS")
            or tok.lower_ in NOT_UNIT_WORDS
            or (not last and tok.tag_ in ("VBG", "VBN") and not glue)
        ):
            glue = False
            continue
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NNPS" and lemma.endswith("s"):
            lemma = lemma[:-1]
        if glue:
            words[-1] += "-" + lemma if tok.lower_ == lemma else "-" + tok.lower_
        else:
            words.append(lemma)
        glue = False
    return " ".join(words) or "-"


def _hyphenated(tokens: list[Token]) -> bool:
    """Whether the first token is joined to the next by a hyphen ("first-year")."""
    return len(tokens) > 2 and tokens[1].text == "-" and not tokens[0].whitespace_


def _counted_noun(anchor: Token, after: int) -> Token | None:
    doc = anchor.doc
    if after < len(doc) and doc[after].lower_ == "of":
        objects = [c for c in doc[after].children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ in ("NOUN", "PROPN"):
            return objects[0]
        return None
    if after < len(doc) and doc[after].dep_ in ("det", "poss") and doc[after].head.i > after:
        noun = doc[after].head  # "half the flats", "a third their income": a predeterminer
        return noun if noun.pos_ in ("NOUN", "PROPN") else None
    head = anchor.head
    if (
        anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
        and head.i >= after
        and head.pos_ in ("NOUN", "PROPN")
        and head.i - after <= 6
    ):
        return head
    if anchor.pos_ == "NOUN" and anchor.lower_ not in ("hundreds", "thousands", "dozens"):
        return None
    return None


def clause_subject(anchor: Token) -> list[Token]:
    """The nouns of the subject of the clause a figure sits in, when the figure is not the
    subject itself: what rose, fell or holds the amount ("Shares of Acme rose 5%" → Shares,
    Acme). [] when the clause has no nominal subject."""
    verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [
        t
        for s in subjects
        if not s.left_edge.i <= anchor.i <= s.right_edge.i  # the figure is not the subject
        for t in s.subtree
        if t.pos_ in ("NOUN", "PROPN") and t.i != anchor.i
    ]


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
    return None


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
    if noun is not None and noun.lemma_.lower() in MEASURE_NOUNS:
        return MEASURE_NOUNS[noun.lemma_.lower()], noun
    if anchor.lemma_.lower() in MEASURE_NOUNS:
        return MEASURE_NOUNS[anchor.lemma_.lower()], anchor
    carrier = noun if noun is not None else anchor
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
            return found, verb
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
