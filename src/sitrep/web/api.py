"""The read-only HTTP API: events, one event's evidence, articles, names, the timeline and the map.

Every filter parameter means what it means for ``sitrep events`` (it becomes an
:class:`~sitrep.store.EventQuery`); values the store cannot use raise ``ConfigError``, which the app
turns into a 422 naming the parameter. Endpoints are plain functions: FastAPI runs them on its
thread pool, and each borrows a store from the pool for the length of the request.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from .. import __version__
from ..errors import ConfigError
from ..store import EventQuery
from ..store import aggregate as agg
from ..store.query import MAX_LIMIT
from ..vocab import EventType, SubEventType
from .jsonresponse import JSONBytes

__all__ = ["router"]

JSON = dict[str, Any]
router = APIRouter()
Sort = Literal["-date", "date", "-fatalities", "fatalities", "-sources", "sources"]
Interval = Literal["auto", "day", "week", "month", "year"]


def _text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        raise ConfigError(f"{name}: contains a NUL character")
    value = value.strip()
    return value or None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        raise ConfigError(f"bbox: {value[:80]!r} is not four numbers west,south,east,north "
                          "(e.g. 35.5,32,42.5,37.5)") from None
    if len(parts) != 4 or not all(math.isfinite(v) for v in parts):
        raise ConfigError(f"bbox: {value[:80]!r} is not four numbers west,south,east,north (e.g. 35.5,32,42.5,37.5)")
    west, south, east, north = parts
    return west, south, east, north


def filters(
    since: Annotated[str | None, Query(max_length=32, description="Events that may have happened on or after "
                                       "this date: YYYY-MM-DD, YYYY-MM or YYYY.", examples=["2017-10"])] = None,
    until: Annotated[str | None, Query(max_length=32, description="... on or before this date.")] = None,
    event_type: Annotated[EventType | None, Query(description="ACLED event type.")] = None,
    sub_event_type: Annotated[SubEventType | None, Query(description="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of either actor's name, any case.")] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO 3166-1 alpha-3 code, e.g. SYR.")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north in degrees.",
                                      examples=["35.5,32,42.5,37.5"])] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words that must all occur in the evidence, "
                                      "actors or place.")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1_000_000, description="Events told by at least this "
                                             "many articles.")] = None,
) -> EventQuery:
    """The filters shared by every endpoint that selects events."""
    return EventQuery(since=_text("since", since), until=_text("until", until),
                      event_type=str(event_type) if event_type else None,
                      sub_event_type=str(sub_event_type) if sub_event_type else None,
                      actor=_text("actor", actor), country=_text("country", country), bbox=_bbox(bbox),
                      text=_text("text", text), min_sources=min_sources).checked()


Filters = Annotated[EventQuery, Depends(filters)]


def _pool(request: Request) -> Any:
    return request.app.state.pool


def _cached(request: Request, key: Any, compute: Any) -> Any:
    with _pool(request).borrow() as store:
        return request.app.state.cache.get(store, key, lambda: compute(store))


@router.get("/health", tags=["service"], summary="Is the service up and its store readable")
def health(request: Request) -> Response:
    with _pool(request).borrow() as store:
        store.db.scalar("SELECT 1")
        backend = store.backend
    return JSONBytes({"ok": True, "version": __version__, "backend": backend,
                      "ingest": bool(request.app.state.allow_ingest)})


@router.get("/api/meta", tags=["service"], summary="Vocabularies, country codes and page settings")
def meta(request: Request) -> Response:
    return JSONBytes(request.app.state.meta)


@router.get("/api/stats", tags=["service"], summary="Counts of articles, events, reports and merges")
def stats(request: Request) -> Response:
    return JSONBytes(_cached(request, ("stats",), lambda store: store.stats()))


@router.get("/api/events", tags=["events"], summary="Merged events, filtered, sorted, a page at a time")
def events(request: Request, q: Filters,
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")] = 100,
           cursor: Annotated[str | None, Query(max_length=512, description="next_cursor of the previous page.")] = None,
           sort: Annotated[Sort, Query(description="Order; '-' for descending.")] = "-date") -> Response:
    """A page of merged events (the contract's stored form, with ``sources``) and the cursor of the
    next page (``null`` on the last one)."""
    page_q = EventQuery(**{**q.describe(), "limit": limit, "cursor": _text("cursor", cursor), "sort": sort})
    with _pool(request).borrow() as store:
        page = store.query(page_q)
    return JSONBytes({"events": page.events, "next_cursor": page.next_cursor, "query": page.query})


@router.get("/api/events.geojson", tags=["events"], summary="Merged events as a GeoJSON FeatureCollection")
def events_geojson(request: Request, q: Filters,
                   limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 1000,
                   cursor: Annotated[str | None, Query(max_length=512)] = None,
                   sort: Annotated[Sort, Query()] = "-date") -> Response:
    """Located events of one page as Point features (``properties`` is the event); events without
    coordinates are left out. ``next_cursor`` is a foreign member of the collection."""
    page_q = EventQuery(**{**q.describe(), "limit": limit, "cursor": _text("cursor", cursor), "sort": sort})
    with _pool(request).borrow() as store:
        page = store.query(page_q)
    features = []
    for event in page.events:
        loc = event.get("location") or {}
        if loc.get("latitude") is None or loc.get("longitude") is None:
            continue
        features.append({"type": "Feature", "id": event["event_id"],
                         "geometry": {"type": "Point", "coordinates": [loc["longitude"], loc["latitude"]]},
                         "properties": event})
    return JSONBytes({"type": "FeatureCollection", "features": features, "next_cursor": page.next_cursor},
                     media_type="application/geo+json")


@router.get("/api/events/{event_id}", tags=["events"], summary="One event with its sources and evidence spans")
def event(request: Request, event_id: Annotated[str, Path(max_length=200)]) -> Response:
    """The merged event, and each report behind it: article, outlet, the evidence sentence, and the
    spans (actor1, actor2, location, date, fatalities, attribution) as offsets into the article."""
    _text("event_id", event_id)
    with _pool(request).borrow() as store:
        if store.event(event_id) is None:
            raise HTTPException(404, f"no event {event_id[:80]!r}")
        return JSONBytes(store.why(event_id))


@router.get("/api/articles/{article_id:path}", tags=["articles"], summary="An article with its mentions")
def article(request: Request, article_id: Annotated[str, Path(max_length=1000)]) -> Response:
    """The article's text and extraction record; ``mentions`` (actors, places, times, quantities)
    carry start/end offsets into ``article.text`` for highlighting."""
    _text("article_id", article_id)
    with _pool(request).borrow() as store:
        record = store.article(article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id[:80]!r}")
    return JSONBytes(record)


Top = Annotated[int, Query(ge=1, le=1000, description="How many, most frequent first.")]


@router.get("/api/actors", tags=["aggregates"], summary="Actors of matching events, with counts")
def actors(request: Request, q: Filters, limit: Top = 50) -> Response:
    return JSONBytes({"actors": _cached(request, ("actors", q, limit),
                                        lambda store: agg.actors(store.db, q, limit=limit))})


@router.get("/api/places", tags=["aggregates"], summary="Places of matching events, with counts")
def places(request: Request, q: Filters, limit: Top = 50) -> Response:
    return JSONBytes({"places": _cached(request, ("places", q, limit),
                                        lambda store: agg.places(store.db, q, limit=limit))})


@router.get("/api/timeline", tags=["aggregates"], summary="Matching events per day, week, month or year")
def timeline(request: Request, q: Filters,
             interval: Annotated[Interval, Query(description="Bucket size; auto picks one for the span.")] = "auto"
             ) -> Response:
    return JSONBytes(_cached(request, ("timeline", q, interval),
                             lambda store: agg.timeline(store.db, q, interval=interval)))


@router.get("/api/map", tags=["aggregates"], summary="What the map draws for a view")
def map_layer(request: Request, q: Filters,
              zoom: Annotated[int, Query(ge=0, le=agg.MAX_ZOOM, description="Web map zoom level.")] = 2,
              max_points: Annotated[int, Query(ge=0, le=5000, description="Send points up to this many, "
                                               "grid cells above.")] = agg.MAX_POINTS) -> Response:
    """Events with a precise place as ``points`` (few enough) or grid ``cells`` with counts by type;
    events known only to a country, province or region as ``areas``. ``bbox`` is the view."""
    return JSONBytes(_cached(request, ("map", q, zoom, max_points),
                             lambda store: agg.map_layer(store.db, q, zoom=zoom, max_points=max_points)))


def meta_document(tiles: str | None, tiles_attribution: str | None) -> JSON:
    """What the page needs once: vocabularies, country codes (alpha-3 to the numeric ids the
    borders file uses) and the tile URL, if one was configured."""
    import pycountry

    countries = {c.alpha_3: {"numeric": c.numeric, "name": getattr(c, "common_name", None) or c.name}
                 for c in pycountry.countries}
    subs: dict[str, list[str]] = {str(t): [] for t in EventType}
    for s in SubEventType:
        subs[str(s.event_type)].append(str(s))
    return {"version": __version__, "event_types": [str(t) for t in EventType], "sub_event_types": subs,
            "countries": countries, "tiles": tiles, "tiles_attribution": tiles_attribution,
            "max_points": agg.MAX_POINTS}
