"""How many an event killed, read from its sentence. Used by :mod:`sitrep.stages.events`.

A count of people is a death toll when the sentence ties it to killing: as what was killed ("killing 12
civilians", "the death of four soldiers", "kill 2"), as who died ("three people were killed", "Fifteen dead",
"1 killed, several injured"), or by its own words ("20 killed"). People named one by one are counts of one:
by a noun ("a man", "his bodyguard", "the traditional leader", "Chadian soldier killed"), by a pronoun
("killing him") or by name ("shot dead Jacob Juma"). The count of the attackers ("About 10 militiamen
attacked the village, killing 2", "Four men murdered a pastor") and of the wounded ("killing two and injuring
five") is not a toll. Counts of different people killed add up ("two rebels and two soldiers were killed": 4;
"killing an army colonel and four soldiers": 5), but not a breakdown of a toll already counted ("10 people,
including three soldiers"), nor a pronoun for someone already counted ("kill a chieftain, setting him
ablaze"). A range counts at its low end, as ACLED codes it ("between 6 and 12": 6; high 12). A death that
came before the event ("protested the death of a student", "the funeral of a doctor killed by police"), an
attempt ("nearly lynched") and a tally over weeks are not the event's toll. A toll given in words is coded
as ACLED codes it: "several", "some", "many", "an unknown number" and "heavy casualties" are 10, "dozens"
12, "scores" 20, "hundreds" 100. Only when no toll is told does "no one was killed" make it 0.
"""

from __future__ import annotations

import re
from typing import Final

from ..models import Doc, Fatalities, Quantity
from ..numbers import word_number
from ..vocab import ActorKind

__all__ = ["fatalities"]

_WOUNDED: Final = re.compile(r"\b(?:wound\w*|injur\w*|hurt)\b", re.IGNORECASE)
#: Right after "killed": the wounded told in the same breath, so the count is of both ("30 killed and injured",
#: "37 soldiers killed or wounded"): not a death toll.
_AND_WOUNDED: Final = re.compile(r"\s*(?:and|or|&|/)\s*(?:wound\w*|injur\w*|hurt)\b", re.IGNORECASE)
_NOBODY: Final = re.compile(r"\b(?:no (?:one|casualties|deaths|fatalities|injuries)|nobody|no-one) (?:was |were )?"
                            r"(?:killed|hurt|injured|reported|died)?|without casualties|no casualties\b", re.IGNORECASE)
_PEOPLE: Final = frozenset(
    "people civilians fighters soldiers police children protesters men women dead killed persons villagers students "
    "staff patients worshippers militants citizens members officers policemen guards troops rebels insurgents "
    "militiamen individuals youths boys girls farmers miners workers pilgrims refugees migrants gendarmes jihadists "
    "terrorists bandits herders victims others elements personnel commanders journalists activists passengers "
    "residents casualties fatalities martyrs assailants attackers gunmen suspects combatants servicemen recruits "
    "detainees prisoners teachers traders pupils family families militia displaced vigilantes supporters employees "
    "colleagues doctors nurses conscripts drivers thieves robbers criminals murderers kidnappers bombers islamists "
    "extremists inmates rioters leaders agents judges lawyers idps hostages captives perpetrators survivors sons "
    "daughters wives husbands brothers sisters relatives parents participants lawmakers officials politicians "
    "butchers merchants vendors warriors riders immigrants foreigners chiefs elders preachers clerics priests "
    "pastors minors loyalists mourners reporters executives unionists trainees occupants bodyguards pensioners "
    "dwellers graduates learners tenants youngsters lieutenants cadres lecturers touts peacekeepers shepherds "
    "fishermen hunters herdsmen nomads smugglers spies informants collaborators tourists visitors volunteers "
    "engineers contractors labourers laborers operators sympathisers sympathizers defectors deserters mercenaries "
    "cadets rangers sailors pilots crew motorists motorcyclists pedestrians bystanders shoppers customers fans "
    "tribesmen clansmen kinsmen muslims christians raiders rustlers poachers traffickers sellers hawkers porters "
    "cooks waiters cleaners carpenters masons bakers tailors cobblers mechanics artisans diggers loggers "
    "prospectors picketers strikers demonstrators squatters settlers pastoralists patrolmen paramilitaries "
    "policewomen guardsmen marines commandos snipers".split())
