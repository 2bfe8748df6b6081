"""What the article and the sentence make of an actor: its country, and what a crowd is doing.

- The article's country: the one its places and actors point to most (country names and capitals
  where something happens count most; adjectives and the home countries of named groups less).
  Generic actors ("police", "gunmen", "protesters") and state nouns ("the army", "the regime")
  take it when the text gives them none; a state's armed forces acting in another country are
  coded External/Other Forces, as ACLED codes them.
- What a crowd does: people of a social group ("students", "residents") are protesters when their
  sentence has them protest, rioters when it has them riot (burning tyres, barricades, stones,
  looting), attackers when they attack someone, and civilians otherwise. "Protesters" who riot are
  rioters; crowds that lynch a suspected thief are vigilantes; the unnamed armed men of a communal
  clash ("clashes over a land dispute") are communal militias.
"""

from __future__ import annotations

import re
from typing import Final

from ..knowledge.actors import KnowledgeBase
from ..regexgate import Gated
from .actors_mentions import Hit, Mention

__all__ = ["COMMUNAL", "HEADLINE_PASSIVE", "OBJECT_AFTER", "Cues", "Votes", "article_country", "article_votes",
           "crowd_context", "foreign", "harms_people", "is_agent", "protesting", "sentence_cues"]


def _alternatives(text: str) -> str:
    """A regex alternation from patterns written one after another, separated by "|"."""
    return "|".join(p.strip() for p in text.split("|") if p.strip())


_PROTEST: Final = Gated(re.compile(r"\b(?:" + _alternatives(r"""
    protest\w* | demonstrat\w* | (?<!\bin )(?<!\bof )(?<!\bearly )(?<!\blate )(?<!\bmid )march(?:ed|es|ing)?\b(?! \d) |
    rall(?:y|ied|ies|ying)\b | sit in | sit ins | (?<!\bair )(?<!\bdrone )(?<!\bmissile )strik(?:e|es|ing|ed)\b |
    went on strike | on strike | hunger strike | occup(?:y|ied|ying) |
    t(?:ook|ake) to the streets | to (?:express|voice|denounce|demand|condemn|decry) | grievances | disgruntled |
    angry over | angered | in solidarity | petition\w* | picket\w* | boycott\w* | chant\w* | placards? |
    walk(?:ed)? out | walkout | gather(?:ed|ing)? (?:outside|in front|at|to) | denounc\w* | demand(?:ed|ing|s)?\b |
    stag(?:ed|ing) a | marchers | demonstrators | protesters""") + ")"), folded=True)
_RIOT: Final = Gated(re.compile(r"\b(?:" + _alternatives(r"""
    riot\w* | tyres | tires | barricad\w* | road ?blocks? | pelt\w* | stones? | stoned | rocks | loot\w* | torch\w* |
    set (?:\w+ )?(?:on fire|ablaze|alight) | set fire | vandali[sz](?:ed|ing) | mob\b | lynch\w* |
    violent(?:ly)? (?:protest\w*|demonstrat\w*|riot\w*|clash\w*) | turned violent | became violent | ransack\w* |
    rampag\w* | petrol bombs? | molotov | storm(?:ed|ing) | running battles? | forcibly | tore down | torn down |
    took \w+ hostage | taking \w+ \w* ?hostage | clash(?:ed|es|ing)? | fight broke out | beat up | hurl\w* |
    thr(?:ew|ow|owing|own)\b | scuffles? | came to blows | arson\w* | destroy(?:ed|ing)\b | damag(?:ed|ing)\b |
    burn(?:ed|t|ing)?\b | smash\w* | stone throwing | destroy\w* | raid(?:ed|ing)\b | assault(?:ed|ing)\b |
    harass\w* | intimidat\w* | broke (?:into|down|a police|through) |
    attack(?:ed|ing) (?:a |the )?(?:taxi|bus|car|police|vehicles?|shops?|houses?|offices?) |
    block(?:ed|ing)? (?:\w+ ){0,3}(?:roads?|streets?|highways?|expressway|motorway|bridge|junction|routes?|entry|
    entries|access|railway|circulation|traffic)
    """) + ")"), folded=True)
