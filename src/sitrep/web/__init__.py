"""``sitrep serve``: the HTTP API over an event store and the map-and-timeline page."""

from .app import create_app

__all__ = ["create_app"]
