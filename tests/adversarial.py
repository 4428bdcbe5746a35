"""A fixed adversarial corpus: articles written to stress each stage, at a chosen size.

Every text here is generated for the tests (no sentence comes from evaluation data or the
seeds) and deterministic, so a failure reproduces. ``bench/bench_adversarial.py`` runs the
same cases at full size; the tests run them small enough to stay fast.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

# Characters that hide in scraped text: zero-width space, non-joiner, joiner, BOM, word
# joiner; right-to-left and left-to-right overrides and isolates; combining accents.
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u2060"
BIDI = "\u202e\u202d\u2066\u2067\u2069\u200f"
COMBINING = "\u0301\u0308\u0327\u20dd"

_PHRASE = (
    "the ferry operator said on Tuesday that 214 passengers had been moved to a second "
    "vessel after the engine failed near the harbour wall and crews worked through the night"
)
_WORDS = _PHRASE.split()


@dataclass(frozen=True)
class Case:
    """One file of the corpus: its name, its content, and the stage it stresses."""

    name: str
    filename: str
    content: str
    stresses: str

    def write(self, folder: Path) -> Path:
        path = folder / self.filename
        path.write_text(self.content, encoding="utf-8")
        return path


def sentences(chars: int, seed: int = 0) -> str:
    """Plain sentences, about ``chars`` characters, joined by single spaces (one line)."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 20))]
        sentence = " ".join(words).capitalize() + "."
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)


def long_paragraph(chars: int) -> Case:
    return Case(
        "long-paragraph",
        "long-paragraph.txt",
        "Ferry engine fails near the harbour\n\n" + sentences(chars),
        "parse window (spaCy max_length), cleaning on one huge line",
    )


def many_numbers(count: int) -> Case:
    rng = random.Random(1)
    numbers = " ".join(f"{rng.randint(1, 99_999):,}" for _ in range(count))
    return Case(
        "many-numbers",
        "many-numbers.txt",
        f"Port tonnage tables\n\nThe operator listed {numbers} tonnes.",
        "figure extraction and reconciliation",
    )


def unbalanced_quotes(count: int) -> Case:
    marks = "\"“”'‘’«»"
    rng = random.Random(2)
    body = " ".join(f"{rng.choice(marks)}crews{rng.choice(marks)} said" for _ in range(count))
    return Case(
        "unbalanced-quotes",
        "unbalanced-quotes.txt",
        f"Quote storm\n\n{body}.\n\n" + "“" * count + " the captain said.",
        "quote pairing and speaker search",
    )


def invisible_characters(repeat: int) -> Case:
    line = (
        f"Captain{ZERO_WIDTH}Ilse{BIDI} Marten said{COMBINING} “the 2{ZERO_WIDTH}14 "
        f"passengers{BIDI} are safe{ZERO_WIDTH}” after 3{COMBINING}0 hours."
    )
    return Case(
        "invisible-characters",
        "invisible-characters.txt",
        "Hidden marks\n\n" + "\n".join([line] * repeat),
        "offsets of numbers, names and quotes around zero-width, bidi and combining marks",
    )


def one_word(count: int) -> Case:
    return Case(
        "one-word",
        "one-word.txt",
        "ferry\n\n" + " ".join(["ferry"] * count),
        "a text with no sentence boundary: windows cut at whitespace",
    )


def capitalised_run(count: int) -> Case:
    """Capitalised words without end, then an acronym in brackets: a name that long is no
    name to spell out, and looking for one must stay linear."""
    names = ("Harbour", "Pier", "Ferry", "Quay", "Dock")
    run = " ".join(names[i % len(names)] for i in range(count))
    return Case(
        "capitalised-run",
        "capitalised-run.txt",
        f"Port notice\n\n{run} (HPFQD) said the port was closed.\n",
        "names and acronyms read from runs of capitalised words",
    )


def huge_title(chars: int) -> Case:
    title = sentences(chars, seed=3).replace(".", "")
    record = {
        "title": title,
        "text": "Crews refloated the ferry on Wednesday, the harbour master said.",
    }
    return Case("huge-title", "huge-title.jsonl", json.dumps(record) + "\n", "title handling")


def tiny_articles(count: int) -> Case:
    lines = [json.dumps({"text": f"Ferry {i} docked.", "title": f"Dock {i}"}) for i in range(count)]
    return Case("tiny-articles", "tiny-articles.jsonl", "\n".join(lines) + "\n", "batching")


def nested_html(depth: int) -> Case:
    html = (
        "<html><head><title>Harbour notice</title></head><body>"
        + "<div>" * depth
        + "<p>The harbour reopened on Friday after 3 weeks of repairs, the port authority "
        "said.</p>" + "</div>" * depth + "</body></html>"
    )
    return Case("nested-html", "nested-html.html", html, "HTML extraction depth")


def corpus(scale: float = 1.0) -> list[Case]:
    """Every case; ``scale`` 1.0 is the full size of the issue (5 MB paragraph, 50,000
    numbers, 10,000 nested divs ...), the tests pass a fraction."""

    def n(full: int) -> int:
        return max(1, int(full * scale))

    return [
        long_paragraph(n(5_000_000)),
        many_numbers(n(50_000)),
        unbalanced_quotes(n(5_000)),
        invisible_characters(n(2_000)),
        one_word(n(1_000_000)),
        capitalised_run(n(200_000)),
        huge_title(100_000),
        tiny_articles(n(5_000)),
        nested_html(10_000),
    ]


# Valid reports beside the hostile ones: their results must come through unchanged.
VALID = {
    "ferry-one.txt": (
        "Ferry passengers moved after engine failure\n\n"
        "Harbour master Ilse Marten said 214 passengers were moved to a second vessel on "
        "Tuesday.\n\n"
        "“Everyone is safe and warm,” Marten said.\n"
    ),
    "ferry-two.txt": (
        "Engine failure strands ferry near harbour wall\n\n"
        "About 210 passengers spent the night on a stranded ferry, the operator said on "
        "Tuesday.\n\n"
        "“Everyone is safe and warm,” harbour master Ilse Marten told reporters.\n"
    ),
}


def write_valid(folder: Path) -> list[Path]:
    paths = []
    for name, text in VALID.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
