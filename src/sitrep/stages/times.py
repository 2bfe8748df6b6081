"""Times: find every time expression in an article and resolve it against the article's date.

Recognition is :mod:`sitrep.stages.times_grammar`; this module settles overlapping matches
(longest first), joins a clock time to the date beside it ("10 p.m. Wednesday"), and resolves
each expression to a TimeML-style value with its granularity and the days it can mean:

- the anchor is the publication date; without one, expressions that need it keep ``value`` None;
- weekdays, months and day-months without a year take the tense of their clause: in a clause about
  the past (the news default) the latest such day or month on or before the anchor, in one about
  the future the earliest on or after it, and with no tense the nearest ("began in November" in an
  article of October 2017 is 2016-11; "will meet on Monday" in a Monday article is that day);
- "the previous day", "two days later", "a year earlier" count from the last day-precise date the
  article mentioned (its reference time), not from the publication date;
- a relative day restated as a calendar date ("yesterday 27/02/2016", "Sunday, 15 October") is one
  expression with the text's own date, its year mended when it is a slip ("yesterday 20/01/2015" in
  an article of January 2016);
- durations ("four-month", "months of fighting", the "two days" of "two days after the attack") and
  sets ("every week") are recognised as such (kind ``duration``/``set``, values like ``P4M``, ``PXM``,
  ``P1W``) and never turned into dates.

Headline, captions, datelines and body are read; credits, site tags and boilerplate are not.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Final, NamedTuple

from .. import calendar as cal
from ..models import Doc, TimeRef
from ..numbers import word_number
from ..pipeline import stage
from ..vocab import Granularity, SegmentKind, TimeKind
from . import times_grammar as g

__all__ = ["find_times", "times"]

_READ: Final = frozenset({SegmentKind.HEADLINE, SegmentKind.CAPTION, SegmentKind.DATELINE, SegmentKind.BODY})
_NEEDS_CONTEXT: Final = frozenset({"May", "March"})
_WITH_IN: Final = frozenset({"month", "month_year", "year", "decade", "season", "month_range"})
_PRIORITY: Final = {name: i for i, (name, _) in enumerate(g.RULES)}
_REFS: Final = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
                "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
                "at the moment": "PRESENT_REF", "right now": "PRESENT_REF", "the present": "PRESENT_REF",
                "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
                "in the past": "PAST_REF", "the past": "PAST_REF", "in the future": "FUTURE_REF",
                "the future": "FUTURE_REF", "future": "FUTURE_REF"}
_SET_ADVERBS: Final = {"daily": "XXXX-XX-XX", "nightly": "XXXX-XX-XX", "weekly": "XXXX-WXX", "monthly": "XXXX-XX",
                       "annually": "XXXX", "yearly": "XXXX", "biannually": "XXXX", "hourly": "PT1H",
                       "quarterly": "XXXX-QX", "fortnightly": "P2W"}


class _Found(NamedTuple):
    start: int
    end: int
    rule: str
    match: re.Match[str]


class Resolved(NamedTuple):
    kind: TimeKind
    value: str | None
    granularity: Granularity | None = None
    low: dt.date | None = None
    high: dt.date | None = None


# ----------------------------------------------------------------------------- recognition

def _candidates(text: str, start: int, end: int) -> list[_Found]:
    found: list[_Found] = []
    lowered = text[start:end].lower()
    for name, pattern in g.RULES:
        if not g.HINTS[name].search(lowered):
            continue
        # (a lower-cased text of another length, as "İ" makes, cannot give offsets: scan it all)
        anchor = g.ANCHORS.get(name) if len(lowered) == end - start else None
        if anchor is None:
            found.extend(_Found(m.start(), m.end(), name, m) for m in pattern.finditer(text, start, end)
                         if m.end() > m.start())
            continue
        seen: set[tuple[int, int]] = set()
        for key in anchor.finditer(lowered):
            k0, k1 = start + key.start(), start + key.end()
            for m in pattern.finditer(text, max(start, k0 - g.WINDOW_BEFORE), min(end, k1 + g.WINDOW_AFTER)):
                if m.start() <= k0 and m.end() >= k1 and (m.start(), m.end()) not in seen:
                    seen.add((m.start(), m.end()))
                    found.append(_Found(m.start(), m.end(), name, m))
    return found


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping matches, longest first (the earlier rule on a tie), in text order."""
    chosen: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, _PRIORITY[f.rule], f.start)):
        if all(f.end <= s or f.start >= e for s, e in taken):
            chosen.append(f)
            taken.append((f.start, f.end))
    return sorted(chosen, key=lambda f: f.start)


