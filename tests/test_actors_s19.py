"""Actor mentions, session 19: a country's name is a place, not its government, where it is where someone goes or what
is given to ("travel to Iraq"), behind a compass word ("northwestern Syria"), governed through "both" ("in both Iraq
and Syria") or alone as a heading ("Syria ." over a list of strikes); "according to Turkey" still names an actor."""

from __future__ import annotations

import pytest

from test_actors import actors


def _countries(text: str) -> list[str]:
    return [text[a.start:a.end] for a in actors(text) if a.name and a.name.startswith("Government of")]


@pytest.mark.parametrize("text", [
    "Deputy Secretary of State Antony Blinken will travel to Iraq to discuss security issues.",
    "The ambassador has completed his consultations in Washington and is returning to Syria.",
    "The threat they pose to Iraq has not gone away.",
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
