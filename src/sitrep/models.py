"""The data model: what an article becomes as it goes through the pipeline.

Every class is a frozen, slotted dataclass: stages never mutate what they are given, they return a
new :class:`Doc` built with :func:`dataclasses.replace`. Sequences are tuples and free-form
metadata is a read-only mapping, so nothing mutable is shared between stages.

Offsets (``start``/``end``) always index :attr:`Article.text` exactly as it was given (end
exclusive): ``article.text[start:end] == text`` for every span-bearing object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .textview import TextView
from .vocab import (
    ActorKind,
    ActorType,
    DatePrec,
    EventType,
    GeoPrecision,
    Granularity,
    Modality,
    PloverType,
    PublishedFrom,
    SegmentKind,
    SubEventType,
    TimeKind,
    TimePrecision,
    WherePrec,
    interaction_code,
)

__all__ = [
    "Actor",
    "Article",
    "Doc",
    "Event",
    "EventDate",
    "Fatalities",
    "Place",
    "Problem",
    "Quantity",
    "Segment",
    "Sentence",
    "Span",
    "TimeRef",
]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not value:
        return _EMPTY
    if isinstance(value, MappingProxyType):
        return value
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted stretch of the article: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}:{self.end}]")


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, as read. ``text`` is never altered after ingest."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None  # a datetime when the source gave a time
    published_from: PublishedFrom = PublishedFrom.NONE
    url: str | None = None
    source: str | None = None  # the outlet or site name
    path: str | None = None  # the file it came from, as reached from the command line
    line: int | None = None  # the JSONL line it came from
    encoding: str | None = None  # the encoding its bytes were decoded from
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)  # unknown JSONL keys, passed through

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))


@dataclass(frozen=True, slots=True)
class Segment:
    """A classified stretch of the text: headline, caption, credit, site tag, dateline or body."""

    kind: SegmentKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the headline or body; other segments have none."""

    start: int
    end: int
    kind: SegmentKind = SegmentKind.BODY


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that went wrong with one article; the rest of the batch is unaffected."""

    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention, resolved to a name and an ACLED actor type where possible."""

    name: str
    text: str
    start: int
    end: int
    type: ActorType | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    kb_id: str | None = None  # None when not in the knowledge base
    kind: ActorKind | None = None  # organisation, person, group or nationality
    role: str | None = None  # a person's role ("spokesman"), when the text gives one
    affiliation: str | None = None  # the actor it belongs to: a spokesman's group, a group's parent
    resolved_by: str | None = None  # kb, article, shape, context, coreference, or None when unresolved

    @property
    def inter(self) -> int | None:
        return int(self.type) if self.type is not None else None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention; ``latitude``/``longitude`` stay None when it could not be resolved."""

    name: str
    text: str
    start: int
    end: int
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # city, admin1, admin2, country, region, landmark, ...
    geo_precision: GeoPrecision | None = None
    where_prec: WherePrec | None = None
    geonames_id: int | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression, normalised against the article's date.

    ``value`` is ISO 8601 at the precision reached (``2017-07`` for "in July"), as TimeML writes
    it: ``2017-W42``, ``2017-Q3``, ``PRESENT_REF``, ``P4M`` for a duration of four months,
    ``XXXX-XX-XX`` for "daily". ``low``/``high`` bound the days a date can mean. ``value`` is None
    when the expression needs the article's date and the article has none.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: Granularity | None
    low: dt.date | None = None
    high: dt.date | None = None
    kind: TimeKind = TimeKind.DATE


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count of something: "200-300 foreign jihadists", "six more districts", "dozens"."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, with ACLED's and UCDP's precision codes and its source span.

    A date not read from a time expression has ``text`` None and a wider precision.
    """

    value: str
    low: dt.date
    high: dt.date
    time_precision: TimePrecision
    date_prec: DatePrec
    text: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Fatalities:
    """How many were killed: ``best`` with ``low``/``high``; 0 only when the text says nobody."""

    best: int
    low: int
    high: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One event an analyst would code, with the evidence that supports each field."""

    event_id: str
    article_id: str
    event_type: EventType
    sub_event_type: SubEventType
    plover_type: PloverType
    actor1: Actor
    evidence: Span
    actor2: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    assoc_actor_2: tuple[Actor, ...] = ()
    location: Place | None = None
    date: EventDate | None = None
    fatalities: Fatalities | None = None
    modality: Modality = Modality.ASSERTED
    attribution: Span | None = None
    confidence: float = 0.0

    @property
    def interaction(self) -> int | None:
        inter1 = self.actor1.inter
        if inter1 is None:
            return None
        return interaction_code(inter1, self.actor2.inter if self.actor2 else None)


@dataclass(frozen=True, slots=True)
class Doc:
    """An article and everything the pipeline has found in it so far.

    ``view`` is the repaired reading of the text (same offsets, odd characters normalised);
    it is None until the repair stage has run.
    """

    article: Article
    view: TextView | None = None
    segments: tuple[Segment, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    # the country the article is about, at the country's point, quoting the words that say so: where an
    # event is when the article names no town or province of it (set by the places stage)
    home: Place | None = None
    times: tuple[TimeRef, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def text(self) -> str:
        return self.article.text

    def quote(self, start: int, end: int) -> str:
        """The original text between two offsets."""
        return self.article.text[start:end]
