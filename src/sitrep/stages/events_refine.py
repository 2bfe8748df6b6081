"""Second looks at a typed event, once its actors are known. Used by :mod:`sitrep.stages.events`.

The trigger lexicon reads words; some ACLED distinctions depend on who is involved:

- an attack on armed men (soldiers, a base, rebels) is a battle, an attack on civilians is violence
  against civilians; who the sentence says was harmed (the object of "killed", the subject of "was
  stabbed") decides before the roles do; an execution, beheading or stoning stays an attack, whoever the victim;
- a clash of a party's youths, members or supporters is a riot, as of any other unarmed people; two such
  crowds that fought each other ("members of the APC and PDP") are both rioters;
- territory gained is "Government regains territory" when state forces gain it and "Non-state
  actor overtakes territory" when anyone else does;
- civilians are never the first actor of political violence: "A man and a woman stoned to death"
  names the victims, the perpetrator is unnamed;
- a party's member, councillor or supporters attacked are civilians; an ambush on civilians alone is
  an attack; property destroyed by rioters is a riot;
- ACLED's order: in a battle the side that attacked, ambushed or raided comes first ("OLA attacked
  government forces"), else the state side (clashes, fighting, a passive report); in a protest or
  riot the crowd comes first,
  the police who intervened second, but the forces that used excessive force first; vigilantes stay
  the first side of their mob violence; a peaceful protest has no second side;
- a protest at which people clashed, threw stones, burned tyres, put up barricades or blocked the roads is a
  violent demonstration (one that stormed or besieged a building, or was about violence, is not); one that
  was broken up or whose people were arrested is a protest with intervention; one whose people were killed,
  shot or beaten by the authorities ("soldiers attacked the students"), excessive force.
  What the protest is about ("against the killing of", "no violence was reported") is no part of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from ..knowledge.actors import load_kb
from ..models import Actor
from ..vocab import ActorKind, ActorType, EventType, SubEventType
from .events_types import grievances, held_for

__all__ = ["PROTEST_FAMILY", "Sides", "country_name", "crowd", "held_for_a_protest", "localise", "protest_kind",
           "refine", "sides", "upgrade_protest", "victims"]

S = SubEventType
A = ActorType

_ARMED: Final = frozenset({A.STATE_FORCES, A.REBEL_GROUPS, A.POLITICAL_MILITIAS, A.IDENTITY_MILITIAS,
                           A.EXTERNAL_OTHER_FORCES})
_CROWD: Final = frozenset({A.PROTESTERS, A.RIOTERS})
PROTEST_FAMILY: Final = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION,
                                   S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE})
#: Killings that are violence against civilians whoever the victim: the victim is unarmed by then.
#: Bodies found, a mass grave: who the dead were is told by the words of the dead, not by what stood nearby ("bodies
#: found near an army base").
_EXECUTION: Final = re.compile(r"execut|behead|ston|lash|flog|whipp|crucif|tortur|hang|slaughter|massacre|hacked|alive|"
                               r"bod(?:y|ies)|corpses?|grave", re.IGNORECASE)
#: Armed people and the places they hold, by any name both lists below share.
_ARMED_NOUNS: Final = (r"soldiers?|troops?|servicem[ae]n|army|military|policem[ae]n|gendarmes?|guards?|rangers?|"
                       r"militants?|insurgents?|rebels?|fighters?|militi(?:a|as|amen|aman)|jihadists?|terrorists?|"
                       r"extremists?|islamists?|barracks|checkpoints?|positions?|outposts?")
#: Unarmed people, by any name both lists below share.
_CIVILIAN_NOUNS: Final = (r"civilians?|villagers?|residents?|passengers?|worshippers?|children|child|boys?|girls?|"
                          r"wom[ae]n|students?|farmers?|herders?|traders?|pupils?|families|family|people|persons?|"
                          r"citizens?|m[ae]n|motorists?|travell?ers?|teachers?|journalists?|patients?|displaced|"
                          r"customers?|patrons?|revellers?|drinkers?|shoppers?|diners?|guests?|spectators?|fans?")
#: A member of the security forces harmed off duty, at home or on the way to or from work: no combatant then, and
#: ACLED codes the killing as violence against a civilian ("an off-duty soldier was shot dead outside his house").
_OFF_DUTY: Final = re.compile(
    r"\b(?:off[- ]duty|on (?:his|her|their) way (?:back )?(?:home|to (?:work|his office|her office|church|the mosque))|"
    r"on (?:his|her|their) way back (?:home|from (?:work|church|the mosque|the market))|"
    r"(?:outside|in front of|at the gate of|at|in|near) (?:his|her|their) (?:own )?"
    r"(?:home|house|residence|homes|houses)|"
    r"while (?:(?:he|she|they) (?:was|were) )?(?:on leave|asleep|sleeping|praying|shopping|at home))\b",
    re.IGNORECASE)
#: What an armed target or victim is called.
_ARMED_TARGET: Final = re.compile(
    r"\b(?:" + _ARMED_NOUNS + r"|police (?:officers?|station|post|patrol)|officers|base|patrol|convoy|garrison|"
    r"elements|(?:police|army|military|border|security|observation|guard|command) posts?|"
    r"camps? of|hideouts?|dens?|strongholds?|cells?)\b",
    re.IGNORECASE)
_CIVILIAN_TARGET: Final = re.compile(
    r"\b(?:" + _CIVILIAN_NOUNS + r"|homes?|houses?|market|church|mosque|school|village|"
    r"vehicles?|cars?|bus(?:es)?|minibus(?:es)?|trucks?|lorr(?:y|ies))\b",
    re.IGNORECASE)
#: A verb (or noun) of harm done to someone: who it was done to is its object ("killed two soldiers", "an attack on
#: a checkpoint") or, in the passive, its subject ("a policeman was stabbed", "Police officer killed in ...").
_HARM_WORD: Final = re.compile(
    r"\b(?:attack(?:ed|s|ing)?|kill(?:ed|s|ing)?|shot(?: dead| and killed| at| on| into)?|shoot(?:s|ing)?|gunned down|"
    r"murder(?:ed|s|ing)?|stabb(?:ed|ing)|hacked(?: to death)?|assault(?:ed|s|ing)?|beat(?:en|s|ing)?(?: up)?|"
    r"ambush(?:ed|es|ing)?|raid(?:ed|s|ing)?|overr(?:an|un)|storm(?:ed|ing)|wound(?:ed|s|ing)|injur(?:ed|es|ing)|"
    r"fir(?:ed|es|ing) (?:on|at|upon)|"
    r"open(?:ed|s)? fire (?:on|at)|target(?:ed|s|ing)|abduct(?:ed|s|ing)|kidnapp?(?:ed|s|ing))\b",
    re.IGNORECASE)
#: Just before a passive verb: "was", "were reportedly".
_PASSIVE_BEFORE: Final = re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: Just after a participle that takes no object there: a preposition or a clause break ("killed in", "stabbed near").
_NO_OBJECT: Final = re.compile(r"\s*(?:$|[,.;:(]|(?:by|in|at(?! least)|on|near|while|during|when|after|as|outside|"
                               r"inside|but|with|over|last|yesterday|today|this|early|late|overnight|allegedly)\b)",
                               re.IGNORECASE)
#: Where the words naming one side end: a clause break or a word that starts another phrase.
_PHRASE_END: Final = re.compile(r"[,.;:()\[\]]|\b(?:in|at|near|while|during|when|after|before|until|because|as|from|"
                                r"who|which|that|"
                                r"and (?:kill|injur|wound|abduct|loot|burn|destroy)\w*|killing|leaving|following|"
                                r"on (?:\w+day|the (?:\w+ )?(?:night|morning|evening|outskirts|road)))\b",
                                re.IGNORECASE)
#: The agent of a passive ("by gunmen"), not the men a convoy was "escorted by".
_AGENT: Final = re.compile(r"(?<!escorted )(?<!guarded )(?<!protected )(?<!accompanied )\bby (?:[\w'-]+ ){0,3}[\w'-]+",
                           re.IGNORECASE)
#: Armed people, whatever the noun: "an armed man", "armed youths".
_ARMED_PEOPLE: Final = re.compile(r"\barmed\b(?! (?:robbery|robberies))", re.IGNORECASE)
_PHRASE_START: Final = re.compile(r".*(?:[,.;:()\[\]]|\b(?:and|when|after|as|while|but|then|that|which|who)\b)",
                                  re.IGNORECASE | re.DOTALL)
#: Who was harmed, if armed: soldiers, police officers, guards, fighters, and the places they hold.
_ARMED_VICTIM: Final = re.compile(
    r"\b(?:" + _ARMED_NOUNS + r"|police ?(?:officers?|officials?|constables?|"
    r"inspectors?|captain|corporal|sergeant|station|posts?|patrols?|vehicles?|checkpoints?|units?|personnel)|"
    r"(?:security|armed) (?:forces|personnel|agents|officers)|officers?|gendarmerie|gunm[ae]n|"
    r"combatants?|bandits|attackers|assailants|vigilantes?|peacekeepers?|commanders?|"
    r"bases?|patrols?|garrisons?|helicopters?)\b", re.IGNORECASE)
#: Who was harmed, if unarmed: people of any kind, a party's people, relatives.
_CIVILIAN_VICTIM: Final = re.compile(
    r"\b(?:" + _CIVILIAN_NOUNS + r"|inhabitants|locals|babies|baby|vendors?|shopkeepers?|motorcyclists?|drivers?|"
    r"merchants?|shepherds?|herdsm[ae]n|pastoralists?|hunters?|labou?rers?|engineers?|lawyers?|judges?|"
    r"reporters?|nurses?|doctors?|idps|refugees?|migrants?|workers?|employees?|councill?ors?|"
    r"chairm[ae]n|chairpersons?|secretary|aspirants?|candidates?|supporters?|activists?|chiefs?|pastors?|priests?|"
    r"imams?|clerics?|sons?|daughters?|wife|wives|husbands?|brothers?|relatives?|teenagers?|youths?|elders?|mayor|"
    r"businessm[ae]n|miners?|fishermen|tourists?|foreigners?|nationals|victims?|teenage|spy|witch|"
    r"(?<!police )(?<!military )(?<!army )(?<!security )(?<!rebel )(?<!militia )(?:leaders?|officials?)|politicians?|"
    r"lawmakers?|legislators?|(?<!armed )(?:robbers?|thie(?:f|ves)|burglars?|criminals?|suspects?))\b", re.IGNORECASE)


def _harmed(sentence: str) -> tuple[bool, bool]:
    """Whether the sentence says armed men, and whether it says unarmed people, were the ones harmed: the object of
    each verb of harm, or its subject when the verb is passive; an agent ("by gunmen") is neither."""
    armed = civilian = False
    for m in _HARM_WORD.finditer(sentence):
        after = sentence[m.end():]
        participle = m.group(0).lower().endswith(("ed", "shot", "shot dead", "beaten", "gunned down", "death", "up"))
        passive = _PASSIVE_BEFORE.search(sentence, max(0, m.start() - 25), m.start()) is not None or (
            participle and _NO_OBJECT.match(after) is not None and not after.lstrip().lower().startswith("on "))
        if passive:
            words = _subject(sentence, m.start())
        else:
            words = _object(after)
            if participle and not _names_anyone(words) and _BY_AGENT.search(after[:120]):
                words = _subject(sentence, m.start())  # a headline's passive: "Woman shot and killed ... by RSF"
        a, c = _harm_kinds(words)
        armed, civilian = armed or a, civilian or c
    return armed, civilian


def _subject(sentence: str, at: int) -> str:
    """The words of the subject of a passive verb at ``at``: the phrase's head (its first words) and the words just
    before the verb ("A man believed to have broken in ... was killed": "A man")."""
    before = sentence[max(0, at - 80):at]
    start = _PHRASE_START.match(before)
    words = (before[start.end():] if start else before).split()
    return " ".join(words[:3] + words[3:][-6:])


def _object(after: str) -> str:
    """The words of the object of an active verb of harm, from the text after it."""
    after = re.sub(r"^\s*(?:on|against|upon|at|targeting)\b", " ", after, flags=re.IGNORECASE)
    after = _AGENT.sub(" ", after[:80])
    end = _PHRASE_END.search(after)
    mostly = _MOSTLY.match(after, end.start()) if end else None
    if mostly is not None:  # "killed 38 people, mostly soldiers": who the people were
        return " ".join(mostly.group(1).split())
    return " ".join((after[:end.start()] if end else after).split()[:9])


#: What the people harmed mostly were: "38 people, mostly soldiers".
_MOSTLY: Final = re.compile(r",\s+(?:mostly|mainly|largely|predominantly|most of them|the majority of them)\s+"
                            r"((?:[\w'-]+\s+){0,2}[\w'-]+)", re.IGNORECASE)


#: Armed men who served once: "a retired army colonel", "former soldiers", "an ex-policeman" are civilians now.
#: What the victims were accused of, to the end of the words: no sign of who they were ("two young men they accused
#: of belonging to armed groups").
_ACCUSED_OF: Final = re.compile(r"\b(?:accused|suspected)\s+of\b.*", re.IGNORECASE | re.DOTALL)
_FORMER_ARMED: Final = re.compile(r"\b(?:retired|former|ex-?)\s*(?:[\w-]+\s+){0,2}?(?:" + _ARMED_NOUNS +
                                  r"|combatants?|officers?|officials?|colonels?|generals?|majors?|captains?|commanders?|"
                                  r"servicem[ae]n|policem[ae]n)\b", re.IGNORECASE)


def _harm_kinds(words: str) -> tuple[bool, bool]:
    """Whether ``words`` name armed people, and whether they name unarmed ones."""
    words = _ACCUSED_OF.sub(" ", _FORMER_ARMED.sub(" civilians ", words))
    unarmed = _ARMED_PEOPLE.search(words) is None
    return (_ARMED_VICTIM.search(words) is not None or not unarmed,
            unarmed and _CIVILIAN_VICTIM.search(words) is not None)


def _names_anyone(words: str) -> bool:
    armed, civilian = _harm_kinds(words)
    return armed or civilian


#: The agent of a passive: "by a policeman", "by suspected Boko Haram militants".
_BY_AGENT: Final = re.compile(r"\bby (?:[\w'-]+ ){0,3}[\w'-]+", re.IGNORECASE)
#: Roads blocked: ACLED codes a crowd that cuts off traffic as rioters, not peaceful protesters ("blocked the road
#: to the mine", "blocking several major roads"). Storming or besieging a building is not: it stays a protest.
_ROAD_BLOCK: Final = (r"(?:block(?:ed|ing|s)?|clos(?:ed|ing)|cut(?:ting)?|shut(?:ting)?) (?:off |down )?"
                      r"(?:the |a |all |several |some |many |major |main )?(?:[\w-]+ ){0,3}(?:roads?|routes?|"
                      r"highways?|streets|expressway|traffic|railway|bridge|avenues?|boulevard|junction|intersection|"
                      r"roundabout|thoroughfares?|motorways?|crossings?)")
#: A protest turned violent: the crowd fought, threw, burned, looted or blocked the roads (fireworks let off at a march
#: are no violence: "demonstrators set off fireworks" stays a protest).
_CROWD_VIOLENCE: Final = re.compile(
    r"\b(?:clash\w*|(?<!police )(?<!gang )(?<!state )(?<!domestic )(?<!sexual )(?<!political )(?<!ethnic )"
    r"violence(?= (?:erupted|broke out|ensued|flared|caused|left))|"
    r"(?:turn(?:ed|s|ing)?|became|become|got|grew) (?:\w+ )?violent|"
    r"(?:escalating|outbreaks? of|scenes? of|waves? of|acts of) violence|"
    r"violent (?!(?:repression|response|reaction|crackdown|dispersal|intervention)\b)(?:[\w-]+ ){0,2}"
    r"(?:protest\w*|demonstrat\w*|riot\w*|clash\w*)|unrest|hurl\w*|"
    r"(?<!anti-)riot(?!\w* (?:police|squads?|gear|units?|control|officers|troops))\w*|"
    r"(?<!police )threw|throw\w*|pelt\w*|stones?|rocks|molotov|petrol bombs?|torch\w*|"
    r"set (?!(?:himself|herself|themselves)\b)(?:\w+ )?(?:fire|ablaze|alight)|"
    r"(?<!himself )(?<!herself )(?<!themselves )(?:ablaze|alight)|"
    r"burn(?:ed|t|ing)?|t[iy]res|(?<!behind )(?<!behind the )(?<!behind police )barricad\w*|road ?blocks?|"
    r"loot\w*|vandali[sz]\w*|smash\w*|"
    r"ransack\w*|destroy\w*|destruction|damag\w*|attack(?:ed|ing)|"
    r"attacks? (?:on|against) (?:the )?(?:protesters|protestors|demonstrators|marchers|police\w*)|broke into|fought|"
    r"scuffl\w+|violently (?:protest\w*|demonstrat\w*|riot\w*)|blockad\w+|"
    r"forc(?:e|ed|ing) (?:their|its) way|forcibly (?:enter|shut|break|occup|clos)\w*|rampag\w+|running battles?|"
    r"(?<!police )raid(?:ed|ing)|assaulted|(?:took|taking|take|takes|held|holding) (?:[\w-]+ ){0,3}hostage|"
    r"(?:fires?) (?:were|was|had been) (?:started|lit|set)|(?:started|lit) (?:[\w-]+ )?fires|"
    r"(?:roads?|routes?|streets|highways?) (?:[\w-]+ ){0,4}?(?:were|was|had been|have been) (?:blocked|barricaded)|"
    r"intimidat\w+|set (?:[\w-]+ ){2,5}?on fire|fight(?:ing)? (?:ensued|broke out)|into a fight|fist ?fights?|"
    # a crowd said to be violent, that broke a line, harassed people or threw rubbish about (not one that stormed a
    # building: ACLED's coders call most of those protesters)
    r"(?:was|were|turned) (?:\w+ )?violent|violent (?:groups?|crowds?|youths?|mobs?)|harass(?:ed|ing)|"
    r"broke (?:through )?(?:a |the )?(?:police )?(?:lines?|"
    r"cordons?|barriers?|gates?|windows?)|uproot\w*|(?:toss|dump|strew|empt)\w* (?:[\w-]+ ){0,3}?(?:garbage|"
    r"rubbish|refuse|bins)|(?:chas|forc)(?:e|ed|es|ing) (?:[\w-]+ ){0,3}?out of (?:their|the) (?:offices?|"
    r"classrooms?|workplaces?|homes?)|(?:dug|digging) trenches|"
    + _ROAD_BLOCK + r")\b",
    re.IGNORECASE)
_ROAD_BLOCKED: Final = re.compile(_ROAD_BLOCK, re.IGNORECASE)
#: A crowd said to have stayed calm.
_CALM: Final = re.compile(r"\b(?:peaceful(?:ly)?|no (?:reports? of |reported )?violence|without (?:any )?violence)\b",
                          re.IGNORECASE)
#: A denial before a word: "no violence was reported", "without damage", "there was no report of injuries".
_NEGATED: Final = re.compile(r"\b(?:(?:no|not|without|nor|never|neither|prevent(?:ed|s|ing)?)\b(?:\W+\w+){0,4}\W*|"
                             r"(?:almost|nearly)\s+)$", re.IGNORECASE)


# words of one side acting on the other ("OLA attacked government forces"): the side that acted is
# the first actor even against the state; "clashes", "fighting" name no side first
_DIRECTED = re.compile(r"\b(?:attack|ambush|raid|storm|assault|overr[au]n|repel|repuls|besieg|seiz|captur|"
                       r"kill|shot|shoot(?!-?outs?\b)|fired? (?:on|at)|open(?:ed|s)? fire|abduct|kidnap)", re.I)
#: Right after a side's name, that side acting on the other: "gunmen attacked the home of", "RENAMO gunmen
#: unsuccessfully attempted to raid the police post" (not "were attacked", not "attack" as a noun after an article).
_ACTS_ON: Final = re.compile(r"\s+(?:(?!(?:was|were|been|being|is|are|had|has|have|who|which|that)\b)[\w'-]+\s+){0,4}?"
                             r"(?:attack(?:ed|s|ing)?|ambush(?:ed|es|ing)?|raid(?:ed|s|ing)?|storm(?:ed|s|ing)?|"
                             r"assault(?:ed|s|ing)?|overr[au]n|opened fire|fired (?:on|at)|besieg(?:ed|es|ing)|"
                             r"(?:fired|launch(?:ed|es)?) (?:[\w-]+ ){1,2}?(?:on|at))\b",
                             re.IGNORECASE)
#: Fighters who give themselves up: the forces they surrendered to are the first side ("surrendered to FARDC soldiers").
_SURRENDERED: Final = re.compile(r"\b(?:surrender\w*|gave themselves up|handed themselves over|turned themselves in)",
                                 re.IGNORECASE)
#: Before the side a fight is told "between": "clashes between SLM/A-Nur and the military" keep the order told.
_BETWEEN_FIRST: Final = re.compile(r"\bbetween\s+(?:the\s+|an?\s+)?(?:(?:group|band|gang|number|unit)\s+of\s+)?"
                                   r"(?:(?:more than|over|about|some|at least|up to|nearly)\s+)?(?:\d+\s+)?$",
                                   re.IGNORECASE)


def _background(sentence: str) -> list[tuple[int, int]]:
    return grievances(sentence)


def _told(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether the sentence tells what ``pattern`` matches of the event, rather than deny it or give it as the
    protest's grievance ("protested against the violence"). A road blocked by a crowd said to be calm ("blocked
    the road peacefully", "no reports of violence") is no riot."""
    spans = _background(sentence)
    calm = pattern is _CROWD_VIOLENCE and _CALM.search(sentence) is not None
    return any(not _NEGATED.search(sentence, max(0, m.start() - 40), m.start())
               and not any(s <= m.start() < e for s, e in spans)
               and not _CHARGED_WITH.search(sentence, max(0, m.start() - 60), m.start())
               and not (calm and _ROAD_BLOCKED.fullmatch(m.group(0))) for m in pattern.finditer(sentence))


