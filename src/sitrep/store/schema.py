"""The store's schema, as numbered migrations that run on both backends.

A store records the number of the last migration applied (``store_meta.schema_version``) and an
application marker, so that a database made by something else, or by a newer sitrep, is refused
with a clear message instead of being written to. Migrations only ever get appended.

Tables:

``articles``        one row per article (its key, content hash, text and the full extraction record)
``article_bands``   MinHash LSH bands of each article, to find near-duplicates incrementally
``mentions``        every actor, place, time and quantity found in an article (for highlighting)
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
Migration 3 drops two indexes that no query needs since then.
"""

from __future__ import annotations

from .db import APPLICATION_ID, Database

__all__ = ["MIGRATIONS", "ROLLUP_MAX_ZOOM", "SCHEMA_VERSION", "migrate"]

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


def _rollup_statements(dialect: str, row: str, sign: str) -> list[str]:
    """The upserts that add (sign 1) or take away (sign -1) event ``row``'s counts."""
    cells = (
        "INSERT INTO rollup_cells (level, gx, gy, event_type, n, sum_lat, sum_lon) "
        f"SELECT l.level, {_CELL_X[dialect]}, {_CELL_Y[dialect]}, $R.event_type, $S, $S * $R.latitude, "
        "$S * $R.longitude FROM rollup_levels l WHERE $R.area = '' AND $R.latitude IS NOT NULL "
        "AND $R.longitude IS NOT NULL "
        "ON CONFLICT (level, gx, gy, event_type) DO UPDATE SET n = rollup_cells.n + excluded.n, "
        "sum_lat = rollup_cells.sum_lat + excluded.sum_lat, sum_lon = rollup_cells.sum_lon + excluded.sum_lon")
    areas = (
        "INSERT INTO rollup_areas (area, country, admin1, location, event_type, n, located, sum_lat, sum_lon) "
        f"SELECT {_AREA_KEY}, $R.event_type, $S, "
        "CASE WHEN $R.latitude IS NULL OR $R.longitude IS NULL THEN 0 ELSE $S END, "
        "$S * COALESCE($R.latitude, 0), $S * COALESCE($R.longitude, 0) WHERE $R.area <> '' "
        "ON CONFLICT (area, country, admin1, location, event_type) DO UPDATE SET n = rollup_areas.n + excluded.n, "
        "located = rollup_areas.located + excluded.located, sum_lat = rollup_areas.sum_lat + excluded.sum_lat, "
        "sum_lon = rollup_areas.sum_lon + excluded.sum_lon")
    days = (  # "WHERE 1 = 1" keeps SQLite from reading ON CONFLICT as part of the SELECT
        f"INSERT INTO rollup_days (day, event_type, n) SELECT {_DAY}, $R.event_type, $S WHERE 1 = 1 "
        "ON CONFLICT (day, event_type) DO UPDATE SET n = rollup_days.n + excluded.n")
    actors = [
        f"INSERT INTO rollup_actors (name, event_type, n, as1, as2) SELECT $R.{side}, $R.event_type, $S, {a1}, {a2} "
        f"WHERE $R.{side} IS NOT NULL ON CONFLICT (name, event_type) DO UPDATE SET n = rollup_actors.n + excluded.n, "
        "as1 = rollup_actors.as1 + excluded.as1, as2 = rollup_actors.as2 + excluded.as2"
        for side, a1, a2 in (("actor1", "$S", "0"), ("actor2", "0", "$S"))]
    return [sql.replace("$R", row).replace("$S", sign) for sql in (cells, areas, days, *actors)]


# the columns that decide where an event is counted; other updates leave the roll-ups alone
_ROLLUP_COLUMNS = ("event_type", "latitude", "longitude", "area", "country", "admin1", "location", "date_low",
                   "actor1", "actor2")
_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _ROLLUP_COLUMNS)


