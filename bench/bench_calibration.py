#!/usr/bin/env python3
"""Event confidence against labelled data: are events of confidence c right about c of the time?

Reads ../shared/data at run time (never copied into the project); without it, says so and exits 0.
The pipeline runs in this process over two labelled sets, and every event it gives is judged against
the item's gold coding, with the gold mappings of the reference scorers (imported from
``shared/tools/score``, so that "right" means here what it means there). What a confidence claims
(``sitrep.stages.events_confidence``) is that the event's type and its first actor's kind are right:

  ACLED     acled_africa_2016/dev.jsonl: one ACLED note, one coded event. An event is right when its
            event type is the note's (gold mapped from ACLED's 2016 taxonomy as events_acled.py maps
            it; Protests and Riots are one class there, as 2016 does not tell them apart) and its
            actor1's inter code is the note's inter1. Four sub-event types the current taxonomy
            gives to what 2016 coded otherwise count as the 2016 type (TAXONOMY_2016: force against
            protesters and mob justice were violence against civilians, suicide bombs battles or
            violence against civilians, air strikes battles). Any other event sitrep reads in the
            note is wrong: ACLED coded one event. The calibration table is fitted on this set.
  CASE      case2021_task2/dev.jsonl: one news snippet, one label; held out from the fit. An event is
            right when its event type is that of the label's ACLED sub-event type (events_case.py's
            mapping; CASE names no actors). Every event read in a snippet labelled as no conflict
            event (crime, disaster, diplomacy, claims) is wrong. A stricter table also asks for the
            sub-event type, which the confidence does not claim.

For each set, and for both together: the events by confidence bin (< 0.5, 0.5-0.6, ..., >= 0.9)
with their count and the share right, the share right of all events of confidence >= 0.8 (the
issue's target: >= 0.80), and the expected calibration error (ECE: the mean gap between confidence
and share right, over the bins, weighted by events); the same for each item's most confident event
alone (the one the reference scorers read). ``--raw`` adds the same tables for the uncalibrated
score (the events stage's score before ``events_confidence`` maps it).

    .venv/bin/python bench/bench_calibration.py [--shared DIR] [--limit N] [--raw]

Exit 0 when, in each set and in both, the events of confidence >= 0.8 are right at least 80% of the
time (or ../shared is absent: it says so), 1 otherwise; the stricter CASE table is reported only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import labelled_article as article  # noqa: E402
from _corpus import read_labelled as read  # noqa: E402
from _measure import describe_machine, find_shared  # noqa: E402
from sitrep.models import Event  # noqa: E402
from sitrep.pipeline import build_pipeline, default_stages  # noqa: E402
from sitrep.settings import Settings  # noqa: E402
from sitrep.stages.events import scored  # noqa: E402
from sitrep.stages.events_confidence import Signals, calibrate_article  # noqa: E402

#: Lower edges of the confidence bins.
EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
TARGET = 0.8  # events with confidence >= 0.8 are right at least 80% of the time
STRICT = "CASE, the sub-event type right too"


@dataclass(frozen=True, slots=True)
class Judged:
    """One event sitrep gave, judged against its item's gold."""

    dataset: str
    item: str
    confidence: float  # as the pipeline outputs it (calibrated)
    signals: Signals  # the events stage's signals, with the uncalibrated score
    right: bool  # what the confidence claims, as far as the set tells it (see the module docstring)
    strict: bool  # CASE: the sub-event type right too (ACLED: as right)
    top: bool  # the item's most confident event (first on ties), the one the reference scorers read


def scorers(shared: Path) -> tuple[ModuleType, ModuleType]:
    """The reference scorers events_acled.py and events_case.py, for their gold mappings."""
    folder = str(shared / "tools" / "score")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import events_acled
    import events_case

    return events_acled, events_case


#: Sub-event types the current taxonomy gives to what ACLED's 2016 taxonomy coded otherwise (gold event types, as in
#: the 2016 file): force against protesters and mob justice were violence against civilians; suicide bombs were
#: battles or violence against civilians, air strikes often battles (docs/benchmarks.md, "What is left").
TAXONOMY_2016: dict[str, tuple[str, ...]] = {
    "Excessive force against protesters": ("Violence against civilians",),
    "Mob violence": ("Violence against civilians",),
    "Suicide bomb": ("Battle-No change of territory", "Violence against civilians"),
    "Air/drone strike": ("Battle-No change of territory",),
}


