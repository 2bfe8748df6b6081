"""Actor coding, session 9: a movement named where it has a branch of its own is that branch ("the Islamic State" in
Egypt is its Sinai Province); the groups ACLED codes as political militias (the Sinai Province, the Niger Delta
Avengers); fireworks let off at a march leave the crowd protesters."""

from __future__ import annotations

from sitrep.knowledge.actors import load_kb
from sitrep.vocab import ActorType
from test_actors_s7 import run, top

A = ActorType


# ---- a movement's branch where it acts

def test_actors_s9_islamic_state_in_egypt_is_its_sinai_branch(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "The Egyptian affiliate of the Islamic State group blew up a water pipeline near Arish."))
    assert event.actor1.kb_id == "sinai-province"
    assert event.actor1.type is A.POLITICAL_MILITIAS


def test_actors_s9_islamic_state_in_tunisia_is_its_tunisian_branch(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Islamic State militants attacked an army checkpoint near Kasserine, Tunisia."))
    assert event.actor1.kb_id == "jund-al-khilafah"  # the Soldiers of the Caliphate


def test_actors_s9_islamic_state_on_its_own_ground_stays_itself(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Islamic State fighters attacked an Iraqi army post near Mosul, Iraq."))
    assert event.actor1.kb_id == "islamic-state"


def test_actors_s9_branch_in_needs_one_branch_in_the_country() -> None:
    kb = load_kb()
    movement = kb.entry("islamic-state")
    sinai = kb.branch_in(movement, "EGY", 2016)
    assert sinai is not None and sinai.id == "sinai-province"
    assert kb.branch_in(movement, "IRQ", 2016) is None  # its own ground
    assert kb.branch_in(movement, "FRA", 2016) is None  # no branch there
    assert kb.has_branches(movement)
    assert not kb.has_branches(kb.entry("mai-mai"))  # factions at home are no branches abroad


def test_actors_s9_a_movement_does_not_vote_for_its_home_country(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "The Egyptian branch of the Islamic State said it killed two informers, a US monitor reported.")
    named = next(a for a in doc.actors if a.kb_id == "sinai-province")
    assert named.type is A.POLITICAL_MILITIAS


# ---- groups ACLED codes as political militias

def test_actors_s9_niger_delta_avengers_are_a_political_militia(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Niger Delta Avengers blew up an oil pipeline near Warri on Tuesday."))
    assert event.actor1.kb_id == "nda"
    assert event.actor1.type is A.POLITICAL_MILITIAS


# ---- fireworks at a march are no riot

def test_actors_s9_fireworks_at_a_march_stay_a_protest(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Thousands marched through Kasserine and set off fireworks to mark the anniversary of the "
                             "uprising."))
    assert event.actor1.type is A.PROTESTERS


def test_actors_s9_stones_thrown_at_a_march_still_make_a_riot(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "Marchers in Kasserine threw stones at shops and burned tyres over unemployment."))
    assert event.actor1.type is A.RIOTERS
