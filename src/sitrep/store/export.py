"""Writing stored, merged events out: JSON lines, ACLED-style CSV, GeoJSON and Parquet.

Each writer streams: events are read from the store a page at a time and written as they come, so
exporting a million events runs in bounded memory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any, Final

from ..errors import ConfigError
from ..interchange import dumps
from ..writers import CSV_COLUMNS, csv_row

__all__ = ["EXPORT_FORMATS", "STORE_CSV_COLUMNS", "write_events"]

JSON = dict[str, Any]
EXPORT_FORMATS: Final = ("events", "jsonl", "csv", "geojson", "parquet")
#: The extraction CSV's columns, then what merging adds.
STORE_CSV_COLUMNS: Final = (*CSV_COLUMNS, "number_of_sources", "first_reported", "last_reported",
                            "source_articles", "source_urls")
_INTS = {"time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities", "date_prec",
         "where_prec", "fatalities_low", "fatalities_high", "evidence_start", "evidence_end", "number_of_sources"}
_FLOATS = {"latitude", "longitude", "confidence"}


def store_csv_row(event: JSON) -> JSON:
    sources = event.get("sources") or []
    outlets = "; ".join(dict.fromkeys(str(s["outlet"]) for s in sources if s.get("outlet")))
    urls = [s["url"] for s in sources if s.get("url")]
    row = csv_row(event, source=outlets or None, url=urls[0] if urls else None)
    row.update(number_of_sources=event.get("number_of_sources"), first_reported=event.get("first_reported"),
               last_reported=event.get("last_reported"),
               source_articles="; ".join(str(s.get("article_id")) for s in sources),
               source_urls="; ".join(urls))
    return row


def _csv(events: Iterable[JSON], out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=STORE_CSV_COLUMNS, extrasaction="raise")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(store_csv_row(event))
        n += 1
    text.flush()
    text.detach()
    return n


def _jsonl(events: Iterable[JSON], out: IO[bytes]) -> int:
    n = 0
    for event in events:
        out.write(dumps(event) + b"\n")
        n += 1
    return n


def _geojson(events: Iterable[JSON], out: IO[bytes]) -> int:
    out.write(b'{"type":"FeatureCollection","features":[\n')
    n = 0
    for event in events:
        loc = event.get("location") or {}
        if loc.get("latitude") is None or loc.get("longitude") is None:
            continue
        feature = {"type": "Feature", "id": event["event_id"],
                   "geometry": {"type": "Point", "coordinates": [loc["longitude"], loc["latitude"]]},
                   "properties": event}
        out.write((b",\n" if n else b"") + dumps(feature))
        n += 1
    out.write(b"\n]}\n")
    return n


def _parquet(events: Iterable[JSON], out: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("Parquet export needs pyarrow: pip install 'sitrep[parquet]'") from None

    def kind(name: str) -> Any:
        return pa.int64() if name in _INTS else pa.float64() if name in _FLOATS else pa.string()

    schema = pa.schema([(name, kind(name)) for name in STORE_CSV_COLUMNS] + [("record", pa.string())])
    writer = pq.ParquetWriter(out, schema, compression="zstd")  # type: ignore[no-untyped-call]
    n = 0
    rows: list[JSON] = []

    def flush() -> None:
        if rows:
            table = pa.Table.from_pylist(rows, schema=schema)
            writer.write_table(table)  # type: ignore[no-untyped-call]
            rows.clear()

    try:
        for event in events:
            row = store_csv_row(event)
            for name in _INTS:
                if row.get(name) is not None:
                    row[name] = int(row[name])
            for name in STORE_CSV_COLUMNS:
                if name not in _INTS and name not in _FLOATS and row.get(name) is not None:
                    row[name] = str(row[name])
            row["record"] = dumps(event).decode("utf-8")
            rows.append(row)
            n += 1
            if len(rows) >= 10_000:
                flush()
        flush()
    finally:
        writer.close()  # type: ignore[no-untyped-call]
    return n


def write_events(events: Iterable[JSON], fmt: str, out: IO[bytes]) -> int:
    """Write ``events`` (merged, contract form) to ``out`` as ``fmt``; the number written."""
    writers = {"events": _jsonl, "jsonl": _jsonl, "csv": _csv, "geojson": _geojson, "parquet": _parquet}
    if fmt not in writers:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    n = writers[fmt](events, out)
    out.flush()
    return n