#: What people were charged with or accused of is no act the sentence tells: "18 were later charged with rioting,
#: illegal protest and incitement to violence".
_CHARGED_WITH: Final = re.compile(r"\b(?:charged with|charges? of|accused of|suspected of|convicted of|sentenced for|"
                                  r"prosecuted for|indicted for|on suspicion of)\s+(?:[\w-]+,?\s+(?:and\s+)?){0,4}$",
                                  re.IGNORECASE)


#: What a mob does to people: a crowd that did it is a mob, whatever it protested.
_MOB: Final = re.compile(r"\b(?:lynch\w*|mob justice|jungle justice|beat(?:en|ing)?|kill\w*|murder\w*|hack\w*|"
                         r"stab\w*|assault\w*|burnt? (?:\w+ )?(?:alive|to death)|"
                         r"set (?:\w+ )?(?:alight|ablaze|on fire))\b", re.IGNORECASE)
#: The authorities stepped in: dispersed, arrested, tear gas.
_INTERVENTION: Final = re.compile(
    r"\b(?:arrest\w*|detain\w*|dispers\w+|tear[- ]?gas(?:sed|sing)?|water cannons?|rubber bullets|batons?|broke up|"
    r"prevented|cracked down|crackdown|intervened|blocked by police|warning shots|pushed back|"
    r"chas(?:ed|es|e|ing) (?:away |off )?(?:the )?(?:demonstrators|protesters|protestors|crowds?|marchers))\b",
    re.IGNORECASE)
