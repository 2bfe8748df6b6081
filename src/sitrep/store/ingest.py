"""``sitrep ingest``: extract articles and store them, batch by batch, resumably.

Inputs are what ``sitrep extract`` reads (text, HTML, JSONL of articles, folders) or what it writes
in the ``docs`` format (stored results: a JSONL file whose records have ``article`` and ``events``),
which are stored without running the pipeline again.

Every ``ingest_batch`` articles are committed in one transaction. An article already stored with the
same content is skipped before the pipeline runs, so a run that was killed resumes where its last
committed batch ended, and re-ingesting a folder costs only reading it. While one batch is written,
the next is made ready (:func:`~sitrep.store.prepare.prepare`: hashes, signatures, serialised JSON) in
a second thread, and stored results are read and parsed in a third: the database works outside
Python's interpreter lock, so they overlap.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from ..batch import ExitStatus
from ..errors import InputError, MalformedInputError, UnreadableInputError
from ..interchange import article_to_dict, doc_to_dict
from ..models import Doc
from ..pipeline import Pipeline, build_pipeline
from ..settings import Settings
from ..stages.ingest import read_inputs
from .prepare import Prepared, content_hash, prepare
from .store import AddResult, Store

__all__ = ["IngestSummary", "ingest", "is_results_file"]

JSON = dict[str, Any]
Item = tuple[str, JSON] | InputError  # (content hash, record) or what could not be read


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    stored: AddResult = field(default_factory=AddResult)
    failed: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_status(self) -> ExitStatus:
        return ExitStatus.SOME_FAILED if self.failed else ExitStatus.OK

    def line(self) -> str:
        s = self.stored
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.read} articles read ({s.added} new, {s.updated} updated, {s.unchanged} unchanged), "
                f"{s.reports} event reports ({s.merged} merged into earlier events), {s.near_duplicates} "
                f"near-duplicate articles, {len(self.failed)} failed inputs in {self.seconds:.2f} s "
                f"({rate:.0f} articles/s)")


def is_results_file(path: Path) -> bool:
    """Whether ``path`` is JSONL written by ``sitrep extract --format docs`` (stored results)."""
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    first = orjson.loads(raw)
                    return isinstance(first, dict) and isinstance(first.get("article"), dict) and "events" in first
    except (OSError, orjson.JSONDecodeError):
        return False
    return False


def _results(path: Path, source: str, settings: Settings) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as e:
        yield UnreadableInputError(source, f"cannot open: {e.strerror or e}")
        return
    with fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            if len(raw) > settings.max_input_bytes:
                yield MalformedInputError(source, f"record over {settings.max_input_bytes} bytes", line=number)
                continue
            try:
                record = orjson.loads(raw)
            except orjson.JSONDecodeError as e:
                yield MalformedInputError(source, f"not valid JSON ({e})", line=number)
                continue
            article = record.get("article") if isinstance(record, dict) else None
            if not isinstance(article, dict) or not isinstance(article.get("id"), str) or not article["id"] \
                    or not isinstance(record.get("events"), list):
                yield MalformedInputError(source, "not a sitrep docs record (needs \"article\" with an \"id\", "
                                                  "and \"events\")", line=number)
                continue
            yield content_hash(article), record


def _read_ahead(items: Iterator[Item], *, chunk: int = 100, depth: int = 20) -> Iterator[Item]:
    """``items``, read and parsed in a thread of their own up to ``depth`` chunks ahead: the JSON of
    stored results is parsed while the store writes (the database works outside Python's lock)."""
    chunks: queue.Queue[list[Item] | Exception | None] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(value: list[Item] | Exception | None) -> bool:
        while not stop.is_set():
            try:
                chunks.put(value, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        out: list[Item] = []
        end: Exception | None = None
        try:
            for item in items:
                out.append(item)
                if len(out) >= chunk:
                    if not put(out):
                        return
                    out = []
        except Exception as e:  # noqa: BLE001 - whatever reading raised, raised again where the items are taken
            end = e
        finally:
            if not out or put(out):
                put(end)

    reader = threading.Thread(target=read, name="sitrep-read", daemon=True)
    reader.start()
    try:
        while (got := chunks.get()) is not None:
            if isinstance(got, Exception):
                raise got
            yield from got
    finally:
        stop.set()
        reader.join()


def _unstored(items: Iterator[Item], store: Store, skipped: list[int], *, size: int = 500) -> Iterator[Item]:
    """The items whose article is not stored with the same content already, looked up ``size`` at a
    time (the store checks again as it writes: an article twice in one input is stored once)."""
    buffer: list[Item] = []

    def drain() -> Iterator[Item]:
        known = store.known([item[1]["article"]["id"] for item in buffer if isinstance(item, tuple)])
        ready = list(buffer)
        buffer.clear()
        for item in ready:
            if isinstance(item, tuple) and known.get(item[1]["article"]["id"]) == item[0]:
                skipped[0] += 1  # stored before, same content
                continue
            yield item

    for item in items:
        buffer.append(item)
        if len(buffer) >= size:
            yield from drain()
    yield from drain()


def _articles(paths: Iterable[str], settings: Settings, store: Store, run: Callable[[Doc], Doc],
              stdin: IO[bytes] | None, skipped: list[int]) -> Iterator[Item]:
    articles: list[str] = []
    for arg in paths:
        path = Path(arg)
        if arg != "-" and is_results_file(path):
            yield from _unstored(_read_ahead(_results(path, arg, settings)), store, skipped)
        else:
            articles.append(arg)
    if not articles:
        return
    for got in read_inputs(articles, settings, stdin=stdin):
        if isinstance(got, InputError):
            yield got
            continue
        digest = content_hash(article_to_dict(got.article))
        if store.stored_hash(got.article.id) == digest:
            skipped[0] += 1  # stored before, same content: the pipeline need not run
            continue
        doc = run(got)
        yield digest, doc_to_dict(doc)


def ingest(paths: Iterable[str], store: Store, *, settings: Settings | None = None,
           pipeline: Pipeline | None = None, stdin: IO[bytes] | None = None,
           on_item: Callable[[int], None] | None = None) -> IngestSummary:
    """Extract (or read stored results from) every input and store it in ``store``.

    ``on_item(n)`` is called after each batch is committed with the number of articles it held,
    and with 1 for each input that failed or was already stored.
    """
    settings = settings or Settings.from_env()
    summary = IngestSummary()
    t0 = time.perf_counter()
    pipe_holder: list[Pipeline] = [pipeline] if pipeline is not None else []

    def run(doc: Doc) -> Doc:
        # built on first need: stored results and unchanged articles never load the knowledge base
        if not pipe_holder:
            pipe_holder.append(build_pipeline(settings=settings))
        return pipe_holder[0].run(doc)

    skipped = [0]
    batch: list[JSON] = []
    failures: list[InputError] = []
    preparing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-prepare")
    pending: list[Future[list[Prepared]]] = []  # the batch being made ready, at most one

    def write_pending() -> None:
        if pending:
            ready = pending.pop().result()
            summary.stored += store.add(ready)
            if on_item is not None:
                on_item(len(ready))

    def flush(last: bool = False) -> None:
        if batch:
            records = list(batch)
            batch.clear()
            label = store.label
            submitted = preparing.submit(lambda: [prepare(r, label) for r in records])
            write_pending()  # the batch before, while this one is made ready
            pending.append(submitted)
        if last:
            write_pending()
        if failures:
            store.add_failures((f.source, f.line, f.kind, f.detail) for f in failures)
            failures.clear()

    try:
        for item in _articles(paths, settings, store, run, stdin, skipped):
            if isinstance(item, InputError):
                summary.failed.append(item)
                failures.append(item)
                if on_item is not None:
                    on_item(1)
                continue
            digest, record = item
            record = dict(record)
            record["content_hash"] = digest
            batch.append(record)
            summary.read += 1
            if len(batch) >= settings.ingest_batch:
                flush()
        flush(last=True)
    finally:
        preparing.shutdown(wait=True, cancel_futures=True)
        summary.stored.unchanged += skipped[0]
        summary.read += skipped[0]
        summary.seconds = time.perf_counter() - t0
    return summary
