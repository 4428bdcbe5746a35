"""Shared word lists live once, in accord/lexicon.py (a copy elsewhere drifts from it)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from accord import lexicon

PACKAGE = Path(lexicon.__file__).parent
# One word from each shared list: a string literal of it anywhere but the lexicon is a copy.
MARKERS = {
    "weekdays": "wednesday",
    "months": "february",
    "number words": "seventeen",
    "reporting verbs": "announce",
    "reported forms": "briefed",
    "abbreviations": "corp",
}


def _literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return {
        node.value.lower()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


@pytest.mark.parametrize("word", MARKERS.values(), ids=list(MARKERS))
def test_a_shared_word_list_is_written_only_in_the_lexicon(word: str) -> None:
    holders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if word in _literals(path)
    ]
    assert holders == ["lexicon.py"]


def test_whole_number_words_are_the_integral_number_words() -> None:
    assert lexicon.WHOLE_NUMBER_WORDS["seven"] == 7 and lexicon.WHOLE_NUMBER_WORDS["dozen"] == 12
    assert "half" not in lexicon.WHOLE_NUMBER_WORDS and "zero" not in lexicon.WHOLE_NUMBER_WORDS