_VERB: Final = re.compile(r"(?:\s+(?:(?:" + _alternatives(r"""
    have | has | had | reportedly | allegedly | also | then | later | again | who | which | that | suspected to have |
    began to | begun to | started to | continued to | went on to | proceeded to |
    armed with \w+(?: and \w+)? | (?:of|from|in) \w+ (?:village|town|community|township|settlement|district|area) |
    (?:in|of|from|at|near) (?:the )?(?:area|village|town|district|community) of \w+ |
    on [\w/]+ | in \w+ | from \w+ | of \w+ | riding \w+ |
    wearing [\w ]{1,30}?""") + r"),?\s+){0,4}?)?"
    r"\s*(?P<verb>" + _alternatives(r"""
    attack | kill | shot | shoot | raid | ambush | abduct | kidnap | hack | stab | behead | rap(?:e|ed|ing)\b | burn |
    torch | loot | invad | storm | clash | lynch | murder | massacr | slaughter | assault | beat | open(?:ed)? fire |
    fired | set fire | destroy | rob | rustl | stole | steal | bomb | detonat | launch | seiz | captur | overr |
    fought |
    fight | battl | shell | target | torture | executed | hijack | harass | threaten | attempt | tried | block |
    barricad | pelt | threw | vandali | disrupt | chased | expelled | evicted""") + ")")
_PASSIVE: Final = re.compile(r"\b(?:were|was|been|being|are|is|got)\s+(?:\w+\s+)?$")
#: "villagers reportedly killed near Beni": a hedge with no object after the verb reads as a passive headline.
_HEDGED: Final = re.compile(r"\b(?:reportedly|allegedly)\s+$")
#: What follows a verb that has an object ("killed two butchers", "shot and killed a farmer"): the verb is active.
OBJECT_AFTER: Final = re.compile(
    r"\w*\s+(?:and\s+\w+\s+)?(?:(?:at least|more than|over|about|nearly|some|up to)\s+)?(?:a|an|the|his|her|their|"
    r"its|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*|several|many|dozens|scores|hundreds|"
    r"[A-Z][\w'-]*|(?:civilians?|people|villagers?|residents?|farmers?|herders?|students?|protesters?|"
    r"demonstrators?|children|women|men|worshippers|traders?|passengers?|soldiers?|policem[ae]n)\b(?!\s+(?:were|was)\b))\b")
_BY_AFTER: Final = re.compile(r"\w*\s+(?:and \w+ )?by\b")
#: A participle that takes an object when active: with none after it, people "killed" or "wounded" suffered it.
_SUFFERED_VERB: Final = (r"(?:killed|shot|abducted|kidnapped|hacked|stabbed|beheaded|murdered|massacred|slaughtered|"
                         r"tortured|executed|beaten|injured|wounded)\b")
#: What follows such a participle when nothing was done to anyone after it: a comma, the end, a place or a time.
_NO_OBJECT: Final = (r"\s*(?:$|[,;.]|and (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|several|many|"
                     r"dozens|scores)|(?:in|during|near|on|after|when|while|following|overnight|outside|"
                     r"inside)\b|(?:about |some )?\d+\s*(?:km|kilomet|miles?\b)|(?:north|south|east|west)\w* of\b)")
#: A headline's passive after a noun: "3 children killed, 5 wounded in air raids", "two soldiers injured in an ambush".
HEADLINE_PASSIVE: Final = re.compile(r"\s+(?:\w+ly\s+)?" + _SUFFERED_VERB + _NO_OBJECT, re.IGNORECASE)
_BY: Final = re.compile(r"(?<!owned )(?<!run )(?<!operated )(?<!managed )\bby\s+(?:(?:alleged\s+|suspected\s+)?"
                        r"(?:members|elements|men|youths|fighters|gunmen|militiamen)\s+of\s+)?"
                        r"(?:(?:a|an|the)\s+(?:\w+\s+)?(?:group|gang|band|crowd|mob|number)\s+of\s+(?:about\s+\d+\s+)?)?"
                        r"(?:the\s+|a\s+|an\s+|some\s+|suspected\s+|unknown\s+|armed\s+)?$"
                        r"|\b(?:blamed|pinned)\s+on\s+(?:the\s+|suspected\s+)?$")
