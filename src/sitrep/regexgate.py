"""Cheap proofs that a regular expression cannot match a text, so that most sentences skip most patterns.

The event typer tries some sixty long alternations on every sentence, and most sentences match none of them. Each
pattern's parse tree tells a set of lower-case strings ("needles") one of which every match must contain: the
literal runs of a sequence, the union over the branches of an alternation, the body of a repeat that happens at
least once. :class:`NeedleIndex` then finds, in one scan of a sentence, which needles of all patterns it holds, and a
pattern whose needles are all absent is not tried. The gate is sound by construction (it never skips a pattern that
could match, the tests check this against the patterns' own matches) and is only a speed-up: when the parse tree
cannot be read (a Python without ``re._parser``, an unknown node), the pattern is simply always tried.

Text and needles are compared lower-cased, so case-insensitive patterns and scoped ``(?-i:...)`` parts are covered.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["Gated", "Gates", "NeedleIndex", "contains_any", "needles"]

try:  # the parser behind ``re`` (private, but stable since Python 3.11); without it no pattern is gated
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - every supported Python has it
    _parser = _c = None

#: At most this many strings stand for a literal run with small character classes in it ("m[ae]n" -> man, men).
_MAX_EXPANSION = 32
#: A character class with more members than this ends a literal run instead of multiplying it.
_MAX_CLASS = 4


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None when none can be told."""
    if _parser is None:
        return None
    try:
        found = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    except (AttributeError, TypeError, ValueError, re.error):  # a parse tree of a shape this reader does not know
        return None
    return None if found is None else frozenset(found)


def _better(best: set[str] | None, cand: set[str] | None) -> set[str] | None:
    """The more selective of two needle sets: longer shortest needle first, then fewer needles."""
    if not cand or "" in cand:
        return best
    if best is None:
        return cand
    key = (min(map(len, cand)), -len(cand))
    return cand if key > (min(map(len, best)), -len(best)) else best


def _grow(run: set[str], chars: Iterable[str]) -> set[str] | None:
    grown = {head + ch for head in run for ch in chars}
    return grown if len(grown) <= _MAX_EXPANSION else None


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars = set()
    for op, av in items:
        if op is not _c.LITERAL:
            return None
        chars.add(chr(av).lower())
    return chars if len(chars) <= _MAX_CLASS else None


def _sequence(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """Needles of a sequence of nodes: the best of its literal runs and of what each of its required parts needs."""
    best: set[str] | None = None
    run = {""}
    for op, av in items:
        if op is _c.LITERAL:
            run = {head + chr(av).lower() for head in run}
            continue
        if op is _c.IN and (chars := _class_chars(av)) is not None and (grown := _grow(run, chars)) is not None:
            run = grown
            continue
        best = _better(best, run)  # anything else ends the literal run
        run = {""}
        if op is _c.SUBPATTERN:
            best = _better(best, _sequence(av[-1]))
        elif op is _c.ATOMIC_GROUP:
            best = _better(best, _sequence(av))
        elif op is _c.BRANCH:
            alternatives = [_sequence(alt) for alt in av[1]]
            if all(alt is not None for alt in alternatives):
                best = _better(best, set().union(*alternatives))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _sequence(av[2]))
        # anchors, look-arounds, wide classes, any-character, optional parts: nothing required
    return _better(best, run)


class NeedleIndex:
    """Which of many needles a lower-cased text contains, found in one scan.

    The needles are compiled into one trie-shaped look-ahead: at each position it captures the longest needle that
    starts there, and every needle that is a prefix of that one starts there too.
    """

    def __init__(self, all_needles: Iterable[str]) -> None:
        words = sorted({n for n in all_needles if n})
        known = set(words)
        self._prefixes: dict[str, frozenset[str]] = {
            w: frozenset(w[:i] for i in range(1, len(w) + 1) if w[:i] in known) for w in words}
        self._scan = re.compile("(?=(" + _trie(words) + "))", re.DOTALL) if words else None

    def found(self, low: str) -> frozenset[str]:
        """The needles ``low`` (already lower-cased) contains."""
        if self._scan is None:
            return frozenset()
        seen = {m.group(1) for m in self._scan.finditer(low)}
        if len(seen) == 1:
            return self._prefixes[seen.pop()]
        return frozenset().union(*(self._prefixes[w] for w in seen))


def _trie(words: list[str]) -> str:
    """A regular expression matching the longest of ``words`` (sorted) at a position."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a needle ends here: the longer ones are tried first, then this one
            return "(?:" + body + ")?"
        return body

    return emit(tree)


def contains_any(words: Iterable[str] | None) -> re.Pattern[str]:
    """One pattern whose ``search`` tells whether a lower-cased text holds any of ``words`` (a trie, so the scan
    skips fast over characters no word starts with). With no words (nothing known to be needed), it always finds."""
    return re.compile(_trie(sorted({w for w in words or () if w})), re.DOTALL)


class Gates:
    """Which of a list of patterns a text could match, each pattern gated by one or more needle sets (all must
    hold). A pattern with no needle set is always tried. :meth:`open` gives the indices to try, in list order."""

    def __init__(self, gates: Iterable[Iterable[frozenset[str]]]) -> None:
        listed = [tuple(g for g in item if g) for item in gates]
        self._need = tuple(len(item) for item in listed)
        self._always = tuple(i for i, item in enumerate(listed) if not item)
        opens: dict[str, list[tuple[int, int]]] = {}
        for i, item in enumerate(listed):
            for k, gate in enumerate(item):
                for needle in gate:
                    opens.setdefault(needle, []).append((i, k))
        self._opens = {needle: tuple(v) for needle, v in opens.items()}
        self._index = NeedleIndex(opens)

    def open(self, low: str) -> list[int]:
        """Indices of the patterns worth trying on ``low`` (already lower-cased), in order."""
        held: set[tuple[int, int]] = set()
        for needle in self._index.found(low):
            held.update(self._opens[needle])
        counts: dict[int, int] = {}
        for i, _ in held:
            counts[i] = counts.get(i, 0) + 1
        need = self._need
        return sorted([*self._always, *(i for i, n in counts.items() if n == need[i])])


class Gated:
    """A pattern tried only on texts that hold one of its needles: ``finditer`` and ``search`` as the pattern's
    own, with a quick scan first. ``folded`` says the texts it is given are already lower-cased (no copy made)."""

    __slots__ = ("_folded", "_gate", "pattern")

    def __init__(self, pattern: re.Pattern[str], *, folded: bool = False) -> None:
        self.pattern = pattern
        self._folded = folded
        found = needles(pattern)
        self._gate = None if found is None else contains_any(found)

    def could_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False only when no match can lie in ``text[pos:endpos]``."""
        if self._gate is None:
            return True
        end = len(text) if endpos is None else endpos
        if self._folded:
            return self._gate.search(text, pos, end) is not None
        return self._gate.search(text[pos:end].lower()) is not None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        return self.pattern.finditer(text, pos, end) if self.could_match(text, pos, end) else iter(())

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        return self.pattern.search(text, pos, end) if self.could_match(text, pos, end) else None
