"""Session 26: a fight between two groups of one kind has that kind on both sides; a side that gave a place up is no
side of its transfer; a militia's road block does not make its clash a riot; forces of a country that fought a
group at home elsewhere are foreign there; the men of a group named before it are the group; a weapon written as
an abbreviation is no group; and claims, slit throats and military operations are read as the acts they tell."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorType, EventType, SubEventType

_DAY = dt.date(2016, 5, 10)


def test_two_sub_clans_that_fought_are_both_clan_militias() -> None:
    e = main_event("Two Hawiye sub-clans fought over a water well in Mudug region; 6 people were killed.", _DAY)
    assert e.sub_event_type is SubEventType.ARMED_CLASH, e
    assert e.actor1 is not None and e.actor2 is not None, e
    assert e.actor1.type is e.actor2.type is ActorType.IDENTITY_MILITIAS, (e.actor1, e.actor2)
    one = main_event("Clan militiamen killed a herder in a revenge attack near Dhusamareb.", _DAY)
    assert one.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, one
    assert one.actor2 is not None and one.actor2.type is ActorType.CIVILIANS, one.actor2


def test_two_militias_that_clashed_are_both_sides() -> None:
    e = main_event("Clashes erupted between two armed militias in Tripoli's Abu Salim district, killing a "
                   "militiaman.", _DAY)
    assert e.actor2 is not None and e.actor2.type is e.actor1.type, (e.actor1, e.actor2)


def test_youths_of_two_named_sections_fought_each_other() -> None:
    e = main_event("Dinka youths from the Gok and Agar sections clashed in Lakes State, leaving 5 dead.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.IDENTITY_MILITIAS, e.actor2


def test_warriors_of_two_communities_fought_a_battle() -> None:
    e = main_event("Three people were killed after morans from two communities clashed over land near the "
                   "border.", _DAY)
    assert e.sub_event_type is SubEventType.ARMED_CLASH, e
    assert e.actor2 is not None and e.actor2.type is ActorType.IDENTITY_MILITIAS, e.actor2


def test_the_side_that_withdrew_is_no_side_of_the_transfer() -> None:
    e = main_event("Al Shabaab militants took control of the town of El Ali after Ethiopian troops withdrew from "
                   "the area.", _DAY)
    assert e.sub_event_type is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, e
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1
    assert e.actor2 is None, e.actor2
    e = main_event("Raia Mutomboki militiamen have occupied the villages of the Bakonjo grouping of Walikale after "
                   "the withdrawal of FARDC soldiers.", _DAY)
    assert e.actor2 is None, e.actor2
    taken = main_event("Military forces captured Bula Umar from Boko Haram on Sunday. No violence was reported.", _DAY)
    assert taken.sub_event_type is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, taken
    assert taken.actor2 is not None and taken.actor2.type is ActorType.REBEL_GROUPS, taken.actor2


def test_a_militias_road_block_leaves_its_clash_a_battle() -> None:
    e = main_event("Somali police clashed with a clan militia in Wanlaweyn after the militia blocked a road.", _DAY)
    assert e.event_type is EventType.BATTLES, e
    riot = main_event("Students clashed with police in Wanlaweyn after they blocked a road.", _DAY)
    assert riot.event_type is EventType.RIOTS, riot


def test_the_toll_told_next_with_the_forces_named_again_is_the_clashs() -> None:
    doc = doc_on("Somali police clashed with a clan militia in Wanlaweyn. Two police officers and a militiaman were "
                 "killed.", _DAY)
    assert len(doc.events) == 1, doc.events
    assert doc.events[0].fatalities is not None and doc.events[0].fatalities.best == 3, doc.events[0].fatalities


def test_foreign_drones_that_struck_a_group_at_home_elsewhere_are_external() -> None:
    e = main_event("US drones carried out an air strike on an Al Shabaab training camp near Raso, killing about 150 "
                   "militants.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.EXTERNAL_OTHER_FORCES, e.actor1
    home = main_event("Kenyan police clashed with Al Shabaab militants.", _DAY)
    assert home.actor1 is not None and home.actor1.type is ActorType.STATE_FORCES, home.actor1


def test_fighters_of_a_named_group_are_the_group() -> None:
    e = main_event("Forces of the Libyan National Army clashed with fighters of the Benghazi Revolutionaries Shura "
                   "Council in the Guwarsha area.", _DAY)
    assert e.actor2 is not None and e.actor2.name.startswith("BRSC"), e.actor2
    e = main_event("Two soldiers of the United Nations Mission in Liberia (UNMIL) allegedly beat a teenage boy in "
                   "Bong County.", _DAY)
    assert e.actor1 is not None and e.actor1.name.startswith("UNMIL"), e.actor1


def test_a_weapon_written_as_an_abbreviation_is_no_group() -> None:
    doc = doc_on("Nigerian troops killed 23 Boko Haram militants near Banki and captured an anti-aircraft gun (AA "
                 "Gun).", _DAY)
    assert not any(a.name.startswith("AA:") for a in doc.actors), doc.actors
    shell = main_event("SAF shell Thur.", _DAY)
    assert shell.actor1 is not None and shell.actor1.type is ActorType.STATE_FORCES, shell.actor1


def test_a_claimed_remote_controlled_blast_is_the_bombing() -> None:
    e = main_event("Al Shabaab claimed responsibility for a remote-controlled explosion that targeted a military "
                   "vehicle in Mogadishu.", _DAY)
    assert e.sub_event_type is SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, e
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1


def test_slit_throats_are_an_attack() -> None:
    e = main_event("Boko Haram insurgents slit the throats of 3 people in Kolofata overnight.", _DAY)
    assert e.sub_event_type is SubEventType.ATTACK, e


def test_a_military_operation_is_the_forces_not_the_dead_militants() -> None:
    e = main_event("A military operation against Al Shabaab in the Lower Juba valley left 21 militants and 4 "
                   "soldiers dead, the army said.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1
    assert e.actor1.name == "Military Forces of Somalia (2012-2017)", e.actor1


def test_warplanes_loyal_to_a_government_did_not_strike_it() -> None:
    e = main_event("Warplanes loyal to the eastern government bombed an Islamist-held part of Derna.", _DAY)
    assert e.actor2 is None or e.actor2.name != e.actor1.name.replace("Military Forces", "Government"), e.actor2
    assert e.actor2 is None or not e.actor2.name.startswith("Government"), e.actor2


def test_the_new_recruits_of_a_group_are_not_the_army() -> None:
    e = main_event("LRA rebels set up a training camp with new recruits in the abandoned towns of Mabia.", _DAY)
    assert e.actor2 is None, e.actor2


def test_two_regional_forces_sharing_one_noun_are_both_sides() -> None:
    e = main_event("Puntland and Galmudug forces exchanged heavy fire in Galkayo, 9 killed.", _DAY)
    assert e.event_type is EventType.BATTLES, e
    assert e.actor1 is not None and e.actor1.name.startswith("Puntland"), e.actor1
    assert e.actor2 is not None and e.actor2.name.startswith("Galmudug"), e.actor2


def test_zakat_collected_by_a_group_is_a_strategic_development() -> None:
    e = main_event("AS militants collected zakat from farmers in several villages of Bay region.", _DAY)
    assert e.event_type is EventType.STRATEGIC_DEVELOPMENTS and e.actor1 is not None, e
    assert e.actor1.name == "Al Shabaab", e.actor1
    assert not doc_on("The government imposed new taxes on fuel.", _DAY).events


def test_a_killing_after_accusing_the_victims_is_still_told() -> None:
    e = main_event("SPLA soldiers killed 3 civilians near Yambio after accusing them of supporting the rebels.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1


def test_as_alone_is_al_shabaab_but_not_a_football_club() -> None:
    e = main_event("AS fired mortars at the AMISOM base in Baidoa airport.", _DAY)
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1
    doc = doc_on("AS Vita Club fans rioted after the match in Kinshasa.", _DAY)
    assert not any(a.name == "Al Shabaab" for a in doc.actors), doc.actors


def test_a_humanitarian_worker_shot_dead_is_an_attack() -> None:
    e = main_event("A humanitarian worker was shot dead by unidentified gunmen in Yei.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e


def test_a_death_in_police_custody_is_the_polices_violence() -> None:
    e = main_event("A young man from Musaga died in police custody after being arrested on Monday, his family "
                   "said.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1


def test_all_those_a_grenade_hurt_were_its_targets() -> None:
    e = main_event("A grenade attack targeted a police position in Jabe, injuring a police officer and 2 "
                   "civilians.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.POLITICAL_MILITIAS, e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2


def test_a_group_announcing_its_creation_is_named_by_what_it_is_called() -> None:
    e = main_event("A new armed group called FOREBU announced its creation and vowed to oust President "
                   "Nkurunziza.", _DAY)
    assert e.event_type is EventType.STRATEGIC_DEVELOPMENTS, e
    assert e.actor1 is not None and e.actor1.name.startswith("FOREBU"), e.actor1


def test_the_dead_told_as_also_killed_add_up() -> None:
    e = main_event("AS militants attacked an SNA base in Bula Gaduud, killing 2 soldiers; one militant was also "
                   "killed.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 3, e.fatalities
    e = main_event("AS militants attacked an SNA base in Bula Gaduud, killing 2 soldiers. One militant was also "
                   "killed.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 3, e.fatalities
    again = main_event("Gunmen killed 240 people in the raid; 240 were killed, the governor said.", _DAY)
    assert again.fatalities is not None and again.fatalities.best == 240, again.fatalities


def test_the_other_sides_dead_told_by_their_number_alone() -> None:
    e = main_event("Clan militias fought in Adale, killing 4 fighters from one side and 3 from the other.", _DAY)
    assert e.fatalities is not None and e.fatalities.best == 7, e.fatalities
    assert e.fatalities.text == "4 fighters from one side and 3", e.fatalities


def test_roads_closed_by_forces_or_a_militia_are_no_protest() -> None:
    e = main_event("Somali security forces launched a massive security operation in Mogadishu, closing major "
                   "roads.", _DAY)
    assert e.event_type is EventType.STRATEGIC_DEVELOPMENTS, e
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1
    e = main_event("Imbonerakure members set up roadblocks in Cankuzo and extorted money from passers-by.", _DAY)
    assert e.sub_event_type is SubEventType.LOOTING_PROPERTY_DESTRUCTION, e
    crowd = main_event("Residents blocked the main road in Kabale to protest the killing of a boda boda rider.", _DAY)
    assert crowd.event_type in (EventType.PROTESTS, EventType.RIOTS), crowd


def test_an_operation_announced_is_the_announcers_move() -> None:
    e = main_event("GNA forces announced the start of an operation to liberate Sirte from IS.", _DAY)
    assert e.sub_event_type is SubEventType.CHANGE_TO_GROUP_ACTIVITY, e
    assert e.actor1 is not None and e.actor1.name.startswith("GNA"), e.actor1


def test_a_town_taken_after_the_army_left_it_is_a_transfer() -> None:
    e = main_event("Jihadists took over the town of Kerena after the army left it.", _DAY)
    assert e.sub_event_type is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, e


def test_the_aircraft_of_a_named_force_are_that_force() -> None:
    e = main_event("A NAF fighter jet bombed a terrorist enclave in the Sambisa forest.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1
    assert e.actor2 is None or e.actor2.name != e.actor1.name, e.actor2


def test_an_obscure_town_in_central_mali_is_not_a_city_abroad() -> None:
    doc = doc_on("Jihadists attacked Boni in central Mali on Monday.", _DAY)
    boni = [p for p in doc.places if p.text == "Boni"]
    assert all(p.country in (None, "MLI") for p in boni), boni


def test_the_police_that_dispersed_a_groups_rally_are_its_second_side() -> None:
    e = main_event("Police used tear gas to disperse an opposition rally in Lubumbashi.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.PROTESTERS, e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2
    e = main_event("IMN members protesting the detention of their leader were dispersed by police with tear gas in "
                   "Kaduna.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2
    assert any(a.name.startswith("IMN") for a in e.assoc_actor_1), e.assoc_actor_1


def test_one_terrorist_and_a_naval_patrol_are_sides() -> None:
    e = main_event("The army killed a terrorist in Skikda province during a combing operation.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.POLITICAL_MILITIAS, e.actor2
    e = main_event("Niger Delta Avengers militants attacked a naval patrol boat, killing 2 naval ratings.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2
    attack = doc_on("A terrorist attack killed 5 in Arish.", _DAY)
    assert not any(a.text == "terrorist" for a in attack.actors), attack.actors


def test_attacks_on_property_with_nobody_hurt_are_property_destruction() -> None:
    e = main_event("Suspected Imbonerakure carried out an attack on the offices of the FNL party in Ngozi.", _DAY)
    assert e.sub_event_type is SubEventType.LOOTING_PROPERTY_DESTRUCTION, e
    hurt = main_event("Gunmen attacked the offices of the electoral commission in Kasese, killing a guard.", _DAY)
    assert hurt.sub_event_type is not SubEventType.LOOTING_PROPERTY_DESTRUCTION, hurt


def test_people_killed_who_were_mostly_soldiers_make_a_battle() -> None:
    e = main_event("Al Shabaab militants killed 38 people, mostly soldiers, in an attack on a military base in "
                   "Puntland on Thursday, an army officer said.", _DAY)
    assert e.event_type is EventType.BATTLES, e
    assert e.actor2 is None or e.actor2.type is not ActorType.CIVILIANS, e.actor2
    women = main_event("Gunmen killed 12 people, mostly women and children, in Kadunu village.", _DAY)
    assert women.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, women


def test_attackers_who_withdrew_after_the_attack_make_no_transfer() -> None:
    doc = doc_on("MOGADISHU (Reuters) - Al Shabaab militants stormed a military base in southern Somalia on Sunday, "
                 "killing at least 12 soldiers, officials said. The militants later withdrew. Al Shabaab said in a "
                 "statement that it killed 40 soldiers.", dt.date(2016, 6, 27))
    assert len(doc.events) == 1, doc.events
    assert doc.events[0].event_type is EventType.BATTLES, doc.events[0]
    assert doc.events[0].fatalities is not None and doc.events[0].fatalities.best == 12, doc.events[0].fatalities


def test_untyped_victims_and_activists_held_are_civilians() -> None:
    e = main_event("An MSD opposition party member was shot dead by unknown gunmen in front of his house in "
                   "Mutakura, Bujumbura.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2
    e = main_event("Security services arrested four activists of the 'Ca suffit' civil society campaign in "
                   "N'Djamena ahead of a planned march.", _DAY)
    assert e.sub_event_type is SubEventType.ARRESTS, e
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_a_foreign_ministry_does_not_set_the_story_abroad() -> None:
    e = main_event("French forces killed several AQIM fighters during a ground and helicopter operation in the "
                   "valley near Tessalit, according to the French defence ministry.", _DAY)
    assert e.actor2 is not None and e.actor2.name.startswith("AQIM"), e.actor2
    assert e.actor2.type is ActorType.REBEL_GROUPS, e.actor2


def test_a_junction_named_in_capitals_is_no_organisation() -> None:
    doc = doc_on("A car bomb exploded outside a tea shop near the KM4 junction in Mogadishu, killing at least nine "
                 "civilians. Al Shabaab claimed the bombing.", _DAY)
    assert not any(a.text == "KM4" for a in doc.actors), doc.actors
    assert doc.events[0].actor2 is not None and doc.events[0].actor2.type is ActorType.CIVILIANS, doc.events[0]


def test_punishments_and_people_taken_away_are_violence_against_them() -> None:
    e = main_event("An Al Shabaab court in Jilib ordered the amputation of a young man's right hand for allegedly "
                   "stealing a mobile phone.", _DAY)
    assert e.sub_event_type is SubEventType.ATTACK, e
    assert not doc_on("Doctors said the amputation of his leg was necessary.", _DAY).events
    e = main_event("Al Shabaab militants stopped two lorries near Mahaas and took the drivers away.", _DAY)
    assert e.sub_event_type is SubEventType.ABDUCTION_FORCED_DISAPPEARANCE, e
    e = main_event("The chief of Dogo village near Youwarou was seized from his home by armed men on Sunday.", _DAY)
    assert e.sub_event_type is SubEventType.ABDUCTION_FORCED_DISAPPEARANCE, e


def test_militias_of_two_sub_clans_are_communal_and_two_army_units_fought_each_other() -> None:
    e = main_event("Militias from two rival Hawiye sub-clans fought over disputed farmland near Jowhar, leaving six "
                   "people dead.", _DAY)
    assert e.actor1.type is ActorType.IDENTITY_MILITIAS, e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.IDENTITY_MILITIAS, e.actor2
    e = main_event("Fighting over grazing land between two Dinka sections in Tonj East left eight people dead.", _DAY)
    assert e.event_type is EventType.BATTLES and e.actor1.type is ActorType.IDENTITY_MILITIAS, e
    e = main_event("Two Somali army units fought over control of a checkpoint in Dharkenley district, Mogadishu.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.STATE_FORCES, e.actor2


def test_no_claim_names_nobody_and_the_accused_links_are_no_side() -> None:
    e = main_event("A MINUSMA logistics convoy struck an explosive device about 10 km south of Aguelhok, wounding "
                   "two Chadian peacekeepers. No group claimed responsibility.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.POLITICAL_MILITIAS, e.actor2
    e = main_event("Al Shabaab militants seized three men from their homes in Jamaame district and killed them the "
                   "following day, accusing them of working with Jubaland forces.", _DAY)
    assert e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS, e
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_a_nearby_town_far_from_the_story_is_left_unresolved() -> None:
    doc = doc_on("Islamic State militants killed 30 fighters loyal to the government at a checkpoint west of Sirte "
                 "on Thursday. Government forces later repelled an assault on the nearby town of Zamzam.", _DAY)
    zamzam = [p for p in doc.places if p.text == "Zamzam"]
    assert all(p.country in (None, "LBY") for p in zamzam), zamzam


def test_an_armed_groups_raid_is_no_protest_and_its_victims_are_civilians() -> None:
    e = main_event("Al Shabaab gunmen stormed a compound housing quarry workers in Mandera town before dawn and "
                   "killed 12 people.", _DAY)
    assert e.sub_event_type is SubEventType.ATTACK, e
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2
    e = main_event("AMISOM soldiers shot dead two farmers near Qoryoley, saying they had mistaken them for "
                   "militants. Local elders demanded an investigation.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_a_name_of_a_big_city_in_another_tongue_is_held_to_its_address() -> None:
    doc = doc_on("Gunmen attacked an army post in Boni, Mopti region, killing two soldiers.", _DAY)
    boni = [p for p in doc.places if p.text == "Boni"]
    assert all(p.country in (None, "MLI") for p in boni), boni
    assert doc.events[0].location is not None and doc.events[0].location.country == "MLI", doc.events[0].location


def test_the_side_that_moved_in_after_others_left_took_the_place() -> None:
    e = main_event("Al Shabaab fighters moved into Moqokori in Hiraan, only hours after Ethiopian troops pulled out "
                   "of their base there. There was no fighting.", _DAY)
    assert e.sub_event_type is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, e
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab", e.actor1
    e = main_event("Somali National Army soldiers entered the village of Kurtunwaarey in Lower Shabelle after Al "
                   "Shabaab fighters abandoned it overnight. No clashes were reported.", _DAY)
    assert e.sub_event_type is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY, e
    weapons = doc_on("Heavy weapons have allegedly been moved into Lubumbashi by FARDC, including tanks.", _DAY)
    assert all(x.sub_event_type is not SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY for x in weapons.events)


def test_two_peoples_named_together_are_the_two_sides_not_the_dead() -> None:
    e = main_event("Armed Pokot and Turkana herders fought near Kapedo following a cattle raid, leaving four people "
                   "dead.", _DAY)
    assert e.actor1.name.startswith("Pokot"), e.actor1
    assert e.actor2 is not None and e.actor2.name.startswith("Turkana"), e.actor2


def test_security_services_hold_civilians_and_a_schools_administration_is_no_government() -> None:
    e = main_event("National Security Service officers in Juba detained a newspaper editor over an article "
                   "critical of the government.", _DAY)
    assert e.actor1 is not None and e.actor1.type is ActorType.STATE_FORCES, e.actor1
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2
    e = main_event("Students at a boys' secondary school in Nyeri County set their dormitory on fire in protest "
                   "against the school administration.", _DAY)
    assert e.actor2 is None, e.actor2


def test_a_vigilance_committee_is_a_vigilante_militia() -> None:
    e = main_event("A suspected Boko Haram suicide bomber was stopped by members of the vigilance committee at the "
                   "entrance of Limani. He set off his explosives, killing himself and one vigilante.", _DAY)
    assert e.event_type is EventType.BATTLES, e
    sides = {e.actor1.type, e.actor2.type if e.actor2 else None}
    assert sides == {ActorType.IDENTITY_MILITIAS, ActorType.REBEL_GROUPS}, (e.actor1, e.actor2)


def test_a_clash_set_off_by_an_accident_is_a_clash() -> None:
    e = main_event("Nuer and Anuak youths clashed in Gambella town following a traffic accident involving a refugee "
                   "agency vehicle. Three people were killed.", _DAY)
    assert e.event_type is EventType.BATTLES, e
    assert not doc_on("Three people died in a traffic accident near Gambella.", _DAY).events


def test_customers_hit_are_civilians_and_suspects_of_past_protests_were_arrested() -> None:
    e = main_event("A grenade was thrown into a bar in the Kamenge area of Bujumbura in the evening, wounding six "
                   "customers. The attackers were not identified.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2
    e = main_event("Police carried out a search operation in Nyakabiga and arrested around 20 young men suspected "
                   "of taking part in last year's anti-government demonstrations.", _DAY)
    assert e.sub_event_type is SubEventType.ARRESTS, e


def test_a_country_the_attackers_fled_towards_is_not_theirs() -> None:
    e = main_event("Unidentified gunmen on motorbikes attacked a Malian army post in Boni, Mopti region, killing two "
                   "soldiers before withdrawing towards the Burkina Faso border.", _DAY)
    assert e.actor1.country == "MLI", e.actor1


def test_a_groups_moves_are_strategic_developments() -> None:
    for text in ("Al Shabaab tax collectors went through villages around Qansax Dheere and forced farmers to hand "
                 "over part of their sorghum harvest as zakat.",
                 "Al Shabaab officials ordered elders in villages around El Bur to provide dozens of boys for "
                 "training at the group's camps.",
                 "Hundreds of heavily armed Al Shabaab fighters had massed on the outskirts of Bulo Burte, raising "
                 "fears of an imminent attack on the town.",
                 "The rebel Republican Forces of Burundi (FOREBU) announced a new military leadership.",
                 "The Ministry of Interior suspended five human rights organisations."):
        e = main_event(text, _DAY)
        assert e.sub_event_type is SubEventType.CHANGE_TO_GROUP_ACTIVITY, (text, e)


def test_a_ground_and_helicopter_operation_is_a_battle() -> None:
    e = main_event("French forces killed several AQIM fighters during a ground and helicopter operation in the "
                   "valley near Tessalit.", _DAY)
    assert e.event_type is EventType.BATTLES, e


def test_control_of_services_is_no_territory_and_gas_containers_are_an_accident() -> None:
    e = main_event("The government declared a state of emergency, giving authorities the power to forcibly evacuate "
                   "people and take control of services.", _DAY)
    assert e.event_type is not EventType.BATTLES, e
    assert not doc_on("A number of gas and propane containers exploded during a fire in a detached garage in "
                      "Milan.", _DAY).events


def test_people_detained_by_rebels_were_abducted() -> None:
    e = main_event("Rebels loyal to Riek Machar detained 10 aid workers near the town of Yei in South Sudan's Central "
                   "Equatoria region, the United Nations said on Thursday.", _DAY)
    assert e.sub_event_type is SubEventType.ABDUCTION_FORCED_DISAPPEARANCE, e
    held = doc_on("Police arrested fourteen people after parents protested in Gelvandale. A member of the "
                  "Nationalist Coloured Party was one of the arrested.", _DAY)
    assert all(x.sub_event_type is not SubEventType.ABDUCTION_FORCED_DISAPPEARANCE for x in held.events), held


def test_a_market_in_a_rebel_held_town_and_children_on_a_bus_are_civilians() -> None:
    e = main_event("Syrian government warplanes struck a crowded vegetable market in the rebel-held town of Maarat "
                   "al-Numan in Idlib province on Monday, killing at least 31 civilians.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2
    e = main_event("An air strike by the Saudi-led coalition hit a bus carrying children through a market in Dahyan "
                   "in northern Yemen's Saada province, killing at least 43 people, most of them schoolboys. The "
                   "United Nations called for an independent investigation.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.CIVILIANS, e.actor2


def test_named_as_bandits_by_police_the_gunmen_did_it_and_two_crowds_fought() -> None:
    e = main_event("Gunmen described by police as bandits blocked the Kaduna-Abuja highway near Katari and kidnapped "
                   "12 travellers.", _DAY)
    assert e.actor1.type is ActorType.POLITICAL_MILITIAS, e.actor1
    e = main_event("Two groups of youth from El Amra and Msetria clashed in El Amra, throwing stones at each other.",
                   _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.RIOTERS, e.actor2


def test_amba_fighters_are_the_separatists_and_shooting_dead_outranks_burning() -> None:
    e = main_event("An explosive device planted by Amba fighters went off under a military truck near Ndop, "
                   "wounding three soldiers.", dt.date(2019, 2, 12))
    assert e.actor1.type is ActorType.REBEL_GROUPS, e.actor1
    e = main_event("RSF troops stormed Deleij village near Zalingei, shooting dead 9 civilians and burning homes.",
                   dt.date(2019, 6, 12))
    assert e.sub_event_type is SubEventType.ATTACK, e


def test_soldiers_allied_to_machar_and_two_communities_named_with_two_words() -> None:
    e = main_event("At least 272 people, including 33 civilians, have been killed in fighting between troops loyal to "
                   "President Salva Kiir and soldiers allied to First Vice President Riek Machar in Juba.",
                   dt.date(2016, 7, 12))
    assert e.actor2 is not None and e.actor2.name.startswith("SPLM/A-IO"), e.actor2
    e = main_event("Clashes between armed members of the Guji Oromo and Gedeo communities in southern Ethiopia killed "
                   "between 20 and 30 people this week.", _DAY)
    assert e.actor2 is not None and e.actor2.type is ActorType.IDENTITY_MILITIAS, e.actor2


def test_soldiers_killed_in_the_next_sentence_are_those_the_group_attacked_there() -> None:
    doc = doc_on("Boko Haram fighters attacked a Nigerien army position at Bosso in Diffa region. Heavy fighting "
                 "followed and 26 soldiers were reported killed.", _DAY)
    assert len(doc.events) == 1, doc.events
    assert doc.events[0].fatalities is not None and doc.events[0].fatalities.best == 26, doc.events[0].fatalities


def test_what_someone_said_of_the_recapture_does_not_outrank_it() -> None:
    doc = doc_on("MOSUL, Iraq (Reuters) - Iraqi forces captured the ruins of the Grand al-Nuri Mosque in Mosul's Old "
                 "City on Thursday after days of street fighting with Islamic State militants, the military said. "
                 "Prime Minister Haider al-Abadi said the recapture marked the end of the group's self-declared "
                 "caliphate in Iraq.", dt.date(2017, 6, 30))
    main = max(doc.events, key=lambda e: e.confidence)
    assert main.actor1.type is ActorType.STATE_FORCES, main
