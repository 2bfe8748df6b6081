"""Events, session 13: a roundup sentence ("Warplanes bomb A and shelling kills three in B") tells one event per
clause, each with its own place, and the clause that tells of deaths leads; words that only go on with one event
(a list of places, the rest of a toll, a second verb of one crowd) do not cut it."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep
from sitrep.vocab import EventType, SubEventType


def _events(text: str) -> list[sitrep.Event]:
    return list(sitrep.process(text).events)


def _main(events: list[sitrep.Event]) -> sitrep.Event:
    return max(events, key=lambda e: e.confidence)


def test_a_roundup_tells_one_event_per_clause_and_the_deadly_one_leads() -> None:
    events = _events("Warplanes bombed the countryside of Aleppo and five people were killed in shelling on Idlib.")
    assert len(events) == 2
    first, second = events
    assert first.evidence.text == "Warplanes bombed the countryside of Aleppo"
    assert first.location is not None and "Aleppo" in first.location.name
    assert second.evidence.text.startswith("five people were killed")
    assert second.location is not None and second.location.name == "Idlib"
    assert second.fatalities is not None and second.fatalities.best == 5
    assert first.fatalities is None  # the toll is the other clause's
    assert _main(events) is second


def test_every_clause_takes_the_date_its_sentence_gives() -> None:
    article = sitrep.Article(id="a", text="On Monday, warplanes bombed the countryside of Aleppo and clashes broke "
                             "out in Homs.", published=dt.date(2017, 10, 18))
    events = sitrep.process(article).events
    assert len(events) == 2
    assert [e.date.value if e.date else None for e in events] == ["2017-10-16", "2017-10-16"]


def test_the_next_clause_cuts_at_the_and_that_opens_it() -> None:
    events = _events("Air strikes hit Idlib and the countryside of Aleppo and clashes continue in Homs")
    assert [e.evidence.text for e in events] == ["Air strikes hit Idlib and the countryside of Aleppo",
                                                 "clashes continue in Homs"]


def test_a_clause_that_opens_on_a_verb_shares_the_subject() -> None:
    events = _events("Regime forces shell the countryside of Aleppo and target Idlib")
    assert len(events) == 2
    assert events[1].evidence.text == "target Idlib"
    assert events[1].actor1.text == "Regime forces"


@pytest.mark.parametrize("text", [
    # a list of places is one event's
    "Clashes broke out between the army and rebels in the towns of Aleppo and Idlib.",
    # the rest of one toll
    "Three people were killed in Aleppo and dozens wounded in air strikes on Idlib.",
    # one crowd that went on to do more
    "Protesters marched in Homs and pelted the police with stones in Aleppo.",
    # a second event far from the start of its words is background to the first
    "Rebels took control of Aleppo and the hills around it during clashes with the army in Idlib.",
])
def test_words_that_go_on_with_one_event_are_not_cut(text: str) -> None:
    assert len(_events(text)) == 1, [e.evidence.text for e in _events(text)]


@pytest.mark.parametrize("text, name, admin1", [
    # a Damascus district the packages lack; a town in Germany has its name
    ("Regime forces shelled Jobar on Monday, killing two civilians.", "Jobar", "Dimashq"),
    # the packages list the Syrian town without a population, and a bigger town in Israel has its name
    ("Turkish-backed factions attacked Ras al-Ayn on Monday.", "Ras al-Ayn", "Al-Hasakah"),
    # an Idlib village spelled as the monitor spells it; a town in Egypt comes close
    ("Shells landed on al-Fu’ah on Monday, killing three people.", "al-Fu'ah", "Idlib"),
])
def test_places_of_the_syrian_war_that_the_packages_lack(text: str, name: str, admin1: str) -> None:
    loc = _main(_events(text)).location
    assert loc is not None
    assert (loc.name, loc.country, loc.admin1) == (name, "SYR", admin1)


def test_a_visit_that_only_dates_the_attack_does_not_veto_it() -> None:
    events = _events("Four soldiers were killed near Aleppo in an attack by gunmen, the day before the visit of the "
                     "prime minister to the region.")
    assert len(events) == 1
    assert events[0].fatalities is not None and events[0].fatalities.best == 4


@pytest.mark.parametrize("text", [
    "Party members beat and kicked her outside the court in Aleppo on Monday.",
    "A party official kicked and throttled his comrade in Homs on Monday.",
])
def test_a_beating_told_by_two_verbs_is_an_attack(text: str) -> None:
    events = _events(text)
    assert [e.sub_event_type for e in events] == [SubEventType.ATTACK]


def test_residents_who_burn_an_office_riot() -> None:
    events = _events("Residents of a district of Homs burned the ward councillor's office on Monday.")
    assert [e.event_type for e in events] == [EventType.RIOTS]


def test_a_long_run_on_sentence_is_not_read_as_a_roundup() -> None:
    # every clause break of a roundup is typed on both sides: a long sentence is left whole
    text = " and ".join(["shelling hit Aleppo and clashes broke out in Idlib"] * 12) + "."
    assert len(text) > 500
    assert len(_events(text)) == 1


def test_the_headline_tells_the_event_when_the_body_tells_none() -> None:
    doc = sitrep.process("Government air strike kills two civilians in Aleppo\n\nBy Anna Smith\n\n"
                         "Reporting from the wire.")
    assert doc.sentences[0].kind == "headline"
    assert len(doc.events) == 1
    event = doc.events[0]
    assert event.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert event.location is not None and event.location.name == "Aleppo"


def test_the_body_outranks_the_headline() -> None:
    doc = sitrep.process("Government air strike kills two civilians in Aleppo\n\n"
                         "Rebels shelled army positions in Idlib on Monday, a monitor said.")
    assert [e.evidence.text for e in doc.events] == ["Rebels shelled army positions in Idlib on Monday, a monitor said."]


@pytest.mark.parametrize("text", [
    "SDF fighters captured Kharba on Monday after clashes with the Islamic State.",
    "The army liberated Palmyra on Monday.",
])
def test_capturing_or_liberating_a_named_place_gains_territory(text: str) -> None:
    subs = [e.sub_event_type for e in _events(text)]
    assert any(s in (SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY)
               for s in subs), subs


def test_a_place_controlled_by_a_country_is_no_capture() -> None:
    subs = [e.sub_event_type for e in _events("A civilian was killed in a grenade attack in Indian-controlled Kashmir.")]
    assert subs == [SubEventType.GRENADE]


@pytest.mark.parametrize("text", [
    "Troops liberated a Yazidi woman held by the Islamic State near Mosul on Monday.",
    "Kurdish fighters captured Islamic State militants near Raqqa on Monday.",
])
def test_freeing_or_taking_named_people_gains_no_territory(text: str) -> None:
    subs = [e.sub_event_type for e in _events(text)]
    assert not any(s in (SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY)
                   for s in subs), subs


def test_a_region_is_a_clause_s_own_place() -> None:
    events = _events("Shelling leaves injuries in the Eastern Ghouta and the raids hit the southern countryside of Idlib")
    assert len(events) == 2
    main = _main(events)
    assert main.location is not None and main.location.name == "Eastern Ghouta"


@pytest.mark.parametrize("text, country", [
    ("Gunmen attacked the police post of Kassoumbi on Monday; the attackers were jihadists from Mali.", "MLI"),
    ("Smugglers burned tyres on the road to Dehibat after a ban on petrol imported from Libya.", "LBY"),
    ("Students protested outside the consulate of Nigeria on Monday, demanding visas.", "NGA"),
])
def test_the_country_people_or_goods_come_from_is_not_the_event_s_place(text: str, country: str) -> None:
    for event in _events(text):
        assert event.location is None or event.location.country != country, event.location


@pytest.mark.parametrize("text", [
    "150 detainees from Manbij were released on Monday.",
    "The army released 150 detainees from Aleppo on Monday.",
])
def test_detainees_released_are_no_arrest(text: str) -> None:
    assert SubEventType.ARRESTS not in [e.sub_event_type for e in _events(text)]


def test_people_arrested_and_released_were_arrested() -> None:
    assert [e.sub_event_type for e in _events("Police arrested 20 men in Aleppo on Monday and released them later.")] \
        == [SubEventType.ARRESTS]
