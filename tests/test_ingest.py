"""Ingest: files, directories, JSON Lines, standard input and web pages into Docs or InputErrors."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from sitrep.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    InputError,
    InputTooLargeError,
    UnreadableInputError,
)
from sitrep.models import Doc
from sitrep.settings import Settings
from sitrep.stages.ingest import read_inputs
from sitrep.vocab import PublishedFrom

SMALL = Settings().with_(max_input_bytes="1k")


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def _read(args: list[str], settings: Settings | None = None, **kw: object) -> list[Doc | InputError]:
    return list(read_inputs(args, settings or Settings(), **kw))  # type: ignore[arg-type]


def _one(args: list[str], settings: Settings | None = None) -> Doc | InputError:
    items = _read(args, settings)
    assert len(items) == 1, items
    return items[0]


def _jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode("utf-8") + b"\n" for r in records)


def _summary(items: list[Doc | InputError]) -> list[tuple[str, object]]:
    """(kind, id-or-line) for each item: what a caller sees, in order."""
    return [(type(i).__name__, i.line) if isinstance(i, InputError) else ("Doc", i.article.id) for i in items]


# ----------------------------------------------------------------------------- .txt decoding

@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param("Héllo wörld.\nSecond line.\n".encode(), "Héllo wörld.\nSecond line.\n", "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + "Héllo wörld.".encode(), "\ufeffHéllo wörld.", "utf-8", id="utf-8-bom"),
        pytest.param(b"He said \x93hold\x94 at the caf\xe9.", "He said \u201chold\u201d at the café.", "cp1252",
                     id="cp1252"),
        pytest.param(b"Caf\xe9 na\xefve \xe0 Mosul.", "Café naïve à Mosul.", "latin-1", id="latin-1"),
        pytest.param("Héllo UTF-16 wörld.".encode("utf-16"), "Héllo UTF-16 wörld.", "utf-16", id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + "Héllo big end.".encode("utf-16-be"), "Héllo big end.", "utf-16",
                     id="utf-16-be-bom"),
        pytest.param(b"Line one.\r\nLine two.\r\n", "Line one.\r\nLine two.\r\n", "utf-8", id="crlf-kept"),
    ],
)
def test_ingest_txt_decodes(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    path = _write(tmp_path, "a.txt", data)
    doc = _one([str(path)])
    assert isinstance(doc, Doc)
    assert doc.article.text == text
    assert doc.article.encoding == encoding
    assert doc.article.id == doc.article.path == str(path)


def test_ingest_txt_bom_keeps_offsets_of_a_utf8_reader(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + b"Clashes in Raqqa."
    doc = _one([str(_write(tmp_path, "a.txt", raw))])
    assert isinstance(doc, Doc)
    plain = raw.decode("utf-8")  # what any UTF-8 reader sees, BOM included
    assert doc.article.text == plain
    assert doc.article.text.index("Raqqa") == plain.index("Raqqa") == 12


@pytest.mark.parametrize("suffix", [".txt", ".TXT", ".text"])
def test_ingest_txt_suffixes_read(tmp_path: Path, suffix: str) -> None:
    doc = _one([str(_write(tmp_path, "a" + suffix, "Some text."))])
    assert isinstance(doc, Doc)
    assert doc.article.text == "Some text."


# ----------------------------------------------------------------------------- .txt errors

@pytest.mark.parametrize(
    ("name", "data", "error", "kind", "phrases"),
    [
        pytest.param("empty.txt", b"", EmptyInputError, "empty", ["empty file"], id="empty"),
        pytest.param("ws.txt", b"  \n\t\r\n  ", EmptyInputError, "empty", ["nothing but whitespace"],
                     id="whitespace"),
        pytest.param("bom.txt", codecs.BOM_UTF8 + b" \n", EmptyInputError, "empty", ["nothing but whitespace"],
                     id="bom-and-whitespace"),
        pytest.param("u16.txt", " \n ".encode("utf-16"), EmptyInputError, "empty", ["nothing but whitespace"],
                     id="utf-16-whitespace"),
        pytest.param("bin.txt", b"PK\x03\x04\x00\x00\x08\x00abc", BinaryInputError, "binary", ["binary", "NUL"],
                     id="nul-bytes"),
        pytest.param("ctl.txt", b"\x01\x02\x03\x04\x05\x06" * 20 + b"abc", BinaryInputError, "binary",
                     ["control characters"], id="control-characters"),
        pytest.param("bad.txt", b"Clashes \x81 in Raqqa.", EncodingInputError, "encoding",
                     ["not valid UTF-8", "0x81", "cp1252", "re-save it as UTF-8"], id="bad-encoding"),
        pytest.param("odd.txt", codecs.BOM_UTF16_LE + b"a\x00b", EncodingInputError, "encoding",
                     ["UTF-16", "re-save it as UTF-8"], id="broken-utf-16"),
        pytest.param("big.txt", b"a" * 2048, InputTooLargeError, "too_large",
                     ["2,048 bytes", "1,024", "--max-input-bytes"], id="too-large"),
        pytest.param("a.pdf", b"%PDF-1.4", UnreadableInputError, "unreadable",
                     ["unsupported file type", "'.pdf'", ".txt"], id="unsupported-suffix"),
        pytest.param("README", b"text", UnreadableInputError, "unreadable",
                     ["unsupported file type", "(no suffix)"], id="no-suffix"),
    ],
)
def test_ingest_file_errors_name_the_file(
    tmp_path: Path, name: str, data: bytes, error: type[InputError], kind: str, phrases: list[str]
) -> None:
    path = _write(tmp_path, name, data)
    err = _one([str(path)], SMALL)
    assert type(err) is error
    assert err.kind == kind
    assert err.source == str(path)
    assert err.line is None
    assert str(err).startswith(f"{path}: ")
    for phrase in phrases:
        assert phrase in str(err)


def test_ingest_missing_path_is_unreadable(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    err = _one([missing])
    assert isinstance(err, UnreadableInputError)
    assert err.source == missing
    assert str(err) == f"{missing}: no such file or directory"


@pytest.mark.parametrize(("size", "ok"), [(1024, True), (1025, False)])
def test_ingest_size_limit_is_inclusive(tmp_path: Path, size: int, ok: bool) -> None:
    item = _one([str(_write(tmp_path, "a.txt", b"a" * size))], SMALL)
    assert isinstance(item, Doc) is ok
    if not ok:
        assert isinstance(item, InputTooLargeError)


def test_ingest_errors_do_not_stop_the_next_inputs(tmp_path: Path) -> None:
    good1 = _write(tmp_path, "1.txt", "First.")
    bad = _write(tmp_path, "2.txt", b"")
    good2 = _write(tmp_path, "3.txt", "Third.")
    items = _read([str(good1), str(bad), str(tmp_path / "gone.txt"), str(good2)])
    assert _summary(items) == [("Doc", str(good1)), ("EmptyInputError", None), ("UnreadableInputError", None),
                               ("Doc", str(good2))]


# ----------------------------------------------------------------------------- .jsonl records

def test_ingest_jsonl_fields_ids_and_extra(tmp_path: Path) -> None:
    path = _write(tmp_path, "in.jsonl", _jsonl(
        {"id": "a1", "text": "Alpha.", "title": "T", "published": "2017-10-16", "url": "https://e.org/a1",
         "source": "AFP", "lang": "en", "tags": ["x", 1]},
        {"id": 42, "text": "Numeric id."},
        {"text": "No id."},
        {"id": "", "text": "Empty id."},
    ))
    docs = _read([str(path)])
    assert all(isinstance(d, Doc) for d in docs)
    a1, n42, noid, emptyid = (d.article for d in docs)  # type: ignore[union-attr]
    assert (a1.id, a1.title, a1.url, a1.source) == ("a1", "T", "https://e.org/a1", "AFP")
    assert a1.published == dt.date(2017, 10, 16)
    assert a1.published_from is PublishedFrom.METADATA
    assert dict(a1.extra) == {"lang": "en", "tags": ["x", 1]}
    assert (a1.path, a1.line) == (str(path), 1)
    assert n42.id == "42"
    assert noid.id == f"{path}:3"
    assert emptyid.id == f"{path}:4"
    assert noid.published is None and noid.published_from is PublishedFrom.NONE
    assert not noid.extra


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2017-10-16", dt.date(2017, 10, 16)),
        ("2017-10-16T08:30:00Z", dt.datetime(2017, 10, 16, 8, 30, tzinfo=dt.UTC)),
        ("2017-10-16T08:30:00+03:00", dt.datetime(2017, 10, 16, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
        ("2017-10-16 08:30", dt.datetime(2017, 10, 16, 8, 30)),
    ],
)
def test_ingest_jsonl_published_iso(tmp_path: Path, published: str, expected: dt.date) -> None:
    doc = _one([str(_write(tmp_path, "in.jsonl", _jsonl({"id": "a", "text": "x", "published": published})))])
    assert isinstance(doc, Doc)
    assert doc.article.published == expected
    assert doc.article.published_from is PublishedFrom.METADATA
    assert doc.problems == ()


@pytest.mark.parametrize("published", ["16/10/2017", "2017-02-30", "yesterday", 20171016])
def test_ingest_jsonl_bad_published_is_a_problem_not_an_error(tmp_path: Path, published: object) -> None:
    doc = _one([str(_write(tmp_path, "in.jsonl", _jsonl({"id": "a", "text": "Still read.", "published": published})))])
    assert isinstance(doc, Doc)
    assert doc.article.text == "Still read."
    assert doc.article.published is None
    assert doc.article.published_from is PublishedFrom.NONE
    assert len(doc.problems) == 1
    assert doc.problems[0].stage == "ingest"
    assert "published" in doc.problems[0].message
    assert repr(published) in doc.problems[0].message


def test_ingest_jsonl_non_string_title_is_a_problem(tmp_path: Path) -> None:
    doc = _one([str(_write(tmp_path, "in.jsonl", _jsonl({"id": "a", "text": "x", "title": 5})))])
    assert isinstance(doc, Doc)
    assert doc.article.title is None
    assert [p.stage for p in doc.problems] == ["ingest"]
    assert "\"title\" is a number" in doc.problems[0].message


def test_ingest_jsonl_bad_lines_are_errors_in_place(tmp_path: Path) -> None:
    lines = [
        b'{"id": "one", "text": "First."}',
        b'{"id": "notext"}',
        b"",
        b"   ",
        b"[1, 2]",
        b'{"id": "two", "text": "Second."}',
        b'{"id": "broken", "text": ',
        b'{"id": "three", "text": "Third."}',
        b'{"id": "blank", "text": "   "}',
        b'{"id": ["x"], "text": "list id"}',
        b'{"id": "four", "text": 4}',
        b'{"id": "five", "text": "Fifth."}',
        b'{"id": "cut", "text": "the file ends he',
    ]
    path = _write(tmp_path, "in.jsonl", b"\n".join(lines))
    items = _read([str(path)])
    assert _summary(items) == [
        ("Doc", "one"),
        ("MalformedInputError", 2),
        ("MalformedInputError", 5),
        ("Doc", "two"),
        ("MalformedInputError", 7),
        ("Doc", "three"),
        ("EmptyInputError", 9),
        ("MalformedInputError", 10),
        ("MalformedInputError", 11),
        ("Doc", "five"),
        ("MalformedInputError", 13),
    ]
    errors = {e.line: e for e in items if isinstance(e, InputError)}
    assert all(e.source == str(path) for e in errors.values())
    assert str(errors[2]).startswith(f"{path}:2: ")
    assert 'no "text"' in errors[2].detail
    assert "an array, not an object" in errors[5].detail
    assert "not valid JSON" in errors[7].detail
    assert '"text" is empty' in errors[9].detail
    assert '"id" is an array' in errors[10].detail
    assert '"text" is a number' in errors[11].detail
    assert "truncated" in errors[13].detail
    lines_of_docs = [d.article.line for d in items if isinstance(d, Doc)]
    assert lines_of_docs == [1, 6, 8, 12]


def test_ingest_jsonl_last_line_without_newline_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "in.jsonl", b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}')
    assert _summary(_read([str(path)])) == [("Doc", "a"), ("Doc", "b")]


def test_ingest_jsonl_crlf_and_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "in.jsonl", codecs.BOM_UTF8 + b'{"id": "a", "text": "x"}\r\n{"id": "b", "text": "y"}\r\n')
    assert _summary(_read([str(path)])) == [("Doc", "a"), ("Doc", "b")]


def test_ingest_jsonl_over_long_line_is_skipped_alone(tmp_path: Path) -> None:
    long = b'{"id": "long", "text": "' + b"x" * 3000 + b'"}'
    path = _write(tmp_path, "in.jsonl", b'{"id": "a", "text": "x"}\n' + long + b'\n{"id": "c", "text": "z"}\n' + long)
    items = _read([str(path)], SMALL)
    assert _summary(items) == [("Doc", "a"), ("InputTooLargeError", 2), ("Doc", "c"), ("InputTooLargeError", 4)]
    err = items[1]
    assert isinstance(err, InputTooLargeError)
    assert str(err).startswith(f"{path}:2: ")
    assert "1,024" in err.detail and "--max-input-bytes" in err.detail


def test_ingest_jsonl_limit_is_per_line_not_per_file(tmp_path: Path) -> None:
    records = [{"id": str(i), "text": "y" * 500} for i in range(5)]
    path = _write(tmp_path, "in.jsonl", _jsonl(*records))
    assert path.stat().st_size > 2048
    assert _summary(_read([str(path)], SMALL)) == [("Doc", str(i)) for i in range(5)]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'{"id":"a","text":"x"}\n\x00\x01\x02\n\x00\n\x00\n\x00\n', id="nul-after-a-good-line"),
        pytest.param(b"\x00" * 100 + b"\n" + b"\x00\n" * 50, id="all-nul"),
    ],
)
def test_ingest_jsonl_binary_file_is_one_error(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "in.jsonl", data)
    items = _read([str(path)])
    assert len(items) == 1
    assert isinstance(items[0], BinaryInputError)
    assert items[0].source == str(path)
    assert items[0].line is None
    assert "binary" in str(items[0])


def test_ingest_jsonl_empty_file_yields_nothing(tmp_path: Path) -> None:
    assert _read([str(_write(tmp_path, "in.jsonl", b""))]) == []


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".JSONL"])
def test_ingest_jsonl_suffixes(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, "in" + suffix, _jsonl({"id": "a", "text": "x"}))
    assert _summary(_read([str(path)])) == [("Doc", "a")]


def test_ingest_jsonl_legacy_encoded_line_is_decoded(tmp_path: Path) -> None:
    path = _write(tmp_path, "in.jsonl", b'{"id": "a", "text": "caf\xe9 \x93quoted\x94"}\n')
    doc = _one([str(path)])
    assert isinstance(doc, Doc)
    assert doc.article.text == "café \u201cquoted\u201d"


def test_ingest_jsonl_legacy_encoded_line_reports_its_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "in.jsonl", b'{"id": "a", "text": "caf\xe9 \x93quoted\x94"}\n')
    doc = _one([str(path)])
    assert isinstance(doc, Doc)
    assert doc.article.encoding == "cp1252"


def test_ingest_jsonl_utf16_is_read_or_one_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "in.jsonl", _jsonl({"id": "a", "text": "x"}, {"id": "b", "text": "y"})
                  .decode().encode("utf-16"))
    items = _read([str(path)])
    assert _summary(items) in ([("Doc", "a"), ("Doc", "b")], [("EncodingInputError", None)])


# ----------------------------------------------------------------------------- standard input

def test_ingest_stdin_jsonl(tmp_path: Path) -> None:
    stdin = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\n\n{"text": "No id."}\nnot json\n')
    items = _read(["-"], stdin=stdin)
    assert _summary(items) == [("Doc", "s1"), ("Doc", "-:3"), ("MalformedInputError", 4)]
    assert items[0].article.path == "-"  # type: ignore[union-attr]
    assert items[2].source == "-"  # type: ignore[union-attr]
    assert str(items[2]).startswith("-:4: ")


def test_ingest_stdin_mixed_with_files(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "A file.")
    items = _read([str(path), "-"], stdin=io.BytesIO(_jsonl({"id": "s", "text": "x"})))
    assert _summary(items) == [("Doc", str(path)), ("Doc", "s")]


def test_ingest_stdin_binary_is_one_error() -> None:
    items = _read(["-"], stdin=io.BytesIO(b"\x00\x01\x02\n\x00\n\x00\n"))
    assert _summary(items) == [("BinaryInputError", None)]


# ----------------------------------------------------------------------------- directories

def _tree(root: Path) -> None:
    _write(root, "in/a.txt", "A.")
    _write(root, "in/b.jsonl", _jsonl({"text": "B."}))
    _write(root, "in/sub/c.txt", "C.")
    _write(root, "in/sub/deeper/d.html",
           "<html><body><article><p>" + "Fighters clashed with militants near the town on Monday. " * 4
           + "</p></article></body></html>")
    _write(root, "in/sub/e.TXT", "E.")
    _write(root, "in/.hidden.txt", "hidden")
    _write(root, "in/.git/f.txt", "hidden folder")
    _write(root, "in/sub/.cache/g.txt", "hidden folder")
    _write(root, "in/notes.md", "not an article")
    _write(root, "in/data.csv", "a,b")
    _write(root, "in/sub/image.png", b"\x89PNG\x00\x00")


EXPECTED_TREE = ["in/a.txt", "in/b.jsonl:1", "in/sub/c.txt", "in/sub/e.TXT", "in/sub/deeper/d.html"]


@pytest.mark.parametrize("arg", ["in", "in/"])
def test_ingest_directory_recursive_sorted_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arg: str) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    items = _read([arg])
    assert all(isinstance(i, Doc) for i in items), items
    assert [i.article.id for i in items] == EXPECTED_TREE  # type: ignore[union-attr]
    assert [i.article.path for i in items] == [  # type: ignore[union-attr]
        "in/a.txt", "in/b.jsonl", "in/sub/c.txt", "in/sub/e.TXT", "in/sub/deeper/d.html"]


def test_ingest_directory_ids_keep_the_arg_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert [i.article.id for i in _read(["in/sub"])] == [  # type: ignore[union-attr]
        "in/sub/c.txt", "in/sub/e.TXT", "in/sub/deeper/d.html"]
    absolute = [i.article.id for i in _read([str(tmp_path / "in")])]  # type: ignore[union-attr]
    assert absolute == [f"{tmp_path}/{rel}" for rel in EXPECTED_TREE]


def test_ingest_directory_ids_are_stable_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    first = [i.article.id for i in _read(["in"])]  # type: ignore[union-attr]
    second = [i.article.id for i in _read(["in"])]  # type: ignore[union-attr]
    assert first == second == EXPECTED_TREE


def test_ingest_directory_broken_file_is_an_error_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "in/a.txt", "A.")
    _write(tmp_path, "in/b.txt", b"")
    _write(tmp_path, "in/c.txt", "C.")
    monkeypatch.chdir(tmp_path)
    items = _read(["in"])
    assert _summary(items) == [("Doc", "in/a.txt"), ("EmptyInputError", None), ("Doc", "in/c.txt")]
    assert items[1].source == "in/b.txt"  # type: ignore[union-attr]


@pytest.mark.parametrize("names", [[], [".hidden.txt", "notes.md", ".git/a.txt"]])
def test_ingest_directory_without_articles_yields_nothing(tmp_path: Path, names: list[str]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    for name in names:
        _write(folder, name, "x")
    assert _read([str(folder)]) == []


# ----------------------------------------------------------------------------- .html

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Clashes reported near Raqqa | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Clashes reported near Raqqa">
<meta property="article:published_time" content="2017-10-16T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<article>
<h1>Clashes reported near Raqqa</h1>
<p>Fighters of the Syrian Democratic Forces clashed with Islamic State militants on the northern edge of
Raqqa on Monday, a spokesman for the alliance said.</p>
<p>At least four fighters were killed in the fighting, which lasted several hours, according to the Syrian
Observatory for Human Rights, a monitoring group based in Britain.</p>
<p>The alliance said its units had taken control of two neighbourhoods near the stadium and were clearing
mines left behind by the retreating militants.</p>
</article>
<footer><p>Copyright 2017 Example News. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>
"""


