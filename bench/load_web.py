"""How does the web view hold up under concurrent readers?

Starts ``accord serve`` (uvicorn, one worker) on loopback in a subprocess, then fires
``--requests`` GETs with ``--concurrency`` in flight from this process (httpx AsyncClient):
70% story pages, 20% the story list, 10% searches. Prints p50/p99 latency, throughput and the
error count (any non-200 answer or transport error). Pages are warmed first: the numbers are
for the cached steady state a reader sees, not for the first render.

Usage::

    python bench/load_web.py                       # a synthetic folder of 8 stories
    python bench/load_web.py --folder out/ --requests 1000 --concurrency 50
"""

from __future__ import annotations

import argparse
import asyncio
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
        "evacuated",
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


def plan(stories: list[str], total: int) -> list[str]:
    """The request mix, deterministic: 7 of 10 story pages, 2 lists, 1 search."""
    paths = []
    for i in range(total):
        kind = i % 10
        if kind < 7:
            paths.append(f"/stories/{stories[i % len(stories)]}")
        elif kind < 9:
            paths.append("/")
        else:
            paths.append("/?q=valley")
    return paths


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
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            folder = Path(tmp)
            for story in range(8):
                write_all(synthetic_dossier(story), folder / f"story-{story}")
        stories = sorted(p.parent.name for p in folder.glob("*/dossier.json"))
        if not stories:
            raise SystemExit(f"{folder}: no <story>/dossier.json inside")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        code = f"from accord.web import serve; serve({str(folder)!r}, port={port})"
        server = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_until_up(base, server)
            for path in {*plan(stories, len(stories) * 10)}:  # warm every page once
                httpx.get(base + path, timeout=30)
            latencies, errors, wall = asyncio.run(
                fire(base, plan(stories, args.requests), args.concurrency)
            )
        finally:
            server.terminate()
            server.wait(timeout=10)

    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, round(0.99 * len(ms)) - 1)]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cpus, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}; date: {date.today()}"
    )
    print(f"stories: {len(stories)}; requests: {len(ms)}; concurrency: {args.concurrency}")
    print(
        f"p50 {statistics.median(ms):.1f} ms · p99 {p99:.1f} ms · max {ms[-1]:.1f} ms · "
        f"{len(ms) / wall:.0f} req/s · errors {errors}"
    )


if __name__ == "__main__":
    main()
