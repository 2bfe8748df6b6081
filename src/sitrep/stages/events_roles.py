"""The parts of an event read from its sentence: actors in their roles, place, modality and
attribution (the number killed: :mod:`sitrep.stages.events_fatalities`). Used by
:mod:`sitrep.stages.events`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Final

from ..knowledge.actors import ARMED_BRANCHES, fold, load_kb
from ..knowledge.gazetteer import great_circle_km
from ..models import Actor, Doc, EventDate, Place, Span
from ..vocab import ActorKind, ActorType, EventType, GeoPrecision, Modality, SubEventType, WherePrec
from .actors_context import COMMUNAL, HEADLINE_PASSIVE, OBJECT_AFTER, VIGILANTE
from .events_refine import OPERATION_WORDS, PROTEST_FAMILY
from .places_context import AROUND_KM, destination, side_of
from .places_home import FORCES_FROM, WEAK_PLACE, in_group_name, in_story

__all__ = ["as_actor", "attribution", "km", "location", "modality", "passive_victim", "roles"]

S = SubEventType

# ----------------------------------------------------------------------------- actors

_ARMED: Final = frozenset({ActorType.STATE_FORCES, ActorType.REBEL_GROUPS, ActorType.POLITICAL_MILITIAS,
                           ActorType.IDENTITY_MILITIAS, ActorType.EXTERNAL_OTHER_FORCES})
#: Types that have no second actor in ACLED: protests and riots are coded with the crowd alone
#: unless someone intervened.
_ONE_SIDED: Final = frozenset({S.PEACEFUL_PROTEST, S.VIOLENT_DEMONSTRATION, S.HEADQUARTERS_OR_BASE_ESTABLISHED,
                               S.CHANGE_TO_GROUP_ACTIVITY, S.OTHER})

# Who did it.
#: "were killed by X", "was attacked by X": the actor after "by" did it.
_PASSIVE_BY: Final = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn)\s+(?:\w+\s+){0,3}?by\s+$", re.IGNORECASE
)
#: "an attack by the FDLR", "arrested by security officials and the Federal Police".
_BY: Final = re.compile(r"(?<!owned )(?<!operated )(?<!managed )"
                       r"\bby\s+(?:(?:the|a|an|some|several|suspected|alleged|unknown|\d+)\s+)*$"
                       r"|\bby\s+(?:[\w-]+\s+){1,3}(?:and|or)\s+(?:the\s+)?$"
                       r"|\b(?:blamed|pinned)\s+on\s+(?:the\s+|suspected\s+)?$", re.IGNORECASE)
#: A relative clause opened between the trigger and an agent after "by": the agent of what the clause tells ("regained
#: parts of the town that were captured by rebels the day before"), not of the trigger.
_RELATIVE: Final = re.compile(r"\b(?:that|which|who)\s+(?:had\s+|have\s+|has\s+)?(?:been\s+|were\s+|was\s+)"
                              r"(?:\w+\s+){0,3}?\w+(?:ed|en|wn)\b", re.IGNORECASE)
#: "rebels backed by militiamen", "a checkpoint manned by LNA forces": the actor after "by" helped the subject or
#: holds the place; it is not the agent.
_BACKED_BY: Final = re.compile(r"\b(?:backed|supported|aided|assisted|accompanied|joined|led|escorted|reinforced|"
                               r"commanded|flanked|trained|armed|funded|guarded|protected|manned|staffed|held|"
                               r"controlled|run|operated|occupied|frequented|visited|used|described|identified|"
                               r"labell?ed|branded|termed|dubbed|characteri[sz]ed)\s+by\s+(?:the\s+)?"
                               r"(?:[\w-]+\s+(?:and\s+)?){0,3}$", re.IGNORECASE)
#: "leaders accused the FRPI of rape": the accused did it.
_ACCUSED: Final = re.compile(r"\b(?:accus\w+|blam\w+|attribut\w+ (?:it|this|the \w+) to)\s+(?:the\s+)?$",
                             re.IGNORECASE)
_BETWEEN: Final = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
#: Where the clause that holds a trigger starts: "Police and civilians fled after Mayi Mayi militiamen took control".
_CLAUSE: Final = re.compile(r"[;:]|\b(?:after|when|while|before|because|since|until|whereupon|where|then|but|"
                            r"following|as soon as|once)\s", re.IGNORECASE)
#: The words that open a subordinate clause: the main clause follows its comma.
_SUBORDINATE: Final = re.compile(r"(?:after|when|while|before|because|since|until|once|as soon as)", re.IGNORECASE)
#: "gunmen believed to be with AQIM", "Gunmen, suspected to be Fulani herdsmen", "armed men of the RJ", "armed men
#: suspected of belonging to the FLM": who the generic actor was.
_IDENTIFIED: Final = re.compile(
    r"\s*,?\s*(?:(?:who|which) (?:are|were|was) )?(?:believed|suspected|thought|said|alleged|presumed|identified|"
    r"reported|reportedly|allegedly)\s+(?:to (?:be|have been|belong to)|as|of (?:belonging to|being))?\s*"
    r"(?:(?:with|from|members of|fighters of|part of|linked to|affiliated with|loyal to)\s+)?(?:the\s+)?$"
    r"|\s+(?:of|from)\s+(?:the\s+)?$"
    r"|\s*,?\s+(?:called|named|calling itself|known as)\s+(?:the\s+)?$", re.IGNORECASE)  # "an armed group called X"
#: Acts whose two sides a sentence names together before the verb: "X and Y clashed", "X and Y signed an agreement".
_TWO_SIDED: Final = frozenset({S.ARMED_CLASH, S.AGREEMENT})
#: Weapons fired or thrown at forces: with nobody named for them, the unnamed attacker is the first side, those hit
#: the second ("mortar rounds hit the MINUSMA camp", "a grenade was thrown at a police position"), unlike a bomb
#: planted in the forces' path.
_FIRED_FROM_AFAR: Final = frozenset({S.SHELLING_ARTILLERY_MISSILE_ATTACK, S.GRENADE})
#: Who flies warplanes: a state's forces or a foreign or international force (the "Sudanese Air Force", a coalition).
_AIR_ARMS: Final = frozenset({ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES})
_DRONE: Final = re.compile(r"\bdrones?\b|\buavs?\b|\bunmanned\b", re.IGNORECASE)
#: Aircraft that drop bombs: only a state's air force flies them where ACLED codes.
_AIRCRAFT: Final = re.compile(r"\b(?:warplanes?|war planes?|fighter jets?|jets|aircraft|helicopters?|gunships?|"
                              r"antonovs?|bombers|aerial|air ?(?:raids?|strikes?|bombardments?|attacks?|force))\b",
                              re.IGNORECASE)
#: Harm done to people held by the state: in detention, in custody, in prison; arrested and then tortured or beaten.
_IN_CUSTODY: Final = re.compile(r"\b(?:in (?:detention|custody|prison|jail|a police cell)|"
                                r"detention (?:centres?|centers?|facilit\w+)|police (?:custody|cells?)|detainees?|"
                                r"while (?:detained|held)|"
                                r"(?:arrested|detained) and (?:\w+ )?(?:tortured|beaten|assaulted|abused|ill-treated)|"
                                r"(?:tortured|beaten|assaulted|abused|ill-treated|robbed)\b[^.;]{0,40}?\b(?:after|following|"
                                r"during|upon|in) (?:(?:his|her|their|the) )?(?:arrest|detention))\b", re.IGNORECASE)
#: What a crowd does to someone it punishes: with a suspected thief or witch as the victim, mob justice.
_MOB_HARM: Final = re.compile(r"\b(?:beaten|beat|stoned|lynched|(?:burnt|burned) (?:\w+ )?(?:alive|to death)|"
                              r"set alight|set ablaze|set on fire|necklaced|hacked|assaulted|stripped|clubbed|tied up|"
                              r"paraded)\b",
                              re.IGNORECASE)
#: An operation of the state's forces, told without naming them: "killed in a military operation", "the crackdown".
_OPERATION: Final = re.compile(r"\b(?:" + OPERATION_WORDS + r")\b", re.IGNORECASE)
#: Shelling and bombardment by nobody named: heavy guns, as a state's army fires them ("intense shelling was reported").
_SHELLING: Final = re.compile(r"\b(?:shelling|bombardments?|artillery|heavy weapons)\b", re.IGNORECASE)
#: Words that make an unnamed operation the police's rather than the army's.
_POLICE_WORDS: Final = re.compile(r"\b(?:police\w*|gendarm\w*)\b", re.IGNORECASE)
_FORCED_DISAPPEARANCE: Final = re.compile(r"\b(?:en)?forced(?:ly)? disappear\w*|\bforcibly disappeared\b",
                                          re.IGNORECASE)

#: Between a group and the movement it belongs to: "Ex-Seleka of the MPC", "fighters of the Raia Mutomboki".
_PART_OF: Final = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_TOGETHER: Final = re.compile(r"\s*(?:,|,?\s+and|&)\s+(?:the\s+)?", re.IGNORECASE)
#: "a prominent critic of the government": who the person is, not a side of the event.
_DESCRIBES: Final = re.compile(r"\b(?:critics?|opponents?|critical|detractors?|foes?)\s+of\s+(?:the\s+)?$"
                               r"|\b(?:accus\w+|suspect\w*)\s+(?:[\w-]+\s+){0,3}?of\s+(?:\w+\s+)?(?:working|collaborating|"
                               r"cooperating|spying|siding|colluding|links?)\s+(?:with|for)\s+(?:the\s+)?$"
                               r"|\baccus\w+\s+(?:[\w-]+\s+){0,3}?of\s+(?:belonging\s+to|being\s+(?:members?\s+|part\s+)of|"
                               r"supporting|passing\s+information\s+to|informing\s+(?:for|on))\s+(?:the\s+)?(?:\w+\s+)?$"
                               r"|\b(?:brokered|mediated|negotiated|facilitated|arranged)\s+by\s+(?:the\s+)?(?:\w+\s+)?$"
                               r"|\b(?:negotiat\w+|talks|dialogue|mediat\w+)\s+with\s+(?:the\s+)?$"
                               r"|\bhand(?:ed|ing|s)?\s+(?:him|her|them|the\s+\w+)\s+(?:over\s+)?to\s+(?:the\s+)?$",
                               re.IGNORECASE)  # "accusing them of working with Jubaland forces": no side; nor a
# go-between ("a deal brokered by local elders"), nor the other party of talks ("negotiating with the government"),
# nor those the victim was handed to ("beat him before handing him to the police")
#: "Military and allied militia", "the army and its proxies": the second fights on the first's side.
_ALLIED: Final = re.compile(r"\s*(?:,|,?\s+and|&|,?\s+along with|,?\s+together with)\s+(?:the\s+|their\s+|its\s+)?"
                            r"(?:allied|affiliated|loyalist|pro-government|proxy|supporting|associated)\s+",
                            re.IGNORECASE)
#: A group's own moves, which it is the one to announce: "GNA forces announced the start of an operation".
_ITS_OWN_MOVE: Final = frozenset({S.CHANGE_TO_GROUP_ACTIVITY, S.HEADQUARTERS_OR_BASE_ESTABLISHED})
#: "Warplanes loyal to the eastern government": whom the first side serves, not the other side.
_LOYAL_TO: Final = re.compile(r"\s+(?:loyal|answerable|belonging|attached|allied|affiliated)\s+to\s+(?:the\s+)?"
                              r"(?:[\w-]+\s+){0,2}", re.IGNORECASE)
#: A side that gave a place up: "after Ethiopian troops withdrew", "FARDC soldiers have withdrawn", "the withdrawal of
#: FARDC soldiers". In a non-violent transfer ACLED lists only the side that took it.
#: (``GAVE_UP``, the verbs, shared with :mod:`events`: "the militants later withdrew" after their attack.)
GAVE_UP: Final = (r"withdr[ae]wn?|pulled\s+out|pulled\s+back|fled|retreated|abandoned|left|vacated|evacuated|"
                  r"moved\s+out|deserted")
_GAVE_UP_AFTER: Final = re.compile(r"\s+(?:\w+\s+){0,2}?(?:have\s+|has\s+|had\s+)?(?:been\s+)?(?:" + GAVE_UP + r")\b",
                                   re.IGNORECASE)
_GAVE_UP_BEFORE: Final = re.compile(r"\b(?:withdrawal|departure|retreat|pull-?out|exit|flight)\s+of\s+(?:the\s+)?$",
                                    re.IGNORECASE)
#: A place given to the side named next: "handed the terminal over to", "ceded the town to".
_HANDED_TO: Final = re.compile(r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|ced(?:ed|es|ing)|surrender(?:ed|s|ing)?|"
                               r"gave|giv(?:es|en|ing))\b[^.;]{0,40}?\b(?:town|city|village|base|terminal|port|airport|"
                               r"area|control|territory|positions?|barracks|camp|posts?|district|field|facilit(?:y|ies)|"
                               r"compound)\b[^.;]{0,30}?\b(?:over\s+)?to\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_OF: Final = re.compile(r"\b(?:to|outside|near|in front of|towards|into|inside)\s+(?:the\s+)?(?:local\s+)?$",
                              re.IGNORECASE)

# Who only told of it.
#: "according to the police", "told the BBC".
_ACCORDING_TO: Final = re.compile(r"\b(?:according to|reported by|said by|quoted by|told)\s+(?:the\s+)?$",
                                  re.IGNORECASE)
#: "the army said", "HRW has reported" (but not "claims to have captured").
_SAID_AFTER: Final = re.compile(
    r"^(?:'s?)?\s*(?:,[^,]{1,60},\s*)?(?:spokes\w+\s+|sources?\s+|officials?\s+)?(?:(?:has|have|had|also)\s+)*"
    r"(?:said|says|say|reported|reports|told|claimed|claims|confirmed|announced|stated|added|noted)\b(?! to\b)",
    re.IGNORECASE)
#: "the military announced the killing of 29 militants": armed forces that claim an act did it.
_CLAIMED: Final = re.compile(r"\s+(?:(?:has|have|had|also)\s+)*(?:announced|claimed|claims|announces)\b", re.IGNORECASE)
#: A speaker telling what it did itself: "the Ministry of Interior said in a statement that it raided an apartment".
_SELF_REPORT: Final = re.compile(
    r"\s+(?:said|says|announced|reported|stated)(?:\s+(?:in|on)\s+(?:a|an|its|their)\s+(?:\w+\s+)?(?:statements?|"
    r"communiqu\w+|website|page))?,?\s+(?:that\s+)?(?:it|they|its\s+(?:forces|troops|men|fighters|officers|units))\s+"
    r"(?:had\s+|have\s+|has\s+)?[a-z]+ed\b", re.IGNORECASE)

# Who suffered it.
#: "were killed", "was allegedly abducted", ", who had been kidnapped,", "students killed by air raids", "the man
#: killed was a guard" (but not "have been accused of").
_SUFFERED_AFTER: Final = re.compile(
    r"^\)?(?:\s+[a-z][\w-]*|\s*\([^)]{0,60}\)|\s*,[^,]{1,60},){0,4}?\s*(?:who\s+)?"
    r"(?:were|was|have been|has been|had been|are being|is being|are|is|got|being)\s+"
    r"(?:(?:\w+ly|also|then|later|all|both)\s+)*"
    r"(?!(?:accused|suspected|believed|alleged|reported|said|known|thought|expected|seen|understood|deployed|"
    r"stationed|based|involved|engaged|tasked|ordered|pressed|forced|joined|backed|supported|armed|trained)\b)"
    r"(?:\w+(?:ed|en|wn)|shot|hit|hurt|slain|beaten|stabbed|burnt|caught|held|struck|seized|found|lost|"
    r"set (?:a)?light|set ablaze|set on fire)\b"
    r"|^\s+(?:\w+ly\s+)?(?!(?:backed|supported|aided|assisted|accompanied|joined|led|escorted|reinforced|commanded|"
    r"flanked|trained|armed|funded|guarded|protected)\b)\w+(?:ed|en|wn)\s+(?:and\s+\w+\s+)?by\b"
    # "the employee killed was a security guard": a participle after the name, then the verb of the sentence
    r"|^\s+(?:kill|wound|injur|shot|abduct|kidnapp|arrest|detain|hurt|stabb|beat|lynch)\w*\s+(?:was|were|is|are)\b",
    re.IGNORECASE)
#: "the killing of", "an attack on", "attacks against", "targeting": the actor after it suffered the act.
_OBJECT: Final = re.compile(
    r"\b(?:(?:killing|murder|death|deaths|abduction|kidnapping|kidnap|arrest|arrests|detention|assassination|"
    r"execution|beheading|rape|lynching|bodies|body|release|torture|beating|shooting|disappearance|"
    r"massacre|harassment|eviction|dispersal|ambush|ambushing)\s+of|on|against|targeting|targeted|at|upon|including|"
    r"among (?:them|whom|the dead|the victims)|owned by|belonging to)"
    r"\s+(?:(?:the|a|an|two|three|several|some|\d+)\s+)?$",
    re.IGNORECASE)
#: "killed 20 militants", "wounded three soldiers": the actor after a violent verb is what it was done to.
_DONE_TO: Final = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|shot|shoot(?:ing|s)?|abduct(?:ed|ing|s)?|"
    r"kidnap(?:ped|ping|s)?|arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|target(?:ed|ing|s)?|hit(?:ting|s)?|struck|"
    r"bomb(?:ed|ing|s)?|shell(?:ed|ing|s)?|attack(?:ed|ing|s)?|ambush(?:ed|ing|es)?)\s+(?:(?:a|an|the|at|least|some|"
    r"several|many|more|than|over|about|up|to|nearly|almost|around|\d[\d,]*|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens?|scores|hundreds|of|[\w-]+-year-old)\s+){0,4}$",
    re.IGNORECASE)
#: "militants were killed", "two soldiers have been abducted": the subject before it suffered the act.
_PASSIVE: Final = re.compile(r"^[\s,]*(?:[\w'-]+\s+){0,4}?(?:were|was|have been|has been|had been|are being|is being|"
                             r"got|reportedly|allegedly)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PARTICIPLE: Final = re.compile(r"\w+(?:ed|en|wn|ot|ung)$", re.IGNORECASE)
#: "Soldiers allegedly killed two butchers": a hedged verb with an object after it is active; only an
#: auxiliary ("were", "have been") makes the subject suffer it for certain.
_HEDGE_ONLY: Final = re.compile(r"^[\s,]*(?:[\w'-]+\s+){0,4}?(?:reportedly|allegedly)\s+(?:\w+ly\s+)?$",
                                re.IGNORECASE)

def _usable(actor: Actor) -> bool:
    return actor.kind is not ActorKind.PERSON or actor.affiliation is not None


def as_actor(actor: Actor) -> Actor:
    """A person acts for the group they belong to: "SDF spokesman Mostafa Bali" is the SDF."""
    if actor.kind is ActorKind.PERSON and actor.affiliation:
        return Actor(actor.affiliation, actor.text, actor.start, actor.end, actor.type, actor.country, None,
                     ActorKind.ORGANISATION, None, None, "affiliation")
    return actor


def passive_victim(doc: Doc, actor: Actor | None, trigger: int, trigger_end: int) -> bool:
    """Whether ``actor`` is the subject of a passive trigger: "Three militants were killed" (no "by")."""
    if actor is None or actor.end > trigger or not _PARTICIPLE.search(doc.text, trigger, trigger_end):
        return False
    between = doc.text[actor.end:trigger]
    if _HEDGE_ONLY.search(between) and OBJECT_AFTER.match(doc.text, trigger_end):
        return False
    return _PASSIVE.search(between) is not None


def roles(doc: Doc, start: int, end: int, trigger: int, sub: SubEventType) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 of an event told in ``doc.text[start:end]`` with its trigger at ``trigger``.

    actor1 is the agent: the actor named after "by" ("were killed by gunmen", "an attack by the FDLR"),
    else the first side of "clashes between X and Y", else the subject of the trigger's clause (the
    first actor before the trigger in it, or the one whose words hold the trigger: "Fulani gunmen"),
    else the first actor after the trigger that is not its object. An actor is not the agent when it
    suffered the act ("three soldiers were killed", "the killing of a farmer", "an attack on
    villagers"), only told of it ("according to the police", "the army said"), or is an untyped name
    while a typed actor is there. A generic agent the sentence names ("gunmen believed to be with
    AQIM") gives way to the group; an unnamed one is inferred where the sentence says enough
    (:func:`_unnamed`). actor2 is the nearest other actor after the trigger, else the one that
    suffered the act before it.
    """
    text = doc.text
    inside = [a for a in doc.actors if start <= a.start and a.end <= end and _usable(a)
              and not _DESCRIBES.search(text, max(start, a.start - 60), a.start)]
    speakers = [a for a in inside if _speaker(text, a, start, end)]
    patients = [a for a in inside if a.start < trigger and _suffered(text, a, start, trigger)]
    agents = [a for a in inside if a not in speakers and a not in patients]
    if any(a.type is not None for a in agents):
        agents = [a for a in agents if a.type is not None]
    first = _agent(text, start, trigger, inside, agents, patients) or \
        next((a for a in speakers if a.type in _ARMED and _CLAIMED.match(text, a.end, end)), None)
    told = next((a for a in speakers if a.type in _ARMED and a.end <= trigger and (
        _SELF_REPORT.match(text, a.end, end) or _CLAIMED.match(text, a.end, end))), None)
    if told is not None and (first is None or first.start > trigger):
        first = told  # what it said it did itself, before any actor named after the act
    named_as = None  # the generic words the agent was first named by: "gunmen" of "gunmen from the RSADO"
    if first is not None and first.kb_id is None:
        named_as, first = first, next((a for a in inside if a.start > first.end and a.kb_id is not None
                                       and _IDENTIFIED.match(text, first.end, a.start)), first)
        if named_as is first:
            named_as = None
    if (first is None or first.start > trigger) and sub in _ITS_OWN_MOVE:
        # "GNA forces announced the start of an operation": what the speaker announced is its own move
        first = next((a for a in speakers if a.end <= trigger and a.type is not None), first)
    if first is not None and first.start > trigger and first.type is not ActorType.STATE_FORCES \
            and _OPERATION.search(text, start, first.start) \
            and not _PASSIVE_BY.search(text, max(start, first.start - 60), first.start) \
            and not _BY.search(text, max(start, first.start - 25), first.start):
        # "a military operation against Al Shabaab left 21 militants dead": the operation's, not the dead men's
        first = _unnamed(sub, text[start:end]) or first
    if first is None and not any(a.type in _ARMED for a in patients):
        first = _unnamed(sub, text[start:end])
    if first is None and sub.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE and sub not in _FIRED_FROM_AFAR:
        # "three soldiers were killed by a roadside bomb", "a roadside bomb killed three police conscripts": with
        # nobody named for it, ACLED lists the forces that were hit first
        hit = [a for a in patients + [a for a in inside if a.start >= trigger and a not in speakers]
               if a.type in (ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES) and not _government(a)]
        first = hit[0] if hit else None
    target = None
    if sub is S.AIR_DRONE_STRIKE and first is not None and first.type not in _AIR_ARMS \
            and not _DRONE.search(text, start, end):
        # rebels and militias fly no warplanes: the group an air strike is told with was what it hit ("airstrikes
        # target sites of the factions"), and the strike is the state's, or the force whose name holds the strike
        # ("civilians dead in US-led strikes")
        flier = next((a for a in agents if a.type in _AIR_ARMS and a.start <= trigger < a.end), None)
        target, first = first, flier or _unnamed(sub, text[start:end])
    named = first.name if first is not None else None
    second = target or next((a for a in inside if a.start >= trigger and a.name != named and a not in speakers
                             and a is not first and not _serves(text, first, a)), None)
    if sub in _TWO_SIDED and first is not None and target is None and (
            second is None or second.type is None or (second.type is ActorType.CIVILIANS and second.kb_id is None)):
        # "Pokot and Turkana herders fought ..., leaving four people dead": the side named with the first, not the
        # dead
        joined = next((a for a in inside if a is not first and a.end <= trigger and a.name != named
                       and a not in speakers and a.type not in (None, ActorType.CIVILIANS)
                       and (first.start < a.start < first.end or _TOGETHER.fullmatch(text, first.end, a.start))), None)
        second = joined or second
    if second is not None and first is not None and first.start > trigger and second.start > first.end \
            and _TOGETHER.fullmatch(text, first.end, second.start) \
            and any(a.end <= trigger and a.name != named and a not in speakers for a in inside):
        second = None  # the agent's ally after "by" ("repelled by police and villagers"): the other side came before
    if second is None:
        second = next((a for a in reversed(patients) if a.name != named), None)
    if named_as is not None and second is named_as:
        second = None
    if second is None and first is not None:  # not an ally named with it ("Military and RSF shell Rokoro"), nor the
        # agent of another verb ("a man wanted by the police was killed by community members")
        second = next((a for a in reversed(inside) if a.end <= trigger and a.name != named and a is not first
                       and a is not named_as and a not in speakers and not _one_name(text, first, a)
                       and not _BY.search(text, max(start, a.start - 25), a.start)
                       and not _serves(text, first, a)
                       and (sub in _TWO_SIDED or not _allies(text, first, a))
                       and not (a.start > first.end and _ALLIED.fullmatch(text, first.end, a.start))), None)
    if first is not None and _BETWEEN.search(text, max(start, first.start - 14), first.start):
        # (the second of "Tebu and Tuareg militias" lies inside the first's span, which runs to their shared noun)
        later = [a for a in inside if (a.start > first.end or first.start < a.start < a.end == first.end)
                 and a.name != first.name and a not in speakers]
        second = later[0] if later else second
    if sub is S.NON_VIOLENT_TRANSFER_OF_TERRITORY and second is not None and first is not None \
            and (_GAVE_UP_AFTER.match(text, second.end, end)
                 or _GAVE_UP_BEFORE.search(text, max(start, second.start - 25), second.start)):
        second = None  # "took El Ali after Ethiopian troops withdrew": only the side that took it
    if sub is S.NON_VIOLENT_TRANSFER_OF_TERRITORY and second is not None and first is not None \
            and first.end <= second.start and _HANDED_TO.search(text, first.end, second.start):
        first, second = second, first  # "the PFG handed the terminal over to LNA forces": the LNA took it
    if sub in _ONE_SIDED and second is not None and (second.type is not ActorType.STATE_FORCES
                                                     or _PLACE_OF.search(text, max(start, second.start - 20),
                                                                         second.start)):
        second = None  # "marched to the police station": where they protested, not who intervened
    return (as_actor(first) if first else None), (as_actor(second) if second else None)


