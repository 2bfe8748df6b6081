"""Hand-made extraction records and store URLs for the store tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PG_URL = os.environ.get("SITREP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_reachable() -> str | None:
    """None if the test PostgreSQL server answers, else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[dev]')"
    try:
        with psycopg.connect(PG_URL.replace("postgresql://", "postgresql://", 1), connect_timeout=3):
            return None
    except psycopg.Error as e:
        return f"no PostgreSQL server at {PG_URL} ({str(e).strip().splitlines()[0]})"


def store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store URL of ``backend``; a PostgreSQL schema is dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    why = postgres_reachable()
    if why is not None:
        pytest.skip(f"PostgreSQL backend tests skipped: {why}; set SITREP_TEST_POSTGRES to a server URL")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield f"{PG_URL}?schema={schema}"
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def actor(name: str, inter: int = 1, *, kb_id: str | None = None, text: str | None = None,
          country: str = "SYR") -> dict[str, Any]:
    types = {1: "State Forces", 2: "Rebel Groups", 3: "Political Militias", 7: "Civilians"}
    return {"name": name, "text": text or name, "start": 0, "end": len(text or name), "type": types.get(inter),
            "inter": inter, "country": country, "kb_id": kb_id, "kind": "organisation", "role": None,
            "affiliation": None, "resolved_by": "kb" if kb_id else "shape"}


def event(eid: str, article: str, sentence: str, *, event_type: str = "Battles", sub: str = "Armed clash",
          place: tuple[str, float, float, str] | None = ("Raqqa", 35.95, 39.01, "SYR"), day: str = "2017-10-16",
          date_text: str | None = "on Monday", deaths: int | None = None, actors: tuple[str, ...] = ("sdf",),
          geo_precision: int = 1, confidence: float = 0.8) -> dict[str, Any]:
    a1 = actor(actors[0].upper(), 2, kb_id=actors[0]) if actors else actor("Unidentified", 3)
    a2 = actor(actors[1].upper(), 2, kb_id=actors[1]) if len(actors) > 1 else None
    loc = None
    if place is not None:
        name, lat, lon, iso = place
        start = sentence.find(name)
        loc = {"name": name, "text": name, "start": max(start, 0), "end": max(start, 0) + len(name), "latitude": lat,
               "longitude": lon, "country": iso, "admin1": f"{name} Province", "admin2": None, "feature": "city",
               "geo_precision": geo_precision, "where_prec": 1, "geonames_id": 1, "score": 0.9}
    return {
        "event_id": eid, "article_id": article, "event_type": event_type, "sub_event_type": sub,
        "plover_type": "ASSAULT", "actor1": a1, "assoc_actor_1": [], "actor2": a2, "assoc_actor_2": [],
        "interaction": 20, "location": loc,
        "date": {"value": day, "low": day, "high": day, "time_precision": 1, "date_prec": 1, "text": date_text,
                 "start": 0, "end": 0},
        "fatalities": None if deaths is None else {"best": deaths, "low": deaths, "high": deaths,
                                                   "text": str(deaths), "start": 0, "end": 0},
        "modality": "asserted", "attribution": None,
        "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)}, "confidence": confidence,
    }


def record(article_id: str, text: str, events: list[dict[str, Any]], *, published: str | None = "2017-10-16",
           source: str | None = "Wire", url: str | None = None, title: str | None = None) -> dict[str, Any]:
    return {
        "article": {"id": article_id, "title": title, "published": published, "published_from": "metadata",
                    "url": url or f"https://news.example/{article_id}", "source": source, "text": text},
        "segments": [], "sentences": [], "events": events,
        "mentions": {"actors": [actor("SDF", 2, kb_id="sdf", text="SDF") | {"start": 0, "end": 3}],
                     "places": [], "times": [], "quantities": []},
        "problems": [],
    }


def clash_report(article_id: str, sentence: str, *, deaths: int | None = None, published: str = "2017-10-16",
                 **kw: Any) -> dict[str, Any]:
    """An article of one sentence telling of one clash in Raqqa."""
    return record(article_id, sentence, [event(f"{article_id}-e0", article_id, sentence, deaths=deaths, **kw)],
                  published=published)


def undo_migration_6(db: Any) -> None:
    """Give a store the ``mentions`` table, the candidate index and (on SQLite) the ``article_bands``
    table it had before schema migration 6, holding what the store holds, to make it look like one
    an older sitrep wrote."""
    rows = db.all("SELECT article_id, kind, name, text, start_offset, end_offset, kb_id, country, latitude, "
                  "longitude FROM mentions")
    db.execute("DROP VIEW mentions")
    db.execute("""CREATE TABLE mentions (
        id {pk}, article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, kind TEXT NOT NULL,
        name TEXT, text TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, kb_id TEXT,
        country TEXT, latitude {float}, longitude {float})""")
    db.execute("CREATE INDEX mentions_article ON mentions (article_id)")
    db.executemany("INSERT INTO mentions (article_id, kind, name, text, start_offset, end_offset, kb_id, country, "
                   "latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("DROP INDEX event_sources_candidates")
    db.execute("CREATE INDEX event_sources_country_date ON event_sources (country, date_low)")
    if db.dialect == "sqlite":
        bands = db.all("SELECT band_key, article_id FROM article_bands")
        db.execute("DROP TABLE article_bands")
        db.execute("CREATE TABLE article_bands (band_key INTEGER NOT NULL, "
                   "article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE)")
        db.execute("CREATE INDEX article_bands_lookup ON article_bands (band_key, article_id)")
        db.execute("CREATE INDEX article_bands_article ON article_bands (article_id)")
        db.executemany("INSERT INTO article_bands (band_key, article_id) VALUES (?, ?)", bands)
