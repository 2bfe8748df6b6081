"""The interchange contract (``INTERCHANGE.md``) as code: models to JSON-ready dicts.

This is the only module that decides how a model looks outside sitrep. Field names and value
spellings follow the contract exactly; fields may be added, never renamed or removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from typing import Any

import orjson

from .models import (
    Actor,
    Article,
    Doc,
    Event,
    EventDate,
    Fatalities,
    Place,
    Quantity,
    Span,
    TimeRef,
)

__all__ = [
    "actor_to_dict",
    "article_to_dict",
    "doc_to_dict",
    "dumps",
    "event_to_dict",
    "place_to_dict",
    "quantity_to_dict",
    "safe_filename",
    "time_to_dict",
]

JSON = dict[str, Any]


def dumps(obj: Any, *, indent: bool = False) -> bytes:
    """JSON bytes (UTF-8, no ASCII escaping), without a trailing newline."""
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2 if indent else 0)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_to_dict(article: Article, *, with_text: bool = True) -> JSON:
    out: JSON = {
        "id": article.id,
        "title": article.title,
        "published": _iso(article.published),
        "published_from": str(article.published_from),
        "url": article.url,
        "source": article.source,
    }
    if article.path is not None:
        out["path"] = article.path
    if article.line is not None:
        out["line"] = article.line
    if article.encoding is not None:
        out["encoding"] = article.encoding
    if with_text:
        out["text"] = article.text
    collided: JSON = {}
    for key, value in article.extra.items():
        if key in out:
            collided[key] = value  # a record's own "path" or "published_from": kept, never dropped
        else:
            out[key] = value
    if collided:
        out["from_record"] = collided
    return out


def _span(span: Span | None) -> JSON | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def actor_to_dict(actor: Actor) -> JSON:
    return {
        "name": actor.name,
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "type": actor.type.label if actor.type is not None else None,
        "inter": actor.inter,
        "country": actor.country,
        "kb_id": actor.kb_id,
        "kind": str(actor.kind) if actor.kind is not None else None,
        "role": actor.role,
        "affiliation": actor.affiliation,
        "resolved_by": actor.resolved_by,
    }


def place_to_dict(place: Place) -> JSON:
    return {
        "name": place.name,
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "feature": place.feature,
        "geo_precision": int(place.geo_precision) if place.geo_precision is not None else None,
        "where_prec": int(place.where_prec) if place.where_prec is not None else None,
        "geonames_id": place.geonames_id,
        "score": place.score,
    }


def time_to_dict(time: TimeRef) -> JSON:
    return {
        "text": time.text,
        "start": time.start,
        "end": time.end,
        "value": time.value,
        "precision": str(time.granularity) if time.granularity is not None else None,
        "low": _iso(time.low),
        "high": _iso(time.high),
        "kind": str(time.kind),
    }


def quantity_to_dict(q: Quantity) -> JSON:
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "low": q.low,
        "high": q.high,
        "value": q.value,
        "unit": q.unit,
        "approximate": q.approximate,
    }


def _date(d: EventDate | None) -> JSON | None:
    if d is None:
        return None
    return {
        "value": d.value,
        "low": d.low.isoformat(),
        "high": d.high.isoformat(),
        "time_precision": int(d.time_precision),
        "date_prec": int(d.date_prec),
        "text": d.text,
        "start": d.start,
        "end": d.end,
    }


def _fatalities(f: Fatalities | None) -> JSON | None:
    if f is None:
        return None
    return {"best": f.best, "low": f.low, "high": f.high, "text": f.text, "start": f.start, "end": f.end}


def event_to_dict(event: Event) -> JSON:
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "event_type": str(event.event_type),
        "sub_event_type": str(event.sub_event_type),
        "plover_type": str(event.plover_type),
        "actor1": actor_to_dict(event.actor1),
        "assoc_actor_1": [actor_to_dict(a) for a in event.assoc_actor_1],
        "actor2": actor_to_dict(event.actor2) if event.actor2 is not None else None,
        "assoc_actor_2": [actor_to_dict(a) for a in event.assoc_actor_2],
        "interaction": event.interaction,
        "location": place_to_dict(event.location) if event.location is not None else None,
        "date": _date(event.date),
        "fatalities": _fatalities(event.fatalities),
        "modality": str(event.modality),
        "attribution": _span(event.attribution),
        "evidence": {"sentence": event.evidence.text, "start": event.evidence.start, "end": event.evidence.end},
        "confidence": round(event.confidence, 4),
    }


def doc_to_dict(doc: Doc) -> JSON:
    return {
        "article": article_to_dict(doc.article),
        "segments": [{"kind": str(s.kind), "start": s.start, "end": s.end} for s in doc.segments],
        "sentences": [{"start": s.start, "end": s.end, "kind": str(s.kind)} for s in doc.sentences],
        "events": [event_to_dict(e) for e in doc.events],
        "mentions": {
            "actors": [actor_to_dict(a) for a in doc.actors],
            "places": [place_to_dict(p) for p in doc.places],
            "times": [time_to_dict(t) for t in doc.times],
            "quantities": [quantity_to_dict(q) for q in doc.quantities],
        },
        "problems": [{"stage": p.stage, "message": p.message} for p in doc.problems],
    }


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(article_id: str) -> str:
    """A file name for an article id: readable, and unique thanks to a short hash."""
    stem = _UNSAFE.sub("_", article_id).strip("._")[-60:] or "article"
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}"


def flatten(mapping: Mapping[str, Any], prefix: str = "") -> JSON:
    """Nested dicts as one level of ``a.b`` keys (for CSV)."""
    out: JSON = {}
    for key, value in mapping.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out
