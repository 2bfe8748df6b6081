"""Calendar arithmetic for time expressions: periods as (value, first day, last day).

Values follow ISO 8601 as TimeML writes it: ``2017-10-16`` (day), ``2017-W42`` (ISO week),
``2017-10`` (month), ``2017-Q4`` (quarter), ``2017-H2`` (half), ``2017-SU`` (season), ``2017``
(year), ``201`` (decade), ``20`` (century).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from .vocab import Granularity

__all__ = ["Period", "day", "decade", "half", "month", "quarter", "season", "shift_months", "week", "year"]

_SEASONS = {"WI": (12, 2), "SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


class Period(NamedTuple):
    value: str
    granularity: Granularity
    low: dt.date
    high: dt.date


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), Granularity.DAY, d, d)


def week(d: dt.date) -> Period:
    iso_year, iso_week, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Period(f"{iso_year:04d}-W{iso_week:02d}", Granularity.WEEK, monday, monday + dt.timedelta(days=6))


def month(y: int, m: int) -> Period:
    last = calendar.monthrange(y, m)[1]
    return Period(f"{y:04d}-{m:02d}", Granularity.MONTH, dt.date(y, m, 1), dt.date(y, m, last))


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{y:04d}-Q{q}", Granularity.QUARTER, dt.date(y, first, 1),
                  dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1]))


def half(y: int, h: int) -> Period:
    return Period(f"{y:04d}-H{h}", Granularity.HALF, dt.date(y, 1 if h == 1 else 7, 1),
                  dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31))


def season(y: int, code: str) -> Period:
    first, last = _SEASONS[code]
    start = dt.date(y - 1 if code == "WI" else y, first, 1)
    return Period(f"{y:04d}-{code}", Granularity.SEASON, start, dt.date(y, last, calendar.monthrange(y, last)[1]))


def year(y: int) -> Period:
    return Period(f"{y:04d}", Granularity.YEAR, dt.date(y, 1, 1), dt.date(y, 12, 31))


def decade(y: int) -> Period:
    d = y - y % 10
    return Period(f"{d // 10:03d}", Granularity.DECADE, dt.date(d, 1, 1), dt.date(d + 9, 12, 31))


def shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    """The (year, month) ``k`` months after (or before, if negative) ``y``-``m``."""
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1
