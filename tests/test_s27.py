"""Session 27: a person named and described beside the name is one dead; names joined by "and" are two people; a
given name of a person is no town; titles that begin place names ("Sheikh Zuweid") make places after "in";
civilians told only as the dead of a clash are no side of it; one fighter is an armed man."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorKind, ActorType, EventType, SubEventType

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


def test_two_peoples_militias_are_both_sides_where_they_fought() -> None:
    e = main_event("Renewed fighting between Tebu and Tuareg militias in Ubari left 5 people dead.", _DAY)
    assert e.actor1 is not None and e.actor2 is not None, e
    assert (e.actor1.name, e.actor2.name) == ("Toubou Ethnic Militia (Libya)", "Tuareg Ethnic Militia (Libya)"), e
    both = main_event("GATIA and CMA fighters clashed in Kidal for a second day; at least 10 dead on both sides.", _DAY)
    assert both.actor2 is not None and both.actor2.name.startswith("CMA"), both.actor2


def test_a_state_forces_aircraft_are_that_force() -> None:
    e = main_event("LNA warplanes bombed positions of the Derna Mujahideen Shura Council near Derna.", _DAY)
    assert e.actor1 is not None and e.actor1.name.startswith("LNA"), e.actor1
    assert e.actor2 is not None and e.actor2.name == "Derna Mujahideen Shura Council", e.actor2


def test_a_place_handed_over_goes_to_the_side_that_received_it() -> None:
    e = main_event("Under a deal brokered by local elders, the Petroleum Facilities Guard handed the Zueitina oil "
                   "terminal over to LNA forces without a fight.", _DAY)
    assert e.sub_event_type is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, e
    assert e.actor1 is not None and e.actor1.name.startswith("LNA"), e.actor1
    assert e.actor2 is not None and e.actor2.name == "Petroleum Facilities Guard", e.actor2
    person = main_event("A rebel commander was arrested by former Seleka forces and handed over to US forces.", _DAY)
    assert person.actor1 is not None and person.actor1.name.startswith("Seleka"), person.actor1


def test_a_rally_to_honour_the_dead_is_a_peaceful_protest() -> None:
    e = main_event("Hundreds rallied in Misrata in support of the GNA and to honour fighters killed in the Sirte "
                   "offensive.", _DAY)
    assert e.sub_event_type is SubEventType.PEACEFUL_PROTEST, e


def test_a_town_retaken_with_deaths_is_no_peaceful_transfer() -> None:
    e = main_event("FAMa troops retook Boni a day after armed jihadists had occupied the town, killing 2 of the "
                   "assailants.", _DAY)
    assert e.sub_event_type is SubEventType.GOVERNMENT_REGAINS_TERRITORY, e
    assert e.fatalities is not None and e.fatalities.best == 2, e.fatalities


def test_strikes_abductions_and_command_posts_in_other_words() -> None:
    assert main_event("US aircraft conducted several strikes on Islamic State positions in Sirte.",
                      _DAY).sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert main_event("A Swiss missionary was taken from her home in Timbuktu by unidentified armed men.",
                      _DAY).sub_event_type is SubEventType.ABDUCTION_FORCED_DISAPPEARANCE
    assert main_event("The CMA set up a new command post in Anefis, south of Kidal.",
                      _DAY).sub_event_type is SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED


def test_a_claim_in_the_next_sentence_names_the_bomber() -> None:
    day = dt.date(2016, 1, 22)
    e = main_event("A car bomb exploded outside a busy restaurant on Lido beach, Mogadishu, on 21 January. Al Shabaab "
                   "claimed the attack; at least 20 people, mostly civilians, were killed.", day)
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1
    assert e.fatalities is not None and e.fatalities.best == 20, e.fatalities
    said = main_event("A suicide bomber blew himself up in a crowded market in Baidoa on 21 January, killing six "
                      "shoppers. Al Shabaab said it carried out the bombing.", day)
    assert said.actor1 is not None and said.actor1.name == "Al Shabaab", said.actor1


def test_the_dead_told_loosely_are_counted() -> None:
    e = main_event("A member of the federal parliament was gunned down outside a hotel in Mogadishu.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 1, e.fatalities
    raiders = main_event("SPLA troops pursued cattle raiders in Torit county; 3 raiders were killed in the exchange "
                         "of fire.", _DAY)
    assert raiders.fatalities is not None and raiders.fatalities.best == 3, raiders.fatalities
    both = main_event("Two soldiers and eleven assailants were killed in the fighting near Fotokol.", _DAY)
    assert both.fatalities is not None and both.fatalities.best == 13, both.fatalities


def test_what_soldiers_did_after_the_fighting_is_the_event() -> None:
    e = main_event("Following clashes in Wau, SPLA soldiers went from house to house targeting Fertit and Luo "
                   "residents; at least 43 civilians were killed.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_descriptions_of_the_victim_name_no_side() -> None:
    e = main_event("Jeremias Pondeca, a RENAMO member of the joint commission negotiating with the government, was "
                   "shot dead by unknown gunmen while jogging on the Maputo seafront.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert e.fatalities is not None and e.fatalities.best == 1, e.fatalities
    held = main_event("Imbonerakure youths in Ngozi seized a man and beat him badly before handing him to the "
                      "police.", _DAY)
    assert held.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, held
    accused = main_event("During a search operation in Musaga, police shot dead two young men they accused of "
                         "belonging to armed groups.", _DAY)
    assert accused.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, accused


def test_an_armed_partys_men_who_raided_are_the_party() -> None:
    e = main_event("RENAMO men raided a rural health centre in Tete province, looting medicines and beating a "
                   "nurse.", _DAY)
    assert e.actor1 is not None and e.actor1.name.startswith("RENAMO"), e.actor1


def test_bodies_discovered_are_a_killing() -> None:
    e = main_event("Four bodies bearing gunshot wounds were discovered in a ditch in Cibitoke quarter of Bujumbura.",
                   _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and e.fatalities is not None, e
    one = main_event("The body of a local opposition activist was found dumped near Lake Kivu in Rubavu district.", _DAY)
    assert one.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, one
    assert doc_on("The body of a drowned fisherman was recovered from the lake.", _DAY).events == ()


def test_a_states_forces_at_home_are_no_foreign_force() -> None:
    e = main_event("FDLR fighters crossing from DRC attacked a Rwandan army position in Rubavu district.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2


def test_arrests_lead_the_weapons_found_on_those_held() -> None:
    e = main_event("NISA agents arrested 11 suspected al-Shabaab members during a night raid on houses in Wadajir "
                   "district, Mogadishu. Weapons and explosives were seized.", _DAY)
    assert e.sub_event_type is SubEventType.ARRESTS, e
    assert e.actor2 is not None and e.actor2.name == "Al Shabaab", e.actor2


def test_the_side_that_repulsed_an_attack_reports_its_toll() -> None:
    e = main_event("SPLA-IO fighters attacked a government barracks in Leer. The SPLA said it repulsed the attack, "
                   "killing 11 attackers and losing 3 soldiers.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2
    assert e.fatalities is not None and e.fatalities.best == 14, e.fatalities
