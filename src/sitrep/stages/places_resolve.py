"""Resolution: which of the places a name can stand for the article means.

Every mention of one name in an article means one place (one sense per discourse; the name with
a division word is another: "Raqqa governorate" is not "Raqqa city"), chosen by a score that adds
up:

- a prior from the kind of place and its size: a country before a province before a city, a big
  city before a village, the capital before a namesake, a main name before an alternate name or a
  variant spelling (a town listed without its population is a division's seat: a small town);
- the article's country focus: the share of its unambiguous places (and demonyms) in each country,
  and the country of its site's domain ("thisisoxfordshire.co.uk": Britain);
- admin hints: "Mosul in Iraq", "Tela, Taraba", "Columbus, Ohio" put the first name inside the
  second; "X province" asks for a province, "X County" for a county;
- closeness to the article's other places, found among all their namesakes (two names of one
  small area are rarely chance: "Alexandria" and "Douglas County", Minnesota), and a town and its
  province named in one article backing each other ("Gainesville" and "Georgia").

The focus is computed twice: from the unambiguous mentions first, then from every resolved one.
A name that is only a small place's variant spelling or other name ("al-Zahraa": Az Zahra,
Libya) is placed by the others and places none of them; any variant spelling counts for less.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from ..knowledge.gazetteer import Candidate, Feature, Place, great_circle_km
from ..knowledge.placenames import exact_key
from .places_address import countries_listed
from .places_recognise import Mention
from .places_variants import TRANSLITERATED

__all__ = ["Resolved", "km", "prior", "resolve"]

_PRIOR: Final = {
    Feature.COUNTRY: 6.0, Feature.CONTINENT: 6.0, Feature.ADMIN1: 4.0, Feature.REGION: 5.0, Feature.WATER: 5.0,
    Feature.SITE: 2.0, Feature.ADMIN2: 1.0, Feature.CITY: 0.0,
}
_NEAR_KM: Final = 250.0
_LOCAL: Final = frozenset({Feature.CITY, Feature.ADMIN2, Feature.SITE})
_SMOOTHING: Final = 1.0
_SUPPORT: Final = 1.5
# However unlikely another name's place is among its namesakes, one this close backs a place this much:
# two names of one small area are rarely chance ("Alexandria" and "Douglas County", Minnesota)
_CLOSE_FLOOR: Final = ((25.0, 0.7), (60.0, 0.4))
_IN_PROVINCE: Final = 0.3  # a town and its province named in one article back each other this much
_HOME: Final = 0.5  # the site's country counts as much as a demonym
_LOCAL_CAP: Final = 50_000
_ROUNDS: Final = 3
_LOOSE_WEIGHT: Final = 0.3
_WEAK_TOWN: Final = 50_000
_SEAT: Final = 1_000
_UNIT: Final = 0.5  # the prior of a district known only from geoBoundaries: below any town's
_TOWN: Final = 20_000
_COUNTY_PROVINCES: Final = frozenset({"KE", "LR"})  # countries whose first-order divisions are counties
_EXONYM: Final = 5.0  # an alternate name counts as a main one for a place this many times bigger
_REACH_DEG: Final = 300.0 / (math.pi * 6371.0 / 180.0)  # 300 km of latitude: beyond, no nearness counts
_CELL_DEG: Final = 1.5  # grid cells for finding nearby candidates (1.5 degrees: over 150 km)


@dataclass(frozen=True, slots=True)
class Resolved:
    place: Place | None
    confidence: float


def km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)


def prior(c: Candidate, local: bool = False) -> float:
    """How likely a place is meant by its name, before context; for the paper's own town
    (``local``) a big namesake has no head start ("Dublin" in a Dublin, Ohio paper)."""
    p = c.place
    score = _PRIOR[p.feature]
    if p.feature is Feature.CITY:
        # a town listed without its population is listed as the seat of a division: a small town
        people = p.population or _SEAT
        score += 0.5 * math.log10((min(people, _LOCAL_CAP) if local else people) + 10)
        if p.is_capital and not local:
            score += 1.5
    elif p.is_boundary_unit:
        # a district known only from geoBoundaries: no population, and often named like a village
        # or a word elsewhere; the article's country or a division word has to speak for it
        score = _UNIT
    elif p.feature in (Feature.ADMIN1, Feature.ADMIN2):
        score += 0.1 * math.log10(p.population + 10)
    if c.alternate:
        score -= 0.3
    if c.loose:
        score -= 0.6
    return score


def _inside(p: Place, container: Place) -> bool:
    if container.feature is Feature.COUNTRY:
        return p.country == container.country
    if container.feature is Feature.ADMIN1:
        return p.country == container.country and (p.admin1 == container.admin1 or p.admin1 == container.name)
    if container.feature is Feature.ADMIN2:
        return p.country == container.country and p.admin2 == container.admin2
    return False


def _hints(mentions: Sequence[Mention], text: str) -> dict[int, list[int]]:
    """Mention index -> indexes of mentions that contain it ("X, Y" and "X in Y")."""
    out: dict[int, list[int]] = defaultdict(list)
    for n, m in enumerate(mentions[:-1]):
        nxt = mentions[n + 1]
        gap = text[m.span_end or m.end:nxt.start]
        if gap in (", ", ",", " in ", ", in ") and nxt.demonym is None and not countries_listed(mentions, n, text):
            out[n].append(n + 1)
    return out


def _near_bonus(p: Place, anchors: Sequence[Place]) -> float:
    """How much closeness to the article's other places speaks for ``p``."""
    if p.feature is Feature.ADMIN1:
        return 1.2 if any(a.country == p.country and a.admin1 == p.admin1 for a in anchors) else 0.0
    if p.feature not in _LOCAL or not anchors:
        return 0.0
    # a place further north or south than the widest reach is too far whatever its longitude
    lat = p.latitude
    nearest = min((km(a, p) for a in anchors if abs(a.latitude - lat) < _REACH_DEG), default=math.inf)
    return 1.0 if nearest < 50 else 0.6 if nearest < 150 else 0.3 if nearest < 300 else 0.0