def _agent(text: str, start: int, trigger: int, inside: list[Actor], agents: list[Actor],
           patients: list[Actor]) -> Actor | None:
    """The actor that did what the trigger says (see :func:`roles`)."""
    for a in inside:
        # after the trigger, or holding it ("set alight by an angry mob": the trigger is a word of the agent's name)
        if (a.start > trigger or a.start <= trigger < a.end) \
                and (_PASSIVE_BY.search(text, max(start, a.start - 60), a.start)
                     or _BY.search(text, max(start, a.start - 25), a.start)) \
                and not _BACKED_BY.search(text, max(start, a.start - 45), a.start) \
                and not _RELATIVE.search(text, trigger, a.start):
            return a
        if a.start < trigger and _ACCUSED.search(text, max(start, a.start - 25), a.start):
            return a
    between = next((a for a in agents if _BETWEEN.search(text, max(start, a.start - 14), a.start)), None)
    if between is not None:
        return between
    opened = list(_CLAUSE.finditer(text, start, trigger))
    last = opened[-1] if opened else None
    clause = last.end() if last is not None else start
    comma = text.find(", ", clause, trigger)
    if last is not None and _SUBORDINATE.fullmatch(last.group().strip()) and comma != -1 \
            and any(comma < a.start <= trigger for a in agents):
        clause = comma  # "When the police intervened, a crowd attacked them": the main clause's subject
    subject = next((a for a in agents if clause <= a.start <= trigger), None) or \
        next((a for a in agents if a.start <= trigger), None)
    if subject is not None:
        return subject
    done_to: Actor | None = None  # the last actor after the trigger that the act was done to
    for a in (a for a in inside if a.start >= trigger):
        if _OBJECT.search(text, max(start, a.start - 25), a.start) \
                or _DONE_TO.search(text, max(start, a.start - 40), a.start) \
                or (done_to is not None and _AND_MORE.fullmatch(text, done_to.end, a.start)):
            done_to = a  # "injuring a police officer and 2 civilians": both were hurt
            continue
        if a in agents and (not patients or a.type in _ARMED):
            return a
    return None


