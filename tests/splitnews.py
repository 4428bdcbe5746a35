"""Short reports written for the story-split tests: two fires of one kind in two towns, and
one fire followed over a week (an arrest, the victims named, a vigil, a rebuilding)."""

from __future__ import annotations

MILL_NAMES = ("gpe:brackwater", "org:harlow & sons", "person:tomas renk")
DEPOT_NAMES = ("gpe:denholm", "org:meridian transit", "person:oskar vell")

MILL = (
    "Fire guts Brackwater flour mill\nA fire destroyed the Harlow & Sons flour mill in "
    "Brackwater late on Monday night, and two workers were taken to St Aldric hospital.",
    "Brackwater mill workers named\nThe two workers hurt when flames tore through the Harlow & "
    "Sons mill in Brackwater were named as the brothers Tomas and Ivo Renk.",
    "Arson suspected at Brackwater mill\nInvestigators said the blaze at the Harlow & Sons mill "
    "in Brackwater was started deliberately; Tomas Renk is recovering at St Aldric.",
    "Brackwater holds vigil for Harlow & Sons\nResidents of Brackwater gathered outside the "
    "burned Harlow & Sons mill on Thursday evening to thank the firefighters and the Renk family.",
)
DEPOT = (
    "Kestrel Lane bus depot burns in Denholm\nA blaze destroyed the Meridian Transit depot on "
    "Kestrel Lane in Denholm on Friday morning, and the mechanic Oskar Vell was injured.",
    "Meridian Transit cancels Denholm routes\nMeridian Transit cancelled fourteen Denholm bus "
    "routes after its Kestrel Lane garage was gutted; Oskar Vell is in a stable condition.",
    "Denholm depot fire blamed on battery\nA charging battery in an electric Meridian Transit "
    "coach started the Kestrel Lane depot fire in Denholm, inspectors told reporters.",
    "Denholm commuters face weeks of delays\nMeridian Transit told Denholm commuters that "
    "services from Kestrel Lane would run late for weeks while Oskar Vell recovers.",
)
# the mill fire followed over a week: each report names its town, its firm and its people
MILL_FOLLOW_UPS = (
    "Brackwater man arrested over Harlow & Sons fire\nPolice in Brackwater arrested a former "
    "Harlow & Sons employee on Saturday over the fire that injured Tomas Renk.",
    "Harlow & Sons suspect appears in Brackwater court\nThe former worker charged with arson at "
    "the Harlow & Sons mill appeared before Brackwater magistrates; Tomas Renk watched.",
    "Renk brothers leave St Aldric hospital\nTomas and Ivo Renk, hurt in the Brackwater fire at "
    "the Harlow & Sons mill, went home from St Aldric hospital on Monday.",
    "Harlow & Sons will rebuild Brackwater mill\nThe owners of Harlow & Sons said the Brackwater "
    "mill destroyed by fire would be rebuilt and the Renk brothers would keep their jobs.",
)
