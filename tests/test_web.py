"""The web view, in-process over the ASGI app (no network, no server)."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.distributed import ingest_articles
from accord.errors import InputError
from accord.model import Article, Figure, FigureMention, Span, StoryResults
from accord.render import write_all
from accord.store import Store
from accord.vocab import Measure
from accord.web import DEFAULT_HOST, HEADER_CSP, create_app, valid_story_id
from tests.models import bag_of_words
from tests.render.dossiers import hostile_dossier, sample_dossier
from tests.test_store import fake_stream, make_corpus


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_all(sample_dossier(), tmp_path / "floods")
    write_all(hostile_dossier(), tmp_path / "evil")
    (tmp_path / "broken.json").write_text("{not a dossier", encoding="utf-8")
    (tmp_path / "notes").mkdir()  # a folder without a dossier is ignored
    return tmp_path


@pytest.fixture
def client(folder: Path) -> TestClient:
    return TestClient(create_app(folder))


def test_index_lists_every_readable_story_and_counts_the_unreadable(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert 'href="/stories/floods"' in response.text
    assert 'href="/stories/evil"' in response.text
    assert "1 file in the folder could not be read" in response.text


@pytest.mark.parametrize(
    ("query", "found", "hidden"),
    [
        ("river", "floods", "evil"),
        ("valley times", "floods", "evil"),
        ("STORY", "evil", "floods"),
    ],
)
def test_search_keeps_only_stories_whose_title_or_outlets_match(
    client: TestClient, query: str, found: str, hidden: str
) -> None:
    text = client.get("/", params={"q": query}).text
    assert f'href="/stories/{found}"' in text
    assert f'href="/stories/{hidden}"' not in text


def test_a_search_that_matches_nothing_says_so(client: TestClient) -> None:
    assert "No stories match this search." in client.get("/?q=volcano").text


def test_the_search_query_is_echoed_escaped(client: TestClient) -> None:
    text = client.get("/", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_a_story_page_is_the_dossier_template_with_a_link_home(client: TestClient) -> None:
    text = client.get("/stories/floods").text
    assert '<section id="figures">' in text and '<mark id="ev-f0-0"' in text
    assert 'href="/">← all stories</a>' in text


def test_the_story_json_is_the_validated_dossier(client: TestClient) -> None:
    response = client.get("/stories/floods/dossier.json")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["schema"] == "accord.dossier/1"


@pytest.mark.parametrize(
    "path", ["/", "/stories/floods", "/stories/nope", "/missing", "/stories/floods/dossier.json"]
)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == HEADER_CSP
    assert "script-src" not in HEADER_CSP and "default-src 'none'" in HEADER_CSP
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "story_id",
    [
        "..%2Ffloods",
        "%2E%2E",
        "floods%2F..%2F..%2Fetc%2Fpasswd",
        ".hidden",
        "nope",
        "floods%00",
        "..%5C..%5Cwindows",
    ],
)
def test_story_ids_with_slashes_dots_or_unknown_names_are_not_found(
    client: TestClient, story_id: str
) -> None:
    assert client.get(f"/stories/{story_id}").status_code == 404
    assert client.get(f"/stories/{story_id}/dossier.json").status_code == 404


def raw_get_status(app: Any, path: str) -> int:
    """GET ``path`` exactly as given: HTTP clients remove ``..`` before sending, attackers
    do not, so this drives the ASGI app directly."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    # a thread of its own: a session-wide Playwright browser keeps a loop running here
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    return int(sent[0]["status"])


@pytest.mark.parametrize(
    "path",
    [
        "/stories/..",
        "/stories/../floods",
        "/stories/floods/../evil",
        "/stories/../../etc/passwd",
        "/stories/..\\floods",
        "/stories/floods/../../broken.json",
    ],
)
def test_raw_paths_with_dot_dot_are_not_found(folder: Path, path: str) -> None:
    app = create_app(folder)
    assert raw_get_status(app, path) == 404
    assert raw_get_status(app, "/stories/floods") == 200  # the same helper does reach stories


