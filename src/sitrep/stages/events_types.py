"""Event typing: which ACLED sub-event type (and PLOVER type) a sentence reports, if any.

Knowledge-driven: each sub-event type has trigger patterns with weights (``_TRIGGERS``); a
sentence's score for a type is the sum of the weights of its triggers that fire. The best-scoring
type wins when it reaches :data:`MIN_SCORE`; on a tie, the more specific type (earlier in
:data:`SubEventType` order of specificity, ``_PRIORITY``) wins: a suicide bombing is also an
explosion and an attack. Cues of what is not political violence (disasters, accidents, ordinary
crime, diplomacy, a claim of responsibility alone) veto weak evidence. The returned confidence is
the winning score squashed to 0..1 and lowered by the runner-up's.
"""

from __future__ import annotations

import math
import re
from typing import Final, NamedTuple

from ..vocab import PloverType, SubEventType

__all__ = ["MIN_SCORE", "Typed", "plover_for", "type_sentence"]

S = SubEventType
MIN_SCORE: Final = 1.0


class Typed(NamedTuple):
    sub_event_type: SubEventType
    plover_type: PloverType
    confidence: float
    trigger_start: int  # the offset of the strongest trigger, in the text given
    trigger_end: int


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (sub-event type, pattern, weight). Patterns match lower- or upper-case text.
_TRIGGERS: Final[tuple[tuple[SubEventType, re.Pattern[str], float], ...]] = (
    (S.CHEMICAL_WEAPON, _p(r"\b(?:chemical (?:weapons?|attacks?|agents?)|chlorine|sarin|mustard gas|nerve agent|"
                           r"poison(?:ous)? gas|toxic gas|gas attack|suffocat\w+)\b"), 2.5),
    (S.SUICIDE_BOMB, _p(r"\bsuicide[- ](?:bomb\w*|attack\w*|car|vest|blast|truck)|\bblew (?:himself|herself|themselves) up\b|"
                        r"\bsuicide bombers?\b|\bself-immolat\w+\b"), 3.0),
    (S.GRENADE, _p(r"\bgrenades?\b"), 2.5),
    (S.REMOTE_EXPLOSIVE_LANDMINE_IED, _p(r"\b(?:ieds?|improvised explosive|roadside bomb|car bomb|landmines?|land mines?|"
                                         r"mines? (?:blast|explo\w+)|booby[- ]trap\w*|explosive devices?|bomb (?:blast|exploded|went off|explosion)|"
                                         r"bombs? (?:placed|planted|hidden)|planted (?:a|an) (?:bomb|explosive)|"
                                         r"vehicle[- ]borne|detonat\w+|blasts?|explosions?|bomb(?:s|ing|ings)?)\b"), 1.6),
    (S.AIR_DRONE_STRIKE, _p(r"\b(?:air ?strikes?|air raids?|aerial (?:bombardment|attacks?|strikes?)|warplanes?|"
                            r"fighter jets?|jets? (?:bombed|struck|pounded|hit)|helicopter gunships?|drones? (?:strikes?|attacks?)|"
                            r"drone|bombed from the air|barrel bombs?|air missiles?|airstrike)\b"), 2.6),
    (S.SHELLING_ARTILLERY_MISSILE_ATTACK, _p(r"\b(?:shell(?:ing|ed|s)|artillery|mortars?|rockets?|missiles?|"
                                             r"katyusha|howitzers?|tank (?:fire|shells)|bombard\w*)\b"), 2.0),
    (S.SEXUAL_VIOLENCE, _p(r"\b(?:rap(?:e|ed|es|ing|ists?)|sexual(?:ly)? (?:assault\w*|abus\w+|violence|slavery|exploit\w*)|"
                           r"molest\w*|gang-rap\w+)\b"), 3.0),
    (S.ABDUCTION_FORCED_DISAPPEARANCE, _p(r"\b(?:abduct\w*|kidnap\w*|hostages?|taken captive|forcibly disappeared|"
                                          r"enforced disappearance|went missing|seized (?:\w+ )?(?:people|civilians|villagers|workers))\b"), 2.6),
    (S.ARRESTS, _p(r"\b(?:arrest\w*|detain\w*|detention|apprehend\w*|taken into custody|rounded up|custody|"
                   r"held for questioning|nabbed)\b"), 2.2),
    (S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, _p(r"\b(?:(?:fired|opened fire|shot) (?:live (?:rounds|ammunition) )?(?:on|at|into) "
                                              r"(?:the )?(?:protesters|demonstrators|crowds?|marchers)|"
                                              r"(?:killed|shot dead|massacred) (?:\w+ )?(?:protesters|demonstrators)|"
                                              r"violently (?:suppress|dispers|crush)\w*|live (?:rounds|ammunition)|"
                                              r"crackdown on (?:\w+ )?protest\w*|stormed (?:a |the )?(?:protest|sit-in))"), 3.2),
    (S.PROTEST_WITH_INTERVENTION, _p(r"\b(?:tear ?gas|water cannons?|rubber bullets|pepper[- ]spray\w*|dispers\w+|"
                                     r"baton[- ]charg\w+|batons?|broke up|suppressed|detained (?:\w+ )?(?:protesters|demonstrators)|"
                                     r"unauthori[sz]ed (?:rally|protest|demonstration)|banned (?:rally|protest|march))\b"), 1.6),
    (S.VIOLENT_DEMONSTRATION, _p(r"\b(?:riot\w*|turned violent|violent (?:protest|demonstration|clash)\w*|threw (?:stones|rocks|"
                                 r"petrol bombs|molotov)|stone[- ]pelt\w*|pelted|torched|set (?:fire|ablaze)|hurled (?:stones|rocks)|"
                                 r"firecrackers|vandali[sz]\w+|barricades?|burn(?:ed|ing|t) (?:tyres|tires))\b"), 2.0),
    (S.MOB_VIOLENCE, _p(r"\b(?:mobs?|lynch\w*|vigilantes?|angry (?:crowd|villagers|residents)|mob justice|"
                        r"(?:villagers|communities|residents|groups) clashed|beaten to death|jungle justice)\b"), 2.4),
    (S.PEACEFUL_PROTEST, _p(r"\b(?:protest\w*|demonstrat(?:ion|ions|ors|ed|e|ing)|rall(?:y|ies|ied)|march(?:ed|es|ers)?|"
                            r"sit-ins?|strike action|went on strike|picket\w*|vigils?|boycott\w*|chant\w*|placards)\b"), 1.5),
    (S.GOVERNMENT_REGAINS_TERRITORY, _p(r"\b(?:recaptur\w+|retook|retaken|retake|regain\w*|reclaim\w*|liberat\w+|recover(?:ed|y) "
                                        r"(?:control|the)|clear(?:ed)? (?:the )?(?:area|town|city|village)s? of)\b"), 2.4),
    (S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, _p(r"\b(?:seiz(?:ed|e|es|ing) (?:control|the (?:town|city|village|base|district|area))|"
                                               r"(?:took|take|taken|gained|gain|seized|wrested) (?:full )?control|overr(?:an|un)|captur(?:ed|e) "
                                               r"(?:the )?(?:town|city|village|base|district|area|territory)|fell to|fall of)\b"), 2.2),
    (S.NON_VIOLENT_TRANSFER_OF_TERRITORY, _p(r"\b(?:withdr(?:ew|awn|aw|awal)|pull(?:ed)? out|evacuat(?:ed|ion) deal|handed (?:over|control)|"
                                             r"without (?:a fight|resistance)|left (?:their|the) (?:last )?(?:bastion|stronghold|positions?)|"
                                             r"began leaving|convoy of .{0,40}(?:left|quit)|quit \w+ .{0,30}with their families)\b"), 2.2),
    (S.AGREEMENT, _p(r"\b(?:agree(?:d|ment|s)?|ceasefire|cease-fire|truce|peace (?:deal|accord|agreement|talks)|signed|accord|"
                     r"deal to|reached a deal|prisoner (?:swap|exchange)|released (?:\w+ )?(?:prisoners|detainees|hostages))\b"), 1.6),
    (S.HEADQUARTERS_OR_BASE_ESTABLISHED, _p(r"\b(?:(?:set up|established?|establishing|built|opened|deployed) (?:a |an |the |its |their |new |)"
                                            r"(?:\w+ )?(?:military )?(?:base|bases|headquarters|outpost|observation (?:point|post)s?|"
                                            r"checkpoints?|camp)|observation posts?)\b"), 2.8),
    (S.DISRUPTED_WEAPONS_USE, _p(r"\b(?:defus\w+|dismantl\w+|intercept\w+|shot down|seiz(?:ed|ure) (?:of )?(?:\w+ ){0,3}(?:weapons|arms|"
                                 r"ammunition|explosives|firearms|rifles|guns|rockets)|weapons? caches?|arms caches?|cache of|"
                                 r"destroyed (?:\w+ ){0,3}(?:weapons|explosives|ieds|rockets|machine guns)|recovered (?:\w+ ){0,3}"
                                 r"(?:weapons|explosives|arms|ammunition)|bomb disposal|foiled|thwarted|neutrali[sz]ed (?:a|an|the) "
                                 r"(?:bomb|explosive|device))"), 2.6),
    (S.LOOTING_PROPERTY_DESTRUCTION, _p(r"\b(?:loot\w*|plunder\w*|ransack\w*|torched (?:\w+ )?(?:houses|homes|shops|villages|"
                                        r"vehicles|cars)|burn(?:ed|t) down|razed|demolish\w+|destroyed (?:\w+ ){0,2}(?:houses|homes|"
                                        r"property|properties|shops|crops)|vandali[sz]ed|made away with)\b"), 2.4),
    (S.CHANGE_TO_GROUP_ACTIVITY, _p(r"\b(?:defect\w*|merg(?:ed|er|e)|split from|joined forces|pledged allegiance|"
                                    r"(?:named|appointed|elected) (?:a |as )?(?:new )?(?:leader|commander|chief)|"
                                    r"relocat\w+|redeploy\w*|reinforcements?|mobili[sz]\w+|recruit\w*|training camp|curfew|"
                                    r"state of emergency|declared (?:martial law|a state)|martial law|offensive (?:was )?launched|"
                                    r"preparing (?:an|to)|amass\w+|kick off the assault)\b"), 1.8),
    (S.ARMED_CLASH, _p(r"\b(?:clash(?:ed|es)?|fighting|fought|battl(?:e|ed|es|ing)|gun ?battles?|firefights?|fire ?fight|"
                       r"exchange(?:d)? (?:of )?(?:fire|gunfire)|skirmish\w*|engaged|ambush\w*|offensive|assault|"
                       r"attacked (?:a |an |the )?(?:army|military|police|security|base|checkpoint|post|outpost|convoy|patrol)|"
                       r"repelled|repulsed|fire exchange|besieg\w+|siege)\b"), 1.7),
    (S.ATTACK, _p(r"\b(?:attack(?:ed|s|ing)?|gunmen|opened fire|shot (?:dead|and killed)|gunned down|killed|murder\w*|"
                  r"massacre\w*|executed|beheaded|hacked to death|stabbed|shot|assassinat\w+|raid(?:ed|s)?|terror(?:ist)? attack)\b"), 1.2),
)

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

