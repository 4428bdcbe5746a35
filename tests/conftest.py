"""Shared fixtures. Real data is read from ../shared (never copied); tests that need it skip
with a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real seed articles in ../shared/seeds."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seed articles live beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"{DATA} is absent: the public data sets live beside the checkout")
    return DATA


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The shared spaCy pipeline (loaded once per test session)."""
    from accord.nlp import get_nlp

    return get_nlp()


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    """A local web site on 127.0.0.1 (see tests/webserver.py), stopped after the test."""
    from tests.webserver import LocalSite

    running = LocalSite().start()
    yield running
    running.stop()