@pytest.mark.parametrize("fast", [False, True])
def test_ingest_html_article_and_metadata(tmp_path: Path, fast: bool) -> None:
    path = _write(tmp_path, "page.html", PAGE)
    doc = _one([str(path)], Settings().with_(html_fast=fast))
    assert isinstance(doc, Doc)
    a = doc.article
    assert "clashed with Islamic State militants" in a.text
    assert "retreating militants." in a.text
    for boilerplate in ("World news menu", "Copyright", "newsletter"):
        assert boilerplate not in a.text
    assert a.title == "Clashes reported near Raqqa"
    assert a.source == "Example News"
    assert a.published == dt.date(2017, 10, 16)
    assert a.published_from is PublishedFrom.METADATA
    assert (a.id, a.path, a.encoding) == (str(path), str(path), "utf-8")
    assert doc.problems == ()


@pytest.mark.parametrize("suffix", [".htm", ".HTML", ".xhtml"])
def test_ingest_html_suffixes(tmp_path: Path, suffix: str) -> None:
    doc = _one([str(_write(tmp_path, "page" + suffix, PAGE))])
    assert isinstance(doc, Doc)
    assert "Syrian Democratic Forces" in doc.article.text


def test_ingest_html_cp1252_page(tmp_path: Path) -> None:
    page = PAGE.replace("a spokesman", "\u201ca spokesman\u201d").encode("cp1252")
    doc = _one([str(_write(tmp_path, "page.html", page))])
    assert isinstance(doc, Doc)
    assert doc.article.encoding == "cp1252"
    assert "\u201ca spokesman\u201d" in doc.article.text


