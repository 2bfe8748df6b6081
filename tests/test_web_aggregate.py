"""Server-side aggregates (sitrep.store.aggregate) agree with counting the events in Python, and
give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _web_support import build_sample_store, postgres_schema
from sitrep.store import EventQuery, open_store
from sitrep.store import aggregate as agg


@pytest.fixture(scope="session")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_sample_store(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def records(sample_url: str) -> list[dict[str, Any]]:
    with open_store(sample_url, readonly=True) as store:
        keys = [r[0] for r in store.db.all("SELECT key FROM articles ORDER BY id")]
        out = []
        for key in keys:
            record = store.article(key)
            assert record is not None
            record.pop("merged_event_ids", None)
            out.append(record)
    return out


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, records: list[dict[str, Any]], tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{(tmp_path / 'agg.db').as_posix()}"
        with open_store(url) as store:
            store.add(records)
        yield url
        return
    with postgres_schema() as url:
        with open_store(url) as store:
            store.add(records)
        yield url


QUERIES = [EventQuery(), EventQuery(event_type="Battles"), EventQuery(country="SDN"),
           EventQuery(since="2017-01-01", until="2017-12-31"), EventQuery(bbox=(20.0, 0.0, 50.0, 40.0)),
           EventQuery(actor="islamic"), EventQuery(text="killed")]


def _events(url: str, q: EventQuery) -> list[dict[str, Any]]:
    with open_store(url, readonly=True) as store:
        return list(store.iter_events(q))


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: str(q.describe()))
def test_web_aggregate_timeline_counts_every_event(store_url: str, q: EventQuery) -> None:
    events = _events(store_url, q)
    with open_store(store_url, readonly=True) as store:
        for interval in ("day", "month", "year"):
            got = agg.timeline(store.db, q, interval=interval)
            width = {"day": 10, "month": 7, "year": 4}[interval]
            want = Counter(e["date"]["low"][:width] for e in events if (e.get("date") or {}).get("low"))
            assert {b["period"]: b["count"] for b in got["buckets"]} == dict(want)
            assert got["total"] == len(events)
        weeks = agg.timeline(store.db, q, interval="week")
        assert sum(b["count"] for b in weeks["buckets"]) + weeks["undated"] == len(events)
        for b in weeks["buckets"]:
            import datetime as dt
            assert dt.date.fromisoformat(b["start"]).weekday() == 0


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: str(q.describe()))
def test_web_aggregate_actors_and_places(store_url: str, q: EventQuery) -> None:
    events = _events(store_url, q)
    want: Counter[str] = Counter()
    for e in events:
        for side in ("actor1", "actor2"):
            if e.get(side) and e[side].get("name"):
                want[e[side]["name"]] += 1
    with open_store(store_url, readonly=True) as store:
        got = agg.actors(store.db, q, limit=1000)
        assert {a["name"]: a["count"] for a in got} == dict(want)
        counts = [a["count"] for a in got]
        assert counts == sorted(counts, reverse=True)
        places = agg.places(store.db, q, limit=1000)
        assert sum(p["count"] for p in places) == sum(1 for e in events if (e.get("location") or {}).get("name"))


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: str(q.describe()))
def test_web_aggregate_map_points_cells_and_areas(store_url: str, q: EventQuery) -> None:
    events = _events(store_url, q)

    def is_area(e: dict[str, Any]) -> bool:
        loc = e.get("location") or {}
        return agg.area_kind(loc.get("feature"), loc.get("geo_precision"), loc.get("country"),
                             loc.get("admin1")) is not None

    located = [e for e in events if (e.get("location") or {}).get("latitude") is not None]
    precise = [e for e in located if (e["location"].get("geo_precision") or 1) < 3]
    with open_store(store_url, readonly=True) as store:
        points = agg.map_layer(store.db, q, zoom=3)
        assert points["mode"] == "points" and points["located"] == len(precise)
        assert {p["event_id"] for p in points["points"]} == {e["event_id"] for e in precise}
        assert not any(is_area(e) and e["location"].get("geo_precision", 1) >= 3 for e in precise)
        cells = agg.map_layer(store.db, q, zoom=4, max_points=0)
        assert cells["mode"] == "cells" and sum(c["count"] for c in cells["cells"]) == len(precise)
        for c in cells["cells"]:
            w, s, e, n = c["bbox"]
            assert w - 1e-6 <= c["lon"] <= e + 1e-6 and s - 1e-6 <= c["lat"] <= n + 1e-6
        areas = points["areas"]
        assert {a["kind"] for a in areas} <= {"country", "admin1", "region"}
        listed = {ev["event_id"] for a in areas for ev in a.get("events", [])}
        assert sum(a["count"] for a in areas) == len(listed)
        assert not listed & {e["event_id"] for e in precise}


def test_web_aggregate_backends_agree(records: list[dict[str, Any]], tmp_path: Path) -> None:
    lite = f"sqlite:///{(tmp_path / 'a.db').as_posix()}"
    with open_store(lite) as store:
        store.add(records)
    with postgres_schema() as pg:
        with open_store(pg) as store:
            store.add(records)
        for q in QUERIES:
            with open_store(lite, readonly=True) as a, open_store(pg, readonly=True) as b:
                for interval in ("week", "month"):
                    assert agg.timeline(a.db, q, interval=interval) == agg.timeline(b.db, q, interval=interval)
                assert agg.map_layer(a.db, q, zoom=5, max_points=0)["cells"] == \
                    agg.map_layer(b.db, q, zoom=5, max_points=0)["cells"]
                sa = {(x["kind"], x["country"], x["name"], x["count"]) for x in agg.map_layer(a.db, q, zoom=2)["areas"]}
                sb = {(x["kind"], x["country"], x["name"], x["count"]) for x in agg.map_layer(b.db, q, zoom=2)["areas"]}
                assert sa == sb


def test_web_aggregate_rejects_bad_values(sample_url: str) -> None:
    from sitrep.errors import ConfigError

    with open_store(sample_url, readonly=True) as store:
        with pytest.raises(ConfigError, match="interval"):
            agg.timeline(store.db, EventQuery(), interval="fortnight")
        with pytest.raises(ConfigError, match="zoom"):
            agg.map_layer(store.db, EventQuery(), zoom=99)
        with pytest.raises(ConfigError, match="limit"):
            agg.actors(store.db, EventQuery(), limit=0)


# -- roll-ups -------------------------------------------------------------------------------------
# The map and timeline read per-cell, per-area and per-day counts kept by triggers. ``min_sources=1``
# matches every stored event but is a filter the roll-ups do not answer, so it forces the grouped
# query: the two must agree.
GROUPED = {"min_sources": 1}


def _same_cells(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> None:
    assert [(c["bbox"], c["count"], c["types"]) for c in a] == [(c["bbox"], c["count"], c["types"]) for c in b]
    for x, y in zip(a, b, strict=True):
        assert x["lat"] == pytest.approx(y["lat"], abs=1e-4) and x["lon"] == pytest.approx(y["lon"], abs=1e-4)


def _area_counts(areas: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((a["kind"], a["country"] or "", a["admin1"] or "", a["count"], tuple(sorted(a["types"].items())))
                  for a in areas)


@pytest.mark.parametrize("event_type", [None, "Battles"])
def test_web_aggregate_rollups_agree_with_grouping(store_url: str, event_type: str | None) -> None:
    with open_store(store_url, readonly=True) as store:
        for zoom in (0, 2, 5, 8):
            rolled = agg.map_layer(store.db, EventQuery(event_type=event_type), zoom=zoom, max_points=0)
            grouped = agg.map_layer(store.db, EventQuery(event_type=event_type, **GROUPED), zoom=zoom, max_points=0)
            assert rolled["mode"] == grouped["mode"] == "cells"
            assert rolled["located"] == grouped["located"] > 0
            _same_cells(rolled["cells"], grouped["cells"])
            assert _area_counts(rolled["areas"]) == _area_counts(grouped["areas"])
        assert agg.actors(store.db, EventQuery(event_type=event_type), limit=1000) == \
            agg.actors(store.db, EventQuery(event_type=event_type, **GROUPED), limit=1000)
        for interval in ("auto", "day", "week", "month", "year"):
            assert agg.timeline(store.db, EventQuery(event_type=event_type), interval=interval) == \
                agg.timeline(store.db, EventQuery(event_type=event_type, **GROUPED), interval=interval)


def test_web_aggregate_rollup_view_counts_whole_cells(store_url: str) -> None:
    with open_store(store_url, readonly=True) as store:
        everything = agg.map_layer(store.db, EventQuery(), zoom=3, max_points=0)
        cell = max(everything["cells"], key=lambda c: c["count"])
        w, s, e, n = cell["bbox"]
        inner = (w + (e - w) / 3, s + (n - s) / 3, e - (e - w) / 3, n - (n - s) / 3)  # a view inside that cell
        view = agg.map_layer(store.db, EventQuery(bbox=inner), zoom=3, max_points=0)
        assert [c["count"] for c in view["cells"]] == [cell["count"]]
        # with few enough events the page gets the points themselves, only those in view
        points = agg.map_layer(store.db, EventQuery(bbox=inner), zoom=3)
        assert points["mode"] == "points"
        assert all(w <= p["lon"] <= e and s <= p["lat"] <= n for p in points["points"])
        assert points["located"] == len(points["points"]) <= cell["count"]


def _recount(db: Any) -> dict[str, Counter[tuple[Any, ...]]]:
    """The roll-ups as they should be, counted in Python from the events table."""
    want: dict[str, Counter[tuple[Any, ...]]] = {"cells": Counter(), "areas": Counter(), "days": Counter(),
                                                 "actors": Counter()}
    for event_type, lat, lon, area, country, admin1, location, date_low, actor1, actor2 in db.all(
            "SELECT event_type, latitude, longitude, area, country, admin1, location, date_low, actor1, actor2 "
            "FROM events"):
        want["days"][((date_low or "")[:10], event_type)] += 1
        for side, name in ((1, actor1), (2, actor2)):
            if name is not None:
                want["actors"][(name, event_type, side)] += 1
        if area:
            key = (area, country or "", "" if area == "country" else admin1 or "",
                   location or "" if area == "region" else "")
            want["areas"][(*key, event_type)] += 1
        elif lat is not None and lon is not None:
            for level in range(9):
                size = agg.cell_size(level)
                want["cells"][(level, int((lon + 180.0) // size), int((lat + 90.0) // size), event_type)] += 1
    return want


def _stored(db: Any) -> dict[str, Counter[tuple[Any, ...]]]:
    return {
        "cells": Counter({tuple(r[:4]): int(r[4]) for r in db.all(
            "SELECT level, gx, gy, event_type, n FROM rollup_cells WHERE n <> 0")}),
        "areas": Counter({tuple(r[:5]): int(r[5]) for r in db.all(
            "SELECT area, country, admin1, location, event_type, n FROM rollup_areas WHERE n <> 0")}),
        "days": Counter({tuple(r[:2]): int(r[2]) for r in db.all(
            "SELECT day, event_type, n FROM rollup_days WHERE n <> 0")}),
        "actors": Counter({(r[0], r[1], side): int(r[1 + side]) for r in db.all(
            "SELECT name, event_type, as1, as2 FROM rollup_actors WHERE n <> 0") for side in (1, 2) if r[1 + side]}),
    }


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_web_aggregate_rollups_follow_every_write(backend: str, tmp_path: Path) -> None:
    from store_helpers import clash_report, event, record
    from store_helpers import store_url as fresh_url

    sent_a = "Syrian Democratic Forces fighters clashed with Islamic State militants in Raqqa on Monday."
    sent_b = "Fighters of the Syrian Democratic Forces clashed with Islamic State militants in Raqqa on Monday."
    for url in fresh_url(backend, tmp_path):
        with open_store(url) as store:
            store.add([clash_report("a1", sent_a, deaths=12), clash_report("a2", sent_b, deaths=15)])
            store.add([record("a3", "Protesters gathered in Homs.", [event(
                "a3-e0", "a3", "Protesters gathered in Homs.", event_type="Protests", sub="Peaceful protest",
                place=("Homs", 34.73, 36.72, "SYR"), day="2017-10-12", actors=())])])
            store.add([record("a4", "Fighting in Syria.", [event(
                "a4-e0", "a4", "Fighting in Syria.", place=("Syria", 35.0, 38.0, "SYR"), geo_precision=3,
                day="2017-10-10")])])
            assert _stored(store.db) == _recount(store.db)
            [merged] = [e for e in store.iter_events() if e["number_of_sources"] == 2]
            store.split(merged["event_id"], "a2")  # inserts, updates and re-fuses events
            assert _stored(store.db) == _recount(store.db)
            store.add([clash_report("a1", sent_a.replace("Raqqa", "Deir ez-Zor"), deaths=3,
                                    place=("Deir ez-Zor", 35.33, 40.14, "SYR"), day="2017-10-09")])  # a new version
            assert _stored(store.db) == _recount(store.db)
            with store.db.transaction():  # plain SQL keeps them right too
                store.db.execute("UPDATE events SET event_type = 'Riots' WHERE event_type = 'Protests'")
                store.db.execute("DELETE FROM event_sources WHERE event_id IN (SELECT id FROM events "
                                 "WHERE area <> '')")
                store.db.execute("DELETE FROM events WHERE area <> ''")
            assert _stored(store.db) == _recount(store.db)
            assert store.db.scalar("SELECT COUNT(*) FROM rollup_days WHERE event_type = 'Riots' AND n > 0") == 1


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_web_aggregate_upgrading_a_store_fills_its_rollups(backend: str, records: list[dict[str, Any]],
                                                           tmp_path: Path) -> None:
    from store_helpers import store_url as fresh_url

    for url in fresh_url(backend, tmp_path):
        with open_store(url) as store:
            store.add(records)
            want = _recount(store.db)
            # take the store back to schema 1, as a store written by an earlier sitrep
            with store.db.transaction():
                if backend == "sqlite":
                    for trigger in ("insert", "delete", "update"):
                        store.db.execute(f"DROP TRIGGER events_rollup_{trigger}")
                else:
                    store.db.execute("DROP FUNCTION sitrep_events_rollup() CASCADE")
                for table in ("rollup_cells", "rollup_areas", "rollup_days", "rollup_actors", "rollup_levels"):
                    store.db.execute(f"DROP TABLE {table}")
                store.db.execute("CREATE INDEX events_timeline ON events (date_low, event_type, country)")
                store.db.execute("CREATE INDEX mentions_kind_name ON mentions (kind, name)")
                store.db.execute("UPDATE store_meta SET value = '1' WHERE key = 'schema_version'")
        from sitrep.errors import StoreError

        with pytest.raises(StoreError, match="schema version 1 and needs upgrading"):
            open_store(url, readonly=True)
        with open_store(url) as store:  # a writer upgrades it
            assert _stored(store.db) == want
            indexes = {r[0] for r in store.db.all(
                "SELECT name FROM sqlite_master WHERE type = 'index'" if backend == "sqlite" else
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
            assert "events_map" in indexes and not {"events_timeline", "mentions_kind_name"} & indexes
            assert sum(want["days"].values()) == store.stats()["events"]
