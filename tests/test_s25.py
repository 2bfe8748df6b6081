"""Session 25: claims and suspicions name the attacker an earlier sentence left unnamed; the forces a planted bomb hit
come first and the unnamed bomber second; "backed by" and "manned by" name no agent; a group's name cut short is the
group when the article says the rest; forces named by their country do not pull the towns of a story abroad to that
country; and the sentences that tell an armed group's arson, a found body, rockets fired at a camp or a storming
are events of their own kind."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorType, EventType, SubEventType

_DAY = dt.date(2016, 5, 10)


def test_a_claim_names_the_group_behind_unnamed_jihadists() -> None:
    e = main_event("Suspected jihadists attacked a FAMa post in Nampala, killing 17 soldiers. Ansar Dine claimed "
                   "the attack.", _DAY)
    assert e.actor1 is not None and e.actor1.name == "Ansar Dine", e.actor1


def test_a_group_that_says_it_planted_the_bomb_did_it() -> None:
    e = main_event("A roadside bomb struck a vehicle carrying SNA soldiers on the road between Afgoye and Mogadishu, "
                   "killing 2 soldiers. Al Shabaab said it planted the device.", _DAY)
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2


def test_the_group_suspected_did_it() -> None:
    e = main_event("Two female suicide bombers blew themselves up at a market in Mora, killing 5 civilians. Boko "
                   "Haram is suspected.", _DAY)
    assert e.actor1 is not None and e.actor1.name.startswith("Boko Haram"), e.actor1


def test_armed_men_suspected_of_belonging_to_a_group_are_that_group() -> None:
    e = main_event("Armed men suspected of belonging to the Macina Liberation Front executed a village chief in "
                   "Mopti region.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.REBEL_GROUPS, e.actor1


def test_rockets_fired_at_a_camp_are_shelling() -> None:
    e = main_event("Rockets were fired at the MINUSMA camp in Kidal, wounding 3 peacekeepers.", _DAY)
    assert e.sub_event_type is SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK, e
    shots = main_event("Gunmen fired at a police patrol in Kidal.", _DAY)
    assert shots.event_type is not EventType.EXPLOSIONS_REMOTE_VIOLENCE, shots


def test_troops_backed_by_a_mission_are_the_agent() -> None:
    e = main_event("Government troops backed by AMISOM retook the town of Qansax Dheere from Al Shabaab after heavy "
                   "fighting.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES and e.actor1.country == "SOM", e.actor1


def test_a_checkpoint_manned_by_forces_was_hit_not_the_bomber() -> None:
    e = main_event("An IS car bomb exploded at a checkpoint manned by LNA forces in Ajdabiya, killing 7.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.REBEL_GROUPS, e.actor1
    assert e.actor2 is not None and e.actor2.name.startswith("LNA"), e.actor2


def test_storming_a_base_is_an_attack_and_the_next_sentence_tells_its_toll() -> None:
    events = doc_on("Al Shabaab fighters stormed an AMISOM base near Bulo Marer in Lower Shabelle early on Monday. "
                    "The Ugandan contingent said the attackers were repulsed and 12 militants were killed.", _DAY).events
    assert len(events) == 1, events
    e = events[0]
    assert e.event_type is EventType.BATTLES, e
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1
    assert e.fatalities is not None and e.fatalities.best == 12, e.fatalities


def test_armed_youth_of_a_community_are_its_militia() -> None:
    e = main_event("Armed youth from the Dinka Bor community raided cattle camps in Pibor county, killing 11 Murle "
                   "herders.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.IDENTITY_MILITIAS, e.actor1
    assert "Dinka" in e.actor1.name, e.actor1


def test_a_group_named_short_is_the_group_whose_full_name_the_article_completes() -> None:
    e = main_event("Mortar rounds fell on the Sabri neighbourhood of Benghazi, wounding 4 civilians. The shelling was "
                   "blamed on the Shura Council.", _DAY)
    assert e.actor1 is not None and e.actor1.name.startswith("BRSC"), e.actor1
    # a country's adjective completes no group's name ("African National Congress Youth League")
    doc = doc_on("Two youths were killed in a clash between police and miners in Durba over a concession owned by a "
                 "South African company. The march was called by the local Youth League.", _DAY)
    league = [a for a in doc.actors if a.text == "Youth League"]
    assert league and league[0].kb_id is None, league


def test_a_bomb_that_hit_forces_puts_them_first_and_the_unnamed_bomber_second() -> None:
    e = main_event("An improvised explosive device hit a police vehicle near Liboi, injuring 3 officers.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1
    assert e.actor2 is not None and e.actor2.name.startswith("Unidentified Armed Group"), e.actor2
    bombed = main_event("SAF bomb roads in Dobo Umda. No casualties.", _DAY)
    assert bombed.actor2 is None, bombed.actor2


def test_a_retired_officer_is_a_civilian() -> None:
    e = main_event("Unidentified gunmen assassinated a retired army colonel in Benghazi on Sunday.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_forces_named_by_their_country_do_not_move_the_town_to_it() -> None:
    e = main_event("US drones targeted an IS compound in Sabratha, killing about 40 militants.", _DAY)
    assert e.sub_event_type is SubEventType.AIR_DRONE_STRIKE, e
    assert e.location is not None and e.location.country == "LBY", e.location
    assert e.actor1 is not None and e.actor1.type is ActorType.EXTERNAL_OTHER_FORCES, e.actor1
    seized = main_event("French forces seized a large cache of weapons near Abeibara.", _DAY)
    assert seized.location is not None and seized.location.country == "MLI", seized.location


def test_an_armed_groups_arson_is_no_riot() -> None:
    for text in ("Al Shabaab fighters set fire to 3 trucks carrying khat near Beledweyne and detained the drivers.",
                 "Soldiers looted shops and homes in Yei town after the fighting, residents said."):
        e = main_event(text, _DAY)
        assert e.event_type not in (EventType.RIOTS, EventType.BATTLES), (text, e)
        assert e.actor1 is not None and e.actor1.type in (ActorType.REBEL_GROUPS, ActorType.STATE_FORCES), e.actor1


def test_a_square_named_for_martyrs_is_where_people_protested() -> None:
    e = main_event("Hundreds gathered in Martyrs' Square in Tripoli to demand the departure of armed groups from the "
                   "capital.", _DAY)
    assert e.event_type is EventType.PROTESTS, e


def test_a_body_found_with_the_marks_of_a_killing_is_an_attack() -> None:
    e = main_event("The body of a young man was found with hands tied behind his back in Mutakura on Monday.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert not doc_on("The body of a fisherman was recovered from the lake on Monday.", _DAY).events


def test_the_reason_given_for_an_act_is_no_statement() -> None:
    e = main_event("Ansar Dine militants burned a school in Timbuktu region, accusing teachers of teaching in "
                   "French.", _DAY)
    assert e.sub_event_type is SubEventType.LOOTING_PROPERTY_DESTRUCTION, e


def test_soldiers_near_a_group_known_in_two_countries_are_of_the_country_of_the_event() -> None:
    e = main_event("Soldiers beat and detained dozens of youths in Kolofata on suspicion of collaborating with Boko "
                   "Haram.", _DAY)
    assert e.actor1 is not None and e.actor1.country == "CMR", e.actor1


def test_new_names_of_the_knowledge_base() -> None:
    platform = main_event("The Platform militias and CMA fighters clashed near Tin-Essako.", _DAY)
    assert platform.actor1 is not None and platform.actor1.name.startswith("Platform of Armed Groups"), platform
    agent = main_event("An SNR agent shot dead a taxi-moto driver in Gitega.", _DAY)
    assert agent.actor1 is not None and agent.actor1.type is ActorType.STATE_FORCES, agent.actor1


def test_whoever_took_the_town_others_left_is_the_first_side() -> None:
    for text in ("SPLA-IO forces took control of Pagak after government troops withdrew.",
                 "Al Shabaab militants seized the town of Leego after AMISOM troops left the area."):
        e = main_event(text, _DAY)
        assert e.sub_event_type is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, (text, e)
        assert e.actor1 is not None and e.actor1.type is ActorType.REBEL_GROUPS, (text, e.actor1)


def test_shells_from_nobody_named_have_the_unnamed_shooter_first() -> None:
    e = main_event("Mortar rounds hit the MINUSMA camp in Gao. No casualties were reported.", _DAY)
    assert e.actor1 is not None and e.actor1.name.startswith("Unidentified Armed Group"), e.actor1
    assert e.actor2 is not None and e.actor2.name.startswith("MINUSMA"), e.actor2


def test_a_groups_former_fighter_killed_is_a_civilian() -> None:
    e = main_event("A former FNL combatant was killed by unknown people in Mpanda commune, Bubanza province.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_forces_named_abroad_in_a_story_placed_only_by_its_country_are_external() -> None:
    e = main_event("Ethiopian troops in AMISOM clashed with Al Shabaab near Halgan, leaving dozens dead.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.EXTERNAL_OTHER_FORCES, e.actor1


def test_a_death_toll_that_rose_is_the_events_toll() -> None:
    e = main_event("The death toll from Saturday's car bomb attack in Mogadishu rose to 15, police said.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 15, e.fatalities
    assert not doc_on("The toll of the floods in the south rose to 40.", _DAY).events


def test_the_wounded_who_died_later_are_the_events_dead() -> None:
    e = main_event("Ethiopian soldiers fired on protesters in Arjo, wounding at least three. One of them later died "
                   "of his wounds.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 1, e.fatalities


def test_a_partys_secretary_killed_is_a_civilian() -> None:
    e = main_event("RENAMO gunmen burned 10 houses and killed a FRELIMO secretary in Morrumbala.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_more_groups_of_libya_and_somalia() -> None:
    bdb = main_event("Clashes between LNA forces and the Benghazi Defence Brigades near Ras Lanuf left 12 dead.", _DAY)
    assert {a.name for a in (bdb.actor1, bdb.actor2) if a is not None} >= {"Benghazi Defence Brigades"}, bdb
    galmudug = main_event("Galmudug forces clashed with Al Shabaab near Adado.", _DAY)
    assert galmudug.actor1 is not None and galmudug.actor1.name == "Galmudug Security Forces", galmudug.actor1


def test_a_grenade_thrown_at_forces_has_the_unnamed_thrower_first() -> None:
    e = main_event("A grenade was thrown at a police position in Ngagara, Bujumbura. One police officer was injured.",
                   _DAY)
    assert e.sub_event_type is SubEventType.GRENADE, e
    assert e.actor1 is not None and e.actor1.name.startswith("Unidentified Armed Group"), e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2


def test_an_aircraft_that_carried_out_a_strike_is_an_air_strike() -> None:
    e = main_event("An unidentified aircraft carried out a strike on a gathering of IS militants south of Sirte, "
                   "killing 17.", _DAY)
    assert e.sub_event_type is SubEventType.AIR_DRONE_STRIKE, e


def test_forces_that_threw_a_grenade_keep_their_victims() -> None:
    e = main_event("Police threw a grenade into a house in Kinama, killing a man.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_a_power_sharing_deal_between_a_government_and_a_militia_is_an_agreement_of_both() -> None:
    e = main_event("The Somali government and Ahlu Sunna Waljama'a signed a power-sharing agreement in Dhusamareb.",
                   _DAY)
    assert e.sub_event_type is SubEventType.AGREEMENT, e
    assert e.actor2 is not None and e.actor2.name.startswith("Ahlu Sunna"), e.actor2


def test_al_shabaab_written_as_its_notes_abbreviation() -> None:
    e = main_event("AS militants attacked SNA positions in Sabiid, Lower Shabelle. Casualties unknown.", _DAY)
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1
    headline = doc_on("AS IT HAPPENED: Police fired tear gas at protesters in Nairobi.", _DAY)
    assert not [a for a in headline.actors if a.kb_id == "al-shabaab"], headline.actors


def test_syrian_groups_and_units_of_the_later_years() -> None:
    e = main_event("The Syrian Liberation Front clashed with HTS in the western countryside of Aleppo.",
                   dt.date(2018, 5, 10))
    assert {a.name for a in (e.actor1, e.actor2) if a is not None} >= {"Syrian Liberation Front"}, e
    doc = doc_on("The Fifth Corps shelled Khan Shaykhun.", dt.date(2019, 5, 10))
    assert [a for a in doc.actors if a.text == "Fifth Corps" and a.type is ActorType.STATE_FORCES], doc.actors


def test_a_groups_mixed_case_abbreviation_is_no_town() -> None:
    doc = doc_on("An IED exploded as a FAMa vehicle passed near Gossi, killing 2 soldiers.", _DAY)
    assert not [p for p in doc.places if p.text == "FAMa"], doc.places
    e = max(doc.events, key=lambda x: x.confidence)
    assert e.location is not None and e.location.country == "MLI", e.location


def test_border_districts_the_packages_file_abroad() -> None:
    for text, iso3 in (("The RDF repulsed an attack by FDLR rebels in Rubavu district, killing 4 of the attackers.",
                        "RWA"),
                       ("SPLA soldiers killed 11 civilians in Kajo-Keji, according to local officials.", "SSD"),
                       ("Imbonerakure members abducted a teacher in Nyanza-Lac commune.", "BDI")):
        e = main_event(text, _DAY)
        assert e.location is not None and e.location.country == iso3, (text, e.location)


def test_a_unit_filed_under_a_neighbour_is_its_source_files_country() -> None:
    from sitrep.knowledge.gazetteer_boundaries import Known, Unit, plan

    known = [Known(1, -1.70, 29.26, "RW", "Western Province", True),  # Gisenyi
             Known(2, -1.68, 29.22, "CD", "Nord Kivu", True),  # Goma
             Known(3, -1.95, 30.06, "RW", "Kigali", True)]
    units = [Unit(("Rubavu",), -1.66, 29.29, "CD", "Nord-Kivu", "72400831"),
             Unit(("Gasabo",), -1.90, 30.10, "RW", "Kigali City", "72400831"),
             Unit(("Kicukiro",), -1.98, 30.10, "RW", "Kigali City", "72400831")]
    out = plan(units, known, {}, names_of=lambda _: (), loose=str.lower, division_key=str.lower)
    countries = {unit.names[0]: cc for unit, cc, _ in out.new}
    assert countries["Rubavu"] == "RW", countries
    assert out.moved == 1, out.moved


def test_the_next_sentence_names_the_side_the_attack_left_unnamed() -> None:
    events = doc_on("Jihadists attacked a military camp in Boulkessi at dawn. The army said 3 soldiers were killed and "
                    "6 assailants neutralised.", _DAY).events
    assert len(events) == 1, events
    e = events[0]
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2
    assert e.fatalities is not None and e.fatalities.best == 9, e.fatalities