#: Protesters killed or shot by the authorities.
_FORCE: Final = re.compile(
    r"\b(?:killed|shot|live (?:rounds|ammunition|bullets)|opened fire|fired (?:at|on|into)|beat(?:en)?|"
    r"whipped|injur\w+|wounded)\b",
    re.IGNORECASE)


#: Lethal or serious force: what makes the authorities' intervention excessive force.
_HARM: Final = re.compile(
    r"\b(?:killed|killing|shot(?! (?:in|into) the air)|shooting(?! (?:in|into) the air)|"
    r"live (?:rounds|ammunition|bullets)|opened fire(?! (?:in|into) the air)|fired (?:at|on|upon|into(?! the air))|"
    r"beat(?:en|ing)?|whipped|flogged|assaulted|attacked|tortured|brutali[sz]ed|"
    r"injur\w+ (?:several|many|dozens|scores)|(?:seriously|severely|critically) (?:injur\w+|wounded)|"
    r"violent (?:response|repression|crackdown|dispersal)|(?:met|greeted) (?:with|by) violence|"
    r"(?:responded|reacted|repressed|dispersed) violently|"
    r"violently (?:repress\w*|dispers\w*|respond\w*)|brutally (?:dispers\w*|repress\w*)|extreme violence|"
    r"(?:dozens|scores|hundreds|many|several) (?:of [\w-]+ )?(?:were |have been |had been )?(?:injured|wounded|hurt)|"
    r"(?:serious|severe|critical|grave) injuries|"
    r"(?:protesters|protestors|demonstrators) (?:were|have been|had been) (?:killed|shot))\b",
    re.IGNORECASE)
#: The authorities named as the agent of what the crowd suffered: "were met by violent response from police forces",
#: "were injured as security forces fired rubber bullets".
_BY_FORCES: Final = re.compile(
    r"\b(?:(?:by|from|as|when|after) (?:the )?(?:[\w'’-]+ ){0,2}(?:police\w*|soldiers|troops|army|authorities|"
    r"security (?:forces|agents|officers)|gendarmes?|military)|attacks? (?:against|on) (?:the )?(?:[\w-]+ )?"
    r"(?:protesters|protestors|demonstrators|marchers))\b", re.IGNORECASE)
#: The authorities as the subject of the harm: "soldiers attacked protesters", "police opened fire on the crowd".
_FORCES_HARMED: Final = re.compile(
    r"\b(?:police\w*|soldiers|troops|army|military|gendarmes?|security (?:forces|agents|officers))"
    r"(?: (?!(?:was|were|been|being|is|are)\b)[\w-]+){0,3}? (?:attack(?:ed|s)?|open(?:ed|s)? fire|"
    r"fired (?:at|on|upon|into(?! the air))|"
    r"shot|beat(?:s)?|kill(?:ed|s)?|assault(?:ed|s)?|whipped|flogged)\b"
    r"(?! (?:in|into) the air)(?!,? (?:\w+ )?(?:rubber|tear|teargas|stun|water|plastic))", re.IGNORECASE)
#: A killing the protest is about, not one at it: "marched in memory of three youths killed by police in 1990".
_CAUSE: Final = re.compile(
    r"\b(?:in memory of|commemorat\w*|anniversary|mourn\w*|honou?r\w*|tributes?|against|over|denounc\w*|condemn\w*|"
    r"justice for|after|"
    r"following|in (?:response|reaction|retaliation) to|"
    r"protest(?:ed|ing|s)? (?:at |about )?the)\b(?:(?!\b(?:and|but) (?:were|was|they|then)\b)[^.;]){0,60}$",
    re.IGNORECASE)
#: What only a crowd does at a protest: its violence, not the authorities'.
_CROWD_ACTS: Final = re.compile(
    r"\b(?:clash\w*|riot\w*|hurl\w*|threw|throw\w*|pelt\w*|stones?|rocks|molotov|petrol bombs?|torch\w*|"
    r"set (?:\w+ )?(?:fire|ablaze|alight)|ablaze|burn\w*|loot\w*|vandali[sz]\w*|smash\w*|ransack\w*|"
    r"broke into|fought|scuffl\w+|barricad\w*|road ?blocks?|violent (?:[\w-]+ ){0,2}(?:protest\w*|demonstrat\w*)|"
    + _ROAD_BLOCK + r")\b",
    re.IGNORECASE)


#: A protest organised or yet to come: who is arrested for it is not arrested at it.
_PROTEST_PLANNED: Final = re.compile(
    r"\b(?:organi[sz]ing|planned|planning|calling for|in anticipation of|ahead of|to prevent|"
    r"in the run-up to) (?:an? |the )?(?:[\w-]+ ){0,2}(?:protests?|demonstrations?|rall(?:y|ies)|marches|strikes?|"
    r"sit-ins?|gatherings)\b", re.IGNORECASE)
#: A protest or riot named: what people may be held or charged for.
_PROTEST_NAMED: Final = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|march(?:es|ed)?|strikes?|sit-ins?|"
                                   r"riot\w*|clash\w*|unrest|violence|looting)\b", re.IGNORECASE)
#: Kinds of protest read from words of their own (not from a fight or a killing the protest was about).
_PROTEST_TRIGGERED: Final = frozenset({S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
                                       S.VIOLENT_DEMONSTRATION})


def _armed(actor: Actor | None) -> bool:
    return actor is not None and actor.type in _ARMED


def _armed_nonstate(actor: Actor | None) -> bool:
    return actor is not None and actor.type in (A.REBEL_GROUPS, A.POLITICAL_MILITIAS, A.IDENTITY_MILITIAS,
                                                A.EXTERNAL_OTHER_FORCES)


def _guards(actor: Actor | None) -> bool:
    """A private security company's guards."""
    return actor is not None and actor.type is A.EXTERNAL_OTHER_FORCES and actor.name.startswith("Private Security")


