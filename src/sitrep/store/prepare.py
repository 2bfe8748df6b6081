"""Preparing extraction records for the store: everything storing one needs that no database does.

:func:`prepare` turns a record (the ``docs`` form of the contract) into a :class:`Prepared`: the
article's content hash, its text signature and band hashes for near-duplicates, the record
serialised as it is kept (its mentions with it: the ``mentions`` view reads them there), and for
each event the merge features and the ``events`` row it takes as a new event of one report
(:func:`event_row`);
:meth:`~sitrep.store.store.Store.add` then only reads and writes the database.

It is pure (no database, no shared state, nothing changed in place), so that ``sitrep ingest``
can make the next batch ready in a second thread while the store writes the previous one
(:mod:`sitrep.store.ingest`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from ..errors import StoreError
from .aggregate import area_kind
from .merge import Features, Report, band_hashes, features_of, fuse, signature

__all__ = ["EVENT_FIELDS", "Prepared", "PreparedReport", "content_hash", "event_row", "prepare"]

JSON = dict[str, Any]
#: The columns of an ``events`` row; :func:`event_row` gives the values of all but the first (``event_id``).
EVENT_FIELDS = ("event_id", "event_type", "sub_event_type", "country", "admin1", "location", "latitude",
                "longitude", "geo_precision", "feature", "area", "date_value", "date_low", "date_high", "actor1",
                "actor2", "inter1", "inter2", "fatalities_low", "fatalities_best", "fatalities_high",
                "number_of_sources", "first_reported", "last_reported", "article_key", "search", "record")


def content_hash(article: JSON) -> str:
    """What makes two versions of an article differ: text, title, publication date and URL."""
    h = hashlib.sha256()
    for key in ("text", "title", "published", "url"):
        h.update(str(article.get(key) or "").encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedReport:
    """One event of a record, with what storing it needs that does not depend on the store."""

    report: Report
    features: Features  # without near-duplicates (those are found when the article is stored)
    features_json: str
    record_json: str
    source_key: str  # the event's id in its record ('' if it has none)
    date_low: str
    date_high: str
    public_id: str  # the id it takes as a new event
    columns: tuple[Any, ...]  # its ``events`` row as a new event of this one report (``EVENT_FIELDS[1:]``)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A record made ready for :meth:`~sitrep.store.store.Store.add`: everything that needs no
    database (hashes, signature, serialised JSON, merge features, the row of each event as a new
    event). Pure, so it can be made in another thread while the store writes the previous batch."""

    key: str
    digest: str
    article: JSON
    text: str
    outlet: str | None
    stored: str  # the record without its text and events, serialised
    signature: bytes | None
    bands: tuple[int, ...]
    reports: tuple[PreparedReport, ...]


def prepare(record: JSON, label: str = "store") -> Prepared:
    """Make one extraction record ready for :meth:`~sitrep.store.store.Store.add`; a record without an
    article id is refused (``label`` names the store in the error)."""
    article = record.get("article")
    if not isinstance(article, dict) or not isinstance(article.get("id"), str) or not article["id"]:
        raise StoreError(f"{label}: a record without an article id cannot be stored")
    key = article["id"]
    text = str(article.get("text") or "")
    # the events are kept once, in event_sources; article() puts them back
    stored = {k: v for k, v in record.items() if k not in ("content_hash", "events")}
    stored["article"] = {k: v for k, v in article.items() if k != "text"}
    sig = signature(f"{article.get('title') or ''}\n{text}")
    outlet = article.get("source")
    title, published = article.get("title"), article.get("published")
    reports = []
    for event in record.get("events") or []:
        feats = features_of(event, key, title, published, outlet)
        report = Report(record=event, article_key=key, published=published, url=article.get("url"), outlet=outlet)
        record_json = orjson.dumps(event).decode()
        source_key = str(event.get("event_id") or "")
        public_id = source_key or hashlib.sha1(record_json.encode()).hexdigest()[:16]
        date = event.get("date") or {}
        reports.append(PreparedReport(
            report=report, features=feats, features_json=orjson.dumps(feats.to_json()).decode(),
            record_json=record_json, source_key=source_key, date_low=date.get("low") or "",
            date_high=date.get("high") or "", public_id=public_id,
            columns=event_row(fuse(public_id, [report]), [title])))
    return Prepared(key=key, digest=str(record.get("content_hash") or content_hash(article)), article=article,
                    text=text, outlet=outlet, stored=orjson.dumps(stored).decode(), signature=sig,
                    bands=tuple(band_hashes(sig)) if sig is not None else (), reports=tuple(reports))


def event_row(fused: JSON, titles: Sequence[str | None]) -> tuple[Any, ...]:
    """The values of ``EVENT_FIELDS[1:]`` for a fused event."""
    loc = fused.get("location") or {}
    date = fused.get("date") or {}
    fat = fused.get("fatalities") or {}
    a1 = fused.get("actor1") or {}
    a2 = fused.get("actor2") or {}
    words = [a1.get("name"), a2.get("name"), loc.get("name"), loc.get("text"), fused.get("event_type"),
             fused.get("sub_event_type"), *(s["evidence"]["sentence"] for s in fused["sources"]), *titles]
    search = " ".join(str(w) for w in words if w).lower()
    located = loc.get("latitude") is not None and loc.get("longitude") is not None
    if located:
        area = area_kind(loc.get("feature"), loc.get("geo_precision"), loc.get("country"), loc.get("admin1")) or ""
    else:  # no coordinates: the map can only show its country, if it has one
        area = "country" if loc.get("country") else ""
    return (fused["event_type"], fused["sub_event_type"], loc.get("country"), loc.get("admin1"), loc.get("name"),
            loc.get("latitude"), loc.get("longitude"), loc.get("geo_precision"), loc.get("feature"), area,
            date.get("value"),
            date.get("low") or "", date.get("high") or "", a1.get("name"), a2.get("name"), a1.get("inter"),
            a2.get("inter"), fat.get("low"), fat.get("best"), fat.get("high"), fused["number_of_sources"],
            fused.get("first_reported"), fused.get("last_reported"), fused["article_id"], search,
            orjson.dumps(fused).decode())
