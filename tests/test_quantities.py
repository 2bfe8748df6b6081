"""Quantities: counts with value, range, unit and qualifiers; numbers that are not counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.models import Article
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings

PIPE = build_pipeline(settings=Settings())


def counts(text: str) -> list[tuple[str, float | None, float | None, float | None, str | None, bool]]:
    doc = PIPE.process(Article(id="t", text=text))
    return [(q.text, q.value, q.low, q.high, q.unit, q.approximate) for q in doc.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("leaving only 200-300 foreign jihadists to mount a last stand",
         [("200-300 foreign jihadists", 250, 200, 300, "fighters", False)]),
        ("The SDF gained control of six more districts.", [("six more districts", 6, 6, 6, "districts", False)]),
        ("At least 20 people were killed.", [("At least 20 people", 20, 20, None, "people", False)]),
        ("More than 1,000 civilians fled.", [("More than 1,000 civilians", 1000, 1000, None, "civilians", False)]),
        ("Up to 300 fighters remain.", [("Up to 300 fighters", 300, None, 300, "fighters", False)]),
        ("Dozens of civilians were wounded.", [("Dozens of civilians", 12, 12, None, "civilians", True)]),
        ("Some 2,000 troops arrived.", [("Some 2,000 troops", 2000, 2000, 2000, "soldiers", True)]),
        ("Between 150 and 200 protesters gathered.", [("Between 150 and 200 protesters", 175, 150, 200, "protesters", False)]),
        ("A dozen gunmen stormed the school.", [("A dozen gunmen", 12, 12, 12, "fighters", False)]),
        ("1.5 million people were displaced.", [("1.5 million people", 1500000, 1500000, 1500000, "people", False)]),
        ("A few dozen militants held out.", [("A few dozen militants", 24, 24, None, "fighters", True)]),
        ("Six people, including two children, died.",
         [("Six people", 6, 6, 6, "people", False), ("two children", 2, 2, 2, "children", False)]),
        ("The blast killed 12 soldiers and wounded 30.",
         [("12 soldiers", 12, 12, 12, "soldiers", False), ("30", 30, 30, 30, None, False)]),
        ("Five of them were killed.", [("Five", 5, 5, 5, None, False)]),
        ("The militants ruled millions of people.", [("millions of people", 1000000, 1000000, None, "people", True)]),
        ("Twelve of the charity's staff died.", [("Twelve of the charity's staff", 12, 12, 12, "staff", False)]),
    ],
)
def test_quantities_found(text: str, expected: list[tuple[object, ...]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 37-year-old man was arrested.",
        "Turnout was 40% in the city.",
        "The group rose in 2014.",
        "The curfew starts at 10 p.m. local time.",
        "Resolution 2254 was adopted.",
        "The 3rd Brigade moved north.",
        "The convoy took Route No. 3.",
        "Aid worth $5 million arrived.",
        "It is one of the busiest crossings.",
        "Some protesters threw stones.",
        "The attack came on October 16, 2017.",
    ],
)
def test_quantities_not_counts(text: str) -> None:
    assert counts(text) == []


def test_quantities_spans_quote_the_original_text() -> None:
    text = "Fighters killed\u00a0200\u2013300 foreign jihadists.Then 12\u00a0civilians fled."
    doc = PIPE.process(Article(id="t", text=text))
    assert [text[q.start:q.end] for q in doc.quantities] == [q.text for q in doc.quantities]
    assert [(q.low, q.high) for q in doc.quantities] == [(200, 300), (12, 12)]


def test_quantities_seed(seed_path: Path, shared: Path, process) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    got = process(seed_path.read_text(encoding="utf-8")).quantities
    for want in expected["quantities"]:
        assert any(want["text_contains"] in q.text and all(getattr(q, k) == want[k] for k in ("low", "high", "value")
                                                             if k in want) for q in got), want
