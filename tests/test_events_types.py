"""Event typing (a component of the events stage, issue 6): the sub-event type a sentence reports."""

from __future__ import annotations

import pytest

from sitrep.stages.events_types import grievances, plover_for, type_sentence
from sitrep.vocab import EventType, PloverType, SubEventType

S = SubEventType


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("U.S.-backed militias battled foreign fighters defending the last pocket of Islamic State.", S.ARMED_CLASH),
        ("Two suicide bombers blew themselves up in a crowded market, killing 20.", S.SUICIDE_BOMB),
        ("Warplanes pounded the village, killing six civilians.", S.AIR_DRONE_STRIKE),
        ("A roadside bomb struck an army convoy near Kandahar.", S.REMOTE_EXPLOSIVE_LANDMINE_IED),
        ("Rebels shelled government positions overnight.", S.SHELLING_ARTILLERY_MISSILE_ATTACK),
        ("Gunmen abducted 276 schoolgirls from their dormitory.", S.ABDUCTION_FORCED_DISAPPEARANCE),
        ("Police arrested 45 people in Algiers.", S.ARRESTS),
        ("Tens of thousands of people marched peacefully through the capital.", S.PEACEFUL_PROTEST),
        ("Police fired tear gas to disperse the rally.", S.PROTEST_WITH_INTERVENTION),
        ("Security forces opened fire on protesters, killing at least 30.", S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
        ("Rioters torched cars and threw stones at police.", S.VIOLENT_DEMONSTRATION),
        ("An angry mob lynched a man accused of theft.", S.MOB_VIOLENCE),
        ("Government forces recaptured the town from the rebels.", S.GOVERNMENT_REGAINS_TERRITORY),
        ("The government and the rebels signed a ceasefire agreement.", S.AGREEMENT),
        ("Turkey set up a new observation post in Idlib.", S.HEADQUARTERS_OR_BASE_ESTABLISHED),
        ("Soldiers defused an improvised explosive device on the highway.", S.DISRUPTED_WEAPONS_USE),
        ("A grenade exploded in a busy market, wounding 14.", S.GRENADE),
        ("Chlorine was used in an attack on the town, monitors said.", S.CHEMICAL_WEAPON),
    ],
)
def test_events_types_sentence(sentence: str, sub_event_type: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is sub_event_type
    assert 0 < typed.confidence < 1
    assert sentence[typed.trigger_start:typed.trigger_end]


@pytest.mark.parametrize(
    "sentence",
    [
        "Floods destroyed hundreds of homes after torrential rain.",
        "The ministry said the economy grew by 3% last year.",
        "Thieves robbed a bank in the capital.",
        "The Security Council condemned the missile test and expelled two diplomats.",
        "A gas cylinder exploded after a fire broke out in the kitchen.",
        # a Protestant is no protest, nor is a figure that demonstrates something (WikiEvents)
        "Two Ulster Protestant politicians met the minister.",
        "The figures demonstrate that the estimates were too low.",
    ],
)
def test_events_types_not_political_violence(sentence: str) -> None:
    assert type_sentence(sentence) is None


def test_events_types_plover_for_every_sub_event_type() -> None:
    for sub in SubEventType:
        assert isinstance(plover_for(sub), PloverType)
        assert isinstance(sub.event_type, EventType)


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # beatings and assaults of people, shots at them: attacks
        ("Soldiers beat up students at the university campus.", S.ATTACK),
        ("A man was assaulted by security forces after he violated the curfew.", S.ATTACK),
        ("Unidentified armed men fired on park rangers near Kahuzi.", S.ATTACK),
        # strikes and stoppages, stones thrown, property set on fire
        ("Workers observed a work stoppage in Lubumbashi.", S.PEACEFUL_PROTEST),
        ("Teachers engaged in a five-day strike over unpaid salaries.", S.PEACEFUL_PROTEST),
        ("Protesters were throwing stones at passing cars.", S.VIOLENT_DEMONSTRATION),
        ("Military torch seven villages near Golo.", S.LOOTING_PROPERTY_DESTRUCTION),
        # a surrender is an agreement (ACLED)
        ("Ten rebels surrendered to the army in Kalehe.", S.AGREEMENT),
        # "March" the month is no march; a march is
        ("The army killed 19 militants in Sinai on 26 March.", S.ATTACK),
        ("Thousands March in Lagos against fuel prices", S.PEACEFUL_PROTEST),
        # what a protest is about, or what someone is held for, is not the sentence's event
        ("Residents protested to demand the release of their leader, who was arrested last week.", S.PEACEFUL_PROTEST),
        ("Police arrested three men suspected in the killing of five traders.", S.ARRESTS),
        # a protest is never vetoed by words of crime ("smugglers")
        ("Petrol smugglers blocked the road and set tyres ablaze.", S.PEACEFUL_PROTEST),
        # a device that exploded or went off, as an explosion is (WikiEvents)
        ("A device that exploded on Friday wounded 13 people on a pedestrian street in Lyon.",
         S.REMOTE_EXPLOSIVE_LANDMINE_IED),
        ("Two devices went off near the police station.", S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ],
)
def test_events_types_lexicon(sentence: str, sub_event_type: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is sub_event_type


def test_events_types_no_casualties_is_no_event() -> None:
    assert type_sentence("No casualties were reported.") is None


def test_events_types_grievances() -> None:
    text = "Residents protested to demand the release of their leader, who was arrested last week."
    assert [text[s:e] for s, e in grievances(text)] == ["to demand the release of their leader",
                                                        "who was arrested last week"]
