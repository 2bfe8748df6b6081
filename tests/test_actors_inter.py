"""Who is actor1 and actor2, and of which ACLED type: arrests, weapons seized or defused, bombs with no named
perpetrator, harm done in custody, crowds that act."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Actor, Article, Doc
from sitrep.stages import events_refine as refine
from sitrep.stages import events_roles as roles
from sitrep.vocab import ActorKind, ActorType, PublishedFrom, SubEventType

A = ActorType
S = SubEventType


def _actor(name: str, kind: ActorType | None, text: str, where: str, *, kb_id: str | None = None,
           group: ActorKind = ActorKind.ORGANISATION, resolved_by: str = "kb") -> Actor:
    start = where.index(text)
    return Actor(name, text, start, start + len(text), kind, None, kb_id, group, None, None, resolved_by)


def run(process, text: str) -> Doc:  # type: ignore[no-untyped-def]
    article = Article(id="t", text=text, published=dt.date(2016, 3, 1), published_from=PublishedFrom.METADATA)
    return process(article)  # type: ignore[no-any-return]


def test_actors_inter_arrested_party_member_is_the_second_side() -> None:
    text = "Legislator James Moyo (MDC-T) was arrested at the border post."
    party = _actor("MDC-T", A.POLITICAL_MILITIAS, "MDC-T", text, kb_id="mdc-t")
    sub, first, second = refine.refine(S.ARRESTS, "arrested", text[text.index("arrested"):], party, None, text, text)
    assert sub is S.ARRESTS
    assert first is None  # the events stage names the unnamed police
    assert second is not None and second.name == "MDC-T"


def test_actors_inter_arrested_group_goes_second_to_the_forces() -> None:
    text = "Boko Haram members were arrested by soldiers."
    group = _actor("Boko Haram", A.REBEL_GROUPS, "Boko Haram", text, kb_id="boko-haram")
    army = _actor("Military Forces", A.STATE_FORCES, "soldiers", text, group=ActorKind.GROUP)
    _, first, second = refine.refine(S.ARRESTS, "arrested", text[text.index("arrested"):], group, army, text, text)
    assert first is army and second is group


@pytest.mark.parametrize("text", [
    "Police arrested 15 supporters of the party who had protested in the city.",
    "Students demanded the release of their colleague who was arrested.",
])
def test_actors_inter_arrest_at_a_protest_keeps_the_crowd(text: str) -> None:
    crowd = _actor("Protesters", A.PROTESTERS, text.split()[0], text, group=ActorKind.GROUP, resolved_by="context")
    _, first, _ = refine.refine(S.ARRESTS, "arrested", text[text.index("arrested"):], crowd, None, text, text)
    assert first is crowd


@pytest.mark.parametrize(("text", "name"), [
    ("An improvised explosive device was disarmed by police in the city centre.", "Police Forces"),
    ("A cache containing explosives was discovered in the mountains.", "Military Forces"),
])
def test_actors_inter_weapons_found_by_unnamed_forces(text: str, name: str) -> None:
    _, first, second = refine.refine(S.DISRUPTED_WEAPONS_USE, "found", text, None, None, text, text)
    assert first is not None and first.type is A.STATE_FORCES and first.name == name
    assert second is None


def test_actors_inter_weapons_planted_by_gunmen_defused_by_the_state() -> None:
    text = "Bomb experts defused a bomb that was planted by unidentified men under a car."
    men = _actor("Unidentified Armed Group", A.POLITICAL_MILITIAS, "unidentified men", text,
                 group=ActorKind.GROUP, resolved_by="kb")
    _, first, second = refine.refine(S.DISRUPTED_WEAPONS_USE, "defused", text, men, None, text, text)
    assert first is not None and first.type is A.STATE_FORCES
    assert second is men


def test_actors_inter_named_group_that_seized_weapons_stays_first() -> None:
    text = "OLA seized several government soldiers and confiscated two rifles."
    ola = _actor("OLA: Oromo Liberation Army", A.REBEL_GROUPS, "OLA", text, kb_id="ola")
    army = _actor("Military Forces", A.STATE_FORCES, "government soldiers", text, group=ActorKind.GROUP)
    _, first, second = refine.refine(S.DISRUPTED_WEAPONS_USE, "confiscated", text, ola, army, text, text)
    assert first is ola and second is army


@pytest.mark.parametrize(("sentence", "sub", "name"), [
    ("An Antonov dropped 12 bombs near the village.", S.REMOTE_EXPLOSIVE_LANDMINE_IED, "Military Forces"),
    ("Two civilians were killed by warplanes in the town.", S.SHELLING_ARTILLERY_MISSILE_ATTACK, "Military Forces"),
    ("Students were beaten and tortured in detention.", S.ATTACK, "Police Forces"),
])
def test_actors_inter_unnamed_agent_read_from_the_sentence(sentence: str, sub: SubEventType, name: str) -> None:
    found = roles._unnamed(sub, sentence)
    assert found is not None and found.type is A.STATE_FORCES and found.name == name


def test_actors_inter_unnamed_agent_not_read_from_a_police_station() -> None:
    assert roles._unnamed(S.ATTACK, "Rioters damaged vehicles at the police station.") is None


@pytest.mark.parametrize(("text", "first"), [
    # a bomb that nobody is named for: the forces it hit come first, wherever the sentence names them
    ("A roadside bomb in the North Sinai town of El-Arish killed three Egyptian police conscripts.", A.STATE_FORCES),
    # a crowd that beat someone it called a witch: a vigilante militia
    ("Residents of Bayanga beat a woman they accused of being a witch, seriously injuring her.",
     A.IDENTITY_MILITIAS),
    # a people's men who attacked, with a date between them and the verb: an ethnic militia
    ("Fulani men on 21/04 attacked Igo village in Donga LGA, killing seven Tiv.", A.IDENTITY_MILITIAS),
])
def test_actors_inter_first_actor_type(process, text: str, first: ActorType) -> None:  # type: ignore[no-untyped-def]
    events = run(process, text).events
    assert events
    assert events[0].actor1.type is first
