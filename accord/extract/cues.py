"""The words that mark an attribution: the verbs and nouns a quote or a reported statement
hangs on (:mod:`accord.extract.quotes`). The reporting and citing verbs quotes share with
figure credits live in :mod:`accord.lexicon`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.lexicon import REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Forms of a cue verb that spaCy's small English lemmatizer gets wrong ("hoping" -> "hop").
MISREAD_FORMS = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}
# Verbs that speak only with one of these particles or prepositions: "pointed out that …",
# "pointed to the report"; "he pointed a revolver at them" is an act.
SPEECH_ONLY_WITH = {"point": frozenset({"out", "to"})}

# Verbs of saying that carry a statement's words: the shared reporting verbs and the speech
# acts that credit a quote but not a number ("joked", "urged", "replied"), with "recite" and
# "doubt" (PolNeAR train cues them in over half their uses; not "remember", whose participle
# "remembered for" is no speech).
SPEECH_VERBS = REPORTING_VERBS | frozenset(
    {
        "admit",
        "agree",
        "answer",
        "ask",
        "assure",
        "blast",
        "boast",
        "brag",
        "call",
        "caution",
        "chant",
        "charge",
        "comment",
        "complain",
        "concede",
        "contend",
        "continue",
        "counter",
        "demand",
        "doubt",
        "deny",
        "describe",
        "emphasise",
        "emphasize",
        "expect",
        "fear",
        "guarantee",
        "hint",
        "hope",
        "insinuate",
        "joke",
        "learn",
        "maintain",
        "observe",
        "pledge",
        "point",
        "posit",
        "proclaim",
        "promise",
        "question",
        "quip",
        "recall",
        "recite",
        "reiterate",
        "remark",
        "repeat",
        "reply",
        "respond",
        "rule",
        "shout",
        "signal",
        "slam",
        "speculate",
        "stress",
        "tout",
        "tweet",
        "urge",
        "vow",
        "wonder",
        "worry",
        "yell",
    }
)
# Verbs of belief: what one knows or fears is not said by naming who ("let the family know
# she was outside").
BELIEF_CUES = frozenset(
    {
        "believe",
        "think",
        "find",
        "show",
        "learn",
        "know",
        "hope",
        "expect",
        "fear",
        "worry",
        "doubt",
    }
)
# Verbs of belief or manner: a quote near one goes to a plain speech verb when there is one.
WEAK_CUES = BELIEF_CUES | frozenset(
    {
        "continue",
        "call",
        "ask",
        "question",
        "describe",
        "accuse",
        "urge",
        "demand",
    }
)
# Verbs of saying whose object is a thing, never words: "added 300 jobs", "maintained a
# lead" (PolNeAR train, every third article: 3 of 26 such uses a cue), "claimed the title",
# "claimed 10 lives" (sports and disaster news); only their clause is a statement.
CLAUSE_ONLY = frozenset({"add", "maintain", "claim"})
# Speech verbs whose object is whom it was said to ("told the jury", "assured investors").
ADDRESSEE_CUES = frozenset({"tell", "inform", "assure", "notify", "brief", "remind", "warn"})
# Stances whose object is a thing or an act, never words before them: "… in return for
# favors -- she refused", "…, he declined" frame nothing they said.
ACT_ONLY_CUES = frozenset(
    {"refuse", "decline", "seek", "want", "plan", "oppose", "reject", "support", "endorse"}
)
# Verbs that frame only the words before them ("…,” he continued"): a clause after one is
# no content ("the legitimization continues, as the Academy has announced …").
FRAME_ONLY_CUES = frozenset({"continue"})
# Verbs by which someone gives a name, which is then what they said: "called her “Crooked
# Hillary”".
NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "nickname", "term"})
# Stances whose object or infinitive is the content ("cited the report", "called for a
# ban", "plans to run"): PolNeAR annotates these as attributions too.
OBJECT_CUES = frozenset(
    {
        "cite",
        "want",
        "plan",
        "support",
        "criticize",
        "condemn",
        "acknowledge",
        "pledge",
        "promise",
        "vow",
        "propose",
        "urge",
        "praise",
        "blame",
        "reject",
        "oppose",
        "endorse",
        "deny",
        "call",
        "attack",
        "discuss",
        "refuse",
        "decline",
        "agree",
        "demand",
        "hope",
        "mention",
        "recall",
        "seek",
        "intend",
        "threaten",
        "dismiss",
        "defend",
        "question",
        "dispute",
        "highlight",
        "criticise",
    }
)
# Verbs of praise, blame, preference and reference whose object is what the subject holds or
# says ("denounced the ruling", "talked about jobs", "prefers a tax cut"), and the speech acts
# that take a person or a thing as object ("accused him of", "asked for", "described it as").
# Chosen from the verbs PolNeAR train annotates as a cue in at least half of four or more uses
# with a subject and an object outside quotes, keeping verbs of saying, judging and preferring
# (`python evaluation/polnear_cue_verbs.py --limit 250` prints the counts); then the verbs of
# judging and referring PolNeAR train (every third article) cues in half or more of all their
# uses outside quotes, three or more times ("lashed out at", "portrayed him as", "echoed").
STANCE_VERBS = frozenset(
    {
        "accuse",
        "advocate",
        "allude",
        "apologize",
        "applaud",
        "ask",
        "assail",
        "bemoan",
        "challenge",
        "cheer",
        "congratulate",
        "decry",
        "denounce",
        "describe",
        "disavow",
        "echo",
        "express",
        "favor",
        "hail",
        "identify",
        "imply",
        "lament",
        "lash",
        "list",
        "mock",
        "offer",
        "portray",
        "post",
        "prefer",
        "press",
        "rail",
        "refer",
        "reference",
        "remind",
        "resist",
        "share",
        "show",
        "talk",
        "thank",
        "view",
        "vouch",
        "weigh",
    }
)
# Nouns that name a statement; with an owner and a that-clause they are an attribution.
NOMINAL_CUES = frozenset(
    {
        "claim",
        "statement",
        "assertion",
        "remark",
        "comment",
        "suggestion",
        "warning",
        "promise",
        "pledge",
        "allegation",
        "accusation",
        "announcement",
        "argument",
        "insistence",
        "belief",
        "view",
        "assessment",
        "estimate",
        "prediction",
        "denial",
    }
)
# What a speaker issues to say something: "the ministry issued a statement saying …", "they
# sent letters urging …", "filed a lawsuit claiming …"; the issuer is the source.
ISSUED_DOCUMENTS = frozenset(
    {
        "statement",
        "letter",
        "release",
        "note",
        "memo",
        "message",
        "email",
        "notice",
        "communique",
        "bulletin",
        "tweet",
        "post",
        "petition",
        "lawsuit",
        "suit",
        "complaint",
        "motion",
        "appeal",
        "filing",
        "report",
    }
)
# "Y, citing X, said …": X is the source Y relies on.


def let_know(token: Token) -> bool:
    """ "know" in "let fans know that …": the one who lets them know tells them."""
    know = token.lemma_.lower() == "know" and token.dep_ in {"ccomp", "xcomp"}
    return know and token.head.lemma_.lower() == "let"


def cue_lemma(token: Token) -> str:
    """The token's lemma in lower case, with the lemmatizer's known slips on cue verbs
    mended ("let fans know" tells them); "" for a verb that speaks only with its particle or
    preposition and has neither ("pointed a gun at them")."""
    if let_know(token):
        return "tell"
    lemma = MISREAD_FORMS.get(token.lower_, token.lemma_.lower())
    needed = SPEECH_ONLY_WITH.get(lemma)
    if needed is None:
        return lemma
    spoken = any(c.dep_ in {"prt", "prep"} and c.lower_ in needed for c in token.children)
    return lemma if spoken else ""
