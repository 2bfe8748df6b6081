"""ACLED event locations over the notes whose place sitrep's gazetteer can resolve at all.

The reference scorer (``events_acled.py``) counts a note as located when the point of its most
confident event lies within 25 km of ACLED's; it divides by every note. Many notes name only
villages, camps or wards that no registry package lists, and no geoparser bound to the packages can
put them within 25 km. Issue 4 asks for the share over the notes "with a resolvable place": this
benchmark measures that subset and the share sitrep gets right in it, with the same events the
reference scorer reads (``--save-output`` of its own run).

A note is *resolvable* when some run of one to five of its words, looked up in the gazetteer as the
places stage looks names up (exact spelling, else the loose key: accents, hyphens, "al-"), has a
candidate within 25 km of ACLED's point. That is generous to the gazetteer (any word run counts, even
one the recogniser would rightly never read as a place, and ACLED's own point may be an
administrative centre the note does not name), so the subset is an upper bound of what naming alone
can reach, not a promise.

Usage::

    .venv/bin/python bench/bench_acled_places.py [--shared DIR] [--cmd CMD] [--output SAVED.jsonl] [--examples N]

Without ``--output`` it runs the reference scorer first (about a minute). Reads ``../shared`` at run
time and exits 0 with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import find_shared, sitrep_argv

#: Words of a note: letters, with the apostrophes, dots and hyphens inside names ("Ras al-Ain", "St.").
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
LONGEST = 5
WITHIN_KM = 25.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def resolvable(gaz: Any, text: str, lat: float, lon: float) -> str | None:
    """The first word run of ``text`` that names a place within 25 km of (lat, lon), or None."""
    words = [m.group(0).rstrip(".") for m in _WORD.finditer(text)]
    for i in range(len(words)):
        for n in range(1, LONGEST + 1):
            if i + n > len(words):
                break
            name = " ".join(words[i:i + n])
            if not name[:1].isupper():
                break
            for cand in gaz.lookup(name):
                if km(cand.place.latitude, cand.place.longitude, lat, lon) <= WITHIN_KM:
                    return name
    return None


def run_scorer(shared: Path, out: Path, cmd: str | None) -> str:
    """Runs the reference ACLED scorer, saving sitrep's output; returns its SUMMARY line."""
    script = shared / "tools" / "score" / "events_acled.py"
    cmd = " ".join(sitrep_argv(cmd))
    proc = subprocess.run([sys.executable, str(script), "--cmd", cmd, "--save-output", str(out), "--examples", "0"],
                          capture_output=True, text=True, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("SUMMARY")]
    if not lines:
        raise SystemExit(f"the reference scorer failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return lines[-1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=None, help="the shared folder (default: ../shared)")
    ap.add_argument("--cmd", default=None, help="how to start sitrep (default: the sitrep next to this Python)")
    ap.add_argument("--output", type=Path, default=None,
                    help="sitrep's output saved by events_acled.py --save-output (default: run the scorer)")
    ap.add_argument("--examples", type=int, default=0, help="print N resolvable notes placed wrong")
    args = ap.parse_args(argv)
    shared = find_shared(args.shared)
    if shared is None:
        print("bench_acled_places: ../shared not found (set SITREP_SHARED); nothing measured")
        return 0
    sys.path.insert(0, str(shared / "tools" / "score"))
    from common import top_event  # the scorer's own choice of a note's event

    from sitrep.knowledge.gazetteer import open_gazetteer

    with tempfile.TemporaryDirectory(prefix="sitrep-acled-places-") as tmp:
        saved = args.output
        if saved is None:
            saved = Path(tmp) / "acled.jsonl"
            print(run_scorer(shared, saved, args.cmd))
        docs: dict[str, Any] = {}
        with saved.open(encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                docs[doc["article"]["id"]] = doc
    gaz = open_gazetteer()
    notes = [json.loads(ln) for ln in (shared / "data" / "acled_africa_2016" / "dev.jsonl").open(encoding="utf-8")]
    total = len(notes)
    ok_all = subset = ok_subset = placed_subset = 0
    wrong: list[tuple[str, str, str, float | None]] = []
    for note in notes:
        gold = note["gold"]
        lat, lon = float(gold["latitude"]), float(gold["longitude"])
        event = top_event(docs.get(note["id"]))
        loc = (event or {}).get("location") or {}
        dist = km(loc["latitude"], loc["longitude"], lat, lon) if loc.get("latitude") is not None else None
        hit = dist is not None and dist <= WITHIN_KM
        ok_all += hit
        name = resolvable(gaz, note["text"], lat, lon)
        if name is None:
            continue
        subset += 1
        ok_subset += hit
        placed_subset += dist is not None
        if not hit:
            wrong.append((note["id"], name, loc.get("name") or "-", dist))
    print(f"notes: {total}; located within {WITHIN_KM:.0f} km: {ok_all} ({ok_all / total:.3f})")
    print(f"notes with a resolvable place: {subset} ({subset / total:.3f} of all)")
    print(f"  located within {WITHIN_KM:.0f} km: {ok_subset} ({ok_subset / max(subset, 1):.3f}); "
          f"with any point: {placed_subset}")
    for note_id, name, got, dist in wrong[:args.examples]:
        far = f"{dist:.0f} km" if dist is not None else "no point"
        print(f"  {note_id}: names {name!r}; sitrep placed it at {got!r} ({far})")
    print(f"SUMMARY acled_places n={total} resolvable={subset} loc25_resolvable={ok_subset / max(subset, 1):.3f} "
          f"loc25_all={ok_all / total:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
