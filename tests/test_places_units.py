"""Resolution of districts known only from geoBoundaries (flag ``BOUNDARY``): a low prior, so that
a known town of the name wins without context, and the article's country or a division word for
the district."""

from __future__ import annotations

from sitrep.knowledge.gazetteer import BOUNDARY, Candidate, Feature, Place
from sitrep.stages.places_recognise import Mention
from sitrep.stages.places_resolve import resolve


def _place(i: int, name: str, cc: str, feature: Feature, *, population: int = 0, flags: int = 0) -> Place:
    return Place(id=i, name=name, latitude=float(i), longitude=float(i), country=cc, admin1=None, admin2=None,
                 feature=feature, population=population, geonames_id=None, flags=flags)


_TOWN = _place(1, "Wamba", "ES", Feature.CITY, population=372)
_UNIT = _place(2, "Wamba", "CD", Feature.ADMIN2, flags=BOUNDARY)
_CONGO = _place(3, "Congo", "CD", Feature.COUNTRY, population=90_000_000)


def _wamba(text: str, start: int, feature: str | None = None) -> Mention:
    return Mention(0, 1, start, start + 5, "Wamba", [Candidate(_TOWN, False, False), Candidate(_UNIT, False, False)],
                   feature=feature, evidence=0.9)


def test_places_units_a_known_town_wins_without_context() -> None:
    text = "Clashes in Wamba."
    assert resolve([_wamba(text, 11)], text)[0].place == _TOWN


def test_places_units_the_articles_country_speaks_for_the_unit() -> None:
    text = "Clashes in Wamba, in the east of Congo."
    congo = Mention(2, 3, 34, 39, "Congo", [Candidate(_CONGO, False, False)], evidence=0.9)
    assert resolve([_wamba(text, 11), congo], text, containers={})[0].place == _UNIT


def test_places_units_the_actors_country_speaks_for_the_unit() -> None:
    text = "FARDC troops clashed with rebels in Wamba."
    assert resolve([_wamba(text, 36)], text, actors={"CD": 0.5})[0].place == _UNIT


def test_places_units_a_division_word_asks_for_the_unit() -> None:
    text = "Clashes in Wamba territory."
    assert resolve([_wamba(text, 11, "admin2")], text)[0].place == _UNIT
