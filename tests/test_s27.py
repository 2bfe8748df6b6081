"""Session 27: a person named and described beside the name is one dead; names joined by "and" are two people; a
given name of a person is no town; titles that begin place names ("Sheikh Zuweid") make places after "in";
civilians told only as the dead of a clash are no side of it; one fighter is an armed man."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorKind, ActorType, EventType

_DAY = dt.date(2016, 5, 10)


def test_a_name_and_its_description_are_one_dead() -> None:
    e = main_event("John Okello, a teacher, was shot dead in Gulu.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 1, e.fatalities
    e = main_event("Gunmen killed a teacher, John Okello, in Gulu on Monday.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 1, e.fatalities
    two = main_event("Gunmen killed John Okello, a teacher, and a farmer in Gulu.", _DAY)
    assert two.fatalities is not None and two.fatalities.best == 2, two.fatalities


def test_names_joined_by_and_are_two_people_and_no_town() -> None:
    doc = doc_on("Gunmen shot dead Peter Ojok, John Okello and Mary Akello in Gulu.", _DAY)
    people = {a.name for a in doc.actors if a.kind is ActorKind.PERSON}
    assert {"Peter Ojok", "John Okello", "Mary Akello"} <= people, people
    assert [p.name for p in doc.places] == ["Gulu"], doc.places
    e = main_event("Gunmen shot dead Peter Ojok and John Okello in Gulu.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 2, e.fatalities


def test_a_title_that_begins_a_place_name_is_a_place_after_in() -> None:
    doc = doc_on("Gunmen killed a policeman in Sheikh Zuweid on Monday.", _DAY)
    assert not [a for a in doc.actors if a.kind is ActorKind.PERSON], doc.actors
    doc = doc_on("Shells hit the Sheikh Maqsoud neighbourhood of Aleppo.", _DAY)
    assert not [a for a in doc.actors if a.kind is ActorKind.PERSON], doc.actors
    cleric = doc_on("Sheikh Ahmed Madobe met elders in Kismayo.", _DAY)
    assert [a for a in cleric.actors if a.kind is ActorKind.PERSON], cleric.actors


def test_the_dead_of_a_clash_are_no_side_of_it() -> None:
    e = main_event("Clashes continued in Daraa and a woman died.", _DAY)
    assert e.event_type is EventType.BATTLES, e
    assert e.actor1 is not None and e.actor1.type is ActorType.POLITICAL_MILITIAS, e.actor1
    assert e.actor2 is None, e.actor2


def test_one_fighter_is_an_armed_man() -> None:
    doc = doc_on("A local journalist said an Iranian fighter was killed in Syria on Monday.", _DAY)
    fighter = [a for a in doc.actors if a.text == "Iranian fighter"]
    assert fighter and fighter[0].type is ActorType.POLITICAL_MILITIAS, doc.actors
    e = main_event("A local journalist said an Iranian fighter was killed in Syria on Monday.", _DAY)
    assert e.event_type is EventType.BATTLES, e


def test_people_thrown_off_a_roof_were_attacked() -> None:
    e = main_event("IS militants threw two men off the roof of a building in Raqqa on Monday.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    stones = main_event("Protesters threw stones from the top of the bridge in Nairobi on Monday.", _DAY)
    assert stones.event_type is not EventType.VIOLENCE_AGAINST_CIVILIANS, stones
