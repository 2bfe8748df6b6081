"""Session 9: state forces the text does not tie to a country are the forces of the country the event happens
in, when the group they fight is known there; a name written with the Arabic article is never read as a
namesake without it outside the countries that transliterate their names."""

from __future__ import annotations

from sitrep.knowledge.placenames import has_article
from test_actors_s7 import run, top


def test_regime_forces_fighting_the_islamic_state_in_homs_are_syria_s(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Regime forces pushed Islamic State fighters out of two villages east of Homs."))
    assert event.actor1 is not None and event.actor1.country == "SYR"
    assert event.actor1.name.startswith("Military Forces of Syria")


def test_soldiers_fighting_boko_haram_near_maroua_are_cameroon_s(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Soldiers killed four Boko Haram fighters near Maroua on Sunday."))
    forces = [a for a in (event.actor1, event.actor2) if a is not None and a.kb_id and a.kb_id.endswith("-military")]
    assert forces and forces[0].country == "CMR"


def test_forces_the_article_names_keep_their_country(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Iraqi soldiers fought Islamic State fighters near Homs, the Iraqi army said."))
    forces = [a for a in (event.actor1, event.actor2) if a is not None and a.kb_id and a.kb_id.endswith("-military")]
    assert forces and forces[0].country == "IRQ"


def test_an_arabic_article_opens_a_key_only_as_a_word_of_its_own() -> None:
    assert has_article("al jinah")
    assert not has_article("alton")
    assert not has_article("al")


def test_a_name_with_the_arabic_article_is_no_european_village(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "Warplanes struck a mosque in al-Jinah on Thursday, killing 12 worshippers.")
    assert all(p.country != "RO" for p in doc.places)
    assert all(e.location is None or e.location.country != "ROU" for e in doc.events)


def test_an_ethiopian_zone_places_the_event_in_ethiopia(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Gunmen killed three farmers in West Hararghe zone on Tuesday."))
    assert event.location is not None and event.location.country == "ETH"
    assert event.location.name == "West Hararghe"


def test_a_zone_named_in_another_spelling_is_the_same_zone(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Police fired on protesters in East Wollega on Monday, killing two."))
    assert event.location is not None and event.location.name == "East Welega"