def _sqlite_triggers() -> list[str]:
    plus, minus = _rollup_statements("sqlite", "NEW", "1"), _rollup_statements("sqlite", "OLD", "-1")
    body = ";\n  ".join
    return [
        f"CREATE TRIGGER events_rollup_insert AFTER INSERT ON events BEGIN\n  {body(plus)};\nEND",
        f"CREATE TRIGGER events_rollup_delete AFTER DELETE ON events BEGIN\n  {body(minus)};\nEND",
        f"CREATE TRIGGER events_rollup_update AFTER UPDATE OF {', '.join(_ROLLUP_COLUMNS)} ON events "
        f"WHEN {_CHANGED} BEGIN\n  {body(minus + plus)};\nEND",
    ]


def _postgres_triggers() -> list[str]:
    minus = ";\n    ".join(_rollup_statements("postgres", "OLD", "-1"))
    plus = ";\n    ".join(_rollup_statements("postgres", "NEW", "1"))
    changed = _CHANGED.replace(" IS NOT ", " IS DISTINCT FROM ")
    return [
        "CREATE FUNCTION sitrep_events_rollup() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
        "BEGIN\n"
        f"  IF TG_OP <> 'INSERT' THEN\n    {minus};\n  END IF;\n"
        f"  IF TG_OP <> 'DELETE' THEN\n    {plus};\n  END IF;\n"
        "  RETURN NULL;\nEND\n$body$",
        "CREATE TRIGGER events_rollup_write AFTER INSERT OR DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION sitrep_events_rollup()",
        f"CREATE TRIGGER events_rollup_update AFTER UPDATE OF {', '.join(_ROLLUP_COLUMNS)} ON events "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION sitrep_events_rollup()",
    ]


def _backfill(dialect: str) -> list[str]:
    """Fill the roll-ups from the events a store of schema 1 already holds."""
    cx, cy = (_CELL_X[dialect].replace("$R.", ""), _CELL_Y[dialect].replace("$R.", ""))
    key, day = _AREA_KEY.replace("$R.", ""), _DAY.replace("$R.", "")
    return [
        f"INSERT INTO rollup_cells (level, gx, gy, event_type, n, sum_lat, sum_lon) SELECT l.level, {cx}, {cy}, "
        "event_type, COUNT(*), SUM(latitude), SUM(longitude) FROM events CROSS JOIN rollup_levels l "
        "WHERE area = '' AND latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4",
        f"INSERT INTO rollup_areas (area, country, admin1, location, event_type, n, located, sum_lat, sum_lon) "
        f"SELECT {key}, event_type, COUNT(*), COUNT(latitude + longitude), SUM(COALESCE(latitude, 0)), "
        "SUM(COALESCE(longitude, 0)) FROM events WHERE area <> '' GROUP BY 1, 2, 3, 4, 5",
        f"INSERT INTO rollup_days (day, event_type, n) SELECT {day}, event_type, COUNT(*) FROM events GROUP BY 1, 2",
        "INSERT INTO rollup_actors (name, event_type, n, as1, as2) SELECT name, event_type, SUM(n), SUM(as1), SUM(as2) "
        "FROM (SELECT actor1 AS name, event_type, COUNT(*) AS n, COUNT(*) AS as1, 0 AS as2 FROM events "
        "WHERE actor1 IS NOT NULL GROUP BY 1, 2 UNION ALL SELECT actor2, event_type, COUNT(*), 0, COUNT(*) FROM events "
        "WHERE actor2 IS NOT NULL GROUP BY 1, 2) t GROUP BY 1, 2",
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
    *({"sqlite": a, "postgres": b} for a, b in zip(_sqlite_triggers(), _postgres_triggers(), strict=True)),
]

# Migration 3: two indexes every write paid for and no query needs any more: the timeline reads
# the roll-ups, or the date, type and country indexes when filtered; mentions are read per article.
_V3: list[Statement] = [
    "DROP INDEX IF EXISTS events_timeline",
    "DROP INDEX IF EXISTS mentions_kind_name",
]

MIGRATIONS: list[list[Statement]] = [_V1, _V2, _V3]
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