@pytest.mark.parametrize(
    ("story_id", "ok"),
    [
        ("floods", True),
        ("story-2024.v2", True),
        ("..", False),
        ("a..b", False),
        (".env", False),
        ("a/b", False),
        ("a\\b", False),
        ("", False),
        ("x" * 200, False),
    ],
)
def test_story_ids_are_plain_names(story_id: str, ok: bool) -> None:
    assert valid_story_id(story_id) is ok


def test_a_dossier_outside_the_folder_is_never_served(tmp_path: Path) -> None:
    root, outside = tmp_path / "root", tmp_path / "outside"
    write_all(sample_dossier(), outside)
    root.mkdir()
    (root / "linked").symlink_to(outside, target_is_directory=True)
    assert TestClient(create_app(root)).get("/stories/linked").status_code == 404


def test_a_large_request_body_is_refused(client: TestClient) -> None:
    response = client.post("/", content=b"x" * 100_000)
    assert response.status_code == 413
    assert response.headers["content-security-policy"] == HEADER_CSP


def test_a_small_body_reaches_the_router_which_only_allows_get(client: TestClient) -> None:
    assert client.post("/", content=b"x").status_code == 405


def test_an_overlong_url_is_refused(client: TestClient) -> None:
    assert client.get("/stories/" + "a" * 5000).status_code == 414


def test_a_rewritten_dossier_is_served_fresh(client: TestClient, folder: Path) -> None:
    assert "Floods close the old river bridge" in client.get("/stories/floods").text
    write_all(hostile_dossier(), folder / "floods")
    assert "Floods close the old river bridge" not in client.get("/stories/floods").text


def test_hostile_content_is_inert_in_the_web_view(client: TestClient) -> None:
    for path in ("/", "/stories/evil"):
        text = client.get(path).text
        assert "<script" not in text
        assert "<img" not in text
        assert text.count("</style>") == 1


