"""Session 21: a hedged verb with a bare noun after it is active, people held after protests that burned or plundered
were held at a riot, a party's people named after its abbreviation are a crowd, and clashes whose sides only the next
sentence names as a crowd are that crowd's riot."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorType, EventType, SubEventType

_DAY = dt.date(2016, 4, 1)


def test_a_hedged_verb_with_a_bare_noun_after_it_is_active() -> None:
    ev = main_event("Soldiers allegedly killed civilian in Gimbi town, West Wollega.", _DAY)
    assert ev.sub_event_type is SubEventType.ATTACK
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES, ev.actor1
    assert ev.actor2 is not None and ev.actor2.type is ActorType.CIVILIANS, ev.actor2


def test_soldiers_killed_in_a_clash_still_suffered_it() -> None:
    ev = main_event("Soldiers allegedly killed in clashes with rebels near Beni were buried on Monday.", _DAY)
    assert ev.event_type is EventType.BATTLES
    sides = {a.type for a in (ev.actor1, ev.actor2) if a is not None}
    assert ActorType.REBEL_GROUPS in sides, (ev.actor1, ev.actor2)


def test_held_after_protests_that_burned_or_plundered_is_the_riot() -> None:
    for text in ("Twenty students were arrested after protests at the University of Pretoria led to a lecture hall "
                 "being set on fire.",
                 "Eleven people were arrested after protests on 3 March which saw residents plunder the shops of "
                 "two traders in Mamelodi."):
        ev = main_event(text, _DAY)
        assert ev.sub_event_type in (SubEventType.VIOLENT_DEMONSTRATION, SubEventType.PROTEST_WITH_INTERVENTION), \
            (text, ev.sub_event_type)


def test_held_after_peaceful_protests_is_still_an_arrest() -> None:
    ev = main_event("Soldiers conducted mass arrests in Gulu following a day of protests against the new tax.", _DAY)
    assert ev.sub_event_type is SubEventType.ARRESTS


def test_a_partys_people_after_its_abbreviation_are_a_crowd() -> None:
    ev = main_event("Three people were injured as police clashed with National Unity Platform (NUP) presidential "
                    "candidate Kyagulanyi's supporters in Jinja.", _DAY)
    assert ev.sub_event_type is SubEventType.VIOLENT_DEMONSTRATION, ev.sub_event_type
    assert ev.actor1 is not None and ev.actor1.type is ActorType.RIOTERS, ev.actor1


def test_clashes_the_next_sentence_tells_as_a_crowds_are_a_riot() -> None:
    ev = main_event("Clashes broke out on Tuesday near the customs post of Ras Jedir, in Medenine governorate. Hundreds "
                    "of unemployed youths blocked the road to demand jobs. Police fired tear gas and the protesters "
                    "threw stones at them.", _DAY)
    assert ev.event_type is EventType.RIOTS, (ev.event_type, ev.sub_event_type)
    assert ev.actor1 is not None and ev.actor1.type is ActorType.RIOTERS, ev.actor1


def test_clashes_with_a_named_side_stay_a_battle() -> None:
    ev = main_event("Clashes broke out between the army and Boko Haram near Bama. Hundreds of residents later "
                    "protested in Maiduguri against the insecurity.", _DAY)
    assert ev.event_type is EventType.BATTLES, (ev.event_type, ev.sub_event_type)


def test_people_expelled_are_no_territory_taken() -> None:
    for text in ("The government expelled more than 600 Zimbabweans between 2 and 4 May.",
                 "Norway has expelled two Russian embassy diplomats over spying allegations.",
                 "Thirty students were expelled from the university after the strike."):
        events = doc_on(text, _DAY).events
        assert not any(e.event_type is EventType.BATTLES for e in events), (text, [e.sub_event_type for e in events])


def test_armed_men_expelled_from_a_town_is_territory_taken() -> None:
    for text in ("The SDF expel ISIS from the town of Ziban after two days of fighting.",
                 "Rebels expelled Lebanese Hezbollah from the town of Qusayr."):
        ev = main_event(text, _DAY)
        assert ev.sub_event_type is SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY, (text, ev.sub_event_type)


def test_military_bases_are_places() -> None:
    for text, name, country, point in (
            ("Rockets hit the Ain al-Asad air base on Tuesday, wounding two soldiers.", "Ain al-Asad", "IRQ",
             (33.8, 42.44)),  # not the village of Ein el Asad in Israel
            ("Troops at Camp Lemonnier were put on alert after the attack.", "Camp Lemonnier", "DJI", (11.55, 43.15)),
            ("Samples from the outbreak were sent to Fort Detrick for testing.", "Fort Detrick", "USA",
             (39.44, -77.43))):
        found = {p.text: p for p in doc_on(text, _DAY).places}
        place = found.get(name)
        assert place is not None and place.country == country, (text, found)
        assert place.latitude is not None and place.longitude is not None
        assert abs(place.latitude - point[0]) < 0.2 and abs(place.longitude - point[1]) < 0.2, (text, place)
