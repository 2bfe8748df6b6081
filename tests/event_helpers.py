"""Helpers of the event tests: an article run through the default pipeline, and its main event."""

from __future__ import annotations

import datetime as dt

import sitrep


def doc_on(text: str, published: dt.date) -> sitrep.Doc:
    """The text as an article published on ``published``, through the default pipeline."""
    return sitrep.process(sitrep.Article(id="t", text=text, published=published))


def main_event(text: str, published: dt.date) -> sitrep.Event:
    """The article's most confident event; fails when it has none."""
    events = doc_on(text, published).events
    assert events, text
    return max(events, key=lambda e: e.confidence)
