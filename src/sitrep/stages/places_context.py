"""Places defined by other places: "20 km east of X", "south of X", "the outskirts of X"; the
landmarks of a town ("the city's national hospital"); and names that are places by their context
but in no gazetteer ("the village of Kelleyland"), kept unresolved."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from typing import Final

from ..knowledge.gazetteer import Feature, Gazetteer
from ..knowledge.gazetteer import Place as Entry
from .places_address import province_named_by
from .places_recognise import Mention, Token
from .places_resolve import Resolved
from .places_words import DIRECTIONS, LANDMARKS, NOT_PLACES, ORG_WORDS, english_words, person_names

__all__ = ["AROUND_KM", "BESIDE_KM", "countrysides", "destination", "ellipses", "landmarks", "relative_places",
           "side_of",
           "unresolved_places"]

# Where a text gives a side of a town but no distance, the point of the place it means is this far
# from the town that way: "north of X" (BESIDE_KM) is land just beyond the town, "the northern
# countryside of X" (AROUND_KM) the farms and villages of that side of it. Measured on the 2016-17
# UCDP Syria and ACLED 2016 dev reports: the share of events within 25 km of the coded point rises
# from 0.44 to 0.52 (401 "DIR of X") and from 0.29 to 0.39 (1,239 "DIR countryside of X") against
# the town's own point; both sides' best offsets lie between 10 and 20 km. The precision stays 2
# ("within about 25 km").
BESIDE_KM: Final = 15.0
AROUND_KM: Final = 20.0
_SIDE_WORD: Final = re.compile(r"\b(north|south)?-?(north|south|east|west)(?:ern)?\b", re.IGNORECASE)

_NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a few": 3, "a couple of": 2, "several": 5, "a": 1,
}
_UNITS: Final = {"km": 1.0, "kms": 1.0, "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
                 "mile": 1.609344, "miles": 1.609344, "mi": 1.609344, "m": 0.001, "meters": 0.001,
                 "metres": 0.001}
_DIR: Final = "|".join(sorted((re.escape(d) for d in DIRECTIONS), key=len, reverse=True))
# "... 20 km (12 miles) east of [the town of] " right before a place name
_RELATIVE: Final = re.compile(
    rf"(?:(?:about|some|around|roughly|nearly|almost|approximately|just|over|more than|less than)\s+)?"
    rf"(?:(?P<num>\d+(?:[.,]\d+)?|{'|'.join(_NUMBER_WORDS)})[\s-]*(?P<unit>km|kms|kilomet(?:er|re)s?|miles?|mi|m|met(?:er|re)s)"
    rf"\.?(?:\s*\([^)]{{1,30}}\))?\s+)?(?P<dir>{_DIR})(?:\s+|-)of\s+(?:the\s+(?:\w+\s+)?(?:city|town|village|capital)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
#: "of the capital Mogadishu", "of the town Kidal": the town named in apposition.
_THE_TOWN: Final = re.compile(r"\bof\s+the\s+(?:\w+\s+)?(?:city|town|village|capital)\s+$", re.IGNORECASE)
_NEAR: Final = re.compile(
    r"(?:(?:on|at)\s+the\s+)?(?:outskirts|edge|edges|vicinity|suburbs)\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_LANDMARK: Final = "|".join(sorted(LANDMARKS))
_ADJ: Final = r"(?:(?!and\b|or\b|the\b|of\b|in\b)[a-z][a-z-]+\s+)?"
# "the city's national hospital (and stadium)"
_TOWNS_OWN: Final = re.compile(
    rf"\b(?:the|its)\s+(?:city|town|village|capital)['’]s\s+(?P<a>{_ADJ}(?:{_LANDMARK}))\b"
    rf"(?:\s*(?:,|and)\s+(?:the\s+)?(?P<b>{_ADJ}(?:{_LANDMARK})))?\b",
)
# "the main hospital in X", "the national stadium of X"
_LANDMARK_IN: Final = re.compile(rf"\bthe\s+(?P<a>{_ADJ}(?:{_LANDMARK}))\s+(?:in|of)\s+$")
_UNRESOLVED_BEFORE: Final = re.compile(
    r"\b(?:the\s+)?(?P<kind>village|town|city|district|province|governorate|region|neighbou?rhood|suburb|camp|"
    r"hamlet|settlement|locality)\s+of\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,3})"
)
# "in Kabkabia", "near Geti": a capitalised name after a preposition of place, inside a sentence
_UNRESOLVED_IN: Final = re.compile(
    r"(?<=[a-z,] )(?:in|near|outside|around)\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})(?=[\s,.;:)]|$)"
)
_UNRESOLVED_AFTER: Final = re.compile(
    r"(?<![\w.] )(?P<name>\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+"
    r"(?P<kind>province|governorate|district|village|county|zone|territory|LGA|locality|area|camp)\b"
)
_KIND: Final[dict[str, str | None]] = {
    "village": "city", "town": "city", "city": "city", "hamlet": "city", "settlement": "city", "locality": "city",
    "district": "admin2", "county": "admin2", "province": "admin1", "governorate": "admin1", "region": "region",
    "neighbourhood": "city", "neighborhood": "city", "suburb": "city", "camp": "site", "zone": "admin2",
    "territory": "admin2", "lga": "admin2", "area": None,
}


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` kilometres from (lat, lon) along a bearing in degrees (0 = north)."""
    r = km / 6371.0
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def side_of(phrase: str) -> float | None:
    """The bearing (degrees, 0 = north) of the side a phrase names ("the north-western countryside
    of X": 315), or None when it names none."""
    found = _SIDE_WORD.search(phrase)
    if found is None or (found.group(1) and found.group(2).lower() in ("north", "south")):
        return None
    word = ((found.group(1) or "") + found.group(2)).lower()
    return DIRECTIONS.get(word)


