"""Event types, session 9b: a member of the security forces harmed off duty (at home, on the way to or from work) is
a civilian victim, not the side of a battle; a protest only planned, scheduled or set out to is no event of a
sentence that tells the arrests made to stop it."""

from __future__ import annotations

import pytest

from sitrep.stages.events_types import type_sentence
from sitrep.vocab import SubEventType
from test_events_types_s7 import main_type

S = SubEventType


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("An off-duty police sergeant was shot dead by unknown gunmen outside his house in Nakuru.",
         "Violence against civilians"),
        ("Gunmen killed a soldier on his way home from the barracks in Kisumu.", "Violence against civilians"),
        # on duty: still a battle
        ("Gunmen attacked a police patrol and killed two officers near Nakuru.", "Battles"),
    ],
)
def test_security_men_harmed_off_duty_are_civilians(process, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(process, text) == event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Police arrested the opposition leader in Gulu as he tried to leave his home to protest against the results.",
        "Security forces detained dozens of activists in Mombasa ahead of planned demonstrations against fuel prices.",
        "Police rounded up students in Kisumu to stop protests scheduled for Monday.",
    ],
)
def test_arrests_that_forestall_a_protest_are_the_event(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is S.ARRESTS, (sentence, typed)


def test_a_protest_that_took_place_stays_the_event(process) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds of traders marched in Mombasa to protest against new taxes and police detained ten of them."
    assert main_type(process, text) == "Protests"


def test_a_planned_protest_told_alone_stays_a_protest() -> None:
    typed = type_sentence("The union said workers in Gulu planned to protest on Friday.")
    assert typed is not None and typed.sub_event_type is S.PEACEFUL_PROTEST, typed