#: What political violence and protest are not: with one of these and only weak evidence, no event.
_NOT_CONFLICT: Final = _p(
    r"\b(?:earthquake|flood(?:s|ed|ing|waters)?|landslide|cyclone|hurricane|typhoon|storm|tornado|wildfire|drought|"
    r"covid|coronavirus|pandemic|infections?|epidemic|cholera|outbreak|heavy rain|torrential|"
    r"fire broke out|caught fire|blaze|gas leak|leak(?:ed)?|collapsed|derail\w*|crash(?:ed)? (?:into|landed)|plane crash|"
    r"road accident|traffic accident|capsiz\w+|spill|"
    r"robber\w*|thie(?:f|ves)|theft|burglar\w*|fraud|smuggl\w+|drug (?:trafficking|dealers?|cartel)|narcotics|"
    r"pornograph\w+|embezzl\w+|brib\w+|scam|gang members?|"
    r"sanctions?|condemn\w*|expel\w*|diplomat\w*|ambassador|summoned|talks with|visit(?:ed|s)? (?:to )?|"
    r"claimed responsibility|claims? responsibility|denied (?:\w+ )?responsib\w+|blamed (?:\w+ )?for)\b"
)
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


def plover_for(sub_event_type: SubEventType) -> PloverType:
    """The PLOVER type an ACLED sub-event type corresponds to."""
    return _PLOVER[sub_event_type]


def type_sentence(text: str, start: int = 0, end: int | None = None) -> Typed | None:
    """The sub-event type ``text[start:end]`` reports, or None when it reports no event."""
    end = len(text) if end is None else end
    scores: dict[SubEventType, float] = {}
    where: dict[SubEventType, tuple[int, int]] = {}
    for sub, pattern, weight in _TRIGGERS:
        for m in pattern.finditer(text, start, end):
            if sub not in scores:
                where[sub] = (m.start(), m.end())
            scores[sub] = scores.get(sub, 0.0) + (weight if sub not in scores else weight * 0.25)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _PRIORITY[kv[0]]))
    best, score = ranked[0]
    if score < MIN_SCORE:
        return None
    if _NOT_CONFLICT.search(text, start, end) and score < 2.5:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = (1 - math.exp(-score / 2.0)) * (1 - 0.3 * runner_up / score)
    s, e = where[best]
    return Typed(best, _PLOVER[best], round(confidence, 4), s, e)
