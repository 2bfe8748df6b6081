"""Event confidence: the share of events like this one that were right on labelled notes.

The events stage scores each event as it codes it: the typer's confidence in the sentence's type,
lowered when the first actor is generic, the place missing, the event not asserted, its sentence
later in the article, or the event the aftermath of violence told before it. That score orders the
events of an article but is no probability: on ACLED's notes, events scored under 0.5 were right
63% of the time, those scored 0.7 to 0.8, 85%. This module maps it to one with a small table
(``knowledge/data/event_confidence.tsv``): for each event type, and for an article's main event
(the one the stage scored highest) apart from its others, a few knots (score, share right) through
which the confidence runs, straight between knots and flat beyond them; it never falls as the score
rises. "Right" is what the table was fitted against: the event type and the first actor's kind
(ACLED's inter code) that ACLED coded for the note. The table is fitted by
``bench/fit_event_confidence.py`` on ACLED's 2016 dev notes (provenance in ``docs/DATA.md``) and
checked on CASE 2021 by ``bench/bench_calibration.py``.

No other event of an article is more confident than its main event: calibration changes what the
number means, never which event an article leads with. An incident-log entry
(:mod:`sitrep.stages.events_logs`) keeps the log's own confidence: no labelled set has such entries
to fit it on.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Final, NamedTuple

from ..models import Event
from ..vocab import EventType, Modality

__all__ = ["KINDS", "TABLE", "Curve", "Kind", "Signals", "calibrate", "calibrate_article", "read_table", "table"]

#: The shipped table, under ``sitrep/knowledge/``.
TABLE: Final = "data/event_confidence.tsv"
_COLUMNS: Final = ("event_type", "main", "score", "confidence", "events")
_STEP: Final = 0.0001  # confidences are given to 4 decimals


#: What the table tells events apart by: the event type, and whether the event is its article's main one.
Kind = tuple[EventType, bool]
KINDS: Final[tuple[Kind, ...]] = tuple((t, main) for t in EventType for main in (True, False))


class Signals(NamedTuple):
    """What the events stage knows of how it found an event, to calibrate its score with."""

    score: float  # the uncalibrated score: the typer's confidence, lowered as the module docstring says
    event_type: EventType
    main: bool  # the article's main event: the one the stage scored highest (the first of those on ties)
    named: bool  # the first actor is named in the text, not a generic one
    placed: bool
    asserted: bool
    position: int  # the position of the event's sentence among the body sentences
    folded: bool  # a later sentence told more of it (a toll, arrests, a protest turned violent)
    aftermath: bool  # arrests, weapons found or property destroyed told after violence
    logged: bool  # an incident-log entry, not a sentence

    @property
    def kind(self) -> Kind:
        return self.event_type, self.main

    @classmethod
    def of(cls, event: Event, *, main: bool, position: int = 0, folded: bool = False, aftermath: bool = False,
           logged: bool = False) -> Signals:
        """The signals of ``event``, whose ``confidence`` is still its uncalibrated score."""
        return cls(event.confidence, event.event_type, main, bool(event.actor1.text), event.location is not None,
                   event.modality is Modality.ASSERTED, position, folded, aftermath, logged)


@dataclass(frozen=True, slots=True)
class Curve:
    """Confidence as a function of the score for one kind of event: straight between knots, flat beyond them."""

    scores: tuple[float, ...]  # ascending
    values: tuple[float, ...]  # never falling

    def __call__(self, score: float) -> float:
        i = bisect_right(self.scores, score)
        if i == 0:
            return self.values[0]
        if i == len(self.scores):
            return self.values[-1]
        x0, x1, y0, y1 = self.scores[i - 1], self.scores[i], self.values[i - 1], self.values[i]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0)


def read_table(text: str, origin: str = TABLE) -> dict[Kind, Curve]:
    """The curves of a table file: tab-separated ``event_type main score confidence events`` rows (``main`` is
    ``yes`` or ``no``), ``#`` comments; one curve for each kind of event (:data:`Kind`)."""
    yes_no = {"yes": True, "no": False}
    knots: dict[Kind, list[tuple[float, float]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells == list(_COLUMNS):
            continue
        try:
            kind = (EventType(cells[0]), yes_no[cells[1]])
            score, value = float(cells[2]), float(cells[3])
        except (IndexError, KeyError, ValueError):
            raise ValueError(f"{origin}, line {number}: expected {' / '.join(_COLUMNS)} separated by tabs, "
                             f"got {line!r}. Refit it with bench/fit_event_confidence.py.") from None
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{origin}, line {number}: confidence {value} is not between 0 and 1")
        knots.setdefault(kind, []).append((score, value))
    curves: dict[Kind, Curve] = {}
    for kind, points in knots.items():
        points.sort()
        scores, values = tuple(p[0] for p in points), tuple(p[1] for p in points)
        if len(set(scores)) != len(scores) or any(b < a for a, b in pairwise(values)):
            raise ValueError(f"{origin}: the knots of {_name(kind)} must have distinct scores and a confidence that "
                             "never falls as the score rises")
        curves[kind] = Curve(scores, values)
    missing = [_name(kind) for kind in KINDS if kind not in curves]
    if missing:
        raise ValueError(f"{origin}: no knots for {', '.join(missing)}. Refit it with bench/fit_event_confidence.py.")
    return curves


def _name(kind: Kind) -> str:
    return f"{kind[0]} ({'main event' if kind[1] else 'not the main event'})"


@cache
def table() -> Mapping[Kind, Curve]:
    """The shipped table, read once."""
    return read_table(resources.files("sitrep.knowledge").joinpath(TABLE).read_text(encoding="utf-8"))


def calibrate(signals: Signals, curves: Mapping[Kind, Curve] | None = None) -> float:
    """The confidence of an event: the share of events of its kind, scored as it was, that were right."""
    if signals.logged:
        return signals.score
    return round((table() if curves is None else curves)[signals.kind](signals.score), 4)


def calibrate_article(signals: Sequence[Signals], curves: Mapping[Kind, Curve] | None = None
                      ) -> list[float]:
    """The confidences of an article's events, in the order given: each calibrated, and none above the article's
    main event's (by 0.0001 at least), so that calibration never changes which event the article leads with."""
    out = [calibrate(s, curves) for s in signals]
    main = next((i for i, s in enumerate(signals) if s.main), None)
    if main is not None:
        ceiling = max(0.0, round(out[main] - _STEP, 4))
        out = [c if i == main else min(c, ceiling) for i, c in enumerate(out)]
    return out
