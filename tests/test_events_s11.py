"""Events, session 11: a killing that outranks the arrests told beside it keeps the strength of the sentence (the
lead sentence stays the article's main event), and the agent's ally named after "by" ("repelled by police and
villagers") is not the other side when the attackers were named before."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.stages.events_refine import held_for_a_protest
from sitrep.stages.events_types import type_sentence
from sitrep.vocab import ActorType, SubEventType

S = SubEventType


def _main(text: str) -> sitrep.Event:
    doc = sitrep.process(text)
    assert doc.events, text
    return max(doc.events, key=lambda e: e.confidence)


def test_a_killing_told_with_arrests_is_as_sure_as_the_arrests() -> None:
    both = type_sentence("Eleven militants were killed and nine others arrested by the army near Maroua.")
    alone = type_sentence("Nine militants were arrested by the army near Maroua.")
    assert both is not None and alone is not None
    assert both.sub_event_type is S.ATTACK  # the events stage reads who was harmed: militants, a battle
    assert both.confidence >= 0.5 * alone.confidence, (both, alone)


def test_the_lead_killing_outranks_a_later_tally() -> None:
    event = _main("Eleven militants were killed and nine others arrested by the Cameroonian army near Maroua. "
                  "Fatalities were recorded in Mora and in Kolofata.")
    assert event.sub_event_type is S.ARMED_CLASH
    assert event.actor1.type is ActorType.STATE_FORCES and event.actor2 is not None
    assert event.actor2.type is not ActorType.STATE_FORCES


def test_the_allies_after_by_are_one_side() -> None:
    event = _main("Dahalo attacked the village of Ambatondrazaka and were repelled by police and villagers.")
    assert event.sub_event_type is S.ARMED_CLASH
    assert event.actor1.type is ActorType.STATE_FORCES
    assert event.actor2 is not None and event.actor2.name == "Dahalo Militia", event.actor2


def test_two_sides_after_by_stay_the_two_sides() -> None:
    event = _main("Two people were killed in clashes between police and rioters in Kisumu.")
    assert {event.actor1.type, event.actor2.type if event.actor2 else None} >= {ActorType.STATE_FORCES}
    assert event.actor2 is not None


def test_arrests_in_an_article_that_tells_the_riot_are_part_of_it() -> None:
    event = _main("Police arrested 20 youths in Kisumu on Monday. The youths had blocked the main road with burning "
                  "tyres and thrown stones at passing cars to protest against power cuts.")
    assert event.event_type == "Riots", event


@pytest.mark.parametrize(
    ("sentence", "held_for"),
    [
        ("Police arrested an opposition activist in Gulu on charges of organising an illegal protest.", True),
        ("Police rounded up students in Kisumu ahead of planned demonstrations.", True),
        ("Police arrested 20 protesters during the march in Kisumu.", False),
        ("Police arrested 20 youths in Kisumu on Monday.", False),
    ],
)
def test_arrests_held_for_a_protest_are_told_apart(sentence: str, held_for: bool) -> None:
    assert held_for_a_protest(sentence) is held_for
