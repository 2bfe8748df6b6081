"""The release quality runner (bench/bench_quality.py): how it reads a scorer's SUMMARY line and
judges a figure against its floor. The figures themselves need ../shared and are the benchmark's."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_quality", BENCH / "bench_quality.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is made
    spec.loader.exec_module(mod)
    return mod


def test_summary_reads_the_last_summary_line() -> None:
    bq = _module()
    out = "table\nSUMMARY events_acled n=10 type_acc=0.5\nnoise\nSUMMARY events_acled n=12 type_acc=0.75 loc25=nan\n"
    assert bq.summary(out) == {"n": "12", "type_acc": "0.75", "loc25": "nan"}
    assert bq.summary("no summary here") == {}


def test_table_judges_floors_and_keeps_fractions_as_written() -> None:
    bq = _module()
    acled = next(s for s in bq.SCORERS if s.name == "acled")
    seed = next(s for s in bq.SCORERS if s.name == "seed")
    rows = bq.table([(seed, {"passed": "28/29"}), (acled, {"type_acc": "0.95", "inter1_acc": "0.5"})])
    assert "| seed expectations passed | 28/29 |  |  |" in rows
    assert "| ACLED event type | 0.950 | 0.90 | yes |" in rows
    assert "| ACLED inter1 | 0.500 | 0.85 | **no** |" in rows
    assert "| ACLED fatalities exact | n/a | 0.90 |  |" in rows


def _places_module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_acled_places", BENCH / "bench_acled_places.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_acled_places_a_note_is_resolvable_by_any_capitalised_word_run() -> None:
    from types import SimpleNamespace

    bp = _places_module()
    towns = {"Kafue": (-15.77, 28.18), "Ras al-Ain": (36.85, 40.07)}

    class Gaz:
        def lookup(self, name: str) -> list[SimpleNamespace]:
            point = towns.get(name)
            return [] if point is None else [SimpleNamespace(place=SimpleNamespace(latitude=point[0],
                                                                                     longitude=point[1]))]

    assert bp.resolvable(Gaz(), "Miners protested in Kafue on Monday.", -15.80, 28.20) == "Kafue"
    assert bp.resolvable(Gaz(), "Shelling hit Ras al-Ain.", 36.85, 40.07) == "Ras al-Ain"
    assert bp.resolvable(Gaz(), "Miners protested in Kafue.", -12.0, 28.2) is None  # 400 km away
    assert bp.resolvable(Gaz(), "miners protested in kafue.", -15.80, 28.20) is None  # no capital: no name
    assert round(bp.km(0.0, 0.0, 0.0, 1.0)) == 111
