"""Second looks at a typed event, once its actors are known. Used by :mod:`sitrep.stages.events`.

The trigger lexicon reads words; some ACLED distinctions depend on who is involved:

- an attack on armed men (soldiers, a base, rebels) is a battle, an attack on civilians is violence
  against civilians; an execution, beheading or stoning stays an attack, whoever the victim;
- territory gained is "Government regains territory" when state forces gain it and "Non-state
  actor overtakes territory" when anyone else does;
- civilians are never the first actor of political violence: "A man and a woman stoned to death"
  names the victims, the perpetrator is unnamed;
- ACLED's order: in a battle the state side comes first; in a protest or riot the crowd comes first,
  the police who intervened second;
- a protest at which people clashed, threw stones or looted is a violent demonstration; one that
  was broken up or whose people were arrested is a protest with intervention.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from ..models import Actor
from ..vocab import ActorKind, ActorType, EventType, SubEventType

__all__ = ["PROTEST_FAMILY", "country_name", "crowd", "localise", "protest_kind", "refine", "upgrade_protest"]

S = SubEventType
A = ActorType

_ARMED: Final = frozenset({A.STATE_FORCES, A.REBEL_GROUPS, A.POLITICAL_MILITIAS, A.IDENTITY_MILITIAS,
                           A.EXTERNAL_OTHER_FORCES})
_CROWD: Final = frozenset({A.PROTESTERS, A.RIOTERS})
PROTEST_FAMILY: Final = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION,
                                   S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE})
#: Killings that are violence against civilians whoever the victim: the victim is unarmed by then.
_EXECUTION: Final = re.compile(r"execut|behead|ston|lash|flog|whipp|crucif|tortur|hang|slaughter|massacre|hacked|alive",
                               re.IGNORECASE)
#: What an armed target or victim is called.
_ARMED_TARGET: Final = re.compile(
    r"\b(?:soldiers?|troops?|servicem[ae]n|army|military|policem[ae]n|police (?:officers?|station|post|patrol)|"
    r"officers|"
    r"gendarmes?|guards?|militants?|insurgents?|rebels?|fighters?|militi(?:a|as|amen|aman)|jihadists?|terrorists?|"
    r"base|barracks|checkpoints?|patrol|convoy|positions?|outposts?|garrison|posts?)\b",
    re.IGNORECASE)
_CIVILIAN_TARGET: Final = re.compile(
    r"\b(?:civilians?|villagers?|residents?|passengers?|worshippers?|children|child|boys?|girls?|wom[ae]n|students?|"
    r"farmers?|herders?|traders?|pupils?|families|family|homes?|houses?|market|church|mosque|school|village|"
    r"people|persons?|citizens?|m[ae]n|motorists?|travell?ers?|teachers?|journalists?|patients?|displaced)\b",
    re.IGNORECASE)
#: A protest turned violent: the crowd fought, threw, burned or looted.
_CROWD_VIOLENCE: Final = re.compile(
    r"\b(?:clash\w*|violen(?:t|ce)|unrest|riot\w*|hurl\w*|threw|throw\w*|pelt\w*|stones?|rocks|molotov|petrol bombs?|"
    r"torch\w*|set (?:\w+ )?(?:fire|ablaze)|ablaze|burn\w*|loot\w*|vandali[sz]\w*|smash\w*|fireworks|firecrackers|"
    r"ransack\w*|destroy\w*|damag\w*|attack\w*|stormed|broke into|fought|scuffl\w+)\b",
    re.IGNORECASE)
#: The authorities stepped in: dispersed, arrested, tear gas.
_INTERVENTION: Final = re.compile(
    r"\b(?:arrest\w*|detain\w*|dispers\w+|tear ?gas|water cannons?|rubber bullets|batons?|broke up|prevented|"
    r"cracked down|crackdown|intervened|blocked by police|warning shots)\b",
    re.IGNORECASE)
#: Protesters killed or shot by the authorities.
_FORCE: Final = re.compile(
    r"\b(?:killed|shot|live (?:rounds|ammunition|bullets)|opened fire|fired (?:at|on|into)|beat(?:en)?|"
    r"whipped|injur\w+|wounded)\b",
    re.IGNORECASE)


def _armed(actor: Actor | None) -> bool:
    return actor is not None and actor.type in _ARMED


def _armed_nonstate(actor: Actor | None) -> bool:
    return actor is not None and actor.type in (A.REBEL_GROUPS, A.POLITICAL_MILITIAS, A.IDENTITY_MILITIAS,
                                                A.EXTERNAL_OTHER_FORCES)


def _crowd(actor: Actor | None) -> bool:
    return actor is not None and actor.type in (A.CIVILIANS, A.RIOTERS, A.PROTESTERS)


#: Unarmed people who fight: pupils, traders, supporters.
_CROWD_WORDS: Final = re.compile(
    r"\b(?:students|pupils|residents|youths?|traders|vendors|workers|supporters|villagers|touts|transporters|"
    r"marketers|drivers|fans|crowds?|mobs?|demonstrators|protesters|inmates|prisoners|members of the public|"
    r"commissioners?|councillors|locals)\b", re.IGNORECASE)
#: The authorities a crowd fought with.
_STATE_WORDS: Final = re.compile(r"\b(?:police\w*|security forces|gendarmes?|riot squad|law enforcement)\b",
                                 re.IGNORECASE)
#: Words that say armed men took part.
_ARMED_WORDS: Final = re.compile(
    r"\b(?:militants?|gunmen|rebels?|insurgents?|fighters|jihadists?|militias?|militiamen|terrorists?|bandits|"
    r"soldiers|troops|army|armed|gun ?fire|gunshots|shot|firearms|guns)\b", re.IGNORECASE)


def _victim(actor: Actor | None) -> bool:
    """Civilians, or a person noun the actors stage took for a crowd ("a man" near "stoned")."""
    if actor is None or actor.kb_id is not None:
        return False
    return actor.type is A.CIVILIANS or (actor.type in _CROWD and actor.kind is ActorKind.GROUP
                                         and actor.text.lower().rstrip("s") in _PERSON_NOUNS)


_PERSON_NOUNS: Final = frozenset("man woman men women child children boy girl youth young men person people citizen "
                                 "civilian villager resident".split())


def _civilians(actor: Actor) -> Actor:
    if actor.type is A.CIVILIANS:
        return actor
    name = "Civilians" + (f" ({country_name(actor.country)})" if actor.country else "")
    return Actor(name, actor.text, actor.start, actor.end, A.CIVILIANS, actor.country, None, ActorKind.GROUP, None,
                 None, actor.resolved_by)


def crowd(sub: SubEventType, actor: Actor | None, country: str | None) -> Actor | None:
    """The crowd of a protest or riot as ACLED names it: "Protesters (Kenya)" for a protest, "Rioters
    (Kenya)" for a riot, whoever they were; None for any other event or actor."""
    if sub not in PROTEST_FAMILY or (actor is not None and not _crowd(actor)):
        return None
    rioting = sub in (S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE)
    kind = A.RIOTERS if rioting else A.PROTESTERS
    name = "Rioters" if rioting else "Protesters"
    where = country_name(country)
    text, start, end = (actor.text, actor.start, actor.end) if actor is not None else ("", 0, 0)
    return Actor(f"{name} ({where})" if where else name, text, start, end, kind, country, None, ActorKind.GROUP, None,
                 None, actor.resolved_by if actor is not None else "default")


