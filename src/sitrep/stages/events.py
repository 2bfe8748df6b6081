"""Events: one record per event an analyst would code, from the sentences that report it.

For each body sentence the typer (:mod:`sitrep.stages.events_types`) gives the ACLED sub-event type
and PLOVER type, or nothing. The event then takes, from the same sentence: its actors in their
roles, its place (else the article's focus town), its date (:mod:`sitrep.dating`: the governing
time expression, else the publication week, flagged), the number killed, its modality and who said
so (:mod:`sitrep.stages.events_roles`). Sentences of one article that report the same event (same
type, first actor, place and date) become one event; the most confident report is kept. An event
must have a first actor: when the sentence names none, a generic one fits the type
("Protesters", "Unidentified Armed Group"), with no quoted text. An article from a monitor that
logs incidents (:mod:`sitrep.stages.events_logs`) with no such sentence is one event: its entry.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final, NamedTuple

from ..dating import event_date
from ..models import Actor, Doc, Event, Span
from ..pipeline import stage
from ..vocab import ActorKind, ActorType, EventType, Modality, SegmentKind, SubEventType
from . import events_logs as logs
from . import events_refine as refine
from . import events_roles as roles
from .events_types import event_id, plover_for, type_sentence

__all__ = ["events"]

S = SubEventType
_CROWDS: Final = {
    S.PEACEFUL_PROTEST: ("Protesters", ActorType.PROTESTERS),
    S.PROTEST_WITH_INTERVENTION: ("Protesters", ActorType.PROTESTERS),
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS: ("Protesters", ActorType.PROTESTERS),
    S.VIOLENT_DEMONSTRATION: ("Rioters", ActorType.RIOTERS),
    S.MOB_VIOLENCE: ("Rioters", ActorType.RIOTERS),
    S.ARRESTS: ("Police Forces", ActorType.STATE_FORCES),
}
#: A later sentence of these types, with nothing of its own to set it apart, tells more of the event before it.
_FOLLOW_UPS: Final = frozenset({S.ATTACK, S.ARMED_CLASH, S.LOOTING_PROPERTY_DESTRUCTION, S.DISRUPTED_WEAPONS_USE,
                                S.ARRESTS})
_CROWD_FOLLOW_UPS: Final = frozenset({S.ATTACK, S.ARMED_CLASH, S.LOOTING_PROPERTY_DESTRUCTION, S.ARRESTS,
                                      S.DISRUPTED_WEAPONS_USE, S.OTHER})
_VIOLENT: Final = frozenset({EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                             EventType.VIOLENCE_AGAINST_CIVILIANS})
#: How much less a later sentence's event is trusted to be the article's main one (the lead tells it).
_LEAD_DECAY: Final = 0.03


def _generic(sub: SubEventType, country: str | None, other: Actor | None = None) -> Actor:
    """The unnamed first actor of an event: the crowd of a protest, the police who arrested, the state forces who
    fought armed men the sentence names only as the side that suffered, else an unidentified armed group."""
    fighting = sub.event_type in (EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE)
    if fighting and other is not None and other.type in (ActorType.REBEL_GROUPS, ActorType.POLITICAL_MILITIAS,
                                                         ActorType.IDENTITY_MILITIAS):
        name, kind = "Military Forces", ActorType.STATE_FORCES
    else:
        name, kind = _CROWDS.get(sub, ("Unidentified Armed Group", ActorType.POLITICAL_MILITIAS))
    if country:
        name = f"{name} of {refine.country_name(country) or country}" if kind is ActorType.STATE_FORCES \
            else f"{name} ({refine.country_name(country) or country})"
    return Actor(name, "", 0, 0, kind, country, None, ActorKind.GROUP, None, None, "default")


class _Draft(NamedTuple):
    position: int  # the sentence's position among the body sentences
    event: Event
    own_place: bool  # the place was named in the event's own sentence


@stage(name="events", needs={"view", "segments", "sentences", "actors", "places", "times", "quantities", "published"},
       provides={"events"})
def events(doc: Doc) -> Doc:
    """Every event the body reports, one record each."""
    view = doc.view
    assert view is not None  # guaranteed by needs={"view"}
    text = doc.text
    drafts: list[_Draft] = []
    body = [sentence for sentence in doc.sentences if sentence.kind is SegmentKind.BODY]
    for index, sentence in enumerate(body):
        s, e = sentence.start, sentence.end
        vs, ve = view.from_original(s), view.from_original(e)
        typed = type_sentence(view.text, vs, ve)
        if typed is None:
            continue
        trigger, trigger_end = view.to_original(typed.trigger_start, typed.trigger_end)
        actor1, actor2 = roles.roles(doc, s, e, trigger, typed.sub_event_type)
        if actor2 is None and roles.passive_victim(doc, actor1, trigger, trigger_end):
            actor1, actor2 = None, actor1  # "three militants were killed": they are the second side
        sub, actor1, actor2 = refine.refine(typed.sub_event_type, text[trigger:trigger_end], text[trigger:e],
                                            actor1, actor2, text[s:e])
        sub = refine.protest_kind(sub, typed.fired, text[s:e])
        said = roles.attribution(doc, s, e, doc.actors)
        place = roles.location(doc, s, e, trigger, said)
        own_place = place is not None and s <= place.start < e
        country = place.country if place else None
        crowd = refine.crowd(sub, actor1, country)
        assoc = (actor1,) if crowd is not None and actor1 is not None and actor1.name != crowd.name else ()
        actor1 = crowd or actor1 or _generic(sub, country, actor2)
        actor1 = refine.localise(actor1, country) or actor1
        actor2 = refine.localise(actor2, country)
        date = event_date(doc, s, e, trigger=trigger)
        mode = roles.modality(doc, s, e, trigger, date)
        confidence = typed.confidence * (1.0 if actor1.kb_id or actor1.resolved_by not in (None, "default") else 0.85)
        confidence *= 1.0 if place is not None else 0.85
        confidence *= max(0.8, 1.0 - _LEAD_DECAY * index)
        if mode is not Modality.ASSERTED:
            confidence *= 0.8
        event = Event(
            event_id=event_id(doc.article.id, s, e, sub),
            article_id=doc.article.id,
            event_type=sub.event_type,
            sub_event_type=sub,
            plover_type=plover_for(sub),
            actor1=actor1,
            actor2=actor2,
            assoc_actor_1=assoc,
            location=place,
            date=date,
            fatalities=roles.fatalities(doc, s, e),
            modality=mode,
            attribution=said,
            evidence=Span(s, e, text[s:e]),
            confidence=round(confidence, 4),
        )
        drafts.append(_Draft(index, event, own_place))
    found: dict[tuple[object, ...], Event] = {}
    for event in _fold_follow_ups(drafts):
        key = (event.sub_event_type, event.actor1.name, event.location.name if event.location else None,
               event.date.value if event.date else None, event.modality)
        kept = found.get(key)
        if kept is None or event.confidence > kept.confidence:
            found[key] = event if kept is None else replace(event, fatalities=event.fatalities or kept.fatalities)
    ordered = sorted(found.values(), key=lambda ev: ev.evidence.start)
    if not ordered:  # an entry of an incident log reports its event without a sentence saying so
        logged = logs.incident(doc)
        ordered = [logged] if logged is not None else []
    return replace(doc, events=tuple(ordered))


def _names(event: Event) -> set[str]:
    return {a.name for a in (event.actor1, event.actor2) if a is not None and a.text}


def _follows(lead: _Draft, later: _Draft) -> bool:
    """Whether ``later`` (the next sentence's event) tells more of ``lead``'s event rather than another one."""
    a, b = lead.event, later.event
    if later.position != lead.position + 1 or a.modality is not b.modality:
        return False
    if later.own_place and a.location is not None and b.location is not None and b.location.name != a.location.name:
        return False
    if a.sub_event_type in refine.PROTEST_FAMILY:
        return b.sub_event_type in _CROWD_FOLLOW_UPS or b.sub_event_type in refine.PROTEST_FAMILY
    if a.event_type not in _VIOLENT or b.sub_event_type not in _FOLLOW_UPS | {a.sub_event_type}:
        return False
    return not b.actor1.text or b.actor1.name in _names(a)


def _fold(lead: Event, later: Event) -> Event:
    """``lead`` told more fully by the sentence of ``later``: a protest's kind, a missing second actor, place or
    death toll."""
    sub = lead.sub_event_type
    actor2 = lead.actor2
    if sub in refine.PROTEST_FAMILY:
        sub = refine.upgrade_protest(sub, later.sub_event_type, later.evidence.text)
        if actor2 is None:
            state = [x for x in (later.actor1, later.actor2) if x is not None and x.type is ActorType.STATE_FORCES]
            actor2 = state[0] if state else None
    elif actor2 is None and later.actor2 is not None and later.actor2.name != lead.actor1.name:
        actor2 = later.actor2
    return replace(lead, sub_event_type=sub, event_type=sub.event_type, plover_type=plover_for(sub), actor2=actor2,
                   location=lead.location or later.location, fatalities=lead.fatalities or later.fatalities,
                   event_id=event_id(lead.article_id, lead.evidence.start, lead.evidence.end, sub),
                   confidence=max(lead.confidence, later.confidence))


def _fold_follow_ups(drafts: list[_Draft]) -> list[Event]:
    """The events of consecutive sentences, each follow-up folded into the event it tells more of."""
    out: list[_Draft] = []
    for draft in drafts:
        if out and _follows(out[-1], draft):
            lead = out[-1]
            out[-1] = _Draft(draft.position, _fold(lead.event, draft.event), lead.own_place)
        else:
            out.append(draft)
    return [d.event for d in out]
