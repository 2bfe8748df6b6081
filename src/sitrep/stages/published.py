"""Published: the article's publication date, and where it came from (``published_from``).

In order: the date the article carries in its metadata (a JSONL ``published``, the page's date);
else ``--published`` (``given``); else a full date in the dateline ("MOSUL, Iraq, Oct 16, 2017
(AFP) -"), in a photo caption ("... in Raqqa, Syria, October 16, 2017. REUTERS/..."), or on a
"Published ..." line or a line that is only a date. A caption marked as a file or archive photo is
not evidence of the day. A date is never invented: with none of these, ``published`` stays None
and ``published_from`` is ``none``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..dates import find_full_dates
from ..models import Doc, Segment
from ..vocab import PublishedFrom, SegmentKind
from .repair_rules import PUBLISHED_LINE

__all__ = ["Published"]

_FILE_PHOTO = ("file photo", "file picture", "archive", "file image")
_SOURCES = (
    (SegmentKind.DATELINE, PublishedFrom.DATELINE),
    (SegmentKind.CAPTION, PublishedFrom.CAPTION),
    (SegmentKind.BOILERPLATE, PublishedFrom.TEXT),
)


def _date_in(text: str, seg: Segment) -> dt.date | None:
    snippet = text[seg.start:seg.end]
    if seg.kind is SegmentKind.CAPTION and any(marker in snippet.lower() for marker in _FILE_PHOTO):
        return None
    if seg.kind is SegmentKind.BOILERPLATE and not PUBLISHED_LINE.match(snippet) and len(snippet.split()) > 12:
        return None
    found = find_full_dates(snippet)
    return found[-1].date if found else None


@dataclass(frozen=True, slots=True)
class Published:
    """The publication-date stage; ``default`` is the ``--published`` date, if any."""

    default: dt.date | None = None
    name: str = "published"
    needs: frozenset[str] = frozenset({"segments"})
    provides: frozenset[str] = frozenset({"published"})

    def __call__(self, doc: Doc, /) -> Doc:
        article = doc.article
        if article.published is not None:
            if article.published_from is PublishedFrom.NONE:
                article = replace(article, published_from=PublishedFrom.METADATA)
                return replace(doc, article=article)
            return doc
        if self.default is not None:
            return replace(doc, article=replace(article, published=self.default,
                                                published_from=PublishedFrom.GIVEN))
        text = article.text
        for kind, origin in _SOURCES:
            for seg in doc.segments:
                if seg.kind is kind:
                    found = _date_in(text, seg)
                    if found is not None:
                        return replace(doc, article=replace(article, published=found, published_from=origin))
        return replace(doc, article=replace(article, published_from=PublishedFrom.NONE))
