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
"""

from __future__ import annotations

from .db import APPLICATION_ID, Database

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]

_V1 = [
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

MIGRATIONS: list[list[str]] = [_V1]
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
                db.execute(statement)
        if found == 0:
            db.execute("INSERT INTO store_meta (key, value) VALUES ('application', ?)", (MARKER,))
            db.execute("INSERT INTO store_meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        else:
            db.execute("UPDATE store_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
    if db.dialect == "sqlite":
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return found
