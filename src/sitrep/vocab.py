"""Controlled vocabularies: the labels sitrep writes, spelled exactly as the field spells them.

ACLED's event types, sub-event types and actor types (``inter``), PLOVER's event types, the ACLED
and UCDP precision codes, and sitrep's own small vocabularies (segment kinds, where a publication
date came from, modality, time granularity). Every value here is part of the output contract in
``INTERCHANGE.md``: change spellings never, add members only.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

__all__ = [
    "ActorKind",
    "ActorType",
    "DatePrec",
    "EventType",
    "GeoPrecision",
    "Granularity",
    "Modality",
    "PloverType",
    "PublishedFrom",
    "SegmentKind",
    "SubEventType",
    "TimeKind",
    "TimePrecision",
    "WherePrec",
    "interaction_code",
]


class EventType(StrEnum):
    """ACLED's six event types."""

    BATTLES = "Battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    """ACLED's 25 sub-event types; :attr:`event_type` gives the type each belongs to."""

    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP_ACTIVITY = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING_PROPERTY_DESTRUCTION = "Looting/property destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "Non-violent transfer of territory"
    OTHER = "Other"

    @property
    def event_type(self) -> EventType:
        return _SUB_TO_TYPE[self]


_S = SubEventType
_SUB_TO_TYPE: dict[SubEventType, EventType] = {
    **dict.fromkeys(
        (_S.ARMED_CLASH, _S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
        EventType.BATTLES,
    ),
    **dict.fromkeys(
        (
            _S.CHEMICAL_WEAPON,
            _S.AIR_DRONE_STRIKE,
            _S.SUICIDE_BOMB,
            _S.SHELLING_ARTILLERY_MISSILE_ATTACK,
            _S.REMOTE_EXPLOSIVE_LANDMINE_IED,
            _S.GRENADE,
        ),
        EventType.EXPLOSIONS_REMOTE_VIOLENCE,
    ),
    **dict.fromkeys(
        (_S.SEXUAL_VIOLENCE, _S.ATTACK, _S.ABDUCTION_FORCED_DISAPPEARANCE),
        EventType.VIOLENCE_AGAINST_CIVILIANS,
    ),
    **dict.fromkeys(
        (
            _S.PEACEFUL_PROTEST,
            _S.PROTEST_WITH_INTERVENTION,
            _S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
        ),
        EventType.PROTESTS,
    ),
    **dict.fromkeys((_S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE), EventType.RIOTS),
    **dict.fromkeys(
        (
            _S.AGREEMENT,
            _S.ARRESTS,
            _S.CHANGE_TO_GROUP_ACTIVITY,
            _S.DISRUPTED_WEAPONS_USE,
            _S.HEADQUARTERS_OR_BASE_ESTABLISHED,
            _S.LOOTING_PROPERTY_DESTRUCTION,
            _S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
            _S.OTHER,
        ),
        EventType.STRATEGIC_DEVELOPMENTS,
    ),
}
del _S


class PloverType(StrEnum):
    """The 16 event types of PLOVER, the open ontology behind POLECAT."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class ActorType(IntEnum):
    """ACLED's actor types; the value is the ``inter`` code and :attr:`label` the spelled name."""

    STATE_FORCES = 1
    REBEL_GROUPS = 2
    POLITICAL_MILITIAS = 3
    IDENTITY_MILITIAS = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER_FORCES = 8

    @property
    def label(self) -> str:
        return _ACTOR_LABELS[self]

    @classmethod
    def from_label(cls, label: str) -> ActorType:
        """The member whose ACLED label is ``label`` (exact spelling)."""
        for member, text in _ACTOR_LABELS.items():
            if text == label:
                return member
        raise ValueError(f"not an ACLED actor type: {label!r}")


_ACTOR_LABELS: dict[ActorType, str] = {
    ActorType.STATE_FORCES: "State Forces",
    ActorType.REBEL_GROUPS: "Rebel Groups",
    ActorType.POLITICAL_MILITIAS: "Political Militias",
    ActorType.IDENTITY_MILITIAS: "Identity Militias",
    ActorType.RIOTERS: "Rioters",
    ActorType.PROTESTERS: "Protesters",
    ActorType.CIVILIANS: "Civilians",
    ActorType.EXTERNAL_OTHER_FORCES: "External/Other Forces",
}


class ActorKind(StrEnum):
    """What an actor mention names: an organised actor, a person, a collective described
    generically ("gunmen", "protesters"), or a people named by nationality or ethnicity."""

    ORGANISATION = "organisation"
    PERSON = "person"
    GROUP = "group"
    NATIONALITY = "nationality"


def interaction_code(inter1: int, inter2: int | None) -> int:
    """ACLED's two-digit interaction code: the two ``inter`` codes, smaller first.

    An event with one actor has the code of that actor alone followed by 0 (``10``, ``60``...).
    """
    if inter2 is None or inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


class GeoPrecision(IntEnum):
    """ACLED ``geo_precision``."""

    TOWN = 1  # the named town itself
    NEAR_TOWN = 2  # near a town, or a small part of a region
    REGION = 3  # a larger region


class WherePrec(IntEnum):
    """UCDP ``where_prec``."""

    EXACT = 1
    WITHIN_25KM = 2
    ADMIN2 = 3
    ADMIN1 = 4
    LARGER_THAN_ADMIN1 = 5
    COUNTRY = 6
    WATER_OR_AIRSPACE = 7


class TimePrecision(IntEnum):
    """ACLED ``time_precision``."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class DatePrec(IntEnum):
    """UCDP ``date_prec``."""

    DAY = 1
    DAYS_2_TO_6 = 2
    WEEK = 3
    MONTH = 4
    YEAR = 5


class Granularity(StrEnum):
    """How precise a resolved time expression is (the ``precision`` of a time mention)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    QUARTER = "quarter"
    HALF = "half"
    SEASON = "season"
    DECADE = "decade"


class TimeKind(StrEnum):
    """What a time expression is, as TimeML's TIMEX3 types: a date or a time of day names a point or
    period on the calendar; a duration is a length of time; a set recurs."""

    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    SET = "set"


class SegmentKind(StrEnum):
    """What a stretch of an article's text is. Only ``body`` (and ``headline``) feed events."""

    HEADLINE = "headline"
    CAPTION = "caption"
    CREDIT = "credit"
    SITE_TAG = "site_tag"
    DATELINE = "dateline"
    BODY = "body"
    BOILERPLATE = "boilerplate"  # "Advertisement", "Related: ...", copyright and share lines


class PublishedFrom(StrEnum):
    """Where an article's publication date came from."""

    GIVEN = "given"  # --published on the command line
    METADATA = "metadata"  # the input record or the page's metadata
    DATELINE = "dateline"
    CAPTION = "caption"
    TEXT = "text"  # a date line in the article's header ("Published 16 Oct 2017")
    NONE = "none"


class Modality(StrEnum):
    """Whether the text asserts an event, or only expects, denies, supposes or recalls it."""

    ASSERTED = "asserted"
    EXPECTED = "expected"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"
