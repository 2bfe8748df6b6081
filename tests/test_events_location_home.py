"""An event's place when its sentence names places of two countries: the story's country is voted by the
article's places, a place resolved with little confidence (a word of an organisation's name) counting half."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.models import Doc

Process = Callable[..., Doc]


def test_event_place_a_weak_namesake_abroad_does_not_outvote_the_town(process: Process) -> None:
    doc = process("In Abuja, protesters clashed with members of a group called Save Our National Assembly.")
    weak = [p for p in doc.places if p.text == "Save"]
    assert weak and weak[0].score is not None and weak[0].score < 0.5, [(p.text, p.score) for p in doc.places]
    assert doc.events, "no event"
    assert all(e.location is not None and e.location.country == "NGA" for e in doc.events)
