"""Event typing: which ACLED sub-event type (and PLOVER type) a sentence reports, if any.

Knowledge-driven: each sub-event type has trigger patterns with weights (``_TRIGGERS``); a
sentence's score for a type is the sum of the weights of its triggers that fire. The best-scoring
type wins when it reaches :data:`MIN_SCORE`; on a tie, the more specific type (earlier in
:data:`SubEventType` order of specificity, ``_PRIORITY``) wins: a suicide bombing is also an
explosion and an attack. Cues of what is not political violence (disasters, accidents, ordinary
crime, diplomacy, a claim of responsibility alone) veto weak evidence, never a protest. In a
sentence about a protest, words in what the protest is about or what came before it ("protested
against the killing of", "who was arrested", :func:`grievances`), and harm told after the protest's
own words ("marched to protest the rape and murder of"), count for no other type. Shelling or air
strikes with fighting on the ground, an aircraft fired on and a suicide bomber stopped are battles. The
returned confidence is the winning score squashed to 0..1 and lowered by the runner-up's.
"""

from __future__ import annotations

import hashlib
import math
import re
from typing import Any, Final, NamedTuple

from ..models import Doc, Event, Span
from ..regexgate import Gates
from ..regexgate import needles as required_needles
from ..vocab import PloverType, SubEventType

__all__ = ["MIN_SCORE", "NO_VIOLENCE", "PLANTED_BOMB", "TERRITORY_GAIN", "Typed", "event_id", "grievances", "held_for", "plover_for",
           "type_sentence"]

S = SubEventType
MIN_SCORE: Final = 1.0