#: Units that say the count is of the dead: "20 killed", "Fifteen dead".
_DEAD: Final = frozenset({"dead", "killed", "fatalities", "martyrs", "bodies", "corpses", "deaths", "lives"})
#: Units that say the count is of the wounded or the missing, never of the dead: "killed 4, 7 injured".
_NOT_DEAD: Final = frozenset({"wounded", "injured", "injuries", "missing", "hurt"})
#: Right before a count of those killed: "killing 12", "killed at least 12 civilians", "the death of four soldiers".
_KILLING: Final = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|massacr(?:e|ed|es|ing)|slaughter(?:ed|ing|s)?|execut(?:e|ed|es|ing)|behead(?:ed|ing|s)?|"
    r"murder(?:ed|ing|s)?|assassinat(?:e|ed|es|ing)|lynch(?:ed|es|ing)?|eliminat(?:e|ed|es|ing)|"
    r"set(?:s|ting)? (?:ablaze|alight)|(?:and|while|but) (?:losing|lost)|"
    r"(?:shot|shoot|shoots|shooting|gunned|gunning) (?:dead|down)|(?:\w+ )?to death|"
    r"(?:killing|murder|massacre|execution|beheading|deaths?|lives|bodies|body|corpses|remains) of|"
    r"(?:death )?toll (?:\w+ )?(?:to|at|of)|"
    r"(?:death )?toll\b[^.;]{0,80}?\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|stood|stands|hit)"
    r"(?:\s+(?:to|at))?)\s+(?:and (?!(?:injur|wound|hurt|maim)\w*)\w+\s+)?"
    r"(?:(?:on|last|this|early|late) \w+\s+|yesterday\s+|overnight\s+)?"
    r"[\"']?(?:(?:a total of|an estimated|some|the|at least|from|only|a|an|his|her|their)\s+)?$",
    re.IGNORECASE)
#: Right after a count of those who died: "were killed", "dead", "have died", "lost their lives".
_DIED: Final = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|after|when|who|which|that|to|killing|leaving|said|says|told|tells|claimed|"
    r"claims|added|stated|announced|confirmed)\b)"
    r"(?!(?!(?:suspected|alleged|armed|unidentified|unarmed|displaced|detained|abducted|kidnapped|affiliated|based|"
    r"named|related|united|reported|reportedly)\b)\w+ed\b)[\w'-]+|\s*\([^)]{0,80}\)|[\"']|"
    r"\s*,[^,;]{1,40},|\s*,(?=\s+(?:along with|together with|as well as)\b)|"
    r"\s+and(?= (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
    r"fifty|several|dozens|scores|hundreds|at least|more than|about|around|nearly|a |an |his |her |"
    r"\w+ (?:were |are )?(?:killed|dead|died)\b))){0,10}?,?\s*[\"']?"
    r"(?:(?:were|was|is|have|has|had|are|being|been|got|reportedly|allegedly|also|later|all|confirmed|reported|"
    r"feared|found|left|then|subsequently|(?:said|reported|believed|feared|thought) to have been|"
    r"(?:shot|stabbed|beaten|attacked|hacked|tortured|burnt|burned|captured|abducted|kidnapped|arrested|tied up),? "
    r"(?:\w+ )?and)\s+[\"']?){0,4}"
    r"(?P<verb>killed|dead|died|die|dies|perished|slain|massacred|executed|beheaded|murdered|slaughtered|assassinated|"
    r"lynched|drowned|eliminated|lost (?:their|his|her) lives|succumbed|burnt alive|burned alive|"
    r"(?:shot|burnt|burned|hacked|stoned|beaten|stabbed|tortured|clubbed|macheted) (?:dead|to death)|to death)\b",
    re.IGNORECASE)
#: A death verb with no auxiliary before it and an object after it is active, and the count before it is of the
#: killers: "Four men murdered a pastor", "Three gunmen killed two soldiers".
_OBJECT: Final = re.compile(r"\s+(?:a|an|the|his|her|their|its|him|them|one|two|three|four|five|six|seven|eight|nine|"
                            r"ten|\d+|several|dozens|scores|at least|some)\b", re.IGNORECASE)