def _distance(num: str | None, unit: str | None) -> float | None:
    if not num or not unit:
        return None
    value: float | None = _NUMBER_WORDS.get(num.lower())
    if value is None:
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            return None
    return value * _UNITS.get(unit.lower().rstrip("."), 1.0)


def relative_places(text: str, mentions: Sequence[Mention], resolved: Sequence[Resolved], gaz: Gazetteer
                    ) -> Iterator[tuple[int, int, Entry, tuple[float, float], str]]:
    """(start, end, base place, point, name) for each "DIST DIR of X" / "DIR of X" / "outskirts of X"
    whose X is a town, site or district, or a province named after its town ("11km northwest of
    Deir Ezzor governorate" is measured from the town)."""
    for m, r in zip(mentions, resolved, strict=True):
        p = r.place
        if p is None or p.feature not in (Feature.CITY, Feature.SITE, Feature.ADMIN2, Feature.ADMIN1):
            continue
        window = text[max(0, m.start - 90):m.start]
        if window.rstrip()[-2:].lower() != "of" and _THE_TOWN.search(window) is None:
            continue  # both patterns end in "of" or "the capital": no need to try them
        found = _RELATIVE.search(window)
        km = _distance(found.group("num"), found.group("unit")) if found else None
        if p.feature is Feature.ADMIN1:  # only a distance is measured from the province's town
            p = next((c.place for c in m.candidates if c.place.feature is Feature.CITY
                      and province_named_by(c.place, m.text, gaz) == p), None) if km else None
            if p is None:
                continue
        if found:
            bearing = DIRECTIONS[found.group("dir").lower()]
            # "north of X" with no distance: the land just beyond the town (a district's point stays put)
            far = km or (BESIDE_KM if p.feature in (Feature.CITY, Feature.SITE) else 0.0)
            point = destination(p.latitude, p.longitude, bearing, far) if far else (p.latitude, p.longitude)
            what = f"{found.group('num')} {found.group('unit')} " if km else ""
            label = f"{what}{found.group('dir').lower()} of {p.name}"
            yield m.start - len(window) + found.start(), m.span_end or m.end, p, point, label
            continue
        near = _NEAR.search(window)
        if near:
            yield m.start - len(window) + near.start(), m.span_end or m.end, p, (p.latitude, p.longitude), \
                f"outskirts of {p.name}"


