"""Benchmark of ``sitrep serve`` over a store of 1,000,000 events in SQLite.

Measures, against a real server on localhost (uvicorn in a child process):

- ``GET /api/events?limit=100`` with a filter (type, country, date range, bbox, actor): p50/p95
  over repeated requests with varied values (target p95 < 50 ms);
- the aggregates the page asks for on first load: ``/api/map`` (world view), ``/api/timeline`` and
  ``/api/actors``, cold (first request) and warm (cached);
- the map brushed to a period (the monthly roll-ups answer zooms 0 to 7, the events grouped over
  the place index closer in): a world view over a year, over weeks (months cut at both ends), over
  a month and over a week, and views at zooms 5, 7 and 8 over the Middle East; each once, cold (a
  period not asked before, so the server's cache does not answer);
- the first map render in headless Chromium: from navigation until markers and borders are drawn
  (``window.sitrep.firstRender``; target < 2 s), when chromium and chromedriver are installed.

``--zooms`` instead times ``map_layer`` in this process, zoom by zoom, for a view of a 1280x800 page
centred on the Middle East brushed to a year and to weeks (median of three periods): how far in the
monthly roll-ups pay.

The store is built from ``bench/_synthetic.py`` records with ``Store.add`` (``--articles`` of them,
about two events each); because merging ingest is far slower than reading, the events table is then
filled to ``--events`` rows by copying stored events with shifted dates and places (their sources
and articles are shared with the originals). Every query the web reads runs against the events
table, so the read paths are measured at full size. ``--keep DIR`` keeps the store for re-runs.

Run: .venv/bin/python bench/bench_web.py [--events 1000000] [--keep /tmp/sitrep-web-bench] [--zooms]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _synthetic import COUNTRIES, synthetic_records
from sitrep.store import open_store

TARGET_P95_MS = 50.0
TARGET_RENDER_S = 2.0
_COPY_COLUMNS = ("event_type, sub_event_type, country, admin1, location, latitude, longitude, geo_precision, "
                 "feature, area, date_value, date_low, date_high, actor1, actor2, inter1, inter2, fatalities_low, "
                 "fatalities_best, "
                 "fatalities_high, number_of_sources, first_reported, last_reported, article_key, search, record, "
                 "updated_at")


def build(url: str, *, articles: int, events: int) -> dict[str, int]:
    with open_store(url) as store:
        if store.stats()["events"] >= events:
            return store.stats()
        batch = []
        for record in synthetic_records(articles, seed=1):
            batch.append(record)
            if len(batch) == 1000:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
        base = store.stats()["events"]
        copy = 0
        while store.stats()["events"] < events:
            copy += 1
            need = events - store.stats()["events"]
            with store.db.transaction():
                # each copy: a new public id, dates shifted by whole weeks, places nudged a little
                store.db.execute(
                    f"INSERT INTO events (event_id, {_COPY_COLUMNS}) SELECT event_id || '-c' || ?, "
                    "event_type, sub_event_type, country, admin1, location, "
                    "latitude + ((id * 7919 + ?) % 1000 - 500) / 2000.0, "
                    "longitude + ((id * 104729 + ?) % 1000 - 500) / 2000.0, geo_precision, feature, area, date_value, "
                    "CASE WHEN date_low = '' THEN '' ELSE date(date_low, '-' || (? * 7 % 700) || ' days') END, "
                    "CASE WHEN date_high = '' THEN '' ELSE date(date_high, '-' || (? * 7 % 700) || ' days') END, "
                    "actor1, actor2, inter1, inter2, fatalities_low, fatalities_best, fatalities_high, "
                    "number_of_sources, first_reported, last_reported, article_key, search, record, updated_at "
                    "FROM events WHERE id <= ? AND event_id NOT LIKE '%-c%' ORDER BY id LIMIT ?",
                    (copy, copy, copy * 3, copy, copy, base * 10, need))
        store.db.execute("ANALYZE")
        return store.stats()


# The map brushed to a period: the timeline's buckets are months (a year) or weeks (months cut at
# both ends); views as a 1280x800 page shows them. A different period each, so no cache answers.
_WORLD = {"zoom": "2", "bbox": "-180,-85,180,85"}
BRUSHED: list[tuple[str, dict[str, str]]] = [
    ("map, world view, one year brushed", {**_WORLD, "since": "2019-01-01", "until": "2019-12-31"}),
    ("map, world view, weeks brushed (months cut at both ends)",
     {**_WORLD, "since": "2018-01-08", "until": "2018-12-30"}),
    ("map, world view, one month brushed", {**_WORLD, "since": "2017-06-01", "until": "2017-06-30"}),
    ("map, world view, one week brushed", {**_WORLD, "since": "2016-06-06", "until": "2016-06-12"}),
    ("map, world view, one year brushed, filtered by type",
     {**_WORLD, "since": "2016-01-01", "until": "2016-12-31", "event_type": "Battles"}),
    ("map, zoom 5 over the Middle East, one year brushed",
     {"zoom": "5", "bbox": "12,12.5,68,47.5", "since": "2015-01-01", "until": "2015-12-31"}),
    ("map, zoom 7 over Syria and Iraq, one year brushed",
     {"zoom": "7", "bbox": "33,25.5,47,34.5", "since": "2014-01-01", "until": "2014-12-31"}),
    ("map, zoom 8 over Syria, one year brushed (grouped: no monthly roll-up)",
     {"zoom": "8", "bbox": "35,33,42,37", "since": "2013-01-01", "until": "2013-12-31"}),
]


def brushed_by_zoom(url: str) -> list[str]:
    """Table rows: the map brushed to a year and to weeks at zooms 2 to 9, timed in this process."""
    from sitrep.store import EventQuery
    from sitrep.store.aggregate import map_layer

    periods = {"a year": [(f"{y}-01-01", f"{y}-12-31") for y in (2017, 2018, 2019)],
               "weeks (months cut at both ends)": [("2017-01-09", "2017-12-31"), ("2018-01-08", "2018-12-30"),
                                                   ("2019-01-07", "2019-12-29")]}
    rows = []
    with open_store(url, readonly=True) as store:
        for zoom in range(2, 10):
            w, h = 1280 / 256 * 360 / 2 ** zoom, 800 / 256 * 360 / 2 ** zoom
            bbox = (max(-180, 40 - w / 2), max(-85, 30 - h / 2), min(180, 40 + w / 2), min(85, 30 + h / 2))
            for name, spans in periods.items():
                times = []
                for since, until in spans:
                    t = time.perf_counter()
                    out = map_layer(store.db, EventQuery(since=since, until=until, bbox=bbox), zoom=zoom)
                    times.append(time.perf_counter() - t)
                rows.append(f"| zoom {zoom} ({w:.0f}°×{h:.0f}°), {name} | {statistics.median(times) * 1000:.0f} ms "
                            f"| {out['mode']}, {out['located']:,} located |")
    return rows


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def time_requests(base: str, path: str, params_list: list[dict[str, str]]) -> tuple[float, float, int]:
    times = []
    found = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        for params in params_list:
            t0 = time.perf_counter()
            r = client.get(path, params=params)
            times.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
            found = max(found, len(r.json().get("events", [])))
    return statistics.median(times), percentile(times, 95), found


def filter_sets(n: int, rng: random.Random) -> dict[str, list[dict[str, str]]]:
    types = ["Battles", "Protests", "Violence against civilians", "Explosions/Remote violence", "Riots"]
    out: dict[str, list[dict[str, str]]] = {"type": [], "country": [], "date range": [], "bbox": [], "actor": [],
                                             "type + country + since": []}
    for _ in range(n):
        c = rng.choice(COUNTRIES)
        year = rng.randint(2011, 2023)
        out["type"].append({"event_type": rng.choice(types)})
        out["country"].append({"country": c[0]})
        out["date range"].append({"since": f"{year}-{rng.randint(1, 12):02d}", "until": f"{year + 1}-06"})
        out["bbox"].append({"bbox": f"{c[2] - 1},{c[1] - 1},{c[2] + 1},{c[1] + 1}"})
        out["actor"].append({"actor": rng.choice(["military", "police", "rebel", "unidentified"])})
        out["type + country + since"].append({"event_type": rng.choice(types), "country": c[0],
                                              "since": f"{year}-01"})
    for values in out.values():
        for params in values:
            params["limit"] = "100"
    return out


def first_render(base: str) -> float | None:
    try:
        from _web_support import start_chromium
    except ImportError:
        return None
    import pytest

    try:
        driver = start_chromium()
    except pytest.skip.Exception as e:
        print(f"first render not measured: {e}", file=sys.stderr)
        return None
    try:
        times = []
        for _ in range(3):
            driver.get("about:blank")
            driver.get(base + "/")
            deadline = time.monotonic() + 30
            value = None
            while time.monotonic() < deadline:
                value = driver.execute_script("return window.sitrep && window.sitrep.firstRender")
                if value:
                    break
                time.sleep(0.02)
            nav = driver.execute_script("return performance.timeOrigin")
            if value and nav:
                times.append(float(value) / 1000)
        return max(times) if times else None
    finally:
        driver.quit()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=20_000, help="synthetic articles stored with Store.add")
    ap.add_argument("--requests", type=int, default=100, help="requests per filter kind")
    ap.add_argument("--keep", type=Path, help="build (or reuse) the store in DIR")
    ap.add_argument("--store", metavar="URL", help="measure this existing store instead of building one (e.g. the "
                                                     "one `bench_store.py --keep DIR` made with sitrep ingest)")
    ap.add_argument("--zooms", action="store_true", help="time the brushed map zoom by zoom in this process, "
                                                              "then stop")
    args = ap.parse_args()
    if args.zooms:
        if not (args.store or args.keep):
            ap.error("--zooms measures a store already built: give --store URL or --keep DIR")
        print("| brushed view | map_layer | answer |\n|---|---|---|")
        print("\n".join(brushed_by_zoom(args.store or f"sqlite:///{((args.keep or Path('.')) / 'bench-web.db')}")))
        return 0
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-web-") as td:
        folder = args.keep or Path(td)
        folder.mkdir(parents=True, exist_ok=True)
        url = args.store or f"sqlite:///{(folder / 'bench-web.db').as_posix()}"
        t0 = time.perf_counter()
        if args.store:
            with open_store(url, readonly=True) as store:
                stats = store.stats()
        else:
            stats = build(url, articles=args.articles, events=args.events)
        build_s = time.perf_counter() - t0
        port = 8765 + os.getpid() % 1000
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "sitrep", "-q", "serve", "--db", url, "--port", str(port)])
        try:
            for _ in range(200):
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            rng = random.Random(5)
            world = {"zoom": "2", "bbox": "-180,-85,180,85"}
            with httpx.Client(base_url=base, timeout=120) as client:
                cold = {}
                for name, path, params in (("map, world view", "/api/map", world),
                                           ("timeline", "/api/timeline", {})):
                    t = time.perf_counter()
                    client.get(path, params=params).raise_for_status()
                    cold[name] = time.perf_counter() - t
                    t = time.perf_counter()
                    client.get(path, params=params).raise_for_status()
                    cold[name + " (cached)"] = time.perf_counter() - t
                t = time.perf_counter()
                client.get("/api/map", params={"zoom": "6", "bbox": "36,33,40,37"}).raise_for_status()
                cold["map, zoom 6 over Syria"] = time.perf_counter() - t
                t = time.perf_counter()
                client.get("/api/map", params={"zoom": "2", "bbox": "-180,-85,180,85",
                                               "event_type": "Protests"}).raise_for_status()
                cold["map, world view, filtered by type"] = time.perf_counter() - t
            results = {name: time_requests(base, "/api/events", params)
                       for name, params in filter_sets(args.requests, rng).items()}
            render = first_render(base)  # cold: the page's own view, actor list and timeline
            with httpx.Client(base_url=base, timeout=120) as client:
                for name, params in BRUSHED:
                    t = time.perf_counter()
                    client.get("/api/map", params=params).raise_for_status()
                    cold[name] = time.perf_counter() - t
                for name, params in (("actors, top 250", {"limit": "250"}),
                                     ("actors, top 250 of one country (grouped, no roll-up)",
                                      {"limit": "250", "country": "SYR"})):
                    t = time.perf_counter()
                    client.get("/api/actors", params=params).raise_for_status()
                    cold[name] = time.perf_counter() - t
        finally:
            server.terminate()
            server.wait(timeout=10)
    how = (f"the store at {url}" if args.store else
           f"{stats['articles']:,} articles stored with Store.add, the rest copies, built in {build_s:.0f} s")
    print(f"Store: SQLite, {stats['events']:,} events ({how})")
    print("| measure | value | target |\n|---|---|---|")
    ok = True
    for name, (p50, p95, found) in results.items():
        ok &= p95 < TARGET_P95_MS
        print(f"| /api/events?limit=100, filter: {name} ({found} returned) | p50 {p50:.1f} ms, p95 {p95:.1f} ms "
              f"| p95 < {TARGET_P95_MS:.0f} ms |")
    for name, seconds in cold.items():
        print(f"| {name} | {seconds * 1000:.0f} ms | |")
    if render is not None:
        ok &= render < TARGET_RENDER_S
        print(f"| first map render in headless Chromium (worst of 3) | {render:.2f} s | < {TARGET_RENDER_S:.0f} s |")
    else:
        print("| first map render | not measured (no chromium/chromedriver) | < 2 s |")
    print(f"\nResult: {'all targets hold' if ok else 'a target is missed'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
