"""Resolution, for the times stage: one recognised expression to its value, a branch per rule of
:mod:`sitrep.stages.times_grammar`.

Full dates and ranges are read as written; expressions that need the article's date take it from
:class:`Context`, with the tense of their clause (:mod:`sitrep.stages.times_tense`); the values of
days, clock times and periods are made by :mod:`sitrep.stages.times_dates` and
:mod:`sitrep.stages.times_periods`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final, NamedTuple

from .. import calendar as cal
from ..vocab import Granularity, TimeKind
from . import times_grammar as g
from .times_dates import Resolved, clock_time, day_number, day_of, month_number, rel_day, year_words
from .times_periods import ago, duration, quarter, rel_period, season, time_set
from .times_tense import clause_tense, pick, weekday

__all__ = ["Context", "Found", "resolve"]

_NEEDS_CONTEXT: Final = frozenset({"May", "March"})
_REFS: Final = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
                "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
                "at the moment": "PRESENT_REF", "right now": "PRESENT_REF", "the present": "PRESENT_REF",
                "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
                "in the past": "PAST_REF", "the past": "PAST_REF", "in the future": "FUTURE_REF",
                "the future": "FUTURE_REF", "future": "FUTURE_REF"}


class Found(NamedTuple):
    start: int
    end: int
    rule: str
    match: re.Match[str]


@dataclass(slots=True)
class Context:
    text: str
    anchor: dt.date | None
    reference: dt.date | None  # the last day-precise date mentioned
    period: cal.Period | None  # the last calendar period mentioned, at any precision
    lo: int  # the sentence or segment the expression is in
    hi: int


def resolve(f: Found, ctx: Context) -> Resolved | None:  # one branch per rule, kept together
    m, rule, anchor = f.match, f.rule, ctx.anchor
    gd = m.groupdict()

    def tense() -> str | None:
        return clause_tense(ctx.text, f.start, f.end, ctx.lo, ctx.hi)

    def strong_tense() -> str | None:
        return clause_tense(ctx.text, f.start, f.end, ctx.lo, ctx.hi, strong=True)

    if rule in ("date_mdy", "date_dmy", "date_iso"):
        mon = gd["mon"]
        month_no = int(mon) if mon.isdigit() else month_number(mon)
        d = day_of(int(gd["year"]), month_no, day_number(gd["day"]))
        return Resolved(TimeKind.DATE, *cal.day(d)) if d else None
    if rule == "date_slash":
        a, b = int(gd["a"]), int(gd["b"])
        day_no, month_no = (b, a) if b > 12 else (a, b)
        d = day_of(int(gd["year"]), month_no, day_no)
        return Resolved(TimeKind.DATE, *cal.day(d)) if d else None
    if rule in ("date_md", "date_dm"):
        month_no, day_no = month_number(gd["mon"]), day_number(gd["day"])
        if anchor is None:
            return Resolved(TimeKind.DATE, None, Granularity.DAY)
        options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := day_of(y, month_no, day_no))]
        if not options:
            return None
        if gd.get("wd"):  # "Monday, Oct. 16": the year whose date falls on that weekday
            wd = g.WEEKDAYS[gd["wd"].lower()]
            options = [d for d in options if d.weekday() == wd] or options
        return Resolved(TimeKind.DATE, *cal.day(pick(options, anchor, strong_tense())))
    if rule in ("day_range", "day_range_m"):
        month_no = month_number(gd["mon"])
        y = int(gd["year"]) if gd.get("year") else None
        if y is None and anchor is None:
            return Resolved(TimeKind.DATE, None, Granularity.DAY)
        if y is None:
            assert anchor is not None
            first = [d for yy in (anchor.year - 1, anchor.year, anchor.year + 1)
                     if (d := day_of(yy, month_no, day_number(gd["d1"])))]
            y = pick(first, anchor, tense()).year if first else anchor.year
        d1, d2 = day_of(y, month_no, day_number(gd["d1"])), day_of(y, month_no, day_number(gd["d2"]))
        if not d1 or not d2 or d2 < d1:
            return None
        return Resolved(TimeKind.DATE, f"{d1.isoformat()}/{d2.isoformat()}", Granularity.DAY, d1, d2)
    if rule == "month_year":
        return Resolved(TimeKind.DATE, *cal.month(int(gd["year"]), month_number(gd["mon"])))
    if rule == "month_range":
        m1, m2 = month_number(gd["m1"]), month_number(gd["m2"])
        if gd.get("year"):
            y = int(gd["year"])
        elif anchor is not None:
            y = pick([dt.date(yy, m1, 1) for yy in (anchor.year - 1, anchor.year)], anchor, tense()).year
        else:
            return Resolved(TimeKind.DATE, None, Granularity.MONTH)
        p1, p2 = cal.month(y, m1), cal.month(y if m2 >= m1 else y + 1, m2)
        return Resolved(TimeKind.DATE, f"{p1.value}/{p2.value}", Granularity.MONTH, p1.low, p2.high)
    if rule == "month":
        return _month(gd, f, ctx, tense)
    if rule == "month_rel_year":
        if anchor is None:
            return Resolved(TimeKind.DATE, None, Granularity.MONTH)
        step = {"last": -1, "next": 1}.get(gd["rel"].lower(), 0)
        return Resolved(TimeKind.DATE, *cal.month(anchor.year + step, month_number(gd["mon"])))
    if rule == "clock":
        return clock_time(gd, anchor)
    if rule in ("weekday", "part_weekday"):
        if g.NAMED_DAY.search(ctx.text, max(0, f.start - 8), f.start):
            return None  # "Black Tuesday"
        if anchor is None:
            return Resolved(TimeKind.DATE, None, Granularity.DAY)
        d = weekday(g.WEEKDAYS[gd["wd"].lower()], anchor, gd.get("rel"), tense())
        kind = TimeKind.TIME if gd.get("part") else TimeKind.DATE
        return Resolved(kind, *cal.day(d))
    if rule == "rel_day":
        return rel_day(gd["phrase"].lower(), anchor, ctx.reference)
    if rule == "rel_period":
        return rel_period(gd, anchor, tense, ctx.period)
    if rule == "ago":
        return ago(gd, anchor, ctx.reference, ctx.period)
    if rule in ("quarter", "the_quarter"):
        return quarter(gd, anchor, tense, rule)
    if rule == "year":
        if g.COUNTED.search(ctx.text, max(0, f.start - 6), f.start):
            return None  # "more than 2000"
        return Resolved(TimeKind.DATE, *cal.year(int(gd["year"])))
    if rule == "decade":
        return Resolved(TimeKind.DATE, *cal.decade(int(gd["dec"])))
    if rule == "season":
        return season(gd, anchor, tense)
    if rule in ("duration", "duration_and_half", "bare_units"):
        return duration(gd, rule)
    if rule == "set":
        return time_set(gd)
    if rule == "year_ago":
        if anchor is None:
            return Resolved(TimeKind.DATE, None)
        # the year before the article's, as the quarter in focus when one is ("the year-ago quarter")
        period = ctx.period
        if period is not None and period.granularity is Granularity.QUARTER:
            return Resolved(TimeKind.DATE, *cal.quarter(anchor.year - 1, (period.low.month - 1) // 3 + 1))
        return Resolved(TimeKind.DATE, *cal.year(anchor.year - 1))
    if rule == "year_end":
        return Resolved(TimeKind.DATE, *cal.year(anchor.year)) if anchor else Resolved(TimeKind.DATE, None)
    if rule == "year_words":
        return year_words(gd)
    if rule == "ref":
        ref = _REFS[gd["ref"].lower()]
        if ref == "PRESENT_REF" and anchor is not None:
            return Resolved(TimeKind.DATE, ref, None, anchor, anchor)
        return Resolved(TimeKind.DATE, ref)
    return None


def _month(gd: dict[str, str], f: Found, ctx: Context, tense: object) -> Resolved | None:
    mon, mod = gd["mon"], (gd.get("mod") or "").lower()
    if mon in _NEEDS_CONTEXT and not mod and not g.MONTH_CONTEXT.search(ctx.text[max(0, f.start - 20):f.start]):
        return None
    month_no = month_number(mon)
    anchor = ctx.anchor
    if anchor is None:
        return Resolved(TimeKind.DATE, None, Granularity.MONTH)
    options = [cal.month(y, month_no) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    this_month = dt.date(anchor.year, anchor.month, 1)
    t = tense() if callable(tense) else None
    if mod in ("last", "past"):  # "last February": February of last year
        chosen = options[0]
    elif mod in ("next", "coming"):
        chosen = options[2]
    elif mod == "this":
        chosen = options[1]
    elif t is None:  # no tense: the article's year, unless that is more than two months ahead
        chosen = options[1] if month_no - anchor.month <= 2 else options[0]
    else:
        low = pick([p.low for p in options], this_month, t)
        chosen = next(p for p in options if p.low == low)
    return Resolved(TimeKind.DATE, *chosen)
