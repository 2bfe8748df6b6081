"""Events, session 19: the men of a named state force are that force ("FARDC soldiers"), a militia allied to an armed
side fights on it ("Military and allied militia"), and a person's description names no side ("a critic of the
government")."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorType, EventType

_DAY = dt.date(2016, 4, 1)


def test_men_of_a_named_state_force_are_that_force() -> None:
    # "soldiers" was a mention of its own, given the country of the Ugandan rebels named next
    ev = main_event("The bodies of 3 FARDC soldiers were found beheaded in the Dungu area of Haut Uele. LRA rebels were "
                    "the suspected perpetrators due to their activity in the area.", _DAY)
    assert ev.actor2 is not None and ev.actor2.country == "COD" and ev.actor2.text == "FARDC soldiers"


def test_police_killed_by_a_named_army_stay_police() -> None:
    ev = main_event("4 Ugandan police officers were killed in a gunfight on Lake Albert with FARDC soldiers.", _DAY)
    names = {ev.actor1.name if ev.actor1 else None, ev.actor2.name if ev.actor2 else None}
    assert any(n and n.startswith("Police Forces of Uganda") for n in names)
    assert any(n and n.startswith("Military Forces of Democratic Republic of Congo") for n in names)


def test_allied_militia_is_on_the_side_it_is_named_with() -> None:
    ev = main_event("Military and allied militia burn 10 villages northwest of Kalkiiting, 7 killed.", _DAY)
    assert ev.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES
    assert ev.actor2 is None or ev.actor2.type is ActorType.CIVILIANS


def test_a_critic_of_the_government_is_no_government_side() -> None:
    ev = main_event("Businessman and prominent critic of the government Jacob Juma is shot dead by unknown gunmen in "
                    "Nairobi. Nothing was stolen.", _DAY)
    assert ev.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    assert ev.actor1 is not None and ev.actor1.text == "unknown gunmen"


def test_a_claim_for_an_attack_told_with_its_toll_is_the_attack() -> None:
    ev = main_event("Two militant groups claimed responsibility for an attack that killed eight policemen in the early "
                    "hours of 8 May in Helwan in Greater Cairo.", _DAY)
    assert ev.event_type is EventType.BATTLES
    assert ev.fatalities is not None and ev.fatalities.best == 8


def test_a_bare_claim_of_responsibility_is_no_event() -> None:
    assert not doc_on("The Islamic State claimed responsibility for the attack.", _DAY).events


def test_a_victim_named_with_a_participle_before_the_verb_did_not_do_it() -> None:
    # "The employee killed was a security guard" restates who died: the employee is no rioter who killed
    for ev in doc_on("Gunmen opened fire at a checkpoint in Giza on Monday. The employee killed was a security guard.",
                     _DAY).events:
        assert ev.actor1 is None or ev.actor1.text != "employee"


def test_an_exchange_of_fire_is_armed() -> None:
    ev = main_event("Between four and six people were reportedly killed following fire exchange in Kasese between the "
                    "official palace guards from the Uganda military and the traditional royal guards.", _DAY)
    assert ev.event_type is EventType.BATTLES


def test_arson_by_nameless_attackers_with_no_arms_is_mob_violence() -> None:
    ev = main_event("Unidentified attackers set fire to the regional offices of the power company, perhaps using a "
                    "molotov cocktail.", _DAY)
    assert ev.event_type is EventType.RIOTS


def test_arson_by_gunmen_stays_property_destruction() -> None:
    ev = main_event("Gunmen set fire to the village school.", _DAY)
    assert ev.event_type is EventType.STRATEGIC_DEVELOPMENTS


def test_a_bus_burnt_during_protests_stays_a_violent_demonstration() -> None:
    ev = main_event("A bus was set on fire during violent protests on the university campus.", _DAY)
    assert ev.sub_event_type.value == "Violent demonstration"


def test_the_owner_named_before_what_was_set_alight_did_not_do_it() -> None:
    ev = main_event("An Independent Electoral Commission (IEC) tent was allegedly set alight in Ennerdale, south of "
                    "Johannesburg.", _DAY)
    assert ev.actor1 is None or ev.actor1.text != "IEC"
    assert ev.event_type is EventType.RIOTS


def test_a_group_and_its_suicide_bombers_are_one_side() -> None:
    ev = main_event("Two suspected Boko Haram female suicide bombers attacked the market in Chibok Local Government area "
                    "of Borno State, leaving 14 persons dead.", _DAY)
    assert ev.actor1 is not None and ev.actor1.text == "Boko Haram female suicide bombers"
    # the local government area is a place, not the side that suffered
    assert ev.actor2 is None or ev.actor2.type is ActorType.CIVILIANS


def test_a_body_found_burnt_is_an_attack() -> None:
    ev = main_event("Burned body of the hospital's medical director found in Omdurman.", _DAY)
    assert ev.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    # a body found, with nothing said of how the person died, is local news of a death, not an attack
    assert not doc_on("A body was found Sunday morning in a parked vehicle on Francis Street.", _DAY).events


def test_a_suspect_named_with_his_crime_does_not_make_the_sentence_a_crime_report() -> None:
    # "a suspected car thief" is whom the crowd went after; a plain theft stays no event
    assert doc_on("Residents attacked a suspected cattle thief in the village.", _DAY).events
    assert not doc_on("Thieves stole three cars in the town.", _DAY).events


def test_a_place_taken_with_no_violence_changed_hands_peacefully() -> None:
    ev = main_event("Military forces capture Bula Umar from Boko Haram and recover bomb making material. No violence "
                    "reported.", _DAY)
    assert ev.sub_event_type.value == "Non-violent transfer of territory"
    ev = main_event("Military forces clear a Boko Haram camp at Njakia, no reported violence.", _DAY)
    assert ev.sub_event_type.value == "Non-violent transfer of territory"
    ev = main_event("Troops recaptured the town after heavy fighting.", _DAY)
    assert ev.sub_event_type.value == "Government regains territory"
    assert not doc_on("No violence was reported.", _DAY).events


def test_people_abducted_in_a_looting_raid_make_it_an_abduction() -> None:
    ev = main_event("15 LRA rebels allegedly ransacked the Kungu locality of Ango, looting granaries and abducting 4 "
                    "people to help them carry the stolen property.", _DAY)
    assert ev.sub_event_type.value == "Abduction/forced disappearance"


def test_a_raid_that_burnt_houses_and_hurt_people_is_an_attack() -> None:
    ev = main_event("RENAMO gunmen raided the small town of Maringue, burning down several houses. Two people were "
                    "injured in the attack, one seriously.", _DAY)
    assert ev.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    assert ev.actor1 is not None and ev.actor1.text == "RENAMO gunmen"


def test_one_arrested_then_beaten_in_custody_is_an_attack() -> None:
    ev = main_event("Police arrested a journalist in Cairo on Monday. He was tortured in custody.", _DAY)
    assert ev.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES


def test_an_attack_on_camps_and_a_reinforcement_vehicle_is_the_attack() -> None:
    ev = main_event("ONLA forces attacked two government military camps and a reinforcement vehicle in Dita village, "
                    "Aware district.", _DAY)
    assert ev.event_type is EventType.BATTLES


def test_an_attack_on_a_police_post_to_seize_its_weapons_is_the_attack() -> None:
    ev = main_event("Renamo gunmen attacked a police post in Mazivila in an attempt to seize the weapons it contained.",
                    _DAY)
    assert ev.event_type is EventType.BATTLES


def test_a_bomb_laid_on_the_ground_with_no_gunfire_is_the_event_s_weapon() -> None:
    for text in ("A bomb blast killed two police officers and wounded five others in an attack on their armoured "
                 "vehicle in El-Arish.",
                 "6 Nigerien soldiers killed by mine laid by Boko Haram",
                 "A policeman was killed when an explosive charge hit their armoured vehicle in Arish."):
        assert main_event(text, _DAY).sub_event_type.value == "Remote explosive/landmine/IED", text
    # with gunfire the explosive is one weapon of a fight
    ev = main_event("Gunmen attacked the convoy with IEDs and gunfire, killing five soldiers.", _DAY)
    assert ev.event_type is EventType.BATTLES


def test_an_attack_by_military_aircraft_is_an_air_strike() -> None:
    ev = main_event("SAF attacked SLM/A-Nur in Sarrong by 10 military aircraft.", _DAY)
    assert ev.sub_event_type.value == "Air/drone strike"


def test_killed_in_a_clash_between_two_armed_peoples_is_a_battle() -> None:
    ev = main_event("Two persons have been reportedly killed while several houses set ablaze following a clash between "
                    "Tiv and Jukuns ethnic tribe in Abinsi on 14/04.", _DAY)
    assert ev.event_type is EventType.BATTLES


def test_bombs_found_and_destroyed_by_the_forces_are_disrupted_weapons_use() -> None:
    for text in ("A bomb was discovered at the taxi park and later detonated by police.",
                 "Four homemade bombs were discovered and destroyed Sunday by a detachment of the army in Bouira.",
                 "Police discover and detonate an anti-tank mine at Onekaku village.",
                 "Security forces detonated two bombs planted near a main road west of Arish."):
        assert main_event(text, _DAY).sub_event_type.value == "Disrupted weapons use", text
    # bombs used to destroy something, or a blast that destroyed it, are the attack
    for text in ("Vandals destroy oil pipelines with bombs in several locations in Brass.",
                 "Five houses destroyed after a large bomb blast in Benin City."):
        assert main_event(text, _DAY).sub_event_type.value == "Remote explosive/landmine/IED", text


def test_petrol_bombs_thrown_are_a_riot() -> None:
    ev = main_event("At the university, petrol bombs were thrown at a truck, causing minimal damages.", _DAY)
    assert ev.event_type is EventType.RIOTS


def test_a_crowd_s_demand_told_far_from_its_name_or_with_that_is_a_protest() -> None:
    ev = main_event("Members of the opposition alliance enter the Ministry of Public Security for a second day demand the "
                    "cancellation of the upcoming presidential elections.", _DAY)
    assert ev.event_type is EventType.PROTESTS
    ev = main_event('The campus was shut down after "enraged students demanded that the suspended student president be '
                    'reinstated."', _DAY)
    assert ev.event_type is EventType.PROTESTS


def test_bodies_found_near_an_army_base_are_of_people_killed_not_a_battle() -> None:
    ev = main_event("Five bullet-riddled bodies were found in a mass grave some hundreds of metres away from a "
                    "well-known army base in Sheikh Zuweyid.", _DAY)
    assert ev.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS


def test_a_fight_over_control_of_a_place_is_no_taking_of_it() -> None:
    ev = main_event("Two groups of party activists clashed over control of the party's headquarters in Bukavu.", _DAY)
    assert ev.event_type is not EventType.BATTLES or ev.sub_event_type.value == "Armed clash"
    ev = main_event("The army units drove back the ISIL terrorists from a key village in Eastern Hama.", _DAY)
    assert ev.sub_event_type.value == "Government regains territory"


def test_operations_that_cleared_locations_took_them() -> None:
    ev = main_event("Nigerian and Cameroonian forces carried out joint clearing operations in Bama LGA, clearing a total "
                    "of 12 locations.", _DAY)
    assert ev.sub_event_type.value == "Government regains territory"


def test_members_captured_in_operations_against_a_militia_were_taken_in_a_fight() -> None:
    ev = main_event("FARDC soldiers conducted military operations against the Bede Mayi Mayi militia in the Sange area, "
                    "captured 5 members of the group.", _DAY)
    assert ev.sub_event_type.value == "Armed clash"
    # people captured are no place taken
    assert main_event("Troops captured 5 villages from the rebels.", _DAY).sub_event_type.value \
        == "Government regains territory"


def test_no_resistance_save_an_ambush_is_no_peaceful_transfer() -> None:
    ev = main_event("Troops cleared four villages of Boko Haram in Sambisa Forest. The forces were met with no "
                    "resistance, with the exception of one village, where the forces ran into a small ambush.", _DAY)
    assert ev.sub_event_type.value == "Government regains territory"


def test_what_a_crowd_chanted_is_words_not_an_event() -> None:
    ev = main_event('The Ultras chanted slogans against the police, army and former army chief Field Marshal Tantawi, '
                    'saying: "The people want to execute the field marshal."', _DAY)
    assert ev.event_type is EventType.PROTESTS
    # what a speaker said is still read: "we killed five militants" tells an attack
    assert doc_on('The army said: "we killed five militants in Arish."', _DAY).events


def test_arrests_for_clashes_of_an_earlier_week_are_the_arrests() -> None:
    ev = main_event("Police arrest 32 Fellata and Salamat chiefs and elders following clashes the prior week.", _DAY)
    assert ev.sub_event_type.value == "Arrests"


def test_a_bomb_that_destroyed_a_building_is_no_weapon_seized() -> None:
    for text in ("The first bomb destroyed the pub just six minutes later.",
                 "As each bomb exploded there were cries of terror from people who thought they had found sanctuary."):
        assert main_event(text, _DAY).sub_event_type.value == "Remote explosive/landmine/IED", text


def test_armed_men_that_moved_in_where_nobody_fought_took_it_peacefully() -> None:
    for text in ("About 100 armed men from former Seleka faction FDPC occupied the village of Bitiyo in the Baboua area.",
                 "Local police and civilians fled the village of Busumba after Mayi Mayi militia fighters moved into the "
                 "area and took control.",
                 "In the areas of Busumba and Kibarizo, militiamen retreated in the face of FARDC's advance."):
        assert main_event(text, _DAY).sub_event_type.value == "Non-violent transfer of territory", text
    # a place held by a group ("Islamic State-occupied") is no place taken, and fighting makes a battle
    ev = main_event("Government forces advanced to within six miles of the Islamic State-occupied Tabqa air base.", _DAY)
    assert ev.sub_event_type.value != "Non-violent transfer of territory"
    ev = main_event("Rebels occupied the town after fierce fighting with the army.", _DAY)
    assert ev.event_type is EventType.BATTLES


def test_looters_accused_of_killings_did_them() -> None:
    ev = main_event("FDLR rebels have been accused of engaging in killings, lootings and extortion in the Mutanda area.",
                    _DAY)
    assert ev.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    # those arrested for a killing are held for it: the arrest is the event
    assert main_event("Police arrested three men suspected in the killing of a trader.", _DAY).sub_event_type.value \
        == "Arrests"
