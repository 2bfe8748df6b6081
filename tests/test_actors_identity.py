"""Identity militias: peoples, clans and tribes named as actors (ACLED inter 4) only when they act."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep import process
from sitrep.knowledge.actors import load_kb
from sitrep.models import Article
from sitrep.vocab import ActorType, PublishedFrom


def _actors(text: str) -> dict[str, tuple[str, ActorType | None]]:
    article = Article(id="t", text=text, published=dt.date(2016, 3, 1), published_from=PublishedFrom.METADATA)
    return {a.text: (a.name, a.type) for a in process(article).actors}


@pytest.mark.parametrize(("text", "span", "name"), [
    ("A Fulani group attacks Obangedde, killing one.", "Fulani group", "Fulani Ethnic Militia"),
    ("One person was killed by armed Fulani who attacked the village of Garo.", "Fulani", "Fulani Ethnic Militia"),
    ("Two people were injured in clashes between Nande and Hutu near Goma.", "Hutu", "Hutu Ethnic Militia"),
    ("Fulanis and Agatu farmers clash in Okokolo.", "Agatu farmers", "Agatu Ethnic Militia"),
    ("Ijaw youths attacked a group of women returning to their farms.", "Ijaw youths", "Ijaw Ethnic Militia"),
    ("Gunmen believed to be Fulani herders killed a policeman in Adamawa.", "Gunmen", "Fulani Ethnic Militia"),
    ("Members of the Murle tribe killed 20 civilians in Jakawa.", "Murle tribe", "Murle Ethnic Militia"),
    ("Clashes between Maasai and Sonjo militia left 3 dead.", "Maasai and Sonjo militia", "Maasai Ethnic Militia"),
    ("Kikuyu and Luo ethnic communities clash in Kariobangi.", "Kikuyu", "Kikuyu Ethnic Militia"),
    ("Uganda forces killed three suspected Turkana warriors in Kaabong.", "Turkana warriors", "Turkana Ethnic Militia"),
    ("Hawiye clan militias attacked the town of Galkayo.", "Hawiye clan militias", "Hawiye Clan Militia (Somalia)"),
    ("Shammar tribesmen clashed with Islamic State fighters near Rabia.", "Shammar tribesmen", "Shammar Tribal Militia"),
])
def test_actors_identity_acting_people_is_an_identity_militia(text: str, span: str, name: str) -> None:
    found = _actors(text)
    assert span in found, found
    assert found[span][0].startswith(name)
    assert found[span][1] is ActorType.IDENTITY_MILITIAS


@pytest.mark.parametrize(("text", "span"), [
    ("Three Fulani herders were killed by unknown gunmen in Benue.", "Fulani herders"),
    ("Four Dinka youths were killed by gunmen near Bor.", "Dinka youths"),
    ("Fulanis attack Abi community, killing two.", "Abi community"),
])
def test_actors_identity_people_suffering_violence_are_civilians(text: str, span: str) -> None:
    found = _actors(text)
    assert found[span][1] is ActorType.CIVILIANS


@pytest.mark.parametrize("text", [
    "The Hutu majority took power in 1962, and many Tutsi fled abroad.",
    "Gunmen attacked a village in Turkana, killing two.",
    "Mr Banda attacked the opposition's budget in parliament.",
    "A group of Mossi burned Peul homes.",
])
def test_actors_identity_a_name_alone_that_does_not_act_is_no_militia(text: str) -> None:
    for span, (_, kind) in _actors(text).items():
        assert not (kind is ActorType.IDENTITY_MILITIAS and span in {"Hutu", "Tutsi", "Turkana", "Banda", "Peul"}), span


def test_actors_identity_somali_nationality_is_not_a_clan() -> None:
    found = _actors("Somali troops attacked al-Shabaab positions in Lower Shabelle.")
    assert found["Somali troops"][1] is ActorType.STATE_FORCES


def test_actors_identity_peoples_file_labels_clans_and_tribes() -> None:
    kb = load_kb()
    assert kb.people_name(kb.peoples["hawiye"], armed=True, country="SOM") == "Hawiye Clan Militia (Somalia)"
    assert kb.people_name(kb.peoples["shammar"], armed=True, country="IRQ") == "Shammar Tribal Militia (Iraq)"
    assert kb.people_name(kb.peoples["fulani"], armed=False, country="NGA") == "Fulani Ethnic Group (Nigeria)"
    assert not kb.peoples["banda"].alone and not kb.peoples["banda"].people  # a surname: only with a noun
