"""Events, session 18: counts around quoted names, the dead told with the wounded, who a killing was done to."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event

_DAY = dt.date(2016, 3, 1)


def _best(text: str) -> int | None:
    ev = main_event(text, _DAY)
    return ev.fatalities.best if ev.fatalities is not None else None


def test_a_count_of_a_group_named_in_quotation_marks() -> None:
    # the curly quotes around the name hid the counted noun after it
    assert _best("9 \u201cIslamic State\u201d members killed in the clashes at the northern countryside of Raqqa") == 9
    assert _best('More than 120 "Islamic State" members killed during their failed attack on Tal Abyad') == 120


def test_a_count_of_men_from_a_side() -> None:
    assert _best("At least 26 from the regime forces were killed in the clash near Khanasser") == 26


def test_a_count_before_a_group_written_in_capitals() -> None:
    # "12 IS killed": the name IS is not the verb "is"
    assert _best("12 IS killed during clashes in Hasakah countryside") == 12


def test_the_dead_and_the_wounded_counted_together_are_no_toll() -> None:
    assert _best("Gunmen attacked the village of Kuru, leaving 30 killed and injured.") is None
    assert _best("SLM/A-Nur claim that they clashed with the military in Koron. 37 soldiers and militiamen killed "
                 "or wounded.") is None


def test_a_killing_of_a_merchant_is_violence_against_a_civilian() -> None:
    ev = main_event("Ex-Seleka of the MPC allegedly killed a young merchant at a road-block in Batangafo.", _DAY)
    assert ev.event_type.value == "Violence against civilians"
    # the MPC is the movement the ex-Seleka belong to, not their victim
    assert ev.actor2 is not None and ev.actor2.name.startswith("Civilians")


def test_a_clash_set_off_by_robberies_is_still_an_event() -> None:
    doc = doc_on("In Makanza, a group of youths from Bongwele district clashed with a youth self-defense group in "
                 "another district after a string of robberies allegedly caused by someone who lives in their area.",
                 _DAY)
    assert doc.events
    # a crime report with no fight told is still no event
    assert not doc_on("Police in Makanza are looking for the men behind a string of robberies.", _DAY).events


def test_villagers_who_attacked_a_building_rioted() -> None:
    # the villagers are the doers here, not victims the actor stage mistook for a crowd
    ev = main_event("A group of villagers, said to be from Umuago, Urualla, Ideato North local council area of Imo "
                    "State, have attacked and destroyed part of the proposed Imo European University.", _DAY)
    assert ev.event_type.value == "Riots"
    assert ev.actor1 is not None and ev.actor1.name.startswith("Rioters")
    # four men who attack a police station may be armed: not a crowd's riot
    ev = main_event("Four men attacked a police station at Loropeni.", _DAY)
    assert ev.event_type.value == "Battles"
    assert ev.actor1 is None or not ev.actor1.name.startswith("Rioters")


def test_ordinary_news_words_that_look_like_violence_are_no_event() -> None:
    for text in ("Before taking office, Pierce spent time in the Air Force and as an attorney in private practice.",
                 "As a result, their mortgage lenders did not suffer financial losses.",
                 "The county judge fired Reams at the Emergency Operations Center and asked him to leave the building.",
                 "Trapani and his crew spent three days shooting footage in Los Angeles.",
                 "A woman accused of driving the vehicle that killed a man in a hit-and-run accident appeared in court."):
        assert not doc_on(text, _DAY).events, text
    # the same words in a report of fighting still tell of it
    assert doc_on("The Syrian Air Force bombed Douma.", _DAY).events
    assert doc_on("The regime forces suffered losses in Aleppo.", _DAY).events
