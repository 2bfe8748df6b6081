"""Ingest: read files, directories, JSONL and standard input into Docs, one article each.

Inputs are untrusted bytes. Every file is size-checked before it is read, decoded by sitrep itself
(UTF-8 with or without BOM, else cp1252/latin-1; never a crash on bytes), and HTML is handed to
trafilatura as text, never as bytes it might decompress. Whatever cannot be read becomes one
:class:`~sitrep.errors.InputError` naming the file (and the JSONL line) and the batch goes on:
:func:`read_inputs` yields the error in the article's place instead of raising it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

import orjson

from ..dates import parse_iso
from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
    UnreadableInputError,
)
from ..models import Article, Doc, Problem
from ..settings import Settings
from ..vocab import PublishedFrom

__all__ = ["SUFFIXES", "decode_bytes", "read_inputs", "read_path"]

log = logging.getLogger(__name__)

TEXT_SUFFIXES: Final = frozenset({".txt", ".text"})
HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
SUFFIXES: Final = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_RECORD_KEYS: Final = frozenset({"id", "text", "title", "published", "url", "source"})
_SNIFF: Final = 8192
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


# ----------------------------------------------------------------------------- decoding

_JSON_TYPES: Final = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
                      bool: "true or false", type(None): "null"}


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)

def _looks_binary(sample: bytes) -> bool:
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in sample


def _control_share(text: str) -> float:
    """The share of control characters in the whole text (NULs after the first 8 KB included)."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def decode_bytes(data: bytes, source: str, *, line: int | None = None) -> tuple[str, str]:
    """Decode an input's bytes: ``(text, encoding)``.

    UTF-8 (a BOM is kept as the text's first character, so offsets match what a UTF-8 reader
    sees), UTF-16 with a BOM, else the legacy Western encodings: latin-1 when no byte falls in
    0x80-0x9F, cp1252 otherwise. Raises :class:`BinaryInputError` or :class:`EncodingInputError`.
    """
    if _looks_binary(data[:_SNIFF]):
        raise BinaryInputError(source, "binary data (NUL bytes), not text; is this really an article?", line=line)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise EncodingInputError(source, f"starts with a UTF-16 byte-order mark but is not UTF-16 ({e.reason} "
                                     f"at byte {e.start}); re-save it as UTF-8", line=line) from None
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin-1"
        except UnicodeDecodeError:
            raise EncodingInputError(
                source,
                f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02X} at offset {utf8_error.start}) and not "
                "cp1252 or latin-1 text either; re-save it as UTF-8",
                line=line,
            ) from None
    if _control_share(text) > 0.05:
        raise BinaryInputError(source, f"{encoding} text full of control characters; is this really an article?",
                               line=line)
    return text, encoding


# ----------------------------------------------------------------------------- files

def _read_limited(path: Path, source: str, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputTooLargeError(source, f"{size:,} bytes, over the limit of {limit:,} "
                                     "(raise it with --max-input-bytes)")
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except InputError:
        raise
    except OSError as e:
        raise UnreadableInputError(source, f"cannot read: {e.strerror or e}") from None
    if len(data) > limit:  # it grew while we looked
        raise InputTooLargeError(source, f"over the limit of {limit:,} bytes (raise it with --max-input-bytes)")
    return data


def _text_article(path: Path, source: str, settings: Settings) -> Doc:
    data = _read_limited(path, source, settings.max_input_bytes)
    if not data.strip():
        raise EmptyInputError(source, "empty file" if not data else "nothing but whitespace")
    text, encoding = decode_bytes(data, source)
    if not text.strip("\ufeff \t\r\n\u00a0"):
        raise EmptyInputError(source, "nothing but whitespace")
    return Doc(article=Article(id=source, text=text, path=source, encoding=encoding))


_META_CHARSET: Final = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, if Python knows it and it is not UTF-8."""
    m = _META_CHARSET.search(data[:4096])
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name in ("utf-8", "utf-16", "utf-16-le", "utf-16-be") else name


def _html_article(path: Path, source: str, settings: Settings) -> Doc:
    from .ingest_html import extract_html

    data = _read_limited(path, source, settings.max_input_bytes)
    if not data.strip():
        raise EmptyInputError(source, "empty file" if not data else "nothing but whitespace")
    declared = _declared_charset(data)
    html: str | None = None
    if declared is not None and not _looks_binary(data[:_SNIFF]):
        try:
            data.decode("utf-8")  # valid UTF-8 wins over a wrong declaration
        except UnicodeDecodeError:
            try:
                html, encoding = data.decode(declared), declared
            except UnicodeDecodeError:
                html = None
    if html is None:
        html, encoding = decode_bytes(data, source)
    return extract_html(html, source=source, encoding=encoding, fast=settings.html_fast)


# ----------------------------------------------------------------------------- JSONL

def _record_article(record: Any, source: str, line: int, encoding: str = "utf-8") -> Doc:
    if not isinstance(record, dict):
        raise MalformedInputError(source, f"{_json_type(record)}, not an object with \"id\" and \"text\"",
                                  line=line)
    text = record.get("text")
    if not isinstance(text, str):
        what = "no \"text\"" if text is None else f"\"text\" is {_json_type(text)}, not a string"
        raise MalformedInputError(source, f"{what}; every record needs the article's text", line=line)
    if not text.strip():
        raise EmptyInputError(source, "\"text\" is empty", line=line)
    rid = record.get("id")
    if rid is None or rid == "":
        rid = f"{source}:{line}"
    elif isinstance(rid, (int, float)) and not isinstance(rid, bool):
        rid = str(rid)
    elif not isinstance(rid, str):
        raise MalformedInputError(source, f"\"id\" is {_json_type(rid)}, not a string", line=line)
    problems: list[Problem] = []

    def optional_str(key: str) -> str | None:
        value = record.get(key)
        if value is None or isinstance(value, str):
            return value or None
        problems.append(Problem("ingest", f"\"{key}\" is {_json_type(value)}, not a string; ignored"))
        return None

    published: dt.date | None = None
    raw = record.get("published")
    if raw not in (None, ""):
        published = parse_iso(raw) if isinstance(raw, str) else None
        if published is None:
            problems.append(Problem("ingest", f"\"published\" {raw!r} is not an ISO date or date-time; ignored"))
    article = Article(
        id=rid,
        text=text,
        title=optional_str("title"),
        published=published,
        published_from=PublishedFrom.METADATA if published else PublishedFrom.NONE,
        url=optional_str("url"),
        source=optional_str("source"),
        path=source,
        line=line,
        encoding=encoding,
        extra={k: v for k, v in record.items() if k not in _RECORD_KEYS},
    )
    return Doc(article=article, problems=tuple(problems))


def _skip_rest_of_line(stream: IO[bytes] | _Prefixed) -> bool:
    """Read up to the next newline; True if one was found before the end."""
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk:
            return False
        if chunk.endswith(b"\n"):
            return True


class _Prefixed:
    """A binary stream with some bytes already read from it put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = io.BytesIO(head)
        self._rest = rest

    def readline(self, limit: int = -1) -> bytes:
        line = self._head.readline(limit)
        if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit):
            return line
        return line + self._rest.readline(-1 if limit < 0 else limit - len(line))


