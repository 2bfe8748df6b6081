"""The parts of an event read from its sentence: actors in their roles, place, fatalities,
modality and attribution. Used by :mod:`sitrep.stages.events`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from ..models import Actor, Doc, EventDate, Fatalities, Place, Quantity, Span
from ..vocab import ActorKind, ActorType, Modality, SegmentKind, SubEventType

__all__ = ["attribution", "fatalities", "location", "modality", "passive_victim", "roles"]

S = SubEventType

# ----------------------------------------------------------------------------- actors

#: "were killed by X", "was attacked by X": the actor after "by" did it.
_PASSIVE_BY: Final = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn)\s+(?:\w+\s+){0,3}?by\s+$", re.IGNORECASE
)
_BETWEEN: Final = re.compile(r"\bbetween\s+$", re.IGNORECASE)
#: Types that have no second actor in ACLED: protests and riots are coded with the crowd alone
#: unless someone intervened.
_ONE_SIDED: Final = frozenset({S.PEACEFUL_PROTEST, S.VIOLENT_DEMONSTRATION, S.HEADQUARTERS_OR_BASE_ESTABLISHED,
                               S.CHANGE_TO_GROUP_ACTIVITY, S.OTHER})


def _usable(actor: Actor) -> bool:
    return actor.kind is not ActorKind.PERSON or actor.affiliation is not None


def _as_actor(actor: Actor) -> Actor:
    """A person acts for the group they belong to: "SDF spokesman Mostafa Bali" is the SDF."""
    if actor.kind is ActorKind.PERSON and actor.affiliation:
        return Actor(actor.affiliation, actor.text, actor.start, actor.end, actor.type, actor.country, None,
                     ActorKind.ORGANISATION, None, None, "affiliation")
    return actor


#: "militants were killed", "two soldiers have been abducted": the subject before it suffered the act.
_PASSIVE: Final = re.compile(r"^[\s,]*(?:[\w'-]+\s+){0,4}?(?:were|was|have been|has been|had been|are being|is being|"
                             r"got|reportedly|allegedly)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PARTICIPLE: Final = re.compile(r"\w+(?:ed|en|wn|ot|ung)$", re.IGNORECASE)


def passive_victim(doc: Doc, actor: Actor | None, trigger: int, trigger_end: int) -> bool:
    """Whether ``actor`` is the subject of a passive trigger: "Three militants were killed" (no "by")."""
    if actor is None or actor.end > trigger or not _PARTICIPLE.search(doc.text, trigger, trigger_end):
        return False
    return _PASSIVE.search(doc.text[actor.end:trigger]) is not None


def roles(doc: Doc, start: int, end: int, trigger: int, sub: SubEventType) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 of an event told in ``doc.text[start:end]`` with its trigger at ``trigger``.

    actor1 is the nearest actor before the trigger (the subject), else the first after it; actor2
    the nearest other actor after the trigger (the object), else another before it. "X were killed
    by Y" makes Y actor1; "clashes between X and Y" makes X actor1 and Y actor2.
    """
    text = doc.text
    inside = [a for a in doc.actors if start <= a.start and a.end <= end and _usable(a)]
    if not inside:
        return None, None
    before = [a for a in inside if a.end <= trigger]
    after = [a for a in inside if a.start >= trigger]
    first: Actor | None = before[-1] if before else (after[0] if after else inside[0])
    second: Actor | None = None
    for a in after:
        if first is None or a.name != first.name:
            second = a
            break
    if second is None:
        for a in reversed(before):
            if first is not None and a.name != first.name:
                second = a
                break
    # "... were killed by gunmen": the actor after "by" is the perpetrator
    for a in after:
        if _PASSIVE_BY.search(text, max(start, a.start - 60), a.start):
            victim = first if first is not None and first.name != a.name else second
            first, second = a, victim if victim is not None and victim.name != a.name else None
            break
    if first is not None and _BETWEEN.search(text, max(start, first.start - 10), first.start) and second is None:
        later = [a for a in inside if a.start > first.end and a.name != first.name]
        second = later[0] if later else None
    if sub in _ONE_SIDED and second is not None and second.type is not ActorType.STATE_FORCES:
        second = None
    return (_as_actor(first) if first else None), (_as_actor(second) if second else None)


# ----------------------------------------------------------------------------- place

