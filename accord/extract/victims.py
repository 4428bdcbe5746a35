"""Victims named without a number: "a man was shot dead", "a woman and her son were wounded".

A harm verb's patient is counted when it is someone: a person noun
(:data:`accord.lexicon.PERSON_NOUNS`), a person's name, a singular personal pronoun or "one";
after a verb that takes only the living ("killed", "wounded", "died") a singular noun that
reads as a person is someone too (a person's ending, a name beside it: :func:`_someone`), but
"killed the bill" counts no one; after "shot" or "executed" (which also take things) only the
listed nouns and names are. Coordinated patients
add up.
Killing nouns count their "of" object or possessor ("the death of a man", "his murder",
"the fatal shooting of a teen"), a "homicide victim" and a body are one dead. Plural nouns
without a number ("people were hurt") say no count and give none; a patient with a number
is a figure and is left to :mod:`accord.extract.figures`. A harm that did not happen is
skipped: negated ("was not hurt", "no one was injured"), hedged ("nearly killed"), under a
modal ("could have been killed") or a verb of intent ("threatened to kill"). The measure is
read with the figure rules (:func:`accord.extract.measures.verb_measure`); "shot" with
"fatally", "dead" or "to death" is a killing, and a verb coordinated with another that
shares its subject ("was shot and killed", a headline's "shot, killed") gives the graver
measure once. A victim one sentence says was wounded and then died ("a man who was shot in
the head died", "the guard, wounded in the attack, died") is counted once, at the gravest
measure: the adjective or clause says how the harm began, the verb how it ended.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord import lexicon
from accord.extract.incident import clause_scope
from accord.extract.measures import verb_measure
from accord.gazetteer import PERSON_TITLES
from accord.model import IncidentFrame, Span, VictimMention
from accord.nlp import Block
from accord.vocab import Measure

HARM_MEASURES = (Measure.KILLED, Measure.WOUNDED, Measure.SHOT)  # gravest first
PATIENT_DEPS = {"passive": ("nsubjpass",), "intransitive": ("nsubj",), "active": ("dobj",)}
# Verbs whose subject is who was harmed ("a man died", "she is dead", "succumbed to wounds").
SUBJECT_HARMED = frozenset(
    {"die", "perish", "succumb", "be", "suffer", "sustain", "receive", "remain", "have"}
)
RELATIVE_PRONOUNS = frozenset({"who", "that", "whom"})
FIND_VERBS = frozenset({"find", "discover", "recover", "locate", "identify", "pull"})


def find_victims(blocks: list[Block]) -> list[VictimMention]:
    """Every harm with counted victims and no number, in text order (see module docstring)."""
    found: list[VictimMention] = []
    for block in blocks:
        # one mention per patient, at the gravest measure any of its verbs states
        by_patient: dict[int, VictimMention] = {}
        for tok in block.doc:
            harm = _verb_harm(tok) or _noun_harm(tok)
            if harm is None:
                continue
            measure, patient, counted = harm
            known = by_patient.get(patient.i)
            if known is None or _graver(measure, known.measure):
                by_patient[patient.i] = _mention(block, tok, measure, patient, counted)
        found += by_patient.values()
    return sorted(found, key=lambda v: v.span.start)


def _graver(measure: Measure, than: Measure) -> bool:
    return HARM_MEASURES.index(measure) < HARM_MEASURES.index(than)


def _verb_harm(verb: Token) -> tuple[Measure, Token, list[Token]] | None:
    if verb.pos_ not in ("VERB", "AUX") or not _happened(verb):
        return None
    measure = _harm(verb)
    patient = _patient(verb) if measure is not None else None
    if measure is None or patient is None:
        return None
    animate = measure != Measure.SHOT and verb.lemma_.lower() not in lexicon.KILLING_VERBS_OF_THINGS
    counted = _people(patient, animate=animate)
    return (measure, patient, counted) if counted else None


def _noun_harm(noun: Token) -> tuple[Measure, Token, list[Token]] | None:
    """A killing said by a noun: "the death of a man", "his murder", "the fatal shooting of
    a teen", "a homicide victim", "the body of a woman"."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ == "compound":
        return None
    lemma = noun.lemma_.lower()
    children = list(noun.children)
    fatal = any(c.lower_ in lexicon.FATAL_ADJECTIVES for c in children)
    if lemma == "victim" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in lexicon.KILLING_NOUNS
        for c in children
    ):
        return Measure.KILLED, noun, [noun]  # "the homicide victim"
    killing = lemma in lexicon.KILLING_NOUNS or (lemma in lexicon.INCIDENT_NOUNS and fatal)
    body = lemma in lexicon.BODY_NOUNS and not any(c.dep_ == "compound" for c in children)
    if not (killing or body):
        return None
    for child in children:
        patient = None
        if child.dep_ == "poss":
            patient = child
        elif child.dep_ == "prep" and child.lower_ == "of":
            patient = next((c for c in child.children if c.dep_ == "pobj"), None)
        counted = _people(patient) if patient is not None else []
        if patient is not None and counted:
            return Measure.KILLED, patient, counted
    if body and noun.head.lemma_.lower() in FIND_VERBS:
        return Measure.KILLED, noun, [noun]  # "police found a body"
    return None


