"""The event store, on both backends: schema, ingest, re-ingest, merge, queries, why, split, export.

Every test runs against SQLite and against the PostgreSQL server on 127.0.0.1:5432 (database
``test``, a fresh schema per test); the PostgreSQL runs skip, saying why, when no server answers.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import ConfigError, StoreError
from sitrep.store import EventQuery, Store, open_store
from sitrep.store.export import STORE_CSV_COLUMNS, write_events
from store_helpers import clash_report, event, record, store_url

SENT_A = "Syrian Democratic Forces fighters clashed with Islamic State militants in Raqqa on Monday, killing 12."
SENT_B = "Fighters of the Syrian Democratic Forces clashed with Islamic State militants in Raqqa on Monday; 15 died."
SENT_FAR = "Government troops clashed with rebels in Daraa on Monday."


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with open_store(url) as s:
        yield s


def sources_of(ev: dict) -> set[str]:  # type: ignore[type-arg]
    return {s["article_id"] for s in ev["sources"]}


# -- opening ------------------------------------------------------------------------------------

def test_store_opens_empty_and_reopens(url: str) -> None:
    with open_store(url) as s:
        assert s.stats()["articles"] == 0
        s.add([clash_report("a1", SENT_A)])
    with open_store(url, readonly=True) as s:
        assert s.stats()["articles"] == 1
        assert s.stats()["events"] == 1


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.db: not a SQLite database"):
        open_store(f"sqlite:///{path}")


def test_store_refuses_a_damaged_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    with pytest.raises(StoreError, match=r"damaged\.db"):
        open_store(str(path))


def test_store_refuses_another_applications_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a sitrep store"):
        open_store(str(path))


def test_store_refuses_a_newer_schema(url: str) -> None:
    with open_store(url) as s:
        s.db.execute("UPDATE store_meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer sitrep"):
        open_store(url)


def test_store_readonly_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database file"):
        open_store(f"sqlite:///{tmp_path / 'missing.db'}", readonly=True)


@pytest.mark.parametrize("bad", ["mysql://x/y", "   "])
def test_store_unknown_url(bad: str) -> None:
    with pytest.raises((StoreError, ConfigError)):
        open_store(bad)


# -- ingest and versions -------------------------------------------------------------------------

def test_reingesting_the_same_article_changes_nothing(store: Store) -> None:
    first = store.add([clash_report("a1", SENT_A, deaths=12)])
    assert (first.added, first.reports) == (1, 1)
    before = list(store.iter_events())
    again = store.add([clash_report("a1", SENT_A, deaths=12)])
    assert (again.added, again.unchanged, again.reports) == (0, 1, 0)
    assert list(store.iter_events()) == before
    assert store.stats()["reports"] == 1


def test_a_new_version_of_an_article_replaces_its_events(store: Store) -> None:
    store.add([clash_report("a1", SENT_A, deaths=12)])
    changed = store.add([clash_report("a1", SENT_A.replace("12", "14"), deaths=14)])
    assert changed.updated == 1
    events = list(store.iter_events())
    assert len(events) == 1
    assert events[0]["fatalities"]["best"] == 14
    assert store.stats()["reports"] == 1
    assert store.db.scalar("SELECT version FROM articles WHERE key = 'a1'") == 2


def test_a_batch_is_all_or_nothing(store: Store) -> None:
    bad = {"article": {"title": "no id"}, "events": []}
    with pytest.raises(StoreError, match="without an article id"):
        store.add([clash_report("a1", SENT_A), bad])
    assert store.stats()["articles"] == 0


def test_mentions_and_failures_are_kept(store: Store) -> None:
    store.add([clash_report("a1", SENT_A)])
    store.add_failures([("broken.txt", None, "empty", "nothing but whitespace")])
    art = store.article("a1")
    assert art is not None
    assert art["article"]["text"] == SENT_A
    assert art["mentions"]["actors"][0]["text"] == "SDF"
    assert store.db.scalar("SELECT COUNT(*) FROM mentions WHERE kind = 'actor'") == 1
    assert store.failures()[0]["source"] == "broken.txt"


def test_store_mentions_view_reads_every_kind_from_the_record(store: Store) -> None:
    rec = clash_report("a1", SENT_A)
    rec["mentions"]["places"] = [{"name": "Raqqa", "text": "Raqqa", "start": 60, "end": 65, "kb_id": None,
                                  "geonames_id": 163915, "country": "SYR", "latitude": 35.95, "longitude": 39.01}]
    rec["mentions"]["times"] = [{"text": "on Monday", "start": 69, "end": 78, "value": "2017-10-16"}]
    rec["mentions"]["quantities"] = [{"text": "12", "start": 90, "end": 92, "value": 12}]
    store.add([rec])
    rows = store.db.all("SELECT kind, name, text, start_offset, end_offset, kb_id, country, latitude, longitude "
                        "FROM mentions ORDER BY start_offset")
    assert [tuple(r) for r in rows] == [
        ("actor", "SDF", "SDF", 0, 3, "sdf", "SYR", None, None),
        ("place", "Raqqa", "Raqqa", 60, 65, "163915", "SYR", 35.95, 39.01),
        ("time", "2017-10-16", "on Monday", 69, 78, None, None, None, None),
        ("quantity", "12", "12", 90, 92, None, None, None, None)]
    pk = store.db.scalar("SELECT id FROM articles WHERE key = 'a1'")
    assert store.db.scalar("SELECT COUNT(*) FROM mentions WHERE article_id = ?", (pk,)) == 4


def test_store_upgrading_to_schema_6_keeps_mentions_and_near_duplicates(url: str) -> None:
    from sitrep.store import schema
    from store_helpers import undo_migration_6

    with open_store(url) as s:
        s.add([clash_report("a1", SENT_A)])
        before = sorted(tuple(r) for r in s.db.all("SELECT * FROM mentions"))
        bands = s.db.scalar("SELECT COUNT(*) FROM article_bands")
        with s.db.transaction():  # as an earlier sitrep left it: a mentions table, bands with row ids
            undo_migration_6(s.db)
            s.db.execute("UPDATE store_meta SET value = '5' WHERE key = 'schema_version'")
        assert s.db.scalar("SELECT COUNT(*) FROM mentions") == len(before) == 1
    with pytest.raises(StoreError, match="schema version 5 and needs upgrading"):
        open_store(url, readonly=True)
    with open_store(url) as s:  # a writer upgrades it
        assert s.db.scalar("SELECT value FROM store_meta WHERE key = 'schema_version'") == str(schema.SCHEMA_VERSION)
        assert sorted(tuple(r) for r in s.db.all("SELECT * FROM mentions")) == before
        assert s.db.scalar("SELECT COUNT(*) FROM article_bands") == bands > 0
        s.add([clash_report("a2", SENT_A)])  # found through the bands the upgrade kept
        assert s.stats()["near_duplicate_articles"] == 1
        s.add([clash_report("a2", SENT_FAR)])  # a new version leaves its old bands behind
        assert s.db.scalar("SELECT COUNT(*) FROM article_bands") == 2 * bands


def test_store_upgrading_to_schema_7_makes_the_areas_index_partial(url: str) -> None:
    from sitrep.store import aggregate

    def areas_index(s: Store) -> str:
        if s.db.dialect == "sqlite":
            return str(s.db.scalar("SELECT sql FROM sqlite_master WHERE name = 'events_areas'"))
        return str(s.db.scalar("SELECT indexdef FROM pg_indexes WHERE indexname = 'events_areas' "
                               "AND schemaname = current_schema()"))

    view = EventQuery(bbox=(30.0, 30.0, 45.0, 40.0))
    with open_store(url) as s:
        s.add([clash_report("a1", SENT_A),  # a point, and an area
               clash_report("a2", SENT_FAR, place=("Daraa", 32.62, 36.1, "SYR"), geo_precision=3)])
        with s.db.transaction():  # as schema 6 left it: every event in the index
            s.db.execute("DROP INDEX events_areas")
            s.db.execute("CREATE INDEX events_areas ON events (area, country, admin1, location, event_type, feature, "
                         "geo_precision, latitude, longitude)")
            s.db.execute("UPDATE store_meta SET value = '6' WHERE key = 'schema_version'")
        assert "WHERE" not in areas_index(s).upper()
        before = aggregate.map_layer(s.db, view, zoom=12)
        assert len(before["points"]) == 1 and len(before["areas"]) == 1
    with open_store(url) as s:  # a writer upgrades it
        assert s.db.scalar("SELECT value FROM store_meta WHERE key = 'schema_version'") == "7"
        assert "WHERE" in areas_index(s).upper()
        assert aggregate.map_layer(s.db, view, zoom=12) == before


def test_store_commits_while_the_next_batch_is_made_ready(url: str) -> None:
    import threading

    seen: list[str] = []

    with open_store(url) as s:
        commit = s.db._commit

        def watched() -> None:
            seen.append(f"commit in {threading.current_thread().name}")
            commit()

        def meanwhile() -> None:
            seen.append(f"meanwhile in {threading.current_thread().name}")

        s.db._commit = watched  # type: ignore[method-assign]
        got = s.add([clash_report("a1", SENT_A)], meanwhile=meanwhile)
        assert got.added == 1
        assert sorted(seen) == ["commit in sitrep-commit", f"meanwhile in {threading.current_thread().name}"]

        def broken() -> None:
            raise RuntimeError("could not make the next batch ready")

        with pytest.raises(RuntimeError, match="next batch"):
            s.add([clash_report("a2", SENT_FAR)], meanwhile=broken)
    with open_store(url, readonly=True) as s:  # both batches were committed whole
        assert s.stats()["articles"] == 2


def test_store_ingest_reads_ahead_in_order_and_raises_what_reading_raised() -> None:
    from sitrep.store.ingest import _Ahead

    items = [("h", {"n": i}) for i in range(25)]
    ahead = _Ahead()
    got = []
    for item in ahead.over(iter(items)):
        got.append(item)
        if len(got) % 4 == 1:
            ahead.fill(7)  # as a commit would, between items taken
    assert got == items
    ahead.fill(3)  # nothing to read: the input is done
    assert list(ahead.over(iter([]))) == []

    def broken() -> Iterator[Any]:
        yield from items[:10]
        raise OSError("disk gone")

    got = []
    reading = ahead.over(broken())
    with pytest.raises(OSError, match="disk gone"):
        for item in reading:
            got.append(item)
            ahead.fill(100)  # reads to the error, which waits for its turn
    assert got == items[:10]  # everything read before the error


def test_store_ingest_writes_every_batch_once_in_order(url: str, tmp_path: Path) -> None:
    from sitrep.settings import Settings
    from sitrep.store.ingest import ingest

    results = tmp_path / "results.jsonl"
    records = [clash_report(f"a{i}", SENT_A if i % 2 else SENT_FAR) for i in range(7)]
    results.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in records))
    done: list[int] = []
    with open_store(url) as s:
        summary = ingest([str(results)], s, settings=Settings().with_(ingest_batch="3"), on_item=done.append)
        assert (summary.read, summary.stored.added, done) == (7, 7, [3, 3, 1])
        assert [r[0] for r in s.db.all("SELECT key FROM articles ORDER BY id")] == [f"a{i}" for i in range(7)]
        again = ingest([str(results)], s, settings=Settings().with_(ingest_batch="3"))
        assert (again.read, again.stored.unchanged, again.stored.added) == (7, 7, 0)


def test_store_batch_rollups_read_only_the_batch(tmp_path: Path) -> None:
    # regression: the batch's pass over new events sought a place index by its other conditions and
    # read every located event of the store, each batch
    from sitrep.store.schema import batch_rollups

    with open_store(f"sqlite:///{tmp_path / 'plan.db'}") as s:
        s.add([clash_report("a1", SENT_A)])
        for sql in batch_rollups("sqlite"):
            plan = " | ".join(str(r[3]) for r in s.db.all(f"EXPLAIN QUERY PLAN {sql}", [0] * sql.count("?")))
            scans = [step for step in plan.split(" | ") if " events " in f"{step} "]
            assert scans and all("INTEGER PRIMARY KEY (rowid>?)" in step for step in scans), plan


# -- merging -------------------------------------------------------------------------------------

def test_two_reports_of_one_clash_merge_with_fused_fields(store: Store) -> None:
    store.add([clash_report("a1", SENT_A, deaths=12, published="2017-10-16")])
    result = store.add([clash_report("a2", SENT_B, deaths=15, published="2017-10-17")])
    assert result.merged == 1
    [merged] = list(store.iter_events())
    assert merged["number_of_sources"] == 2
    assert sources_of(merged) == {"a1", "a2"}
    assert merged["article_id"] == "a1"  # the earliest report
    assert merged["first_reported"] == "2017-10-16" and merged["last_reported"] == "2017-10-17"
    assert (merged["fatalities"]["low"], merged["fatalities"]["best"], merged["fatalities"]["high"]) == (12, 15, 15)
    assert {s["evidence"]["sentence"] for s in merged["sources"]} == {SENT_A, SENT_B}


def test_reports_in_different_places_or_weeks_stay_apart(store: Store) -> None:
    store.add([clash_report("a1", SENT_A)])
    store.add([clash_report("a2", SENT_FAR, place=("Daraa", 32.62, 36.10, "SYR"), actors=("syr-military",))])
    store.add([clash_report("a3", SENT_A, day="2017-11-20", published="2017-11-20")])
    assert store.count() == 3


def test_undated_reports_do_not_chain_an_event_from_day_to_day(store: Store) -> None:
    """Reports dated only by publication, each a day after the last: the second joins the first
    (news follows an incident within a day), the third agrees with the second only, and an event is
    weighed as a whole, so it does not drift into the next days."""
    for article, published in (("d1", "2017-10-16"), ("d2", "2017-10-17"), ("d3", "2017-10-18")):
        store.add([clash_report(article, SENT_A, published=published, day=published, date_text=None)])
    groups = sorted(sorted(sources_of(e)) for e in store.iter_events())
    assert groups == [["d1", "d2"], ["d3"]]


def test_reports_in_different_countries_never_merge(store: Store) -> None:
    store.add([clash_report("a1", SENT_A)])
    store.add([clash_report("a2", SENT_A, place=("Raqqa", 35.95, 39.01, "IRQ"))])
    assert store.count() == 2


def test_two_events_of_one_article_never_merge(store: Store) -> None:
    rec = record("a1", SENT_A + " " + SENT_B, [event("e1", "a1", SENT_A), event("e2", "a1", SENT_B)])
    store.add([rec])
    assert store.count() == 2


def test_near_duplicate_articles_are_linked(store: Store) -> None:
    text = ("Syrian Democratic Forces fighters clashed with Islamic State militants in the northern city of Raqqa "
            "on Monday, a monitoring group said, as the U.S.-backed alliance pressed its final assault on the "
            "last pockets held by the militants in the city.")
    store.add([record("wire", text, [event("w1", "wire", text)], source="Reuters")])
    copy = "Example News: " + text.replace("a monitoring group said", "the monitoring group said")
    result = store.add([record("copy", copy, [event("c1", "copy", copy)], source="Example News")])
    assert result.near_duplicates == 1
    [merged] = list(store.iter_events())
    assert merged["number_of_sources"] == 2
    why = store.why(merged["event_id"])
    assert why["near_duplicates"][0]["article_id"] == "copy"
    assert why["near_duplicates"][0]["near_duplicate_of"] == "wire"


def test_why_explains_and_split_undoes_a_merge(store: Store) -> None:
    store.add([clash_report("a1", SENT_A, deaths=12)])
    store.add([clash_report("a2", SENT_B, deaths=15)])
    [merged] = list(store.iter_events())
    why = store.why(merged["event_id"])
    reports = {r["article_id"]: r for r in why["reports"]}
    assert set(reports) == {"a1", "a2"}
    joined = reports["a2"]["joined"][0]
    assert joined["score"] > 0 and any("places" in reason for reason in joined["reasons"])
    assert reports["a1"]["spans"]["location"]["text"] == "Raqqa"
    assert reports["a1"]["spans"]["location"]["in_article"] is True

    new_id = store.split(merged["event_id"], "a2")
    assert store.count() == 2
    assert store.event(merged["event_id"])["number_of_sources"] == 1  # type: ignore[index]
    assert sources_of(store.event(new_id)) == {"a2"}  # type: ignore[arg-type]
    # a new version of a2 comes in: the split holds
    store.add([clash_report("a2", SENT_B + " ", deaths=15)])
    assert store.count() == 2
    with pytest.raises(ConfigError, match="no event"):
        store.why("no-such-event")
    [a2_event] = store.article("a2")["merged_event_ids"]  # type: ignore[index]
    assert a2_event != merged["event_id"]
    with pytest.raises(ConfigError, match="no other report"):
        store.split(a2_event, "a2")


# -- queries -------------------------------------------------------------------------------------

@pytest.fixture
def many(store: Store) -> Store:
    places = [("Raqqa", 35.95, 39.01, "SYR"), ("Aleppo", 36.20, 37.16, "SYR"), ("Mosul", 36.34, 43.13, "IRQ"),
              ("Maiduguri", 11.85, 13.16, "NGA")]
    recs = []
    for i in range(40):
        name, lat, lon, iso = places[i % 4]
        day = f"2017-{1 + i % 12:02d}-{1 + i % 27:02d}"
        kind = ("Battles", "Armed clash") if i % 2 else ("Explosions/Remote violence", "Air/drone strike")
        sentence = f"Report {i}: an incident in {name} number {i}."
        recs.append(record(f"q{i}", sentence, [event(f"q{i}", f"q{i}", sentence, event_type=kind[0], sub=kind[1],
                                                     place=(name, lat + i * 0.5, lon, iso), day=day,
                                                     deaths=i, actors=(f"group{i}",))],
                           published=day))
    store.add(recs)
    return store


def test_query_filters(many: Store) -> None:
    assert many.count() == 40
    assert many.count(EventQuery(country="syr")) == 20
    assert many.count(EventQuery(event_type="Battles")) == 20
    assert many.count(EventQuery(sub_event_type="Air/drone strike")) == 20
    assert many.count(EventQuery(since="2017-06", until="2017-06")) == len([i for i in range(40) if i % 12 == 5])
    assert many.count(EventQuery(bbox=(42.0, 35.0, 44.0, 38.0))) == 1  # Mosul moved to 37.34 N; later ones are farther
    assert many.count(EventQuery(actor="GROUP3")) == 11  # group3, group30..group39
    assert many.count(EventQuery(text="maiduguri number")) == 10
    assert many.count(EventQuery(min_sources=2)) == 0
    assert many.count(EventQuery(text="100%_")) == 0  # LIKE wildcards are matched literally


def test_query_pages_cover_everything_once(many: Store) -> None:
    for sort in ("-date", "date", "-fatalities", "sources"):
        seen: list[str] = []
        q = EventQuery(limit=7, sort=sort)
        while True:
            page = many.query(q)
            seen += [e["event_id"] for e in page.events]
            if page.next_cursor is None:
                break
            q = EventQuery(limit=7, sort=sort, cursor=page.next_cursor)
        assert len(seen) == 40 and len(set(seen)) == 40, sort
    dates = [e["date"]["low"] for e in many.query(EventQuery(limit=40)).events]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"country": "Syria"}, "alpha-3"),
    ({"since": "yesterday"}, "since: not a date"),
    ({"since": "2018-01-01", "until": "2017-01-01"}, "after until"),
    ({"event_type": "Fights"}, "unknown type"),
    ({"bbox": (10.0, 50.0, 20.0, 40.0)}, "bbox"),
    ({"limit": 0}, "limit"),
    ({"sort": "name"}, "sort"),
    ({"cursor": "not-a-cursor!"}, "cursor"),
])
def test_bad_queries_say_what_is_wrong(kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ConfigError, match=message):
        EventQuery(**kwargs).checked()


# -- export --------------------------------------------------------------------------------------

def test_exports(many: Store, tmp_path: Path) -> None:
    out = io.BytesIO()
    assert write_events(many.iter_events(EventQuery(country="NGA")), "csv", out) == 10
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert list(rows[0]) == list(STORE_CSV_COLUMNS)
    assert {r["iso3"] for r in rows} == {"NGA"} and rows[0]["number_of_sources"] == "1"
    out = io.BytesIO()
    write_events(many.iter_events(), "geojson", out)
    features = json.loads(out.getvalue())["features"]
    assert len(features) == 40 and features[0]["geometry"]["type"] == "Point"
    out = io.BytesIO()
    write_events(many.iter_events(), "jsonl", out)
    assert len(out.getvalue().splitlines()) == 40
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (pip install -e '.[dev]')")
    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        write_events(many.iter_events(), "parquet", fh)
    table = pq.read_table(path)
    assert table.num_rows == 40
    assert sorted(table.column("fatalities").to_pylist()) == list(range(40))


def test_one_outlet_never_reports_one_event_under_two_dates(store: Store) -> None:
    """Two entries of one incident log, a day apart at one place, are two events; the same two
    reports from two outlets are one (a day's difference is within what reports disagree on)."""
    def report(article: str, day: str, outlet: str, sentence: str = SENT_A, **kw: Any) -> dict:  # type: ignore[type-arg]
        ev = event(f"{article}-e0", article, sentence, day=day, date_text="on " + day, **kw)
        return record(article, sentence, [ev], source=outlet, published="2017-10-20")

    store.add([report("log1", "2017-10-16", "Airwars"), report("log2", "2017-10-17", "Airwars")])
    assert store.count() == 2
    daraa = {"sentence": SENT_FAR, "place": ("Daraa", 32.62, 36.10, "SYR"), "actors": ("syrian-army",)}
    store.add([report("wire1", "2017-10-16", "Wire", **daraa), report("wire2", "2017-10-17", "Other Wire", **daraa)])
    merged = [e for e in store.iter_events() if {"wire1", "wire2"} & sources_of(e)]
    assert len(merged) == 1 and sources_of(merged[0]) >= {"wire1", "wire2"}


def test_one_outlet_never_reports_one_strike_at_two_towns(store: Store) -> None:
    """Two entries of one incident log on one day at towns 50 km apart are two strikes; the same two reports
    from two outlets can still be one event (a province's point and a town's may lie that far apart)."""
    def report(article: str, outlet: str, place: tuple[str, float, float, str],
               day: str = "2017-10-16") -> dict:  # type: ignore[type-arg]
        sentence = f"{day}: air strike on {place[0]}, Raqqa governorate, Syria."
        ev = event(f"{article}-e0", article, sentence, sub="Air/drone strike", event_type="Explosions/Remote violence",
                   place=place, day=day, date_text=day, actors=())
        return record(article, sentence, [ev], source=outlet, published="2017-11-15")

    raqqa, tabqa = ("Raqqa", 35.95, 39.01, "SYR"), ("Tabqa", 35.84, 38.55, "SYR")
    store.add([report("log1", "Airwars", raqqa), report("log2", "Airwars", tabqa)])
    assert store.count() == 2
    store.add([report("wire1", "Wire", raqqa, "2017-10-24"), report("wire2", "Other Wire", tabqa, "2017-10-24")])
    merged = [e for e in store.iter_events() if {"wire1", "wire2"} & sources_of(e)]
    assert any(sources_of(e) >= {"wire1", "wire2"} for e in merged), [sources_of(e) for e in merged]


def test_a_dated_log_entry_published_weeks_later_joins_the_news_of_that_day(store: Store) -> None:
    """An incident log that gives the day of each strike but comes out a month later is compared by
    that day with an undated news report, not by the two publication days (a month apart)."""
    news = clash_report("news", SENT_A, day="2017-10-16", date_text=None, published="2017-10-16")
    line = "October 16th 2017: (S104) Raqqa city, Raqqa governorate, Syria."
    entry = event("log-e0", "log", line, day="2017-10-16", date_text="October 16th 2017")
    store.add([news])
    result = store.add([record("log", line, [entry], source="Incident Log", published="2017-11-15")])
    assert result.merged == 1 and store.count() == 1
