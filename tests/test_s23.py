"""Session 23: a place the gazetteer lacks sits at the town, district or province its address names; towns
filed under a province by mistake far from the rest do not pull its point away; country points between
GeoNames' and Wikipedia's where the two lie less than 320 km apart."""

from __future__ import annotations

import datetime as dt
import math

from event_helpers import doc_on
from sitrep.knowledge.gazetteer_build import _middle, _strays_out
from sitrep.models import Place
from sitrep.vocab import GeoPrecision, WherePrec

_DAY = dt.date(2009, 1, 10)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la, lb = math.radians(a[0]), math.radians(b[0])
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _place(text: str, name: str) -> Place:
    found = [p for p in doc_on(text, _DAY).places if p.text == name]
    assert found, (text, name)
    return found[0]


def test_a_place_the_gazetteer_lacks_sits_at_the_town_of_its_address() -> None:
    p = _place("Anyone who ate at the restaurant located in Greenlane, Auckland, New Zealand, should see a doctor.",
               "Greenlane")
    assert p.latitude is not None and p.longitude is not None, p
    assert _km((p.latitude, p.longitude), (-36.85, 174.76)) < 25, p
    assert (p.feature, p.geo_precision, p.where_prec) == ("within", GeoPrecision.NEAR_TOWN, WherePrec.WITHIN_25KM)
    assert p.country == "NZL" and p.geonames_id is None, p


def test_a_village_in_a_province_sits_at_the_province_with_its_codes() -> None:
    p = _place("Gunmen attacked the village of Kelleyland in Idlib province on Monday.", "Kelleyland")
    assert p.latitude is not None and p.country == "SYR", p
    assert (p.geo_precision, p.where_prec) == (GeoPrecision.REGION, WherePrec.ADMIN1), p


def test_a_country_is_too_wide_to_pin_a_village_on() -> None:
    p = _place("He was hurt in 2004 in the village of Kelleyland, Iraq, he said.", "Kelleyland")
    assert p.latitude is None and p.feature != "within", p


def test_a_list_of_places_is_no_address() -> None:
    text = "Shells fell in Kelleyland, Aleppo, Idlib and Hama on Monday, the monitor said."
    p = _place(text, "Kelleyland")
    assert p.latitude is None, p


def test_towns_filed_far_from_their_province_by_mistake_are_left_out() -> None:
    home = [(38.0 + i * 0.05, 115.0 + (i % 7) * 0.1) for i in range(40)]
    strays = [(31.0, 94.0 + i * 0.2) for i in range(6)]  # far away, a few: mis-filed
    mid = _middle(home + strays)
    assert _km(mid, (39.0, 115.3)) < 100, mid
    assert _strays_out(home + strays) == home


def test_a_wide_province_keeps_its_far_towns() -> None:
    # a third of the towns far from the rest: the province is that wide, none is a stray
    near = [(56.0 + i * 0.02, 93.0) for i in range(20)]
    far = [(69.0 + i * 0.1, 88.0) for i in range(10)]
    assert _strays_out(near + far) == near + far
    few = [(38.0, 115.0), (38.1, 115.1), (31.0, 94.0)]
    assert _strays_out(few) == few


def test_hebei_is_in_hebei() -> None:
    p = _place("Bird flu was found on farms in Hebei, China.", "Hebei")
    assert p.latitude is not None and p.longitude is not None
    assert _km((p.latitude, p.longitude), (39.0, 116.0)) < 161, p


def test_a_country_point_lies_between_geonames_and_wikipedia() -> None:
    for text, name, geonames, wikipedia in (("Cholera spread in Niger this week.", "Niger", (18.0, 9.0), (16.0, 8.0)),
                                            ("Cholera spread in Zambia this week.", "Zambia", (-14.33, 28.5),
                                             (-15.0, 30.0))):
        p = _place(text, name)
        assert p.latitude is not None and p.longitude is not None
        assert _km((p.latitude, p.longitude), geonames) < 161 and _km((p.latitude, p.longitude), wikipedia) < 161, p


def _names(text: str) -> dict[str, str]:
    return {p.text: p.name for p in doc_on(text, _DAY).places}


def test_a_side_word_left_to_the_next_name_is_its_own_place() -> None:
    names = _names("Fighting spread across North and South Kivu provinces on Monday.")
    assert names.get("North") == "Nord Kivu" and "South Kivu" in names, names
    names = _names("Species in the jungles of Central and South America are at risk.")
    assert names.get("Central") == "Central America", names
    names = _names("Tension is high between North and South Korea.")
    assert names.get("North") == "North Korea", names


def test_a_lowercase_side_word_is_no_place() -> None:
    names = _names("The rebels moved north and South Sudan's army followed them.")
    assert "north" not in names and "North" not in names, names
