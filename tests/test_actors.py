"""The actors stage: names, aliases, renamings, state actors, abbreviations learned in the article,
unknown organisations, people, coreference, crowds in context, offsets, and users' own files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.errors import ConfigError
from sitrep.knowledge.actors import load_kb
from sitrep.models import Actor, Article, Doc
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings
from sitrep.stages.actors import Actors
from sitrep.stages.published import Published
from sitrep.stages.repair import repair
from sitrep.stages.sentences import sentences
from sitrep.vocab import ActorKind, ActorType

STAGE = Actors()


def actors(text: str, published: str | None = "2017-10-16", **article: object) -> list[Actor]:
    date = dt.date.fromisoformat(published) if published else None
    doc = Doc(article=Article(id="t", text=text, published=date, **article))  # type: ignore[arg-type]
    return list(STAGE(Published()(sentences(repair(doc)))).actors)


def by_text(found: list[Actor], text: str) -> Actor:
    matches = [a for a in found if a.text == text]
    assert matches, f"no actor {text!r} in {[a.text for a in found]}"
    return matches[0]


# ----------------------------------------------------------------------------- knowledge base names

@pytest.mark.parametrize("alias", ["Islamic State", "IS", "ISIS", "ISIL", "Daesh", "Da'esh", "Islamic State of Iraq and the Levant"])
def test_actors_aliases_of_islamic_state(alias: str) -> None:
    found = actors(f"Fighters of {alias} attacked the town on Monday.")
    a = by_text(found, alias) if alias != "Islamic State" else by_text(found, "Islamic State")
    assert (a.name, a.kb_id, a.type, a.country) == ("Islamic State", "islamic-state", ActorType.REBEL_GROUPS, "IRQ")


def test_actors_abbreviations_match_letter_case_only() -> None:
    found = actors("The fighting is over, and it is quiet now.")
    assert not [a for a in found if a.kb_id == "islamic-state"]


def test_actors_transliterations_and_diacritics() -> None:
    found = actors("Hay'at Tahrir al-Sham and the Séléka and Al Shabaab and al-Shabab clashed.")
    assert {a.kb_id for a in found} >= {"hts", "seleka", "al-shabaab"}


@pytest.mark.parametrize(
    ("text", "published", "name"),
    [
        ("Jabhat al-Nusra fighters shelled the village.", "2014-05-01", "Jabhat al-Nusra"),
        ("Jabhat al-Nusra fighters shelled the village.", "2017-01-10", "JFS: Jabhat Fateh al-Sham"),
        ("Jabhat al-Nusra fighters shelled the village.", "2019-05-01", "HTS: Hayat Tahrir al-Sham"),
        ("Wagner mercenaries arrived in Mali.", "2022-01-10", "Wagner Group"),
        ("Wagner mercenaries arrived in Mali.", "2025-03-10", "Africa Corps (Russia)"),
        ("The Taliban attacked the checkpoint.", "2019-05-01", "Taliban"),
        ("The Taliban attacked the checkpoint.", "2023-05-01", "Military Forces of Afghanistan (2021-)"),
        ("Boko Haram attacked Dikwa.", "2016-02-01", "Boko Haram - Wilayat Gharb Ifriqiyyah"),
        ("Boko Haram attacked Dikwa.", "2019-02-01", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ],
)
def test_actors_renamings_follow_the_article_date(text: str, published: str, name: str) -> None:
    assert actors(text, published)[0].name == name


def test_actors_structure_is_the_affiliation() -> None:
    found = actors("YPG fighters and ISWAP militants were seen near the border.")
    assert by_text(found, "YPG fighters").affiliation == "SDF: Syrian Democratic Forces"
    assert by_text(found, "ISWAP militants").affiliation == "Islamic State"


# ----------------------------------------------------------------------------- state actors

@pytest.mark.parametrize(
    ("text", "span", "name", "country"),
    [
        ("The Syrian army shelled the town.", "Syrian army", "Military Forces of Syria (2000-2024)", "SYR"),
        ("Iraqi forces entered the city.", "Iraqi forces", "Military Forces of Iraq (2014-2018)", "IRQ"),
        ("Nigerian police arrested five men.", "Nigerian police", "Police Forces of Nigeria (2015-2023)", "NGA"),
        ("Syria's government denied it.", "Syria's government", "Government of Syria (2000-2024)", "SYR"),
        ("The government of Iraq said so.", "government of Iraq", "Government of Iraq (2014-2018)", "IRQ"),
        ("Syrian government forces advanced.", "Syrian government forces", "Military Forces of Syria (2000-2024)", "SYR"),
    ],
)
def test_actors_state_forces_of_every_country(text: str, span: str, name: str, country: str) -> None:
    a = by_text(actors(text), span)
    assert (a.name, a.country, a.kind) == (name, country, ActorKind.ORGANISATION)


def test_actors_regime_forces_take_the_article_country_and_foreign_jets_are_external() -> None:
    text = ("Regime forces shelled Idlib in Syria. Russian jets struck Saraqeb in Syria, and fighting went on "
            "in Syria's north and in Aleppo, Syria.")
    found = actors(text)
    regime = by_text(found, "Regime forces")
    assert (regime.name, regime.type) == ("Military Forces of Syria (2000-2024)", ActorType.STATE_FORCES)
    jets = by_text(found, "Russian jets")
    assert (jets.name, jets.type) == ("Military Forces of Russia (2000-)", ActorType.EXTERNAL_OTHER_FORCES)


def test_actors_a_country_that_acts_is_its_government_a_place_is_not() -> None:
    found = actors("Turkey shelled positions near the border. Fighting continued in Turkey.")
    assert [a.text for a in found if a.kb_id == "tur-government"] == ["Turkey"]


# ----------------------------------------------------------------------------- learned and unknown

def test_actors_abbreviation_defined_in_the_article() -> None:
    found = actors("The Kivu Justice Brigade (KJB) attacked Ndim. KJB fighters then withdrew.")
    first = by_text(found, "Kivu Justice Brigade")
    later = [a for a in found if a.text == "KJB"]
    assert first.name == "KJB: Kivu Justice Brigade" and first.kb_id is None
    assert later and all(a.name == first.name and a.resolved_by == "article" for a in later)


def test_actors_article_definition_wins_over_the_knowledge_base() -> None:
    found = actors("The Ambazonia Defence Forces (ADF) attacked Bamenda. The ADF said it killed two.")
    assert all(a.kb_id == "ambazonia-df" for a in found if a.text.startswith(("ADF", "Ambazonia")))


@pytest.mark.parametrize(
    ("text", "span", "type_"),
    [
        ("The Kivu Liberation Front attacked the camp.", "Kivu Liberation Front", ActorType.REBEL_GROUPS),
        ("The Bakassi Freedom Movement claimed the attack.", "Bakassi Freedom Movement", ActorType.REBEL_GROUPS),
        ("The Tiger Hill Brigade seized the road.", "Tiger Hill Brigade", ActorType.POLITICAL_MILITIAS),
        ("The Ministry of Mines said ten died.", "Ministry of Mines", ActorType.STATE_FORCES),
        ("The Workers Union of Kasai called a strike.", "Workers Union of Kasai", None),
    ],
)
def test_actors_unknown_organisations_by_shape(text: str, span: str, type_: ActorType | None) -> None:
    a = by_text(actors(text), span)
    assert (a.kb_id, a.resolved_by, a.type) == (None, "shape", type_)


def test_actors_unknown_capitals_are_kept_untyped() -> None:
    a = by_text(actors("A three-day strike was organised by the CNES."), "CNES")
    assert (a.name, a.type, a.kind) == ("CNES", None, ActorKind.ORGANISATION)


def test_actors_unknown_people_in_front_of_a_militia_are_an_ethnic_militia() -> None:
    a = by_text(actors("Suspected Okpoma militia attacked Yongogba.", "2016-03-01"), "Okpoma militia")
    assert (a.name, a.type) == ("Okpoma Ethnic Militia", ActorType.IDENTITY_MILITIAS)


# ----------------------------------------------------------------------------- people

def test_actors_people_with_roles_and_affiliations() -> None:
    found = actors("SDF spokesman Mostafa Bali said the fighting was over. Bali added that ten died.")
    bali = [a for a in found if a.kind is ActorKind.PERSON]
    assert [a.text for a in bali] == ["SDF spokesman Mostafa Bali", "Bali"]
    assert all(a.name == "Mostafa Bali" for a in bali)
    assert (bali[0].role, bali[0].affiliation, bali[0].type, bali[0].country) == (
        "spokesman", "SDF: Syrian Democratic Forces", ActorType.REBEL_GROUPS, "SYR")


def test_actors_a_role_without_a_name_is_a_person_of_its_organisation() -> None:
    a = by_text(actors("A field commander of the Syrian Democratic Forces said it was over."), "field commander")
    assert (a.kind, a.affiliation) == (ActorKind.PERSON, "SDF: Syrian Democratic Forces")


def test_actors_titles_and_names() -> None:
    found = actors("Foreign Minister Julie Bishop met Lt. Gen. Stephen J. Townsend in Baghdad.")
    people = [a.name for a in found if a.kind is ActorKind.PERSON]
    assert "Julie Bishop" in people and "Stephen J. Townsend" in people


# ----------------------------------------------------------------------------- coreference

SEEDLIKE = ("U.S.-backed militias battled foreign fighters defending the last pocket of Islamic State's capital. "
            "A field commander of the Syrian Democratic Forces (SDF), an alliance of Kurdish and Arab militias, said "
            "it would end soon. The U.S.-led coalition said it could not give a timeline. Islamic State lost Mosul "
            "in July. The militants are now forced back. The SDF said they gained control of six districts. The "
            "coalition has supported the SDF.")


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("U.S.-backed militias", "SDF: Syrian Democratic Forces"),
        ("foreign fighters", "Islamic State"),
        ("alliance of Kurdish and Arab militias", "SDF: Syrian Democratic Forces"),
        ("militants", "Islamic State"),
        ("they", "SDF: Syrian Democratic Forces"),
        ("coalition", "Global Coalition against Daesh (U.S.-led coalition)"),
    ],
)
def test_actors_coreference(span: str, name: str) -> None:
    a = [x for x in actors(SEEDLIKE) if x.text == span][-1]
    assert (a.name, a.resolved_by) == (name, "coreference")


def test_actors_description_without_the_actor_stays_generic() -> None:
    a = by_text(actors("Foreign fighters attacked the town of Kidal."), "Foreign fighters")
    assert a.kb_id is None and a.name.startswith("Unidentified Armed Group")


def test_actors_unresolved_pronouns_are_left_out() -> None:
    assert not [a for a in actors("It rained. They left early.") if a.text in {"It", "They"}]


# ----------------------------------------------------------------------------- generic actors in context

@pytest.mark.parametrize(
    ("text", "span", "name", "type_"),
    [
        ("Students protested in Kano, Nigeria over fees.", "Students", "Protesters (Nigeria)", ActorType.PROTESTERS),
        ("Residents of Lagos, Nigeria burnt tyres and blocked the road.", "Residents", "Rioters (Nigeria)",
         ActorType.RIOTERS),
        ("Gunmen killed two villagers in Zamfara, Nigeria.", "Gunmen", "Unidentified Armed Group (Nigeria)",
         ActorType.POLITICAL_MILITIAS),
        ("Gunmen killed two villagers in Zamfara, Nigeria.", "villagers", "Civilians (Nigeria)", ActorType.CIVILIANS),
        ("Fulani herdsmen attacked farmers in Benue, Nigeria.", "Fulani herdsmen", "Fulani Ethnic Militia (Nigeria)",
         ActorType.IDENTITY_MILITIAS),
        ("Protesters threw stones at police in Tunis, Tunisia.", "Protesters", "Rioters (Tunisia)", ActorType.RIOTERS),
        ("A Fulani attack left eight people dead in Logo, Nigeria.", "Fulani attack", "Fulani Ethnic Militia (Nigeria)",
         ActorType.IDENTITY_MILITIAS),
        ("Armed men killed five people in a communal clash over land in Benue, Nigeria.", "Armed men",
         "Communal Militia (Nigeria)", ActorType.IDENTITY_MILITIAS),
        ("Renamo gunmen attacked and occupied a police post in Chemba, Mozambique.", "Renamo gunmen",
         "RENAMO: Mozambican National Resistance", ActorType.POLITICAL_MILITIAS),
        ("Two students were killed by air raids on Golol, Sudan.", "students", "Civilians (Sudan)", ActorType.CIVILIANS),
        ("Girls were abused by soldiers in March 2016 in Sibut, Central African Republic.", "soldiers",
         "Military Forces of Central African Republic (2016-)", ActorType.STATE_FORCES),
        ("Rioters ransacked the police station in Bouake, Ivory Coast, to inflict vigilante justice on a thief.",
         "Rioters", "Rioters (Ivory Coast)", ActorType.RIOTERS),
    ],
)
def test_actors_generic_actors_typed_by_context(text: str, span: str, name: str, type_: ActorType) -> None:
    a = by_text(actors(text, "2016-03-01"), span)
    assert (a.name, a.type) == (name, type_)


@pytest.mark.parametrize(
    ("text", "span", "type_"),
    [
        # soldiers who kill at a protest are not its protesters; soldiers who protest are
        ("Two people were killed by soldiers during a protest in Kersa, Ethiopia.", "soldiers", ActorType.STATE_FORCES),
        ("Police dispersed demonstrations in Kampala, Uganda.", "Police", ActorType.STATE_FORCES),
        ("Soldiers protested over unpaid salaries in Bamako, Mali.", "Soldiers", ActorType.PROTESTERS),
        # unnamed armed men
        ("An Egyptian police officer was shot dead by masked individuals near al-Arish, Egypt.", "masked individuals",
         ActorType.POLITICAL_MILITIAS),
    ],
)
def test_actors_state_nouns_protest_only_when_they_protest(text: str, span: str, type_: ActorType) -> None:
    assert by_text(actors(text, "2016-03-01"), span).type == type_


def test_actors_protesters_keep_their_social_group() -> None:
    a = by_text(actors("Teachers went on strike in Bamako, Mali.", "2016-03-01"), "Teachers")
    assert (a.name, a.affiliation) == ("Protesters (Mali)", "Teachers (Mali)")


@pytest.mark.parametrize(
    ("text", "span", "kb_id"),
    [
        ("Three policemen were killed in a blast in Egypt's North Sinai province.", "Sinai province", None),
        ("PDF militiamen attacked farmers near Tawila in North Darfur, Sudan.", "PDF militiamen", "pdf-sudan"),
        ("UFDG supporters clashed with police in Conakry, Guinea.", "UFDG supporters", "ufdg"),
        ("A detachment of the National Popular Army found weapons near Bordj Badji Mokhtar, Algeria.",
         "National Popular Army", "dza-military"),
    ],
)
def test_actors_african_names(text: str, span: str, kb_id: str | None) -> None:
    found = actors(text, "2016-03-01")
    if kb_id is None:
        assert not [a for a in found if span in a.text], found
    else:
        assert by_text(found, span).kb_id == kb_id


# ----------------------------------------------------------------------------- actor1 of an event

@pytest.mark.parametrize(
    ("text", "inter1", "actor1"),
    [
        ("Suspected Fulani gunmen attacked Oke Ako in Ekiti State, Nigeria and killed one man.", 4, "Fulani gunmen"),
        ("Three people were killed in an attack by the FDLR on Virira village in Lubero, Congo.", 2, "FDLR"),
        ("Soldiers allegedly killed a civilian in Bulchana town, Ethiopia.", 1, "Soldiers"),
        ("According to the police, gunmen killed two farmers in Zamfara, Nigeria.", 3, "gunmen"),
        ("Gunmen believed to be with AQIM shot dead three villagers near Menaka, Mali.", 2, "AQIM"),
        ("Local police and civilians fled Busumba after Mayi Mayi militiamen took control of the village.", 3,
         "Mayi Mayi militiamen"),
        ("Tanzanian MONUSCO peacekeepers have been accused of sexual abuse in the Mavivi area.", 8, "Tanzanian MONUSCO"),
        ("The Egyptian military announced the killing of 29 militants in North Sinai.", 1, "Egyptian military"),
        # nobody named, but the sentence says who: air raids, enforced disappearance, a communal clash
        ("Two students were killed by air raids on Golol, Sudan.", 1, ""),
        ("Nineteen people were arrested and forcibly disappeared in Alexandria, Egypt.", 1, ""),
        ("Communal clashes between two villages over a land dispute killed three in Toulepleu, Ivory Coast.", 4, ""),
        # a roadside bomb that names no one: ACLED lists the forces it hit first
        ("Two soldiers were killed when a roadside bomb exploded in Arish, Egypt.", 1, "soldiers"),
    ],
)
def test_actors_actor1_is_who_did_it(process, text: str, inter1: int, actor1: str) -> None:  # type: ignore[no-untyped-def]
    doc = process(text, published=dt.date(2016, 3, 1))
    assert doc.events, text
    event = max(doc.events, key=lambda e: e.confidence)
    assert (event.actor1.inter, event.actor1.text) == (inter1, actor1)


# ----------------------------------------------------------------------------- offsets and segments

def test_actors_offsets_quote_the_original_text() -> None:
    text = ("Islamic State\u2019s fighters fled.\u00a0The Syrian\u00a0army and the \u201cSDF\u201d advanced; "
            "Mr\u200b Bali, the SDF\u2019s spokesman, said so. Syrian Democratic Forces (SDF) fighters held Raqqa.")
    doc = Doc(article=Article(id="t", text=text))
    out = STAGE(Published()(sentences(repair(doc))))
    assert out.actors
    for a in out.actors:
        assert text[a.start:a.end] == a.text


def test_actors_only_headline_and_body_are_read() -> None:
    text = ("Clashes in Raqqa\n\nA fighter of the Syrian Democratic Forces (SDF) stands near a vehicle in Raqqa, Syria, "
            "October 16, 2017. REUTERS/Rodi Said\n\nIslamic State fighters fled the city on Monday.\n")
    found = actors(text)
    assert [a.text for a in found] == ["Islamic State fighters"]


# ----------------------------------------------------------------------------- users' own files

def test_actors_user_file_adds_and_overrides_entries(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- id: my-militia\n"
        "  name: Kivu Hill Defenders\n"
        "  type: Identity Militias\n"
        "  aliases: [Hill Defenders, KHD]\n"
        "  countries: [COD]\n"
        "- id: hezbollah\n"
        "  type: 2\n"
        "  add_aliases: [the Party]\n", encoding="utf-8")
    stage = Actors.from_settings(Settings().with_(actors=str(path)))
    doc = Doc(article=Article(id="t", text="KHD fighters and Hezbollah clashed near Goma.", published=dt.date(2020, 1, 1)))
    found = {a.text: a for a in stage(Published()(sentences(repair(doc)))).actors}
    assert (found["KHD fighters"].name, found["KHD fighters"].type) == ("Kivu Hill Defenders", ActorType.IDENTITY_MILITIAS)
    assert found["Hezbollah"].type is ActorType.REBEL_GROUPS
    assert load_kb().entry("hezbollah").type is ActorType.POLITICAL_MILITIAS  # the built-in one is untouched


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- id: a\n  name: A\n  type: Rebels\n", r"line 3, field 'type' \(entry 'a'\): 'Rebels' is not an ACLED actor type"),
        ("- id: a\n  name: A\n  type: 2\n  colour: red\n", r"line 4 \(entry 'a'\): unknown field 'colour'"),
        ("- id: a\n  name: A\n  type: 2\n  countries: [Syria]\n", r"line 4, field 'countries' \(entry 'a'\): 'Syria' is not"),
        ("- id: a\n  name: A\n  type: 2\n  part_of: nobody\n", r"line 4, field 'part_of' \(entry 'a'\): no entry has the id"),
        ("- id: a\n  name: A\n  type: 2\n  active: lately\n", r"line 4, field 'active' \(entry 'a'\): 'lately' is not a span"),
        ("- id: a\n  type: 2\n", r"entry 'a' is new and has no 'name'"),
        ("- name: A\n  type: 2\n", r"line 1, field 'id': entry has no 'id'"),
        ("- id: a\n  name: [A\n", r"line \d+: not valid YAML"),
        ("id: a\n", r"line 1: expected a list of entries"),
    ],
)
def test_actors_user_file_errors_name_the_line_and_field(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_kb(path)


def test_actors_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no actors file at"):
        build_pipeline(settings=Settings().with_(actors=str(tmp_path / "nope.yaml")))


def test_actors_cli_option_and_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("KHD fighters attacked Goma.\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("- id: khd\n  name: Kivu Hill Defenders\n  type: 4\n  aliases: [KHD]\n", encoding="utf-8")
    assert main(["-q", "extract", "--format", "docs", "--actors", str(good), str(article)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["mentions"]["actors"][0]["name"] == "Kivu Hill Defenders"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: khd\n  name: K\n  type: 9\n", encoding="utf-8")
    assert main(["-q", "extract", "--actors", str(bad), str(article)]) == 1
    assert "line 3, field 'type'" in capsys.readouterr().err


# ----------------------------------------------------------------------------- the seed article

def test_actors_seed_article(seed_path: Path) -> None:
    expected = json.loads((seed_path.parent / "expected.json").read_text(encoding="utf-8"))["actors"]
    text = seed_path.read_text(encoding="utf-8")
    found = STAGE(build_pipeline(settings=Settings()).process(Article(id="seed", text=text)))
    for want in expected:
        assert any(a.text == want["text"] and want["name"] in a.name for a in found.actors), want
