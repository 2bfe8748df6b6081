"""Event typing, further cases: riots whose arrests or damage are part of them, territory cleared or given up,
deployments, disarmament, strong agreements, beatings in a sentence of commentary, force against protesters told in
the passive."""

from __future__ import annotations

import pytest

from sitrep.models import Actor
from sitrep.stages.events_refine import protest_kind
from sitrep.stages.events_types import type_sentence
from sitrep.vocab import ActorKind, ActorType, SubEventType

S = SubEventType


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # the crowd's violence is the event; the arrests and the damage are part of it
        ("Stones were hurled at police by community members after a suspected gang member was arrested.",
         S.VIOLENT_DEMONSTRATION),
        ("Police arrested 40 vendors for rioting and clashing with police in Harare.", S.VIOLENT_DEMONSTRATION),
        ("Rioters blocked roads and stoned vehicles, demanding speed bumps.", S.VIOLENT_DEMONSTRATION),
        ("Community members turned on police, clashing with officers.", S.ARMED_CLASH),
        # territory
        ("Military forces clear three Boko Haram camps in the forest.", S.GOVERNMENT_REGAINS_TERRITORY),
        ("Army units dislodged the militia from several localities after two days of fighting.",
         S.GOVERNMENT_REGAINS_TERRITORY),
        ("Five police sub-stations have been abandoned in the area.", S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
        ("Most of the rebels had retreated from the town after troops attacked it.", S.ATTACK),
        # strategic developments
        ("Troops and military aircraft deployed to Ed Damazin.", S.CHANGE_TO_GROUP_ACTIVITY),
        ("The army conducted combing operations in the area after militants were spotted.",
         S.CHANGE_TO_GROUP_ACTIVITY),
        ("Soldiers and police disarm two militias in Tullus.", S.DISRUPTED_WEAPONS_USE),
        ("The Turkish army has established a number of barracks near the border.", S.HEADQUARTERS_OR_BASE_ESTABLISHED),
        ("The government and the rebels have agreed to resume the peace talks.", S.AGREEMENT),
        ("Security sources say a militia chief accused of sowing disorder was arrested in the town.", S.ARRESTS),
        # violence against people
        ("Militiamen injured two men in Saraf Omra.", S.ATTACK),
        ("A humanitarian worker was assaulted by police after refusing to pay fees.", S.ATTACK),
        ("Vigilantes attack three suspected thieves in Lagos.", S.ATTACK),
        ("Two vigilantes have been beaten up by a mob.", S.MOB_VIOLENCE),
        # protests
        ("A 48h strike of teachers was observed in Niamey.", S.PEACEFUL_PROTEST),
        ("Party supporters disrupted the meeting and switched off the sound system.", S.PEACEFUL_PROTEST),
        # chemical weapons outrank the aircraft that dropped them
        ("A helicopter dropped two barrel bombs loaded with cylinders of poison gas on farmland.", S.CHEMICAL_WEAPON),
    ],
)
def test_events_typing_more_sentence(sentence: str, sub_event_type: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None, sentence
    assert typed.sub_event_type is sub_event_type, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials rejected an accusation of bombing a mosque which killed 46 people.",
        "The two armies entered the town without fighting.",
    ],
)
def test_events_typing_more_no_violence_read(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is None or typed.sub_event_type not in (S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.ARMED_CLASH), sentence


def _crowd() -> Actor:
    return Actor("Students", "Students", 0, 8, ActorType.PROTESTERS, None, None, ActorKind.GROUP, None, None, "kb")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Students protested against the master plan and were met by violent response from police forces.",
         S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
        ("Dozens of people were injured as security forces fired rubber bullets to disperse the protest.",
         S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
        ("Students protested against the killing of a classmate by police.", S.PEACEFUL_PROTEST),
    ],
)
def test_events_typing_more_force_against_protesters(sentence: str, expected: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None
    assert protest_kind(typed.sub_event_type, typed.fired, sentence, _crowd(), typed.trigger_start) is expected
