"""The words that state a measure: closed classes of harm and movement verbs, nouns, adjectives.

Tables only, read by the measure decision (:mod:`accord.extract.measures`), by what a figure
counts (:mod:`accord.extract.counted`: a leading harm adjective is not the counted thing) and
by the incident frames (:mod:`accord.extract.incident`).
"""

from __future__ import annotations

from accord.vocab import Measure

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
