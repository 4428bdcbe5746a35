"""Property tests: whatever text goes in, every span in the dossier is exact and the dossier
validates against the published schema."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.model import Article
from accord.pipeline import analyze_articles
from accord.render.json import validate
from tests.models import loaded_models
from tests.spans import inexact_spans

WORDS = st.sampled_from(
    [
        "the",
        "troops",
        "said",
        "officials",
        "killed",
        "wounded",
        "at least",
        "more than",
        "between",
        "and",
        "about",
        "dozens",
        "on Friday",
        "last week",
        "March 3",
        "2024",
        "President",
        "Anna Berg",
        "told reporters",
        "Trending now",
        "[ad]",
        "(Photo by X)",
        "1,200",
        "3.5 million",
        "two",
        "nearly 40",
        "\u201c",
        "\u201d",
        '"',
        "\u2026",
        "—",
        ".",
        ",",
        "\n",
        "\n\n",
        "é",
        "日本",
        "🙂",
        "\t",
        "Sign up for our newsletter",
    ]
)
TEXTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)


def _article(text: str, published: date | None, n: int) -> Article:
    title = next((line for line in text.splitlines() if line.strip()), "")
    return Article.create(
        source=f"generated-{n}.txt", original=text, title=title.strip(), published=published
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(TEXTS, min_size=1, max_size=3),
    published=st.sampled_from([None, date(2025, 1, 14), date(2024, 2, 29)]),
)
def test_every_span_of_a_generated_dossier_is_exact(
    texts: list[str], published: date | None
) -> None:
    articles = [_article(t, published, i) for i, t in enumerate(texts)]
    dossier = analyze_articles(articles, models=loaded_models())
    data = dossier.to_dict()
    validate(data)
    assert inexact_spans(data) == []


def test_every_span_of_the_seed_dossier_is_exact(seed_paths: list[Path]) -> None:
    from accord.pipeline import analyze

    data = analyze(seed_paths, models=loaded_models()).to_dict()
    validate(data)
    assert len(data["articles"]) == len(seed_paths)
    assert inexact_spans(data) == []
    assert data["figures"] and data["quotes"] and data["timeline"]
