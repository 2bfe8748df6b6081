"""Events: one record per event an analyst would code, from the sentences that report it.

For each body sentence the typer (:mod:`sitrep.stages.events_types`) gives the ACLED sub-event type
and PLOVER type, or nothing. The event then takes, from the same sentence: its actors in their
roles, its place (else the article's focus town), its date (:mod:`sitrep.dating`: the governing
time expression, else the publication week, flagged), the number killed, its modality and who said
so (:mod:`sitrep.stages.events_roles`). Sentences of one article that report the same event (same
type, first actor, place and date) become one event; the most confident report is kept. An event
must have a first actor: when the sentence names none, a generic one fits the type
("Protesters", "Unidentified Armed Group"), with no quoted text.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Final

from ..dating import event_date
from ..models import Actor, Doc, Event, Span
from ..pipeline import stage
from ..vocab import ActorKind, ActorType, Modality, SegmentKind, SubEventType
from . import events_roles as roles
from .events_types import type_sentence

__all__ = ["events"]

S = SubEventType
_CROWDS: Final = {
    S.PEACEFUL_PROTEST: ("Protesters", ActorType.PROTESTERS),
    S.PROTEST_WITH_INTERVENTION: ("Protesters", ActorType.PROTESTERS),
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS: ("Protesters", ActorType.PROTESTERS),
    S.VIOLENT_DEMONSTRATION: ("Rioters", ActorType.RIOTERS),
    S.MOB_VIOLENCE: ("Rioters", ActorType.RIOTERS),
}


def _generic(sub: SubEventType, country: str | None) -> Actor:
    name, kind = _CROWDS.get(sub, ("Unidentified Armed Group", ActorType.POLITICAL_MILITIAS))
    if country:
        name = f"{name} ({country})"
    return Actor(name, "", 0, 0, kind, country, None, ActorKind.GROUP, None, None, "default")


def _event_id(article_id: str, start: int, end: int, sub: SubEventType) -> str:
    key = f"{article_id}\x1f{start}\x1f{end}\x1f{sub}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@stage(name="events", needs={"view", "segments", "sentences", "actors", "places", "times", "quantities", "published"},
       provides={"events"})
def events(doc: Doc) -> Doc:
    """Every event the body reports, one record each."""
    view = doc.view
    assert view is not None  # guaranteed by needs={"view"}
    text = doc.text
    found: dict[tuple[object, ...], Event] = {}
    for sentence in doc.sentences:
        if sentence.kind is not SegmentKind.BODY:
            continue
        s, e = sentence.start, sentence.end
        vs, ve = view.from_original(s), view.from_original(e)
        typed = type_sentence(view.text, vs, ve)
        if typed is None:
            continue
        trigger, _ = view.to_original(typed.trigger_start, typed.trigger_end)
        sub = typed.sub_event_type
        actor1, actor2 = roles.roles(doc, s, e, trigger, sub)
        place = roles.location(doc, s, e, trigger)
        if actor1 is None:
            actor1 = _generic(sub, place.country if place else None)
        date = event_date(doc, s, e, trigger=trigger)
        mode = roles.modality(doc, s, e, trigger, date)
        confidence = typed.confidence * (1.0 if actor1.kb_id or actor1.resolved_by not in (None, "default") else 0.85)
        confidence *= 1.0 if place is not None else 0.85
        if mode is not Modality.ASSERTED:
            confidence *= 0.8
        event = Event(
            event_id=_event_id(doc.article.id, s, e, sub),
            article_id=doc.article.id,
            event_type=sub.event_type,
            sub_event_type=sub,
            plover_type=typed.plover_type,
            actor1=actor1,
            actor2=actor2,
            location=place,
            date=date,
            fatalities=roles.fatalities(doc, s, e),
            modality=mode,
            attribution=roles.attribution(doc, s, e, doc.actors),
            evidence=Span(s, e, text[s:e]),
            confidence=round(confidence, 4),
        )
        key = (sub, actor1.name, place.name if place else None, date.value if date else None, mode)
        kept = found.get(key)
        if kept is None or event.confidence > kept.confidence:
            found[key] = event if kept is None else replace(event, fatalities=event.fatalities or kept.fatalities)
    ordered = sorted(found.values(), key=lambda ev: ev.evidence.start)
    return replace(doc, events=tuple(ordered))
