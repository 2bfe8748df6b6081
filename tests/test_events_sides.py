"""Who attacked whom, read through the whole pipeline: a hedged verb with an object is active, a faction named
beside its movement is one side, an "administrative post" is no armed target, an attack told again by a later
sentence ("killed in the attack", "the attackers") is the same event, and an attack whose targets fought back is
a battle."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.vocab import ActorType, SubEventType

S = SubEventType


def _main(text: str) -> sitrep.Event:
    doc = sitrep.process(text)
    assert doc.events, text
    return max(doc.events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "first"),
    [
        # "allegedly killed two traders": the soldiers did it, the traders are civilians
        ("Kenyan soldiers allegedly killed three traders at the cattle market in Garissa.", S.ATTACK,
         ActorType.STATE_FORCES),
        # a faction and its movement, side by side, are one side: the local chief they killed is a civilian
        ("Nyatura Mayi Mayi militiamen killed a village chief near Masisi.", S.ATTACK, ActorType.POLITICAL_MILITIAS),
        # a civil servant's "administrative post" is not a military post
        ("RENAMO gunmen ambushed a car of the head of the local administrative post near Gorongosa, killing two.",
         S.ATTACK, ActorType.POLITICAL_MILITIAS),
        # escorted by the forces: the gunmen still did it, and the forces fought them
        ("RENAMO gunmen ambushed a truck escorted by the defence and security forces near Muxungue, wounding four.",
         S.ARMED_CLASH, ActorType.POLITICAL_MILITIAS),
    ],
)
def test_who_did_it(text: str, sub_event_type: SubEventType, first: ActorType) -> None:
    event = _main(text)
    assert event.sub_event_type is sub_event_type
    assert event.actor1.type is first


def test_hedged_verb_without_object_stays_passive() -> None:
    event = _main("Two villagers reportedly killed near Beni on Tuesday.")
    assert event.sub_event_type is S.ATTACK
    assert event.actor1.type is not ActorType.CIVILIANS
    assert event.actor2 is not None and event.actor2.type is ActorType.CIVILIANS


def test_later_sentence_about_the_attack_is_the_same_event() -> None:
    doc = sitrep.process("RENAMO gunmen attacked a police post on the main road near Gorongosa. "
                         "One guard died in the attack, as well as one attacker.")
    assert len(doc.events) == 1
    event = doc.events[0]
    assert event.sub_event_type is S.ARMED_CLASH
    assert event.actor1.kb_id == "renamo"


def test_the_attackers_are_the_group_named_before() -> None:
    doc = sitrep.process("Suspected LRA gunmen attacked a team of park rangers near Garamba. "
                         "The rangers repulsed the attackers, killing one.")
    attackers = [a for a in doc.actors if a.text == "attackers"]
    assert attackers and attackers[0].kb_id == "lra"
    assert len(doc.events) == 1
    assert doc.events[0].sub_event_type is S.ARMED_CLASH


def test_an_attack_whose_targets_fought_back_is_a_battle() -> None:
    doc = sitrep.process("Gunmen attacked a village near Djibo on Sunday, killing two farmers. "
                         "Soldiers based nearby returned fire and the assailants fled.")
    assert doc.events[0].sub_event_type is S.ARMED_CLASH


def test_an_attack_followed_by_other_news_stays_an_attack() -> None:
    doc = sitrep.process("Gunmen attacked a village near Djibo on Sunday, killing two farmers. "
                         "The attack took place while residents were at the market.")
    assert doc.events[0].sub_event_type is S.ATTACK


def test_a_story_that_names_only_a_district_is_placed_in_it() -> None:
    doc = sitrep.process("FRPI militiamen attacked Bikimbo in the Irumu area. They looted cattle and kidnapped five.")
    places = {e.location.name for e in doc.events if e.location is not None}
    assert places == {"Irumu"}
    assert all(e.location is not None and e.location.feature == "admin2" for e in doc.events)


@pytest.mark.parametrize(
    "text",
    [
        "Two railway carriages were set alight at the station in Bellville overnight.",
        "A shopkeeper was attacked with stones and fists in the market of Kinshasa.",
        "The office of a ward councillor was burnt down in Soweto.",
    ],
)
def test_harm_with_stones_or_fire_by_nobody_named_is_mob_violence(text: str) -> None:
    event = _main(text)
    assert event.sub_event_type is S.MOB_VIOLENCE
    assert event.actor1.type is ActorType.RIOTERS


@pytest.mark.parametrize(
    "text",
    [
        "A militiaman beat a displaced man with sticks near Nyala.",  # the attacker is armed
        "The village of Bossoukpa was burned down near Bossangoa.",  # villages burned: armed men's work
        "A woman was stoned to death in Kismayo.",  # an execution
    ],
)
def test_armed_harm_stays_with_armed_men(text: str) -> None:
    assert _main(text).sub_event_type is not S.MOB_VIOLENCE


def test_homes_burned_after_killings_are_the_same_event() -> None:
    doc = sitrep.process("Five people were killed in communal violence in the villages of the Lubero area. "
                         "Hundreds of homes were also burnt down.")
    assert len(doc.events) == 1
    assert doc.events[0].sub_event_type is not S.MOB_VIOLENCE
