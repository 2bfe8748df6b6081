"""Event types, session 8: a headline's passive and a long subject say who was harmed; officials, leaders and suspected
criminals harmed are unarmed; "engaged" is fighting only with an enemy or a fight named; captives freed are no
abduction; troops who kill during an operation against camps fight a battle; what is denied is no event; a protest
told first outranks the agreement or withdrawal that ended it; a sentence that opens on "the attack" tells more of
the attack before it."""

from __future__ import annotations

import pytest

from sitrep.stages.events_refine import _harmed
from sitrep.stages.events_types import type_sentence
from sitrep.vocab import SubEventType
from test_events_types_s7 import main_type, run

S = SubEventType


@pytest.mark.parametrize(
    ("sentence", "armed", "civilian"),
    [
        # a headline's passive, with its agent after the verb
        ("Teacher shot and killed and two others wounded in the market by militiamen.", False, True),
        # the head of a long subject
        ("A man said to have taken part in a burglary last month was beaten to death by a crowd.", False, True),
        ("Opposition leader shot by unknown gunmen outside his home.", False, True),
        ("Gunmen murdered a local official of the ruling party at his farm.", False, True),
        ("Three suspected thieves were killed by residents of the township.", False, True),
        # armed robbers stay armed; an active verb with a bare number says nothing
        ("Police killed three armed robbers in a shootout.", True, False),
        ("Gunmen killed 5 in the town.", False, False),
        ("Militants killed by troops near the border.", True, False),
    ],
)
def test_who_was_harmed(sentence: str, armed: bool, civilian: bool) -> None:
    assert _harmed(sentence) == (armed, civilian)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A man who had engaged in smuggling was found near the river.", None),
        ("Troops engaged the insurgents near the village for three hours.", S.ARMED_CLASH),
        ("Two students were hurt when they engaged with the police at the gate.", S.ARMED_CLASH),
        ("The army engaged Al-Shabaab fighters outside the town.", S.ARMED_CLASH),
    ],
)
def test_engaged_is_fighting_with_an_enemy(sentence: str, expected: SubEventType | None) -> None:
    typed = type_sentence(sentence)
    got = typed.sub_event_type if typed else None
    assert (got is S.ARMED_CLASH) == (expected is S.ARMED_CLASH), (sentence, got)


