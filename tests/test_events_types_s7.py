"""Event types chosen by who was harmed and by what a sentence tells of the fighting: an attack on armed men is a
battle and one on unarmed people violence against civilians, whoever the roles stage names; a protest against a
rape or a kidnapping is a protest; an aircraft fired on, air power backing ground troops and a suicide bomber
stopped are battles; strikes, roads obstructed and meetings stormed are protests; party youths who clash riot."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Article, Doc
from sitrep.stages.events_refine import _harmed
from sitrep.stages.events_types import type_sentence
from sitrep.vocab import PublishedFrom, SubEventType

S = SubEventType


def run(process, text: str) -> Doc:  # type: ignore[no-untyped-def]
    return process(Article(id="t", text=text, published=dt.date(2016, 3, 1),  # type: ignore[no-any-return]
                           published_from=PublishedFrom.METADATA))


def main_type(process, text: str) -> str:  # type: ignore[no-untyped-def]
    events = run(process, text).events
    assert events, text
    return str(max(events, key=lambda e: e.confidence).event_type)


@pytest.mark.parametrize(
    ("sentence", "armed", "civilian"),
    [
        ("A policeman was stabbed near the market.", True, False),
        ("Soldier killed at a checkpoint outside the town.", True, False),
        ("Troops reportedly killed two farmers in the village.", False, True),
        ("Four people were killed by gunmen believed to be rebels.", False, True),
        ("Gunmen shot at a minibus on the highway, killing the driver.", False, True),
        ("An armed man was shot dead by army units near the border.", True, False),
        ("Rebels ambushed a convoy escorted by security forces, killing one person.", True, True),
    ],
)
def test_who_was_harmed(sentence: str, armed: bool, civilian: bool) -> None:
    assert _harmed(sentence) == (armed, civilian)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # unarmed people harmed: violence against civilians, even with soldiers in the sentence
        ("Soldiers allegedly killed a civilian in a village of the district.", "Violence against civilians"),
        ("A ruling party councillor was shot dead when a gunman opened fire on his car.",
         "Violence against civilians"),
        ("Two peacekeepers allegedly beat a teenage boy in the county on Monday.", "Violence against civilians"),
        # armed men harmed: a battle, even when the sentence names no attacker
        ("Police officer killed in a camp near the state capital.", "Battles"),
        ("A park ranger was killed by suspected rebels in the national park.", "Battles"),
    ],
)
def test_attacks_typed_by_who_was_harmed(process, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(process, text) == event_type


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # harm a protest is about, told after the protest's words
        ("Hundreds of women marched through the town to protest against the rape and murder of mothers.",
         S.PEACEFUL_PROTEST),
        ("Villagers demonstrated outside the governor's office demanding the return of a girl kidnapped last week.",
         S.PEACEFUL_PROTEST),
        # harm done at a protest named as its setting stays the event
        ("During a protest in the city centre, party supporters allegedly assaulted a civilian.", S.ATTACK),
        # the aircraft as the target, air power backing troops on the ground
        ("Rebels fired on a UN helicopter flying over the district, causing minor damage.", S.ARMED_CLASH),
        ("Under cover of helicopters, army units stormed several militant hideouts, killing ten.", S.ARMED_CLASH),
        ("Air strikes hit militant hideouts in the north.", S.AIR_DRONE_STRIKE),
        # a suicide bomber stopped before reaching the target
        ("Soldiers intercepted two suicide bombers at the city gate.", S.ARMED_CLASH),
        ("A suicide bomber blew himself up in a crowded market.", S.SUICIDE_BOMB),
        ("Police arrested a suspected bomb maker in the city.", S.ARRESTS),
        # protests told in words of their own
        ("Bus drivers in the capital on strike.", S.PEACEFUL_PROTEST),
        ("Controllers interrupted their strike after one week.", S.PEACEFUL_PROTEST),
        ("Residents obstructed the circulation of vehicles across the village.", S.PEACEFUL_PROTEST),
        ("About 100 guards stormed a council meeting to air their pay grievances.", S.PEACEFUL_PROTEST),
        ("A man died after setting himself on fire outside the governor's office.", S.PEACEFUL_PROTEST),
        # fist fights, stolen livestock, clearance operations, a cessation of hostilities
        ("The party meeting ended in a fist fight.", S.ARMED_CLASH),
        ("A traditional ruler was murdered in a suspected leadership tussle.", S.ATTACK),
        ("Militia fighters stole livestock from the village.", S.LOOTING_PROPERTY_DESTRUCTION),
        ("Supporters stormed the house of an elderly woman and damaged her property.",
         S.LOOTING_PROPERTY_DESTRUCTION),
        ("Military forces carry out a clearance operation in five villages.", S.CHANGE_TO_GROUP_ACTIVITY),
        ("The rebel alliance declared a unilateral cessation of hostilities for six months.", S.AGREEMENT),
    ],
)
def test_sentence_types(sentence: str, sub_event_type: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is sub_event_type


def test_party_youths_who_clash_riot(process) -> None:  # type: ignore[no-untyped-def]
    text = "On Sunday there was a clash between 13 Zanu-PF youths and nine MDC-T youths in Harare."
    assert main_type(process, text) == "Riots"
