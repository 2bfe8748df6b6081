"""The events stage: one record per event, with its roles, place, date, fatalities, modality and source."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.models import Article, Doc
from sitrep.vocab import Modality, PublishedFrom


def run(process, text: str, published: dt.date | None = dt.date(2017, 10, 16)) -> Doc:  # type: ignore[no-untyped-def]
    origin = PublishedFrom.METADATA if published else PublishedFrom.NONE
    return process(Article(id="t", text=text, published=published, published_from=origin))  # type: ignore[no-any-return]


def test_events_seed_expectations(seed_path: Path, shared: Path, process) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    text = seed_path.read_text(encoding="utf-8")
    events = process(text).events

    def matches(spec: dict, ev) -> bool:  # type: ignore[no-untyped-def,type-arg]
        if any(k in spec and str(getattr(ev, k)) != spec[k] for k in ("event_type", "sub_event_type", "plover_type",
                                                                      "modality")):
            return False
        for k in ("actor1", "actor2"):
            actor = getattr(ev, k)
            if k in spec and (actor is None or spec[k].lower() not in actor.name.lower()):
                return False
        if "date" in spec and (ev.date is None or ev.date.value != spec["date"]):
            return False
        loc = spec.get("location") or {}
        if "country" in loc and (ev.location is None or ev.location.country != loc["country"]):
            return False
        if "evidence_contains" in spec and spec["evidence_contains"].lower() not in ev.evidence.text.lower():
            return False
        return not ("fatalities" in spec and spec["fatalities"] is None and ev.fatalities is not None)

    for spec in expected["events"]:
        assert any(matches(spec, ev) for ev in events), spec
    for spec in expected["not_events"]:
        assert not any(matches(spec, ev) for ev in events), spec


def test_events_clash_with_roles_place_date_and_attribution(process) -> None:  # type: ignore[no-untyped-def]
    text = ("Syrian Democratic Forces fighters clashed with Islamic State militants in Raqqa on Monday, "
            "SDF spokesman Mostafa Bali said.")
    (ev,) = run(process, text).events
    assert (str(ev.event_type), str(ev.sub_event_type), str(ev.plover_type)) == ("Battles", "Armed clash", "ASSAULT")
    assert "Syrian Democratic Forces" in ev.actor1.name and ev.actor2 is not None and "Islamic State" in ev.actor2.name
    assert ev.interaction == 22
    assert ev.location is not None and ev.location.country == "SYR" and ev.location.text == "Raqqa"
    assert ev.date is not None and ev.date.value == "2017-10-16" and ev.date.text == "Monday"
    assert (ev.date.time_precision, ev.date.date_prec) == (1, 1)
    assert ev.fatalities is None
    assert ev.modality is Modality.ASSERTED
    assert ev.attribution is not None and ev.attribution.text.endswith("said")
    assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text


def test_events_fatalities_killed_not_wounded(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Gunmen killed at least 12 civilians and wounded 30 in an attack on a market in Maiduguri.").events
    assert ev.fatalities is not None and (ev.fatalities.best, ev.fatalities.low, ev.fatalities.high) == (12, 12, 12)
    assert ev.fatalities.text == "at least 12 civilians"


def test_events_nobody_killed_is_zero(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "A roadside bomb exploded near an army patrol in Kandahar; no one was killed.").events
    assert ev.fatalities is not None and ev.fatalities.best == 0


def test_events_expected_and_historical_are_not_asserted(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "The army expects to launch an offensive on Raqqa next week. "
                       "Islamic State seized Mosul in June 2014 after days of fighting.")
    modes = [ev.modality for ev in doc.events]
    assert Modality.ASSERTED not in modes
    assert set(modes) == {Modality.EXPECTED, Modality.HISTORICAL}


def test_events_generic_actor_when_the_sentence_names_none(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Thousands marched peacefully through the capital on Friday.").events
    assert str(ev.sub_event_type) == "Peaceful protest"
    assert ev.actor1.name.startswith("Protesters") and ev.actor1.text == "" and ev.actor1.inter == 6


def test_events_undated_sentence_takes_the_publication_week_flagged(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Gunmen opened fire on a bus in Mogadishu, killing four passengers.").events
    assert ev.date is not None and ev.date.text is None
    assert (ev.date.value, str(ev.date.low), int(ev.date.time_precision)) == ("2017-10-16", "2017-10-10", 2)


def test_events_nothing_for_text_that_is_not_about_conflict(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "The central bank kept interest rates unchanged on Monday. Floods destroyed crops in the north.")
    assert doc.events == ()


def test_events_one_record_per_event(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "Syrian Democratic Forces fighters clashed with Islamic State militants in Raqqa on Monday. "
                       "The Syrian Democratic Forces clashed with Islamic State in Raqqa on Monday, witnesses said.")
    assert len(doc.events) == 1


def test_events_ids_are_deterministic(process) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen opened fire on a bus in Mogadishu, killing four passengers."
    assert [e.event_id for e in run(process, text).events] == [e.event_id for e in run(process, text).events]


# ----------------------------------------------------------------------------- headlines and roles

@pytest.mark.parametrize(
    ("text", "sub_event_type", "inter1", "inter2"),
    [
        ("Government troops advance in the countryside of Hama", "Government regains territory", 1, None),
        ("Islamic State militants behead 4 men in Deir ez-Zor", "Attack", 2, 7),
        ("A man and a woman stoned to death in Raqqa", "Attack", 3, 7),
        ("Regime forces shell villages in the Eastern Ghouta", "Shelling/artillery/missile attack", 1, None),
        ("Casualties in the ranks of rebel fighters in Idlib countryside", "Armed clash", None, None),
        ("Turkish border guards kill 3 civilians near Tal Abyad", "Attack", 1, 7),
        ("The Islamic State lashes a man for smoking in Mayadin", "Attack", 2, 7),
        ("An infant is killed during a bombing by the Sudanese Airforce in Heiban", "Air/drone strike", 1, None),
    ],
)
def test_events_headlines_are_coded(process, text: str, sub_event_type: str, inter1: int | None,  # type: ignore[no-untyped-def]
                                    inter2: int | None) -> None:
    events = run(process, text).events
    assert len(events) == 1, events
    (ev,) = events
    assert str(ev.sub_event_type) == sub_event_type
    if inter1 is not None:
        assert ev.actor1.inter == inter1
    if inter2 is not None:
        assert ev.actor2 is not None and ev.actor2.inter == inter2


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A man and a woman stoned to death in Raqqa", 2),
        ("Islamic State militants behead 4 men in Deir ez-Zor", 4),
        ("Turkish border guards kill 3 civilians near Tal Abyad", 3),
        ("Gunmen shot dead a teacher in Maiduguri", 1),
    ],
)
def test_events_headline_fatalities(process, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, text).events
    assert ev.fatalities is not None and ev.fatalities.best == killed


@pytest.mark.parametrize(
    "text",
    [
        "Kerry denounces war crimes after a new round of talks in Paris",
        "Ministers held talks on a ceasefire in Geneva on Tuesday.",
        "The UN says humanitarian aid convoys will enter eastern Aleppo next week.",
        "Floods killed 12 people after torrential rain in the north.",
    ],
)
def test_events_no_event_for_diplomacy_aid_and_disasters(process, text: str) -> None:  # type: ignore[no-untyped-def]
    assert run(process, text).events == ()


def test_events_attack_on_soldiers_is_a_battle_with_the_attacker_first(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Al-Shabaab fighters attacked an army base near Kismayo, killing five soldiers.").events
    assert str(ev.sub_event_type) == "Armed clash"
    assert "Shabaab" in ev.actor1.name and ev.actor2 is not None and ev.actor2.inter == 1
    assert ev.fatalities is not None and ev.fatalities.best == 5


def test_events_clashes_with_the_state_put_the_state_first(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Al-Shabaab fighters clashed with soldiers near Kismayo on Monday.").events
    assert str(ev.sub_event_type) == "Armed clash"
    assert ev.actor1.inter == 1 and ev.actor2 is not None and "Shabaab" in ev.actor2.name


def test_events_armed_men_killed_in_an_operation_face_the_state(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Three militants were killed in an army operation near Maiduguri.").events
    assert str(ev.event_type) == "Battles"
    assert ev.actor1.inter == 1 and ev.actor2 is not None and ev.actor2.text == "militants"


def test_events_territory_goes_to_whoever_gained_it(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Islamic State militants seized control of three villages near Palmyra.").events
    assert str(ev.sub_event_type) == "Non-state actor overtakes territory"
    (ev,) = run(process, "The Syrian army recaptured the town of Palmyra from Islamic State.").events
    assert str(ev.sub_event_type) == "Government regains territory"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "inter1"),
    [
        ("Teachers went on strike in Lagos to demand unpaid salaries.", "Peaceful protest", 6),
        ("Residents blocked the main road in Kasserine to demand jobs.", "Violent demonstration", 5),
        ("Residents peacefully blocked the main road in Kasserine to demand jobs.", "Peaceful protest", 6),
        ("Protesters threw stones at police in Tunis on Friday.", "Violent demonstration", 5),
        ("Students clashed with police during a protest in Nairobi.", "Violent demonstration", 5),
        ("Police fired stun grenades to disperse a rally in Kampala.", "Protest with intervention", 6),
    ],
)
def test_events_protests_and_riots(process, text: str, sub_event_type: str, inter1: int) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, text).events
    assert str(ev.sub_event_type) == sub_event_type
    assert ev.actor1.inter == inter1


def test_events_arrests_after_a_protest_are_the_protest(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Hundreds of students protested in Nairobi on Monday. Police arrested 20 of them.").events
    assert str(ev.sub_event_type) == "Protest with intervention"
    assert ev.actor1.name.startswith("Protesters") and ev.actor2 is not None and ev.actor2.inter == 1
    assert ev.actor1.text == "students"


def test_events_a_follow_up_sentence_gives_the_death_toll(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Gunmen attacked a village near Maiduguri on Monday. Seven people were killed.").events
    assert ev.fatalities is not None and ev.fatalities.best == 7
    assert ev.evidence.text.startswith("Gunmen attacked")


def test_events_killing_outranks_arrests_in_one_sentence(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Soldiers killed two militants and arrested six suspects in a raid near Arish.").events
    assert str(ev.event_type) == "Battles"


# -- protests and riots: kinds and sides ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "sub_event_type", "inter1", "inter2"),
    [
        # vigilantes stay the first side of the mob violence they commit; their victim is a civilian
        ("Vigilantes lynched a suspected thief in Mwanza.", "Mob violence", 4, None),
        # the forces that used excessive force come first, the protesters second
        ("Soldiers opened fire on protesters in Ambo, killing three.", "Excessive force against protesters", 1, 6),
        ("Students were beaten by police while protesting in Rabat.", "Excessive force against protesters", 1, 6),
        ("Two people were killed by soldiers during a protest in Kersa.", "Excessive force against protesters", 1, 6),
        # a protest's grievance, a denial of violence: still a peaceful protest, with no second side
        ("Around 100 people marched in Durban on Monday. No violence was reported.", "Peaceful protest", 6, 0),
        ("Students protested in Lagos against the killing of a student by police.", "Peaceful protest", 6, 0),
        ("Angry residents gathered outside the court in Port Alfred to protest violence against women.",
         "Peaceful protest", 6, 0),
        # property destroyed by rioters is a riot; barricades and burning tyres make a protest one
        ("Rioters burned houses in Micheweni.", "Violent demonstration", 5, None),
        ("Petrol smugglers blocked the road and set tyres ablaze in Ben Gardane.", "Violent demonstration", 5, None),
    ],
)
def test_events_protest_kinds_and_sides(process, text: str, sub_event_type: str, inter1: int,  # type: ignore[no-untyped-def]
                                        inter2: int | None) -> None:
    events = run(process, text).events
    assert len(events) == 1, events
    (ev,) = events
    assert str(ev.sub_event_type) == sub_event_type
    assert ev.actor1.inter == inter1
    if inter2 is not None:
        assert (ev.actor2.inter if ev.actor2 is not None else 0) == inter2


def test_events_a_follow_up_that_turns_a_protest_violent_renames_the_crowd(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Hundreds of students protested in Nairobi on Monday. They threw stones at police.").events
    assert str(ev.sub_event_type) == "Violent demonstration"
    assert ev.actor1.name.startswith("Rioters") and ev.actor1.inter == 5 and ev.actor1.text == "students"


def test_events_a_sentence_without_an_event_tells_more_of_the_one_before(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Residents protested in Sabie over housing. Tyres were set alight and roads were barricaded."
                ).events
    assert str(ev.sub_event_type) == "Violent demonstration"
    (ev,) = run(process, "Gunmen attacked a village near Jos on Monday. Fifteen dead were reported.").events
    assert ev.fatalities is not None and ev.fatalities.best == 15


# -- violence against civilians and battles -------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "sub_event_type", "inter1", "inter2"),
    [
        # violence against civilians has civilians as its second side, named or not
        ("Gunmen attacked Ogbele village on Monday, killing five.", "Attack", 3, 7),
        # a party's councillor is a civilian; an ambush on a bus is an attack
        ("Gunmen shot dead an ANC councillor in Nongoma.", "Attack", 3, 7),
        ("Gunmen ambushed a bus carrying passengers near Tete, killing two.", "Attack", 3, 7),
        # the policeman who shot is the agent, not an armed target
        ("A 24-year-old taxi driver was shot dead by a policeman in Cairo.", "Attack", 1, 7),
        # a police officer shot dead by masked men: a battle, the state first
        ("An Egyptian police officer was shot dead by masked individuals near al-Arish.", "Armed clash", 1, 3),
        # unnamed armed men of a fight between communities are communal militias
        ("Seven are killed in a farmland dispute between members of Rumu and Isgogo communities in Zuru.", "Attack",
         4, 7),
    ],
)
def test_events_victims_and_agents(process, text: str, sub_event_type: str, inter1: int,  # type: ignore[no-untyped-def]
                                   inter2: int) -> None:
    (ev,) = run(process, text).events
    assert str(ev.sub_event_type) == sub_event_type
    assert ev.actor1.inter == inter1
    assert ev.actor2 is not None and ev.actor2.inter == inter2


def test_events_aftermath_is_not_the_main_event(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "Gunmen killed five villagers in Zamfara on Monday. "
                       "Police later arrested ten suspects and recovered weapons.")
    top = max(doc.events, key=lambda ev: ev.confidence)
    assert str(top.sub_event_type) == "Attack"


def test_events_strategic_developments_carry_no_deaths(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Police arrested three men suspected in the killing of five traders in Kano.").events
    assert str(ev.sub_event_type) == "Arrests" and ev.fatalities is None


# -- fatalities -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        ("Gunmen attacked Ogbele village on Monday, killing five.", 5, 5, 5),  # a number with no noun
        ("Two rebels and two soldiers were killed in clashes near Beni.", 4, 4, 4),  # different people add up
        ("About 10 militiamen attacked Etabe village, killing 2 civilians.", 2, 2, 2),  # not the attackers
        ("Militiamen hacked to death 7 members of a family in Beni.", 7, 7, 7),
        ("A 24-year-old taxi driver was shot dead by a policeman in Cairo.", 1, 1, 1),  # one person, named
        ("Unidentified gunmen attacked a funeral in Omoku, killing between 6 and 12 people.", 6, 6, 12),  # the low end
        ("Protesters in Kisumu clashed with police. No one was killed.", 0, 0, 0),
        # a toll told again after a semicolon is not added
        ("Gunmen killed 12 villagers in Zamfara on Monday; 12 villagers were killed in the attack, police said.",
         12, 12, 12),
    ],
)
def test_events_fatalities_counted(process, text: str, best: int, low: int, high: int) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, text).events
    assert ev.fatalities is not None and (ev.fatalities.best, ev.fatalities.low, ev.fatalities.high) == (best, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Students protested in Lagos against the killing of a student by police.",  # what the protest was about
        "Clashes between the army and rebels near Manbij killed more than 190 people in 10 days of fighting.",  # a tally
    ],
)
def test_events_fatalities_not_this_events(process, text: str) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, text).events
    assert ev.fatalities is None


# -- incident logs ----------------------------------------------------------------------------------
LOG_ENTRY = "June 18th 2017: (S895) Al Nawawi mosque, Ferdous neighbourhood, Raqqa city, Raqqa governorate, Syria"


def _entry(process, text: str, source: str | None) -> Doc:  # type: ignore[no-untyped-def]
    return process(Article(id="log", text=text, published=dt.date(2017, 7, 2), published_from=PublishedFrom.METADATA,
                           source=source))  # type: ignore[no-any-return]


def test_events_an_incident_log_entry_is_an_air_strike(process) -> None:  # type: ignore[no-untyped-def]
    [event] = _entry(process, LOG_ENTRY, "Airwars").events
    assert (str(event.event_type), str(event.sub_event_type)) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.location is not None and event.location.country == "SYR"
    assert "Raqq" in event.location.name
    assert event.date is not None and event.date.value == "2017-06-18" and event.date.text
    assert event.actor2 is not None and event.actor2.type == 7  # civilians
    assert event.confidence < 0.8
    # quoted without its outlet, the entry is still known by its incident code
    [again] = _entry(process, LOG_ENTRY, None).events
    assert again.date == event.date and again.location == event.location


@pytest.mark.parametrize(("text", "source"), [
    (LOG_ENTRY.replace("(S895) ", ""), "Daily Planet"),  # a newspaper's "date: place" line is not an event
    (LOG_ENTRY.replace("(S895) ", ""), None),
    ("(S895) Al Nawawi mosque, Raqqa city, Raqqa governorate, Syria", "Airwars"),  # no date: not an entry
    ("June 18th 2017: statement on our methodology", "Airwars"),  # no place
])
def test_events_no_incident_without_a_monitor_a_date_and_a_place(process, text: str,  # type: ignore[no-untyped-def]
                                                                  source: str | None) -> None:
    assert _entry(process, text, source).events == ()


def test_events_a_country_in_an_actor_name_is_not_the_place(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Clashes between the US forces and ISIS in Syria killed two fighters on Monday.").events
    assert ev.location is not None and ev.location.country == "SYR" and ev.location.text == "Syria"

