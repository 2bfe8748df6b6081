#!/usr/bin/env python3
"""Robustness: a directory of 10,000 articles with 50 broken inputs in it finishes, reports exactly
those 50, and writes every other article's output.

Builds (in a new folder under --workdir, default /tmp; removed afterwards unless --keep):

  corpus/news/NNN/*.txt     good plain-text articles (most of the 10,000), among them legacy and
                            odd encodings that sitrep must read: cp1252 with curly quotes and
                            dashes, latin-1, UTF-8 with a BOM, UTF-16 with a BOM, CRLF lines,
                            an upper-case .TXT, a one-sentence article
  corpus/pages/NN/*.html    500 good web pages (one in cp1252, one .htm)
  corpus/feeds/*.jsonl      5 feeds of 100 good records (records without an id, with a number
                            as id, a cp1252-encoded line, CRLF, a blank line, a BOM, no
                            newline after the last record)
  50 broken inputs          among them: binary .txt/.html/.jsonl files, empty and whitespace-only
                            files, .txt and .html files with bytes undefined in both UTF-8 and
                            cp1252 (0x81 0x8D 0x8F 0x90 0x9D), a bad UTF-16 file, JSONL files whose
                            last line is truncated mid-record (ONE broken input each; their
                            complete lines are good articles), JSONL lines that are not objects,
                            lack "text", have a bad "text" or "id", and one sparse 200 MB .txt
                            file that must be rejected by size (default limit 10 MB)
  files that are no articles: hidden files, a hidden folder, README.md, a .jpg (sitrep skips them)

then runs once, pinned to one core:

    sitrep extract corpus --format docs --out OUT --problems PROBLEMS     (in the work folder)

and checks: exit status 3; PROBLEMS has exactly one line per broken input, naming its file (and
JSONL line); OUT has exactly one doc per good article, with the expected id (``corpus/<relative
path>`` for a file, the record's id, or ``<file>:<line>`` for a record without one) and the
expected text and encoding; none missing, none duplicated, nothing unexpected. Exit 0 when every
check holds, 1 otherwise (with the list of what failed). Exit 0 with a message when ../shared is
absent.

    .venv/bin/python bench/bench_broken.py [--articles 10000] [--keep] [--markdown]
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import os
import random
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
from _corpus import Story, build_stories, load_texts  # noqa: E402
from _measure import describe_machine, find_shared, sitrep_argv, summary_counts, timed_run  # noqa: E402

BIG_FILE_BYTES = 200 * 1024 * 1024
PAGES = 500
FEEDS, FEED_LINES = 5, 100
TRUNCATED_FEEDS, TRUNCATED_GOOD_LINES = 6, 20
TXT_PER_FOLDER = 500
#: bytes undefined in cp1252 and invalid alone in UTF-8
UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
ROOT_ARG = "corpus"  # how the corpus is named on the command line (sitrep runs in the work folder)
MIXED_FEEDS, MIXED_GOOD_LINES = 2, 40  # feeds with bad lines among good ones
JSONL_GOOD = FEEDS * FEED_LINES + TRUNCATED_FEEDS * TRUNCATED_GOOD_LINES + MIXED_FEEDS * MIXED_GOOD_LINES
MIN_ARTICLES = PAGES + JSONL_GOOD + 50


@dataclass(slots=True)
class Expected:
    """What sitrep must do with the corpus."""

    docs: dict[str, Good] = field(default_factory=dict)  # article id -> what it must look like
    broken: dict[tuple[str, int | None], Broken] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)  # files that are no articles at all

    def good(self, article_id: str, text: str | None, encoding: str | None, what: str) -> None:
        if article_id in self.docs:
            raise SystemExit(f"bench bug: two good articles with id {article_id}")
        self.docs[article_id] = Good(text, encoding, what)

    def bad(self, source: str, line: int | None, kinds: set[str], what: str) -> None:
        self.broken[(source, line)] = Broken(kinds, what)


@dataclass(frozen=True, slots=True)
class Good:
    text: str | None  # None: not compared (HTML: the extracted text); else compared exactly
    encoding: str | None
    what: str


@dataclass(frozen=True, slots=True)
class Broken:
    kinds: set[str]  # kinds of error that fit; another kind is a note, not a failure
    what: str


def _legacy(text: str, encoding: str) -> str:
    """Only what a legacy encoding can hold, and no C1 control characters (the source texts have a
    little mojibake; in cp1252 or latin-1 bytes those would read back as other characters)."""
    text = "".join(ch for ch in text if not "\x80" <= ch <= "\x9f")
    return text.encode(encoding, "replace").decode(encoding)


def _curly(text: str) -> str:
    """The text with typographic quotes and dashes, as Word and many CMSs write it."""
    return text.replace(" said.", " said, \u201cwe will not leave\u201d \u2013 a reporter\u2019s note.", 1) + \
        "\u201cIt\u2019s over,\u201d one resident said \u2014 for now.\n"


class Builder:
    """Writes the corpus and records what is expected of each file."""

    def __init__(self, work: Path, stories: list[Story], seed: int = 20261125) -> None:
        self.work = work
        self.root = work / ROOT_ARG
        self.stories = iter(stories)
        self.rng = random.Random(seed)
        self.expected = Expected()
        self.txt_count = 0

    # ------------------------------------------------------------------ helpers

    def source(self, path: Path) -> str:
        return f"{ROOT_ARG}/{path.relative_to(self.root).as_posix()}"

    def write(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def txt_rel(self, name: str) -> str:
        return f"news/{self.txt_count // TXT_PER_FOLDER:03d}/{name}"

    def binary(self, size: int, header: bytes = b"") -> bytes:
        body = bytearray(self.rng.randbytes(size))
        for i in range(0, size, 97):  # NULs all through, as in any real binary
            body[i] = 0
        return header + bytes(body)

    def no_nul_binary(self, size: int) -> bytes:
        return bytes(self.rng.choice([*range(1, 9), *range(14, 32), 0x81, 0x8D, *range(0xA0, 256)])
                     for _ in range(size))

    def bad_encoding(self, story: Story) -> bytes:
        words = story.text().encode("ascii", "replace").split(b" ")
        for n, i in enumerate(sorted(self.rng.sample(range(len(words)), 5))):
            words[i] = words[i] + UNDEFINED[n % len(UNDEFINED)]
        return b" ".join(words)

    # ------------------------------------------------------------------ good inputs

    def good_txt(self, *, encoding: str = "utf-8", variant: str = "") -> None:
        story = next(self.stories)
        text = story.text()
        name = f"{story.key}.txt"
        expect_encoding: str | None = encoding
        if variant == "curly":
            text = _curly(text)
        elif variant == "latin":
            text = text.replace(" said", " said (caf\u00e9 owner Jos\u00e9 M\u00fcller)", 1)
        elif variant == "crlf":
            text = text.replace("\n", "\r\n")
        elif variant == "upper":
            name = f"{story.key}.TXT"
        elif variant == "short":
            text = "Two people were killed in a blast in Kabul on Monday, police said.\n"
        if encoding != "utf-8":
            text = _legacy(text, encoding)
        data = text.encode(encoding)
        if variant == "bom8":
            data, text = codecs.BOM_UTF8 + data, "\ufeff" + text  # the BOM stays, as the first character
        elif variant == "bom16":
            data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
            expect_encoding = "utf-16"
        path = self.write(self.txt_rel(name), data)
        self.txt_count += 1
        self.expected.good(self.source(path), text, expect_encoding, f".txt {variant or encoding}".strip())

    def good_page(self, n: int, *, cp1252: bool = False, suffix: str = ".html") -> None:
        story = next(self.stories)
        page = story.page()
        if cp1252:
            page = page.replace('charset="utf-8"', 'charset="windows-1252"')
            page = page.replace("</p>\n      <p>", " \u201cWe\u2019re safe,\u201d she said.</p>\n      <p>", 1)
        data = _legacy(page, "cp1252").encode("cp1252") if cp1252 else page.encode("utf-8")
        path = self.write(f"pages/{n // 100:02d}/{story.key}{suffix}", data)
        self.expected.good(self.source(path), None, "cp1252" if cp1252 else "utf-8",
                           "page cp1252" if cp1252 else "page")

    def record_line(self, story: Story, **extra: object) -> bytes:
        record = {"id": story.key, "text": story.text(), **extra}
        return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"

    def good_feed(self, n: int) -> None:
        rel = f"feeds/feed-{n}.jsonl"
        source = f"{ROOT_ARG}/{rel}"
        lines: list[bytes] = []
        for i in range(FEED_LINES):
            story = next(self.stories)
            text = story.text()
            line_no = len(lines) + 1
            if n == 1 and i == 3:  # no id: named after its file and line
                lines.append(json.dumps({"text": text}).encode() + b"\n")
                self.expected.good(f"{source}:{line_no}", text, "utf-8", "jsonl record without id")
            elif n == 1 and i == 4:  # a number as id
                lines.append(json.dumps({"id": 900000 + n, "text": text}).encode() + b"\n")
                self.expected.good(str(900000 + n), text, "utf-8", "jsonl record with a numeric id")
            elif n == 2 and i == 7:  # a legacy-encoded line
                text = _legacy(_curly(text), "cp1252")
                lines.append(json.dumps({"id": story.key, "text": text}, ensure_ascii=False).encode("cp1252") + b"\n")
                self.expected.good(story.key, text, None, "jsonl record in cp1252")
            elif n == 3 and i == 10:  # CRLF line end, then a blank line (skipped, no error)
                lines.append(self.record_line(story).rstrip(b"\n") + b"\r\n")
                lines.append(b"\n")
                self.expected.good(story.key, text, "utf-8", "jsonl record with CRLF")
            elif n == 4 and i == 20:  # metadata, one bad field: a problem on the article, not a failure
                lines.append(self.record_line(story, title=story.headline, published="not a date",
                                              url="https://example.org/x", source="Example"))
                self.expected.good(story.key, text, "utf-8", "jsonl record with a bad date")
            else:
                lines.append(self.record_line(story, published=story.published.isoformat()))
                self.expected.good(story.key, text, "utf-8", "jsonl record")
        data = b"".join(lines)
        if n == 3:  # a complete last record without a newline after it is a good record
            data = data.rstrip(b"\n")
        if n == 5:
            data = codecs.BOM_UTF8 + data
        self.write(rel, data)

    # ------------------------------------------------------------------ broken inputs

    def broken_file(self, rel: str, data: bytes, kinds: set[str], what: str) -> None:
        path = self.write(rel, data)
        self.expected.bad(self.source(path), None, kinds, what)

    def truncated_feed(self, n: int) -> None:
        rel = f"feeds/partial-{n}.jsonl"
        source = f"{ROOT_ARG}/{rel}"
        lines = []
        for _ in range(TRUNCATED_GOOD_LINES):
            story = next(self.stories)
            lines.append(self.record_line(story))
            self.expected.good(story.key, story.text(), "utf-8", "jsonl record before a truncated line")
        cut = next(self.stories)
        last = self.record_line(_curly_story(cut) if n == TRUNCATED_FEEDS else cut)
        # the last one is cut in the middle of a UTF-8 character
        at = last.index("\u2019".encode()) + 1 if n == TRUNCATED_FEEDS else len(last) // 2 + n * 7
        lines.append(last[:at])
        self.write(rel, b"".join(lines))
        self.expected.bad(source, TRUNCATED_GOOD_LINES + 1, {"malformed"}, "JSONL, last line truncated mid-record")

    def mixed_feed(self, n: int, bad_lines: list[tuple[bytes, set[str], str]],
                   good: int = MIXED_GOOD_LINES) -> None:
        rel = f"feeds/mixed-{n}.jsonl"
        source = f"{ROOT_ARG}/{rel}"
        lines: list[bytes] = []
        slots = sorted(self.rng.sample(range(1, good), len(bad_lines)))
        bad_iter = iter(bad_lines)
        for i in range(good):
            if slots and i == slots[0]:
                slots.pop(0)
                data, kinds, what = next(bad_iter)
                lines.append(data + b"\n")
                self.expected.bad(source, len(lines), kinds, what)
            story = next(self.stories)
            lines.append(self.record_line(story))
            self.expected.good(story.key, story.text(), "utf-8", "jsonl record among bad lines")
        self.write(rel, b"".join(lines))

    def big_file(self) -> Path:
        path = self.root / self.txt_rel("huge-dump.txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(b"This is an article that goes on and on.\n")
            fh.truncate(BIG_FILE_BYTES)  # sparse: takes no disk, and must not be read
        self.expected.bad(self.source(path), None, {"too_large"}, "200 MB .txt")
        return path

    def ignored(self) -> None:
        for rel, data in ((".DS_Store", self.binary(4096)), ("news/000/.~lock.a00001.txt#", b"lock"),
                          (".cache/a99999.txt", b"A hidden folder's article is not read."),
                          ("README.md", b"# Articles\n"), ("pages/00/photo.jpg", self.binary(2048, b"\xff\xd8\xff"))):
            self.write(rel, data)
            self.expected.ignored.append(f"{ROOT_ARG}/{rel}")


def _curly_story(story: Story) -> Story:
    first, *rest = story.paragraphs
    return Story(story.key, story.headline, story.caption, story.site_tag,
                 ("\u201cWe\u2019re not leaving,\u201d " + first, *rest), story.published, story.site)


def build(work: Path, stories: list[Story], articles: int) -> tuple[Expected, Path]:
    b = Builder(work, stories)
    sample_story = stories[-1]  # beyond the good ones: text for broken files
    txt_good = articles - PAGES - JSONL_GOOD

    variants = {5: ("cp1252", "curly"), 6: ("cp1252", "curly"), 7: ("cp1252", "curly"), 8: ("cp1252", "curly"),
                9: ("cp1252", "curly"), 10: ("latin-1", "latin"), 11: ("latin-1", "latin"), 12: ("utf-8", "bom8"),
                13: ("utf-8", "bom8"), 14: ("utf-8", "bom16"), 15: ("utf-8", "bom16"), 16: ("utf-8", "crlf"),
                17: ("utf-8", "crlf"), 18: ("utf-8", "upper"), 19: ("utf-8", "short")}
    # broken .txt files, spread evenly among the good ones
    bad_txt: list[tuple[str, bytes, set[str], str]] = []
    for i in range(10):
        header = (b"\x1f\x8b\x08\x00", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"%PDF-1.7\n", b"")[i % 5]
        bad_txt.append((f"binary-{i}.txt", b.binary(1024 * (i + 1), header), {"binary"}, "binary .txt (NULs)"))
    for i in range(2):
        bad_txt.append((f"binary-nonul-{i}.txt", b.no_nul_binary(4096), {"binary", "encoding"},
                        "binary .txt without NULs"))
    for i in range(5):
        bad_txt.append((f"empty-{i}.txt", b"", {"empty"}, "empty .txt"))
    for i, data in enumerate((b"   ", b"\n\n\t \r\n", codecs.BOM_UTF8 + b" \n\t")):
        bad_txt.append((f"blank-{i}.txt", data, {"empty"}, "whitespace-only .txt"))
    for i in range(8):
        bad_txt.append((f"badenc-{i}.txt", b.bad_encoding(stories[-2 - i]), {"encoding"},
                        "bytes undefined in UTF-8 and cp1252"))
    bad_txt.append(("bad-utf16.txt", codecs.BOM_UTF16_LE + "Kabul".encode("utf-16-le") + b"\x00\xd8",
                    {"encoding"}, "UTF-16 BOM, not UTF-16"))
    every = max(1, txt_good // (len(bad_txt) + 1))
    bad_iter = iter(bad_txt)
    for i in range(txt_good):
        encoding, variant = variants.get(i, ("utf-8", ""))
        b.good_txt(encoding=encoding, variant=variant)
        if (i + 1) % every == 0:
            item = next(bad_iter, None)
            if item:
                b.broken_file(b.txt_rel(item[0]), item[1], item[2], item[3])
    for item in bad_iter:
        b.broken_file(b.txt_rel(item[0]), item[1], item[2], item[3])
    big = b.big_file()

    for n in range(PAGES):
        b.good_page(n, cp1252=n == 7, suffix=".htm" if n == 8 else ".html")
    b.broken_file("pages/01/binary-0.html", b.binary(3000, b"\x1f\x8b\x08\x00"), {"binary"}, "binary .html")
    b.broken_file("pages/02/binary-1.html", b.binary(9000), {"binary"}, "binary .html")
    b.broken_file("pages/03/empty.html", b"", {"empty"}, "empty .html")
    b.broken_file("pages/03/blank.html", b" \r\n\t\n", {"empty"}, "whitespace-only .html")
    b.broken_file("pages/04/badenc.html", b"<html><body><p>" + b.bad_encoding(sample_story) + b"</p></body></html>",
                  {"encoding"}, ".html with bytes undefined in UTF-8 and cp1252")

    for n in range(1, FEEDS + 1):
        b.good_feed(n)
    for n in range(1, TRUNCATED_FEEDS + 1):
        b.truncated_feed(n)
    text = json.dumps(sample_story.text())
    b.mixed_feed(1, [
        (b"[1, 2, 3]", {"malformed"}, "JSONL line: an array"),
        (b'"just a string"', {"malformed"}, "JSONL line: a string"),
        (b"null", {"malformed"}, "JSONL line: null"),
        (b'{"id": "x-no-text", "title": "A record without text"}', {"malformed"}, "JSONL record without text"),
    ])
    b.mixed_feed(2, [
        (b'{"id": "x-text-int", "text": 42}', {"malformed"}, "JSONL record: text is a number"),
        (b'{"id": "x-blank", "text": "  \\n "}', {"empty"}, "JSONL record: blank text"),
        (b'{"id": ["x"], "text": ' + text.encode() + b"}", {"malformed"}, "JSONL record: id is a list"),
        (b'{"id": "x-cut", "text": "Gunmen attacked', {"malformed"}, "JSONL line cut mid-record, mid-file"),
    ])
    b.broken_file("feeds/binary.jsonl", b.binary(5000), {"binary"}, "binary .jsonl")
    b.ignored()
    if len(b.expected.docs) != articles:
        raise SystemExit(f"bench bug: built {len(b.expected.docs)} good articles, not {articles}")
    return b.expected, big


def check(expected: Expected, out: Path, problems: Path, rc: int, counts: tuple[int, int, int] | None,
          peak_rss: float | None) -> tuple[list[str], list[str], dict[str, object]]:
    """(failures, notes, figures)."""
    failures: list[str] = []
    notes: list[str] = []
    figures: dict[str, object] = {}
    if rc != 3:
        failures.append(f"exit status {rc}, expected 3 (finished, some inputs could not be read)")

    # ---- problems
    reported: Counter[tuple[str, int | None]] = Counter()
    kinds: dict[tuple[str, int | None], tuple[str, str]] = {}
    lines = problems.read_text(encoding="utf-8").splitlines() if problems.exists() else []
    if not problems.exists():
        failures.append(f"no problems file at {problems}")
    for n, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
            key = (item["source"], item["line"])
        except (ValueError, KeyError, TypeError) as e:
            failures.append(f"problems line {n} is not a problem record ({e}): {line[:200]}")
            continue
        reported[key] += 1
        kinds[key] = (str(item.get("kind")), str(item.get("message")))
    figures["problem lines"] = len(lines)
    if len(lines) != len(expected.broken):
        failures.append(f"problems file has {len(lines)} lines, expected exactly {len(expected.broken)}")
    for key, count in reported.items():
        if count > 1:
            failures.append(f"reported {count} times: {_where(key)}")
    for key in sorted(set(expected.broken) - set(reported), key=_sort_key):
        failures.append(f"broken input NOT reported: {_where(key)} ({expected.broken[key].what})")
    for key in sorted(set(reported) - set(expected.broken), key=_sort_key):
        failures.append(f"reported but not broken: {_where(key)}: {kinds[key][0]}: {kinds[key][1]}")
    for key in sorted(set(reported) & set(expected.broken), key=_sort_key):
        kind, message = kinds[key]
        want = expected.broken[key]
        if "too_large" in want.kinds:
            figures["big file"] = f"{kind}: {message}"
        if kind not in want.kinds:
            text = (f"{_where(key)} ({want.what}) reported as {kind!r}, expected {' or '.join(sorted(want.kinds))}: "
                    f"{message}")
            (failures if "too_large" in want.kinds else notes).append(text)

    # ---- docs
    seen: Counter[str] = Counter()
    bad_text: list[str] = []
    bad_encoding: list[str] = []
    with_problems = 0
    if not out.exists():
        failures.append(f"no output at {out}")
    else:
        with open(out, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                try:
                    doc = json.loads(line)
                    article = doc["article"]
                    aid = article["id"]
                except (ValueError, KeyError, TypeError) as e:
                    failures.append(f"output line {n} is not a doc ({e}): {line[:200]}")
                    continue
                seen[aid] += 1
                with_problems += bool(doc.get("problems"))
                good = expected.docs.get(aid)
                if good is None:
                    continue
                if good.text is not None and article.get("text") != good.text:
                    bad_text.append(f"{aid} ({good.what})")
                if good.encoding is not None and article.get("encoding") != good.encoding:
                    bad_encoding.append(f"{aid} ({good.what}): {article.get('encoding')!r}, expected {good.encoding!r}")
                if good.what == "page cp1252" and "\u201cWe\u2019re safe,\u201d" not in article.get("text", ""):
                    bad_text.append(f"{aid} ({good.what}): curly quotes not decoded")
    figures["docs written"] = sum(seen.values())
    figures["docs with stage or ingest problems"] = with_problems
    missing = sorted(set(expected.docs) - set(seen))
    dupes = sorted(k for k, v in seen.items() if v > 1)
    unexpected = sorted(set(seen) - set(expected.docs))
    if sum(seen.values()) != len(expected.docs):
        failures.append(f"output has {sum(seen.values())} docs, expected exactly {len(expected.docs)}")
    for name, items in (("good articles missing from the output", [f"{k} ({expected.docs[k].what})" for k in missing]),
                        ("articles written more than once", [f"{k} x{seen[k]}" for k in dupes]),
                        ("unexpected article ids in the output", unexpected),
                        ("articles whose text differs from the input", bad_text),
                        ("articles with the wrong encoding", bad_encoding)):
        if items:
            failures.append(f"{len(items)} {name}: " + ", ".join(items[:15]) + (" ..." if len(items) > 15 else ""))
    ignored = [p for p in expected.ignored if p in seen or any(k[0] == p for k in reported)]
    if ignored:
        failures.append("files that are no articles were read: " + ", ".join(ignored))

    # ---- the summary line and the big file
    if counts is None:
        failures.append("no 'sitrep: N articles, ... failed inputs' summary on stderr")
    elif counts[0] != len(expected.docs) or counts[2] != len(expected.broken):
        failures.append(f"sitrep's summary says {counts[0]} articles and {counts[2]} failed inputs, expected "
                        f"{len(expected.docs)} and {len(expected.broken)}")
    if peak_rss is not None and peak_rss >= BIG_FILE_BYTES / 1024**2:
        failures.append(f"peak RSS {peak_rss:.0f} MB: the 200 MB file may have been read")
    return failures, notes, figures


def _where(key: tuple[str, int | None]) -> str:
    return f"{key[0]}:{key[1]}" if key[1] is not None else key[0]


def _sort_key(key: tuple[str, int | None]) -> tuple[str, int]:
    return key[0], key[1] or 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000, help="good articles (default 10000)")
    ap.add_argument("--words", type=int, default=300, help="words per article, about (default 300)")
    ap.add_argument("--shared", metavar="DIR", help="the shared folder (default: $SITREP_SHARED, else ../shared)")
    ap.add_argument("--cmd", help="how to start sitrep (default: the sitrep next to this Python)")
    ap.add_argument("--workdir", metavar="DIR", help="build in a new folder here (default: /tmp)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus, output and problems afterwards")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds allowed for the run (default 3600)")
    ap.add_argument("--markdown", action="store_true", help="also print the results as markdown")
    args = ap.parse_args()
    if args.articles < MIN_ARTICLES:
        ap.error(f"--articles must be at least {MIN_ARTICLES}")
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    sitrep = sitrep_argv(args.cmd)
    work = Path(tempfile.mkdtemp(prefix="sitrep-bench-broken-", dir=args.workdir))
    try:
        stories = build_stories(load_texts(shared), args.articles + 20, words=args.words)
        expected, big = build(work, stories, args.articles)
        st = big.stat()
        files = sum(len(f) for _, _, f in os.walk(work / ROOT_ARG))
        print(f"built {work / ROOT_ARG}: {files:,} files, {len(expected.docs):,} good articles, "
              f"{len(expected.broken)} broken inputs, {len(expected.ignored)} files that are no articles; "
              f"the big file is {st.st_size:,} bytes, {st.st_blocks * 512:,} on disk", flush=True)
        argv = [*sitrep, "extract", ROOT_ARG, "--format", "docs", "--out", "out.jsonl", "--problems",
                "problems.jsonl", "--no-progress"]
        run = timed_run(argv, cwd=work, timeout=args.timeout)
        counts = summary_counts(run.stderr)
        failures, notes, figures = check(expected, work / "out.jsonl", work / "problems.jsonl", run.rc, counts,
                                         run.peak_rss_mb)
        atime_note = " (access time unchanged)" if big.stat().st_atime == st.st_atime else \
            " (its access time changed: it was read)"
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    command = "sitrep extract " + " ".join(argv[len(sitrep) + 1:])
    rate = len(expected.docs) / run.seconds
    table = [
        ("command (in the work folder)", command),
        ("exit status", str(run.rc)),
        ("good articles / broken inputs", f"{len(expected.docs):,} / {len(expected.broken)}"),
        ("docs written", f"{figures.get('docs written', 0):,}"),
        ("problem lines", str(figures.get("problem lines", 0))),
        ("docs with problems on them (not failures)", str(figures.get("docs with stage or ingest problems", 0))),
        ("seconds (wall)", f"{run.seconds:.2f}"),
        ("good articles/s", f"{rate:,.0f}"),
        ("peak RSS MB", "n/a" if run.peak_rss_mb is None else f"{run.peak_rss_mb:.1f}"),
        ("200 MB file", f"{figures.get('big file', 'not reported')}{atime_note}"),
    ]
    print()
    for key, value in describe_machine():
        print(f"{key}: {value}")
    for key, value in table:
        print(f"{key}: {value}")
    print(f"stderr, last lines:\n{run.stderr_tail(3)}")
    if notes:
        print("\nNotes (a different kind of error than expected; the input was still reported):")
        for n in notes:
            print(f"  - {n}")
    print()
    if failures:
        print(f"FAIL: {len(failures)} check(s) failed:")
        for f in failures:
            print(f"  - {f}")
    else:
        print("PASS: exit status 3; every broken input reported once, by file and line; every good article "
              "written once, with its id, text and encoding; nothing else read")
    if args.markdown:
        print("\n--- markdown ---\n")
        print(f"Command: `.venv/bin/python bench/bench_broken.py {' '.join(sys.argv[1:])}`".rstrip() +
              f" ({dt.date.today().isoformat()})\n")
        for key, value in describe_machine():
            print(f"- {key}: {value}")
        print("\n| figure | value |\n|:--|--:|")
        for key, value in table:
            print(f"| {key} | {value.replace('|', '/')} |")
        print(f"\nResult: {'PASS' if not failures else 'FAIL (' + '; '.join(failures) + ')'}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
