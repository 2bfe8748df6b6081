"""Addresses: what division words and chains of names say about where a name lies.

- A town's name with a division word stands for the division it names: "Raqqa governorate" is the
  governorate of Ar-Raqqah even where the gazetteer files the province only under "Ar-Raqqah"
  (:func:`add_divisions`).
- An address names a place inside larger ones, smallest first: "Al Maari school area, Raqqa city,
  Raqqa governorate, Syria", "the al-Marj area in the Eastern Ghouta", "al-Salhiya village, north
  of Raqqa city". Each later name *contains* the earlier ones ("X, Y", "X in Y") or lies *near*
  them ("X, north of Y", "X near Y"); the words that describe the earlier name ("school area",
  "neighbourhood", "village") may come between (:func:`links`).
- A chain is an address, not a list of places ("Aleppo, Idlib and Hama"), when it says so: a
  division word in it ("Raqqa city", "Raqqa governorate"), a country at its end, "in", or a word
  that describes the first name ("Hunaida village, Raqqa"). Then an obscure name is held to its
  address: resolved to a namesake inside it, or else left unresolved, never put at a same-named
  place elsewhere (:meth:`Address.hold`, :func:`fits`); the event then falls back to the larger
  units, whose places are known. A list stays a list: a big city or a province beside a division
  ("Aleppo, Idlib province"), names of one kind ("Hama city, Homs city"), a country among
  countries ("Bundibugyo, Côte d'Ivoire and Sudan"), an area in a smaller one ("the Americas in
  Alaska"), or a holder the resolver is much less sure of than the name it would hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from ..knowledge.gazetteer import Candidate, Feature, Gazetteer, Place, great_circle_km
from ..knowledge.placenames import loose_key
from .places_recognise import Mention
from .places_variants import skeleton
from .places_words import ADMIN_SUFFIX

__all__ = ["Address", "Link", "add_divisions", "countries_listed", "fits", "link_after", "links", "list_goes_on",
           "mark_divisions_listed", "province_named_by"]

# Words that describe what a name in an address is: "Al Maari school area", "Hunaida village".
_INSIDE_TOWN: Final = frozenset(
    """neighbourhood neighborhood neighbourhoods neighborhoods quarter street st road avenue square roundabout
    school mosque hospital market souq bakery hotel building buildings complex residential stadium church
    university college factory mill bridge junction pool swimming park garden cemetery prison""".split()
)
_DESCRIBING: Final = _INSIDE_TOWN | frozenset(
    """village villages town city hamlet area areas district subdistrict farm farms camp suburb suburbs
    crossing checkpoint station base airbase airport field fields oilfield hill hills mountain plain valley
    dam well wells silos region countryside desert outskirts vicinity""".split()
) | frozenset(ADMIN_SUFFIX)
_SIDE: Final = r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?|central)"
_WORD: Final = r"[A-Za-z][a-z]+"
# between an earlier name and a later one: "[ school area], [in|near] [the] [north of] [the city of] ";
# a bracket serves as a comma: "Gasera (Bale)", "Dadar ( East Hararge)"
_LINK: Final = re.compile(
    rf"^(?P<words>(?:\s+{_WORD}){{0,3}}?)(?P<comma>\s*[,(]\s*|\s+)"
    rf"(?:(?P<prep>in|inside|within|near|outside|around|of)\s+)?(?:the\s+)?"
    rf"(?:(?P<side>{_SIDE})(?:\s+of)?\s+)?(?:the\s+)?"
    rf"(?:(?P<unit>city|town|village|province|governorate|district)\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR_PREPS: Final = frozenset({"near", "outside", "around"})
# "X area of Y", "X village of Y": X lies in Y (not "the X suburb of Y", whose X names the town)
_PART_OF: Final = frozenset({"area", "areas"}) | frozenset(ADMIN_SUFFIX)
_TOWN_KM: Final = 25.0  # a place "in" a town lies this close to its point
_STREET_KM: Final = 15.0  # a neighbourhood, street or building of a town
_NEAR_KM: Final = 60.0  # "near", "north of" a town
_METROPOLIS: Final = 1_000_000
_BIG: Final = 100_000
_RANK: Final = {Feature.SITE: 0, Feature.CITY: 0, Feature.ADMIN2: 1, Feature.REGION: 2, Feature.ADMIN1: 2,
                Feature.COUNTRY: 3}
_LIST_GAP: Final = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s+$")
_TRUST: Final = 0.2  # an address overrules a name only when its own place is about as sure


@dataclass(frozen=True, slots=True)
class Link:
    """How a later name in an address holds an earlier one."""

    container: int  # the later mention's index
    near: bool  # "X near Y", "X, north of Y": around it rather than inside
    marked: bool  # the text says this is an address: "in", a describing word
    street: bool  # the earlier name is a neighbourhood, street or building ("X neighbourhood, Y")


def _link(text: str, a: Mention, b: Mention) -> Link | None:
    if b.demonym is not None:
        return None
    gap = text[a.span_end or a.end:b.start]
    if len(gap) > 60 or "\n" in gap:
        return None
    found = _LINK.match(gap)
    if found is None:
        return None
    words = found.group("words").lower().split()
    prep = (found.group("prep") or "").lower()
    comma = found.group("comma")
    if any(w not in _DESCRIBING for w in words) or ("," not in comma and "(" not in comma and not prep):
        return None  # "Aleppo and Idlib", "Raqqa Hama": no address
    if prep == "of" and (not words or words[-1] not in _PART_OF):
        return None  # "the Kamwokya area of Kampala" is an address; "the Goma suburb of Ndosho" the other way
    near = prep in _NEAR_PREPS or found.group("side") is not None
    # "X area, Y", "X in Y" say "address"; "X city, Y" does not ("Deir Ezzor city, al-Asharah"), nor
    # another division word ("Idlib province, Hama")
    marked = (any(w not in ADMIN_SUFFIX for w in words) or prep in ("in", "inside", "within", "of")
              or (bool(found.group("unit")) and "," in comma))  # "Mechria, province of Naama"
    return Link(0, near, marked, any(w in _INSIDE_TOWN for w in words))


def links(text: str, mentions: Sequence[Mention]) -> dict[int, Link]:
    """Mention index -> how the next mention holds it, where it does ("X, Y", "X in Y",
    "X neighbourhood, Y city", "X village, north of Y")."""
    out: dict[int, Link] = {}
    for n in range(len(mentions) - 1):
        a, b = mentions[n], mentions[n + 1]
        if a.demonym is not None:
            continue
        found = _link(text, a, b)
        if found is not None and not countries_listed(mentions, n, text) \
                and not (a.feature == b.feature == "admin1" and a.listed and b.listed):
            out[n] = Link(n + 1, found.near, found.marked, found.street)
    return out


#: A town this big shares its name with its province: a list of such names may be of towns.
_BIG_TOWN: Final = 50_000


def mark_divisions_listed(text: str, mentions: Sequence[Mention], main: Callable[[Mention], Place | None]) -> None:
    """Mark the names in a list of three or more where most others stand for first-level divisions (states,
    provinces) as divisions too: "Texas, Utah, Virginia, Washington and Wyoming" names the state of Washington,
    not the capital; "Washington, Pennsylvania and California" three states, no town in Pennsylvania. ``main``
    gives the place a name most likely stands for on its own. Names a big town shares ("Aleppo, Idlib and Hama")
    say nothing either way."""
    run: list[Mention] = []
    for n, m in enumerate(mentions):
        run.append(m)
        nxt = mentions[n + 1] if n + 1 < len(mentions) else None
        if nxt is not None and m.demonym is None and nxt.demonym is None and _in_list(text, m, nxt):
            continue
        if len(run) >= 3:
            divisions = {id(x): p.country for x in run if (p := main(x)) is not None and p.feature is Feature.ADMIN1
                         and not any(c.place.feature is Feature.CITY and c.place.population >= _BIG_TOWN
                                     for c in x.candidates)}
            for i, x in enumerate(run):
                countries = {cc for k, cc in divisions.items() if k != id(x)}
                if len(divisions) - (id(x) in divisions) >= 2 and x.feature in (None, "admin1") \
                        and any(c.place.feature is Feature.ADMIN1 and c.place.country in countries
                                for c in x.candidates) \
                        and not (i + 1 < len(run) and _big_town_of(text, x, run[i + 1])):
                    x.feature, x.listed = "admin1", True
        run = []


def _big_town_of(text: str, a: Mention, b: Mention) -> bool:
    """Whether "A, B" is a big town and the division it is in ("Washington, D.C."), not two divisions."""
    if text[a.span_end or a.end:b.start] not in (", ", ","):
        return False
    return any(c.place.feature is Feature.CITY and c.place.population >= _BIG_TOWN and any(
        d.place.feature is Feature.ADMIN1 and d.place.country == c.place.country
        and (d.place.admin1 == c.place.admin1 or _km(c.place, d.place) < _TOWN_KM) for d in b.candidates)
        for c in a.candidates)


def countries_listed(mentions: Sequence[Mention], n: int, text: str) -> bool:
    """Whether mention ``n`` and the next are countries named in a list ("Mexico, China, Japan and Brazil"), where
    the second does not contain the first (China is no town in Japan)."""
    def country(m: Mention) -> bool:
        return any(not c.alternate and c.place.feature is Feature.COUNTRY for c in m.candidates)

    if not (country(mentions[n]) and country(mentions[n + 1])):
        return False
    return (n > 0 and _in_list(text, mentions[n - 1], mentions[n])) or (
        n + 2 < len(mentions) and _in_list(text, mentions[n + 1], mentions[n + 2]))


def _in_list(text: str, a: Mention, b: Mention) -> bool:
    """Whether two names follow each other in a list: "A, B", "A and B", "A, and the B"."""
    return text[a.span_end or a.end:b.start].removesuffix("the ") in (", ", ",", " and ", ", and ", " or ", ", or ")


def list_goes_on(text: str, mentions: Sequence[Mention], last: Mention) -> bool:
    """Whether the next mention after ``last`` follows it as the next item of a list ("Migori, Homa Bay")."""
    nxt = min((m for m in mentions if m.start >= (last.span_end or last.end)), key=lambda m: m.start, default=None)
    return nxt is not None and _in_list(text, last, nxt)


def link_after(text: str, end: int, mentions: Sequence[Mention]) -> Link | None:
    """How the first mention after ``end`` holds a name that ends there, if it does."""
    for n, m in enumerate(mentions):
        if m.start >= end:
            found = _link(text, Mention(0, 0, end, end, "", []), m)
            return None if found is None else Link(n, found.near, found.marked, found.street)
    return None


def _km(a: Place, b: Place) -> float:
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)


def fits(p: Place, container: Place, link: Link, *, province: Place | None = None) -> bool:
    """Whether ``p`` may be a place its address puts in (or near) ``container``; ``province``:
    the province the container's name also names ("X in Raqqa" may be in Raqqa province)."""
    if container.feature is Feature.COUNTRY:
        return p.country == container.country
    if container.feature is Feature.ADMIN1:  # a place whose province is unknown may be in any
        return p.country == container.country and p.admin1 in (container.admin1, container.name, None)
    if container.feature is Feature.ADMIN2:
        return p.country == container.country and (p.admin2 in (container.admin2, None) or _km(p, container) < _NEAR_KM)
    if container.feature is Feature.REGION:  # regions have no borders: their country at least
        return not container.country or p.country == container.country
    if container.feature in (Feature.CITY, Feature.SITE):
        reach = _NEAR_KM if link.near else _STREET_KM if link.street else _TOWN_KM
        if container.population >= _METROPOLIS:
            reach *= 2.5  # "Wilberforce in North-Western Sydney"
        if _km(p, container) < reach:
            return True
        return (province is not None and not link.street and p.country == province.country
                and p.admin1 == province.admin1)
    return True