def _serves(text: str, first: Actor | None, a: Actor) -> bool:
    """Whether ``a`` is whom the first side is loyal to, named right after it ("warplanes loyal to the eastern
    government"): the state's forces' own master, not their enemy. Militants "loyal to the regime" stand for the
    regime's side, so only the state's forces are read so."""
    return first is not None and first.type is ActorType.STATE_FORCES and a.type is ActorType.STATE_FORCES \
        and first.end <= a.start and _LOYAL_TO.fullmatch(text, first.end, a.start) is not None


#: Between two actors an act was done to: "a police officer and 2 civilians", "soldiers as well as three
#: civilians".
_AND_MORE: Final = re.compile(r"\s*(?:,?\s+and|,?\s+as well as|,?\s+including)\s+(?:[\w-]+\s+){0,3}?",
                              re.IGNORECASE)


def _government(a: Actor) -> bool:
    """Whether a state actor is its government or officials, not its forces ("a teashop frequented by government
    officials": the bomb hit no forces)."""
    entry = load_kb().entries.get(a.kb_id or "")
    return entry is not None and entry.branch is not None and entry.branch not in ARMED_BRANCHES


def _one_name(text: str, a: Actor, b: Actor) -> bool:
    """Whether two actors are read from one name, side by side: "Nyatura Mayi Mayi militiamen" gives the faction
    and its movement, one side; so does a group named with the one it belongs to ("Ex-Seleka of the MPC")."""
    left, right = (a, b) if a.start < b.start else (b, a)
    return left.end <= right.start and (not text[left.end:right.start].strip(" -")
                                        or _PART_OF.fullmatch(text, left.end, right.start) is not None)


