"""The event store: SQLite embedded, PostgreSQL for a shared server; merged events, queries, exports."""

from .prepare import content_hash
from .query import EventQuery
from .store import AddResult, Page, Store, open_store

__all__ = ["AddResult", "EventQuery", "Page", "Store", "content_hash", "open_store"]
