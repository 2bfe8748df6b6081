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
  coordinates: unresolved, never dropped; so is an obscure name whose address rules out every
  namesake ("Al Maari school area, Raqqa city, Raqqa governorate, Syria": no Mari near Aleppo;
  :mod:`.places_address`), or whose only namesakes are small or differently spelt places abroad
  in an article about another country ("al-Fu'ah" beside Al-Hasakah: no Fuwwah in Egypt).

The gazetteer is loaded (and, the first time, built) when the first article arrives.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Final

from ..knowledge.gazetteer import Feature, Gazetteer, open_gazetteer
from ..knowledge.gazetteer import Place as Entry
from ..models import Doc, Place
from ..textview import TextView
from ..vocab import ActorKind, GeoPrecision, SegmentKind, WherePrec
from .actors_people import given_name
from .places_address import Address, add_divisions, link_after, links, list_goes_on, mark_divisions_listed
from .places_capital import capital_mentions
from .places_context import countrysides, ellipses, landmarks, relative_places, unresolved_places
from .places_evidence import weigh
from .places_home import actor_countries, forces_named_by_country, home_place, people_of, stay_home
from .places_recognise import Mention, find_candidates, tokenize
from .places_resolve import Resolved, prior, resolve
from .places_resolve import km as _km
from .places_variants import TRANSLITERATED, Variants, add_variants, countries_pointed_to, skeleton
from .places_words import english_words

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


_APOSTROPHE_ENTITY: Final = re.compile(r"&(?:#8217|#8216|#39|#039|rsquo|lsquo|apos);")


def _entity_apostrophes(text: str) -> str:
    """The text with apostrophes written as HTML entities ("Dar&#8217;a") read as apostrophes, one
    per character of the entity, so that offsets stay put and the name stays one word."""
    return _APOSTROPHE_ENTITY.sub(lambda m: "'" * len(m.group()), text)


def _long_dashes(view_text: str, original: str) -> str:
    """The view's text with the original's en and em dashes put back (the view reads every dash as
    a hyphen; a hyphen joins two words, a long dash does not)."""
    chars = list(view_text)
    for m in _LONG_DASH.finditer(original):
        chars[m.start()] = "\u2014"
    return "".join(chars)


_NOT_ALNUM: Final = re.compile(r"[^a-z0-9]+")


def _named_in_address(doc: Doc, mentions: list[Mention]) -> frozenset[str]:
    """The names the article's address carries, as in a local paper's (``parisbeacon.com``,
    ``.../dublin_news/...``): the paper's own town, which needs no state or country beside it."""
    url = doc.article.url
    if not url:
        return frozenset()
    folded = _NOT_ALNUM.sub("", url.lower().split("?", 1)[0])
    out = set()
    for m in mentions:
        key = m.key.replace(" ", "")
        if m.demonym is None and len(key) >= 5 and key in folded:
            out.add(m.key)
    return frozenset(out)


# Country-code domains sites use for what the letters say rather than for a country ("ctv.tv").
_GENERIC_DOMAINS: Final = frozenset("ai am cc co fm io ly me nu to tv ws".split())


def _address_country(doc: Doc, gaz: Gazetteer) -> str | None:
    """The country of the site's country-code domain ("thisisoxfordshire.co.uk": GB, "lfpress.ca":
    CA): where a paper is, its readers' places are likelier than their namesakes abroad."""
    url = doc.article.url
    if not url:
        return None
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_DOMAINS:
        return None
    cc = "GB" if tld == "uk" else tld.upper()
    return cc if gaz.country(cc) is not None else None


#: What holds a place the gazetteer lacks -> its codes there: a village in a town is near the town (ACLED 2,
#: UCDP 2), one in a district is in the district (2, 3), one in a province in the province (3, 4).
_HOLDER_CODES: Final = {Feature.CITY: (GeoPrecision.NEAR_TOWN, WherePrec.WITHIN_25KM),
                        Feature.SITE: (GeoPrecision.NEAR_TOWN, WherePrec.WITHIN_25KM),
                        Feature.ADMIN2: (GeoPrecision.NEAR_TOWN, WherePrec.ADMIN2),
                        Feature.ADMIN1: (GeoPrecision.REGION, WherePrec.ADMIN1)}