def _word_number(text: str) -> float | None:
    return word_number(text, g.NUMBER_WORDS)


# ----------------------------------------------------------------------------- tense

def _tense(text: str, start: int, end: int, lo: int, hi: int, *, strong: bool = False) -> str | None:
    """The tense of the clause an expression is in: its governing preposition ("since March" is past,
    "by May" future), else the nearest tense-marking word before it, else the nearest after it.
    With ``strong``, only auxiliaries and reporting verbs count, and "by"/"until" do not."""
    prep = g.GOVERNING.search(text, max(lo, start - 8), start)
    if prep is not None:
        if prep.group("prep").lower() in ("since", "ago"):
            return "past"
        if not strong:
            return "future"
    marks = [m for m in g.TENSE_MARKS.finditer(text, max(lo, start - 70), start)
             if not (m.group("weak_past") and (strong or _AFTER_BE.search(text, max(lo, m.start() - 8), m.start())))]
    if not marks:
        after = [m for m in g.TENSE_MARKS.finditer(text, end, min(hi, end + 40))
                 if not (strong and m.group("weak_past"))]
        marks = after[:1]
    if not marks:
        return None
    return "future" if marks[-1].group("future") or marks[-1].group("future2") else "past"


# A participle after "be" or "have" ("will be held", "has been seized") takes its tense from the
# auxiliary before it, not from its own form.
_AFTER_BE: Final = re.compile(r"\b(?:be|been|being|have)\s+$", re.IGNORECASE)


# ----------------------------------------------------------------------------- resolution

def _pick(candidates: list[dt.date], anchor: dt.date, tense: str | None) -> dt.date:
    if tense == "future":
        later = [c for c in candidates if c >= anchor]
        if later:
            return min(later)
    if tense == "past":
        earlier = [c for c in candidates if c <= anchor]
        if earlier:
            return max(earlier)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def _weekday(wd: int, anchor: dt.date, rel: str | None, tense: str | None) -> dt.date:
    back = (anchor.weekday() - wd) % 7
    latest = anchor - dt.timedelta(days=back)  # on or before the anchor
    rel = (rel or "").lower()
    if rel in ("last", "past"):
        return latest if back else latest - dt.timedelta(days=7)
    if rel in ("next", "coming"):
        nxt = latest + dt.timedelta(days=7)
        return nxt
    if rel == "this":
        return anchor + dt.timedelta(days=wd - anchor.weekday())
    if tense == "future":
        return latest if back == 0 else latest + dt.timedelta(days=7)
    return latest


