#!/usr/bin/env python3
"""Throughput and memory of the whole current pipeline (ingest, repair, sentences, published) on one core.

Builds a corpus of ~500-word news articles from shared/data/geoparsing (real texts, joined, each
with a headline, a "REUTERS/Jane Doe" caption, a site tag and a closing credit), then times fresh
``sitrep extract --format events`` processes over:

  txt dir     a directory of .txt files (--articles, default 2,000)
  jsonl       one .jsonl file with the same articles
  html        web pages of the same texts (--pages, default 1,000), default extraction
  html-fast   the same pages with --html-fast

Each input is also run with a single article, to estimate start-up; rates are given raw (whole
run) and excluding start-up: (N - 1) / (seconds - one-article seconds). Each run is repeated
(--repeat, default 3, interleaved) and the fastest is reported, with peak RSS the largest seen.

Targets: plain text (txt dir and jsonl) >= 1,000 articles/s and HTML (both modes) >= 150 pages/s,
judged on the raw whole-run rate; peak RSS <= 300 MB in every run. Exit 0 when all hold, 1 when
one does not (or a run failed). Exit 0 with a message when ../shared is absent.

    .venv/bin/python bench/bench_ingest.py [--markdown]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
from _corpus import Story, build_stories, load_texts  # noqa: E402
from _measure import Run, describe_machine, find_shared, sitrep_argv, summary_counts, timed_run  # noqa: E402

TARGET_TEXT_PER_S = 1000.0
TARGET_HTML_PER_S = 150.0
TARGET_RSS_MB = 300.0
FILES_PER_FOLDER = 500


@dataclass(slots=True)
class Case:
    """One kind of input, its corpus and what was measured on it."""

    name: str
    path: Path  # what is passed to sitrep
    one: Path  # the same kind of input with one article
    articles: int
    words: int
    target: float
    options: list[str] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    one_runs: list[Run] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def startup(self) -> float:
        return min(r.seconds for r in self.one_runs)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    @property
    def words_rate(self) -> float:
        return self.words / self.seconds

    @property
    def steady(self) -> float | None:
        """Articles/s excluding start-up; None when the run is not clearly longer than start-up."""
        rest = self.seconds - self.startup
        return (self.articles - 1) / rest if rest > 0.1 * self.seconds else None

    @property
    def steady_words(self) -> float | None:
        rest = self.seconds - self.startup
        return self.words * (self.articles - 1) / self.articles / rest if rest > 0.1 * self.seconds else None

    @property
    def rss(self) -> float | None:
        seen = [r.peak_rss_mb for r in self.runs + self.one_runs if r.peak_rss_mb is not None]
        return max(seen) if seen else None

    @property
    def rate_ok(self) -> bool:
        return not self.errors and self.rate >= self.target

    @property
    def rss_ok(self) -> bool:
        return not self.errors and self.rss is not None and self.rss <= TARGET_RSS_MB


def write_corpus(root: Path, text_stories: list[Story], page_stories: list[Story]) -> None:
    txt = root / "txt"
    for n, story in enumerate(text_stories):
        folder = txt / f"{n // FILES_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{story.key}.txt").write_text(story.text(), encoding="utf-8")
    with open(root / "corpus.jsonl", "w", encoding="utf-8") as fh:
        for story in text_stories:
            fh.write(json.dumps(story.record(), ensure_ascii=False) + "\n")
    html = root / "html"
    for n, story in enumerate(page_stories):
        folder = html / f"{n // FILES_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{story.key}.html").write_text(story.page(), encoding="utf-8")
    first = text_stories[0]
    (root / "one").mkdir()
    (root / "one" / "one.txt").write_text(first.text(), encoding="utf-8")
    (root / "one.jsonl").write_text(json.dumps(first.record(), ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "one.html").write_text(page_stories[0].page(), encoding="utf-8")


def measure(case: Case, sitrep: list[str], out: Path, timeout: float) -> None:
    for path, expected, runs in ((case.one, 1, case.one_runs), (case.path, case.articles, case.runs)):
        run = timed_run([*sitrep, "extract", "--format", "events", "--no-progress", *case.options,
                         "--out", str(out), str(path)], timeout=timeout)
        counts = summary_counts(run.stderr)
        if run.rc != 0:
            case.errors.append(f"{path.name}: exit status {run.rc}\n{run.stderr_tail()}")
        elif counts is None or counts[0] != expected or counts[2] != 0:
            case.errors.append(f"{path.name}: expected {expected} articles and 0 failed inputs, sitrep said "
                               f"{counts}\n{run.stderr_tail()}")
        runs.append(run)


def fmt(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def rows(cases: list[Case]) -> list[list[str]]:
    out = []
    for c in cases:
        out.append([
            c.name + (" " + " ".join(c.options) if c.options else ""), f"{c.articles:,}", f"{c.words:,}",
            fmt(c.seconds, 2), fmt(c.rate), fmt(c.words_rate), fmt(c.startup, 2), fmt(c.steady),
            fmt(c.steady_words), fmt(c.rss, 1),
            f">= {c.target:,.0f}/s: {'PASS' if c.rate_ok else 'FAIL'}",
            f"<= {TARGET_RSS_MB:.0f} MB: {'PASS' if c.rss_ok else 'FAIL'}",
        ])
    return out


HEADERS = ["input", "articles", "words", "best s", "articles/s", "words/s", "start-up s",
           "articles/s excl. start-up", "words/s excl. start-up", "peak RSS MB", "speed target", "memory target"]


def print_table(cases: list[Case]) -> None:
    table = [HEADERS, *rows(cases)]
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADERS))]
    for n, r in enumerate(table):
        cells = zip(r, widths, strict=True)
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(cells)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_markdown(cases: list[Case], command: str, machine: list[tuple[str, str]], ratios: list[tuple[str, str]],
                   repeat: int) -> None:
    print(f"Command: `{command}` ({dt.date.today().isoformat()}); best of {repeat} runs each.\n")
    for key, value in machine:
        print(f"- {key}: {value}")
    print()
    print("| " + " | ".join(HEADERS) + " |")
    print("|" + "|".join(":--" if i == 0 else "--:" for i in range(len(HEADERS))) + "|")
    for r in rows(cases):
        print("| " + " | ".join(r) + " |")
    print()
    for key, value in ratios:
        print(f"- {key}: {value}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000, help="plain-text articles (default 2000)")
    ap.add_argument("--pages", type=int, default=1000, help="HTML pages (default 1000)")
    ap.add_argument("--words", type=int, default=500, help="words per article, about (default 500)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts (default 3)")
    ap.add_argument("--shared", metavar="DIR", help="the shared folder (default: $SITREP_SHARED, else ../shared)")
    ap.add_argument("--cmd", help="how to start sitrep (default: the sitrep next to this Python)")
    ap.add_argument("--workdir", metavar="DIR", help="build the corpus here (default: a new folder in /tmp)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus afterwards")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed per run (default 1800)")
    ap.add_argument("--markdown", action="store_true", help="also print the results as markdown")
    args = ap.parse_args()
    if args.articles < 2 or args.pages < 2 or args.repeat < 1:
        ap.error("--articles and --pages must be at least 2, --repeat at least 1")
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    sitrep = sitrep_argv(args.cmd)
    root = Path(tempfile.mkdtemp(prefix="sitrep-bench-ingest-", dir=args.workdir))
    try:
        stories = build_stories(load_texts(shared), max(args.articles, args.pages), words=args.words)
        text_stories, page_stories = stories[: args.articles], stories[: args.pages]
        write_corpus(root, text_stories, page_stories)
        text_words = sum(s.words() for s in text_stories)
        page_words = sum(s.words() for s in page_stories)
        cases = [
            Case("txt dir", root / "txt", root / "one", args.articles, text_words, TARGET_TEXT_PER_S),
            Case("jsonl", root / "corpus.jsonl", root / "one.jsonl", args.articles, text_words, TARGET_TEXT_PER_S),
            Case("html", root / "html", root / "one.html", args.pages, page_words, TARGET_HTML_PER_S),
            Case("html", root / "html", root / "one.html", args.pages, page_words, TARGET_HTML_PER_S,
                 options=["--html-fast"]),
        ]
        print(f"corpus in {root}: {args.articles:,} articles ({text_words:,} words, "
              f"{text_words / args.articles:.0f} words each), {args.pages:,} pages", flush=True)
        for n in range(args.repeat):
            for case in cases:
                if not case.errors:
                    measure(case, sitrep, root / "out.jsonl", args.timeout)
            print(f"round {n + 1}/{args.repeat}: " + ", ".join(
                f"{c.name}{' fast' if c.options else ''} {c.runs[-1].seconds:.2f} s" for c in cases if c.runs),
                flush=True)
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)

    failed_runs = [f"{c.name} {' '.join(c.options)}: {e}" for c in cases for e in c.errors]
    if failed_runs:
        print("\nRuns that failed:\n" + "\n".join(failed_runs))
        return 1
    machine = describe_machine()
    command = " ".join(["sitrep" if len(sitrep) == 1 else " ".join(sitrep), "extract", "--format", "events", "INPUT"])
    print()
    for key, value in machine:
        print(f"{key}: {value}")
    print(f"command: {command}, best of {args.repeat} runs each\n")
    print_table(cases)
    txt, jsonl, page, fast = cases
    ratios = [
        ("jsonl / txt dir, articles/s", f"{jsonl.rate / txt.rate:.2f}"),
        ("html (default) / txt dir, articles/s", f"{page.rate / txt.rate:.3f}"),
        ("html --html-fast / html (default), pages/s", f"{fast.rate / page.rate:.2f}"),
        ("spread of the runs (slowest / fastest)", ", ".join(
            f"{c.name}{' fast' if c.options else ''} {max(r.seconds for r in c.runs) / c.seconds:.2f}"
            for c in cases)),
    ]
    print()
    for key, value in ratios:
        print(f"{key}: {value}")
    verdicts = [(f"{c.name}{' --html-fast' if c.options else ''}: {c.rate:,.0f} "
                 f"{'pages' if c.target == TARGET_HTML_PER_S else 'articles'}/s >= {c.target:,.0f}",
                 c.rate_ok) for c in cases]
    verdicts += [(f"{c.name}{' --html-fast' if c.options else ''}: peak RSS {fmt(c.rss, 1)} MB <= "
                  f"{TARGET_RSS_MB:.0f} MB", c.rss_ok) for c in cases]
    print()
    for text, ok in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    if args.markdown:
        print("\n--- markdown ---\n")
        print_markdown(cases, " ".join([".venv/bin/python bench/bench_ingest.py", *sys.argv[1:]]), machine, ratios,
                       args.repeat)
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
