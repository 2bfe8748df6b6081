"""``sitrep ingest``: extract articles and store them, batch by batch, resumably.

Inputs are what ``sitrep extract`` reads (text, HTML, JSONL of articles, folders) or what it writes
in the ``docs`` format (stored results: a JSONL file whose records have ``article`` and ``events``),
which are stored without running the pipeline again.

Every ``ingest_batch`` articles are committed in one transaction. An article already stored with
the same content is skipped before the pipeline runs, so a run that was killed resumes where its
last committed batch ended, and re-ingesting a folder costs only reading it. A bulk load
(``--bulk``) drops the query indexes of a SQLite store first and builds them once at the end.

While one batch commits, the next is made ready (:func:`~sitrep.store.prepare.prepare`: hashes,
signatures, serialised JSON, merge features): a commit is one long call into the database, made
outside Python's interpreter lock, so the two overlap. Nothing else runs beside the writing: a
thread busy in Python next to it (making batches ready or reading ahead, as this module once did)
made each of the batch's short statements wait for the lock on its way back, and the ingest was
slower than doing everything in turn; the same held for the batch's roll-up pass, which the store
once ran in the committing thread.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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


class _Ahead:
    """Stored results read and parsed ahead of where the ingest has got to, when told to: while a
    batch commits (:meth:`fill`), so that reading overlaps the commit as making a batch ready does.
    Only reading: checking what is stored already needs the database, and is left to when the items
    are taken. What reading raised is raised where the item it stopped at would have been taken."""

    def __init__(self) -> None:
        self._read: deque[Item | _Failed] = deque()
        self._source: Iterator[Item] | None = None

    def over(self, items: Iterator[Item]) -> Iterator[Item]:
        """``items``, in order, those read ahead first."""
        self._source = items
        try:
            while True:
                if self._read:
                    got = self._read.popleft()
                elif self._source is not None:
                    got = next(self._source, _END)
                else:
                    return
                if got is _END:
                    return
                if isinstance(got, _Failed):
                    raise got.error
                yield got
        finally:
            self._source = None
            self._read.clear()

    def fill(self, size: int) -> None:
        """Read until ``size`` items are waiting (or the input has ended)."""
        while self._source is not None and len(self._read) < size:
            try:
                got = next(self._source, _END)
            except Exception as e:  # noqa: BLE001 - raised again when this item would be taken
                self._read.append(_Failed(e))
                got = _END
            if got is _END:
                self._source = None
                self._read.append(_END)
            else:
                self._read.append(got)


@dataclass(frozen=True, slots=True)
class _Failed:
    error: Exception


_END: Any = _Failed(StopIteration())  # the end of an input read ahead (never raised)


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
              stdin: IO[bytes] | None, skipped: list[int], ahead: _Ahead) -> Iterator[Item]:
    articles: list[str] = []
    for arg in paths:
        path = Path(arg)
        if arg != "-" and is_results_file(path):
            yield from _unstored(ahead.over(_results(path, arg, settings)), store, skipped)
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
           on_item: Callable[[int], None] | None = None, bulk: bool = False) -> IngestSummary:
    """Extract (or read stored results from) every input and store it in ``store``.

    ``on_item(n)`` is called after each batch is committed with the number of articles it held,
    and with 1 for each input that failed or was already stored. With ``bulk``, a SQLite store's
    query indexes are dropped for the load and built once at its end (:meth:`Store.begin_bulk`):
    for loads of hundreds of thousands of events; queries that run meanwhile are slow.
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
    label = store.label
    ready: list[list[Prepared]] = []  # the batch made ready and not yet written, at most one
    ahead = _Ahead()

    def write(records: list[JSON]) -> None:
        """Write the batch made ready before, making ``records`` ready (and reading the inputs on)
        while it commits."""
        made: list[list[Prepared] | Exception] = []

        def make() -> None:
            try:
                made.append([prepare(r, label) for r in records])
            except Exception as e:  # noqa: BLE001 - raised below, once the batch before is counted
                made.append(e)
            ahead.fill(settings.ingest_batch)

        if ready:
            written = ready.pop()
            summary.stored += store.add(written, meanwhile=make if records else None)
            if on_item is not None:
                on_item(len(written))
        elif records:
            make()
        if made:
            if isinstance(made[0], Exception):
                raise made[0]
            ready.append(made[0])

    def flush(last: bool = False) -> None:
        if batch:
            records = list(batch)
            batch.clear()
            write(records)
        if last:
            write([])
        if failures:
            store.add_failures((f.source, f.line, f.kind, f.detail) for f in failures)
            failures.clear()

    loaded = False
    if bulk:
        store.begin_bulk()
    try:
        for item in _articles(paths, settings, store, run, stdin, skipped, ahead):
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
        loaded = True
    finally:
        if bulk:
            _end_bulk(store, raise_errors=loaded)
        summary.stored.unchanged += skipped[0]
        summary.read += skipped[0]
        summary.seconds = time.perf_counter() - t0
    return summary


def _end_bulk(store: Store, *, raise_errors: bool) -> None:
    """Build the indexes a bulk load dropped, also when the load failed or was interrupted (the
    store stays quick to query); then an error building them is not raised over the load's own, and
    the next opening for writing builds them."""
    try:
        store.end_bulk()
    except Exception:
        if raise_errors:
            raise