def _died(actor: Actor | None, text: str) -> bool:
    """Whether the civilians ``actor`` names are told as dead, right after their name ("a woman died")."""
    return actor is not None and actor.type is A.CIVILIANS and actor.kb_id is None and bool(actor.text) \
        and _DIED_AFTER.match(text, actor.end) is not None


#: Words after a name that say its people died.
_DIED_AFTER: Final = re.compile(r"\s+(?:(?:was|were|has been|have been|had been) )?(?:died|dies|die|killed|shot dead|"
                                r"found dead|dead)\b")


def _crowd(actor: Actor | None) -> bool:
    return actor is not None and actor.type in (A.CIVILIANS, A.RIOTERS, A.PROTESTERS)


#: Unarmed people who fight: pupils, traders, supporters.
_CROWD_WORDS: Final = re.compile(
    r"\b(?:students|pupils|residents|youths?|traders|vendors|workers|supporters|villagers|touts|transporters|"
    r"marketers|drivers|fans|crowds?|mobs?|demonstrators|protesters|inmates|prisoners|members of the public|"
    r"commissioners?|councillors|locals)\b", re.IGNORECASE)
#: The authorities a crowd fought with.
_STATE_NOUNS: Final = r"police\w*|security forces|gendarmes?|riot squad|law enforcement"
_STATE_WORDS: Final = re.compile(r"\b(?:" + _STATE_NOUNS + r")\b", re.IGNORECASE)
#: The state's forces, by any name: their guns are no sign that the crowd they faced was armed.
_STATE_SIDE: Final = re.compile(r"\b(?:" + _STATE_NOUNS + r"|soldiers|troops|army|military|government forces|guards)\b",
                                re.IGNORECASE)
#: People who face the state's forces in a crowd, beyond those of _CROWD_WORDS.
_CROWD_FACING_STATE: Final = re.compile(r"\b(?:farmers|families|relatives|passengers|worshippers|party members|"
                                        r"wedding guests|mourners)\b", re.IGNORECASE)
#: Armed men who are not the state's, or a crowd said to carry arms.
_NONSTATE_ARMED: Final = re.compile(
    r"\b(?:militants?|gunmen|rebels?|insurgents?|fighters|jihadists?|militias?|militiam[ae]n|terrorists?|bandits|"
    r"armed (?!forces|police|guards|security)|gunman|combatants?)\b", re.IGNORECASE)
#: Words that say armed men took part.
_ARMED_WORDS: Final = re.compile(
    r"\b(?:militants?|gunmen|rebels?|insurgents?|fighters|jihadists?|militias?|militiamen|terrorists?|bandits|"
    r"militiam[ae]n|soldiers|troops|army|armed|gun ?fire|gunshots|shot|firearms|guns|gun ?battles?|gun ?fights?|"
    r"fire ?fights?|shoot-?outs?|fire ?exchanges?|exchanges? of (?:gun)?fire|exchanged (?:gun)?fire|bullets)\b",
    re.IGNORECASE)

#: Harm done with what any crowd has at hand: stones, fists, sticks, fire (villages burned and people killed are
#: armed men's work, even when the sentence does not say who).
_UNARMED_MEANS: Final = re.compile(
    r"\b(?:stones|stoned(?! to death)|rocks|fists|sticks|rods|bricks|bottles|set (?:a)?light|set on fire|set fire to|"
    r"burnt down|burned down|torched|petrol bombs?|molotov cocktails?)\b", re.IGNORECASE)

_KILLED_OR_VILLAGES: Final = re.compile(r"\b(?:kill\w*|dead|deaths?|villages?|hamlets?)\b", re.IGNORECASE)


def _victim(actor: Actor | None) -> bool:
    """Civilians, or a person noun the actors stage took for a crowd ("a man" near "stoned")."""
    if actor is None or actor.kb_id is not None:
        return False
    return actor.type is A.CIVILIANS or (actor.type in _CROWD and actor.kind is ActorKind.GROUP
                                         and actor.text.lower().rstrip("s") in _PERSON_NOUNS)


_PERSON_NOUNS: Final = frozenset("man woman men women child children boy girl youth young men person people citizen "
                                 "civilian villager resident".split())


#: People of a place or a community named as such: as a crowd, not armed men.
_TOWNSFOLK: Final = re.compile(r"\b(?:residents|villagers|locals|community members|members of the community|"
                               r"community|townspeople|inhabitants)\b", re.IGNORECASE)


#: Right after a crowd's name, an active verb of violence: the crowd did it ("Villagers attacked and destroyed part
#: of the university", "a group of residents, angered by the arrest, stormed the station").
_ACTS: Final = re.compile(r"(?:\s*,[^.;]{1,150}?,)?\s+(?:have |has |had |then |later |allegedly |reportedly )?"
                          r"(?:attacked|destroyed|burn(?:ed|t)|torched|stormed|invaded|looted|vandali[sz]ed|stoned|"
                          r"pelted|barricaded|blocked|ransacked|set fire|razed|beat|lynched|clashed|hacked)\b",
                          re.IGNORECASE)


def _acting(actor: Actor | None, text: str) -> bool:
    """Whether the sentence names the people of a place as a crowd (not civilians, nor "four men", who may be armed)
    doing an act of violence, right before the verb."""
    return actor is not None and actor.type in _CROWD and _TOWNSFOLK.search(actor.text) is not None \
        and actor.end > 0 and _ACTS.match(text, actor.end) is not None