def test_interactive_api_docs_are_off_because_they_load_cdn_scripts(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 404


def test_serving_defaults_to_loopback_and_needs_a_folder(tmp_path: Path) -> None:
    assert DEFAULT_HOST == "127.0.0.1"
    with pytest.raises(InputError, match="not a directory"):
        create_app(tmp_path / "missing")


class FakeStore:
    """Stands in for accord.store.Store: the read methods the web view uses."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        assert read_only, "the web view must open the store read-only"

    def list_stories(self, query: str | None = None, limit: int = 100) -> list[Any]:
        from accord.store import StorySummary

        rows = [
            StorySummary(
                "s1",
                "Floods close the old river bridge",
                3,
                2,
                "2024-03-03",
                "2024-03-05",
                ("Harbor Gazette",),
            ),
            StorySummary("../s2", "A bad id", 1, 1, None, None, ()),
        ]
        return [r for r in rows if not query or query.lower() in r.title.lower()]

    def story_version(self, story_id: str) -> str:
        from accord.errors import StoreError

        if story_id not in ("s1", "s-pending"):
            raise StoreError(f"no story {story_id!r}")
        return f"v-{story_id}"

    def stored_dossier(self, story_id: str, version: str | None = None) -> Any:
        self.story_version(story_id)
        return sample_dossier() if story_id == "s1" else None

    def story_size(self, story_id: str) -> int | None:
        return 3 if story_id in ("s1", "s-pending") else None

    def article_count(self) -> int:
        return 4

    def title_of(self, story_id: str) -> str:
        return "Floods close the old river bridge"


@pytest.fixture
def store_client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> TestClient:
    import accord.store

    monkeypatch.setattr(accord.store, "Store", FakeStore)
    return TestClient(create_app(store=tmp_path / "news.duckdb"))


def test_store_stories_are_listed_and_shown_with_the_same_template(
    store_client: TestClient,
) -> None:
    index = store_client.get("/").text
    assert 'href="/store/s1"' in index and "2024-03-03 to 2024-03-05" in index
    assert "A bad id" not in index  # an id that is not a plain name is never linked
    page = store_client.get("/store/s1")
    assert page.status_code == 200 and '<section id="figures">' in page.text
    assert page.headers["content-security-policy"] == HEADER_CSP


@pytest.mark.parametrize("story_id", ["s9", "s1..", ".s1", "s1%2F..", "..%2Fs2"])
def test_unknown_or_unsafe_store_story_ids_are_not_found(
    store_client: TestClient, story_id: str
) -> None:
    assert store_client.get(f"/store/{story_id}").status_code == 404


def test_store_search_passes_the_query_to_the_store(store_client: TestClient) -> None:
    assert 'href="/store/s1"' in store_client.get("/?q=river").text
    assert 'href="/store/s1"' not in store_client.get("/?q=volcano").text


def test_a_store_story_without_computed_results_says_which_command_computes_them(
    store_client: TestClient, tmp_path: Path
) -> None:
    page = store_client.get("/store/s-pending")
    assert page.status_code == 200
    assert "has not been computed" in page.text
    assert f"accord dossier s-pending --db {tmp_path / 'news.duckdb'}" in page.text
    assert page.headers["content-security-policy"] == HEADER_CSP


SERVE_A_STORY = """
import sys
from fastapi.testclient import TestClient
from accord.web import create_app

client = TestClient(create_app(store=sys.argv[1]))
index = client.get("/").text
page = client.get("/store/" + sys.argv[2])
print(page.status_code, "has not been computed" in page.text, sys.argv[2] in index)
heavy = ("spacy", "torch", "sentence_transformers", "accord.pipeline", "accord.nlp")
print(sorted(m for m in heavy if m in sys.modules))
"""


def test_the_server_shows_a_real_store_without_loading_a_model(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest_articles(store, make_corpus(), fake_stream(), bag_of_words, batch_size=3)
        story = store.list_stories("dam")[0].id
    done = subprocess.run(
        [sys.executable, "-c", SERVE_A_STORY, str(db), story],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.stdout.split("\n")[:2] == ["200 True True", "[]"], done.stderr


def test_a_store_page_is_sent_gzipped_only_to_a_client_that_accepts_it(
    store_client: TestClient,
) -> None:
    zipped = store_client.get("/store/s1", headers={"accept-encoding": "gzip"})
    plain = store_client.get("/store/s1", headers={"accept-encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip" and zipped.text == plain.text
    assert "content-encoding" not in plain.headers and '<section id="figures">' in plain.text
    assert zipped.headers["vary"] == plain.headers["vary"] == "accept-encoding"


def toll(*mentions: tuple[Article, float]) -> Figure:
    """A killed figure over the first number of each article (its value given)."""
    found = []
    for article, value in mentions:
        start = next(i for i, ch in enumerate(article.original) if ch.isdigit())
        found.append(
            FigureMention(Span.of(article, start, start + 1), value, value, Measure.KILLED)
        )
    values = [v for _, v in mentions]
    return Figure(
        "f" + "-".join(f"{v:g}" for v in values),
        Measure.KILLED,
        min(values),
        max(values),
        max(values),
        None,
        min(values) != max(values),
        tuple(found),
    )


def versioned_store(tmp_path: Path) -> tuple[Path, str]:
    """A store whose one story has two stored versions: the toll rose from 3 to 5."""
    first = Article.create(
        "a.txt", "The blast killed 3 workers.", title="Quarry blast", outlet="Quarry Post"
    )
    second = Article.create(
        "b.txt", "The toll is now 5, police said.", title="Quarry toll rises", outlet="Quarry Post"
    )
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest_articles(store, [first, second], fake_stream(), bag_of_words, batch_size=3)
        (story,) = store.story_ids()
        store.write_results(story, "v-first", [first.id], StoryResults(figures=(toll((first, 3)),)))
        now = StoryResults(figures=(toll((first, 3), (second, 5)),))
        store.write_results(story, store.story_version(story), [first.id, second.id], now)
    return db, story


@pytest.fixture
def versioned(tmp_path: Path) -> tuple[Path, str]:
    return versioned_store(tmp_path)


def test_the_changes_page_lists_each_version_with_old_and_new_values(
    versioned: tuple[Path, str],
) -> None:
    db, story = versioned
    client = TestClient(create_app(store=db))
    page = client.get(f"/store/{story}/changes")
    assert page.status_code == 200 and page.headers["content-security-policy"] == HEADER_CSP
    text = page.text
    assert text.index('id="v2"') < text.index('id="v1"')  # newest first
    assert "Quarry Post — Quarry toll rises" in text  # the new source
    assert "killed (sources disagree): 3 → 3–5 (best 5)" in text  # old and new values
    assert "Version 1, the first" in text
    dossier = client.get(f"/store/{story}").text
    assert f'href="/store/{story}/changes">what changed</a>' in dossier


def test_the_changes_page_since_a_version_and_its_unknown_versions(
    versioned: tuple[Path, str],
) -> None:
    db, story = versioned
    client = TestClient(create_app(store=db))
    since = client.get(f"/store/{story}/changes", params={"since": 2}).text
    assert "Since version 2" in since and "Nothing new." in since and 'id="v1"' not in since
    assert "3 → 3–5" in client.get(f"/store/{story}/changes?since=1").text
    assert client.get(f"/store/{story}/changes?since=9").status_code == 404
    assert client.get(f"/store/{story}/changes?since=0").status_code == 422
    assert client.get("/store/nope/changes").status_code == 404


def test_a_story_without_a_computed_version_says_which_command_computes_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest_articles(store, make_corpus()[:1], fake_stream(), bag_of_words, batch_size=3)
        (story,) = store.story_ids()
    text = TestClient(create_app(store=db)).get(f"/store/{story}/changes").text
    assert f"accord dossier {story} --db {db}" in text


def test_a_worker_process_builds_the_app_from_the_environment(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accord.web import FOLDER_VARIABLE, STORE_VARIABLE, app_from_environment

    monkeypatch.setenv(FOLDER_VARIABLE, str(folder))
    monkeypatch.setenv(STORE_VARIABLE, "")
    client = TestClient(app_from_environment())
    assert 'href="/stories/floods"' in client.get("/").text


def test_a_page_already_shown_is_sent_again_without_reading_the_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import accord.store

    reads: list[str] = []

    class CountingStore(FakeStore):
        def __getattribute__(self, name: str) -> Any:
            if not name.startswith("_"):
                reads.append(name)
            return super().__getattribute__(name)

    monkeypatch.setattr(accord.store, "Store", CountingStore)
    client = TestClient(create_app(store=tmp_path / "news.duckdb"))
    for path in ("/store/s1", "/", "/?q=river"):
        assert client.get(path).status_code == 200
    first = len(reads)
    assert first > 0
    for path in ("/store/s1", "/", "/?q=river"):
        assert client.get(path).status_code == 200
    assert len(reads) == first


def test_serving_with_workers_hands_the_folder_to_each_worker_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from accord.web import FOLDER_VARIABLE, STORE_VARIABLE, serve

    started: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append((app, options)))
    for name in (FOLDER_VARIABLE, STORE_VARIABLE):  # put back as they were after the test
        monkeypatch.setenv(name, "unset")
    serve(folder, workers=2)
    ((app, options),) = started
    assert app == "accord.web:app_from_environment" and options["factory"] is True
    assert options["workers"] == 2 and options["host"] == DEFAULT_HOST
    assert os.environ[FOLDER_VARIABLE] == str(folder.resolve())
    assert os.environ[STORE_VARIABLE] == ""