_AUXILIARY: Final = re.compile(r"\b(?:were|was|is|are|have|has|had|been|being|got|reportedly|allegedly|found|left)\b",
                               re.IGNORECASE)
#: People set on fire by a mob, as ACLED counts them dead: "set three suspected thieves ablaze".
_BURNT: Final = re.compile(r"\s+(?:(?:were|was|are|is|being|been)\s+)?(?:set\s+)?(?:ablaze|alight)\b", re.IGNORECASE)
#: A thing the count's people own, named before them: "the house of", "the homes of", "a car belonging to".
_OWNED_BY: Final = re.compile(r"\b(?:houses?|homes?|property|properties|shops?|stores?|cars?|vehicles?|farms?|"
                              r"offices?|businesses|compound|belongings|livestock|cattle)\s+(?:of|belonging to|"
                              r"owned by)\s+$", re.IGNORECASE)
#: A noun of death right after a count of people: "two civilian deaths".
_DEATHS: Final = re.compile(r"\s+(?:deaths|fatalities|dead)\b", re.IGNORECASE)
_CLAUSE_BREAK: Final = re.compile(r"[;:\n]|\.\s")
#: A toll summed over a stretch of time, not one event's: "825 killed during 35 days of operations", "About 5000
#: killed in May 2016", "more than 190 were killed in 10 days of fighting".
_PERIOD: Final = re.compile(
    r"(?:\s+[\w'-]+){0,7}?\s+(?:in|during|over|within|across|throughout|since)\s+(?:the\s+(?:past|last|first)\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:hours|days|weeks|months|years)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"(?:the\s+)?(?:(?:beginning|start|outbreak|onset) of (?:the\s+)?(?:year|war|conflict|crisis|revolution|uprising|"
    r"month|\d{4})|(?:year|month) beginning)\b)",
    re.IGNORECASE)
#: The same tally told before the count: "10 days of battles and shelling kill more than 340".
_PERIOD_BEFORE: Final = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few|a)\s+"
    r"(?:hours?|days?|weeks?|months?|years?)\s+of\b[^.;,]{0,60}$", re.IGNORECASE)
#: A count that breaks down a toll already counted: "including three soldiers", "among them two children".
_PART: Final = re.compile(r"\b(?:including|includes|include|among (?:them|whom|the dead|the victims)|of whom|"
                          r"comprising|mostly|mainly|amongst them)\s+(?:\w+\s+){0,2}$|\(\s*$", re.IGNORECASE)
_OF_THEM: Final = re.compile(r"\s+(?:of (?:them|whom|those|the dead|the victims)|were (?:soldiers|civilians|women|"
                             r"children|police\w*))\b", re.IGNORECASE)
#: A word inside a count that tells another fate than death: "72 rescued civilians", "five injured soldiers".
_FATE: Final = re.compile(r"\b(?:wound\w*|injur\w*|hurt|arrested|captured|detained|abducted|kidnapped|missing|"
                          r"rescued|freed|released|displaced)\b", re.IGNORECASE)
#: After a count joined to a toll, a word that says the count is of another fate: "killing 3 and 5 wounded".
_OTHER_FATE: Final = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|whereas|killing)\b)[\w'-]+){0,3}?\s+"
    r"(?:(?:were|was|are|have been|had been|being)\s+)?(?:\w+ly\s+)?(?:wound\w*|injur\w*|hurt|"
    r"arrested|captured|detained|abducted|kidnapped|missing|rescued|freed|released|displaced|raped|seized|"
    r"taken|held|escaped|survived|beaten)\b", re.IGNORECASE)