#: Harm or damage a crowd may do with what it has at hand.
_DAMAGE: Final = frozenset({S.ATTACK, S.LOOTING_PROPERTY_DESTRUCTION, S.VIOLENT_DEMONSTRATION})
#: A fight between two sides: "a clash between Tiv and Jukun", "a land dispute between members of two communities".
_FOUGHT_BETWEEN: Final = re.compile(r"\b(?:clash(?:es)?|fighting|fights?|violence|dispute|conflict|feud|battles?)\s+"
                                    r"between\s+(?:the\s+)?(?:members\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
#: Words that tell no more of who did it than that someone did: "unidentified attackers", "an unknown group".
_NAMELESS: Final = re.compile(r"(?:(?:an?|the|some|several)\s+)?(?:(?:unidentified|unknown|suspected)\s+)?"
                              r"(?:attackers?|assailants?|groups?|people|persons?|individuals?|men|perpetrators?|"
                              r"arsonists?|suspects?|culprits?|vandals?)", re.IGNORECASE)


def _nameless(actor: Actor) -> bool:
    """Whether an unidentified armed group is only the sentence's word for whoever did it, no armed men told."""
    return actor.kb_id is None and actor.name.startswith("Unidentified Armed Group") and (
        actor.resolved_by == "default" or _NAMELESS.fullmatch(actor.text) is not None)


def _recoded(actor: Actor, label: str, kind: A) -> Actor:
    """The same words coded as ACLED's generic group of that kind in the actor's country: "Civilians (Nigeria)"."""
    name = label + (f" ({country_name(actor.country)})" if actor.country else "")
    return Actor(name, actor.text, actor.start, actor.end, kind, actor.country, None, ActorKind.GROUP, None,
                 None, actor.resolved_by)


def _rioters(actor: Actor) -> Actor:
    return _recoded(actor, "Rioters", A.RIOTERS)


def _former(actor: Actor | None, text: str) -> bool:
    """Whether an armed group's mention is of someone who fought for it once: "a former FNL combatant"."""
    return actor is not None and bool(actor.text) and actor.type in _ARMED \
        and _FORMER_BEFORE.search(text, max(0, actor.start - 12), actor.start) is not None


_FORMER_BEFORE: Final = re.compile(r"\b(?:former|ex-?|retired)\s*$", re.IGNORECASE)


def _civilians(actor: Actor) -> Actor:
    return actor if actor.type is A.CIVILIANS else _recoded(actor, "Civilians", A.CIVILIANS)


#: People held who are no armed men: "detained a newspaper editor", "arrested 12 suspects".
_HELD_PEOPLE: Final = re.compile(r"\b(?:editors?|reporters?|activists?|politicians?|lawyers?|leaders?|members?|"
                                 r"supporters?|suspects?|youths?|officials?|opponents?|bloggers?|clerics?|imams?|"
                                 r"pastors?|priests?|chiefs?|elders?)\b", re.IGNORECASE)


def _held_unarmed(sentence: str) -> bool:
    """Whether those an arrest took, told after its verb, are people and no armed men ("detained a newspaper
    editor"; not "arrested 30 suspected Al Shabaab militants")."""
    verb = _ARREST_VERB.search(sentence)
    held = sentence[verb.end():] if verb else sentence
    return bool(_CIVILIAN_TARGET.search(held) or _HELD_PEOPLE.search(held)) and _ARMED_TARGET.search(held) is None \
        and _NONSTATE_ARMED.search(held) is None


_ARREST_VERB: Final = re.compile(r"\b(?:arrest\w*|detain\w*|apprehend\w*|rounded up|nabbed)\b", re.IGNORECASE)


def victims(sub: SubEventType, sentence: str, country: str | None) -> Actor | None:
    """The unnamed second side of violence against civilians: civilians, by definition of the type ("Gunmen
    attacked Ogbele, killing five"); of an explosion or strike that the sentence says hit civilians and no armed
    men, and of an arrest of people who are no armed men ("detained a newspaper editor"), civilians too. None for
    anything else."""
    if sub.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS or (
            sub.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE and _CIVILIAN_TARGET.search(sentence) is not None
            and _ARMED_TARGET.search(sentence) is None) or (
            sub is S.ARRESTS and _held_unarmed(sentence)):
        name = "Civilians" + (f" ({country_name(country)})" if country_name(country) else "")
        return Actor(name, "", 0, 0, A.CIVILIANS, country, None, ActorKind.GROUP, None, None, "default")
    return None


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


Sides = tuple[SubEventType, Actor | None, Actor | None, tuple[Actor, ...]]


def sides(sub: SubEventType, actor1: Actor | None, actor2: Actor | None, country: str | None, *,
          authorities_acted: bool = False) -> Sides:
    """The sub-event type, actor1, actor2 and the first side's associated actors of a protest or riot in ACLED's
    order, once its kind is known: the crowd first, named as ACLED names it ("Protesters (Kenya)", "Rioters
    (Kenya)"), the authorities who intervened second; but the forces that used excessive force first and the
    protesters second; the vigilantes or communal militia of mob violence first (not renamed rioters) and their
    victims, civilians, second. When the sentence tells the authorities' act at
    a protest (``authorities_acted``: "Police arrested 15 supporters", "clashes between soldiers and protesting
    farmers"), the side that initiated it, the authorities, stays first. A crowd renamed is kept as the first
    side's associated actor ("students"). A peaceful protest has no second side. Any other event is returned as it
    is."""
    if sub not in PROTEST_FAMILY:
        return sub, actor1, actor2, ()
    if authorities_acted and actor1 is not None and actor1.type is A.STATE_FORCES and _crowd(actor2):
        return sub, actor1, crowd(sub, actor2, country), ()
    if sub is S.EXCESSIVE_FORCE_AGAINST_PROTESTERS:
        force, people = (actor2, actor1) if _armed(actor2) and not _armed(actor1) else (actor1, actor2)
        if _armed(force):
            people = crowd(sub, people if _crowd(people) else None, country)
            return sub, force, people, ()
    if sub is S.MOB_VIOLENCE:
        militia = actor1 if actor1 is not None and actor1.type is A.IDENTITY_MILITIAS else actor2 if (
            actor2 is not None and actor2.type is A.IDENTITY_MILITIAS and (actor1 is None or _victim(actor1))) else None
        if militia is not None:
            victim = actor2 if militia is actor1 else actor1
            if victim is not None and victim.type in _CROWD:
                victim = _civilians(victim)
            return sub, militia, victim, ()
    # the authorities that dispersed a group's rally ("police dispersed IMN members protesting", "police used tear
    # gas to disperse an opposition rally"): the group's people are the crowd, the authorities the second side
    if actor1 is not None and actor1.type is A.STATE_FORCES and actor2 is not None and not _crowd(actor2) \
            and actor2.type is not A.STATE_FORCES and sub is not S.EXCESSIVE_FORCE_AGAINST_PROTESTERS:
        named = crowd(sub, None, country)
        return sub, named, (None if sub is S.PEACEFUL_PROTEST else actor1), \
            ((actor2,) if actor2.type is not None else ())
    # a crowd is coded as protesters or rioters, whoever they were ("students", "residents"), the authorities second
    if not _crowd(actor1) and _crowd(actor2):
        actor1, actor2 = actor2, actor1
    if not _crowd(actor1) and actor1 is not None and actor2 is None and actor1.type is A.STATE_FORCES:
        actor1, actor2 = None, actor1
    elif not _crowd(actor1):
        actor1 = None
    if sub is S.EXCESSIVE_FORCE_AGAINST_PROTESTERS:  # nobody armed named: the authorities (see events._generic)
        return sub, None, crowd(sub, actor1, country), ()
    named = crowd(sub, actor1, country)
    assoc = (actor1,) if named is not None and actor1 is not None and actor1.name != named.name else ()
    if sub is S.PEACEFUL_PROTEST:
        actor2 = None  # nobody intervened: a peaceful protest has no second side ("protested against the police")
    return sub, named or actor1, actor2, assoc


#: Around a party's name, a person of it: "a member of the PDP", "an ANC councillor", "RENAMO party member".
_MEMBER_BEFORE: Final = re.compile(
    r"\b(?:members?|supporters?|officials?|activists?|agents?|candidates?|leaders?|chairman|chairperson|deputy|"
    r"secretar(?:y|ies)|"
    r"lawmakers?|councill?ors?|MPs?|cadres?|politicians?)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w-]*\s+(?:and|or)\s+(?:the\s+)?)?$", re.IGNORECASE)  # "members of the APC and [PDP]"
_MEMBER_AFTER: Final = re.compile(
    r"\)?\s*(?:\([\w.'-]{1,12}\)\s*)?(?:party\s+)?(?:(?:presidential|parliamentary|mayoral|local|regional|national|youth|women's)\s+)?"
    r"(?:members?|supporters?|officials?|activists?|agents?|candidates?|leaders?|chairman|campaigners?|"
    r"chairperson|chieftains?|lawmakers?|councill?ors?|MPs?|politicians?|mayor|deputy|youth leader|"
    r"(?:\w+ )?secretar(?:y|ies))\b", re.IGNORECASE)
#: An operation of the state's forces against armed men: who it killed, unnamed, were the enemy's.
#: (``OPERATION_WORDS``, shared with :mod:`events_roles`: the state's forces did what such an operation did).
OPERATION_WORDS: Final = (r"(?:military|army|security|police|counter-?terrorism|counter-?insurgency|combing|sweeping|"
                          r"search(?:ing)?|clearance|clearing|mop-?up|joint)\s+(?:operations?|campaigns?|sweeps?|"
                          r"offensive)|crackdown|(?:the|an|this|that|same) operation")
_OPERATION: Final = re.compile(r"\b(?:" + OPERATION_WORDS + r"|operations? against|offensive|camps?|hideouts?|"
                               r"strongholds?|enclaves?)\b", re.IGNORECASE)
#: Clash words that tell of one side falling on the other: on civilians alone, an attack.
_ONE_SIDED: Final = re.compile(r"ambush|assault|offensive|besieg|siege|raid|attack", re.IGNORECASE)


def _crowd_named(actor: Actor | None) -> bool:
    """Whether a group the actors stage armed (a communal militia) is only a crowd's name ("villagers", "farmers")."""
    return actor is not None and actor.kb_id is None and (
        _CROWD_WORDS.fullmatch(actor.text) or _CROWD_FACING_STATE.fullmatch(actor.text)) is not None


#: Fire exchanged: both sides were armed ("caught in an exchange of fire with a member of the Muslim Brotherhood").
_SHOOTOUT: Final = re.compile(r"\b(?:exchange[sd]? (?:of )?(?:fire|gunfire)|fire ?fights?|gun ?battles?|shoot-?outs?|"
                              r"gunfights?)\b", re.IGNORECASE)


def _member(actor: Actor | None, text: str) -> bool:
    """Whether a party is named as the party of a person ("an ANC councillor", "a FRELIMO secretary"): that person
    is a civilian."""
    if actor is not None and actor.resolved_by == "affiliation" and actor.name in _party_names():
        return _MEMBER_AFTER.search(actor.text) is not None  # the person, read as the party they belong to
    if actor is None or actor.type is not A.POLITICAL_MILITIAS or actor.kb_id is None or not actor.text[:1].isupper() \
            or _ARMED_WORDS.search(actor.text) or text[actor.start:actor.end] != actor.text:
        return False
    return _MEMBER_BEFORE.search(text, max(0, actor.start - 30), actor.start) is not None or \
        _MEMBER_AFTER.match(text, actor.end) is not None


@lru_cache(maxsize=1)
def _party_names() -> frozenset[str]:
    """The names of the knowledge base's political parties."""
    return frozenset(e.name for e in load_kb().entries.values() if "party" in e.tags and e.name)


#: After a party's name, its people: "Zanu-PF youths", "ANC members", "NCP aligned students".
_PARTY_CROWD: Final = (r"(?:youths?|members?|supporters?|students?|activists?|cadres?|loyalists?|sympathi[sz]ers?|"
                       r"followers)\b")
_PARTY_CROWD_AFTER: Final = re.compile(r"[\s)]*(?:and\s+(?-i:[A-Z])[\w-]*\s+|[\w'’-]+\s+){0,2}?" + _PARTY_CROWD,
                                       re.IGNORECASE)
_PARTY_CROWD_IN: Final = re.compile(r"\b" + _PARTY_CROWD, re.IGNORECASE)


def _party_people(actor: Actor | None, text: str) -> bool:
    """Whether a party is named as the party of unarmed people who fought ("13 Zanu-PF youths", "ANC members",
    "a member of the EFF"), not as an armed group."""
    if actor is None or actor.type is not A.POLITICAL_MILITIAS or actor.kb_id is None \
            or text[actor.start:actor.end] != actor.text or _ARMED_WORDS.search(actor.text):
        return False
    return _member(actor, text) or _PARTY_CROWD_IN.search(actor.text) is not None \
        or _PARTY_CROWD_AFTER.match(text, actor.end) is not None


#: A passive arrest: "was arrested", "were detained", "have been taken into custody".
_HELD: Final = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?(?:arrested|detained|apprehended|"
                          r"jailed|imprisoned|rounded up|picked up|taken into custody|remanded)\b", re.IGNORECASE)
_PROTESTED: Final = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|marche[sd]|sit-ins?|strik(?:e|es|ing)|"
                              r"(?:demand\w*|call\w* for|press\w* for) (?:the )?(?:immediate )?release)\b",
                              re.IGNORECASE)
_PLANTED_BY: Final = re.compile(r"\b(?:planted|buried|hidden|hid|left|placed|laid|stored|owned|belonging)\s+"
                                r"(?:\w+\s+){0,3}?by\s+(?:the\s+)?$", re.IGNORECASE)
_POLICE: Final = re.compile(r"\b(?:police\w*|gendarm\w*|bomb (?:squad|experts?|disposal)|sappers?|"
                            r"security directorate)\b", re.IGNORECASE)


#: Property set on fire or vandalised: what armed men do as well as rioters.
_ARSON: Final = re.compile(r"\b(?:torch\w*|set|ablaze|alight|burn\w*|vandali[sz]\w*|molotov)", re.IGNORECASE)
#: Words that name a riot, a crowd's unrest or a brawl.
_RIOT: Final = re.compile(r"\b(?:riot\w*|unrest|rampag\w+|angry|irate|furious|enraged|scuffl\w+|brawl\w*|"
                          r"fist ?fights?|stand-?off)\b", re.IGNORECASE)
