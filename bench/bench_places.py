#!/usr/bin/env python3
"""Speed and memory of the places stage (recognition + resolution) on one core.

Reads the news texts of ../shared/data/geoparsing (LGL, TR-News, GeoVirus) at run time, prepares
each article with the stages before places (repair, sentences, published; not timed), then times
the places stage alone over all of them, --repeat times (default 3), and reports the fastest run in
words per second; also the first pass, which pays for making the gazetteer entries, looking up
names and indexing spelling variants the first time (what one run over a corpus pays). Also
measured: loading the gazetteer file (in a fresh process, so the cost a user pays once per run) and
the peak resident memory of that process once loaded.

The gazetteer is the one of --cache-dir (default: the user's cache folder, built there first if
missing). Targets: >= 20,000 words/s, load < 1 s, <= 500 MB resident. Exit 0 when all hold, 1 when
one does not; exit 0 with a message when ../shared is absent.

    .venv/bin/python bench/bench_places.py [--cache-dir DIR] [--markdown]

For accuracy, run the reference scorer (commands in docs/benchmarks.md), e.g.:
    .venv/bin/python ../shared/tools/score/places_geo.py --cmd .venv/bin/sitrep \
        --data ../shared/data/geoparsing/lgl.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
from _measure import describe_machine, find_shared  # noqa: E402

TARGET_WORDS_PER_S = 20_000.0
TARGET_LOAD_S = 1.0
TARGET_RSS_MB = 500.0
CORPORA = ("lgl.jsonl", "trnews.jsonl", "geovirus.jsonl")

_LOAD_PROBE = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from sitrep.knowledge.gazetteer import load
gaz = load(Path(sys.argv[1]))
seconds = time.perf_counter() - t0
kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "rss_mb": kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024,
                  "places": len(gaz)}))
"""


def pin_one_core() -> str:
    """Pin this process to one CPU when the platform allows it."""
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
            return "yes (sched_setaffinity)"
        except OSError:
            pass
    return "no"


def load_articles(shared: Path) -> list[dict[str, str]]:
    out = []
    for name in CORPORA:
        path = shared / "data" / "geoparsing" / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh.read().split("\n"):  # not splitlines(): one LGL text holds U+0085
                if line.strip():
                    item = json.loads(line)
                    out.append({"id": item["id"], "text": item["text"]})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="the shared folder (default: ../shared or $SITREP_SHARED)")
    ap.add_argument("--cache-dir", type=Path, help="cache folder of the gazetteer (default: the user's)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus (default 3)")
    ap.add_argument("--markdown", action="store_true", help="print the results as a Markdown table")
    args = ap.parse_args()
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    texts = load_articles(shared)
    if not texts:
        print(f"No geoparsing texts under {shared / 'data' / 'geoparsing'}: benchmark skipped.")
        return 0

    from sitrep.knowledge.gazetteer import gazetteer_path, open_gazetteer
    from sitrep.models import Article
    from sitrep.pipeline import build_pipeline
    from sitrep.settings import Settings
    from sitrep.stages.places import Places
    from sitrep.stages.published import Published
    from sitrep.stages.repair import repair
    from sitrep.stages.sentences import sentences

    pinned = pin_one_core()
    gaz = open_gazetteer(args.cache_dir)  # builds it first when missing
    path = gazetteer_path(args.cache_dir)
    probe = subprocess.run([sys.executable, "-c", _LOAD_PROBE, str(path)], capture_output=True, text=True,
                           timeout=600, check=False)
    if probe.returncode != 0:
        print(f"loading the gazetteer in a fresh process failed:\n{probe.stderr}")
        return 1
    loaded = json.loads(probe.stdout)

    before = build_pipeline([repair, sentences, Published()], settings=Settings())
    docs = [before.process(Article(id=t["id"], text=t["text"])) for t in texts]
    words = sum(len(t["text"].split()) for t in texts)
    stage = Places(gazetteer=gaz)
    t0 = time.perf_counter()
    mentions = sum(len(stage(doc).places) for doc in docs)  # the first pass also counts the mentions
    first = time.perf_counter() - t0
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        for doc in docs:
            stage(doc)
        best = min(best, time.perf_counter() - t0)
    rate = words / best

    checks = [
        ("places stage words/s", f"{rate:,.0f}", f">= {TARGET_WORDS_PER_S:,.0f}", rate >= TARGET_WORDS_PER_S),
        ("first pass words/s (entries, lookups, spelling index cold)", f"{words / first:,.0f}",
         f">= {TARGET_WORDS_PER_S:,.0f}", words / first >= TARGET_WORDS_PER_S),
        ("gazetteer load s (fresh process)", f"{loaded['seconds']:.2f}", f"< {TARGET_LOAD_S:.0f}",
         loaded["seconds"] < TARGET_LOAD_S),
        ("peak RSS MB once loaded", f"{loaded['rss_mb']:.0f}", f"<= {TARGET_RSS_MB:.0f}",
         loaded["rss_mb"] <= TARGET_RSS_MB),
    ]
    facts = [*describe_machine(), ("pinned in-process", pinned), ("gazetteer", f"{path} ({path.stat().st_size:,} "
             f"bytes, {loaded['places']:,} places, built from {gaz.header.get('cities')})"),
             ("corpus", f"{len(docs):,} articles, {words:,} words (LGL, TR-News, GeoVirus texts)"),
             ("place mentions found", f"{mentions:,}"), ("best of", f"{args.repeat} passes: {best:.2f} s")]
    if args.markdown:
        for key, value in facts:
            print(f"- {key}: {value}")
        print("\n| figure | value | target | result |\n|:--|--:|--:|:--|")
        for name, value, target, ok in checks:
            print(f"| {name} | {value} | {target} | {'PASS' if ok else 'FAIL'} |")
    else:
        for key, value in facts:
            print(f"{key}: {value}")
        for name, value, target, ok in checks:
            print(f"{name}: {value} (target {target}) {'PASS' if ok else 'FAIL'}")
    return 0 if all(ok for *_, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
