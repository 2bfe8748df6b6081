"""Events, session 17: the second side of "clashes between the X and Y"."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on, main_event


def test_the_second_side_of_clashes_between_the_x_and_y() -> None:
    # "between the" is longer than the window once read before the first side: the killed people were taken instead
    ev = main_event("Approximately 27 people were killed in clashes between the Nuer and Anuak communities in "
                    "Gambela Regional State over 28-30 January.", dt.date(2016, 2, 1))
    assert ev.actor1 is not None and "Nuer" in ev.actor1.name
    assert ev.actor2 is not None and "Anuak" in ev.actor2.name


def test_a_headline_passive_before_a_distance_and_direction() -> None:
    # "Policeman stabbed 12 km northeast of X": the policeman was stabbed; he did not stab civilians
    ev = main_event("Policeman stabbed 12 km northeast of El Geneina, died next day.", dt.date(2016, 3, 1))
    assert ev.event_type.value == "Battles"


def _events(text: str) -> list[str]:
    return [e.sub_event_type.value for e in doc_on(text, dt.date(2020, 6, 1)).events]


def test_deaths_in_a_disaster_or_an_accident_are_no_event() -> None:
    assert _events("At least five people were killed, up to 20 injured and several were reported missing after a volcano "
                   "suddenly erupted off the east coast of the North Island on Monday.") == []
    assert _events("Officials say 19 people were killed when their bus plunged off a bridge onto a frozen river.") == []
    assert _events("A drone operated by the Geospatial Information Authority captured dramatic footage of the "
                   "landslides triggered by powerful earthquakes in southern Japan.") == []


def test_clashes_that_erupted_are_still_an_event() -> None:
    assert _events("Clashes erupted between government forces and rebels in Biyo Karaba, killing four.")


def test_an_agreement_of_trade_or_diplomacy_is_no_event() -> None:
    assert _events("Trump and Putin have agreed to share information on North Korea.") == []
    assert _events("Reliance Jio has agreed to set up a cable landing station at Digha.") == []
    assert "Agreement" in _events("The army and the rebels agreed to a ceasefire in the east on Sunday.")
    assert "Agreement" in _events("MONUSCO and FARDC agreed to resume military cooperation against the FDLR.")


def test_a_protest_called_off_or_banned_is_no_event() -> None:
    assert _events("The union called off the planned nationwide strike.") == []
    assert _events("Musicians have lifted a seven-month boycott of the jazz venue.") == []
    assert _events("The government rejected a request by the opposition leader to hold a rally in the capital.") == []
    # a ban defied is no ban: the march happened
    assert "Peaceful protest" in _events("Police banned the march but thousands of people marched through Nairobi.")


def test_a_cyber_attack_or_a_condolence_message_is_no_event() -> None:
    assert _events("Chinese hackers may have launched cyber attacks on India's power system.") == []
    assert _events("The king has sent a condolence message to the president following Wednesday's terrorist assault "
                   "in Kabul.") == []
    assert "Attack" in _events("Gunmen hacked three farmers to death in Benue on Sunday.")


def test_words_of_war_in_ordinary_news_are_no_event() -> None:
    for text in ("If properly designed, a rain garden will capture 90 percent of the precipitation of a typical rain.",
                 "Any athlete who places at the district meet may advance to state finals in Williamson County.",
                 "The former councillor died Wednesday after a long battle with lung cancer.",
                 "A 72-year-old man was shoveling snow and died of an apparent heart attack Saturday.",
                 "The 17 victims of a helicopter crash in the North Atlantic were remembered Wednesday."):
        assert _events(text) == [], text


def test_the_same_words_in_war_news_still_are() -> None:
    assert _events("Government forces advanced on Raqqa on Sunday, taking three villages.")
    assert _events("Renewed clashes accompany the advancement of the regime forces in the Latakia Mountains.")
    assert _events("Seven Taliban militants were killed in two accidental explosions in Kandahar province on Friday.")
    assert _events("There was an explosion in the market and I thought it was a car crash, said a witness in Kabul.")