#: People killed, shot at or hurt: harm to people, not only to property.
_PEOPLE_HURT: Final = re.compile(r"\b(?:kill\w*|dead|shot|fired|injur\w*|wounded|murder\w*)\b", re.IGNORECASE)
#: An attack on property: its buildings, shops or goods, not its people.
_ON_PROPERTY: Final = re.compile(r"\battacks? (?:on|against) (?:the )?(?:[\w'-]+ ){0,2}?(?:propert(?:y|ies)|buildings?|"
                                 r"premises|offices?|shops?|stores?|warehouses?|infrastructure|facilit(?:y|ies)|"
                                 r"installations?|pipelines?|vehicles?|churches|mosques|schools)\b", re.IGNORECASE)
_HURT_MORE: Final = re.compile(r"\b(?:beat\w*|stabb\w*|hacked|raped|abduct\w*|kidnap\w*|hostages?|victims?)\b",
                               re.IGNORECASE)
#: Whole villages burned: armed men's work.
_VILLAGES: Final = re.compile(r"\b(?:villages|hamlets)\b", re.IGNORECASE)


def _state(actor: Actor | None) -> bool:
    return actor is not None and actor.type in (A.STATE_FORCES, A.EXTERNAL_OTHER_FORCES)


def _arrested(actor: Actor | None, sentence: str, text: str) -> bool:
    """Whether the first actor of an arrest is who was arrested, not who arrested: a person noun; where the sentence
    tells of no protest (whose crowd comes first), also a party's member ("an MDC-T legislator") or anyone the
    sentence says "was arrested" ("Boko Haram members were arrested")."""
    if actor is None or _state(actor):
        return False
    if _victim(actor):
        return True
    if _PROTESTED.search(sentence):
        return False
    return _member(actor, text) or _HELD.search(text, actor.end, actor.end + 60) is not None


def _planted(actor: Actor | None, text: str) -> bool:
    """Whether an actor is named as who planted, hid or left the weapons ("a bomb planted by unidentified men")."""
    return actor is not None and _PLANTED_BY.search(text, max(0, actor.start - 40), actor.start) is not None


_BURNT: Final = re.compile(r"\b(?:burn(?:s|t|ed|ing)?|torch(?:es|ed|ing)?|razed|"
                           r"set (?:\w+ ){0,3}(?:alight|ablaze|on fire))\b", re.IGNORECASE)


def _authorities(sentence: str) -> Actor:
    """The state's forces a sentence leaves unnamed: the police where it speaks of them, else the military."""
    name = "Police Forces" if _POLICE.search(sentence) else "Military Forces"
    return Actor(name, "", 0, 0, A.STATE_FORCES, None, None, ActorKind.GROUP, None, None, "default")