_NOT_EVENT_PLACES: Final = frozenset({"demonym"})
_RANK: Final = {"landmark": 0, "relative": 0, "city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
_STORY: Final = frozenset({SegmentKind.BODY, SegmentKind.HEADLINE})


def location(doc: Doc, start: int, end: int, trigger: int, skip: Span | None = None) -> Place | None:
    """The place of an event told in ``doc.text[start:end]``.

    A place named in the sentence: of the country the article is about where it names places of
    several; a town before a province before a country; the nearest after the trigger, else the
    nearest before.
    Never a place in ``skip`` (the attribution: "a source in Damascus said"). Else the article's
    focus (the town of the story it names most), else None."""
    inside = [p for p in doc.places
              if start <= p.start and p.end <= end and p.feature not in _NOT_EVENT_PLACES and p.latitude is not None
              and not (skip is not None and skip.start <= p.start and p.end <= skip.end)]
    if inside:
        home = _home_country(doc)
        if home is not None and any(p.country == home for p in inside):
            inside = [p for p in inside if p.country == home]

        def key(p: Place) -> tuple[int, int]:
            distance = (p.start - trigger) if p.start >= trigger else 10_000 + trigger - p.end
            return _RANK.get(p.feature or "city", 2), distance

        return min(inside, key=key)
    return focus_place(doc)


def _home_country(doc: Doc) -> str | None:
    """The country the story is about, when its places and actors clearly say so: a town in another
    country of the same name as a local one ("Popo" near "Bria") is then not taken."""
    votes: dict[str, float] = {}
    for p in doc.places:
        if p.country and p.latitude is not None:
            votes[p.country] = votes.get(p.country, 0.0) + (0.5 if p.feature in _NOT_EVENT_PLACES else 1.0)
    for a in doc.actors:
        if a.country and a.kb_id is not None:
            votes[a.country] = votes.get(a.country, 0.0) + 0.5
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:2]
    best, n = ranked[0]
    return best if len(ranked) == 1 or n > ranked[1][1] else None


def _in_story(doc: Doc, place: Place) -> bool:
    if not doc.segments:
        return True
    return any(seg.kind in _STORY and seg.start <= place.start < seg.end for seg in doc.segments)


def focus_place(doc: Doc) -> Place | None:
    """The town the article names most in its story (the first named on a tie), if it names any; a
    dateline's or a credit's town is where the reporter was, not the event."""
    towns = [p for p in doc.places
             if p.feature in ("city", "landmark") and p.latitude is not None and _in_story(doc, p)]
    if not towns:
        return None
    counts = Counter(p.name for p in towns)
    best = max(counts.values())
    return next(p for p in towns if counts[p.name] == best)


# ----------------------------------------------------------------------------- fatalities

_KILLED: Final = re.compile(r"\b(?:kill\w*|dead|deaths?|died|dies|die|lives|bodies|corpses|massacred|slain|"
                            r"death toll|toll|lost their lives|execut\w*|behead\w*|shot dead|ston\w+ to death|"
                            r"crucif\w+|slaughter\w*|casualties|fatalities|martyr\w*|victims)\b", re.IGNORECASE)
_WOUNDED: Final = re.compile(r"\b(?:wound\w*|injur\w*|hurt)\b", re.IGNORECASE)
_NOBODY: Final = re.compile(r"\b(?:no (?:one|casualties|deaths|fatalities|injuries)|nobody|no-one) (?:was |were )?"
                            r"(?:killed|hurt|injured|reported|died)?|without casualties|no casualties\b", re.IGNORECASE)
_PEOPLE: Final = frozenset({"people", "civilians", "fighters", "soldiers", "police", "children", "protesters", "men",
                            "women", "dead", "killed", "persons", "villagers", "students", "staff", "patients",
                            "worshippers", "militants", "citizens", "members", "officers", "policemen", "guards",
                            "troops", "rebels", "insurgents", "militiamen", "individuals", "youths", "boys", "girls",
                            "farmers", "miners", "workers", "pilgrims", "refugees", "migrants", "gendarmes",
                            "jihadists", "terrorists", "bandits", "herders", "victims", "others", "elements",
                            "personnel", "commanders", "journalists", "activists", "passengers", "residents",
                            "casualties", "fatalities", "martyrs", "assailants", "attackers", "gunmen",
                            "suspects", "combatants", "servicemen", "recruits", "detainees", "prisoners",
                            "teachers", "traders", "pupils", "family", "families", "wounded", "injured"})


def fatalities(doc: Doc, start: int, end: int) -> Fatalities | None:
    """How many were killed in the event told in ``doc.text[start:end]``: the counts of people the
    sentence ties to killing (and not to wounding), summed; 0 when it says nobody died; None when
    it gives no number."""
    text = doc.text
    m = _NOBODY.search(text, start, end)
    if m:
        return Fatalities(0, 0, 0, text[m.start():m.end()], m.start(), m.end())
    counted: list[Quantity] = []
    for q in doc.quantities:
        if not (start <= q.start and q.end <= end) or q.unit not in _PEOPLE:
            continue
        after = text[q.end:min(end, q.end + 45)]
        before = text[max(start, q.start - 30):q.start]
        killed = _KILLED.search(after) or _KILLED.search(before)
        wounded = _WOUNDED.search(after)
        if killed is None:
            continue
        if wounded is not None and wounded.start() < killed.start() and " and " not in after[: killed.start()]:
            continue  # "30 wounded" (a count of the wounded that comes before any killing word)
        counted.append(q)
    if not counted:
        return _singles(text, start, end)
    q = counted[0]
    low = int(q.low if q.low is not None else q.value or 0)
    high = int(q.high if q.high is not None else max(low, int(q.value or 0)))
    best = int(q.value or low)
    return Fatalities(best, low, high, q.text, q.start, q.end)


