"""Shared word lists: the closed classes of English that several stages read.

One home for words (trafilatura keeps its settings in one module; we keep our vocabulary
here). Each list is a closed grammatical or semantic class, written from English usage and
news style, never from the sentences of an evaluation set. Words are lower case; phrases are
tuples of lower-case tokens as spaCy splits them.
"""

from __future__ import annotations

# --- scope: which happening a number counts (see accord.extract.incident) -----------------

# Adverbs that move a clause to another place or happening: "Elsewhere, two were hurt".
OTHER_INCIDENT_ADVERBS = frozenset({"elsewhere", "separately"})
# Words that, on a noun of the clause's place or happening, make it a different one:
# "in a separate attack", "at another school", "in an earlier shooting".
OTHER_INCIDENT_MODIFIERS = frozenset(
    {"separate", "another", "other", "different", "earlier", "previous", "prior", "unrelated"}
)
# Role nouns that name one role in other words ("Lohan's attorney", "Lohan's lawyer"): a
# described speaker is compared on the first. Not a gendered pair ("spokesman",
# "spokeswoman"): two people of one body.
ROLE_SYNONYMS = {
    "lawyer": "attorney",
    "lawyers": "attorneys",
    "physician": "doctor",
    "physicians": "doctors",
    "legislator": "lawmaker",
    "legislators": "lawmakers",
}
# Words that make a described speaker someone else than one described before: "a witness
# said …; another witness said …".
OTHER_PERSON_MODIFIERS = frozenset({"another", "other", "second", "third", "fellow"})
# Time phrases that place a clause before the reported happening ("earlier in the day").
OTHER_INCIDENT_PHRASES: tuple[tuple[str, ...], ...] = (
    ("earlier", "in", "the", "day"),
    ("earlier", "that", "day"),
    ("earlier", "that", "night"),
    ("earlier", "in", "the", "week"),
    ("the", "day", "before"),
    ("the", "previous", "day"),
    ("the", "night", "before"),
    ("a", "day", "earlier"),
    ("days", "earlier"),
    ("weeks", "earlier"),
)
# Nouns of a happening: what "separate", "another" or "previous" can make a second one of.
INCIDENT_NOUNS = frozenset(
    {
        "attack",
        "shooting",
        "incident",
        "bombing",
        "strike",
        "airstrike",
        "raid",
        "explosion",
        "blast",
        "clash",
        "ambush",
        "assault",
        "crash",
        "collision",
        "fire",
        "robbery",
        "stabbing",
        "killing",
        "murder",
        "homicide",
        "case",
        "event",
        "battle",
        "operation",
        "offensive",
        "massacre",
        "riot",
        "protest",
        "earthquake",
        "storm",
        "flood",
    }
)
# Adverbs and adjectives of a tally over a whole area or period: "nationwide", "in all".
RUNNING_TOTAL_WORDS = frozenset(
    {
        "nationwide",
        "statewide",
        "countrywide",
        "citywide",
        "worldwide",
        "globally",
        "altogether",
        "overall",
        "cumulative",
        "cumulatively",
        "annually",
        "yearly",
    }
)
RUNNING_TOTAL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("so", "far"),
    ("thus", "far"),
    ("to", "date"),
    ("in", "total"),
    ("in", "all"),
    ("this", "year"),
    ("last", "year"),
    ("this", "decade"),
    ("each", "year"),
    ("every", "year"),
    ("per", "year"),
    ("a", "year"),
    ("year", "-", "to", "-", "date"),
)
# "across the country", "throughout the state": a preposition of extent over an area noun.
EXTENT_PREPOSITIONS = frozenset({"across", "throughout", "around"})
AREA_NOUNS = frozenset(
    {"country", "nation", "state", "region", "province", "world", "city", "county", "continent"}
)
# "since the war began", "since January": a tally counted from a starting point.
SINCE = "since"
# "over the past five years", "in the last 24 hours": a tally over a window.
WINDOW_PREPOSITIONS = frozenset({"over", "in", "during", "within", "for", "throughout"})
WINDOW_MARKERS = frozenset({"past", "last", "previous"})
WINDOW_UNITS = frozenset(
    {"hour", "day", "week", "weekend", "month", "year", "decade", "season", "fortnight"}
)

