"""Events: one record per event an analyst would code, from the sentences that report it.

For each body sentence the typer (:mod:`sitrep.stages.events_types`) gives the ACLED sub-event type
and PLOVER type, or nothing. The event then takes, from the same sentence: its actors in their
roles, its place (else the article's focus town), its date (:mod:`sitrep.dating`: the governing
time expression, else the publication week, flagged), its modality and who said so
(:mod:`sitrep.stages.events_roles`), the number killed (:mod:`sitrep.stages.events_fatalities`).
A sentence that follows an event's and tells more of it (arrests, a death toll, "Tyres were set
alight" after a protest, even with no event of its own) is folded into it. Sentences of one article
that report the same event (same type, first actor, place and date) become one event; the most
confident report is kept; the aftermath of violence told after it (arrests, weapons found), and
air strikes or mines told after a battle (that battle's weapons), and arrests or damage anywhere in an article
that tells a protest or riot (that crowd's, unless held for a protest still to come), are trusted less to be the
article's main event. An event must have a first actor: when the sentence
names none, a generic one fits the type ("Protesters", "Unidentified Armed Group"), with no quoted
text; violence against civilians has civilians as its second side, named or not. Strategic
developments carry no death toll (the deaths they mention are another event's). An article from a
monitor that logs incidents (:mod:`sitrep.stages.events_logs`) with no such sentence is one event:
its entry. Last, the stage's score of each event becomes its confidence, the share of such events
that were right on labelled notes (:mod:`sitrep.stages.events_confidence`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Final, NamedTuple

from ..dating import event_date
from ..knowledge.actors import ARMED_BRANCHES, load_kb
from ..models import Actor, Doc, Event, Fatalities, Place, Sentence, Span
from ..pipeline import stage
from ..vocab import ActorKind, ActorType, EventType, Modality, SegmentKind, SubEventType
from . import events_confidence as confidence
from . import events_fatalities as killed
from . import events_logs as logs
from . import events_refine as refine
from . import events_roles as roles
from .events_types import (
    NO_VIOLENCE,
    PLANTED_BOMB,
    TERRITORY_GAIN,
    Typed,
    event_id,
    new_event,
    plover_for,
    type_sentence,
)

__all__ = ["events", "scored"]

S = SubEventType
_CROWDS: Final = {
    S.PEACEFUL_PROTEST: ("Protesters", ActorType.PROTESTERS),
    S.PROTEST_WITH_INTERVENTION: ("Protesters", ActorType.PROTESTERS),
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS: ("Police Forces", ActorType.STATE_FORCES),
    S.VIOLENT_DEMONSTRATION: ("Rioters", ActorType.RIOTERS),
    S.MOB_VIOLENCE: ("Rioters", ActorType.RIOTERS),
    S.ARRESTS: ("Police Forces", ActorType.STATE_FORCES),
}
#: A later sentence of these types, with nothing of its own to set it apart, tells more of the event before it.
_FOLLOW_UPS: Final = frozenset({S.ATTACK, S.ARMED_CLASH, S.LOOTING_PROPERTY_DESTRUCTION, S.DISRUPTED_WEAPONS_USE,
                                S.ARRESTS, S.MOB_VIOLENCE})
_CROWD_FOLLOW_UPS: Final = frozenset({S.ATTACK, S.ARMED_CLASH, S.LOOTING_PROPERTY_DESTRUCTION, S.ARRESTS,
                                      S.DISRUPTED_WEAPONS_USE, S.OTHER})
_VIOLENT: Final = frozenset({EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                             EventType.VIOLENCE_AGAINST_CIVILIANS})
#: What follows violence (arrests, weapons found, property destroyed, forces moved): told after a violent event, it is
#: that event's aftermath, less likely the article's main event.
_AFTERMATH: Final = frozenset({S.ARRESTS, S.DISRUPTED_WEAPONS_USE, S.LOOTING_PROPERTY_DESTRUCTION,
                               S.CHANGE_TO_GROUP_ACTIVITY, S.OTHER, S.AGREEMENT, S.NON_VIOLENT_TRANSFER_OF_TERRITORY})
_AFTERMATH_DECAY: Final = 0.5
#: What a crowd's protest or riot brings: told anywhere in an article that tells the protest, part of it.
_CROWD_AFTERMATH: Final = frozenset({S.ARRESTS, S.LOOTING_PROPERTY_DESTRUCTION})
#: The weapons of a fight told after it (air strikes in a campaign whose fighting the lead told, a mine that hit troops
#: on the operation): details of that battle, not the article's main event. A bombardment told on its own is more
#: often an exchange of its own (a town shelled after the clash), so shelling is not among them.
_WEAPONS_OF_BATTLE: Final = frozenset({S.AIR_DRONE_STRIKE, S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.GRENADE})
#: A sentence that points back at the event told before it: "was killed in the attack", "during the clashes".
_BACK_REFERENCE: Final = re.compile(r"\b(?:the|this|that|these|those)\s+(?:attacks?|ambush|raids?|clash(?:es)?|"
                                    r"fighting|assaults?|incident|shoot-?out|gun ?battle|firefight|exchange of fire)\b",
                                    re.IGNORECASE)
#: The attackers named again, by a pronoun or as "the assailants", "the gunmen": those of the event before.
_THE_ATTACKERS: Final = re.compile(r"\b(?:[Tt]hey|(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+)?(?:assailants|attackers|"
                                   r"gunmen|raiders|militants|insurgents|bandits|fighters|armed men|perpetrators))\s*$")
#: Fighting told: with it, "no resistance" is an exception, not the whole story.
_AMBUSH: Final = re.compile(r"\b(?:ambush\w*|clash\w*|fighting|fought|exchange of fire|gunfire)\b", re.IGNORECASE)
#: Harm done to someone held: "he was tortured", "two of them were beaten to death".
_IN_CUSTODY_HARM: Final = re.compile(r"\b(?:tortur\w+|beaten|beat(?:ing)? (?:him|her|them)|(?:died|killed|beaten to "
                                     r"death) in (?:custody|detention|prison|jail|a cell)|raped)\b", re.IGNORECASE)
#: A sentence that opens on the event told before it: "The attack also left four people injured", "The crackdown
#: targeted areas in Arish", "During the operation, the troops ...".
_OPENS_ON_IT: Final = re.compile(r"^\W*(?:(?:during|in|after|following|throughout)\s+)?(?:the|this|that|these|those)\s+"
                                 r"(?:[\w-]+\s+)?(?:attacks?|ambush|raids?|clash(?:es)?|fighting|assaults?|incident|"
                                 r"shoot-?out|gun ?battle|firefight|crackdown|operations?|offensive|campaign|bombing|"
                                 r"explosion|blast|violence|killings?)\b", re.IGNORECASE)
#: Those attacked fought back: the attack was a battle.
_FOUGHT_BACK: Final = re.compile(r"\b(?:return(?:ed|ing)? (?:the )?fire|fought back|fight(?:ing)? back|repel(?:led|s)?|"
                                 r"repuls\w+|resist(?:ed|ing)|exchange[sd]? (?:of )?(?:fire|gunfire)|firefight|"
                                 r"gun ?battle|shoot-?out)\b", re.IGNORECASE)
#: How much less a later sentence's event is trusted to be the article's main one (the lead tells it).
_LEAD_DECAY: Final = 0.03
#: Where one sentence may go on to a second event: "Warplanes bomb Aleppo and clashes continue in Idlib".
_CLAUSE_BREAK: Final = re.compile(r"(?:,?\s+(?:and|while|as well as|amid)|\s*[;\u2026]|\s*\.\.\.|\s+[-\u2013\u2014]|:)"
                                  r"\s+", re.IGNORECASE)
#: The longest sentence read for a roundup (characters): every place where a clause may begin is typed on both sides.
_ROUNDUP_CHARS: Final = 500
#: Places closer than this (km) are one for telling a sentence's events apart ("Hong Kong" and "Kowloon").
_SAME_PLACE_KM: Final = 15.0
#: A clause opens on its event: its trigger is among its first words, its place soon after it (characters).
_OPENING_WORDS: Final = 5
_PLACE_REACH: Final = 80
#: Words before a trigger that make its event the frame of the clause's own: "the hills nearby during clashes".
_FRAME: Final = re.compile(r"\b(?:during|after|amid|following|before|since)\b", re.IGNORECASE)
#: Words that go on with the subject or the words of the clause before: "(protesters marched) and pelted the police",
#: "(raids on Idlib) and on its countryside", "(Idlib) and its countryside".
_GOES_ON: Final = re.compile(r"(?!armed\b|masked\b|unidentified\b|suspected\b|united\b)[a-z]+ed\b|"
                             r"(?:in|on|at|near|from|to|into|with|by|of|for|its|their|his|her)\b")
#: A clause whose first word is its trigger, a verb (not "clashes", "shelling", "airstrikes"), goes on with the
#: subject of the clause before: "Regime forces shell A and target B".
_VERB_OPENS: Final = re.compile(r"(?!\w+ing\b|(?:clash|strike|airstrike|raid|explosion|battle|attack|shell|bomb|"
                                r"casualtie|death|massacre|killing)s\b)[a-z]+")
#: A clause that goes on with the toll of the clause before it: "(killed) and dozens wounded".
_TOLL_GOES_ON: Final = re.compile(r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|dozens|"
                                  r"scores|hundreds|thousands|many|more than \S+|at least \S+|over \S+|others?)\s+"
                                  r"(?:\S+\s+){0,2}?(?:were\s+|are\s+)?(?:wounded|injured|hurt|killed|dead|missing|"
                                  r"arrested|detained)\b", re.IGNORECASE)
#: A clause that tells of deaths or casualties.
_DEADLY: Final = re.compile(r"\b(?:kill\w*|dead|deaths?|died|casualt\w*|martyr\w*|massacres?|toll|lives|bodies|"
                            r"fatalit\w*|wounded|injur\w*|losses)\b", re.IGNORECASE)
#: Beside a clause of its sentence that tells of deaths, the event of a clause that tells none is trusted at most this
#: share as much ("Warplanes bomb Aleppo and five people are killed in Idlib": the killing leads).
_MINOR_CLAUSE: Final = 0.95


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


#: ACLED's generic actors named after the country they act in: "Unidentified Armed Group (Egypt)", "Fulani Ethnic
#: Militia (Central African Republic)", "Rioters (Kenya)".
_GENERIC_GROUPS: Final = frozenset({ActorType.REBEL_GROUPS, ActorType.POLITICAL_MILITIAS, ActorType.IDENTITY_MILITIAS,
                                    ActorType.RIOTERS, ActorType.PROTESTERS, ActorType.CIVILIANS})
_IN_PARENS: Final = re.compile(r" \(([^()]+)\)$")


def _where_it_acts(actor: Actor, country: str | None, sentence: str) -> Actor:
    """A generic group (no knowledge base entry) named after the event's country, as ACLED names them: the country
    the actors stage gave it came from the article as a whole or from a people's home ("Fulani": Nigeria) and
    gives way to where the event is, unless the sentence names that country ("Nigerian Fulani herdsmen", "armed
    men from Ivory Coast"). Nothing changes without an event country."""
    if country is None or actor.kb_id is not None or actor.type not in _GENERIC_GROUPS or actor.country == country:
        return actor
    name = refine.country_name(country)
    if name is None:
        return actor
    m = _IN_PARENS.search(actor.name)
    if m is None:
        if actor.country is not None or "(" in actor.name or not actor.name[:1].isupper():
            return actor
        return replace(actor, name=f"{actor.name} ({name})", country=country)
    if actor.country is None or m.group(1) != refine.country_name(actor.country) or _named(actor.country, sentence) \
            or (_area(actor.country) != _area(country) and not _lives_in(actor, country)):
        return actor  # a place found half a world away from the group's home is more likely a wrong place
    return replace(actor, name=f"{actor.name[:m.start()]} ({name})", country=country)


#: Regions of the world a group moves across: Africa south of the Sahara; North Africa with the Middle East.
_AREAS: Final = {"west-africa": "sub-saharan", "middle-africa": "sub-saharan", "east-africa": "sub-saharan",
                 "southern-africa": "sub-saharan", "north-africa": "mena", "middle-east": "mena"}


def _lives_in(actor: Actor, country: str) -> bool:
    """Whether ``actor`` is the militia or group of a people that lives in ``country`` too (the Tuareg in Libya)."""
    return any(actor.name.startswith(name + " ") and country in countries for name, countries in _homes())


@cache
def _homes() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each people's name with the countries it lives in."""
    return tuple((p.name, frozenset(p.countries)) for p in load_kb().peoples.values())


def _area(iso3: str) -> str | None:
    c = load_kb().countries.get(iso3)
    return None if c is None else _AREAS.get(c.region, c.region)


def _state_where_it_acts(actor: Actor, other: Actor | None, country: str | None, article: str,
                         year: int | None, named: tuple[Actor, ...] = ()) -> Actor:
    """State forces the text never ties to a country ("regime forces", "soldiers", "warplanes"), fighting a group
    known in several countries, belong to the country the event happens in when the group is known there too. The
    actors stage runs before the places are known and gives such forces the home of the article's named group (the
    Islamic State's is Iraq; Boko Haram's is Nigeria), which is wrong for "regime forces ... in Homs" or "soldiers
    ... near Maroua". Forces whose country the article names anywhere ("Iraqi troops", "Nigeria's army"), or named
    forces ("FARDC"), keep theirs; so do all when the place is where the group is not known (more likely a
    namesake abroad than a war elsewhere). Where the other side is no such group ("soldiers beat youths in Kolofata
    on suspicion of collaborating with Boko Haram"), a group of ``named`` (the article's actors up to the sentence)
    may be."""
    if country is None or actor.type is not ActorType.STATE_FORCES or actor.kb_id is None or actor.country is None \
            or actor.country == country or _named(actor.country, article) or _proper(actor.text):
        return actor
    kb = load_kb()
    groups = [kb.entries.get(a.kb_id) for a in (other, *named) if a is not None and a.kb_id is not None]
    if not any(g is not None and actor.country in g.countries and country in g.countries for g in groups):
        return actor
    entry = kb.entries.get(actor.kb_id)
    if entry is None or not entry.branch or entry.name:  # a named unit ("Rapid Support Forces") keeps its state
        return actor
    state = kb.state(country, entry.branch)
    if state is None:
        return actor
    return replace(actor, name=kb.name_of(state, year=year), country=country, kb_id=state.id)


def _abroad(actor: Actor, country: str | None, sentence: str) -> Actor:
    """A state's forces the sentence names by their country ("Kenyan troops", "a US drone strike", "French
    forces") acting in another country, the one the sentence places the event in: External/Other Forces, as ACLED
    codes them ("Kenyan troops killed 11 militants near El Wak in Somalia"). The actors stage, which runs before the
    places are known, tells so only where the article names the other country often. The reverse holds too: forces
    it made foreign because a neighbour was named ("crossing from DRC") are at home where the event is in their own
    country."""
    home = load_kb().entries.get(actor.kb_id) if actor.kb_id is not None else None
    if country is not None and actor.type is ActorType.EXTERNAL_OTHER_FORCES and actor.country == country \
            and home is not None and home.branch in ARMED_BRANCHES:
        return replace(actor, type=ActorType.STATE_FORCES)  # a state's forces at home, told beside a neighbour named
    if country is None or actor.type is not ActorType.STATE_FORCES or actor.country is None or actor.kb_id is None \
            or actor.country == country or not _named(actor.country, sentence):
        return actor
    entry = load_kb().entries.get(actor.kb_id)
    if entry is None or entry.branch not in ARMED_BRANCHES:
        return actor  # a government ("Edo State Government") is no force abroad
    return replace(actor, type=ActorType.EXTERNAL_OTHER_FORCES)


def _group_home(actor: Actor, force: Actor) -> str | None:
    """The home of a non-state armed group of the knowledge base ("Al Shabaab": Somalia), where ``force``, the
    state's forces that fought it, are of none of the countries the group is known in: there they fought abroad."""
    if actor.kb_id is None or actor.type not in (ActorType.REBEL_GROUPS, ActorType.POLITICAL_MILITIAS,
                                                 ActorType.IDENTITY_MILITIAS):
        return None
    entry = load_kb().entries.get(actor.kb_id)
    if entry is None or not entry.countries or force.country in entry.countries:
        return None
    return entry.countries[0]


def _by_adjective(home: Place) -> bool:
    """Whether the article's country is told only by an adjective ("the Kuwaiti embassy"): too weak to call the
    forces of another country foreign there."""
    c = load_kb().countries.get(home.country or "")
    return c is not None and home.text in (*c.adjectives, *c.people)


def _proper(text: str) -> bool:
    """Whether a mention names its actor ("FARDC", "the Republican Guard") rather than describing it ("soldiers",
    "regime forces"): a capital after the first letter."""
    return any(ch.isupper() for ch in text[1:])


def _named(iso3: str, sentence: str) -> bool:
    """Whether a sentence names a country or its people ("Nigeria", "Nigerian"), not only as where someone went
    ("withdrawing towards the Burkina Faso border", "fled into Niger")."""
    pattern = _country_words(iso3)
    return pattern is not None and any(
        not _BORDER_AFTER.match(sentence, m.end()) and not _TOWARDS.search(sentence, max(0, m.start() - 16), m.start())
        for m in pattern.finditer(sentence))


_BORDER_AFTER: Final = re.compile(r"\s+border\b", re.IGNORECASE)
_TOWARDS: Final = re.compile(r"\b(?:towards?|into|across)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _country_words(iso3: str) -> re.Pattern[str] | None:
    """A country's names, adjectives and people as one pattern ("Niger State" is no mention of Niger)."""
    c = load_kb().countries.get(iso3)
    words = sorted({w for w in (*c.names, *c.adjectives, *c.people) if w}, key=len, reverse=True) if c else []
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b(?! [Ss]tate)") if words else None


class _Draft(NamedTuple):
    position: int  # the position among the body sentences of the sentence that tells the event
    event: Event
    own_place: bool  # the place was named in the event's own sentence
    last: int  # the position of the last sentence that tells more of it (sentences without an event of their own)


@stage(name="events", needs={"view", "segments", "sentences", "actors", "places", "times", "quantities", "published"},
       provides={"events"})
def events(doc: Doc) -> Doc:
    """Every event the body reports, one record each, its confidence calibrated
    (:mod:`sitrep.stages.events_confidence`)."""
    found = scored(doc)
    values = confidence.calibrate_article([signals for _, signals in found])
    # an event the article places nowhere more precisely is in the country it is about, when it clearly says
    # which (:attr:`Doc.home`); that country is only placed here, once the events are told apart and scored
    return replace(doc, events=tuple(replace(event, confidence=c, location=event.location or doc.home)
                                     for (event, _), c in zip(found, values, strict=True)))


def scored(doc: Doc) -> list[tuple[Event, confidence.Signals]]:
    """Every event the body reports, in text order, with its uncalibrated score as its confidence and the signals
    that calibrate it; the headline's when the body reports none (a page whose body is a byline, or cut short). The
    events stage without the last step, for the script that fits the calibration."""
    drafts = _drafts(doc, [sentence for sentence in doc.sentences if sentence.kind is SegmentKind.BODY])
    if not drafts:
        drafts = _drafts(doc, [sentence for sentence in doc.sentences if sentence.kind is SegmentKind.HEADLINE])
    return _collect(doc, drafts)


def _drafts(doc: Doc, sentences: list[Sentence]) -> list[_Draft]:
    """The events of ``sentences``, one draft per event a sentence or a clause of it tells, follow-ups not yet
    folded."""
    drafts: list[_Draft] = []
    for index, sentence in enumerate(sentences):
        ss, se = sentence.start, sentence.end
        clauses = _clauses(doc, ss, se)
        if clauses is None:
            if drafts and drafts[-1].last == index - 1:  # what the sentence before's event came to
                lead = drafts[-1]
                drafts[-1] = lead._replace(event=_fold(doc, lead.event, _untyped(doc, lead.event, ss, se)), last=index)
            if drafts and index - drafts[-1].position <= _CLAIM_REACH and _unnamed_attacker(drafts[-1].event):
                # "Al-Shabaab claimed responsibility for the attack.", "The killings were blamed on Fulani herdsmen."
                claimer = _claimed_by(doc, ss, se)
                if claimer is not None:
                    lead = drafts[-1]
                    drafts[-1] = lead._replace(event=_claimed(doc, lead.event, claimer))
            continue
        subject: Actor | None = None  # the first clause's first actor, for a later clause that names none
        told: list[_Draft] = []
        for s, e, typed in clauses:
            draft, subject = _draft(doc, index, (ss, se), (s, e), typed, subject)
            told.append(draft)
        drafts += _deaths_lead(told)
    return drafts


#: How many sentences after an event's own a claim or a blame for it may come.
_CLAIM_REACH: Final = 2
_CLAIMANTS: Final = frozenset({ActorType.REBEL_GROUPS, ActorType.POLITICAL_MILITIAS, ActorType.IDENTITY_MILITIAS,
                               ActorType.EXTERNAL_OTHER_FORCES})
#: After an armed group's name: it claimed the act, or is held responsible for it.
_CLAIMS_AFTER: Final = re.compile(
    r"\s+(?:(?:has|have|had|also|later|quickly|reportedly|swiftly)\s+)*(?:claimed|claims|claiming|took|takes|accepted)\s+"
    r"(?:\w+\s+)?(?:responsibility|credit|the\s+(?:attack|attacks|bombing|blast|killings?|ambush|kidnapping|abduction|"
    r"raid|assault|explosion))\b"
    r"|\s+(?:was|were|is|are|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:(?:believed|suspected|thought|said|"
    r"alleged|presumed)\s+to\s+(?:be|have\s+been)\s+)?(?:responsible|behind)\b"
    r"|\s+(?:said|says|announced|stated)\s+(?:that\s+)?(?:it|they|its\s+fighters|its\s+men)\s+(?:had\s+)?(?:planted|"
    r"carried\s+out|staged|launched|detonated|set\s+off|was\s+behind|were\s+behind)\b"
    r"|\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:widely\s+|strongly\s+|also\s+)?(?:suspected|blamed)\s*"
    r"(?:[.;]|$|of\s+(?:the|this|that|carrying|having\s+carried|staging|planting))", re.IGNORECASE)
#: Before an armed group's name: the act was claimed by it, blamed on it.
_CLAIMS_BEFORE: Final = re.compile(
    r"\b(?:(?:claimed|blamed|carried\s+out|perpetrated|committed)\s+(?:[\w-]+\s+){0,3}?(?:on|by)|blamed|"
    r"responsibility\s+(?:lies|lay|rests|rested)\s+with|hallmarks?\s+of|(?:believed|suspected|thought)\s+to\s+(?:be|have\s+"
    r"been)(?:\s+(?:members|fighters|militants)\s+of)?)\s+(?:the\s+|suspected\s+)*$", re.IGNORECASE)


def _unnamed_attacker(event: Event) -> bool:
    """Whether an event of violence has no attacker, or one the text leaves unnamed ("gunmen", "unknown assailants",
    "suspected jihadists"), or only the forces a bomb hit, listed first for want of a bomber (:func:`_hit_first`)."""
    if event.event_type not in _VIOLENT:
        return False
    a = event.actor1
    return a is None or (a.kb_id is None and a.name.startswith(_unnamed_armed())) or _hit_first(event)


@cache
def _unnamed_armed() -> tuple[str, ...]:
    """How the names of the knowledge base's armed groups the text does not name begin: "Unidentified Armed Group",
    "Islamist Militia", "Rebels"."""
    return tuple(sorted({e.name.split("{")[0].rstrip(" (") for e in load_kb().entries.values()
                         if e.role == "armed" and e.name}))


#: Bombs no state plants: their event's state forces are those the blast hit.
_PLANTED: Final = frozenset({S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.SUICIDE_BOMB, S.GRENADE})


#: Bombs laid or carried to the target (not grenades, thrown by whoever is named first): forces listed first were hit.
_LAID: Final = _PLANTED - {S.GRENADE}
_FORCES: Final = (ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES)
#: Who a bomb that hit forces hit with them: more forces, or civilians.
_HIT_WITH: Final = (*_FORCES, ActorType.CIVILIANS)


def _hit_first(event: Event) -> bool:
    """Whether an event's first actor is the state's or a foreign force a planted bomb hit ("a roadside bomb struck a
    MINUSMA convoy"), whom ACLED lists first when nobody is named for the bomb."""
    a = event.actor1
    return event.sub_event_type in _PLANTED and a is not None and a.type in _FORCES


def _claimed(doc: Doc, event: Event, claimer: Actor) -> Event:
    """``event`` with the group that claimed it, or is blamed for it, as its first actor; forces the bomb hit, listed
    first for want of a bomber, become the second, of the country the event is in where the group is known there
    ("soldiers" near Gao, the bomb claimed by AQIM: Mali's, not Algeria's)."""
    if not _hit_first(event):
        return replace(event, actor1=claimer)
    return replace(event, actor1=claimer, actor2=_hit_side(doc, event, claimer))


def _hit_side(doc: Doc, event: Event, claimer: Actor) -> Actor:
    """The forces a bomb hit, once the group that claimed it is known: the state of the event's country where the
    group is known there too (:func:`_state_where_it_acts`)."""
    hit = event.actor1
    assert hit is not None
    if event.location is None:
        return hit
    year = doc.article.published.year if doc.article.published is not None else None
    return _state_where_it_acts(hit, claimer, event.location.country, doc.text, year)


def _claimed_by(doc: Doc, start: int, end: int) -> Actor | None:
    """The armed group a sentence says claimed an act or is to blame for it: "Al-Shabaab claimed responsibility for
    the attack", "the killings were blamed on Fulani herdsmen", "Boko Haram is believed to be behind the blast"."""
    text = doc.text
    for a in doc.actors:
        if not (start <= a.start and a.end <= end) or a.type not in _CLAIMANTS:
            continue
        if _CLAIMS_AFTER.match(text, a.end, end) or _CLAIMS_BEFORE.search(text, max(start, a.start - 50), a.start):
            return roles.as_actor(a)
    return None


def _deaths_lead(told: list[_Draft]) -> list[_Draft]:
    """The events of one sentence's clauses, those that tell of no deaths trusted less than the one that does
    ("Warplanes bomb Aleppo and five people are killed in Idlib": the killing is the sentence's main event)."""
    deadly = [_DEADLY.search(d.event.evidence.text) is not None for d in told]
    if len(told) < 2 or not any(deadly):
        return told
    top = max(d.event.confidence for d, dead in zip(told, deadly, strict=True) if dead)
    return [d if dead or d.event.confidence < top * _MINOR_CLAUSE
            else d._replace(event=replace(d.event, confidence=round(top * _MINOR_CLAUSE, 4)))
            for d, dead in zip(told, deadly, strict=True)]


def _clauses(doc: Doc, start: int, end: int) -> list[tuple[int, int, Typed]] | None:
    """The clauses of the sentence ``doc.text[start:end]`` that each tell an event of their own, with their types;
    the whole sentence alone when it does not go on to a second event; None when it tells none.

    A roundup ("Warplanes bomb the countryside of Aleppo and shelling kills three in Idlib") tells one event per
    clause: the sentence is cut where a clause begins ("and", "while", a semicolon, a dash) when the words on each
    side report an event and name a place of their own (clashes in two towns are one event told of two places only
    when one clause names both)."""
    view = doc.view
    assert view is not None
    whole = type_sentence(view.text, view.from_original(start), view.from_original(end))
    if whole is None:
        return None
    if end - start > _ROUNDUP_CHARS:
        return [(start, end, whole)]  # a roundup is a headline or a short sentence; reading longer ones so is slow
    places = [p for p in doc.places if start <= p.start and p.end <= end and p.latitude is not None
              and p.feature not in ("country", "demonym", "continent", "water", "within")]
    if len(places) < 2:
        return [(start, end, whole)]

    def told(s: int, e: int, *, opens: bool = False) -> tuple[Typed, Place] | None:
        """The type of the event ``text[s:e]`` tells and the first place it names after its trigger, close after it;
        with ``opens``, only for words that open on their event ("and shelling targets Idlib", not "and the hills
        nearby during clashes in Afrin", nor "and pelted the police": one crowd, one event)."""
        typed = type_sentence(view.text, view.from_original(s), view.from_original(e))
        if typed is None:
            return None
        trigger, trigger_end = view.to_original(typed.trigger_start, typed.trigger_end)
        lead = doc.text[s:trigger]
        if opens and (len(lead.split()) > _OPENING_WORDS or _GOES_ON.match(doc.text, s, e) or _FRAME.search(lead)
                      or any(s <= p.start < trigger for p in places)):
            return None  # "and the countryside of Hama and raids north of Raqqa": the cut is at the second "and"
        after = [p for p in places if trigger <= p.start and p.end <= e and p.start - trigger_end <= _PLACE_REACH]
        return (typed, after[0]) if after else None

    out: list[tuple[int, int, Typed]] = []
    s = start
    last: tuple[Typed, Place] | None = None  # the words after the last cut, as they were read when it was made
    ve = view.from_original(end)
    for cut in _CLAUSE_BREAK.finditer(view.text, view.from_original(start), ve):  # "&#8230;" holds no semicolon here
        since = max(view.from_original(s), cut.start() - 40)
        if _TOLL_GOES_ON.match(view.text, cut.end(), ve) and _DEADLY.search(view.text, since, cut.start()):
            continue  # "35 were killed and hundreds wounded in ...": one event's toll
        cut_start, cut_end = view.to_original(cut.start(), cut.end())
        left, right = told(s, cut_start), told(cut_end, end, opens=True)
        if left is not None and right is not None and not _same_place(left[1], right[1]):
            out.append((s, cut_start, left[0]))
            s, last = cut_end, right
    if last is None:
        return [(start, end, whole)]
    return [*out, (s, end, last[0])]


def _same_place(a: Place, b: Place) -> bool:
    """Whether two places are one for telling events apart: the same name, or points a town's width apart
    ("fired tear gas in Hong Kong and pepper spray in Kowloon")."""
    return a.name == b.name or roles.km(a, b) < _SAME_PLACE_KM


def _draft(doc: Doc, index: int, sentence: tuple[int, int], clause: tuple[int, int], typed: Typed,
           subject: Actor | None) -> tuple[_Draft, Actor | None]:
    """The event the clause ``clause`` of the body sentence ``sentence`` (the ``index``-th) tells, typed as ``typed``,
    and the first actor a later clause of the sentence may share (``subject``: the first actor of an earlier clause)."""
    view = doc.view
    assert view is not None
    text = doc.text
    (ss, se), (s, e) = sentence, clause
    trigger, trigger_end = view.to_original(typed.trigger_start, typed.trigger_end)
    actor1, actor2 = roles.roles(doc, s, e, trigger, typed.sub_event_type)
    if actor1 is None and actor2 is None and subject is not None and trigger == s \
            and _VERB_OPENS.fullmatch(text, trigger, trigger_end):
        actor1 = subject  # "Regime forces shell A and target B": one subject, two clauses
    if actor2 is None and roles.passive_victim(doc, actor1, trigger, trigger_end):
        actor1, actor2 = None, actor1  # "three militants were killed": they are the second side
    subject = subject or actor1
    sub, actor1, actor2 = refine.refine(typed.sub_event_type, text[trigger:trigger_end], text[trigger:e],
                                        actor1, actor2, text[s:e], text)
    if sub in refine.PROTEST_FAMILY or typed.sub_event_type not in refine.PROTEST_FAMILY:
        # (a protest read off what armed men did, roads they closed, is no protest: it stays what refine made it)
        sub = refine.protest_kind(sub, typed.fired, text[s:e], actor1, trigger - s)
    said = roles.attribution(doc, ss, se, doc.actors)
    place = roles.location(doc, s, e, trigger, said)
    own_place = place is not None and s <= place.start < e
    country = place.country if place else None
    sub, actor1, actor2, assoc = refine.sides(sub, actor1, actor2, country,
                                              authorities_acted=typed.sub_event_type not in refine.PROTEST_FAMILY)
    actor1 = actor1 or _generic(sub, country, actor2)
    year = doc.article.published.year if doc.article.published is not None else None
    actor1 = refine.localise(actor1, country, year) or actor1
    sub, actor1, actor2 = refine.same_kind(sub, actor1, actor2, text[s:e])
    actor2 = refine.harmed_civilians(sub, actor2, text[s:e])
    actor2 = refine.localise(actor2 or refine.victims(sub, text[s:e], country), country, year)
    if place is not None:
        named = tuple(a for a in doc.actors if a.end <= se and a.kb_id is not None)  # up to this sentence
        actor1, actor2 = (_state_where_it_acts(actor1, actor2, country, text, year, named),
                          actor2 and _state_where_it_acts(actor2, actor1, country, text, year, named))
    if own_place:  # named where it acts, and foreign there, when the sentence says where
        actor1 = _where_it_acts(_abroad(actor1, country, text[s:e]), country, text[s:e])
        actor2 = actor2 and _where_it_acts(_abroad(actor2, country, text[s:e]), country, text[s:e])
    elif place is None and doc.home is not None and not _by_adjective(doc.home):
        # "Ethiopian troops clashed with Al Shabaab near Halgan" in a story set in Somalia by its names and groups
        actor1 = _abroad(actor1, doc.home.country, text[s:e])
        actor2 = actor2 and _abroad(actor2, doc.home.country, text[s:e])
    if place is None and actor2 is not None:
        # "US drones struck an Al Shabaab camp near Raso", the town unknown: where the group they fought is at home
        actor1 = _abroad(actor1, _group_home(actor2, actor1), text[s:e])
        actor2 = _abroad(actor2, _group_home(actor1, actor2), text[s:e])
    if sub in _LAID and actor1.type in _FORCES and (actor2 is None or actor2.type in _HIT_WITH) \
            and (sub is not S.REMOTE_EXPLOSIVE_LANDMINE_IED or PLANTED_BOMB.search(text, s, e)):
        # the forces a bomb hit, listed first for want of a bomber: the bomber, unnamed, is the other side (as ACLED
        # codes it), and the people hit with the forces go with them
        assoc = (*assoc, actor2) if actor2 is not None and actor2.name != actor1.name else assoc
        actor2 = _generic(sub, country)
    date = event_date(doc, ss, se, trigger=trigger)
    mode = roles.modality(doc, ss, se, trigger, date)
    score = typed.confidence * (1.0 if actor1.kb_id or actor1.resolved_by not in (None, "default") else 0.85)
    # a place of its own sentence or the story's town (the district a story names, taken when it names no town,
    # says nothing of which of its events is the main one)
    score *= 1.0 if place is not None and (own_place or place.feature in ("city", "landmark")) else 0.85
    score *= max(0.8, 1.0 - _LEAD_DECAY * index)
    if mode is not Modality.ASSERTED:
        score *= 0.8
    event = new_event(
        doc, s, e, sub,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=assoc,
        location=place,
        date=date,
        fatalities=killed.fatalities(doc, s, e),
        modality=mode,
        attribution=said,
        confidence=round(score, 4),
    )
    return _Draft(index, event, own_place, index), subject


def _collect(doc: Doc, drafts: list[_Draft]) -> list[tuple[Event, confidence.Signals]]:
    """The events of the article from the drafts of its sentences: follow-ups folded, repeats of one event kept once,
    aftermath trusted less; or the incident-log entry when no sentence tells an event."""
    found: dict[tuple[object, ...], tuple[_Draft, bool]] = {}
    violence = False  # whether an earlier sentence told of violence or a protest
    battle = False  # whether an earlier sentence told of a battle
    held = False  # whether an earlier sentence told of arrests
    kinds: set[EventType] = set()  # the kinds of event earlier sentences told
    for draft in _fold_follow_ups(doc, drafts):
        event = draft.event
        if event.event_type is EventType.STRATEGIC_DEVELOPMENTS and event.fatalities is not None:
            event = replace(event, fatalities=None)  # the deaths it tells of are another event's (non-violent)
        aftermath = (violence and event.sub_event_type in _AFTERMATH) or (
            held and event.sub_event_type is S.DISRUPTED_WEAPONS_USE) or (
            battle and event.sub_event_type in _WEAPONS_OF_BATTLE) or (
            event.event_type in kinds and event.attribution is not None
            and _SAID_OF_IT.search(event.evidence.text) is not None)
        if aftermath:
            event = _trusted_less(event)
        kinds.add(event.event_type)
        violence = violence or event.event_type in _VIOLENT or event.sub_event_type in refine.PROTEST_FAMILY
        battle = battle or event.event_type is EventType.BATTLES
        held = held or event.sub_event_type is S.ARRESTS  # weapons seized after arrests: found on those held
        key = (event.sub_event_type, event.actor1.name, event.location.name if event.location else None,
               event.date.value if event.date else None, event.modality)
        kept = found.get(key)
        if kept is None or event.confidence > kept[0].event.confidence:
            if kept is not None:
                event = replace(event, fatalities=event.fatalities or kept[0].event.fatalities)
            found[key] = (draft._replace(event=event), aftermath)
    if any(d.event.sub_event_type in refine.PROTEST_FAMILY and d.event.modality is Modality.ASSERTED
           for d, _ in found.values()):
        # arrests or damage in an article that tells a protest or riot are that crowd's (ACLED codes arrests at a
        # protest as its intervention): the protest, told before or after them, is the main event
        for told, (d, aftermath) in list(found.items()):
            if d.event.sub_event_type in _CROWD_AFTERMATH and not aftermath \
                    and not refine.held_for_a_protest(d.event.evidence.text):
                found[told] = (d._replace(event=_trusted_less(d.event)), True)
    ordered = sorted(found.values(), key=lambda kept: kept[0].event.evidence.start)
    if not ordered:  # an entry of an incident log reports its event without a sentence saying so
        logged = logs.incident(doc)
        return [] if logged is None else [(logged, confidence.Signals.of(logged, main=True, logged=True))]
    main = min(range(len(ordered)), key=lambda i: (-ordered[i][0].event.confidence, i))  # scored highest, then first
    return [(d.event, confidence.Signals.of(d.event, main=i == main, position=d.position, folded=d.last > d.position,
                                            aftermath=aftermath)) for i, (d, aftermath) in enumerate(ordered)]


def _trusted_less(event: Event) -> Event:
    """An event told as the aftermath of another (arrests after a clash, at a protest): less likely the main one."""
    return replace(event, confidence=round(event.confidence * _AFTERMATH_DECAY, 4))


def _names(event: Event) -> set[str]:
    """The names of the sides the text named, without the years of a state's forces: "Police Forces of Somalia
    (2012-2017)" named again as "police officers" is "Police Forces of Somalia"."""
    return {_side(a) for a in (event.actor1, event.actor2) if a is not None and a.text}


def _side(actor: Actor) -> str:
    return _YEARS.sub("", actor.name)


_YEARS: Final = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)$")


def _follows(lead: _Draft, later: _Draft) -> bool:
    """Whether ``later`` (the next sentence's event) tells more of ``lead``'s event rather than another one."""
    a, b = lead.event, later.event
    if later.position != lead.last + 1 or a.modality is not b.modality:
        return False
    if a.event_type in _VIOLENT and b.event_type in _VIOLENT and _OPENS_ON_IT.match(b.evidence.text):
        return True  # "The attack also left four people injured": the same attack
    if a.sub_event_type is S.LOOTING_PROPERTY_DESTRUCTION and b.sub_event_type is S.ATTACK \
            and _BACK_REFERENCE.search(b.evidence.text) and (not b.actor1.text or _side(b.actor1) in _names(a)):
        return True  # "raided the town, burning down houses. Two people were injured in the attack": one raid
    if a.sub_event_type is S.ARRESTS and b.sub_event_type is S.ATTACK and _IN_CUSTODY_HARM.search(b.evidence.text) \
            and (not b.actor1.text or _side(b.actor1) in _names(a)):
        return True  # "arrested the journalist. He said he was tortured": harm to the one held
    if a.sub_event_type in refine.PROTEST_FAMILY and b.sub_event_type in refine.PROTEST_FAMILY \
            and (not b.actor1.text or b.actor1.name == a.actor1.name):
        return True  # the same crowd, wherever it went next: "Richmond road was barricaded with burning tyres"
    if _claims(a, b):
        return True  # "A bomb killed twelve at the market. Boko Haram is believed to be behind the blast."
    if a.event_type in _VIOLENT and b.sub_event_type is S.NON_VIOLENT_TRANSFER_OF_TERRITORY \
            and _WITHDREW.search(b.evidence.text) and not _TOOK.search(b.evidence.text) \
            and (not b.actor1.text or _side(b.actor1) in _names(a)):
        return True  # "stormed the base, killing 12 soldiers. The militants later withdrew": the attack's end
    if later.own_place and a.location is not None and b.location is not None and b.location.name != a.location.name:
        return False
    if a.sub_event_type is S.ARMED_CLASH and b.sub_event_type in refine.PROTEST_FAMILY and _nobody_named(a):
        return True  # "Clashes were reported near the border post. A group of demonstrators shut it down": theirs
    if a.sub_event_type in refine.PROTEST_FAMILY:
        return b.sub_event_type in _CROWD_FOLLOW_UPS or b.sub_event_type in refine.PROTEST_FAMILY
    if a.event_type not in _VIOLENT or b.sub_event_type not in _FOLLOW_UPS | {a.sub_event_type}:
        return False
    if a.sub_event_type in (S.ATTACK, S.ARMED_CLASH) and a.actor1.text and b.sub_event_type is S.ARMED_CLASH \
            and _FOUGHT_BACK.search(b.evidence.text) and (a.sub_event_type is S.ATTACK or a.actor2 is None):
        # "Soldiers returned fire", "the SPLA said it repulsed the attack": those the named attackers attacked fought
        # back, the same event
        return True
    return not b.actor1.text or _side(b.actor1) in _names(a) or (b.actor1.kb_id is None and (
        bool(_names(a) & _names(b))  # "the attackers were repulsed and 12 militants killed": the attackers named again
        # "Jihadists attacked a military camp. The army said 3 soldiers were killed": the side the lead left unnamed
        or (a.actor2 is None and b.sub_event_type is a.sub_event_type and not later.own_place)
        or _BACK_REFERENCE.search(b.evidence.text) is not None
        or _THE_ATTACKERS.search(b.evidence.text, 0, max(0, b.actor1.end - b.evidence.start)) is not None))


#: Attackers who left again, and a place taken: "the militants later withdrew", "took control of the town".
_WITHDREW: Final = re.compile(r"\b(?:" + roles.GAVE_UP + r")\b", re.IGNORECASE)
_TOOK: Final = re.compile(r"\b(?:took (?:over|control)|captur\w+|seiz\w+|occup\w+|overr[au]n|moved into|entered)\b",
                          re.IGNORECASE)


def _claims(lead: Event, later: Event) -> bool:
    """Whether ``later``'s sentence names who did ``lead``'s act, which named nobody for it, by a claim or a blame:
    "The killings were blamed on Fulani herdsmen", "Boko Haram is believed to be behind the blast"."""
    return lead.event_type in _VIOLENT and later.event_type in _VIOLENT and _unnamed_attacker(lead) \
        and later.actor1 is not None and later.actor1.type in _CLAIMANTS and bool(later.actor1.text) \
        and not _unnamed_attacker(later) \
        and _BLAME_WORDS.search(later.evidence.text) is not None and _THE_ACT.search(later.evidence.text) is not None \
        and _ANOTHER_CLAIM.search(later.evidence.text) is None and _NO_CLAIM.search(later.evidence.text) is None


def _named_later(lead: Event, later: Event) -> bool:
    """Whether ``later``, told of the same act as ``lead``, names the armed group that did it where ``lead`` named
    nobody: "Three policemen were killed in a blast. The blast was caused by a device ... State of Sinai later claimed
    responsibility" (the claim already given to the second sentence's event)."""
    return _unnamed_attacker(lead) and later.actor1 is not None and later.actor1.kb_id is not None \
        and later.actor1.type in _CLAIMANTS and not _unnamed_attacker(later) \
        and _NO_CLAIM.search(later.evidence.text) is None


#: No claim: "No group claimed responsibility", "nobody has claimed the attack".
_NO_CLAIM: Final = re.compile(r"\b(?:no|nobody|none|not yet|no one|no-one)\b[^.;]{0,30}?\b(?:claim\w*|responsib\w+)",
                              re.IGNORECASE)
#: What someone said of an act told before, by its noun: "Abadi said the recapture marked the end of the caliphate",
#: "the army said the attack was repelled". With an earlier event of its kind, it is that event, not the main one.
_SAID_OF_IT: Final = re.compile(r"\b(?:said|says|told|added|stated|announced|declared)\s+(?:that\s+)?(?:the|this)\s+"
                                r"(?:[\w-]+\s+)?(?:recapture|capture|fall|liberation|takeover|attacks?|ambush|raids?|"
                                r"clash(?:es)?|killings?|blasts?|bombings?|explosions?|massacre|assaults?|offensive|"
                                r"operation|fighting|battle)\b", re.IGNORECASE)
#: A claim of another act: "Sinai Province also claimed the killing of seven security personnel".
_ANOTHER_CLAIM: Final = re.compile(r"\balso\s+(?:claimed|claims|claiming|blamed)\b", re.IGNORECASE)


#: Words that put an act on someone: a claim, a blame, a responsibility, a say-so ("said it carried out the bombing").
_BLAME_WORDS: Final = re.compile(r"\b(?:claim\w*|blam\w+|responsib\w+|behind|carried out|perpetrated)\b", re.IGNORECASE)
#: An act told before, named again: "the blast", "the killings", "this attack".
_THE_ACT: Final = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?(?:attacks?|ambush|raids?|clash(?:es)?|"
                             r"killings?|blasts?|bombings?|explosions?|massacre|assaults?|shootings?|abductions?|"
                             r"kidnappings?|incident|shelling|bombardments?|(?:air\s?)?strikes?|rocket\s+fire)\b",
                             re.IGNORECASE)


def _nobody_named(event: Event) -> bool:
    """Whether the text named neither side of ``event`` (both came from defaults, if any)."""
    return not event.actor1.text and (event.actor2 is None or not event.actor2.text)


def _untyped(doc: Doc, lead: Event, start: int, end: int) -> Event:
    """A sentence that reports no event of its own, read as telling more of the event of the sentence before it:
    "Tyres were set alight." after a protest, "Fifteen dead reported." after an attack."""
    told = lead.sub_event_type in refine.PROTEST_FAMILY or lead.event_type in _VIOLENT
    return replace(lead, sub_event_type=S.OTHER, event_type=S.OTHER.event_type, actor2=None, location=None,
                   fatalities=killed.fatalities(doc, start, end) if told else None, confidence=0.0,
                   evidence=Span(start, end, doc.text[start:end]))


def _fold(doc: Doc, lead: Event, later: Event) -> Event:
    """``lead`` told more fully by the sentence of ``later``: a protest's kind, a missing second actor, place or
    death toll."""
    sub = lead.sub_event_type
    actor1, actor2, assoc1, assoc2 = lead.actor1, lead.actor2, lead.assoc_actor_1, lead.assoc_actor_2
    if sub is S.ARMED_CLASH and later.sub_event_type in refine.PROTEST_FAMILY and _nobody_named(lead):
        # clashes whose sides the next sentence tells as a crowd: the crowd's, a violent demonstration
        sub = refine.upgrade_protest(later.sub_event_type, sub, lead.evidence.text)
        place = later.location or lead.location
        sub, first, second, _ = refine.sides(sub, later.actor1, later.actor2,
                                             place.country if place else later.actor1.country)
        actor1, actor2, assoc1, assoc2 = first or later.actor1, second, later.assoc_actor_1, later.assoc_actor_2
    elif sub in refine.PROTEST_FAMILY:
        sub = refine.upgrade_protest(sub, later.sub_event_type, later.evidence.text)
        if actor2 is None and sub is not S.PEACEFUL_PROTEST:
            state = [x for x in (later.actor1, later.actor2) if x is not None and x.type is ActorType.STATE_FORCES]
            actor2 = state[0] if state else None
        if sub is not lead.sub_event_type:  # the crowd named anew ("Rioters"), the sides in the new kind's order
            place = lead.location or later.location
            sub, first, second, _ = refine.sides(sub, actor1, actor2, place.country if place else actor1.country)
            if first is not None and first is not actor1 and first.type is ActorType.STATE_FORCES:
                assoc1, assoc2 = (), assoc1
            actor1, actor2 = first or actor1, second
    elif sub in (S.ATTACK, S.ARMED_CLASH) and later.sub_event_type is S.ARMED_CLASH \
            and _FOUGHT_BACK.search(later.evidence.text):
        # the people attacked fought back ("the rangers repulsed the attackers", "the forces returned fire"): a battle
        sub = S.ARMED_CLASH
        armed = [x for x in (later.actor1, later.actor2) if x is not None and x.name != actor1.name
                 and x.type not in (None, ActorType.CIVILIANS)]
        if armed and (actor2 is None or not actor2.text or actor2.type is ActorType.CIVILIANS):
            actor2 = armed[0]
    elif sub is S.ATTACK and later.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE \
            and _OPENS_ON_IT.match(later.evidence.text):
        sub = later.sub_event_type  # "The attacks, mostly with grenades, ...": the weapon the attack was made with
    elif sub in (S.LOOTING_PROPERTY_DESTRUCTION, S.ARRESTS) and later.sub_event_type is S.ATTACK:
        sub = S.ATTACK  # the raid that burnt the houses hurt people too, the one held was beaten: an attack on them
        actor2 = later.actor2 if later.actor2 is not None and later.actor2.type is ActorType.CIVILIANS else actor2
    elif sub in TERRITORY_GAIN and NO_VIOLENCE.search(later.evidence.text) \
            and not (_DEADLY.search(later.evidence.text) or _BACK_REFERENCE.search(later.evidence.text)
                     or _AMBUSH.search(later.evidence.text)):
        sub = S.NON_VIOLENT_TRANSFER_OF_TERRITORY  # "Troops captured the village. No violence was reported."
    elif _claims(lead, later) or _named_later(lead, later):
        actor1 = later.actor1  # who the next sentence says did it
        actor2 = _hit_side(doc, lead, actor1) if _hit_first(lead) else actor2
    elif actor2 is None and later.actor2 is not None and later.actor2.name != lead.actor1.name:
        # the side the lead left unnamed: the next sentence's other side, unless that is the lead's own kind ("The
        # army said 3 soldiers were killed and 6 assailants neutralised" after "Jihadists attacked a camp")
        actor2 = later.actor1 if later.actor2.type is lead.actor1.type and later.actor1.type is not lead.actor1.type \
            and later.actor1.type is not None else later.actor2
    return replace(lead, sub_event_type=sub, event_type=sub.event_type, plover_type=plover_for(sub), actor1=actor1,
                   actor2=actor2, assoc_actor_1=assoc1, assoc_actor_2=assoc2,
                   location=lead.location or later.location, fatalities=_tolls(doc, lead, later),
                   event_id=event_id(lead.article_id, lead.evidence.start, lead.evidence.end, sub),
                   confidence=max(lead.confidence, later.confidence))


def _tolls(doc: Doc, lead: Event, later: Event) -> Fatalities | None:
    """The toll of ``lead`` told more fully by ``later``: its own, else the later sentence's, or both added where
    the later one says its dead were more of them ("Two soldiers were killed. One militant was also killed")."""
    first, more = lead.fatalities, later.fatalities
    if first is None or more is None or not more.best or not _ALSO_DEAD.search(later.evidence.text):
        return first or more
    start, end = min(first.start, more.start), max(first.end, more.end)
    return Fatalities(first.best + more.best, first.low + more.low, first.high + more.high, doc.text[start:end],
                      start, end)


#: A later toll that adds to the first: "one militant was also killed", "another three died".
_ALSO_DEAD: Final = re.compile(r"\b(?:also|too|as well)\b[^.;]{0,30}?\b(?:killed|died|dead)\b|"
                               r"\b(?:another|more|additional|further)\b[^.;]{0,25}?\b(?:killed|died|dead)\b",
                               re.IGNORECASE)


def _fold_follow_ups(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """The events of consecutive sentences, each follow-up folded into the event it tells more of."""
    out: list[_Draft] = []
    for draft in drafts:
        if out and _follows(out[-1], draft):
            lead = out[-1]
            out[-1] = lead._replace(event=_fold(doc, lead.event, draft.event), last=draft.last)
        else:
            out.append(draft)
    return out
