"""The actor knowledge base: who fights, protests and governs, and every name the news gives them.

It is written by sitrep's authors as YAML files under ``data/actors/`` (reviewed like code) and
holds:

- every country's state actors, generated from ``countries.yaml`` (demonyms, other names, the years
  governments came to power) and pycountry's names: military, police, government and intelligence,
  named the way ACLED names them ("Military Forces of Nigeria (2015-2023)");
- non-state armed groups, parties and unions (``groups-*.yaml``), and international forces,
  coalitions and organisations (``international.yaml``): aliases, countries, ACLED type, years
  active, renamings (``renamed_to``) and structure (``part_of``);
- peoples (``peoples.yaml``) and generic actors (``generic.yaml``: "gunmen", "troops",
  "villagers"), named after the country the text gives them.

A user's YAML file adds entries or overrides built-in ones by id (:func:`load_kb`). Names are
matched on a folded reading of the text (:func:`fold`: lower case, no diacritics, hyphens and
apostrophes as spaces, same length as the text) with one Aho-Corasick automaton; abbreviations and
other aliases written with two capitals ("IS", "SDF") must match letter case exactly.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, NamedTuple

import ahocorasick

from ..errors import ConfigError
from ..vocab import ActorKind, ActorType
from .actors_load import BRANCHES, RawEntry, read_countries, read_entries, read_file, read_peoples

__all__ = ["ARMED_BRANCHES", "Country", "Entry", "KnowledgeBase", "People", "Target", "fold", "fold_case",
           "load_kb"]

log = logging.getLogger(__name__)

_DATA: Final = "data/actors"
_GROUP_FILES: Final = ("groups-middle-east.yaml", "groups-africa-north-west.yaml",
                       "groups-africa-central-east-south.yaml", "groups-asia.yaml", "groups-europe.yaml",
                       "groups-americas.yaml", "international.yaml")
_BRANCH_NAMES: Final = {"military": "Military Forces of {c}", "police": "Police Forces of {c}",
                        "government": "Government of {c}", "intelligence": "Police Forces of {c}"}
_BRANCH_SUFFIX: Final = {"intelligence": " Intelligence Services"}
_WITH_THE: Final = frozenset({"USA", "GBR", "ARE", "PHL", "NLD", "BHS"})
_STATE_DESCRIPTORS: Final = {
    "military": frozenset({"army", "military", "troops", "soldiers", "forces", "government forces", "regime forces",
                           "security forces", "armed forces"}),
    "police": frozenset({"police", "policemen", "police officers", "security forces"}),
    "government": frozenset({"government", "regime", "authorities", "administration", "state"}),
    "intelligence": frozenset({"intelligence services", "security services", "agency"}),
}
_TAG_DESCRIPTORS: Final = {
    "jihadist": {"jihadists", "jihadist group", "extremists", "terrorists", "terrorist group", "islamists",
                 "militants", "insurgents", "jihadist militants", "islamist militants"},
    "islamist": {"islamists", "islamist group", "islamist militants", "islamist rebels"},
    "separatist": {"separatists", "rebels", "separatist group"},
    "coalition": {"coalition", "alliance"},
    "mission": {"mission", "peacekeepers", "force", "troops", "blue helmets", "peacekeeping force",
                "peacekeeping mission"},
    "party": {"party"},
    "union": {"union"},
    "cartel": {"cartel", "gang", "gangs", "gang members", "criminal group", "criminal gang"},
    "pmc": {"mercenaries", "contractors", "company", "private military company"},
}
#: Who did the attack, looking back: "the attackers", "the assailants" are the armed group the article named
#: before (never the state's forces, which news calls by their own nouns).
_PERPETRATORS: Final = frozenset({"attackers", "assailants", "raiders"})
_TYPE_DESCRIPTORS: Final = {
    ActorType.REBEL_GROUPS: {"rebels", "insurgents", "militants", "fighters", "rebel group", "insurgent group",
                             "armed group", "rebel forces", "insurgent forces", "guerrillas", "gunmen"} | _PERPETRATORS,
    ActorType.POLITICAL_MILITIAS: {"militia", "militias", "militiamen", "fighters", "armed group", "gunmen",
                                   "militants"} | _PERPETRATORS,
    ActorType.IDENTITY_MILITIAS: {"militia", "militias", "militiamen", "fighters", "armed group", "gunmen"}
    | _PERPETRATORS,
}
_BASE_DESCRIPTORS: Final = frozenset({"group", "organisation", "organization", "movement", "outfit"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the knowledge base (a group, a state branch, an organisation or a generic noun)."""

    id: str
    name: str  # "" for state branches (named from the country's regimes); may hold "{country}"
    type: ActorType | None
    kind: ActorKind = ActorKind.ORGANISATION
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    start: int | None = None
    end: int | None = None
    tags: frozenset[str] = frozenset()
    part_of: str | None = None
    renamed_to: str | None = None
    backers: tuple[str, ...] = ()
    descriptors: frozenset[str] = frozenset()
    descriptions: tuple[str, ...] = ()
    dated_names: tuple[tuple[int, int | None, str], ...] = ()
    branch: str | None = None  # state branches and generic state nouns
    role: str | None = None  # generic entries: state, armed, protesters, rioters, crowd, force
    anchored: bool = False
    group: str | None = None
    armed_as: str | None = None
    note: str | None = None
    origin: str = ""

    @property
    def generic(self) -> bool:
        return self.role is not None

    def active_in(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # as actor names write it: "Syria", "Democratic Republic of Congo"
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    names: tuple[str, ...]
    region: str
    capital: str | None
    regimes: tuple[int, ...]

    @property
    def full_name(self) -> str:
        return f"the {self.name}" if self.iso3 in _WITH_THE else self.name


@dataclass(frozen=True, slots=True)
class People:
    """An ethnic, religious or communal group."""

    id: str
    name: str
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    countries: tuple[str, ...]
    religion: bool = False
    label: str = "Ethnic"  # how ACLED names its armed men: "Ethnic", "Clan" or "Tribal" Militia
    alone: bool = True  # whether its name alone ("Fulani attacked") can be the people; false for names that
    # are also common personal or place names ("Banda", "Issa"), which need a noun ("Banda militia")


class Target(NamedTuple):
    """What an alias in the automaton stands for."""

    kind: str  # entry, description, country, adjective, people, capital, ethnic-adj, ethnic-people
    ref: str  # entry id, ISO3 or people id
    exact: str | None  # the alias folded with its letter case kept, when case must match
    capital: bool = False  # the alias starts with a capital letter: so must the text


#: The branches of a state that bear arms: abroad, they are External/Other Forces.
ARMED_BRANCHES: Final = frozenset({"military", "police", "intelligence"})


# --------------------------------------------------------------------------- folding

@cache
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    lower: dict[int, str] = {}
    keep: dict[int, str] = {}
    for cp in range(0x80, 0x250):
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        if not base.isascii():
            base = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"}.get(ch, ch)
        keep[cp] = base
        low = base.lower()
        lower[cp] = low if len(low) == 1 else base
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        lower[ord(ch)] = ch.lower()
    for ch in "-'`\n\t\r":
        lower[ord(ch)] = keep[ord(ch)] = " "
    return lower, keep


def fold(text: str) -> str:
    """Lower case, no diacritics, hyphens and apostrophes read as spaces; same length as ``text``."""
    out = text.translate(_tables()[0])
    return out if out.isascii() or len(out) == len(text) else text


def fold_case(text: str) -> str:
    """As :func:`fold`, keeping letter case (to compare abbreviations)."""
    out = text.translate(_tables()[1])
    return out if len(out) == len(text) else text


def _needs_case(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    if len(letters) <= 3 and any(c.isupper() for c in letters):
        return True
    return any(sum(c.isupper() for c in word) >= 2 for word in alias.replace("-", " ").split())


# --------------------------------------------------------------------------- the knowledge base

class KnowledgeBase:
    """Entries, countries and peoples, and an automaton over all their names."""

    def __init__(self, entries: Mapping[str, Entry], countries: Mapping[str, Country],
                 peoples: Mapping[str, People]) -> None:
        self.entries = dict(entries)
        self.countries = dict(countries)
        self.peoples = dict(peoples)
        self._automaton = self._build()
        self._parts: dict[str, tuple[Entry, ...]] | None = None  # each movement's branches, built when first asked
        self._runs: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] | None = None  # short forms, likewise
        self.alias_count = len(self._automaton)

    def _build(self) -> Any:
        index: dict[str, list[Target]] = {}

        def add(alias: str, kind: str, ref: str) -> None:
            key = fold(alias).strip()
            if not key:
                return
            target = Target(kind, ref, fold_case(alias).strip() if _needs_case(alias) else None, alias[:1].isupper())
            bucket = index.setdefault(key, [])
            if target not in bucket:
                bucket.append(target)

        for e in self.entries.values():
            for alias in e.aliases:
                add(alias, "entry", e.id)
            if e.name and ":" not in e.name and "{" not in e.name and not e.generic:
                add(e.name, "entry", e.id)
            for phrase in e.descriptions:
                add(phrase, "description", e.id)
        for c in self.countries.values():
            for name in c.names:
                add(name, "country", c.iso3)
            for adj in c.adjectives:
                add(adj, "adjective", c.iso3)
            for noun in c.people:
                add(noun, "people", c.iso3)
            if c.capital:
                add(c.capital, "capital", c.iso3)
        for p in self.peoples.values():
            for adj in p.adjectives:
                add(adj, "ethnic-adj", p.id)
            for noun in p.people:
                add(noun, "ethnic-people", p.id)
        automaton = ahocorasick.Automaton()
        for key, targets in index.items():
            automaton.add_word(key, (len(key), tuple(targets)))
        automaton.make_automaton()
        return automaton

    def find(self, folded: str, start: int = 0,
             end: int | None = None) -> Iterator[tuple[int, int, tuple[Target, ...]]]:
        """Every alias in ``folded[start:end]`` that stands as whole words: (start, end, targets)."""
        stop = len(folded) if end is None else end
        if start >= stop:
            return
        for last, (length, targets) in self._automaton.iter(folded, start, stop):
            s, e = last - length + 1, last + 1
            if s > 0 and folded[s - 1].isalnum():
                continue
            if e < len(folded) and folded[e].isalnum():
                continue
            yield s, e, targets

    # ---- queries

    def entry(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def state(self, iso3: str, branch: str) -> Entry | None:
        return self.entries.get(f"{iso3.lower()}-{branch}")

    def current(self, entry: Entry, year: int | None) -> Entry:
        """The entry as it was called in ``year``, following renamings forward."""
        seen = {entry.id}
        while year is not None and entry.end is not None and year > entry.end and entry.renamed_to:
            nxt = self.entries.get(entry.renamed_to)
            if nxt is None or nxt.id in seen:
                break
            seen.add(nxt.id)
            entry = nxt
        return entry

    def branch_in(self, entry: Entry, iso3: str | None, year: int | None) -> Entry | None:
        """The one branch of a movement that acts in a country (in ``year``): "the Islamic State" in Egypt is its
        Sinai Province, in Tunisia the Soldiers of the Caliphate. None when the movement has no branch there, or
        several (which of them the text means is not known)."""
        if iso3 is None or iso3 in entry.countries:
            return None  # the movement's own ground
        found = [e for e in self._branches().get(entry.id, ()) if iso3 in e.countries
                 and (year is None or e.active_in(year))]
        return found[0] if len(found) == 1 else None

    def has_branches(self, entry: Entry) -> bool:
        """Whether a movement has branches of its own in other countries (the Islamic State, al-Qaeda)."""
        return entry.id in self._branches()

    def _branches(self) -> dict[str, tuple[Entry, ...]]:
        if self._parts is None:
            parts: dict[str, list[Entry]] = {}
            for e in self.entries.values():
                parent = self.entries.get(e.part_of) if e.part_of else None
                # a branch abroad, not a faction at home (the Mayi Mayi's Nyatura)
                if parent is not None and any(c not in parent.countries for c in e.countries):
                    parts.setdefault(parent.id, []).append(e)
            self._parts = {k: tuple(v) for k, v in parts.items()}
        return self._parts

    def shortened(self, words: tuple[str, ...]) -> list[tuple[Entry, tuple[str, ...]]]:
        """The named entries one of whose aliases holds ``words`` (folded, two words or more) inside it, with the
        alias's other words: ("shura", "council") -> the BRSC with ("benghazi", "revolutionaries"), ..."""
        if self._runs is None:
            runs: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
            for e in self.entries.values():
                if e.generic or e.branch is not None:
                    continue
                for alias in e.aliases:
                    alias_words = tuple(fold(alias).split())
                    for n in range(2, len(alias_words)):
                        for i in range(len(alias_words) - n + 1):
                            rest = alias_words[:i] + alias_words[i + n:]
                            bucket = runs.setdefault(alias_words[i:i + n], [])
                            if (e.id, rest) not in bucket:
                                bucket.append((e.id, rest))
            self._runs = runs
        return [(self.entries[ref], rest) for ref, rest in self._runs.get(words, ())]

    def region(self, entry: Entry) -> str:
        if entry.countries and entry.countries[0] in self.countries:
            return self.countries[entry.countries[0]].region
        return "international"

    def country_name(self, iso3: str | None) -> str | None:
        c = self.countries.get(iso3 or "")
        return c.name if c is not None else None

    def regime(self, iso3: str, year: int | None) -> str:
        """ " (2015-2023)" for the government in power in ``year`` (the latest when unknown)."""
        c = self.countries.get(iso3)
        if c is None or not c.regimes:
            return ""
        starts = c.regimes
        idx = len(starts) - 1
        if year is not None:
            if year < starts[0]:
                return ""
            idx = max(i for i, s in enumerate(starts) if s <= year)
        end = f"{starts[idx + 1]}" if idx + 1 < len(starts) else ""
        return f" ({starts[idx]}-{end})"

    def state_name(self, iso3: str | None, branch: str, year: int | None) -> str:
        c = self.countries.get(iso3 or "")
        if c is None:
            return {"military": "Military Forces", "police": "Police Forces", "government": "Government",
                    "intelligence": "Intelligence Services"}[branch]
        return _BRANCH_NAMES[branch].format(c=c.full_name) + self.regime(c.iso3, year) + _BRANCH_SUFFIX.get(branch, "")

    def name_of(self, entry: Entry, *, country: str | None = None, year: int | None = None) -> str:
        """The name an actor goes by: dated names and regimes by ``year``, templates by ``country``."""
        if entry.branch and not entry.name and entry.countries:
            return self.state_name(entry.countries[0], entry.branch, year)
        for start, end, name in entry.dated_names:
            if year is not None and start <= year and (end is None or year <= end):
                return name
        return fill(entry.name, self.country_name(country))

    def people_name(self, people: People, *, armed: bool, country: str | None) -> str:
        if people.religion:
            base = f"{people.name} {'Militia' if armed else 'Group'}"
        else:
            base = f"{people.name} {people.label} {'Militia' if armed else 'Group'}"
        return fill(base + " ({country})", self.country_name(country))

    def descriptors(self, entry: Entry) -> frozenset[str]:
        """The nouns that can refer back to an entry ("the group", "the militants")."""
        if entry.branch:
            return _STATE_DESCRIPTORS[entry.branch]
        out = set(_BASE_DESCRIPTORS) | set(entry.descriptors)
        if entry.type is not None:
            out |= _TYPE_DESCRIPTORS.get(entry.type, set())
        for tag in entry.tags:
            out |= _TAG_DESCRIPTORS.get(tag, set())
        return frozenset(out)

    def stats(self) -> dict[str, Counter[str]]:
        """Counts of entries and aliases by region and by type (for docs/DATA.md)."""
        out: dict[str, Counter[str]] = {"entries_by_region": Counter(), "aliases_by_region": Counter(),
                                        "entries_by_type": Counter(), "aliases_by_type": Counter()}
        for e in self.entries.values():
            if e.generic:
                continue
            region = self.region(e)
            label = e.type.label if e.type is not None else "no type"
            n = len(e.aliases) + len(e.descriptions)
            if e.branch and e.countries in [(c,) for c in self.countries]:
                c = self.countries[e.countries[0]]
                n += len(c.adjectives) + len(c.names)  # "Syrian army", "army of Syria"
            out["entries_by_region"][region] += 1
            out["aliases_by_region"][region] += n
            out["entries_by_type"][label] += 1
            out["aliases_by_type"][label] += n
        return out


def fill(template: str, country: str | None) -> str:
    """``"Protesters ({country})"`` with the country's name, or without the parenthesis."""
    if "{country}" not in template:
        return template
    if country:
        return template.replace("{country}", country)
    return template.replace(" ({country})", "").replace("({country})", "").strip()


# --------------------------------------------------------------------------- building

def _countries() -> tuple[dict[str, Country], dict[str, Entry]]:
    """Countries, and the four state branches of each."""
    import pycountry

    records = read_countries(_data_text("countries.yaml"), f"{_DATA}/countries.yaml")
    countries: dict[str, Country] = {}
    states: dict[str, Entry] = {}
    for iso3, r in records.items():
        pc = pycountry.countries.get(alpha_3=iso3)
        official = [getattr(pc, a) for a in ("common_name", "name", "official_name") if hasattr(pc, a)]
        name = r.get("name") or (official[0] if official else iso3)
        names = tuple(dict.fromkeys([name, *r.get("names", ()), *(n for n in official if "," not in n)]))
        adjectives = tuple(r.get("adj", ()))
        people = tuple(r.get("people", ())) or tuple(p for p in map(_plural, adjectives) if p)
        countries[iso3] = Country(iso3, name, adjectives, people, names, r.get("region", "other"),
                                  r.get("capital"), r["regimes"])
        for branch in BRANCHES:
            eid = f"{iso3.lower()}-{branch}"
            states[eid] = Entry(eid, "", ActorType.STATE_FORCES, aliases=tuple(r.get(branch, ())), countries=(iso3,),
                                branch=branch, origin=f"{_DATA}/countries.yaml ({iso3})")
    return countries, states


def _plural(adjective: str) -> str:
    """ "Syrians" from "Syrian"; nothing for "Chinese", "British", "U.S." (given by hand if needed)."""
    if "." in adjective or " " in adjective or adjective.isupper():
        return ""
    if adjective.endswith(("ese", "ish", "ch", "ss")):
        return ""
    return adjective + "s"


def _entry(raw: RawEntry, base: Entry | None) -> Entry:
    v = raw.values
    if base is None:
        if "name" not in v and v.get("role") is None:
            raise ConfigError(f"actors file {raw.origin}: entry {raw.id!r} is new and has no 'name'; give it a "
                              "name (and a type), or use the id of a built-in entry to change that one")
        base = Entry(raw.id, "", None, origin=raw.origin)
    changes: dict[str, Any] = {k: v[k] for k in ("name", "type", "kind", "part_of", "renamed_to", "branch", "role",
                                                 "anchored", "group", "armed_as", "note", "dated_names", "tags")
                               if k in v}
    for k in ("aliases", "backers", "descriptions"):
        if k in v:
            changes[k] = tuple(v[k])
    if "add_aliases" in v:
        changes["aliases"] = tuple(dict.fromkeys((*changes.get("aliases", base.aliases), *v["add_aliases"])))
    if "countries" in v or "country" in v:
        changes["countries"] = tuple(v.get("countries", ())) + tuple(v.get("country", ()))
    if "descriptors" in v:
        changes["descriptors"] = frozenset(fold(d).strip() for d in v["descriptors"])
    if "active" in v:
        changes["start"], changes["end"] = v["active"]
    if v.get("role") and "kind" not in v:
        changes["kind"] = ActorKind.GROUP if v["role"] != "state" else ActorKind.ORGANISATION
    return replace(base, **changes, origin=raw.origin)


def _check_refs(entries: Mapping[str, Entry], raws: list[RawEntry], countries: Mapping[str, Country]) -> None:
    for raw in raws:
        for fname in ("part_of", "renamed_to"):
            ref = raw.values.get(fname)
            if ref is not None and ref not in entries:
                raise ConfigError(f"actors file {raw.origin.rsplit(', line', 1)[0]}, line {raw.lines[fname]}, "
                                  f"field {fname!r} (entry {raw.id!r}): no entry has the id {ref!r}")
        for fname in ("countries", "country", "backers"):
            for code in raw.values.get(fname, ()):
                if code not in countries:
                    raise ConfigError(f"actors file {raw.origin.rsplit(', line', 1)[0]}, line {raw.lines[fname]}, "
                                      f"field {fname!r} (entry {raw.id!r}): {code!r} is not a country sitrep knows")


def _data_text(name: str) -> str:
    return resources.files("sitrep.knowledge").joinpath(f"{_DATA}/{name}").read_text(encoding="utf-8")


@cache
def _builtin() -> tuple[dict[str, Entry], dict[str, Country], dict[str, People], tuple[RawEntry, ...]]:
    countries, entries = _countries()
    raws: list[RawEntry] = []
    for name in (*_GROUP_FILES, "generic.yaml"):
        raws.extend(read_entries(_data_text(name), f"{_DATA}/{name}"))
    for raw in raws:
        if raw.id in entries:
            raise ConfigError(f"actors file {raw.origin}: id {raw.id!r} is used twice in the built-in files")
        entries[raw.id] = _entry(raw, None)
    peoples: dict[str, People] = {}
    for raw in read_peoples(_data_text("peoples.yaml"), f"{_DATA}/peoples.yaml"):
        v = raw.values
        peoples[raw.id] = People(raw.id, v["name"], tuple(v.get("adj", ())), tuple(v.get("people", ())),
                                 tuple(v.get("countries", ())), bool(v.get("religion", False)),
                                 v.get("label") or "Ethnic", bool(v.get("alone", True)))
    _check_refs(entries, raws, countries)
    return entries, countries, peoples, tuple(raws)


@cache
def _kb(user_file: Path | None, _stamp: float) -> KnowledgeBase:
    entries, countries, peoples, _ = _builtin()
    entries = dict(entries)
    if user_file is not None:
        raws = read_entries(read_file(user_file), str(user_file))
        for raw in raws:
            entries[raw.id] = _entry(raw, entries.get(raw.id))
        _check_refs(entries, raws, countries)
        log.info("read %d actor entries from %s", len(raws), user_file)
    return KnowledgeBase(entries, countries, peoples)


def load_kb(user_file: Path | str | None = None) -> KnowledgeBase:
    """The built-in knowledge base, with the entries of ``user_file`` (YAML) added or overriding.

    Loaded once per process (per user file and its modification time). Raises
    :class:`~sitrep.errors.ConfigError` naming the file, line and field of a broken entry.
    """
    if user_file is None:
        return _kb(None, 0.0)
    path = Path(user_file)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = -1.0  # read_file reports it
    return _kb(path, stamp)
