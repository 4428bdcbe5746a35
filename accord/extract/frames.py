"""Attribution frames read from the dependency parse: the cue, who it credits, what it says.

A cue is a speech verb ("said"), a stance verb with an object ("denounced the ruling"), a
noun naming a statement ("Trump’s claim that …") or "according to". Its source is the verb's
subject, climbing through "…, saying …" and coordinated verbs, or a passive's agent; its
content is the clause, or the object and what follows it of the object's predicate (its
bounds: :mod:`accord.extract.content_bounds`). How an
article's mentions bear on one another (a cue inside someone's reported words, "according to
Y", a relayed report) is :mod:`accord.extract.nesting`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from accord.extract.cues import (
    ACT_ONLY_CUES,
    ADDRESSEE_CUES,
    CLAUSE_ONLY,
    FRAME_ONLY_CUES,
    ISSUED_DOCUMENTS,
    NOMINAL_CUES,
    OBJECT_CUES,
    SPEECH_VERBS,
    STANCE_VERBS,
    WEAK_CUES,
    cue_lemma,
    let_know,
)
from accord.extract.relays import quoted_as
from accord.extract.speaker_phrases import listed_speaker, speaks
from accord.gazetteer import PERSON_TITLES
from accord.lexicon import (
    CITING_VERBS,
    IRREALIS_AUXILIARIES,
    QUESTION_WORDS,
    TITLE_ABBREVIATIONS,
    UNREALISED_SPEECH_HEADS,
)
from accord.model import QuoteMention, Span
from accord.nlp import Block

# Entity labels of a body or group, and of anyone, someone may speak to.
BODY_LABELS = frozenset({"ORG", "NORP", "GPE"})
LISTENER_LABELS = BODY_LABELS | {"PERSON"}
# Listeners that are no person noun: "told the court", "told a news conference".
LISTENERS = frozenset(
    {
        "court", "council", "committee", "panel", "board", "public", "press", "jury",
        "conference", "briefing", "hearing", "meeting", "audience", "crowd", "rally",
        "summit", "forum", "assembly", "parliament", "congress", "senate", "convention",
    }
)  # fmt: skip
# Entity labels of a time, never what a statement is about: "said on Monday".
WHEN = frozenset({"DATE", "TIME"})
# What a finding appears in ("in the latest poll", "in a new study").
FINDING_NOUNS = frozenset({"analysis", "poll", "report", "study", "survey"})
OBJECT_DEPS = frozenset({"dobj", "xcomp"})
# Prepositions that name what a stance is about ("talked about jobs", "pointed to the
# report"); not those of manner or place ("attack with rifles", "said in Kyiv").
TOPIC_PREPS = frozenset({"about", "against", "at", "for", "of", "on", "over", "to"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"ccomp"})
# Complements of a speech verb whose subject is the verb's head's subject ("…, saying …").
# A preposition passes its head's subject on to its gerund ("began by saying …"), and a
# predicate adjective its copula's subject ("voters were more likely to say …").
INHERITS_SUBJECT = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acomp"})


def source_of(verb: Token) -> Token | None:
    """The verb's subject, climbing through "…, saying …" and coordinated verbs; a passive's
    agent ("was denounced by the mayor"); a verb that modifies a noun has that noun for its
    source ("a statement saying …", "reports claiming …": a nominal source); the one quoted
    in "the agency quoted an official as saying …" (:func:`quoted_as`)."""
    if (relayed := quoted_as(verb)) is not None:
        return relayed.speaker
    if let_know(verb):  # "Meyer let fans know that …": Meyer tells them
        verb = verb.head
    cue = verb
    for _ in range(4):
        agent = passive_agent(verb)
        if agent is not None:
            return agent
        if verb is cue and any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "she was told …", "only to be told …": who hears it, not who says it
        subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
        if subjects and _hearsay(verb):
            return None  # "he is said to have written it": nobody is named as saying so
        if subjects:
            # "Police Const. Tim Fanning said", "his grandson Rob Jones said": the parser may
            # read the title or the role as a subject too; the name is the speaker. So it may
            # read a noun set beside the words as one ("… from Somalia and Yemen, two countries
            # on the Gulf, Sinha said"): a name the tagger left unlabelled is the speaker then
            named = [s for s in subjects if s.ent_type_ == "PERSON"]
            proper = [s for s in subjects if s.pos_ == "PROPN"]
            return next((s for s in named or proper or subjects if not _a_title(s)), subjects[0])
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            # "letters to the ministry urging it to …": the one addressed does not speak, the
            # sender does; "a prize, known as …", "a plan called …": a thing named, not a
            # speaker
            addressed = verb.head.dep_ in {"pobj", "dative"} and verb.head.head.lower_ == "to"
            if addressed:
                return issuer(verb.head.head.head)
            return None if verb.tag_ == "VBN" else issuer(verb.head) or verb.head
        if verb is cue and (noun := noun_left_of(verb)) is not None:
            return subject_left_of(verb, noun)
        # a subject-less gerund read as a complement ("saying … and claiming that …")
        gerund = verb.dep_ == "ccomp" and verb.tag_ == "VBG"
        if (verb.dep_ not in INHERITS_SUBJECT and not gerund) or verb.head is verb:
            return None
        verb = verb.head
    return None


def noun_left_of(verb: Token) -> Token | None:
    """The noun right before a cue with no subject, which the parse hung on the clause
    before: "…, Woodward and Bernstein have insisted …" reads "Woodward and Bernstein" as
    more of a list. The clause before has no say in who speaks then."""
    if verb.dep_ not in {"conj", "ROOT"} or verb.tag_ == "VBG":
        return None
    helpers = [c.i for c in verb.children if c.dep_ in {"aux", "neg"} and c.i < verb.i]
    at = min([verb.i, *helpers]) - 1
    if at < 0 or verb.doc[at].pos_ not in {"PROPN", "NOUN"}:
        return None
    noun = verb.doc[at]
    if noun.dep_ not in {"conj", "pobj", "dobj", "appos"} or noun.head is verb:
        return None
    return noun


def subject_left_of(verb: Token, noun: Token) -> Token | None:
    """Who speaks, where :func:`noun_left_of` finds the cue's subject ``noun``: a name, a
    body or a noun of people (the first of two names joined: "Woodward and Bernstein");
    nobody for a thing ("polls and surveys have found …") or a verb of belief or showing."""
    if cue_lemma(verb) in WEAK_CUES:
        return None
    named = noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "NORP"}
    if not (named or listed_speaker(noun)):
        return None
    if noun.pos_ == "PROPN" and noun.dep_ == "conj" and noun.head.pos_ == "PROPN":
        return noun.head
    return noun


def issuer(token: Token) -> Token | None:
    """Who issued the document a verb of saying modifies: "the ministry issued a statement
    saying …", "biologists sent letters to the department urging it to …". ``token`` is the
    document or the verb that takes it; a document with no issuer named is its own source."""
    verb, document = token, None
    if token.pos_ in {"NOUN", "PROPN"}:
        verb, document = token.head, token
    elif token.pos_ in {"VERB", "AUX"}:
        document = next((c for c in token.children if c.dep_ == "dobj"), None)
    if document is None or document.lemma_.lower() not in ISSUED_DOCUMENTS:
        return None
    if document.dep_ != "dobj" or document.head.i != verb.i:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _hearsay(verb: Token) -> bool:
    """A passive report with an infinitive and no agent ("is said to have", "was reported to
    be"): its subject is what is told of, not who tells; "was quoted as saying" is not one."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    infinitive = any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )
    lemma = cue_lemma(verb)
    reports = lemma in SPEECH_VERBS and lemma not in CITING_VERBS
    return passive and infinitive and reports  # not "is set to ask", "was quoted as saying"