Judge = Callable[[Event, dict[str, Any]], tuple[bool, bool]]


def acled_judge(ref: ModuleType) -> Judge:
    """(right, right): the event type and actor1's inter code; 2016 tells no sub-event type to be stricter with."""

    def right(event: Event, gold: dict[str, Any]) -> tuple[bool, bool]:
        kind = ref.GOLD_TYPE.get(gold["event_type"], gold["event_type"])
        typ = str(event.event_type)
        typ = ref.MERGED if typ in ("Protests", "Riots") else typ
        typed = typ == kind or gold["event_type"] in TAXONOMY_2016.get(str(event.sub_event_type), ())
        ok = bool(typed and event.actor1.inter == gold.get("inter1"))
        return ok, ok

    return right


def case_judge(ref: ModuleType) -> Judge:
    """(event type right, sub-event type right)."""

    def right(event: Event, gold: dict[str, Any]) -> tuple[bool, bool]:
        label = ref.CASE_TO_ACLED.get(gold["sub_type"])
        if label is None:
            return False, False
        return str(event.event_type) == label[0], str(event.sub_event_type) == label[1]

    return right


def judge(name: str, items: Iterable[dict[str, Any]], right: Judge, *,
          calibrated: bool = True) -> list[Judged]:
    """Run the pipeline over ``items`` and judge every event it gives. The events stage runs in its two steps
    (:func:`sitrep.stages.events.scored`, then :func:`~sitrep.stages.events_confidence.calibrate_article`, as the
    stage does), so that both the score and the confidence are seen; ``calibrated=False`` (for fitting) leaves
    the confidence the score."""
    settings = Settings()
    upstream = build_pipeline([st for st in default_stages(settings) if st.name != "events"], settings=settings)
    out: list[Judged] = []
    for item in items:
        found = scored(upstream.process(article(item)))
        signals = [sig for _, sig in found]
        confidences = calibrate_article(signals) if calibrated else [sig.score for sig in signals]
        top = None
        for i, c in enumerate(confidences):
            if top is None or c > confidences[top]:
                top = i
        for i, ((event, sig), c) in enumerate(zip(found, confidences, strict=True)):
            out.append(Judged(name, item["id"], c, sig, *right(event, item["gold"]), top=i == top))
    return out


def collect(shared: Path, limit: int = 0, sets: Sequence[str] = ("ACLED", "CASE"), *,
            calibrated: bool = True) -> dict[str, list[Judged]]:
    """The judged events of each labelled set."""
    acled_ref, case_ref = scorers(shared)
    data = shared / "data"
    found: dict[str, list[Judged]] = {}
    if "ACLED" in sets:
        found["ACLED"] = judge("ACLED", read(data / "acled_africa_2016" / "dev.jsonl", limit), acled_judge(acled_ref),
                               calibrated=calibrated)
    if "CASE" in sets:
        found["CASE"] = judge("CASE", read(data / "case2021_task2" / "dev.jsonl", limit), case_judge(case_ref),
                              calibrated=calibrated)
    return found


def bin_label(i: int) -> str:
    lo = EDGES[i]
    if i == 0:
        return f"< {EDGES[1]:.1f}"
    if i == len(EDGES) - 1:
        return f">= {lo:.1f}"
    return f"{lo:.1f}-{EDGES[i + 1]:.1f}"


def bins(values: Sequence[tuple[float, bool]]) -> list[tuple[str, int, int, float]]:
    """(bin, events, right, mean confidence) per confidence bin."""
    rows = []
    for i, lo in enumerate(EDGES):
        hi = EDGES[i + 1] if i + 1 < len(EDGES) else 2.0
        inside = [(c, r) for c, r in values if lo <= c < hi]
        mean = sum(c for c, _ in inside) / len(inside) if inside else float("nan")
        rows.append((bin_label(i), len(inside), sum(r for _, r in inside), mean))
    return rows


def above(values: Sequence[tuple[float, bool]], cut: float = TARGET) -> tuple[int, int]:
    inside = [r for c, r in values if c >= cut]
    return len(inside), sum(inside)


