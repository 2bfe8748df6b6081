"""Deciding which reports tell of the same event, and fusing them into one record.

Two tools, both incremental (a new article is compared with what is stored, never the other way):

* **Near-duplicate articles** (republished wire copy, lightly edited versions): a MinHash signature
  of each article's word shingles, indexed by LSH bands in the store. Two articles whose estimated
  resemblance passes :data:`NEAR_DUP_JACCARD` are linked.
* **Event coreference**: a report (an event as one article gives it) is compared with the merged
  events whose country and date window could match; a score adds up agreement of place, date,
  type, actors, fatalities and wording; an event's agreement is the mean over its reports, and
  none when any report of it rules the new one out (other days, country, place). The report joins
  the best event above :data:`MERGE_THRESHOLD` or starts a new one. Every decision keeps its
  reasons (``merge_links``).

:func:`fuse` builds a merged event from its reports: the most precise place and date, the most
common type, low/best/high fatalities across reports, and every source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..knowledge.gazetteer import great_circle_km
from ..vocab import interaction_code

__all__ = [
    "MERGE_THRESHOLD",
    "NEAR_DUP_JACCARD",
    "Features",
    "Match",
    "band_hashes",
    "features_of",
    "fuse",
    "match",
    "resemblance",
    "signature",
]

JSON = dict[str, Any]

# -- near-duplicate articles ---------------------------------------------------------------------

PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 resemblance meet in some band
ROWS = PERMUTATIONS // BANDS
NEAR_DUP_JACCARD = 0.7
_rng = np.random.default_rng(20171016)  # fixed: signatures must be comparable across runs
_A = _rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    size = 3 if len(words) >= 12 else 2
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text (``PERMUTATIONS`` 64-bit minima), or None when it has no
    words."""
    shingles = _shingles(text)
    if not shingles:
        return None
    x = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
                     for s in shingles), dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):
        hashed = _A[:, None] * x[None, :] + _B[:, None]  # arithmetic modulo 2**64
    return bytes(hashed.min(axis=1).astype("<u8").tobytes())