# --- place: the clause's locative ("at the school in X") ---------------------------------

# Prepositions whose object is a place even when no gazetteer names it ("at the school").
LOCATIVE_PREPOSITIONS = frozenset(
    {"at", "near", "outside", "inside", "behind", "beside", "opposite", "along"}
)
# Prepositions whose object is a place only when a place entity is in it ("in Jabaliya").
ENTITY_LOCATIVE_PREPOSITIONS = frozenset({"in", "on", "into", "across", "from", "off"})
# Objects of "at" that are not places: "at least", "at the time", "at risk", "at random".
NOT_PLACE_OBJECTS = frozenset(
    {"least", "most", "time", "risk", "random", "large", "first", "once", "odds", "age"}
)

# --- victims: people counted without a number ("a man was shot dead") --------------------

# Singular nouns for a person in news copy: roles, kin, ages and sexes (a closed class).
# fmt: off
PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "teen", "teenager", "youth", "juvenile", "minor", "child",
    "kid", "baby", "toddler", "infant", "adult", "male", "female", "person", "individual",
    "victim", "student", "officer", "deputy", "trooper", "policeman", "policewoman", "agent",
    "guard", "soldier", "driver", "motorist", "passenger", "pedestrian", "bystander",
    "resident", "neighbor", "neighbour", "customer", "clerk", "cashier", "employee", "worker",
    "owner", "manager", "teacher", "pastor", "mother", "father", "mom", "dad", "son",
    "daughter", "brother", "sister", "husband", "wife", "girlfriend", "boyfriend", "fiancé",
    "fiancée", "friend", "relative", "cousin", "uncle", "aunt", "nephew", "niece",
    "grandmother", "grandfather", "grandson", "granddaughter", "stepfather", "stepson",
    "suspect", "gunman", "shooter", "robber", "intruder", "burglar", "assailant", "attacker",
    "civilian", "hunter", "homeowner", "tenant", "roommate", "patient", "inmate", "courier",
    "cyclist", "jogger", "runner", "hiker", "rider", "vendor", "shopkeeper", "guest", "visitor",
    "tourist", "spouse", "partner", "mechanic", "nurse", "doctor", "judge", "chief", "cop",
    "citizen", "parent", "star", "actress", "sibling", "mate", "cook", "chef", "maid", "nanny",
    "pilot", "medic", "paramedic", "surgeon", "witness", "hostage", "captive", "rebel",
    "athlete", "coach", "captain", "sheriff", "marshal", "fan", "celebrity",
})
# fmt: on
# Heads of a phrase that names people or a body who can speak, beyond PERSON_NOUNS, the titles
# and the person endings below: "a defense lawyer said", "jurors told", "the panel found". A
# subject headed by anything else ("results from the test", "a message") is a thing.
# fmt: off
SPEAKER_NOUNS = frozenset({
    "official", "aide", "analyst", "expert", "source", "critic", "fan", "coach", "executive",
    "host", "staff", "crew", "attorney", "counsel", "detective", "judge", "jury", "witness",
    "eyewitness", "plaintiff", "captive", "hostage", "rebel", "troop", "candidate",
    "representative", "delegate", "diplomat", "sheriff", "marshal", "captain", "pundit",
    "pilot", "surgeon", "medic", "paramedic", "academic", "scholar", "colleague", "teammate",
    "actress", "star", "celebrity", "athlete", "user", "citizen", "local", "native", "family",
    "kin", "people", "crowd", "audience", "public", "couple", "pair", "duo", "trio", "holdout",
    "boss", "head", "chair", "ceo", "landlord", "panel", "board", "team", "club", "league",
    "school", "university", "college", "city", "county", "state", "town", "village", "country",
    "nation", "province", "district", "prosecution", "defense", "defence", "force", "unit",
    "side", "camp", "delegation", "faction", "regime", "magazine", "publication", "website",
    "network", "station", "channel", "academy", "institute", "management", "watchdog", "news",
    "tv", "television", "radio", "rep", "exec", "lady", "guy", "pal",
})
# fmt: on
# Endings of a noun for a person ("economist", "historian", "congressman"):
# agent nouns ("farmer", "inspector", "employee", "resident", "servant") among them, as a
# thing with one ("letter", "event") is a rarer subject of a speech verb than a person.
PERSON_SUFFIXES = ("er", "or", "ee", "ist", "ian", "man", "men", "person", "people", "ant", "ent")
# The ending of a demonym the tagger has no nationality for ("Brooklynites", "Muscovites",
# "Manhattanites"): people of a place, where a lower-case noun with it is mostly a thing ("site").
DEMONYM_SUFFIX = "ite"
# Endings that look like a person's but make a thing ("statement", "agreement").
THING_SUFFIXES = ("ment",)


def has_person_ending(lemma: str) -> bool:
    """True when a noun's lemma ends like one for a person ("economist", "climber") and not
    like a thing's ("statement"); the stem must be longer than two letters ("her", "men")."""
    ending = any(lemma.endswith(s) and len(lemma) > len(s) + 2 for s in PERSON_SUFFIXES)
    return ending and not lemma.endswith(THING_SUFFIXES)


# Words an article gives a person that say she is a woman or he is a man: honorifics before
# a name ("Mrs", "Msgr"), kin and roles in apposition ("his wife, Ann Lee", "actress Ann
# Lee"). Words used of either sex in news copy ("actor", "chairman", "doctor") are left out.
# fmt: off
FEMININE_WORDS = frozenset({
    "mrs", "ms", "miss", "madam", "madame", "mme", "dame", "lady", "queen", "princess",
    "duchess", "countess", "baroness", "empress", "nun", "abbess", "woman", "girl", "mother",
    "mom", "mum", "wife", "daughter", "granddaughter", "grandmother", "grandma", "aunt",
    "niece", "sister", "stepmother", "stepdaughter", "girlfriend", "fiancée", "bride", "widow",
    "actress", "waitress", "hostess", "heiress", "spokeswoman", "chairwoman", "congresswoman",
    "businesswoman", "policewoman", "councilwoman", "assemblywoman", "sportswoman",
    "anchorwoman", "matriarch", "landlady", "sister-in-law", "daughter-in-law",
    "mother-in-law",
})
MASCULINE_WORDS = frozenset({
    "mr", "sir", "lord", "king", "prince", "duke", "baron", "emperor", "monsignor", "msgr",
    "father", "fr", "man", "boy", "son", "husband", "grandson", "grandfather", "grandpa",
    "uncle", "nephew", "brother", "stepfather", "stepson", "boyfriend", "fiancé", "groom",
    "bridegroom", "widower", "spokesman", "congressman", "businessman", "policeman",
    "councilman", "assemblyman", "sportsman", "anchorman", "patriarch", "pope",
    "brother-in-law", "son-in-law", "father-in-law",
})
# fmt: on
# Pronouns that stand for one person ("he died at the hospital").
SINGULAR_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
# Finite verbs that open reported words whose subject stands outside them ("the man police
# say is behind the crash" reports "is behind the crash").
# fmt: off
SUBJECTLESS_OPENERS = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall",
})
# fmt: on
# Pronouns that open a relative clause about its noun ("a priest who told reporters …").
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
# Heads that deny a harm: "no one was hurt", "nobody was injured", "none were wounded".
NOBODY = frozenset({"nobody", "none", "noone"})
# Subjects that deny their predicate: "nobody saw the driver", "nothing was found".
NEGATIVE_SUBJECTS = NOBODY | {"nothing"}
# Modal auxiliaries under which a harm did not happen ("could have been killed").
IRREALIS_AUXILIARIES = frozenset(
    {"could", "would", "might", "may", "should", "must", "can", "will", "shall", "'d", "wo"}
)
# Modals whose perfect ("would have", "'d have") tells what did not happen.
COUNTERFACTUAL_MODALS = frozenset({"would", "'d", "’d"})
# Verbs whose complement did not (yet) happen: "threatened to kill", "tried to shoot".
IRREALIS_VERBS = frozenset(
    {"threaten", "try", "attempt", "plan", "want", "intend", "vow", "fear", "seek", "aim"}
)
# Verbs whose infinitive complement, a cue, says no statement was made: "declined to say
# whether …", "is expected to announce …", "enabling him to let Moreno know …".
# A vow or a threat is itself a statement ("vowed to continue the legal battle"), so not these.
UNREALISED_SPEECH_HEADS = (IRREALIS_VERBS - {"vow", "threaten"}) | frozenset(
    {"decline", "refuse", "hope", "expect", "enable", "allow", "prepare", "need"}
)
# Adverbs that turn "shot" into a killing: "was fatally shot".
FATAL_ADVERBS = frozenset({"fatally", "mortally", "lethally"})
# What "since" counts from when the tally is a running total: "since the war began".
SINCE_STARTS = frozenset(
    {
        "war",
        "conflict",
        "start",
        "beginning",
        "outbreak",
        "invasion",
        "uprising",
        "fighting",
        "crisis",
        "pandemic",
        "campaign",
        "revolution",
        "occupation",
        "offensive",
    }
)
START_VERBS = frozenset({"begin", "start", "erupt", "break", "launch"})
# "since being deployed", "since they arrived": a tally counted from a group's arrival.
ARRIVAL_VERBS = frozenset({"deploy", "send", "arrive", "enter", "join", "land"})
# "suffered a gunshot wound", "sustained injuries": a harm stated by its object.
SUFFER_VERBS = frozenset({"suffer", "sustain", "receive"})
HARM_OBJECTS = frozenset({"wound", "injury", "gunshot"})
HAVE_VERBS = frozenset({"have"})
# Adverbs under which a harm did not happen: "nearly killed", "possibly killing".
# Killing verbs that also take things ("executed the plan"): their patient is someone only
# when it is a person noun or a name, as for "shot" that did not kill ("shot the windshield").
KILLING_VERBS_OF_THINGS = frozenset({"execute"})
# Verbs of belief: a harm in what someone does not think happened did not ("I don't think
# they killed it").
BELIEF_VERBS = frozenset({"think", "believe", "suppose", "reckon"})
HEDGE_ADVERBS = frozenset({"nearly", "almost", "possibly", "narrowly"})
# Nouns of a killing whose "of" object or possessor is the one killed: "the death of a man".
KILLING_NOUNS = frozenset({"death", "murder", "killing", "slaying", "homicide", "execution"})
# Adjectives that make a happening a killing: "the fatal shooting of a teenager".
FATAL_ADJECTIVES = frozenset({"fatal", "deadly", "lethal"})
# "The body of a man was found": a body is one person dead.
BODY_NOUNS = frozenset({"body", "corpse"})