def refine(sub: SubEventType, trigger_text: str, clause: str, actor1: Actor | None,
           actor2: Actor | None, clause_all: str = "") -> tuple[SubEventType, Actor | None, Actor | None]:
    """The sub-event type and actors once who did what to whom is known.

    ``trigger_text`` is the word the type was read from, ``clause`` the sentence from the trigger on,
    ``clause_all`` the whole sentence.
    """
    # civilians are victims, never the perpetrators of political violence
    if sub not in PROTEST_FAMILY and sub.event_type is not EventType.STRATEGIC_DEVELOPMENTS and _victim(actor1):
        assert actor1 is not None
        victim = _civilians(actor1)
        actor1, actor2 = (actor2, victim) if _armed(actor2) else (None, victim)
    elif sub is S.ARRESTS and _victim(actor1):
        assert actor1 is not None
        actor1, actor2 = (actor2 if _armed(actor2) else None), actor1
    # an attack on armed men is a battle
    if sub is S.ATTACK and not _EXECUTION.search(trigger_text):
        armed_target = _armed(actor2) or (actor2 is None and _ARMED_TARGET.search(clause) is not None
                                          and _CIVILIAN_TARGET.search(clause) is None)
        if armed_target and (actor1 is None or _armed(actor1)):
            sub = S.ARMED_CLASH
    # a fight between unarmed people is a riot: with the police, a violent demonstration; else mob violence
    unarmed = (_crowd(actor1) or _crowd(actor2) or _CROWD_WORDS.search(clause_all)) and not _ARMED_WORDS.search(
        clause_all)
    if sub is S.ARMED_CLASH and not _armed_nonstate(actor1) and not _armed_nonstate(actor2) and unarmed:
        state = actor1 if actor1 is not None and actor1.type is A.STATE_FORCES else actor2
        crowd = actor2 if state is actor1 else actor1
        with_state = (state is not None and state.type is A.STATE_FORCES) or _STATE_WORDS.search(clause_all)
        sub = S.VIOLENT_DEMONSTRATION if with_state else S.MOB_VIOLENCE
        actor1, actor2 = (crowd if crowd is not None and crowd.type is not A.STATE_FORCES else None), (
            state if state is not None and state.type is A.STATE_FORCES else None)
    # territory: who gained it decides
    if sub in (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY) and actor1 is not None:
        if actor1.type is A.STATE_FORCES:
            sub = S.GOVERNMENT_REGAINS_TERRITORY
        elif actor1.type in (A.REBEL_GROUPS, A.POLITICAL_MILITIAS, A.IDENTITY_MILITIAS):
            sub = S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    # a crowd is coded as protesters or rioters, whoever they were ("students", "residents")
    if sub in PROTEST_FAMILY:
        if not _crowd(actor1) and _crowd(actor2):
            actor1, actor2 = actor2, actor1
        if not _crowd(actor1) and actor1 is not None and actor2 is None and actor1.type is A.STATE_FORCES:
            actor1, actor2 = None, actor1
        elif not _crowd(actor1):
            actor1 = None
    # ACLED's order of the two sides
    if sub is S.ARMED_CLASH and actor2 is not None and actor2.type is A.STATE_FORCES and (
            actor1 is None or actor1.type is not A.STATE_FORCES):
        actor1, actor2 = actor2, actor1
    if sub in PROTEST_FAMILY and actor2 is not None and actor2.type in _CROWD and (
            actor1 is None or actor1.type is A.STATE_FORCES):
        actor1, actor2 = actor2, actor1
    return sub, actor1, actor2