def fatalities(doc: Doc, start: int, end: int) -> Fatalities | None:
    """How many were killed in the event told in ``doc.text[start:end]``: the counts of people the
    sentence ties to killing (and not to wounding), summed; a toll in words (ACLED's convention) when it
    gives no number; 0 when it says nobody died; None when it says nothing of deaths."""
    text = doc.text
    inside = [q for q in doc.quantities if start <= q.start and q.end <= end]
    found = inside + _persons(text, start, end, inside)
    named = [Quantity(a.text, a.start, a.end, 1, 1, 1, "people") for a in doc.actors  # "killed Jacob Juma"
             if a.kind is ActorKind.PERSON and start <= a.start and a.end <= end
             and not any(q.start < a.end and a.start < q.end for q in found)]
    candidates = sorted(found + named, key=lambda q: q.start)
    counted = [q for q in candidates if _killed(text, q, start, end, candidates)
               and not _PERIOD.match(text, q.end, min(end, q.end + 60))
               and not _PERIOD_BEFORE.search(text, max(start, q.start - 80), q.start)]
    counted = _joined(text, counted, candidates, end)
    counted = [q for i, q in enumerate(counted)  # "kill a chieftain, setting him ablaze": one person
               if not (_PRONOUN.fullmatch(q.text) and any(c.value == 1 for c in counted[:i]))]
    counted = _apposed(text, _wholes(text, counted, candidates, start, end), {id(q) for q in named})
    if not counted:
        told = _singles(text, start, end) or _vague(text, start, end)
        if told is None:
            m = _NOBODY.search(text, start, end)
            if m:
                return Fatalities(0, 0, 0, text[m.start():m.end()], m.start(), m.end())
        return told
    # counts add up within one clause: a toll after a semicolon is another report ("240 killed; 240 were killed"),
    # unless it says it is more of the dead ("killing 2 soldiers; one militant was also killed")
    counted = [q for q in counted if not _CLAUSE_BREAK.search(text, counted[0].end, max(counted[0].end, q.start))
               or _MORE_DEAD.search(text, q.start, min(end, q.end + 40))]
    counted = [_coded(text, q) for q in counted]
    counted += _other_side(text, counted, end)
    low = sum(int(q.low if q.low is not None else q.value or 0) for q in counted)
    high = sum(int(q.high if q.high is not None else max(q.low or 0, q.value or 0)) for q in counted)
    ranged = any(q.low is not None and q.high is not None and q.high > q.low for q in counted)
    best = low if ranged else sum(int(q.value if q.value is not None else q.low or 0) for q in counted)
    s, e = counted[0].start, counted[-1].end
    return Fatalities(best, low, max(high, best), text[s:e], s, e)


#: A toll told after another as more of the dead: "one militant was also killed", "another 3 died".
_MORE_DEAD: Final = re.compile(r"^(?:another|other|more|additional|further)\b|\b(?:also|too|as well)\b",
                               re.IGNORECASE)
#: The dead of the other side, told by their number alone: "4 fighters from one side and 3 from the other".
_OTHER_SIDE: Final = re.compile(r"\s+(?:from|on|of)\s+(?:the\s+)?one\s+side\s+and\s+(\d+|[a-z]+)\s+"
                                r"(?:from|on|of)\s+the\s+other\b", re.IGNORECASE)


def _apposed(text: str, counted: list[Quantity], named: set[int]) -> list[Quantity]:
    """``counted`` less a person told twice, by name and by a noun set beside it with a comma: "John Okello, a
    teacher, was shot" and "killed a teacher, John Okello" are one dead; a list of names or of nouns is not."""
    out: list[Quantity] = []
    for q in counted:
        last = out[-1] if out else None
        if last is not None and q.value == 1 and last.value == 1 and (id(q) in named) != (id(last) in named) \
                and _APPOSITION.fullmatch(text, last.end, q.start):
            continue
        out.append(q)
    return out


#: What stands between a name and a noun for the same person: a comma.
_APPOSITION: Final = re.compile(r"\s*,\s*")


def _other_side(text: str, counted: list[Quantity], end: int) -> list[Quantity]:
    """The count of the other side's dead that a toll of one side's names by its number alone."""
    for q in counted:
        m = _OTHER_SIDE.match(text, q.end, end)
        value = word_number(m.group(1)) if m else None
        if m is not None and value is not None:
            n = int(value)
            return [Quantity(m.group(1), m.start(1), m.end(1), n, None, None, q.unit)]
    return []