def province_named_by(p: Place, name: str, gaz: Gazetteer) -> Place | None:
    """The province a town gives its name to ("Raqqa", "Hama", "Deir Ezzor"), or None."""
    if p.feature is Feature.ADMIN1:
        return p
    if p.feature is not Feature.CITY or not p.admin1:
        return None
    if not _same_name(name, p.admin1) and not _same_name(p.name, p.admin1):
        return None
    for c in gaz.lookup(p.admin1):
        if c.place.feature is Feature.ADMIN1 and c.place.country == p.country:
            return c.place
    return None


def _same_name(a: str, b: str) -> bool:
    if loose_key(a) == loose_key(b):
        return True
    x = skeleton(a)
    return len(x.replace(" ", "")) >= 3 and x == skeleton(b)


def add_divisions(mentions: Sequence[Mention], gaz: Gazetteer) -> None:
    """Give a name whose division word asks for a province ("Raqqa governorate", "Deir Ezzor
    province") the province its towns name, where the gazetteer files that province only under
    another spelling ("Ar-Raqqah")."""
    for m in mentions:
        if m.feature != "admin1" or any(c.place.feature is Feature.ADMIN1 for c in m.candidates):
            continue
        have = {c.place.id for c in m.candidates}
        for c in list(m.candidates):
            province = province_named_by(c.place, m.text, gaz)
            if province is not None and province.id not in have:
                have.add(province.id)
                m.candidates.append(Candidate(province, alternate=c.alternate, loose=c.loose))


