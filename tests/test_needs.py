"""A missing tool skips a test on a developer's machine and fails it under CI=true."""

from __future__ import annotations

import pytest

from tests import needs


def test_a_missing_tool_skips_with_its_fix_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is missing: apt-get install"):
        needs.missing("Chromium", "apt-get install chromium")


@pytest.mark.parametrize("value", ["true", "True"])
def test_a_missing_tool_fails_under_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match=r"Chromium is missing.*CI=true"):
        needs.missing("Chromium", "apt-get install chromium")


def test_a_module_that_cannot_be_imported_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no_such_package_for_accord"):
        needs.module("no_such_package_for_accord", "pip install it")
    monkeypatch.delenv("CI")
    assert needs.module("json", "stdlib").dumps([]) == "[]"