def _within(doc: Doc, view: TextView, start: int, end: int, text: str, mentions: Sequence[Mention],
            address: Address, gaz: Gazetteer, *, feature: str | None = None) -> Place:
    """A place the gazetteer lacks, at the place its address names ("Greenlane, Auckland, New Zealand", "the
    village of Cellardyke in Fife", "Gillis Street in Alton"): the nearest holder's point with that holder's
    coarser codes, ``feature`` "within", its ``admin1``/``admin2`` the holder's. Unresolved (null coordinates)
    when the words do not say "address" (a list: "Suba, Migori, Homa Bay"; a name: "Miller, Burlington
    Selectman") or only a country holds it: a country is too wide to pin a village on ("Taji, Iraq")."""
    link = link_after(text, end, mentions)
    holders, marked = address.holders(link, 0.0)
    marked = marked or _PLACE_BEFORE.search(text, max(0, start - 12), start) is not None  # "in Greenlane, Auckland"
    codes = _HOLDER_CODES.get(holders[0][0].feature) if marked and holders else None
    if codes is not None and list_goes_on(text, mentions, holders[-1][2]):
        codes = None  # "Suba, Migori, Homa Bay, Rongo": a list of districts, not an address
    if codes is None:
        return make_place(doc, view, start, end, None, gaz, feature=feature)
    holder = holders[0][0]
    s, e = view.to_original(start, end)
    return Place(name=doc.text[s:e], text=doc.text[s:e], start=s, end=e, latitude=round(holder.latitude, 5),
                 longitude=round(holder.longitude, 5), country=gaz.iso3(holder.country) or None,
                 admin1=holder.admin1 or (holder.name if holder.feature is Feature.ADMIN1 else None),
                 admin2=holder.admin2 or (holder.name if holder.feature is Feature.ADMIN2 else None),
                 feature="within", geo_precision=codes[0], where_prec=codes[1], score=0.3)


#: Between a place and the words that say where it lies: "Lego, a town about 100 km northwest of Mogadishu".
_APPOSITION: Final = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|settlement|hamlet|"
                                r"locality|district|area|camp|base|outpost)\s+"
                                r"(?:(?:located|situated|lying|that lies|which lies)\s+)?$", re.IGNORECASE)


def _placed_by_apposition(text: str, places: list[Place]) -> list[Place]:
    """Places the gazetteer lacks, told where they lie by the words after them: "Lego, a town about 100 km northwest
    of the capital Mogadishu" sits at the point 100 km northwest of Mogadishu, with a relative place's codes."""
    relative = {p.start: p for p in places if p.feature == "relative" and p.latitude is not None}
    if not relative:
        return places
    out = []
    for p in places:
        if p.latitude is None:
            base = next((rel for start, rel in relative.items()
                         if p.end < start <= p.end + 60 and _APPOSITION.fullmatch(text, p.end, start)), None)
            if base is not None:
                p = replace(p, latitude=base.latitude, longitude=base.longitude, country=base.country,
                            admin1=base.admin1, admin2=base.admin2, feature="relative",
                            geo_precision=base.geo_precision, where_prec=base.where_prec, score=0.4)
        out.append(p)
    return out


def _likeliest(m: Mention) -> Entry | None:
    """The place a name most likely stands for on its own, before context."""
    cands = [c for c in m.candidates if not c.alternate] or m.candidates
    return max(cands, key=prior).place if cands else None


#: A place told as near the others: "the nearby town of Zamzam", "nearby Abu Grein".
_NEARBY: Final = re.compile(r"\bnearby\s+(?:(?:town|village|city|camp|area|district)\s+of\s+)?$", re.IGNORECASE)
_NEARBY_KM: Final = 300.0


