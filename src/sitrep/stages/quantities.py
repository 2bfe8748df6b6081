"""Quantities: counts of people, fighters, places and things, with value, range and unit.

"200-300 foreign jihadists" is low 200, high 300, value 250, unit ``fighters``; "six more
districts" is 6 ``districts``; "at least 20 people" is low 20 with no upper bound; "more than
1,000" is low 1,000 (the stated bound, as conflict coders record it); "up to 300" high 300; "dozens of civilians" is vague: value 12 (the conventional
minimum, as ACLED codes it), no upper bound, ``approximate``. The unit is the counted noun mapped to
a category when it names one ("jihadists", "militants" and "gunmen" are ``fighters``; "troops" are
``soldiers``), else the noun itself, singular. Numbers that are parts of dates, clock times, money,
percentages, ages, ordinals or time expressions are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from ..models import Doc, Quantity
from ..numbers import CARDINALS, word_number
from ..pipeline import stage
from ..vocab import SegmentKind

__all__ = ["find_quantities", "quantities"]

_SMALL: Final[dict[str, float]] = {
    **CARDINALS, "a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1000, "a couple of": 2,
    "a pair of": 2, "a score of": 20,
}
_SCALE: Final = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Vague counts, as (conventional minimum, upper bound or None).
_VAGUE: Final = {
    "dozens": (12, None), "scores": (20, None), "hundreds": (100, None), "thousands": (1000, None),
    "tens of thousands": (10_000, None), "hundreds of thousands": (100_000, None), "millions": (1_000_000, None),
    "a few dozen": (24, None), "several dozen": (24, None), "a few hundred": (200, None),
    "several hundred": (200, None), "a few thousand": (2000, None), "several thousand": (2000, None),
    "several": (3, None), "a few": (2, None), "a handful": (2, None),
}
_UNIT_CATEGORIES: Final = {
    "fighters": "jihadist jihadists militant militants fighter fighters insurgent insurgents rebel rebels gunman gunmen "
                "attacker attackers assailant assailants extremist extremists combatant combatants militiaman militiamen "
                "terrorist terrorists",
    "soldiers": "soldier soldiers troop troops serviceman servicemen servicemembers marine marines paratroopers recruits",
    "police": "policeman policemen policemen police officers officer troopers gendarmes",
    "civilians": "civilian civilians",
    "people": "people persons person residents resident villagers villager inhabitants passengers worshippers "
              "pilgrims bystanders",
    "protesters": "protester protesters protestors demonstrators demonstrator marchers",
    "children": "child children kids boys girls students pupils schoolgirls schoolchildren",
}
_CATEGORY: Final = {word: cat for cat, words in _UNIT_CATEGORIES.items() for word in words.split()}
_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in _SMALL), key=len, reverse=True))
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{_NUMBER_WORD})(?:[- ](?i:one|two|three|four|five|six|seven|eight|nine))?)"
        r"(?:\s+(?i:hundred|thousand|million|billion))?")
_VAGUE_RE = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))
_QUAL = (r"(?P<qual>(?i:at least|more than|over|upwards of|up to|as many as|nearly|almost|about|around|roughly|some|"
         r"approximately|an estimated|fewer than|less than|at most|no fewer than|no less than|close to|just over|"
         r"just under|well over))\s+")
NUMBER: Final = re.compile(
    rf"(?<![\w$£€.,/:#-])(?:{_QUAL})?(?:(?i:between)\s+)?"
    rf"(?:(?P<low>{_NUM})\s*(?:-|(?i:to|and|or))\s*(?P<high>{_NUM})|(?P<num>{_NUM})|(?P<vague>(?i:{_VAGUE_RE}))(?:\s+(?i:of))?)"
    rf"(?![\w%]|\.\d|,\d|\s*(?:%|(?i:percent|per cent|p\.m\.|a\.m\.|am\b|pm\b|years? old|-year-old|GMT|km/h)))"
)
#: A word after a number, skipping "of (the)" and quotation marks around a name: 9 "Islamic State" members.
_WORD: Final = re.compile(r"\s+(?:(?i:of)\s+(?:(?i:the|them|those|whom)\s+)?)?[\"\u201c\u2018]?([A-Za-z][\w'-]*)[\"\u201d\u2019]?")
#: Nouns counted in conflict news that do not end in "s" or are not plural in form.
_COUNTED: Final = frozenset(
    "people police personnel staff children men women militia troops dead wounded injured killed missing "
    "displaced refugees civilians families".split()
)
#: Words right after a number that say it counts casualties even with no noun: "killed 30", "30 were killed".
_CASUALTY: Final = re.compile(
    r"\s+(?:(?i:of)\s+(?:them|whom|those)\s+|(?i:from|of)\s+the\s+(?:[\w'\u2019\u201c\u201d\"-]+\s+){1,4}?)?(?:(?:were|was|have been|had been|are|is)\s+)?"
    r"(?:(?i:later|also|subsequently|eventually|reportedly)\s+)?"
    r"(?i:killed|dead|died|wounded|injured|hurt|missing|abducted|kidnapped|arrested|detained|beheaded|murdered|"
    r"lynched|slain|executed|shot dead)\b"
)
#: Words right before such a number: "kill 2", "wounding 30", "the deaths of two".
_CASUALTY_BEFORE: Final = re.compile(r"(?i:\b(?:kill|killed|killing|kills|wounded|wounding|injured|injuring|abducted|"
                                     r"kidnapped|arrested|detained|(?:deaths?|bodies|killing|killings) of)\s+)$")
#: A death toll told before a bare number: "the death toll from Saturday's bombing rose to 15", "a toll of 12".
_TOLL_BEFORE: Final = re.compile(r"(?i:\btoll\b[^.;]{0,80}?\b(?:rose|risen|rises|climbed|climbs|increased|jumped|"
                                 r"reached|stood|stands|hit|of|to|at)\s+(?:(?:to|at)\s+)?(?:at least\s+)?)$")
_NOT_NOUNS: Final = frozenset(
    "of the a an and or to in on at by for from with as is was were are be been has have had that which who "
    "said says than less times per percent cent years year months month weeks week days day hours hour later died "
    "minutes minute seconds second decades decade centuries am pm p.m a.m gmt km miles metres meters kilometres "
    "kilometers feet dollars euros pounds".split()
)
_NOT_AFTER: Final = re.compile(r"(?i:\b(?:No|Nos|number|page|article|resolution|chapter|section|route|highway|"
                               r"room|flight|brigade|division|corps|battalion|regiment)\.?\s*)$")
_READ: Final = frozenset({SegmentKind.HEADLINE, SegmentKind.BODY})


def _number(text: str) -> float | None:
    """The number of a count: "1,000", "1.5 million", "twenty-five", "a dozen"."""
    t = " ".join(text.lower().split())
    scale = 1
    for word, factor in _SCALE.items():
        if t.endswith(" " + word):
            t, scale = t[: -len(word) - 1], factor
            break
    number = word_number(t, _SMALL)
    return number * scale if number is not None else None


def _unit(noun: str) -> str:
    low = noun.lower()
    if low in _CATEGORY:
        return _CATEGORY[low]
    return low


def _bounds(m: re.Match[str]) -> tuple[float, float | None, float | None, bool] | None:
    """(value, low, high, approximate) of a match, or None when it is not a count."""
    qual = (m.group("qual") or "").lower()
    if m.group("vague"):
        minimum, upper = _VAGUE[m.group("vague").lower()]
        return float(minimum), float(minimum), float(upper) if upper is not None else None, True
    if m.group("low"):
        lo, hi = _number(m.group("low")), _number(m.group("high"))
        if lo is None or hi is None or hi <= lo:
            return None
        return (lo + hi) / 2, lo, hi, False
    n = _number(m.group("num"))
    if n is None:
        return None
    if qual in ("at least", "no fewer than", "no less than"):
        return n, n, None, False
    if qual in ("more than", "over", "upwards of", "just over", "well over"):
        return n, n, None, False  # the stated bound, conservatively
    if qual in ("up to", "as many as", "at most"):
        return n, None, n, False
    if qual in ("fewer than", "less than", "just under"):
        return n - 1, None, n - 1, False
    approximate = qual in ("nearly", "almost", "about", "around", "roughly", "some", "approximately",
                           "an estimated", "close to")
    return n, n, n, approximate


def _head(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """The counted noun after a number and where it ends: the first word that is a known counted
    noun or a plural, skipping up to three modifiers ("six more districts", "200-300 foreign
    jihadists", "12 IS killed": a name in capitals is not the verb "is"); None when a function word or
    punctuation comes first."""
    for _ in range(4):
        m = _WORD.match(text, pos, end)
        if m is None:
            return None
        word = m.group(1)
        low = word.lower()
        if (low in _NOT_NOUNS and not (word.isupper() and len(word) > 1)) or low.endswith("est") or low == "most":
            return None  # a function word, or "one of the busiest ...": not a count
        if low.endswith("'s"):
            pos = m.end()
            continue  # a possessive modifies the noun after it: "12 of the charity's staff"
        if low in _CATEGORY or low in _COUNTED or (low.endswith("s") and len(low) > 3 and not low.endswith("ss")):
            return word, m.start(1) + len(word)
        pos = m.end()
    return None


def find_quantities(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[Quantity]:
    """Quantities in ``text[start:end]``, skipping numbers inside the ``blocked`` spans (dates, times)."""
    found: list[Quantity] = []
    taken = start
    for m in NUMBER.finditer(text, start, end):
        if m.start() < taken:
            continue
        number_start = m.start("low") if m.group("low") else m.start("num") if m.group("num") else m.start("vague")
        if any(s <= number_start < e for s, e in blocked):
            continue
        if _NOT_AFTER.search(text, max(0, m.start() - 20), m.start()):
            continue
        head = _head(text, m.end(), end)
        if head is not None:
            noun, stop = head
            unit: str | None = _unit(noun)
        elif m.group("vague") is None and (_CASUALTY.match(text, m.end(), end)
                                           or _CASUALTY_BEFORE.search(text, max(0, m.start() - 12), m.start())
                                           or _TOLL_BEFORE.search(text, max(0, m.start() - 100), m.start())):
            unit, stop = None, m.end()  # "killed 30", "30 were wounded": a count of the casualties
        else:
            continue
        bounds = _bounds(m)
        if bounds is None:
            continue
        value, low, high, approximate = bounds
        taken = stop
        found.append(Quantity(text[m.start():stop], m.start(), stop, _clean(value), _clean(low), _clean(high),
                              unit, approximate or bool(m.group("vague"))))
    return found


def _clean(x: float | None) -> float | None:
    """Whole numbers as ints, so that 250 is written 250 and not 250.0."""
    return x if x is None or x != int(x) else int(x)


@stage(name="quantities", needs={"view", "segments", "times"}, provides={"quantities"})
def quantities(doc: Doc) -> Doc:
    """Every count in the headline and body."""
    view = doc.view
    assert view is not None  # guaranteed by needs={"view"}
    text = view.text
    blocked = [(view.from_original(t.start), view.from_original(t.end)) for t in doc.times]
    out: list[Quantity] = []
    for seg in doc.segments:
        if seg.kind not in _READ:
            continue
        s, e = view.from_original(seg.start), view.from_original(seg.end)
        for q in find_quantities(text, s, e, blocked):
            os_, oe = view.to_original(q.start, q.end)
            out.append(replace(q, text=doc.article.text[os_:oe], start=os_, end=oe))
    return replace(doc, quantities=tuple(out))