#: "Fulanis are responsible", "Dinka youths were behind the attack".
_RESPONSIBLE: Final = re.compile(r"\s+(?:are|were|is|was)\s+(?:(?:believed|said|thought|suspected|reportedly|allegedly|"
                                 r"likely)\s+(?:to\s+(?:be|have\s+been)\s+)?)?(?:responsible|to blame|behind)\b")


class Cues:
    """Where a sentence says people protest, riot or attack."""

    __slots__ = ("protest", "riot")

    def __init__(self, protest: list[int], riot: list[int]) -> None:
        self.protest = protest
        self.riot = riot


#: Words between a state noun and a protest word that make the protest someone else's: "killed by soldiers during a
#: protest", "police dispersed protests", "soldiers fired on demonstrating students".
_NOT_THEIRS: Final = (r"(?!(?:during|at|against|on|upon|to|of|near|outside|after|before|following|by|from|with|into|"
                      r"while|when|over|amid|a|an|the|their|its|any|all|dispers\w*|broke|break\w*|fir\w+|attack\w*|arrest\w*|"
                      r"shot|shoot\w*|beat\w*|tear\w*|block\w*|stop\w*|prevent\w*|bann?\w*|met|meet\w*|confront\w*|"
                      r"interven\w*|crack\w*|quell\w*|suppress\w*|charg\w*|clash\w*|kill\w*|injur\w*|wound\w*|"
                      r"detain\w*|repress\w*|guard\w*|monitor\w*|watch\w*|deploy\w*|sent|respond\w*|"
                      r"contain\w*|foil\w*|thwart\w*)\b)")
_PROTESTING: Final = re.compile(r"(?:\s+(?:" + _NOT_THEIRS + r"\w+\s+){0,3}?)(?:protest(?:ed|ing|s)?|"
                               r"demonstrat(?:ed|ing|e|es)\b|went on strike|"
                               r"staged (?:a |an )?(?:sit in|protest|demonstration|march|strike|rally)|"
                               r"(?<!\bin )march(?:ed)?\b(?! \d)|"
                               r"rall(?:ied|y)|downed tools|boycott\w*)\b")


#: Mob justice: a crowd that punishes someone it holds for a criminal or a witch.
VIGILANTE: Final = Gated(re.compile(r"\b(?:" + _alternatives(r"""
    lynch\w* | mob justice | jungle justice | instant justice | kangaroo court | vigilante\w* |
    took the law into (?:their|its) own hands | taking the law into (?:their|its) own hands |
    (?:suspected|alleged|accused|presumed) (?:\w+ )?(?:thie(?:f|ves)|robbers?|murderers?|criminals?|rapists?|
    witch(?:es)?|kidnappers?|killers?|burglars?|housebreakers?|carjackers?|cattle thie(?:f|ves)) | witch(?:es|craft)? |
    stealing | stole | stolen | murder suspects? | robbery suspects? | break ins | broken into |
    wanted by (?:the )?police |
    (?:accused|accusing|suspected|suspecting|suspect) (?:\w+ )?of (?:\w+ ){0,3}?(?:kill\w*|murder\w*|rap(?:e|ed|ing)|
    steal\w*|theft|thefts|robb\w*|witch\w*|carjack\w*|burglar\w*|break\w* in\w*|kidnap\w*|rustl\w*|thie(?:f|ves)|
    criminals?) |
    (?:a|an|two|three|four|five|several) (?:armed )?(?:thie(?:f|ves)|robbers?|criminals?|housebreakers?|
    burglars?)""") + ")"), folded=True)


