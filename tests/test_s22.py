"""Session 22: war verbs and "strikes on" say "place"; a country glued to "-led" or "-backed" is the backer, not a
place; an air strike named with the force that flew it ("US-led strikes") is that force's."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event
from sitrep.vocab import ActorType

_DAY = dt.date(2017, 8, 22)


def _places(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Place text -> (country, feature)."""
    return {p.text: (p.country, p.feature) for p in doc_on(text, _DAY).places}


def _sub(text: str, published: dt.date = dt.date(2016, 3, 1)) -> str:
    """The sub-event type of the text's main event."""
    return main_event(text, published).sub_event_type.value


def test_the_object_of_a_war_verb_is_a_place() -> None:
    for text, name in (("Air strikes hit Qamishli on Monday, the monitor said.", "Qamishli"),
                       ("Regime forces shelled Talbiseh on Monday, killing three.", "Talbiseh"),
                       ("Warplanes pounded Saraqeb overnight.", "Saraqeb")):
        places = _places(text)
        assert places.get(name, (None, None))[0] == "SYR", (text, places)


def test_strikes_on_a_town_name_it_as_a_place() -> None:
    places = _places("Dozens were killed in strikes on Raqa, the monitor said.")
    assert places.get("Raqa", (None, None))[0] == "SYR", places


def test_a_war_verb_does_not_make_a_person_a_place() -> None:
    places = _places("Protesters attacked Jordan Peterson's car outside the hall.")
    assert "Jordan" not in places, places


def test_a_country_glued_to_led_or_backed_is_the_backer() -> None:
    places = _places("US-led strikes killed 42 civilians in Raqa on Monday.")
    assert places.get("US") == ("USA", "demonym"), places
    assert places.get("Raqa", (None, None))[0] == "SYR", places
    places = _places("Russia-backed forces entered Palmyra on Sunday.")
    assert places.get("Russia") == ("RUS", "demonym"), places
    ev = main_event("US-led strikes killed 42 civilians in Raqa on Monday.", _DAY)
    assert ev.location is not None and ev.location.country == "SYR", ev.location


def test_a_country_on_its_own_is_still_a_place() -> None:
    places = _places("The US carried out strikes in Raqa on Monday.")
    assert places.get("US") == ("USA", "country"), places


def test_an_air_strike_named_with_its_force_is_that_force_s() -> None:
    ev = main_event("42 civilians dead in US-led strikes on Raqa Monday: monitor", _DAY)
    assert ev.actor1 is not None and ev.actor1.country == "USA", ev.actor1
    assert ev.actor1.type is ActorType.EXTERNAL_OTHER_FORCES  # a state's forces abroad (session 24)
    assert ev.actor2 is not None and ev.actor2.type is ActorType.CIVILIANS, ev.actor2


def test_an_air_strike_told_with_a_rebel_group_is_still_the_state_s() -> None:
    ev = main_event("Airstrikes target positions of the factions in the countryside of Idlib.", _DAY)
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES, ev.actor1


def test_led_forces_are_the_leader_s_even_where_another_country_is_named() -> None:
    ev = main_event("Syria air strike: At least 42 civilians killed by US-led bomb attack in Raqqa", _DAY)
    assert ev.actor1 is not None and ev.actor1.country == "USA", ev.actor1
    assert ev.location is not None and ev.location.country == "SYR", ev.location


def test_backed_forces_are_not_the_backer_s() -> None:
    doc = doc_on("Russia-backed forces entered Palmyra on Sunday.", _DAY)
    forces = [a for a in doc.actors if a.text == "Russia-backed forces"]
    assert forces and all(a.country != "RUS" for a in forces), forces


_2016 = dt.date(2016, 3, 1)


def test_a_fire_during_a_battle_is_no_accident() -> None:
    ev = main_event("During a battle between troops and Boko Haram near Bama, a hut caught fire, killing two "
                    "fighters inside.", _2016)
    assert ev.event_type.value == "Battles", ev.event_type


def test_a_house_that_caught_fire_is_still_an_accident() -> None:
    assert not doc_on("A house caught fire in Kano on Sunday, killing three people inside.", _2016).events


def test_rpg_fire_and_gunshots_between_two_sides_are_clashes() -> None:
    ev = main_event("JEM fighters launched RPGs at soldiers in Tawila.", _2016)
    assert ev.event_type.value == "Battles", ev.event_type
    assert ev.actor1 is not None and ev.actor1.type is ActorType.REBEL_GROUPS, ev.actor1
    ev = main_event("Gunshots were heard in Medenine between the army and armed militants.", _2016)
    assert ev.event_type.value == "Battles", ev.event_type


def test_a_statement_of_what_the_speaker_did_is_no_diplomacy() -> None:
    ev = main_event("The Interior Ministry said in a statement that it raided a flat in Giza and was caught in an "
                    "exchange of fire with a member of the Muslim Brotherhood.", _2016)
    assert ev.event_type.value == "Battles", ev.event_type
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES, ev.actor1
    assert ev.actor2 is not None and ev.actor2.type is ActorType.POLITICAL_MILITIAS, ev.actor2