def protest_kind(sub: SubEventType, fired: frozenset[SubEventType], sentence: str) -> SubEventType:
    """What a sentence that speaks of a protest tells of it: the crowd's violence makes a violent demonstration
    (clashes, stones, looting), the authorities' force against the crowd excessive force, their intervention
    (dispersal, arrests) a protest with intervention. ``fired``: every type whose triggers fired there."""
    if S.PEACEFUL_PROTEST not in fired and sub not in (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION):
        return sub
    if sub in (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.MOB_VIOLENCE):
        return sub
    if sub is S.ATTACK:
        return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS if _FORCE.search(sentence) else sub
    if sub in (S.ARMED_CLASH, S.LOOTING_PROPERTY_DESTRUCTION, S.VIOLENT_DEMONSTRATION):
        return S.VIOLENT_DEMONSTRATION
    if sub in (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY) or (
            sub.event_type is EventType.STRATEGIC_DEVELOPMENTS and sub is not S.ARRESTS):
        sub = S.PEACEFUL_PROTEST  # "protested to demand the liberation of", "a demonstration against the agreement"
    if sub not in (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.ARRESTS):
        return sub
    if _CROWD_VIOLENCE.search(sentence):
        return S.VIOLENT_DEMONSTRATION
    if sub is not S.PEACEFUL_PROTEST or _INTERVENTION.search(sentence):
        return S.PROTEST_WITH_INTERVENTION
    return sub


def upgrade_protest(sub: SubEventType, follow_up: SubEventType, sentence: str) -> SubEventType:
    """A protest's sub-event type once a later sentence tells what happened at it (``follow_up`` typed there)."""
    if follow_up in (S.VIOLENT_DEMONSTRATION, S.LOOTING_PROPERTY_DESTRUCTION, S.ARMED_CLASH, S.MOB_VIOLENCE) or (
            _CROWD_VIOLENCE.search(sentence) and follow_up is not S.EXCESSIVE_FORCE_AGAINST_PROTESTERS):
        return S.VIOLENT_DEMONSTRATION if sub is not S.MOB_VIOLENCE else sub
    if sub is S.VIOLENT_DEMONSTRATION or sub is S.MOB_VIOLENCE:
        return sub
    if follow_up in (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.ATTACK) and _FORCE.search(sentence):
        return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS
    if follow_up in (S.ARRESTS, S.PROTEST_WITH_INTERVENTION) or _INTERVENTION.search(sentence):
        return S.PROTEST_WITH_INTERVENTION if sub is S.PEACEFUL_PROTEST else sub
    return sub


_GENERIC_STATE: Final = frozenset({"Military Forces", "Police Forces", "Government", "Civilians"})


def localise(actor: Actor | None, country: str | None) -> Actor | None:
    """A generic actor the text did not place ("regime forces", "children"), placed in the event's country:
    "Military Forces of Syria", "Civilians (Syria)"."""
    if actor is None or country is None or actor.kb_id is not None:
        return actor
    if actor.type is A.CIVILIANS and actor.name.startswith("Civilians"):
        actor = Actor("Civilians", actor.text, actor.start, actor.end, actor.type, None, None, actor.kind, actor.role,
                      actor.affiliation, actor.resolved_by)
    if actor.name not in _GENERIC_STATE:
        return actor
    name = country_name(country)
    if name is None:
        return actor
    full = f"Civilians ({name})" if actor.name == "Civilians" else f"{actor.name} of {name}"
    return Actor(full, actor.text, actor.start, actor.end, actor.type, country, None, actor.kind, actor.role,
                 actor.affiliation, actor.resolved_by)


@lru_cache(maxsize=512)
def country_name(iso3: str | None) -> str | None:
    """The short English name of a country ("Syria", not "Syrian Arab Republic")."""
    if not iso3:
        return None
    import pycountry

    if iso3 in _SHORT_NAMES:
        return _SHORT_NAMES[iso3]
    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        return None
    name = getattr(found, "common_name", None) or found.name
    return str(name).split(",")[0]


_SHORT_NAMES: Final = {"SYR": "Syria", "IRN": "Iran", "RUS": "Russia", "COD": "Democratic Republic of Congo",
                       "COG": "Republic of Congo", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia",
                       "KOR": "South Korea", "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova", "PSE": "Palestine",
                       "GBR": "United Kingdom", "USA": "United States", "CIV": "Ivory Coast", "VNM": "Vietnam"}