def _a_title(token: Token) -> bool:
    """A person's title standing alone ("Const.", "Dist", "spokesman"), not a name."""
    word = token.text.rstrip(".")
    return word in TITLE_ABBREVIATIONS or word.lower() in PERSON_TITLES


def passive_agent(verb: Token) -> Token | None:
    """Y in a passive "… was called a fraud by Y": the one who speaks is the agent."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def speech_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and cue_lemma(token) in SPEECH_VERBS


def nominal_cue(token: Token) -> tuple[Token, Token] | None:
    """(owner, clause) of a statement named by a noun: "the minister’s claim that …"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOMINAL_CUES:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "appos"}), None)
    if owner is None or clause is None or not any(c.dep_ == "mark" for c in clause.children):
        return None
    return owner, clause


def negated_cue(verb: Token) -> bool:
    """The cue says its subject did not say it: "has not acknowledged the presence …",
    "never confirmed that …", "Neither Moscow nor Pyongyang has acknowledged …"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = (c for c in verb.children if c.dep_ in SUBJECT_DEPS)
    return any(c.lower_ == "neither" for s in subjects for c in s.children)


def unrealised_cue(verb: Token) -> bool:
    """The cue is the infinitive of a verb that tells of no statement made: "declined to say
    whether …", "is expected to announce …", "enabling him to let Moreno know …"."""
    if let_know(verb):  # the one who lets them know is the one who tells
        verb = verb.head
    if verb.lemma_.lower() in UNREALISED_SPEECH_HEADS:
        # the head read as the cue, its speech as the content: "declined to say whether …"
        return any(c.dep_ == "xcomp" and speech_verb(c) for c in verb.children)
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VB"
        and verb.head.lemma_.lower() in UNREALISED_SPEECH_HEADS
    )