#: A clause that tells what came before the event, or what it is about: "protested the death of a student",
#: "in retaliation for the killing of a police officer", "after a taxi driver was killed", "at the funeral of a
#: doctor killed by policemen", "tried to kill".
_PRIOR: Final = re.compile(
    r"\b(?:after|following|in (?:retaliation|revenge|reprisal|response) (?:for|to|of)|to (?:avenge|protest|denounce|"
    r"condemn|mourn|commemorate|remember|honou?r|mark)|(?:protest(?:ed|ing|s)?|denounc\w+|condemn\w+|mourn\w*|"
    r"commemorat\w+|investigat\w+|probe|inquiry|enquiry)(?: [\w-]+){0,3}?(?: against| over| at| into| for| of)? "
    r"(?:the )?(?:alleged )?(?:recent )?(?:death|deaths|killing|killings|murder|murders|execution|shooting|lynching)|"
    r"(?:over|into|about|against) the (?:recent |alleged )?(?:death|deaths|killing|killings|murder|murders)|"
    r"for the (?:recent |alleged )?deaths? of|"
    r"funerals? (?:of|for)|burial of|anniversary of|(?:family|families|relatives|friends|colleagues) of|"
    r"(?:arrest|detention|trial|conviction|release) of|charged with|convicted of|sentenced (?:for|over)|"
    r"blam\w+(?: \w+)? for|because of|in memory of|tied to|linked to|blamed for|accused of|suspected of|"
    r"(?:suspected|accused|alleged|believed) to have|"
    r"responsible for|(?:recently|previously|earlier|formerly) (?:killed|murdered)|"
    r"(?:(?:tried|trying|tries|attempted|attempting|attempts|plotted|plotting|threatened|threatening|vowed) to|"
    r"nearly|almost|narrowly) (?:\w+ (?:and|or) )?(?:kill|murder|assassinat|lynch|behead|execut|shoot|burn|stone)\w*)"
    r"\b[^,;.]{0,80}$",
    re.IGNORECASE)
#: Counts of different people killed, named together: "2 FDLR rebels and 2 soldiers were killed".
_AND: Final = re.compile(r"(?:\s+[\w'-]+){0,4}?\s*(?:,\s*(?:(?:and|as well as|along with|together with|plus)\s+)?|"
                         r"(?:and|as well as|along with|together with|plus)\s+)(?:the\s+)?", re.IGNORECASE)


def _wholes(text: str, counted: list[Quantity], candidates: list[Quantity], start: int, end: int) -> list[Quantity]:
    """``counted`` less the counts that break down a toll already counted: "10 people, including three soldiers"
    (3), and the counts listed after that one ("including 14 soldiers, 45 civilians killed and 70 fighters")."""
    first = next((q.start for q in candidates if _PART.search(text, max(start, q.start - 30), q.start)
                  or _OF_THEM.match(text, q.end, end)), end)
    return [q for q in counted if q.start < first] or counted[:1]


def _killed(text: str, q: Quantity, start: int, end: int, inside: list[Quantity]) -> bool:
    """Whether the count ``q`` is of people the sentence says were killed (in the event, not before it)."""
    if q.unit in _NOT_DEAD:
        return False
    if _PRIOR.search(text, max(start, q.start - 100), q.start):
        return False
    if _OWNED_BY.search(text, max(start, q.start - 30), q.start):
        return False  # "the house of a murder suspect was set alight": the house burned, not the man
    if q.unit in _DEAD and _AND_WOUNDED.match(text, q.end, end):
        return False  # "30 killed and injured": the dead and the wounded counted together
    if q.unit in _DEAD or _DEATHS.match(text, q.end, end) or (_people(text, q) and _BURNT.match(text, q.end, end)):
        return True
    if not _people(text, q):
        return False
    if _KILLING.search(text, max(start, q.start - 100), q.start):  # "the death toll from ... rose to 15": far back
        return True
    died = _DIED.match(text, q.end, min(end, q.end + 120))
    if died is None:
        return False
    between = text[q.end:died.end()]
    if _WOUNDED.search(between) or _AND_WOUNDED.match(text, died.end(), end):
        return False  # "30 wounded and ... killed", "37 soldiers killed or wounded": not only of the dead
    if _OBJECT.match(text, died.end(), end) and not _AUXILIARY.search(text, q.end, died.start("verb")):
        return False  # "Four men murdered a pastor": the count is of the killers
    # any count between this one and the verb is another of the dead named with it, or a part of them
    return all(_AND.fullmatch(text, q.end, other.start) or _PART.search(text, max(q.end, other.start - 30), other.start)
               for other in inside if other is not q and q.end <= other.start < died.end())


