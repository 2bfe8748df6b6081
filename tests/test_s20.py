"""Session 20: the side that attacked is actor1 of a battle even when the trigger is its name ("gunmen attacked"), and
a word glued to a place of another country is part of a longer name, not a place of its own."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.models import Place
from sitrep.vocab import ActorType, SubEventType

_DAY = dt.date(2016, 4, 1)


def _places(text: str) -> list[Place]:
    return list(doc_on(text, _DAY).places)


def test_the_side_that_raided_the_state_is_actor1() -> None:
    for text in ("RENAMO gunmen unsuccessfully attempted to raid the police post at the entrance to Gorongosa town, "
                 "seriously wounding one member of the riot police.",
                 "Unidentified gunmen attacked the home of the head of the National Intelligence Agency (ANR) in "
                 "Kisima, Beni territory, killing him."):
        ev = main_event(text, _DAY)
        assert ev.sub_event_type is SubEventType.ARMED_CLASH, text
        assert ev.actor1 is not None and ev.actor1.type is not ActorType.STATE_FORCES, (text, ev.actor1)
        assert ev.actor2 is not None and ev.actor2.type is ActorType.STATE_FORCES, (text, ev.actor2)


def test_a_clash_with_the_state_keeps_the_state_first() -> None:
    ev = main_event("A Senegalese soldier was injured during a shootout with alleged Casamance rebels.", _DAY)
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES


def test_a_word_glued_to_a_place_of_another_country_is_no_place() -> None:
    found = {(p.text, p.country) for p in _places("Teachers protested in El Manara, Gabes Sud, after a classroom "
                                                    "collapsed.")}
    assert ("Gabes", "TUN") in found
    assert not any(text == "Sud" for text, _ in found), found  # not the Sud department of Haiti
    found = {(p.text, p.country) for p in _places("Students protested over the scrapped Nigerian Maritime "
                                                    "University at Okerenkoko.")}
    assert not any(text == "Maritime" for text, _ in found), found  # not the Maritime region of Togo


def test_of_two_glued_names_the_one_the_article_backs_stays() -> None:
    found = {(p.text, p.country) for p in _places("Youth crime rose in Far North Queensland. Police in Cairns, "
                                                    "Queensland, said offences were up.")}
    assert ("Queensland", "AUS") in found and ("Cairns", "AUS") in found
    assert not any(text == "Far North" for text, _ in found), found  # not the Far North region of Cameroon


def test_two_places_of_one_country_side_by_side_stay() -> None:
    found = {(p.text, p.country) for p in _places("Violence has erupted in Polokwane Limpopo as protesting residents "
                                                    "burned schools.")}
    assert {("Polokwane", "ZAF"), ("Limpopo", "ZAF")} <= found


def test_what_a_protest_is_against_is_no_intervention() -> None:
    for text in ("Villagers of Duku protest the alleged recent killing of three detained persons at the hand of the "
                 "military.",
                 "A women's group protests the arrest of a group of Okada riders who had protested over tickets."):
        ev = main_event(text, _DAY)
        assert ev.sub_event_type is SubEventType.PEACEFUL_PROTEST, (text, ev.sub_event_type)
        assert ev.actor1 is not None and ev.actor1.type is ActorType.PROTESTERS, (text, ev.actor1)