def _allies(text: str, a: Actor, b: Actor) -> bool:
    """Whether two actors are named together as one side: "Military and RSF", "SAF, RSF"."""
    if {a.type, b.type} == {ActorType.STATE_FORCES, ActorType.REBEL_GROUPS}:
        return False  # "soldiers and rebels killed": the two sides
    left, right = (a, b) if a.start < b.start else (b, a)
    return _TOGETHER.fullmatch(text, left.end, right.start) is not None


def _default(name: str, kind: ActorType) -> Actor:
    return Actor(name, "", 0, 0, kind, None, None, ActorKind.GROUP, None, None, "default")


def _unnamed(sub: SubEventType, sentence: str) -> Actor | None:
    """Who did it when the sentence names nobody but says enough: air raids are flown by a state's air
    force, enforced disappearances and harm to people held or just arrested are the police's, shelling
    and what is done in a military or security operation or crackdown are the state's forces', the armed
    men of a communal clash are communal militias, and those who beat, stone or burn a suspected thief
    or witch are vigilantes."""
    if sub is S.AIR_DRONE_STRIKE or (sub.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE
                                     and _AIRCRAFT.search(sentence)):
        return _default("Military Forces", ActorType.STATE_FORCES)
    if sub is S.ABDUCTION_FORCED_DISAPPEARANCE and _FORCED_DISAPPEARANCE.search(sentence):
        return _default("Police Forces", ActorType.STATE_FORCES)
    if sub.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and _IN_CUSTODY.search(sentence):
        return _default("Police Forces", ActorType.STATE_FORCES)
    if sub is S.SHELLING_ARTILLERY_MISSILE_ATTACK and _SHELLING.search(sentence):
        return _default("Military Forces", ActorType.STATE_FORCES)
    if sub not in PROTEST_FAMILY and _OPERATION.search(sentence):
        police = sub is S.ARRESTS or _POLICE_WORDS.search(sentence) is not None
        return _default("Police Forces" if police else "Military Forces",
                        ActorType.STATE_FORCES)  # "two militants were killed in a security operation"
    if sub.event_type in (EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS) and COMMUNAL.search(fold(sentence)):
        return _default("Communal Militia", ActorType.IDENTITY_MILITIAS)
    if sub.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and _MOB_HARM.search(sentence) \
            and VIGILANTE.search(fold(sentence)):
        return _default("Vigilante Militia", ActorType.IDENTITY_MILITIAS)  # "a suspected thief was beaten to death"
    return None


