"""Server-side aggregates of stored events, for the map and the timeline of ``sitrep serve``.

A page over a million events cannot fetch them all; it asks for what it draws. Every function here
takes a checked :class:`~sitrep.store.query.EventQuery` (its limit, cursor and sort are ignored),
selects with :func:`~sitrep.store.query.where` and adds its own grouping, so the filters mean the
same thing in the list, the map and the timeline. The SQL runs unchanged on SQLite and PostgreSQL
except for a few expressions chosen from fixed tables by dialect; every value is a bound parameter.

- :func:`timeline`  events per day, week, month or year (by the earliest date an event may have had)
- :func:`map_layer` events with a precise place: the points themselves when few enough, otherwise
                    grid cells sized to the zoom level; and events known only to a region or country,
                    grouped by that area so the page draws the area instead of a pin
- :func:`actors`, :func:`places`  names with their event counts

The map, the timeline and the actor counts read the store's roll-ups (counts per grid cell, area,
day and actor, kept by triggers; see :mod:`sitrep.store.schema`) when the query filters on nothing but the view and the
event type, which is what the page asks on first load: a world view over a million events then
reads a few thousand rows instead of grouping a million. Roll-up cells are whole cells: a cell the
view cuts through counts all its events, where a grouped query counts only those inside the view.
Any other filter (dates, actor, country, text, sources, sub-type) groups the matching events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Final

from ..errors import ConfigError
from .db import Database
from .query import EventQuery, where
from .schema import ROLLUP_MAX_ZOOM

__all__ = ["AREA_FEATURES", "INTERVALS", "actors", "area_kind", "choose_interval", "map_layer", "places", "timeline"]

JSON = dict[str, Any]
INTERVALS: Final = ("day", "week", "month", "year")
#: Place features that name an area rather than a point: drawn as the area on the map.
AREA_FEATURES: Final = frozenset({"country", "admin1", "admin2", "region", "continent", "water"})
MAX_POINTS: Final = 2000  # above this many located events in view, the map gets grid cells instead
MAX_ZOOM: Final = 22

# bucket expressions by dialect; ``date_low`` is an ISO date (YYYY-MM-DD) or '' when unknown
_BUCKETS: Final = {
    "sqlite": {
        "day": "substr(date_low, 1, 10)",
        "week": "date(substr(date_low, 1, 10), '-6 days', 'weekday 1')",  # the Monday on or before
        "month": "substr(date_low, 1, 7)",
        "year": "substr(date_low, 1, 4)",
    },
    "postgres": {
        "day": "substr(date_low, 1, 10)",
        "week": "to_char(date_trunc('week', CAST(substr(date_low, 1, 10) AS date)), 'YYYY-MM-DD')",
        "month": "substr(date_low, 1, 7)",
        "year": "substr(date_low, 1, 4)",
    },
}
_CELL: Final = {  # the grid cell a point falls in, given the cell size in degrees (a parameter)
    "sqlite": ("CAST((longitude + 180.0) / ? AS INTEGER)", "CAST((latitude + 90.0) / ? AS INTEGER)"),
    "postgres": ("CAST(floor((longitude + 180.0) / ?) AS INTEGER)", "CAST(floor((latitude + 90.0) / ?) AS INTEGER)"),
}
_LOCATED: Final = "latitude IS NOT NULL AND longitude IS NOT NULL"
#: The store keeps each event's ``area`` (what :func:`area_kind` says, '' for a point), indexed.
_AREA: Final = "area <> ''"


def _select(q: EventQuery) -> tuple[str, list[Any]]:
    return where(q.checked(), with_cursor=False)


def _dialect(db: Database) -> str:
    return "postgres" if db.dialect == "postgres" else "sqlite"


# -- timeline -------------------------------------------------------------------------------------
def _period_bounds(period: str, interval: str) -> tuple[str, str]:
    """First and last day of the bucket named ``period``."""
    if interval == "day":
        return period, period
    if interval == "week":
        start = dt.date.fromisoformat(period)
        return period, (start + dt.timedelta(days=6)).isoformat()
    if interval == "month":
        year, month = int(period[:4]), int(period[5:7])
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return f"{period}-01", (nxt - dt.timedelta(days=1)).isoformat()
    return f"{period}-01-01", f"{period}-12-31"


def choose_interval(first: str | None, last: str | None) -> str:
    """A bucket size giving a readable histogram (tens to a few hundred bars) for this span."""
    if not first or not last:
        return "day"
    try:
        days = (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days
    except ValueError:
        return "month"
    if days <= 120:
        return "day"
    if days <= 3 * 365:
        return "week"
    if days <= 30 * 365:
        return "month"
    return "year"


def timeline(db: Database, q: EventQuery, *, interval: str = "auto") -> JSON:
    """Events matching ``q`` counted per ``interval`` (day, week, month, year or auto), by the earliest
    date each may have happened; events with no known date are counted apart (``undated``)."""
    if interval != "auto" and interval not in INTERVALS:
        raise ConfigError(f"interval: {interval!r} is not one of auto, {', '.join(INTERVALS)}")
    q = q.checked()
    if _rolled_up(q, with_bbox=False):
        return _timeline_from_days(db, q, interval)
    cond, params = _select(q)
    dated = f"{cond} AND date_low <> ''"
    first, last = db.one(f"SELECT MIN(date_low), MAX(date_low) FROM events WHERE {dated}", params) or (None, None)
    if interval == "auto":
        interval = choose_interval(first, last)
    bucket = _BUCKETS[_dialect(db)][interval]
    rows = db.all(f"SELECT {bucket} AS period, COUNT(*) FROM events WHERE {dated} GROUP BY {bucket} ORDER BY 1",
                  params)
    undated = int(db.scalar(f"SELECT COUNT(*) FROM events WHERE {cond} AND date_low = ''", params) or 0)
    buckets: list[JSON] = []
    for period, count in rows:
        if period is None:
            continue
        start, end = _period_bounds(str(period), interval)
        buckets.append({"period": str(period), "start": start, "end": end, "count": int(count)})
    dated_total = sum(int(b["count"]) for b in buckets)
    return {"interval": interval, "first": first, "last": last, "undated": undated,
            "total": dated_total + undated, "buckets": buckets}


def _rolled_up(q: EventQuery, *, with_bbox: bool) -> bool:
    """Whether the roll-ups answer ``q``: it filters on the event type at most (and the view)."""
    return not (q.since or q.until or q.sub_event_type or q.actor or q.country or q.text or q.min_sources
                or (q.bbox and not with_bbox))


def _period(day: str, interval: str) -> str:
    """The bucket a day (YYYY-MM-DD) falls in; weeks are named by their Monday."""
    if interval == "day":
        return day
    if interval == "week":
        date = dt.date.fromisoformat(day)
        return (date - dt.timedelta(days=date.weekday())).isoformat()
    return day[:7] if interval == "month" else day[:4]


def _timeline_from_days(db: Database, q: EventQuery, interval: str) -> JSON:
    type_cond, params = ("AND event_type = ?", [q.event_type]) if q.event_type else ("", [])
    days = db.all(f"SELECT day, SUM(n) FROM rollup_days WHERE n > 0 {type_cond} GROUP BY day ORDER BY day", params)
    undated = sum(int(n) for day, n in days if not day)
    dated = [(str(day), int(n)) for day, n in days if day and int(n) > 0]
    first, last = (dated[0][0], dated[-1][0]) if dated else (None, None)
    if interval == "auto":
        interval = choose_interval(first, last)
    counts: dict[str, int] = {}
    for day, n in dated:
        try:
            period = _period(day, interval)
        except ValueError:  # not a calendar date: the grouped query would put it apart too
            continue
        counts[period] = counts.get(period, 0) + n
    buckets: list[JSON] = []
    for period, count in sorted(counts.items()):
        start, end = _period_bounds(period, interval)
        buckets.append({"period": period, "start": start, "end": end, "count": count})
    return {"interval": interval, "first": first, "last": last, "undated": undated,
            "total": sum(counts.values()) + undated, "buckets": buckets}


# -- map ------------------------------------------------------------------------------------------
def area_kind(feature: str | None, geo_precision: int | None, country: str | None, admin1: str | None) -> str | None:
    """``country``, ``admin1`` or ``region`` for an event placed only to an area, None for a point."""
    if feature == "country":
        return "country"
    if feature == "admin1":
        return "admin1"
    if feature in AREA_FEATURES or (geo_precision or 1) >= 3:
        return "region"
    return None


def cell_size(zoom: int) -> float:
    """Degrees of longitude a grid cell spans at ``zoom``: about 64 pixels of a 256-pixel web map tile."""
    return 360.0 / float(2 ** zoom) / 4.0


def map_layer(db: Database, q: EventQuery, *, zoom: int, max_points: int = MAX_POINTS) -> JSON:
    """What the map draws for ``q`` (its bbox is the view): ``points`` or grid ``cells`` for events with
    a precise place, and ``areas`` for events known only to a country, province or region."""
    if not 0 <= zoom <= MAX_ZOOM:
        raise ConfigError(f"zoom: {zoom} is not between 0 and {MAX_ZOOM}")
    q = q.checked()
    cond, params = _select(q)
    point_cond = f"{cond} AND area = '' AND {_LOCATED}"
    rolled = zoom <= ROLLUP_MAX_ZOOM and _rolled_up(q, with_bbox=True)
    if rolled:
        cell_rows = _rollup_cells(db, q, zoom)
        located = sum(int(r[3]) for r in cell_rows)  # at least the events in view: whole cells
    else:
        located = int(db.scalar(f"SELECT COUNT(*) FROM events WHERE {point_cond}", params) or 0)
    out: JSON = {"zoom": zoom, "located": located}
    if located <= max_points:
        rows = db.all(
            "SELECT event_id, event_type, latitude, longitude, location, country, date_low, fatalities_best, "
            f"number_of_sources FROM events WHERE {point_cond} ORDER BY id LIMIT ?", [*params, max_points])
        out["mode"] = "points"
        out["located"] = len(rows)
        out["points"] = [{"event_id": r[0], "event_type": r[1], "lat": r[2], "lon": r[3], "location": r[4],
                          "country": r[5], "date": r[6] or None, "fatalities": r[7], "sources": r[8]}
                         for r in rows]
    else:
        out["mode"] = "cells"
        if not rolled:
            gx, gy = _CELL[_dialect(db)]
            size = cell_size(zoom)
            cell_rows = db.all(
                f"SELECT {gx} AS gx, {gy} AS gy, event_type, COUNT(*), SUM(latitude), SUM(longitude) FROM events "
                f"WHERE {point_cond} GROUP BY 1, 2, 3", [size, size, *params])
        out["cells"] = _cells(cell_rows, zoom)
    out["areas"] = _rollup_areas(db, q, cond, params, max_points) if rolled else _areas(db, cond, params, max_points)
    return out


def _rollup_cells(db: Database, q: EventQuery, zoom: int) -> list[Any]:
    """Roll-up rows (gx, gy, event type, count, sum of latitudes, of longitudes) of the cells in view."""
    conds: list[str] = ["level = ?", "n > 0"]
    params: list[Any] = [zoom]
    if q.event_type:
        conds.append("event_type = ?")
        params.append(q.event_type)
    if q.bbox:
        size = cell_size(zoom)
        w, s, e, n = (float(v) for v in q.bbox)
        x0, x1 = int((w + 180.0) // size), int((e + 180.0) // size)
        conds.append("gy BETWEEN ? AND ?")
        params += [int((s + 90.0) // size), int((n + 90.0) // size)]
        conds.append("gx BETWEEN ? AND ?" if w <= e else "(gx >= ? OR gx <= ?)")  # across the antimeridian
        params += [x0, x1]
    return db.all(f"SELECT gx, gy, event_type, n, sum_lat, sum_lon FROM rollup_cells WHERE {' AND '.join(conds)}",
                  params)


def _cells(rows: Sequence[Any], zoom: int) -> list[JSON]:
    """Grid cells from rows of (gx, gy, event type, count, sum of latitudes, sum of longitudes)."""
    size = cell_size(zoom)
    cells: dict[tuple[int, int], JSON] = {}
    for x, y, event_type, count, lat_sum, lon_sum in rows:
        cell = cells.setdefault((int(x), int(y)), {"count": 0, "lat": 0.0, "lon": 0.0, "types": {}})
        n = int(count)
        cell["lat"] += float(lat_sum)
        cell["lon"] += float(lon_sum)
        cell["count"] += n
        cell["types"][event_type] = cell["types"].get(event_type, 0) + n
    out = []
    for (x, y), cell in sorted(cells.items()):
        n = cell["count"]
        west, south = x * size - 180.0, y * size - 90.0
        out.append({"lat": round(cell["lat"] / n, 5), "lon": round(cell["lon"] / n, 5), "count": n,
                    "types": dict(sorted(cell["types"].items(), key=lambda kv: (-kv[1], kv[0]))),
                    "bbox": [round(west, 6), round(max(south, -90.0), 6), round(min(west + size, 180.0), 6),
                             round(min(south + size, 90.0), 6)]})
    return out


AreaKey = tuple[str, str | None, str | None, str | None]


def _area_key(kind: str, country: str | None, admin1: str | None, location: str | None) -> AreaKey:
    """Which drawn area an event belongs to: a country, a province of one, or a named region."""
    return (kind, country, admin1 if kind != "country" else None, location if kind == "region" else None)


def _areas(db: Database, cond: str, params: Sequence[Any], max_events: int) -> list[JSON]:
    area_cond = f"{cond} AND {_AREA}"
    rows = db.all(
        "SELECT area, country, admin1, location, event_type, COUNT(*), AVG(latitude), AVG(longitude) "
        f"FROM events WHERE {area_cond} GROUP BY area, country, admin1, location, event_type", params)
    areas: dict[AreaKey, JSON] = {}
    for kind, country, admin1, location, event_type, count, lat, lon in rows:
        if kind == "country" and country is None:
            continue
        key = _area_key(kind, country, admin1, location)
        area = areas.setdefault(key, {"kind": kind, "country": country, "admin1": key[2], "name": location,
                                      "lat": None, "lon": None, "count": 0, "types": {}})
        n = int(count)
        area["count"] += n
        area["types"][event_type] = area["types"].get(event_type, 0) + n
        if lat is not None and lon is not None and area["lat"] is None:
            area["lat"], area["lon"] = round(float(lat), 5), round(float(lon), 5)
    out = sorted(areas.values(), key=lambda a: (-a["count"], a["kind"], a["country"] or "", a["name"] or ""))
    for area in out:
        area["types"] = dict(sorted(area["types"].items(), key=lambda kv: (-kv[1], kv[0])))
    if sum(a["count"] for a in out) <= max_events:
        _attach_area_events(db, area_cond, params, areas)
    return out


def _in_view(bbox: tuple[float, float, float, float] | None, lat: float, lon: float) -> bool:
    if bbox is None:
        return True
    w, s, e, n = bbox
    return s <= lat <= n and (w <= lon <= e if w <= e else (lon >= w or lon <= e))


def _rollup_areas(db: Database, q: EventQuery, cond: str, params: Sequence[Any], max_events: int) -> list[JSON]:
    """Areas from the roll-up; an area is in view when the mean point of its events is. Few enough
    events in all and the grouped query answers instead, listing them (as :func:`_areas` does)."""
    type_cond, type_params = ("AND event_type = ?", [q.event_type]) if q.event_type else ("", [])
    rows = db.all("SELECT area, country, admin1, location, event_type, n, located, sum_lat, sum_lon "
                  f"FROM rollup_areas WHERE n > 0 {type_cond}", type_params)
    areas: dict[AreaKey, JSON] = {}
    for kind, country, admin1, location, event_type, count, located, lat_sum, lon_sum in rows:
        if kind == "country" and not country:
            continue
        key = _area_key(kind, country or None, admin1 or None, location or None)
        area = areas.setdefault(key, {"kind": kind, "country": key[1], "admin1": key[2], "name": location or None,
                                      "lat": 0.0, "lon": 0.0, "located": 0, "count": 0, "types": {}})
        area["count"] += int(count)
        area["types"][event_type] = area["types"].get(event_type, 0) + int(count)
        area["located"] += int(located)
        area["lat"] += float(lat_sum)
        area["lon"] += float(lon_sum)
    shown: list[JSON] = []
    for area in areas.values():
        located = area.pop("located")
        if located > 0:
            area["lat"], area["lon"] = round(area["lat"] / located, 5), round(area["lon"] / located, 5)
        else:
            area["lat"] = area["lon"] = None
        if q.bbox is not None and (area["lat"] is None or not _in_view(q.bbox, area["lat"], area["lon"])):
            continue
        shown.append(area)
    if sum(a["count"] for a in shown) <= max_events:
        return _areas(db, cond, params, max_events)
    shown.sort(key=lambda a: (-a["count"], a["kind"], a["country"] or "", a["name"] or ""))
    for area in shown:
        area["types"] = dict(sorted(area["types"].items(), key=lambda kv: (-kv[1], kv[0])))
    return shown


def _attach_area_events(db: Database, cond: str, params: Sequence[Any], areas: dict[AreaKey, JSON]) -> None:
    rows = db.all(
        "SELECT area, country, admin1, location, event_id, event_type, date_low, number_of_sources "
        f"FROM events WHERE {cond} ORDER BY date_low DESC, id DESC", params)
    for kind, country, admin1, location, event_id, event_type, date_low, sources in rows:
        area = areas.get(_area_key(kind, country, admin1, location))
        if area is not None:
            area.setdefault("events", []).append({"event_id": event_id, "event_type": event_type,
                                                  "date": date_low or None, "location": location,
                                                  "sources": sources})


# -- names ----------------------------------------------------------------------------------------
def actors(db: Database, q: EventQuery, *, limit: int = 50) -> list[JSON]:
    """Actors (either side) of the events matching ``q``, most frequent first, with event counts."""
    if not 1 <= limit <= 1000:
        raise ConfigError(f"limit: {limit} is not between 1 and 1000")
    q = q.checked()
    if _rolled_up(q, with_bbox=False):
        type_cond, type_params = ("AND event_type = ?", [q.event_type]) if q.event_type else ("", [])
        rows = db.all(f"SELECT name, SUM(n) AS total, SUM(as1), SUM(as2) FROM rollup_actors WHERE n > 0 {type_cond} "
                      "GROUP BY name ORDER BY total DESC, name LIMIT ?", [*type_params, limit])
        return [{"name": r[0], "count": int(r[1]), "as_actor1": int(r[2]), "as_actor2": int(r[3])} for r in rows]
    cond, params = _select(q)
    rows = db.all(
        "SELECT name, SUM(n) AS total, SUM(a1) AS as1, SUM(a2) AS as2 FROM ("
        f"SELECT actor1 AS name, COUNT(*) AS n, COUNT(*) AS a1, 0 AS a2 FROM events WHERE {cond} "
        "AND actor1 IS NOT NULL GROUP BY actor1 UNION ALL "
        f"SELECT actor2 AS name, COUNT(*) AS n, 0 AS a1, COUNT(*) AS a2 FROM events WHERE {cond} "
        "AND actor2 IS NOT NULL GROUP BY actor2) t GROUP BY name ORDER BY total DESC, name LIMIT ?",
        [*params, *params, limit])
    return [{"name": r[0], "count": int(r[1]), "as_actor1": int(r[2]), "as_actor2": int(r[3])} for r in rows]


def places(db: Database, q: EventQuery, *, limit: int = 50) -> list[JSON]:
    """Places of the events matching ``q``, most frequent first, with event counts and coordinates."""
    if not 1 <= limit <= 1000:
        raise ConfigError(f"limit: {limit} is not between 1 and 1000")
    cond, params = _select(q)
    rows = db.all(
        "SELECT location, country, admin1, COUNT(*) AS n, AVG(latitude), AVG(longitude), MAX(geo_precision) "
        f"FROM events WHERE {cond} AND location IS NOT NULL GROUP BY location, country, admin1 "
        "ORDER BY n DESC, location LIMIT ?", [*params, limit])
    return [{"name": r[0], "country": r[1], "admin1": r[2], "count": int(r[3]),
             "latitude": None if r[4] is None else round(float(r[4]), 5),
             "longitude": None if r[5] is None else round(float(r[5]), 5), "geo_precision": r[6]} for r in rows]
