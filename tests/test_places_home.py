"""The places stage and the article's countries: its actors as evidence, names it keeps at home,
names inside organisations' names and division words of African countries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.knowledge.gazetteer import Gazetteer, open_gazetteer
from sitrep.models import Actor, Article, Doc, Place
from sitrep.stages.places_home import actor_countries
from sitrep.textview import TextView
from sitrep.vocab import ActorType

Process = Callable[..., Doc]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return open_gazetteer(None)


def _found(doc: Doc, text: str) -> Place:
    found = [p for p in doc.places if p.text == text]
    assert found, f"no place {text!r} in {[(p.text, p.feature) for p in doc.places]}"
    return found[0]


def _doc(text: str, *actors: Actor) -> Doc:
    return Doc(article=Article(id="t", text=text), view=TextView(text), actors=actors)


def test_places_home_actors_point_to_their_country(gaz: Gazetteer) -> None:
    text = "SAF and RSF bomb the village. Police came later."
    doc = _doc(text,
               Actor("Military Forces of Sudan", "SAF", 0, 3, ActorType.STATE_FORCES, "SDN", "sdn-military",
                     resolved_by="kb"),
               Actor("RSF: Rapid Support Forces", "RSF", 8, 11, ActorType.STATE_FORCES, "SDN", "rsf",
                     resolved_by="kb"),
               # a generic word the actors stage gave some country is no evidence
               Actor("Police Forces of Egypt", "Police", 30, 36, ActorType.STATE_FORCES, "EGY", "egy-police",
                     resolved_by="kb"))
    assert actor_countries(doc, TextView(text), [], gaz) == {"SD": 1.0}


def test_places_home_a_group_of_several_countries_points_to_each(gaz: Gazetteer) -> None:
    text = "LRA rebels raided the village."
    doc = _doc(text, Actor("LRA: Lord's Resistance Army", "LRA", 0, 3, ActorType.REBEL_GROUPS, "UGA", "lra",
                           resolved_by="kb"))
    assert set(actor_countries(doc, TextView(text), [], gaz)) == {"UG", "CD", "CF", "SS"}


def test_places_home_a_town_where_the_group_fights_outside_its_home(process: Process) -> None:
    # the LRA comes from Uganda but fights in the Central African Republic: its towns stay resolved
    assert _found(process("People were abducted near Zemio by LRA rebels."), "Zemio").country == "CAF"


def test_places_home_no_actors_no_evidence(gaz: Gazetteer) -> None:
    assert actor_countries(_doc("Nothing here."), TextView("Nothing here."), [], gaz) == {}


@pytest.mark.parametrize(("text", "name", "country"), [
    # what a name points to by itself (Whittlesea is also a county of Australia) is no reason to
    # doubt its own town
    ("Close to 100 community representatives staged a protest outside the casino in Whittlesea.", "Whittlesea",
     "ZAF"),
    # a demonym alone does not move an unambiguous town of a place context abroad
    ("Members of a Burundian peacekeeping unit in Sibut have been accused of raping a girl.", "Sibut", "CAF"),
    ("Coal workers at the mine of the Brazilian company Vale in Moatize district went on strike.", "Moatize",
     "MOZ"),
])
def test_places_home_keeps_a_town_its_context_names(process: Process, text: str, name: str, country: str) -> None:
    assert _found(process(text), name).country == country


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Protesters demonstrated outside the Pietermaritzburg Magistrate's Court on Monday.", "Pietermaritzburg",
     "ZAF"),
    ("Soldiers allegedly raided Adama University dormitories, arresting some 50 students.", "Adama", "ETH"),
])
def test_places_home_a_town_named_in_an_organisation(process: Process, text: str, name: str, country: str) -> None:
    assert _found(process(text), name).country == country


def test_places_home_a_group_is_no_other_name_of_a_town(process: Process) -> None:
    doc = process("Clinton said she has no intention of talking to Hamas.")
    assert not [p for p in doc.places if p.text == "Hamas"]


def test_places_home_division_words(process: Process) -> None:
    p = _found(process("Gunmen attacked villages in Gwoza LGA on Monday."), "Gwoza LGA")
    assert p.country == "NGA"


def test_places_home_a_division_word_of_one_country(process: Process) -> None:
    # "LGA" is Nigeria's word: Ibi in Taraba, not Ibi in Spain; spelt out, it reads the same
    assert _found(process("Herders killed two farmers in Ibi LGA on Sunday."), "Ibi LGA").country == "NGA"
    doc = process("Gunmen killed a chief in Donga Local Government Area on Friday.")
    assert _found(doc, "Donga Local Government Area").country == "NGA"  # not Donga, Benin


def test_places_home_a_division_word_with_no_namesake_there_stays_unresolved(process: Process) -> None:
    # no Lukulu in Nigeria: the division is not put in Zambia
    doc = process("Soldiers raided camps in Lukulu LGA on Monday.")
    assert _found(doc, "Lukulu LGA").latitude is None


def test_places_home_residents_of_a_town_name_it(process: Process) -> None:
    assert _found(process("Lukulu residents rioted at the police station."), "Lukulu").country == "ZMB"


def test_places_home_an_actor_vouches_for_another_name_of_its_town(process: Process) -> None:
    # Kanyabayonga is another spelling of Kanyobagonga, Congo: the FARDC point there
    doc = process("FARDC soldiers clashed with militiamen in Kanyabayonga.")
    assert _found(doc, "Kanyabayonga").country == "COD"


def test_places_home_a_sure_town_keeps_a_name_in_a_group_s_name_at_home(process: Process) -> None:
    # "in Kabba" is a town of Nigeria only; "State" of "State Public Service" is no Italian village
    doc = process("About 100 youths gathered in Kabba to protest their marginalisation in the State Public Service.")
    assert _found(doc, "Kabba").country == "NGA"
    assert all(p.country in (None, "NGA") for p in doc.places)


def test_places_home_two_sure_names_leave_each_other_alone(process: Process) -> None:
    doc = process("People protested in Magado village, Shakiso District, Guji zone.")
    assert _found(doc, "Shakiso District").country == "ETH"


def test_places_home_the_streets_of_a_town(process: Process) -> None:
    assert _found(process("Protest action erupted in the streets of Tembisa."), "Tembisa").country == "ZAF"
