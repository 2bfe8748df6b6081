"""The places stage: recognition in context, resolution, precision codes, relative places,
landmarks, unresolved places, offsets into the original text.

Texts are written for these tests; the default pipeline runs with the session's small gazetteer
(towns of 15,000 people or more).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep.models import Article, Doc, Place
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings
from sitrep.stages.places import Places
from sitrep.stages.places_context import destination
from sitrep.stages.places_variants import skeleton

Process = Callable[..., Doc]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places(doc: Doc, text: str | None = None, *, feature: str | None = None) -> list[Place]:
    return [p for p in doc.places if (text is None or p.text == text) and (feature is None or p.feature == feature)]


def one(doc: Doc, text: str, *, feature: str | None = None) -> Place:
    found = places(doc, text, feature=feature)
    assert found, f"no place {text!r} in {[(p.text, p.feature) for p in doc.places]}"
    return found[0]


def point(p: Place) -> tuple[float, float]:
    assert p.latitude is not None and p.longitude is not None, p
    return p.latitude, p.longitude


RAQQA = (35.95, 39.01)
MOSUL = (36.34, 43.13)
DEIR = (35.34, 40.14)


# ----------------------------------------------------------------------------- the stage contract


def test_places_stage_contract() -> None:
    stage = Places()
    assert stage.name == "places"
    assert stage.needs == {"view", "segments", "sentences"} and stage.provides == {"places"}
    assert "places" in build_pipeline(settings=Settings()).names


def test_places_offsets_quote_the_original_text(process: Process) -> None:
    text = ("Clashes near Ra\u00adqqa\n\nFighters clashed\u00a0in Ar-Raqqa and near Mosul in Iraq on Monday, "
            "â€œresidents saidâ€\u009d. Syrian troops entered Deir ez-Zour.\r\n")
    doc = process(text)
    assert doc.places
    for p in doc.places:
        assert doc.text[p.start:p.end] == p.text
    assert {"Ar-Raqqa", "Mosul", "Iraq", "Syrian", "Deir ez-Zour"} <= {p.text for p in doc.places}


def test_places_captions_and_credits_are_not_read(process: Process) -> None:
    doc = process("Clashes in the north\n\nA fighter stands in Homs, Syria, October 16, 2017. REUTERS/Jane Doe\n\n"
                  "Fighting went on in Aleppo on Monday.")
    assert "Homs" not in {p.text for p in doc.places}
    assert "Aleppo" in {p.text for p in doc.places}


# ----------------------------------------------------------------------------- spellings


@pytest.mark.parametrize("spelling", ["Raqqa", "Ar-Raqqa", "al-Raqqah", "Raqqah", "Ar Raqqah"])
def test_places_raqqa_in_any_spelling(process: Process, spelling: str) -> None:
    doc = process(f"Fighting went on in {spelling} on Monday, the monitor said.")
    p = one(doc, spelling)
    assert p.country == "SYR" and km(point(p), RAQQA) < 25 and p.feature == "city"
    assert (p.geo_precision, p.where_prec) == (1, 1)


@pytest.mark.parametrize("spelling", ["Deir al-Zor", "Deir ez-Zor", "Deir ez-Zour", "Deir el-Zour"])
def test_places_deir_ez_zor_in_any_spelling(process: Process, spelling: str) -> None:
    p = one(process(f"Convoys reached {spelling} late on Sunday."), spelling)
    assert p.country == "SYR" and km(point(p), DEIR) < 25


# ----------------------------------------------------------------------------- homonyms


@pytest.mark.parametrize(
    "text",
    [
        "Jordan said he would not run again. Jordan scored 30 points on Friday.",
        "Islamic State claimed the attack in a statement.",
        "Hope is all that is left, one resident told reporters.",
        "Mobile phone networks were down for hours. The mobile operator apologised.",
        "Henry Farrin was arrested on Tuesday. Henry denied the charge, his lawyer said.",
        "They plotted attacks on civilian targets across the West.",
        "Gov. Perry signed the bill. Judge Marion dismissed the case.",
        "Shoppers queued outside Wal-Mart before dawn.",
        "She spoke only French when she arrived.",
    ],
)
def test_places_homonyms_are_not_places(process: Process, text: str) -> None:
    doc = process(text)
    assert doc.places == (), [(p.text, p.name, p.feature) for p in doc.places]


def test_places_the_country_jordan_in_a_place_context(process: Process) -> None:
    doc = process("Refugees crossed into Jordan from Syria overnight.")
    assert one(doc, "Jordan").country == "JOR"


def test_places_ordinary_word_with_a_place_context_is_a_place(process: Process) -> None:
    doc = process("The storm flooded streets in Mobile on Tuesday.")
    p = one(doc, "Mobile")
    assert p.country == "USA" and p.admin1 == "Alabama"


def test_places_place_inside_an_organisation_name_is_kept(process: Process) -> None:
    doc = process("A spokesman for the Ohio Department of Transportation said the road was closed.")
    assert one(doc, "Ohio").feature == "admin1"


# ----------------------------------------------------------------------------- resolution


def test_places_admin_hints_pick_the_namesake(process: Process) -> None:
    ohio = one(process("The plant in Columbus, Ohio, closed on Friday."), "Columbus")
    georgia = one(process("The plant in Columbus, Georgia, closed on Friday."), "Columbus")
    assert (ohio.admin1, georgia.admin1) == ("Ohio", "Georgia")


def test_places_state_abbreviation_after_a_town(process: Process) -> None:
    doc = process("The man, of Frankfort, Ky., was arrested on Thursday.")
    assert one(doc, "Frankfort").admin1 == "Kentucky"
    ky = one(doc, "Ky.")
    assert ky.feature == "admin1" and ky.where_prec == 4


def test_places_mosul_in_iraq(process: Process) -> None:
    doc = process("Islamic State lost Mosul in Iraq after months of fighting.")
    assert one(doc, "Mosul").country == "IRQ" and km(point(one(doc, "Mosul")), MOSUL) < 25
    assert one(doc, "Iraq").feature == "country"


def test_places_country_focus_resolves_georgia(process: Process) -> None:
    us = process("Storms hit Atlanta and Savannah overnight. Georgia officials said schools in Macon stay closed.")
    ge = process("Russian tanks moved towards Tbilisi. Georgia said its troops had left Gori.")
    assert one(us, "Georgia").country == "USA" and one(us, "Georgia").feature == "admin1"
    assert one(ge, "Georgia").country == "GEO" and one(ge, "Georgia").feature == "country"


def test_places_one_name_one_place_per_article(process: Process) -> None:
    doc = process("Fighting in Aleppo went on. Aleppo residents fled west. Aleppo's old city burned.")
    assert len({(p.latitude, p.longitude) for p in places(doc, "Aleppo")}) == 1


def test_places_countries_at_country_precision_not_the_capital(process: Process) -> None:
    p = one(process("Aid reached Syria and Somalia this week."), "Syria")
    assert (p.feature, p.geo_precision, p.where_prec, p.country) == ("country", 3, 6, "SYR")
    assert km(point(p), (33.51, 36.29)) > 100  # not Damascus


def test_places_provinces_at_province_precision(process: Process) -> None:
    doc = process("Air strikes hit towns in Idlib province and in Nineveh.")
    idlib = one(doc, "Idlib province")  # a lower-case suffix the gazetteer has with the name is part of it
    assert (idlib.feature, idlib.geo_precision, idlib.where_prec) == ("admin1", 3, 4)
    assert one(doc, "Nineveh").country == "IRQ"


def test_places_regions_and_water(process: Process) -> None:
    doc = process("Rebels in Eastern Ghouta were shelled. Migrants drowned in the Mediterranean.")
    ghouta = one(doc, "Eastern Ghouta")
    assert (ghouta.feature, ghouta.country, ghouta.where_prec) == ("region", "SYR", 5)
    assert one(doc, "Mediterranean").where_prec == 7


def test_places_demonyms_give_country_context_not_event_places(process: Process) -> None:
    doc = process("Islamic State's one-time Syrian capital fell to the militias.")
    p = one(doc, "Syrian")
    assert (p.feature, p.country, p.where_prec) == ("demonym", "SYR", 6)


def test_places_dateline_is_read(process: Process) -> None:
    doc = process("Militants routed\n\nMOSUL, Iraq (Reuters) - Iraqi forces retook a district on Monday.")
    assert one(doc, "MOSUL").country == "IRQ"


# ----------------------------------------------------------------------------- relative places


def test_places_relative_place_with_distance_and_direction(process: Process) -> None:
    doc = process("A car bomb exploded 20 km east of Mosul on Sunday.")
    rel = one(doc, "20 km east of Mosul", feature="relative")
    assert (rel.geo_precision, rel.where_prec, rel.country) == (2, 2, "IRQ")
    town = point(one(doc, "Mosul", feature="city"))
    assert 18 < km(point(rel), town) < 22
    assert point(rel)[1] > town[1]  # east


def test_places_relative_place_without_distance(process: Process) -> None:
    doc = process("The militants were pushed into a strip south of Deir al-Zor.")
    rel = one(doc, "south of Deir al-Zor", feature="relative")
    assert rel.where_prec == 2 and km(point(rel), DEIR) < 25


def test_places_relative_place_in_miles(process: Process) -> None:
    doc = process("The village lies some 12 miles north-west of Aleppo.")
    rel = places(doc, feature="relative")[0]
    assert rel.text.endswith("12 miles north-west of Aleppo")
    assert 17 < km(point(rel), point(one(doc, "Aleppo", feature="city"))) < 22


def test_places_destination_point() -> None:
    lat, lon = destination(0.0, 0.0, 90.0, 111.195)
    assert abs(lat) < 1e-6 and abs(lon - 1.0) < 1e-3


# ----------------------------------------------------------------------------- landmarks, unresolved


def test_places_landmarks_attached_to_their_town(process: Process) -> None:
    doc = process("The SDF fought in one small zone of Raqqa, around the city's national hospital and stadium.")
    for name in ("national hospital", "stadium"):
        p = one(doc, name, feature="landmark")
        assert p.country == "SYR" and km(point(p), RAQQA) < 25 and "Raqqah" in p.name


def test_places_unresolved_places_are_kept(process: Process) -> None:
    doc = process("Gunmen stormed the village of Qaryat Zzyzxiya before dawn.")
    p = one(doc, "Qaryat Zzyzxiya")
    assert p.latitude is None and p.longitude is None and p.geo_precision is None
    assert doc.text[p.start:p.end] == p.text


def test_places_no_text_no_places(process: Process) -> None:
    assert process("Nothing happened here today.").places == ()


# ----------------------------------------------------------------------------- real text


def test_places_seed_article(shared: Path, seed_path: Path) -> None:
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    doc = build_pipeline(settings=Settings()).process(Article(id="seed", text=seed_path.read_text(encoding="utf-8")))
    for want in expected["places"]:
        found = [p for p in doc.places if p.text == want["text"] and p.country == want["country"]
                 and p.latitude is not None and p.longitude is not None
                 and km((p.latitude, p.longitude), (want["latitude"], want["longitude"])) <= want["within_km"]]
        assert found, want
    assert not [p for p in doc.places if p.text == "West"]


def test_places_geovirus_floor(shared: Path) -> None:
    """A floor on a sample of GeoVirus with the small test gazetteer (the full figures, with the full
    gazetteer, are in docs/benchmarks.md)."""
    path = shared / "data" / "geoparsing" / "geovirus.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")[:60] if line.strip()]
    pipe = build_pipeline(settings=Settings())
    gold = ok = 0
    for item in items:
        doc = pipe.process(Article(id=item["id"], text=item["text"]))
        for t in item["gold"]["toponyms"]:
            gold += 1
            hits = [p for p in doc.places if p.start < t["end"] and t["start"] < p.end and p.latitude is not None]
            ok += any(km(point(p), (t["lat"], t["lon"])) <= 161 for p in hits)
    assert ok / gold >= 0.75


# ----------------------------------------------------------------------------- lists, abbreviations, datelines


def test_places_names_listed_before_a_plural_division(process: Process) -> None:
    doc = process("School boards in Barrow, Jackson and Madison counties changed their rules. "
                  "Air strikes hit Idlib and Hama provinces.")
    for name in ("Barrow", "Jackson", "Madison"):
        p = one(doc, name)
        assert (p.feature, p.where_prec, p.admin1) == ("admin2", 3, "Georgia"), p
    assert {one(doc, "Idlib").feature, one(doc, "Hama").feature} == {"admin1"}


def test_places_county_abbreviated(process: Process) -> None:
    p = one(process("A Loudon Co. man died in a crash near Knoxville."), "Loudon Co.")
    assert (p.feature, p.admin1) == ("admin2", "Tennessee")


def test_places_all_capitals_dateline_in_the_body(process: Process) -> None:
    doc = process("Budget approved. TORRINGTON — The city council approved the budget on Monday.")
    assert one(doc, "TORRINGTON").admin1 == "Connecticut"


def test_places_demonyms_of_provinces_and_continents(process: Process) -> None:
    doc = process("Many Ohioans and Europeans travelled to the fair.")
    ohio, europe = one(doc, "Ohioans"), one(doc, "Europeans")
    assert (ohio.feature, ohio.where_prec, ohio.admin1) == ("demonym", 4, "Ohio")
    assert europe.feature == "demonym" and europe.country is None


def test_places_long_dash_separates_words(process: Process) -> None:
    doc = process("HUDSON—Officials said the lake was frozen.")
    assert one(doc, "HUDSON").country == "USA"


# ----------------------------------------------------------------------------- transliterations, countrysides


@pytest.mark.parametrize(("a", "b"), [("Menbej", "Manbij"), ("Sheikh Meskin", "Shaykh Miskin"), ("Deir Ezzor", "Deir ez-Zor"),
                                      ("Der-Ezor", "Deir ez-Zor"), ("Qameshly", "Al Qamishli"), ("Al-Dameer", "Ad Dumayr"),
                                      ("Ma'ra al-Nu'man", "Ma'arrat an Nu'man"), ("Reef Dimashq", "Rif-dimashq")])
def test_places_skeletons_of_transliterations_agree(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b) != ""


@pytest.mark.parametrize(("a", "b"), [("Homs", "Hama"), ("Manbij", "Mosul"), ("Idlib", "Aleppo")])
def test_places_skeletons_keep_different_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(("text", "name", "town"), [
    ("Shells fell in Menbej and in Aleppo overnight.", "Menbej", (36.53, 37.95)),
    ("Rebels fought in Sheikh Meskin, north of Daraa, on Monday.", "Sheikh Meskin", (32.83, 36.16)),
    ("Kurdish police patrolled in Qameshly after clashes near Hasakah.", "Qameshly", (37.05, 41.23)),
    ("Clashes continue between the SDF and rebels around A’zaz.", "A’zaz", (36.59, 37.05)),
    ("Warplanes bombed Dar&#8217;a and its countryside.", "Dar&#8217;a", (32.62, 36.10)),
])
def test_places_syrian_spellings_resolve_in_syria(process: Process, text: str, name: str,
                                                  town: tuple[float, float]) -> None:
    p = one(process(text), name)
    assert p.country == "SYR" and km(point(p), town) < 25, p


def test_places_exonym_of_a_transliterated_town(process: Process) -> None:
    p = one(process("Seven people died in raids in Palmyra on Sunday."), "Palmyra")
    assert p.country == "SYR" and km(point(p), (34.56, 38.28)) < 25


@pytest.mark.parametrize(("text", "phrase"), [
    ("Air strikes hit the northern countryside of Aleppo on Monday.", "the northern countryside of Aleppo"),
    ("Air strikes hit Aleppo countryside on Monday.", "Aleppo countryside"),
    ("Air strikes hit Aleppo's western countryside on Monday.", "Aleppo's western countryside"),
])
def test_places_countryside_of_a_province_town_is_the_province(process: Process, text: str, phrase: str) -> None:
    doc = process(text)
    area = one(doc, phrase)
    assert (area.feature, area.admin1, area.country, area.geo_precision, area.where_prec) == ("admin1", "Aleppo", "SYR", 3, 4)
    assert one(doc, "Aleppo", feature="city").country == "SYR"  # the town itself is still named


def test_places_countryside_of_damascus_is_rif_dimashq(process: Process) -> None:
    area = one(process("Shelling hit the countryside of Damascus again."), "the countryside of Damascus")
    assert (area.feature, area.name) == ("admin1", "Rif-dimashq")


def test_places_countryside_of_a_town_is_around_the_town(process: Process) -> None:
    doc = process("Fighting went on in the eastern countryside of Manbij and in Aleppo.")
    rel = one(doc, "the eastern countryside of Manbij")
    assert (rel.feature, rel.geo_precision, rel.where_prec) == ("relative", 2, 2)
    assert km(point(rel), (36.53, 37.95)) < 25


def test_places_the_paper_s_own_town_from_its_address(process: Process) -> None:
    text = ("Council approves budget. The council of Dublin approved the budget on Monday. "
            "Dublin residents will pay less for water than those of Columbus, the city manager said.")
    local = one(process(Article(id="t", text=text, url="http://localnews.example.com/2009/03/18/dublin_news/a.txt")),
                "Dublin")
    assert (local.country, local.admin1) == ("USA", "Ohio"), local


# ----------------------------------------------------------------------------- local news: the paper's area


def test_places_town_and_its_province_back_each_other(process: Process) -> None:
    doc = process("Enrollment grew in Gainesville. Schools across Georgia hired more teachers.")
    assert (one(doc, "Gainesville").admin1, one(doc, "Georgia").feature) == ("Georgia", "admin1")


@pytest.mark.parametrize(("url", "country"), [("http://www.lfpress.ca/news/1.html", "CAN"),
                                              ("http://www.example.com/news/1.html", "GBR")])
def test_places_the_site_s_country_domain(process: Process, url: str, country: str) -> None:
    text = "The city council of London met on Monday to discuss bus lanes."
    assert one(process(Article(id="t", text=text, url=url)), "London").country == country


def test_places_the_site_s_country_keeps_its_small_towns(process: Process) -> None:
    text = "Police in Richmond said two men were arrested."
    p = one(process(Article(id="t", text=text, url="http://www.richmondtimes.co.uk/news/1.html")), "Richmond")
    assert (p.country, p.admin1) == ("GBR", "England"), p


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("DuPage Sheriff John Zaruba warned drivers. Deputies in Naperville and Wheaton patrolled.", "DuPage", "Illinois"),
    ("Lawmakers met in Charleston. House leader Brent Boggs, D-Braxton, backed the bill.", "Braxton", "West Virginia"),
])
def test_places_county_named_without_its_word(process: Process, text: str, name: str, admin1: str) -> None:
    p = one(process(text), name)
    assert (p.feature, p.admin1) == ("admin2", admin1), p


@pytest.mark.parametrize("text", ["Travis Smith said the team was ready in Austin.",
                                  "Members of the Muskingum College team cleaned the reservoir in Zanesville."])
def test_places_county_without_its_word_is_no_person_or_college(process: Process, text: str) -> None:
    assert not [p for p in process(text).places if p.feature == "admin2"]


def test_places_state_abbreviation_on_its_own(process: Process) -> None:
    doc = process("Missing Ill. man found in sunk car. Police in Decatur said he was safe.")
    assert (one(doc, "Ill.").name, one(doc, "Decatur").admin1) == ("Illinois", "Illinois")


def test_places_two_towns_joined_by_a_hyphen(process: Process) -> None:
    doc = process("The Red River will crest at 39 feet in Fargo-Moorhead on Friday.")
    assert (one(doc, "Fargo").admin1, one(doc, "Moorhead").admin1) == ("North Dakota", "Minnesota")


def test_places_shortened_words_find_every_namesake(process: Process) -> None:
    doc = process("Mt. Vernon police arrested two men near Yonkers.")
    assert (one(doc, "Mt. Vernon").admin1, one(doc, "Mt. Vernon").name) == ("New York", "Mount Vernon")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Gunmen attacked police at the holiday resort of Acapulco on Saturday.", "Acapulco", "MEX"),
    ("A former resident of Lubbock told reporters she was ill.", "Lubbock", "USA"),
    ("The campaign covers Benin, Cape Verde and Togo.", "Cape Verde", "CPV"),
])
def test_places_recognised_in_context(process: Process, text: str, name: str, country: str) -> None:
    assert one(process(text), name).country == country


def test_places_lakes(process: Process) -> None:
    p = one(process("Swans were found dead on the coast of Lake Erie."), "Lake Erie")
    assert (p.feature, p.where_prec) == ("water", 7) and km(point(p), (42.2, -81.2)) < 50


# ----------------------------------------------------------------------------- addresses and the article's country


@pytest.mark.parametrize(("text", "name"), [
    # names the gazetteer knows only elsewhere: in Egypt, in Homs province, in Aleppo province
    ("February 20th 2017: (S450a) Al Mansoura school area, Raqqa city, Raqqa governorate, Syria", "Al Mansoura"),
    ("Airstrikes on Tadmur village, Raqqa governorate, Syria", "Tadmur"),
    ("Shelling on al-Bab neighbourhood, Raqqa city, Raqqa governorate, Syria", "al-Bab"),
])
def test_places_address_holds_a_name_inside_it(process: Process, text: str, name: str) -> None:
    doc = process(text)
    held = one(doc, name)  # no same-named place elsewhere: at the place of its address, in Raqqa
    assert held.feature == "within" and held.country == "SYR" and held.geonames_id is None, held
    raqqa = places(doc, "Raqqa")
    assert km(point(held), point(raqqa[0])) < 1
    assert raqqa[-1].feature == "admin1" and raqqa[-1].admin1 == "Ar-Raqqah"
    assert doc.events and all(e.location is not None and e.location.country == "SYR" for e in doc.events)


def test_places_address_picks_the_namesake_inside_it(process: Process) -> None:
    assert one(process("Shelling hit Al Qusayr, Homs governorate, Syria."), "Al Qusayr").country == "SYR"
    assert one(process("Police in Al Qusayr, Red Sea governorate, Egypt, said so."), "Al Qusayr").country == "EGY"


def test_places_address_in_a_region(process: Process) -> None:
    doc = process("Clashes in the al-Zara area in the Eastern Ghouta")
    assert one(doc, "al-Zara").latitude is None  # not Zara in Turkey
    assert one(doc, "Eastern Ghouta").country == "SYR"
    # the supplement has the Ghouta's al-Marj: not Al Marj in Libya
    assert one(process("Clashes in the al-Marj area in the Eastern Ghouta"), "al-Marj").country == "SYR"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Clashes in Aleppo, Idlib province and Hama", "Aleppo", "SYR"),
    ("Fighting in Hama city, Homs city and Idlib", "Hama", "SYR"),
    ("The Reston virus, which is non-lethal, unlike the Zaire, Bundibugyo, Cote d'Ivoire and Sudan strains, "
     "was found in pigs.", "Bundibugyo", "UGA"),
])
def test_places_lists_are_no_addresses(process: Process, text: str, name: str, country: str) -> None:
    assert one(process(text), name).country == country


def test_places_division_word_names_the_province(process: Process) -> None:
    doc = process("June 25th 2017: (S950) Al Quoriya, Deir Ezzor governorate, Syria")
    p = one(doc, "Deir Ezzor")
    assert (p.feature, p.admin1, p.geo_precision) == ("admin1", "Deir ez-Zor", 3)
    doc = process("Strikes hit Raqqa city, Raqqa governorate, Syria, and the town of Raqqa again")
    assert [p.feature for p in places(doc, "Raqqa")] == ["city", "admin1", "city"]


def test_places_distance_from_a_province_is_from_its_town(process: Process) -> None:
    rel = one(process("Shelling hit al Husseiniya village, 11km northwest of Deir Ezzor governorate, Syria"),
              feature="relative", text="11km northwest of Deir Ezzor")
    assert 9 < km(point(rel), DEIR) < 13


@pytest.mark.parametrize(("text", "phrase", "feature"), [
    ("Clashes went on in Palmyra desert.", "Palmyra desert", "relative"),
    ("Clashes went on in Homs desert.", "Homs desert", "admin1"),
])
def test_places_desert_of_a_town(process: Process, text: str, phrase: str, feature: str) -> None:
    p = one(process(text), phrase)
    assert (p.feature, p.country) == (feature, "SYR")


def test_places_a_variant_spelling_does_not_drag_a_city_abroad(process: Process) -> None:
    # "al-Zahraa" spells no Syrian place the gazetteer has, but a Libyan village's name
    assert one(process("Suicide car targets al-Zahraa neighborhood in Homs"), "Homs").country == "SYR"


def test_places_another_name_of_a_town_abroad_is_no_guess(process: Process) -> None:
    doc = process("Clashes in the vicinity of al-Fuwah and explosion on the outskirts of Al-Hasakah city")
    assert one(doc, "al-Fuwah").latitude is None  # not Fuwwah, Egypt
    assert one(doc, "Al-Hasakah", feature="city").country == "SYR"


def test_places_direction_before_a_place_is_no_place(process: Process) -> None:
    doc = process("Infections at Cattai and Wilberforce in North-Western Sydney were confirmed by the government "
                  "of New South Wales.")
    assert not [p for p in doc.places if p.country == "ZMB"]


def test_places_a_town_listed_without_its_population_is_a_small_town() -> None:
    """GeoNames lists a place of unknown population among towns of 500 people or more only as the
    seat of a division: it counts as a small town, not as a hamlet of none."""
    from sitrep.knowledge.gazetteer import Candidate, Feature
    from sitrep.knowledge.gazetteer import Place as Entry
    from sitrep.stages.places_resolve import prior

    def town(population: int) -> Candidate:
        return Candidate(Entry(0, "Ariha", 35.8, 36.6, "SY", "Idlib", None, Feature.CITY, population, None, 0),
                         alternate=False, loose=False)

    assert prior(town(0)) == prior(town(1_000)) > prior(town(100))
