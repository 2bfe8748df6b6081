"""How many an event killed, read from its sentence. Used by :mod:`sitrep.stages.events`.

A count of people is a death toll when the sentence ties it to killing: as what was killed ("killing 12
civilians", "the death of four soldiers"), as who died ("three people were killed", "Fifteen dead", "1
killed, several injured"), or by its own words ("20 killed"). The count of the attackers ("About 10
militiamen attacked the village, killing 2") and of the wounded ("killing two and injuring five") is
not. Counts of different people killed add up ("two rebels and two soldiers were killed": 4), but not a
breakdown of a toll already counted ("10 people, including three soldiers"). A range counts at its low
end, as ACLED codes it ("between 6 and 12": 6; high 12). People named one by one count one each ("a man
and a woman stoned to death": 2).
"""

from __future__ import annotations

import re
from typing import Final

from ..models import Doc, Fatalities, Quantity

__all__ = ["fatalities"]

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
#: Units that say the count is of the dead: "20 killed", "Fifteen dead".
_DEAD: Final = frozenset({"dead", "killed", "fatalities", "martyrs", "bodies", "corpses", "deaths"})
#: Right before a count of those killed: "killing 12", "killed at least 12 civilians", "the death of four soldiers".
_KILLING: Final = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|massacr(?:e|ed|es|ing)|slaughter(?:ed|ing|s)?|execut(?:e|ed|es|ing)|behead(?:ed|ing|s)?|"
    r"murder(?:ed|ing|s)?|(?:shot|shooting|gunned|gunning) (?:dead|down)|(?:\w+ )?to death|"
    r"(?:killing|murder|massacre|execution|beheading|deaths?|lives|bodies|corpses) of|"
    r"(?:death )?toll (?:\w+ )?(?:to|at|of))\s+(?:(?:a total of|an estimated|some|the|at least|from)\s+)?$",
    re.IGNORECASE)
#: Right after a count of those who died: "were killed", "dead", "have died", "lost their lives".
_DIED: Final = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|after|when|who|which|that|to|killing|leaving)\b)"
    r"(?!(?!(?:suspected|alleged|armed|unidentified|unarmed|displaced|detained|abducted|kidnapped|affiliated|based|"
    r"named|related|united|reported|reportedly)\b)\w+ed\b)[\w'-]+|\s*\([^)]{0,40}\)|"
    r"\s*,[^,;]{1,40},|\s+and(?= (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a |an |"
    r"\w+ (?:were |are )?(?:killed|dead|died)\b))){0,10}?\s*"
    r"(?:(?:were|was|have|has|had|are|is|being|been|got|reportedly|allegedly|also|later|all|confirmed|reported|"
    r"feared|found|left|(?:said|reported|believed|feared|thought) to have been)\s+){0,3}"
    r"(?:killed|dead|died|die|dies|perished|slain|massacred|executed|beheaded|murdered|slaughtered|"
    r"lost (?:their|his|her) lives|succumbed|(?:shot|burnt|burned|hacked|stoned|beaten|stabbed) (?:dead|to death))\b",
    re.IGNORECASE)
_CLAUSE_BREAK: Final = re.compile(r"[;:\n]|\.\s")
#: A toll summed over a stretch of time, not one event's: "825 killed during 35 days of operations", "About 5000
#: killed in May 2016", "more than 190 were killed in 10 days of fighting".
_PERIOD: Final = re.compile(
    r"(?:\s+[\w'-]+){0,4}?\s+(?:in|during|over|within|across|throughout|since)\s+(?:the\s+(?:past|last)\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:days|weeks|months|years)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)",
    re.IGNORECASE)
#: A count that breaks down a toll already counted: "including three soldiers", "among them two children".
_PART: Final = re.compile(r"\b(?:including|includes|include|among (?:them|whom|the dead|the victims)|of whom|"
                          r"comprising|mostly|mainly|amongst them)\s+(?:\w+\s+){0,2}$|\(\s*$", re.IGNORECASE)
_OF_THEM: Final = re.compile(r"\s+(?:of (?:them|whom|those|the dead|the victims)|were (?:soldiers|civilians|women|"
                             r"children|police\w*))\b", re.IGNORECASE)