@pytest.mark.parametrize(
    "sentence",
    [
        "During the operation 120 hostages were rescued.",
        "Troops rescued 40 women and children who had been abducted by the group.",
        "The soldiers freed hostages held in the forest camp.",
    ],
)
def test_captives_freed_are_no_abduction(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is None or typed.sub_event_type is not S.ABDUCTION_FORCED_DISAPPEARANCE, sentence


def test_a_kidnapping_with_a_later_release_is_still_an_abduction() -> None:
    typed = type_sentence("Gunmen kidnapped five aid workers who were later released after a ransom was paid.")
    assert typed is not None and typed.sub_event_type is S.ABDUCTION_FORCED_DISAPPEARANCE


def test_denied_acts_are_no_event() -> None:
    assert type_sentence("The police contained the situation and no arrests were made.") is None
    typed = type_sentence("A huge fight broke out between youths of the two parties.")
    assert typed is not None and typed.sub_event_type is S.ARMED_CLASH


def test_a_strike_by_workers_is_a_protest() -> None:
    typed = type_sentence("The city witnessed a strike by public transport drivers over new taxes.")
    assert typed is not None and typed.sub_event_type is S.PEACEFUL_PROTEST


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # the unarmed harmed: violence against civilians
        ("A ward councillor was shot dead by unknown gunmen in Kisumu on Monday.", "Violence against civilians"),
        ("Two suspected robbers were beaten and killed by residents in Kisumu.", "Violence against civilians"),
        # troops who killed during an operation against camps fought the camps' men
        ("Military forces cleared a Boko Haram camp near Maiduguri, killing 12 and recovering weapons.", "Battles"),
        ("Troops carried out a clearing operation near Maiduguri and killed nine.", "Battles"),
        # a protest told first outranks what ended it
        ("Nurses held a three-day strike in Kisumu over unpaid wages. The strike was suspended when the county "
         "government agreed to pay.", "Protests"),
        # "The attack ..." tells more of the attack before it
        ("An attack on a police checkpoint near Arish left two policemen dead. The attack also left four people "
         "injured after gunmen on motorbikes shot at the checkpoint.", "Battles"),
    ],
)
def test_main_event_types(process, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(process, text) == event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of women staged a demonstration following an assault on a trader during the election.",
        "Worried by the spate of kidnappings of doctors in the state, medical groups protested in the capital.",
        "Relatives of fishermen who have gone missing at sea protested outside the ministry.",
        "Pupils stayed away from school in a continuation of the anti-rape protest.",
    ],
)
def test_harm_a_protest_is_about_is_its_grievance(sentence: str) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is S.PEACEFUL_PROTEST, (sentence, typed)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a crowd that attacked the police or property: a riot
        ("Rioters beat up a policeman in Kitwe on Sunday night.", "Riots"),
        ("A rioter stoned and destroyed a billboard showing the president in Kitwe.", "Riots"),
        # a crowd that harmed unarmed people: violence against them, as ACLED codes it
        ("Protesters assaulted a shopkeeper and ransacked his shop in Kitwe.", "Violence against civilians"),
    ],
)
def test_a_crowd_that_attacked(process, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(process, text) == event_type


def test_engaged_in_crime_near_a_named_place_is_no_fight() -> None:
    typed = type_sentence("Police caught a gang that was engaged in stealing cars in Nairobi.")
    assert typed is None or typed.sub_event_type is not S.ARMED_CLASH


def test_an_anti_government_crowd_that_shut_roads_still_protests() -> None:
    typed = type_sentence("Anti-government protesters shut down roads and government offices in the capital.")
    assert typed is not None and typed.sub_event_type in (S.PEACEFUL_PROTEST, S.VIOLENT_DEMONSTRATION)


def test_the_weapon_told_after_the_attack_types_it(process) -> None:  # type: ignore[no-untyped-def]
    events = run(process, "Coordinated attacks were launched in at least 11 places in Yala on Friday night. The "
                          "attacks, mostly with grenades, happened in the southern provinces.").events
    assert events
    assert str(max(events, key=lambda e: e.confidence).sub_event_type) == "Grenade"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a crowd named in words against the state's forces riots, whatever guns the soldiers fired
        ("Clashes between soldiers and farmers trying to save their houses from demolition killed four in "
         "Kisumu.", "Riots"),
        # armed men on the other side: a battle
        ("Clashes between soldiers and gunmen killed four in Kisumu.", "Battles"),
    ],
)
def test_crowds_against_the_state(process, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(process, text) == event_type


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Eighty workers occupied the site of the company demanding the extension of their contracts.",
         S.PEACEFUL_PROTEST),
        ("Residents barricaded the only school in the area with tyres to demand housing.", S.VIOLENT_DEMONSTRATION),
        ("Youths set up road blocks on the highway to the town.", S.VIOLENT_DEMONSTRATION),
    ],
)
def test_crowd_demands_and_barricades(sentence: str, expected: SubEventType) -> None:
    typed = type_sentence(sentence)
    assert typed is not None and typed.sub_event_type is expected, (sentence, typed)


def test_guarded_roadblocks_are_no_riot() -> None:
    typed = type_sentence("Tanks rumbled towards the front lines where troops were sealed off by heavily guarded "
                          "roadblocks.")
    assert typed is None or typed.sub_event_type is not S.VIOLENT_DEMONSTRATION


def test_the_crowd_that_moved_on_stays_one_event(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "In Kisumu, residents protested against their councillor. Kakamega road was barricaded with "
                       "burning tyres.")
    assert len([e for e in doc.events if e.event_type.value in ("Protests", "Riots")]) == 1
    event = max(doc.events, key=lambda e: e.confidence)
    assert event.location is not None and event.location.name == "Kisumu"
