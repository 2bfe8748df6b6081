"""Event dates: which time expression dates an event, and how precise that date honestly is.

An event found in a sentence takes the time expression of that sentence that governs its clause:
the calendar date nearest to the event's trigger word, preferring one in the same clause (no
comma, semicolon or dash between them). With none in the sentence, it takes the article's
publication date, widened to the week before publication, with no quoted text, so that the
precision codes say it was not read from the text. Without a publication date, there
is no date at all.

Precision codes follow the granularity reached: a day is ACLED ``time_precision`` 1 and UCDP
``date_prec`` 1; two to six days are 2 and 2; a week 2 and 3; a month 3 and 4; anything wider
(a quarter, a season, a year) is ACLED 3, the widest it has, and UCDP 5.
"""

from __future__ import annotations

import datetime as dt

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
    inside = [t for t in doc.times if start <= t.start and t.end <= end and _datable(t)]
    if inside:
        anchor = trigger if trigger is not None else start
        text = doc.text
        best = min(inside, key=lambda t: (_crosses_clause(text, t, anchor), _distance(t, anchor), t.start))
        assert best.low is not None and best.high is not None and best.value is not None
        time_precision, date_prec = codes_for(best.low, best.high, best.granularity)
        value = best.value if best.granularity is not Granularity.DAY else best.value[:10]
        return EventDate(value, best.low, best.high, time_precision, date_prec, best.text, best.start, best.end)
    return fallback_date(doc)


def _crosses_clause(text: str, t: TimeRef, anchor: int) -> bool:
    """True when a comma, semicolon or dash stands between the expression and the trigger: they are
    then in different clauses ("The group, which seized the city in 2014, lost Mosul in July")."""
    between = text[t.end:anchor] if t.end <= anchor else text[anchor:t.start]
    return any(mark in between for mark in (",", ";", " - ", "\u2014", "("))


def _distance(t: TimeRef, anchor: int) -> int:
    if t.start <= anchor < t.end:
        return 0
    return anchor - t.end if t.end <= anchor else t.start - anchor


def fallback_date(doc: Doc) -> EventDate | None:
    """The publication date widened to the days before it, with no quoted text: the honest date of
    an event the article does not date."""
    published = doc.article.published
    if published is None:
        return None
    day = published.date() if isinstance(published, dt.datetime) else published
    low = day - dt.timedelta(days=FALLBACK_DAYS)
    time_precision, date_prec = codes_for(low, day, None)
    return EventDate(day.isoformat(), low, day, time_precision, date_prec, None, 0, 0)

