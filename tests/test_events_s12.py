"""Events, session 12: an event in "the countryside of X" is placed near the town X at ACLED's precision 2
(not in the town itself), quoting the whole phrase; a town named only inside a wider place's words is not
the event's place; "rebel factions" and "Islamist factions" are armed groups; a common noun after "the"
("the University") is no town; a named group's name ("SLM/A-Nur") holds no place of the event, nor does the
country forces come from ("those from Cameroon")."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.vocab import GeoPrecision


def _place(text: str) -> sitrep.Place:
    doc = sitrep.process(text)
    assert doc.events, text
    loc = max(doc.events, key=lambda e: e.confidence).location
    assert loc is not None, text
    return loc


@pytest.mark.parametrize("text, phrase", [
    ("Government warplanes struck the eastern countryside of Aleppo on Monday, killing four civilians.",
     "the eastern countryside of Aleppo"),
    ("Government warplanes struck Idlib countryside on Monday, killing four civilians.", "Idlib countryside"),
])
def test_the_countryside_of_a_town_is_near_the_town(text: str, phrase: str) -> None:
    loc = _place(text)
    assert loc.text == phrase
    assert loc.geo_precision is GeoPrecision.NEAR_TOWN
    town = phrase.split()[-1] if phrase.startswith("the ") else phrase.split()[0]
    assert loc.admin1 is not None and town.lower() in loc.admin1.lower()


def test_the_town_itself_stays_precise() -> None:
    loc = _place("Government warplanes struck the town of Aleppo on Monday, killing four civilians.")
    assert loc.geo_precision is GeoPrecision.TOWN


def test_a_place_in_another_clause_does_not_outrank_the_countryside_near_the_act() -> None:
    loc = _place("Warplanes pounded the northern countryside of Homs on Monday, and aid reached Raqqa.")
    assert loc.text == "the northern countryside of Homs"
    assert loc.geo_precision is GeoPrecision.NEAR_TOWN


@pytest.mark.parametrize("text, name", [
    ("Rebel factions shelled army positions in Aleppo on Monday.", "Rebels (Syria)"),
    ("The opposition factions attacked army positions near Homs on Monday.", "Rebels (Syria)"),
    ("Islamist factions attacked army positions near Idlib on Monday.", "Islamist Militia (Syria)"),
])
def test_factions_are_armed_groups(text: str, name: str) -> None:
    doc = sitrep.process(text)
    # the country in the name comes from the places, which the tests' small gazetteer may lack
    assert name.split(" (")[0] in {a.name.split(" (")[0] for a in doc.actors}, [(a.text, a.name) for a in doc.actors]


def test_a_common_noun_after_the_is_no_town() -> None:
    """University, Florida is a town of 40,000; "near the University main building" names no town, and the
    event stays in the city the sentence names."""
    doc = sitrep.process("Students staged a protest near the University main building in Kampala on Monday.")
    assert all(p.text != "University" for p in doc.places), [(p.text, p.country) for p in doc.places]
    loc = max(doc.events, key=lambda e: e.confidence).location
    assert loc is not None and loc.text == "Kampala"


def test_a_country_after_the_is_still_a_country() -> None:
    doc = sitrep.process("Soldiers clashed with rebels in the Gambia on Monday.")
    assert any(p.text == "Gambia" and p.country == "GMB" for p in doc.places), [(p.text, p.country) for p in doc.places]


def test_a_named_group_s_name_holds_no_place_of_the_event() -> None:
    """"Nur" (a town in Iran) read inside "SLM/A-Nur", a Sudanese faction, is not where the clash was."""
    doc = sitrep.process("Heavy clashes between SLM/A-Nur and the army left 20 dead over two days.")
    assert any(a.kb_id == "slm-aw" for a in doc.actors)
    # the faction points to Sudan, which has no Nur: the name stays unresolved (session 16)
    assert all(p.latitude is None for p in doc.places if p.text == "Nur")
    assert doc.events
    assert all(e.location is None or e.location.text != "Nur" for e in doc.events)
    # "Sinai" in "the Sinai Province group" is resolved (in Egypt, where the group fights), and is not the place
    doc = sitrep.process("Heavy clashes between the Sinai Province group and the army left 20 dead.")
    assert any(p.text.startswith("Sinai") and p.latitude is not None for p in doc.places), "the test needs Sinai"
    assert doc.events
    assert all(e.location is None or e.location.feature != "region" for e in doc.events)


def test_the_country_forces_come_from_is_not_where_they_act() -> None:
    doc = sitrep.process("Army units, along with those from Cameroon, carried out a raid on Boko Haram camps "
                         "near Maiduguri, killing 20 militants.")
    loc = max(doc.events, key=lambda e: e.confidence).location
    assert loc is not None and loc.text == "Maiduguri", loc