def _nearby(text: str, mentions: Sequence[Mention], resolved: list[Resolved]) -> list[Resolved]:
    """``resolved`` without a place told as nearby ("the nearby town of Zamzam") that lies in a country no other
    place of the article is in and far from every other town, district or site the article resolved: a namesake
    elsewhere (Zamzam camp in Darfur for a Zamzam beside Sirte), left unresolved. A nearby town in the story's own
    country stays, however far it is from the dateline."""
    out = list(resolved)
    for n, (m, r) in enumerate(zip(mentions, resolved, strict=True)):
        p = r.place
        if p is None or p.feature not in (Feature.CITY, Feature.ADMIN2, Feature.SITE) \
                or not _NEARBY.search(text, max(0, m.start - 40), m.start):
            continue
        others = [q.place for i, q in enumerate(resolved) if i != n and q.place is not None]
        local = [q for q in others if q.feature in (Feature.CITY, Feature.ADMIN2, Feature.SITE)]
        if local and all(_km(p, q) > _NEARBY_KM for q in local) and all(q.country != p.country for q in others):
            out[n] = Resolved(None, 0.0)
    return out


def _resolved(doc: Doc, text: str, mentions: list[Mention], countries: set[str], gaz: Gazetteer, *,
              actors: dict[str, float], home_actors: dict[str, float]) -> tuple[list[Resolved], Address]:
    """The place each mention stands for, with each obscure name in an address ("Al Maari school
    area, Raqqa city, Raqqa governorate, Syria") held to it, a namesake inside or unresolved, and
    small places abroad left unresolved (:func:`.places_home.stay_home`); and the article's addresses."""
    home = _address_country(doc, gaz)
    mark_divisions_listed(text, mentions, _likeliest)
    chains = links(text, mentions)
    resolved = resolve(mentions, text, local=_named_in_address(doc, mentions), home=home,
                       containers={n: [k.container] for n, k in chains.items() if not k.near}, actors=actors)
    held = Address(text, mentions, chains, [r.place for r in resolved], [r.confidence for r in resolved],
                   gaz).hold(prior)
    resolved = [r if p is r.place else Resolved(p, round(0.8 * r.confidence, 3) if p is not None else 0.0)
                for r, p in zip(resolved, held, strict=True)]
    # "Richmond" in a British paper's article on America is still at home; a town named beside "US drones" or the
    # Islamic State is not held to the United States or Syria
    whose = forces_named_by_country(doc, doc.view or TextView(doc.text), mentions)
    pointed = countries_pointed_to([m for n, m in enumerate(mentions) if n not in whose]) if whose else countries
    others = set(home_actors) | ({home} if home and (pointed or home_actors) else set())
    resolved = stay_home(mentions, resolved, pointed | others, gaz, others=others, whose=whose)
    resolved = _nearby(text, mentions, resolved)
    return resolved, Address(text, mentions, chains, [r.place for r in resolved], [r.confidence for r in resolved],
                             gaz)


def _not_organisations(mentions: list[Mention], doc: Doc, view: TextView) -> list[Mention]:
    """The mentions but those the actors stage (when it ran before) read as a group of its
    knowledge base, word for word, that are only other names or variant spellings of places
    ("Hamas" is no Hamm), group names that are also a town's main name when written in mixed case ("FAMa"), the
    people a group is named after ("Abala militia"), and "the Capital"."""
    groups = {(view.from_original(a.start), view.from_original(a.end)) for a in doc.actors if a.kb_id is not None}
    # the people a group is named after, first in its words: "Abala militia", "Salamat members" (not "in Bori")
    peoples = {view.from_original(a.start) for a in doc.actors if a.kb_id is None and people_of(a.text) is not None}
    # the given name of a person's name told alone: "Mary" of "Mary Akello" is no town in Turkmenistan
    persons = [(view.from_original(a.start), view.from_original(a.end)) for a in doc.actors
               if a.kind is ActorKind.PERSON and a.role is None and a.kb_id is None]
    text = view.text
    # "the Capital" is the capital of the country the article is about (see places_capital), not a place so named
    return [m for m in mentions
            if not _THE_CAPITAL.match(text, max(0, m.start - 4), m.span_end or m.end)
            and not (m.start in peoples and not _PLACE_BEFORE.search(text, max(0, m.start - 12), m.start))
            and not (given_name(text[m.start:m.span_end or m.end])
                     and any(a == m.start and (m.span_end or m.end) < b for a, b in persons))
            and (m.demonym is not None or (m.start, m.span_end or m.end) not in groups
                 or (any(not c.alternate and not c.loose for c in m.candidates)
                     and not _MIXED_CASE.fullmatch(text, m.start, m.span_end or m.end)))]


