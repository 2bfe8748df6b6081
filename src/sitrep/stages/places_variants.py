"""Spelling variants of transliterated names, read only inside the country an article is about.

News writes the towns of Syria, Iraq, Yemen or Somalia in many spellings the gazetteer's two keys
(:mod:`sitrep.knowledge.placenames`) do not fold: "Menbej" (Manbij), "Sheikh Meskin" (Shaykh
Miskin), "Al-Dameer" (Ad Dumayr), "Qameshly" (Al Qamishli), "Ma'ra al-Nu'man" (Ma'arrat an
Nu'man). Their *skeletons* agree: the consonants of each word, with the Arabic article (also glued
on: "Ezzor"), doubled letters, a final h and the -t of a construct state ("Ma'arrat", "Qaryat")
left out, and q/k, dh/d, th/t, gh/g, dj/j read alike.

A skeleton says much less than a key, so it is only ever read for a country the article already
points to by other names, among the countries whose names reach English by transliteration
(:data:`TRANSLITERATED`), and only for names of three consonants or more. The index of skeletons
is built from the gazetteer's main names of those countries' places, a country at a time, when an
article first points to it (a few milliseconds; Turkey's 4,000 places take the longest).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from ..knowledge.gazetteer import Candidate, Feature, Gazetteer
from ..knowledge.placenames import TRANSLITERATED, squeeze, tokens
from .places_recognise import Mention

__all__ = ["TRANSLITERATED", "Variants", "add_variants", "countries_pointed_to", "skeleton"]

_ARTICLES: Final = frozenset("al el il ar er ad ed as es ash esh at et ath az ez an en adh ul ud".split())
_GLUED: Final = re.compile(r"^(?:a|e)([dnrstz])\1")  # "Ezzor", "Assafira": an article glued on
_PAIRS: Final = (("dh", "d"), ("th", "t"), ("gh", "g"), ("kh", "k"), ("dj", "j"), ("ph", "f"), ("ch", "sh"),
                 ("q", "k"), ("c", "k"))
_VOWELS: Final = re.compile(r"[aeiouyw]+")
_MIN_CONSONANTS: Final = 3
_WORD_BEFORE: Final = re.compile(r"\b[A-Z][a-z]+[ -]$")
_CITY: Final = 100_000  # a town this big (or a capital) names its country by itself


def _word(word: str, *, construct: bool) -> str:
    glued = _GLUED.match(word)
    if glued and len(word) > 4:
        word = word[glued.start(1) + 1:]
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiouy":
        word = word[:-1]
    if construct and len(word) > 4 and word[-1] == "t" and word[-2] in "aeiu":
        word = word[:-1]  # "Ma'arrat an-Nu'man" = "Ma'ra al-Nu'man"
    for a, b in _PAIRS:
        word = word.replace(a, b)
    head, rest = word[:1], _VOWELS.sub("", word[1:])
    out = (head if head not in "aeiouyw" else "") + rest
    return squeeze(out)


def skeleton(name: str) -> str:
    """The consonant skeleton of a name: "Sheikh Meskin" -> "shk mskn", "Deir Ezzor" -> "dr zr"."""
    words = tokens(name)
    kept = [w for i, w in enumerate(words) if not (w in _ARTICLES and i + 1 < len(words))]
    if not kept or any(w.isdigit() for w in kept):
        return ""
    return " ".join(_word(w, construct=i + 1 < len(kept)) for i, w in enumerate(kept))


def _enough(key: str) -> bool:
    return sum(len(w) for w in key.split()) >= _MIN_CONSONANTS and len(key.split()[0]) >= 2


class Variants:
    """Skeleton -> places, for the places of :data:`TRANSLITERATED` countries in one gazetteer,
    indexed a country at a time, when an article first points to it."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._index: dict[str, dict[str, list[int]]] = {}
        self._lock = threading.Lock()

    def _built(self, cc: str) -> dict[str, list[int]]:
        index = self._index.get(cc)
        if index is None:
            with self._lock:
                index = self._index.get(cc)
                if index is None:
                    gaz = self._gazetteer
                    found: dict[str, list[int]] = defaultdict(list)
                    for i in gaz.in_country(cc):
                        key = skeleton(gaz.name(i))
                        if key and _enough(key):
                            found[key].append(i)
                    index = self._index[cc] = dict(found)
        return index

    def lookup(self, name: str, countries: Iterable[str]) -> list[Candidate]:
        """The places of ``countries`` whose main name has the skeleton of ``name`` (as loose,
        main-name candidates), or [] when the name is too short to compare this way."""
        wanted = [c for c in countries if c in TRANSLITERATED]
        if not wanted:
            return []
        key = skeleton(name)
        if not key or not _enough(key):
            return []
        out: list[Candidate] = []
        for cc in wanted:
            for i in self._built(cc).get(key, ()):
                out.append(Candidate(self._gazetteer.place(i), alternate=False, loose=True))
        return out