def that_clause(token: Token) -> Token | None:
    """The that-clause a verb governs ("the church teaches that …"), whatever the verb, when
    the verb asserts it: not negated or under a modal ("can't hide that …")."""
    if token.pos_ != "VERB":  # asked of every token: only a verb's children are read
        return None
    if any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in IRREALIS_AUXILIARIES)
        for c in token.children
    ):
        return None
    for clause in token.children:
        mark = clause.left_edge
        # right after the verb, "that" opens the clause even where the parser reads it as a
        # determiner ("teaches that marriage is …")
        opens = mark.dep_ == "mark" or mark.i == token.i + 1
        if clause.dep_ in CLAUSE_DEPS and mark.lower_ == "that" and opens:
            return clause
    return None


def stance_verb(token: Token) -> bool:
    lemma = cue_lemma(token)
    return token.pos_ == "VERB" and (lemma in OBJECT_CUES or lemma in STANCE_VERBS)


def objects(verb: Token) -> list[Token]:
    """The content of a stance or a speech act without a clause: its object or infinitive,
    else the object of the first topic preposition after the verb ("called for a ban",
    "talked about jobs", "referred to the report")."""
    lemma = cue_lemma(verb)
    stance = lemma in OBJECT_CUES or lemma in STANCE_VERBS
    speech = lemma in SPEECH_VERBS and lemma not in WEAK_CUES | CLAUSE_ONLY
    if not (stance or speech) or source_of(verb) is None:
        return []
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    listeners: list[Token] = []
    if lemma in ADDRESSEE_CUES:  # "told the jury …": whom it was said to, not what
        listeners = [c for c in found if _a_listener(c)]
        found = [c for c in found if c not in listeners]
    if not found and passive_agent(verb) is not None:
        # "the plan was denounced by the mayor": the plan is what the mayor denounced
        found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    # "warned residents of the risk": the topic may hang on the listener
    heads = [verb, *listeners]
    preps = [
        c
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and c.i > verb.i and c.lower_ in TOPIC_PREPS
    ]
    if not found and preps:
        # "said on Monday": when, not what about
        found = [c for c in preps[0].children if c.dep_ == "pobj" and c.ent_type_ not in WHEN]
    return sorted(found, key=lambda t: t.i)


def _a_listener(token: Token) -> bool:
    """A person, a body or a group someone speaks to ("told reporters", "informed the
    council", "told Playboy": a name, whatever the tagger took it for), not a thing told
    ("told a lie", "told the story")."""
    # "told the Reuters news agency": a body's name before the noun of its kind
    named = token.ent_type_ in LISTENER_LABELS or any(
        c.dep_ in {"compound", "poss"} and c.ent_type_ in BODY_LABELS for c in token.children
    )
    proper = token.pos_ in {"PRON", "PROPN"}
    return proper or named or speaks(token) or token.lemma_.lower() in LISTENERS


def told_clause(verb: Token) -> Token | None:
    """The that-clause of "X told a judge that …" when the parser hung it under the object
    (as a relative clause) or on a complement after it: reported speech whose content is the
    clause. A real relative clause ("told a judge who …", "a judge that knew") has no "that"
    for its mark."""
    if not speech_verb(verb) or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "dative"}):
        candidates = [c for c in obj.children if c.dep_ in {"acl", "relcl", "ccomp"}]
        candidates += [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.i > obj.i]
        for clause in candidates:
            mark = clause.left_edge
            if mark.lower_ == "that" and mark.dep_ == "mark" and mark.i > obj.i:
                return clause
    return None