def _people(text: str, q: Quantity) -> bool:
    """Whether ``q`` counts people: a known noun of people, no noun ("killing 12"), or a name written with a
    capital inside the sentence ("four Islamists", "21 Ethiopians", "5 Nande")."""
    if q.unit is None or q.unit in _PEOPLE:
        return True
    noun = text[q.start:q.end].split()[-1]
    return any(part[:1].isupper() for part in noun.split("-"))


def _joined(text: str, counted: list[Quantity], candidates: list[Quantity], end: int) -> list[Quantity]:
    """``counted`` with the counts named together with one of them, in the same list: "killing an army colonel
    and four soldiers", "killed 15 gunmen and one soldier" (the second is killed too); not a count that comes
    with another fate ("killing 3 and wounding 5", "killed 2, 5 injured")."""
    out = list(counted)
    for q in candidates:
        if q in out or q.unit in _NOT_DEAD or not _people(text, q):
            continue
        before = [c for c in out if c.end <= q.start]
        if not before:
            continue
        last = max(before, key=lambda c: c.end)
        if any(last.end <= c.start < q.start for c in candidates):
            continue  # another count stands between them
        if not _AND.fullmatch(text, last.end, q.start) or _OTHER_FATE.match(text, q.end, min(end, q.end + 50)) \
                or _FATE.search(q.text):
            continue
        out.append(q)
    return sorted(out, key=lambda q: q.start)


#: ACLED's codes for a toll told in words: "several", "some" and "many" dead are coded 10.
_VAGUE_CODE: Final = re.compile(r"[\"']?(?:several|some|many|numerous)\b", re.IGNORECASE)


def _coded(text: str, q: Quantity) -> Quantity:
    """``q`` with the value ACLED codes for a vague count of dead ("several soldiers": 10)."""
    if q.approximate and _VAGUE_CODE.match(text, q.start) and (q.value or 0) < 10:
        return Quantity(q.text, q.start, q.end, 10, 10, None, q.unit, True)
    return q


#: One person named by a noun: "a man", "a young woman", "one soldier", "a 24-year-old taxi driver", "his
#: bodyguard", "the traditional leader" (each counts 1).
_PERSON_NOUN: Final = (
    r"(?:man|woman|boy|girl|child|civilian|citizen|soldier|policeman|policewoman|officer|fighter|member|commander|"
    r"person|farmer|student|teacher|journalist|activist|trader|villager|resident|worker|guard|militant|rebel|poet|"
    r"doctor|nurse|driver|shepherd|herder|herdsman|youth|teenager|infant|baby|leader|chief|chieftain|imam|priest|"
    r"pastor|official|gendarme|ranger|businessman|businesswoman|motorcyclist|protester|demonstrator|suspect|pupil|"
    r"prisoner|inmate|miner|fisherman|hunter|politician|councillor|councilor|lawyer|judge|islamist|jihadist|"
    r"extremist|terrorist|gunman|assailant|attacker|bomber|thief|robber|criminal|murderer|kidnapper|housebreaker|"
    r"burglar|bandit|merchant|vendor|lawmaker|legislator|captain|sergeant|colonel|lieutenant|corporal|conscript|"
    r"recruit|ruler|king|emir|sheikh|son|daughter|wife|husband|father|mother|brother|sister|nephew|niece|uncle|"
    r"cousin|relative|aide|bodyguard|employee|engineer|IDP|refugee|migrant|peacekeeper|male|female|elder|"
    r"pensioner|prospector|agent|spy|informant|hostage|captive|pilot|chairman|chairwoman|mayor|governor|director|"
    r"manager|shopkeeper|butcher|mechanic|watchman|warden|cleric|combatant|insurgent|militiaman|detainee|victim|"
    r"individual|cobbler|tailor|professor|lecturer|schoolboy|schoolgirl|toddler|foreigner|tourist|passenger|"
    r"pedestrian|supporter|vigilante|warrior|smuggler|collaborator|defector|deserter|operative|catechist|neighbou?r|"
    r"partner|colleague|friend|companion|guest|client|customer|associate|assistant|secretary|escort|servant|maid|"
    r"head|brigadier|personnel|seller|hawker|labou?rer|cook|waiter|cleaner|porter|carpenter|mason|raider|rustler|"
    r"poacher|trafficker|MP|senator|deputy|minister|councilman|preacher|scholar|chef|artist|musician|singer|"
    r"athlete|footballer|player|coach|physician|surgeon|pharmacist|midwife|accountant|banker|broker|contractor)")
