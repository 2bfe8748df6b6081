"""Incident logs: entries of monitors that publish one incident per entry, as a date and a place.

Some monitors publish incident lists rather than stories: an Airwars entry reads "June 18th 2017:
(S895) Al Nawawi mosque, Raqqa city, Raqqa governorate, Syria" and nothing more. Each entry is an
alleged air or drone strike that harmed civilians, which is how ACLED and UCDP code them; the entry
itself never says so, the monitor does. So an article from a known monitor whose text names a date
and a place, and in which no sentence reports an event, becomes one event of the monitor's kind,
placed and dated from the entry like any other event, the first actor left unidentified.

An entry quoted without its outlet (a headline list that kept only the text) is known by the
monitor's own incident code after the date. Nothing here applies to other outlets: a bare "date:
place" line from a newspaper is not an event.
"""

from __future__ import annotations

import re
from typing import Final

from ..dating import event_date
from ..models import Actor, Doc, Event
from ..vocab import ActorKind, ActorType, Modality, SegmentKind, SubEventType
from . import events_fatalities as killed
from . import events_refine as refine
from . import events_roles as roles
from .events_types import new_event

__all__ = ["MONITORS", "incident"]

#: Monitors whose entries are incidents, by a word of their outlet name (lower case): the kind of
#: event each entry is, and the side that suffered it.
MONITORS: Final = {
    "airwars": (SubEventType.AIR_DRONE_STRIKE, ActorType.CIVILIANS),
}
#: An entry quoted without its outlet is still known by its shape: a date, a colon and the monitor's
#: own incident code ("June 18th 2017: (S895) ...", Airwars' Syria codes).
ENTRY_CODES: Final = {
    "airwars": re.compile(r"[^:\n]{0,60}\b(?:19|20)\d\d\b[^:\n]{0,30}:\s*\((?:S|I|SY|IR)\d{1,5}[a-z]?\)"),
}
_CONFIDENCE: Final = 0.6  # an entry is an allegation the monitor is still assessing


def _monitor(doc: Doc) -> tuple[SubEventType, ActorType] | None:
    outlet = (doc.article.source or "").lower()
    for word, kind in MONITORS.items():
        if word in outlet or ENTRY_CODES[word].match(doc.text.lstrip()):
            return kind
    return None


def incident(doc: Doc) -> Event | None:
    """The incident an entry of a known monitor logs, or None (another outlet, or no place or date)."""
    kind = _monitor(doc)
    body = [s for s in doc.sentences if s.kind is SegmentKind.BODY]
    if kind is None or not body:
        return None
    sub, victims = kind
    start = min((seg.start for seg in doc.segments if seg.kind in (SegmentKind.BODY, SegmentKind.SITE_TAG,
                                                                   SegmentKind.DATELINE)), default=body[0].start)
    end = body[-1].end
    place = roles.location(doc, start, end, start)
    date = event_date(doc, start, end, trigger=start)
    if place is None or date is None or not date.text:  # an entry names both; without them it is not one
        return None
    country_name = refine.country_name(place.country) if place.country else None
    actor1 = Actor("Unidentified Military Forces", "", 0, 0, ActorType.STATE_FORCES, None, None, ActorKind.GROUP,
                   None, None, "default")
    actor2 = Actor(f"Civilians ({country_name})" if country_name else "Civilians", "", 0, 0, victims,
                   place.country, None, ActorKind.GROUP, None, None, "default")
    return new_event(
        doc, start, end, sub,
        actor1=actor1,
        actor2=actor2,
        location=place,
        date=date,
        fatalities=killed.fatalities(doc, start, end),
        modality=Modality.ASSERTED,
        confidence=_CONFIDENCE,
    )
