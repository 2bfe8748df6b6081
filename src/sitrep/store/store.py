"""The event store: articles, their mentions and events, merged across reports.

:func:`open_store` gives a :class:`Store` over SQLite or PostgreSQL. :meth:`Store.add` takes
extraction records (the ``docs`` format of the contract) and commits a whole batch or nothing;
merging happens as each report arrives (:mod:`sitrep.store.merge`). Queries read the merged
events; :meth:`Store.why` and :meth:`Store.split` explain and undo merges.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import orjson

from ..errors import ConfigError
from .db import Database, connect, describe_url
from .merge import (
    DATE_WINDOW,
    FALLBACK_WINDOW,
    MAX_KM,
    MERGE_THRESHOLD,
    NEAR_DUP_JACCARD,
    Features,
    Report,
    best_match,
    fuse,
    resemblance,
)
from .prepare import EVENT_FIELDS, Prepared, PreparedReport, event_row, prepare
from .query import EventQuery, encode_cursor, order_by, sort_value, where
from .schema import ROLLUP_TABLES, batch_rollups, drop_query_indexes, migrate, restore_query_indexes

__all__ = ["AddResult", "Page", "Store", "open_store"]

JSON = dict[str, Any]
EVENT_COLUMNS = ("id", "event_id", "date_low", "fatalities_best", "number_of_sources", "record")
_CANDIDATE_LIMIT = 5000
_NEAR_DUP_CANDIDATES = 20
_MIN_SHARED_BANDS = 2
_PER_BAND = 50
_BATCH_ROLLUPS = batch_rollups("sqlite")
_LONGEST_RANGE = 7  # days: reports dated by a wider range (a month) are found only when they start near
_INSERT_FIELDS = ", ".join(EVENT_FIELDS)
_INSERT_MARKS = ", ".join("?" * len(EVENT_FIELDS))


@cache
def _shared_bands_sql(n: int) -> str:
    """The articles sharing at least ``_MIN_SHARED_BANDS`` of ``n`` bands (``?`` each) among the
    latest ``_PER_BAND`` of each band, the ``_NEAR_DUP_CANDIDATES`` sharing most first.

    Counted by the database, so that a few rows come back rather than every article of every band
    (a hundred or more, for an article with common phrases). Ties are ranked as a count of those
    rows in their order would rank them (``Counter.most_common``, which keeps first-seen order):
    by the first band an article is found in, then latest first, as each band lists them.
    """
    union = " UNION ALL ".join(
        f"SELECT article_id, {i} AS band FROM (SELECT article_id FROM article_bands WHERE band_key = ? "
        f"ORDER BY article_id DESC LIMIT {_PER_BAND}) AS b{i}" for i in range(n))
    return (f"SELECT article_id FROM ({union}) AS shared GROUP BY article_id "
            f"HAVING COUNT(*) >= {_MIN_SHARED_BANDS} ORDER BY COUNT(*) DESC, MIN(band), article_id DESC "
            f"LIMIT {_NEAR_DUP_CANDIDATES}")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _loads(raw: Any) -> Any:
    return orjson.loads(raw if isinstance(raw, (bytes, str)) else bytes(raw))


@dataclass(slots=True)
class AddResult:
    """What one batch did to the store."""

    added: int = 0  # articles new to the store
    updated: int = 0  # articles stored before with different content
    unchanged: int = 0  # articles stored before with the same content: nothing done
    reports: int = 0  # events read from the articles
    merged: int = 0  # ... of which joined an existing event
    near_duplicates: int = 0  # articles linked to an earlier near-identical article

    def __iadd__(self, other: AddResult) -> AddResult:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


@dataclass(slots=True)
class Page:
    events: list[JSON]
    next_cursor: str | None = None
    query: JSON = field(default_factory=dict)


class Store:
    """An open store. Not shared between threads; open one per thread or process."""

    def __init__(self, db: Database, label: str) -> None:
        self.db = db
        self.label = label

    # -- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        return self.db.dialect

    # -- writing --------------------------------------------------------------------------------
    def stored_hash(self, key: str) -> str | None:
        """The content hash of article ``key`` as stored, or None if it is not stored."""
        value = self.db.scalar("SELECT content_hash FROM articles WHERE key = ?", (key,))
        return str(value) if value is not None else None

    def known(self, keys: Sequence[str]) -> dict[str, str]:
        """Stored content hashes of those of ``keys`` already in the store."""
        out: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            marks = ",".join("?" * len(chunk))
            for key, digest in self.db.all(f"SELECT key, content_hash FROM articles WHERE key IN ({marks})", chunk):
                out[key] = digest
        return out

    def add(self, records: Iterable[JSON | Prepared], *, meanwhile: Callable[[], object] | None = None
            ) -> AddResult:
        """Store a batch of extraction records (contract ``docs`` form, or made ready by
        :func:`prepare`) in one transaction. ``meanwhile``, if given, is called while the batch
        commits (see :meth:`Database.transaction <sitrep.store.db.Database.transaction>`); it must not
        use this store."""
        result = AddResult()
        prepared = [r if isinstance(r, Prepared) else prepare(r, self.label) for r in records]
        with self.db.transaction(meanwhile=meanwhile):
            after = self._pause_rollups()
            touched: set[int] = set()
            now = _now()  # one time for the batch: it is committed at once
            stored = self._stored_articles([p.key for p in prepared])
            for prep in prepared:
                result += self._add_one(prep, touched, now, stored)
            for event_pk in touched:
                self._fuse_again(event_pk)
            # the batch's roll-ups, in one grouped pass, here rather than beside ``meanwhile``: each
            # of their statements, run in the committing thread, waited for the interpreter lock
            # on its way back while ``meanwhile`` held it (measured: 10% slower in all)
            self._resume_rollups(after)
        return result

    def _pause_rollups(self) -> int | None:
        """On SQLite, leave the roll-ups of the events this batch creates to one grouped pass at its
        end (schema migration 5); the last event id before the batch, or None on PostgreSQL."""
        if self.db.dialect != "sqlite" or "rollup_pause" not in self.db.tables():
            return None
        self.db.execute("DELETE FROM rollup_pause")  # only ever non-empty inside a batch's transaction
        after = int(self.db.scalar("SELECT COALESCE(MAX(id), 0) FROM events"))
        self.db.execute("INSERT INTO rollup_pause (after_id) VALUES (?)", (after,))
        return after

    def _resume_rollups(self, after: int | None) -> None:
        if after is None:
            return
        for sql in _BATCH_ROLLUPS:
            self.db.execute(sql, [after] * sql.count("?"))
        self.db.execute("DELETE FROM rollup_pause")

    def add_failures(self, failures: Iterable[tuple[str, int | None, str, str]]) -> None:
        """Record inputs that could not be read: (source, line, kind, message)."""
        rows = [(src, line, kind, msg, _now()) for src, line, kind, msg in failures]
        if rows:
            with self.db.transaction():
                # the same input failing again on a later run is one failure, seen last now
                self.db.executemany("DELETE FROM failures WHERE source = ? AND COALESCE(line, -1) = COALESCE(?, -1)",
                                    [(r[0], r[1]) for r in rows])
                self.db.executemany("INSERT INTO failures (source, line, kind, message, at) VALUES (?, ?, ?, ?, ?)",
                                    rows)

    def _stored_articles(self, keys: Sequence[str]) -> dict[str, tuple[int, str]]:
        """The row id and content hash of those of ``keys`` already stored, read in a few queries."""
        out: dict[str, tuple[int, str]] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), 500):
            chunk = unique[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for pk, key, digest in self.db.all(f"SELECT id, key, content_hash FROM articles WHERE key IN ({marks})",
                                               chunk):
                out[str(key)] = (int(pk), str(digest))
        return out

    def _add_one(self, prep: Prepared, touched: set[int], now: str, stored: dict[str, tuple[int, str]]
                 ) -> AddResult:
        """Store one article; ``stored`` holds the articles of the batch stored already (and is kept
        current, should an article come twice in one batch)."""
        result = AddResult()
        key, article = prep.key, prep.article
        row = stored.get(key)
        if row is not None and row[1] == prep.digest:
            result.unchanged = 1
            return result
        if row is not None:
            article_pk = row[0]
            touched |= self._detach_article(article_pk)
            self.db.execute(
                "UPDATE articles SET content_hash = ?, version = version + 1, title = ?, url = ?, outlet = ?, "
                "published = ?, text = ?, record = ?, signature = ?, near_dup_of = NULL, updated_at = ? WHERE id = ?",
                (prep.digest, article.get("title"), article.get("url"), prep.outlet, article.get("published"),
                 prep.text, prep.stored, prep.signature, now, article_pk))
            result.updated = 1
        else:
            article_pk = self.db.insert(
                "INSERT INTO articles (key, content_hash, title, url, outlet, published, text, record, signature, "
                "ingested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (key, prep.digest, article.get("title"), article.get("url"), prep.outlet, article.get("published"),
                 prep.text, prep.stored, prep.signature, now, now))
            result.added = 1
        stored[key] = (article_pk, prep.digest)
        near = self._near_duplicates(article_pk, prep.signature, prep.bands, now) if prep.signature else {}
        if near:
            result.near_duplicates = 1
        near_keys = frozenset(near)
        for position, rep in enumerate(prep.reports):
            feats = replace(rep.features, near_dups=near_keys) if near_keys else rep.features
            event_pk, joined = self._place_report(feats, rep, article.get("title"), now)
            self.db.execute(
                "INSERT INTO event_sources (event_id, article_id, report_key, position, event_type, published, "
                "country, date_low, date_high, latitude, longitude, features, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_pk, article_pk, rep.source_key or f"{key}#{position}", position, feats.event_type,
                 article.get("published"), feats.country or "", rep.date_low, rep.date_high, feats.lat, feats.lon,
                 rep.features_json, rep.record_json))
            if joined is not None:
                self.db.execute(
                    "INSERT INTO merge_links (kind, event_id, article_id, score, reason, created_at) "
                    "VALUES ('event', ?, ?, ?, ?, ?)",
                    (event_pk, article_pk, joined[0], orjson.dumps(list(joined[1])).decode(), now))
                result.merged += 1
                touched.add(event_pk)
            result.reports += 1
        return result

    def _detach_article(self, article_pk: int) -> set[int]:
        """Remove what an older version of an article contributed; the events it touched."""
        touched = {int(r[0]) for r in self.db.all("SELECT DISTINCT event_id FROM event_sources WHERE article_id = ?",
                                                  (article_pk,))}
        self.db.execute("DELETE FROM event_sources WHERE article_id = ?", (article_pk,))
        self.db.execute("DELETE FROM article_bands WHERE article_id = ?", (article_pk,))
        return touched

    def _near_duplicates(self, article_pk: int, sig: bytes, bands: Sequence[int], now: str) -> dict[str, float]:
        found: dict[str, float] = {}
        # the latest few articles sharing each band: bounded work however large the store (a
        # band shared by thousands of articles is boilerplate, not evidence); near-duplicates share
        # several bands, an article sharing one is usually chance
        likely = [int(r[0]) for r in self.db.all(_shared_bands_sql(len(bands)), bands) if int(r[0]) != article_pk]
        rows = []
        if likely:
            marks = ",".join("?" * len(likely))
            rows = self.db.all(f"SELECT id, key, signature FROM articles WHERE id IN ({marks})", likely)
        earliest: tuple[int, float] | None = None
        for other_pk, other_key, other_sig in rows:
            if other_sig is None:
                continue
            r = resemblance(sig, bytes(other_sig))
            if r >= NEAR_DUP_JACCARD:
                found[other_key] = r
                self.db.execute(
                    "INSERT INTO merge_links (kind, article_id, other_article_id, score, reason, created_at) "
                    "VALUES ('article', ?, ?, ?, ?, ?)",
                    (article_pk, other_pk, r, orjson.dumps([f"near-duplicate text, resemblance {r:.2f}"]).decode(),
                     now))
                if earliest is None or other_pk < earliest[0]:
                    earliest = (other_pk, r)
        if earliest is not None:
            self.db.execute("UPDATE articles SET near_dup_of = ? WHERE id = ?", (earliest[0], article_pk))
        # (a key repeated within one signature would be the same row: kept once)
        self.db.executemany("INSERT INTO article_bands (band_key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            [(key, article_pk) for key in bands])
        return found

    def _candidates(self, feats: Features) -> dict[int, list[Features]]:
        """Stored reports that could tell of the same event as ``feats``, by merged event."""
        params: list[Any] = []
        conds: list[str] = []
        if feats.date_low is not None and feats.date_high is not None:
            window = max(DATE_WINDOW, FALLBACK_WINDOW)
            low = dt.date.fromordinal(feats.date_low - window).isoformat()
            high = dt.date.fromordinal(feats.date_high + window).isoformat()
            earliest = dt.date.fromordinal(feats.date_low - window - _LONGEST_RANGE).isoformat()
            conds.append("date_low BETWEEN ? AND ? AND date_high >= ?")
            params += [earliest, high, low]
        elif not feats.near_dups:
            return {}
        if feats.country:
            conds.append("country IN (?, '')")  # '' is unknown: such reports can match any country
            params.append(feats.country)
        if feats.lat is not None and feats.lon is not None:
            # a box a little larger than MAX_KM around the place: farther reports cannot match
            dlat = MAX_KM / 110.0 * 1.1
            dlon = dlat / max(0.05, math.cos(math.radians(feats.lat)))
            conds.append("(latitude IS NULL OR (latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?))")
            params += [feats.lat - dlat, feats.lat + dlat, feats.lon - dlon, feats.lon + dlon]
        # every report of each candidate event, not only those in the window: the match weighs a
        # report against the whole event (see merge.best_match)
        near = "SELECT event_id FROM event_sources"
        if conds:
            near += " WHERE " + " AND ".join(conds)
        rows = self.db.all("SELECT id, event_id, features FROM event_sources WHERE event_id IN "
                           f"(SELECT event_id FROM ({near} LIMIT {_CANDIDATE_LIMIT}) AS c)", params)
        if feats.near_dups:
            marks = ",".join("?" * len(feats.near_dups))
            rows += self.db.all(
                f"SELECT s.id, s.event_id, s.features FROM event_sources s JOIN articles a ON a.id = s.article_id "
                f"WHERE a.key IN ({marks})", sorted(feats.near_dups))
        by_event: dict[int, list[Features]] = defaultdict(list)
        seen: set[int] = set()
        for source_pk, event_pk, raw in rows:
            if source_pk in seen:
                continue
            seen.add(source_pk)
            by_event[int(event_pk)].append(Features.from_json(_loads(raw)))
        return by_event

    def _place_report(self, feats: Features, rep: PreparedReport, title: str | None, now: str
                      ) -> tuple[int, tuple[float, tuple[str, ...]] | None]:
        """The merged event a report joins (an existing one, or a new one) and why."""
        best: tuple[float, int, tuple[str, ...]] | None = None
        for event_pk, members in self._candidates(feats).items():
            m = best_match(feats, members)
            if m is None or m.score < MERGE_THRESHOLD:
                continue
            if best is None or m.score > best[0]:
                best = (m.score, event_pk, m.reasons)
        if best is not None and rep.source_key:
            public = self.db.scalar("SELECT event_id FROM events WHERE id = ?", (best[1],))
            if self.db.scalar("SELECT 1 FROM split_locks WHERE source_key = ? AND event_id = ?",
                              (rep.source_key, public)):
                best = None
        if best is not None:
            return best[1], (best[0], best[2])
        # a new event of this one report, written whole (no second pass needed unless another joins)
        public_id, columns = rep.public_id, rep.columns
        while True:
            row = self.db.one(
                f"INSERT INTO events ({_INSERT_FIELDS}, updated_at) VALUES ({_INSERT_MARKS}, ?) "
                "ON CONFLICT (event_id) DO NOTHING RETURNING id",
                (public_id, *columns, now))
            if row is not None:
                return int(row[0]), None
            public_id = hashlib.sha1(public_id.encode()).hexdigest()[:16]  # taken (a split kept the id)
            columns = event_row(fuse(public_id, [rep.report]), [title])

    def _fuse_again(self, event_pk: int) -> None:
        """Recompute one merged event from its reports (or delete it if none is left)."""
        rows = self.db.all(
            "SELECT s.record, a.key, a.published, a.url, a.outlet, a.title FROM event_sources s "
            "JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? ORDER BY s.id", (event_pk,))
        if not rows:
            self.db.execute("DELETE FROM merge_links WHERE event_id = ?", (event_pk,))
            self.db.execute("DELETE FROM events WHERE id = ?", (event_pk,))
            return
        public = self.db.scalar("SELECT event_id FROM events WHERE id = ?", (event_pk,))
        reports = [Report(record=_loads(r[0]), article_key=r[1], published=r[2], url=r[3], outlet=r[4]) for r in rows]
        fused = fuse(str(public), reports)
        sets = ", ".join(f"{name} = ?" for name in EVENT_FIELDS[1:])
        self.db.execute(f"UPDATE events SET {sets}, updated_at = ? WHERE id = ?",
                        (*event_row(fused, [r[5] for r in rows]), _now(), event_pk))

    def begin_bulk(self) -> int:
        """Ready a SQLite store for a large load: drop the indexes only queries read, to be built
        again by :meth:`end_bulk` (or at the next opening for writing, if the load is killed).
        Queries meanwhile are slow but right. The number of indexes dropped (none on PostgreSQL)."""
        return drop_query_indexes(self.db)

    def end_bulk(self) -> int:
        """Build the indexes :meth:`begin_bulk` dropped; the number built."""
        return restore_query_indexes(self.db)

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after a large ingest) and drop roll-up rows whose
        events have all gone elsewhere."""
        with self.db.transaction():
            for table in ROLLUP_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE n = 0")
        if self.db.dialect == "sqlite":
            self.db.execute("PRAGMA analysis_limit = 1000")  # sampled: seconds, not minutes, on big stores
            self.db.execute("ANALYZE")
        else:
            self.db.execute("ANALYZE")

    # -- reading --------------------------------------------------------------------------------
    def count(self, q: EventQuery | None = None) -> int:
        q = (q or EventQuery()).checked()
        cond, params = where(q, with_cursor=False)
        return int(self.db.scalar(f"SELECT COUNT(*) FROM events WHERE {cond}", params))

    def query(self, q: EventQuery) -> Page:
        """One page of merged events matching ``q``, and the cursor of the next page."""
        q = q.checked()
        cond, params = where(q)
        rows = self.db.all(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {cond} "
            f"ORDER BY {order_by(q)} LIMIT {int(q.limit) + 1}", params)
        more = len(rows) > q.limit
        rows = rows[:q.limit]
        events = [_loads(r[5]) for r in rows]
        cursor = None
        if more and rows:
            last = dict(zip(EVENT_COLUMNS, rows[-1], strict=True))
            cursor = encode_cursor(sort_value(q, last), int(last["id"]))
        return Page(events=events, next_cursor=cursor, query=q.describe())

    def iter_events(self, q: EventQuery | None = None) -> Iterator[JSON]:
        """Every merged event matching ``q`` (its limit and cursor ignored), in its sort order,
        streamed from one query."""
        q = (q or EventQuery()).checked()
        cond, params = where(q, with_cursor=False)
        for (raw,) in self.db.stream(
                f"SELECT record FROM events WHERE {cond} ORDER BY {order_by(q)}", params):
            yield _loads(raw)

    def event(self, event_id: str) -> JSON | None:
        raw = self.db.scalar("SELECT record FROM events WHERE event_id = ?", (event_id,))
        return _loads(raw) if raw is not None else None

    def why(self, event_id: str) -> JSON:
        """The reports, sentences and spans behind a merged event, and why each report joined it."""
        row = self.db.one("SELECT id, record FROM events WHERE event_id = ?", (event_id,))
        if row is None:
            raise ConfigError(f"no event {event_id!r} in {self.label}")
        event_pk = int(row[0])
        links = defaultdict(list)
        for article_pk, score, reason in self.db.all(
                "SELECT article_id, score, reason FROM merge_links WHERE kind = 'event' AND event_id = ? "
                "AND undone_at IS NULL", (event_pk,)):
            links[int(article_pk)].append({"score": score, "reasons": _loads(reason)})
        reports = []
        for record, article_pk, key, published, url, outlet, text in self.db.all(
                "SELECT s.record, a.id, a.key, a.published, a.url, a.outlet, a.text FROM event_sources s "
                "JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? ORDER BY s.id", (event_pk,)):
            report = _loads(record)
            spans = {}
            for name in ("actor1", "actor2"):
                actor = report.get(name)
                if actor and actor.get("text"):
                    spans[name] = {"text": actor["text"], "start": actor["start"], "end": actor["end"]}
            for name in ("location", "date", "fatalities", "attribution"):
                value = report.get(name)
                if value and value.get("text"):
                    spans[name] = {"text": value["text"], "start": value["start"], "end": value["end"]}
            for span in spans.values():
                span["in_article"] = text[span["start"]:span["end"]] == span["text"]
            reports.append({"article_id": key, "published": published, "url": url, "outlet": outlet,
                            "report_event_id": report.get("event_id"), "evidence": report.get("evidence"),
                            "spans": spans, "joined": links.get(int(article_pk)) or None,
                            "report": report})
        near = [{"article_id": a, "near_duplicate_of": b, "resemblance": s} for a, b, s in self.db.all(
            "SELECT a.key, o.key, m.score FROM merge_links m JOIN articles a ON a.id = m.article_id "
            "JOIN articles o ON o.id = m.other_article_id WHERE m.kind = 'article' AND m.article_id IN "
            "(SELECT article_id FROM event_sources WHERE event_id = ?)", (event_pk,))]
        return {"event": _loads(row[1]), "reports": reports, "near_duplicates": near}

    def split(self, event_id: str, article_key: str) -> str:
        """Take the report of article ``article_key`` out of merged event ``event_id`` into an event of
        its own; it will not be merged into ``event_id`` again. Returns the new event's id."""
        row = self.db.one("SELECT id FROM events WHERE event_id = ?", (event_id,))
        if row is None:
            raise ConfigError(f"no event {event_id!r} in {self.label}")
        event_pk = int(row[0])
        with self.db.transaction():
            sources = self.db.all(
                "SELECT s.id, s.report_key, s.features FROM event_sources s JOIN articles a ON a.id = s.article_id "
                "WHERE s.event_id = ? AND a.key = ?", (event_pk, article_key))
            if not sources:
                raise ConfigError(f"event {event_id} has no report from article {article_key!r}; "
                                  f"`sitrep why {event_id}` lists its reports")
            total = int(self.db.scalar("SELECT COUNT(*) FROM event_sources WHERE event_id = ?", (event_pk,)))
            if total == len(sources):
                raise ConfigError(f"event {event_id} has no other report: nothing to split from")
            report_key = sources[0][1]
            new_id = hashlib.sha1(f"{report_key}/split/{event_id}".encode()).hexdigest()[:16]
            new_pk = self.db.insert(
                "INSERT INTO events (event_id, event_type, sub_event_type, number_of_sources, article_key, search, "
                "area, record, updated_at, date_low, date_high) VALUES (?, '', '', 0, ?, '', '', '{{}}', ?, '', '') "
                "RETURNING id",
                (new_id, article_key, _now()))
            ids = [int(s[0]) for s in sources]
            marks = ",".join("?" * len(ids))
            self.db.execute(f"UPDATE event_sources SET event_id = ? WHERE id IN ({marks})", [new_pk, *ids])
            self.db.execute(
                "UPDATE merge_links SET undone_at = ? WHERE kind = 'event' AND event_id = ? AND article_id IN "
                "(SELECT id FROM articles WHERE key = ?)", (_now(), event_pk, article_key))
            self.db.execute("INSERT INTO split_locks (source_key, event_id, created_at) VALUES (?, ?, ?) "
                            "ON CONFLICT DO NOTHING", (report_key, event_id, _now()))
            self._fuse_again(event_pk)
            self._fuse_again(new_pk)
        return new_id

    def article(self, key: str) -> JSON | None:
        """An article's text, extraction record and mentions (for highlighting)."""
        row = self.db.one("SELECT id, text, record FROM articles WHERE key = ?", (key,))
        if row is None:
            return None
        record = _loads(row[2])
        record["article"]["text"] = row[1]
        record["events"] = [_loads(r[0]) for r in self.db.all(
            "SELECT record FROM event_sources WHERE article_id = ? ORDER BY position", (int(row[0]),))]
        events = [r[0] for r in self.db.all(
            "SELECT DISTINCT e.event_id FROM event_sources s JOIN events e ON e.id = s.event_id "
            "WHERE s.article_id = ?", (int(row[0]),))]
        record["merged_event_ids"] = sorted(events)
        return dict(record)

    def failures(self) -> list[JSON]:
        return [{"source": s, "line": ln, "kind": k, "message": m, "at": a} for s, ln, k, m, a in self.db.all(
            "SELECT source, line, kind, message, at FROM failures ORDER BY id")]

    def stats(self) -> JSON:
        one = self.db.scalar
        return {
            "backend": self.backend,
            "articles": int(one("SELECT COUNT(*) FROM articles")),
            "events": int(one("SELECT COUNT(*) FROM events WHERE number_of_sources > 0")),
            "reports": int(one("SELECT COUNT(*) FROM event_sources")),
            "merged_events": int(one("SELECT COUNT(*) FROM events WHERE number_of_sources > 1")),
            "near_duplicate_articles": int(one("SELECT COUNT(*) FROM articles WHERE near_dup_of IS NOT NULL")),
            "failures": int(one("SELECT COUNT(*) FROM failures")),
        }


def open_store(url: str, *, readonly: bool = False) -> Store:
    """Open (creating or upgrading it if needed) the store at ``url``: ``sqlite:///FILE``, a file
    path, or ``postgresql://USER@HOST/DB[?schema=NAME]``."""
    if not url or not url.strip():
        raise ConfigError("--db: give a database, e.g. sqlite:///sitrep.db")
    db = connect(url.strip(), readonly=readonly)
    label = getattr(db, "path", None) or describe_url(url)
    try:
        migrate(db, label=label, readonly=readonly)
    except BaseException:
        db.close()
        raise
    return Store(db, label)
