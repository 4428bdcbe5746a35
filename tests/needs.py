"""What a test needs from the machine. Outside CI a missing tool skips with the fix; under
``CI=true`` it fails, so a green CI run is one in which every test ran."""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """True when the environment says CI (``CI=true``, as GitHub Actions and .ci/run set)."""
    return os.environ.get("CI", "").strip().lower() == "true"


def missing(what: str, fix: str) -> NoReturn:
    """Skip (or, under CI, fail) naming what is missing and how to get it."""
    message = f"{what} is missing: {fix}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: a missing dependency fails the run)", pytrace=False)
    pytest.skip(message)


def module(name: str, fix: str) -> ModuleType:
    """Import ``name``, or :func:`missing` with ``fix`` when it cannot be imported."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        missing(f"the Python package {name!r} ({exc})", fix)