class _Focus:
    """What the article is about, by country and by first-order division: each name's share,
    so that a name can be weighed against the others without counting itself."""

    def __init__(self) -> None:
        self.country: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))  # key -> cc -> weight
        self.admin1: dict[str, dict[tuple[str, str], float]] = defaultdict(lambda: defaultdict(float))

    def set(self, key: str, p: Place, weight: float) -> None:
        """What one name now counts for (replacing what it counted for before)."""
        self.country.pop(key, None)
        self.admin1.pop(key, None)
        self.add(key, p, weight)

    def add(self, key: str, p: Place | None, weight: float, *, country: str | None = None) -> None:
        cc = country or (p.country if p is not None else "")
        if cc:
            self.country[key][cc] += weight
        if p is not None and p.country and p.admin1 and p.feature is not Feature.COUNTRY:
            self.admin1[key][(p.country, p.admin1)] += weight

    def shares(self, key: str) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
        cc: dict[str, float] = defaultdict(float)
        a1: dict[tuple[str, str], float] = defaultdict(float)
        for k, weights in self.country.items():
            if k != key:
                for country, w in weights.items():
                    cc[country] += w
        for k, divisions in self.admin1.items():
            if k != key:
                for division, w in divisions.items():
                    a1[division] += w
        # smoothed: one passing mention elsewhere is not yet an article's focus
        tc, ta = sum(cc.values()) + _SMOOTHING, sum(a1.values()) + _SMOOTHING
        return {k: v / tc for k, v in cc.items()}, {k: v / ta for k, v in a1.items()}


