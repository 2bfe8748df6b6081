"""Places, session 18: countries and states named in lists, and "the state of X"."""

from __future__ import annotations

import datetime as dt

from event_helpers import doc_on
from sitrep.knowledge.gazetteer import Candidate, Feature
from sitrep.knowledge.gazetteer import Place as GazPlace
from sitrep.models import Place
from sitrep.stages.places_address import countries_listed, links
from sitrep.stages.places_recognise import Mention
from sitrep.stages.places_resolve import resolve

_DAY = dt.date(2009, 5, 1)


def _place(text: str, name: str) -> Place:
    found = [p for p in doc_on(text, _DAY).places if p.text == name]
    assert found, f"no {name!r} in {text!r}"
    return found[0]


def test_a_country_in_a_list_of_countries_is_no_town_in_the_next() -> None:
    # "China, Japan" in a list is two countries, not a town called China in Japan
    for text in ("Health officials in other countries such as Mexico, China, Japan, Ukraine and Brazil report cases.",
                 "Many countries, among them China, Japan, and the United Kingdom, have warned the WHO."):
        p = _place(text, "China")
        assert (p.country, p.feature) == ("CHN", "country"), p


def test_a_name_in_a_list_of_states_is_the_state() -> None:
    p = _place("Cases were reported in Ohio, Oregon, Tennessee, Texas, Utah, Virginia, Washington and Wyoming.",
               "Washington")
    assert (p.country, p.feature) == ("USA", "admin1"), p


def test_a_big_town_and_its_division_stay_a_town_in_a_list() -> None:
    p = _place("He is known by people from as far as Texas and Washington, D.C. as the fish man.", "Washington")
    assert p.feature == "city" and p.latitude is not None and abs(p.latitude - 38.9) < 0.2, p


def test_towns_that_share_their_province_name_are_left_alone_in_a_list() -> None:
    # "Aleppo, Idlib and Hama": nothing says provinces rather than towns
    p = _place("Clashes in Aleppo, Idlib and Hama killed 20 people.", "Aleppo")
    assert p.feature == "city", p


def test_the_state_of_a_name_is_the_state() -> None:
    p = _place("The first case was discovered in December of 2003 in the state of Washington.", "Washington")
    assert (p.country, p.feature) == ("USA", "admin1"), p


def _gaz(i: int, name: str, cc: str, feature: Feature, population: int) -> Candidate:
    return Candidate(GazPlace(id=i, name=name, latitude=float(i), longitude=float(i), country=cc, admin1=None,
                              admin2=None, feature=feature, population=population, geonames_id=None, flags=0),
                     False, False)


def test_a_listed_country_keeps_its_sense_against_a_namesake_town_in_the_next() -> None:
    # the full gazetteer has a town called China in Japan; the list must not read "China, Japan" as its address
    text = "Countries such as Mexico, China, Japan and Brazil report cases."
    names = [("Mexico", _gaz(1, "Mexico", "MX", Feature.COUNTRY, 120_000_000)),
             ("China", _gaz(2, "China", "CN", Feature.COUNTRY, 1_400_000_000)),
             ("Japan", _gaz(3, "Japan", "JP", Feature.COUNTRY, 125_000_000)),
             ("Brazil", _gaz(4, "Brazil", "BR", Feature.COUNTRY, 210_000_000))]
    mentions = []
    for n, (name, cand) in enumerate(names):
        at = text.index(name)
        extra = [_gaz(5, "China", "JP", Feature.CITY, 7_000)] if name == "China" else []
        mentions.append(Mention(n, n + 1, at, at + len(name), name, [cand, *extra], evidence=0.9))
    assert countries_listed(mentions, 1, text)
    assert 1 not in links(text, mentions)
    chains = links(text, mentions)
    china = resolve(mentions, text, containers={n: [k.container] for n, k in chains.items()})[1].place
    assert china is not None and china.country == "CN"
