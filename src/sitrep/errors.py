"""Every error sitrep raises, in one tree.

::

    SitrepError                      anything sitrep raises on purpose
    ├── ConfigError                  a setting or option has a bad value
    ├── PipelineError                stages that cannot be put together (checked when built)
    ├── GazetteerError               the gazetteer cannot be built, found or read
    ├── InputError                   one input could not be read; the batch goes on without it
    │   ├── EmptyInputError          nothing but whitespace
    │   ├── BinaryInputError         bytes that are not text
    │   ├── EncodingInputError       not UTF-8, and not a legacy encoding either
    │   ├── InputTooLargeError       over the size limit (``max_input_bytes``)
    │   ├── MalformedInputError      a JSONL line or record that is not a valid article
    │   └── UnreadableInputError     missing, unreadable or unsupported file
    ├── OutputError                  the output could not be written
    └── StoreError                   the event store cannot be opened, read or written

Every message says what happened, to which file (and line), the likely cause and the fix. The CLI
turns these into ``Error: ...`` lines in exactly one place; lower-level exceptions (``OSError``,
``UnicodeDecodeError``, JSON errors) are translated where the dependency is called.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "EncodingInputError",
    "GazetteerError",
    "InputError",
    "InputTooLargeError",
    "MalformedInputError",
    "OutputError",
    "PipelineError",
    "SitrepError",
    "StoreError",
    "UnreadableInputError",
]


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class ConfigError(SitrepError):
    """A setting or command-line option has a value sitrep cannot use."""


class PipelineError(SitrepError):
    """The stages given cannot form a pipeline: one needs what no earlier stage provides."""


class GazetteerError(SitrepError):
    """The gazetteer cannot be built, found or read (a missing package, an unwritable cache folder,
    a damaged file)."""


class OutputError(SitrepError):
    """An output file could not be written."""


class StoreError(SitrepError):
    """The event store cannot be opened, read or written: a damaged or foreign database file, a
    server that cannot be reached, a store made by a newer sitrep."""


class InputError(SitrepError):
    """One input (a file, or a line of a JSONL file) could not be read as an article.

    ``source`` names the file (``-`` for standard input) and ``line`` the JSONL line, if any.
    """

    kind = "input"

    def __init__(self, source: str, message: str, *, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.detail = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class EmptyInputError(InputError):
    kind = "empty"


class BinaryInputError(InputError):
    kind = "binary"


class EncodingInputError(InputError):
    kind = "encoding"


class InputTooLargeError(InputError):
    kind = "too_large"


class MalformedInputError(InputError):
    kind = "malformed"


class UnreadableInputError(InputError):
    kind = "unreadable"
