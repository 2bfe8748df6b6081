"""Periods, durations and sets for the times stage: expressions counted from a date, and those that
are not dates at all.

"Last week", "the following year", "two days later", "a year earlier", "the third quarter", "last
summer" are periods counted from the publication date, or, for "later", "earlier", "following" and
"previous", from the date or period the article was talking about. Durations ("four-month", "months
of fighting", the "two days" of "two days after the attack") and sets ("every week", "daily") are
kept as such (kind ``duration``/``set``, values like ``P4M``, ``PXM``, ``P1W``) and never turned
into dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from .. import calendar as cal
from ..vocab import Granularity, TimeKind
from . import times_grammar as g
from .times_dates import Resolved, number_of
from .times_tense import pick

__all__ = ["SIGNALS", "ago", "duration", "quarter", "rel_period", "season", "time_set"]

_SET_ADVERBS: Final = {"daily": "XXXX-XX-XX", "nightly": "XXXX-XX-XX", "weekly": "XXXX-WXX", "monthly": "XXXX-XX",
                       "annually": "XXXX", "yearly": "XXXX", "biannually": "XXXX", "hourly": "PT1H",
                       "quarterly": "XXXX-QX", "fortnightly": "P2W"}
#: "after" and "before" in "two days after the attack" are signals: TimeML marks "two days" alone, a duration.
SIGNALS: Final = frozenset({"after", "before"})


def _period(unit: str, base: dt.date, step: int) -> cal.Period | None:
    unit = unit.lower()
    if unit == "week":
        return cal.week(base + dt.timedelta(weeks=step))
    if unit == "weekend":
        p = cal.week(base + dt.timedelta(weeks=step))
        return cal.Period(p.value + "-WE", Granularity.WEEK, p.low + dt.timedelta(days=5), p.high)
    if unit == "month":
        return cal.month(*cal.shift_months(base.year, base.month, step))
    if unit == "year":
        return cal.year(base.year + step)
    if unit == "quarter":
        q = (base.month - 1) // 3 + step
        return cal.quarter(base.year + q // 4, q % 4 + 1)
    if unit == "decade":
        return cal.decade(base.year + 10 * step)
    if unit in g.SEASONS:
        code = g.SEASONS[unit]
        return cal.season(base.year + step, code)
    return None


def _weekend(anchor: dt.date, *, future: bool) -> cal.Period:
    """The weekend meant by "the weekend": the coming one in a clause about the future, else the
    last one begun on or before the anchor."""
    if future:
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
    else:
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    week = cal.week(saturday)
    return cal.Period(week.value + "-WE", Granularity.WEEK, saturday, saturday + dt.timedelta(days=1))


def rel_period(gd: dict[str, str], anchor: dt.date | None, tense: object,
               reference: cal.Period | None) -> Resolved | None:
    rel, unit = gd["rel"].lower(), gd["unit"].lower()
    edge = (gd.get("edge") or gd.get("end") or "").lower()
    if rel == "the" and not edge:
        if unit in g.SEASONS:
            return None  # "the summer" alone is left to the season rule
        if anchor is not None and unit == "quarter":  # "the quarter": the one just reported
            last = _period("quarter", anchor, -1)
            return Resolved(TimeKind.DATE, *last) if last else None
        if anchor is not None and unit == "weekend":  # "over the weekend"
            return Resolved(TimeKind.DATE, *_weekend(anchor, future=callable(tense) and tense() == "future"))
        return Resolved(TimeKind.DURATION, f"P1{g.UNITS.get(unit, 'X')}")
    if rel in ("following", "previous") and reference is not None:
        # "the following year": counted from the period the article was talking about
        period = _period(unit, reference.low, 1 if rel == "following" else -1)
        return Resolved(TimeKind.DATE, *period) if period else None
    if rel == "past" and not edge:
        return Resolved(TimeKind.DURATION, f"P1{g.UNITS.get(unit, 'X')}")
    if unit == "century":
        return None
    if anchor is None:
        return Resolved(TimeKind.DATE, None)
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    period = _period(unit, anchor, step)
    return Resolved(TimeKind.DATE, *period) if period else None


def ago(gd: dict[str, str], anchor: dt.date | None, reference: dt.date | None,
        period: cal.Period | None) -> Resolved | None:
    direction = gd["dir"].lower()
    base = anchor if direction in ("ago", "from now", "hence") else (reference or anchor)
    if direction == "since":
        return Resolved(TimeKind.DURATION, None)
    if direction in SIGNALS:  # "two days after the attack": a duration from an event, not a date
        return duration(gd, "duration")
    number = number_of(gd["num"])
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if number is None or base is None:
        return Resolved(TimeKind.DATE, "PAST_REF" if sign < 0 else "FUTURE_REF")
    unit = gd["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    n = int(number)
    if unit in ("day", "hour", "minute", "second"):
        days = n if unit == "day" else 0
        return Resolved(TimeKind.DATE, *cal.day(base + dt.timedelta(days=sign * days)))
    if unit in ("week", "fortnight"):
        weeks = n * (2 if unit == "fortnight" else 1)
        return Resolved(TimeKind.DATE, *cal.week(base + dt.timedelta(weeks=sign * weeks)))
    if unit == "month":
        return Resolved(TimeKind.DATE, *cal.month(*cal.shift_months(base.year, base.month, sign * n)))
    if unit == "year":
        # "sales in the third quarter ... a year earlier": that quarter, a year before
        if period is not None and period.granularity is Granularity.QUARTER:
            return Resolved(TimeKind.DATE, *cal.quarter(base.year + sign * n, (period.low.month - 1) // 3 + 1))
        return Resolved(TimeKind.DATE, *cal.year(base.year + sign * n))
    if unit == "decade":
        return Resolved(TimeKind.DATE, *cal.decade(base.year + sign * 10 * n))
    return Resolved(TimeKind.DATE, "PAST_REF" if sign < 0 else "FUTURE_REF")


def quarter(gd: dict[str, str], anchor: dt.date | None, tense: object, rule: str) -> Resolved | None:
    what = gd["what"].lower()
    ordinal = (gd.get("ord") or "").lower()
    year_text = gd.get("year1") or gd.get("year2")
    if anchor is None and not year_text:
        return Resolved(TimeKind.DATE, None, Granularity.QUARTER if what == "quarter" else Granularity.HALF)
    current_q = (anchor.month - 1) // 3 + 1 if anchor else 1
    y = int(year_text) if year_text else anchor.year if anchor else 0
    if what == "half":
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get(ordinal)
        if n is None:
            return None
        return Resolved(TimeKind.DATE, *cal.half(y, n))
    numbered = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                "final": 4}
    if ordinal in numbered:
        q = numbered[ordinal]
        if not year_text and anchor is not None and q > current_q and callable(tense) and tense() == "past":
            y -= 1
        return Resolved(TimeKind.DATE, *cal.quarter(y, q))
    if anchor is None:
        return None
    if ordinal == "current" or (rule == "the_quarter" and callable(tense) and tense() == "future"):
        return Resolved(TimeKind.DATE, *cal.quarter(anchor.year, current_q))
    if ordinal == "year-earlier":
        last = _period("quarter", anchor, -1)
        return Resolved(TimeKind.DATE, *cal.quarter(last.low.year - 1, (last.low.month - 1) // 3 + 1)) if last else None
    period = _period("quarter", anchor, -1)  # "the quarter", "the latest quarter": the last one reported
    return Resolved(TimeKind.DATE, *period) if period else None


def season(gd: dict[str, str], anchor: dt.date | None, tense: object) -> Resolved | None:
    code = g.SEASONS[gd["season"].lower()]
    rel = (gd.get("rel") or "").lower()
    if gd.get("year"):
        return Resolved(TimeKind.DATE, *cal.season(int(gd["year"]), code))
    if gd["season"].lower() == "fall" and rel not in ("last", "this", "next", "past", "coming"):
        return None  # "the fall of Raqqa"
    if anchor is None:
        return Resolved(TimeKind.DATE, None, Granularity.SEASON)
    options = [cal.season(y, code) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel in ("last", "past"):
        chosen = max((p for p in options if p.high < anchor), key=lambda p: p.low)
    elif rel in ("next", "coming"):
        chosen = min((p for p in options if p.low > anchor), key=lambda p: p.low)
    elif rel == "this":
        chosen = options[1]
    else:
        t = tense() if callable(tense) else None
        low = pick([p.low for p in options], anchor, t)
        chosen = next(p for p in options if p.low == low)
    return Resolved(TimeKind.DATE, *chosen)


def _unit_code(unit: str) -> tuple[str, str]:
    """The TimeML duration prefix and letter of a unit: ("PT", "H") for hours, ("P", "Y") for years."""
    u = unit.lower()
    u = "century" if u == "centuries" else u.rstrip("s")
    code = g.UNITS.get(u, "X")
    return ("PT" if u in ("second", "minute", "hour") else "P"), code


def duration(gd: dict[str, str], rule: str) -> Resolved | None:
    prefix, code = _unit_code(gd["unit"])
    vague = (gd.get("vague") or gd.get("num") or "").lower()
    if vague in g.PAST_VAGUE:
        return Resolved(TimeKind.DATE, "PAST_REF")
    if vague in g.FUTURE_VAGUE:
        return Resolved(TimeKind.DATE, "FUTURE_REF")
    if rule == "bare_units":
        return Resolved(TimeKind.DURATION, f"{prefix}X{code}")
    number = number_of(gd["num"]) if gd["num"].lower() not in g.VAGUE_NUMBERS else None
    if rule == "duration_and_half" and number is not None:
        number += 0.5
    if code == "W2":
        code, number = "W", (number * 2 if number is not None else None)
    if number is None:
        return Resolved(TimeKind.DURATION, f"{prefix}X{code}")
    amount = f"{number:g}"
    return Resolved(TimeKind.DURATION, f"{prefix}{amount}{code}")


def time_set(gd: dict[str, str]) -> Resolved | None:
    if gd.get("adverb"):
        return Resolved(TimeKind.SET, _SET_ADVERBS[gd["adverb"].lower()])
    what = gd["what"]
    low = what.lower()
    if low in g.WEEKDAYS:
        return Resolved(TimeKind.SET, f"XXXX-WXX-{g.WEEKDAYS[low] + 1}")
    if low in g.MONTH_NAMES:
        return Resolved(TimeKind.SET, f"XXXX-{g.MONTH_NAMES[low]:02d}")
    if low in ("morning", "night", "evening", "afternoon"):
        return Resolved(TimeKind.SET, "XXXX-XX-XXT" + {"morning": "MO", "night": "NI", "evening": "EV",
                                                         "afternoon": "AF"}[low])
    if low in g.SEASONS:
        return Resolved(TimeKind.SET, f"XXXX-{g.SEASONS[low]}")
    prefix, code = _unit_code(low)
    return Resolved(TimeKind.SET, f"{prefix}1{code}")