# --- attribution: the verbs a statement or a figure is credited through ----------------------

# Verbs of saying, writing, belief and evidence (PolNeAR's cue classes) that credit both a
# quote (accord.extract.cues) and a figure (accord.extract.attribution) to their subject.
# Lemmas, so "said", "says", "saying" all match.
REPORTING_VERBS = frozenset(
    {
        "accuse",
        "acknowledge",
        "add",
        "allege",
        "announce",
        "argue",
        "assert",
        "believe",
        "claim",
        "conclude",
        "confirm",
        "declare",
        "disclose",
        "estimate",
        "explain",
        "find",
        "indicate",
        "insist",
        "know",
        "mention",
        "note",
        "predict",
        "report",
        "reveal",
        "say",
        "show",
        "state",
        "suggest",
        "tell",
        "testify",
        "think",
        "warn",
        "write",
    }
)
# Past forms of REPORTING_VERBS that no suffix rule reaches.
IRREGULAR_REPORTING = frozenset({"said", "told", "thought", "wrote", "written"})
# Nouns for a news outlet: "the newspaper said" is the last outlet that reported something
# in the article, not the last body named (a team, a prison, a ministry).
OUTLET_NOUNS = frozenset(
    {"newspaper", "broadcaster", "outlet", "station", "channel", "paper", "magazine", "tabloid"}
)
# Words that open an indirect question ("asked whether …", "asked what …"): the clause is
# the asker's question, not something they stated.
QUESTION_WORDS = frozenset({"if", "whether", "what", "who", "whom", "why", "how", "where"})
# "citing police records", "quoting officials": the cited source is credited after the citer.
CITING_VERBS = frozenset({"cite", "quote"})
# Inflected forms of reporting verbs, for patterns over raw text (where there are no lemmas).
SAID_FORMS = ("said", "says", "told")
REPORTED_FORMS = (
    *SAID_FORMS,
    "announced",
    "reported",
    "stated",
    "added",
    "declared",
    "confirmed",
    "briefed",
)
# Subordinators of a concession or contrast: ", though others have confirmed …"
# after a statement is the writer setting it against another, not the speaker's words.
CONTRAST_MARKS = frozenset({"although", "though", "whereas"})

