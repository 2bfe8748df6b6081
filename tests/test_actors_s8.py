"""Actor coding, session 8: the sides of "clashes between X and Y" in the order told; fighters who surrendered
after the forces they gave themselves up to; a headline's passive ("3 children killed in air raids"); the state's
forces behind an operation, a crackdown, shelling or torture after arrest that name nobody; fights between
communal groups; a crowd that punishes someone it suspects of being a thief."""

from __future__ import annotations

import pytest

from sitrep.vocab import ActorType
from test_actors_s7 import run, top

A = ActorType


# ---- "clashes between X and Y": the side told first is the first actor, the state or not

def test_actors_s8_clash_between_keeps_the_armed_group_told_first(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Clashes between SPLM-N fighters and the army in Kadugli left ten dead."))
    assert event.actor1.type is A.REBEL_GROUPS
    assert event.actor2 is not None and event.actor2.type is A.STATE_FORCES


def test_actors_s8_clash_between_keeps_the_state_told_first(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Fighting between the army and Boko Haram near Maiduguri left six dead."))
    assert event.actor1.type is A.STATE_FORCES
    assert event.actor2 is not None and event.actor2.type is A.REBEL_GROUPS


def test_actors_s8_clash_without_between_puts_the_state_first(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Heavy fighting broke out near Kadugli when SPLM-N fighters met the army."))
    assert event.actor1.type is A.STATE_FORCES


# ---- surrender: the forces that received the fighters come first

def test_actors_s8_surrender_puts_the_receiving_forces_first(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Twenty Mayi Mayi fighters surrendered to FARDC soldiers in Goma."))
    assert event.actor1.type is A.STATE_FORCES
    assert event.actor2 is not None and event.actor2.type is A.POLITICAL_MILITIAS


# ---- a headline's passive: the people named before "killed," suffered it

def test_actors_s8_headline_passive_victims_are_not_the_agent(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Four children killed, six wounded in air raids on Nyala."))
    assert event.actor1.type is A.STATE_FORCES
    assert event.actor2 is not None and event.actor2.type is A.CIVILIANS


@pytest.mark.parametrize("text", [
    "Soldiers killed militants in Maiduguri.",
    "Gunmen shot at two traders in Kano.",
])
def test_actors_s8_an_active_verb_with_an_object_keeps_its_agent(process, text: str) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, text))
    assert event.actor1.text and event.actor1.text[0].isupper()
    assert event.actor1.type in (A.STATE_FORCES, A.POLITICAL_MILITIAS)


# ---- the state's forces where the sentence names nobody but tells of their act

@pytest.mark.parametrize("text", [
    "Five militants were killed in a military operation near Maiduguri.",
    "Three suspects were killed during a security campaign in Bamako.",
    "Heavy shelling was reported in Kadugli on Monday.",
    "Two opposition activists were arrested and tortured in Bamako.",
    "A journalist said he was beaten and robbed after his arrest in Nyala.",
])
def test_actors_s8_unnamed_state_forces(process, text: str) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, text))
    assert event.actor1.type is A.STATE_FORCES


def test_actors_s8_detained_relatives_attacked_is_no_torture_in_custody(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "The families of detained students were assaulted outside a court in Bamako."))
    assert event.actor1.type is not A.STATE_FORCES


# ---- communities and crowds

def test_actors_s8_clash_between_ethnic_groups_is_communal(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Clashes erupted between ethnic groups near Bawku, leaving three dead."))
    assert event.actor1.type is A.IDENTITY_MILITIAS


def test_actors_s8_crowd_suspecting_a_thief_is_a_vigilante_militia(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "A crowd beat a man to death in Mbale after they suspected him of being a cattle thief."))
    assert event.actor1.type is A.IDENTITY_MILITIAS