def _month_number(name: str) -> int:
    return g.MONTH_NAMES[name.lower().rstrip(".")]


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _daynum(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@dataclass(slots=True)
class _Context:
    text: str
    anchor: dt.date | None
    reference: dt.date | None  # the last day-precise date mentioned
    period: cal.Period | None  # the last calendar period mentioned, at any precision
    lo: int  # the sentence or segment the expression is in
    hi: int


def _resolve(f: _Found, ctx: _Context) -> Resolved | None:  # one branch per rule, kept together
    m, rule, anchor = f.match, f.rule, ctx.anchor
    gd = m.groupdict()

    def tense() -> str | None:
        return _tense(ctx.text, f.start, f.end, ctx.lo, ctx.hi)

    def strong_tense() -> str | None:
        return _tense(ctx.text, f.start, f.end, ctx.lo, ctx.hi, strong=True)

    if rule in ("date_mdy", "date_dmy", "date_iso"):
        mon = gd["mon"]
        month_no = int(mon) if mon.isdigit() else _month_number(mon)
        d = _day(int(gd["year"]), month_no, _daynum(gd["day"]))
        return Resolved(TimeKind.DATE, *cal.day(d)) if d else None
    if rule == "date_slash":
        a, b = int(gd["a"]), int(gd["b"])
        day_no, month_no = (b, a) if b > 12 else (a, b)
        d = _day(int(gd["year"]), month_no, day_no)
        return Resolved(TimeKind.DATE, *cal.day(d)) if d else None
    if rule in ("date_md", "date_dm"):
        month_no, day_no = _month_number(gd["mon"]), _daynum(gd["day"])
        if anchor is None:
            return Resolved(TimeKind.DATE, None, Granularity.DAY)
        options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _day(y, month_no, day_no))]
        if not options:
            return None
        if gd.get("wd"):  # "Monday, Oct. 16": the year whose date falls on that weekday
            wd = g.WEEKDAYS[gd["wd"].lower()]
            options = [d for d in options if d.weekday() == wd] or options
        return Resolved(TimeKind.DATE, *cal.day(_pick(options, anchor, strong_tense())))
    if rule in ("day_range", "day_range_m"):
        month_no = _month_number(gd["mon"])
        y = int(gd["year"]) if gd.get("year") else None
        if y is None and anchor is None:
            return Resolved(TimeKind.DATE, None, Granularity.DAY)
        if y is None:
            assert anchor is not None
            first = [d for yy in (anchor.year - 1, anchor.year, anchor.year + 1)
                     if (d := _day(yy, month_no, _daynum(gd["d1"])))]
            y = _pick(first, anchor, tense()).year if first else anchor.year
        d1, d2 = _day(y, month_no, _daynum(gd["d1"])), _day(y, month_no, _daynum(gd["d2"]))
        if not d1 or not d2 or d2 < d1:
            return None
        return Resolved(TimeKind.DATE, f"{d1.isoformat()}/{d2.isoformat()}", Granularity.DAY, d1, d2)
    if rule == "month_year":
        return Resolved(TimeKind.DATE, *cal.month(int(gd["year"]), _month_number(gd["mon"])))
    if rule == "month_range":
        m1, m2 = _month_number(gd["m1"]), _month_number(gd["m2"])
        if gd.get("year"):
            y = int(gd["year"])
        elif anchor is not None:
            y = _pick([dt.date(yy, m1, 1) for yy in (anchor.year - 1, anchor.year)], anchor, tense()).year
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
        return Resolved(TimeKind.DATE, *cal.month(anchor.year + step, _month_number(gd["mon"])))
    if rule == "clock":
        return _clock(gd, anchor)
    if rule in ("weekday", "part_weekday"):
        if g.NAMED_DAY.search(ctx.text, max(0, f.start - 8), f.start):
            return None  # "Black Tuesday"
        if anchor is None:
            return Resolved(TimeKind.DATE, None, Granularity.DAY)
        d = _weekday(g.WEEKDAYS[gd["wd"].lower()], anchor, gd.get("rel"), tense())
        kind = TimeKind.TIME if gd.get("part") else TimeKind.DATE
        return Resolved(kind, *cal.day(d))
    if rule == "rel_day":
        return _rel_day(gd["phrase"].lower(), anchor, ctx.reference)
    if rule == "rel_period":
        return _rel_period(gd, anchor, tense, ctx.period)
    if rule == "ago":
        return _ago(gd, anchor, ctx.reference, ctx.period)
    if rule in ("quarter", "the_quarter"):
        return _quarter(gd, anchor, tense, rule)
    if rule == "year":
        if g.COUNTED.search(ctx.text, max(0, f.start - 6), f.start):
            return None  # "more than 2000"
        return Resolved(TimeKind.DATE, *cal.year(int(gd["year"])))
    if rule == "decade":
        return Resolved(TimeKind.DATE, *cal.decade(int(gd["dec"])))
    if rule == "season":
        return _season(gd, anchor, tense)
    if rule in ("duration", "duration_and_half", "bare_units"):
        return _duration(gd, rule)
    if rule == "set":
        return _set(gd)
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
        return _year_words(gd)
    if rule == "ref":
        ref = _REFS[gd["ref"].lower()]
        if ref == "PRESENT_REF" and anchor is not None:
            return Resolved(TimeKind.DATE, ref, None, anchor, anchor)
        return Resolved(TimeKind.DATE, ref)
    return None


def _year_words(gd: dict[str, str]) -> Resolved | None:
    if gd.get("thousand"):
        small = _word_number(gd["small"]) if gd.get("small") else 0.0
        return Resolved(TimeKind.DATE, *cal.year(2000 + int(small or 0)))
    century = 1900 if gd["century"].lower() == "nineteen" else 1800
    rest = gd["rest"].lower()
    if rest == "hundred":
        return Resolved(TimeKind.DATE, *cal.year(century))
    number = _word_number(rest)
    return Resolved(TimeKind.DATE, *cal.year(century + int(number))) if number is not None else None


def _month(gd: dict[str, str], f: _Found, ctx: _Context, tense: object) -> Resolved | None:
    mon, mod = gd["mon"], (gd.get("mod") or "").lower()
    if mon in _NEEDS_CONTEXT and not mod and not g.MONTH_CONTEXT.search(ctx.text[max(0, f.start - 20):f.start]):
        return None
    month_no = _month_number(mon)
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
        low = _pick([p.low for p in options], this_month, t)
        chosen = next(p for p in options if p.low == low)
    return Resolved(TimeKind.DATE, *chosen)