def countries_pointed_to(mentions: Iterable[Mention], *, spelt: bool = True) -> set[str]:
    """The countries an article points to without doubt: by a demonym ("Syrian"), a country's
    name, a province's, or a capital or city of 100,000 people or more by its main name
    ("Damascus", "Aleppo"); never by a loose or alternate match, unless (``spelt``) nothing else
    points anywhere and a name's variant spellings all lie in one country ("Der-Ezzor")."""
    out: set[str] = set()
    variants: set[str] = set()  # by variant spellings of one country's big town only ("Der-Ezzor")
    for m in mentions:
        if m.demonym is not None:
            if m.demonym.country:
                out.add(m.demonym.country)
            continue
        main = [c.place for c in m.candidates if not c.alternate and not c.loose]
        into = out
        if not main and len({c.place.country for c in m.candidates}) == 1:
            main, into = [c.place for c in m.candidates], variants
        if not main:
            continue
        best = max(main, key=lambda p: (p.feature in (Feature.COUNTRY, Feature.ADMIN1), p.is_capital, p.population))
        if best.country and (best.feature in (Feature.COUNTRY, Feature.ADMIN1) or best.is_capital
                             or best.population >= _CITY):
            into.add(best.country)
    return out or (variants if spelt else set())


def add_variants(mentions: list[Mention], countries: set[str], variants: Variants, text: str) -> list[Mention]:
    """Give each name that has no place by its own spelling in one of ``countries`` the places
    there that share its skeleton ("Al-Dameer" beside "Damascus": Ad Dumayr as well as Ad-Damir
    in Sudan); the resolver then weighs them all. Two names side by side that are one name of
    such a place ("Ma'ra al-Nu'man") become one mention."""
    if not countries & TRANSLITERATED:
        return mentions
    merged: list[Mention] = []
    for m in mentions:
        word = _WORD_BEFORE.search(text, max(0, m.start - 24), m.start)
        if word and m.demonym is None and not (merged and merged[-1].end > word.start()):
            both = text[word.start():m.end]
            found = variants.lookup(both, countries)
            if found:  # "Reef Dimashq" (Rif Dimashq), where "Reef" alone is no name
                m = Mention(m.first - 1, m.last, word.start(), m.end, both, found, feature=m.feature,
                            span_end=m.span_end, strong=m.strong, evidence=m.evidence, notes=["one name"])
        prev = merged[-1] if merged else None
        if (prev is not None and prev.demonym is None and m.demonym is None and prev.span_end is None
                and text[prev.end:m.start] in (" ", "-")):
            both = text[prev.start:m.end]
            found = variants.lookup(both, countries)
            if found:
                merged[-1] = Mention(prev.first, m.last, prev.start, m.end, both, found, feature=m.feature,
                                     span_end=m.span_end, strong=prev.strong or m.strong,
                                     evidence=max(prev.evidence, m.evidence), notes=["one name in two parts"])
                continue
        merged.append(m)
    for m in merged:
        if m.demonym is not None or any(c.place.country in countries for c in m.candidates):
            continue
        have = {c.place.id for c in m.candidates}
        extra = [c for c in variants.lookup(m.text, countries) if c.place.id not in have]
        if extra:
            m.candidates = [*m.candidates, *extra]
            m.notes.append("spelling variant in the article's country")
    return merged