def test_a_statement_on_talks_still_tells_no_event() -> None:
    assert not doc_on("The ministry issued a statement on the talks with the rebels about the fighting.", _2016).events


def test_syrian_towns_of_the_war_years_that_the_packages_lack() -> None:
    for text, name, near in (("Air strikes hit Sarmada near the Turkish border.", "Sarmada", (36.18, 36.72)),
                             ("Shelling of Moadamiyeh killed two children.", "Moadamiyeh", (33.46, 36.19)),
                             ("The SDF entered Baghuz after weeks of fighting.", "Baghuz", (34.45, 40.95)),
                             ("Regime forces shelled al-Lataminah in northern Hama.", "al-Lataminah", (35.32, 36.62))):
        places = {p.text: p for p in doc_on(text, _DAY).places}
        place = places.get(name)
        assert place is not None and place.country == "SYR", (text, places)
        assert place.latitude is not None and place.longitude is not None
        assert abs(place.latitude - near[0]) < 0.1 and abs(place.longitude - near[1]) < 0.1, (text, place)


def test_an_operation_named_after_a_river_is_no_place() -> None:
    places = _places("Euphrates Wrath forces advanced toward Raqqa on Monday.")
    assert "Euphrates" not in places and "Euphrates Wrath" not in places, places
    assert places.get("Raqqa", (None, None))[0] == "SYR", places


def test_the_euphrates_of_each_country() -> None:
    places = _places("Clashes east of the Euphrates between the SDF and ISIS in Syria.")
    assert places.get("Euphrates") == ("SYR", "water"), places
    places = _places("Iraqi forces crossed the Euphrates near Ramadi.")
    assert places.get("Euphrates") == ("IRQ", "water"), places


def test_a_possessive_pronoun_is_no_actor_mention() -> None:
    doc = doc_on("Rebels attacked the town on Monday. Their fighters burned homes and they shot two farmers.", _2016)
    texts = [a.text for a in doc.actors]
    assert "Their" not in texts and "their" not in texts, texts
    assert "they" in texts, texts  # a subject pronoun still stands for its group


def test_a_country_visited_or_described_as_land_does_not_act() -> None:
    for text, name in (("The minister visited Turkey on 4 April.", "Turkey"),
                       ("The river divides Arabic-speaking Iraq from the Kurdish north.", "Iraq"),
                       ("They called for a united and democratic Syria.", "Syria")):
        doc = doc_on(text, _2016)
        assert all(a.text != name for a in doc.actors), (text, [(a.text, a.name) for a in doc.actors])
    doc = doc_on("Turkey shelled Kurdish positions near Afrin.", _2016)
    assert any(a.text == "Turkey" for a in doc.actors), [a.text for a in doc.actors]


def test_a_country_before_an_adverb_and_a_verb_acts() -> None:
    doc = doc_on("The United States strongly condemns the attack in Karrada.", _2016)
    assert any(a.country == "USA" and a.type is ActorType.STATE_FORCES for a in doc.actors), \
        [(a.text, a.name) for a in doc.actors]
    doc = doc_on("The Iraq supply route was cut.", _2016)
    assert all(a.text != "Iraq" for a in doc.actors), [a.text for a in doc.actors]


def test_two_states_named_as_a_pair_are_parties() -> None:
    doc = doc_on("A strong U.S.-Iraq partnership is critical to finish the fight.", _2016)
    assert {a.country for a in doc.actors} >= {"USA", "IRQ"}, [(a.text, a.name) for a in doc.actors]
    doc = doc_on("Patrols on the Iraq-Syria border were stepped up.", _2016)
    assert all(a.text not in ("Iraq", "Syria") for a in doc.actors), [a.text for a in doc.actors]


def test_a_name_said_to_hold_a_role_is_a_person() -> None:
    doc = doc_on("Abboud Qanbar was a commander in the navy. Qanbar later led the Baghdad operations.", _2016)
    people = [a.text for a in doc.actors if a.kind.value == "person"]
    assert "Abboud Qanbar" in people and "Qanbar" in people, [(a.text, a.kind) for a in doc.actors]
    doc = doc_on("Samarra Barrage (Arabic: x) is a dam on the Tigris.", _2016)
    assert all(a.kind.value != "person" for a in doc.actors), [(a.text, a.kind) for a in doc.actors]


def test_prison_guards_are_the_state_s() -> None:
    ev = main_event("An activist group reported that prison guards beat detainees in Giza.", _2016)
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES, ev.actor1


def test_people_shot_at_violent_demonstrations_were_at_a_riot() -> None:
    assert _sub("Five people were shot by police in Kisumu during violent opposition demonstrations.") == "Violent demonstration"
    assert _sub("Five people were shot by police in Kisumu during opposition demonstrations.") == "Excessive force against protesters"


def test_clashes_between_a_group_of_gunmen_and_soldiers_keep_the_order_told() -> None:
    ev = main_event("Clashes between a group of more than 60 gunmen and army soldiers on patrol in Kasese killed two "
                    "people.", _2016)
    assert ev.actor1 is not None and ev.actor1.type is not ActorType.STATE_FORCES, ev.actor1
    assert ev.actor2 is not None and ev.actor2.type is ActorType.STATE_FORCES, ev.actor2


