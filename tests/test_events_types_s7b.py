"""Event types, second round: arson by armed men is property destruction, not a riot; people held and then beaten
are attacked; a protest or riot someone is charged for is the arrest's background; a body of people that demanded
or marched is a protest; a clash over a visit is no diplomacy."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Article, Doc
from sitrep.stages.events_types import held_for, type_sentence
from sitrep.vocab import PublishedFrom, SubEventType

S = SubEventType


def run(process, text: str) -> Doc:  # type: ignore[no-untyped-def]
    return process(Article(id="t", text=text, published=dt.date(2016, 3, 1),  # type: ignore[no-any-return]
                           published_from=PublishedFrom.METADATA))


def main_event(process, text: str):  # type: ignore[no-untyped-def]
    events = run(process, text).events
    assert events, text
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(("text", "kind"), [
    ("Soldiers burned and looted four villages near Kadugli after losing ground to the rebels.",
     "Looting/property destruction"),
    ("Unknown assailants set ablaze the home of a police commander in Gao on Tuesday night.",
     "Looting/property destruction"),
    ("Three hamlets outside Beni were torched by an armed group on Sunday.", "Looting/property destruction"),
    # a crowd's arson stays a riot
    ("Angry residents torched the house of the ward councillor in Mamelodi.", "Riots"),
    ("Students set fire to the library of the campus in Durban.", "Riots"),
])
def test_arson_by_armed_men_is_property_destruction(  # type: ignore[no-untyped-def]
        process, text: str, kind: str) -> None:
    event = main_event(process, text)
    assert kind in (str(event.sub_event_type), str(event.event_type))


def test_arson_with_people_killed_is_an_attack(process) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen killed six farmers and torched houses in a village of Benue state on Monday."
    assert str(main_event(process, text).event_type) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "Police detained a reporter in Kampala and beat him at the station.",
    "Two traders were arrested and tortured by militiamen near Bangui.",
    "Soldiers rounded up 20 young men in Gode, beating several of them badly.",
    "Vigilantes caught and beat a suspected thief in Ouagadougou.",
])
def test_held_and_beaten_is_an_attack(process, text: str) -> None:  # type: ignore[no-untyped-def]
    assert str(main_event(process, text).event_type) == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "Police arrested 12 men in Kitwe suspected of involvement in last week's riots.",
    "The party's youth leader was arrested in Lusaka for allegedly organising an illegal march.",
])
def test_protest_someone_is_charged_for_is_an_arrest(process, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_event(process, text).sub_event_type is S.ARRESTS


def test_arrested_for_rioting_at_it_stays_a_riot(process) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested 30 vendors who threw stones at officers in Harare."
    assert str(main_event(process, text).event_type) == "Riots"


def test_held_for() -> None:
    text = "Police arrested 12 men suspected of involvement in the riots."
    assert held_for(text, text.index("riots"))
    text = "Police arrested 12 men during the riots."
    assert not held_for(text, text.index("riots"))


@pytest.mark.parametrize("text", [
    "About 200 employees of the state railway company demanded payment of six months of salary arrears.",
    "Hundreds of residents marched in Nairobi in support of the anti-corruption campaign.",
])
def test_people_demanding_is_a_protest(process, text: str) -> None:  # type: ignore[no-untyped-def]
    assert main_event(process, text).sub_event_type is S.PEACEFUL_PROTEST


def test_people_demanding_outweighed_by_a_killing() -> None:
    typed = type_sentence("Residents called for more security after gunmen killed five villagers in Zamfara.")
    assert typed is not None and typed.sub_event_type is S.ATTACK
    assert S.PEACEFUL_PROTEST not in typed.fired


def test_clash_over_a_visit_is_no_diplomacy() -> None:
    typed = type_sentence("Supporters of two rival parties clashed over the visit of the party chairman to Kano.")
    assert typed is not None