def _support(cands: dict[str, list[Candidate]], paper: frozenset[str], silent: frozenset[str] = frozenset()
             ) -> dict[tuple[str, int], float]:
    """For each town, district, site or province a name may stand for: how much the article's
    other names back it, by standing (likely enough) for a place within 150 km ("Huntsville" and
    "Walker County" both in Texas), for the province it lies in, or for a town inside it
    ("Gainesville" and "Georgia"). Each other name counts once, by the likelihood of its place
    among its own candidates (from their priors). The ``silent`` names are backed but back none."""
    cells: dict[tuple[int, int], list[tuple[str, Place, float]]] = defaultdict(list)
    provinces: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)  # the names that may be it
    towns_in: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)  # the names of towns inside
    backed: dict[str, list[Candidate]] = {}
    for key, found in cands.items():
        priors = [prior(c, key in paper) for c in found]
        top = max(priors)
        total = sum(math.exp(p - top) for p in priors)
        backed[key] = []
        for c, p in zip(found, priors, strict=True):
            q = math.sqrt(math.exp(p - top) / total)
            place = c.place
            if place.feature in _LOCAL:
                backed[key].append(c)
                if key not in silent:
                    cells[_cell(place)].append((key, place, q))
                    if place.admin1:
                        towns_in[(place.country, place.admin1)].append((key, q))
            elif place.feature is Feature.ADMIN1 and place.admin1:
                backed[key].append(c)
                if key not in silent:
                    provinces[(place.country, place.admin1)].append((key, q))
    out: dict[tuple[str, int], float] = {}
    for key, found in backed.items():
        for c in found:
            backing: dict[str, float] = {}
            place = c.place
            if place.feature is Feature.ADMIN1:
                for other, q in towns_in.get((place.country, place.admin1 or ""), ()):
                    if other != key and _IN_PROVINCE * q > backing.get(other, 0.0):
                        backing[other] = _IN_PROVINCE * q
            else:
                for other, q in provinces.get((place.country, place.admin1 or ""), ()):
                    if other != key and _IN_PROVINCE * q > backing.get(other, 0.0):
                        backing[other] = _IN_PROVINCE * q
                cx, cy = _cell(place)
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        for other, d, q in cells.get((cx + dx, cy + dy), ()):
                            if other == key or max(q, _CLOSE_FLOOR[0][1]) <= backing.get(other, 0.0):
                                continue
                            w = _closeness(km(place, d), q)
                            if w > backing.get(other, 0.0):
                                backing[other] = w
            if backing:
                out[(key, place.id)] = min(3.0, _SUPPORT * sum(backing.values()))
    return out


def _closeness(dist: float, q: float) -> float:
    """How much another name backs a place ``dist`` km from its own, ``q`` the likelihood of that
    place among the other name's namesakes: a close pair is rarely chance, whatever those odds
    ("Paris" and "Henry County", Tennessee, 4 km apart)."""
    if dist >= 150.0:
        return 0.0
    base = 1.0 if dist < 25.0 else 0.7 if dist < 60.0 else 0.35
    floor = next((f for reach, f in _CLOSE_FLOOR if dist < reach), 0.0)
    return base * max(q, floor)


def _cell(p: Place) -> tuple[int, int]:
    return math.floor(p.latitude / _CELL_DEG), math.floor(p.longitude / _CELL_DEG)


@dataclass(frozen=True, slots=True)
class _Name:
    """What a name's own mentions say about its candidates, the same in every round."""

    priors: list[float]  # of its candidates, in order
    main_exists: float | None  # the population of the biggest place with the name as its main name
    country_name: bool  # the name is a country's own
    want: set[str]  # the features its suffix words ask for ("province")
    containers: list[Mention]  # the names said to contain it ("X, Y", "X in Y")


def _score(c: Candidate, prior: float, name: _Name, *, country: dict[str, float],
           admin1: dict[tuple[str, str], float], anchors: Sequence[Place], support: float) -> float:
    p = c.place
    s = prior
    main_exists, want = name.main_exists, name.want
    if c.alternate and main_exists is not None and not (
            p.country in TRANSLITERATED and p.population >= _EXONYM * max(main_exists, _TOWN / _EXONYM)):
        # another place has this very name as its main name ("Mexico" is a name of Mexico City); not
        # when it is the English name of a far bigger town whose own name is transliterated
        # ("Palmyra" for Tadmur)
        s -= 1.0
    else:
        s += support
    share = country.get(p.country, 0.0)
    s += 3.0 * share
    if share > 0.0 and not name.country_name and p.feature is not Feature.COUNTRY:
        s += 1.5  # in a country the article names ("Gaza" with "Palestinians"; not "Niger" with "Nigeria")
    if p.admin1:
        s += 2.0 * admin1.get((p.country, p.admin1), 0.0)
    if want:
        s += 2.5 if p.feature.label in want or _county_province(p, want) else -1.0
    for cont in name.containers:
        inner = [x.place for x in cont.candidates if x.place.id != p.id]
        if any(_inside(p, x) for x in inner):
            s += 3.0
        elif inner and inner[0].feature in (Feature.COUNTRY, Feature.ADMIN1):
            s -= 1.0
    return s + _near_bonus(p, [a for a in anchors if a.id != p.id])


