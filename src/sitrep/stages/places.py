"""Places: every place an article names, resolved to coordinates with honest precision codes.

The stage reads the headline, the dateline and the body (not captions or credits) in the
normalised text view, and fills ``doc.places`` with :class:`~sitrep.models.Place` mentions whose
offsets index the original text:

- recognised names (:mod:`.places_recognise`, :mod:`.places_evidence`) resolved to a gazetteer entry
  (:mod:`.places_resolve`): a town at its point (``geo_precision`` 1, ``where_prec`` 1), a
  district or county (2, 3), a province (3, 4), a country at its central point, never its capital
  (3, 6), a region (3, 5), a sea (3, 7);
- demonyms ("Syrian"), kept as country mentions with ``feature`` "demonym": they give the article
  its country, and are never an event's place;
- relative places ("20 km east of X", "south of X", "on the outskirts of X"), ``feature``
  "relative", (2, 2), moved by the distance and direction when both are given
  (:mod:`.places_context`);
- landmarks inside a town ("the city's national hospital"), ``feature`` "landmark", at the town;
- names that look like places but are in no gazetteer ("the village of Kelleyland"), with null
  coordinates: unresolved, never dropped.

The gazetteer is loaded (and, the first time, built) when the first article arrives.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from pathlib import Path
from typing import Final

from ..knowledge.gazetteer import Feature, Gazetteer, open_gazetteer
from ..knowledge.gazetteer import Place as Entry
from ..models import Doc, Place
from ..textview import TextView
from ..vocab import GeoPrecision, SegmentKind, WherePrec
from .places_context import landmarks, relative_places, unresolved_places
from .places_evidence import weigh
from .places_recognise import Mention, find_candidates, tokenize
from .places_resolve import resolve

__all__ = ["PRECISION", "Places"]

#: feature -> (ACLED geo_precision, UCDP where_prec)
PRECISION: dict[str, tuple[int | None, int | None]] = {
    "city": (1, 1), "site": (1, 1), "landmark": (1, 1), "relative": (2, 2), "admin2": (2, 3),
    "admin1": (3, 4), "region": (3, 5), "country": (3, 6), "demonym": (3, 6), "water": (3, 7),
    "continent": (3, None),
}


def _codes(feature: str) -> tuple[GeoPrecision | None, WherePrec | None]:
    geo, where = PRECISION.get(feature, (None, None))
    return (GeoPrecision(geo) if geo else None, WherePrec(where) if where else None)


def make_place(doc: Doc, view: TextView, start: int, end: int, entry: Entry | None, gaz: Gazetteer, *,
               feature: str | None = None, name: str | None = None, score: float | None = None,
               point: tuple[float, float] | None = None) -> Place:
    """A :class:`Place` for a view span, quoting the original text."""
    s, e = view.to_original(start, end)
    text = doc.text[s:e]
    if entry is None:
        return Place(name=name or text, text=text, start=s, end=e, feature=feature, score=score)
    feat = feature or entry.feature.label
    geo, where = _codes(entry.feature.label if feat == "demonym" else feat)  # "Ohioans": Ohio's codes
    if feat == "region" and not entry.country:
        where = None  # an area across borders has no UCDP code
    lat, lon = point or (entry.latitude, entry.longitude)
    return Place(
        name=name or entry.name, text=text, start=s, end=e, latitude=round(lat, 5), longitude=round(lon, 5),
        country=gaz.iso3(entry.country) if entry.country else None, admin1=entry.admin1, admin2=entry.admin2,
        feature=feat, geo_precision=geo, where_prec=where, geonames_id=entry.geonames_id, score=score,
    )


_LONG_DASH: Final = re.compile("[\u2013\u2014\u2015]")


def _long_dashes(view_text: str, original: str) -> str:
    """The view's text with the original's en and em dashes put back (the view reads every dash as
    a hyphen; a hyphen joins two words, a long dash does not)."""
    chars = list(view_text)
    for m in _LONG_DASH.finditer(original):
        chars[m.start()] = "\u2014"
    return "".join(chars)


class Places:
    """The places stage; holds the gazetteer of a cache folder (loaded on first use)."""

    name = "places"
    needs = frozenset({"view", "segments", "sentences"})
    provides = frozenset({"places"})

    def __init__(self, *, cache_dir: Path | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.cache_dir = cache_dir
        self._gazetteer = gazetteer
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = open_gazetteer(self.cache_dir)
        return self._gazetteer

    def __call__(self, doc: Doc, /) -> Doc:
        view = doc.view or TextView(doc.text)
        text = view.text
        spans = [(view.from_original(s.start), view.from_original(s.end)) for s in doc.sentences]
        spans += [(view.from_original(g.start), view.from_original(g.end)) for g in doc.segments
                  if g.kind is SegmentKind.DATELINE]
        if not spans:
            return replace(doc, places=())
        spans.sort()
        gaz = self.gazetteer
        if view.identity and _LONG_DASH.search(doc.text):
            text = _long_dashes(text, doc.text)  # "FALLS VILLAGE—The": two words, not one
        toks = tokenize(text, spans)
        mentions = weigh(*find_candidates(text, toks, gaz), toks, text, gaz)
        resolved = resolve(mentions, text)
        places: list[Place] = []
        towns: list[tuple[Mention, Entry]] = []
        for m, r in zip(mentions, resolved, strict=True):
            if m.demonym is not None:
                places.append(make_place(doc, view, m.start, m.end, m.demonym, gaz, feature="demonym",
                                         name=m.demonym.name, score=round(0.7 * m.evidence, 3)))
                continue
            if r.place is None:
                continue
            places.append(make_place(doc, view, m.start, m.span_end or m.end, r.place, gaz, score=r.confidence))
            if r.place.feature in (Feature.CITY, Feature.SITE):
                towns.append((m, r.place))
        for start, end, entry, point, label in relative_places(text, mentions, resolved):
            places.append(make_place(doc, view, start, end, entry, gaz, feature="relative", name=label,
                                     point=point, score=0.6))
        for start, end, entry, label in landmarks(text, towns, spans):
            places.append(make_place(doc, view, start, end, entry, gaz, feature="landmark", name=label, score=0.5))
        taken = [(p.start, p.end) for p in places]
        for start, end, feature in unresolved_places(text, toks, mentions):
            s, e = view.to_original(start, end)
            if not any(s < te and ts < e for ts, te in taken):
                places.append(make_place(doc, view, start, end, None, gaz, feature=feature))
        places.sort(key=lambda p: (p.start, -p.end))
        return replace(doc, places=tuple(places))
