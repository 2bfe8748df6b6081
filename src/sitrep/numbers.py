"""Numbers written in words, shared by the stages that read them (times, quantities)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["CARDINALS", "word_number"]

#: Cardinal numbers as words; "twenty-five" and "twenty five" are read by :func:`word_number`.
CARDINALS: Final[Mapping[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def word_number(text: str, words: Mapping[str, float] = CARDINALS) -> float | None:
    """The number ``text`` writes: digits ("1,000", "3.5"), a word of ``words``, or two of them
    joined by a hyphen or a space ("twenty-five"); None otherwise."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in words:
        return float(words[t])
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        return float(words[parts[0]] + words[parts[1]])
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None