# --- numbers and the calendar ---------------------------------------------------------------

# Words that stand for a number ("three", "a dozen", "a couple"), with their value; the scale
# words ("hundred", "million") are in accord.extract.numbers.
NUMBER_WORD_VALUES: dict[str, float] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "half": 0.5,
    "a": 1,
    "an": 1,
    "single": 1,
    "couple": 2,
    "pair": 2,
}
# The whole numbers among them ("three weeks", "a month"): counts of days, weeks and windows.
WHOLE_NUMBER_WORDS: dict[str, int] = {
    word: int(value)
    for word, value in NUMBER_WORD_VALUES.items()
    if value >= 1 and value == int(value)
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Abbreviated titles written before a name ("Lt. Gerry Smith", "Det. Sgt. Mary Cole"): the
# full stop is the abbreviation's, never a sentence end. "St." (also Street) and "Sr." (after
# a name) are left out.
# fmt: off
TITLE_ABBREVIATIONS = frozenset({
    "Lt", "Lieut", "Sgt", "Cpl", "Pte", "Pvt", "Col", "Capt", "Maj", "Gen", "Brig", "Adm",
    "Cmdr", "Insp", "Det", "Supt", "Const", "Gov", "Sen", "Rep", "Atty", "Hon", "Fr", "Rev",
    "Dr", "Prof", "Mr", "Mrs", "Ms", "Msgr", "Dist",
})
# fmt: on
# The word each such title stands for, which a later sentence uses alone: "Gov. Sarah Palin"
# … "the governor said".
TITLES_WRITTEN_OUT = {
    "lt": "lieutenant",
    "lieut": "lieutenant",
    "sgt": "sergeant",
    "cpl": "corporal",
    "pvt": "private",
    "col": "colonel",
    "capt": "captain",
    "maj": "major",
    "gen": "general",
    "brig": "brigadier",
    "adm": "admiral",
    "cmdr": "commander",
    "insp": "inspector",
    "det": "detective",
    "supt": "superintendent",
    "const": "constable",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "atty": "attorney",
    "rev": "reverend",
    "prof": "professor",
    "msgr": "monsignor",
    "dist": "district",
}
# Month names and the abbreviations news style guides use (AP: Jan., Feb., Aug., Sept., ...).
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Words of a byline's time stamp besides the weekdays and months ("Posted: Jul 07, 2012 7:40
# PM ET", "UPDATED 22:07 GMT"): a headline made only of these names no happening.
TIMESTAMP_WORDS = frozenset({
    "am", "pm", "a", "m", "p", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt",
    "pt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest", "hkt", "ist", "posted",
    "updated", "published", "last", "on", "at", "of", "th", "st", "nd", "rd",
})  # fmt: skip
# The abbreviated month names among them ("Jan.", "Sept."): a shorter name of the same month.
MONTH_ABBREVIATIONS = frozenset(
    short
    for short in MONTHS
    for name in MONTHS
    if name != short and name.startswith(short) and MONTHS[name] == MONTHS[short]
)
# Abbreviations other than titles whose full stop ends no sentence ("St. Louis", "Acme Inc.
# said", "No. 7", "Mt. Etna", "Sept. 4"), in lower case.
NON_TITLE_ABBREVIATIONS = (
    frozenset({"st", "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "mt", "ft", "pres"})
    | MONTH_ABBREVIATIONS
)
# Every abbreviation whose full stop ends no sentence, in lower case: the word before a
# sentence break is compared with these (accord.noise.sentence_count).
ABBREVIATIONS = frozenset(t.lower() for t in TITLE_ABBREVIATIONS) | NON_TITLE_ABBREVIATIONS

# --- places in local news (see accord.signals.opening_streets) ----------------------------

# Street types that end a street's name, with the abbreviations of US addresses ("Ave.",
# "Blvd."). Words that also end names of other things ("Court", "Place", "Way") are left out.
STREET_TYPES = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "ln"}
    | {"parkway", "pkwy", "highway", "hwy", "terrace", "pike"}
)
# Compass words that open a street's name ("North Denny Street", "E. Chestnut St.") and are
# dropped from it: reports of one shooting write the same street with and without them.
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"n", "s", "e", "w", "ne", "nw", "se", "sw"}
)
# A company's legal form, written after its name and a comma ("Summit Entertainment, LLC"):
# no name of its own.
LEGAL_FORMS = frozenset({"inc", "llc", "ltd", "corp", "co", "plc", "llp", "lp", "gmbh"})
# Last words of a body's name that the tagger reads as a person's ("Human Rights Watch",
# "Biloxi Sun Herald", "Summit Entertainment", "PC Magazine"); surnames that are also such
# words ("Frank Church", "Margaret Court") are left out.
# fmt: off
ORGANISATION_NAME_ENDS = frozenset({
    "news", "magazine", "herald", "times", "journal", "gazette", "tribune", "watch", "club",
    "entertainment", "technologies", "inc", "corp", "ltd", "llc", "network", "agency",
    "ministry", "department", "company", "association", "foundation", "university",
    "institute", "council", "committee", "commission", "police", "products", "advisors",
    "partners", "holdings", "group",
})
# fmt: on
# A ship's name opens with its prefix, as written: "INS Mysore", "MV Gibe", "USS Cole". A ship
# that radios or reports speaks for its crew, a body, never a person.
VESSEL_PREFIXES = frozenset({"MV", "INS", "USS", "HMS", "HMAS", "HMCS", "RV", "MT", "SS"})
# ... or comes after the kind of vessel it is: "merchant vessel Gibe", "the tanker Sirius Star".
# fmt: off
VESSEL_NOUNS = frozenset({
    "vessel", "ship", "tanker", "freighter", "trawler", "warship", "destroyer", "frigate",
    "yacht", "ferry", "dhow", "liner", "cruiser", "submarine", "boat",
})
# fmt: on
# Verbs of denial and dispute (PolNeAR's and FactBank's counter-factive sources), as written:
# what follows one is what the speaker says is not so.
DENIAL_VERBS = ("deny", "denies", "denied", "denying", "refuted", "refutes", "rebutted")
# ... as lemmas, for the parse (accord.extract.predicates).
DENIAL_LEMMAS = frozenset({"deny", "refute", "rebut"})
# Generational suffixes that may end a person's name after the surname ("Ray Jones III").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th"})
# Labels a headline or a section line opens with ("PHOTOS: ...", "NOTES: ...", "Summary:
# ..."): never a transcript speaker, nor part of the story's name.
# fmt: off
HEADLINE_LABELS = frozenset({
    "photos", "photo", "video", "videos", "watch", "live", "breaking", "update", "updated",
    "exclusive", "opinion", "analysis", "explainer", "listen", "gallery", "factbox", "timeline",
    "editorial", "review", "note", "notes", "summary", "highlights", "background", "related",
})
# fmt: on