def refine(sub: SubEventType, trigger_text: str, clause: str, actor1: Actor | None, actor2: Actor | None,
           clause_all: str = "", text: str = "") -> tuple[SubEventType, Actor | None, Actor | None]:
    """The sub-event type and actors once who did what to whom is known.

    ``trigger_text`` is the word the type was read from, ``clause`` the sentence from the trigger on,
    ``clause_all`` the whole sentence, ``text`` the article (where the actors' offsets point).
    """
    # a party's member, councillor or supporters attacked are civilians, unless they fired back; so are a group's
    # former fighters ("a former FNL combatant was killed")
    if sub.event_type in (EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS) \
            and (_member(actor2, text) or _former(actor2, text)) \
            and not (sub is S.ARMED_CLASH and _SHOOTOUT.search(clause_all)):
        assert actor2 is not None
        actor2 = _civilians(actor2)
    # civilians are victims, never the perpetrators of political violence
    if sub not in PROTEST_FAMILY and sub.event_type is not EventType.STRATEGIC_DEVELOPMENTS and _victim(actor1) \
            and not _acting(actor1, text):
        assert actor1 is not None
        victim = _civilians(actor1)
        actor1, actor2 = (actor2, victim) if _armed(actor2) else (None, victim)
    elif sub is S.ARRESTS and _arrested(actor1, clause_all, text):
        assert actor1 is not None
        held = _civilians(actor1) if _victim(actor1) or _member(actor1, text) or actor1.type in _CROWD else actor1
        actor1, actor2 = (actor2 if _state(actor2) else None), held
    # roads closed or blocked by the state's forces or an armed group, where no crowd and no protest is told: no
    # protest or riot but a move of theirs ("closing major roads" in a security operation; a militia's roadblocks,
    # there to extort passers-by)
    if sub in (S.PEACEFUL_PROTEST, S.VIOLENT_DEMONSTRATION) and _ROADS_CLOSED.search(trigger_text) \
            and actor1 is not None and bool(actor1.text) and actor1.text not in clause \
            and (actor1.type is A.STATE_FORCES or (actor1.kb_id is not None and _armed_nonstate(actor1))) \
            and not _CROWD_WORDS.search(clause_all) and not _TOWNSFOLK.search(clause_all) \
            and not _PROTESTED.search(clause_all) and not _RIOT.search(clause_all):
        return (S.LOOTING_PROPERTY_DESTRUCTION if _EXTORTED.search(clause_all) else S.CHANGE_TO_GROUP_ACTIVITY), \
            actor1, None
    # people "detained" or "arrested" by rebels or a militia were taken by force: an abduction, not an arrest
    if sub is S.ARRESTS and actor1 is not None and bool(actor1.text) \
            and actor1.type in (A.REBEL_GROUPS, A.POLITICAL_MILITIAS, A.IDENTITY_MILITIAS) \
            and not _party_people(actor1, text) and not _crowd_named(actor1) \
            and not _STATE_WORDS.search(clause_all) and not _armed(actor2) \
            and bool(text) and _HELD_BY_THEM.match(text, actor1.end) is not None:
        return S.ABDUCTION_FORCED_DISAPPEARANCE, actor1, actor2
    # weapons found, seized or defused: the state's forces did it, whoever had planted or hidden them
    if sub is S.DISRUPTED_WEAPONS_USE and not _state(actor1) and (actor1 is None or actor1.resolved_by == "default"
                                                                  or _planted(actor1, text)):
        if _state(actor2):
            actor1, actor2 = actor2, (actor1 if _armed(actor1) else None)
        else:
            actor1, actor2 = _authorities(clause_all), (actor1 if _armed_nonstate(actor1) else actor2)
    # harm or damage by nobody named, done with stones, fists or fire and no weapon: a crowd's, mob violence
    # (arson alone, by "unidentified attackers" where no crowd, protest or riot is told, is such harm too)
    crowd_told = _CROWD_WORDS.search(clause_all) or _PROTESTED.search(clause_all) or _RIOT.search(clause_all)
    if (actor1 is None or _nameless(actor1)) and sub in _DAMAGE \
            and (sub is not S.VIOLENT_DEMONSTRATION or (actor1 is not None and not crowd_told)) \
            and _UNARMED_MEANS.search(clause_all) and not _ARMED_WORDS.search(clause_all) and not _armed(actor2) \
            and not _KILLED_OR_VILLAGES.search(clause_all):
        return S.MOB_VIOLENCE, None, actor2
    # arson or vandalism by armed men (soldiers, rebels, a militia, an armed group) or on whole villages, where no
    # crowd, protest or brawl is told: property destruction, not a riot ("soldiers torched the village"); with
    # people killed, shot or hurt, an attack (on whom decides below)
    named_armed = actor1 is not None and bool(actor1.text) and _armed(actor1)  # the crowd words are whom they hit
    if sub is S.VIOLENT_DEMONSTRATION and _ARSON.search(trigger_text) \
            and (named_armed or not _CROWD_WORDS.search(clause_all)) \
            and not _PROTESTED.search(clause_all) and not _RIOT.search(clause_all) \
            and not held_for(clause_all, len(clause_all) - len(clause)) \
            and not any(_party_people(x, text) for x in (actor1, actor2)) and (
            _armed(actor1) or (actor1 is None and _armed(actor2)) or _VILLAGES.search(clause_all)):
        sub = S.ATTACK if _PEOPLE_HURT.search(clause_all) else S.LOOTING_PROPERTY_DESTRUCTION
    # attacks on property, with nobody hurt: "the attacks on properties of its members", "an attack on the party's
    # offices"
    if sub is S.ATTACK and _ON_PROPERTY.search(clause_all) and not _PEOPLE_HURT.search(clause_all) \
            and not _HURT_MORE.search(clause_all):
        return S.LOOTING_PROPERTY_DESTRUCTION, actor1, (actor2 if not _victim(actor2) else None)
    # an armed side named as one that a clash or a dispute was between fought the other, whoever died in it ("killed
    # following a clash between Tiv and Jukun"): a battle
    if sub is S.ATTACK and _armed_nonstate(actor1) and (actor2 is None or _armed(actor2)) and actor1 is not None \
            and actor1.text and _FOUGHT_BETWEEN.search(text, max(0, actor1.start - 40), actor1.start):
        return S.ARMED_CLASH, actor1, actor2
    # an attack on armed men is a battle
    # who the sentence says was harmed decides, else the side the attack was done to
    armed_harmed, civilians_harmed = _harmed(clause_all) if sub in (S.ATTACK, S.ARMED_CLASH) else (False, False)
    # the state's man harmed off duty (at home, on his way to work) was no combatant: violence against a civilian
    if sub is S.ATTACK and armed_harmed and not civilians_harmed and _OFF_DUTY.search(clause_all) \
            and (actor1 is None or actor1.type is not A.STATE_FORCES):
        armed_harmed, civilians_harmed = False, True
        if actor2 is not None and actor2.type is A.STATE_FORCES:
            actor2 = _civilians(actor2)
    # the state's forces the sentence implies ("killed during a security campaign"), set as the side that suffered
    # for want of a named one, did it when those harmed were unarmed
    if sub is S.ATTACK and actor1 is None and actor2 is not None and not actor2.text and _state(actor2) \
            and not armed_harmed:
        actor1, actor2 = actor2, None
    if sub is S.ATTACK and not _EXECUTION.search(trigger_text):
        done_to = _BY_AGENT.sub(" ", clause)  # "shot dead by a policeman": the policeman did it
        armed_target = _armed(actor2) or (actor2 is None and _ARMED_TARGET.search(done_to) is not None
                                          and _CIVILIAN_TARGET.search(done_to) is None)
        if civilians_harmed != armed_harmed:  # "killed a civilian", "a policeman was stabbed"
            armed_target = armed_harmed
        elif not civilians_harmed and (actor2 is None or actor2.type is A.CIVILIANS) and _state(actor1) \
                and _OPERATION.search(clause_all):
            # "troops killed 15 during a clearing operation": the enemy's men, even where the roles took the hostages
            # the troops freed for the other side: the other side is the unnamed enemy
            armed_target, actor2 = True, None
        if armed_target and (actor1 is None or _armed(actor1)):
            sub = S.ARMED_CLASH
            if actor2 is not None and actor2.type is A.CIVILIANS and actor2.kb_id is None and armed_harmed \
                    and _NAMELESS.fullmatch(actor2.text or ""):
                actor2 = None  # "38 people, mostly soldiers": no civilians on a battle's side
    # an ambush or assault on civilians alone is an attack
    elif sub is S.ARMED_CLASH and _ONE_SIDED.search(trigger_text) and (
            (civilians_harmed and not armed_harmed) or (
            (actor2 is None or actor2.type is A.CIVILIANS) and _CIVILIAN_TARGET.search(clause) is not None
            and _ARMED_TARGET.search(clause) is None)):
        sub = S.ATTACK
    # a fight between unarmed people is a riot: with the police, a violent demonstration; else mob violence
    # civilians told only as the dead of a clash are no side to it: "clashes went on and a woman died"
    if sub is S.ARMED_CLASH and not (_CROWD_WORDS.search(clause_all) or _PROTESTED.search(clause_all)
                                     or _RIOT.search(clause_all)):
        actor1, actor2 = (None if _died(actor1, text) else actor1), (None if _died(actor2, text) else actor2)
    unarmed = (_crowd(actor1) or _crowd(actor2) or _CROWD_WORDS.search(clause_all)
               or any(_party_people(x, text) for x in (actor1, actor2))) and not _ARMED_WORDS.search(clause_all)
    # against the state's forces, the guns told are theirs: a crowd named in words ("villagers", "farmers") with no
    # armed men on its side riots ("clashes between soldiers and farmers")
    facing_state = bool(_state(actor1) or _state(actor2) or _STATE_SIDE.search(clause_all))
    if not unarmed and facing_state:
        unarmed = (_CROWD_WORDS.search(clause_all) or _CROWD_FACING_STATE.search(clause_all)) is not None \
            and not _NONSTATE_ARMED.search(clause_all) \
            and not any(x is not None and x.kb_id is not None and x.type is not A.STATE_FORCES
                        and not _party_people(x, text) for x in (actor1, actor2))
    # guards of a private security company are no armed group: workers who clashed with them rioted
    if sub is S.ARMED_CLASH and unarmed and not any(_armed_nonstate(x) and not _party_people(x, text)
                                                    and not (facing_state and _crowd_named(x)) and not _guards(x)
                                                    for x in (actor1, actor2)):
        state = actor1 if actor1 is not None and (actor1.type is A.STATE_FORCES or _guards(actor1)) else actor2
        crowd = actor2 if state is actor1 else actor1
        guarded = state is not None and (state.type is A.STATE_FORCES or _guards(state))
        with_state = guarded or _STATE_WORDS.search(clause_all)
        sub = S.VIOLENT_DEMONSTRATION if with_state else S.MOB_VIOLENCE
        # two crowds that fought each other ("members of the APC and PDP clashed") are both rioters
        two_crowds = sub is S.MOB_VIOLENCE and crowd is not None and state is not None \
            and (_crowd(state) or _party_people(state, text))
        if two_crowds and crowd is not None and not _crowd(crowd):
            crowd = _rioters(crowd)
        other = state if guarded else _rioters(state) if two_crowds and state is not None else None
        actor1, actor2 = (crowd if crowd is not None and crowd.type is not A.STATE_FORCES else None), other
    # a crowd (rioters, angry voters, protesters) that attacked the police or property, with no arms told: a riot,
    # with the authorities or at a protest a violent demonstration, else mob violence ("rioters beat up a policeman",
    # "a rioter stoned a billboard"); unarmed people it harmed make it violence against them, as ACLED codes it
    if sub is S.ATTACK and actor1 is not None and actor1.type in (A.RIOTERS, A.PROTESTERS) \
            and (not civilians_harmed or _state(actor2)) and not _ARMED_WORDS.search(clause_all):
        sub = S.VIOLENT_DEMONSTRATION if _state(actor2) or _STATE_WORDS.search(clause_all) \
            or _PROTESTED.search(clause_all) else S.MOB_VIOLENCE
    # territory: who gained it decides
    if sub in (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY) and actor1 is not None:
        if actor1.type is A.STATE_FORCES:
            sub = S.GOVERNMENT_REGAINS_TERRITORY
        elif actor1.type in (A.REBEL_GROUPS, A.POLITICAL_MILITIAS, A.IDENTITY_MILITIAS):
            sub = S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    # property destroyed by rioters or protesters: a riot (vandalism, arson), not looting by armed men
    if sub is S.LOOTING_PROPERTY_DESTRUCTION and actor1 is not None and actor1.type in (A.RIOTERS, A.PROTESTERS):
        sub = S.VIOLENT_DEMONSTRATION
    # houses burnt or property smashed by residents, villagers or community members, no arms told: a crowd's riot
    if sub is S.LOOTING_PROPERTY_DESTRUCTION and actor1 is not None and actor1.kb_id is None \
            and actor1.name.startswith("Communal Militia") and _TOWNSFOLK.search(actor1.text) \
            and not _ARMED_WORDS.search(clause_all):
        sub, actor1 = S.MOB_VIOLENCE, _rioters(actor1)
    # a crowd that burns the house of a man it suspects of a crime: mob justice
    if sub is S.LOOTING_PROPERTY_DESTRUCTION and actor1 is not None and actor1.kb_id is None \
            and actor1.name.startswith("Vigilante Militia") and _BURNT.search(clause_all):
        sub = S.MOB_VIOLENCE
    # ACLED's order of the two sides (of a protest or riot: see :func:`sides`): the state first in a clash, unless
    # the other side acted on it or is named first in "clashes between X and Y"
    if sub is S.ARMED_CLASH and actor2 is not None and actor2.type is A.STATE_FORCES and (
            actor1 is None or actor1.type is not A.STATE_FORCES) and not (
            actor1 is not None and ((_DIRECTED.search(trigger_text) and actor1.text not in clause)
                                    or (bool(text) and _ACTS_ON.match(text, actor1.end) is not None)
                                    or _BETWEEN_FIRST.search(text, max(0, actor1.start - 45), actor1.start))):
        actor1, actor2 = actor2, actor1
    # fighters who surrendered: the forces that received them first
    if sub.event_type is EventType.STRATEGIC_DEVELOPMENTS and _SURRENDERED.search(trigger_text) and _state(actor2) \
            and not _state(actor1):
        actor1, actor2 = actor2, actor1
    return sub, actor1, actor2


#: Roads closed or blocked: "closing major roads", "set up roadblocks", "blocked the highway".
_ROADS_CLOSED: Final = re.compile(r"\b(?:road ?blocks?|barricad\w+|check ?points?|(?:clos|block|seal|shut)\w*\b.*\b"
                                  r"(?:roads?|routes?|highways?|streets?|bridges?|entrances?))", re.IGNORECASE)
_EXTORTED: Final = re.compile(r"\b(?:extort\w*|robb\w*|loot\w*|money from|levies|tolls?)\b", re.IGNORECASE)
#: A fight told as one between two groups of one kind: "two Hawiye sub-clans fought", "clashes between two armed
#: militias", "youths from the Gok and Agar sections clashed", "rival clan militias". Both sides are of that kind.
_TWO_OF_A_KIND: Final = re.compile(
    r"\b(?:two|rival|opposing|both)\s+(?:(?:armed|ethnic|local|neighbou?ring|rival|clan|communal|militia|sub-?clan|"
    r"(?-i:[A-Z])[\w-]+)\s+)?"
    r"(?:(?P<communal>sub-?clans?|clans|clan militias|communities|tribes|sections|villages|ethnic groups)|militias|"
    r"factions|armed groups|groups of (?:fighters|militiamen|gunmen|herders)|"
    r"(?P<crowds>groups of (?:youths?|students|supporters|protesters|demonstrators|residents|traders|fans))|"
    r"(?P<units>(?:army |military |police )?(?:units|battalions|brigades|contingents)))\b"
    r"|\b(?:from|of)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]+\s+){1,2}and\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]+\s+){1,2}"
    r"(?P<named>sub-?clans|clans|communities|sections|tribes|villages)\b", re.IGNORECASE)
_FIGHT_KINDS: Final = frozenset({S.ARMED_CLASH, S.MOB_VIOLENCE, S.VIOLENT_DEMONSTRATION})