@pytest.mark.parametrize(
    ("page", "error", "phrase"),
    [
        pytest.param("<html><head><title>X</title></head><body></body></html>", EmptyInputError,
                     "no article text", id="empty-body"),
        pytest.param("<html><head><title>X</title></head><body><script>var a = 1;</script></body></html>",
                     EmptyInputError, "no article text", id="script-only"),
        pytest.param("", EmptyInputError, "empty file", id="empty-file"),
        pytest.param("<html>\x00\x00</html>", BinaryInputError, "binary", id="binary"),
    ],
)
def test_ingest_html_without_article_text_is_an_error(tmp_path: Path, page: str, error: type[InputError],
                                                      phrase: str) -> None:
    path = _write(tmp_path, "page.html", page)
    err = _one([str(path)])
    assert type(err) is error
    assert err.source == str(path)
    assert phrase in str(err)


def test_ingest_html_navigation_only_page_is_empty(tmp_path: Path) -> None:
    page = ("<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
            "<li><a href='/w'>World</a></li></ul></nav><footer><p>Copyright 2017 Example News. "
            "All rights reserved.</p></footer></body></html>")
    assert isinstance(_one([str(_write(tmp_path, "menu.html", page))]), EmptyInputError)


def test_ingest_html_date_in_body_text_is_not_metadata(tmp_path: Path) -> None:
    page = ("<html><head><title>Clashes</title></head><body><article><p>Fighters of the Syrian Democratic "
            "Forces clashed with Islamic State militants on the edge of Raqqa, a spokesman for the alliance "
            "said on October 16, 2017.</p><p>At least four fighters were killed in the fighting, which lasted "
            "several hours, according to a monitoring group based in Britain.</p></article></body></html>")
    doc = _one([str(_write(tmp_path, "page.html", page))])
    assert isinstance(doc, Doc)
    assert doc.article.published_from is not PublishedFrom.METADATA


def test_ingest_html_declared_charset_is_used(tmp_path: Path) -> None:
    body = "Бойовики обстріляли Маріуполь у понеділок, загинули четверо мирних жителів. " * 4
    page = (f'<html><head><meta charset="windows-1251"><title>Обстріл</title></head><body><article>'
            f"<p>{body}</p><p>{body}</p></article></body></html>")
    item = _one([str(_write(tmp_path, "page.html", page.encode("cp1251")))])
    assert isinstance(item, EncodingInputError) or (isinstance(item, Doc) and "Маріуполь" in item.article.text)


def test_ingest_html_too_large(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.html", PAGE + "<!--" + "x" * 2048 + "-->")
    err = _one([str(path)], SMALL)
    assert isinstance(err, InputTooLargeError)
    assert "--max-input-bytes" in str(err)


def test_ingest_nul_bytes_after_the_first_8kb_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(b"Gunmen attacked a village on Monday, police said.\n" * 200 + b"\x00" * 50_000)
    (err,) = list(read_inputs([str(path)], Settings()))
    assert isinstance(err, BinaryInputError)
    assert "control characters" in str(err)