def _worth_listing(m: Mention, view: TextView, named: Sequence[tuple[int, int]]) -> bool:
    """Whether a name the gazetteer could not place is still worth listing as an unresolved place: not an ordinary
    English word capitalised in a headline ("Aerial", "Massacre"), nor a word of an actor's name (``named``: the
    actors' spans in the original text)."""
    if m.last - m.first == 1 and m.key in english_words():
        return False
    return not _in_actor_name(*view.to_original(m.start, m.span_end or m.end), named)


def _in_actor_name(start: int, end: int, named: Sequence[tuple[int, int]]) -> bool:
    """Whether ``start:end`` (in the original text) lies in an actor's name: "Jaysh" of "Jaysh al-Islam", "in
    Hezbollah"."""
    return any(a <= start and end <= b for a, b in named)


#: A group's abbreviation written in mixed case ("FAMa", the Malian army): never a place that is spelt alike (Fama).
_MIXED_CASE: Final = re.compile(r"(?=(?:\w*[A-Z]){2})(?=\w*[a-z])[A-Z]\w*")
#: "the Capital" written with a capital letter: the role, not a place named "Capital" (in Venezuela).
_THE_CAPITAL: Final = re.compile(r"[Tt]he Capital$")
#: Words before a name that make it a place: "in Bori", "at Surma".
_PLACE_BEFORE: Final = re.compile(r"\b(?:in|at|near|from|of|to|into|outside|around)\s+$", re.IGNORECASE)



def _glued_strays(text: str, mentions: Sequence[Mention], resolved: Sequence[Resolved]) -> set[int]:
    """Mentions that are a word of a longer name, not a place: of two names glued by one space that resolve to
    different countries ("Nelson Mandela Municipality": Mandela in Ghana; "Nigerian Maritime University": Maritime in
    Togo; "Far North Queensland": the Far North of Cameroon), the one whose country the article's other places back
    less (the second on a tie). Two places of one country may stand side by side ("Polokwane Limpopo"), and a country
    may follow a place."""
    where = [m.demonym or r.place for m, r in zip(mentions, resolved, strict=True)]
    counts = Counter(p.country for p in where if p is not None and p.country)
    strays: set[int] = set()
    order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
    for a, b in pairwise(order):
        first, second, before, after = mentions[a], mentions[b], where[a], where[b]
        if before is None or after is None or not before.country or not after.country \
                or before.country == after.country or after.feature is Feature.COUNTRY \
                or text[first.span_end or first.end:second.start] != " ":
            continue
        # what backs each country besides the pair itself
        back_a, back_b = counts[before.country] - 1, counts[after.country] - 1
        strays.add(a if back_a < back_b and first.demonym is None else b)
    return strays


