"""The store's schema, as numbered migrations that run on both backends.

A store records the number of the last migration applied (``store_meta.schema_version``) and an
application marker, so that a database made by something else, or by a newer sitrep, is refused
with a clear message instead of being written to. Migrations only ever get appended.

Tables:

``articles``        one row per article (its key, content hash, text and the full extraction record)
``article_bands``   MinHash LSH bands of each article, to find near-duplicates incrementally
``mentions``        every actor, place, time and quantity found in an article (for highlighting);
                    a view over the articles' records since migration 6
``event_sources``   one row per event as one report gave it, linked to the merged event it joined
``events``          the merged events, with fused fields (what queries and exports read)
``merge_links``     why each report joined its event, or each article was linked as a near-duplicate
``split_locks``     reports a user split off an event: never merged into it again
``failures``        inputs that could not be read or processed

Migration 2 adds roll-ups of the events table, kept current by triggers on ``events`` (so every
writer, including plain SQL, keeps them right) and filled from the events already stored:

``rollup_cells``    located point events per map grid cell, for zoom levels 0 to ROLLUP_MAX_ZOOM
``rollup_areas``    events known only to an area (country, province, region) per area
``rollup_days``     events per day of their earliest possible date ('' when undated)
``rollup_actors``   events per actor name, as actor1 and as actor2

each per event type. The map and timeline read them instead of grouping a million rows.
Migration 3 drops two indexes that no query needs since then. Migration 4 adds the same counts per
month, for the map brushed to a period (filled, and kept by the same triggers, likewise):

``rollup_cells_month``  located point events per grid cell, at the levels ROLLUP_MONTH_LEVELS
``rollup_areas_month``  events known only to an area per area

each per event type and per pair of months: ``month`` of the earliest date an event may have had
(``date_low``, as the timeline's month bucket) and ``high_month`` of the latest (``date_high``, ''
when unknown), since a period finds an event by both (see :func:`sitrep.store.query.where`).
Undated events are left out: no period finds them.

Migration 7 makes ``events_areas`` a partial index, of the events drawn as an area only.
"""

from __future__ import annotations

import json
import re

from .db import APPLICATION_ID, Database

__all__ = ["BULK_KEY", "MIGRATIONS", "ROLLUP_MAX_ZOOM", "ROLLUP_MONTH_LEVELS", "ROLLUP_MONTH_MAX_ZOOM", "ROLLUP_TABLES",
           "SCHEMA_VERSION", "drop_query_indexes", "migrate", "restore_query_indexes"]

#: Statements are plain strings (both backends) or ``{"sqlite": ..., "postgres": ...}``.
Statement = str | dict[str, str]

