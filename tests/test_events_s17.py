"""Events, session 17: the second side of "clashes between the X and Y"."""

from __future__ import annotations

import datetime as dt

from event_helpers import main_event


def test_the_second_side_of_clashes_between_the_x_and_y() -> None:
    # "between the" is longer than the window once read before the first side: the killed people were taken instead
    ev = main_event("Approximately 27 people were killed in clashes between the Nuer and Anuak communities in "
                    "Gambela Regional State over 28-30 January.", dt.date(2016, 2, 1))
    assert ev.actor1 is not None and "Nuer" in ev.actor1.name
    assert ev.actor2 is not None and "Anuak" in ev.actor2.name


def test_a_headline_passive_before_a_distance_and_direction() -> None:
    # "Policeman stabbed 12 km northeast of X": the policeman was stabbed; he did not stab civilians
    ev = main_event("Policeman stabbed 12 km northeast of El Geneina, died next day.", dt.date(2016, 3, 1))
    assert ev.event_type.value == "Battles"
