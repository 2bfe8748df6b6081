"""Events, session 16: members of two parties who fight each other riot, both sides rioters; a party's members
count as unarmed people in any clash; a gunfight is armed; a government building is no actor."""

from __future__ import annotations

import datetime as dt

import sitrep
from event_helpers import main_event
from sitrep.vocab import ActorType, SubEventType


def _main(text: str) -> sitrep.Event:
    return main_event(text, dt.date(2016, 5, 1))


def test_members_of_two_parties_who_clash_riot() -> None:
    event = _main("A clash between members of the APC and PDP over the visit of the party chairman to Dutse results "
                  "in the injury of five and the death of one.")
    assert event.sub_event_type is SubEventType.MOB_VIOLENCE
    assert event.actor1.type is ActorType.RIOTERS
    assert event.actor2 is not None and event.actor2.type is ActorType.RIOTERS


def test_a_government_complex_is_no_actor() -> None:
    event = _main("An EFF member was stabbed in the stomach during clashes with ANC members outside the Provincial "
                  "government complex in Nelspruit.")
    assert event.sub_event_type is SubEventType.MOB_VIOLENCE
    doc = sitrep.process("Protesters gathered outside the government complex in Nelspruit.")
    assert all(a.type is not ActorType.STATE_FORCES for a in doc.actors)


def test_a_gunfight_is_armed() -> None:
    # the gunfight is what the demonstration was about; the activists held a demonstration
    event = _main("Anti-Balaka activists held a demonstration following the death of an Anti-Balaka chief nicknamed "
                  "Fally during a gunfight with police.")
    assert event.sub_event_type is SubEventType.PEACEFUL_PROTEST


def test_bombers_named_before_a_present_tense_bomb_strike_from_the_air() -> None:
    # a note's or a headline's present tense: the SAF's bombing of a village is an air strike, not an IED
    assert _main("SAF bomb Kaninga. No casualties.").sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert _main("Russian jets bomb rebel-held towns in Idlib.").sub_event_type is SubEventType.AIR_DRONE_STRIKE
    # militants who bomb a bus station planted the bomb
    assert _main("Militants bomb a bus station in Kano, killing 10.").sub_event_type \
        is SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED
