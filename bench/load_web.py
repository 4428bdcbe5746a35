"""How does the web view hold up under concurrent readers?

Starts ``accord serve`` (uvicorn, ``--workers`` processes, 1 by default) on loopback in a
subprocess, then fires ``--requests`` GETs with ``--concurrency`` in flight from this
process: 70% story pages, 20% the story list, 10% searches. The client is either plain
asyncio streams over kept-alive connections (``--client raw``, the default: it reads each
answer whole but leaves it gzipped, so it takes little of the CPU it shares with the
server) or httpx's AsyncClient (``--client httpx``: about 3.5 CPU ms per request here, five
times what the server spends, so on two cores it measures mostly itself). Prints p50/p99
latency, throughput, the error count (any non-200 answer or transport error) and the CPU
each side spent per request, then one JSON line. Pages are warmed first: the numbers are
for the steady state a reader sees, not for the first render.

With ``--db`` it serves a corpus store instead (``accord serve --db``: story pages at
``/store/<id>``, shown from the results stored at ingest); ``--build-store N`` first ingests
synthetic reports (``bench/synthetic.py``) with the real pipeline until the store holds at
least N stories, and computes their results, as ``accord ingest`` does. The server's
resident memory is printed too: a server that loaded a model would show it there.

Usage::

    python bench/load_web.py                       # a synthetic folder of 8 stories
    python bench/load_web.py --folder out/ --requests 1000 --concurrency 50
    python bench/load_web.py --db /tmp/web.duckdb --build-store 20
    python bench/load_web.py --db /tmp/web.duckdb --workers 2 --client httpx
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

from accord.model import Article, Claim, Dossier, Figure, FigureMention, Span, TimelineEntry
from accord.render import write_all
from accord.vocab import Measure

STORE_GROWTH = 40  # synthetic articles added per round while building a store

SENTENCE = "Officials said {n} people were moved from the valley on {d} March 2024 after the rain."


def synthetic_dossier(story: int, articles: int = 12, sentences: int = 40) -> Dossier:
    """A story of ``articles`` invented reports, each with figures, claims and dates."""
    arts, mentions, claims, dates = [], [], [], []
    for a in range(articles):
        lines = [SENTENCE.format(n=100 + 10 * a + s, d=1 + s % 28) for s in range(sentences)]
        art = Article.create(
            f"s{story}-a{a}.txt",
            "\n".join(lines) + "\n",
            title=f"Story {story}: valley evacuated",
            outlet=f"Outlet {a}",
            published=date(2024, 3, 1 + a % 28),
        )
        arts.append(art)
        first = art.original.index(str(100 + 10 * a))
        mentions.append(
            FigureMention(
                Span.of(art, first, first + 3),
                100 + 10 * a,
                100 + 10 * a,
                measure=Measure.DISPLACED,
            )
        )
        end = art.original.index("\n")
        claims.append(Claim(f"c{story}-{a}", lines[0], (Span.of(art, 0, end),), sources=1))
        start = art.original.index("1 March 2024")
        dates.append(
            TimelineEntry("2024-03-01", "day", "Evacuation", (Span.of(art, start, start + 12),))
        )
    figure = Figure(
        f"f{story}",
        Measure.DISPLACED,
        100,
        150,
        100 + 10 * (articles - 1),
        None,
        True,
        tuple(mentions),
        counted="people",
    )
    return Dossier(
        articles=tuple(arts),
        figures=(figure,),
        claims=tuple(claims),
        timeline=tuple(dates),
        title=f"Story {story}: valley evacuated",
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with code {process.returncode}")
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer within {seconds:.0f} s")


def plan(stories: list[str], total: int, search: str = "valley") -> list[str]:
    """The request mix, deterministic: 7 of 10 story pages, 2 lists, 1 search."""
    paths = []
    for i in range(total):
        kind = i % 10
        if kind < 7:
            paths.append(stories[i % len(stories)])
        elif kind < 9:
            paths.append("/")
        else:
            paths.append(f"/?q={search}")
    return paths


def build_store(db: Path, stories: int) -> None:
    """Ingest synthetic reports until ``db`` holds ``stories`` stories; compute their results."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import synthetic_corpus

    from accord.corpus import refresh
    from accord.distributed import ingest_articles, local_batches
    from accord.nlp import Models
    from accord.store import Store

    models = Models.load()
    size = STORE_GROWTH
    with Store(db) as store:
        while len(store.story_ids()) < stories:
            ingest_articles(store, synthetic_corpus(size), local_batches(models), models.embedder)
            size += STORE_GROWTH
        refresh(store, embedder=models.embedder)


def store_paths(db: Path) -> list[str]:
    from accord.store import Store

    with Store(db, read_only=True) as store:
        return [f"/store/{s.id}" for s in store.list_stories(limit=1000)]


