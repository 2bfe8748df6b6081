"""Values for the times stage: what an expression resolves to, and the calendar days, clock times,
relative days and years in words it can name.

:class:`Resolved` is a TimeML-style value (``2017-10-16``, ``2017-10-16T22:00``, ``P4M``,
``PAST_REF``) with its granularity and the first and last days it can mean; ``value`` is None when
the expression needs the publication date and the article has none. "The previous day" and "the
next day" count from the reference time (the last day-precise date the article mentioned), not from
the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .. import calendar as cal
from ..numbers import word_number
from ..vocab import Granularity, TimeKind
from . import times_grammar as g

__all__ = ["Resolved", "clock_time", "day_number", "day_of", "month_number", "number_of", "rel_day", "year_words"]


class Resolved(NamedTuple):
    kind: TimeKind
    value: str | None
    granularity: Granularity | None = None
    low: dt.date | None = None
    high: dt.date | None = None


def number_of(text: str) -> float | None:
    return word_number(text, g.NUMBER_WORDS)


def month_number(name: str) -> int:
    return g.MONTH_NAMES[name.lower().rstrip(".")]


def day_of(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def year_words(gd: dict[str, str]) -> Resolved | None:
    if gd.get("thousand"):
        small = number_of(gd["small"]) if gd.get("small") else 0.0
        return Resolved(TimeKind.DATE, *cal.year(2000 + int(small or 0)))
    century = 1900 if gd["century"].lower() == "nineteen" else 1800
    rest = gd["rest"].lower()
    if rest == "hundred":
        return Resolved(TimeKind.DATE, *cal.year(century))
    number = number_of(rest)
    return Resolved(TimeKind.DATE, *cal.year(century + int(number))) if number is not None else None


def clock_time(gd: dict[str, str], anchor: dt.date | None) -> Resolved | None:
    if gd.get("word"):
        hhmm = "24:00" if gd["word"].lower() == "midnight" else "12:00"
    else:
        hour = int(gd.get("h") or gd.get("h2") or 0)
        minute = int(gd.get("min") or gd.get("min2") or 0)
        ampm = (gd.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute:02d}"
    if anchor is None:
        return Resolved(TimeKind.TIME, f"T{hhmm}")
    return Resolved(TimeKind.TIME, f"{anchor.isoformat()}T{hhmm}", Granularity.DAY, anchor, anchor)


def rel_day(phrase: str, anchor: dt.date | None, reference: dt.date | None) -> Resolved | None:
    phrase = re.sub(r"\s+", " ", phrase)
    offsets = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
               "tomorrow": 1, "tonight": 0, "last night": -1, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
               "tomorrow morning": 1, "tomorrow afternoon": 1, "tomorrow evening": 1, "earlier today": 0,
               "later today": 0, "earlier tonight": 0, "later tonight": 0}
    kind = TimeKind.TIME if any(w in phrase for w in ("night", "morning", "afternoon", "evening")) else TimeKind.DATE
    if phrase in offsets:
        if anchor is None:
            return Resolved(kind, None, Granularity.DAY)
        return Resolved(kind, *cal.day(anchor + dt.timedelta(days=offsets[phrase])))
    base = reference or anchor
    if base is None:
        return Resolved(kind, None, Granularity.DAY)
    if any(w in phrase for w in ("previous", "before", "preceding")):
        shift = -1
    elif any(w in phrase for w in ("next", "following", "after")):
        shift = 1
    else:  # "the same day", "that day"
        shift = 0
    return Resolved(kind, *cal.day(base + dt.timedelta(days=shift)))
