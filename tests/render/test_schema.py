"""dossier.schema.json matches Dossier.to_dict() and rejects what is not a dossier."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from accord.errors import SchemaError
from accord.model import SCHEMA_ID
from accord.render.json import schema, validate
from accord.vocab import Derivation, Measure, RemovalReason
from tests.render.dossiers import hostile_dossier, sample_dossier


def test_the_schema_is_valid_draft_2020_12_and_names_the_contract() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"].endswith("2020-12/schema")
    assert schema()["properties"]["schema"]["const"] == SCHEMA_ID


@pytest.mark.parametrize("make", [sample_dossier, hostile_dossier])
def test_dossiers_built_by_the_model_validate(make: Callable[[], Any]) -> None:
    validate(make().to_dict())


def test_every_top_level_key_of_the_model_is_described() -> None:
    data = sample_dossier().to_dict()
    assert set(data) == set(schema()["properties"]) == set(schema()["required"])


@pytest.mark.parametrize(
    ("vocabulary", "listed"),
    [
        (Measure, schema()["$defs"]["measure"]["enum"]),
        (RemovalReason, schema()["$defs"]["removalReason"]["enum"]),
        (Derivation, schema()["$defs"]["article"]["properties"]["derivation"]["enum"][1:]),
    ],
    ids=["measure", "removal reason", "derivation"],
)
def test_the_schema_lists_every_member_of_a_vocabulary(vocabulary: Any, listed: list[str]) -> None:
    assert listed == [str(member) for member in vocabulary]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is KeyError:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return change


BROKEN = {
    "no articles": _set("articles", KeyError),
    "another schema": _set("schema", "accord.dossier/2"),
    "an unknown top-level key": _set("extra", 1),
    "a negative offset": _set("claims/0/mentions/0/start", -1),
    "a span with an extra key": _set("claims/0/mentions/0/note", "x"),
    "a figure mention without low": _set("figures/0/mentions/0/low", KeyError),
    "a nested span instead of a flat mention": _set("quotes/0/mentions/0/article", KeyError),
    "a text figure value": _set("figures/0/best", "150"),
    "a timeline date that is not a date": _set("timeline/0/date", "last week"),
    "an unknown precision": _set("timeline/0/precision", "decade"),
    "a non-boolean conflict": _set("figures/0/conflict", "yes"),
    "an unknown change": _set("figures/0/mentions/0/change", "sideways"),
    "an unknown measure": _set("figures/0/measure", "flooded"),
    "an unknown removal reason": _set("articles/0/removed/0/reason", "boring"),
    "an unknown derivation": _set("articles/0/derivation", "copy"),
    "a publication date in another format": _set("articles/0/published", "03/03/2024"),
    "offsets that do not slice the text": _set("claims/0/mentions/0/end", 40),
    "a mention of a missing article": _set("timeline/0/mentions/0/article", "a-missing"),
    "a nested span that does not slice": _set("quotes/0/mentions/0/cue/text", "whispered"),
}


@pytest.mark.parametrize("change", BROKEN.values(), ids=list(BROKEN))
def test_validation_rejects(change: Callable[[dict[str, Any]], None]) -> None:
    data = copy.deepcopy(sample_dossier().to_dict())
    change(data)
    with pytest.raises(SchemaError):
        validate(data)


def test_validation_errors_say_where_and_how_to_fix() -> None:
    data = sample_dossier().to_dict()
    data["figures"][0]["best"] = "many"
    with pytest.raises(SchemaError, match=r"/figures/0/best.*accord analyze"):
        validate(data)


def test_mention_objects_may_carry_extra_fields_from_later_stages() -> None:
    data = sample_dossier().to_dict()
    data["figures"][0]["mentions"][0]["confidence"] = 0.9
    validate(data)