def _utf16_lines(head: bytes, stream: IO[bytes], source: str, limit: int) -> Iterator[bytes]:
    """The lines of a UTF-16 JSONL file, as UTF-8 bytes (the whole file is decoded at once)."""
    data = head + stream.read(64 * limit + 1 - len(head))
    if len(data) > 64 * limit:
        raise InputTooLargeError(source, f"a UTF-16 JSON Lines file over {64 * limit:,} bytes; convert it to UTF-8")
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as e:
        raise EncodingInputError(source, f"starts with a UTF-16 byte-order mark but is not UTF-16 ({e.reason}); "
                                 "re-save it as UTF-8") from None
    for line in text.split("\n"):
        yield (line + "\n").encode("utf-8")


def _jsonl_docs(stream: IO[bytes], source: str, settings: Settings) -> Iterator[Doc | InputError]:
    limit = settings.max_input_bytes
    head = stream.read(_SNIFF)
    if _looks_binary(head):
        yield BinaryInputError(source, "binary data (NUL bytes), not JSON Lines")
        return
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            yield from _jsonl_records(_utf16_lines(head, stream, source, limit), source, limit, "utf-16", None)
        except InputError as err:
            yield err
        return
    reader = _Prefixed(head, stream)
    yield from _jsonl_records(iter(lambda: reader.readline(limit + 1), b""), source, limit, "utf-8", reader)


def _jsonl_records(lines: Iterator[bytes], source: str, limit: int, file_encoding: str,
                   reader: _Prefixed | None) -> Iterator[Doc | InputError]:
    for line, raw in enumerate(lines, 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            if reader is not None:
                _skip_rest_of_line(reader)
            yield InputTooLargeError(source, f"line over the limit of {limit:,} bytes (raise it with "
                                     "--max-input-bytes)", line=line)
            continue
        if line == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        if not raw.strip():
            continue
        encoding = file_encoding
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as e:
            truncated = not raw.endswith(b"\n")
            try:  # legacy-encoded JSON: decode it ourselves and try again
                text, encoding = decode_bytes(raw, source, line=line)
                record = orjson.loads(text.encode("utf-8"))
            except (InputError, orjson.JSONDecodeError):
                what = "truncated JSON record (the file ends mid-line)" if truncated else f"not valid JSON ({e})"
                yield MalformedInputError(source, what, line=line)
                continue
        try:
            yield _record_article(record, source, line, encoding)
        except InputError as err:
            yield err


# ----------------------------------------------------------------------------- paths

def _walk(root: Path) -> Iterator[Path]:
    """Every readable article file under a directory, in a stable order, not following links out."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(dirpath) / name


def _source_name(arg: str, path: Path, root: Path) -> str:
    rel = path.relative_to(root).as_posix()
    base = arg.rstrip("/\\") or arg
    return f"{base}/{rel}" if base not in ("", ".") else rel


def read_path(path: Path, source: str, settings: Settings) -> Iterator[Doc | InputError]:
    """The articles of one file, by its suffix; errors in place of what could not be read."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            try:
                with path.open("rb") as fh:
                    yield from _jsonl_docs(fh, source, settings)
            except OSError as e:
                yield UnreadableInputError(source, f"cannot read: {e.strerror or e}")
        elif suffix in HTML_SUFFIXES:
            yield _html_article(path, source, settings)
        elif suffix in TEXT_SUFFIXES:
            yield _text_article(path, source, settings)
        else:
            yield UnreadableInputError(
                source, f"unsupported file type {suffix or '(no suffix)'!r}; sitrep reads "
                ".txt, .html, .htm and .jsonl files")
    except InputError as err:
        yield err


def read_inputs(
    args: Iterable[str], settings: Settings, *, stdin: IO[bytes] | None = None
) -> Iterator[Doc | InputError]:
    """Every article named by the command-line arguments, in order: files, directories
    (recursively) and ``-`` for JSON Lines on standard input."""
    for arg in args:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _jsonl_docs(stream, "-", settings)
            continue
        path = Path(arg)
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                yield from read_path(file, _source_name(arg, file, path), settings)
            if not found:
                log.warning("%s: no .txt, .html or .jsonl files in this directory", arg)
        elif path.exists():
            yield from read_path(path, arg, settings)
        else:
            yield UnreadableInputError(arg, "no such file or directory")
