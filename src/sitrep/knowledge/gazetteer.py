"""The gazetteer: every place sitrep can name, indexed by the keys of :mod:`.placenames`.

It is built once from what the installed packages ship (see :mod:`.gazetteer_build` and
``docs/DATA.md``) into one file in the user's cache folder, and loaded from there in well under a
second. The file holds:

- the places, as columns (name, latitude, longitude, country, first- and second-order
  administrative division, feature, population, GeoNames id);
- two name indexes, exact key -> places and loose key -> places, each place id tagged with whether
  the name is the place's main name or one of its alternate names (a name of several places points
  into one array of their ids);
- the demonyms ("Syrian" -> Syria, "Ohioans" -> Ohio), the countries' ISO codes and neighbours.

The file is a cache: it records the format version, the sources it was built from and a digest of
sitrep's own data files; a file of another version is rebuilt rather than read, and one built from
other data files is rebuilt when opened. Nothing is downloaded, ever.

Layout: ``SITREPGZ`` (8 bytes), a 4-byte little-endian header length, a JSON header, then the
sections it lists (raw arrays and JSON documents), each at its offset.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import struct
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

import orjson

from ..errors import GazetteerError
from .placenames import TRANSLITERATED, exact_key, has_article, loose_key, spelt_out

__all__ = [
    "BOUNDARY",
    "BUILD_CODE",
    "DATA_FILES",
    "FORMAT_VERSION",
    "Candidate",
    "Feature",
    "Gazetteer",
    "Place",
    "Progress",
    "great_circle_km",
    "build",
    "data_digest",
    "default_cache_dir",
    "gazetteer_path",
    "info",
    "open_gazetteer",
]

log = logging.getLogger(__name__)

FORMAT_VERSION: Final = 4
MAGIC: Final = b"SITREPGZ"
FILE_NAME: Final = f"gazetteer-{FORMAT_VERSION}.bin"

#: ``progress(step, done, total)``: what a long build reports as it goes.
Progress = Callable[[str, int, int], None]


class Feature(IntEnum):
    """What kind of place an entry is; the value is stored in the file."""

    COUNTRY = 0
    ADMIN1 = 1
    ADMIN2 = 2
    CITY = 3
    REGION = 4  # a named area that is no administrative unit: "Eastern Ghouta", "the Sahel"
    CONTINENT = 5
    WATER = 6  # a sea, gulf, lake or river
    SITE = 7  # a camp, crossing, base or airport with its own name

    @property
    def label(self) -> str:
        return self.name.lower()


_FEATURES: Final = {f.value: f for f in Feature}
_LOCAL_FEATURES: Final = frozenset({Feature.CITY, Feature.ADMIN2, Feature.SITE})
_LOOKUPS_KEPT: Final = 100_000  # names whose candidates are kept for the next article that writes them

#: Entry flag bits.
CAPITAL: Final = 1  # the capital of its country
SUPPLEMENT: Final = 2  # from sitrep's own curated supplement
BOUNDARY: Final = 4  # a second- or third-order division known only from geoBoundaries


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: int
    name: str
    latitude: float
    longitude: float
    country: str  # ISO 3166-1 alpha-2, "" for a continent or an area across borders
    admin1: str | None
    admin2: str | None
    feature: Feature
    population: int
    geonames_id: int | None
    flags: int

    @property
    def is_capital(self) -> bool:
        return bool(self.flags & CAPITAL)

    @property
    def is_boundary_unit(self) -> bool:
        """A district, woreda, locality or territory known only from geoBoundaries (no town of the
        gazetteer has its name and place): a name of it is weaker evidence than a town's."""
        return bool(self.flags & BOUNDARY)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name can stand for, and how the name matched it."""

    place: Place
    alternate: bool  # the name is one of the place's alternate names, not its main name
    loose: bool  # matched on the loose key only (a variant spelling)


class Gazetteer:
    """A loaded gazetteer file. Read-only, and safe to share between threads (what it keeps of
    earlier questions, entries and lookups, is the same whichever thread asks first)."""

    def __init__(self, path: Path, header: Mapping[str, Any], columns: Mapping[str, Any]) -> None:
        self.path = path
        self.header = header
        self._names: list[str] = columns["names"]
        self._lat: array[float] = columns["lat"]
        self._lon: array[float] = columns["lon"]
        self._pop: array[int] = columns["pop"]
        self._gid: array[int] = columns["gid"]
        self._cc: array[int] = columns["cc"]
        self._a1: array[int] = columns["a1"]
        self._a2: array[int] = columns["a2"]
        self._feat: array[int] = columns["feat"]
        self._flags: array[int] = columns["flags"]
        self._countries: list[str] = columns["countries"]
        self._admin: list[str] = columns["admin"]
        # name key -> entry code (id << 1 | alternate), or -1 - where its codes are in ``_postings``
        # (a count, then the codes): plain ints, so that the garbage collector never visits them
        self._exact: dict[str, int] = columns["exact"]
        self._loose: dict[str, int] = columns["loose"]
        self._postings: array[int] = columns["postings"]
        self._demonyms: dict[str, int] = columns["demonyms"]
        self._neighbours: dict[str, list[str]] = columns["neighbours"]
        self._iso3: dict[str, str] = columns["iso3"]
        self._iso2: dict[str, str] = {three: two for two, three in self._iso3.items()}
        self._country_ids: dict[str, int] = columns["country_ids"]
        self._first_words: frozenset[str] = frozenset(columns["first_words"])
        # entries are made from the columns when first asked for, then kept (they are immutable)
        self._entries: list[Place | None] = [None] * len(self._names)
        self._by_country: dict[str, list[int]] | None = None
        self._lookups: dict[str, tuple[Candidate, ...]] = {}

    # ------------------------------------------------------------------ entries

    def __len__(self) -> int:
        return len(self._names)

    def place(self, i: int) -> Place:
        p = self._entries[i]
        if p is not None:
            return p
        a1, a2 = self._a1[i], self._a2[i]
        gid = self._gid[i]
        p = Place(
            id=i,
            name=self._names[i],
            latitude=round(self._lat[i], 5),
            longitude=round(self._lon[i], 5),
            country=self._countries[self._cc[i]],
            admin1=self._admin[a1] if a1 else None,
            admin2=self._admin[a2] if a2 else None,
            feature=_FEATURES[self._feat[i]],
            population=self._pop[i],
            geonames_id=gid if gid > 0 else None,
            flags=self._flags[i],
        )
        self._entries[i] = p
        return p

    def in_country(self, iso2: str) -> list[int]:
        """The ids of the places of a country (ISO 3166-1 alpha-2), without making their entries."""
        if self._by_country is None:
            by_code: dict[int, list[int]] = {}
            for i, code in enumerate(self._cc):
                by_code.setdefault(code, []).append(i)
            self._by_country = {self._countries[code]: ids for code, ids in by_code.items()}
        return self._by_country.get(iso2, [])

    def name(self, i: int) -> str:
        """The main name of place ``i``, without making its entry."""
        return self._names[i]

    def country(self, iso2: str) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        i = self._country_ids.get(iso2)
        return self.place(i) if i is not None else None

    def iso3(self, iso2: str) -> str | None:
        """ISO 3166-1 alpha-3 for alpha-2 (``"SY"`` -> ``"SYR"``)."""
        return self._iso3.get(iso2)

    def iso2(self, iso3: str) -> str | None:
        """ISO 3166-1 alpha-2 for alpha-3 (``"SYR"`` -> ``"SY"``)."""
        return self._iso2.get(iso3)

    def demonym(self, text: str) -> Place | None:
        """The place a demonym refers to: ``"Syrian"`` -> Syria, ``"Ohioans"`` -> Ohio."""
        i = self._demonyms.get(exact_key(text))
        return self.place(i) if i is not None else None

    def neighbours(self, iso2: str) -> list[str]:
        """The countries that share a border with a country (alpha-2 codes)."""
        return self._neighbours.get(iso2, [])

    # ------------------------------------------------------------------ names

    def may_start_name(self, word_key: str) -> bool:
        """Whether some name's exact or loose key begins with this word (a cheap pre-filter)."""
        return word_key in self._first_words

    def knows(self, text: str) -> bool:
        """Whether some place has a name spelt so (its exact key; cheaper than :meth:`lookup`)."""
        return exact_key(text) in self._exact

    def lookup(self, text: str) -> list[Candidate]:
        """The places a name can stand for: those with its exact spelling if there are any,
        else those with its loose key."""
        key = exact_key(text)
        done = self._lookups.get(key)
        if done is None:
            if len(self._lookups) >= _LOOKUPS_KEPT:
                self._lookups.clear()
            done = self._lookups[key] = tuple(self._lookup(key, text))
        return list(done)

    def _lookup(self, key: str, text: str) -> list[Candidate]:
        found, loose = self._codes(key, text)
        full = spelt_out(key)
        if full is not None:  # "Mt. Pleasant": every Mount Pleasant, not only those listed as "Mt. Pleasant"
            more, more_loose = self._codes(full, full)
            # the towns of the full spelling, after those listed with the short one; "St. Patrick" may
            # be a saint's church or school rather than one of the Saint Patricks: by another name
            saint = 1 if {"st", "ste"} & set(key.split(" ")) else 0
            towns = [] if more_loose else [code | saint for code in more if self._feat[code >> 1] in _LOCAL_FEATURES]
            if towns:
                found, loose = (found if not loose else []) + towns, False
        seen: set[int] = set()
        out: list[Candidate] = []
        arabic = loose and has_article(key)  # "al-Jinah" read as "Jina": only where names are transliterated
        for code in found:
            pid = code >> 1
            if pid in seen or (arabic and self._countries[self._cc[pid]] not in TRANSLITERATED):
                continue
            seen.add(pid)
            out.append(Candidate(self.place(pid), alternate=bool(code & 1), loose=loose))
        if not loose and out and all(c.place.is_boundary_unit for c in out):
            # only districts known from geoBoundaries spell it so: the places of other spellings
            # ("Ar-Raqqa": Ar Raqqah) are candidates too, as variant spellings
            for code in self._loose_codes(text):
                if code >> 1 not in seen:
                    seen.add(code >> 1)
                    out.append(Candidate(self.place(code >> 1), alternate=bool(code & 1), loose=True))
        return out

    def _codes(self, key: str, text: str) -> tuple[list[int], bool]:
        """The index entries of a name by its exact key, else by its loose key; and whether they
        are the loose key's."""
        got = self._exact.get(key)
        if got is not None:
            return self._posting(got), False
        return self._loose_codes(text), True

    def _loose_codes(self, text: str) -> list[int]:
        """The index entries of a name by its loose key."""
        lkey = loose_key(text)
        hits: list[int] = []
        for table in (self._exact, self._loose):
            more = table.get(lkey)
            if more is not None:
                hits.extend(self._posting(more))
        return hits

    def _posting(self, value: int) -> list[int]:
        if value >= 0:
            return [value]
        at = -1 - value
        return self._postings[at + 1:at + 1 + self._postings[at]].tolist()

    def names(self) -> Iterator[str]:
        """Every exact key in the index (for diagnostics and tests)."""
        return iter(self._exact)


