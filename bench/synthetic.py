"""A synthetic news stream of any size, for the cost benchmarks (not for accuracy).

Base texts are the bundled sample corpus plus, when the public data sets sit beside the
checkout, GVDB full texts and PolNeAR articles (read in place, never copied). Each base
text becomes a story: an original, perturbed rewrites (sentences dropped and reordered,
numbers nudged), verbatim reprints with outlet boilerplate, and noise lines (ad markers,
share prompts), spread over a few days; stories start on successive days so the stream
moves forward in time like a feed.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import sys
from pathlib import Path

from accord.ingest import read_paths
from accord.model import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "accord" / "samples"
DATA = ROOT.parent / "shared" / "data"
OUTLETS = (
    "Harbor Ledger",
    "Valley Courier",
    "Northwind Post",
    "Daily Meridian",
    "Gazette Online",
    "Coastline Wire",
    "Metro Record",
    "Plains Herald",
)
NOISE_LINES = (
    "Advertisement",
    "Share this article",
    "Read more: our weekly newsletter",
    "Sign up for breaking news alerts",
    "Photo: staff photographer",
)
STORIES_PER_DAY = 40  # a mid-sized feed
ARTICLES_PER_STORY = (1, 8)  # inclusive bounds
START = dt.date(2024, 1, 1)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def base_texts() -> list[tuple[str, str]]:
    """(title, text) pairs: the samples, then the public data sets when present."""
    bases = [(a.title, a.text) for a in read_paths([SAMPLES]).articles]
    gvdb = DATA / "gvdb" / "dev.tsv"
    if gvdb.is_file():
        csv.field_size_limit(sys.maxsize)
        with gvdb.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if len(row["Full text"]) > 400:
                    bases.append((row["Article title"], row["Full text"]))
    polnear = DATA / "polnear" / "train" / "text"
    if polnear.is_dir():
        for path in sorted(polnear.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace").strip()
            title, _, body = text.partition("\n")
            if len(body) > 400:
                bases.append((title.strip(), body.strip()))
    return bases


def _rewrite(text: str, rng: random.Random) -> str:
    sentences = SENTENCE.split(text)
    head, rest = sentences[:1], sentences[1:]
    kept = [s for s in rest if rng.random() > 0.2]
    rng.shuffle(kept)
    body = " ".join(head + kept)
    return re.sub(r"\b(\d{2,})\b", lambda m: str(int(m.group(1)) + rng.choice((0, 0, 1, 2))), body)


def _paragraphs(text: str, rng: random.Random, noise: bool) -> str:
    sentences = SENTENCE.split(text)
    paras = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    if noise:
        for _ in range(rng.randint(1, 3)):
            paras.insert(rng.randint(0, len(paras)), rng.choice(NOISE_LINES))
    return "\n\n".join(paras)


def synthetic_corpus(
    size: int, seed: int = 0, bases: list[tuple[str, str]] | None = None
) -> list[Article]:
    """``size`` articles in stream order (by publication day), deterministic for a seed."""
    rng = random.Random(seed)
    bases = bases if bases is not None else base_texts()
    articles: list[Article] = []
    story = 0
    while len(articles) < size:
        title, text = bases[story % len(bases)]
        day = START + dt.timedelta(days=story // STORIES_PER_DAY)
        count = rng.randint(*ARTICLES_PER_STORY)
        for k in range(count):
            outlet = rng.choice(OUTLETS)
            kind = "original" if k == 0 else rng.choice(("rewrite", "rewrite", "reprint"))
            body = text if kind != "rewrite" else _rewrite(text, rng)
            published = day + dt.timedelta(days=rng.randint(0, 2))
            header = f"{title}\n\nBy staff, {outlet}\n{published.isoformat()}\n\n"
            original = header + _paragraphs(body, rng, noise=kind != "original")
            articles.append(
                Article.create(
                    f"synthetic/{story}/{k}.txt",
                    original,
                    title=title,
                    outlet=outlet,
                    published=published,
                )
            )
        story += 1
    articles = articles[:size]
    articles.sort(key=lambda a: (a.published or dt.date.min, a.source))
    return articles