def ece(values: Sequence[tuple[float, bool]]) -> float:
    """Expected calibration error over the bins: the mean |confidence - share right|, weighted by events."""
    total = 0.0
    for i, lo in enumerate(EDGES):
        hi = EDGES[i + 1] if i + 1 < len(EDGES) else 2.0
        inside = [(c, r) for c, r in values if lo <= c < hi]
        if inside:
            total += abs(sum(c for c, _ in inside) - sum(r for _, r in inside))
    return total / len(values) if values else float("nan")


def rate(k: int, n: int) -> str:
    return f"{k / n:.3f}" if n else "-"


def print_table(title: str, columns: dict[str, Sequence[tuple[float, bool]]]) -> None:
    """One table: a row per confidence bin, a count and share-right column pair per set."""
    names = list(columns)
    print(f"\n{title}\n")
    print("| confidence | " + " | ".join(f"{n} events | {n} right" for n in names) + " |")
    print("|:--|" + "--:|--:|" * len(names))
    per = {n: bins(v) for n, v in columns.items()}
    for i in range(len(EDGES)):
        cells = []
        for n in names:
            _, count, right, _ = per[n][i]
            cells += [str(count), rate(right, count)]
        print(f"| {per[names[0]][i][0]} | " + " | ".join(cells) + " |")
    cells = []
    for n in names:
        count, right = above(columns[n])
        cells += [str(count), f"**{rate(right, count)}**"]
    print(f"| **>= {TARGET:.1f}** | " + " | ".join(cells) + " |")
    cells = []
    for n in names:
        v = columns[n]
        cells += [str(len(v)), rate(sum(r for _, r in v), len(v))]
    print("| all | " + " | ".join(cells) + " |")
    print("| ECE | " + " | ".join(f"| {ece(columns[n]):.3f}" for n in names) + " |")


def report(found: dict[str, list[Judged]], *, raw: bool = False) -> dict[str, tuple[int, int]]:
    """Print the tables; return (events, right) at confidence >= 0.8 per set, all events."""
    sets = dict(found)
    if len(sets) > 1:
        sets["both"] = [j for v in found.values() for j in v]
    result: dict[str, tuple[int, int]] = {}
    picks: list[tuple[str, Callable[[Judged], float]]] = [("calibrated confidence", lambda j: j.confidence)]
    if raw:
        picks.append(("uncalibrated score", lambda j: j.signals.score))
    for what, pick in picks:
        columns = {n: [(pick(j), j.right) for j in v] for n, v in sets.items()}
        print_table(f"### All events, {what}", columns)
        tops = {n: [(pick(j), j.right) for j in v if j.top] for n, v in sets.items()}
        print_table(f"### Each item's most confident event, {what}", tops)
        if "CASE" in found:
            strict = {"CASE": [(pick(j), j.strict) for j in found["CASE"]],
                      "CASE top": [(pick(j), j.strict) for j in found["CASE"] if j.top]}
            print_table(f"### CASE, the sub-event type right too, {what}", strict)
        if what == "calibrated confidence":
            result = {n: above(v) for n, v in columns.items()}
            if "CASE" in found:
                result[STRICT] = above(strict["CASE"])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="the shared folder (default: $SITREP_SHARED or ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N items of each set")
    ap.add_argument("--raw", action="store_true", help="also the tables of the uncalibrated score")
    args = ap.parse_args()
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    print("\n".join(f"{k}: {v}" for k, v in describe_machine()))
    found = collect(shared, args.limit)
    for name, judged in found.items():
        items = len({j.item for j in judged})
        print(f"{name}: {len(judged)} events in {items} items with an event")
    result = report(found, raw=args.raw)
    print("\n## Target: events of confidence >= 0.8 right >= 80% of the time\n")
    ok = True
    for name, (n, k) in result.items():
        passed = n > 0 and k / n >= TARGET
        reported = name == STRICT
        if not reported:
            ok &= passed or n == 0
        verdict = "PASS" if passed else ("(no such events)" if n == 0 else "FAIL")
        print(f"- {name}: {k}/{n} = {rate(k, n)} {verdict}{' (reported only: not claimed)' if reported else ''}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
