"""Event places, session 8: addresses that say "area of" or "province of", a place named only as what
holds the event's ("X outside Y"), Kenya's counties, compass words after a name, a town named after a
colon or before "CBD" and "campus", and the town of a province an event is first placed in."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.models import Doc
from sitrep.stages.places_address import links
from sitrep.stages.places_recognise import Mention

Process = Callable[..., Doc]


def _pair(text: str, first: str, second: str) -> list[Mention]:
    """Two bare mentions of ``first`` and ``second`` in ``text``, for the address links between them."""
    a, b = text.index(first), text.index(second)
    return [Mention(0, 1, a, a + len(first), first, []), Mention(1, 2, b, b + len(second), second, [])]


def _top(doc: Doc):  # type: ignore[no-untyped-def]
    assert doc.events, "no event"
    return max(doc.events, key=lambda e: e.confidence or 0.0)


# ----------------------------------------------------------------------------- addresses


def test_an_area_of_a_town_is_an_address() -> None:
    text = "Gunmen robbed traders in the Kamwokya area of Kampala at night."
    found = links(text, _pair(text, "Kamwokya", "Kampala"))
    assert 0 in found and found[0].marked and not found[0].near


def test_a_town_s_suburb_of_a_name_is_no_address_the_other_way() -> None:
    text = "The head of the Goma suburb of Ndosho was shot by unknown men."
    assert links(text, _pair(text, "Goma", "Ndosho")) == {}


def test_a_name_of_a_province_after_a_comma_is_an_address() -> None:
    text = "Soldiers killed a militant in Mechria, province of Naama, on Friday."
    found = links(text, _pair(text, "Mechria", "Naama"))
    assert 0 in found and found[0].marked


def test_an_area_in_a_city_is_not_put_at_a_namesake_abroad(process: Process) -> None:
    # "Lagos" has namesakes (less sure than "Ketu", a town of Benin by its only main name): the words
    # "area," still hold Ketu to it
    doc = process("Traders clashed with council officials in the Ketu area, Lagos, on Tuesday.")
    area = [p for p in doc.places if p.text == "Ketu"]
    assert not area or area[0].latitude is None or area[0].country == "NGA", [(p.text, p.country) for p in doc.places]
    assert _top(doc).location is not None and _top(doc).location.country == "NGA"


# ----------------------------------------------------------------------------- the event's place


def test_the_place_outside_a_city_is_the_event_s_not_the_city(process: Process) -> None:
    doc = process("In Soweto, outside Johannesburg, residents blocked roads with burning tyres on Monday.")
    loc = _top(doc).location
    assert loc is not None and loc.name == "Soweto", [(p.text, p.name) for p in doc.places]


def test_a_list_of_towns_is_no_address(process: Process) -> None:
    # "Siaya, Migori" in a list: neither holds the name before it, the nearest before the trigger stays
    doc = process("Traders from Kisumu, Siaya, Migori went on strike over new market fees.")
    loc = _top(doc).location
    assert loc is not None and loc.name == "Migori", loc


def test_an_event_placed_in_a_province_moves_to_the_town_of_it_the_story_names(process: Process) -> None:
    doc = process("Gunmen killed four soldiers in an ambush in Borno State on Sunday. "
                  "Residents of Bama said the convoy had been heading north.")
    loc = _top(doc).location
    assert loc is not None and loc.name == "Bama" and loc.country == "NGA", loc


def test_a_town_of_another_province_does_not_move_the_event(process: Process) -> None:
    doc = process("Gunmen killed four soldiers in an ambush in Borno State on Sunday. "
                  "The wounded were flown to Abuja.")
    loc = _top(doc).location
    assert loc is not None and loc.feature == "admin1", loc


# ----------------------------------------------------------------------------- resolution and recognition


def test_a_county_of_kenya_is_its_province(process: Process) -> None:
    doc = process("Hundreds of farmers protested across Embu County over delayed payments for their coffee.")
    embu = [p for p in doc.places if p.text.startswith("Embu")]
    assert embu and embu[0].country == "KEN", [(p.text, p.country, p.feature) for p in doc.places]


def test_a_compass_word_after_a_name_is_part_of_it(process: Process) -> None:
    doc = process("Rioters set tyres alight in Kasserine Nord overnight, witnesses said.")
    assert [p.country for p in doc.places if p.latitude is not None] == ["TUN"], \
        [(p.text, p.country) for p in doc.places]


def test_a_town_before_cbd_is_a_place(process: Process) -> None:
    doc = process("Taxi drivers blocked the streets of the Joburg CBD during a strike on Thursday.")
    assert any(p.name == "Johannesburg" for p in doc.places), [(p.text, p.name) for p in doc.places]


def test_a_town_between_a_university_and_campus_is_a_place(process: Process) -> None:
    doc = process("Students of Makerere University Jinja campus boycotted lectures over fees.")
    assert any(p.text == "Jinja" and p.country == "UGA" for p in doc.places), [(p.text, p.country) for p in doc.places]


def test_a_town_before_its_legislature_is_a_place(process: Process) -> None:
    doc = process("Cleaners picketed outside the Mthatha Legislature over unpaid wages.")
    assert any(p.text == "Mthatha" and p.country == "ZAF" for p in doc.places), [(p.text, p.country) for p in doc.places]


def test_a_town_listed_after_a_colon_is_a_place(process: Process) -> None:
    doc = process("Angry residents shut voting stations in one more town: Ulundi")
    assert any(p.text == "Ulundi" and p.latitude is not None for p in doc.places), [(p.text, p.score) for p in doc.places]
