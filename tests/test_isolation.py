"""Per-article isolation: an article that breaks a stage is skipped and reported once, the
rest goes on, in ``analyze`` and in ``ingest`` (quarantine), unless ``strict``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import accord
from accord.cli import app
from accord.distributed import ingest_paths
from accord.errors import ArticleFailure, Stage
from accord.store import Store
from tests.adversarial import VALID, write_valid
from tests.models import ModelsRunner, here, loaded_models
from tests.spans import inexact_spans

runner = ModelsRunner()
POISON = "Poison pill"  # the title line of the article the patched stage fails on
POISON_TEXT = f"{POISON}\n\nThe lighthouse keeper said 12 boats were damaged on Monday.\n"


class Boom(Exception):
    """A stand-in for a bug in one stage."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    write_valid(path)
    (path / "poison.txt").write_text(POISON_TEXT, encoding="utf-8")
    return path


def fail_on_poison(monkeypatch: pytest.MonkeyPatch, stage: Stage) -> list[str]:
    """Make ``stage`` raise :class:`Boom` on the poison article; returns the calls seen."""
    calls: list[str] = []

    def check(text: str) -> None:
        calls.append(text[:20])
        if POISON in text:
            raise Boom("the stage broke")

    if stage is Stage.CLEAN:
        import accord.clean as clean

        plan = clean._plan
        monkeypatch.setattr(clean, "_plan", lambda a: (check(a.original), plan(a))[1])
    elif stage is Stage.PARSE:
        import accord.nlp as nlp

        pipe = nlp._pipe

        def broken_pipe(model, texts, batch_size):  # type: ignore[no-untyped-def]
            for text in texts:
                check(text)
            return pipe(model, texts, batch_size)

        monkeypatch.setattr(nlp, "_pipe", broken_pipe)
    else:
        import accord.extract as extract

        quotes = extract.find_quotes
        monkeypatch.setattr(
            extract, "find_quotes", lambda a, b: (check(a.original), quotes(a, b))[1]
        )
    return calls


