"""Events, session 11: a killing that outranks the arrests told beside it keeps the strength of the sentence (the
lead sentence stays the article's main event), and the agent's ally named after "by" ("repelled by police and
villagers") is not the other side when the attackers were named before."""

from __future__ import annotations

import sitrep
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