_SIDE: Final = r"(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+)?"
# "the (northern) countryside of X", "the rural areas of X", "the (eastern) desert of X"
_COUNTRYSIDE_OF: Final = re.compile(
    rf"\b(?:the\s+)?{_SIDE}(?P<what>countryside|rural\s+areas?|desert|villages|environs|hinterland)\s+of\s+$",
    re.IGNORECASE,
)
# "X countryside", "X's (northern) countryside", "Palmyra desert", "Deir Ezzor western desert"
_COUNTRYSIDE_AFTER: Final = re.compile(rf"(?:['’]s)?\s+{_SIDE}(?P<what>countryside|rural\s+areas?|desert)\b",
                                       re.IGNORECASE)
# "the countryside of Damascus" is Rif Dimashq, a province of its own around the capital's
_COUNTRYSIDE_PROVINCE: Final = {("SY", "Dimashq"): "Rif-dimashq"}


def _province_of(p: Entry, name: str, gaz: Gazetteer) -> Entry | None:
    """The province whose land is the countryside of a town: the one it gives its name to
    ("Aleppo", "Raqqa", "Hama"), or None."""
    wanted = _COUNTRYSIDE_PROVINCE.get((p.country, p.admin1 or "")) if p.feature is Feature.CITY else None
    if wanted is None:
        return province_named_by(p, name, gaz)
    for c in gaz.lookup(wanted):
        if c.place.feature is Feature.ADMIN1 and c.place.country == p.country:
            return c.place
    return None


def countrysides(text: str, mentions: Sequence[Mention], resolved: Sequence[Resolved], gaz: Gazetteer
                 ) -> Iterator[tuple[int, int, Entry, str, str, tuple[float, float] | None]]:
    """(start, end, place, name, feature, point) for "the countryside of X", "X countryside": the
    province X names when there is one ("Aleppo countryside": Aleppo province, "admin1", no point
    of its own), else the land around the town X ("relative"), whose point lies on the side the
    text names ("the western countryside of X"), if it names one."""
    for m, r in zip(mentions, resolved, strict=True):
        p = r.place
        if p is None or p.feature not in (Feature.CITY, Feature.ADMIN1, Feature.ADMIN2):
            continue
        end = m.span_end or m.end
        window = text[max(0, m.start - 60):m.start]
        before = _COUNTRYSIDE_OF.search(window) if window.rstrip()[-2:].lower() == "of" else None
        after = None if before else _COUNTRYSIDE_AFTER.match(text, end, min(len(text), end + 40))
        found = before or after
        if found is None:
            continue
        start = m.start - len(window) + before.start() if before else m.start
        stop = after.end() if after else end
        province = _province_of(p, m.text, gaz)
        if province is not None:
            yield start, stop, province, province.name, "admin1", None
        elif p.feature is Feature.CITY:
            bearing = side_of(text[start:m.start] + " " + text[end:stop])  # not a side word of the town's name
            point = None if bearing is None else destination(p.latitude, p.longitude, bearing, AROUND_KM)
            yield start, stop, p, f"{' '.join(found.group('what').lower().split())} of {p.name}", "relative", point


# "North and South Kivu", "Lower and Middle Shabelle", "Central and South America": the first side word stands for
# the place the second names with it
_SIDES: Final = r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower|Middle|Central|Inner|Outer)"
_ELLIPSIS: Final = re.compile(rf"\b(?P<side>{_SIDES})\s*(?:,|and|&|or)\s+$")
_SIDE_START: Final = re.compile(rf"{_SIDES}\s+(?P<rest>\S.*)$")


