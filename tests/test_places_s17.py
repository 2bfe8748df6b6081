"""Places, session 17: a side of a town with no distance ("north of X", "the eastern countryside of
X") is placed on that side of the town, not on the town itself."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from event_helpers import doc_on
from sitrep.models import Doc, Place
from sitrep.stages.places_context import AROUND_KM, BESIDE_KM, side_of

Process = Callable[..., Doc]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _point(p: Place) -> tuple[float, float]:
    assert p.latitude is not None and p.longitude is not None, p
    return p.latitude, p.longitude


def _one(doc: Doc, text: str, feature: str) -> Place:
    found = [p for p in doc.places if p.text == text and p.feature == feature]
    assert found, f"no {feature} {text!r} in {[(p.text, p.feature) for p in doc.places]}"
    return found[0]


def test_side_words_give_a_bearing() -> None:
    assert side_of("the northern countryside of Aleppo") == 0.0
    assert side_of("the north-western countryside of Hama") == 315.0
    assert side_of("Idlib's southeastern countryside") == 135.0
    assert side_of("west of") == 270.0
    assert side_of("the countryside of Daraa") is None
    assert side_of("the northsouth road") is None


def test_a_side_of_a_town_without_a_distance_lies_beyond_the_town(process: Process) -> None:
    doc = process("Government troops and rebels clashed north of Latakia on Sunday.")
    rel, town = _one(doc, "north of Latakia", "relative"), _one(doc, "Latakia", "city")
    assert rel.where_prec == 2
    assert abs(_km(_point(rel), _point(town)) - BESIDE_KM) < 1.0
    assert rel.latitude > town.latitude  # type: ignore[operator]


def test_a_given_distance_is_kept(process: Process) -> None:
    doc = process("Government troops and rebels clashed 5 km west of Latakia on Sunday.")
    rel, town = _one(doc, "5 km west of Latakia", "relative"), _one(doc, "Latakia", "city")
    assert abs(_km(_point(rel), _point(town)) - 5.0) < 0.5


def _event_and_town(text: str, town: str) -> tuple[Place, Place]:
    doc = doc_on(text, dt.date(2016, 5, 1))
    assert doc.events, text
    loc = max(doc.events, key=lambda e: e.confidence).location
    assert loc is not None
    return loc, _one(doc, town, "city")


def test_a_side_of_a_towns_countryside_is_the_events_place() -> None:
    # "the eastern countryside of Homs" names Homs province; the event is placed on the town's east side
    loc, town = _event_and_town("Warplanes bombed villages in the eastern countryside of Homs, killing four.", "Homs")
    assert loc.feature == "relative" and loc.where_prec == 2
    assert abs(_km(_point(loc), _point(town)) - AROUND_KM) < 1.0
    assert loc.longitude > town.longitude  # type: ignore[operator]


def test_a_side_of_the_countryside_of_a_town_that_names_no_province(process: Process) -> None:
    doc = process("Warplanes bombed villages in the western countryside of Manbij, killing four.")
    area, town = _one(doc, "the western countryside of Manbij", "relative"), _one(doc, "Manbij", "city")
    assert abs(_km(_point(area), _point(town)) - AROUND_KM) < 1.0
    assert area.longitude < town.longitude  # type: ignore[operator]


def test_a_countryside_with_no_side_stays_on_its_town() -> None:
    loc, town = _event_and_town("Warplanes bombed villages in the countryside of Homs, killing four.", "Homs")
    assert loc.feature == "relative" and _km(_point(loc), _point(town)) < 1.0


def test_a_sure_town_abroad_beats_the_home_countrys_name() -> None:
    # the article's votes go to Zimbabwe (its embassy, its party, its name twice), but the protest was in Pretoria
    text = ("At the Zimbabwean embassy in Pretoria, protesting members of a new party, Zimbabwe People First "
            "demanded the right to vote in the Zimbabwe elections from South Africa.")
    doc = doc_on(text, dt.date(2016, 6, 1))
    loc = max(doc.events, key=lambda e: e.confidence).location
    assert loc is not None and loc.text == "Pretoria" and loc.country == "ZAF"


def test_a_tribe_is_no_place(process: Process) -> None:
    doc = process("At least 37 people were killed in clashes between the Sabeh and Jamainiya clans from "
                  "Al-Hammer tribe in Sudan's West Kordofan.")
    assert not [p for p in doc.places if "Hammer" in p.text]