#: A fight between communities: its unnamed armed men are communal militias.
COMMUNAL: Final = Gated(re.compile(
    r"\b(?:(?:inter ?communal|communal|inter ?ethnic|ethnic|inter ?tribal|tribal|inter ?clan|clan) "
    r"(?:clash|violence|fight|conflict|tension|attack|feud|dispute|militia|war|hostilit|skirmish|raid|reprisal)"
    r"|(?:farm ?)?(?:land|boundary|border|chieftaincy|chieftancy|grazing|water) "
    r"(?:dispute|conflict|row|tussle|issue|crisis)"
    r"|farmers and herders|herders and farmers|communities (?:clash|fight|attack)\w*"
    r"|(?:communal|ethnic|tribal|rival) (?:groups|communities|clans|tribes) (?:clash|fight|attack)\w*"
    r"|(?:clash\w*|fight\w*|violence|dispute|conflict|feud) (?:\w+ )?between (?:rival |two )?"
    r"(?:communal|ethnic|tribal) groups"
    r"|(?:clash\w*|fight\w*|attacks|violence|dispute|conflict|feud) between (?:[\w'-]+ ){1,4}?(?:and|&) "
    r"(?:[\w'-]+ ){1,4}?(?:communities|villages|clans|tribes|families|people)\b)"), folded=True)


def protesting(folded: str, m: Mention) -> bool:
    """ "Soldiers protest unpaid salaries": state personnel who protest are protesters."""
    return _PROTESTING.match(folded, m.end) is not None


def sentence_cues(folded: str, lo: int, hi: int) -> Cues:
    protest = [m.start() for m in _PROTEST.finditer(folded, lo, hi)]
    return Cues(protest, [m.start() for m in _RIOT.finditer(folded, lo, hi)])


_BETWEEN: Final = re.compile(r"\b(?:clash(?:es|ed)?|fight(?:ing|s)?|violence|battles?|skirmish(?:es)?|confrontations?|"
                             r"feud|dispute|hostilities|conflicts?|fracas|gunfights?|war) (?:\w+ ){0,2}between\b"
                             r"(?:(?! and )[^.;]){0,60}(?: and (?:the )?)?$")


def is_agent(folded: str, m: Mention, hi: int) -> bool:
    """Whether the sentence has the mention do something violent to someone ("gunmen attacked",
    "killed by bandits", "clashes between herders and farmers"), not suffer it ("civilians were
    killed")."""
    if _BY.search(folded, max(0, m.start - 40), m.start):
        return True
    if _BETWEEN.search(folded, max(0, m.start - 90), m.start) or _RESPONSIBLE.match(folded, m.end):
        return True
    window = folded[m.end:min(hi, m.end + 90)]
    cut = re.search(r"[.;:]|\bwho (?:were|was)\b", window)
    if cut is not None:
        window = window[:cut.start()]
    verb = _VERB.match(window)
    if verb is None or _BY_AFTER.match(window, verb.end("verb")):
        return False  # "students killed by air raids"
    before = window[:verb.start("verb")]
    if _HEDGED.search(before) and not OBJECT_AFTER.match(window, verb.end("verb")):
        return False
    if HEADLINE_PASSIVE.match(window):
        return False  # "3 children killed, 5 wounded in air raids": a headline's passive
    return _PASSIVE.search(before) is None


#: Violence done to people, not to property or in a street fight: what a party's men do as its militia.
_HARM_VERB: Final = re.compile(r"(?:attack|kill|shot|shoot|ambush|abduct|kidnap|hack|stab|behead|rap|lynch|murder|raid|"
                               r"massacr|slaughter|assault|beat|open(?:ed)? fire|fired|torture)")
_HARM_WORDS: Final = re.compile(r"\b(?:attack\w*|assault\w*|kill\w*|murder\w*|beat(?:en|ing)?|stabb\w*|hack\w*|"
                                r"shot|abduct\w*|kidnap\w*)\b")
#: The state's forces in a sentence: a party's men who fight them riot.
_STATE_WORDS: Final = re.compile(r"\b(?:police\w*|soldiers|troops|army|military|gendarm\w*|security forces|"
                                 r"security agents|authorities)\b")
