"""Load an evaluation script as a module, for the accuracy gates (evaluation/ holds scripts,
not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

EVALUATION = Path(__file__).resolve().parents[2] / "evaluation"


def load_script(name: str) -> ModuleType:
    """``evaluation/<name>.py`` as module ``name`` (its sibling imports resolve too)."""
    if str(EVALUATION) not in sys.path:
        sys.path.insert(0, str(EVALUATION))
    spec = importlib.util.spec_from_file_location(name, EVALUATION / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
