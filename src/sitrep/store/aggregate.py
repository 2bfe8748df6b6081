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
A map brushed to a period (since, until) at zoom 0 to ROLLUP_MONTH_MAX_ZOOM reads the monthly
roll-ups, keyed by the months of an event's earliest and latest dates: groups of events that the
period finds whatever their days are read from them, and the few groups at its edges (a period
starting or ending inside a month, or the year-long window before ``since`` that
:func:`~sitrep.store.query.where` allows an event's ``date_low``) are grouped from the events of
those months, so that the answer is the grouped one, whole cells aside. This holds for dates that
are ISO days (YYYY-MM-DD), as the store writes them. Any other filter (actor, country, text,
sources, sub-type) groups the matching events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, Final

from ..errors import ConfigError
from .db import Database
from .query import MAX_RANGE_DAYS, EventQuery, where
from .schema import ROLLUP_MAX_ZOOM, ROLLUP_MONTH_LEVELS, ROLLUP_MONTH_MAX_ZOOM

__all__ = ["AREA_FEATURES", "INTERVALS", "actors", "area_kind", "choose_interval", "map_layer", "places", "timeline"]

JSON = dict[str, Any]
Condition = tuple[str, list[Any]]  # SQL and its parameters
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
# the cell {} of a level that holds it at a level ? fewer: rounded as _CELL rounds (toward zero on
# SQLite, down on PostgreSQL), so that it is the cell _CELL gives at that level
_COARSER: Final = {"sqlite": "({} / (1 << ?))", "postgres": "({} >> ?)"}
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
    type_cond, params = _type_cond(q)
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
    point_cond, area_cond = f"{cond} AND area = '' AND {_LOCATED}", f"{cond} AND {_AREA}"
    area_rows: list[Any] | None = None  # roll-up rows of areas, when roll-ups answer
    if zoom <= ROLLUP_MAX_ZOOM and _rolled_up(q, with_bbox=True):
        cell_rows, area_rows = _rollup_cells(db, q, zoom), _rollup_area_rows(db, q)
    elif zoom <= ROLLUP_MONTH_MAX_ZOOM and _by_month(q):
        cell_rows, area_rows = _month_rows(db, q, zoom)
        listed = sum(int(r[3]) for r in cell_rows) <= max_points or _areas_in_view(q, area_rows) <= max_points
        listing = _listing(db, q, zoom) if listed else None  # by the period's months, if it holds few
        if listing is not None:
            cond, params = listing
            # (in forms the place indexes cannot seek by either: "IS NOT NULL" and "area =" would)
            point_cond = f"{cond} AND area || '' = '' AND +latitude IS NOT NULL AND +longitude IS NOT NULL"
            area_cond = f"{cond} AND area || '' <> ''"
    else:  # grouped at once, not counted first: the cells cost about what a count does
        gx, gy = _CELL[_dialect(db)]
        size = cell_size(zoom)
        cell_rows = db.all(
            f"SELECT {gx} AS gx, {gy} AS gy, event_type, COUNT(*), SUM(latitude), SUM(longitude) FROM events "
            f"WHERE {point_cond} GROUP BY 1, 2, 3", [size, size, *params])
    located = sum(int(r[3]) for r in cell_rows)  # from the roll-ups, whole cells: at least the events in view
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
        out["cells"] = _cells(cell_rows, zoom)
    if area_rows is None:
        out["areas"] = _areas(db, area_cond, params, max_points)
    else:
        out["areas"] = _rollup_areas(db, q, area_cond, params, max_points, area_rows)
    return out


def _cells_in_view(q: EventQuery, zoom: int, cell: tuple[str, str] = ("gx", "gy"),
                   cell_params: Sequence[Any] = ()) -> Condition:
    """The condition selecting the grid cells of ``zoom`` the view of ``q`` touches, whole: on the
    columns gx, gy of a roll-up, or on expressions (``cell``, each with ``cell_params``) giving them."""
    if not q.bbox:
        return "1 = 1", []
    size = cell_size(zoom)
    gx, gy = cell
    sized = list(cell_params)
    w, s, e, n = (float(v) for v in q.bbox)
    x0, x1 = int((w + 180.0) // size), int((e + 180.0) // size)
    y = f"{gy} BETWEEN ? AND ?"
    ys = [*sized, int((s + 90.0) // size), int((n + 90.0) // size)]
    if w <= e:
        return f"{y} AND {gx} BETWEEN ? AND ?", [*ys, *sized, x0, x1]
    return f"{y} AND ({gx} >= ? OR {gx} <= ?)", [*ys, *sized, x0, *sized, x1]  # across the antimeridian


def _rollup_cells(db: Database, q: EventQuery, zoom: int) -> list[Any]:
    """Roll-up rows (gx, gy, event type, count, sum of latitudes, of longitudes) of the cells in view."""
    view, params = _cells_in_view(q, zoom)
    type_cond, type_params = _type_cond(q)
    return db.all(f"SELECT gx, gy, event_type, n, sum_lat, sum_lon FROM rollup_cells WHERE level = ? AND n > 0 "
                  f"{type_cond} AND {view}", [zoom, *type_params, *params])


def _type_cond(q: EventQuery) -> Condition:
    return ("AND event_type = ?", [q.event_type]) if q.event_type else ("", [])


# -- map brushed to a period: the monthly roll-ups ------------------------------------------------
def _by_month(q: EventQuery) -> bool:
    """Whether the monthly roll-ups answer ``q``: a period, with the view and the event type at most."""
    return bool(q.since or q.until) and not (q.sub_event_type or q.actor or q.country or q.text or q.min_sources)


def _months_of_date_low(first: str, last: str) -> Condition:
    """A condition true of every event whose ``date_low`` falls in the months ``first`` to ``last``
    (YYYY-MM), that the date index seeks; a date not shaped so is left unbounded."""
    if not all(len(m) == 7 and m[:4].isdigit() and m[4] == "-" and "01" <= m[5:] <= "12" for m in (first, last)):
        return "1 = 1", []
    year, month = int(last[:4]), int(last[5:7])
    return "date_low >= ? AND date_low < ?", [first, f"{year + month // 12:04d}-{month % 12 + 1:02d}"]


def _months(q: EventQuery) -> tuple[Condition, Condition]:
    """How the period of ``q`` reads a monthly roll-up, as conditions on its ``month`` (of date_low)
    and ``high_month`` (of date_high): the groups :func:`where` finds every event of, and those it
    may find some events of (of the others it finds none). Mirrors ``where``: an event is found when
    ``date_low <= until``, ``date_high >= since`` and ``date_low`` is at most MAX_RANGE_DAYS before
    ``since``; a month's first and last days bound all its days."""
    whole: list[tuple[str, str]] = []  # (condition, month)
    maybe: list[tuple[str, str]] = []
    if q.until:
        month = q.until[:7]
        ends = _period_bounds(month, "month")[1] == q.until
        whole.append(("month <= ?" if ends else "month < ?", month))
        maybe.append(("month <= ?", month))
    if q.since:
        earliest = (dt.date.fromisoformat(q.since) - dt.timedelta(days=MAX_RANGE_DAYS)).isoformat()
        for column, day in (("high_month", q.since), ("month", earliest)):
            whole.append((f"{column} >= ?" if day.endswith("-01") else f"{column} > ?", day[:7]))
            maybe.append((f"{column} >= ?", day[:7]))
    return ((" AND ".join(c for c, _ in whole), [m for _, m in whole]),
            (" AND ".join(c for c, _ in maybe), [m for _, m in maybe]))


_EVERY_CELL: Final = f"rollup_cells_month WHERE level = {ROLLUP_MONTH_LEVELS[0]} AND"  # every located event


def _month_rows(db: Database, q: EventQuery, zoom: int) -> tuple[list[Any], list[Any]]:
    """Rows as :func:`_rollup_cells` and :func:`_rollup_area_rows` give, for ``q`` with a period: of
    the groups it finds every event of, from the monthly roll-ups; of those at its edges, grouped from
    the events of each edge month (one read of them for cells and areas)."""
    (whole, params), (maybe, maybe_params) = _months(q)
    type_cond, type_params = _type_cond(q)
    level = min(kept for kept in ROLLUP_MONTH_LEVELS if kept >= zoom)  # whose cells make up the zoom's
    gx, gy = (_COARSER[_dialect(db)].format(c) for c in ("gx", "gy"))
    view, view_params = _cells_in_view(q, zoom, (gx, gy), [level - zoom])
    cells = db.all(f"SELECT {gx}, {gy}, event_type, SUM(n), SUM(sum_lat), SUM(sum_lon) FROM rollup_cells_month "
                   f"WHERE level = ? AND n > 0 AND {whole} {type_cond} AND {view} GROUP BY 1, 2, 3",
                   [level - zoom, level - zoom, level, *params, *type_params, *view_params])
    areas = db.all("SELECT area, country, admin1, location, event_type, SUM(n), SUM(located), SUM(sum_lat), "
                   f"SUM(sum_lon) FROM rollup_areas_month WHERE n > 0 AND {whole} {type_cond} "
                   "GROUP BY area, country, admin1, location, event_type", [*params, *type_params])
    edges: dict[str, set[str]] = {}  # month of date_low -> months of date_high
    for table in (_EVERY_CELL, "rollup_areas_month WHERE"):
        for month, high in db.all(f"SELECT DISTINCT month, high_month FROM {table} n > 0 AND {maybe} "
                                  f"AND NOT ({whole}) {type_cond}", [*maybe_params, *params, *type_params]):
            edges.setdefault(str(month), set()).add(str(high))
    gx, gy = (f"CASE WHEN area = '' THEN {x} END" for x in _CELL[_dialect(db)])
    size = cell_size(zoom)
    view, view_params = _cells_in_view(q, zoom, _CELL[_dialect(db)], [size])  # whole cells, as above
    for month, highs in sorted(edges.items()):
        cond, cond_params = _edge_events(q, month, sorted(highs))
        for area, *key, event_type, x, y, count, located, lat_sum, lon_sum in db.all(
                "SELECT area, " + ", ".join(f"CASE WHEN area = '' THEN NULL ELSE {c} END" for c in (
                    "country", "admin1", "location")) + f", event_type, {gx}, {gy}, {_AREA_SUMS} FROM events "
                f"WHERE {cond} AND (area <> '' OR {_LOCATED} AND {view}) GROUP BY 1, 2, 3, 4, 5, 6, 7",
                [size, size, *cond_params, *view_params]):
            if area:
                areas.append((area, *key, event_type, count, located, lat_sum, lon_sum))
            else:
                cells.append((x, y, event_type, count, lat_sum, lon_sum))
    return cells, areas


def _edge_events(q: EventQuery, month: str, highs: list[str]) -> Condition:
    """The events of one edge month that ``q`` finds (the view aside), for the event indexes to seek:
    by date_low, within that month, and by event type."""
    cond, params = where(replace(q, bbox=None), with_cursor=False)
    seek, seek_params = _months_of_date_low(month, month)
    marks = ", ".join("?" * len(highs))
    return (f"{seek} AND {cond} AND substr(date_low, 1, 7) = ? AND COALESCE(substr(date_high, 1, 7), '') IN ({marks})",
            [*seek_params, *params, month, *highs])


def _listing(db: Database, q: EventQuery, zoom: int) -> Condition | None:
    """For ``q`` with a period and a view: the condition to list its events by (the points, the
    areas' events) when the period holds far fewer events than the view, or None. It means what
    :func:`where` does, but seeks the date index over the months of date_low the period finds (the
    roll-ups know them) and keeps the view off the place indexes (``+``), which a wide view and a
    short period would otherwise read end to end."""
    if q.bbox is None:
        return None
    _, (maybe, maybe_params) = _months(q)
    type_cond, type_params = _type_cond(q)
    first, last, found = db.one(
        f"SELECT MIN(month), MAX(month), SUM(n) FROM (SELECT month, n FROM {_EVERY_CELL} n > 0 AND {maybe} "
        f"{type_cond} UNION ALL SELECT month, n FROM rollup_areas_month WHERE n > 0 AND {maybe} {type_cond}) t",
        [*maybe_params, *type_params] * 2) or (None, None, None)
    if first is None:
        return "1 = 0", []  # the period finds no event at all
    # a row read through the date index costs about what ten entries of the place index do
    if 10 * int(found) > sum(int(r[3]) for r in _rollup_cells(db, replace(q, since=None, until=None), zoom)):
        return None
    seek, seek_params = _months_of_date_low(str(first), str(last))
    cond, params = where(replace(q, bbox=None), with_cursor=False)
    w, s, e, n = (float(v) for v in q.bbox)
    lon = "+longitude BETWEEN ? AND ?" if w <= e else "(+longitude >= ? OR +longitude <= ?)"  # as where() has it
    return f"{seek} AND {cond} AND {lon} AND +latitude BETWEEN ? AND ?", [*seek_params, *params, w, e, s, n]


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


_AREA_SUMS: Final = "COUNT(*), COUNT(latitude + longitude), SUM(COALESCE(latitude, 0)), SUM(COALESCE(longitude, 0))"


def _areas(db: Database, area_cond: str, params: Sequence[Any], max_events: int) -> list[JSON]:
    """Areas of the events that ``area_cond`` selects, grouped; and their events when few enough."""
    areas = _merge_areas(db.all(f"SELECT area, country, admin1, location, event_type, {_AREA_SUMS} "
                                f"FROM events WHERE {area_cond} GROUP BY area, country, admin1, location, event_type",
                                params))
    out = _sorted_areas(areas.values())
    if sum(a["count"] for a in out) <= max_events:
        _attach_area_events(areas, db.all(f"SELECT {_AREA_EVENT} FROM events WHERE {area_cond}", params))
    return out


def _listed_areas(db: Database, area_cond: str, params: Sequence[Any], max_events: int) -> list[JSON]:
    """What :func:`_areas` gives, from one read of the events: for when a roll-up counted few."""
    events = db.all(f"SELECT {_AREA_EVENT}, latitude, longitude FROM events WHERE {area_cond}", params)
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for kind, country, admin1, location, _, event_type, *_, lat, lon in events:
        group = groups.setdefault((kind, country, admin1, location, event_type), [0, 0, 0.0, 0.0])
        group[0] += 1
        if lat is not None and lon is not None:
            group[1] += 1
            group[2] += lat
            group[3] += lon
    areas = _merge_areas([(*key, *sums) for key, sums in groups.items()])
    out = _sorted_areas(areas.values())
    if sum(a["count"] for a in out) <= max_events:
        _attach_area_events(areas, events)
    return out


def _merge_areas(rows: Sequence[Any]) -> dict[AreaKey, JSON]:
    """Areas from rows of (area, country, admin1, location, event type, count, located, sum of the
    latitudes and of the longitudes of those located), placed at the mean point of their events."""
    areas: dict[AreaKey, JSON] = {}
    for kind, country, admin1, location, event_type, count, located, lat_sum, lon_sum in rows:
        if kind == "country" and not country:
            continue
        key = _area_key(kind, country or None, admin1 or None, location or None)
        area = areas.setdefault(key, {"kind": kind, "country": key[1], "admin1": key[2], "name": key[3],
                                      "lat": 0.0, "lon": 0.0, "located": 0, "count": 0, "types": {}})
        area["count"] += int(count)
        area["types"][event_type] = area["types"].get(event_type, 0) + int(count)
        area["located"] += int(located)
        area["lat"] += float(lat_sum)
        area["lon"] += float(lon_sum)
    for area in areas.values():
        located = area.pop("located")
        if located > 0:
            area["lat"], area["lon"] = round(area["lat"] / located, 5), round(area["lon"] / located, 5)
        else:
            area["lat"] = area["lon"] = None
    return areas


def _sorted_areas(areas: Iterable[JSON]) -> list[JSON]:
    out = sorted(areas, key=lambda a: (-a["count"], a["kind"], a["country"] or "", a["name"] or ""))
    for area in out:
        area["types"] = dict(sorted(area["types"].items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def _in_view(bbox: tuple[float, float, float, float] | None, lat: float, lon: float) -> bool:
    if bbox is None:
        return True
    w, s, e, n = bbox
    return s <= lat <= n and (w <= lon <= e if w <= e else (lon >= w or lon <= e))


def _rollup_area_rows(db: Database, q: EventQuery) -> list[Any]:
    """Roll-up rows as :func:`_merge_areas` reads them."""
    type_cond, type_params = _type_cond(q)
    return db.all("SELECT area, country, admin1, location, event_type, n, located, sum_lat, sum_lon "
                  f"FROM rollup_areas WHERE n > 0 {type_cond}", type_params)


def _rollup_areas(db: Database, q: EventQuery, area_cond: str, params: Sequence[Any], max_events: int,
                  rows: Sequence[Any]) -> list[JSON]:
    """Areas from roll-up ``rows``; an area is in view when the mean point of its events is. Few enough
    events in all and the events in view answer instead, listed (as :func:`_areas` gives them)."""
    shown = _shown_areas(q, rows)
    if sum(a["count"] for a in shown) <= max_events:
        return _listed_areas(db, area_cond, params, max_events)
    return _sorted_areas(shown)


def _shown_areas(q: EventQuery, rows: Sequence[Any]) -> list[JSON]:
    return [area for area in _merge_areas(rows).values() if q.bbox is None or (
        area["lat"] is not None and _in_view(q.bbox, area["lat"], area["lon"]))]


def _areas_in_view(q: EventQuery, rows: Sequence[Any]) -> int:
    """How many events the areas of roll-up ``rows`` in view hold (as :func:`_rollup_areas` counts)."""
    return sum(int(a["count"]) for a in _shown_areas(q, rows))


_AREA_EVENT: Final = "area, country, admin1, location, event_id, event_type, date_low, number_of_sources, id"


def _attach_area_events(areas: dict[AreaKey, JSON], rows: list[Any]) -> None:
    """List each area's events (rows of :data:`_AREA_EVENT`), latest first."""
    # sorted here, not by SQL: ordered by date, a brushed period is read through the date index,
    # every event of a year or two, instead of the few in view through the index of areas
    rows.sort(key=lambda r: (r[6] or "", r[8]), reverse=True)
    for kind, country, admin1, location, event_id, event_type, date_low, sources, *_ in rows:
        area = areas.get(_area_key(kind, country or None, admin1 or None, location or None))
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
        type_cond, type_params = _type_cond(q)
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