# ---------------------------------------------------------------------- the file

_ARRAYS: Final = {"lat": "f", "lon": "f", "pop": "q", "gid": "q", "cc": "H", "a1": "I", "a2": "I", "feat": "B",
                  "flags": "B", "postings": "I"}
_JSON: Final = ("names", "countries", "admin", "exact", "loose", "first_words", "demonyms", "neighbours", "iso3",
                 "country_ids")


def write_file(path: Path, columns: Mapping[str, Any], meta: Mapping[str, Any]) -> None:
    """Write a gazetteer file atomically (a temporary file renamed into place)."""
    sections: list[tuple[str, bytes]] = []
    for name, code in _ARRAYS.items():
        arr = columns[name]
        if not isinstance(arr, array) or arr.typecode != code:
            arr = array(code, arr)
        sections.append((name, arr.tobytes()))
    for name in _JSON:
        sections.append((name, orjson.dumps(columns[name])))
    offsets: dict[str, list[int]] = {}
    pos = 0
    for name, blob in sections:
        offsets[name] = [pos, len(blob)]
        pos += len(blob)
    header = {"format": FORMAT_VERSION, "byteorder": sys.byteorder, "sections": offsets, **meta}
    head = orjson.dumps(header)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(MAGIC + struct.pack("<I", len(head)) + head)
            for _, blob in sections:
                fh.write(blob)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_header(path: Path) -> dict[str, Any]:
    """The header of a gazetteer file: format, sources, counts, when it was built."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(12)
            if len(start) < 12 or start[:8] != MAGIC:
                raise GazetteerError(f"{path} is not a sitrep gazetteer file; delete it and run "
                                     "\"sitrep gazetteer build\"")
            (size,) = struct.unpack("<I", start[8:])
            header: dict[str, Any] = orjson.loads(fh.read(size))
    except OSError as e:
        raise GazetteerError(f"cannot read the gazetteer {path}: {e.strerror or e}") from None
    except orjson.JSONDecodeError:
        raise GazetteerError(f"the gazetteer {path} is damaged; run \"sitrep gazetteer build\" to rebuild it") from None
    return header


def load(path: Path) -> Gazetteer:
    """Read a gazetteer file written by :func:`write_file`."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise GazetteerError(f"cannot read the gazetteer {path}: {e.strerror or e}") from None
    if data[:8] != MAGIC or len(data) < 12:
        raise GazetteerError(f"{path} is not a sitrep gazetteer file; delete it and run \"sitrep gazetteer build\"")
    (size,) = struct.unpack("<I", data[8:12])
    try:
        header = orjson.loads(data[12:12 + size])
        if header.get("format") != FORMAT_VERSION or header.get("byteorder") != sys.byteorder:
            raise GazetteerError(f"the gazetteer {path} was written by another version of sitrep; run "
                                 "\"sitrep gazetteer build\" to rebuild it")
        body = memoryview(data)[12 + size:]
        columns: dict[str, Any] = {}
        for name, (offset, length) in header["sections"].items():
            blob = body[offset:offset + length]
            if name in _ARRAYS:
                arr = array(_ARRAYS[name])
                arr.frombytes(blob)
                columns[name] = arr
            else:
                columns[name] = orjson.loads(blob)
    except (KeyError, ValueError, TypeError, orjson.JSONDecodeError) as e:
        raise GazetteerError(f"the gazetteer {path} is damaged ({e}); run \"sitrep gazetteer build\" to "
                             "rebuild it") from None
    return Gazetteer(path, header, columns)