@pytest.mark.parametrize("stage", [Stage.CLEAN, Stage.PARSE, Stage.EXTRACT])
def test_an_article_that_breaks_a_stage_is_skipped_once_and_the_rest_analysed(
    folder: Path, stage: Stage, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_poison(monkeypatch, stage)
    dossier = accord.analyze([folder], models=loaded_models())
    assert sorted(a.source for a in dossier.articles) == sorted(
        str(folder / name) for name in VALID
    )
    [skipped] = dossier.skipped
    assert skipped.source == str(folder / "poison.txt")
    assert skipped.stage == stage
    assert "internal error (Boom: the stage broke)" in skipped.reason
    assert "bug in accord" in skipped.reason and "--strict" in skipped.reason
    assert inexact_spans(dossier.to_dict()) == []
    assert dossier.quotes  # the valid reports' quote came through


def test_strict_makes_a_stage_failure_fatal(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on_poison(monkeypatch, Stage.EXTRACT)
    with pytest.raises(Boom):
        accord.analyze([folder], strict=True, models=loaded_models())


def test_a_failure_reason_is_one_bounded_line() -> None:
    failure = ArticleFailure.of(ValueError("x\n" * 1000), "f.txt", "a1", Stage.PARSE)
    assert "\n" not in failure.reason and len(failure.reason) < 500
    assert failure.line().startswith("f.txt: parse failed: internal error (ValueError: x x")
    assert ArticleFailure.from_dict(failure.to_dict()) == failure


def test_the_cli_reports_the_failed_article_in_one_line_and_exits_0(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_poison(monkeypatch, Stage.EXTRACT)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if "poison.txt" in ln]
    assert len(lines) == 1 and lines[0].startswith("skipped ")
    assert "(extract): internal error" in lines[0]
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == len(VALID)
    strict = runner.invoke(app, ["analyze", str(folder), "-o", str(out), "-q", "--strict"])
    assert strict.exit_code != 0 and isinstance(strict.exception, Boom)


def test_when_every_article_fails_analyze_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "poison.txt").write_text(POISON_TEXT, encoding="utf-8")
    fail_on_poison(monkeypatch, Stage.EXTRACT)
    with pytest.raises(accord.NoArticlesError, match="internal error"):
        accord.analyze([tmp_path], models=loaded_models())


def test_a_jsonl_record_with_a_bad_date_is_kept_and_warned_about(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"text": VALID["ferry-one.txt"], "title": "Ferry", "published": "2025-13-45"}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(feed), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    warnings = [ln for ln in result.output.splitlines() if ln.startswith("warning:")]
    assert warnings == [
        f"warning: {feed}:1: dropped the 'published' field: not a date: '2025-13-45' "
        "(write published as YYYY-MM-DD (or an ISO datetime), or leave it out)"
    ]
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    [article] = data["articles"]
    assert (article["title"], article["published"], data["skipped"]) == ("Ferry", None, [])


@pytest.mark.slow
def test_ingest_quarantines_a_poison_article_once_and_a_rerun_passes_it_by(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fail_on_poison(monkeypatch, Stage.EXTRACT)
    with Store(tmp_path / "news.duckdb") as store:
        first = ingest_paths(store, [folder], *here())
        assert (first.added, len(first.failures)) == (len(VALID), 1)
        [held] = store.quarantine()
        assert (held.source, held.stage, held.internal) == (
            str(folder / "poison.txt"),
            "extract",
            True,
        )
        poisoned = sum(POISON in c for c in calls)
        again = ingest_paths(store, [folder], *here())
        assert (again.added, again.known, again.held, again.failures) == (0, len(VALID), 1, ())
        assert sum(POISON in c for c in calls) == poisoned  # not retried
        assert len(store.quarantine()) == 1
        monkeypatch.undo()  # the bug is fixed: asked to, the retry stores the article
        retried = ingest_paths(store, [folder], *here(), retry_quarantined=True)
        assert (retried.added, retried.failures) == (1, ())
        assert store.quarantine() == []
        assert store.counts()["articles"] == len(VALID) + 1


def test_the_ingest_cli_reports_quarantine_and_takes_the_flags(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_poison(monkeypatch, Stage.CLEAN)
    db = str(tmp_path / "news.duckdb")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"])
    assert first.exit_code == 0, first.output
    [line] = [ln for ln in first.output.splitlines() if "poison.txt" in ln]
    assert "(clean): internal error" in line and line.endswith("(quarantined)")
    again = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"])
    assert "poison.txt" not in again.output and "1 held in quarantine" in again.output
    retry = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q", "--retry-quarantined"])
    assert retry.exit_code == 0 and "poison.txt" in retry.output
    strict = runner.invoke(
        app, ["ingest", str(folder), "--db", db, "--retry-quarantined", "--strict"]
    )
    assert isinstance(strict.exception, Boom)


def test_a_ray_worker_returns_a_failure_row_for_the_article_it_could_not_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accord.distributed import ArticleProcessor
    from accord.ingest import read_paths

    fail_on_poison(monkeypatch, Stage.PARSE)
    articles = read_paths([folder]).articles
    batch = {
        "index": list(range(len(articles))),
        "article": [json.dumps(a.to_dict()) for a in articles],
    }
    rows = ArticleProcessor(models=loaded_models())(batch)
    poisoned = [i for i, a in enumerate(articles) if POISON in a.original]
    for i, (record, failure) in enumerate(zip(rows["processed"], rows["failure"], strict=True)):
        assert bool(record) != bool(failure)
        assert bool(failure) == (i in poisoned)
    [failure] = [ArticleFailure.from_dict(json.loads(f)) for f in rows["failure"] if f]
    assert (failure.stage, failure.internal) == (Stage.PARSE, True)


def test_a_reader_that_breaks_on_one_file_is_an_internal_error_for_that_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import accord.ingest.text as text
    from accord.ingest import read_paths

    make = text.make_article

    def broken(source: str, original: str, **kwargs: object) -> object:
        if POISON in original:
            raise RecursionError("maximum recursion depth exceeded")
        return make(source, original, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(text, "make_article", broken)
    result = read_paths([folder])
    assert len(result.articles) == len(VALID)
    [(source, reason)] = [(s.source, s.reason) for s in result.skipped]
    assert source == str(folder / "poison.txt") and reason.startswith("internal error")
    with pytest.raises(RecursionError):
        read_paths([folder], strict=True)