def band_hashes(sig: bytes) -> list[int]:
    """One key per LSH band of a signature (the band's number is hashed in): articles sharing a key
    are candidate near-duplicates."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS * 8:(band + 1) * ROWS * 8]
        digest = hashlib.blake2b(chunk, digest_size=8, salt=band.to_bytes(2, "little")).digest()
        out.append(int.from_bytes(digest, "little") >> 1)  # 63 bits: fits a signed BIGINT on both backends
    return out


def resemblance(a: bytes, b: bytes) -> float:
    """Estimated Jaccard resemblance of the texts behind two signatures."""
    return int(np.count_nonzero(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8"))) / PERMUTATIONS


# -- features of one report ----------------------------------------------------------------------

_STOP = frozenset("""
a about after again against all also an and another any are as at be been before being between both but
by can could did do does during each few for from further had has have having he her here hers him his how
i if in into is it its itself just more most no nor not now of off on once only or other our out over own
said same says she should since so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would
you your yesterday today monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december reported report reports according news
""".split())
_GENERIC_RESOLUTION = frozenset({"default", None})


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text))
                     if len(w) > 2 and w not in _STOP and not w.isdigit())


def _actor_keys(event: JSON) -> frozenset[str]:
    keys = set()
    for actor in [event.get("actor1"), event.get("actor2"), *(event.get("assoc_actor_1") or []),
                  *(event.get("assoc_actor_2") or [])]:
        if not actor or (actor.get("resolved_by") in _GENERIC_RESOLUTION and not actor.get("kb_id")):
            continue
        keys.add(str(actor.get("kb_id") or actor.get("name") or "").lower())
    keys.discard("")
    return frozenset(keys)


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Features:
    """What the merge compares of one report."""

    article: str
    event_type: str
    sub_event_type: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date_low: int | None  # proleptic ordinals
    date_high: int | None
    date_explicit: bool  # the text gave the date (not the publication-date fallback)
    actors: frozenset[str]
    fatalities: int | None
    words: frozenset[str]
    published: int | None = None  # ordinal of the article's publication date
    near_dups: frozenset[str] = field(default=frozenset())
    outlet: str | None = None  # who published the article (folded to lower case)

    def to_json(self) -> JSON:
        return {"article": self.article, "event_type": self.event_type, "sub_event_type": self.sub_event_type,
                "country": self.country, "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
                "geo_precision": self.geo_precision, "date_low": self.date_low, "date_high": self.date_high,
                "date_explicit": self.date_explicit, "actors": sorted(self.actors),
                "fatalities": self.fatalities, "words": sorted(self.words), "published": self.published,
                "outlet": self.outlet}

    @classmethod
    def from_json(cls, data: JSON) -> Features:
        return cls(article=data["article"], event_type=data["event_type"], sub_event_type=data["sub_event_type"],
                   country=data["country"], admin1=data["admin1"], lat=data["lat"], lon=data["lon"],
                   geo_precision=data["geo_precision"], date_low=data["date_low"], date_high=data["date_high"],
                   date_explicit=data["date_explicit"], actors=frozenset(data["actors"]),
                   fatalities=data["fatalities"], words=frozenset(data["words"]), published=data.get("published"),
                   outlet=data.get("outlet"))


def features_of(event: JSON, article_key: str, title: str | None = None, published: str | None = None,
                outlet: str | None = None) -> Features:
    """The merge features of one event record (contract form) from article ``article_key``."""
    loc = event.get("location") or {}
    # a whole country's point says no more than the country: it rules out no town of it by distance
    point = loc.get("feature") != "country"
    date = event.get("date") or {}
    fat = event.get("fatalities")
    text = (event.get("evidence") or {}).get("sentence") or ""
    if title and title not in text:
        text = f"{title} {text}"
    return Features(
        article=article_key,
        event_type=str(event.get("event_type") or ""),
        sub_event_type=str(event.get("sub_event_type") or ""),
        country=loc.get("country"),
        admin1=loc.get("admin1"),
        lat=loc.get("latitude") if point else None,
        lon=loc.get("longitude") if point else None,
        geo_precision=loc.get("geo_precision"),
        date_low=_day(date.get("low")),
        date_high=_day(date.get("high")),
        date_explicit=bool(date.get("text")),
        actors=_actor_keys(event),
        fatalities=fat.get("best") if isinstance(fat, dict) else None,
        words=_words(text),
        published=_day(published),
        outlet=outlet.strip().lower() or None if outlet else None,
    )


# -- matching ------------------------------------------------------------------------------------

MERGE_THRESHOLD = 3.0
MAX_KM = 100  # farther apart than this: never one event
DATE_WINDOW = 3  # days between two explicit dates that can still be one event
FALLBACK_WINDOW = 7  # ... when a date is only the publication week
# Event types that reports of one incident mix up ("clashes" vs "shelling" vs "massacre").
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _km(a: Features, b: Features) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def _gap_days(a: Features, b: Features) -> int | None:
    if None in (a.date_low, a.date_high, b.date_low, b.date_high):
        return None
    assert a.date_low is not None and a.date_high is not None
    assert b.date_low is not None and b.date_high is not None
    if a.date_high < b.date_low:
        return b.date_low - a.date_high
    if b.date_high < a.date_low:
        return a.date_low - b.date_high
    return 0


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    reasons: tuple[str, ...]


def match(new: Features, old: Features) -> Match | None:
    """How well report ``new`` agrees with report ``old``; None when they cannot be one event."""
    if new.article == old.article:
        return None  # one article's events were already told apart by the events stage
    reasons: list[str] = []
    score = 0.0
    near_dup = old.article in new.near_dups or new.article in old.near_dups
    if near_dup:
        score += 3.0
        reasons.append("near-duplicate articles +3")
    if new.country and old.country and new.country != old.country:
        return None
    gap = _gap_days(new, old)
    if gap is not None:
        window = DATE_WINDOW if new.date_explicit and old.date_explicit else FALLBACK_WINDOW
        if gap > window:
            return None
        both_dated = new.date_explicit and old.date_explicit
        bonus = (1.0 if both_dated else 0.5) if gap == 0 else -0.5 * gap
        score += bonus
        reasons.append(f"dates {gap} days apart {bonus:+g}")
    if not new.date_explicit and not old.date_explicit and new.published is not None and old.published is not None:
        # both dated only by publication: reports of one incident come out the same day or the next.
        # When one text gives its date, that date (compared above) is what counts: an incident log
        # published a month after the strike still tells of the day it names.
        days = abs(new.published - old.published)
        bonus = 0.5 if days == 0 else 0.0 if days == 1 else -1.0 * min(days, 4)
        score += bonus
        reasons.append(f"published {days} days apart {bonus:+g}")
    km = _km(new, old)
    if km is not None and km > MAX_KM:
        return None
    if km is not None:
        precise = (new.geo_precision or 3) == 1 and (old.geo_precision or 3) == 1
        if km <= 5:
            bonus = 2.0 if precise else 1.0
        elif km <= 30:
            bonus = 1.0 if precise else 0.5
        elif km <= 100:
            bonus = -0.5
        else:
            bonus = -3.0
        score += bonus
        reasons.append(f"places {km:.0f} km apart {bonus:+g}")
    elif new.admin1 and old.admin1:
        bonus = 0.5 if new.admin1 == old.admin1 else -2.0
        score += bonus
        reasons.append(f"admin1 {'same' if bonus > 0 else 'different'} {bonus:+g}")
    if new.event_type == old.event_type:
        bonus = 1.5 if new.sub_event_type == old.sub_event_type else 1.0
    elif new.event_type in _VIOLENT and old.event_type in _VIOLENT:
        bonus = 0.0
    else:
        bonus = -2.0
    score += bonus
    reasons.append(f"types {new.sub_event_type} / {old.sub_event_type} {bonus:+g}")
    if new.actors and old.actors:
        shared = new.actors & old.actors
        bonus = 1.0 if shared else -1.0
        score += bonus
        reasons.append(f"actors {'shared: ' + ', '.join(sorted(shared)) if shared else 'differ'} {bonus:+g}")
    if new.fatalities is not None and old.fatalities is not None:
        lo, hi = sorted((new.fatalities, old.fatalities))
        if hi == 0 or lo >= 0.5 * hi:
            score += 0.5
            reasons.append("fatalities agree +0.5")
    if new.words and old.words:
        shared_words = new.words & old.words
        jaccard = len(shared_words) / len(new.words | old.words)
        bonus = round(6.0 * jaccard, 2)
        score += bonus
        reasons.append(f"wording {jaccard:.2f} alike {bonus:+g}")
    return Match(score=score, reasons=tuple(reasons))


LOG_KM = 30  # two dated reports of one outlet farther apart than this tell of two strikes


def _logged_apart(a: Features, b: Features) -> bool:
    """Whether one outlet dated the two reports on days that cannot be the same, or placed them in
    towns apart: an outlet does not report one event twice under two different dates or places (an
    incident log lists each strike apart, by its day and its place)."""
    if not (a.outlet and a.outlet == b.outlet and a.date_explicit and b.date_explicit):
        return False
    gap = _gap_days(a, b)
    km = _km(a, b)
    return (gap is not None and gap > 0) or (km is not None and km > LOG_KM)


def _likely_days(f: Features) -> tuple[int, int] | None:
    """The days a report most likely tells of: the dates its text gives, else the day it came out or
    the day before (news of an incident follows it within a day; the wider fallback window of the
    events stage is for what the text may mean, not for where reports of one incident fall)."""
    if f.date_explicit and f.date_low is not None and f.date_high is not None:
        return f.date_low, f.date_high
    if f.published is not None:
        return f.published - 1, f.published
    return None


def _days_apart(a: Features, b: Features) -> bool:
    """Whether two reports tell of days that cannot be one incident's: days that do not overlap,
    or, when both texts give a date, more than a day apart (reports disagree by a day)."""
    da, db = _likely_days(a), _likely_days(b)
    if da is None or db is None:
        return False
    slack = 1 if a.date_explicit and b.date_explicit else 0
    return db[0] > da[1] + slack or da[0] > db[1] + slack


def best_match(new: Features, members: Sequence[Features]) -> Match | None:
    """How well ``new`` agrees with one merged event: the mean agreement with its reports (average
    linkage: a report that agrees with one member only cannot pull an event along from day to day or
    from place to place), or None when any member rules it out: a report can never join an event
    that holds another event of its own article, one that its own outlet dated to another day, one
    whose reports tell of other days, or one with a report it cannot be (another country, too far).
    The reasons are those of the closest member, with the mean."""
    best: Match | None = None
    total = 0.0
    for old in members:
        if old.article == new.article or _logged_apart(new, old) or _days_apart(new, old):
            return None
        m = match(new, old)
        if m is None:
            return None
        total += m.score
        if best is None or m.score > best.score:
            best = m
    if best is None:
        return None
    mean = total / len(members)
    if len(members) == 1:
        return best
    return Match(score=mean, reasons=(*best.reasons, f"mean over {len(members)} reports {mean:.2f}"))


# -- fusion --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one article gave it, with what the fusion needs of the article."""

    record: JSON
    article_key: str
    published: str | None
    url: str | None
    outlet: str | None