_V1: list[Statement] = [
    """CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE articles (
        id {pk},
        key TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        title TEXT,
        url TEXT,
        outlet TEXT,
        published TEXT,
        text TEXT NOT NULL,
        record TEXT NOT NULL,
        signature {blob},
        near_dup_of {bigint} REFERENCES articles(id) ON DELETE SET NULL,
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE article_bands (
        band_key {bigint} NOT NULL,
        article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE)""",
    "CREATE INDEX article_bands_lookup ON article_bands (band_key, article_id)",
    "CREATE INDEX article_bands_article ON article_bands (article_id)",
    """CREATE TABLE mentions (
        id {pk},
        article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        name TEXT,
        text TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        kb_id TEXT,
        country TEXT,
        latitude {float},
        longitude {float})""",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX mentions_kind_name ON mentions (kind, name)",
    """CREATE TABLE events (
        id {pk},
        event_id TEXT NOT NULL UNIQUE,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        country TEXT,
        admin1 TEXT,
        location TEXT,
        latitude {float},
        longitude {float},
        geo_precision INTEGER,
        feature TEXT,
        area TEXT NOT NULL,
        date_value TEXT,
        date_low TEXT,
        date_high TEXT,
        actor1 TEXT,
        actor2 TEXT,
        inter1 INTEGER,
        inter2 INTEGER,
        fatalities_low INTEGER,
        fatalities_best INTEGER,
        fatalities_high INTEGER,
        number_of_sources INTEGER NOT NULL,
        first_reported TEXT,
        last_reported TEXT,
        article_key TEXT NOT NULL,
        search TEXT NOT NULL,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    "CREATE INDEX events_country_date ON events (country, date_low)",
    "CREATE INDEX events_date ON events (date_low, id)",
    "CREATE INDEX events_sources ON events (number_of_sources, id)",
    "CREATE INDEX events_type_date ON events (event_type, date_low, id)",
    "CREATE INDEX events_lon_lat ON events (longitude, latitude, date_low)",  # bbox pages sort in the index
    # covering indexes of the map and the timeline: they aggregate without reading the records
    "CREATE INDEX events_map ON events (area, longitude, latitude, event_type, date_low, country)",
    "CREATE INDEX events_areas ON events (area, country, admin1, location, event_type, feature, geo_precision, "
    "latitude, longitude)",
    "CREATE INDEX events_timeline ON events (date_low, event_type, country)",
    "CREATE INDEX events_subtype ON events (sub_event_type, date_low)",
    """CREATE TABLE event_sources (
        id {pk},
        event_id {bigint} NOT NULL REFERENCES events(id),
        article_id {bigint} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        report_key TEXT NOT NULL,
        position INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        published TEXT,
        country TEXT,
        date_low TEXT,
        date_high TEXT,
        latitude {float},
        longitude {float},
        features TEXT NOT NULL,
        record TEXT NOT NULL)""",
    "CREATE INDEX event_sources_event ON event_sources (event_id)",
    "CREATE INDEX event_sources_article ON event_sources (article_id)",
    "CREATE INDEX event_sources_country_date ON event_sources (country, date_low)",
    "CREATE INDEX event_sources_date ON event_sources (date_low)",
    """CREATE TABLE merge_links (
        id {pk},
        kind TEXT NOT NULL,
        event_id {bigint},
        source_id {bigint},
        article_id {bigint},
        other_article_id {bigint},
        score {float},
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undone_at TEXT)""",
    "CREATE INDEX merge_links_event ON merge_links (event_id)",
    """CREATE TABLE split_locks (
        source_key TEXT NOT NULL,
        event_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (source_key, event_id))""",
    """CREATE TABLE failures (
        id {pk},
        source TEXT NOT NULL,
        line INTEGER,
        kind TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL)""",
]


ROLLUP_MAX_ZOOM = 8  # grid cells are kept for map zooms 0..8 (cells of 22.5 to 0.35 degrees)
# ... and per month at two levels, for zooms 0..7: a zoom reads the first kept level at or above its
# own, whose cells make up its cells whole (a cell's size halves from one level to the next), so
# that each event written costs two upserts, not eight. From zoom 8 a view is small enough for the
# place index to group a brushed period quickly (see docs/benchmarks.md, web section). Migration 4
# fills and keeps these levels: changing them takes a migration.
ROLLUP_MONTH_LEVELS = (3, 7)
ROLLUP_MONTH_MAX_ZOOM = ROLLUP_MONTH_LEVELS[-1]
_MONTH_LEVELS = ", ".join(str(level) for level in ROLLUP_MONTH_LEVELS)
#: Every roll-up table; rows whose count has gone back to 0 may be deleted (Store.optimize).
ROLLUP_TABLES = ("rollup_cells", "rollup_areas", "rollup_days", "rollup_actors", "rollup_cells_month",
                 "rollup_areas_month")

# What one event adds to the roll-ups: ``$R`` is the row (NEW or OLD), ``$S`` the sign (1 or -1).
# The cell of a point at a level is computed as the map's own grouping computes it
# (aggregate._CELL), so a roll-up cell and a cell grouped from the events table are the same cell.
_CELL_X = {"sqlite": "CAST(($R.longitude + 180.0) / l.size AS INTEGER)",
           "postgres": "CAST(floor(($R.longitude + 180.0) / l.size) AS INTEGER)"}
_CELL_Y = {"sqlite": "CAST(($R.latitude + 90.0) / l.size AS INTEGER)",
           "postgres": "CAST(floor(($R.latitude + 90.0) / l.size) AS INTEGER)"}
_AREA_KEY = ("$R.area, COALESCE($R.country, ''), CASE WHEN $R.area = 'country' THEN '' ELSE COALESCE($R.admin1, '') "
             "END, CASE WHEN $R.area = 'region' THEN COALESCE($R.location, '') ELSE '' END")
_DAY = "COALESCE(substr($R.date_low, 1, 10), '')"
_MONTHS = "substr($R.date_low, 1, 7), COALESCE(substr($R.date_high, 1, 7), '')"


_ROLLUP_UPSERT = {
    "rollup_cells": "ON CONFLICT (level, gx, gy, event_type) DO UPDATE SET n = rollup_cells.n + excluded.n, "
                    "sum_lat = rollup_cells.sum_lat + excluded.sum_lat, "
                    "sum_lon = rollup_cells.sum_lon + excluded.sum_lon",
    "rollup_areas": "ON CONFLICT (area, country, admin1, location, event_type) DO UPDATE SET "
                    "n = rollup_areas.n + excluded.n, located = rollup_areas.located + excluded.located, "
                    "sum_lat = rollup_areas.sum_lat + excluded.sum_lat, "
                    "sum_lon = rollup_areas.sum_lon + excluded.sum_lon",
    "rollup_days": "ON CONFLICT (day, event_type) DO UPDATE SET n = rollup_days.n + excluded.n",
    "rollup_actors": "ON CONFLICT (name, event_type) DO UPDATE SET n = rollup_actors.n + excluded.n, "
                     "as1 = rollup_actors.as1 + excluded.as1, as2 = rollup_actors.as2 + excluded.as2",
    "rollup_cells_month": "ON CONFLICT (level, month, high_month, event_type, gx, gy) DO UPDATE SET "
                          "n = rollup_cells_month.n + excluded.n, "
                          "sum_lat = rollup_cells_month.sum_lat + excluded.sum_lat, "
                          "sum_lon = rollup_cells_month.sum_lon + excluded.sum_lon",
    "rollup_areas_month": "ON CONFLICT (month, high_month, event_type, area, country, admin1, location) DO UPDATE "
                          "SET n = rollup_areas_month.n + excluded.n, "
                          "located = rollup_areas_month.located + excluded.located, "
                          "sum_lat = rollup_areas_month.sum_lat + excluded.sum_lat, "
                          "sum_lon = rollup_areas_month.sum_lon + excluded.sum_lon",
}


def _rollup_statements(dialect: str, row: str, sign: str, *, months: bool) -> list[str]:
    """The upserts that add (sign 1) or take away (sign -1) event ``row``'s counts; with ``months``
    the monthly roll-ups too (migration 4 on)."""
    cells = (
        "INSERT INTO rollup_cells (level, gx, gy, event_type, n, sum_lat, sum_lon) "
        f"SELECT l.level, {_CELL_X[dialect]}, {_CELL_Y[dialect]}, $R.event_type, $S, $S * $R.latitude, "
        "$S * $R.longitude FROM rollup_levels l WHERE $R.area = '' AND $R.latitude IS NOT NULL "
        f"AND $R.longitude IS NOT NULL {_ROLLUP_UPSERT['rollup_cells']}")
    areas = (
        "INSERT INTO rollup_areas (area, country, admin1, location, event_type, n, located, sum_lat, sum_lon) "
        f"SELECT {_AREA_KEY}, $R.event_type, $S, "
        "CASE WHEN $R.latitude IS NULL OR $R.longitude IS NULL THEN 0 ELSE $S END, "
        f"$S * COALESCE($R.latitude, 0), $S * COALESCE($R.longitude, 0) WHERE $R.area <> '' "
        f"{_ROLLUP_UPSERT['rollup_areas']}")
    days = (  # "WHERE 1 = 1" keeps SQLite from reading ON CONFLICT as part of the SELECT
        f"INSERT INTO rollup_days (day, event_type, n) SELECT {_DAY}, $R.event_type, $S WHERE 1 = 1 "
        f"{_ROLLUP_UPSERT['rollup_days']}")
    actors = [
        f"INSERT INTO rollup_actors (name, event_type, n, as1, as2) SELECT $R.{side}, $R.event_type, $S, {a1}, {a2} "
        f"WHERE $R.{side} IS NOT NULL {_ROLLUP_UPSERT['rollup_actors']}"
        for side, a1, a2 in (("actor1", "$S", "0"), ("actor2", "0", "$S"))]
    monthly = []
    if months:
        monthly = [
            "INSERT INTO rollup_cells_month (level, month, high_month, event_type, gx, gy, n, sum_lat, sum_lon) "
            f"SELECT l.level, {_MONTHS}, $R.event_type, {_CELL_X[dialect]}, {_CELL_Y[dialect]}, $S, "
            f"$S * $R.latitude, $S * $R.longitude FROM rollup_levels l WHERE l.level IN ({_MONTH_LEVELS}) "
            "AND $R.area = '' AND $R.latitude IS NOT NULL AND $R.longitude IS NOT NULL AND $R.date_low <> '' "
            f"{_ROLLUP_UPSERT['rollup_cells_month']}",
            "INSERT INTO rollup_areas_month (month, high_month, event_type, area, country, admin1, location, n, "
            f"located, sum_lat, sum_lon) SELECT {_MONTHS}, $R.event_type, {_AREA_KEY}, $S, "
            "CASE WHEN $R.latitude IS NULL OR $R.longitude IS NULL THEN 0 ELSE $S END, "
            "$S * COALESCE($R.latitude, 0), $S * COALESCE($R.longitude, 0) WHERE $R.area <> '' "
            f"AND $R.date_low <> '' {_ROLLUP_UPSERT['rollup_areas_month']}",
        ]
    return [sql.replace("$R", row).replace("$S", sign) for sql in (cells, areas, days, *actors, *monthly)]


# the columns that decide where an event is counted; other updates leave the roll-ups alone
# (date_high only since the monthly roll-ups of migration 4)
_ROLLUP_COLUMNS = ("event_type", "latitude", "longitude", "area", "country", "admin1", "location", "date_low",
                   "actor1", "actor2")


def _columns(months: bool) -> tuple[str, ...]:
    return (*_ROLLUP_COLUMNS, "date_high") if months else _ROLLUP_COLUMNS


def _changed(months: bool) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _columns(months))


def _sqlite_triggers(*, months: bool, batches: bool = False) -> list[str]:
    """The roll-up triggers of SQLite; with ``batches`` (migration 5 on), rows of the batch being
    written (ids above ``rollup_pause.after_id``) are left to :func:`batch_rollups`."""
    plus = _rollup_statements("sqlite", "NEW", "1", months=months)
    minus = _rollup_statements("sqlite", "OLD", "-1", months=months)
    body = ";\n  ".join

    def when(row: str, also: str = "") -> str:
        if not batches:
            return f"WHEN {also} " if also else ""
        paused = f"NOT EXISTS (SELECT 1 FROM rollup_pause WHERE {row}.id > after_id)"
        return f"WHEN ({also}) AND {paused} " if also else f"WHEN {paused} "

    return [
        f"CREATE TRIGGER events_rollup_insert AFTER INSERT ON events {when('NEW')}BEGIN\n  {body(plus)};\nEND",
        f"CREATE TRIGGER events_rollup_delete AFTER DELETE ON events {when('OLD')}BEGIN\n  {body(minus)};\nEND",
        f"CREATE TRIGGER events_rollup_update AFTER UPDATE OF {', '.join(_columns(months))} ON events "
        f"{when('OLD', _changed(months))}BEGIN\n  {body(minus + plus)};\nEND",
    ]


def _postgres_triggers(*, months: bool) -> list[str]:
    minus = ";\n    ".join(_rollup_statements("postgres", "OLD", "-1", months=months))
    plus = ";\n    ".join(_rollup_statements("postgres", "NEW", "1", months=months))
    changed = _changed(months).replace(" IS NOT ", " IS DISTINCT FROM ")
    return [
        "CREATE FUNCTION sitrep_events_rollup() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
        "BEGIN\n"
        f"  IF TG_OP <> 'INSERT' THEN\n    {minus};\n  END IF;\n"
        f"  IF TG_OP <> 'DELETE' THEN\n    {plus};\n  END IF;\n"
        "  RETURN NULL;\nEND\n$body$",
        "CREATE TRIGGER events_rollup_write AFTER INSERT OR DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION sitrep_events_rollup()",
        f"CREATE TRIGGER events_rollup_update AFTER UPDATE OF {', '.join(_columns(months))} ON events "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION sitrep_events_rollup()",
    ]


def _drop_triggers(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER events_rollup_{op}" for op in ("insert", "delete", "update")]
    return ["DROP TRIGGER events_rollup_write ON events", "DROP TRIGGER events_rollup_update ON events",
            "DROP FUNCTION sitrep_events_rollup()"]


def _backfill(dialect: str, *, new_only: bool = False) -> list[str]:
    """Fill the roll-ups from the events a store of schema 1 already holds; with ``new_only``, from
    the events after a given id (one ``?`` parameter per ``id > ?``; see :func:`batch_rollups`)."""
    cx, cy = (_CELL_X[dialect].replace("$R.", ""), _CELL_Y[dialect].replace("$R.", ""))
    key, day = _AREA_KEY.replace("$R.", ""), _DAY.replace("$R.", "")
    new = " AND id > ?" if new_only else ""
    return [
        f"INSERT INTO rollup_cells (level, gx, gy, event_type, n, sum_lat, sum_lon) SELECT l.level, {cx}, {cy}, "
        "event_type, COUNT(*), SUM(latitude), SUM(longitude) FROM events CROSS JOIN rollup_levels l "
        f"WHERE area = '' AND latitude IS NOT NULL AND longitude IS NOT NULL{new} GROUP BY 1, 2, 3, 4",
        f"INSERT INTO rollup_areas (area, country, admin1, location, event_type, n, located, sum_lat, sum_lon) "
        f"SELECT {key}, event_type, COUNT(*), COUNT(latitude + longitude), SUM(COALESCE(latitude, 0)), "
        f"SUM(COALESCE(longitude, 0)) FROM events WHERE area <> ''{new} GROUP BY 1, 2, 3, 4, 5",
        f"INSERT INTO rollup_days (day, event_type, n) SELECT {day}, event_type, COUNT(*) FROM events "
        f"WHERE 1 = 1{new} GROUP BY 1, 2",
        "INSERT INTO rollup_actors (name, event_type, n, as1, as2) SELECT name, event_type, SUM(n), SUM(as1), SUM(as2) "
        "FROM (SELECT actor1 AS name, event_type, COUNT(*) AS n, COUNT(*) AS as1, 0 AS as2 FROM events "
        f"WHERE actor1 IS NOT NULL{new} GROUP BY 1, 2 UNION ALL SELECT actor2, event_type, COUNT(*), 0, COUNT(*) "
        f"FROM events WHERE actor2 IS NOT NULL{new} GROUP BY 1, 2) t WHERE 1 = 1 GROUP BY 1, 2",
    ]


_V2: list[Statement] = [
    "CREATE TABLE rollup_levels (level INTEGER PRIMARY KEY, size {float} NOT NULL)",
    # sizes as aggregate.cell_size computes them: a quarter of a web map tile's width in degrees
    *(f"INSERT INTO rollup_levels (level, size) VALUES ({z}, {360.0 / 2 ** z / 4.0!r})"
      for z in range(ROLLUP_MAX_ZOOM + 1)),
    """CREATE TABLE rollup_cells (
        level INTEGER NOT NULL, gx INTEGER NOT NULL, gy INTEGER NOT NULL, event_type TEXT NOT NULL,
        n INTEGER NOT NULL, sum_lat {float} NOT NULL, sum_lon {float} NOT NULL,
        PRIMARY KEY (level, gx, gy, event_type)) {norowid}""",
    """CREATE TABLE rollup_areas (
        area TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL, location TEXT NOT NULL,
        event_type TEXT NOT NULL, n INTEGER NOT NULL, located INTEGER NOT NULL, sum_lat {float} NOT NULL,
        sum_lon {float} NOT NULL, PRIMARY KEY (area, country, admin1, location, event_type)) {norowid}""",
    """CREATE TABLE rollup_days (
        day TEXT NOT NULL, event_type TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, event_type)) {norowid}""",
    """CREATE TABLE rollup_actors (
        name TEXT NOT NULL, event_type TEXT NOT NULL, n INTEGER NOT NULL, as1 INTEGER NOT NULL,
        as2 INTEGER NOT NULL, PRIMARY KEY (name, event_type)) {norowid}""",
    *({"sqlite": a, "postgres": b} for a, b in zip(_backfill("sqlite"), _backfill("postgres"), strict=True)),
    *({"sqlite": a, "postgres": b} for a, b in zip(_sqlite_triggers(months=False), _postgres_triggers(months=False),
                                                   strict=True)),
]

# Migration 3: two indexes every write paid for and no query needs any more: the timeline reads
# the roll-ups, or the date, type and country indexes when filtered; mentions are read per article.
_V3: list[Statement] = [
    "DROP INDEX IF EXISTS events_timeline",
    "DROP INDEX IF EXISTS mentions_kind_name",
]



def _backfill_months(dialect: str, *, new_only: bool = False) -> list[str]:
    """Fill the monthly roll-ups from the events a store of schema 3 already holds (``new_only``: as
    for :func:`_backfill`)."""
    cx, cy = (_CELL_X[dialect].replace("$R.", ""), _CELL_Y[dialect].replace("$R.", ""))
    key, months = _AREA_KEY.replace("$R.", ""), _MONTHS.replace("$R.", "")
    new = " AND id > ?" if new_only else ""
    return [
        "INSERT INTO rollup_cells_month (level, month, high_month, event_type, gx, gy, n, sum_lat, sum_lon) "
        f"SELECT l.level, {months}, event_type, {cx}, {cy}, COUNT(*), SUM(latitude), SUM(longitude) "
        f"FROM events CROSS JOIN rollup_levels l WHERE l.level IN ({_MONTH_LEVELS}) AND area = '' "
        f"AND latitude IS NOT NULL AND longitude IS NOT NULL AND date_low <> ''{new} GROUP BY 1, 2, 3, 4, 5, 6",
        "INSERT INTO rollup_areas_month (month, high_month, event_type, area, country, admin1, location, n, located, "
        f"sum_lat, sum_lon) SELECT {months}, event_type, {key}, COUNT(*), COUNT(latitude + longitude), "
        "SUM(COALESCE(latitude, 0)), SUM(COALESCE(longitude, 0)) FROM events WHERE area <> '' AND date_low <> ''"
        f"{new} GROUP BY 1, 2, 3, 4, 5, 6, 7",
    ]


# Migration 4: the monthly roll-ups, keyed so that a period's whole months are read by range (the
# level, then the month); the triggers are made again to keep them too.
_V4: list[Statement] = [
    """CREATE TABLE rollup_cells_month (
        level INTEGER NOT NULL, month TEXT NOT NULL, high_month TEXT NOT NULL, event_type TEXT NOT NULL,
        gx INTEGER NOT NULL, gy INTEGER NOT NULL, n INTEGER NOT NULL, sum_lat {float} NOT NULL,
        sum_lon {float} NOT NULL, PRIMARY KEY (level, month, high_month, event_type, gx, gy)) {norowid}""",
    """CREATE TABLE rollup_areas_month (
        month TEXT NOT NULL, high_month TEXT NOT NULL, event_type TEXT NOT NULL, area TEXT NOT NULL,
        country TEXT NOT NULL, admin1 TEXT NOT NULL, location TEXT NOT NULL, n INTEGER NOT NULL,
        located INTEGER NOT NULL, sum_lat {float} NOT NULL, sum_lon {float} NOT NULL,
        PRIMARY KEY (month, high_month, event_type, area, country, admin1, location)) {norowid}""",
    *({"sqlite": a, "postgres": b} for a, b in zip(_backfill_months("sqlite"), _backfill_months("postgres"),
                                                   strict=True)),
    *({"sqlite": a, "postgres": b} for a, b in zip(_drop_triggers("sqlite"), _drop_triggers("postgres"),
                                                   strict=True)),
    *({"sqlite": a, "postgres": b} for a, b in zip(_sqlite_triggers(months=True), _postgres_triggers(months=True),
                                                   strict=True)),
]

# Migration 5: on SQLite, a batch of writes keeps the roll-ups in one grouped pass at its end instead
# of a dozen upserts per event (the triggers were a third of an ingest's time). The batch records
# the last event id before it in ``rollup_pause`` (inside its transaction, so no reader ever sees
# it); the triggers leave rows above that id alone, and :func:`batch_rollups` adds those rows as they
# stand at the end. Rows at or below it (events stored before the batch) keep their triggers.
# PostgreSQL keeps its triggers as they are: several writers may work at once there.
_V5: list[Statement] = [
    "CREATE TABLE rollup_pause (after_id {bigint} NOT NULL)",
    *({"sqlite": a, "postgres": "SELECT 1"} for a in _drop_triggers("sqlite")),
    *({"sqlite": a, "postgres": "SELECT 1"} for a in _sqlite_triggers(months=True, batches=True)),
]

# Migration 6: two tables that every ingested article wrote dozens of rows to, made cheaper.
# ``mentions`` held a copy of what the article's stored record already holds (its "mentions"), and
# nothing in sitrep read it: it becomes a view over the records, with the same columns (less the
# row id), for whoever queries it in SQL. ``article_bands`` on SQLite becomes a table keyed by
# (band, article) WITHOUT ROWID: one B-tree written per band instead of a table and its lookup
# index. On PostgreSQL the table is already as good as it gets with its index, and is kept. The
# index the merge finds candidate reports by covers what it filters them by.
_MENTION_KINDS = (("actor", "actors"), ("place", "places"), ("time", "times"), ("quantity", "quantities"))
_MENTIONS_VIEW = {
    "sqlite": "CREATE VIEW mentions AS SELECT a.id AS article_id, k.kind AS kind, "
              "CAST(CASE WHEN k.kind IN ('actor', 'place') THEN json_extract(m.value, '$.name') "
              "ELSE json_extract(m.value, '$.value') END AS TEXT) AS name, "
              "COALESCE(json_extract(m.value, '$.text'), '') AS text, "
              "CAST(COALESCE(json_extract(m.value, '$.start'), 0) AS INTEGER) AS start_offset, "
              "CAST(COALESCE(json_extract(m.value, '$.end'), 0) AS INTEGER) AS end_offset, "
              "CAST(COALESCE(NULLIF(json_extract(m.value, '$.kb_id'), ''), json_extract(m.value, '$.geonames_id')) "
              "AS TEXT) AS kb_id, json_extract(m.value, '$.country') AS country, "
              "json_extract(m.value, '$.latitude') AS latitude, json_extract(m.value, '$.longitude') AS longitude "
              "FROM articles a CROSS JOIN (" + " UNION ALL ".join(
                  f"SELECT '{kind}' AS kind, '$.mentions.{key}' AS path" for kind, key in _MENTION_KINDS) +
              ") k CROSS JOIN json_each(a.record, k.path) m",
    "postgres": "CREATE VIEW mentions AS SELECT a.id AS article_id, k.kind AS kind, "
                "CASE WHEN k.kind IN ('actor', 'place') THEN m ->> 'name' ELSE m ->> 'value' END AS name, "
                "COALESCE(m ->> 'text', '') AS text, COALESCE((m ->> 'start')::integer, 0) AS start_offset, "
                "COALESCE((m ->> 'end')::integer, 0) AS end_offset, "
                "COALESCE(NULLIF(m ->> 'kb_id', ''), m ->> 'geonames_id') AS kb_id, m ->> 'country' AS country, "
                "(m ->> 'latitude')::double precision AS latitude, "
                "(m ->> 'longitude')::double precision AS longitude "
                "FROM articles a CROSS JOIN (VALUES " + ", ".join(
                    f"('{kind}', '{key}')" for kind, key in _MENTION_KINDS) +
                ") AS k (kind, list) CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN "
                "jsonb_typeof(a.record::jsonb -> 'mentions' -> k.list) = 'array' "
                "THEN a.record::jsonb -> 'mentions' -> k.list ELSE '[]'::jsonb END) AS m",
}
_V6: list[Statement] = [
    "DROP TABLE mentions",
    _MENTIONS_VIEW,
    {"sqlite": """CREATE TABLE article_bands_keyed (
        band_key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_id)) WITHOUT ROWID""", "postgres": "SELECT 1"},
    {"sqlite": "INSERT OR IGNORE INTO article_bands_keyed (band_key, article_id) "
               "SELECT band_key, article_id FROM article_bands", "postgres": "SELECT 1"},
    {"sqlite": "DROP TABLE article_bands", "postgres": "SELECT 1"},
    {"sqlite": "ALTER TABLE article_bands_keyed RENAME TO article_bands", "postgres": "SELECT 1"},
    {"sqlite": "CREATE INDEX article_bands_article ON article_bands (article_id)", "postgres": "SELECT 1"},
    # the merge's candidate search filters a country's reports by dates and a box, and wants the
    # event of those that pass: all in the index, so that rows are read only for the candidates
    "DROP INDEX event_sources_country_date",
    "CREATE INDEX event_sources_candidates ON event_sources (country, date_low, date_high, latitude, longitude, "
    "event_id)",
]

# Migration 7: the covering index that groups the events drawn as areas holds only those events.
# Every query that groups or lists them says ``area <> ''`` (aggregate._AREA), which lets both
# backends read a partial index; a point event, most of them, no longer writes an entry there that
# no query reads (an entry of nine columns at a random place: a batch of 1,000 articles into a store
# of 200,000 events dirtied about 1,000 more pages with it, of 16,400, and an event insert cost half
# as much again).
_V7: list[Statement] = [
    "DROP INDEX events_areas",
    "CREATE INDEX events_areas ON events (area, country, admin1, location, event_type, feature, geo_precision, "
    "latitude, longitude) WHERE area <> ''",
]

MIGRATIONS: list[list[Statement]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7]
SCHEMA_VERSION = len(MIGRATIONS)
MARKER = "sitrep event store"
_OUR_TABLES = {"articles", "events", "event_sources", "mentions", "merge_links", "failures"}


def migrate(db: Database, *, label: str, readonly: bool = False) -> int:
    """Bring the store at ``db`` to :data:`SCHEMA_VERSION`; return the version found before.

    Raises :class:`StoreError` for a database that is not a sitrep store (other tables, no marker)
    or one made by a newer sitrep.
    """
    from ..errors import StoreError

    tables = db.tables()
    if "store_meta" in tables:
        marker = db.scalar("SELECT value FROM store_meta WHERE key = 'application'")
        if marker != MARKER:
            raise StoreError(f"{label}: this database belongs to another application (its store_meta table "
                             "has no sitrep marker); give sitrep its own database file or schema")
        found = int(db.scalar("SELECT value FROM store_meta WHERE key = 'schema_version'") or 0)
    elif tables & _OUR_TABLES:
        clash = ", ".join(sorted(tables & _OUR_TABLES))
        raise StoreError(f"{label}: this database has tables named like sitrep's ({clash}) "
                         "but is not a sitrep store; give sitrep its own database file or schema")
    else:
        found = 0
    if db.dialect == "sqlite" and found == 0:
        app = db.scalar("PRAGMA application_id")
        if app not in (0, APPLICATION_ID):
            raise StoreError(f"{label}: this SQLite file belongs to another application (application_id "
                             f"{app:#x}); give sitrep its own database file")
    if found > SCHEMA_VERSION:
        raise StoreError(f"{label}: the store has schema version {found}, made by a newer sitrep than this one "
                         f"(which knows up to {SCHEMA_VERSION}); upgrade sitrep to use it")
    if found and not readonly:
        restore_query_indexes(db)  # a bulk load that never finished (killed) left them dropped
    if found == SCHEMA_VERSION:
        return found
    if readonly:
        if found == 0:
            raise StoreError(f"{label}: no sitrep store here yet; `sitrep ingest` creates one")
        raise StoreError(f"{label}: the store has schema version {found} and needs upgrading to "
                         f"{SCHEMA_VERSION}; any writing command (e.g. `sitrep ingest`) upgrades it")
    with db.transaction():
        for version in range(found, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                db.execute(statement if isinstance(statement, str) else statement[db.dialect])
        if found == 0:
            db.execute("INSERT INTO store_meta (key, value) VALUES ('application', ?)", (MARKER,))
            db.execute("INSERT INTO store_meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        else:
            db.execute("UPDATE store_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
    if db.dialect == "sqlite":
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return found


def batch_rollups(dialect: str) -> list[str]:
    """The statements that add the events above an id to every roll-up, grouped (each ``?`` is
    that id): the end of a batch whose rows the triggers left alone (migration 5)."""
    out = []
    for sql in (*_backfill(dialect, new_only=True), *_backfill_months(dialect, new_only=True)):
        table = sql.split()[2]
        if dialect == "sqlite":
            # the batch's rows are the last ids: read by that range (NOT INDEXED leaves SQLite the
            # row id), never through a place index, which the other conditions or the grouping would
            # let it choose, reading every located event of the store at each batch
            sql = sql.replace(" FROM events ", " FROM events NOT INDEXED ")
        out.append(f"{sql} {_ROLLUP_UPSERT[table]}")
    return out


# -- bulk loads ----------------------------------------------------------------------------------

#: store_meta key holding the definitions of the indexes a bulk load dropped (a JSON list of SQL)
BULK_KEY = "bulk_load_dropped_indexes"


def drop_query_indexes(db: Database) -> int:
    """For a large load into a SQLite store: drop the indexes of ``events`` that only queries and the
    map read (the ingest itself reads events by row id and reports through ``event_sources``, whose
    indexes stay), keeping their definitions in ``store_meta`` in the same transaction, so that
    :func:`restore_query_indexes` builds them again at the end of the load, or at the next opening
    for writing if the load was killed. Building an index once over sorted rows is much cheaper than
    keeping seven up to date row by row, each at random places. Nothing on PostgreSQL. The number of indexes dropped."""
    if db.dialect != "sqlite":
        return 0
    with db.transaction():
        rows = db.all("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
                      "AND sql IS NOT NULL ORDER BY name")
        if not rows:
            return 0
        saved = _dropped(db)
        saved += [str(sql) for _, sql in rows if str(sql) not in saved]
        db.execute("INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                   "excluded.value", (BULK_KEY, json.dumps(saved)))
        for name, _ in rows:
            db.execute(f'DROP INDEX "{name}"')
    return len(rows)


def restore_query_indexes(db: Database) -> int:
    """Build again the indexes a bulk load dropped (:func:`drop_query_indexes`); the number built."""
    if db.dialect != "sqlite":
        return 0
    saved = _dropped(db)
    if not saved:
        return 0
    with db.transaction():
        for sql in saved:
            db.execute(re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX IF NOT EXISTS ", sql, count=1))
        db.execute("DELETE FROM store_meta WHERE key = ?", (BULK_KEY,))
    return len(saved)


def _dropped(db: Database) -> list[str]:
    value = db.scalar("SELECT value FROM store_meta WHERE key = ?", (BULK_KEY,))
    return [str(v) for v in json.loads(value)] if value else []
