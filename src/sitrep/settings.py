"""Every setting sitrep has, declared once: name, default and a one-line help.

A setting is read, in order of precedence, from the command-line option of the same name
(``--max-input-bytes``), from the environment (``SITREP_MAX_INPUT_BYTES``), or from its default.
``docs/cli.md`` lists them all; a test checks that it does.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Settings", "SETTING_HELP", "parse_size"]

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2,
          "mib": 1024**2, "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def parse_size(value: str | int) -> int:
    """``"10MB"``, ``"512k"`` or ``1048576`` -> bytes."""
    if isinstance(value, int):
        size = value
    else:
        text = value.strip().lower().replace(" ", "")
        digits = text.rstrip("abcdefghijklmnopqrstuvwxyz")
        unit = text[len(digits):]
        if unit not in _UNITS or not digits.replace(".", "", 1).isdigit():
            raise ConfigError(f"not a size: {value!r}. Give bytes, or a number with KB, MB or GB (e.g. 10MB).")
        size = int(float(digits) * _UNITS[unit])
    if size <= 0:
        raise ConfigError(f"a size must be positive, not {value!r}")
    return size


def _parse_bool(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    text = value.strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"not a yes/no value: {value!r}. Use true or false.")


def _parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from .dates import parse_iso

    parsed = parse_iso(value)
    if parsed is None:
        raise ConfigError(f"not an ISO date: {value!r}. Give YYYY-MM-DD (e.g. 2017-10-16).")
    return parsed


def _parse_path(value: str | Path | None) -> Path | None:
    if value is None or isinstance(value, Path):
        return value
    if not value.strip():
        raise ConfigError("an empty path: give a folder (e.g. ~/.cache/sitrep)")
    return Path(value).expanduser()


def _parse_file(value: str | Path | None) -> Path | None:
    if value is None or isinstance(value, Path):
        return value
    if not value.strip():
        raise ConfigError("an empty file name: give the path of a YAML file of actor entries (e.g. my-actors.yaml)")
    return Path(value).expanduser()


def _parse_db(value: str) -> str:
    text = str(value).strip()
    if not text:
        raise ConfigError("an empty database URL: give sqlite:///FILE or postgresql://USER@HOST/DB")
    return text


def _positive_int(value: str | int, name: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name}: not a whole number: {value!r}") from None
    if number < 1:
        raise ConfigError(f"{name}: must be 1 or more, not {number}")
    return number


def _setting(default: Any, help_: str, parse: Callable[[Any], Any]) -> Any:
    return field(default=default, metadata={"help": help_, "parse": parse})


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings of one run. Build with :meth:`from_env`, change with :meth:`with_`."""

    max_input_bytes: int = _setting(
        10 * 1024**2,
        "Largest input file, or JSONL line, in bytes (10MB); larger ones are reported and skipped.",
        parse_size,
    )
    published: dt.date | None = _setting(
        None,
        "Publication date for articles that carry none in their metadata (YYYY-MM-DD).",
        _parse_date,
    )
    html_fast: bool = _setting(
        False,
        "Extract HTML pages with trafilatura's fast mode (no fallback extractors): faster, less thorough.",
        _parse_bool,
    )
    cache_dir: Path | None = _setting(
        None,
        "Folder for sitrep's cache (the gazetteer index); default: the user's cache folder (~/.cache/sitrep).",
        _parse_path,
    )
    actors: Path | None = _setting(
        None,
        "Your own actor knowledge base (a YAML file of entries) added to the built-in one; its entries override "
        "built-in entries with the same id.",
        _parse_file,
    )

    db: str = _setting(
        "sqlite:///sitrep.db",
        "The event store: sqlite:///FILE (embedded, the default: sitrep.db here) or "
        "postgresql://USER@HOST[:PORT]/DB[?schema=NAME] for a shared server.",
        _parse_db,
    )
    ingest_batch: int = _setting(
        200,
        "Articles stored per transaction by `sitrep ingest`: each batch is committed whole or not at all.",
        lambda v: _positive_int(v, "ingest_batch"),
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults, overridden by ``SITREP_<NAME>`` environment variables."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            key = "SITREP_" + f.name.upper()
            if key in env:
                try:
                    values[f.name] = f.metadata["parse"](env[key])
                except ConfigError as e:
                    raise ConfigError(f"{key}: {e}") from None
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        """A copy with some settings changed; values are parsed like environment values.
        ``None`` leaves a setting as it is."""
        known = {f.name: f for f in fields(self)}
        parsed: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in known:
                raise ConfigError(f"no setting named {name!r}; known: {', '.join(sorted(known))}")
            if value is not None:
                parsed[name] = known[name].metadata["parse"](value)
        return replace(self, **parsed)


SETTING_HELP: Mapping[str, str] = {f.name: f.metadata["help"] for f in fields(Settings)}