def fatalities(doc: Doc, start: int, end: int) -> Fatalities | None:
    """How many were killed in the event told in ``doc.text[start:end]``: the counts of people the
    sentence ties to killing (and not to wounding), summed; 0 when it says nobody died; None when
    it gives no number."""
    text = doc.text
    m = _NOBODY.search(text, start, end)
    if m:
        return Fatalities(0, 0, 0, text[m.start():m.end()], m.start(), m.end())
    inside = [q for q in doc.quantities if start <= q.start and q.end <= end]
    counted = [q for q in inside if _killed(text, q, start, end, inside)
               and not _PERIOD.match(text, q.end, min(end, q.end + 60))]
    counted = [q for q in counted if not (_PART.search(text, max(start, q.start - 30), q.start)
                                          or _OF_THEM.match(text, q.end, end))] or counted[:1]
    if not counted:
        return _singles(text, start, end)
    # counts add up within one clause: a toll after a semicolon is another report ("240 killed; 240 were killed")
    counted = [q for q in counted if not _CLAUSE_BREAK.search(text, counted[0].end, max(counted[0].end, q.start))]
    low = sum(int(q.low if q.low is not None else q.value or 0) for q in counted)
    high = sum(int(q.high if q.high is not None else max(q.low or 0, q.value or 0)) for q in counted)
    ranged = any(q.low is not None and q.high is not None and q.high > q.low for q in counted)
    best = low if ranged else sum(int(q.value if q.value is not None else q.low or 0) for q in counted)
    s, e = counted[0].start, counted[-1].end
    return Fatalities(best, low, max(high, best), text[s:e], s, e)


#: A clause that tells what came before the event, or what it is about: "protested the death of a student",
#: "in retaliation for the killing of a police officer", "after a taxi driver was killed".
_PRIOR: Final = re.compile(
    r"\b(?:after|following|in (?:retaliation|revenge|reprisal|response) (?:for|to)|to (?:avenge|protest|denounce|"
    r"condemn|mourn)|(?:protest(?:ed|ing|s)?|denounc\w+|condemn\w+|mourn\w*)(?: [\w-]+){0,3}?(?: against| over| at)? "
    r"(?:the )?(?:alleged )?(?:recent )?(?:death|deaths|killing|killings|murder|execution|shooting|lynching)|"
    r"because of|in memory of|tied to|linked to|blamed for|accused of|responsible for)\b[^,;.]{0,80}$",
    re.IGNORECASE)
#: Counts of different people killed, named together: "2 FDLR rebels and 2 soldiers were killed".
_AND: Final = re.compile(r"(?:\s+[\w'-]+){0,4}?\s*(?:,|\band|\bas well as)\s*(?:the\s+)?", re.IGNORECASE)


def _killed(text: str, q: Quantity, start: int, end: int, inside: list[Quantity]) -> bool:
    """Whether the count ``q`` is of people the sentence says were killed (in the event, not before it)."""
    if _PRIOR.search(text, max(start, q.start - 100), q.start):
        return False
    if q.unit in _DEAD:
        return True
    if q.unit is not None and q.unit not in _PEOPLE:
        return False
    if _KILLING.search(text, max(start, q.start - 40), q.start):
        return True
    died = _DIED.match(text, q.end, min(end, q.end + 90))
    if died is None:
        return False
    between = text[q.end:died.end()]
    if _WOUNDED.search(between):
        return False  # "30 wounded and ... killed": the count is of the wounded
    return all(_AND.fullmatch(text, q.end, other.start) for other in inside
               if other is not q and q.end <= other.start < died.end())


#: One person named by a noun: "a man", "a young woman", "one soldier", "a 24-year-old taxi driver" (each counts 1).
_SINGLE: Final = re.compile(
    r"\b(?i:a|an|one)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:man|woman|boy|girl|child|civilian|citizen|soldier|policeman|policewoman|officer|fighter|member|commander|"
    r"person|farmer|student|teacher|journalist|activist|trader|villager|resident|worker|guard|militant|rebel|poet|"
    r"doctor|nurse|driver|shepherd|herder|herdsman|youth|teenager|infant|baby|leader|chief|imam|priest|pastor|"
    r"official|gendarme|ranger|businessman|businesswoman|motorcyclist|protester|demonstrator|suspect|pupil|"
    r"prisoner|inmate|miner|fisherman|hunter|politician|councillor|lawyer|judge|soldier)\b"
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
        if _PRIOR.search(text, max(start, m.start() - 100), m.start()):
            continue  # "protested the death of a student"
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
