"""Session 24: a group's claim of a bomb that hit the state's or a foreign force puts the group first and the force
second; a state's forces named by their country and acting in another are External/Other Forces; a capital's
name that ends a longer name ("Mocimboa da Praia") says nothing of the article's country, and a place after "in"
is no person."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorType, EventType, Modality

_DAY = dt.date(2016, 5, 10)


def test_a_claim_puts_the_group_first_and_the_forces_the_bomb_hit_second() -> None:
    e = main_event("A roadside bomb struck a MINUSMA convoy near Gao, killing two peacekeepers. "
                   "AQIM claimed responsibility.", _DAY)
    assert e.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE, e
    assert e.actor1 is not None and e.actor1.name.startswith("AQIM"), e.actor1
    assert e.actor2 is not None and e.actor2.name.startswith("MINUSMA"), e.actor2


def test_the_soldiers_a_claimed_bomb_hit_are_of_the_country_it_went_off_in() -> None:
    e = main_event("A roadside bomb killed three soldiers near Gao. The attack was claimed by AQIM.", _DAY)
    assert e.actor1 is not None and e.actor1.name.startswith("AQIM"), e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES and e.actor2.country == "MLI", e.actor2


def test_a_claim_of_the_attack_is_no_event_of_its_own() -> None:
    events = doc_on("A bomb exploded at a police station in Zliten, killing five policemen. IS claimed the attack.",
                    _DAY).events
    assert len(events) == 1, events
    assert events[0].actor1 is not None and events[0].actor1.name == "Islamic State", events[0].actor1
    assert events[0].actor2 is not None and events[0].actor2.type is ActorType.STATE_FORCES, events[0].actor2


def test_a_claim_two_sentences_on_reaches_the_bomb_told_over_two() -> None:
    e = main_event("At least three policemen were killed on 8 May in a blast in North Sinai. The blast was caused "
                   "by a device targeting a police vehicle in Al-Arish. State of Sinai later claimed responsibility.",
                   _DAY)
    assert e.actor1 is not None and "Sinai" in e.actor1.name, e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2


def test_nobody_named_and_another_act_claimed_leave_the_forces_first() -> None:
    unnamed = main_event("Three police conscripts were injured on 8 May west of Arish when a roadside bomb exploded "
                         "as their vehicle passed. Security sources were unable to identify the militants "
                         "responsible for the attack.", _DAY)
    assert unnamed.actor1 is not None and unnamed.actor1.type is ActorType.STATE_FORCES, unnamed.actor1
    other = main_event("Two soldiers were killed by an explosion as they tried to defuse a roadside bomb in Sheikh "
                       "Zuweid. The militant group Sinai Province also claimed the killing of seven security "
                       "personnel during the week.", _DAY)
    assert other.actor1 is not None and other.actor1.type is ActorType.STATE_FORCES, other.actor1


def test_forces_named_by_their_country_acting_abroad_are_external() -> None:
    for text, iso3 in (
        ("Kenyan Defence Forces troops killed 11 Al Shabaab militants in an operation near El Wak in Gedo region "
         "of Somalia.", "KEN"),
        ("A US drone strike targeted Al Shabaab commanders near Jilib in Middle Juba region.", "USA"),
        ("French troops and the Malian army killed 15 jihadists near Menaka.", "FRA"),
    ):
        e = main_event(text, _DAY)
        forces = [a for a in (e.actor1, e.actor2) if a is not None and a.country == iso3]
        assert forces and forces[0].type is ActorType.EXTERNAL_OTHER_FORCES, (text, e.actor1, e.actor2)


def test_forces_at_home_stay_state_forces() -> None:
    e = main_event("Kenyan police shot dead two robbery suspects in Mombasa on Monday.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES and e.actor1.country == "KEN", e.actor1


def test_a_capital_ending_a_longer_name_is_no_clue_to_the_country() -> None:
    doc = doc_on("Islamist insurgents attacked police stations in Mocimboa da Praia, in Cabo Delgado province, "
                 "killing two officers.", _DAY)
    assert not [a for a in doc.actors if a.country == "CPV"], doc.actors
    assert not [a for a in doc.actors if a.text == "Mocimboa da Praia"], doc.actors
    e = max(doc.events, key=lambda x: x.confidence)
    assert e.actor2 is not None and e.actor2.country == "MOZ", e.actor2


def test_the_month_may_is_no_hedge() -> None:
    e = main_event("At least three policemen were killed on 8 May in a blast in Arish.", _DAY)
    assert e.modality is Modality.ASSERTED, e.modality
    hedged = main_event("Officials said militants may attack the police station in Arish.", _DAY)
    assert hedged.modality is Modality.EXPECTED, hedged.modality


def test_robbery_suspects_shot_by_the_police_are_an_event() -> None:
    e = main_event("Kenyan police shot dead two robbery suspects in Mombasa on Monday.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert not doc_on("Robbers killed a shopkeeper in Mombasa on Monday.", _DAY).events


_MALI = ("BAMAKO, May 12 (Reuters) - Gunmen on motorcycles killed 14 villagers in central Mali on Friday, local "
         "officials said.\n\nThe assailants attacked the village of Koumaga in the Mopti region in the early afternoon, "
         "burning houses and granaries, the mayor of the nearby town of Djenne said.\n\n\"They came on about thirty "
         "motorcycles and opened fire on everyone,\" the mayor said.\n\nCentral Mali has seen repeated clashes between "
         "Fulani herders and Bambara farmers.")


def test_the_attackers_named_again_tell_the_same_attack() -> None:
    events = doc_on(_MALI, dt.date(2017, 5, 13)).events
    violent = [e for e in events if e.modality is Modality.ASSERTED]
    assert len(violent) == 1, events
    assert violent[0].event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and violent[0].fatalities is not None
    assert violent[0].fatalities.best == 14, violent[0].fatalities


def test_a_regions_record_of_clashes_is_background() -> None:
    events = doc_on(_MALI, dt.date(2017, 5, 13)).events
    record = [e for e in events if e.event_type is EventType.BATTLES]
    assert record and all(e.modality is Modality.HISTORICAL for e in record), events
    main = max(events, key=lambda e: e.confidence)
    assert main.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, main


def test_a_place_told_where_it_lies_sits_there_and_the_event_with_it() -> None:
    text = ("Al Shabaab militants stormed a military base in southern Somalia on Sunday, killing 12 soldiers.\n\n"
            "The attack on the base in Lego, a town about 100 km northwest of the capital Mogadishu, began before "
            "dawn.")
    doc = doc_on(text, _DAY)
    lego = [p for p in doc.places if p.text == "Lego"]
    assert lego and lego[0].latitude is not None and lego[0].feature == "relative", lego
    assert abs(lego[0].latitude - 2.7) < 0.3 and abs(lego[0].longitude - 44.7) < 0.3, lego[0]
    e = max(doc.events, key=lambda x: x.confidence)
    assert e.location is not None and e.location.name != "Mogadishu", e.location


def test_an_abbreviation_of_a_group_from_elsewhere_is_not_that_group() -> None:
    for text, wrong in (
        ("Shots were fired into the home of the Tshwane MMC for corporate services in Pretoria.", "MMC"),
        ("An APC was destroyed by a roadside bomb near Kabul, killing four Afghan soldiers.", "APC"),
    ):
        found = [a for a in doc_on(text, _DAY).actors if a.text.startswith(wrong)]
        assert found and found[0].kb_id is None and found[0].type is None, (text, found)
    named = [a for a in doc_on("ADF rebels killed 14 civilians near Beni.", _DAY).actors if a.text.startswith("ADF")]
    assert named and named[0].kb_id is not None, named
    claimed = main_event("Between three and seven AQIM gunmen stormed three hotels in Grand-Bassam in Ivory Coast, "
                         "killing 16 civilians.", _DAY)
    assert claimed.actor1 is not None and claimed.actor1.name.startswith("AQIM"), claimed.actor1


def test_a_partys_factions_are_the_party() -> None:
    doc = doc_on("Tensions between ANC factions in Stinkwater, north of Pretoria, continue with party members "
                 "attacked.", _DAY)
    assert [a.name for a in doc.actors if a.text == "ANC factions"] == ["ANC: African National Congress"], doc.actors
