"""Event confidence (a component of the events stage, issue 6): the calibration table and how it is applied.

These test the mechanism, never the dev-data figures (those are bench/bench_calibration.py's).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Article
from sitrep.stages.events import scored
from sitrep.stages.events_confidence import KINDS, Curve, Signals, calibrate, calibrate_article, read_table, table
from sitrep.vocab import EventType

E = EventType
HEADER = "event_type\tmain\tscore\tconfidence\tevents\n"


def _table(rows: str = "") -> str:
    """A table with a flat curve at 0.5 for every kind, then ``rows``."""
    flat = "".join(f"{t}\t{'yes' if main else 'no'}\t0.500\t0.500\t10\n" for t, main in KINDS
                   if not rows or f"{t}\t{'yes' if main else 'no'}\t" not in rows)
    return "# comment\n" + HEADER + flat + rows


def _signals(score: float, event_type: EventType = E.BATTLES, *, main: bool = True, logged: bool = False) -> Signals:
    return Signals(score, event_type, main, True, True, True, 0, False, False, logged)


def test_events_confidence_curve_is_straight_between_knots_and_flat_beyond() -> None:
    curve = Curve((0.4, 0.6), (0.5, 0.7))
    assert curve(0.1) == 0.5 and curve(0.9) == 0.7
    assert curve(0.5) == pytest.approx(0.6)
    assert curve(0.4) == 0.5 and curve(0.6) == 0.7


def test_events_confidence_read_table() -> None:
    curves = read_table(_table("Battles\tyes\t0.400\t0.450\t20\nBattles\tyes\t0.600\t0.650\t30\n"))
    assert set(curves) == set(KINDS)
    assert curves[E.BATTLES, True] == Curve((0.4, 0.6), (0.45, 0.65))
    assert curves[E.PROTESTS, False] == Curve((0.5,), (0.5,))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("Battles\tyes\t0.4\n", "expected event_type / main / score"),
        ("Battles\tmaybe\t0.4\t0.5\t1\n", "expected event_type / main / score"),
        ("Skirmishes\tyes\t0.4\t0.5\t1\n", "expected event_type / main / score"),
        ("Battles\tyes\t0.4\t1.5\t1\n", "not between 0 and 1"),
        ("Battles\tyes\t0.4\t0.6\t1\nBattles\tyes\t0.6\t0.5\t1\n", "never falls"),
        ("Battles\tyes\t0.4\t0.5\t1\nBattles\tyes\t0.4\t0.6\t1\n", "distinct scores"),
    ],
)
def test_events_confidence_read_table_rejects(rows: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_table(_table(rows))


def test_events_confidence_read_table_needs_every_kind() -> None:
    with pytest.raises(ValueError, match=r"no knots for Riots \(not the main event\)"):
        read_table(HEADER + "".join(f"{t}\t{'yes' if m else 'no'}\t0.5\t0.5\t1\n" for t, m in KINDS
                                    if (t, m) != (E.RIOTS, False)))


def test_events_confidence_shipped_table_covers_every_kind() -> None:
    curves = table()
    assert set(curves) == set(KINDS)
    for curve in curves.values():
        assert all(0.0 <= v <= 1.0 for v in curve.values)
        assert list(curve.values) == sorted(curve.values)


@pytest.mark.parametrize(("event_type", "main"), KINDS)
def test_events_confidence_never_falls_as_the_score_rises(event_type: EventType, main: bool) -> None:
    values = [calibrate(_signals(x / 20, event_type, main=main)) for x in range(21)]
    assert values == sorted(values)
    assert all(0.0 <= v <= 1.0 for v in values)


def test_events_confidence_by_kind() -> None:
    curves = read_table(_table("Protests\tyes\t0.500\t0.900\t10\nProtests\tno\t0.500\t0.300\t10\n"))
    assert calibrate(_signals(0.5, E.PROTESTS), curves) == 0.9
    assert calibrate(_signals(0.5, E.PROTESTS, main=False), curves) == 0.3
    assert calibrate(_signals(0.5, E.BATTLES), curves) == 0.5


def test_events_confidence_incident_log_keeps_its_own() -> None:
    assert calibrate(_signals(0.6, E.EXPLOSIONS_REMOTE_VIOLENCE, logged=True)) == 0.6


def test_events_confidence_no_event_above_the_main_one() -> None:
    curves = read_table(_table("Battles\tyes\t0.500\t0.400\t10\nProtests\tno\t0.500\t0.800\t10\n"))
    main, other = _signals(0.6, E.BATTLES), _signals(0.5, E.PROTESTS, main=False)
    assert calibrate(other, curves) == 0.8  # alone, it would outrank the main event
    assert calibrate_article([other, main], curves) == [0.3999, 0.4]
    assert calibrate_article([main], curves) == [0.4]
    assert calibrate_article([], curves) == []


def test_events_confidence_in_the_stage(process) -> None:  # type: ignore[no-untyped-def]
    doc = process(Article(id="c", text="Gunmen killed five villagers in Zamfara on Monday. "
                                        "Police later arrested ten suspects and recovered weapons. "
                                        "Hundreds of students protested in Kano on Tuesday.",
                          published=dt.date(2017, 10, 16)))
    found = scored(doc)
    assert [e.event_id for e, _ in found] == [e.event_id for e in doc.events]
    signals = [s for _, s in found]
    assert sum(s.main for s in signals) == 1
    main = next(i for i, s in enumerate(signals) if s.main)
    assert signals[main].score == max(s.score for s in signals)  # the stage's own pick
    # the confidences are the table's, and the main event is the most confident
    assert [e.confidence for e in doc.events] == calibrate_article(signals)
    assert max(doc.events, key=lambda e: e.confidence) is doc.events[main]
    assert all(0.0 < e.confidence < 1.0 for e in doc.events)
