"""Event dates: which time expression dates an event, and how precise that date honestly is.

An event found in a sentence takes the time expression that governs its clause: the calendar date
nearest to the event's trigger word, preferring one in the same clause (no comma, colon, dash or
ellipsis between them). A semicolon ends what a date can govern: a date beyond one belongs to another
statement ("Rebels kill 24 soldiers; 214 people were killed yesterday"). Some dates beside the event
are not its date at all: the start of a stretch ("for the first time since 2011"), what the event
came after ("After the deaths of 2016… warplanes struck again") and the current period an event is
measured against ("the heaviest attack this year"). With no date of its own, an
event takes the article's publication date, widened to the days before publication so that the
precision codes say it was not read from the text: to the week before it, unquoted, or to the stretch
the sentence reports on ("killed in the past 48 hours", "in 10 days of fighting"), quoted. Without a
publication date, there is no date at all.

Precision codes follow the granularity reached: a day is ACLED ``time_precision`` 1 and UCDP
``date_prec`` 1; two to six days are 2 and 2; a week 2 and 3; a month 3 and 4; anything wider
(a quarter, a season, a year) is ACLED 3, the widest it has, and UCDP 5.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Final

from .models import Doc, EventDate, TimeRef
from .vocab import DatePrec, Granularity, TimeKind, TimePrecision

__all__ = ["codes_for", "event_date", "fallback_date"]

#: How far before publication an undated event may have happened.
FALLBACK_DAYS = 6


def codes_for(low: dt.date, high: dt.date, granularity: Granularity | None) -> tuple[TimePrecision, DatePrec]:
    """ACLED and UCDP precision codes for a date known to lie between ``low`` and ``high``."""
    days = (high - low).days + 1
    if days <= 1:
        return TimePrecision.DAY, DatePrec.DAY
    if days <= 6:
        return TimePrecision.WEEK, DatePrec.DAYS_2_TO_6
    if days <= 7 or granularity is Granularity.WEEK:
        return TimePrecision.WEEK, DatePrec.WEEK
    if days <= 31 or granularity is Granularity.MONTH:
        return TimePrecision.MONTH, DatePrec.MONTH
    return TimePrecision.MONTH, DatePrec.YEAR


def _datable(t: TimeRef) -> bool:
    return t.kind in (TimeKind.DATE, TimeKind.TIME) and t.low is not None and t.high is not None \
        and t.value is not None and not t.value.endswith("_REF")


def event_date(doc: Doc, start: int, end: int, *, trigger: int | None = None) -> EventDate | None:
    """The date of an event told in ``doc.text[start:end]`` (a sentence), or the widened
    publication date when the sentence has none; None when neither exists.

    ``trigger`` is the offset of the word that names the event ("killed", "seized"); the time
    expression nearest to it wins, an earlier one on a tie.
    """
    anchor = trigger if trigger is not None else start
    text = doc.text
    lo, hi = _part(text, start, end, anchor)
    published = _day(doc)
    dates = [t for t in doc.times if lo <= t.start and t.end <= hi and _datable(t)
             and not _frames(text, t, lo, anchor, published)]
    if not dates:
        stretches = ((t, _stretch_days(text, t, lo, hi)) for t in doc.times if lo <= t.start and t.end <= hi)
        return fallback_date(doc, stretch=next(((t, days) for t, days in stretches if days), None))
    best = min(dates, key=lambda t: (_crosses_clause(text, t, anchor), _distance(t, anchor), t.start))
    assert best.low is not None and best.high is not None and best.value is not None
    time_precision, date_prec = codes_for(best.low, best.high, best.granularity)
    value = best.value if best.granularity is not Granularity.DAY else best.value[:10]
    return EventDate(value, best.low, best.high, time_precision, date_prec, best.text, best.start, best.end)


def _day(doc: Doc) -> dt.date | None:
    published = doc.article.published
    return published.date() if isinstance(published, dt.datetime) else published


def _part(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """The part of the sentence ``text[start:end]`` between the semicolons around ``anchor``."""
    lo = text.rfind(";", start, anchor)
    hi = text.find(";", anchor, end)
    return (start if lo < 0 else lo + 1), (end if hi < 0 else hi)


def _frames(text: str, t: TimeRef, lo: int, anchor: int, published: dt.date | None) -> bool:
    """True when ``t`` frames the event instead of dating it: the start of a stretch ("since
    2011"), what the event came after ("After the deaths of 2016… warplanes struck again"), or the
    current period an event is compared within ("the heaviest attack this year")."""
    if _SINCE.search(text, max(lo, t.start - 8), t.start):
        return True
    if t.end <= anchor and _LEAD_IN.match(text, lo) and _crosses_clause(text, t, anchor):
        return True
    if published is None or t.granularity in (Granularity.DAY, Granularity.WEEK):
        return False
    assert t.low is not None and t.high is not None  # datable
    return t.low <= published <= t.high and _SUPERLATIVE.search(text, max(lo, t.start - 80), t.start) is not None


_SINCE: Final = re.compile(r"(?i:\bsince\s+)$")
#: A clause put before the event that tells what came before it.
_LEAD_IN: Final = re.compile(r"(?i:\s*(?:after|following|since)\b)")
_SUPERLATIVE: Final = re.compile(
    r"(?i:\b(?:first|largest|biggest|highest|heaviest|worst|deadliest|bloodiest|fiercest|greatest|strongest|"
    r"longest|smallest|lowest|the (?:most|least))\b)")  # not the "least" of "at least 40 killed"


def _crosses_clause(text: str, t: TimeRef, anchor: int) -> bool:
    """True when a comma, colon, dash, bracket or ellipsis stands between the expression and the trigger: they
    are then in different clauses ("The group, which seized the city in 2014, lost Mosul in July")."""
    between = text[t.end:anchor] if t.end <= anchor else text[anchor:t.start]
    return any(mark in between for mark in (",", ":", " - ", "\u2014", "(", "\u2026", "..."))


def _distance(t: TimeRef, anchor: int) -> int:
    if t.start <= anchor < t.end:
        return 0
    return anchor - t.end if t.end <= anchor else t.start - anchor


#: A duration of hours, days or weeks ("48 hours", "P10D"), with its number and unit.
_SPAN_VALUE: Final = re.compile(r"PT?(\d+(?:\.\d+)?)([HDW])")
#: The stretch up to the report: "the past 48 hours", "over the last five days".
_PAST_STRETCH: Final = re.compile(r"(?i:(?:(?:over|during|in|within)\s+)?(?:the\s+)?(?:past|last)\b)")
#: A duration that a tally covers: "within 48 hours", "in 10 days of fighting", "during 3 days of clashes".
_TALLY_BEFORE: Final = re.compile(r"(?i:\b(?P<prep>within|during|in|over|throughout)\s+)$")
_TALLY_AFTER: Final = re.compile(r"(?i:\s+of\b)")
_FUTURE: Final = re.compile(r"(?i:\b(?:will|would|shall|going to|expected to|plans? to|deadline|ultimatum)\b)")


def _stretch_days(text: str, t: TimeRef, lo: int, hi: int) -> int | None:
    """How many days before publication the stretch ``t`` reaches, when ``t`` is the stretch a report tells of
    ("killed in the past 48 hours": 2); None when it is not one."""
    if t.kind is not TimeKind.DURATION or t.value is None or _FUTURE.search(text, lo, hi):
        return None
    m = _SPAN_VALUE.fullmatch(t.value)
    if m is None:
        return None
    before = _TALLY_BEFORE.search(text, max(lo, t.start - 12), t.start)
    if not (_PAST_STRETCH.match(t.text) or (before and (before.group("prep").lower() == "within"
                                                         or _TALLY_AFTER.match(text, t.end)))):
        return None
    amount = float(m.group(1))
    days = math.ceil(amount / 24) if m.group(2) == "H" else int(amount) * (7 if m.group(2) == "W" else 1)
    return days if days >= 1 else None


def fallback_date(doc: Doc, *, stretch: tuple[TimeRef, int] | None = None) -> EventDate | None:
    """The publication date widened to the days before it: the honest date of an event the article does not
    date. ``stretch`` is a duration the sentence reports on ("in the past 48 hours") with the days it reaches
    back: it sets the window and is quoted; without one, the window is the week before publication, unquoted."""
    day = _day(doc)
    if day is None:
        return None
    if stretch is None:
        low = day - dt.timedelta(days=FALLBACK_DAYS)
        time_precision, date_prec = codes_for(low, day, None)
        return EventDate(day.isoformat(), low, day, time_precision, date_prec, None, 0, 0)
    told, days = stretch
    low = day - dt.timedelta(days=days)
    time_precision, date_prec = codes_for(low, day, None)
    return EventDate(day.isoformat(), low, day, time_precision, date_prec, told.text, told.start, told.end)