# ---------------------------------------------------------------------- where it lives

def default_cache_dir() -> Path:
    """The user's cache folder for sitrep: ``$XDG_CACHE_HOME/sitrep`` (``~/.cache/sitrep``), or the
    platform's equivalent on macOS and Windows."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "sitrep"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "sitrep"
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "sitrep" / "Cache"
    return Path.home() / ".cache" / "sitrep"


def gazetteer_path(cache_dir: Path | None = None) -> Path:
    """Where the gazetteer file is (or will be) for a cache folder (default: :func:`default_cache_dir`)."""
    return (cache_dir or default_cache_dir()) / FILE_NAME


def build(cache_dir: Path | None = None, *, cities: str = "cities500", progress: Progress | None = None
          ) -> dict[str, Any]:
    """(Re)build the gazetteer of a cache folder from the installed packages; returns its header."""
    from .gazetteer_build import build_gazetteer

    path = gazetteer_path(cache_dir)
    with _LOCK:
        header = build_gazetteer(path, cities=cities, progress=progress)
        _LOADED.pop(path, None)
    return {"path": str(path), **header}


def info(cache_dir: Path | None = None) -> dict[str, Any]:
    """What the gazetteer of a cache folder holds: path, size, when and from what it was built."""
    path = gazetteer_path(cache_dir)
    if not path.is_file():
        raise GazetteerError(f"no gazetteer at {path}. Run \"sitrep gazetteer build\" (it is also built on first use)")
    header = read_header(path)
    header.pop("sections", None)
    header.pop("byteorder", None)
    return {"path": str(path), "bytes": path.stat().st_size, **header}


_LOADED: dict[Path, tuple[float, Gazetteer]] = {}
_LOCK = threading.Lock()


def open_gazetteer(cache_dir: Path | None = None, *, build_missing: bool = True,
                   progress: Progress | None = None) -> Gazetteer:
    """The gazetteer of a cache folder, loaded once per process (and again if the file changes).

    When the file is missing and ``build_missing`` is true, it is built first, from the installed
    packages, which takes about half a minute and is logged step by step.
    """
    path = gazetteer_path(cache_dir)
    with _LOCK:
        try:
            mtime = path.stat().st_mtime
        except OSError:
            mtime = -1.0
        cached = _LOADED.get(path)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        if mtime < 0:
            if not build_missing:
                raise GazetteerError(f"no gazetteer at {path}. Run \"sitrep gazetteer build\" (or set "
                                     "SITREP_CACHE_DIR to the folder that holds one)")
            from .gazetteer_build import build_gazetteer

            log.warning("building the gazetteer at %s: first use, once, about half a minute", path)
            started = time.perf_counter()
            build_gazetteer(path, progress=progress or _log_progress)
            log.warning("gazetteer built in %.0f s", time.perf_counter() - started)
            mtime = path.stat().st_mtime
        gaz = load(path)
        if gaz.header.get("data") != data_digest():
            if not build_missing:
                log.warning("the gazetteer at %s was built from other data files than this sitrep's; run "
                            "\"sitrep gazetteer build\" to rebuild it", path)
            else:
                from .gazetteer_build import build_gazetteer

                log.warning("rebuilding the gazetteer at %s: sitrep's place data changed since it was built", path)
                build_gazetteer(path, cities=gaz.header.get("cities", "cities500"),
                                progress=progress or _log_progress)
                mtime = path.stat().st_mtime
                gaz = load(path)
        _LOADED[path] = (mtime, gaz)
        return gaz


#: sitrep's own data files the gazetteer is built from (``knowledge/data``).
DATA_FILES: Final = ("countries.tsv", "demonyms.tsv", "admin1_points.tsv", "places_aliases.tsv",
                     "places_supplement.tsv", "english_words.txt", "person_names.txt")
def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


#: The modules that turn the packages' files and :data:`DATA_FILES` into a gazetteer.
BUILD_CODE: Final = ("gazetteer_build.py", "gazetteer_boundaries.py")


@lru_cache(maxsize=1)
def data_digest() -> str:
    """A digest of :data:`DATA_FILES` and of the code that builds the gazetteer from them (:data:`BUILD_CODE`),
    kept in the file's header: a gazetteer built from other versions of them is rebuilt when opened."""
    digest = hashlib.sha256()
    package = resources.files("sitrep.knowledge")
    folder = package.joinpath("data")
    for name in DATA_FILES:
        digest.update(folder.joinpath(name).read_bytes())
    for name in BUILD_CODE:
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _log_progress(step: str, done: int, total: int) -> None:
    if done == 0:
        log.warning("gazetteer: %s ...", step)