class Places:
    """The places stage; holds the gazetteer of a cache folder (loaded on first use)."""

    name = "places"
    needs = frozenset({"view", "segments", "sentences"})
    provides = frozenset({"places"})

    def __init__(self, *, cache_dir: Path | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.cache_dir = cache_dir
        self._gazetteer = gazetteer
        self._variants: Variants | None = None
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = open_gazetteer(self.cache_dir)
        return self._gazetteer

    @property
    def variants(self) -> Variants:
        """Spelling variants of the gazetteer's transliterated names (indexed on first use)."""
        if self._variants is None:
            with self._lock:
                if self._variants is None:
                    self._variants = Variants(self.gazetteer)
        return self._variants

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
        if "&" in text:
            text = _entity_apostrophes(text)
        toks = tokenize(text, spans)
        found, listed = find_candidates(text, toks, gaz)
        mentions = _not_organisations(weigh(found, listed, toks, text, gaz,
                                            countries=actor_countries(doc, view, found, gaz)), doc, view)
        actors = actor_countries(doc, view, mentions, gaz)
        countries = countries_pointed_to(mentions)
        # variant spellings are read only in the countries the article's names point to, not its actors'
        mentions = add_variants(mentions, countries, self.variants, text)
        add_divisions(mentions, gaz)
        resolved, address = _resolved(doc, text, mentions, countries, gaz, actors=actors,
                                      home_actors=actor_countries(doc, view, mentions, gaz, movements=False))
        places: list[Place] = []
        towns: list[tuple[Mention, Entry]] = []
        strays = _glued_strays(text, mentions, resolved)
        named = [(a.start, a.end) for a in doc.actors]
        for n, (m, r) in enumerate(zip(mentions, resolved, strict=True)):
            if n in strays:
                continue
            if m.demonym is not None:
                places.append(make_place(doc, view, m.start, m.end, m.demonym, gaz, feature="demonym",
                                         name=m.demonym.name, score=round(0.7 * m.evidence, 3)))
                continue
            if r.place is None and m.bare:  # "Travis" far from the article's places: no county
                continue
            if r.place is None:  # a local place the gazetteer lacks: kept, at its address's place or unresolved
                if not _worth_listing(m, view, named):
                    continue
                places.append(_within(doc, view, m.start, m.span_end or m.end, text, mentions, address, gaz))
                continue
            places.append(make_place(doc, view, m.start, m.span_end or m.end, r.place, gaz, score=r.confidence))
            if r.place.feature in (Feature.CITY, Feature.SITE):
                towns.append((m, r.place))
        for start, end, entry, point, label in relative_places(text, mentions, resolved, gaz):
            places.append(make_place(doc, view, start, end, entry, gaz, feature="relative", name=label,
                                     point=point, score=0.6))
        for start, end, entry, label, kind, around in countrysides(text, mentions, resolved, gaz):
            places.append(make_place(doc, view, start, end, entry, gaz, feature=kind, name=label, point=around,
                                     score=0.6))
        for start, end, entry in ellipses(text, mentions, resolved, gaz):
            places.append(make_place(doc, view, start, end, entry, gaz, score=0.6))
        for start, end, entry, label in landmarks(text, towns, spans):
            places.append(make_place(doc, view, start, end, entry, gaz, feature="landmark", name=label, score=0.5))
        taken = [(p.start, p.end) for p in places]
        entries = [r.place for r in resolved if r.place is not None]
        pointed = set(countries) | set(actors) | {e.country for e in entries
                                                  if e.country and e.feature is not Feature.REGION}
        for start, end, entry in capital_mentions(text, pointed, entries, gaz):
            place = make_place(doc, view, start, end, entry, gaz, feature="city", name=entry.name, score=0.5)
            if not any(place.start < te and ts < place.end for ts, te in taken):
                places.append(place)
        taken = [(p.start, p.end) for p in places]
        for start, end, feature in unresolved_places(text, toks, mentions):
            s, e = view.to_original(start, end)
            if any(s < te and ts < e for ts, te in taken) or _in_actor_name(s, e, named):
                continue  # placed already, or a word of an actor's name
            allowed = partial(address.allowed, link=link_after(text, end, mentions))
            variant = self._variant(text[start:end], countries, [t for _, t in towns], feature, allowed)
            if variant is None:
                places.append(_within(doc, view, start, end, text, mentions, address, gaz, feature=feature))
                continue
            places.append(make_place(doc, view, start, end, variant, gaz, score=0.4))
        places = _placed_by_apposition(doc.text, places)
        places.sort(key=lambda p: (p.start, -p.end))
        return replace(doc, places=tuple(places), home=home_place(doc, places, actors, gaz))

    def _variant(self, name: str, countries: set[str], towns: list[Entry], feature: str | None,
                 allowed: Callable[[Sequence[Entry]], list[Entry] | None]) -> Entry | None:
        """The place a name no gazetteer spells this way stands for, read as a spelling variant of a
        place in the article's country ("in Menbej": Manbij) that its address allows (``allowed``),
        the nearest to its towns or else the biggest; None when there is none."""
        found = [c.place for c in self.variants.lookup(name, countries)]
        if not countries:  # an article that points to no country: a variant of one place only
            found = [c.place for c in self.variants.lookup(name, TRANSLITERATED)]
            if len(found) != 1 or len(skeleton(name).replace(" ", "")) < 4:
                return None
        held = allowed(found)
        if held is not None:
            found = held
        if feature is not None:
            found = [p for p in found if p.feature.label == feature] or found
        if not found:
            return None
        if towns:
            return min(found, key=lambda p: min(_km(p, t) for t in towns))
        return max(found, key=lambda p: (p.feature is Feature.CITY, p.population))
