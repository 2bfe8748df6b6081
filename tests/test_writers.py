"""Output formats: events and docs JSON Lines, ACLED-style CSV and GeoJSON, per INTERCHANGE.md."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from typing import Any

import pytest

from sitrep.errors import ConfigError
from sitrep.models import (
    Actor,
    Article,
    Doc,
    Event,
    EventDate,
    Fatalities,
    Place,
    Problem,
    Quantity,
    Segment,
    Sentence,
    Span,
    TimeRef,
)
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings
from sitrep.vocab import (
    ActorType,
    DatePrec,
    EventType,
    GeoPrecision,
    Granularity,
    Modality,
    PloverType,
    PublishedFrom,
    SegmentKind,
    SubEventType,
    TimePrecision,
    WherePrec,
)
from sitrep.writers import CSV_COLUMNS, FORMATS, open_writer

ACLED_COLUMNS = [
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "iso3", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
]
EVENT_KEYS = {
    "event_id", "article_id", "event_type", "sub_event_type", "plover_type", "actor1", "assoc_actor_1", "actor2",
    "assoc_actor_2", "interaction", "location", "date", "fatalities", "modality", "attribution", "evidence",
    "confidence",
}
ACTOR_KEYS = {"name", "text", "start", "end", "type", "inter", "country", "kb_id"}
PLACE_KEYS = {"name", "text", "start", "end", "latitude", "longitude", "country", "admin1", "admin2", "feature",
              "geo_precision", "where_prec", "geonames_id", "score"}
DATE_KEYS = {"value", "low", "high", "time_precision", "date_prec", "text", "start", "end"}
FATALITIES_KEYS = {"best", "low", "high", "text", "start", "end"}
TIME_KEYS = {"text", "start", "end", "value", "precision", "low", "high"}
QUANTITY_KEYS = {"text", "start", "end", "low", "high", "value", "unit", "approximate"}
ARTICLE_KEYS = {"id", "title", "published", "published_from", "url", "source"}

TEXT = ("Clashes near Raqqa\n\n"
        "SDF fighters clashed with IS militants in Raqqa on Monday, killing four, a spokesman said. "
        "Residents of Hajin and Mayadin fled.\n")


def _at(text: str, quote: str, *, last: bool = False) -> tuple[int, int]:
    start = text.rindex(quote) if last else text.index(quote)
    return start, start + len(quote)


def _event(text: str = TEXT, **changes: Any) -> Event:
    a1 = Actor("Syrian Democratic Forces", "SDF fighters", *_at(text, "SDF fighters"), ActorType.REBEL_GROUPS,
               "SYR", "sdf")
    a2 = Actor("Islamic State", "IS militants", *_at(text, "IS militants"), ActorType.REBEL_GROUPS, None, "isis")
    place = Place("Ar Raqqah", "Raqqa", *_at(text, "Raqqa on"), 35.95, 39.01, "SYR", "Ar-Raqqah", None, "city",
                  GeoPrecision.TOWN, WherePrec.EXACT, 163915, 0.97)
    place = replace(place, end=place.start + len("Raqqa"))
    date = EventDate("2017-10-16", dt.date(2017, 10, 16), dt.date(2017, 10, 16), TimePrecision.DAY, DatePrec.DAY,
                     "on Monday", *_at(text, "on Monday"))
    fat = Fatalities(4, 4, 4, "killing four", *_at(text, "killing four"))
    s, e = _at(text, "SDF fighters clashed with IS militants in Raqqa on Monday, killing four, a spokesman said.")
    attribution = Span(*_at(text, "a spokesman said"), "a spokesman said")
    event = Event("ev-raqqa-1", "raqqa-1", EventType.BATTLES, SubEventType.ARMED_CLASH, PloverType.ASSAULT, a1,
                  Span(s, e, text[s:e]), actor2=a2, location=place, date=date, fatalities=fat,
                  modality=Modality.ASSERTED, attribution=attribution, confidence=0.833333)
    return replace(event, **changes)


def _doc(*events: Event, text: str = TEXT, **article: Any) -> Doc:
    fields: dict[str, Any] = {
        "id": "raqqa-1", "text": text, "title": "Clashes near Raqqa", "published": dt.date(2017, 10, 16),
        "published_from": PublishedFrom.GIVEN, "url": "https://example.org/raqqa", "source": "Example News",
    }
    fields.update(article)
    return Doc(article=Article(**fields), events=events)


def _write(fmt: str, *docs: Doc) -> bytes:
    out = io.BytesIO()
    writer = open_writer(fmt, out)
    for doc in docs:
        writer.write(doc)
    writer.close()
    return out.getvalue()


def _lines(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.splitlines()]


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _check_span(text: str, obj: dict[str, Any], key: str = "text") -> None:
    assert 0 <= obj["start"] <= obj["end"] <= len(text)
    assert text[obj["start"]:obj["end"]] == obj[key]


# ----------------------------------------------------------------------------- events

def test_writers_events_line_has_the_contract_fields() -> None:
    (line,) = _lines(_write("events", _doc(_event())))
    assert set(line) >= EVENT_KEYS
    assert set(line["actor1"]) >= ACTOR_KEYS and set(line["actor2"]) >= ACTOR_KEYS
    assert set(line["location"]) >= PLACE_KEYS
    assert set(line["date"]) >= DATE_KEYS
    assert set(line["fatalities"]) >= FATALITIES_KEYS
    assert set(line["evidence"]) >= {"sentence", "start", "end"}
    assert set(line["attribution"]) >= {"text", "start", "end"}
    assert (line["event_id"], line["article_id"]) == ("ev-raqqa-1", "raqqa-1")
    assert (line["event_type"], line["sub_event_type"], line["plover_type"]) == ("Battles", "Armed clash", "ASSAULT")
    assert (line["actor1"]["type"], line["actor1"]["inter"], line["actor1"]["kb_id"]) == ("Rebel Groups", 2, "sdf")
    assert line["interaction"] == 22
    assert line["assoc_actor_1"] == [] and line["assoc_actor_2"] == []
    assert line["date"] == {"value": "2017-10-16", "low": "2017-10-16", "high": "2017-10-16", "time_precision": 1,
                            "date_prec": 1, "text": "on Monday", "start": TEXT.index("on Monday"),
                            "end": TEXT.index("on Monday") + 9}
    assert (line["location"]["geo_precision"], line["location"]["where_prec"]) == (1, 1)
    assert line["fatalities"]["best"] == 4
    assert line["modality"] == "asserted"
    assert line["confidence"] == 0.8333


def test_writers_events_spans_quote_the_text() -> None:
    (line,) = _lines(_write("events", _doc(_event())))
    for key in ("actor1", "actor2", "location", "date", "fatalities", "attribution"):
        _check_span(TEXT, line[key])
    _check_span(TEXT, line["evidence"], "sentence")


def test_writers_events_optional_fields_are_null() -> None:
    event = _event(actor2=None, location=None, date=None, fatalities=None, attribution=None)
    (line,) = _lines(_write("events", _doc(event)))
    for key in ("actor2", "location", "date", "fatalities", "attribution"):
        assert line[key] is None
    assert line["interaction"] == 20


def test_writers_events_zero_fatalities_is_not_null() -> None:
    event = _event(fatalities=Fatalities(0, 0, 0, "killing four", *_at(TEXT, "killing four")))
    (line,) = _lines(_write("events", _doc(event)))
    assert line["fatalities"]["best"] == 0


def test_writers_events_one_line_per_event_across_docs() -> None:
    e1, e2 = _event(), _event(event_id="ev-raqqa-2", sub_event_type=SubEventType.AIR_DRONE_STRIKE,
                              event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE)
    out = io.BytesIO()
    writer = open_writer("events", out)
    for doc in (_doc(e1, e2), _doc(), _doc(_event(event_id="ev-3"))):
        writer.write(doc)
    writer.close()
    assert [d["event_id"] for d in _lines(out.getvalue())] == ["ev-raqqa-1", "ev-raqqa-2", "ev-3"]
    assert writer.events_written == 3
    assert _lines(out.getvalue())[1]["sub_event_type"] == "Air/drone strike"


def test_writers_events_no_events_writes_nothing() -> None:
    assert _write("events", _doc(), _doc()) == b""


def test_writers_json_is_utf8_not_escaped() -> None:
    text = "Café in Raqqa’s centre. Fighting."
    event = _event(article_id="café")
    data = _write("events", _doc(event, text=text))
    assert "café".encode() in data
    assert b"\\u" not in data


# ----------------------------------------------------------------------------- docs

def _full_doc() -> Doc:
    event = _event()
    headline = _at(TEXT, "Clashes near Raqqa")
    body = (TEXT.index("SDF"), len(TEXT) - 1)
    s1 = _at(TEXT, "SDF fighters clashed with IS militants in Raqqa on Monday, killing four, a spokesman said.")
    s2 = _at(TEXT, "Residents of Hajin and Mayadin fled.")
    hajin = Place("Hajin", "Hajin", *_at(TEXT, "Hajin"), None, None, "SYR")
    return replace(
        _doc(event),
        segments=(Segment(SegmentKind.HEADLINE, *headline), Segment(SegmentKind.BODY, *body)),
        sentences=(Sentence(*headline, SegmentKind.HEADLINE), Sentence(*s1), Sentence(*s2)),
        actors=(event.actor1, event.actor2),  # type: ignore[arg-type]
        places=(event.location, hajin),  # type: ignore[arg-type]
        times=(TimeRef("on Monday", *_at(TEXT, "on Monday"), "2017-10-16", Granularity.DAY, dt.date(2017, 10, 16),
                       dt.date(2017, 10, 16)),),
        quantities=(Quantity("four", *_at(TEXT, "four"), 4.0, 4.0, 4.0, "people"),),
        problems=(Problem("places", "Mayadin: not in the gazetteer"),),
    )


def test_writers_docs_line_has_the_contract_shape() -> None:
    (line,) = _lines(_write("docs", _full_doc()))
    assert set(line) == {"article", "segments", "sentences", "events", "mentions", "problems"}
    assert set(line["article"]) >= ARTICLE_KEYS
    assert line["article"]["text"] == TEXT
    assert (line["article"]["id"], line["article"]["published"], line["article"]["published_from"]) == (
        "raqqa-1", "2017-10-16", "given")
    assert (line["article"]["url"], line["article"]["source"]) == ("https://example.org/raqqa", "Example News")
    assert [s["kind"] for s in line["segments"]] == ["headline", "body"]
    assert all(set(s) >= {"kind", "start", "end"} for s in line["segments"])
    assert all(set(s) >= {"start", "end"} for s in line["sentences"])
    assert len(line["events"]) == 1 and set(line["events"][0]) >= EVENT_KEYS
    assert set(line["mentions"]) == {"actors", "places", "times", "quantities"}
    assert all(set(a) >= ACTOR_KEYS for a in line["mentions"]["actors"])
    assert all(set(p) >= PLACE_KEYS for p in line["mentions"]["places"])
    assert [set(t) >= TIME_KEYS for t in line["mentions"]["times"]] == [True]
    assert [set(q) >= QUANTITY_KEYS for q in line["mentions"]["quantities"]] == [True]
    assert line["mentions"]["times"][0]["precision"] == "day"
    assert line["problems"] == [{"stage": "places", "message": "Mayadin: not in the gazetteer"}]


def test_writers_docs_unresolved_place_keeps_null_coordinates() -> None:
    (line,) = _lines(_write("docs", _full_doc()))
    hajin = line["mentions"]["places"][1]
    assert (hajin["name"], hajin["latitude"], hajin["longitude"]) == ("Hajin", None, None)


def test_writers_docs_mention_spans_quote_the_text() -> None:
    (line,) = _lines(_write("docs", _full_doc()))
    text = line["article"]["text"]
    for group in ("actors", "places", "times", "quantities"):
        for mention in line["mentions"][group]:
            _check_span(text, mention)


def test_writers_docs_empty_doc() -> None:
    (line,) = _lines(_write("docs", Doc(article=Article(id="x", text="Text."))))
    assert line["article"]["published"] is None
    assert line["article"]["published_from"] == "none"
    assert (line["segments"], line["sentences"], line["events"], line["problems"]) == ([], [], [], [])
    assert line["mentions"] == {"actors": [], "places": [], "times": [], "quantities": []}


def test_writers_docs_extra_keys_pass_through() -> None:
    doc = _doc(extra={"lang": "ar", "tags": ["a", "b"]})
    (line,) = _lines(_write("docs", doc))
    assert (line["article"]["lang"], line["article"]["tags"]) == ("ar", ["a", "b"])


@pytest.mark.parametrize("key", ["path", "line", "published_from"])
def test_writers_docs_extra_keys_are_never_dropped(key: str) -> None:
    doc = _doc(extra={key: "value-from-the-record"}, path="in.jsonl", line=3)
    (line,) = _lines(_write("docs", doc))
    assert "value-from-the-record" in json.dumps(line)


SAMPLES = {
    "plain": "Clashes near Raqqa\n\nFighters clashed with militants on Monday. Four were killed.\n",
    "bom": "\ufeffClashes near Raqqa\n\nFighters clashed with militants on Monday. Four were killed.\n",
    "crlf": "Clashes near Raqqa\r\n\r\nFighters clashed with militants on Monday. Four were killed.\r\n"
            "Second para here. And more.\r\n",
    "cr": "Clashes near Raqqa\r\rFighters clashed with militants on Monday.\rFour were killed.\r",
    "zero-width": "Clashes\u200b near Raqqa\n\nFighters\u00ad clashed with militants on Monday.\u200b Four died.\n",
    "mojibake": "Clashes near Raqqa\n\nThe army\u00e2\u20ac\u2122s fighters clashed on Monday. Four were killed. "
                "\u00e2\u20ac\u0153We won,\u00e2\u20ac\u009d he said.\n",
    "nbsp": "Clashes\u00a0near\u00a0Raqqa\n\nFighters clashed\u00a0with militants. Four\u2014maybe five\u2014died.\n",
    "one-line": "Fighters clashed with militants on Monday. Four were killed.",
}


@pytest.mark.parametrize("name", SAMPLES)
def test_writers_docs_segment_and_sentence_offsets_are_consistent(name: str) -> None:
    pipeline = build_pipeline(settings=Settings())
    doc = pipeline.process(Article(id=name, text=SAMPLES[name]))
    (line,) = _lines(_write("docs", doc))
    text = line["article"]["text"]
    assert text == SAMPLES[name]
    assert line["segments"] and line["sentences"]
    previous_end = 0
    for seg in line["segments"]:
        assert previous_end <= seg["start"] < seg["end"] <= len(text), seg
        quoted = text[seg["start"]:seg["end"]]
        assert quoted == quoted.strip(), seg
        previous_end = seg["end"]
    feeding = [s for s in line["segments"] if s["kind"] in ("headline", "body")]
    previous_end = 0
    for sent in line["sentences"]:
        assert previous_end <= sent["start"] < sent["end"] <= len(text), sent
        quoted = text[sent["start"]:sent["end"]]
        assert quoted == quoted.strip(), sent
        assert any(s["start"] <= sent["start"] and sent["end"] <= s["end"] for s in feeding), sent
        previous_end = sent["end"]


# ----------------------------------------------------------------------------- csv

def test_writers_csv_header_starts_with_acled_columns() -> None:
    data = _write("csv")
    header = data.decode("utf-8").splitlines()[0].split(",")
    assert header[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert list(CSV_COLUMNS[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert header == list(CSV_COLUMNS)
    assert len(set(header)) == len(header)


def test_writers_csv_row_values() -> None:
    assoc = Actor("Civilians (Syria)", "Residents", *_at(TEXT, "Residents"), ActorType.CIVILIANS, "SYR")
    event = _event(assoc_actor_2=(assoc, assoc))
    (row,) = _csv(_write("csv", _doc(event)))
    assert {k: row[k] for k in ACLED_COLUMNS} == {
        "event_id": "ev-raqqa-1", "event_date": "2017-10-16", "time_precision": "1", "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "Syrian Democratic Forces", "assoc_actor_1": "", "inter1": "2",
        "actor2": "Islamic State", "assoc_actor_2": "Civilians (Syria); Civilians (Syria)", "inter2": "2",
        "interaction": "22", "iso3": "SYR", "country": "Syrian Arab Republic", "admin1": "Ar-Raqqah",
        "admin2": "", "location": "Ar Raqqah", "latitude": "35.95", "longitude": "39.01", "geo_precision": "1",
        "source": "Example News", "notes": event.evidence.text, "fatalities": "4",
    }
    assert (row["article_id"], row["plover_type"], row["url"]) == ("raqqa-1", "ASSAULT", "https://example.org/raqqa")
    assert (row["evidence_start"], row["evidence_end"]) == (str(event.evidence.start), str(event.evidence.end))


def test_writers_csv_event_without_actor2_location_or_fatalities() -> None:
    event = _event(actor2=None, location=None, fatalities=None, date=None)
    (row,) = _csv(_write("csv", _doc(event)))
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("", "0", "20")
    assert (row["iso3"], row["country"], row["latitude"], row["longitude"], row["location"]) == ("", "", "", "", "")
    assert (row["fatalities"], row["event_date"]) == ("", "")


def test_writers_csv_quotes_awkward_text() -> None:
    text = 'He said: "we fought, and won"\nthen left.'
    event = _event(text=TEXT, evidence=Span(0, len(text), text))
    (row,) = _csv(_write("csv", _doc(event, text=text)))
    assert row["notes"] == text


def test_writers_csv_one_row_per_event_and_stream_left_open() -> None:
    out = io.BytesIO()
    writer = open_writer("csv", out)
    writer.write(_doc(_event(), _event(event_id="ev-2")))
    writer.write(_doc())
    writer.close()
    assert not out.closed
    assert [r["event_id"] for r in _csv(out.getvalue())] == ["ev-raqqa-1", "ev-2"]
    assert writer.events_written == 2


# ----------------------------------------------------------------------------- geojson

def test_writers_geojson_without_events_is_a_valid_collection() -> None:
    data = json.loads(_write("geojson"))
    assert data == {"type": "FeatureCollection", "features": []}
    assert json.loads(_write("geojson", _doc(), _doc())) == {"type": "FeatureCollection", "features": []}


def test_writers_geojson_located_event_is_a_point_lon_lat() -> None:
    data = json.loads(_write("geojson", _doc(_event())))
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [39.01, 35.95]}
    assert set(feature["properties"]) >= EVENT_KEYS
    assert feature["properties"]["event_id"] == "ev-raqqa-1"


def test_writers_geojson_skips_events_without_coordinates() -> None:
    unresolved = _event(event_id="ev-unresolved")
    assert unresolved.location is not None
    unresolved = replace(unresolved, location=replace(unresolved.location, latitude=None, longitude=None))
    equator = _event(event_id="ev-equator")
    assert equator.location is not None
    equator = replace(equator, location=replace(equator.location, latitude=0.0, longitude=32.5))
    docs = (_doc(_event(event_id="ev-1"), _event(event_id="ev-none", location=None)), _doc(unresolved, equator))
    out = io.BytesIO()
    writer = open_writer("geojson", out)
    for doc in docs:
        writer.write(doc)
    writer.close()
    data = json.loads(out.getvalue())
    assert [f["properties"]["event_id"] for f in data["features"]] == ["ev-1", "ev-equator"]
    assert data["features"][1]["geometry"]["coordinates"] == [32.5, 0.0]
    assert writer.events_written == 2


# ----------------------------------------------------------------------------- open_writer

@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_every_format_opens(fmt: str) -> None:
    assert _write(fmt, _doc(_event()))


def test_writers_formats_are_the_contracts() -> None:
    assert set(FORMATS) == {"events", "docs", "csv", "geojson"}


@pytest.mark.parametrize("fmt", ["xml", "", "JSON"])
def test_writers_unknown_format(fmt: str) -> None:
    with pytest.raises(ConfigError, match="unknown output format") as info:
        open_writer(fmt, io.BytesIO())
    assert "events, docs, csv, geojson" in str(info.value)
