"""Quality of a release: every reference scorer in ../shared/tools/score, run once, against the
figures the issues ask for.

Reads ../shared at run time (its data is never copied into the project); without it, says so and
exits 0. Each scorer runs as its own process on the dev files (``--data`` as the scorers' README
gives them); its ``SUMMARY`` line is parsed, and the figures the issues set a floor for are compared
with that floor. ``--record FILE`` appends the table, under the package version, the commit and the
date, to a Markdown file (``docs/quality.md``): one section per release, so figures can be compared
from one release to the next.

Usage::

    .venv/bin/python bench/bench_quality.py [--shared DIR] [--only acled,case] [--record docs/quality.md]

Exit 0 when every scorer ran (whether or not its floors hold: a missed floor is a figure to report,
not a broken benchmark), 1 when one could not run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import find_shared, sitrep_argv

ROOT = Path(__file__).resolve().parents[1]
_FIELD = re.compile(r"(\w+)=(\S+)")


@dataclass(frozen=True)
class Floor:
    """A figure an issue sets a floor for: ``key`` in the SUMMARY line must reach ``floor``."""

    key: str
    label: str
    floor: float | None = None


@dataclass(frozen=True)
class Scorer:
    """One reference scorer run: its script, the dev file(s), extra arguments and the figures kept."""

    name: str
    script: str
    data: tuple[str, ...]
    figures: tuple[Floor, ...]
    extra: tuple[str, ...] = ()


SCORERS: tuple[Scorer, ...] = (
    Scorer("seed", "seed.py", (), (Floor("passed", "seed expectations passed"),)),
    Scorer("acled", "events_acled.py", ("acled_africa_2016/dev.jsonl",), (
        Floor("type_acc", "ACLED event type", 0.90),
        Floor("inter1_acc", "ACLED inter1", 0.85),
        Floor("inter2_acc", "ACLED inter2"),
        Floor("fatal_exact", "ACLED fatalities exact", 0.90),
        Floor("loc25", "ACLED location within 25 km", 0.85),
        Floor("loc161", "ACLED location within 161 km"),
        Floor("territory_f1", "ACLED territory change F1"),
    )),
    Scorer("case", "events_case.py", ("case2021_task2/dev.jsonl",), (
        Floor("weighted_f1", "CASE 2021 weighted F1 (25 sub-event types)", 0.84),
    )),
    Scorer("ucdp", "events_ucdp.py", ("ucdp_ged_syria/dev.jsonl",), (
        Floor("loc25", "UCDP location within 25 km"),
        Floor("date_start_exact", "UCDP date = date_start"),
    ), ("--limit", "2000")),
    Scorer("lgl", "places_geo.py", ("geoparsing/lgl.jsonl",), (Floor("acc161", "LGL within 161 km", 0.83),)),
    Scorer("trnews", "places_geo.py", ("geoparsing/trnews.jsonl",),
           (Floor("acc161", "TR-News within 161 km", 0.88),)),
    Scorer("geovirus", "places_geo.py", ("geoparsing/geovirus.jsonl",),
           (Floor("acc161", "GeoVirus within 161 km", 0.95),)),
    Scorer("timeml", "times_timeml.py", ("tempeval3_tbaq/dev.jsonl",), (
        Floor("f1", "TimeBank time expressions F1", 0.90),
        Floor("value_acc", "TimeBank value accuracy", 0.85),
    )),
    Scorer("cameo", "actors_cameo.py", ("cameo_ner/dev.jsonl",), (
        Floor("source_f1", "CAMEO source actor span F1"),
        Floor("target_f1", "CAMEO target actor span F1"),
    )),
    Scorer("merge", "merge.py", ("ucdp_merge/dev.jsonl",), (Floor("pair_f1", "merge pairwise F1", 0.95),)),
)


def summary(output: str) -> dict[str, str]:
    """The fields of the last ``SUMMARY`` line of a scorer's output (empty when there is none)."""
    lines = [line for line in output.splitlines() if line.startswith("SUMMARY ")]
    return dict(_FIELD.findall(lines[-1])) if lines else {}


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def run_one(scorer: Scorer, shared: Path, cmd: str) -> tuple[dict[str, str], float, str]:
    """Run one scorer; its SUMMARY fields, the seconds it took and, when it failed, why."""
    argv = [sys.executable, str(shared / "tools" / "score" / scorer.script), "--cmd", cmd]
    for name in scorer.data:
        argv += ["--data", str(shared / "data" / name)]
    argv += list(scorer.extra)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
    secs = time.perf_counter() - t0
    fields = summary(proc.stdout)
    problem = "" if fields else f"exit {proc.returncode}, no SUMMARY line: {proc.stderr.strip()[-300:]}"
    return fields, secs, problem


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, cwd=ROOT, check=True).stdout.strip()
        return out + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def table(results: list[tuple[Scorer, dict[str, str]]]) -> list[str]:
    """Markdown rows: one per kept figure, with its floor and whether it holds."""
    rows = ["| figure | value | floor | holds |", "|:--|--:|--:|:--|"]
    for scorer, fields in results:
        for fig in scorer.figures:
            raw = fields.get(fig.key)
            num = _number(raw)
            value = raw if num is None and raw is not None else ("n/a" if num is None else f"{num:.3f}")
            if fig.floor is None or num is None:
                floor, holds = ("" if fig.floor is None else f"{fig.floor:.2f}"), ""
            else:
                floor, holds = f"{fig.floor:.2f}", "yes" if num >= fig.floor else "**no**"
            rows.append(f"| {fig.label} | {value} | {floor} | {holds} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $SITREP_SHARED, else ../shared)")
    ap.add_argument("--cmd", help="how to start sitrep (default: the sitrep next to this Python)")
    ap.add_argument("--only", help="comma-separated scorer names: " + ", ".join(s.name for s in SCORERS))
    ap.add_argument("--record", type=Path, help="append the table to this Markdown file")
    args = ap.parse_args(argv)
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    cmd = " ".join(sitrep_argv(args.cmd))
    wanted = set(args.only.split(",")) if args.only else {s.name for s in SCORERS}
    unknown = wanted - {s.name for s in SCORERS}
    if unknown:
        ap.error(f"no scorer named {', '.join(sorted(unknown))}")
    results: list[tuple[Scorer, dict[str, str]]] = []
    failed = 0
    for scorer in SCORERS:
        if scorer.name not in wanted:
            continue
        fields, secs, problem = run_one(scorer, shared, cmd)
        print(f"{scorer.name:<9} {secs:6.1f} s  " + (problem or " ".join(f"{k}={v}" for k, v in fields.items())),
              flush=True)
        failed += bool(problem)
        results.append((scorer, fields))
    rows = table(results)
    print("\n".join(rows))
    if args.record:
        head = (f"\n## sitrep {version('sitrep')} at `{_commit()}`, {dt.date.today().isoformat()}\n\n"
                f"Command: `.venv/bin/python bench/bench_quality.py"
                f"{' --only ' + args.only if args.only else ''} --record {args.record}`\n\n")
        with args.record.open("a", encoding="utf-8") as fh:
            fh.write(head + "\n".join(rows) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
