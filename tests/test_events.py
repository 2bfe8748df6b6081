"""The events stage: one record per event, with its roles, place, date, fatalities, modality and source."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitrep.models import Article, Doc
from sitrep.vocab import Modality, PublishedFrom


def run(process, text: str, published: dt.date | None = dt.date(2017, 10, 16)) -> Doc:  # type: ignore[no-untyped-def]
    origin = PublishedFrom.METADATA if published else PublishedFrom.NONE
    return process(Article(id="t", text=text, published=published, published_from=origin))  # type: ignore[no-any-return]


def test_events_seed_expectations(seed_path: Path, shared: Path, process) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    text = seed_path.read_text(encoding="utf-8")
    events = process(text).events

    def matches(spec: dict, ev) -> bool:  # type: ignore[no-untyped-def,type-arg]
        if any(k in spec and str(getattr(ev, k)) != spec[k] for k in ("event_type", "sub_event_type", "plover_type",
                                                                      "modality")):
            return False
        for k in ("actor1", "actor2"):
            actor = getattr(ev, k)
            if k in spec and (actor is None or spec[k].lower() not in actor.name.lower()):
                return False
        if "date" in spec and (ev.date is None or ev.date.value != spec["date"]):
            return False
        loc = spec.get("location") or {}
        if "country" in loc and (ev.location is None or ev.location.country != loc["country"]):
            return False
        if "evidence_contains" in spec and spec["evidence_contains"].lower() not in ev.evidence.text.lower():
            return False
        return not ("fatalities" in spec and spec["fatalities"] is None and ev.fatalities is not None)

    for spec in expected["events"]:
        assert any(matches(spec, ev) for ev in events), spec
    for spec in expected["not_events"]:
        assert not any(matches(spec, ev) for ev in events), spec


def test_events_clash_with_roles_place_date_and_attribution(process) -> None:  # type: ignore[no-untyped-def]
    text = ("Syrian Democratic Forces fighters clashed with Islamic State militants in Raqqa on Monday, "
            "SDF spokesman Mostafa Bali said.")
    (ev,) = run(process, text).events
    assert (str(ev.event_type), str(ev.sub_event_type), str(ev.plover_type)) == ("Battles", "Armed clash", "ASSAULT")
    assert "Syrian Democratic Forces" in ev.actor1.name and ev.actor2 is not None and "Islamic State" in ev.actor2.name
    assert ev.interaction == 22
    assert ev.location is not None and ev.location.country == "SYR" and ev.location.text == "Raqqa"
    assert ev.date is not None and ev.date.value == "2017-10-16" and ev.date.text == "Monday"
    assert (ev.date.time_precision, ev.date.date_prec) == (1, 1)
    assert ev.fatalities is None
    assert ev.modality is Modality.ASSERTED
    assert ev.attribution is not None and ev.attribution.text.endswith("said")
    assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text


def test_events_fatalities_killed_not_wounded(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Gunmen killed at least 12 civilians and wounded 30 in an attack on a market in Maiduguri.").events
    assert ev.fatalities is not None and (ev.fatalities.best, ev.fatalities.low, ev.fatalities.high) == (12, 12, 12)
    assert ev.fatalities.text == "at least 12 civilians"


def test_events_nobody_killed_is_zero(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "A roadside bomb exploded near an army patrol in Kandahar; no one was killed.").events
    assert ev.fatalities is not None and ev.fatalities.best == 0


def test_events_expected_and_historical_are_not_asserted(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "The army expects to launch an offensive on Raqqa next week. "
                       "Islamic State seized Mosul in June 2014 after days of fighting.")
    modes = [ev.modality for ev in doc.events]
    assert Modality.ASSERTED not in modes
    assert set(modes) == {Modality.EXPECTED, Modality.HISTORICAL}


def test_events_generic_actor_when_the_sentence_names_none(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Thousands marched peacefully through the capital on Friday.").events
    assert str(ev.sub_event_type) == "Peaceful protest"
    assert ev.actor1.name.startswith("Protesters") and ev.actor1.text == "" and ev.actor1.inter == 6


def test_events_undated_sentence_takes_the_publication_week_flagged(process) -> None:  # type: ignore[no-untyped-def]
    (ev,) = run(process, "Gunmen opened fire on a bus in Mogadishu, killing four passengers.").events
    assert ev.date is not None and ev.date.text is None
    assert (ev.date.value, str(ev.date.low), int(ev.date.time_precision)) == ("2017-10-16", "2017-10-10", 2)


def test_events_nothing_for_text_that_is_not_about_conflict(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "The central bank kept interest rates unchanged on Monday. Floods destroyed crops in the north.")
    assert doc.events == ()


def test_events_one_record_per_event(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "Syrian Democratic Forces fighters clashed with Islamic State militants in Raqqa on Monday. "
                       "The Syrian Democratic Forces clashed with Islamic State in Raqqa on Monday, witnesses said.")
    assert len(doc.events) == 1


def test_events_ids_are_deterministic(process) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen opened fire on a bus in Mogadishu, killing four passengers."
    assert [e.event_id for e in run(process, text).events] == [e.event_id for e in run(process, text).events]
