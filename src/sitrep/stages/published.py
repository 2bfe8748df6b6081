"""Published: the article's publication date, and where it came from (``published_from``).

In order: the date the article carries in its metadata (a JSONL ``published``, the page's date);
else ``--published`` (``given``); else a full date in the dateline ("MOSUL, Iraq, Oct 16, 2017
(AFP) -"), in a photo caption ("... in Raqqa, Syria, October 16, 2017. REUTERS/..."), or on a
"Published ..." line or a line that is only a date. A caption marked as a file or archive photo is
not evidence of the day. A dateline that gives only the day and month ("LVIV, Ukraine, March 17 -") takes its year
from a full date in a caption or date line of the same article, when that puts it within
:data:`_YEARLESS_WINDOW` days after that date (a caption may date a picture taken days before).
A date is never invented: with none of these, ``published`` stays None and ``published_from`` is
``none``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..dates import find_day_month, find_full_dates
from ..models import Doc, Segment
from ..vocab import PublishedFrom, SegmentKind
from .repair_rules import PUBLISHED_LINE

__all__ = ["Published"]

_FILE_PHOTO = ("file photo", "file picture", "archive", "file image")
_YEARLESS_WINDOW = 60
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
        yearless = self._yearless_dateline(text, doc.segments)
        if yearless is not None:
            return replace(doc, article=replace(article, published=yearless, published_from=PublishedFrom.DATELINE))
        for kind, origin in _SOURCES:
            for seg in doc.segments:
                if seg.kind is kind:
                    found = _date_in(text, seg)
                    if found is not None:
                        return replace(doc, article=replace(article, published=found, published_from=origin))
        return replace(doc, article=replace(article, published_from=PublishedFrom.NONE))

    @staticmethod
    def _yearless_dateline(text: str, segments: tuple[Segment, ...]) -> dt.date | None:
        dateline = next((sg for sg in segments if sg.kind is SegmentKind.DATELINE), None)
        if dateline is None or find_full_dates(text, dateline.start, dateline.end):
            return None
        month_day = find_day_month(text[dateline.start:dateline.end])
        if month_day is None:
            return None
        anchors = [d for sg in segments if sg.kind in (SegmentKind.CAPTION, SegmentKind.BOILERPLATE)
                   if (d := _date_in(text, sg)) is not None]
        for anchor in anchors:
            for year in (anchor.year, anchor.year + 1):
                try:
                    candidate = dt.date(year, *month_day)
                except ValueError:
                    continue
                if 0 <= (candidate - anchor).days <= _YEARLESS_WINDOW:
                    return candidate
        return None
