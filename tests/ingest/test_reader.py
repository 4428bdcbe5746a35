"""Batches: directories, skips with one-line reasons, and the public names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import accord.ingest
from accord.errors import InputError, TooLargeInputError, UnreadableInputError
from accord.ingest import read_file, read_paths
from accord.model import Skipped

STORY = "Ferry resumes service\n\nThe island ferry resumed crossings on Monday after repairs.\n"


def test_the_public_names_are_exactly_these() -> None:
    assert set(accord.ingest.__all__) == {
        "DEFAULT_MAX_BYTES",
        "SUFFIXES",
        "FetchCache",
        "FetchPolicy",
        "Fetcher",
        "ReadResult",
        "article_from_html",
        "article_from_text",
        "read_file",
        "read_inputs",
        "read_paths",
        "read_source",
    }


def test_a_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY + "Two.\n")
    (tmp_path / "a.txt").write_text(STORY + "One.\n")
    (tmp_path / "c.jsonl").write_text('{"text": "Three: the ferry is late again."}\n')
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(STORY)
    result = read_paths([tmp_path])
    sources = [Path(a.source).relative_to(tmp_path).as_posix() for a in result.articles]
    assert sources == ["a.txt", "b/two.txt", "c.jsonl:1"]
    assert result.skipped == []


def test_one_bad_file_is_skipped_and_the_rest_of_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text(STORY)
    (tmp_path / "2-empty.txt").write_text("")
    (tmp_path / "3-binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (tmp_path / "4-menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "5-good.txt").write_text(STORY + "Later.\n")
    result = read_paths([tmp_path, tmp_path / "missing.txt"])
    assert [Path(a.source).name for a in result.articles] == ["1-good.txt", "5-good.txt"]
    reasons = {Path(s.source).name: s.reason for s in result.skipped}
    assert set(reasons) == {"2-empty.txt", "3-binary.txt", "4-menu.html", "missing.txt"}
    assert "empty" in reasons["2-empty.txt"]
    assert "NUL" in reasons["3-binary.txt"]
    assert "no article text" in reasons["4-menu.html"]
    assert "does not exist" in reasons["missing.txt"]
    assert all("\n" not in why for why in reasons.values())


def test_a_path_that_does_not_exist_raises_an_input_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(UnreadableInputError, match=rf"{missing}: does not exist"):
        read_file(missing)


def test_a_directory_given_to_read_file_says_to_use_read_paths(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="read_paths"):
        read_file(tmp_path)


def test_an_empty_directory_is_noted_as_holding_nothing(tmp_path: Path) -> None:
    result = read_paths([tmp_path])
    assert result.articles == []
    [(where, why)] = [(s.source, s.reason) for s in result.skipped]
    assert where == str(tmp_path) and "holds no" in why


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="root reads files whatever their mode; see the simulated case",
)
def test_an_unreadable_file_in_a_directory_is_skipped_as_permission_denied(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    locked = tmp_path / "b.txt"
    locked.write_text(STORY + "Locked.\n")
    locked.chmod(0)
    try:
        result = read_paths([tmp_path])
    finally:
        locked.chmod(0o644)
    assert len(result.articles) == 1
    assert result.skipped == [
        Skipped.unread(str(locked), "permission denied (make the file readable (chmod +r))")
    ]


def test_an_unreadable_file_is_skipped_even_when_running_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    locked = tmp_path / "b.txt"
    locked.write_text(STORY + "Locked.\n")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["a.txt"]
    [(where, why)] = [(s.source, s.reason) for s in result.skipped]
    assert where == str(locked) and why.startswith("permission denied")


def test_an_io_error_while_reading_is_an_input_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "disk.txt"
    path.write_text(STORY)

    def broken(self: Path, *args: object, **kwargs: object) -> object:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", broken)
    with pytest.raises(UnreadableInputError, match="Input/output error"):
        read_file(path)


def test_the_size_limit_is_configurable_per_batch(tmp_path: Path) -> None:
    (tmp_path / "small.txt").write_text(STORY)
    (tmp_path / "large.txt").write_text(STORY * 50)
    result = read_paths([tmp_path], max_bytes=len(STORY.encode()) * 2)
    assert [Path(a.source).name for a in result.articles] == ["small.txt"]
    assert "limit" in result.skipped[0].reason
    with pytest.raises(TooLargeInputError):
        read_file(tmp_path / "large.txt", max_bytes=100)


def test_every_skip_reason_is_one_line_naming_a_fix(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"text": 1}\n{"text": "Fine report text."}\n')
    (tmp_path / "blob.txt").write_bytes(b"\x00" * 9)
    result = read_paths([tmp_path])
    assert len(result.skipped) == 2
    for why in (s.reason for s in result.skipped):
        assert "\n" not in why and "(" in why


def test_skipped_errors_are_input_errors_when_read_one_by_one(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00" * 9)
    with pytest.raises(InputError):
        read_file(tmp_path / "blob.txt")


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs a POSIX device file")
def test_a_device_file_is_refused_not_read_forever() -> None:
    with pytest.raises(UnreadableInputError, match="not a regular file"):
        read_file("/dev/null")
