"""Actor coding, session 7: a party's men who attack people are its militia; mob justice is done by vigilantes;
the agent whose name holds the trigger; a state's abbreviation against an armed group's; words that name only
victims; generic groups named after the country where they act."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Actor, Article, Doc, Event
from sitrep.stages import events
from sitrep.vocab import ActorKind, ActorType, PublishedFrom

A = ActorType


def run(process, text: str) -> Doc:  # type: ignore[no-untyped-def]
    article = Article(id="t", text=text, published=dt.date(2016, 3, 1), published_from=PublishedFrom.METADATA)
    return process(article)  # type: ignore[no-any-return]


def top(doc: Doc) -> Event:
    assert doc.events, "no event"
    return max(doc.events, key=lambda e: e.confidence)


# ---- a party's men who attack people are the party's militia, not rioters

@pytest.mark.parametrize(("text", "kb_id"), [
    ("Two Zanu PF activists allegedly assaulted a 29-year-old MDC-T activist.", "zanu-pf"),
    ("Suspected PDP supporters attack and kill an APC chieftain, setting him ablaze.", "pdp"),
    ("During a protest in Cape Town, ANC supporters allegedly assaulted a civilian.", "anc"),
])
def test_actors_s7_party_men_who_attack_people_are_its_militia(process, text: str, kb_id: str) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, text))
    assert event.actor1.type is A.POLITICAL_MILITIAS
    assert event.actor1.kb_id is not None and kb_id in event.actor1.kb_id
    assert event.actor2 is not None and event.actor2.type is A.CIVILIANS


def test_actors_s7_party_supporters_who_burn_tyres_riot(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "ANC supporters burnt tyres and blocked roads in protest against the mayor.")
    supporters = next(a for a in doc.actors if a.text == "ANC supporters")
    assert supporters.type is A.RIOTERS


# ---- mob justice: vigilantes

@pytest.mark.parametrize("text", [
    "Residents assaulted a man they claimed had previously broken into one of their homes.",
    "A group of residents of Pharare Village in the area of Maake killed a man who was accused of break-ins.",
    "A man was murdered by a group of community members because he was accused of carjacking.",
    "A man wanted by the police was killed by community members.",
    "A 23-year-old man accused of killing a woman was attacked and set alight by an angry mob.",
    "An angry mob has assaulted a lawyer who represented two men accused of murdering a young girl.",
])
def test_actors_s7_crowd_punishing_a_suspect_is_a_vigilante_militia(process, text: str) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, text))
    assert event.actor1.type is A.IDENTITY_MILITIAS
    assert event.actor1.name.startswith("Vigilante Militia")
    assert event.actor2 is None or event.actor2.type is A.CIVILIANS


@pytest.mark.parametrize("text", [
    "A suspected thief was beaten to death at the market.",
    "A young woman was beaten to death after she was accused of being a witch.",
])
def test_actors_s7_unnamed_mob_justice_is_done_by_vigilantes(process, text: str) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, text))
    assert event.actor1.name.startswith("Vigilante Militia")
    assert not event.actor1.text  # nobody named: the sentence's own words say who


def test_actors_s7_victim_described_at_length_is_no_attacker(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "A 23-year-old man accused of killing a woman was attacked and set alight by an angry mob.")
    man = next(a for a in doc.actors if a.text == "man")
    assert man.type is A.CIVILIANS


# ---- words that name only those harmed

def test_actors_s7_civilians_killed_are_never_rioters(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "Gunmen killed a policeman and 19 civilians and torched homes.")
    civilians = next(a for a in doc.actors if a.text == "civilians")
    assert civilians.type is A.CIVILIANS


def test_actors_s7_police_beating_protesters_are_not_protesters(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "Teacher trainees were beaten by police while protesting.")
    police = next(a for a in doc.actors if a.text == "police")
    assert police.type is A.STATE_FORCES
    assert top(doc).actor1.type is A.STATE_FORCES


# ---- a state's abbreviation against an armed group's

def test_actors_s7_adf_without_australia_is_the_armed_group(process) -> None:  # type: ignore[no-untyped-def]
    event = top(run(process, "1 civilian was killed and 3 others injured in an ADF ambush on the Mbau-Kamango axis."))
    assert event.actor1.type is A.REBEL_GROUPS
    assert "Allied Democratic Forces" in event.actor1.name


def test_actors_s7_adf_in_an_australian_article_is_its_army(process) -> None:  # type: ignore[no-untyped-def]
    doc = run(process, "The Australian government said the ADF would send two aircraft to Iraq.")
    adf = next(a for a in doc.actors if a.text == "ADF")
    assert adf.type is A.STATE_FORCES and adf.country == "AUS"


# ---- generic groups named after the country where they act

def _group(name: str, kind: ActorType, country: str | None) -> Actor:
    return Actor(name, "gunmen", 0, 6, kind, country, None, ActorKind.GROUP, None, None, "kb")


@pytest.mark.parametrize(("actor", "country", "sentence", "name"), [
    (_group("Fulani Ethnic Militia (Nigeria)", A.IDENTITY_MILITIAS, "NGA"), "CAF",
     "A man was killed by Fulani gunmen near Kabo.", "Fulani Ethnic Militia (Central African Republic)"),
    (_group("Fulani Ethnic Militia (Nigeria)", A.IDENTITY_MILITIAS, "NGA"), "GHA",
     "Clashes between Nigerian Fulani herdsmen and farmers.", "Fulani Ethnic Militia (Nigeria)"),
    (_group("Fulani Ethnic Militia (Nigeria)", A.IDENTITY_MILITIAS, "NGA"), "TUR",
     "Fulani militia attacks the Agatu communities.", "Fulani Ethnic Militia (Nigeria)"),
    (_group("Unidentified Armed Group (Iraq)", A.POLITICAL_MILITIAS, "IRQ"), "EGY",
     "A tribal figure was executed by three masked militants in Al-Arish.", "Unidentified Armed Group (Egypt)"),
    (_group("Vigilante Militia", A.IDENTITY_MILITIAS, None), "ZAF",
     "A man was killed by community members in Philippi.", "Vigilante Militia (South Africa)"),
    (_group("Unidentified Armed Group (Egypt)", A.POLITICAL_MILITIAS, "EGY"), None,
     "Gunmen attacked a checkpoint.", "Unidentified Armed Group (Egypt)"),
])
def test_actors_s7_generic_group_named_where_it_acts(actor: Actor, country: str | None, sentence: str,
                                                     name: str) -> None:
    placed = events._where_it_acts(actor, country, sentence)
    assert placed.name == name
    if placed.name != actor.name:
        assert placed.country == country


def test_actors_s7_named_group_keeps_its_name() -> None:
    group = Actor("Boko Haram - Wilayat Gharb Ifriqiyyah", "Boko Haram", 0, 10, A.REBEL_GROUPS, "NGA", "boko-haram",
                  ActorKind.ORGANISATION, None, None, "kb")
    assert events._where_it_acts(group, "CMR", "Boko Haram attacked Kolofata.") is group
