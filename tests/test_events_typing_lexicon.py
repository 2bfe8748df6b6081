"""Event typing, lexicon and choice: aircraft by other names, mines by other names, what an event answered or defied
(no event of its own), grievances of a protest, territory given up or gained, forces moved or formed, people
intercepted, industrial accidents, riots whose arrests or damage are part of them, beatings in a sentence of
commentary, and the kind of a protest once the actor is known."""

from __future__ import annotations

import pytest

from sitrep.models import Actor
from sitrep.stages.events_refine import protest_kind, upgrade_protest
from sitrep.stages.events_types import type_sentence
from sitrep.vocab import ActorKind, ActorType, SubEventType

S = SubEventType


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # aircraft
        ("Aerial bombardments on insurgent positions left dozens dead.", S.AIR_DRONE_STRIKE),
        ("Army choppers pounded the hideouts of the bandits.", S.AIR_DRONE_STRIKE),
        ("Coalition jets fired several missiles at a depot near the port.", S.AIR_DRONE_STRIKE),
        # mines and rockets by other names
        ("Four soldiers died when their truck hit a ground mine on the road.", S.REMOTE_EXPLOSIVE_LANDMINE_IED),
        ("A rocket-propelled grenade struck the armoured vehicle.", S.SHELLING_ARTILLERY_MISSILE_ATTACK),
        ("Commandos destroyed a vehicle-borne improvised explosive device during an operation.",
         S.DISRUPTED_WEAPONS_USE),
        # what the event answered or defied is no event of the sentence (territory gained: the gaining actor,
        # known later, decides between the two kinds)
        ("An angry mob beat the suspect to death in revenge for a rape in the village.", S.MOB_VIOLENCE),
        ("The rebels seized the provincial capital despite weeks of air strikes.", S.GOVERNMENT_REGAINS_TERRITORY),
        # a protest and what it is about
        ("Rallies were held in several cities against the execution of a preacher.", S.PEACEFUL_PROTEST),
        ("Students protested air raids on their region.", S.PEACEFUL_PROTEST),
        ("Activists formed a human chain outside the court.", S.PEACEFUL_PROTEST),
        # territory
        ("The militants recaptured the city after the army pulled out.", S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
        ("The fighters entered the town at dawn and did not encounter any resistance.",
         S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
        ("The insurgents gained ground in the north of the province.", S.GOVERNMENT_REGAINS_TERRITORY),
        # forces moved, formed, exercising; aircraft in another's airspace
        ("The army dispatched hundreds of troops to the border region.", S.CHANGE_TO_GROUP_ACTIVITY),
        ("New units of engineering troops have been formed in the district.", S.CHANGE_TO_GROUP_ACTIVITY),
        ("Two foreign military planes entered the air defence identification zone.", S.CHANGE_TO_GROUP_ACTIVITY),
        # people intercepted are held; a commander captured is arrested, not a weapon seized
        ("Security services intercepted 15 suspected members of the cell in the capital.", S.ARRESTS),
        ("Troops captured a commander who heads the group's explosives unit.", S.ARRESTS),
        ("Air defences intercepted two missiles over the city.", S.DISRUPTED_WEAPONS_USE),
        # an explosion that killed, told with weapons found
        ("Two explosive devices were found near the town, and three children died in an explosion.",
         S.REMOTE_EXPLOSIVE_LANDMINE_IED),
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
def test_events_typing_lexicon_sentence(sentence: str, sub_event_type: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None, sentence
    assert typed.sub_event_type is sub_event_type, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "A boiler exploded at a pesticide factory, killing one worker.",
        "Dozens were treated after chlorine leakage from a water plant.",
        "Ministers held talks on a ceasefire in Geneva on Tuesday.",
        "Border guards intercepted 40 illegal migrants trying to reach the coast.",
    ],
)
def test_events_typing_lexicon_no_event(sentence: str) -> None:
    assert type_sentence(sentence) is None, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials rejected an accusation of bombing a mosque which killed 46 people.",
        "The two armies entered the town without fighting.",
    ],
)
def test_events_typing_lexicon_no_violence_read(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is None or typed.sub_event_type not in (S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.ARMED_CLASH), sentence


def test_events_typing_lexicon_riot_police_are_no_riot() -> None:
    typed = type_sentence("Riot police chased demonstrators through the streets of the capital.")
    assert typed is not None and typed.sub_event_type is not S.VIOLENT_DEMONSTRATION


def test_events_typing_lexicon_ceasefire_welcomed_is_an_agreement() -> None:
    typed = type_sentence("The mediators welcomed the cease-fire in two regions where fighting has left scores of "
                          "casualties.")
    assert typed is not None and typed.sub_event_type is S.AGREEMENT


def _actor(kind: ActorType) -> Actor:
    return Actor("X", "X", 0, 1, kind, None, None, ActorKind.GROUP, None, None, "kb")


@pytest.mark.parametrize(
    ("sentence", "agent", "expected"),
    [
        ("Government forces captured a town and marched into a rebel-held district.", ActorType.STATE_FORCES,
         S.GOVERNMENT_REGAINS_TERRITORY),
        ("Police arrested an activist for organising an illegal protest amid the unrest.", ActorType.STATE_FORCES,
         S.ARRESTS),
        ("Serious injuries among the demonstrators as the authorities suppressed their peaceful protests.",
         ActorType.PROTESTERS, S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
        ("Protesters took to the streets to decry the arrests and violence.", ActorType.PROTESTERS,
         S.PEACEFUL_PROTEST),
        ("Students protested against the master plan and were met by violent response from police forces.",
         ActorType.PROTESTERS, S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
        ("Dozens of people were injured as security forces fired rubber bullets to disperse the protest.",
         ActorType.PROTESTERS, S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
        ("Students protested against the killing of a classmate by police.", ActorType.PROTESTERS, S.PEACEFUL_PROTEST),
    ],
)
def test_events_typing_lexicon_protest_kind(sentence: str, agent: ActorType, expected: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None, sentence
    assert protest_kind(typed.sub_event_type, typed.fired, sentence, _actor(agent), typed.trigger_start) is expected


@pytest.mark.parametrize(
    ("sentence", "agent", "expected"),
    [
        # roads blocked by the crowd: rioters, unless the crowd is said to have stayed calm
        ("Traders blocked the main highway to protest a new market tax.", ActorType.PROTESTERS,
         S.VIOLENT_DEMONSTRATION),
        ("Villagers blocked the road peacefully to demand clean water.", ActorType.PROTESTERS, S.PEACEFUL_PROTEST),
        ("Youths went on a rampage in protest against their eviction.", ActorType.PROTESTERS,
         S.VIOLENT_DEMONSTRATION),
        # storming or besieging a building, violence the protest is about, a self-immolation: still a protest
        ("Workers stormed the ministry offices to demand unpaid wages.", ActorType.PROTESTERS, S.PEACEFUL_PROTEST),
        ("Demonstrators laid siege outside the governor's office to demand jobs.", ActorType.PROTESTERS,
         S.PEACEFUL_PROTEST),
        ("Residents marched to denounce gang violence in their district.", ActorType.PROTESTERS, S.PEACEFUL_PROTEST),
        ("Hundreds marched after a recent attack on a hotel to show their resistance to terrorism.",
         ActorType.PROTESTERS, S.PEACEFUL_PROTEST),
        ("A vendor set himself ablaze outside the town hall in protest.", ActorType.PROTESTERS, S.PEACEFUL_PROTEST),
        ("Students protested and were dispersed by anti-riot police.", ActorType.PROTESTERS,
         S.PROTEST_WITH_INTERVENTION),
        # the forces attacked the crowd: excessive force, the forces first
        ("Soldiers reportedly attacked students who were protesting the new curriculum.", ActorType.STATE_FORCES,
         S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ],
)
def test_events_typing_lexicon_protest_or_riot(sentence: str, agent: ActorType, expected: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None, sentence
    assert protest_kind(typed.sub_event_type, typed.fired, sentence, _actor(agent), typed.trigger_start) is expected


@pytest.mark.parametrize(
    ("follow_up", "sentence", "expected"),
    [
        (S.ATTACK, "Soldiers opened fire on the marchers, killing two.", S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
        (S.PROTEST_WITH_INTERVENTION, "Police opened fire, firing rubber bullets to disperse them.",
         S.PROTEST_WITH_INTERVENTION),
        (S.ATTACK, "Soldiers opened fire on the marchers, who then burned the tax office.", S.VIOLENT_DEMONSTRATION),
    ],
)
def test_events_typing_lexicon_protest_upgraded(follow_up: SubEventType, sentence: str,
                                                expected: SubEventType) -> None:
    assert upgrade_protest(S.PEACEFUL_PROTEST, follow_up, sentence) is expected