def ellipses(text: str, mentions: Sequence[Mention], resolved: Sequence[Resolved], gaz: Gazetteer
             ) -> Iterator[tuple[int, int, Entry]]:
    """(start, end, place) for a side word whose name is left to the next one ("North and South Kivu": North
    Kivu; "Lower and Middle Shabelle": Lower Shabelle): the place so named in the country of the one named in
    full, or, for an area across borders ("Central and South America"), the region or continent so named."""
    for m, r in zip(mentions, resolved, strict=True):
        p = r.place
        if p is None or m.demonym is not None:
            continue
        rest = _SIDE_START.match(text, m.start, m.span_end or m.end)
        found = _ELLIPSIS.search(text, max(0, m.start - 16), m.start) if rest else None
        if rest is None or found is None:
            continue
        name = f"{found.group('side')} {rest.group('rest')}"
        areas = (Feature.REGION, Feature.CONTINENT, Feature.WATER)
        cands = [c.place for c in gaz.lookup(name) if not c.loose
                 and (c.place.country == p.country or (p.feature is c.place.feature is Feature.COUNTRY)
                      if p.country else c.place.feature in areas)]
        if cands:
            same = [c for c in cands if c.feature is p.feature] or cands
            yield found.start("side"), found.end("side"), max(same, key=lambda c: c.population)


def landmarks(text: str, towns: Sequence[tuple[Mention, Entry]], spans: Sequence[tuple[int, int]]
              ) -> Iterator[tuple[int, int, Entry, str]]:
    """(start, end, town, name) for landmarks named by their town: "the city's national hospital"
    (the last town named before it), "the main hospital in X"."""
    if not towns:
        return
    for s, e in spans:
        for found in _TOWNS_OWN.finditer(text, s, e):
            before = [t for t in towns if t[0].end <= found.start()]
            town = (before[-1] if before else towns[0])[1]
            for group in ("a", "b"):
                if found.group(group):
                    yield found.start(group), found.end(group), town, f"{found.group(group)}, {town.name}"
    for m, town in towns:
        window = text[max(0, m.start - 60):m.start]
        inside = _LANDMARK_IN.search(window) if window.rstrip().endswith(("in", "of")) else None
        if inside:
            base = m.start - len(window)
            yield base + inside.start("a"), base + inside.end("a"), town, f"{inside.group('a')}, {town.name}"


def unresolved_places(text: str, toks: Sequence[Token], mentions: Sequence[Mention], *,
                      persons: frozenset[str] = frozenset()) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, feature) for names a context makes places ("the village of X", "X province")
    that the gazetteer does not know."""
    taken = [(m.start, m.span_end or m.end) for m in mentions]
    seen: set[tuple[int, int]] = set()
    common, names = english_words(), person_names()
    sentences: dict[int, list[int]] = {}  # sentence -> [its first token's start, its last token's end]
    for t in toks:
        bounds = sentences.get(t.sent)
        if bounds is None:
            sentences[t.sent] = [t.start, t.end]
        else:
            bounds[1] = t.end  # a sentence's tokens come together, in order
    for s, e in sentences.values():
        for pattern in (_UNRESOLVED_BEFORE, _UNRESOLVED_AFTER, _UNRESOLVED_IN):
            for found in pattern.finditer(text, s, e):
                a, b = found.span("name")
                words = found.group("name").lower().split()
                if any(w in NOT_PLACES or w in ORG_WORDS for w in words) or (a, b) in seen:
                    continue
                if pattern is _UNRESOLVED_IN and (words[0] in common or words[0] in names or words[-1] in common
                                                  or found.group("name") in persons):
                    continue  # "in General", "in Smith's house", "in Congress"
                if any(a < te and ts < b for ts, te in taken):
                    continue
                seen.add((a, b))
                yield a, b, _KIND[found.group("kind").lower()] if pattern is not _UNRESOLVED_IN else None
