#!/usr/bin/env python3
"""Fit the event-confidence table (``src/sitrep/knowledge/data/event_confidence.tsv``) on ACLED's dev notes.

Reads ../shared/data at run time; the table it writes holds only numbers derived from the labels
(shares of events right), never the data. Every event the pipeline reads in the ACLED All-Africa
2016 dev notes is judged as ``bench_calibration.py`` judges it (type and actor1's inter code as ACLED
coded the note), with the events stage's uncalibrated score and signals. Then, for each event type,
and for a note's main event (the one the stage scored highest) apart from its others (12 groups):

  1. the events are put in four score bins (< 0.45, 0.45-0.55, 0.55-0.65, >= 0.65); a bin of fewer
     than 25 events joins its neighbour;
  2. each bin's share right is shrunk towards its group's (20 events' worth), the group's towards its
     event type's, the type's towards all events' (so that a small bin says little of its own);
  3. the shares are made never to fall as the score rises (pool adjacent violators, weighted by events);
  4. each bin becomes a knot: (mean score of its events, share right), rounded to 3 decimals.

The other signals the stage knows (named actor, place, modality, follow-ups folded in, aftermath,
lead sentence) are printed with the share right observed and the share the table predicts, to show
what they would add. Then a two-fold check: the table fitted on half the notes, judged on the
other half. CASE 2021 is not used here; it is the held-out check of ``bench_calibration.py``.

    .venv/bin/python bench/fit_event_confidence.py [--shared DIR] [--dry-run]

Deterministic: the same data and code give the same file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import find_shared  # noqa: E402
from bench_calibration import Judged, above, collect, ece, rate  # noqa: E402
from sitrep.stages.events_confidence import (  # noqa: E402
    KINDS,
    TABLE,
    Kind,
    Signals,
    calibrate,
    calibrate_article,
    read_table,
)

OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "knowledge" / TABLE
EDGES = (0.45, 0.55, 0.65)  # score bins
MIN_BIN = 25  # events; a smaller bin joins its neighbour
PRIOR = 20.0  # events' worth of the parent's share given to each bin and group


def _bins(events: Sequence[Judged]) -> list[list[Judged]]:
    ordered = sorted(events, key=lambda j: j.signals.score)
    bins: list[list[Judged]] = [[] for _ in range(len(EDGES) + 1)]
    for j in ordered:
        bins[sum(j.signals.score >= e for e in EDGES)].append(j)
    bins = [b for b in bins if b]
    merged: list[list[Judged]] = []
    for b in bins:  # a small bin joins its neighbour
        if merged and (len(b) < MIN_BIN or len(merged[-1]) < MIN_BIN):
            merged[-1] = merged[-1] + b
        else:
            merged.append(b)
    if len(merged) > 1 and len(merged[-1]) < MIN_BIN:
        merged[-2:] = [merged[-2] + merged[-1]]
    return merged


def _shrunk(right: float, n: float, parent: float) -> float:
    return (right + PRIOR * parent) / (n + PRIOR)


def _pav(values: list[float], weights: list[float]) -> list[float]:
    """Pool adjacent violators: the closest non-decreasing sequence, by weighted least squares."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for v, w in zip(values, weights, strict=True):
        blocks.append([v, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    out: list[float] = []
    for v, _, c in blocks:
        out += [v] * int(c)
    return out


def fit(events: Sequence[Judged]) -> list[tuple[Kind, float, float, int]]:
    """The knots: (kind, score, confidence, events)."""
    overall = sum(j.right for j in events) / len(events)
    rows: list[tuple[Kind, float, float, int]] = []
    parents: dict[object, float] = {}
    for kind in KINDS:
        p = overall
        for depth, key in enumerate(((kind[0],), kind)):  # the type, then main or not
            if key not in parents:
                group = [j for j in events if j.signals.kind[:depth + 1] == key]
                parents[key] = _shrunk(sum(j.right for j in group), len(group), p)
            p = parents[key]
        group = [j for j in events if j.signals.kind == kind]
        if not group:
            rows.append((kind, 0.5, round(p, 3), 0))
            continue
        bins = _bins(group)
        shares = [_shrunk(sum(j.right for j in b), len(b), p) for b in bins]
        values = _pav(shares, [len(b) + PRIOR for b in bins])
        knots: dict[float, tuple[float, int]] = {}
        for b, v in zip(bins, values, strict=True):
            x = round(sum(j.signals.score for j in b) / len(b), 3)
            y, n = knots.get(x, (0.0, 0))
            knots[x] = ((y * n + v * len(b)) / (n + len(b)), n + len(b))
        rows += [(kind, x, round(y, 3), n) for x, (y, n) in sorted(knots.items())]
    return rows


def render(rows: Sequence[tuple[Kind, float, float, int]], events: Sequence[Judged]) -> str:
    notes = len({j.item for j in events})
    head = [
        "# Event confidence: for each event type, and for an article's main event (main: yes) apart from its others,",
        "# knots (score, confidence) through which the events stage's uncalibrated score becomes the share of such",
        "# events that were right. Read by sitrep.stages.events_confidence; see docs/DATA.md.",
        "# Fitted by bench/fit_event_confidence.py on the events sitrep reads in the",
        f"# ACLED All-Africa 2016 dev notes ({notes} notes with an event, {len(events)} events): right = the event",
        "# type and actor1's inter code that ACLED coded. Numbers derived from the labels; no data.",
        "# events: how many dev events the knot stands for.",
        "\t".join(("event_type", "main", "score", "confidence", "events")),
    ]
    yes = {True: "yes", False: "no"}
    body = [f"{t}\t{yes[main]}\t{x:.3f}\t{y:.3f}\t{n}" for (t, main), x, y, n in rows]
    return "\n".join(head + body) + "\n"


def residuals(events: Sequence[Judged], curves: object) -> None:
    """For each signal left out of the table: events, share right, share the table predicts."""
    checks: dict[str, Callable[[Signals], object]] = {
        "actor1 named": lambda s: s.named, "placed": lambda s: s.placed, "asserted": lambda s: s.asserted,
        "follow-ups folded in": lambda s: s.folded, "aftermath": lambda s: s.aftermath,
        "lead sentence": lambda s: s.position == 0,
    }
    print("\n| signal | value | events | right | table predicts |\n|:--|:--|--:|--:|--:|")
    for name, key in checks.items():
        for value in (True, False):
            sel = [j for j in events if key(j.signals) == value]
            if sel:
                pred = sum(calibrate(j.signals, curves) for j in sel) / len(sel)  # type: ignore[arg-type]
                print(f"| {name} | {value} | {len(sel)} | {sum(j.right for j in sel) / len(sel):.3f} | {pred:.3f} |")


def halves(events: Sequence[Judged]) -> None:
    """Two-fold check of overfitting: the table fitted on half the notes (alternate note ids), the other half
    judged with it, as bench_calibration.py judges (the share right at confidence >= 0.8, and the ECE)."""
    items = sorted({j.item for j in events})
    half = {item: i % 2 for i, item in enumerate(items)}
    print("\n| fitted on | judged on | events | events >= 0.8 | right there | ECE |\n|:--|:--|--:|--:|--:|--:|")
    for k in (0, 1):
        train = [j for j in events if half[j.item] != k]
        test = [j for j in events if half[j.item] == k]
        curves = read_table(render(fit(train), train), "a half's table")
        by_item: dict[str, list[Judged]] = {}
        for j in test:
            by_item.setdefault(j.item, []).append(j)
        values: list[tuple[float, bool]] = []
        for judged in by_item.values():
            confidences = calibrate_article([j.signals for j in judged], curves)
            values += zip(confidences, [j.right for j in judged], strict=True)
        n, right = above(values)
        print(f"| half {1 - k} | half {k} | {len(test)} | {n} | {rate(right, n)} | {ece(values):.3f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="the shared folder (default: $SITREP_SHARED or ../shared)")
    ap.add_argument("--dry-run", action="store_true", help=f"print the table, do not write {OUT.name}")
    args = ap.parse_args()
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    events = collect(shared, sets=("ACLED",), calibrated=False)["ACLED"]
    text = render(fit(events), events)
    curves = read_table(text, "the fitted table")
    print(text)
    residuals(events, curves)
    halves(events)
    if not args.dry_run:
        OUT.write_text(text, encoding="utf-8")
        print(f"\nwrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
