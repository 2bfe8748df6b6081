"""The needle gates skip patterns that cannot match, and never one that could."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from sitrep.regexgate import Gates, NeedleIndex, contains_any, needles
from sitrep.stages import events_types, times_grammar
from sitrep.stages.actors_people import _ROLE_PATTERN

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bcar bomb\b", {"car bomb"}),
        (r"\b(?:clash(?:ed|es)?|fighting)\b", {"clash", "fighting"}),
        (r"m[ae]n\b", {"man", "men"}),  # a small class multiplies the run
        (r"(?i)\bShell(?:ing|ed)?\b", {"shell"}),  # lower-cased
        (r"\b(?:(?-i:March)|protest)", {"march", "protest"}),  # a scoped flag still folds
        (r"(?:gunmen )?stormed", {"stormed"}),  # an optional part gives nothing
        (r"(?:\w+ ){1,3}killed", {"killed"}),  # the longer literal wins
        (r"(?:ab)+c", {"ab"}),  # the longer needle is the more selective
        (r"(?:abc)+d", {"abc"}),  # a required repeat gives its body
    ],
)
def test_needles_of_patterns(pattern: str, expected: set[str]) -> None:
    assert needles(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"\w+\b", r"(?:killed)?", r"[a-z]+", r"(?=attack)\w+", r".{3}", r"a*"])
def test_no_needles_when_nothing_is_required(pattern: str) -> None:
    assert needles(re.compile(pattern)) is None
    assert contains_any(None).search("anything")  # no needles: always let through


def test_needle_index_finds_overlapping_and_nested_needles() -> None:
    index = NeedleIndex(["bomb", "bombing", "car bomb", "mbi", "ing", "x"])
    assert index.found("a car bombing") == {"bomb", "bombing", "car bomb", "mbi", "ing"}
    assert index.found("bombers") == {"bomb"}
    assert index.found("nothing here") == {"ing"}
    assert index.found("") == frozenset()


def test_needle_index_agrees_with_substring_tests() -> None:
    rng = random.Random(7)
    for _ in range(300):
        words = {"".join(rng.choice("abc ") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice("abc ") for _ in range(rng.randint(0, 40)))
        assert NeedleIndex(words).found(text) == {w for w in words if w in text}
        assert bool(contains_any(words).search(text)) == any(w in text for w in words)


def test_gates_open_only_what_all_gates_allow() -> None:
    gates = Gates([[frozenset({"bomb"})], [], [frozenset({"fire"}), frozenset({"opened", "shot"})]])
    assert gates.open("a bomb went off") == [0, 1]
    assert gates.open("gunmen opened fire") == [1, 2]
    assert gates.open("a fire broke out") == [1]


def _sample_sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLES.glob("*.txt"))]
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()] + [
        "Gunmen opened fire on a bus, killing six passengers, police said.",
        "Protesters blocked the highway and burned tyres before police fired tear gas to disperse them.",
        "Government troops recaptured the town from Islamic State militants after heavy fighting.",
        "Two car bombs exploded in Baghdad on Tuesday, killing at least 20 people.",
        "Security forces arrested 12 suspects and seized a cache of weapons and explosives.",
        "A Russian air strike hit a market in Idlib province, the Observatory said.",
        "The rebels withdrew from the district without a fight under a deal to evacuate fighters.",
        "SDF spokesman Mostafa Bali said on 15 March 2017 that the clashes lasted three days.",
    ]


def test_every_gated_pattern_is_tried_where_it_matches() -> None:
    """Soundness on real text: a pattern that matches a sentence is never gated out of it."""
    patterns = [p for _, p, _ in events_types._TRIGGERS] + [_ROLE_PATTERN] + list(times_grammar.HINTS.values())
    checked = 0
    for sentence in _sample_sentences():
        low = sentence.lower()
        for pattern in patterns:
            if pattern.search(sentence):
                need = needles(pattern)
                assert need is None or any(n in low for n in need), (pattern.pattern[:80], sentence)
                checked += 1
    assert checked > 100


def test_gated_typer_equals_trying_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = _sample_sentences()
    gated = [events_types.type_sentence(s) for s in sentences]
    monkeypatch.setattr(events_types._TRIGGER_GATES, "open", lambda low: list(range(len(events_types._TRIGGERS))))
    assert [events_types.type_sentence(s) for s in sentences] == gated
    assert sum(t is not None for t in gated) >= 5
