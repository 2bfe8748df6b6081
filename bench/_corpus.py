"""Benchmark articles built from real news text, with the mess that scraped articles carry.

The texts are the full news texts of ``shared/data/geoparsing/{lgl,trnews,geovirus}.jsonl``, read at
run time (never copied into the project). Consecutive texts are joined, sentence by sentence,
until a story has about ``words`` words; each story also gets a headline line, a photo caption
ending "REUTERS/Jane Doe", a site tag ("Example web: ") glued before its first paragraph and a
closing "(Reporting by ...)" credit, so the repair stage has work to do. A story renders as plain
text, as a JSON Lines record, or as a realistic web page.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.models import Article

__all__ = ["SOURCES", "Story", "build_stories", "labelled_article", "load_texts", "read_labelled"]

SOURCES = ("lgl", "trnews", "geovirus")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“‘(])")
_SITE_TAGS = ("Example web", "Example News Online", "ExampleTimes.com", "Daily Example")
_SITES = ("Example Web", "Example News", "Example Times", "Daily Example")
_CAPTIONS = (
    "People gather at the scene a day after the incident, {date}.",
    "A police officer stands guard outside the building, {date}.",
    "Residents walk past the damaged shops in the town centre, {date}.",
    "Officials speak to reporters at a news conference, {date}.",
)
_SENTENCES_PER_PARAGRAPH = 3
_FRAME_WORDS = 35  # headline, caption, site tag and closing credit, about


@dataclass(frozen=True, slots=True)
class Story:
    """One benchmark article."""

    key: str
    headline: str
    caption: str  # ends with the photo credit
    site_tag: str
    paragraphs: tuple[str, ...]
    published: dt.date
    site: str

    def text(self) -> str:
        """The article as scraped plain text: headline, caption, tagged lead, body, credit."""
        first, *rest = self.paragraphs
        parts = [self.headline, self.caption, f"{self.site_tag}: {first}", *rest,
                 "(Reporting by Jane Doe; Editing by John Roe)"]
        return "\n\n".join(parts) + "\n"

    def record(self) -> dict[str, str]:
        """The same article as a JSON Lines record."""
        return {"id": self.key, "text": self.text()}

    def page(self) -> str:
        """The same article as a web page: navigation, header, figure, related links, footer."""
        e = html.escape
        first, *rest = self.paragraphs
        body = "\n".join(f"      <p>{e(p)}</p>" for p in [f"{self.site_tag}: {first}", *rest])
        caption = self.caption.removesuffix(" REUTERS/Jane Doe")
        when = self.published.isoformat()
        long_date = f"{self.published:%B} {self.published.day}, {self.published.year}"
        slug = re.sub(r"[^a-z0-9]+", "-", self.headline.lower()).strip("-")[:60] or "story"
        related = "\n".join(f'        <li><a href="/news/{n}-related-{slug}.html">{e(t)}</a></li>'
                            for n, t in enumerate(("Officials promise inquiry", "Timeline of events",
                                                   "Residents count the cost"), 1))
        return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(self.headline)} | {e(self.site)}</title>
  <meta property="og:site_name" content="{e(self.site)}">
  <meta property="og:title" content="{e(self.headline)}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="https://www.example.org/news/{slug}.html">
  <meta property="article:published_time" content="{when}T08:30:00+00:00">
  <link rel="canonical" href="https://www.example.org/news/{slug}.html">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "world"}});</script>
</head>
<body>
  <nav class="menu">
    <ul>
      <li><a href="/">Home</a></li><li><a href="/world/">World</a></li>
      <li><a href="/politics/">Politics</a></li><li><a href="/business/">Business</a></li>
      <li><a href="/sport/">Sport</a></li><li><a href="/opinion/">Opinion</a></li>
    </ul>
  </nav>
  <header class="site-header">
    <a class="logo" href="/">{e(self.site)}</a>
    <form action="/search"><input type="search" name="q" placeholder="Search"></form>
    <a class="subscribe" href="/subscribe">Subscribe</a>
  </header>
  <main>
    <article class="story">
      <h1>{e(self.headline)}</h1>
      <p class="byline">By Jane Doe, <time datetime="{when}">{long_date}</time></p>
      <figure>
        <img src="/img/{slug}.jpg" alt="{e(caption)}" width="1200" height="800">
        <figcaption>{e(caption)} <span class="credit">REUTERS/Jane Doe</span></figcaption>
      </figure>
{body}
      <p class="credit">(Reporting by Jane Doe; Editing by John Roe)</p>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
{related}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy</a></p>
    <p>&copy; {self.published.year} {e(self.site)}. All rights reserved.</p>
  </footer>
</body>
</html>
"""

    def words(self) -> int:
        return len(self.text().split())