def cpu_seconds(pid: int) -> float:
    """User + system CPU the process has used (Linux /proc), or 0 where it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def server_pids(pid: int) -> list[int]:
    """The server process and its worker processes (uvicorn ``--workers``), Linux /proc."""
    found = [pid]
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                found.append(int(status.parent.name))
        except OSError:
            continue
    return found


def resident_mib(pid: int) -> float:
    """The process's resident memory (Linux /proc), or 0 where it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def fire_raw(base: str, paths: list[str], concurrency: int) -> tuple[list[float], int, float]:
    """The same requests over ``concurrency`` kept-alive HTTP/1.1 connections, read with
    asyncio streams: the server's answer is read whole (status, headers, the gzipped body)
    but not decompressed, so the client spends little of the CPU it shares with the server."""
    host, port = base.removeprefix("http://").split(":")
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    latencies: list[float] = []
    errors = 0

    async def reader() -> None:
        nonlocal errors
        stream, writer = await asyncio.open_connection(host, int(port))
        try:
            while not queue.empty():
                path = queue.get_nowait()
                start = time.perf_counter()
                request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n\r\n"
                writer.write(request.encode())
                head = await stream.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.lower().split(b"\r\n")
                    if line.startswith(b"content-length:")
                )
                await stream.readexactly(length)
                latencies.append(time.perf_counter() - start)
                if status != 200:
                    errors += 1
        except (OSError, asyncio.IncompleteReadError, StopIteration, ValueError):
            errors += 1
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(reader() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - began


async def fire(base: str, paths: list[str], concurrency: int) -> tuple[list[float], int, float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors = 0

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one(path: str) -> None:
            nonlocal errors
            async with gate:
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - start)

        began = time.perf_counter()
        await asyncio.gather(*(one(p) for p in paths))
        wall = time.perf_counter() - began
    return latencies, errors, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, help="dossiers to serve (default: synthetic)")
    parser.add_argument("--db", type=Path, help="serve this corpus store instead")
    parser.add_argument("--build-store", type=int, metavar="N", help="first fill --db")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="raw: asyncio streams, little CPU; httpx: AsyncClient, as a Python app would",
    )
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()

    extra = f", workers={args.workers}" if args.workers > 1 else ""
    with tempfile.TemporaryDirectory() as tmp:
        if args.db is not None:
            if args.build_store:
                began = time.perf_counter()
                build_store(args.db, args.build_store)
                print(f"store built in {time.perf_counter() - began:.0f} s")
            stories, search = store_paths(args.db), "shooting"
            code = (
                f"from accord.web import serve; serve(store={str(args.db)!r}, port={{port}}{extra})"
            )
        else:
            folder = args.folder
            if folder is None:
                folder = Path(tmp)
                for story in range(8):
                    write_all(synthetic_dossier(story), folder / f"story-{story}")
            found = sorted(p.parent.name for p in folder.glob("*/dossier.json"))
            stories, search = [f"/stories/{s}" for s in found], "valley"
            code = f"from accord.web import serve; serve({str(folder)!r}, port={{port}}{extra})"
        if not stories:
            raise SystemExit("no stories to serve")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-c", code.format(port=port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(base, server)
            # warm every page, a few times over so that each worker process has it
            for path in [*{*plan(stories, len(stories) * 10, search)}] * (3 * args.workers):
                httpx.get(base + path, timeout=30)
            pids = server_pids(server.pid)
            server_cpu, client_cpu = sum(map(cpu_seconds, pids)), time.process_time()
            firing = fire_raw if args.client == "raw" else fire
            latencies, errors, wall = asyncio.run(
                firing(base, plan(stories, args.requests, search), args.concurrency)
            )
            server_cpu = sum(map(cpu_seconds, pids)) - server_cpu
            client_cpu = time.process_time() - client_cpu
            rss = max(map(resident_mib, pids))
        finally:
            server.terminate()
            server.wait(timeout=10)

    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, round(0.99 * len(ms)) - 1)]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cpus, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}; date: {date.today()}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"stories: {len(stories)}; requests: {len(ms)}; concurrency: {args.concurrency}; "
        f"client: {args.client}; server workers: {args.workers}"
    )
    print(
        f"p50 {statistics.median(ms):.1f} ms · p99 {p99:.1f} ms · max {ms[-1]:.1f} ms · "
        f"{len(ms) / wall:.0f} req/s · errors {errors} · server RSS {rss:.0f} MiB"
    )
    server_ms, client_ms = server_cpu / len(ms) * 1000, client_cpu / len(ms) * 1000
    print(f"CPU per request: server {server_ms:.2f} ms, client {client_ms:.2f} ms")
    summary = {
        "requests": len(ms),
        "concurrency": args.concurrency,
        "client": args.client,
        "workers": args.workers,
        "p50_ms": round(statistics.median(ms), 1),
        "p99_ms": round(p99, 1),
        "req_per_s": round(len(ms) / wall),
        "errors": errors,
        "server_rss_mib": round(rss),
        "server_cpu_ms": round(server_ms, 3),
        "client_cpu_ms": round(client_ms, 3),
        "load_average": round(os.getloadavg()[0], 1),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
