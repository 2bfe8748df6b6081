"""A repaired reading of an article's text that still answers in the original offsets.

Scraped text is full of characters that break matching: non-breaking and odd spaces, curly quotes,
dashes of five widths, Windows line endings, zero-width joiners, soft hyphens, mojibake ("â€™" for
"’") from a page decoded with the wrong charset, and HTML character references a scraper left in
("&#8217;", "&amp;"). :class:`TextView` gives stages a
normalised string to match on and maps every position back to the text exactly as it was given,
so that ``original[start:end]`` is always the quoted span.

Most characters are replaced one for one (a NBSP by a space, "’" by "'"), which keeps positions
identical. Deletions (zero-width characters, soft hyphens), mojibake and character references (several
characters standing for one) change the length; only then does the view keep a position table.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_left
from typing import Final

__all__ = ["TextView"]

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
_ONE_FOR_ONE: Final = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys("\u2028\u2029\u0085", "\n"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        "\u2026": ".",  # an ellipsis character stands in a sentence like a full stop
    }
)
_DELETED: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Text that was UTF-8 but was decoded as cp1252: a lead byte character followed by continuation
# byte characters ("Ã©" for "é", "â€™" for "’").
_CP1252_CONT = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE: Final = re.compile(f"[\u00c2-\u00df][{_CP1252_CONT}]|[\u00e0-\u00ef][{_CP1252_CONT}]{{2}}")
# HTML character references left in scraped text ("&#8217;", "&#x2019;", "&amp;", "&rsquo;"): one character each.
_ENTITY: Final = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_LENGTH_CHANGING: Final = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]|" + _MOJIBAKE.pattern + "|"
                                     + _ENTITY.pattern)


def _to_bytes(chunk: str) -> bytes:
    """The bytes a cp1252 (or, for its five holes, latin-1) decoder read ``chunk`` from."""
    out = bytearray()
    for ch in chunk:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _unentity(chunk: str) -> str | None:
    """The one character an HTML character reference stands for, or None when it is no known one (or stands for a
    control character)."""
    fixed = html.unescape(chunk)
    return fixed if len(fixed) == 1 and fixed != chunk and (fixed.isprintable() or fixed.isspace()) else None


def _unmojibake(chunk: str) -> str | None:
    if chunk.startswith("&"):
        return _unentity(chunk)
    try:
        fixed = _to_bytes(chunk).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if len(fixed) == 1 else None


class TextView:
    """The normalised text of an article plus the way back to the original offsets.

    >>> v = TextView("Raqqa\\u00a0on Monday")
    >>> v.text
    'Raqqa on Monday'
    >>> v.to_original(6, 15)
    (6, 15)
    """

    __slots__ = ("_ends", "_starts", "original", "text")

    original: str
    text: str

    def __init__(self, original: str) -> None:
        self.original = original
        # Line endings first, keeping the length: "\r\n" reads as " \n", a lone "\r" as "\n".
        base = original.replace("\r\n", " \n").replace("\r", "\n") if "\r" in original else original
        self._starts: array[int] | None = None
        self._ends: array[int] | None = None
        if _LENGTH_CHANGING.search(base) is None:
            self.text = base.translate(_ONE_FOR_ONE)
            return
        pieces: list[str] = []
        starts: array[int] = array("l")
        ends: array[int] = array("l")
        pos = 0
        for m in _LENGTH_CHANGING.finditer(base):
            if m.start() > pos:
                pieces.append(base[pos : m.start()])
                starts.extend(range(pos, m.start()))
                ends.extend(range(pos + 1, m.start() + 1))
            chunk = m.group()
            if chunk in _DELETED:
                pass
            else:
                fixed = _unmojibake(chunk)
                if fixed is None:  # not mojibake after all: keep it as it is
                    pieces.append(chunk)
                    starts.extend(range(m.start(), m.end()))
                    ends.extend(range(m.start() + 1, m.end() + 1))
                else:
                    pieces.append(fixed)
                    starts.append(m.start())
                    ends.append(m.end())
            pos = m.end()
        pieces.append(base[pos:])
        starts.extend(range(pos, len(base)))
        ends.extend(range(pos + 1, len(base) + 1))
        self.text = "".join(pieces).translate(_ONE_FOR_ONE)
        self._starts, self._ends = starts, ends

    @property
    def identity(self) -> bool:
        """True when every position in :attr:`text` is the same position in :attr:`original`."""
        return self._starts is None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to the span of :attr:`original` it was read from."""
        if self._starts is None or self._ends is None:
            return start, end
        if end <= start:
            o = self._starts[start] if start < len(self._starts) else len(self.original)
            return o, o
        return self._starts[start], self._ends[end - 1]

    def from_original(self, pos: int) -> int:
        """The position in :attr:`text` of the character at ``pos`` in :attr:`original`
        (or of the next character that survived normalisation)."""
        if self._starts is None:
            return pos
        return bisect_left(self._starts, pos)

    def __repr__(self) -> str:
        return f"TextView({len(self.original)} chars, identity={self.identity})"
