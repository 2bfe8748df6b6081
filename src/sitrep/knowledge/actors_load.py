"""Reading the actor knowledge base's YAML files, with errors that name the file, line and field.

Every file is composed into YAML nodes (which keep their line numbers) and checked against the
schema below before anything is built from it, so a user's broken file is reported as
``my-actors.yaml, line 12, field 'type' (entry 'my-militia'): ...`` and never half-loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml

from ..errors import ConfigError
from ..vocab import ActorKind, ActorType

__all__ = ["RawEntry", "read_countries", "read_entries", "read_peoples"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it
_ID: Final = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO3: Final = re.compile(r"^[A-Z]{3}$")
_YEARS: Final = re.compile(r"^\s*(\d{4})\s*(?:(-)\s*(\d{4})?)?\s*$")
_NULL: Final = frozenset({"", "~", "null", "none"})
BRANCHES: Final = ("military", "police", "government", "intelligence")
ROLES: Final = ("state", "armed", "protesters", "rioters", "crowd", "force", "other")
TAGS: Final = frozenset({"jihadist", "islamist", "separatist", "coalition", "mission", "party", "union", "ethnic",
                         "vigilante", "cartel", "pmc"})
ARMED_AS: Final = ("none", "communal", "rioters", "armed")


@dataclass(slots=True)
class RawEntry:
    """One entry as written: the fields it gives, with the line of each, before merging."""

    id: str
    origin: str  # "file, line N"
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


class _Where:
    """Builds error messages that say where: file, line, field and entry."""

    def __init__(self, path: str) -> None:
        self.path = path

    def error(self, node: yaml.Node, problem: str, *, field_: str | None = None,
              entry: str | None = None) -> ConfigError:
        where = f"{self.path}, line {node.start_mark.line + 1}"
        if field_ is not None:
            where += f", field {field_!r}"
        if entry is not None:
            where += f" (entry {entry!r})"
        return ConfigError(f"actors file {where}: {problem}")


def _compose(text: str, path: str) -> yaml.Node | None:
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        return node
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"actors file {path}{line}: not valid YAML: {e.problem or e.context}. Check the "
                          "indentation and quote values that contain ': ', '#', '{' or '['.") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"actors file {path}: not valid YAML: {e}") from None


def _scalar(node: yaml.Node, where: _Where, name: str, entry: str | None) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise where.error(node, "expected a single value, not a list or a mapping", field_=name, entry=entry)
    return str(node.value).strip()


def _text(node: yaml.Node, where: _Where, name: str, entry: str | None) -> str:
    value = _scalar(node, where, name, entry)
    if not value:
        raise where.error(node, "is empty", field_=name, entry=entry)
    return value


def _texts(node: yaml.Node, where: _Where, name: str, entry: str | None) -> tuple[str, ...]:
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out = []
    for item in items:
        value = _scalar(item, where, name, entry)
        if value.lower() in _NULL:
            raise where.error(item, "holds an empty item", field_=name, entry=entry)
        out.append(value)
    return tuple(out)


def _iso3s(node: yaml.Node, where: _Where, name: str, entry: str | None) -> tuple[str, ...]:
    values = _texts(node, where, name, entry)
    for value in values:
        if not _ISO3.match(value):
            raise where.error(node, f"{value!r} is not an ISO 3166-1 alpha-3 country code; write three capital "
                                    "letters, such as SYR or NGA", field_=name, entry=entry)
    return values


def _actor_type(node: yaml.Node, where: _Where, name: str, entry: str | None) -> ActorType | None:
    value = _scalar(node, where, name, entry)
    if value.lower() in _NULL:
        return None
    if value.isdigit() and 1 <= int(value) <= 8:
        return ActorType(int(value))
    try:
        return ActorType.from_label(value)
    except ValueError:
        labels = ", ".join(f"{t.value} {t.label}" for t in ActorType)
        raise where.error(node, f"{value!r} is not an ACLED actor type; give the inter code or its label "
                                f"({labels}), or null", field_=name, entry=entry) from None


def _years(node: yaml.Node, where: _Where, name: str, entry: str | None) -> tuple[int, int | None]:
    value = _scalar(node, where, name, entry)
    m = _YEARS.match(value)
    if not m:
        raise where.error(node, f"{value!r} is not a span of years; write 2014-, 2012-2016 or 2015",
                          field_=name, entry=entry)
    start = int(m.group(1))
    end = None if m.group(2) else start
    if m.group(3):
        end = int(m.group(3))
    if end is not None and end < start:
        raise where.error(node, f"{value!r} ends before it starts", field_=name, entry=entry)
    return start, end


def _choice(options: tuple[str, ...]) -> Callable[[yaml.Node, _Where, str, str | None], str]:
    def read(node: yaml.Node, where: _Where, name: str, entry: str | None) -> str:
        value = _scalar(node, where, name, entry)
        if value not in options:
            raise where.error(node, f"{value!r} is not one of {', '.join(options)}", field_=name, entry=entry)
        return value

    return read


def _kind(node: yaml.Node, where: _Where, name: str, entry: str | None) -> ActorKind:
    return ActorKind(_choice(tuple(k.value for k in ActorKind))(node, where, name, entry))


def _tags(node: yaml.Node, where: _Where, name: str, entry: str | None) -> frozenset[str]:
    values = _texts(node, where, name, entry)
    unknown = sorted(set(values) - TAGS)
    if unknown:
        raise where.error(node, f"unknown tag {unknown[0]!r}; known tags: {', '.join(sorted(TAGS))}",
                          field_=name, entry=entry)
    return frozenset(values)


def _bool(node: yaml.Node, where: _Where, name: str, entry: str | None) -> bool:
    value = _scalar(node, where, name, entry).lower()
    if value in {"true", "yes"}:
        return True
    if value in {"false", "no"}:
        return False
    raise where.error(node, f"{value!r} is not true or false", field_=name, entry=entry)


def _ref(node: yaml.Node, where: _Where, name: str, entry: str | None) -> str:
    value = _text(node, where, name, entry)
    if not _ID.match(value):
        raise where.error(node, f"{value!r} is not an entry id (lower-case letters, digits and hyphens)",
                          field_=name, entry=entry)
    return value


def _dated_names(node: yaml.Node, where: _Where, name: str,
                 entry: str | None) -> tuple[tuple[int, int | None, str], ...]:
    if not isinstance(node, yaml.MappingNode):
        raise where.error(node, "expected a mapping of years to names, such as {2015-2016: Old Name}",
                          field_=name, entry=entry)
    out: list[tuple[int, int | None, str]] = []
    for key, value in node.value:
        start, end = _years(key, where, name, entry)
        if start is None:
            raise where.error(key, "a dated name needs a first year", field_=name, entry=entry)
        out.append((start, end, _text(value, where, name, entry)))
    return tuple(out)


_Reader = Callable[[yaml.Node, _Where, str, "str | None"], Any]
ENTRY_FIELDS: Final[Mapping[str, _Reader]] = {
    "name": _text, "type": _actor_type, "kind": _kind, "aliases": _texts, "add_aliases": _texts,
    "countries": _iso3s, "country": _iso3s, "active": _years, "tags": _tags, "part_of": _ref,
    "renamed_to": _ref, "backers": _iso3s, "descriptors": _texts, "descriptions": _texts,
    "dated_names": _dated_names, "branch": _choice(BRANCHES), "role": _choice(ROLES), "anchored": _bool,
    "group": _text, "armed_as": _choice(ARMED_AS), "note": _text,
}


def _pairs(node: yaml.MappingNode, where: _Where, entry: str | None) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    seen: set[str] = set()
    for key, value in node.value:
        name = _scalar(key, where, "(key)", entry)
        if name in seen:
            raise where.error(key, f"field {name!r} is given twice", entry=entry)
        seen.add(name)
        yield name, key, value


def read_entries(text: str, path: str, *, fields: Mapping[str, _Reader] = ENTRY_FIELDS) -> list[RawEntry]:
    """The entries of one file: a YAML list of mappings, each with an ``id``."""
    where = _Where(path)
    root = _compose(text, path)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise where.error(root, "expected a list of entries, each starting with '- id: ...'")
    out: list[RawEntry] = []
    seen: dict[str, int] = {}
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            raise where.error(item, "an entry must be a mapping of fields (id, name, type, aliases, ...)")
        id_node = next((v for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == "id"), None)
        if id_node is None:
            raise where.error(item, "entry has no 'id'; give each entry a unique id such as 'my-militia'",
                              field_="id")
        entry_id = _ref(id_node, where, "id", None)
        if entry_id in seen:
            raise where.error(id_node, f"id {entry_id!r} is used twice in this file (first on line "
                                       f"{seen[entry_id]})", field_="id")
        seen[entry_id] = id_node.start_mark.line + 1
        raw = RawEntry(entry_id, f"{path}, line {id_node.start_mark.line + 1}")
        for name, key, value in _pairs(item, where, entry_id):
            if name == "id":
                continue
            reader = fields.get(name)
            if reader is None:
                raise where.error(key, f"unknown field {name!r}; known fields: {', '.join(sorted(fields))}",
                                  entry=entry_id)
            raw.values[name] = reader(value, where, name, entry_id)
            raw.lines[name] = value.start_mark.line + 1
        out.append(raw)
    return out


COUNTRY_FIELDS: Final[Mapping[str, _Reader]] = {
    "name": _text, "names": _texts, "adj": _texts, "people": _texts, "region": _text, "capital": _text,
    "regimes": _texts, "military": _texts, "police": _texts, "government": _texts, "intelligence": _texts,
}


def read_countries(text: str, path: str) -> dict[str, dict[str, Any]]:
    """``countries.yaml``: a mapping of ISO3 codes to their demonyms, names and regimes."""
    where = _Where(path)
    root = _compose(text, path)
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"actors file {path}: expected a mapping of ISO3 codes to country details")
    out: dict[str, dict[str, Any]] = {}
    for code, key, value in _pairs(root, where, None):
        if not _ISO3.match(code):
            raise where.error(key, f"{code!r} is not an ISO 3166-1 alpha-3 code")
        if not isinstance(value, yaml.MappingNode):
            raise where.error(value, "expected a mapping of fields (adj, region, ...)", entry=code)
        record: dict[str, Any] = {}
        for name, fkey, fvalue in _pairs(value, where, code):
            reader = COUNTRY_FIELDS.get(name)
            if reader is None:
                raise where.error(fkey, f"unknown field {name!r}", entry=code)
            record[name] = reader(fvalue, where, name, code)
        years = record.get("regimes", ())
        if any(not y.isdigit() for y in years):
            raise where.error(value, "regimes must be years", field_="regimes", entry=code)
        record["regimes"] = tuple(int(y) for y in years)
        out[code] = record
    return out


PEOPLE_FIELDS: Final[Mapping[str, _Reader]] = {
    "name": _text, "adj": _texts, "people": _texts, "countries": _iso3s, "religion": _bool,
    "label": _choice(("Ethnic", "Clan", "Tribal")), "alone": _bool,
}


def read_peoples(text: str, path: str) -> list[RawEntry]:
    """``peoples.yaml``: ethnic and religious groups."""
    return read_entries(text, path, fields=PEOPLE_FIELDS)


def read_file(path: Path) -> str:
    """A user's file as text, with a clear error when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"no actors file at {path}: give the path of a YAML file of actor entries with "
                          "--actors or SITREP_ACTORS") from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"actors file {path} is not UTF-8 text (byte {e.start}); save it as UTF-8") from None
    except OSError as e:
        raise ConfigError(f"cannot read actors file {path}: {e.strerror or e}") from None
