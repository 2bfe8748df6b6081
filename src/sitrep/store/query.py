"""Filters over stored events, shared by ``sitrep events``, ``sitrep export`` and the HTTP API.

:class:`EventQuery` holds what a user asked for; :func:`where` turns it into a SQL condition with
bound parameters (never user text in the SQL itself). Pages are keyset-paginated: the cursor is an
opaque token holding the sort key and id of the last row returned, so a page costs the same however
deep it is.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any

import orjson

from ..errors import ConfigError
from ..vocab import EventType, SubEventType

__all__ = ["SORTS", "EventQuery", "decode_cursor", "encode_cursor", "where"]

# sort name -> (SQL expression, descending?)
SORTS: dict[str, tuple[str, bool]] = {
    "-date": ("date_low", True),
    "date": ("date_low", False),
    "-fatalities": ("COALESCE(fatalities_best, -1)", True),
    "fatalities": ("COALESCE(fatalities_best, -1)", False),
    "-sources": ("number_of_sources", True),
    "sources": ("number_of_sources", False),
}
MAX_LIMIT = 1000
MAX_RANGE_DAYS = 366  # the widest date range of an event that `since` still finds


def _date(value: str | dt.date | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        if len(value) == 4 and value.isdigit():
            return f"{value}-01-01" if name == "since" else f"{value}-12-31"
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            if name == "since":
                return dt.date(year, month, 1).isoformat()
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return (nxt - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ConfigError(f"{name}: not a date: {value!r}; give YYYY-MM-DD, YYYY-MM or YYYY") from None


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events, in which order, how many. Every field is optional."""

    since: str | None = None  # events that may have happened on or after this date
    until: str | None = None  # ... on or before this date
    event_type: str | None = None  # ACLED event type, spelled as in the contract
    sub_event_type: str | None = None
    actor: str | None = None  # part of an actor's name (either side), any case
    country: str | None = None  # ISO 3166-1 alpha-3
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # words anywhere in the evidence, actors or place
    min_sources: int | None = None
    limit: int = 100
    cursor: str | None = None
    sort: str = "-date"

    def checked(self) -> EventQuery:
        """This query with values normalised; ConfigError naming the first bad one."""
        since, until = _date(self.since, "since"), _date(self.until, "until")
        if since and until and since > until:
            raise ConfigError(f"since ({since}) is after until ({until})")
        if self.event_type is not None and self.event_type not in {str(t) for t in EventType}:
            raise ConfigError(f"event_type: unknown type {self.event_type!r}; one of: "
                              + ", ".join(str(t) for t in EventType))
        if self.sub_event_type is not None and self.sub_event_type not in {str(t) for t in SubEventType}:
            raise ConfigError(f"sub_event_type: unknown sub-event type {self.sub_event_type!r}")
        country = self.country.upper() if self.country else None
        if country is not None and (len(country) != 3 or not country.isalpha()):
            raise ConfigError(f"country: {self.country!r} is not an ISO 3166-1 alpha-3 code (e.g. SYR)")
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise ConfigError("bbox: give four numbers: west,south,east,north")
            w, s, e, n = (float(v) for v in self.bbox)
            if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
                raise ConfigError(f"bbox: {self.bbox!r} is not west,south,east,north in degrees (south <= north)")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ConfigError(f"limit: {self.limit} is not between 1 and {MAX_LIMIT}")
        if self.sort not in SORTS:
            raise ConfigError(f"sort: {self.sort!r} is not one of {', '.join(SORTS)}")
        if self.min_sources is not None and self.min_sources < 1:
            raise ConfigError("min_sources: must be 1 or more")
        for name in ("actor", "text"):
            value = getattr(self, name)
            if value is not None and len(value) > 200:
                raise ConfigError(f"{name}: longer than 200 characters")
        if self.cursor is not None:
            decode_cursor(self.cursor)
        return replace(self, since=since, until=until, country=country)

    def describe(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(q: EventQuery, *, with_cursor: bool = True) -> tuple[str, list[Any]]:
    """The SQL condition and parameters selecting the events ``q`` asks for (``q`` checked)."""
    parts: list[str] = []
    params: list[Any] = []
    if q.since:
        # date_high says whether the event may have happened since then; the bound on date_low
        # lets an index seek (an event dated more loosely than a year is not found by a period)
        parts.append("date_high >= ? AND date_low >= ?")
        params += [q.since, (dt.date.fromisoformat(q.since) - dt.timedelta(days=MAX_RANGE_DAYS)).isoformat()]
    if q.until:
        parts.append("date_low <= ? AND date_low <> ''")
        params.append(q.until)
    # With a view, the place index must lead: a type index walked in date order would read every
    # event of that type when few lie in the view. "|| ''" keeps the planner off the type indexes
    # (on both backends) while meaning the same.
    typed = "{} || '' = ?" if q.bbox else "{} = ?"
    if q.event_type:
        parts.append(typed.format("event_type"))
        params.append(q.event_type)
    if q.sub_event_type:
        parts.append(typed.format("sub_event_type"))
        params.append(q.sub_event_type)
    if q.country:
        parts.append("country = ?")
        params.append(q.country)
    if q.bbox:
        w, s, e, n = (float(v) for v in q.bbox)
        if w <= e:
            parts.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
            params += [w, e, s, n]
        else:  # across the antimeridian
            parts.append("(longitude >= ? OR longitude <= ?) AND latitude BETWEEN ? AND ?")
            params += [w, e, s, n]
    if q.actor:
        parts.append("(LOWER(actor1) LIKE ? ESCAPE '\\' OR LOWER(actor2) LIKE ? ESCAPE '\\')")
        params += [_like(q.actor)] * 2
    if q.text:
        for word in q.text.split():
            parts.append("search LIKE ? ESCAPE '\\'")
            params.append(_like(word))
    if q.min_sources:
        parts.append("number_of_sources >= ?")
        params.append(q.min_sources)
    if with_cursor and q.cursor:
        expr, desc = SORTS[q.sort]
        value, last_id = decode_cursor(q.cursor)
        op = "<" if desc else ">"
        parts.append(f"({expr}, id) {op} (?, ?)")  # a row value: the index on (sort key, id) does the seek
        params += [value, last_id]
    return (" AND ".join(parts) if parts else "1 = 1"), params


def order_by(q: EventQuery) -> str:
    expr, desc = SORTS[q.sort]
    direction = "DESC" if desc else "ASC"
    return f"{expr} {direction}, id {direction}"


def sort_value(q: EventQuery, row: dict[str, Any]) -> Any:
    expr = SORTS[q.sort][0]
    if expr == "date_low":
        return row["date_low"]
    if "fatalities" in expr:
        return row["fatalities_best"] if row["fatalities_best"] is not None else -1
    return row["number_of_sources"]


def encode_cursor(value: Any, last_id: int) -> str:
    return base64.urlsafe_b64encode(orjson.dumps([value, last_id])).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, last_id = orjson.loads(raw)
        if not isinstance(last_id, int) or not isinstance(value, (str, int)):
            raise ValueError
        return value, last_id
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError):
        raise ConfigError("cursor: not a cursor this server gave out; start again without one") from None
