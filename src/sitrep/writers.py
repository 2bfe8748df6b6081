"""Output formats of ``sitrep extract``: events, docs, csv and geojson, written as they come.

A writer takes Docs one at a time and streams them to a binary file, so a batch of any size runs
in constant memory. ``close()`` finishes the file (the GeoJSON collection's closing bracket).
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any, Final, Protocol

from .interchange import doc_to_dict, dumps, event_to_dict
from .models import Doc

__all__ = ["CSV_COLUMNS", "FORMATS", "Writer", "csv_row", "open_writer"]

FORMATS: Final = ("events", "docs", "csv", "geojson")

#: ACLED's column names first (``event_id_cnty`` is our ``event_id``), then sitrep's extras.
CSV_COLUMNS: Final = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso3", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
    "article_id", "plover_type", "modality", "date_prec", "date_low", "date_high", "date_text",
    "where_prec", "fatalities_low", "fatalities_high", "fatalities_text", "actor1_text",
    "actor2_text", "location_text", "attribution", "evidence_start", "evidence_end", "confidence", "url",
)


class Writer(Protocol):
    events_written: int

    def write(self, doc: Doc) -> None: ...

    def close(self) -> None: ...


class _JsonLines:
    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.events_written = 0

    def _line(self, obj: Any) -> None:
        self.out.write(dumps(obj) + b"\n")

    def close(self) -> None:
        self.out.flush()


class EventsWriter(_JsonLines):
    """One JSON line per event."""

    def write(self, doc: Doc) -> None:
        for event in doc.events:
            self._line(event_to_dict(event))
            self.events_written += 1


class DocsWriter(_JsonLines):
    """One JSON line per article: the full picture."""

    def write(self, doc: Doc) -> None:
        self._line(doc_to_dict(doc))
        self.events_written += len(doc.events)


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return getattr(found, "name", None) if found is not None else None


def _names(actors: list[dict[str, Any]] | None) -> str:
    return "; ".join(str(a.get("name")) for a in actors or [])


def csv_row(event: dict[str, Any], *, source: str | None, url: str | None) -> dict[str, Any]:
    """One CSV row (``CSV_COLUMNS``) from an event in contract form."""
    loc, date, fat = event.get("location") or {}, event.get("date") or {}, event.get("fatalities") or {}
    a1, a2 = event.get("actor1") or {}, event.get("actor2") or {}
    evidence = event.get("evidence") or {}
    return {
        "event_id": event.get("event_id"),
        "event_date": date.get("value"),
        "time_precision": date.get("time_precision"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": a1.get("name"),
        "assoc_actor_1": _names(event.get("assoc_actor_1")),
        "inter1": a1.get("inter"),
        "actor2": a2.get("name"),
        "assoc_actor_2": _names(event.get("assoc_actor_2")),
        "inter2": a2.get("inter") or 0,
        "interaction": event.get("interaction"),
        "iso3": loc.get("country"),
        "country": _country_name(loc.get("country")),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "location": loc.get("name"),
        "latitude": loc.get("latitude"),
        "longitude": loc.get("longitude"),
        "geo_precision": loc.get("geo_precision") or None,
        "source": source,
        "notes": evidence.get("sentence"),
        "fatalities": fat.get("best"),
        "article_id": event.get("article_id"),
        "plover_type": event.get("plover_type"),
        "modality": event.get("modality"),
        "date_prec": date.get("date_prec"),
        "date_low": date.get("low"),
        "date_high": date.get("high"),
        "date_text": date.get("text"),
        "where_prec": loc.get("where_prec") or None,
        "fatalities_low": fat.get("low"),
        "fatalities_high": fat.get("high"),
        "fatalities_text": fat.get("text"),
        "actor1_text": a1.get("text"),
        "actor2_text": a2.get("text"),
        "location_text": loc.get("text"),
        "attribution": (event.get("attribution") or {}).get("text"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "confidence": event.get("confidence"),
        "url": url,
    }


class CsvWriter:
    """One row per event, ACLED's columns first."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.events_written = 0
        self._text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        self._csv = csv.DictWriter(self._text, fieldnames=CSV_COLUMNS, extrasaction="raise")
        self._csv.writeheader()

    def write(self, doc: Doc) -> None:
        for event in doc.events:
            self._csv.writerow(csv_row(event_to_dict(event), source=doc.article.source, url=doc.article.url))
            self.events_written += 1

    def close(self) -> None:
        self._text.flush()
        self._text.detach()


class GeoJsonWriter:
    """A FeatureCollection of the events that have coordinates, streamed feature by feature."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.events_written = 0
        self.out.write(b'{"type":"FeatureCollection","features":[\n')

    def write(self, doc: Doc) -> None:
        for event in doc.events:
            loc = event.location
            if loc is None or loc.latitude is None or loc.longitude is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [loc.longitude, loc.latitude]},
                "properties": event_to_dict(event),
            }
            self.out.write((b",\n" if self.events_written else b"") + dumps(feature))
            self.events_written += 1

    def close(self) -> None:
        self.out.write(b"\n]}\n")
        self.out.flush()


def open_writer(fmt: str, out: IO[bytes]) -> Writer:
    """A writer of format ``fmt`` (one of :data:`FORMATS`) over a binary stream."""
    writers: dict[str, type[Any]] = {
        "events": EventsWriter, "docs": DocsWriter, "csv": CsvWriter, "geojson": GeoJsonWriter,
    }
    if fmt not in writers:
        from .errors import ConfigError

        raise ConfigError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writer: Writer = writers[fmt](out)
    return writer
