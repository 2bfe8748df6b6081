"""Open stores for request threads, and a cache of aggregates that notices when the store changes.

A :class:`~sitrep.store.Store` is one connection and must not be used by two threads at once;
FastAPI runs plain ``def`` endpoints on a thread pool, so each request borrows a store from a
:class:`StorePool` and gives it back. Stores are opened lazily, at most ``size`` of them.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..store import Store, open_store

__all__ = ["AggregateCache", "StorePool"]

log = logging.getLogger(__name__)


class StorePool:
    """Up to ``size`` read-only stores over ``url``, lent to one thread at a time."""

    def __init__(self, url: str, *, size: int = 8, readonly: bool = True) -> None:
        self.url = url
        self.size = size
        self.readonly = readonly
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._closed = False

    def check(self) -> None:
        """Open one store now, so that a bad URL or a missing file fails at start-up."""
        with self.borrow():
            pass

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        store = self._take()
        broken = False
        try:
            yield store
        except BaseException:
            broken = store.backend == "postgres"  # a failed statement may leave the connection unusable
            raise
        finally:
            if broken or self._closed:
                self._discard(store)
            else:
                self._idle.put(store)

    def _take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            may_open = self._opened < self.size
            if may_open:
                self._opened += 1
        if not may_open:
            return self._idle.get(timeout=60)
        try:
            return open_store(self.url, readonly=self.readonly)
        except BaseException:
            with self._lock:
                self._opened -= 1
            raise

    def _discard(self, store: Store) -> None:
        with self._lock:
            self._opened -= 1
        try:
            store.close()
        except Exception:  # closing a broken connection: nothing more to do
            log.debug("closing a store failed", exc_info=True)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._discard(self._idle.get_nowait())
            except queue.Empty:
                return


class AggregateCache:
    """Results of aggregate queries, keyed by the request and by the store's version.

    The version is the highest id of the events and reports tables, read through the primary key
    (instantly): any ingest adds rows, so a cached answer is never served after new events arrive.
    Entries also expire after ``ttl`` seconds, for changes that add no rows (a split).
    """

    def __init__(self, *, size: int = 256, ttl: float = 300.0) -> None:
        self.size = size
        self.ttl = ttl
        self._items: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def version(store: Store) -> tuple[Any, ...]:
        row = store.db.one("SELECT (SELECT MAX(id) FROM events), (SELECT MAX(id) FROM event_sources)")
        return tuple(row or ())

    def get(self, store: Store, key: Any, compute: Callable[[], Any]) -> Any:
        full_key = (key, self.version(store))
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(full_key)
            if hit is not None and now - hit[0] < self.ttl:
                self._items.move_to_end(full_key)
                return hit[1]
        value = compute()
        with self._lock:
            self._items[full_key] = (now, value)
            self._items.move_to_end(full_key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
