"""Bulk loads (``sitrep ingest --bulk``): a SQLite store's query indexes are dropped for the load and
built once at its end; the stored events are those of a plain ingest; a load that never finished
gets its indexes back at the next opening for writing. On PostgreSQL the flag changes nothing.

The SQLite and PostgreSQL runs share the tests; the PostgreSQL ones skip, saying why, when no server
answers on 127.0.0.1:5432.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from sitrep.settings import Settings
from sitrep.store import EventQuery, open_store
from sitrep.store.ingest import ingest
from sitrep.store.schema import BULK_KEY
from store_helpers import clash_report, store_url

TOWNS = [("Raqqa", 35.95, 39.01), ("Aleppo", 36.20, 37.16), ("Homs", 34.73, 36.71), ("Daraa", 32.62, 36.10)]


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


def _results(path: Path) -> Path:
    """Stored results: for each town and day, three reports of one clash (which merge) and one of a
    clash elsewhere on another day."""
    with path.open("wb") as fh:
        for t, (town, lat, lon) in enumerate(TOWNS):
            for day in range(1, 6):
                date = f"2017-10-{day:02d}"
                for k, deaths in enumerate((4, 5, 4)):
                    sentence = f"Fighters of the Syrian Democratic Forces clashed with militants in {town}, killing {deaths}."
                    fh.write(orjson.dumps(clash_report(f"{town}-{day}-{k}", sentence, deaths=deaths, published=date,
                                                       place=(town, lat, lon, "SYR"), day=date)) + b"\n")
                lone = f"Government troops shelled a village near {town}."
                fh.write(orjson.dumps(clash_report(f"{town}-{day}-lone", lone, published=date, day=f"2016-0{1 + t}-{day:02d}",
                                                   event_type="Explosions/Remote violence",
                                                   sub="Shelling/artillery/missile attack",
                                                   place=(town, lat + 0.5, lon + 0.5, "SYR"),
                                                   actors=("syrian army",))) + b"\n")
    return path


def _merged(url: str) -> list[tuple[Any, ...]]:
    with open_store(url, readonly=True) as store:
        events = list(store.iter_events(EventQuery(sort="date")))
    return sorted((e["event_type"], e["date"]["value"], e["location"]["name"], e["number_of_sources"],
                   tuple(sorted(s["article_id"] for s in e["sources"])),
                   (e.get("fatalities") or {}).get("best")) for e in events)


def _indexes(url: str) -> dict[str, str]:
    with open_store(url, readonly=True) as store:
        return {str(n): str(s) for n, s in store.db.all(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def _rollups(url: str) -> list[tuple[Any, ...]]:
    with open_store(url, readonly=True) as store:
        return sorted(tuple(r) for r in store.db.all("SELECT day, event_type, n FROM rollup_days WHERE n > 0"))


def _one_event_store(tmp_path: Path) -> tuple[str, dict[str, str]]:
    """A SQLite store holding one event, and its indexes."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url) as store:
        store.add([clash_report("a1", "Fighters clashed with militants in Raqqa on Monday.")])
    return url, _indexes(url)


def test_a_bulk_load_stores_what_a_plain_ingest_stores(url: str, tmp_path: Path) -> None:
    inputs = _results(tmp_path / "results.jsonl")
    settings = Settings.from_env().with_(ingest_batch="7")  # batches that cut through the merged reports
    plain_url = f"sqlite:///{tmp_path / 'plain.db'}"
    with open_store(plain_url) as store:
        plain = ingest([str(inputs)], store, settings=settings)
    with open_store(url) as store:
        bulk = ingest([str(inputs)], store, settings=settings, bulk=True)
    assert (bulk.read, bulk.stored.added, bulk.stored.reports, bulk.stored.merged) == \
        (plain.read, plain.stored.added, plain.stored.reports, plain.stored.merged) == (80, 80, 80, 40)
    assert _merged(url) == _merged(plain_url)
    assert len(_merged(url)) == 40  # twenty clashes told three times, twenty shellings told once
    if url.startswith("sqlite"):
        assert _rollups(url) == _rollups(plain_url)
        assert _indexes(url) == _indexes(plain_url)
    with open_store(url, readonly=True) as store:  # the indexes back, the queries answer
        page = store.query(EventQuery(country="SYR", since="2017-10-02", until="2017-10-02"))
        assert [e["number_of_sources"] for e in page.events] == [3] * len(TOWNS)
        assert store.db.scalar("SELECT value FROM store_meta WHERE key = ?", (BULK_KEY,)) is None


def test_bulk_load_drops_only_query_indexes_and_builds_them_again(tmp_path: Path) -> None:
    url, before = _one_event_store(tmp_path)
    with open_store(url) as store:
        dropped = store.begin_bulk()
        during = _indexes(url)
        assert dropped == len([n for n in before if n.startswith("events_")]) >= 5
        assert not [n for n in during if n.startswith("events_")]
        # what the merge reads stays: reports by event, article and candidate window
        assert {n for n in before if n.startswith("event_sources")} <= set(during)
        assert store.begin_bulk() == 0  # twice is harmless; the definitions are kept once
        assert store.end_bulk() == dropped
        assert store.end_bulk() == 0
    assert _indexes(url) == before


def test_a_killed_bulk_load_gets_its_indexes_back_at_the_next_write(tmp_path: Path) -> None:
    url, before = _one_event_store(tmp_path)
    with open_store(url) as store:
        store.begin_bulk()
        store.add([clash_report("a2", "Fighters clashed with militants in Aleppo on Monday.",
                                place=("Aleppo", 36.2, 37.16, "SYR"))])
        # ... and the process dies here, before end_bulk
    with open_store(url, readonly=True) as store:  # a reader: slower, still right
        assert store.count(EventQuery(country="SYR")) == 2
        assert len(store.query(EventQuery(bbox=(36.0, 35.0, 38.0, 37.0))).events) == 1
    assert _indexes(url) != before
    with open_store(url):
        pass
    assert _indexes(url) == before
    with open_store(url, readonly=True) as store:
        assert store.db.scalar("SELECT value FROM store_meta WHERE key = ?", (BULK_KEY,)) is None


def test_bulk_load_drops_indexes_on_sqlite_only(url: str) -> None:
    with open_store(url) as store:
        dropped = store.begin_bulk()
        assert (dropped > 0) == url.startswith("sqlite")  # PostgreSQL: nothing changes
        assert store.end_bulk() == dropped


def test_an_interrupted_bulk_load_builds_its_indexes_on_the_way_out(tmp_path: Path) -> None:
    url, before = _one_event_store(tmp_path)
    inputs = _results(tmp_path / "results.jsonl")

    def interrupt(_: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the first batch is committed

    with open_store(url) as store, pytest.raises(KeyboardInterrupt):
        ingest([str(inputs)], store, settings=Settings.from_env().with_(ingest_batch="10"), bulk=True,
               on_item=interrupt)
    assert _indexes(url) == before
    with open_store(url, readonly=True) as store:
        assert store.stats()["articles"] == 11  # the one stored before, and the first batch
