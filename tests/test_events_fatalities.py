"""Fatalities: the death toll of an event read from its sentence, coded the way ACLED codes it."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Article, Event
from sitrep.vocab import PublishedFrom


def top(process, text: str) -> Event:  # type: ignore[no-untyped-def]
    """The event a coder would take from ``text``: the one scored highest (the first on ties)."""
    doc = process(Article(id="t", text=text, published=dt.date(2016, 3, 1), published_from=PublishedFrom.METADATA))
    assert doc.events, text
    return max(doc.events, key=lambda e: e.confidence)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # one person named by a noun, with or without an article, or by a pronoun
        ("Militiamen murdered a farmer near Bunia on Sunday.", 1),
        ("Chadian soldier killed in an ambush near Bol.", 1),
        ("Soldiers killed an armed bandit near Goma on Monday.", 1),
        ("Unidentified gunmen stormed the house of a local judge in Kisangani, killing him.", 1),
        ("A suspected jihadist was killed by security forces near Kasserine on Tuesday.", 1),
        # people named together add up, whether counted or named one by one
        ("A roadside bomb hit a patrol near Arish, killing a police captain and three soldiers.", 4),
        ("Militants killed 6 soldiers and 2 civilians in an attack on Damboa.", 8),
        ("A village elder and his nephew were killed by gunmen in Kafanchan.", 2),
        # the killers are not counted, nor the wounded, the arrested or a breakdown of the toll
        ("Three gunmen shot dead a trader at a market in Kano.", 1),
        ("Soldiers killed 3 attackers near the border, 4 others were arrested.", 3),
        ("Gunmen attacked a bus near Maiduguri, killing 12 passengers, including 3 women and 2 children.", 12),
        ("Raiders killed a herder and set his hut alight, setting him ablaze as well.", 1),
        # a mob that sets people on fire kills them, as ACLED codes it
        ("A mob set two suspected thieves ablaze in Onitsha on Friday.", 2),
        # a toll in words: ACLED codes "several", "some", "an unknown number" and "heavy casualties" as 10
        ("Several militants were killed when troops raided a camp near Gao.", 10),
        ("Rebels ambushed an army convoy near Kadugli. Unknown number of soldiers killed.", 10),
        ("Fighting between the army and rebels in Malakal caused heavy casualties.", 10),
        ("Troops repelled an attack on their base in Dikwa, killing several of the insurgents.", 10),
    ],
)
def test_fatalities_counted(process, text: str, best: int) -> None:  # type: ignore[no-untyped-def]
    ev = top(process, text)
    assert ev.fatalities is not None and ev.fatalities.best == best, ev.fatalities


@pytest.mark.parametrize(
    "text",
    [
        # an attempt, or a death that came before the event (what a protest or funeral is about)
        "A crowd attacked and nearly lynched a man accused of theft in Nairobi.",
        "Students protested at the funeral of a classmate killed by police in Harare.",
        "Youths rioted in Bamenda over the death of a motorcycle taxi driver.",
        # a tally over weeks is not one event's toll
        "Fighting in the district killed more than 340 people over 10 days.",
        # killed and wounded counted together are not a death toll
        "Air strikes kill and wound 40 civilians in Idlib.",
        # shot is not killed
        "Soldiers shot a protester in Ambo on Monday.",
    ],
)
def test_fatalities_not_counted(process, text: str) -> None:  # type: ignore[no-untyped-def]
    ev = top(process, text)
    assert ev.fatalities is None, ev.fatalities


def test_fatalities_low_and_high_of_a_range(process) -> None:  # type: ignore[no-untyped-def]
    ev = top(process, "Gunmen raided two villages near Jos, killing between 7 and 9 people and a police officer.")
    assert ev.fatalities is not None and (ev.fatalities.best, ev.fatalities.low, ev.fatalities.high) == (8, 8, 10)


def test_fatalities_nobody_killed_is_zero_only_without_a_toll(process) -> None:  # type: ignore[no-untyped-def]
    ev = top(process, "Police dispersed protesters in Kisumu with tear gas; no one was killed.")
    assert ev.fatalities is not None and ev.fatalities.best == 0
    ev = top(process, "Police killed two protesters in Kisumu; no injuries were reported among the officers.")
    assert ev.fatalities is not None and ev.fatalities.best == 2