def _clock(gd: dict[str, str], anchor: dt.date | None) -> Resolved | None:
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


def _rel_day(phrase: str, anchor: dt.date | None, reference: dt.date | None) -> Resolved | None:
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


def _rel_period(gd: dict[str, str], anchor: dt.date | None, tense: object,
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


def _ago(gd: dict[str, str], anchor: dt.date | None, reference: dt.date | None,
        period: cal.Period | None) -> Resolved | None:
    direction = gd["dir"].lower()
    base = anchor if direction in ("ago", "from now", "hence") else (reference or anchor)
    if direction == "since":
        return Resolved(TimeKind.DURATION, None)
    if direction in _SIGNALS:  # "two days after the attack": a duration from an event, not a date
        return _duration(gd, "duration")
    number = _word_number(gd["num"])
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


def _quarter(gd: dict[str, str], anchor: dt.date | None, tense: object, rule: str) -> Resolved | None:
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


def _season(gd: dict[str, str], anchor: dt.date | None, tense: object) -> Resolved | None:
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
        low = _pick([p.low for p in options], anchor, t)
        chosen = next(p for p in options if p.low == low)
    return Resolved(TimeKind.DATE, *chosen)


def _unit_code(unit: str) -> tuple[str, str]:
    """The TimeML duration prefix and letter of a unit: ("PT", "H") for hours, ("P", "Y") for years."""
    u = unit.lower()
    u = "century" if u == "centuries" else u.rstrip("s")
    code = g.UNITS.get(u, "X")
    return ("PT" if u in ("second", "minute", "hour") else "P"), code


def _duration(gd: dict[str, str], rule: str) -> Resolved | None:
    prefix, code = _unit_code(gd["unit"])
    vague = (gd.get("vague") or gd.get("num") or "").lower()
    if vague in g.PAST_VAGUE:
        return Resolved(TimeKind.DATE, "PAST_REF")
    if vague in g.FUTURE_VAGUE:
        return Resolved(TimeKind.DATE, "FUTURE_REF")
    if rule == "bare_units":
        return Resolved(TimeKind.DURATION, f"{prefix}X{code}")
    number = _word_number(gd["num"]) if gd["num"].lower() not in g.VAGUE_NUMBERS else None
    if rule == "duration_and_half" and number is not None:
        number += 0.5
    if code == "W2":
        code, number = "W", (number * 2 if number is not None else None)
    if number is None:
        return Resolved(TimeKind.DURATION, f"{prefix}X{code}")
    amount = f"{number:g}"
    return Resolved(TimeKind.DURATION, f"{prefix}{amount}{code}")


def _set(gd: dict[str, str]) -> Resolved | None:
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


# ----------------------------------------------------------------------------- the stage

#: "after" and "before" in "two days after the attack" are signals: TimeML marks "two days" alone, a duration.
_SIGNALS: Final = frozenset({"after", "before"})
#: A day named relative to the article ("yesterday", "Sunday") that the text restates as a calendar date.
_RESTATABLE: Final = frozenset({"rel_day", "weekday", "part_weekday"})
_CALENDAR_DAYS: Final = frozenset({"date_mdy", "date_dmy", "date_iso", "date_slash", "date_md", "date_dm"})
_RESTATE_GAP: Final = re.compile(r"[ \t]*,?[ \t]*")
#: How far a date restating a relative day may lie from it before its year is taken for a slip.
_SLIP_DAYS: Final = 7
_CLOCK_JOIN: Final = re.compile(r"\s*(?:,\s*)?(?:(?i:on|at)\s+)?")
_CLOCK_PARTNERS: Final = frozenset({"clock", "weekday", "date_md", "date_dm", "date_mdy", "date_dmy", "rel_day"})


def _join_clocks(text: str, found: list[_Found]) -> list[tuple[int, int, _Found, _Found | None]]:
    """Pair a clock time with the date right beside it: "10 p.m. Wednesday", "Monday at 9 a.m."."""
    out: list[tuple[int, int, _Found, _Found | None]] = []
    i = 0
    while i < len(found):
        f = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and "clock" in (f.rule, nxt.rule) and f.rule != nxt.rule:
            gap = text[f.end:nxt.start]
            if _CLOCK_JOIN.fullmatch(gap) and nxt.rule in _CLOCK_PARTNERS and f.rule in _CLOCK_PARTNERS:
                date_part, clock_part = (nxt, f) if f.rule == "clock" else (f, nxt)
                out.append((f.start, nxt.end, date_part, clock_part))
                i += 2
                continue
        out.append((f.start, f.end, f, None))
        i += 1
    return out


def _restated(day: Resolved, relative: Resolved) -> Resolved:
    """The calendar date that restates a relative day ("yesterday 27/02/2016"): the text's own date wins,
    but a year that puts it far from the relative day is a slip of the writer's ("yesterday 20/01/2015" in
    an article of January 2016), and the day and month are kept in the year that fits."""
    told, meant = day.low, relative.low
    if told is None or meant is None or abs((told - meant).days) <= _SLIP_DAYS:
        return day
    options = [d for y in (meant.year - 1, meant.year, meant.year + 1) if (d := _day(y, told.month, told.day))]
    near = min(options, key=lambda d: abs((d - meant).days), default=None)
    if near is None or abs((near - meant).days) > _SLIP_DAYS:
        return day
    return Resolved(day.kind, *cal.day(near))


def find_times(text: str, start: int, end: int, ctx: _Context) -> list[tuple[int, int, Resolved]]:
    """Resolved time expressions in ``text[start:end]`` (offsets into ``text``)."""
    results: list[tuple[int, int, Resolved]] = []
    last_rule = ""
    for s, e, main, clock in _join_clocks(text, _select(_candidates(text, start, end))):
        resolved = _resolve(main, ctx)
        if resolved is None:
            continue
        if main.rule == "ago" and main.match.group("dir").lower() in _SIGNALS:
            e = main.match.end("unit")  # "two days" of "two days after"
        if (results and last_rule in _RESTATABLE and main.rule in _CALENDAR_DAYS and clock is None
                and _RESTATE_GAP.fullmatch(text, results[-1][1], s)):
            s, _, relative = results.pop()  # "yesterday 27/02/2016": one day, named twice
            resolved = _restated(resolved, relative)
        last_rule = main.rule if clock is None else "clock"
        if clock is not None:
            clock_value = _clock(clock.match.groupdict(), None)
            if clock_value and resolved.value and clock_value.value and resolved.granularity is Granularity.DAY:
                resolved = resolved._replace(kind=TimeKind.TIME, value=resolved.value + clock_value.value)
        if main.rule in _WITH_IN:
            before = g.LEADING_IN.search(text, max(start, s - 3), s)
            if before:
                s = before.start()
        if resolved.low and resolved.granularity and resolved.value and main.rule not in ("rel_day", "ago", "ref"):
            if resolved.granularity is Granularity.DAY:
                ctx.reference = resolved.low
            if resolved.high:
                ctx.period = cal.Period(resolved.value, resolved.granularity, resolved.low, resolved.high)
        results.append((s, e, resolved))
    return results


@stage(name="times", needs={"view", "segments", "sentences", "published"}, provides={"times"})
def times(doc: Doc) -> Doc:
    """Every time expression of the headline, captions, datelines and body, resolved."""
    view = doc.view
    assert view is not None  # guaranteed by needs={"view"}
    text = view.text
    published = doc.article.published
    anchor = published.date() if isinstance(published, dt.datetime) else published
    ctx = _Context(text, anchor, None, None, 0, len(text))
    sentence_starts = [view.from_original(s.start) for s in doc.sentences]
    sentence_ends = [view.from_original(s.end) for s in doc.sentences]
    found: list[TimeRef] = []
    for seg in doc.segments:
        if seg.kind not in _READ:
            continue
        s, e = view.from_original(seg.start), view.from_original(seg.end)
        for ts, te, r in _find_by_sentence(text, s, e, ctx, sentence_starts, sentence_ends):
            os_, oe = view.to_original(ts, te)
            found.append(TimeRef(doc.article.text[os_:oe], os_, oe, r.value, r.granularity, r.low, r.high, r.kind))
    return replace(doc, times=tuple(found))


def _find_by_sentence(text: str, s: int, e: int, ctx: _Context, starts: list[int],
                      ends: list[int]) -> list[tuple[int, int, Resolved]]:
    out: list[tuple[int, int, Resolved]] = []
    i = bisect_right(starts, s) - 1
    pieces = []
    while 0 <= i < len(starts) and starts[i] < e:
        if ends[i] > s:
            pieces.append((max(s, starts[i]), min(e, ends[i])))
        i += 1
    if not pieces:
        pieces = [(s, e)]
    for a, b in pieces:
        ctx.lo, ctx.hi = a, b
        out.extend(find_times(text, a, b, ctx))
    return out