def _mention(
    block: Block, tok: Token, measure: Measure, patient: Token, counted: list[Token]
) -> VictimMention:
    first = min(patient.left_edge.i, *(t.i for t in counted))
    last = max(patient.i, *(t.i for t in counted))
    while first < last and block.doc[first].dep_ == "det":
        first += 1
    span = _token_span(block, block.doc[first], block.doc[last])
    verb = tok if tok.pos_ in ("VERB", "AUX") else patient
    scope, scope_span = clause_scope(block, verb, patient)
    predicate = _token_span(block, tok, tok)
    return VictimMention(
        span=span,
        count=len(counted),
        measure=measure,
        predicate=predicate,
        frame=IncidentFrame(
            predicate=tok.lemma_.lower(),
            predicate_span=predicate,
            victims=span.text,
            victims_span=span,
            scope=scope,
            scope_span=scope_span,
        ),
        sentence=_token_span(block, tok.sent[0], tok.sent[-1]),
    )


def _token_span(block: Block, first: Token, last: Token) -> Span:
    return block.span(first.idx, last.idx + len(last.text))


def _shares_subject(verb: Token) -> list[Token]:
    """The verb and the verbs coordinated with it that have no subject of their own."""
    verbs = [verb]
    for conj in verb.conjuncts:
        if conj.i > verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            verbs.append(conj)
    # "Man shot, killed in X": a headline's second participle, parsed as a clause of the first
    verbs += [
        c
        for c in verb.children
        if c.dep_ == "advcl" and c.tag_ == "VBN" and not any(d.dep_ == "nsubj" for d in c.children)
    ]
    return verbs


def _single_harm(verb: Token) -> Measure | None:
    lemma = verb.lemma_.lower()
    if lemma == "shoot" and any(c.lower_ in lexicon.FATAL_ADVERBS for c in verb.children):
        return Measure.KILLED
    if lemma in lexicon.SUFFER_VERBS | lexicon.HAVE_VERBS and _harm_object(verb):
        return Measure.WOUNDED
    found = verb_measure(verb)
    return found if found in HARM_MEASURES else None


def _harm_object(verb: Token) -> bool:
    """ "suffered a gunshot wound", "suffering from injuries", "had gunshot wounds"."""
    for child in verb.children:
        objects = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ == "from":
            objects = [c for c in child.children if c.dep_ == "pobj"]
        if any(o.lemma_.lower() in lexicon.HARM_OBJECTS for o in objects):
            return True
    return False


