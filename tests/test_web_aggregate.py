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
from sitrep.store.schema import ROLLUP_MONTH_LEVELS, ROLLUP_MONTH_MAX_ZOOM, ROLLUP_TABLES


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
    precise = [e for e in located if not is_area(e)]  # a district ("Madina district") is an area too
    with open_store(store_url, readonly=True) as store:
        points = agg.map_layer(store.db, q, zoom=3)
        assert points["mode"] == "points" and points["located"] == len(precise)
        assert {p["event_id"] for p in points["points"]} == {e["event_id"] for e in precise}
        assert all((e["location"].get("geo_precision") or 1) < 3 for e in precise)
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
    want: dict[str, Counter[tuple[Any, ...]]] = {name: Counter() for name in (
        "cells", "areas", "days", "actors", "cells_month", "areas_month")}
    for event_type, lat, lon, area, country, admin1, location, date_low, date_high, actor1, actor2 in db.all(
            "SELECT event_type, latitude, longitude, area, country, admin1, location, date_low, date_high, actor1, "
            "actor2 FROM events"):
        want["days"][((date_low or "")[:10], event_type)] += 1
        months = ((date_low or "")[:7], (date_high or "")[:7]) if date_low else None  # no period finds undated
        for side, name in ((1, actor1), (2, actor2)):
            if name is not None:
                want["actors"][(name, event_type, side)] += 1
        if area:
            key = (area, country or "", "" if area == "country" else admin1 or "",
                   location or "" if area == "region" else "")
            want["areas"][(*key, event_type)] += 1
            if months:
                want["areas_month"][(*months, event_type, *key)] += 1
        elif lat is not None and lon is not None:
            for level in range(9):
                size = agg.cell_size(level)
                cell = (int((lon + 180.0) // size), int((lat + 90.0) // size))
                want["cells"][(level, *cell, event_type)] += 1
                if months and level in ROLLUP_MONTH_LEVELS:
                    want["cells_month"][(level, *months, event_type, *cell)] += 1
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
        "cells_month": Counter({tuple(r[:6]): int(r[6]) for r in db.all(
            "SELECT level, month, high_month, event_type, gx, gy, n FROM rollup_cells_month WHERE n <> 0")}),
        "areas_month": Counter({tuple(r[:7]): int(r[7]) for r in db.all(
            "SELECT month, high_month, event_type, area, country, admin1, location, n FROM rollup_areas_month "
            "WHERE n <> 0")}),
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
                store.db.execute("UPDATE events SET date_high = '2017-11-02' WHERE event_type = 'Riots'")
                store.db.execute("UPDATE events SET date_low = '2017-09-28' WHERE area = ''")
                store.db.execute("DELETE FROM event_sources WHERE event_id IN (SELECT id FROM events "
                                 "WHERE area <> '')")
                store.db.execute("DELETE FROM events WHERE area <> ''")
            assert _stored(store.db) == _recount(store.db)
            assert store.db.scalar("SELECT COUNT(*) FROM rollup_days WHERE event_type = 'Riots' AND n > 0") == 1
            assert store.db.scalar("SELECT COUNT(*) FROM rollup_cells_month WHERE high_month = '2017-11' "
                                   "AND n > 0") == len(ROLLUP_MONTH_LEVELS)
            with store.db.transaction():
                store.db.execute("DELETE FROM event_sources")
                store.db.execute("DELETE FROM events")
            assert not any(_stored(store.db).values())


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_web_aggregate_a_batch_keeps_its_rollups_in_one_pass(backend: str, tmp_path: Path) -> None:
    """On SQLite a batch leaves the roll-ups of the events it creates to one grouped pass at its end
    (events of earlier batches keep their triggers): a batch that creates events, merges reports
    into them and into an earlier batch's event, and creates events it then re-fuses, counts each
    event once, as it stands at the end."""
    from store_helpers import clash_report
    from store_helpers import store_url as fresh_url

    sent = "Syrian Democratic Forces fighters clashed with Islamic State militants in {} on Monday."
    homs = {"place": ("Homs", 34.73, 36.72, "SYR"), "actors": ("syr-military",)}
    for url in fresh_url(backend, tmp_path):
        with open_store(url) as store:
            store.add([clash_report("b1", sent.format("Raqqa"), deaths=4)])
            store.add([clash_report("b2", sent.format("Raqqa") + " Four died.", deaths=5),  # joins b1's event
                       clash_report("b3", sent.format("Homs"), **homs),  # new ...
                       clash_report("b4", sent.format("Homs") + " Two died.", deaths=2, **homs)])  # ... and joined
            events = sorted(e["number_of_sources"] for e in store.iter_events())
            assert events == [2, 2]
            assert _stored(store.db) == _recount(store.db)
            assert sum(_stored(store.db)["days"].values()) == 2
            if backend == "sqlite":
                assert store.db.scalar("SELECT COUNT(*) FROM rollup_pause") == 0


def _drop_rollup_triggers(db: Any, backend: str) -> None:
    """Take a store's roll-up triggers away (to make it look like one an older sitrep wrote)."""
    if backend == "sqlite":
        for trigger in ("insert", "delete", "update"):
            db.execute(f"DROP TRIGGER events_rollup_{trigger}")
    else:
        db.execute("DROP FUNCTION sitrep_events_rollup() CASCADE")


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_web_aggregate_upgrading_a_store_fills_its_rollups(backend: str, records: list[dict[str, Any]],
                                                           tmp_path: Path) -> None:
    from store_helpers import store_url as fresh_url
    from store_helpers import undo_migration_6

    for url in fresh_url(backend, tmp_path):
        with open_store(url) as store:
            store.add(records)
            want = _recount(store.db)
            # take the store back to schema 1, as a store written by an earlier sitrep
            with store.db.transaction():
                _drop_rollup_triggers(store.db, backend)
                for table in (*ROLLUP_TABLES, "rollup_levels", "rollup_pause"):
                    store.db.execute(f"DROP TABLE {table}")
                store.db.execute("CREATE INDEX events_timeline ON events (date_low, event_type, country)")
                undo_migration_6(store.db)
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


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_web_aggregate_upgrading_a_schema_3_store_fills_its_monthly_rollups(backend: str, tmp_path: Path) -> None:
    from sitrep.store import schema
    from store_helpers import store_url as fresh_url
    from store_helpers import undo_migration_6

    for url in fresh_url(backend, tmp_path):
        with open_store(url) as store:
            store.add(_ranged_records(60))
            want = _recount(store.db)
            # take the store back to schema 3: the roll-ups and triggers of migration 2, no monthly ones
            with store.db.transaction():
                _drop_rollup_triggers(store.db, backend)
                store.db.execute("DROP TABLE rollup_cells_month")
                store.db.execute("DROP TABLE rollup_areas_month")
                store.db.execute("DROP TABLE rollup_pause")
                undo_migration_6(store.db)
                triggers = schema._sqlite_triggers if backend == "sqlite" else schema._postgres_triggers
                for statement in triggers(months=False):
                    store.db.execute(statement)
                store.db.execute("UPDATE store_meta SET value = '3' WHERE key = 'schema_version'")
            store.add(_ranged_records(90)[60:])  # written by a sitrep that knows no monthly roll-ups
            want = _recount(store.db)
            assert "rollup_cells_month" not in store.db.tables()
        with open_store(url) as store:  # a writer upgrades it
            assert _stored(store.db) == want
            assert store.db.scalar("SELECT value FROM store_meta WHERE key = 'schema_version'") == \
                str(schema.SCHEMA_VERSION)
            store.add(_ranged_records(120)[90:])  # and the new triggers keep them
            assert _stored(store.db) == _recount(store.db)


# -- monthly roll-ups: a map brushed to a period --------------------------------------------------
def _ranged_records(n: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """One event per article, all over the world, from 2016 to 2018, some dated to a day and some
    to a range of days: across a month's end, over a year, from a day to an unknown end; and a few
    undated, known only to a region, or only to a country (no coordinates)."""
    import datetime as dt
    import random

    from store_helpers import event, record

    rng = random.Random(seed)
    types = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
             ("Explosions/Remote violence", "Air/drone strike")]
    out = []
    for i in range(n):
        event_type, sub = rng.choice(types)
        low = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        high = low + dt.timedelta(days=rng.choice([0, 0, 0, 0, 2, 9, 25, 40, 200, 380, 520]))
        lat, lon = round(rng.uniform(-60, 70), 3), round(rng.uniform(-180, 179.99), 3)
        sentence = f"Fighting in Place{i} killed people."
        ev = event(f"m{i}-e0", f"m{i}", sentence, event_type=event_type, sub=sub, place=(f"Place{i}", lat, lon, "SYR"),
                   day=low.isoformat(), actors=(f"group{i}",), geo_precision=3 if rng.random() < 0.15 else 1)
        ev["date"]["high"] = high.isoformat()
        roll = rng.random()
        if roll < 0.05:
            ev["date"].update(low=None, high=None, value=None)  # undated
        elif roll < 0.08:
            ev["date"]["high"] = None  # no known end
        elif roll < 0.13:
            ev["location"].update(latitude=None, longitude=None, feature="country")  # only a country
        out.append(record(f"m{i}", sentence, [ev], published=high.isoformat()))
    return out


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def ranged_url(request: pytest.FixtureRequest, records: list[dict[str, Any]],
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{(tmp_path_factory.mktemp('months') / 'months.db').as_posix()}"
        with open_store(url) as store:
            store.add(records + _ranged_records(400))
        yield url
        return
    with postgres_schema() as url:
        with open_store(url) as store:
            store.add(records + _ranged_records(400))
        yield url


# whole months; ones whose earliest date_low (since - 366 days) starts a month; weeks, days, one end
PERIODS = [("2017-01-01", "2017-12-31"), ("2017-03-01", "2017-05-31"), ("2018-03-02", "2018-06-30"),
           ("2017-01-09", "2017-11-26"), ("2017-04-10", "2017-04-20"), ("2016-02-29", "2016-02-29"),
           ("2017-06-01", None), ("2017-06-14", None), (None, "2016-08-31"), (None, "2016-08-15"),
           ("2010-01-01", "2030-12-31")]


def _period(since: str | None, until: str | None, **kw: Any) -> EventQuery:
    return EventQuery(since=since, until=until, **kw)


@pytest.mark.parametrize("event_type", [None, "Battles"])
@pytest.mark.parametrize(("since", "until"), PERIODS)
def test_web_aggregate_monthly_rollups_agree_with_grouping(ranged_url: str, since: str | None, until: str | None,
                                                           event_type: str | None) -> None:
    q = _period(since, until, event_type=event_type)
    assert agg._by_month(q) and not agg._by_month(_period(since, until, event_type=event_type, **GROUPED))
    with open_store(ranged_url, readonly=True) as store:
        for zoom in (0, 2, 3, 4, 6, ROLLUP_MONTH_MAX_ZOOM, ROLLUP_MONTH_MAX_ZOOM + 1):
            grouped = agg.map_layer(store.db, _period(since, until, event_type=event_type, **GROUPED), zoom=zoom,
                                    max_points=0)
            rolled = agg.map_layer(store.db, q, zoom=zoom, max_points=0)
            assert rolled["located"] == grouped["located"]
            _same_cells(rolled.get("cells", []), grouped.get("cells", []))
            assert _area_counts(rolled["areas"]) == _area_counts(grouped["areas"])
            # with the page's own limit: few enough events, so the points and areas' events themselves,
            # which are the events in view (not whole cells), listed by the period's months or by the view
            for bbox in (None, (-20.0, -10.0, 60.0, 45.0), (150.0, -60.0, -150.0, 70.0)):
                assert agg.map_layer(store.db, _period(since, until, event_type=event_type, bbox=bbox), zoom=zoom) \
                    == agg.map_layer(store.db, _period(since, until, event_type=event_type, bbox=bbox, **GROUPED),
                                     zoom=zoom)
        if since == "2017-01-01":  # the period finds events that began before it, and some not before a year
            events = _events(ranged_url, q)
            assert any(e["date"]["low"] < since for e in events)
            assert len(events) == agg.map_layer(store.db, q, zoom=0, max_points=0)["located"] + sum(
                a["count"] for a in agg.map_layer(store.db, q, zoom=0, max_points=0)["areas"]) + sum(
                1 for e in events if (e.get("location") or {}).get("country") is None
                and (e.get("location") or {}).get("latitude") is None)


@pytest.mark.parametrize("bbox", [(-20.0, -10.0, 60.0, 45.0), (150.0, -60.0, -150.0, 70.0), (0.5, 0.5, 1.0, 1.0)],
                         ids=["africa", "across the antimeridian", "inside a cell"])
def test_web_aggregate_monthly_rollups_count_whole_cells_in_view(ranged_url: str,
                                                                 bbox: tuple[float, float, float, float]) -> None:
    with open_store(ranged_url, readonly=True) as store:
        for since, until in PERIODS[:5]:
            for zoom in (2, 5, ROLLUP_MONTH_MAX_ZOOM):
                world = agg.map_layer(store.db, _period(since, until), zoom=zoom, max_points=0)["cells"]
                view = agg.map_layer(store.db, _period(since, until, bbox=bbox), zoom=zoom, max_points=0)
                _same_cells(view.get("cells", []), [c for c in world if _touched(c, bbox, zoom)])


def _touched(cell: dict[str, Any], bbox: tuple[float, float, float, float], zoom: int) -> bool:
    """Whether the view ``bbox`` touches grid ``cell``."""
    size = agg.cell_size(zoom)
    w, s, e, n = bbox
    x, y = round((cell["bbox"][0] + 180) / size), round((cell["bbox"][1] + 90) / size)
    x0, x1 = int((w + 180) // size), int((e + 180) // size)
    return int((s + 90) // size) <= y <= int((n + 90) // size) and (x0 <= x <= x1 if w <= e else x >= x0 or x <= x1)


def test_web_aggregate_monthly_rollups_read_no_events_for_whole_months(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from store_helpers import clash_report

    url = f"sqlite:///{(tmp_path / 'days.db').as_posix()}"
    with open_store(url) as store:
        store.add([clash_report(f"d{i}", f"Clash number {i} in Raqqa.", place=("Raqqa", 35.9 + i / 10, 39.0, "SYR"),
                                day=f"2017-{i % 12 + 1:02d}-{i % 28 + 1:02d}") for i in range(30)])
    with open_store(url, readonly=True) as store:
        asked: list[str] = []
        real = store.db.all
        monkeypatch.setattr(store.db, "all", lambda sql, params=(): asked.append(sql) or real(sql, params))
        # (no area in view: the areas are grouped from the events, which the index of areas finds at once)
        got = agg.map_layer(store.db, _period("2017-02-01", "2017-06-30"), zoom=2, max_points=0)
        assert got["located"] == 15 and not any("FROM events" in sql and "area = ''" in sql for sql in asked)
        asked.clear()  # a period ending inside a month groups that month's events
        assert agg.map_layer(store.db, _period("2017-02-01", "2017-06-15"), zoom=2, max_points=0)["located"] == 14
        grouped = [sql for sql in asked if "FROM events" in sql and "area = ''" in sql]
        assert len(grouped) == 1 and "date_low >= ? AND date_low < ?" in grouped[0]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_web_aggregate_monthly_rollups_take_odd_values(backend: str, tmp_path: Path) -> None:
    """Dates written by plain SQL that are no ISO day, and places off the globe (cells below 0, which
    the two backends round each their own way), still get the grouped answer, as do periods that find
    nothing."""
    from store_helpers import store_url as fresh_url

    for url in fresh_url(backend, tmp_path):
        with open_store(url) as store:
            store.add(_ranged_records(80, seed=3))
            with store.db.transaction():
                for date_low, date_high in (("2017", "2017-12-31"), ("2017-06", ""), ("unknown", "unknown"),
                                            ("2017-06-15T10:00", "2017-06-15T10:00")):
                    store.db.execute("UPDATE events SET date_low = ?, date_high = ? WHERE id = (SELECT MIN(id) "
                                     "FROM events WHERE date_low LIKE '201_-__-__')", (date_low, date_high))
                store.db.execute("UPDATE events SET longitude = -183.3 - id / 7.0, latitude = -90.4 - id / 11.0 "
                                 "WHERE id IN (SELECT id FROM events WHERE area = '' AND substr(date_low, 1, 5) = '2017-' "
                                 "ORDER BY id LIMIT 5)")
        with open_store(url, readonly=True) as store:
            for since, until in [*PERIODS, ("1990-01-01", "1990-12-31"), ("2017-06-01", "2017-06-15")]:
                for bbox in (None, (-180.0, -85.0, 180.0, 85.0)):
                    q = _period(since, until, bbox=bbox)
                    grouped = _period(since, until, bbox=bbox, **GROUPED)
                    for zoom in (0, 2, 5):
                        assert agg.map_layer(store.db, q, zoom=zoom) == agg.map_layer(store.db, grouped, zoom=zoom)
                        if bbox is None:  # (a view has none of them)
                            got, want = (agg.map_layer(store.db, x, zoom=zoom, max_points=0) for x in (q, grouped))
                            _same_cells(got.get("cells", []), want.get("cells", []))
                            assert _area_counts(got["areas"]) == _area_counts(want["areas"])


def test_web_aggregate_optimize_drops_emptied_rollup_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'emptied.db').as_posix()}"
    with open_store(url) as store:
        store.add(_ranged_records(40))
        with store.db.transaction():
            store.db.execute("UPDATE events SET date_low = '2015-01-01', date_high = '2015-01-02'")  # months emptied
        assert all(store.db.scalar(f"SELECT COUNT(*) FROM {table} WHERE n = 0") for table in (
            "rollup_cells_month", "rollup_areas_month"))
        store.optimize()
        assert not any(store.db.scalar(f"SELECT COUNT(*) FROM {table} WHERE n = 0") for table in ROLLUP_TABLES)