def load_texts(shared: Path) -> list[dict[str, str]]:
    """The news texts of the geoparsing sets, in file order: ``text``, and ``title``/``published``
    where the item has them. Lines are split on "\\n" only (one text contains U+0085)."""
    texts = []
    for name in SOURCES:
        path = shared / "data" / "geoparsing" / f"{name}.jsonl"
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                item = json.loads(line)
                texts.append({k: item[k] for k in ("text", "title", "published") if item.get(k)})
    if not texts:
        raise SystemExit(f"no texts in {shared / 'data' / 'geoparsing'}")
    return texts


def _sentences(texts: list[dict[str, str]]) -> Iterator[tuple[int, str]]:
    """(index of the text, sentence) over the texts, round and round: in file order first, then in
    a new (seeded) order each round, so that no two stories are the same."""
    order = list(range(len(texts)))
    for round_ in itertools.count():
        if round_:
            random.Random(round_).shuffle(order)
        for index in order:
            flat = " ".join(texts[index]["text"].split())  # also drops U+0085 and the texts' line breaks
            for sentence in _SENTENCE_END.split(flat):
                if sentence:
                    yield round_ * len(texts) + index, sentence


def _headline(item: dict[str, str], first_sentence: str) -> str:
    title = " ".join(item.get("title", "").split()).rstrip(".")
    if title and len(title.split()) <= 20:
        return title
    words = first_sentence.rstrip(".").split()
    return " ".join(words[:12])


def _date(item: dict[str, str], n: int) -> dt.date:
    try:
        return dt.date.fromisoformat(item.get("published", "")[:10])
    except ValueError:
        return dt.date(2016, 1, 1) + dt.timedelta(days=n % 1500)


def build_stories(texts: list[dict[str, str]], count: int, *, words: int = 500, prefix: str = "a") -> list[Story]:
    """``count`` stories of about ``words`` words each, the body ending at a sentence end."""
    stories: list[Story] = []
    stream = _sentences(texts)
    pending = next(stream)
    while len(stories) < count:
        n = len(stories)
        first_text, first_sentence = pending
        item = texts[first_text % len(texts)]
        paragraphs: list[str] = []
        current: list[str] = []
        total = 0
        text_index = first_text
        while total < words - _FRAME_WORDS:
            index, sentence = pending
            if index != text_index or len(current) >= _SENTENCES_PER_PARAGRAPH:
                if current:
                    paragraphs.append(" ".join(current))
                current = []
                text_index = index
            current.append(sentence)
            total += len(sentence.split())
            pending = next(stream)
        if current:
            paragraphs.append(" ".join(current))
        published = _date(item, n)
        when = f"{published:%B} {published.day}, {published.year}"
        stories.append(Story(
            key=f"{prefix}{n + 1:05d}",
            headline=_headline(item, first_sentence),
            caption=_CAPTIONS[n % len(_CAPTIONS)].format(date=when) + " REUTERS/Jane Doe",
            site_tag=_SITE_TAGS[n % len(_SITE_TAGS)],
            paragraphs=tuple(paragraphs),
            published=published,
            site=_SITES[n % len(_SITES)],
        ))
    return stories


def read_labelled(path: Path, limit: int = 0) -> list[dict[str, Any]]:
    """The items of a labelled JSONL file of ``../shared/data`` (the first ``limit`` if given)."""
    items: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh.read().split("\n"):
            if line.strip():
                items.append(json.loads(line))
                if limit and len(items) >= limit:
                    break
    return items


def labelled_article(item: dict[str, Any]) -> Article:
    """A labelled item's text as an article (id, text, title, publication date)."""
    published = dt.date.fromisoformat(item["published"][:10]) if item.get("published") else None
    return Article(id=item["id"], text=item["text"], title=item.get("title"), published=published)