#: The party's people after its name: "EFF and ANC members", "Zanu-PF member".
_MEMBERS: Final = re.compile(r"(?: and [\w-]+)?(?: party)? (?:members?|supporters?|activists?|cadres?|youths?|"
                             r"loyalists?|militants?|thugs|m[ae]n|gunm[ae]n|fighters?)\b")


def harms_people(folded: str, m: Mention, lo: int, hi: int) -> bool:
    """Whether the sentence has the mention do violence to people other than the state's forces: "ANC supporters
    assaulted a civilian", "an attack by ANC members" (its men are then the party's militia, not rioters). A clash
    between two parties' supporters is no such thing: ACLED codes it either way."""
    if _STATE_WORDS.search(folded, lo, hi):
        return False
    if _BY.search(folded, max(0, m.start - 40), m.start):
        return _HARM_WORDS.search(folded, lo, hi) is not None
    members = _MEMBERS.match(folded, m.end, hi)
    end = members.end() if members is not None else m.end
    window = folded[end:min(hi, end + 90)]
    verb = _VERB.match(window)
    if verb is None or _HARM_VERB.match(verb.group("verb")) is None or _BY_AFTER.match(window, verb.end("verb")):
        return False
    return _PASSIVE.search(window[:verb.start("verb")]) is None


def crowd_context(cues: Cues, m: Mention, agent: bool, others: list[int] | None = None,
                  victim: bool = False) -> str | None:
    """protest, riot, attack or None for a crowd mention, from its sentence's cues. A cue after
    another actor that stands between the crowd and the cue ("... policemen who beat") is that
    actor's, not the crowd's (``others``: where the sentence's other actors start)."""
    stop = min((o for o in others or [] if o > m.end), default=1 << 62)  # only actors that a clause follows
    riot_after = any(m.end <= p < stop for p in cues.riot)
    protest_after = any(p >= m.end for p in cues.protest) or any(m.start - 30 <= p < m.start for p in cues.protest)
    if riot_after and not victim:
        return "riot"
    if protest_after:
        return "riot" if cues.riot and cues.protest and min(cues.riot) > m.end else "protest"
    if riot_after and agent:
        return "riot"
    if agent:
        return "attack"
    return None


Votes = dict[str, float]


def article_votes(kb: KnowledgeBase, view: str, hits: list[Hit], mentions: list[Mention],
                  places: list[str]) -> Votes:
    """How strongly the article points to each country."""
    from .actors_mentions import _locative

    votes: Votes = {}
    for h in hits:
        for t in h.targets:
            if t.kind in {"country", "capital"}:
                votes[t.ref] = votes.get(t.ref, 0.0) + (2.0 if _locative(view, h.start, destination=False) else 1.0)
                break
            if t.kind == "adjective":
                votes[t.ref] = votes.get(t.ref, 0.0) + 0.5
                break
    for m in mentions:
        e = m.entry
        # a movement with branches abroad (the Islamic State) says nothing of where the article is set
        if e is not None and not e.generic and not e.branch and e.countries and not kb.has_branches(e):
            votes[e.countries[0]] = votes.get(e.countries[0], 0.0) + 1.0
            for other in e.countries[1:]:
                votes[other] = votes.get(other, 0.0) + 0.25
    for iso3 in places:
        votes[iso3] = votes.get(iso3, 0.0) + 2.0
    return votes


def _best(votes: Votes) -> tuple[str, float]:
    return max(votes.items(), key=lambda kv: kv[1])


def article_country(votes: Votes) -> str | None:
    """The country an article is about, or None when nothing points to one."""
    if not votes:
        return None
    best, weight = _best(votes)
    return best if weight >= 1.0 else None


def foreign(votes: Votes, iso3: str | None) -> bool:
    """Whether a state's forces act outside their country: the article is clearly set elsewhere."""
    if not votes or iso3 is None:
        return False
    best, weight = _best(votes)
    return best != iso3 and weight >= 3.0 and votes.get(iso3, 0.0) <= weight / 3
