"""The repaired view of a text keeps every offset of the original."""

from __future__ import annotations

import pytest

from sitrep.textview import TextView


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        ("Raqqa\u00a0on Monday", "Raqqa on Monday"),
        ("Islamic State\u2019s capital", "Islamic State's capital"),
        ("\u201ca clearing operation\u201d", '"a clearing operation"'),
        ("200\u2013300 fighters \u2014 the SDF", "200-300 fighters - the SDF"),
        ("line one\r\nline two", "line one \nline two"),
        ("old mac\rline", "old mac\nline"),
        ("tab\there", "tab here"),
    ],
)
def test_textview_one_for_one_keeps_offsets(original: str, clean: str) -> None:
    view = TextView(original)
    assert view.text == clean
    assert view.identity
    assert view.to_original(2, 7) == (2, 7)


@pytest.mark.parametrize(
    ("original", "clean", "word"),
    [
        ("Ra\u200bqqa fell", "Raqqa fell", "Raqqa"),
        ("\ufeffBEIRUT (Reuters) - Fighting", "BEIRUT (Reuters) - Fighting", "BEIRUT"),
        ("the hos\u00adpital was hit", "the hospital was hit", "hospital"),
        ("Islamic State\u00e2\u20ac\u2122s capital", "Islamic State's capital", "capital"),
        ("in Bogot\u00c3\u00a1 on Thursday", "in Bogot\u00e1 on Thursday", "Thursday"),
        ("caf\u00c3\u00a9 \u00e2\u20ac\u0153quiet\u00e2\u20ac\u009d", 'caf\u00e9 "quiet"', "quiet"),
    ],
)
def test_textview_length_changes_map_back(original: str, clean: str, word: str) -> None:
    view = TextView(original)
    assert view.text == clean
    assert not view.identity
    start = view.text.index(word)
    s, e = view.to_original(start, start + len(word))
    # the quoted span in the original reads as the word once the invisible characters are dropped
    assert TextView(original[s:e]).text == word
    assert view.from_original(s) == start


def test_textview_mojibake_span_covers_all_its_characters() -> None:
    original = "State\u00e2\u20ac\u2122s"
    view = TextView(original)
    i = view.text.index("'")
    assert view.to_original(i, i + 1) == (5, 8)


def test_textview_leaves_real_accents_alone() -> None:
    text = "Deir ez-Zor, Bogot\u00e1, S\u00e3o Paulo, \u00c0 bient\u00f4t, na\u00efve"
    view = TextView(text)
    assert view.text == text
    assert view.identity


def test_textview_empty_span_at_end() -> None:
    view = TextView("ab\u200b")
    assert view.to_original(2, 2) == (3, 3)


def test_html_character_references_read_as_their_characters() -> None:
    original = "The &#8220;Islamic State&#8221; shelled Ma&#8217;ra; AT&amp;T&nbsp;said &#x2019;no&#x2019;"
    view = TextView(original)
    assert view.text == "The \"Islamic State\" shelled Ma'ra; AT&T said 'no'"
    s = view.text.index("Islamic")
    a, b = view.to_original(s, s + len("Islamic State"))
    assert original[a:b] == "Islamic State"
    a, b = view.to_original(view.text.index("Ma'ra"), view.text.index("Ma'ra") + 5)
    assert original[a:b] == "Ma&#8217;ra"


def test_unknown_or_control_references_stay_as_written() -> None:
    for text in ("&bogus; &#0; & more", "R&D; fish &chips;"):
        assert TextView(text).text == text
