"""Sentences: split the headline and body into sentences, including sentences glued together
without a space ("victory.A field commander"), while "U.S.", "Lt. Col.", "No. 3", "3.5", "p.m.",
e-mail addresses and URLs stay whole.

A boundary is a run of ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by a
sentence start. Followed by a space, most full stops end a sentence, except after a known
abbreviation, an initial, or an acronym like "U.S." that the next word does not clearly begin a
new sentence after. With no space (a scraping accident), a full stop ends a sentence only between
a lower-case word and a capitalised one ("victory.A", "West.Islamic"). Newlines inside a block
never split by themselves; blocks (paragraphs) always do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Final

from ..models import Doc, Sentence
from ..pipeline import stage
from ..vocab import SegmentKind

__all__ = ["sentences", "split_sentences"]

# Words that end with a full stop but do not end a sentence before a capitalised word.
_TITLES: Final = frozenset(
    """mr mrs ms messrs dr prof gen gens lt col maj capt cpt sgt cpl pvt pte adm brig cmdr cdr cmdt
    gov sen sens rep reps rev fr st ste mt ft pres amb insp supt hon sr jr esq ret lieut sgt.maj
    no nos vol vols art arts fig figs ch chap sec para pp p op cf vs v al approx est dept univ ave
    rd blvd hwy gov't govt jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Abbreviations that may end a sentence: they end one only before a clear sentence opener.
_MAYBE_FINAL: Final = frozenset("inc ltd co corp plc llc bros etc a.m p.m am pm".split())
# Words that begin sentences and rarely follow "U.S." or "p.m." inside one.
_OPENERS: Final = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here
    but and or so yet in on at as after before when while since during meanwhile however earlier
    later last some many most several one two three four five officials witnesses police
    according if although though despite what who why how where no none both each all other
    another such then thus still also now today yesterday""".split()
)
# Spans a boundary can never fall inside: URLs, e-mail addresses, domain names.
_PROTECTED: Final = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]'’]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|info|io|co|uk|fr|de|ru|sy|iq|ng|ke|so|af|ua|sd)\b(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]])?",
    re.IGNORECASE,
)
# A candidate boundary: terminal punctuation, closing quotes or brackets, then either spaces or,
# glued, the next capital letter or opening quote.
_CANDIDATE: Final = re.compile(r"(?:\.\.\.|[.!?]+)[\"')\]]*(?=\s|[A-Z\"'(])")
_NEXT_WORD: Final = re.compile(r"[\"'(\[]*([\w'-]+)")
_MAX_LOOKBACK = 40


# Cheap literal test first: most paragraphs hold no URL, address or domain name at all.
_PROTECTED_HINT: Final = re.compile(
    r"://|www\.|@|\.(?:com|org|net|gov|edu|int|mil|info|io|co|uk|fr|de|ru|sy|iq|ng|ke|so|af|ua|sd)\b"
)  # case-sensitive on purpose: four times faster, and domains are written in lower case


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if _PROTECTED_HINT.search(text, start, end) is None:
        return []
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text, start, end)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return bool(spans) and any(s <= pos < e for s, e in spans)


def _is_boundary(text: str, cand: re.Match[str], block_end: int) -> bool:
    punct_start, punct_end = cand.start(), cand.end()
    glued = punct_end < block_end and not text[punct_end].isspace()
    nxt = punct_end
    while nxt < block_end and text[nxt].isspace():
        nxt += 1
    if nxt >= block_end:
        return True
    m = _NEXT_WORD.match(text, nxt, block_end)
    next_word = m.group(1) if m else ""
    first = next_word[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    lo = max(0, punct_start - _MAX_LOOKBACK)
    word_start = max(text.rfind(" ", lo, punct_start), text.rfind("\n", lo, punct_start)) + 1
    word = text[max(word_start, lo):punct_start].lstrip("\"'([")
    bare = word.lower().strip(".'-")
    mark = text[punct_start]
    if glued:
        # "victory.A field", "West.Islamic State", "2014.The" - but not "U.S.Army" or "No.3".
        if mark not in ".!?" or text[punct_start:punct_end].startswith("..."):
            return False
        if len(word) < 2 or not (word[-1].islower() or word[-1].isdigit() or word[-1] in ")\"'"):
            return False
        if first.isdigit() or bare in _TITLES:
            return False
        after = next_word[1:2]
        return after == "" or after.islower() or text[nxt + len(next_word): nxt + len(next_word) + 1] == " " \
            or next_word.isupper()
    if mark != ".":
        return True  # "!" and "?" before a capital end a sentence
    if text[punct_start:punct_end].startswith("..."):
        return True
    if not word:
        return True
    opener = next_word.lower() in _OPENERS
    if "." in word.strip("."):
        # an acronym or dotted abbreviation: "U.S.", "U.N.", "a.m.", "p.m.", "e.g."
        return opener
    if bare in _TITLES:
        return False
    if bare in _MAYBE_FINAL:
        return opener
    if len(bare) == 1 and word[:1].isupper():
        return False  # an initial: "George W. Bush", "Plan B." is rare enough
    # "Route No. 3" never gets here ("no" is a title); a plain number ends a sentence: "killed 20. The"
    return not (first.isdigit() and bare in {"no", "nos", "art", "vol", "fig", "ch", "sec", "p", "pp"})


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end), whitespace trimmed."""
    protected = _protected(text, start, end)
    sent_start = start
    for cand in _CANDIDATE.finditer(text, start, end):
        if _inside(cand.start(), protected):
            continue
        if _is_boundary(text, cand, end):
            s, e = sent_start, cand.end()
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                yield s, e
            sent_start = e
    s, e = sent_start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


@stage(name="sentences", needs={"view", "segments"}, provides={"sentences"})
def sentences(doc: Doc) -> Doc:
    """Sentences of the headline and of every body segment, in text order."""
    view = doc.view
    assert view is not None  # guaranteed by needs={"view"}
    found: list[Sentence] = []
    for seg in doc.segments:
        if seg.kind not in (SegmentKind.BODY, SegmentKind.HEADLINE):
            continue
        if seg.kind is SegmentKind.HEADLINE:
            found.append(Sentence(seg.start, seg.end, SegmentKind.HEADLINE))
            continue
        s, e = view.from_original(seg.start), view.from_original(seg.end)
        for a, b in split_sentences(view.text, s, e):
            oa, ob = view.to_original(a, b)
            found.append(Sentence(oa, ob, SegmentKind.BODY))
    return replace(doc, sentences=tuple(found))
