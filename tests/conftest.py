"""Shared fixtures. Real data is read from ../shared (never copied); tests that need it skip
with a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.models import bag_of_words, loaded_embedder, loaded_models, loaded_nlp

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.nlp import Embedder, Models

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
def nlp() -> Language:
    """The real spaCy pipeline (loaded once per test session)."""
    return loaded_nlp()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real sentence embedder (loaded once per test session)."""
    return loaded_embedder()


@pytest.fixture(scope="session")
def models() -> Models:
    """The real models, passed to accord as a run passes them."""
    return loaded_models()


@pytest.fixture(scope="session")
def fake_models(nlp: Language) -> Models:
    """The real parser with a bag-of-words embedder: for tests about wiring, not meaning."""
    from accord.nlp import Models

    return Models(nlp, bag_of_words)


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    """A local web site on 127.0.0.1 (see tests/webserver.py), stopped after the test."""
    from tests.webserver import LocalSite

    running = LocalSite().start()
    yield running
    running.stop()
