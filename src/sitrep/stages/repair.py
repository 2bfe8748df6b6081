"""Repair: classify scraped text into headline, caption, credit, site tag, dateline, boilerplate
and body, without changing a character of it.

The stage reads a :class:`~sitrep.textview.TextView` of the article (odd spaces, quotes, dashes,
CRLF and mojibake normalised) and returns segments whose offsets index the original text. Only
``body`` segments, with the ``headline`` for context, feed the later stages.

How the text is cut into blocks: on blank lines when there are any (paragraphs); otherwise on
single newlines, joining a line to the previous one when it continues the same sentence (starts in
lower case), as in hard-wrapped text and in trafilatura's output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..dates import find_full_dates
from ..models import Doc, Segment
from ..pipeline import stage
from ..textview import TextView
from ..vocab import SegmentKind
from . import repair_rules as rules

__all__ = ["blocks", "classify", "repair"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACE = re.compile(r"\s+")
_MAX_HEADLINE_WORDS = 25
_MAX_CAPTION_WORDS = 90
_MAX_FURNITURE_WORDS = 40


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph-like blocks of ``text`` as (start, end), whitespace trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    if _BLANK_LINE.search(text):
        pos = 0
        for m in _BLANK_LINE.finditer(text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(text)))
    else:
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            stripped = line.lstrip()
            if spans and stripped[:1].islower() and text[spans[-1][0]:spans[-1][1]].strip()[-1:] not in ".!?:\"'":
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((pos, end))
            pos = end + 1
    out = []
    for s, e in spans:
        s, e = _strip(text, s, e)
        if e > s:
            out.append((s, e))
    return out


def _words(text: str) -> int:
    return len(text.split())


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _looks_like_headline(line: str) -> bool:
    n = _words(line)
    if not 1 <= n <= _MAX_HEADLINE_WORDS or len(line) > 220:
        return False
    if line[:1].islower() or line.rstrip()[-1:] in ".,;:":
        return False
    return not (rules.DATELINE.match(line) or rules.PHOTO_CREDIT.search(line) or rules.BOILERPLATE.fullmatch(line))


def _is_date_line(text: str) -> bool:
    """A line that is only a date (with weekday and time): "Monday, October 16, 2017 10:22 GMT"."""
    found = find_full_dates(text)
    if not found or _words(text) > 12:
        return False
    rest = text[: found[0].start] + text[found[0].end:]
    rest = re.sub(r"\b(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|GMT|UTC|[A-Z]{3}|am|pm|at|on|\|)\b|[-,|/]", " ", rest)
    return not rest.strip()


def _furniture(text: str) -> SegmentKind | None:
    """The kind of a block that is page furniture (boilerplate, a byline or closing credit)."""
    if len(text) > 20 * _MAX_FURNITURE_WORDS or _words(text) > _MAX_FURNITURE_WORDS:
        return None
    if rules.TRAILER_CREDIT.match(text) or (rules.BYLINE.fullmatch(text) and _words(text) <= 10):
        return SegmentKind.CREDIT
    if rules.BOILERPLATE.fullmatch(text) or _is_date_line(text):
        return SegmentKind.BOILERPLATE
    return None


def _dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """A dateline at ``start``; "QUESTION:", "UN:" and "BREAKING NEWS:" are not datelines."""
    m = rules.DATELINE.match(text, start, end)
    if m is None:
        return None
    head = m.group(0).rstrip(" -:").strip()
    if head.endswith(")") or "," in head or "-" in m.group(0)[len(head):]:
        return m  # an agency, a country or a dash: a real dateline
    words = head.replace("'S", "").split()
    if len(head) <= 2 or any(w.strip(".'") in rules.NOT_DATELINE_WORDS for w in words):
        return None
    return m


def _is_tag(tag: str) -> bool:
    """A site tag or rubric: "Vastavam web", "Savanna Daily Online", "UPDATE". One word alone is a
    topic label ("Syria", "Police") unless it is a rubric: it stays in the body."""
    words = tag.split()
    if len(tag) > 40 or words[-1].lower() in rules.NOT_A_TAG_WORD or rules.DATE_TAG.search(tag):
        return False
    if tag.lower() in rules.RUBRICS:
        return True
    if len(words) == 1:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words) or words[-1].lower() in rules.SITE_WORDS


def _lead(text: str, start: int, end: int, *, allow_tag: bool = True) -> Iterator[Segment]:
    """A site tag and a dateline at the start of a lead paragraph."""
    m = rules.SITE_TAG.match(text, start, end) if allow_tag else None
    if m and not _dateline(text, start, end) and _is_tag(m.group(1)):
        tag_end = start + len(m.group(0).rstrip())
        yield Segment(SegmentKind.SITE_TAG, start, tag_end)
        start, _ = _strip(text, tag_end, end)
    m = _dateline(text, start, end)
    if m:
        yield Segment(SegmentKind.DATELINE, start, start + len(m.group(0).rstrip()))
        start, _ = _strip(text, start + len(m.group(0)), end)
    yield from _body(text, start, end)


def _body(text: str, start: int, end: int) -> Iterator[Segment]:
    """A body paragraph, less a closing "(Reporting by ...)" credit."""
    if end <= start:
        return
    m = rules.INLINE_TRAILER.search(text, start, end)
    if m:
        body_end = _strip(text, start, m.start())[1]
        if body_end > start:
            yield Segment(SegmentKind.BODY, start, body_end)
        yield Segment(SegmentKind.CREDIT, m.start(), _strip(text, m.start(), end)[1])
        return
    yield Segment(SegmentKind.BODY, start, end)


def _headline_block(text: str, s: int, e: int, title: str | None, has_blank_lines: bool) -> list[Segment] | None:
    """Segments of a first block that is a headline: the headline line, then any short lines
    under it (a site name: "Frontline Dispatch"); None when the block is not a headline."""
    first_nl = text.find("\n", s, e)
    line_end = e if first_nl < 0 else _strip(text, s, first_nl)[1]
    line = text[s:line_end]
    if title and _norm(line) == _norm(title):
        pass
    elif not _looks_like_headline(line):
        return None
    elif line_end != e and has_blank_lines:
        # More lines in the block: a headline only if they are short too and the block does not
        # end like a (hard-wrapped) paragraph.
        rest = text[line_end:e].split("\n")
        if len(rest) > 2 or text[e - 1] in ".!?\"'":
            return None
        if not all(_looks_like_headline(x.strip()) for x in rest if x.strip()):
            return None
    found = _split_site(text, s, line_end)
    if has_blank_lines:
        pos = line_end
        for part in text[line_end:e].split("\n"):
            a, b = _strip(text, pos, pos + len(part))
            if b > a:
                kind = SegmentKind.SITE_TAG if _words(text[a:b]) <= 5 else SegmentKind.BODY
                found.append(Segment(kind, a, b))
            pos += len(part) + 1
    return found


def _split_site(text: str, s: int, e: int) -> list[Segment]:
    """A headline line as segments: the site name printed with it ("Levant Ledger | ...",
    "... - Eastern Front Monitor") is a site tag, the rest the headline."""
    line = text[s:e]
    m = rules.TITLE_SITE.search(line)
    if m is not None:
        group = "pre" if m.group("pre") else "post"
        site = m.group(group) or ""
        rest = line[m.end():] if group == "pre" else line[: m.start()]
        if site.strip() and _words(site) <= 4 and _words(rest) >= 3:
            site_seg = Segment(SegmentKind.SITE_TAG, s + m.start(group), s + m.end(group))
            if group == "pre":
                return [site_seg, Segment(SegmentKind.HEADLINE, *_strip(text, s + m.end(), e))]
            return [Segment(SegmentKind.HEADLINE, *_strip(text, s, s + m.start())), site_seg]
    return [Segment(SegmentKind.HEADLINE, s, e)]


def _glued_head(text: str, s: int, e: int) -> tuple[list[Segment], int] | None:
    """A headline with the dateline glued on ("...at Garissa universityNAIROBI: Kenyan ..."):
    its segments, and where the dateline starts."""
    m = rules.GLUED_DATELINE.search(text, s, min(e, s + 300))
    if m is None or not rules.DATELINE.match(text, m.start(), e):
        return None
    found: list[Segment] = []
    tag = rules.SITE_TAG.match(text, s, m.start())
    if tag and _is_tag(tag.group(1)):
        tag_end = s + len(tag.group(0).rstrip())
        found.append(Segment(SegmentKind.SITE_TAG, s, tag_end))
        s = _strip(text, tag_end, m.start())[0]
    if not _looks_like_headline(text[s:m.start()]):
        return None
    found.append(Segment(SegmentKind.HEADLINE, s, m.start()))
    return found, m.start()


def classify(text: str, *, title: str | None = None) -> list[Segment]:
    """Segments of a normalised text (offsets into ``text``)."""
    spans = blocks(text)
    segments: list[Segment] = []
    lead_seen = False
    if len(spans) >= 2:
        s, e = spans[0]
        head = _headline_block(text, s, e, title, bool(_BLANK_LINE.search(text)))
        if head is not None:
            segments.extend(head)
            spans.pop(0)
    if spans and not segments:
        s, e = spans[0]
        glued = _glued_head(text, s, e)
        if glued is not None:
            segments.extend(glued[0])
            lead_seen = True
            segments.extend(_lead(text, glued[1], e, allow_tag=False))
            spans.pop(0)
    for s, e in spans:
        while s < e:
            block = text[s:e]
            kind = _furniture(block)
            if kind is not None:
                segments.append(Segment(kind, s, e))
                break
            credit = rules.PHOTO_CREDIT.search(text, s, e) if rules.PHOTO_CREDIT_HINT.search(text, s, e) else None
            if credit and _words(text[s:credit.start()]) <= _MAX_CAPTION_WORDS:
                if credit.start() > s:
                    cap_end = _strip(text, s, credit.start())[1]
                    segments.append(Segment(SegmentKind.CAPTION, s, cap_end))
                segments.append(Segment(SegmentKind.CREDIT, credit.start(), credit.end()))
                s = _strip(text, credit.end(), e)[0]
                continue  # a caption glued to the next paragraph: go on with the rest
            if rules.CAPTION_LEAD.match(text, s, e) and _words(block) <= _MAX_CAPTION_WORDS:
                segments.append(Segment(SegmentKind.CAPTION, s, e))
                break
            if not lead_seen:
                lead_seen = True
                segments.extend(_lead(text, s, e))
            else:
                segments.extend(_body(text, s, e))
            break
    return segments


def _title_and_site(headline: str) -> tuple[str, str | None]:
    """A headline without the site name printed with it, and that name."""
    title = _SPACE.sub(" ", headline).strip().rstrip(" -|")
    m = rules.TITLE_SITE.search(title)
    if m is not None:
        site = (m.group("pre") or m.group("post") or "").strip()
        rest = title[m.end():] if m.group("pre") else title[: m.start()]
        if site and _words(site) <= 4 and _words(rest) >= 3:
            return rest.strip(), site
    return title, None


@stage(name="repair", needs={"article"}, provides={"view", "segments", "title"})
def repair(doc: Doc) -> Doc:
    """Classify the article's text into segments; fill in the title from the headline."""
    view = TextView(doc.article.text)
    found = classify(view.text, title=doc.article.title)
    article = doc.article
    head = next((sg for sg in found if sg.kind is SegmentKind.HEADLINE), None)
    if head is not None and (article.title is None or article.source is None):
        title, site = _title_and_site(view.text[head.start:head.end])
        for sg in found:  # a site name printed on the headline's line
            between = view.text[min(sg.end, head.end):max(sg.start, head.start)]
            if sg.kind is SegmentKind.SITE_TAG and "\n" not in between:
                site = view.text[sg.start:sg.end].strip(" :|-")
                break
        article = replace(article, title=article.title or title, source=article.source or site)
    if not view.identity:
        found = [Segment(sg.kind, *view.to_original(sg.start, sg.end)) for sg in found]
    return replace(doc, article=article, view=view, segments=tuple(found))
