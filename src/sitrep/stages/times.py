"""Times: find every time expression in an article and resolve it against the article's date.

Recognition is :mod:`sitrep.stages.times_grammar`; this module settles overlapping matches
(longest first), joins a clock time to the date beside it ("10 p.m. Wednesday"), and resolves
each expression (:mod:`sitrep.stages.times_resolve`, with :mod:`~sitrep.stages.times_tense`,
:mod:`~sitrep.stages.times_dates` and :mod:`~sitrep.stages.times_periods`) to a TimeML-style
value with its granularity and the days it can mean:

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
from dataclasses import replace
from typing import Final

from .. import calendar as cal
from ..models import Doc, TimeRef
from ..pipeline import stage
from ..regexgate import Gates, needles
from ..vocab import Granularity, SegmentKind, TimeKind
from . import times_grammar as g
from .times_dates import Resolved, clock_time, day_of
from .times_periods import SIGNALS
from .times_resolve import Context, Found, resolve

__all__ = ["find_times", "times"]

_READ: Final = frozenset({SegmentKind.HEADLINE, SegmentKind.CAPTION, SegmentKind.DATELINE, SegmentKind.BODY})
_WITH_IN: Final = frozenset({"month", "month_year", "year", "decade", "season", "month_range"})
_PRIORITY: Final = {name: i for i, (name, _) in enumerate(g.RULES)}
#: The words each rule's hint needs, found for all rules in one scan; the hint itself is then tested.
_HINT_GATES: Final = Gates([hint] if (hint := needles(g.HINTS[name])) else [] for name, _ in g.RULES)


# ----------------------------------------------------------------------------- recognition

def _candidates(text: str, start: int, end: int) -> list[Found]:
    found: list[Found] = []
    lowered = text[start:end].lower()
    for i in _HINT_GATES.open(lowered):
        name, pattern = g.RULES[i]
        if not g.HINTS[name].search(lowered):
            continue
        # (a lower-cased text of another length, as "İ" makes, cannot give offsets: scan it all)
        anchor = g.ANCHORS.get(name) if len(lowered) == end - start else None
        if anchor is None:
            found.extend(Found(m.start(), m.end(), name, m) for m in pattern.finditer(text, start, end)
                         if m.end() > m.start())
            continue
        seen: set[tuple[int, int]] = set()
        for key in anchor.finditer(lowered):
            k0, k1 = start + key.start(), start + key.end()
            for m in pattern.finditer(text, max(start, k0 - g.WINDOW_BEFORE), min(end, k1 + g.WINDOW_AFTER)):
                if m.start() <= k0 and m.end() >= k1 and (m.start(), m.end()) not in seen:
                    seen.add((m.start(), m.end()))
                    found.append(Found(m.start(), m.end(), name, m))
    return found


def _select(found: list[Found]) -> list[Found]:
    """Non-overlapping matches, longest first (the earlier rule on a tie), in text order."""
    chosen: list[Found] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, _PRIORITY[f.rule], f.start)):
        if all(f.end <= s or f.start >= e for s, e in taken):
            chosen.append(f)
            taken.append((f.start, f.end))
    return sorted(chosen, key=lambda f: f.start)


# ----------------------------------------------------------------------------- the stage

#: A day named relative to the article ("yesterday", "Sunday") that the text restates as a calendar date.
_RESTATABLE: Final = frozenset({"rel_day", "weekday", "part_weekday"})
_CALENDAR_DAYS: Final = frozenset({"date_mdy", "date_dmy", "date_iso", "date_slash", "date_md", "date_dm"})
_RESTATE_GAP: Final = re.compile(r"[ \t]*,?[ \t]*")
#: How far a date restating a relative day may lie from it before its year is taken for a slip.
_SLIP_DAYS: Final = 7
_CLOCK_JOIN: Final = re.compile(r"\s*(?:,\s*)?(?:(?i:on|at)\s+)?")
_CLOCK_PARTNERS: Final = frozenset({"clock", "weekday", "date_md", "date_dm", "date_mdy", "date_dmy", "rel_day"})


def _join_clocks(text: str, found: list[Found]) -> list[tuple[int, int, Found, Found | None]]:
    """Pair a clock time with the date right beside it: "10 p.m. Wednesday", "Monday at 9 a.m."."""
    out: list[tuple[int, int, Found, Found | None]] = []
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
    options = [d for y in (meant.year - 1, meant.year, meant.year + 1) if (d := day_of(y, told.month, told.day))]
    near = min(options, key=lambda d: abs((d - meant).days), default=None)
    if near is None or abs((near - meant).days) > _SLIP_DAYS:
        return day
    return Resolved(day.kind, *cal.day(near))


def find_times(text: str, start: int, end: int, ctx: Context) -> list[tuple[int, int, Resolved]]:
    """Resolved time expressions in ``text[start:end]`` (offsets into ``text``)."""
    results: list[tuple[int, int, Resolved]] = []
    last_rule = ""
    for s, e, main, clock in _join_clocks(text, _select(_candidates(text, start, end))):
        resolved = resolve(main, ctx)
        if resolved is None:
            continue
        if main.rule == "ago" and main.match.group("dir").lower() in SIGNALS:
            e = main.match.end("unit")  # "two days" of "two days after"
        if (results and last_rule in _RESTATABLE and main.rule in _CALENDAR_DAYS and clock is None
                and _RESTATE_GAP.fullmatch(text, results[-1][1], s)):
            s, _, relative = results.pop()  # "yesterday 27/02/2016": one day, named twice
            resolved = _restated(resolved, relative)
        last_rule = main.rule if clock is None else "clock"
        if clock is not None:
            clock_value = clock_time(clock.match.groupdict(), None)
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
    ctx = Context(text, anchor, None, None, 0, len(text))
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


def _find_by_sentence(text: str, s: int, e: int, ctx: Context, starts: list[int],
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
