"""Ingest of web pages: boilerplate removed by trafilatura, title, site and date read from the page.

The page is decoded by sitrep and handed to trafilatura as text, so trafilatura never sees bytes
it could decompress (see SECURITY.md). Offsets of an HTML article index the extracted text, which
the ``docs`` output includes as ``article.text``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from ..dates import parse_iso
from ..errors import EmptyInputError, MalformedInputError
from ..models import Article, Doc, Problem
from ..vocab import PublishedFrom

__all__ = ["extract_html"]

log = logging.getLogger(__name__)

# trafilatura logs every page it finds little in at WARNING; that is our problem to report, not its.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def extract_html(html: str, *, source: str, encoding: str, fast: bool = False) -> Doc:
    """One article from a page's HTML. Raises an InputError when the page has no article text."""
    import trafilatura

    try:
        result: Any = trafilatura.bare_extraction(
            html,
            fast=fast,
            # Precision: a page of navigation alone must give no article, not its menu's links.
            favor_precision=True,
            # No extensive search: a date found in the story's own words is not the page's date.
            date_extraction_params={"extensive_search": False, "original_date": True},
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )
    except Exception as e:  # noqa: BLE001 - lxml and trafilatura raise many kinds on hostile HTML
        raise MalformedInputError(source, f"HTML could not be parsed ({type(e).__name__}: {e})") from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise EmptyInputError(source, "no article text found in the page (only navigation or boilerplate?)")
    problems: list[Problem] = []
    published: dt.date | None = None
    raw_date = getattr(result, "date", None)
    if raw_date:
        published = parse_iso(str(raw_date))
        if published is None:
            problems.append(Problem("ingest", f"page date {raw_date!r} is not an ISO date; ignored"))
    article = Article(
        id=source,
        text=text,
        title=getattr(result, "title", None) or None,
        published=published,
        published_from=PublishedFrom.METADATA if published else PublishedFrom.NONE,
        url=getattr(result, "url", None) or None,
        source=getattr(result, "sitename", None) or None,
        path=source,
        encoding=encoding,
    )
    return Doc(article=article, problems=tuple(problems))
