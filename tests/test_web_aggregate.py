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