class Typed(NamedTuple):
    sub_event_type: SubEventType
    plover_type: PloverType
    confidence: float
    trigger_start: int  # the offset of the strongest trigger, in the text given
    trigger_end: int
    fired: frozenset[SubEventType] = frozenset()  # every type whose triggers fired in the sentence


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: No fighting told: "no violence reported", "without any violence", "no reported violence" (a place taken so changed
#: hands without a battle).
NO_VIOLENCE: Final = _p(r"\b(?:(?:no|without(?: any)?) (?:reported |known )?(?:violence|fighting|clashes|resistance)"
                        r"(?: (?:was|were|has been|had been) (?:reported|recorded))?|no (?:violence|fighting|clashes) "
                        r"(?:was |were )?reported)\b")

#: People killed in the taking of a place: no non-violent transfer ("retook Boni, killing 2 of the assailants").
_DEATHS_TOLD: Final = _p(r"\b(?:kill(?:ed|ing)|dead|died)\b")


#: Patterns tried only when the lower-cased sentence contains one of their words: most sentences contain none, and a
#: substring test is far cheaper than a long alternation (the typer must stay fast).
_GATES: Final[dict[re.Pattern[str], tuple[str, ...]]] = {}


#: Control taken of what is no territory: "take control of services", "took control of the situation".
_NOT_TERRITORY: Final = (r"(?! of (?:the )?(?:services|utilities|operations|situation|fires?|blaze|company|companies|"
                         r"economy|budget|party|parliament|debate|narrative|game|match|ball)\b)")


def _gated(needles: tuple[str, ...], pattern: str) -> re.Pattern[str]:
    compiled = _p(pattern)
    _GATES[compiled] = needles
    return compiled


_WEAPONS: Final = (r"(?:weapons|arms|firearms|ammunitions?|rifles|guns|pistols|explosives|(?:anti-tank |land)?mines?|"
                   r"(?:explosive|incendiary) devices?|ieds?|bombs?|drones|grenades|rounds|bullets|munitions|caches?|stash|depots?|"
                   r"kalashnikovs|magazines|missiles|rockets|detonators|weaponry|arsenals?|ammos?|ak-47s?|rpgs?|"
                   r"explosive (?:materials?|substances?))")


#: A march, not the month: "March" is the month unless it is followed by where or against what people marched and
#: no date word is next to it ("on 26 March", "in March", "March 3").
_MARCH: Final = (r"(?-i:march(?:ed|es|ers|ing)?|March(?:ed|es|ers|ing)|MARCH(?:ED|ES|ERS|ING)?)|"
                 r"(?<!\d )(?<!\bin )(?<!\bon )(?<!\bof )(?<!\bby )(?<!since )(?<!until )(?<!early )(?<!late )"
                 r"(?<!mid-)(?<!from )(?<!\bto )(?<!and )(?-i:March)(?= (?:in|on|to|against|through|for|towards|over)\b)"
                 r"(?! (?:on|in|to|for) \d)")

#: People an assault or a shooting is done to (the noun may follow up to three words: "a 29-year-old MDC-T activist").
_PEOPLE: Final = (r"(?:(?:[\w'-]+ ){0,3}?(?:civilians?|people|persons?|students?|pupils?|protesters?|demonstrators?|"
                  r"journalists?|reporters?|activists?|supporters?|members?|residents?|villagers?|traders?|farmers?|"
                  r"herders?|workers?|wom[ae]n|m[ae]n|boys?|girls?|child(?:ren)?|teenagers?|youths?|prisoners?|"
                  r"detainees?|suspects?|officials?|officers?|policem[ae]n|soldiers?|leaders?|chiefs?|candidates?|"
                  r"voters?|passers-by|motorists?|drivers?|worshippers?|mayor|councillors?|teachers?|nurses?|doctors?|"
                  r"lawyers?|priests?|pastors?|imams?|vendors?|idps|displaced|agents?|refugees|migrants?|tourists?|"
                  r"foreigners?|passengers?|pedestrians?|employees?|staff|thie(?:f|ves)|robbers?|criminals?|comrades?|"
                  r"colleagues?)|"
                  r"him|her|them)")

#: After a name: not the name of people ("liberated a Yazidi woman", "captured Boko Haram fighters" free or take
#: people, not a place).
_NOT_PEOPLE: Final = (r"(?![\w-]*(?: (?-i:[A-Z])[\w-]*){0,2} (?:wom[ae]n|girls?|boys?|child(?:ren)?|hostages?|captives?|"
                      r"prisoners?|m[ae]n|people|civilians|famil(?:y|ies)|soldiers?|fighters?|militants?|members?|"
                      r"commanders?|leaders?|nationals?|citizens?|workers?)\b)")

#: The weight of a body of people's demand read as a protest: below a killing's or an arrest's, and unlike a
#: protest's own words it says nothing of what else the sentence tells (see :func:`type_sentence`).
_DEMAND_WEIGHT: Final = 1.1

# (sub-event type, pattern, weight). Patterns match lower- or upper-case text.
_TRIGGERS: Final[tuple[tuple[SubEventType, re.Pattern[str], float], ...]] = (
    (S.CHEMICAL_WEAPON, _p(r"\b(?:chemical (?:weapons?|attacks?|agents?)(?! (?:facilit|stockpile|program|depot|site|plant)\w*)|"
                           r"chlorine|sarin|mustard gas|nerve agent|poison(?:ous)? (?:gas|chemicals?)|toxic gas|gas attack|"
                           r"suffocat\w+)\b"), 2.8),
    (S.SUICIDE_BOMB, _p(r"\bsuicide[- ](?:bomb\w*|attack\w*|car|vest|blast|truck)|\bblew (?:himself|herself|themselves) up\b|"
                        r"\bsuicide bombers?\b"), 3.0),
    (S.GRENADE, _p(r"\bg(?<!propelled g)(?<!stun g)(?<!smoke g)(?<!gas g)(?<!sound g)renades?\b"), 2.5),
    (S.REMOTE_EXPLOSIVE_LANDMINE_IED, _p(r"\b(?:ieds?|improvised explosive|roadside bomb|car bomb|remote[- ]controlled (?:[\w-]+ )?(?:explosion|blast|bomb|device|explosives?)|landmines?|land mines?|(?:ground|anti-tank|anti-personnel|"
                                         r"anti-vehicle) mines?|(?:hit|struck|stepped on|ran over) (?:a|an) (?:\w+ )?mine|"
                                         r"mines? (?:blast|explo\w+|laid|planted|buried)|(?:killed|wounded|injured|hit) by (?:a |an )?(?:land)?mines?|"
                                         r"explosive charges?|booby[- ]trap\w*|explosive devices?|bomb (?:blast|exploded|went off|explosion)|"
                                         r"bombs? (?:placed|planted|hidden)|planted (?:a|an) (?:bomb|explosive)|"
                                         r"vehicle[- ]borne|detonat\w+|blasts?|explosions?|explod(?:ed|es|ing)|(?<!petrol )(?<!petrol-)bomb(?:s|ing|ings)?(?![- ]?(?:makers?|making|experts?|squads?|disposal|factor(?:y|ies)|threats?|scares?|hoax(?:es)?))|"
                                         r"(?:devices?|bombs|explosives|charges?|packages?|parcels?) (?:had |has |have )?(?:went|gone|goes|go) off)\b"), 1.6),
    (S.AIR_DRONE_STRIKE, _gated(("air", "aerial", "warplane", "jet", "helicopter", "chopper", "drone", "bomb", "barrel", "strike", "raid", "missile"), r"\b(?:air ?strikes?|air raids?|aerial (?:bombardments?|attacks?|strikes?|raids?)|"
                            r"air (?:attacks?|assaults?|bombings?|bombardments?)|warplanes?|choppers?|"
                            r"fighter jets?|(?:jets?|drones?|aircraft|warplanes?) (?:bombed|struck|pounded|hit|fired|launched|targeted|attacked|destroyed|carried out|conducted)|helicopter gunships?|drones? (?:strikes?|attacks?)|"
                            r"bombed from the air|(?:by|with|using) (?:\d+ |several |two |three |four |five |six )?(?:military )?(?:aircraft|warplanes|helicopters)|barrel bombs?|explosive barrels?|(?<!to-)air missiles?|airstrike|"
                            r"(?:coalition|russian|american|u\.?s\.?(?:-led)?|israeli|turkish|syrian|regime|saudi(?:-led)?|"
                            r"government|iraqi|allied|french|british) (?:\w+ )?(?:strikes?|raids?|bombing)|"
                            r"strikes? (?:kill\w*|hit\w*|target\w*|pound\w*)|bombing raids?)\b"), 2.6),
    (S.AIR_DRONE_STRIKE, _p(r"\b(?<!petrol-)(?<!petrol )(?<!fire-)bombed\b"), 1.7),
    # an aircraft named alone: a strike only with nothing to say otherwise ("a drone captured footage of the
    # landslides", "the victims of a helicopter crash")
    (S.AIR_DRONE_STRIKE, _gated(("drone", "helicopter", "air force", "airforce"),
                                r"\b(?:drone|(?<!in the )(?<!from the )(?<!joined the )(?<!with the )air ?forces?"
                                r"(?! (?:veterans?|academy|base|reserves?|officers?|one|band|museum|association|"
                                r"pilots?|careers?|retirees?|colonel|general|sergeant)\b)|helicopters?)\b"), 2.0),
    # a headline's or a note's present tense, the bombers named before it: "Russian jets bomb Aleppo", "SAF bomb Tujur"
    (S.AIR_DRONE_STRIKE, _gated(("bomb",), r"\b(?:SAF|SAAF|army|military|regime|government|troops|forces|warplanes?|planes?|jets?|aircraft)\s+bombs?\s+(?:the\s+)?(?:(?-i:[A-Z])|rebel|village|town|area|position|camp|base|hideout)"), 1.7),
    (S.SHELLING_ARTILLERY_MISSILE_ATTACK, _p(r"\b(?:shell(?:ing|ed|s)?|shelled|artillery|mortars?|rockets?|missiles?|"
                                             r"katyusha|howitzers?|tank (?:fire|shells)|bombard\w*|rocket-propelled grenades?)\b"), 2.0),
    (S.SHELLING_ARTILLERY_MISSILE_ATTACK, _p(r"\b(?:target(?:s|ed|ing)?|bombardment)\b"), 1.1),
    # the projectile is what was fired ("rockets were fired at the camp", "fired mortar rounds at"): not a gunman's shot
    (S.SHELLING_ARTILLERY_MISSILE_ATTACK, _gated(("fire", "firing"), r"\b(?:(?:rockets?|mortars?|mortar (?:rounds|shells|bombs)|"
                                                 r"shells|missiles?|projectiles) (?:\w+ ){0,2}?(?:were|was|been|being) "
                                                 r"(?:\w+ )?fired|(?<!jets )(?<!jet )(?<!planes )(?<!drones )(?<!drone )"
                                                 r"(?<!aircraft )(?<!helicopters )(?<!warplanes )(?<!gunships )"
                                                 r"fir(?:ed|es|ing) (?:\w+ ){0,2}?(?:rockets?|mortars?|"
                                                 r"shells|missiles?|projectiles))\b"), 2.5),
    (S.SEXUAL_VIOLENCE, _p(r"\b(?:(?<!anti-)rap(?:e|ed|es|ing|ists?)|sexual(?:ly)? (?:assault\w*|abus\w+|violence|slavery|exploit\w*)|"
                           r"molest\w*|gang-rap\w+)\b"), 3.0),
    (S.ABDUCTION_FORCED_DISAPPEARANCE, _p(r"\b(?:abduct\w*|kidnap\w*|hostages?|taken captive|forcibly disappeared|"
                                          r"enforced disappearance|(?:went|go|goes|gone) (?:\W)?missing|seized (?:\w+ )?(?:people|civilians|villagers|workers)|"
                                          r"(?:was|were) (?:seized|taken|snatched) (?:away )?from (?:his|her|their) (?:homes?|houses?|compounds?)|"
                                          r"seized (?:\w+ ){1,5}?from (?:his|her|their) (?:homes?|houses?|compounds?)|"
                                          r"took (?:the |two |three |\d+ )?(?:drivers|passengers|men|women|villagers|people|them|him|her) away)\b"), 2.6),
    (S.ARRESTS, _p(r"\b(?:arrest\w*|detain\w*|detention|apprehend\w*|taken into custody|rounded up|custody|"
                   r"held for questioning|nabbed)\b"), 2.2),
    (S.ARRESTS, _gated(("intercept",), r"\bintercept(?:ed|s|ing)\b"), 1.6),  # people stopped on their way
    (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, _p(r"\b(?:(?:fired|opened fire|shot) (?:live (?:rounds|ammunition) )?(?:on|at|into) "
                                              r"(?:the )?(?:protesters|protestors|demonstrators|crowds?|marchers)|"
                                              r"(?:killed|shot dead|massacred) (?:\w+ )?(?:protesters|protestors|demonstrators)|"
                                              r"violently (?:suppress|dispers|crush)\w*|"
                                              r"crackdown on (?:\w+ )?protest\w*|stormed (?:a |the )?(?:protest|sit-in))"), 3.2),
    (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, _p(r"\blive (?:rounds|ammunition|bullets)\b"), 1.5),
    (S.PROTEST_WITH_INTERVENTION, _p(r"\b(?:tear[- ]?gas(?:sed|sing)?|(?:stun|smoke|sound) grenades?|water cannons?|rubber bullets|pepper[- ]spray\w*|dispers\w+|"
                                     r"baton[- ]charg\w+|batons?|broke up|suppressed|detained (?:\w+ )?(?:protesters|demonstrators)|"
                                     r"unauthori[sz]ed (?:rally|protest|demonstration)|banned (?:rally|protest|march))\b"), 1.6),
    (S.VIOLENT_DEMONSTRATION, _p(r"\b(?:(?<!anti-)riot(?!\w* (?:police|squads?|gear|units?|control|officers|troops))\w*|turned violent|violent (?:protest|demonstration)\w*|threw (?:stones|rocks|"
                                 r"petrol bombs|molotov)|stone[- ]pelt\w*|pelted|torched|set (?:fire|ablaze)|hurled (?:stones|rocks)|"
                                 r"(?:thr[eo]w\w*|hurl\w*|lob\w*|fir(?:e|es|ed|ing)|launch\w*) (?:\w+ )?firecrackers|firecrackers (?:at|against)|vandali[sz]\w+|(?<!behind )(?<!behind the )(?<!behind police )barricad\w+|(?:set up|erect\w*|mount\w*|put up) (?:\w+ )?road ?blocks|road ?blocks (?:continu\w+|remain\w*)|burn(?:ed|ing|t) (?:tyres|tires))\b"), 2.0),
    (S.MOB_VIOLENCE, _p(r"\b(?:mobs?|lynch\w*|angry (?:crowd|villagers|residents)|mob justice|"
                        r"(?:villagers|communities|residents|groups) clashed|jungle justice)\b"), 2.6),
    (S.PEACEFUL_PROTEST, _p(r"\b(?:protest(?!ant)(?! (?:leaders?|organi[sz]ers?)\b)\w*|demonstrat(?:ion|ions|ors|(?:ed|e|es|ing)(?! (?:that|how|what|why)\b))|"
                            r"rall(?:y|ies|ied)|" + _MARCH + r"|"
                            r"sit-ins?|strike action|went on strike|picket\w*|vigils?|boycott\w*|chant\w*|placards|human chains?|"
                            r"brought (?:\w+ ){0,4}to a (?:standstill|halt))\b"), 1.5),
    (S.PEACEFUL_PROTEST, _gated(("strike", "stay", "shutdown", "sit-in", "walk", "street", "road", "route", "highway", "access", "railway", "bridge", "entrance", "occupied", "stormed", "gathered", "immolat", "himself", "herself", "themselves", "petition",
                                "obstruct", "block"), r"\b(?:(?:went|go|goes|gone|are|were|is|remain\w*|still|workers|staff) on (?:a |an )?(?:[\w-]+ ){0,2}strike|"
                            r"(?:general|hunger|indefinite|nationwide|national|sit-down|labou?r|teachers'?|workers'?|doctors'?|\d+h|"
                            r"\d+[- ]hours?|\d+[- ]days?|(?:one|two|three|four|five)[- ]days?|day-long|week-long|\W?dead city\W?) strikes?|"
                            r"(?:launched|began|begin|called|declared|staged|started|continu\w+|hold|held|holding|observe\w*) (?:a |an |their |the )?"
                            r"(?:\W?[\w-]+\W? ){0,3}strikes?|strik(?:e|es|ed|ing) (?:workers|teachers|doctors|nurses|miners|drivers|students)|"
                            r"(?:workers|teachers|doctors|nurses|miners|drivers|students|staff|employees|unions?) (?:\w+ )?strike|"
                            r"strikes? by (?:[\w-]+ ){0,3}(?:workers|teachers|doctors|nurses|miners|drivers|students|staff|"
                            r"employees|unions?|lecturers|pilots|traders|transporters|farmers|magistrates|judges|"
                            r"lawyers|pharmacists|cleaners)|"
                            r"stay-?aways?|shutdowns?|sit-ins?|walk-?outs?|took to the streets|take to the streets|"
                            r"(?:blocked|block|blocking|blockaded|barricaded|closed|closing|shut) (?:off |down )?(?:the |a |all )?(?:[\w-]+ ){0,3}"
                            r"(?:roads?|route|highway|streets?|entrances?|access|railways?|bridge)|"
                            r"occupied (?:the |a )?(?:\w+ ){0,2}(?:offices?|premises|building|town hall|headquarters|hall|square)|"
                            r"stormed (?:the |a )?(?:\w+ ){0,2}(?:offices?|premises|ministry|town hall|headquarters|parliament)|"
                            r"gathered (?:in front of|outside|at|to (?:demand|denounce|protest|call|express|condemn))|"
                            r"gathered (?:[\w'-]+ ){1,8}?to (?:demand|denounce|protest|call for|express|condemn|reject|"
                            r"voice|press for)|"
                            r"self-immolat\w+|set(?:s|ting)? (?:himself|herself|themselves) (?:on fire|ablaze)|petitioned|"
                            r"on (?:a |an )?(?:(?!(?:air|drone|missile|aerial|military)\b)[\w-]+ ){0,2}strike|"
                            r"(?:interrupt|suspend|end|join|call(?:ed|s|ing)? off|resum)\w* (?:their|the|a|an) "
                            r"(?:(?!(?:air|drone|missile|aerial|military)\b)[\w-]+ )?strike|"
                            r"(?:blocked|obstructed|blocking|obstructing) (?:the )?(?:circulation|traffic|movement)|"
                            r"stormed (?:a |the )?(?:[\w-]+ ){0,2}(?:meeting|workshop|session|conference))\b"), 1.5),
    # a stand, a camp or a disruption held by a crowd: "organised a stand of solidarity", "pitched camp at the police
    # station", "set up tents outside the company's headquarters", "stormed the building, disrupting a workshop"
    (S.PEACEFUL_PROTEST, _gated(("stand", "camp", "tents", "disrupt", "stormed"),
                                r"\b(?:(?:solidarity|protest) stands?|stands? of (?:solidarity|protest)|"
                                r"(?:pitched|set up|erected|put up) (?:\w+ )?tents (?:outside|in front of|at|near|on)|"
                                r"pitched camp (?:outside|in front of|at)|camp(?:ed|ing) (?:out )?(?:outside|in front of)|"
                                r"disrupt(?:ed|ing|s)? (?:a |an |the )?(?:[\w-]+ ){0,3}(?:meeting|workshop|session|"
                                r"conference|ceremony|speech|launch|hearing|rally)|"
                                r"stormed (?:a |the )?(?:[\w'-]+ ){0,4}(?:building|campus|compound|court|courthouse|"
                                r"council|municipality|secretariat|assembly|legislature|exchange))\b"), 1.5),
    # unrest told as news, not as a backdrop ("unrest was reported in Kasserine", not "amid political unrest")
    (S.VIOLENT_DEMONSTRATION, _gated(("unrest",), r"\bunrest (?:was|were|has been|had been|is|erupted|broke out|"
                                                  r"continued|continues|spread|flared|hit|rocked|gripped)\b"), 1.5),
    # a body of people that demanded, called for or walked in support of something: a protest, weakly (a killing or
    # an arrest told in the same sentence outweighs it)
    (S.PEACEFUL_PROTEST, _gated(("demand", "call", "walk", "march", "gather", "assembl", "converg", "denounc", "decry",
                                 "press for"),
                                r"\b(?:workers|employees|staff|students|residents|supporters|members|activists|"
                                r"youths|traders|vendors|drivers|farmers|teachers|nurses|doctors|villagers|people|"
                                r"inmates|prisoners|pensioners|unemployed|citizens|women|retirees|miners|graduates)"
                                r"(?: (?!(?:who|which|that|and|said|say|says|have|has|had|were|was)\b)[\w'-]+){0,14}? "
                                r"(?:demanded|demanding|(?:to )?demand|called for|calling for|(?:to )?call for|walked|"
                                r"marched|gathered|assembled|converged|(?:to )?(?:denounce|decry|press for)|denouncing|"
                                r"decrying)\b(?! "
                                r"(?:away|out|home)\b)"), _DEMAND_WEIGHT),
    (S.GOVERNMENT_REGAINS_TERRITORY, _p(r"\b(?:recaptur\w+|retook|retaken|retake|regain\w*|(?:reclaim\w*|liberat(?:ed|es|ing|ion of)) (?:the |a )?(?:\w+ )?(?:town|city|village|area|district|region|territory|base|(?-i:[A-Z])\w*" + _NOT_PEOPLE + r")|"
                                        r"recover(?:ed|y) "
                                        r"(?:control|the)|clear(?:ed)? (?:the )?(?:area|town|city|village)s? of)\b"), 2.4),
    (S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, _p(r"\b(?:seiz(?:ed|e|es|ing) (?:control|the (?:town|city|village|base|district|area))|"
                                               r"(?:took|take|taken|gained|gain|seized|wrested) (?:full )?control" +
                                               _NOT_TERRITORY + r"|overr(?:an|un)|captur(?:ed|e) "
                                               r"(?:the )?(?:town|city|village|base|district|area|territory)|fell to|fall of)\b"), 2.2),
    (S.NON_VIOLENT_TRANSFER_OF_TERRITORY, _p(r"\b(?:withdr(?:ew|awn|aw|awal)|pull(?:ed)? out|evacuat(?:ed|ion) deal|handed (?:over|control)|"
                                             r"handed (?:\w+ )?(?:authority|control|power) (?:over )?(?:of|to|over)|handover of|"
                                             r"(?:not|no|without) (?:encounter\w*|met|meet\w*|fac\w+) (?:any |much )?resistance|"
                                             r"without (?:a fight|resistance)|unopposed|left (?:their|the) (?:last )?(?:bastion|stronghold|positions?|area|town|village|city|base)|(?:army|troops|soldiers|forces|police|militants|rebels|fighters) (?:had )?left it|"
                                             r"began leaving|convoy of .{0,40}(?:left|quit)|quit \w+ .{0,30}with their families)\b"), 2.2),
    (S.AGREEMENT, _p(r"\b(?:agree(?:d|ment|s)?|ceasefire|cease-fire|truce|cessation of hostilities|peace (?:deal|accord|agreement|talks)|signed|accord|"
                     r"deal to|reached a deal|prisoner (?:swap|exchange)|released (?:\w+ )?(?:prisoners|detainees|hostages))\b"), 1.6),
    (S.HEADQUARTERS_OR_BASE_ESTABLISHED, _p(r"\b(?:(?:set up|established?|establishing|built|opened|deployed) (?:a |an |the |its |their |new |)"
                                            r"(?:(?!fire\b)[\w-]+ ){0,4}?(?:military )?(?:base|bases|headquarters|outposts?|observation (?:point|post)s?|"
                                            r"checkpoints?|camps?|barracks|(?:military|army|command) posts?|positions)|observation posts?)\b"), 2.8),
    (S.DISRUPTED_WEAPONS_USE, _p(r"\b(?:defus\w+|dismantl\w+|intercept\w+ (?:(?:a|an|the|two|three|several|\d+) )?(?:[\w-]+ )?(?:missiles?|"
                                 r"rockets?|drones?|projectiles?|shipments?|consignments?|cargo)|"
                                 r"(?:missiles?|rockets?|drones?|projectiles?) (?:\w+ )?(?:was|were) intercepted|shot down (?:(?:a|an|the|two|three|several|\d+) )?(?:[\w-]+ ){0,2}"
                                 r"(?:drones?|aircraft|(?:war)?planes?|helicopters?|jets?|missiles?|rockets?|projectiles?|uavs?)\b|"
                                 r"(?:drones?|aircraft|(?:war)?planes?|helicopters?|jets?|missiles?|rockets?|projectiles?|uavs?) "
                                 r"(?:\w+ ){0,2}(?:was|were|been) shot down|seiz(?:ed|ure) (?:of )?(?:\w+ ){0,3}(?:weapons|arms|"
                                 r"ammunition|explosives|firearms|rifles|guns|rockets)|weapons? caches?|arms caches?|cache of|"
                                 r"destroyed (?:\w+ ){0,3}(?:weapons|explosives|ieds|rockets|machine guns)|recovered (?:\w+ ){0,3}"
                                 r"(?:weapons|explosives|arms|ammunition)|bomb disposal|foiled|thwarted|neutrali[sz]ed (?:a|an|the) "
                                 r"(?:bomb|explosive|device)|(?<!remote-)(?<!remote )controlled (?:explosion|detonation)|(?:later |safely )?detonated by "
                                 r"(?:the )?(?:police|army|troops|soldiers|security forces|experts|sappers|bomb squad)|"
                                 r"(?:police|troops|soldiers|security forces|army|experts|sappers|military|forces) (?:\w+ ){0,2}?"
                                 r"detonated (?:(?:a|an|the|two|three|four|several|\d+) )?(?:[\w-]+ )?(?:bombs?|ieds?|mines?|"
                                 r"explosive devices?|devices?)|bombs? (?:\w+ ){0,2}(?:was|were) (?:discovered|found|defused|"
                                 r"uncovered)|(?:discovered|found|uncovered|encountered) and (?:destroyed|detonated|defused) "
                                 r"(?:(?:a|an|the|two|three|four|several|\d+) )?(?:[\w-]+ )?(?:bombs?|ieds?|mines?|explosive "
                                 r"devices?|devices?))"), 2.6),
    (S.DISRUPTED_WEAPONS_USE, _gated(("weapon", "arms", "firearm", "ammunition", "rifle", "gun", "pistol", "explosive", "mine", "ied", "device", "grenade", "round", "bullet", "munition", "cache", "stash", "depot", "kalashnikov", "magazine", "missile", "rocket", "detonator"), r"\b(?:(?:seiz\w*|found|discover\w*|captur\w*|recover\w*|destroy\w*|clear(?:ed|ing)|confiscat\w*|encounter\w*|"
                                 r"intercept\w*|uncover\w*|unearth\w*|defus\w*) (?:(?!(?:who|which|that|whose|with|using|by|after|during|when)\b)"
                                 r"[\w,'-]+ ){0,12}?" + _WEAPONS + r"|" + _WEAPONS +
                                 r"\b[^.;]{0,100}?\b(?:seized|found|discovered|captured|recovered|destroyed|cleared|confiscated|"
                                 r"intercepted|uncovered|unearthed|defused))\b"), 3.0),
    (S.LOOTING_PROPERTY_DESTRUCTION, _p(r"\b(?:loot\w*|plunder\w*|ransack\w*|petrol[- ]bomb(?:ed|ing)|(?:torch|burn)(?:es|ed|ing|t|s)? (?:[\w'\u2019]+ ){0,3}?"
                                        r"(?:houses?|homes?|shops?|villages|vehicles?|cars?|huts?|buildings?|offices?|"
                                        r"(?:police )?stations?|headquarters|schools?|churches|mosques?)|burn(?:ed|t) down|razed|demolish\w+|destroyed (?:\w+ ){0,2}(?:houses|homes|"
                                        r"property|properties|shops|crops)|vandali[sz]ed|made away with|"
                                        r"(?:stole|stolen|steal(?:s|ing)?|rustl(?:ed|ing)|robb(?:ed|ing)|pillag(?:ed|ing)) (?:\w+ ){0,3}"
                                        r"(?:livestock|cattle|cows|goats|sheep|camels|horses|donkeys|herds|food\w*|granar(?:y|ies)|"
                                        r"grain|crops|property|properties|belongings|valuables|houses|homes|shops|stores|vehicles|"
                                        r"motorcycles))\b"), 2.4),
    (S.CHANGE_TO_GROUP_ACTIVITY, _p(r"\b(?:defect\w*|merg(?:ed|er|e)|split from|joined forces|pledged allegiance|"
                                    r"(?:named|appointed|elected) (?:a |as )?(?:new )?(?:leader|commander|chief)|"
                                    r"relocat\w+|redeploy\w*|reinforcements?|mobili[sz]\w+|recruit\w*|training camp|"
                                    r"(?:collect|levi|levy|impos|extort|demand)\w* (?:\w+ )?zakat|(?:as|of) zakat|"
                                    r"announc\w+ (?:a |its |their )?new (?:military )?(?:leadership|leaders?|commanders?|"
                                    r"command)|(?:massed|massing|amassed|amassing)\b|build-?up of (?:\w+ )?(?:troops|forces|"
                                    r"fighters)|forcibly recruit\w*|forced recruitment|(?:boys|young men|children|youths) "
                                    r"for (?:military )?training|suspend\w* (?:the (?:activities|operations|licen[cs]es?) "
                                    r"of )?(?:\w+ ){0,3}(?:organi[sz]ations|NGOs|parties|newspapers|radio stations)|"
                                    r"extort\w* (?:\w+ )?(?:taxes|levies)|illegal (?:taxes|levies)|"
                                    r"announc\w+ (?:its|the|their) (?:creation|formation|founding|birth)|"
                                    r"(?:impos|declar|announc|extend|instat|order)\w* (?:a |an |the )?(?:[\w-]+ )?curfew|"
                                    r"curfews? (?:was |were |has been |have been )?(?:imposed|declared|extended)|"
                                    r"state of emergency|declared (?:martial law|a state)|martial law|offensive (?:was )?launched|"
                                    r"preparing (?:an|to)|amass\w+|kick off the assault)\b"), 1.8),
    (S.ARMED_CLASH, _p(r"\b(?:clash(?:ed|es|ing)?|fighting|fought|battl(?:e|ed|es|ing)|gun ?battles?|firefights?|fire ?fight|"
                       r"exchange(?:d)? (?:of )?(?:heavy |intense |sporadic |fierce |brief )?(?:fire|gunfire)|skirmish\w*|engag(?:ed?|es|ing) (?:in |with )?(?:a |an |the )?(?:[\w-]+ ){0,3}?(?:fight\w*|battles?|gun ?fights?|combat|clash\w*|"
                       r"shoot-?outs?|fire ?fights?|exchanges? of (?:fire|gunfire)|hostilities|militants|insurgents|rebels|fighters|"
                       r"troops|soldiers|forces|police|army|military|gendarmes|enemy|gunmen|bandits|attackers|assailants|kidnappers|terrorists|jihadists|"
                       r"militi\w+)|engag(?:ed?|es|ing) (?:the )?(?-i:[A-Z])\w+|ambush\w*|offensive|assault|"
                       r"attacked (?:a |an |the )?(?:army|military|police|security|base|checkpoint|post|outpost|convoy|patrol)|"
                       r"repel(?:s|led|ling)?|repuls\w+|fire exchange|return(?:ed|ing)? (?:the )?fire|besieg\w+|siege|counter-?attack\w*|confrontations?|"
                       r"gunfights?|fierce fight\w*|fight(?:s|ing)? (?:against|with|between)|exchang\w+ (?:of )?(?:fire|targeting|shelling)|"
                       r"military operations?|encounter(?:ed|s)? (?:\w+ )?(?:militants|insurgents|rebels|fighters|gunmen|boko)|"
                       r"attack(?:ed|s)? (?:\w+ ){0,2}(?:soldiers|troops|forces|policemen|police officers|positions|barracks)|"
                       r"(?:fir\w*|launch\w*|shot) (?:an? |\w+ )?(?:rpgs?|rocket-propelled grenades?) (?:at|on|against|toward)|"
                       r"(?:gunshots?|gunfire|shots|shooting) (?:[\w-]+ ){0,6}?between)\b"), 1.7),
    (S.ATTACK, _gated(("exec", "exeu", "behead", "ston", "lash", "flog", "whipp", "crucif", "tortur", "hang", "slaughter", "massacre", "hacked", "alive", "throat", "amput", "thr"), r"\b(?:thr(?:ew|own|ows?|owing) (?:\w+ ){0,2}?(?:m[ae]n|wom[ae]n|persons?|people|boys?|youths?|him|her|them|"
                  r"victims?|prisoners?|detainees?) (?:from|off) (?:the )?(?:top|roof)s? of|exec?ut+(?:e|es|ed|ing|ions?)|behead\w*|(?:cross-)?amputat\w+ (?:of )?(?:the |his |her |their |a (?:\w+ )?(?:man|woman|thief)'s )?(?:(?:right|left) )?(?:hands?|foot|feet)|slit (?:the |their |his |her )?throats?|cut (?:the |their |his |her )?throats?|ston(?:ed|es|ing) (?:\w+ )?to death|stoning|\W?stoned\W? (?:\w+ )?(?:wom[ae]n|m[ae]n|\w+)|lash(?:es|ed|ing)|"
                  r"flog\w*|whipp\w+|crucif\w+|tortur\w+|hang(?:s|ed|ing)? (?:the )?(?:bodies|corpses?|a (?:man|woman|young))|"
                  r"slaughter\w*|massacre\w*|hacked to death|burn(?:ed|t|s)? (?:\w+ )?alive)\b"), 2.6),
    (S.ATTACK, _p(r"\b(?:attack(?:ed|s|ing)?|gunmen|opened fire|opens? fire|found dead|shot (?:dead|and killed)|gunned down|kill(?:s|ed|ing|ings)?|murder\w*|"
                  r"stabbed|shot|shoots?|shots (?:a|an|the|two|three|\d+)|"
                  r"shootings?(?! (?:footage|film|video|scenes|photos|pictures|hoops|range|guard|star))|assassinat\w+|raid(?:ed|s)?|terror(?:ist)? attack|snipers?|assault(?:ed|s)? (?:a|an|the|two|three|\d+)|"
                  r"set upon|(?:bodies (?:were |are |of (?:[\w'-]+ ){1,5}?(?:were |are )?)?found|(?:burned|burnt|charred|mutilated|beheaded|decapitated|headless|bullet-riddled|tortured|dismembered) bod(?:y|ies))|corpses? (?:of|found)|mass graves?)\b"), 1.2),
    # a death in the hands of the police or the army: "died in police custody", "died in detention"
    (S.ATTACK, _gated(("died",), r"\bdied (?:\w+ ){0,2}?(?:in|while in|in the) (?:police |military |army |state |SNR |"
                                 r"NISS |their |his |her )?(?:custody|detention|cells?|jail|prison)\b"), 2.6),
    # a body found with the marks of a killing: "the body of a young man was found with his hands tied"
    (S.ATTACK, _gated(("body",), r"\bbody of (?:[\w'-]+ ){1,12}?(?:was|has been|had been) (?:\w+ )?(?:found|discovered|"
                                  r"recovered)\b(?=[^.;]{0,60}?\b(?:tied|bound|bullet|shot|stab\w*|mutilated|beheaded|"
                                  r"decapitated|tortur\w+|strangl\w+|hacked|slit|gunshot|wounds|dumped|shallow grave)\b)"),
     2.0),
    # an armed assault on the other side's base, post or hideout ("militants stormed a police station"), or on a
    # hotel or a village
    (S.ARMED_CLASH, _gated(("storm",), r"\bstorm(?:ed|s|ing)? (?:into )?(?:[\w'-]+ ){0,4}?(?:bases?|camps?|barracks|"
                                        r"outposts?|posts?|positions?|checkpoints?|garrisons?|police stations?|prisons?|"
                                        r"jails?|hideouts?|hotbeds|strongholds?)\b"), 2.0),
    # the base named first, its storming after the fire that opened it: "shelled the base before storming it"
    (S.ARMED_CLASH, _gated(("storm",), r"\b(?:bases?|camps?|barracks|outposts?|posts?|positions?|checkpoints?|"
                                        r"garrisons?|police stations?)\b[^.;]{0,80}?\b(?:then |and |before |after )"
                                        r"storm(?:ed|ing)? (?:it|them)\b"), 2.5),
    (S.ATTACK, _gated(("storm",), r"\bstorm(?:ed|s|ing)? (?:into )?(?:[\w'-]+ ){0,4}?(?:hotels?|villages?)\b"), 2.0),
    # beatings, assaults, shots at people, raids on places, the enemy "eliminated": attacks
    (S.ATTACK, _gated(("beat", "assault", "kick", "punch", "slap", "throttl"),
                      r"\b(?:beat(?:s|ing|en)?(?: up)? (?:and (?:kick|punch|slapp|throttl|whipp)ed )?" + _PEOPLE +
                      r"|(?:kick|punch|slapp|throttl)ed and (?:beat|beaten|kicked|punched|throttled|slapped|dragged) "
                      + _PEOPLE + r"|(?:was|were|being|been|got) (?:\w+ly )?beaten|"
                      r"beat(?:en)? (?:\w+ )?to death|assault(?:s|ed|ing)? " + _PEOPLE + r"|(?:was|were|been) (?:\w+ly )?"
                      r"assaulted|beaten (?:with|by|to)|"
                      r"beat(?:s|ing)? up (?:and|a|an|the|his|her|their|two|three|\d+))\b"), 2.5),
    # a killing told by how it was done: "hacked to death", "burnt two people to death", "clubbed to death"
    (S.ATTACK, _gated(("death",),
                      r"\b(?:hack(?:s|ed|ing)?|burn(?:s|ed|t|ing)?|club(?:s|bed|bing)?|stab(?:s|bed|bing)?|"
                      r"ston(?:e|es|ed|ing)|lynch(?:es|ed|ing)?|shot|shoot(?:s|ing)?|hang(?:s|ed|ing)?) "
                      r"(?:(?!(?:who|which|that)\b)[\w'-]+ ){0,4}?to death\b"), 2.6),
    (S.ATTACK, _gated(("fire", "firing", "invad", "eliminat", "neutrali", "bodies", "corpses"),
                      r"\b(?:fir(?:ed|es|ing) (?!tear|rubber|warning|stun|water|smoke|blank|(?-i:[A-Z][a-z]+) (?:at|on)\b)"
                      r"(?:\w+ ){0,2}?"
                      r"(?:on|at|upon|into) (?!the air|the sky)|invad(?:ed|es|ing) (?:[\w'-]+ ){0,3}?"
                      r"(?:village|town|community|communities|home|house|compound|area|offices?|premises|farms?)|"
                      r"(?:eliminat|neutrali[sz])(?:ed|es|ing) (?:[\w'-]+ ){0,3}?(?:terrorists?|militants?|insurgents?|"
                      r"rebels?|fighters?|jihadists?|gunmen|bandits|elements|commanders?)|(?:bodies|corpses) (?:\w+ ){0,5}"
                      r"(?:found|discovered|recovered))\b"), 2.0),
    (S.ARMED_CLASH, _gated(("shoot", "fracas", "brawl", "melee", "between", "operation", "fist", "tussle", "scuffle",
                            "fight", "gunfire"),
                           r"\b(?:shoot-?outs?|fracas|brawls?|melee|fist ?fights?|fights? (?:(?:that|which) )?(?:broke out|erupted|ensued)|(?<!leadership )(?<!power )tussles?|scuffles?|gunfire exchanges?|"
                           r"(?:conflict|violence|fighting|hostilities) between|"
                           r"operations? (?:was |were |have been |has been )?(?:conducted|launched|carried out) "
                           r"(?:against|on))\b"), 1.7),
    (S.VIOLENT_DEMONSTRATION, _gated(("throw", "threw", "hurl", "stone"),
                                     r"\b(?:(?:throw|throws|throwing|thrown|threw|hurl\w*) (?:\w+ )?(?:stones|rocks|"
                                     r"bricks|bottles|missiles|petrol bombs?|molotov\w*)|(?:stones?|petrol bombs?|molotov "
                                     r"cocktails?) (?:were |was )?(?:hurled|thrown))\b"), 2.0),
    (S.PEACEFUL_PROTEST, _gated(("stoppage", "strike", "sit in", "streets", "road", "blockad"),
                                r"\b(?:work stoppages?|stoppage of work|striked|strikes? (?:was |were )?(?:held|observed|"
                                r"staged)|(?<!naval )blockad(?:ed|ing)|(?:observed|staged|held|organi[sz]ed|"
                                r"called|began|start\w*|enter\w*|embark\w*|engaged in) (?:a |an |the |into |in )?"
                                r"(?:[\w-]+ ){0,3}(?:strike|sit[- ]in)|(?:a|an) sit in|poured (?:out )?(?:on ?to|into) "
                                r"the streets|cut (?:off )?the (?:\w+ )?roads?)\b"), 1.5),
    (S.LOOTING_PROPERTY_DESTRUCTION, _gated(("fire", "alight", "ablaze", "arson", "destroy", "damag"),
                                            r"\b(?:set (?!himself|herself|themselves)(?:\w+ ){0,2}?(?:on fire|alight|"
                                            r"ablaze)|(?:was|were) set (?:on fire|alight|ablaze)|arson\w*|(?:destroyed|damaged) "
                                            r"(?:\w+ ){0,2}(?:farms?|buildings?|vehicles?|cars?|offices?|churches|"
                                            r"mosques|schools?|markets?|pipelines?|documents|property|properties))\b"), 2.0),
    (S.REMOTE_EXPLOSIVE_LANDMINE_IED, _gated(("explosive", "blew", "blown", "blow"),
                                             r"\b(?:explosives? (?:was |were )?(?:thrown|hurled|planted|placed|"
                                             r"detonated|went off)|bl(?:ew|own|ow) up (?!(?:himself|herself|"
                                             r"themselves)\b))"), 1.6),
    (S.ARRESTS, _gated(("captur",), r"\b(?:captur(?:ed|es|ing) (?:[\w'-]+ ){0,3}?(?:fighters|militants|rebels|"
                                    r"militiamen|combatants|suspects|insurgents|jihadists|terrorists|bandits|commanders?|"
                                    r"leaders?|members)|(?:fighters|"
                                    r"militants|rebels|militiamen|combatants|suspects|insurgents|jihadists|terrorists|"
                                    r"bandits) (?:were|was|have been|had been) captured)\b"), 2.2),
    (S.AGREEMENT, _gated(("surrender",), r"\bsurrender(?:ed|s|ing)?\b"), 1.8),  # a surrender is an agreement
    (S.CHANGE_TO_GROUP_ACTIVITY, _gated(("deploy", "dispatch", "moving", "moved", "sent", "drill", "exercise", "manoeuv",
                                         "maneuv"),
                                        r"\b(?:(?:deploy|dispatch|mov|sen[dt])(?:ed|es|s|ing)? (?:\w+ ){0,3}(?:troops|forces|soldiers|police\w*|"
                                        r"units|battalions?|peacekeepers|reinforcements|tanks)|(?:military|army|naval|joint|air) "
                                        r"(?:drills?|exercises?|manoeuvres|maneuvers))\b"), 1.8),
    (S.CHANGE_TO_GROUP_ACTIVITY, _gated(("formed", "sortie", "scrambl", "airspace", "zone"),
                                        r"\b(?:(?:troops|units|brigades?|battalions?|forces|groups) (?:\w+ ){0,5}(?:have been|"
                                        r"has been|were|was) formed|formed (?:a |an |new )?(?:[\w-]+ ){0,3}(?:units?|brigades?|"
                                        r"battalions?|militias?|organi[sz]ations?|forces?)|(?:military|army|naval|joint|air) "
                                        r"emergency sorties?|scrambled (?:\w+ ){0,2}(?:jets|fighters)|(?:entered|violated|"
                                        r"intruded into) (?:\w+ ){0,4}(?:airspace|air defen[cs]e (?:identification )?zone))\b"),
     2.8),
    (S.GOVERNMENT_REGAINS_TERRITORY, _gated(("dislodg", "forced", "occup"),
                                            r"\b(?:dislodg\w+|forced (?:\S+ ){0,6}?to (?:retreat|withdraw|flee)|"
                                            r"occup(?:ied|ies|y|ying) (?:the )?(?:(?!in\b)\w+ ){0,3}(?:towns?|villages?|city|area|"
                                            r"locality|localities|base|hills?|positions?|posts)\b)"), 1.8),
    # what a report of losses alone tells: there was fighting (SOHR: "Casualties in the ranks of ...")
    (S.ARMED_CLASH, _p(r"\b(?<!no )(?<!without )(?:casualties|human losses|"
                       r"(?<!financial )(?<!economic )(?<!job )(?<!revenue )(?<!net )(?<!investment )(?<!crop )"
                       r"(?<!credit )(?<!loan )(?<!tax )(?<!operating )(?<!straight )(?<!consecutive )(?<!wins and )"
                       r"(?<!weight )(?<!hearing )(?<!memory )losses(?! (?:of|in|on) (?:jobs|revenue|income|earnings|"
                       r"money|profits?|value|investments?|sales))|(?:dead|killed) and (?:injured|wounded)|"
                       r"(?-i:m)artyr(?:s|ed|dom)?(?!\W? (?:square|brigades?|day|monuments?|memorial|cemetery|street|road))|"
                       r"killed in action|mourned|fatalities|death toll|"
                       # "unrest that broke out after the death of a young man": what came before, no losses told
                       r"(?<!after )(?<!following )(?<!over )(?<!after the )(?<!following the )(?<!over the )"
                       r"(?:the )?death of (?:a |an |the )?\w+)\b"), 1.0),
    # territory gained, by whoever gained it: the events stage decides by the gaining actor
    (S.GOVERNMENT_REGAINS_TERRITORY, _gated(("advanc", "progress", "control", "expel", "captur", "seiz", "expense", "wrest", "enter", "drove", "push", "restor", "recover", "ground", "over"), r"\b(?:(?<!in )advanc(?:e|es|ed|ing|ements?)(?! (?:to (?:the )?(?:state|national|regional|semi|quarter|final|next|"
                                        r"playoff|round)|notice|warning|tickets?|payments?|voting|polls?|directives?))|made progress|make (?:further )?progress|"
                                        r"(?<!over )(?<!over the )(?<!for )(?<!for the )"  # "clashed over control of the HQ"
                                        r"control(?:s|led|ling)? (?:over |of )?(?:\d+|the|a|an|parts?|most|about|all|several|two|three|four|five|new|"
                                        r"\w+ (?:villages?|towns?|areas?|hills?|neighbou?rhoods?))|(?:take|takes|took|taking|taken|extends?|extended|expand\w*|"
                                        r"tighten\w*) (?:\w+ )?control" + _NOT_TERRITORY + r"|in control of|"
                                        # not diplomats, students or migrants sent away, from a school or a country
                                        r"expel(?:s|led|ling)?(?! (?:[\w'-]+ ){0,4}?(?:diplomats?|ambassadors?|envoys?|"
                                        r"staff|embassy|journalists?|reporters?|students?|pupils|migrants?|refugees|"
                                        r"asylum|nationals|citizens|foreigners|workers|(?-i:[A-Z])\w+(?:ans|ese)\b(?! (?-i:[A-Z]))))"
                                        r"(?! (?:from|to) (?:the )?(?:[\w'-]+ )?(?:schools?|college|university|"
                                        r"institute|party|country|countries)\b)(?! to\b)|captur(?:e|es|ed|ing) (?:\d+(?! ?(?:percent|per cent|%))(?! (?:[\w-]+ )?"
                                        r"(?:members?|fighters?|militants?|soldiers?|suspects?|people|persons|rebels?|insurgents?|"
                                        r"terrorists?|men|women|children|hostages|prisoners|combatants|elements|gunmen|jihadists?))|the|a|an|parts?|"
                                        r"several|two|three|four|five|new|\w+ (?:villages?|towns?|areas?|hills?|neighbou?rhoods?))|"
                                        r"at the expense of|wrest(?:s|ed|ing)?|enter(?:s|ed)? (?:the )?(?:\w+ )?(?:city|town|village|neighbou?rhood)|"
                                        r"drove (?:[\w'-]+ ){0,3}(?:out|back (?:[\w'-]+ ){0,3}from)|push(?:ed|es)? (?:[\w'-]+ ){0,3}(?:back|out)|gain(?:ed|s|ing)? ground|"
                                        r"(?:took|take|taken|taking) over (?:the )?(?:\w+ ){0,2}(?:towns?|city|villages?|areas?|"
                                        r"districts?|bases?|capital|region|province)|"
                                        r"(?:seiz|captur|control)(?:e|es|ed|ing|s|led|ling)? (?:of )?(?:\w+ ){0,2}(?:hills?|villages?|towns?|city|capital|"
                                        r"areas?|parts?|positions?|districts?|neighbou?rhoods?|territory|base|airport|air ?base|oil ?fields?|dam|"
                                        r"crossing|road|highway)|(?<!-)(?:captur|control)(?:e|es|ed|s|led)? (?-i:(?:al-|el-|ad-|ar-|as-)?[A-Z])\w*" + _NOT_PEOPLE + r"|"
                                        r"(?:restor|recover)(?:e|es|ed|s|ing)? (?:\w+ ){0,2}(?:areas?|villages?|towns?|control|positions))\b"), 1.8),
    # an enemy driven from a place, its camps cleared: territory gained (who gained it decides the kind)
    (S.GOVERNMENT_REGAINS_TERRITORY, _gated(("dislodg", "clear"),
                                            r"\b(?:dislodg\w+|clear(?:ed|s|ing)? (?:[\w'-]+ ){0,4}?(?:camps?|hideouts?|"
                                            r"enclaves?|strongholds?|bases?|dens?|locations|villages|towns|communities)|"
                                            r"clear(?:ed|s|ing)? (?:[\w'-]+ ){1,4}?"
                                            r"(?:from|out of))\b"), 2.4),
    # positions given up without a fight told
    (S.NON_VIOLENT_TRANSFER_OF_TERRITORY, _gated(("retreat", "abandon", "vacat", "fled", "occupied", "moved into"),
                                                 r"\b(?:(?:retreat(?:ed|s)?|abandon(?:ed|s)?|vacat(?:ed|es)|fled) (?:from )?"
                                                 r"(?:\w+ ){0,3}(?:positions?|bases?|posts?|stations?|sub-stations|camps?|"
                                                 r"towns?|villages?|areas?|strongholds?|barracks)|(?:were|was|have been|had "
                                                 r"been|has been) (?:abandoned|vacated)|(?:abandoned|vacated) (?:it|them)\b|retreat(?:ed|ing)? in the face of|"
                                                 # moved in where nobody fought them: "occupied the village of Bitiyo"
                                                 r"(?:(?<!-)occupied|moved into) (?:the )?(?:\w+ ){0,2}(?:villages?|towns?|areas?|"
                                                 r"localit(?:y|ies)|positions?|posts?|bases?)|"
                                                 r"(?<!been )(?<!being )moved into (?-i:[A-Z])[\w'-]+)\b"), 2.2),
    # forces sent somewhere, sweeps and searches: a change to the group's activity
    (S.CHANGE_TO_GROUP_ACTIVITY, _gated(("deploy", "operation"),
                                        r"\b(?:(?:troops|forces|soldiers|police(?:men)?|units|battalions?|peacekeepers|"
                                        r"army|military|gendarmes|aircraft)(?: [\w-]+){0,4}? (?:were |was |have been |has "
                                        r"been |had been )?(?:deployed|redeployed)|(?:combing|search(?:ing)?|sweep(?:ing)?|"
                                        r"mop-up|clearance|clearing|cordon(?:-and-| and )search) operations?)\b"), 1.8),
    # an operation announced as begun, with no fighting told yet: "announced the start of an operation to liberate
    # Sirte"
    (S.CHANGE_TO_GROUP_ACTIVITY, _gated(("announc", "declar"),
                                        r"\b(?:announc|declar)\w* (?:the )?(?:start|launch|beginning|opening) of (?:an?|the|"
                                        r"its|their) (?:[\w-]+ ){0,2}?(?:operations?|offensive|campaign)\b"), 2.2),
    # armed men who crossed a border or moved into a place, with nothing else told: weakly a change to their activity
    # (any act of violence told with it outweighs this)
    (S.CHANGE_TO_GROUP_ACTIVITY, _gated(("cross", "moved into", "entered"),
                                        r"\b(?:troops|soldiers|fighters|armed men|militants|rebels|militiamen|gunmen|"
                                        r"insurgents|jihadists|ex-seleka|combatants)\b[^.;]{0,60}?\b(?:crossed|crossing|"
                                        r"moved into|entered)\b[^.;]{0,40}?\b(?:border|into|territory|village|town|"
                                        r"area|region)\b"), 1.1),
    # property said to have been destroyed, the thing first: "farms owned by officials were destroyed overnight"
    (S.LOOTING_PROPERTY_DESTRUCTION, _gated(("destroyed", "damaged", "torched", "looted", "vandali"),
                                            r"\b(?:farms?|houses|homes|shops|stores|buildings|vehicles|cars|offices|"
                                            r"property|properties|crops|granaries|markets?)\b[^.;]{0,40}?\b(?:were|was|"
                                            r"have been|had been|has been) (?:\w+ )?(?:destroyed|damaged|torched|looted|"
                                            r"vandali[sz]ed|burnt|burned)\b"), 2.0),
    # armed men stripped of their weapons
    (S.DISRUPTED_WEAPONS_USE, _gated(("disarm",), r"\b(?:disarm(?:ed|ing|s)?|forcibl[ey] disarm\w*)\b(?! (?:and|,))"),
     2.2),
    # stones at vehicles, windows smashed: a riot, not an execution by stoning
    (S.VIOLENT_DEMONSTRATION, _gated(("ston", "smash"),
                                     r"\b(?:ston(?:ed|ing) (?:\w+ ){0,2}?(?:vehicles?|cars?|buses|bus|trucks?|houses|"
                                     r"shops|police|motorists|windows|trains?|taxis?|kombis|minibuses)|(?:vehicles?|cars?|"
                                     r"bus|buses|trucks?|taxis?|trains?|minibuses) (?:was |were |had been |have been )?"
                                     r"stoned|smash(?:ed|es|ing)? (?:\w+ ){0,2}(?:windows|windscreens|shops|cars|vehicles|"
                                     r"property|offices?))\b"), 2.8),
    # a crowd that disrupted, forced its way in or shut a place down: a protest (its kind read from the rest)
    (S.PEACEFUL_PROTEST, _gated(("show of", "disrupt", "way into", "shut down", "downed tools"),
                                r"\b(?:in (?:a )?show of (?:support|solidarity|force)|disrupt(?:ed|ing|s)? (?:the |a |an )?"
                                r"(?:[\w-]+ ){0,2}(?:meetings?|rally|event|session|proceedings|ceremony|handover|handing "
                                r"over|campaign|gathering|registration|vote|voting)|forc(?:ed|ing|e) (?:their|its) way "
                                r"into|shut down (?:the )?(?:[\w-]+ ){0,2}(?:offices?|operations|premises|port|border post|"
                                r"roads?|highway|market)|downed tools)\b"), 1.6),
    # a ceasefire, truce or peace deal made, prisoners exchanged: an agreement even in a sentence of diplomacy
    (S.AGREEMENT, _gated(("cease", "truce", "peace", "exchange", "swap"),
                         r"\b(?<!violat\w\w )(?<!violated the )(?<!despite the )(?<!despite a )(?<!breach of the )"
                         r"(?<!breaking the )(?<!talks on a )(?<!talks on the )(?<!talks on )(?<!for a )(?<!for an )"
                         r"(?<!for the )(?<!proposed )(?<!proposal for )(?<!demanded a )(?<!about a )(?<!toward a )"
                         r"(?<!towards a )(?<!collapsed )(?<!call a )(?<!called a )(?<!calling a )"
                         r"(?:cease-?fire|truce|peace (?:deal|accord|agreement)|(?:exchange|swap)"
                         r"(?: process)? of (?:\w+ ){0,2}(?:prisoners|detainees|hostages|bodies)|agreed to (?:\w+ ){0,3}"
                         r"(?:peace|ceasefire|truce|talks|negotiations))\b(?! (?:has |had )?(?:collapsed|broke down|ended))"),
     2.6),
    # people hurt by someone: an attack (the sides decide whether it was a battle)
    (S.ATTACK, _gated(("injur", "wound", "maim"),
                      r"\b(?:injur(?:ed|es|ing)|wound(?:ed|s|ing)?|maim(?:ed|s|ing)?) (?:(?:at least|some|about|over|"
                      r"severely|seriously) )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|several|"
                      r"many|" + _PEOPLE + r")\b"), 1.3),
    # people held and then beaten or tortured: the harm, not the arrest, is the event ("detained and beaten")
    (S.ATTACK, _gated(("beat", "tortur", "assault", "injur", "wound", "flog", "whip"),
                      r"\b(?:(?:arrest|detain|abduct|captur|seiz|round)ed (?:[\w'-]+ ){0,6}?(?:and|then) (?:\w+ly )?"
                      r"(?:beat(?:en)?|tortured|assaulted|injured|wounded|flogged|whipped)|"
                      r"beat(?:ing|s)? (?:up )?(?:one|two|three|some|several|many|all|most|each|\d+) of them)\b"), 2.5),
    (S.ATTACK, _gated(("abuse",), r"\babuses (?:\w+ ){0,2}(?:against|on) (?:the )?(?:civilians|population|people|"
                                  r"residents|villagers)\b"), 1.6),
)

#: Per trigger, the needle sets a sentence must hold one of for the pattern to be tried: those written with it
#: (:func:`_gated`) and those its parse tree proves (:func:`~sitrep.regexgate.needles`); both are necessary.
_TRIGGER_GATES: Final = Gates(
    [frozenset(g) for g in (_GATES.get(pattern), required_needles(pattern)) if g] for _, pattern, _ in _TRIGGERS)

# A type that appears first is more specific: it wins a tie against any later one.
_PRIORITY: Final[dict[SubEventType, int]] = {
    t: i for i, t in enumerate((
        S.CHEMICAL_WEAPON, S.SUICIDE_BOMB, S.SEXUAL_VIOLENCE, S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.GRENADE,
        S.AIR_DRONE_STRIKE, S.DISRUPTED_WEAPONS_USE, S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.SHELLING_ARTILLERY_MISSILE_ATTACK,
        S.HEADQUARTERS_OR_BASE_ESTABLISHED, S.ABDUCTION_FORCED_DISAPPEARANCE, S.MOB_VIOLENCE,
        S.PROTEST_WITH_INTERVENTION, S.VIOLENT_DEMONSTRATION, S.GOVERNMENT_REGAINS_TERRITORY,
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, S.NON_VIOLENT_TRANSFER_OF_TERRITORY, S.LOOTING_PROPERTY_DESTRUCTION,
        S.ARRESTS, S.PEACEFUL_PROTEST, S.AGREEMENT, S.CHANGE_TO_GROUP_ACTIVITY, S.ARMED_CLASH, S.ATTACK, S.OTHER,
    ))
}

#: Territory gained: the sub-event type depends on who gained it (see :func:`territory_for`).
TERRITORY_GAIN: Final = frozenset({S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY})

#: What political violence and protest are not: with one of these and only weak evidence, no event.
_NOT_CONFLICT: Final = _p(
    r"\b(?:earthquakes?|flood(?:s|ed|ing|waters)?|landslides?|mudslides?|avalanches?|tsunami|volcan\w*|eruptions?|"
    r"(?:an?|the|road|traffic|car|bus|train|work|industrial|mining|tragic|freak|fatal|hit-and-run) accidents?|collision|stampede|plunged (?:off|into)|drown(?:ed|ing)|electrocut\w+|"
    r"ammonium nitrate|(?<!thought it was a )(?<!like a )(?:car|bus|truck|plane|air|helicopter|train|road|"
    r"motorcycle|boat) crash(?:es)?|crashed (?:into|on|onto|in|near|shortly)|heart attacks?|(?:bee|dog|shark|bear|snake|panic|asthma) attacks?|cancer|"
    r"leuka?emia|tumou?rs?|illness|cyber\w*|hackers?|ransomware|malware|cyclone|hurricane|typhoon|(?:a|the|tropical|winter|snow|dust|sand|heavy|severe|violent) storms?|storms? (?:hit|hits|lashed|battered|swept)|tornado|wildfire|drought|"
    r"covid|coronavirus|pandemic|infections?|epidemic|cholera|(?:disease|virus|ebola|measles|cholera) outbreak|outbreak of (?:\w+ )?(?:disease|fever|virus|ebola|cholera|measles)|heavy rain|torrential|"
    r"fire broke out|caught fire|blaze|gas leak|leak(?:ed|age|ing)?|collapsed|boilers?|(?:gas|propane|cooking gas|oxygen)(?: and (?:gas|propane|oxygen))? "
    r"(?:cylinders?|containers?|tanks?|explosion)|fireworks (?:factory|warehouse|explosion)|"
    r"(?:chemical|fertili[sz]er|pesticide) (?:plant|factory)|derail\w*|crash(?:ed)? (?:into|landed)|plane crash|"
    r"road accident|traffic accident|capsiz\w+|spill|"
    r"(?<!suspected )(?<!alleged )(?<!accused )(?<!presumed )(?<!accused of )(?<!suspected of )(?<!caught in )"
    r"(?:robber\w*|thie(?:f|ves)|burglar\w*)|(?<!accused of )(?<!suspected of )theft|fraud|"
    r"smuggl\w+|drug (?:trafficking|dealers?|cartel)|narcotics|human traffick\w+|traffickers?|illegal (?:im)?migra\w+|"
    r"pornograph\w+|embezzl\w+|brib\w+|scam|gang members?|"
    r"claimed responsibility|claims? responsibility|denied (?:\w+ )?responsib\w+|blamed (?:\w+ )?for)\b"
)
#: A crime that came before the sentence's event and set it off: "clashed with a self-defence group after a string
#: of robberies" is a clash, not a crime report (a disaster that came before is still one: "killed after a volcano
#: erupted").
_SET_OFF_BY: Final = _p(r"\b(?:after|following|in (?:retaliation|revenge|response|reprisal) (?:for|to)|because of|"
                        r"triggered by|sparked by)\b[^.;:,]{0,40}$")
#: "a suspected house robber": whom a crowd or the police went after, not a crime report.
_SUSPECT: Final = _p(r"\b(?:suspected|alleged|accused|presumed|would-be)\s+(?:of\s+)?(?:[\w-]+\s+)?$")
#: "two robbery suspects", "drug suspects": the same, named after the crime.
_SUSPECTS_AFTER: Final = _p(r"\s+suspects?\b")
_CRIME: Final = _p(r"robber|thie|burglar|theft|fraud|smuggl|drug|narcotic|traffick|pornograph|embezzl|brib|scam|gang")


#: A claim of responsibility for an act the sentence tells with its toll: "claimed responsibility for an attack that
#: killed eight policemen" reports the attack.
_CLAIMED_HARM: Final = _p(r"\s+for\s+(?:[\w'-]+\s+){0,4}?(?:attacks?|bombings?|blasts?|explosions?|ambush(?:es)?|"
                          r"assaults?|raids?|shootings?|killings?|massacres?|bombs?|ieds?|devices?)\b[^.;]{0,60}?\b"
                          r"(?:killed|killing|left (?:\w+ ){1,3}?dead|wounded|wounding|injured|injuring|"
                          r"claimed the lives|targeted|targeting|hit|struck|destroyed)\b")
_CLAIM: Final = _p(r"claim")


#: The taking side's verb of a non-violent transfer: "moved into", "occupied".
_MOVED_IN: Final = _p(r"(?:moved into|occupied|entered)\b")


def _not_conflict(text: str, start: int, end: int) -> bool:
    """Whether the sentence tells of a crime, a disaster or an accident, other than a crime that set its event off,
    or only of a claim of responsibility, not of an act with its toll."""
    return any(not (_CRIME.search(m.group()) and (_SET_OFF_BY.search(text, max(start, m.start() - 45), m.start())
                                                  or _SUSPECT.search(text, max(start, m.start() - 30), m.start())
                                                  or _SUSPECTS_AFTER.match(text, m.end())))
               and not (_CLAIM.match(m.group()) and _CLAIMED_HARM.match(text, m.end(), end))
               and not (_BURNT.match(m.group()) and _IN_THE_FIGHTING.search(text, start, m.start()))
               and not (_ACCIDENT.match(m.group()) and _SET_OFF_BY.search(text, max(start, m.start() - 45), m.start())
                        and _FOUGHT_FIRST.search(text, start, m.start()))
               for m in _NOT_CONFLICT.finditer(text, start, end))


#: An accident that set a fight off: "clashed in Gambella following a traffic accident".
_ACCIDENT: Final = _p(r"(?:road|traffic) accident|crash")
_FOUGHT_FIRST: Final = _p(r"\b(?:clash\w*|fought|fighting|riot\w*|attack\w*|protest\w*|lynch\w*|torch\w*|stormed)\b")


#: Fire and ruin that may be the work of a fight rather than an accident.
_BURNT: Final = _p(r"fire broke out|caught fire|blaze|collapsed")
#: A fight the sentence sets what follows in: "during a battle of Nigerian and Cameroonian forces ... a house caught
#: fire", "amid the shelling ... the building collapsed".
_IN_THE_FIGHTING: Final = _p(r"\b(?:during|amid|in|after|following) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:battles?|clash(?:es)?|"
                             r"fighting|attacks?|assault|shelling|bombardment|air ?strikes?|raids?|offensive)\b")


#: Diplomacy and commentary: they veto weak evidence of violence, never a protest ("rallied to condemn"); not the
#: reason an act was given for ("burned a school, accusing teachers of ...").
_DIPLOMACY: Final = _p(
    r"\b(?:sanctions?|condolences?|condemn\w*|denounc\w+|expel(?:s|led)? (?:\w+ )?(?:diplomats?|ambassadors?)|diplomat\w*|ambassador|"
    r"summoned|talks|negotiat\w+|summit|(?<!over the )(?<!during the )(?<!against the )(?<!ahead of the )(?<!before the )(?<!after the )visit(?:ed|s)? (?:to )?|war crimes?|(?-i:investigat\w+)|"
    r"(?<!was )(?<!were )(?<!been )(?<!they )(?<!who )(?<! he )(?<!she )(?<!, )(?<!after )(?<!before )(?<!for )accus(?!ed of\b)\w+|"
    r"humanitarian(?! (?:aid )?(?:workers?|staff|personnel|volunteers?|employees?))|aid (?:convoy|deliver\w*|agencies)|(?:un|u\.n\.) aid|(?<!in a )(?<!in its )(?<!in their )statement|"
    r"situation report|report of the)\b"
)
#: An act told with who did it, in the passive: "was shot dead by unknown gunmen" stands whatever talks or statements
#: the sentence also names ("a member of the commission negotiating with the government was shot dead by ...").
_DONE_BY: Final = _p(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:shot dead|shot and killed|gunned down|hacked to death|"
                     r"stabbed to death|killed|murdered|assassinated|beheaded|abducted|kidnapped)\s+by\b")
#: What a protest is about or for, or what came before it, not what happened at it (see :func:`grievances`).
_GRIEVANCE: Final = _p(
    r"\b(?:(?:protest(?:ed|ing|s)?|demonstrat(?:ed|ing|ions?)|rall(?:y|ied|ies|ying)|march(?:ed|es|ing)?|"
    r"strik(?:e|es|ing)|sit-ins?|picket(?:ed|ing|s)?)(?: [\w-]+){0,2}? (?:against|over|about|at)|to (?:demand|denounce|"
    r"condemn|protest|decry|call for|press for|oppose|mark|commemorate|mourn|express|show|honou?r|remember|"
    r"pay (?:tribute|homage) to)|demanding|denouncing|"
    r"condemning|decrying|calling for|in protest (?:at|against|over)|in memory of|in solidarity with|in support of|"
    # "protesting the decision" (what is protested), not "protesting residents" (who protested)
    r"protest(?:ed|ing)(?! (?:[\w-]+ ){0,2}(?:residents|members|workers|students|youths?|people|villagers|farmers|"
    r"traders|drivers|teachers|doctors|nurses|miners|employees|staff|supporters|crowds?|groups?|men|women)\b)"
    r"(?= (?!(?:in|on|at|outside|near|across|against|over|about|peacefully|for|with|along|through|to|"
    r"and|as|after|before|during|since|until|throughout|this|last|yesterday|today|tomorrow|again|here|there|there|"
    r"in front)\b)[\w'-]+)|(?:following|after|against|over|condemning|denouncing|protest(?:s|ed|ing)?) the "
    r"(?:[\w-]+ ){0,2}?(?:arrests?|"
    r"killings?|murders?|deaths?|detentions?|abductions?|kidnappings?|shootings?|executions?|assassinations?|rapes?|"
    r"attacks?|bombings?|acquittals?|sentencing|jailing|imprisonment|destruction|demolitions?) of|"
    r"(?:following|after|over|against) (?:an?|the|recent|(?:a|the) (?:spate|series|wave|string|surge|rise) (?:of|in)) "
    r"(?:[\w-]+ )?(?:assaults?|attacks?|killings?|murders?|rapes?|kidnappings?|abductions?|arrests?|shootings?|"
    r"beatings?|detentions?)|(?:spate|series|wave|string|surge|rise|increase) (?:of|in)|"
    r"(?:who|which|that) (?:had |has |have )?(?:gone|went|disappeared|vanished)|"
    # who the protesters are: "relatives of detainees", "families of the arrested activists"
    r"(?:relatives|famil(?:y|ies)|family members|mothers|fathers|parents|wives|husbands|sons|daughters|children|"
    r"colleagues|friends|lawyers) of (?:the |their |those )?(?:[\w-]+ )?(?:arrested|detained|jailed|imprisoned|"
    r"abducted|kidnapped|missing|disappeared|detainees|prisoners|hostages)|"
    r"(?:that|which) read|reading|chant(?:ed|ing)|"
    r"(?:who|which|that) (?:had |has |have )?(?:was|were|been)(?= \w+(?:ed|en|wn)\b| (?:shot|hit|struck|slain|hurt)\b)|"
    # who the protesters are: "students, who were part of a clash the day before"
    r"(?:who|which|that) (?:had been|were|was|are) (?:part of|involved in|caught up in)|"
    # the fighting that came before the protest: "protested following clashes between police and civilians"
    r"(?:following|after|in the wake of) (?:(?:recent|deadly|violent|bloody|the|last week's|yesterday's|weekend) )?"
    r"(?:clash(?:es)?|fighting|violence|killings)|"
    r"after (?:[\w'-]+ ){1,6}?(?:was|were|had been|has been|have been)(?= (?:\w+ly )?\w+(?:ed|en|wn)\b))\b"
    r"(?:\s+(?!(?:and|by|but|while|then|led|leading|have|has|had|set|threw|were|was|following|who|which|clashed|stormed|attacked|burned|burnt|blocked|torched|pelted|looted)\b)[\w'-]+|"
    r"\s+and(?= (?:the|a|an|other|its|their)\b| [\w'-]+\s*(?:$|[.;,]))){0,6}")
#: A protest only planned, scheduled or set out to: no protest yet, so where the sentence tells something else (the
#: arrests made to stop it: "arrested as he tried to leave home to protest", "rounded up activists ahead of planned
#: demonstrations") that is its event.
_PLANNED: Final = _p(
    r"\b(?:(?:attempt(?:ed|ing|s)?|plann(?:ed|ing)|plans?|trying|tried|intend(?:ed|ing|s)?|prepar(?:ed|ing)|about|"
    r"set out|going|on (?:his|her|their) way) to (?:(?:(?!(?:and|but|when|after|before|while)\b)[\w,'-]+ ){1,16}?"
    r"to )?(?:protest|demonstrate|march|rally)\b|(?:planned|scheduled|expected|upcoming|intended|proposed|potential|"
    r"would-be) (?:[\w-]+ ){0,2}?(?:protest|demonstrat|rall(?:y|ies)|march(?:es)?\b|sit-ins?)\w*|"
    r"(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|sit-ins?) (?:\w+ )?(?:scheduled|planned|expected|"
    r"called) for|ahead of (?:[\w-]+ ){0,3}?(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?))")
#: A protest or strike that these words stop, forbid or put off: no protest the sentence tells ("agreed to end the
#: general strike", "lifted a seven-month boycott", "postponed Saturday's demonstration", "a ban on rallies",
#: "a curfew to stop fresh demonstrations", "rejected a request to hold a rally").
_NO_PROTEST: Final = _p(
    r"\b(?:(?:call(?:ed|ing|s)?|called) off|(?:agree[ds]?|agreeing|decided|decides|voted|votes|vote) to (?:end|stop|suspend)|"
    r"suspend(?:ed|ing|s)?|postpon(?:ed|es|e|ing)|cancel(?:led|ed|ling|ing|s)?|lift(?:ed|ing|s)?|"
    r"(?:ban(?:ned|ning|s)?|prohibit(?:ed|ing|s)?|forb[ia]d(?:den|ding|s)?|outlaw(?:ed|ing|s)?|stop|prevent|curb|"
    r"thwart|forestall)(?: on)?) (?:(?:a|an|the|their|its|his|her|all|any|further|fresh|new|more|planned|proposed|"
    r"scheduled|general|national|nationwide|indefinite|ongoing|weekly|mass|hunger|[\w-]+['’]s|"
    r"[\w-]+-(?:month|week|day|hour)|\d+-(?:month|week|day|hour)) ){0,4}?"
    r"(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|sit-ins?|strikes?|boycotts?|gatherings?)\b|"
    r"\b(?:request|permission|permit|application|bid|plans?) (?:(?:by|from|of) (?:[\w.-]+ ){1,4}?)?to hold "
    r"(?:a|an|the|their|its) (?:[\w-]+ )?"
    r"(?:protest|demonstration|rally|march|sit-in)\b")
#: What makes an agreement one between the sides of a conflict (ACLED's "Agreement": a ceasefire, a surrender, a
#: prisoner exchange, armed men disarming): without one of these, "agreed to share information", "signed an
#: agreement on free trade" or "agreed to set up a cable landing station" is no event.
_CONFLICT_PARTIES: Final = _p(
    r"\b(?:cease-?fires?|truces?|peace|hostilities|surrender\w*|disarm\w*|demobili[sz]\w*|ddr|reintegrat\w+|"
    r"(?:ex-)?combatants?|rebel\w*|militia\w*|militants?|insurgen\w+|armed|fighters|guerrillas?|troops|army|armies|"
    r"military|forces|soldiers|police|mutin\w+|junta|coup|war|wars|conflict|clash\w*|fighting|violence|"
    r"withdraw\w*|pull(?:ed)? out|prisoners?|hostages?|detainees|captives|abducted|kidnapped|bodies|"
    r"reconciliation|non-aggression|pact|security|disput\w+|border|territor\w*|evacuat\w+|besieged|siege|corridor|buffer zone|de-?escalat\w+|"
    r"power[- ]sharing|integration of (?:their|its|the) (?:forces|fighters))\b")
#: The words of a protest itself (not a road blocked or a chant): what it was about follows them.
_PROTEST_WORD: Final = _p(r"(?:protest(?!ers|ors)|demonstrat(?!ors)|sit-in|sit in|hunger strike|strike|march(?!ers)|"
                          r"rall)")
#: A protest named as the setting of what the sentence tells: "During a protest in Cape Town, supporters assaulted".
_SETTING: Final = _p(r"\b(?:during|amid|amidst|at|in the course of)\s+(?:\w+\s+){0,3}$")
#: Harm that, told after a protest's words, is the protest's grievance: a rape, a kidnapping, a killing.
_GRIEVED: Final = frozenset({S.SEXUAL_VIOLENCE, S.ABDUCTION_FORCED_DISAPPEARANCE, S.ATTACK, S.ARRESTS})
_PROTESTS: Final = frozenset({S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
                              S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE})
#: What an event answered or went on despite, and where an older one happened: no event of the sentence's own
#: ("in retaliation for a gas attack", "despite a Saudi-led bombing campaign", "the scene of a 2017 attack").
#: A sentence that opens on the fighting it follows, then tells what happened next: "Following clashes in Wau on
#: 24-25 June, soldiers went from house to house ..." (the fighting is told elsewhere, or only as the time).
_OPENING_FRAME: Final = _p(r"\W*(?:following|after|in the wake of|in the aftermath of) (?:the )?(?:[\w-]+ ){0,2}?"
                           r"(?:fighting|clashes)\b[^,;.]{0,60},")
_BACKGROUND: Final = _p(
    r"\b(?:in (?:retaliation|revenge|response|reprisal) (?:for|to|against)|despite|undeterred by|(?:was|is|were) the "
    r"(?:scene|site) of)\b[^.;:()]{0,70}|"
    # the protests or riots that came before what the sentence tells: "deployed following riots in previous days",
    # "mass arrests following a day of protests", "a curfew after a wave of protests"
    r"\b(?:following|after|in the wake of) (?:(?:a|an|the|days?|weeks?|nights?|recent|previous|last|several|(?:a )?"
    r"(?:day|night|week|wave|series|spate|string) of|[\w-]+'s?) ){0,4}?(?:[\w-]+ )?(?:protests|riots|demonstrations|"
    r"unrest)\b[^.;:()]{0,40}|"
    # the fighting told before, named as the time of what the sentence tells: "looted shops after the fighting"
    r"\b(?:following|after|in the wake of|in the aftermath of) the (?:heavy |fierce |recent |latest )?(?:fighting|"
    r"clashes)\b|"
    # who the people are, by a protest or riot they took part in before: "parents of students who took part in riots"
    r"\b(?:who|which|that) (?:had |have |has )?(?:participated|taken part|took part|joined|been involved|were "
    r"involved) in (?:the |earlier |previous |recent )?(?:[\w-]+ )?(?:riots|protests|demonstrations|unrest|clashes|"
    r"strikes?)\b[^.;:()]{0,40}")
#: Words just before a trigger that deny it: "entered without fighting", "no clashes", "no violence or clashes were
#: reported", "no reports of violence", "almost clashed", "prevented them from clashing".
_DENIED: Final = _p(r"\b(?:(?:without|no|nor)\s+(?:(?:reports?|signs?|incidents?|cases?)\s+of\s+)?(?:any\s+)?"
                    r"(?:[\w-]+\s+(?:or|nor)\s+)?|not\s+|almost\s+|prevent(?:ed|s|ing)?\s+(?:\w+\s+)?from\s+)$")
#: How far before a trigger its denial is looked for (characters).
_DENIAL_REACH: Final = 36
#: What a crowd does or suffers at a protest or riot, told in words of its own.
_CROWD_ACTS: Final = frozenset({S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE, S.PROTEST_WITH_INTERVENTION,
                                S.EXCESSIVE_FORCE_AGAINST_PROTESTERS})
#: What follows violence and is coded as part of it when the same sentence tells of the killing or fighting.
_AFTERMATH: Final = frozenset({S.ARRESTS, S.DISRUPTED_WEAPONS_USE, S.LOOTING_PROPERTY_DESTRUCTION,
                               S.CHANGE_TO_GROUP_ACTIVITY, S.OTHER, S.ABDUCTION_FORCED_DISAPPEARANCE})
#: An aircraft that was the target, not the weapon: "fired on a MONUSCO helicopter", "the helicopter came under fire".
_AIRCRAFT_HIT: Final = _p(
    r"\b(?:(?:fired (?:on|at|upon)|shot at|hit|attacked|targeted|sho(?:ot|t) down|downed) (?:a |an |the )?(?:[\w-]+ ){0,3}"
    r"(?:helicopters?|aircraft|(?:war)?planes?|jets?|antonovs?)|(?:helicopters?|aircraft|(?:war)?planes?|jets?|"
    r"antonovs?)(?: [\w-]+){0,3} (?:came|come|comes|was|were) (?:under (?:\w+ )?fire|hit|shot|fired (?:on|at)|targeted))\b")
#: Fighting on the ground alongside shelling or air strikes: the whole is a battle.
_GROUND_FIGHT: Final = _p(
    r"\b(?:gun ?fire|gunfights?|gun ?battles?|firefights?|exchange[sd]? (?:of )?fire|clash(?:ed|es)|fierce fighting|"
    r"small[- ]arms fire|in the exchange|"
    r"ground (?:attacks?|assaults?|offensive|troops|forces|operations?|fighting|clashes)|"
    r"(?:ground and (?:air|aerial|helicopter)|(?:air|aerial|helicopter) and ground) (?:attacks?|assaults?|offensives?|operations?)|"
    r"stormed|under (?:a |the )?(?:cover|support)|(?:supported|backed|covered) by (?:the )?(?:air|helicopter|jets|"
    r"warplanes|aircraft)\w*|air (?:support|cover)|to support (?:the )?(?:ground )?troops)\b")
#: A suicide bomber stopped before reaching the target: "intercept two suicide bombers", "killing only herself".
_BOMBER_STOPPED: Final = _p(
    r"\b(?:intercept\w*|stop(?:ped|s)?|foil(?:ed|s)?|halt(?:ed|s)?|repel\w*|repuls\w*|thwart\w*|"
    r"shot (?:dead )?(?:by|before)|killing only|only (?:killing|killed)|in an attempt to (?:attack|enter))\b")
#: A toxic gas that escaped: an industrial accident, not a chemical weapon.
_LEAK: Final = _p(r"\bleak(?:ed|age|ing|s)?\b")
#: What someone is held or charged for, told before a protest's or riot's words: "suspected of involvement in two
#: days of riots", "for allegedly leading a demonstration". The protest is not the sentence's event; the arrest is
#: (those who "took part in" it may have been arrested at it).
_HELD_FOR: Final = _p(
    r"\b(?:(?:suspected|accused|charged|convicted|sentenced|indicted)(?: \w+)? (?:of|with|for)|involvement in|"
    r"for (?:allegedly |reportedly )?(?:leading|organi[sz]ing|"
    r"inciting|instigating|staging|calling|(?:their|his|her) (?:part|role) in))\b[^.;:]{0,60}$")
#: People freed from captivity: "rescued 180 hostages", "recovered three victims who were abducted", "1,275 hostages
#: rescued". The rescue is part of the operation that freed them; the abduction is an older event.
_RESCUED: Final = _p(r"\b(?:rescu(?:e|ed|es|ing)|freed|free(?:s|ing)?|liberat(?:ed|es|ing)|recover(?:ed|s|ing)?|"
                     r"releas(?:ed|es|ing)|escaped|reunited)\b")
_CAPTIVES: Final = _p(r"\b(?:hostages?|captives?|abductees|kidnap(?:ped|ping)? victims)\b")
_DETAINEES: Final = _p(r"detainees?\b")
_DETONATED: Final = frozenset({S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.GRENADE, S.SUICIDE_BOMB})
_FIGHT: Final = _p(r"\b(?:kill(?:ed|ing|ings|s)?|died|shot dead|shooting dead|gunned down|clash(?:ed|es)?|fighting|exchang\w+ (?:of )?(?:fire|gunfire)|gun ?battles?|"
                  r"beat(?:en|ing)?|tortured|assaulted|injur(?:e|es|ed|ing)|wound(?:ed|ing)|raped|ambush(?:ed|es|ing)?)\b")
#: Guns fired, fighting, aircraft: with them an explosive is one weapon of a fight, or a bomb dropped from the air.
_GUNS: Final = _p(r"\b(?:shot|shoot\w*|gunmen|gunman|gunfire|gun|guns|opened fire|fired|firing|bullets?|rifles?|"
                  r"small arms|grenades?|rpgs?|rocket-propelled|mortars?|shell\w*|artillery|battles?|fighting|clash\w*|"
                  r"air\w*|aerial|warplanes?|planes?|jets?|helicopters?|drones?|raids?)\b")
#: A bomb laid or set off on the ground, not dropped: an IED, a mine, a car bomb, a bomb that went off.
PLANTED_BOMB: Final = _p(r"\b(?:ieds?|improvised explosive|roadside bombs?|car bombs?|(?:land)?mines?|land mines?|"
                          r"explosive (?:charges?|devices?)|booby[- ]trap\w*|bomb (?:blasts?|exploded|explosion|went off)|"
                          r"vehicle[- ]borne)\b")
#: Right after a riot's word, a time before the sentence's own: "arrested 32 elders following clashes the prior week".
_EARLIER: Final = _p(r"(?: \w+){0,3}? (?:the )?(?:(?:prior|previous|preceding|last) (?:week|month|day|night)|(?:days|weeks|"
                     r"months) (?:earlier|before|ago)|earlier (?:this|that|in the) (?:week|month))\b")
#: The opening quotation mark of what a crowd chanted, sang or wrote: 'chanted slogans ..., saying: "'.
_CHANTED: Final = _p(r"\b(?:chant\w*|slogans?|sang|sing\w*|shout\w*|banners?|placards?)\b[^\"]{0,120}?\"")
#: Forces that went after armed men: "conducted military operations against the Bede militia" (those it captured were
#: taken in a fight).
_OPERATIONS_AGAINST: Final = _p(r"\b(?:operations?|offensives?|raids?|assaults?) (?:\w+ )?against (?:the )?(?:[\w-]+ ){0,3}"
                                r"(?:militia\w*|rebels?|insurgents?|militants?|fighters|jihadists?|terrorists?|group)\b")
#: An attack told by its verb, done by the sentence's subject.
_ATTACKED: Final = _p(r"\b(?:attacked|stormed|overran|ambushed)\b")
#: A killing someone is held for, not one the sentence tells: "arrested three men suspected in the killing of".
_CHARGED: Final = _p(r"\b(?:suspected|accused|charged|convicted|arrested|detained|wanted|jailed|sentenced|tried|"
                     r"held|questioned|investigated|blamed)\b(?: [\w'-]+){0,3}? (?:in|of|for|over|with|in connection with)"
                     r"(?: the| a| an)?\s+$")
#: What someone is suspected, wanted or held for, just before the word of a harm: "a man suspected of child rape",
#: "wanted for the murder of". The harm is an older deed, not the sentence's event.
_SUSPECTED_OF: Final = _p(r"\b(?:suspected|convicted|arrested|wanted|jailed|sentenced|detained|imprisoned)"
                          r" (?:of|for|with|over|in connection with) (?:[\w-]+ ){0,3}$")
_PLOVER: Final[dict[SubEventType, PloverType]] = {
    **dict.fromkeys((S.ARMED_CLASH, S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
                     S.CHEMICAL_WEAPON, S.AIR_DRONE_STRIKE, S.SUICIDE_BOMB, S.SHELLING_ARTILLERY_MISSILE_ATTACK,
                     S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.GRENADE, S.SEXUAL_VIOLENCE, S.ATTACK,
                     S.ABDUCTION_FORCED_DISAPPEARANCE, S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, S.MOB_VIOLENCE,
                     S.VIOLENT_DEMONSTRATION), PloverType.ASSAULT),
    **dict.fromkeys((S.PEACEFUL_PROTEST,), PloverType.PROTEST),
    **dict.fromkeys((S.PROTEST_WITH_INTERVENTION, S.ARRESTS, S.DISRUPTED_WEAPONS_USE), PloverType.COERCE),
    **dict.fromkeys((S.LOOTING_PROPERTY_DESTRUCTION,), PloverType.ASSAULT),
    **dict.fromkeys((S.AGREEMENT,), PloverType.AGREE),
    **dict.fromkeys((S.NON_VIOLENT_TRANSFER_OF_TERRITORY,), PloverType.RETREAT),
    **dict.fromkeys((S.HEADQUARTERS_OR_BASE_ESTABLISHED, S.CHANGE_TO_GROUP_ACTIVITY), PloverType.MOBILIZE),
    **dict.fromkeys((S.OTHER,), PloverType.MOBILIZE),
}


def event_id(article_id: str, start: int, end: int, sub: SubEventType) -> str:
    """A stable id for the event of type ``sub`` that ``article_id`` tells in ``[start, end)``."""
    key = f"{article_id}\x1f{start}\x1f{end}\x1f{sub}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def new_event(doc: Doc, start: int, end: int, sub: SubEventType, **fields: Any) -> Event:
    """The event of type ``sub`` that ``doc`` tells in ``doc.text[start:end]``: its id, types and
    evidence span from those; ``fields`` give the rest (actors, place, date, ...)."""
    return Event(event_id=event_id(doc.article.id, start, end, sub), article_id=doc.article.id,
                 event_type=sub.event_type, sub_event_type=sub, plover_type=plover_for(sub),
                 evidence=Span(start, end, doc.text[start:end]), **fields)


def plover_for(sub_event_type: SubEventType) -> PloverType:
    """The PLOVER type an ACLED sub-event type corresponds to."""
    return _PLOVER[sub_event_type]


def grievances(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` tells what a protest is about or for, or what came before it: "protested against
    the killing of", "to demand the release of their leader, who was arrested", "in memory of"."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _GRIEVANCE.finditer(text, start, end)]


def held_for(text: str, at: int, start: int = 0) -> bool:
    """Whether the words at ``at`` are what someone is held or charged for: "suspected of involvement in riots"."""
    return _HELD_FOR.search(text, max(start, at - 80), at) is not None


def _closing_quote(text: str, at: int, end: int) -> int:
    """Where the quotation opened just before ``at`` closes: its closing mark, else the sentence's end."""
    close = text.find('"', at, end)
    return end if close < 0 else close


def _freed(text: str, at: int, to: int, start: int, end: int) -> bool:
    """Whether the captivity word at ``text[at:to]`` tells of people freed: a rescue word before it ("rescued 180
    hostages", "recovered three victims who were abducted"), or after a captives noun ("hostages were freed")."""
    if _RESCUED.search(text, max(start, at - 60), at):
        return True
    return _CAPTIVES.match(text, at) is not None and _RESCUED.search(text, to, min(end, to + 30)) is not None


def type_sentence(text: str, start: int = 0, end: int | None = None) -> Typed | None:
    """The sub-event type ``text[start:end]`` reports, or None when it reports no event."""
    end = len(text) if end is None else end
    hits: dict[SubEventType, list[tuple[int, int, float]]] = {}
    for i in _TRIGGER_GATES.open(text[start:end].lower()):
        sub, pattern, weight = _TRIGGERS[i]
        for m in pattern.finditer(text, start, end):
            hits.setdefault(sub, []).append((m.start(), m.end(), weight))
    if not hits:
        return None
    # denied: "no arrests were made", "without clashes"
    hits = {sub: undenied for sub, found in hits.items()
            if (undenied := [h for h in found if not _DENIED.search(text, max(start, h[0] - _DENIAL_REACH), h[0])])}
    if not hits:
        return None
    stopped = [(m.start(), m.end()) for m in _NO_PROTEST.finditer(text, start, end)]
    if stopped:  # a protest called off, banned or put off is none the sentence tells
        hits = {sub: left for sub, found in hits.items()
                if (left := [h for h in found if sub not in _PROTESTS or not any(s <= h[0] < e for s, e in stopped)])}
        if not hits:
            return None
    chants = [(m.end(), _closing_quote(text, m.end(), end)) for m in _CHANTED.finditer(text, start, end)]
    if chants:  # what a crowd chanted or wrote on its banners ("the people want to execute the marshal") is words
        hits = {sub: left for sub, found in hits.items()
                if (left := [h for h in found if not any(s <= h[0] < e for s, e in chants)])}
        if not hits:
            return None
    fired = frozenset(hits)
    background = [(m.start(), m.end()) for m in _BACKGROUND.finditer(text, start, end)]
    if (opening := _OPENING_FRAME.match(text, start, end)) is not None:
        background.append(opening.span())
    if background:  # what the event answered or defied is no event of the sentence, if it tells one of its own
        kept = {sub: [h for h in found if not any(s <= h[0] < e for s, e in background)] for sub, found in hits.items()}
        if any(kept.values()):
            hits = {sub: found for sub, found in kept.items() if found}
    if S.ABDUCTION_FORCED_DISAPPEARANCE in hits:  # captives freed: their abduction is no event of the sentence
        hits[S.ABDUCTION_FORCED_DISAPPEARANCE] = [h for h in hits[S.ABDUCTION_FORCED_DISAPPEARANCE]
                                                   if not _freed(text, h[0], h[1], start, end)]
        if not hits[S.ABDUCTION_FORCED_DISAPPEARANCE]:
            del hits[S.ABDUCTION_FORCED_DISAPPEARANCE]
            if not hits:
                return None
    if S.ARRESTS in hits:  # detainees released: the detention is no event of the sentence, their release at most
        hits[S.ARRESTS] = [h for h in hits[S.ARRESTS] if not (_DETAINEES.match(text, h[0]) and (
            _RESCUED.search(text, max(start, h[0] - 60), h[0]) or _RESCUED.search(text, h[1], min(end, h[1] + 40))))]
        if not hits[S.ARRESTS]:
            del hits[S.ARRESTS]
            if not hits:
                return None
    for sub in [x for x in hits if x in _GRIEVED]:  # "a man suspected of child rape": what he is held for
        hits[sub] = [h for h in hits[sub] if not _SUSPECTED_OF.search(text, max(start, h[0] - 50), h[0])]
        if not hits[sub]:
            del hits[sub]
    if not hits:
        return None
    planned = [(m.start(), m.end()) for m in _PLANNED.finditer(text, start, end)]
    if planned and any(sub not in _PROTESTS for sub in hits):  # a protest yet to happen is not the sentence's event
        kept = {sub: [h for h in found if sub not in _PROTESTS or not any(s <= h[0] < e for s, e in planned)]
                for sub, found in hits.items()}
        hits = {sub: found for sub, found in kept.items() if found}
    if S.PEACEFUL_PROTEST in hits:  # a killing or an arrest the protest is about is not the sentence's event
        spans = grievances(text, start, end)
        for sub in [x for x in hits if x not in _PROTESTS]:
            hits[sub] = [h for h in hits[sub] if not any(s <= h[0] < e for s, e in spans)]
            if not hits[sub]:
                del hits[sub]
    if S.PEACEFUL_PROTEST in hits:  # harm told after the protest is what it was about: "protested against rape"
        said = min((h[0] for h in hits[S.PEACEFUL_PROTEST] if _PROTEST_WORD.match(text, h[0], h[1])
                    and not _SETTING.search(text, max(start, h[0] - 40), h[0])), default=end)
        for sub in [x for x in hits if x in _GRIEVED]:
            hits[sub] = [h for h in hits[sub] if h[0] < said]
            if not hits[sub]:
                del hits[sub]
    # the strongest trigger of a type counts in full, the others a quarter
    scores = {sub: max(h[2] for h in found) + 0.25 * (sum(h[2] for h in found) - max(h[2] for h in found))
              for sub, found in hits.items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _PRIORITY[kv[0]]))
    best, score = ranked[0]
    crowd = [kv for kv in ranked if kv[0] in _CROWD_ACTS and kv[1] >= MIN_SCORE]
    if best is S.ARRESTS:  # a riot the people were held for, not one told: "arrested, suspected of rioting"
        crowd = [kv for kv in crowd if not all(held_for(text, h[0], start) or _EARLIER.match(text, h[1], end)
                                                for h in hits[kv[0]])]
    if best in (S.ARRESTS, S.LOOTING_PROPERTY_DESTRUCTION) and crowd:
        # people arrested for rioting, shops looted by a crowd that threw stones: the riot or the crowd's protest is
        # the event, the arrests and the damage are part of it
        best, score = crowd[0]
        ranked = [crowd[0], *(kv for kv in ranked if kv[0] is not best)]
    if best in (S.AIR_DRONE_STRIKE, S.SHELLING_ARTILLERY_MISSILE_ATTACK) and S.CHEMICAL_WEAPON in scores:
        # the weapon, not the aircraft or the gun that delivered it: "barrel bombs loaded with poison gas"
        best, score = S.CHEMICAL_WEAPON, max(score, scores[S.CHEMICAL_WEAPON])
        ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
    if best is S.NON_VIOLENT_TRANSFER_OF_TERRITORY:  # "retreated after troops stormed it": not non-violent
        fight = [kv for kv in ranked if kv[0] in (S.ARMED_CLASH, S.ATTACK) and kv[1] >= MIN_SCORE
                 and any(not _DENIED.search(text, max(start, h[0] - _DENIAL_REACH), h[0]) for h in hits[kv[0]])]
        if fight:
            best, score = fight[0]
            ranked = [fight[0], *(kv for kv in ranked if kv[0] is not best)]
    if best in TERRITORY_GAIN and S.ARMED_CLASH not in scores \
            and not (S.ATTACK in scores and _DEATHS_TOLD.search(text, start, end)) and (
            S.NON_VIOLENT_TRANSFER_OF_TERRITORY in scores or NO_VIOLENCE.search(text, start, end)):
        # taken after the other side withdrew or handed it over, or with no violence, and no fighting told: a
        # non-violent transfer
        hits.setdefault(S.NON_VIOLENT_TRANSFER_OF_TERRITORY, hits[best])
        best, score = S.NON_VIOLENT_TRANSFER_OF_TERRITORY, max(score, scores.get(best, 0.0))
        ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
    if best in (S.AIR_DRONE_STRIKE, S.SHELLING_ARTILLERY_MISSILE_ATTACK) and (
            _AIRCRAFT_HIT.search(text, start, end) or _GROUND_FIGHT.search(text, start, end)):
        # an aircraft fired on, or shelling and air strikes with fighting on the ground: a battle
        best, score = S.ARMED_CLASH, max(score, scores.get(S.ARMED_CLASH, 0.0))
        ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
        hits.setdefault(best, hits[ranked[1][0]] if len(ranked) > 1 else [(start, start, 0.0)])
    if best is S.SUICIDE_BOMB and _BOMBER_STOPPED.search(text, start, end):
        # the bomber stopped, shot or intercepted by those guarding the place: a battle
        hits.setdefault(S.ARMED_CLASH, hits[best])
        best, score = S.ARMED_CLASH, max(score, scores.get(S.ARMED_CLASH, 0.0))
        ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
    if best is S.CHEMICAL_WEAPON and _LEAK.search(text, start, end):
        return None  # a gas leak from a plant or a store: an accident
    if best in _AFTERMATH and (any((best is S.LOOTING_PROPERTY_DESTRUCTION  # looters accused of killings did them
                                    or not _CHARGED.search(text, max(start, m.start() - 60), m.start()))
                                   and not _EARLIER.match(text, m.end(), end) for m in _FIGHT.finditer(text, start, end))
                               or (best is S.ARRESTS and _OPERATIONS_AGAINST.search(text, start, end))):
        # killing or fighting outranks what followed it (arrests, weapons seized, houses burned, reinforcements)
        violent = [kv for kv in ranked if (kv[0] in (S.ATTACK, S.ARMED_CLASH) or kv[0] in _DETONATED
                                           or kv[0] in TERRITORY_GAIN) and kv[1] >= MIN_SCORE]
        if violent:
            best, score = violent[0][0], max(score, violent[0][1])
            ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
    if best is S.LOOTING_PROPERTY_DESTRUCTION and scores.get(S.ABDUCTION_FORCED_DISAPPEARANCE, 0.0) >= MIN_SCORE:
        # "looting granaries and abducting four people": harm to people outranks harm to property
        best, score = S.ABDUCTION_FORCED_DISAPPEARANCE, max(score, scores[S.ABDUCTION_FORCED_DISAPPEARANCE])
        ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
    if best in (S.ATTACK, S.ARMED_CLASH) and scores.get(S.REMOTE_EXPLOSIVE_LANDMINE_IED, 0.0) >= MIN_SCORE \
            and PLANTED_BOMB.search(text, start, end) and not _GROUND_FIGHT.search(text, start, end) \
            and not _GUNS.search(text, start, end):
        # "a bomb blast killed two officers in an attack on their vehicle", "an IED ambush caught the patrol": the
        # explosive was the weapon, and nobody fired a gun
        best, score = S.REMOTE_EXPLOSIVE_LANDMINE_IED, max(score, scores[S.REMOTE_EXPLOSIVE_LANDMINE_IED])
        ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
    if best in (S.CHANGE_TO_GROUP_ACTIVITY, S.DISRUPTED_WEAPONS_USE) and _ATTACKED.search(text, start, end):
        # "attacked two military camps and a reinforcement vehicle", "attacked a police post to seize the weapons":
        # the attack, not the forces moved or the arms taken
        violent = [kv for kv in ranked if kv[0] in (S.ATTACK, S.ARMED_CLASH) and kv[1] >= MIN_SCORE]
        if violent:
            best, score = violent[0][0], max(score, violent[0][1])
            ranked = [(best, score), *(kv for kv in ranked if kv[0] is not best)]
    if best is S.AGREEMENT and not _CONFLICT_PARTIES.search(text, start, end):
        # an agreement of trade, business or diplomacy: the sentence's other event, if it tells one
        ranked = [kv for kv in ranked if kv[0] is not S.AGREEMENT]
        if not ranked:
            return None
        best, score = ranked[0]
    if score < MIN_SCORE:
        return None
    # people held after protests that burned or plundered ("arrested after protests which saw residents plunder the
    # home"): the riot is the event, with the arrests its intervention, so the protest stays among what fired
    held_after_riot = best is S.ARRESTS and S.PEACEFUL_PROTEST in fired and S.PEACEFUL_PROTEST not in hits \
        and (S.LOOTING_PROPERTY_DESTRUCTION in fired or S.VIOLENT_DEMONSTRATION in fired)
    if not held_after_riot and best not in _PROTESTS \
            and all(h[2] == _DEMAND_WEIGHT for h in hits.get(S.PEACEFUL_PROTEST, ())):
        fired = fired - {S.PEACEFUL_PROTEST}  # people's demand outweighed by an event of another kind: no protest
    if score < 2.5 and best not in _PROTESTS and (_not_conflict(text, start, end) or (
            _DIPLOMACY.search(text, start, end) and not _DONE_BY.search(text, start, end))):
        protest = [kv for kv in ranked if kv[0] in _PROTESTS and kv[1] >= MIN_SCORE]
        if not protest:
            return None
        best, score = protest[0]  # never veto a protest or a riot ("smugglers blocked", "stones were hurled")
        ranked = [protest[0], *(kv for kv in ranked if kv[0] is not best)]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = (1 - math.exp(-score / 2.0)) * (1 - 0.3 * runner_up / score)
    s, e, _ = hits[best][0]
    gains = sorted(h for sub in TERRITORY_GAIN for h in hits.get(sub, ()))
    if best is S.NON_VIOLENT_TRANSFER_OF_TERRITORY and gains:
        s, e, _ = gains[0]  # "took control of Pagak after government troops withdrew": the taker's act
    elif best is S.NON_VIOLENT_TRANSFER_OF_TERRITORY:
        # "moved into Moqokori hours after Ethiopian troops pulled out": the mover's act, not the leavers'
        s, e, _ = next((h for h in hits[best] if _MOVED_IN.match(text, h[0])), (s, e, 0.0))
    return Typed(best, _PLOVER[best], round(confidence, 4), s, e, fired)