def same_kind(sub: SubEventType, actor1: Actor, actor2: Actor | None,
              sentence: str) -> tuple[SubEventType, Actor, Actor | None]:
    """The sub-event type and sides of a fight between two groups of one kind with one of them named: the other is
    of the same kind (ACLED lists the militia on both sides), and the fight a battle, not a riot. Groups of clans,
    communities or sections ("militias from two rival sub-clans", "fighting between two Dinka sections") are
    communal militias whatever word named them; two units of an army fought each other. The people killed in it
    ("6 people were killed") were not its second side."""
    m = _TWO_OF_A_KIND.search(sentence)
    if sub not in _FIGHT_KINDS or m is None or not _CLASHED.search(sentence):
        return sub, actor1, actor2
    communal = bool(m.group("communal") or m.group("named"))
    if communal and actor1.kb_id is None and (actor1.type is A.POLITICAL_MILITIAS or (
            actor1.type in (A.RIOTERS, A.PROTESTERS, A.CIVILIANS) and not actor1.text)):
        actor1 = _recoded(actor1, "Communal Militia", A.IDENTITY_MILITIAS)
    if actor1.type is A.RIOTERS and m.group("crowds") and (actor2 is None or actor2.type is not A.STATE_FORCES):
        return sub, actor1, actor1  # "rival groups of youths clashed": rioters on both sides
    kinds = (A.IDENTITY_MILITIAS, A.POLITICAL_MILITIAS, A.STATE_FORCES) if m.group("units") else \
        (A.IDENTITY_MILITIAS, A.POLITICAL_MILITIAS)
    if actor1.type not in kinds:
        return sub, actor1, actor2
    if actor2 is not None and not (actor2.type is A.CIVILIANS and actor2.kb_id is None
                                   and _NAMELESS.fullmatch(actor2.text or "people")):
        return sub, actor1, actor2
    return S.ARMED_CLASH, actor1, actor1


_CLASHED: Final = re.compile(r"\b(?:clash\w*|fought|fight(?:ing|s)?|battled?|skirmish\w*)\b", re.IGNORECASE)


def held_for_a_protest(sentence: str) -> bool:
    """Whether people a sentence tells were held were held for a protest organised or to come, or charged for one
    ("arrested on charges of organising an illegal protest"), not at one."""
    named = [m.start() for m in _PROTEST_NAMED.finditer(sentence)]
    return _PROTEST_PLANNED.search(sentence) is not None or (bool(named) and all(held_for(sentence, at)
                                                                                 for at in named))


def protest_kind(sub: SubEventType, fired: frozenset[SubEventType], sentence: str,
                 agent: Actor | None = None, trigger: int | None = None) -> SubEventType:
    """What a sentence that speaks of a protest tells of it: the crowd's violence makes a violent demonstration
    (clashes, stones, looting), the authorities' force against the crowd excessive force, their intervention
    (dispersal, arrests) a protest with intervention. ``fired``: every type whose triggers fired there; ``agent``:
    the actor that did what the sentence tells ("were beaten by police while protesting": the police);
    ``trigger``: where in the sentence the word the type was read from is. A word in what the protest is about
    ("protest the recently demolished road", "demand the release of their leader, who was arrested") tells of
    no other event: the sentence tells of the protest."""
    if S.PEACEFUL_PROTEST not in fired and sub not in (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION):
        return sub
    if trigger is not None and sub is not S.PEACEFUL_PROTEST and sub not in _PROTEST_TRIGGERED \
            and any(s <= trigger < e for s, e in _background(sentence)):
        sub = S.PEACEFUL_PROTEST
    if sub in (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY) and _armed(agent):
        return sub  # "troops captured the town and marched into the neighbourhood": no protest
    if sub is S.ARMED_CLASH and _NONSTATE_ARMED.search(sentence) and not _CROWD_WORDS.search(sentence) \
            and not _PROTESTED.search(sentence):
        return sub  # "police clashed with a clan militia after the militia blocked a road": armed men, no crowd
    if agent is not None and agent.kb_id is not None and agent.type in (A.REBEL_GROUPS, A.POLITICAL_MILITIAS) \
            and not _party_people(agent, sentence) and not _PROTESTED.search(sentence) \
            and (sub.event_type in (EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.BATTLES) or S.ATTACK in fired):
        # "Al Shabaab gunmen stormed a compound housing quarry workers and killed 12": an armed group's raid
        return sub if sub not in PROTEST_FAMILY else S.ATTACK
    if sub is S.ARRESTS and held_for_a_protest(sentence):
        return sub  # held for a protest organised or to come, or charged for one, not at one
    if sub in (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.ARMED_CLASH) \
            and (_armed(agent) or _BY_FORCES.search(sentence) or _FORCES_HARMED.search(sentence)) \
            and not _CROWD_ACTS.search(sentence) \
            and any(not _CAUSE.search(sentence, 0, m.start()) for m in _HARM.finditer(sentence)):
        return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS
    if sub is S.MOB_VIOLENCE and not _told(_CROWD_VIOLENCE, sentence) and not _told(_MOB, sentence):
        sub = S.PEACEFUL_PROTEST  # "angry residents gathered to protest": the crowd protested, nobody was attacked
    if sub is S.EXCESSIVE_FORCE_AGAINST_PROTESTERS and agent is not None and agent.type in _CROWD:
        return S.VIOLENT_DEMONSTRATION  # the crowd used the force: "protesters used live ammunition"
    if sub in (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.MOB_VIOLENCE):
        return sub
    if sub is S.ATTACK:
        return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS if _FORCE.search(sentence) else sub
    if sub is S.VIOLENT_DEMONSTRATION or (sub in (S.ARMED_CLASH, S.LOOTING_PROPERTY_DESTRUCTION)
                                          and _told(_CROWD_VIOLENCE, sentence)):
        return S.VIOLENT_DEMONSTRATION
    if sub in (S.ARMED_CLASH, S.LOOTING_PROPERTY_DESTRUCTION):
        sub = S.PEACEFUL_PROTEST  # "laid siege outside the offices", "a 'dead city' protest against insecurity"
    if sub in (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY) or (
            sub.event_type is EventType.STRATEGIC_DEVELOPMENTS and sub is not S.ARRESTS):
        sub = S.PEACEFUL_PROTEST  # "protested to demand the liberation of", "a demonstration against the agreement"
    if sub not in (S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.ARRESTS):
        return sub
    if _told(_CROWD_VIOLENCE, sentence):
        return S.VIOLENT_DEMONSTRATION
    if sub is not S.PEACEFUL_PROTEST or _told(_INTERVENTION, sentence):
        return S.PROTEST_WITH_INTERVENTION
    return sub


def upgrade_protest(sub: SubEventType, follow_up: SubEventType, sentence: str) -> SubEventType:
    """A protest's sub-event type once a later sentence tells what happened at it (``follow_up`` typed there).
    Soldiers who attacked or fired on the crowd used excessive force; the crowd did not riot."""
    if sub is not S.MOB_VIOLENCE and follow_up in (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.ATTACK, S.ARMED_CLASH) \
            and _FORCES_HARMED.search(sentence) and not _CROWD_ACTS.search(sentence):
        return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS
    if follow_up in (S.VIOLENT_DEMONSTRATION, S.LOOTING_PROPERTY_DESTRUCTION, S.ARMED_CLASH, S.MOB_VIOLENCE) or (
            _told(_CROWD_VIOLENCE, sentence) and follow_up is not S.EXCESSIVE_FORCE_AGAINST_PROTESTERS):
        return S.VIOLENT_DEMONSTRATION if sub is not S.MOB_VIOLENCE else sub
    if sub is S.VIOLENT_DEMONSTRATION or sub is S.MOB_VIOLENCE:
        return sub
    if follow_up in (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.ATTACK) and _told(_FORCE, sentence):
        return S.EXCESSIVE_FORCE_AGAINST_PROTESTERS
    if follow_up in (S.ARRESTS, S.PROTEST_WITH_INTERVENTION) or _told(_INTERVENTION, sentence):
        return S.PROTEST_WITH_INTERVENTION if sub is S.PEACEFUL_PROTEST else sub
    return sub


_GENERIC_STATE: Final = frozenset({"Military Forces", "Police Forces", "Government", "Civilians"})
_BRANCH_OF: Final = {"Military Forces": "military", "Police Forces": "police", "Government": "government"}


#: Right after an armed group's name, its own verb of holding people: "Rebels loyal to Riek Machar detained".
_HELD_BY_THEM: Final = re.compile(r"(?:\s+[\w'-]+){0,6}?\s+(?<!the )(?<!was )(?<!were )(?<!been )(?<!being )(?<!of )"
                                  r"(?:detain|arrest|apprehend|round|nabb?)\w*\b(?!\s+by\b)", re.IGNORECASE)
#: A protest told where the crowd was harmed ("an air strike" is no strike of workers).
_AT_A_PROTEST: Final = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|marche[sd]|sit-ins?|"
                                  r"(?<!air )(?<!drone )(?<!missile )strik(?:e|es|ing)"
                                  r"(?! (?:on|against|at|targeting)))\b", re.IGNORECASE)


def harmed_civilians(sub: SubEventType, actor2: Actor | None, sentence: str) -> Actor | None:
    """The side an act against civilians or an arrest was done to, coded as civilians where the actors stage could
    not type it ("an MSD opposition party member was shot dead": the Opposition; "arrested four activists" of a
    campaign ahead of a march, no protest told): ACLED's victims have a type."""
    if actor2 is None or not (sub.event_type in (EventType.VIOLENCE_AGAINST_CIVILIANS,
                                                 EventType.EXPLOSIONS_REMOTE_VIOLENCE) or sub is S.ARRESTS):
        return actor2
    if actor2.type is None or (actor2.type in (A.PROTESTERS, A.RIOTERS) and (
            sub is S.ARRESTS or (not actor2.kb_id and not _AT_A_PROTEST.search(sentence)))):
        return _civilians(actor2)  # (harmed at a protest they are protesters: "police shot at protesters")
    return actor2


def localise(actor: Actor | None, country: str | None, year: int | None = None) -> Actor | None:
    """A generic actor the text did not place ("regime forces", "children"), placed in the event's country:
    "Military Forces of Syria (2000-)", named for the regime of ``year`` as the knowledge base names the state's
    forces, "Civilians (Syria)"."""
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
    branch = _BRANCH_OF.get(actor.name)
    full = f"Civilians ({name})" if branch is None else load_kb().state_name(country, branch, year)
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