def test_the_nur_faction_is_the_sla_abdul_wahid_not_a_town_in_iran() -> None:
    ev = main_event("Clashes between the military and the Nur faction in Jebel Marra.", _2016)
    names = {a.name for a in (ev.actor1, ev.actor2) if a is not None}
    assert any("Abdul Wahid" in n for n in names), names
    assert ev.location is None or ev.location.country != "IRN", ev.location


def test_a_country_s_possessive_before_a_group_is_whose_it_is() -> None:
    ev = main_event("Yemen's Houthi rebels took full control of tribal areas in Hajjah province.", dt.date(2019, 2, 24))
    assert ev.actor1 is not None and ev.actor1.type is ActorType.REBEL_GROUPS, ev.actor1
    assert ev.sub_event_type.value == "Non-state actor overtakes territory", ev.sub_event_type
    doc = doc_on("Iraq's Prime Minister said the army retook Tikrit.", _2016)
    assert any(a.affiliation and "Iraq" in a.affiliation for a in doc.actors), [(a.text, a.affiliation)
                                                                              for a in doc.actors]


def test_the_agent_of_a_relative_clause_is_not_the_trigger_s() -> None:
    ev = main_event("Government forces regained control of parts of Souran that were captured by rebels the day "
                    "before.", _2016)
    assert ev.sub_event_type.value == "Government regains territory", ev.sub_event_type
    assert ev.actor1 is not None and ev.actor1.type is ActorType.STATE_FORCES, ev.actor1
    ev = main_event("Three civilians were killed by rebels near Souran.", _2016)
    assert ev.actor1 is not None and ev.actor1.type is ActorType.REBEL_GROUPS, ev.actor1


def test_police_who_chase_demonstrators_intervene() -> None:
    assert _sub("Riot police chased protesters during anti-government protests in Sfax on Tuesday.") == "Protest with intervention"


def test_protesters_who_block_thoroughfares_riot() -> None:
    assert _sub("Thousands of protesters took to the streets in Lagos, blocking major thoroughfares.") == "Violent demonstration"


def test_force_the_crowd_used_is_a_riot_not_excessive_force() -> None:
    ev = main_event("A group of protesters used live ammunition while trying to break into a mall in Mamelodi.", _2016)
    assert ev.event_type.value == "Riots", ev.sub_event_type
    assert _sub("Police fired live ammunition at protesters in Mamelodi.") == "Excessive force against protesters"


def test_what_people_were_charged_with_is_no_riot_told() -> None:
    assert _sub("Police fired tear gas to disperse opposition protesters outside Banjul. Thirty party members were "
                    "arrested and 18 were later charged with rioting and incitement to violence.") == "Protest with intervention"


def test_a_claim_or_a_blame_in_a_later_sentence_names_the_attacker() -> None:
    for text in ("A car bomb killed ten people in Mogadishu on Friday. Al-Shabaab claimed responsibility for the "
                 "attack.",
                 "A bomb exploded at a market in Maiduguri, killing 12. Boko Haram is believed to be behind the blast.",
                 "Nine people were killed in Agatu on Friday. The killings were blamed on Fulani herdsmen.",
                 "Gunmen killed nine people in Agatu on Friday. Police said Fulani herdsmen were responsible."):
        ev = main_event(text, _2016)
        assert ev.actor1 is not None and ev.actor1.type in (ActorType.REBEL_GROUPS, ActorType.IDENTITY_MILITIAS,
                                                            ActorType.POLITICAL_MILITIAS), (text, ev.actor1)
        assert not ev.actor1.name.startswith("Unidentified"), (text, ev.actor1)


def test_another_event_of_a_named_group_is_no_claim() -> None:
    doc = doc_on("Gunmen killed nine people in Agatu on Friday. The army said it killed 20 Boko Haram fighters last "
                 "week.", _2016)
    attack = next(e for e in doc.events if e.sub_event_type.value == "Attack")
    assert attack.actor1 is not None and attack.actor1.name.startswith("Unidentified"), attack.actor1


def test_a_war_verb_does_not_make_a_word_or_a_person_a_place() -> None:
    for text, name in (("The new tariffs hit Congress hard this week.", "Congress"),
                       ("The scandal hit Obama on Monday.", "Obama")):
        places = _places(text)
        assert name not in places, (text, places)


def test_words_and_actor_names_the_gazetteer_cannot_place_are_no_unresolved_places() -> None:
    for text, word in (("Human losses in Aerial bombardment on Telmins", "Aerial"),
                       ("More human losses in Hezbollah", "Hezbollah"),
                       ("A commander in Jaysh Al-Islam was assassinated in the Eastern Ghouta", "Jaysh")):
        texts = {p.text for p in doc_on(text, dt.date(2017, 5, 1)).places}
        assert word not in texts, (text, texts)
    doc = doc_on("Gunmen attacked the village of Kaniko on Sunday.", _2016)
    assert any(p.text == "Kaniko" and p.latitude is None for p in doc.places), [(p.text, p.latitude)
                                                                               for p in doc.places]