def _speaker(text: str, actor: Actor, start: int, end: int) -> bool:
    return _ACCORDING_TO.search(text, max(start, actor.start - 25), actor.start) is not None or \
        _SAID_AFTER.match(text[actor.end:min(end, actor.end + 80)]) is not None


#: After an actor, how someone named it: "gunmen described by police as bandits", "men identified as herders".
_DESCRIBED_AS: Final = re.compile(r"\s*,?\s+(?:who\s+(?:were|was)\s+)?(?:described|identified|labell?ed|branded|termed|"
                                  r"dubbed|believed|suspected|thought|said|reported)\b", re.IGNORECASE)


def _suffered(text: str, actor: Actor, start: int, trigger: int) -> bool:
    """Whether an actor named before the trigger suffered the act rather than did it ("a man wanted by the police
    was killed": the police did another thing to the man, not suffer this)."""
    if _OBJECT.search(text, max(start, actor.start - 25), actor.start):
        return True
    if _BY.search(text, max(start, actor.start - 25), actor.start):
        return False
    if _DESCRIBED_AS.match(text, actor.end, trigger):
        return False  # "gunmen described by police as bandits kidnapped 12": how they were named
    return _SUFFERED_AFTER.match(text[actor.end:trigger + 30]) is not None or \
        HEADLINE_PASSIVE.match(text, actor.end, trigger + 30) is not None