def _county_province(p: Place, want: set[str]) -> bool:
    """Whether a province answers a name that asks for a county: Kenya's and Liberia's counties
    are their first-order divisions ("Embu County")."""
    return "admin2" in want and p.feature is Feature.ADMIN1 and p.country in _COUNTY_PROVINCES


def _weak(cands: Sequence[Candidate]) -> bool:
    """Whether a name is only some small place's variant spelling or other name ("al-Zahraa": Az
    Zahra, Libya): it is placed by the article's other names, and places none of them."""
    return all(c.loose or c.alternate for c in cands) and max(c.place.population for c in cands) < _WEAK_TOWN


def _drop_towns_named_like_areas(key: str, cands: list[Candidate], support: dict[tuple[str, int], float]
                                 ) -> list[Candidate]:
    """Without a hint ("Lebanon, Pennsylvania") or other names of the article around it, a name
    that is a country's, a sea's or a region's own is not some town abroad that carries it too
    ("China" in Japan, "Pacific" in Missouri)."""
    areas = [c for c in cands if not c.alternate and not c.loose
             and c.place.feature in (Feature.COUNTRY, Feature.CONTINENT, Feature.WATER, Feature.REGION)]
    if not areas:
        return cands
    home = {c.place.country for c in areas}
    return [c for c in cands if c.place.feature is not Feature.CITY or c.place.country in home
            or support.get((key, c.place.id), 0.0) >= 1.0]


def _drop_namesakes(cands: list[Candidate], want: set[str | None]) -> list[Candidate]:
    """A province named like its country ("Mexico", "Taiwan") or its country's capital
    ("Washington") is not meant, nor one named like its main town ("Raqqa", "Aleppo", "Kirkuk"),
    unless the text asks for the province ("Raqqa province", "Mexico state")."""
    if "admin1" in want or "admin2" in want:
        return cands
    countries = {c.place.country for c in cands if c.place.feature is Feature.COUNTRY and not c.alternate}
    countries |= {c.place.country for c in cands if c.place.is_capital and not c.alternate}  # "Washington"
    towns = {(c.place.country, c.place.admin1) for c in cands
             if c.place.feature is Feature.CITY and not c.alternate and c.place.population >= _TOWN}
    return [c for c in cands if not (c.place.feature is Feature.ADMIN1 and (
        c.place.country in countries or (c.place.country, c.place.admin1) in towns))]


def _sense(m: Mention) -> str:
    """What one sense per discourse is kept for: a name, and apart from it the name with a division
    word ("Raqqa governorate" is not "Raqqa city")."""
    key = exact_key(m.text)
    return f"{key}#{m.feature}" if m.feature in ("admin1", "admin2") else key


