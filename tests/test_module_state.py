"""No hidden state in accord: what a later stage needs travels in the data.

The package's source is read as syntax trees and searched for module-level caches: memoising
decorators, ``global`` statements, and module-level containers that some code mutates.
Constant tables (a dict literal that nothing writes to) are fine.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "accord"
MEMOISERS = {"cache", "lru_cache", "cached_property"}
CONTAINERS = {"dict", "list", "set", "OrderedDict", "defaultdict", "deque", "Counter"}
MUTATORS = {
    "append",
    "extend",
    "insert",
    "add",
    "update",
    "setdefault",
    "pop",
    "popitem",
    "clear",
    "remove",
    "discard",
    "move_to_end",
    "appendleft",
    "__setitem__",
}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_container(value: ast.expr | None) -> bool:
    literal = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
    return isinstance(value, literal) or (
        isinstance(value, ast.Call) and _name(value.func) in CONTAINERS
    )


def _module_containers(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_container(node.value):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif (
            isinstance(node, ast.AnnAssign)
            and _is_container(node.value)
            and isinstance(node.target, ast.Name)
        ):
            names.add(node.target.id)
    return names


def hidden_state(source: str, where: str = "<source>") -> list[str]:
    """Each memoising decorator, ``global`` statement and mutated module-level container."""
    tree = ast.parse(source)
    containers = _module_containers(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found += [
                f"{where}:{d.lineno}: @{_name(d)} on {node.name}"
                for d in node.decorator_list
                if _name(d) in MEMOISERS
            ]
        elif isinstance(node, ast.Global):
            found.append(f"{where}:{node.lineno}: global {', '.join(node.names)}")
        elif isinstance(node, (ast.Subscript, ast.Attribute)) and isinstance(node.value, ast.Name):
            target = node.value.id
            if target not in containers:
                continue
            writes = isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del))
            calls = isinstance(node, ast.Attribute) and node.attr in MUTATORS
            if writes or calls:
                found.append(f"{where}:{node.lineno}: module-level {target} is mutated")
    return found


def test_no_module_in_accord_keeps_a_cache_or_a_mutable_global() -> None:
    found = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        for problem in hidden_state(path.read_text(encoding="utf-8"), str(path))
    ]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "from functools import lru_cache\n@lru_cache(maxsize=1)\ndef f(): return 1\n",
        "import functools\n@functools.cache\ndef f(): return 1\n",
        "_SEEN = {}\ndef f(k): _SEEN[k] = 1\n",
        "from collections import OrderedDict\n_C = OrderedDict()\ndef f(k): _C.move_to_end(k)\n",
        "_L: list[int] = []\ndef f(): _L.append(1)\n",
        "N = 0\ndef f():\n    global N\n    N += 1\n",
    ],
)
def test_the_scan_finds_each_kind_of_hidden_state(source: str) -> None:
    assert len(hidden_state(source)) == 1


def test_constant_tables_and_local_containers_are_not_hidden_state() -> None:
    source = (
        "UNITS = {'day': 1, 'week': 7}\n"
        "def f(k):\n"
        "    seen = {}\n"
        "    seen[k] = UNITS[k]\n"
        "    return seen\n"
    )
    assert hidden_state(source) == []