#: One person named by a noun: "a man", "a young woman", "one soldier" (each counts 1).
_SINGLE: Final = re.compile(
    r"\b(?i:a|an|one)\s+(?:(?:young|old|elderly|little|teenage|local|pregnant|famous|senior|prominent|[A-Z]\w+)\s+)?"
    r"(?:man|woman|boy|girl|child|civilian|citizen|soldier|policeman|policewoman|officer|fighter|member|commander|"
    r"person|farmer|student|teacher|journalist|activist|trader|villager|resident|worker|guard|militant|rebel|poet|"
    r"doctor|nurse|driver|shepherd|herder|youth|teenager|infant|baby|leader|chief|imam|priest|pastor|official)\b"
)


def _singles(text: str, start: int, end: int) -> Fatalities | None:
    """The people killed when the sentence names each one: "A man and a woman stoned to death" is 2."""
    hits: list[re.Match[str]] = []
    for m in _SINGLE.finditer(text, start, end):
        after = text[m.end():min(end, m.end() + 45)]
        before = text[max(start, m.start() - 30):m.start()]
        killed_after = _KILLED.search(after)
        if killed_after is None and _KILLED.search(before) is None:
            continue
        if killed_after is not None and _WOUNDED.search(after, 0, killed_after.start()):
            continue  # "a child was wounded and ... killed": the wounding is this person's
        hits.append(m)
    if not hits:
        return None
    # "a man and a woman": the names joined by "and" are one group; another group is another count
    group = [hits[0]]
    for m in hits[1:]:
        if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[group[-1].end():m.start()]):
            group.append(m)
    s, e = group[0].start(), group[-1].end()
    return Fatalities(len(group), len(group), len(group), text[s:e], s, e)


# ----------------------------------------------------------------------------- modality

_DENIED: Final = re.compile(
    r"\b(?:denied|denies|deny|rejected (?:claims|reports)|did not|didn't|never|no (?:attack|clash))\b", re.IGNORECASE
)
_EXPECTED: Final = re.compile(r"\b(?:will|would|expected|expects?|expecting|plans? to|planned|planning|set to|"
                              r"scheduled|threaten\w*|vow\w*|warn\w*|prepar\w+ (?:to|for)|poised to|about to|"
                              r"intends?|aims? to|could|may|might|if)\b", re.IGNORECASE)
_HISTORY_DAYS: Final = 45


def modality(doc: Doc, start: int, end: int, trigger: int, date: EventDate | None) -> Modality:
    """Whether the sentence asserts the event, expects it, denies it or recalls it as background."""
    text = doc.text
    clause = text[max(start, trigger - 80): min(end, trigger + 40)]
    if _DENIED.search(clause):
        return Modality.DENIED
    if _EXPECTED.search(text, max(start, trigger - 50), trigger + 1):
        return Modality.EXPECTED
    published = doc.article.published
    if date is not None and date.text is not None and published is not None:
        day = published.date() if isinstance(published, dt.datetime) else published
        if (day - date.high).days > _HISTORY_DAYS:
            return Modality.HISTORICAL
    return Modality.ASSERTED


# ----------------------------------------------------------------------------- attribution

_SAID: Final = re.compile(r"\b(?:said|says|say|told|reported|claimed|announced|stated|confirmed|added)\b")
_ACCORDING: Final = re.compile(r"\baccording to\s+[^,.;]{2,80}", re.IGNORECASE)


def attribution(doc: Doc, start: int, end: int, actors: Sequence[Actor]) -> Span | None:
    """Who the sentence says told of the event: "SDF spokesman Mostafa Bali said", "the SDF has
    said", "according to a monitoring group"."""
    text = doc.text
    m = _ACCORDING.search(text, start, end)
    if m:
        return Span(m.start(), m.end(), text[m.start():m.end()])
    for said in _SAID.finditer(text, start, end):
        speaker = [a for a in actors if start <= a.start and a.end <= said.start() and said.start() - a.end <= 25]
        if speaker:
            s = speaker[-1].start
            # take in the words of the actor's phrase before it: "SDF spokesman Mostafa Bali"
            for a in actors:
                if start <= a.start < s and s - a.end <= 2:
                    s = a.start
            return Span(s, said.end(), text[s:said.end()])
    return None