class Address:
    """The addresses of an article's mentions (their :func:`links`) and what holds each, given the
    places chosen for them and how sure each choice is."""

    def __init__(self, text: str, mentions: Sequence[Mention], found: dict[int, Link],
                 chosen: Sequence[Place | None], sure: Sequence[float], gaz: Gazetteer) -> None:
        self.text = text
        self.mentions = mentions
        self.found = found
        self.chosen = list(chosen)
        self.sure = list(sure)
        self.gaz = gaz

    def _listed(self, n: int) -> bool:
        """Whether mention ``n`` is one of a list of its kind: "Côte d'Ivoire and Sudan"."""
        p = self.chosen[n]
        if p is None:
            return False
        for a, b in ((n - 1, n), (n, n + 1)):
            if a < 0 or b >= len(self.mentions):
                continue
            q = self.chosen[b if a == n else a]
            if q is not None and q.feature is p.feature and _LIST_GAP.match(
                    self.text[self.mentions[a].span_end or self.mentions[a].end:self.mentions[b].start]):
                return True
        return False

    def holders(self, link: Link | None, sure: float) -> tuple[list[tuple[Place, Link, Mention]], bool]:
        """The places that hold a name in its address, from its ``link`` on, nearest first, each no
        smaller than the one before ("Al Maari, Raqqa city, Raqqa governorate, Syria"), none less
        sure than ``sure`` (less ``_TRUST``) nor one of a list ("X, Côte d'Ivoire and Sudan"); and
        whether the address says it is one (a division word, a country, "in", a describing word)."""
        out: list[tuple[Place, Link, Mention]] = []
        marked = False
        rank = -1
        while link is not None:
            n = link.container
            container, m = self.chosen[n], self.mentions[n]
            if container is None:  # "X area, Tal Abyad street, Raqqa city": on to the next
                link = self.found.get(n)
                continue
            r = _RANK.get(container.feature, -1)
            if r < rank or (self.sure[n] < sure - _TRUST and not link.marked) or self._listed(n):
                break  # "X, Raqqa governorate, Hama": a list goes on
            rank = r
            marked = marked or link.marked or m.feature is not None or container.feature is Feature.COUNTRY
            out.append((container, link, m))
            link = self.found.get(n)
        return out, marked

    def _test(self, holders: list[tuple[Place, Link, Mention]]) -> Callable[[Place], bool]:
        provinces = [None if m.feature == "city" else province_named_by(c, m.text, self.gaz) for c, _, m in holders]

        def test(p: Place) -> bool:
            return all(fits(p, c, link, province=prov) for (c, link, _), prov in zip(holders, provinces, strict=True))

        return test

    def _held(self, n: int, to_country: bool) -> bool:
        """Whether the place of mention ``n`` is one its address may overrule: a town, district, site
        or region (in a country), smaller than what holds it and no bigger than a town said to hold
        it; unless the words between say "address" ("X area in Y") or the address ends with a
        country (``to_country``), not a big city or a province, nor a name with the division word of
        the next ("Aleppo, Idlib province", "Talbiseh city, Hama city": lists)."""
        p, m, link = self.chosen[n], self.mentions[n], self.found[n]
        container = self.chosen[link.container]
        if p is None or container is None:
            return False
        if p.feature not in (Feature.CITY, Feature.SITE, Feature.ADMIN2, Feature.REGION) or not p.country:
            return False
        rank = 0 if p.is_boundary_unit else _RANK[p.feature]  # a district known only from geoBoundaries: weak
        if rank >= _RANK.get(container.feature, 0) and rank > 0:
            return False  # "the Americas in Alaska"
        if (container.feature in (Feature.CITY, Feature.SITE) and not link.street
                and p.population > container.population):
            return False  # "Deir Ezzor city, al-Asharah area": a list
        if link.marked or to_country:
            return True  # "X area in Y"; "Mansoura, Raqqa governorate, Syria" (no Mansoura in Egypt)
        if m.feature is not None and m.feature == self.mentions[link.container].feature:
            return False
        # (a big city only by another of its names is no big city here: "Boni" is a name of Bonn; held, a namesake
        # inside the address still stands)
        return not any((c.place.population >= _BIG and not c.alternate) or (
            not c.alternate and not c.loose and (c.place.is_capital or c.place.feature in (Feature.ADMIN1,
                                                                                          Feature.COUNTRY)))
                       for c in m.candidates)

    def hold(self, prior: Callable[[Candidate], float]) -> list[Place | None]:
        """The places chosen for the mentions, with each obscure name in an address held to it: its
        namesake inside the address (the likeliest by ``prior``), or None when it has none there."""
        out = self.chosen
        for n in range(len(self.mentions) - 1, -1, -1):  # the larger units first
            p = out[n]
            if p is None or n not in self.found:
                continue
            holders, marked = self.holders(self.found[n], self.sure[n])
            if not marked or not holders or not self._held(n, holders[-1][0].feature is Feature.COUNTRY):
                continue
            test = self._test(holders)
            if test(p):
                continue
            inside = [c for c in self.mentions[n].candidates if test(c.place)]
            out[n] = max(inside, key=prior).place if inside else None
        return list(out)

    def allowed(self, places: Sequence[Place], link: Link | None) -> list[Place] | None:
        """Of the places a name outside the gazetteer may be a variant spelling of, those its
        address (``link`` on) allows; None when it is in no address that says so."""
        holders, marked = self.holders(link, 0.0)
        if not marked or not holders:
            return None
        test = self._test(holders)
        return [p for p in places if test(p)]