def according_to(token: Token) -> Token | None:
    """The object of "according to X", given the token "according"."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def acted_for_others(verb: Token) -> bool:
    """True when a cue's subject is not the source of its clause: an act done to or by them
    that the writer credits to someone else ("X has asked Y to …, according to reports", "Y
    has been offered the post, according to sources": the reports are the source), not
    their words passed on ("X said …, according to Y": a chain, X still the speaker)."""
    act = any(c.dep_ in {"dobj", "dative", "xcomp", "nsubjpass"} for c in verb.children)
    reported = any(c.dep_ in CLAUSE_DEPS and not trailing_frame(c) for c in verb.children)
    credited = any(according_to(c) is not None or trailing_frame(c) for c in verb.children)
    return act and not reported and credited


def frames_beside(verb: Token) -> bool:
    """A cue that frames the words beside it ("…, she said", "…, officials admitted"), not
    a stance on a thing of its own ("… in return for favors -- she refused")."""
    return cue_lemma(verb) not in ACT_ONLY_CUES


def frames_after(verb: Token) -> bool:
    """A cue whose clause after it is what was said ("said that …"), not one that frames only
    the words before it (:data:`FRAME_ONLY_CUES`)."""
    return cue_lemma(verb) not in FRAME_ONLY_CUES


def trailing_frame(verb: Token) -> bool:
    """A speech verb the parse hung under the clause it frames: "X has asked Y to be surgeon
    general, a senior Democrat said on Tuesday" (with "said" a clause of "asked"). It comes
    after a comma, has a subject and no clause of its own: the clause before is its
    content, and the act in it is no speech of X's."""
    if verb.dep_ not in CLAUSE_DEPS or verb.i < verb.head.i or not speech_verb(verb):
        return False
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    own = any(c.dep_ in CLAUSE_DEPS for c in verb.children)
    weak = cue_lemma(verb) in WEAK_CUES
    # "It wasn't until May, that the family revealed …": a clause of its own, not a frame
    marked = any(c.dep_ == "mark" for c in verb.children)
    framed = before is not None and before.text == "," and subject
    return framed and not own and not weak and not marked


def unasserted(mention: QuoteMention, verb: Token) -> QuoteMention:
    """The mention with no speaker when its cue asks a question ("X asked Y if …", "when
    asked whether …"), says they did not say it ("has not acknowledged …") or that they
    have not yet ("declined to say whether …", "is expected to announce …"): the words are
    attributed to them but are no statement of theirs, so no statement is credited."""
    question = cue_lemma(verb) == "ask" and any(
        c.dep_ in {"ccomp", "advcl"} and c.i > verb.i and c.left_edge.lower_ in QUESTION_WORDS
        for c in verb.children
    )  # not a condition before it: "if that fails, they will ask the judge to …"
    unsaid = question or negated_cue(verb) or unrealised_cue(verb)
    return replace(mention, speaker=None, speaker_type=None) if unsaid else mention


def evidence_source(token: Token) -> Token | None:
    """The poll or study in "Clinton led by five points in the latest poll", given the token
    "in": a finding whose source is named as where it appears. Not after a cue of its own
    ("said in a statement": the statement is how, not who)."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    head = token.head
    if speech_verb(head) or stance_verb(head):
        return None
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in FINDING_NOUNS:
        return None
    # "rose in the polls": polls in general, not one finding that can be checked
    generic = obj.tag_ == "NNS" and all(c.dep_ == "det" for c in obj.children)
    return None if generic else obj


def cue_words(block: Block, token: Token) -> Span:
    """The cue's words: the verb with its particle ("pointed out"), or "according to"."""
    end = token.idx + len(token.text)
    for child in token.children:
        if child.dep_ == "prt" or (token.lower_ == "according" and child.lower_ == "to"):
            end = max(end, child.idx + len(child.text))
    return block.span(token.idx, end)


def named_after(verb: Token) -> Token | None:
    """The speaker named after an inverted verb ("“…,” said Jo Ames, a lawyer") when the
    parser took a word of the quote for its subject."""
    # whom one tells is the listener: '"…," Osman-aga … told the Reuters news agency'
    listener = {"dobj", "dative"} if cue_lemma(verb) in ADDRESSEE_CUES else set()
    for child in verb.children:
        if child.i > verb.i and child.pos_ in {"PROPN", "NOUN"} and child.dep_ != "prep":
            return None if child.dep_ in listener else child
    # a name right after the verb that the parse hung elsewhere: "“…,” said Jo Ames, daughter
    # of the man Tim Bell killed" (read as "Jo Ames … killed")
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        return next(e.root for e in verb.doc.ents if e.start == after.i)
    return None


def own_frame_before(clause: Token, cue: Token) -> bool:
    """A clause before the cue that is a speech verb (not one of belief) with a named
    subject of its own: another statement's frame, run on with a comma ("X said A, he also
    said that B"); not a quoted "I think …" nor "a tsunami is not expected"."""
    subject = any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children)
    said = speech_verb(clause) and cue_lemma(clause) not in WEAK_CUES
    return clause.i < cue.i and subject and said