# ----------------------------------------------------------------------------- place

# a demonym is whose, not where; a place the gazetteer lacks ("Ferdous neighbourhood, Raqqa city") is coded at
# what holds it, which the sentence names too
_NOT_EVENT_PLACES: Final = frozenset({"demonym", "within"})
_SURE_TOWN: Final = 0.8  # a town resolved this confidently is no namesake of a town of another country
_ACTOR_VOTE: Final = 0.5  # a named group of the knowledge base, for its country: half a resolved town
_RANK: Final = {"landmark": 0, "relative": 0, "city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
# between a place and the one that holds it: "Soweto outside Johannesburg", "Ketu, Lagos", "Madina,
# north of Accra", "the Kamwokya area of Kampala"
_HOLDER_GAP: Final = re.compile(
    r"^(?:(?:\s+(?:area|district|village|town|county|lga|locality))?"
    r"(?:\s*,\s*(?:(?:in|inside|near|outside|around)\s+)?|\s+(?:in|inside|near|outside|around)\s+)"
    r"(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of\s+)?)?|\s+areas?\s+of\s+)(?:the\s+)?$",
    re.IGNORECASE)
_LIST_GAP: Final = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s+$")


def location(doc: Doc, start: int, end: int, trigger: int, skip: Span | None = None) -> Place | None:
    """The place of an event told in ``doc.text[start:end]``.

    A place named in the sentence: of the country the article is about where it names places of
    several; never a town named only inside a wider place's words ("the countryside of Hama" is
    the land near Hama, precision 2); a town before a province before a country; the nearest after
    the trigger, else the nearest before.
    Never a place in ``skip`` (the attribution: "a source in Damascus said"), nor a country named
    inside an actor's name ("US forces"). Else the article's
    focus (the town of the story it names most), else None."""
    actors = [(a.start, a.end) for a in doc.actors if start <= a.start and a.end <= end]
    inside = [p for p in doc.places
              if start <= p.start and p.end <= end and p.feature not in _NOT_EVENT_PLACES and p.latitude is not None
              and not (skip is not None and skip.start <= p.start and p.end <= skip.end)
              # a country in an actor's name is whose side it is, not where ("the US forces")
              and not (p.feature == "country" and any(a0 <= p.start and p.end <= a1 for a0, a1 in actors))
              and not in_group_name(doc, p)
              and not (p.feature == "country" and FORCES_FROM.search(doc.text, max(0, p.start - 60), p.start))]
    if inside:
        home = _home_country(doc)
        if home is not None and any(p.country == home for p in inside):
            local = [p for p in inside if p.country == home]
            if all(_rank(p) >= 2 for p in local):
                # only the country or a province of home in the sentence: a town resolved with confidence
                # elsewhere is still where it happened ("outside the Presidency in Tunis" of Libya's missing)
                local += [p for p in inside if p.country != home and _rank(p) < 2
                          and p.score is not None and p.score >= _SURE_TOWN]
            inside = local
        inside = _held_first(doc.text, [_around_town(p, inside) or p for p in _outermost(inside)])

        def key(p: Place) -> tuple[int, int]:
            distance = (p.start - trigger) if p.start >= trigger else 10_000 + trigger - p.end
            return _rank(p), distance

        best = min(inside, key=key)
        return _town_inside(doc, best, start) or best
    return focus_place(doc)


def _rank(p: Place) -> int:
    """How wide a place is, for choosing an event's: a town 0, a district 1, a province 2 ... a country 4."""
    return _RANK.get(p.feature or "city", 2)


def _nested(p: Place, q: Place) -> bool:
    """Whether ``p`` is named inside the wider words of ``q``."""
    return q is not p and q.start <= p.start and p.end <= q.end and q.end - q.start > p.end - p.start


def _outermost(places: list[Place]) -> list[Place]:
    """The places but those named inside a wider place's words: "the eastern countryside of Hama" is
    the land around Hama, not the city; "north of Aleppo" is not Aleppo."""
    return [p for p in places if not any(_nested(p, q) for q in places)] or places


def _around_town(area: Place, places: list[Place]) -> Place | None:
    """For "the countryside of Hama" (read as Hama province), the land around the town it names: the
    town's point at ACLED's precision 2 ("near a town, coded to the town"), quoting the whole phrase,
    moved to the side the phrase names ("the eastern countryside of Hama"); None when the area names
    no town of its own."""
    if area.feature not in _AREAS:
        return None
    for town in places:
        if town.feature == "city" and _nested(town, area) and town.country == area.country:
            bearing = side_of(_without(area, town))
            lat, lon = town.latitude, town.longitude
            if bearing is not None and lat is not None and lon is not None:
                lat, lon = (round(x, 5) for x in destination(lat, lon, bearing, AROUND_KM))
            return replace(town, start=area.start, end=area.end, text=area.text, feature="relative",
                           latitude=lat, longitude=lon,
                           geo_precision=GeoPrecision.NEAR_TOWN, where_prec=WherePrec.WITHIN_25KM)
    return None


def _without(area: Place, town: Place) -> str:
    """The words of an area's phrase around the town it names: "the northern countryside of " for "the northern
    countryside of North Shuna", so that a side word of the town's own name is none of the area's."""
    return area.text[:town.start - area.start] + " " + area.text[town.end - area.start:]


_AREAS: Final = frozenset({"admin1", "region", "country"})
_REGION_KM: Final = 250.0  # a town this close to a region's point may lie in it (regions have no borders here)


def _town_inside(doc: Doc, area: Place, start: int) -> Place | None:
    """For an event placed in a province, a region or a country, the town of it the article names
    (the first from the event's sentence on, else the first before): "an ambush in Borno State ...
    residents of Bama said"; None when it names none or the place is no such area."""
    if area.feature not in _AREAS or not area.country:
        return None
    towns = [p for p in doc.places if p.feature in ("city", "landmark", "relative") and p.latitude is not None
             and p.country == area.country and in_story(doc, p.start) and _within(p, area)
             and not _nested(p, area) and not measured_from(doc, p)]  # "the countryside of Hama": not Hama
    if not towns:
        return None
    later = [p for p in towns if p.start >= start]
    return min(later or towns, key=lambda p: p.start)


def measured_from(doc: Doc, p: Place) -> bool:
    """Whether a town is named only as the point another place is measured from: Mogadishu in "a town about 100 km
    northwest of the capital Mogadishu"."""
    return p.feature != "relative" and any(q.feature == "relative" and q.start < p.start and p.end <= q.end
                                           for q in doc.places)


def _within(town: Place, area: Place) -> bool:
    if area.feature == "country":
        return True
    if area.feature == "admin1" and area.admin1:
        return town.admin1 == area.admin1
    return km(town, area) < _REGION_KM


def km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres between two located places."""
    return great_circle_km(a.latitude or 0.0, a.longitude or 0.0, b.latitude or 0.0, b.longitude or 0.0)


def _held_first(text: str, places: list[Place]) -> list[Place]:
    """The places but those named only as what holds or lies near the one before ("In Soweto,
    outside Johannesburg, residents blocked roads": Soweto; "in Ketu, Lagos": Ketu); not a larger
    unit's place ("the University of Gezira in Wad Madani"), nor one of a list ("traders from Kisumu,
    Siaya, Migori")."""
    ordered = sorted(places, key=lambda p: p.start)
    gaps = [text[a.end:b.start] if a.end <= b.start else "" for a, b in pairwise(ordered)]
    holders: set[int] = set()
    for n, gap in enumerate(gaps):
        a, b = ordered[n], ordered[n + 1]
        if not _HOLDER_GAP.match(gap) or _rank(a) > _rank(b):
            continue
        if gap.strip() == "," and any(_LIST_GAP.match(g) for g in gaps[max(0, n - 1):n] + gaps[n + 1:n + 2]):
            continue
        holders.add(id(b))
    return [p for p in places if id(p) not in holders] or places


def _home_country(doc: Doc) -> str | None:
    """The country the story is about, when its places and actors clearly say so: a town in another
    country of the same name as a local one ("Popo" near "Bria") is then not taken. A place resolved
    with little confidence counts half: "in Abuja" outweighs "Save" read in a group's name ("Save Our
    National Assembly": Savé, Benin)."""
    votes: dict[str, float] = {}
    for p in doc.places:
        if p.country and p.latitude is not None and p.feature != "within":  # its holder votes already
            weak = p.score is not None and p.score < WEAK_PLACE
            votes[p.country] = votes.get(p.country, 0.0) + (0.5 if p.feature in _NOT_EVENT_PLACES or weak else 1.0)
    for a in doc.actors:
        if a.country and a.kb_id is not None:
            votes[a.country] = votes.get(a.country, 0.0) + _ACTOR_VOTE
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:2]
    best, n = ranked[0]
    return best if len(ranked) == 1 or n > ranked[1][1] else None


def focus_place(doc: Doc) -> Place | None:
    """The town the article names most in its story (the first named on a tie), if it names any, else
    the district, else the province ("in the Irumu area": the event is somewhere in it, at the
    precision of a district); a dateline's or a credit's town is where the reporter was, not the
    event."""
    towns: list[Place] = []
    for features in (("city", "landmark", "relative"), ("admin2",), ("admin1",)):
        towns = [p for p in doc.places if p.feature in features and p.latitude is not None and in_story(doc, p.start)
                 and not in_group_name(doc, p) and not measured_from(doc, p)]
        if towns:
            break
    if not towns:
        return None
    counts = Counter(p.name for p in towns)
    best = max(counts.values())
    return next(p for p in towns if counts[p.name] == best)


# ----------------------------------------------------------------------------- modality

_DENIED: Final = re.compile(
    r"\b(?:denied|denies|deny|rejected (?:claims|reports)|did not|didn't|never|no (?:attack|clash))\b", re.IGNORECASE
)
_EXPECTED: Final = re.compile(r"\b(?:will|would|expected|expects?|expecting|plans? to|planned|planning|set to|"
                              r"scheduled|threaten\w*|vow\w*|warn\w*|prepar\w+ (?:to|for)|poised to|about to|"
                              r"intends?|aims? to|could|(?-i:may)|might|if)\b", re.IGNORECASE)  # not the month "May"
_HISTORY_DAYS: Final = 45
#: A region's record told as background, no one event: "Central Mali has seen repeated clashes", "the area has
#: witnessed a wave of kidnappings", "has been plagued by attacks".
_BACKGROUND: Final = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:long|often|also|repeatedly)\s+)?(?:seen|witnessed|experienced|suffered|endured|"
    r"been (?:plagued|hit|rocked|wracked|racked|beset|marred|scarred) by)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:repeated|recurring|frequent|numerous|many|several|years of|decades of|an? (?:string|wave|series|spate|surge|"
    r"spike|rise|increase|upsurge|cycle|number) of)\s", re.IGNORECASE)


def modality(doc: Doc, start: int, end: int, trigger: int, date: EventDate | None) -> Modality:
    """Whether the sentence asserts the event, expects it, denies it or recalls it as background."""
    text = doc.text
    clause = text[max(start, trigger - 80): min(end, trigger + 40)]
    if _DENIED.search(clause):
        return Modality.DENIED
    if _EXPECTED.search(text, max(start, trigger - 50), trigger + 1):
        return Modality.EXPECTED
    if _BACKGROUND.search(text, max(start, trigger - 60), trigger + 1):
        return Modality.HISTORICAL  # "the region has seen repeated clashes between herders and farmers"
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
