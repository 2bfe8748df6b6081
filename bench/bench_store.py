#!/usr/bin/env python3
"""The event store at scale: ingest of stored results, filtered queries, full export.

Builds a SQLite store of ``--events`` synthetic events (default 1,000,000; two per article, shaped
like ``sitrep extract --format docs`` output, see ``_synthetic.py``) by running the real
``sitrep ingest`` on JSONL files of stored results, then measures, in this process, against the
finished store:

  ingest        events stored per second by ``sitrep ingest`` (wall and CPU time of the process)
  queries       p50/p95 of common filtered first pages (limit 100): a country and a month; a
                bounding box and an event type; a country, a type and a text word; an actor
  export        ``sitrep export --format csv`` of every event, wall time

Targets (issue 7): ingest >= 2,000 events/s; query p95 < 100 ms; export of all events < 60 s.
Exit 0 when all hold, 1 when one does not. The store is kept with --keep DIR (for bench_web.py).

    .venv/bin/python bench/bench_store.py [--events 1000000] [--order chronological] [--bulk] [--markdown]
                                          [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
from _measure import describe_machine, sitrep_argv  # noqa: E402
from _synthetic import COUNTRIES, synthetic_records  # noqa: E402
from sitrep.store import EventQuery, open_store  # noqa: E402

TARGET_INGEST = 2000.0
TARGET_P95_MS = 100.0
TARGET_EXPORT_S = 60.0
EVENTS_PER_ARTICLE = 2


def write_inputs(folder: Path, articles: int, files: int, *, chronological: bool = False) -> list[Path]:
    paths = [folder / f"results-{i:02d}.jsonl" for i in range(files)]
    per = -(-articles // files)
    records = synthetic_records(articles, seed=1, events_per_article=EVENTS_PER_ARTICLE, chronological=chronological)
    for path in paths:
        with path.open("wb") as fh:
            for _, rec in zip(range(per), records, strict=False):
                fh.write(orjson.dumps(rec) + b"\n")
    return paths


def run_child(argv: list[str], out: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one sitrep process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with (out.open("wb") if out else open("/dev/null", "wb")) as sink:
        subprocess.run(argv, check=True, stdout=sink, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_queries(url: str, queries: dict[str, list[EventQuery]]) -> dict[str, tuple[float, float, int]]:
    out = {}
    with open_store(url, readonly=True) as store:
        store.query(EventQuery(limit=1))  # warm the connection
        for name, qs in queries.items():
            times, found = [], 0
            for q in qs:
                t0 = time.perf_counter()
                page = store.query(q)
                times.append((time.perf_counter() - t0) * 1000)
                found += len(page.events)
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            out[name] = (statistics.median(times), p95, found // len(qs))
    return out


def make_queries(n: int, seed: int = 7) -> dict[str, list[EventQuery]]:
    rng = random.Random(seed)
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]
    qs: dict[str, list[EventQuery]] = {"country + month": [], "bbox + type": [], "country + type + text": [],
                                       "actor": []}
    for _ in range(n):
        iso, lat, lon, _ = rng.choice(COUNTRIES)
        year, month = rng.randrange(2010, 2025), rng.randrange(1, 13)
        qs["country + month"].append(EventQuery(country=iso, since=f"{year}-{month:02d}", until=f"{year}-{month:02d}"))
        qs["bbox + type"].append(EventQuery(bbox=(lon - 1, lat - 1, lon + 1, lat + 1), event_type=rng.choice(types)))
        qs["country + type + text"].append(EventQuery(country=iso, event_type=rng.choice(types), text="dead"))
        qs["actor"].append(EventQuery(actor=rng.choice(["police forces", "rebel group", "islamic state"])))
    return qs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=100, help="queries of each kind")
    ap.add_argument("--cmd", help="how to start sitrep (default: the venv's sitrep)")
    ap.add_argument("--keep", type=Path, help="build the store in DIR and keep it")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--order", choices=("random", "chronological"), default="random",
                    help="event dates at random over fifteen years (default: the worst case for the date indexes) "
                         "or advancing with the input, as a news feed's do")
    ap.add_argument("--bulk", action="store_true",
                    help="ingest with --bulk (query indexes dropped for the load and built at its end)")
    args = ap.parse_args()
    argv = sitrep_argv(args.cmd)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-store-") as td:
        folder = args.keep or Path(td)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "bench-store.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{db}"
        articles = args.events // EVENTS_PER_ARTICLE
        t0 = time.perf_counter()
        inputs = write_inputs(Path(td), articles, files=max(1, articles // 50_000),
                              chronological=args.order == "chronological")
        gen_s = time.perf_counter() - t0
        wall, cpu = run_child([*argv, "-q", "ingest", *map(str, inputs), "--db", url, "--batch", "1000",
                               *(["--bulk"] if args.bulk else [])])
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the ingest: the first child
        for path in inputs:
            path.unlink()
        with open_store(url, readonly=True) as store:
            stats = store.stats()
        results = time_queries(url, make_queries(args.queries))
        export_wall, export_cpu = run_child([*argv, "export", "--db", url, "--format", "csv", "--out",
                                             str(Path(td) / "all.csv")])
        size_mb = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists()) / 1e6

    ingest_rate = stats["reports"] / wall
    ok = ingest_rate >= TARGET_INGEST and export_wall < TARGET_EXPORT_S and all(
        p95 < TARGET_P95_MS for _, p95, _ in results.values())
    lines = [
        f"Machine: {describe_machine()}",
        f"Store: SQLite, {stats['events']:,} merged events from {stats['reports']:,} reports of "
        f"{stats['articles']:,} articles, {size_mb:,.0f} MB (inputs generated in {gen_s:.0f} s, dates in "
        f"{args.order} order{'; ingest --bulk' if args.bulk else ''})",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| ingest of stored results | {ingest_rate:,.0f} events/s (wall {wall:.0f} s, CPU {cpu:.0f} s: "
        f"{stats['reports'] / max(cpu, 1e-9):,.0f} events per CPU-second; peak RSS {peak_mb:,.0f} MB) "
        f"| >= {TARGET_INGEST:,.0f} events/s |",
    ]
    for name, (p50, p95, found) in results.items():
        lines.append(f"| query: {name} (first page of 100; ~{found} rows) | p50 {p50:.1f} ms, p95 {p95:.1f} ms "
                     f"| p95 < {TARGET_P95_MS:.0f} ms |")
    lines.append(f"| export of all events as CSV | {export_wall:.1f} s (CPU {export_cpu:.1f} s) "
                 f"| < {TARGET_EXPORT_S:.0f} s |")
    lines.append("")
    lines.append(f"Result: {'all targets hold' if ok else 'a target is missed'}")
    print("\n".join(lines if args.markdown else [ln.replace("|", " ").strip() for ln in lines]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