def resolve(mentions: Sequence[Mention], text: str, *, local: frozenset[str] = frozenset(),
            home: str | None = None, containers: dict[int, list[int]] | None = None,
            actors: Mapping[str, float] | None = None) -> list[Resolved]:
    """The place each mention stands for (None for a demonym or a name with no candidates).
    ``local``: the keys of names the article's address carries (its paper's town); ``home``: the
    country its site's domain names, if any; ``containers``: mention index -> the indexes of the
    mentions said to contain it (by default "X, Y" and "X in Y"); ``actors``: country -> how
    strongly the article's actors point to it ("SAF" and "RSF": Sudan)."""
    hints = _hints(mentions, text) if containers is None else containers
    groups: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(mentions):
        if m.demonym is None and m.candidates:
            groups[_sense(m)].append(n)
    # first guess: each name's likeliest place by its prior; demonyms count for their country
    focus = _Focus()
    for n, m in enumerate(mentions):
        if m.demonym is not None:
            focus.add(f"#demonym{n}", None, 0.5, country=m.demonym.country)
    if home:
        focus.add("#address", None, _HOME, country=home)
    for cc, weight in (actors or {}).items():
        focus.add(f"#actors {cc}", None, weight, country=cc)
    chosen: dict[str, Candidate] = {}
    for key, idxs in groups.items():
        if all(mentions[n].bare for n in idxs):
            continue  # a county named without its word is no evidence until others back it
        cands = [c for n in idxs for c in mentions[n].candidates]
        if _weak(cands):
            continue
        here = key in local
        best = max(cands, key=lambda c: prior(c, here))
        countries = {c.place.country for c in cands if not c.alternate}
        weight = 1.0 if best.place.feature is Feature.COUNTRY or len(countries) == 1 else 0.3
        focus.add(key, best.place, weight * max(mentions[n].evidence for n in idxs) * len(idxs) ** 0.5)
    candidates = {key: _drop_namesakes(list({c.place.id: c for n in idxs for c in mentions[n].candidates}.values()),
                                       {mentions[n].feature for n in idxs}) for key, idxs in groups.items()}
    for key, idxs in list(groups.items()):
        allowed = {cc for n in idxs if (within := mentions[n].within) for cc in within}
        if allowed:  # "Mafa LGA": a division of Nigeria, or unresolved
            candidates[key] = [c for c in candidates[key] if c.place.country in allowed]
            if not candidates[key]:
                del groups[key], candidates[key]
    weak = frozenset(key for key, found in candidates.items() if _weak(found))
    support = _support(candidates, local, weak)
    for key, idxs in list(groups.items()):
        if all(mentions[n].bare for n in idxs):  # "Travis" is Travis County only near the article's places
            candidates[key] = [c for c in candidates[key] if support.get((key, c.place.id), 0.0) > 0.0]
            if not candidates[key]:
                del groups[key], candidates[key]
    for key, idxs in groups.items():
        if not any(h in hints for h in idxs):
            candidates[key] = _drop_towns_named_like_areas(key, candidates[key], support)
    margins: dict[str, float] = {}
    anchors: dict[str, Place] = {}
    weights = {key: max(mentions[n].evidence for n in idxs) * len(idxs) ** 0.5 for key, idxs in groups.items()}
    names = {key: _Name(
        priors=[prior(c, key in local) for c in candidates[key]],
        main_exists=max((c.place.population for c in candidates[key] if not c.alternate), default=None),
        country_name=any(not c.alternate and c.place.feature is Feature.COUNTRY for c in candidates[key]),
        want={f for n in idxs if (f := mentions[n].feature) is not None},
        containers=[mentions[h] for n in idxs for h in hints.get(n, ())],
    ) for key, idxs in groups.items()}
    # each name in turn, with what the others stand for so far, until no choice changes
    for _ in range(_ROUNDS):
        changed = False
        for key, name in names.items():
            country, admin1 = focus.shares(key)
            others = [p for k, p in anchors.items() if k != key]
            scored = sorted(((_score(c, prior, name, country=country, admin1=admin1, anchors=others,
                                     support=support.get((key, c.place.id), 0.0)), c)
                             for c, prior in zip(candidates[key], name.priors, strict=True)), key=lambda x: -x[0])
            best = scored[0][1]
            changed = changed or chosen.get(key) is not best
            chosen[key] = best
            margins[key] = scored[0][0] - scored[1][0] if len(scored) > 1 else 4.0
            # a variant spelling says less about the article's country than a name spelt as the place's
            focus.set(key, best.place, 0.0 if key in weak else weights[key] * (_LOOSE_WEIGHT if best.loose else 1.0))
            if best.place.feature in _LOCAL and key not in weak:
                anchors[key] = best.place
            else:
                anchors.pop(key, None)
        if not changed:
            break
    out: list[Resolved] = []
    for m in mentions:
        c = chosen.get(_sense(m)) if m.demonym is None else None
        if c is None:
            out.append(Resolved(None, 0.0))
            continue
        sure = min(1.0, 0.55 + margins[_sense(m)] / 8)
        out.append(Resolved(c.place, round(sure * m.evidence, 3)))
    return out
