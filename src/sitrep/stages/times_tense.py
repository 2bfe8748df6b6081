"""Tense, for the times stage: the tense of the clause a time expression is in, and which of the
dates a bare name can mean that tense picks.

Weekdays, months and day-months without a year take the tense of their clause: in a clause about
the past (the news default) the latest such day or month on or before the anchor, in one about the
future the earliest on or after it, and with no tense the nearest.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from . import times_grammar as g

__all__ = ["clause_tense", "pick", "weekday"]


def clause_tense(text: str, start: int, end: int, lo: int, hi: int, *, strong: bool = False) -> str | None:
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


def pick(candidates: list[dt.date], anchor: dt.date, tense: str | None) -> dt.date:
    if tense == "future":
        later = [c for c in candidates if c >= anchor]
        if later:
            return min(later)
    if tense == "past":
        earlier = [c for c in candidates if c <= anchor]
        if earlier:
            return max(earlier)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def weekday(wd: int, anchor: dt.date, rel: str | None, tense: str | None) -> dt.date:
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
