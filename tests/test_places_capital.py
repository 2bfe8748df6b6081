"""\"The capital\" read as the capital city of the one country an article is about."""

from __future__ import annotations

import sitrep


def _capital_places(text: str) -> list[sitrep.Place]:
    return [p for p in sitrep.process(text).places if p.text.lower() == "the capital"]


def test_the_capital_of_the_country_the_article_is_about() -> None:
    doc = sitrep.process("Police fired tear gas at opposition supporters in the capital on Monday, Zimbabwean "
                         "police said.")
    places = [p for p in doc.places if p.text == "the capital"]
    assert [(p.name, p.country, p.geo_precision) for p in places] == [("Harare", "ZWE", 1)]
    assert doc.events[0].location is not None and doc.events[0].location.name == "Harare"


def test_no_capital_where_the_article_points_to_two_countries() -> None:
    assert _capital_places("Kenyan and Ugandan police met in the capital on Monday.") == []


def test_no_capital_where_a_province_is_named() -> None:
    # the capital of the state, not of Nigeria
    assert _capital_places("Teachers in Adamawa State, Nigeria, staged a protest in the capital on Monday.") == []


def test_no_capital_where_its_name_follows() -> None:
    assert _capital_places("Egyptian protesters gathered in the capital Cairo on Monday.") == []
    assert _capital_places("Malian soldiers patrolled the capital, Bamako, on Monday.") == []
    assert _capital_places("Nigerian soldiers patrolled the capital of Borno State on Monday.") == []
