"""Actor mentions, session 19: a country's name is a place, not its government, where it is where people go
("travel to Iraq"; what is given "to Egypt" still goes to an actor), behind a compass word ("northwestern Syria"),
governed through "both" ("in both Iraq and Syria") or alone as a heading ("Syria ." over a list of strikes);
"according to Turkey" still names an actor."""

from __future__ import annotations

import datetime as dt

import pytest

from event_helpers import doc_on, main_event
from test_actors import actors


def _countries(text: str) -> list[str]:
    return [text[a.start:a.end] for a in actors(text) if a.name and a.name.startswith("Government of")]


@pytest.mark.parametrize("text", [
    "Deputy Secretary of State Antony Blinken will travel to Iraq to discuss security issues.",
    "The ambassador has completed his consultations in Washington and is returning to Syria.",
    "Thousands of families fled to Turkey after the shelling.",
    "A series of airstrikes this week in northwestern Syria killed more than 20 militants.",
    "Four suicide bombers blew themselves up near a bus station in northeastern Nigeria.",
    "The campaign against the militants is progressing in both Iraq and Syria.",
])
def test_actors_s19_country_as_a_place_is_no_actor(text: str) -> None:
    assert _countries(text) == []


def test_actors_s19_country_heading_is_no_actor() -> None:
    text = ("Near Palmyra, one strike destroyed a tank.\nIraq .\nNear Al Huwayjah, one strike destroyed a weapons "
            "cache.")
    assert _countries(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("According to Turkey, the rebels shelled the border post.", "Turkey"),
    ("The rebels said they were loyal to Turkey and would fight on.", "Turkey"),
    ("Turkey said its jets struck the rebels.", "Turkey"),
    ("Iraq and Syria agreed to share intelligence on the militants.", "Iraq"),
    ("The United States has authorized the release of military assistance to Egypt.", "Egypt"),  # the recipient
])
def test_actors_s19_country_that_acts_is_still_an_actor(text: str, name: str) -> None:
    assert name in _countries(text)


def test_actors_s19_destination_does_not_set_the_article_country() -> None:
    """ "transferred to Saudi Arabia" is where the islands went, not where the article is: the protesters stay
    Egyptian."""
    text = ("Protesters denounced the agreement under which Egypt transferred two Red Sea islands to Saudi Arabia. "
            "Police dispersed the protesters.")
    crowd = [a for a in actors(text) if a.name and a.name.startswith("Protesters")]
    assert crowd and all(a.country == "EGY" for a in crowd)


def test_actors_s19_no_actor_inside_a_transliterated_name() -> None:
    # "man" of "Nu'man" is no person nor crowd
    text = "Aerial bombardment killed 12 people in Ma'ra al-Nu'man."
    assert "man" not in [text[a.start:a.end] for a in actors(text)]


def test_actors_s19_an_air_force_named_by_its_people_does_not_place_the_event() -> None:
    """ "Russian raids": air forces strike abroad; with no place named, the event is placed nowhere, not in Russia."""
    ev = main_event("Tens of Russian raids target Salma and its vicinity and continued clashes in the vicinity",
                    dt.date(2016, 1, 10))
    assert ev.location is None or ev.location.country != "RUS"


def test_actors_s19_names_after_character_references_keep_their_spans() -> None:
    """The view decodes "&#8220;" to one character: sentences must be read in its offsets, and names given back in the
    text's, or the sentences after the first lose or shift their names."""
    text = ("The &#8220;Islamic State&#8221; attacked Homs on Monday&#8230; The &#8220;Free Syrian Army&#8221; fighters "
            "shelled Idlib. Regime forces bombed Daraa.")
    spans = [text[a.start:a.end] for a in actors(text)]
    assert "Islamic State" in spans
    assert any(s.startswith("Free Syrian Army") for s in spans)
    assert "Regime forces" in spans


def test_actors_s19_clauses_are_not_cut_inside_a_character_reference() -> None:
    """ "&#8230;" holds a semicolon: the events stage cuts clauses in the view, where it is one character."""
    text = ("The &#8220;Islamic State&#8221; attacked Homs on Monday&#8230; The &#8220;Free Syrian Army&#8221; fighters "
            "shelled Idlib. Regime forces bombed Daraa.")
    events = doc_on(text, dt.date(2016, 6, 1)).events
    assert all(not e.evidence.text.endswith("&#8230") for e in events)
    assert any(e.actor1 is not None and e.actor1.name.startswith("FSA") for e in events)