def _harm(verb: Token) -> Measure | None:
    """The gravest harm the verb and its subject-sharing conjuncts state ("shot and killed")."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "conj" and not own_subject and _single_harm(verb.head) is not None:
        return None  # counted with the first verb of the coordination
    measures = [m for v in _shares_subject(verb) if (m := _single_harm(v)) is not None]
    for measure in HARM_MEASURES:
        if measure in measures:
            return measure
    return None


def _happened(verb: Token) -> bool:
    """Not negated, not under a modal, not the complement of a verb of intent."""
    if any(c.dep_ == "neg" or c.lower_ in lexicon.HEDGE_ADVERBS for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in lexicon.IRREALIS_AUXILIARIES for c in verb.children):
        return False
    believed = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.BELIEF_VERBS
    if believed and any(c.dep_ == "neg" for c in verb.head.children):
        return False  # "I don't think they killed it"
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.IRREALIS_VERBS)


def _patient(verb: Token) -> Token | None:
    """Who was harmed: the passive subject, the object, or the subject of "die"/"be dead"; the
    noun a relative clause or participle hangs from ("a man who was shot", "a man shot")."""
    carrier = verb
    while carrier.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in carrier.children
    ):
        carrier = carrier.head
    lemma = verb.lemma_.lower()
    objects = [
        c for v in _shares_subject(carrier) for c in v.children if c.dep_ == "dobj"
    ]  # "shot and killed a man": the object of the second verb
    for child in [*carrier.children, *objects]:
        dep = child.dep_
        if (
            dep == "nsubjpass"
            or (dep == "dobj" and lemma not in lexicon.SUFFER_VERBS | lexicon.HAVE_VERBS)
            or (dep == "nsubj" and (lemma in SUBJECT_HARMED or _intransitive(carrier)))
            or (dep == "nsubj" and _reduced_passive(carrier))
        ):
            if child.lower_ in RELATIVE_PRONOUNS and carrier.dep_ == "relcl":
                return carrier.head
            return child
    if carrier.dep_ == "acl" and (carrier.tag_ == "VBN" or lemma in lexicon.SUFFER_VERBS):
        return carrier.head  # "a man shot in the leg", "a man suffering from a wound"
    if carrier.dep_ in ("xcomp", "oprd", "advcl") and carrier.head.pos_ == "VERB":
        for child in carrier.head.children:  # "a man was found shot", "left a boy wounded"
            if child.dep_ in ("nsubjpass", "dobj"):
                return child
    return None


def _reduced_passive(verb: Token) -> bool:
    """A headline's participle with its patient as subject: "Man shot, killed in X" (no
    auxiliary, no object, not shooting *at* something)."""
    return (
        verb.tag_ in ("VBN", "VBD")
        and verb.lemma_.lower() in ("shoot", "kill", "wound", "injure", "hurt", "slay")
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
        and not any(
            c.dep_ == "prep" and c.lower_ in ("at", "into", "toward") for c in verb.children
        )
        and verb.i > 0
        and verb.doc[verb.i - 1].dep_ == "nsubj"
        and not _opens_subject(verb)
    )


def _opens_subject(verb: Token) -> bool:
    """The participle is the first word of another clause's subject: "one wounded soldier had
    died", misparsed with "one" as the subject of "wounded"; the participle then describes
    that subject, whose own verb says what befell it."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i == verb.i + 1
        for clause in verb.children
        if clause.dep_ in ("ccomp", "conj", "advcl")
        for c in clause.children
    )


def _intransitive(verb: Token) -> bool:
    """ "He died", "she was found dead": the subject is the one harmed when nothing else is."""
    return not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children) and any(
        c.dep_ in ("acomp", "oprd") for c in verb.children
    )


def _people(patient: Token, animate: bool = False) -> list[Token]:
    """The people the patient phrase counts, one token each; [] when it says no count.
    ``animate``: the verb takes only the living ("killed", "wounded"), so a singular noun
    that reads as a person (:func:`_someone`) is someone; "shot" also takes things ("the
    windshield was shot"), so only a listed person noun or a name is.
    """
    people: list[Token] = []
    for tok in [patient, *patient.conjuncts]:
        numbered = any(c.dep_ == "nummod" for c in tok.children)
        if numbered or (tok.like_num and tok.lower_ != "one"):
            return []  # a number: a figure counts it
        if tok.lower_ in lexicon.NOBODY or any(c.lower_ == "no" for c in tok.children):
            return []
        if tok.tag_ in ("NNS", "NNPS"):
            return []
        if (
            tok.lower_ in lexicon.SINGULAR_PERSON_PRONOUNS
            or tok.lower_ == "one"
            or (tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON")
            or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in lexicon.PERSON_NOUNS)
            or (animate and tok.pos_ == "NOUN" and tok.tag_ == "NN" and _someone(tok))
        ):
            people.append(tok)
    return people


def _someone(noun: Token) -> bool:
    """A singular common noun a killing or wounding verb takes is someone when it reads as a
    person: a listed person noun, a person's ending ("technician", "climber"), a name beside
    it ("the receptionist, Ann Lee") or an age ("a 20-year-old"). "Killed the bill", "killed
    the division" and "the end of her shift when she was killed" count no one."""
    lemma = noun.lemma_.lower()
    listed = lemma in lexicon.PERSON_NOUNS or lemma in PERSON_TITLES
    if listed or lexicon.has_person_ending(lemma) or lemma == "old":
        return True
    return any(
        (c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON")
        or (c.dep_ == "amod" and c.lower_ == "old")
        for c in noun.children
    )
