"""Event types, session 9: killings told by how they were done ("hacked to death"), a fight that broke out, a gunfire
exchange and a beating are events; the crime a victim was accused of vetoes nothing; a person "shot down" is no
aircraft; armed men who attacked and stole with no one hurt looted; troops who killed during an operation that freed
hostages fought a battle; air strikes and mines told after the battle the lead told are that battle's, as is what was
found after it; the protests or riots that came before an arrest, a deployment or a curfew are no event of the
sentence."""

from __future__ import annotations

import pytest

from sitrep.stages.events_types import type_sentence
from sitrep.vocab import SubEventType
from test_events_types_s7 import main_type

S = SubEventType


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a killing told by the way it was done
        ("A crowd hacked two farmers to death near the river.", S.ATTACK),
        ("Villagers burnt a suspected cattle thief to death on Sunday.", S.ATTACK),
        ("The gang clubbed the night guard to death.", S.ATTACK),
        # the crime the victim was accused of is no veto
        ("Vigilantes kill a man accused of robbery at the market.", S.ATTACK),
        # a beating with its victim named after "beat up"
        ("A party youth leader beat up and injured a rival candidate at the polling station.", S.ATTACK),
        # fighting in a few words
        ("Three herders died in a gunfire exchange with the border police.", S.ARMED_CLASH),
        ("Four men were hurt in a fight that broke out between two groups of fighters.", S.ARMED_CLASH),
    ],
)
def test_more_ways_of_telling_violence(sentence: str, expected: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is expected, (sentence, typed)


def test_a_person_shot_down_is_no_aircraft() -> None:
    typed = type_sentence("A trader was shot down by gunmen while driving home.")
    assert typed is not None and typed.sub_event_type is S.ATTACK
    typed = type_sentence("The rebels claimed they had shot down a military drone over the hills.")
    assert typed is not None and typed.sub_event_type is not S.ATTACK


@pytest.mark.parametrize(
    "sentence",
    [
        "Armed herders attacked a village near the border and stole 40 sheep. No casualties were reported.",
        "Gunmen raided houses in the night, stealing food and motorcycles.",
    ],
)
def test_armed_men_who_stole_and_hurt_nobody_looted(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is S.LOOTING_PROPERTY_DESTRUCTION, (sentence, typed)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bandits shoot and injure a herder and then steal his cattle.",
        "Rebels ambushed five traders on the road, stealing their property.",
    ],
)
def test_harm_outranks_what_was_stolen(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type in (S.ATTACK, S.ARMED_CLASH), (sentence, typed)


@pytest.mark.parametrize(
    "sentence",
    [
        "The army deployed 300 soldiers in the streets following violent riots in previous days.",
        "The government declared a curfew in the province after a wave of protests.",
        "Soldiers made mass arrests in the town following a week of demonstrations against the plan.",
    ],
)
def test_protests_that_came_before_are_no_event(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type.event_type.value == "Strategic developments", (sentence, typed)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # troops who killed during an operation that freed hostages fought the enemy, not the hostages
        ("Troops killed 11 and rescued 30 hostages during a clearing operation near Maiduguri.", "Battles"),
        # air strikes and a mine told after the battle the lead told are that battle's weapons
        ("Soldiers repelled an attack by insurgents on their base near Maiduguri, killing nine of them. Air force jets "
         "carried out air strikes on the insurgents' hideouts during the operation.", "Battles"),
        ("Troops fought militants for hours outside Maiduguri, killing six. Two soldiers were wounded when their "
         "truck hit a landmine on the way back.", "Battles"),
        # weapons found after the fight are its aftermath
        ("Troops clashed with rebels near Bunia, killing four. The soldiers recovered 20 rifles and a cache of "
         "ammunition from the rebels' camp.", "Battles"),
    ],
)
def test_main_event_types(process, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(process, text) == event_type


def test_an_air_strike_told_first_stays_the_main_event(process) -> None:  # type: ignore[no-untyped-def]
    text = ("Air force jets bombed insurgent positions near Maiduguri, killing dozens. Troops later clashed with "
            "survivors.")
    assert main_type(process, text) == "Explosions/Remote violence"
