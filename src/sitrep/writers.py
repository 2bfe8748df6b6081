"""Output formats of ``sitrep extract``: events, docs, csv and geojson, written as they come.

A writer takes Docs one at a time and streams them to a binary file, so a batch of any size runs
in constant memory. ``close()`` finishes the file (the GeoJSON collection's closing bracket).
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any, Final, Protocol

from .interchange import doc_to_dict, dumps, event_to_dict
from .models import Doc, Event

__all__ = ["CSV_COLUMNS", "FORMATS", "Writer", "open_writer"]

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


def _names(actors: tuple[Any, ...]) -> str:
    return "; ".join(a.name for a in actors)


def csv_row(doc: Doc, event: Event) -> dict[str, Any]:
    loc, date, fat = event.location, event.date, event.fatalities
    return {
        "event_id": event.event_id,
        "event_date": date.value if date else None,
        "time_precision": int(date.time_precision) if date else None,
        "event_type": str(event.event_type),
        "sub_event_type": str(event.sub_event_type),
        "actor1": event.actor1.name,
        "assoc_actor_1": _names(event.assoc_actor_1),
        "inter1": event.actor1.inter,
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_2": _names(event.assoc_actor_2),
        "inter2": event.actor2.inter if event.actor2 else 0,
        "interaction": event.interaction,
        "iso3": loc.country if loc else None,
        "country": _country_name(loc.country) if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": int(loc.geo_precision) if loc and loc.geo_precision else None,
        "source": doc.article.source,
        "notes": event.evidence.text,
        "fatalities": fat.best if fat else None,
        "article_id": event.article_id,
        "plover_type": str(event.plover_type),
        "modality": str(event.modality),
        "date_prec": int(date.date_prec) if date else None,
        "date_low": date.low.isoformat() if date else None,
        "date_high": date.high.isoformat() if date else None,
        "date_text": date.text if date else None,
        "where_prec": int(loc.where_prec) if loc and loc.where_prec else None,
        "fatalities_low": fat.low if fat else None,
        "fatalities_high": fat.high if fat else None,
        "fatalities_text": fat.text if fat else None,
        "actor1_text": event.actor1.text,
        "actor2_text": event.actor2.text if event.actor2 else None,
        "location_text": loc.text if loc else None,
        "attribution": event.attribution.text if event.attribution else None,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "confidence": round(event.confidence, 4),
        "url": doc.article.url,
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
            self._csv.writerow(csv_row(doc, event))
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
