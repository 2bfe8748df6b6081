"""Calendar dates written out in full: month names, ISO dates, and dates like "October 16, 2017".

The grammar of relative and partial time expressions belongs to the times stage; this module only
reads dates that name their day, month and year, which is what a publication date needs.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, NamedTuple

__all__ = ["FoundDate", "MONTHS", "find_day_month", "find_full_dates", "parse_iso"]

MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = r"(?P<{}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_FULL_DATE: Final = re.compile(
    r"\b" + _WEEKDAY + "(?:"
    + _MONTH.format("m1") + r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    + "|" + r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format("m2") + r",?\s+(?P<y2>(?:19|20)\d\d)"
    + "|" + r"(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"
    + r")\b",
    re.IGNORECASE,
)


_DAY_MONTH: Final = re.compile(
    r"\b(?:" + _MONTH.format("m1") + r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
    + _MONTH.format("m2") + r")\b(?!,?\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)


class FoundDate(NamedTuple):
    start: int
    end: int
    date: dt.date


def _make(year: str, month: str | int, day: str) -> dt.date | None:
    m = month if isinstance(month, int) else MONTHS.get(month.lower().rstrip("."), 0)
    if not m and isinstance(month, str) and month.isdigit():
        m = int(month)
    try:
        return dt.date(int(year), m, int(day))
    except ValueError:
        return None


def find_full_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every date in ``text[start:end]`` that names its day, month and year."""
    found: list[FoundDate] = []
    for m in _FULL_DATE.finditer(text, start, len(text) if end is None else end):
        g = m.groupdict()
        if g["y1"]:
            d = _make(g["y1"], g["m1"], g["d1"])
        elif g["y2"]:
            d = _make(g["y2"], g["m2"], g["d2"])
        else:
            d = _make(g["y3"], int(g["m3"]), g["d3"])
        if d is not None:
            found.append(FoundDate(m.start(), m.end(), d))
    return found


def find_day_month(text: str) -> tuple[int, int] | None:
    """The first (month, day) written without a year ("Oct 3", "17 March"), or None."""
    m = _DAY_MONTH.search(text)
    if m is None:
        return None
    g = m.groupdict()
    month = MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
    day = int(g["d1"] or g["d2"])
    return (month, day) if 1 <= day <= 31 else None


_ISO: Final = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*")


def parse_iso(value: str) -> dt.date | None:
    """An ISO 8601 date or date-time (``2017-10-16``, ``2017-10-16T08:30:00Z``) as a ``date`` or
    ``datetime``; None when ``value`` is not one."""
    m = _ISO.fullmatch(value)
    if m is None:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        tz: dt.tzinfo | None = None
        if zone:
            if zone == "Z":
                tz = dt.UTC
            else:
                sign = -1 if zone[0] == "-" else 1
                digits = zone[1:].replace(":", "")
                tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tz)
    except ValueError:
        return None