def _place_rank(loc: JSON) -> tuple[int, float]:
    return (int(loc.get("geo_precision") or 9), -float(loc.get("score") or 0.0))


def _date_rank(date: JSON) -> tuple[int, int, int]:
    span = (_day(date.get("high")) or 0) - (_day(date.get("low")) or 0)
    return (0 if date.get("text") else 1, span, int(date.get("time_precision") or 9))


def _most_common(values: Iterable[str]) -> str:
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -list(counts).index(v)))


def fuse(event_id: str, reports: Sequence[Report]) -> JSON:
    """One merged event record from the reports that tell of it (earliest first)."""
    ordered = sorted(reports, key=lambda r: (r.published or "9999", r.article_key))
    records = [r.record for r in ordered]
    event_type = _most_common(r["event_type"] for r in records)
    typed = [r for r in records if r["event_type"] == event_type]
    sub_event_type = _most_common(r["sub_event_type"] for r in typed)
    lead = max(typed, key=lambda r: (r["sub_event_type"] == sub_event_type, float(r.get("confidence") or 0)))
    fused: JSON = dict(lead)
    fused["event_id"] = event_id
    fused["article_id"] = ordered[0].article_key
    fused["event_type"] = event_type
    fused["sub_event_type"] = sub_event_type
    for slot in ("actor1", "actor2"):
        current = fused.get(slot)
        if current is None or (current.get("resolved_by") in _GENERIC_RESOLUTION and not current.get("kb_id")):
            better = [r[slot] for r in typed if r.get(slot) and (r[slot].get("kb_id") or
                                                                 r[slot].get("resolved_by") not in _GENERIC_RESOLUTION)]
            if better:
                fused[slot] = better[0]
    if fused.get("actor1") and fused["actor1"].get("inter"):
        inter2 = (fused.get("actor2") or {}).get("inter")
        fused["interaction"] = interaction_code(int(fused["actor1"]["inter"]), int(inter2) if inter2 else None)
    places = [r["location"] for r in records if r.get("location") and r["location"].get("latitude") is not None]
    if places:
        fused["location"] = min(places, key=_place_rank)
    dates = [r["date"] for r in records if r.get("date")]
    if dates:
        fused["date"] = min(dates, key=_date_rank)
    tolls = [(rep.published or "", r["fatalities"]) for rep, r in zip(ordered, records, strict=True)
             if r.get("fatalities")]
    if tolls:
        latest = max(tolls, key=lambda t: (t[0], t[1]["best"]))[1]
        fused["fatalities"] = dict(latest, low=min(t[1]["low"] for t in tolls),
                                   high=max(t[1]["high"] for t in tolls))
    if any(r.get("modality") == "asserted" for r in records):
        fused["modality"] = "asserted"
    miss = 1.0
    for r in records:
        miss *= 1.0 - min(0.99, float(r.get("confidence") or 0.0))
    fused["confidence"] = round(1.0 - miss, 4)
    sources = []
    seen = set()
    for rep in ordered:
        ev = rep.record.get("evidence") or {}
        sources.append({"article_id": rep.article_key, "url": rep.url, "outlet": rep.outlet,
                        "published": rep.published, "report_event_id": rep.record.get("event_id"),
                        "evidence": {"sentence": ev.get("sentence"), "start": ev.get("start"), "end": ev.get("end")}})
        seen.add(rep.article_key)
    fused["number_of_sources"] = len(seen)
    fused["sources"] = sources
    published = [r.published for r in ordered if r.published]
    fused["first_reported"] = min(published) if published else None
    fused["last_reported"] = max(published) if published else None
    return fused