#: Words between a determiner and the noun of a person: "a young", "an off-duty army", "a 20 year old".
_MODIFIERS: Final = (r"(?:(?!(?:has|have|had|is|was|were|are|no|not|of|the|a|an|and|or|in|on|at|by|to|for|from|with|"
                     r"who|that|which|whose|he|she|they|it)\b)[\w'-]+\s+|\([^)]{1,25}\)\s+)")
#: What may not follow the noun of a person: a noun it qualifies ("the militant group"), a name it is part of ("the
#: Civilian Joint Task Force"), a possessive ("a councillor's office").
_NOT_A_PERSON: Final = (r"(?!-|['’]s\b|\s+(?:[A-Z]\w|(?i:groups?|movement|organi[sz]ation|camps?|positions?|bases?|"
                        r"factions?|wing|cells?|hideouts?|strongholds?|leaders?|commanders?|attacks?|vehicles?|convoys?|"
                        r"fighters|members|elements|forces|activity|activities|operations?|council|union|league|mobs?|"
                        r"gangs?|squads?|units?|teams?|patrols?|committees?|crowds?|militias?)\b))")
_SINGLE: Final = re.compile(
    rf"\b(?i:a|an|one|1|another|his|her|its|their)\s+{_MODIFIERS}{{0,4}}?(?i:{_PERSON_NOUN})\b{_NOT_A_PERSON}"
)
#: A person named without a count: "the traditional leader", "killed civilian", "killing him", "he died".
_THE_PERSON: Final = re.compile(
    rf"\b(?i:the)\s+{_MODIFIERS}{{0,2}}?(?-i:{_PERSON_NOUN})\b{_NOT_A_PERSON}|"
    r"(?<!the )(?<!a )(?<!an )\b(?i:kill|kills|killed|murdered)\s+"
    rf"(?P<p>{_MODIFIERS}{{0,2}}?(?-i:{_PERSON_NOUN}))\b{_NOT_A_PERSON}|\b(?i:him|her|himself|herself|he|she)\b"
)
#: A pronoun that stands for someone the sentence may already have named: "kill a chieftain, setting him ablaze".
_PRONOUN: Final = re.compile(r"(?i:him|her|he|she)")
#: A headline that starts with the person, no article: "Chadian soldier killed in Beida", "Woman shot and killed",
#: "Body of herder found dead".
_HEADLINE_PERSON: Final = re.compile(
    rf"[\"']?(?:(?:The )?[Bb]ody of (?:an? |the )?)?(?:[A-Z][\w'-]*\s+){{0,2}}?(?i:{_PERSON_NOUN})\b"
    r"(?=\s+(?:and (?:[\w'-]+ ){1,3}?)?"
    r"(?:was |is |were |are |has been )?(?:\w+ and )?"
    r"(?:killed|shot dead|stabbed to death|murdered|found dead|beheaded|died|dies|dead)\b)")
#: Words that say the death was one person's: "one death", "a single fatality".
_ONE_DEATH: Final = re.compile(r"\b(?:one|1|a single)\s+(?:death|fatality|casualty|dead)\b", re.IGNORECASE)


def _persons(text: str, start: int, end: int, counts: list[Quantity]) -> list[Quantity]:
    """Each person the sentence names by a noun or a pronoun, as a count of 1 (where no count covers it)."""
    taken = [(q.start, q.end) for q in counts]
    out: list[Quantity] = []
    found: list[tuple[re.Match[str], str]] = [(m, "dead") for m in _ONE_DEATH.finditer(text, start, end)]
    found += [(m, "people") for m in _SINGLE.finditer(text, start, end)]
    found += [(m, "people") for m in _THE_PERSON.finditer(text, start, end)]
    head = _HEADLINE_PERSON.match(text, start, end)
    found += [(head, "people")] if head else []
    for m, unit in found:
        s, e = m.span("p") if "p" in m.groupdict() and m.group("p") else m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        taken.append((s, e))
        out.append(Quantity(text[s:e], s, e, 1, 1, 1, unit))
    return out


