"""Sentence splitting: glued sentences split; abbreviations, numbers, addresses stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.stages.sentences import split_sentences
from sitrep.textview import TextView


def split(text: str) -> list[str]:
    view = TextView(text)
    return [view.text[s:e] for s, e in split_sentences(view.text, 0, len(view.text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # glued without a space, as scraped
        ("bringing their offensive to the brink of victory.A field commander said so.",
         ["bringing their offensive to the brink of victory.", "A field commander said so."]),
        ("around the national hospital and stadium.A convoy of fighters quit.",
         ["around the national hospital and stadium.", "A convoy of fighters quit."]),
        ("plotted attacks across the West.Islamic State lost Mosul.",
         ["plotted attacks across the West.", "Islamic State lost Mosul."]),
        ("to isolate the city.The battle inside Raqqa started in June.",
         ["to isolate the city.", "The battle inside Raqqa started in June."]),
        ("The protests began in 2013.He has ruled since.", ["The protests began in 2013.", "He has ruled since."]),
        ("Is it over?Nobody knows.", ["Is it over?", "Nobody knows."]),
        ('"We will win."The commander left.', ['"We will win."', "The commander left."]),
        ("It was a massacre!SDF fighters said.", ["It was a massacre!", "SDF fighters said."]),
        # ordinary boundaries
        ("The SDF said so. The coalition did not.", ["The SDF said so.", "The coalition did not."]),
        ('"It is over," he said. "We won."', ['"It is over," he said.', '"We won."']),
        ("Who controls the city? Nobody knows.", ["Who controls the city?", "Nobody knows."]),
        ("Fighting went on... Then it stopped.", ["Fighting went on...", "Then it stopped."]),
        ("Twenty were killed, officials said. 12 of them were children.",
         ["Twenty were killed, officials said.", "12 of them were children."]),
        ("The strike was carried out by the U.S. The Pentagon denied it.",
         ["The strike was carried out by the U.S.", "The Pentagon denied it."]),
        ("The curfew starts at 10 p.m. The army will patrol.", ["The curfew starts at 10 p.m.", "The army will patrol."]),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-backed militias battled foreign fighters in Raqqa on Monday.",
        "The U.S. Army and U.N. officials met in Baghdad.",
        "Lt. Col. Ryan Dillon, a coalition spokesman, said the strike hit a depot.",
        "Lt.Gen. Townsend and Maj. Gen. Chris Olukolade spoke to reporters.",
        "Gen. Mark Milley met Sen. John McCain and Dr. Tedros on Monday.",
        "The convoy used Route No. 3 and reached Hospital No. 216 by noon.",
        "The blast was felt 3.5 km away and damaged 1.2 million dollars of property.",
        "The curfew starts at 10 p.m. local time and ends at 6 a.m. on Tuesday.",
        "The attack began at 2:08 a.m. Saturday, MSF said.",
        "Write to press@example.org for the full report.",
        "The full statement is at https://example.org/sudan/statement.pdf for readers.",
        "The report on www.example.com/reports.html was updated.",
        "George W. Bush visited St. Mary's church in St. Louis.",
        "Shares of Example Inc. rose after the ceasefire, see Fig. 3 for details.",
        "The deal, signed on Oct. 2 and approved on Nov. 30, ends the war.",
        "He served in the 3rd Bn. of the regiment.",
        "Islamic State's one-time capital e.g. the old city fell.",
    ],
)
def test_sentences_keep_whole(text: str) -> None:
    assert split(text) == [text]


def test_sentences_hard_wrapped_lines_are_not_sentences() -> None:
    text = "An air strike apparently carried out by U.S. forces\nhit a hospital in the northern\ncity of Kunduz."
    assert split(text) == [text]


def test_sentences_stage_uses_headline_and_body_only(process) -> None:  # type: ignore[no-untyped-def]
    text = ("Fighters retake city\n\nA fighter stands in Raqqa, Syria, October 16, 2017. REUTERS/Rodi Said\n\n"
            "Vastavam web: Fighters took the city.A commander said so.\n\nAdvertisement\n\nThe war goes on.")
    doc = process(text)
    got = [(str(s.kind), text[s.start:s.end]) for s in doc.sentences]
    assert got == [("headline", "Fighters retake city"), ("body", "Fighters took the city."),
                   ("body", "A commander said so."), ("body", "The war goes on.")]


def test_sentences_offsets_survive_invisible_characters(process) -> None:  # type: ignore[no-untyped-def]
    text = "Ra\u200bqqa fell on\u00a0Monday.The SDF\u00e2\u20ac\u2122s fighters cheered.\u00a0It was over."
    doc = process(text)
    got = [text[s.start:s.end] for s in doc.sentences]
    assert got == ["Ra\u200bqqa fell on\u00a0Monday.", "The SDF\u00e2\u20ac\u2122s fighters cheered.", "It was over."]


def test_sentences_seed_glued_splits(seed_path: Path, process, shared: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    text = seed_path.read_text(encoding="utf-8")
    starts = {s.start for s in process(text).sentences}
    for glued in expected["sentences_must_split"]:
        boundary = text.index(glued) + glued.index(".") + 1
        assert boundary in starts, glued