# Figures that are no count (accord.extract.not_quantities, accord.extract.figures_attributive).
# Words glued to a number by a hyphen that bound it ("20-plus", "30-odd") rather than make a
# compound word with it ("three-game").
HYPHEN_BOUND_WORDS = frozenset({"plus", "odd", "some", "something", "ish"})
# Nouns a team's or a fighter's win-loss tally is written with ("a 2-10 record", "an 18-30
# start"): the two numbers are a record, never a range of a count.
RECORD_NOUNS = frozenset({"record", "mark", "start", "finish", "run", "ledger"})
# "a mother of two", "a father of three": the number counts the parent's children.
# fmt: off
PARENT_NOUNS = frozenset({
    "mother", "father", "parent", "mom", "mum", "dad", "grandmother", "grandfather",
    "grandparent", "stepmother", "stepfather",
})
# fmt: on
# Words after a four-digit clock time ("1100 hrs IST", "1852 HKT", "0830 hours"): military and
# 24-hour times are written with "hours" or a time-zone abbreviation.
CLOCK_HOUR_WORDS = frozenset({"hrs", "hours", "hr", "h"})
# fmt: off
TIME_ZONE_CODES = frozenset({
    "hkt", "gmt", "utc", "ist", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst",
    "cet", "cest", "eet", "eest", "jst", "kst", "aest", "aedt", "sgt", "wib", "msk", "zulu",
})
# fmt: on