#: A death told after a person named loosely: "A man who ... was killed", "... later died of his wounds".
_LOOSE_DEATH: Final = re.compile(
    r"\b(?:killed|dead|died|dies|murdered|slain|executed|beheaded|lynched|assassinated|massacred|slaughtered|drowned|"
    r"succumbed|\w+ to death|shot dead|gunned down|burn\w* alive|ablaze|alight)\b", re.IGNORECASE)
#: Words that deny or undo the death: "did not die", "was found alive", "is missing".
_NOT_DIED: Final = re.compile(r"\b(?:not|never|no|nearly|almost|missing|alive|survived|escaped|attempt\w*|tried)\b",
                              re.IGNORECASE)


def _singles(text: str, start: int, end: int) -> Fatalities | None:
    """The people killed when the sentence names each one loosely, the death told further on: "A militant
    leader who had joined the group last year was killed"; "A man and a woman stoned to death" is 2."""
    hits: list[re.Match[str]] = []
    for m in _SINGLE.finditer(text, start, end):
        after = text[m.end():min(end, m.end() + 80)]
        death = _LOOSE_DEATH.search(after)
        if death is None or _NOT_DIED.search(after, 0, death.start()):
            continue
        if _PRIOR.search(text, max(start, m.start() - 100), m.start()):
            continue  # "protested the death of a student"
        if _OWNED_BY.search(text, max(start, m.start() - 30), m.start()):
            continue  # "the house of a murder suspect was set alight"
        if _WOUNDED.search(after, 0, death.start()):
            continue  # "a child was wounded and ... killed": the wounding is this person's
        if _OBJECT.match(after, death.end()) and not _AUXILIARY.search(after, 0, death.start()):
            continue  # "a gunman killed two soldiers": this one is the killer
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


#: A toll told in words with no number, coded as ACLED codes it (10 unless the word says more): "an unknown number
#: of soldiers died", "heavy casualties", "a number of Boko Haram were killed", "\"Some\" have been killed",
#: "killing several", "\"Scores\" are killed" (20).
_VAGUE: Final = re.compile(
    r"\b(?:(?:(?:an? )?(?:unknown|unidentified|undisclosed|unspecified|unconfirmed|uncertain) |"
    r"a (?:large |high |significant |great )?)number\"? of\b"
    r"(?=[^.;]{0,60}\b(?:killed|dead|died|deaths|casualties|fatalities|losses|lives)\b)|"
    r"number of (?:casualties|fatalities|deaths|dead|victims|those killed) (?:is |was |remains |remained )?"
    r"(?:unknown|unclear|not known|unconfirmed|not clear)\b|"
    r"kill(?:ed|ing|s)? (?:an? )?(?:unknown|unidentified|undisclosed|unspecified|unconfirmed|uncertain)? ?number of|"
    r"(?:heavy|huge|severe|significant|considerable)[\"']?\s+(?:\[[^\]]{1,30}\]\s+)?(?:numbers of )?"
    r"(?:casualties|casualities|causalities|fatalities|losses|deaths)|"
    r"[\"']?(?:many|several|numerous)[\"']?\s+(?:[\w'-]+\s+){0,2}?(?:fatalities|deaths)|"
    r"[\"']?(?P<word>several|some|many|numerous|dozens|scores|hundreds|thousands)[\"']?\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:(?:were|was|are|is|have been|had been)\s+)?(?:reportedly |reported |also )?(?:killed|dead|died)|"
    r"(?:killing|killed|kill|kills) [\"']?(?:several|many|some)\b[\"']?(?!\s+(?:of\s+)?\w+\s+(?:wound|injur)))",
    re.IGNORECASE)
#: What ACLED codes for the words that say more than 10: "dozens" 12, "scores" 20, "hundreds" 100.
_VAGUE_WORD: Final = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}


def _vague(text: str, start: int, end: int) -> Fatalities | None:
    """ACLED's code for a toll given in words: 10, or what the word says ("dozens": 12)."""
    for m in _VAGUE.finditer(text, start, end):
        if _PRIOR.search(text, max(start, m.start() - 100), m.start()):
            continue
        code = _VAGUE_WORD.get((m.group("word") or "").lower(), 10)
        return Fatalities(code, code, code, m.group(), m.start(), m.end())
    return None
