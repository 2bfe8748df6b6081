"""Places, session 16: the groups an article names say where it is, even when a person of the group or
a place name inside the group's name stands for it; a name read only as a misspelling of a town abroad
stays unresolved; and an event the article places nowhere more precisely is put in the country its
places and groups clearly point to, at that country's precision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitrep.models import Doc, Place
from sitrep.store.merge import features_of
from sitrep.vocab import WherePrec

Process = Callable[..., Doc]


def _place(doc: Doc, text: str) -> Place:
    found = [p for p in doc.places if p.text == text]
    assert found, f"no place {text!r} in {[(p.text, p.country) for p in doc.places]}"
    return found[0]


def test_a_member_of_a_group_points_where_the_group_fights(process: Process) -> None:
    # "a Boko Haram commander" is a person, not the group, but points to Nigeria as the group does: no Tela of Honduras
    doc = process("Police forces arrest a prominent Boko Haram commander known as Ali Audu in Tela on 22/02.")
    assert _place(doc, "Tela").country != "HND"


def test_a_place_name_inside_a_group_name_of_no_country_of_the_group(process: Process) -> None:
    # the Nur of "SLM/A-Nur" could be a town of Iran or China, none of Sudan: the group still points to Sudan
    doc = process("SLM/A-Nur repulses military caravan attack in Rokoro.", published=dt.date(2016, 1, 5))
    assert _place(doc, "Rokoro").country != "IDN"
    assert all(p.country is None for p in doc.places if p.text == "Nur")  # unresolved, or not listed at all


def test_a_misspelt_town_abroad_stays_unresolved(process: Process) -> None:
    # "Honde" spells no place; read loosely it would be Houndé, a town of 87,000 in Burkina Faso
    doc = process("RENAMO gunmen injured three people in an ambush against a bus in Honde, in Barue district.")
    assert _place(doc, "Honde").latitude is None


def test_an_event_in_no_named_town_is_in_the_country_of_its_groups(process: Process) -> None:
    doc = process("SAF bomb Tujur. Several civilians wounded.")
    assert doc.home is not None and doc.home.country == "SDN"
    event = max(doc.events, key=lambda e: e.confidence)
    loc = event.location
    assert loc is not None and loc.country == "SDN" and loc.feature == "country"
    assert loc.where_prec is WherePrec.COUNTRY and loc.text == "SAF" and loc.latitude is not None


def test_the_country_named_is_quoted_before_a_group(process: Process) -> None:
    doc = process("Sudanese government forces bombed the area, the SPLM-N said.")
    assert doc.home is not None and doc.home.country == "SDN" and doc.home.text == "Sudanese"


def test_no_country_without_evidence_or_on_a_tie(process: Process) -> None:
    assert process("Protesters went on strike, shutting down markets and schools.").home is None
    # Sudan's and Chad's groups, as many for each: no country wins
    doc = process("The SPLM-N and the FACT attacked each other.")
    assert [a.country for a in doc.actors if a.kb_id] == ["SDN", "TCD"]
    assert doc.home is None and all(e.location is None for e in doc.events)


def test_a_town_named_keeps_the_event_there(process: Process) -> None:
    doc = process("SAF bombed Kadugli on Monday, killing two civilians.")
    event = max(doc.events, key=lambda e: e.confidence)
    assert event.location is not None and event.location.feature == "city"


def test_merge_a_country_point_rules_out_no_town_of_it() -> None:
    country = {"event_type": "Battles", "sub_event_type": "Armed clash",
               "location": {"name": "Sudan", "country": "SDN", "latitude": 15.5, "longitude": 30.0,
                            "feature": "country", "geo_precision": 3}}
    town = {"event_type": "Battles", "sub_event_type": "Armed clash",
            "location": {"name": "Kadugli", "country": "SDN", "latitude": 11.0, "longitude": 29.7,
                         "feature": "city", "geo_precision": 1}}
    assert features_of(country, "a").lat is None and features_of(country, "a").country == "SDN"
    assert features_of(town, "b").lat == 11.0


def test_another_name_of_a_big_city_abroad_stays_unresolved(process: Process) -> None:
    # "Kahira" is one of Cairo's other names; the FARDC's article is in Congo, far from Egypt
    doc = process("FARDC soldiers occupied the town of Kahira. They had earlier vacated it.")
    assert _place(doc, "Kahira").latitude is None
