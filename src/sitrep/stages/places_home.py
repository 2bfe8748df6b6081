"""The countries an article is about, and the names it does not put abroad.

- Its actors: a group of the knowledge base ("SAF", "RSF": Sudan; "RENAMO": Mozambique; "FDLR",
  "MONUSCO": Congo) says where the story is as much as a demonym does, and is read as such by the
  resolver when the actors stage ran before this one (:func:`actor_countries`).
- Its small places: a name the resolver could only put in a small town abroad, far from the
  countries the article points to, is some local place the gazetteer lacks, and stays unresolved
  (:func:`stay_home`). What a name points to by itself is no evidence against it: "Whittlesea"
  (a county of Australia and a town of South Africa) is no reason to doubt its own town.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Final

from ..knowledge.actors import Entry as Group
from ..knowledge.actors import People, load_kb
from ..knowledge.gazetteer import Feature, Gazetteer
from ..knowledge.gazetteer import Place as Entry
from ..models import Actor, Doc, Place
from ..textview import TextView
from ..vocab import ActorKind, ActorType, GeoPrecision, SegmentKind, WherePrec
from .places_recognise import Mention
from .places_resolve import Resolved
from .places_variants import countries_pointed_to

__all__ = ["FORCES_FROM", "WEAK_PLACE", "actor_countries", "forces_named_by_country", "home_place", "in_group_name",
           "in_story", "stay_home"]

_ACTOR: Final = 0.5  # a named group of the knowledge base counts for its country as much as a demonym
_ACTORS_MOST: Final = 1.0  # and all of them together for one country at most as much as two
_PEOPLE_MOST: Final = 3  # a people spread over more countries than this says nothing of where the article is
_SMALL: Final = 50_000
_CITY: Final = 100_000
_TOWN: Final = 10_000
_SURE: Final = 0.9  # the evidence of a name whose context says "place" ("in Sibut")
WEAK_PLACE: Final = 0.5  # a place resolved with less confidence counts half in the vote for the article's country
_FROM_ACTOR: Final = 0.3  # the score of a country known only from the groups that fight in it
_STORY: Final = frozenset({SegmentKind.BODY, SegmentKind.HEADLINE})
# "troops from Chad", "along with those from Cameroon", "jihadists from Mali", "petrol imported from Libya", "the
# embassy of France": where forces, people or goods come from, or whose mission it is, not where they act
FORCES_FROM: Final = re.compile(r"(?:\b(?:troops|soldiers|forces|those|peacekeepers|contingents?|units|fighters|"
                                 r"militants|mercenaries|jihadists|gunmen|rebels|insurgents|refugees|migrants|"
                                 r"imported|smuggled)\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:neighbou?ring\s+)?|"
                                 r"\b(?:embassy|ambassador|consulate)\s+of\s+(?:the\s+)?)$", re.IGNORECASE)


def actor_countries(doc: Doc, view: TextView, mentions: Sequence[Mention], gaz: Gazetteer, *,
                    movements: bool = True) -> dict[str, float]:
    """Country (alpha-2) -> how strongly the article's actors point to it: each group of the
    knowledge base counts once for its home country, unless a place name is part of its mention
    ("Georgia police": the name counts as a place already, and may be a state of the US); a state's
    forces or government count only when named by a proper name ("SAF", "FARDC"), not by a word the
    actors stage read as the forces of the country the article's names point to ("police", "the
    army"). Without ``movements``, a movement with branches abroad (the Islamic State, al-Qaeda) counts for none: it
    fights in too many countries to say where a story is. Empty when no actors stage ran before."""
    out: dict[str, float] = {}
    seen: set[str] = set()
    spans = [(m.start, m.span_end or m.end, m) for m in mentions]
    for a in doc.actors:
        people = people_of(a.text) if a.kb_id is None and a.resolved_by == "kb" else None
        if people is not None:  # "Oromo people", "Fulani herdsmen": a people of few countries points to them
            if people.id not in seen and len(people.countries) <= _PEOPLE_MOST:
                seen.add(people.id)
                for country in people.countries:
                    cc = gaz.iso2(country)
                    if cc is not None:
                        out[cc] = min(_ACTORS_MOST, out.get(cc, 0.0) + _ACTOR)
            continue
        kb_id = _group_of(a)
        if a.country is None or kb_id is None or a.resolved_by != "kb" or kb_id in seen:
            continue
        if a.type is ActorType.STATE_FORCES and sum(ch.isupper() for ch in a.text) < 2:
            continue  # "police", "the army": the actors stage gave them the article's country, by its places
        seen.add(kb_id)
        if not movements and _movement(kb_id):
            continue
        countries = _countries_of(kb_id, a.country)
        s, e = view.from_original(a.start), view.from_original(a.end)
        if any(s < me and ms < e and _names_country(m, countries, gaz) for ms, me, m in spans):
            continue
        for country in countries:
            cc = gaz.iso2(country)
            if cc is not None:
                out[cc] = min(_ACTORS_MOST, out.get(cc, 0.0) + _ACTOR)
    return out


def home_place(doc: Doc, places: Sequence[Place], actors: dict[str, float], gaz: Gazetteer) -> Place | None:
    """The country the article is about, when its places and actors clearly say so, as a place at the
    country's point (ACLED precision 3, UCDP where_prec 6) quoting the words that say so: the country's
    own name, else a demonym, else a group of the knowledge base that fights there ("SAF bomb Tujur":
    Sudan). ``actors`` is :func:`actor_countries`. None when the votes tie or there are none."""
    votes: dict[str, float] = defaultdict(float)
    places = [p for p in places if p.country and p.latitude is not None and in_story(doc, p.start)
              and not _whose(doc, p)]
    for p in places:
        weak = p.feature == "demonym" or (p.score is not None and p.score < WEAK_PLACE)
        votes[p.country or ""] += 0.5 if weak else 1.0
    for cc, weight in actors.items():
        iso3 = gaz.iso3(cc)
        if iso3 is not None:
            votes[iso3] += weight
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    best = ranked[0][0]
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    for feature in ("country", "demonym"):
        named = [p for p in places if p.feature == feature and p.country == best and not in_group_name(doc, p)]
        if named:
            return replace(named[0], feature="country")
    entry = gaz.country(gaz.iso2(best) or "")
    if entry is None:
        return None
    for a in doc.actors:
        if a.country == best and a.resolved_by == "kb" and (_group_of(a) is not None or people_of(a.text) is not None):
            return Place(name=entry.name, text=a.text, start=a.start, end=a.end, latitude=round(entry.latitude, 5),
                         longitude=round(entry.longitude, 5), country=best, feature="country",
                         geo_precision=GeoPrecision.REGION, where_prec=WherePrec.COUNTRY,
                         geonames_id=entry.geonames_id, score=_FROM_ACTOR)
    return None


def in_group_name(doc: Doc, p: Place) -> bool:
    """Whether a place is named inside a named group's name, which holds no place of the event
    ("clashes between SLM/A-Nur and the army": no Iranian town). A state's forces are named by their
    country or town ("Palestine police", of Palestine, Texas; "Sudanese troops"), so their names hold places."""
    return any(a.start <= p.start and p.end <= a.end and (a.start, a.end) != (p.start, p.end)
               and a.kb_id is not None and a.type is not ActorType.STATE_FORCES for a in doc.actors)


def _group_of(a: Actor) -> str | None:
    """The knowledge base's group an actor is, or belongs to as a person ("a Boko Haram commander")."""
    if a.kb_id is not None or a.kind is not ActorKind.PERSON or a.affiliation is None:
        return a.kb_id
    group = _groups_by_name().get(a.affiliation)
    return group.id if group is not None else None


_AIR_WAR: Final = re.compile(r"\b(?:raids?|air ?strikes?|air raids?|warplanes?|war planes|jets?|aircraft|planes|"
                             r"bombers|drones?|air force)\b", re.IGNORECASE)


def _whose(doc: Doc, p: Place) -> bool:
    """Whether a place name says whose a group is or where it comes from, not where the story is: a
    country named in a group's words ("US forces"), a people's name on its air force ("Russian raids"),
    "jihadists from Mali", "the embassy of France", a
    name inside a group's name that is none of the group's countries ("SLM/A-Nur": no Nur of Sudan;
    "Sinai Province" is in Egypt, where the group fights)."""
    for a in doc.actors:
        if not (a.start <= p.start and p.end <= a.end and (a.start, a.end) != (p.start, p.end)):
            continue
        if p.feature == "country":
            return True
        if p.feature == "demonym" and a.type in (ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES) \
                and _AIR_WAR.search(doc.text, a.start, a.end):
            return True  # "Russian raids", "Turkish jets": air forces strike abroad as often as at home
        if a.kb_id is not None and a.type is not ActorType.STATE_FORCES and a.country is not None \
                and p.country not in _countries_of(a.kb_id, a.country):
            return True
    return p.feature == "country" and FORCES_FROM.search(doc.text, max(0, p.start - 60), p.start) is not None


def in_story(doc: Doc, start: int) -> bool:
    """Whether an offset lies in the article's story (not its dateline, caption or credit)."""
    return not doc.segments or any(g.kind in _STORY and g.start <= start < g.end for g in doc.segments)


def _names_country(m: Mention, countries: Sequence[str], gaz: Gazetteer) -> bool:
    """Whether a place name inside a group's mention may stand for a place of the group's own
    countries ("Georgia police": the name counts for Georgia already; "SLM/A-Nur": no Nur of Sudan)."""
    if m.demonym is not None:
        return True
    iso2 = {gaz.iso2(c) for c in countries}
    return any(c.place.country in iso2 for c in m.candidates)


@lru_cache(maxsize=1)
def _groups_by_name() -> dict[str, Group]:
    """The named groups of the knowledge base by every name the actors stage gives them."""
    out: dict[str, Group] = {}
    for e in load_kb().entries.values():
        if e.generic or e.branch or not e.name or "{" in e.name:
            continue
        for name in (e.name, *(n for _, _, n in e.dated_names)):
            out.setdefault(name, e)
    return out


@lru_cache(maxsize=1)
def _peoples() -> dict[str, People]:
    out: dict[str, People] = {}
    for p in load_kb().peoples.values():
        for name in (p.name, *p.adjectives, *p.people):
            out.setdefault(name.lower(), p)
    return out


def people_of(text: str) -> People | None:
    """The people a group's words name first ("Oromo people", "Fulani herdsmen"), if any."""
    words = text.split()
    for n in (2, 1):
        if len(words) >= n:
            found = _peoples().get(" ".join(words[:n]).lower())
            if found is not None and not found.religion:
                return found
    return None


def _movement(kb_id: str) -> bool:
    """Whether a group of the knowledge base has branches in other countries (the Islamic State)."""
    kb = load_kb()
    return kb_id in kb.entries and kb.has_branches(kb.entry(kb_id))


def forces_named_by_country(doc: Doc, view: TextView, mentions: Sequence[Mention]) -> set[int]:
    """The indexes of the country names and demonyms that name a state's forces, inside their words: "US drones",
    "French forces", "Kenyan troops". Such forces act abroad as often as at home, so the name says whose they are,
    not where the story is."""
    forces = [(view.from_original(a.start), view.from_original(a.end)) for a in doc.actors
              if a.type in (ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES)]
    return {n for n, m in enumerate(mentions)
            if (m.demonym is not None or any(c.place.feature is Feature.COUNTRY for c in m.candidates))
            and any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in forces)}


def _countries_of(kb_id: str, country: str) -> tuple[str, ...]:
    """Every country (alpha-3) a group of the built-in knowledge base fights in: the LRA points to Uganda, Congo,
    the Central African Republic and South Sudan alike, not to its home country alone (an entry of a user's file
    that the built-in one lacks points to the country the actors stage gave it)."""
    try:
        entry = load_kb().entry(kb_id)
    except KeyError:
        return (country,)
    return entry.countries if country in entry.countries else (country,)


def _sure_of_country(m: Mention, r: Resolved) -> bool:
    """Whether a name points to its country as surely as a big city does: its context says "place"
    ("gathered in Kabba", "in Bushenyi District") and the places it is the main name of all lie in
    the country it was resolved to."""
    p = r.place
    return (p is not None and bool(p.country) and m.evidence >= _SURE and _one_country_name(m)
            and any(c.place.country == p.country for c in m.candidates if not c.alternate and not c.loose))


def _spelt_otherwise(m: Mention, p: Entry) -> bool:
    """Whether a mention names a place only by another of its names or a variant spelling."""
    return all(c.alternate or c.loose for c in m.candidates if c.place.id == p.id)


def _misspelt(m: Mention, p: Entry) -> bool:
    """Whether a mention names a place by a variant spelling only, not by any of its names ("Boni": Bonn)."""
    return all(c.loose for c in m.candidates if c.place.id == p.id)


def _one_country_name(m: Mention) -> bool:
    """Whether a name, spelt as it is, is the main name of places of one country only."""
    return len({c.place.country for c in m.candidates if not c.alternate and not c.loose}) == 1


def stay_home(mentions: Sequence[Mention], resolved: Sequence[Resolved], countries: set[str], gaz: Gazetteer, *,
              others: set[str], whose: set[int] | frozenset[int] = frozenset()) -> list[Resolved]:
    """Leave unresolved a name the resolver could only put in a small town abroad, or in a town
    abroad (no city of 100,000 people) that its main name does not spell so, far from the countries
    the article points to and named by nothing else in it ("al-Marj" in an article on the Eastern
    Ghouta is no town in Libya, "al-Fu'ah" beside Al-Hasakah no Fuwwah in Egypt). The second holds
    only where the article's other place names, not only its demonyms, point elsewhere ("Russian
    warplanes" over "Deir Ezzor"). ``countries`` are all the article points to; ``others`` those
    its actors or its site's address point to.

    Countries count only when some other name, a demonym, an actor or the address points to them,
    and a country only demonyms point to ("Burundian peacekeepers in Sibut", "the Brazilian company
    Vale in Moatize district") does not overrule a name that says "place" and is spelt as the main
    name of towns of one country only, one of them of 10,000 people or more. The names of ``whose`` (the indexes
    of :func:`forces_named_by_country`: "US drones", "French forces") point nowhere."""
    by_names: dict[str, set[str]] = defaultdict(set)  # country -> the keys of the place names pointing to it
    by_spellings: dict[str, set[str]] = defaultdict(set)  # the same, with variant spellings of one country's
    by_demonyms: set[str] = set()
    sure: dict[str, set[str]] = defaultdict(set)  # country -> the keys of names sure of it ("in Kabba")
    for n, (m, r) in enumerate(zip(mentions, resolved, strict=True)):
        if n in whose:
            continue
        if m.demonym is not None:
            if m.demonym.country:
                by_demonyms.add(m.demonym.country)
            continue
        for cc in countries_pointed_to([m], spelt=False):
            by_names[cc].add(m.key)
        for cc in countries_pointed_to([m]):
            by_spellings[cc].add(m.key)
        if r.place is not None and _sure_of_country(m, r):
            sure[r.place.country].add(m.key)
    # a name sure of its country points there for the others, not for another sure name: "Shakiso
    # District" (Ethiopia) and "Guji zone" (two villages of China) leave each other alone
    with_sure = (_merged(by_names, sure), _merged(by_spellings, sure), countries | set(sure))
    without = (by_names, by_spellings, countries)
    by_country: dict[str, set[str]] = {}
    for m, r in zip(mentions, resolved, strict=True):
        if r.place is not None:
            by_country.setdefault(r.place.country, set()).add(m.key)
    out: list[Resolved] = []
    for m, r in zip(mentions, resolved, strict=True):
        p = r.place
        names, spellings, pointing = without if _sure_of_country(m, r) else with_sure
        if (not pointing or p is None or p.feature not in (Feature.CITY, Feature.ADMIN2, Feature.SITE) or not p.country
                or by_country.get(p.country) != {m.key}):
            out.append(r)
            continue
        named = {cc for cc, keys in names.items() if keys - {m.key}}
        spelt = {cc for cc, keys in spellings.items() if keys - {m.key}}
        pointed = {cc for cc in pointing if cc in spelt or cc in by_demonyms or cc in others}
        if not pointed or (not named and not (pointed & others) and m.evidence >= _SURE and _one_country_name(m)
                           and not _spelt_otherwise(m, p) and p.population >= _TOWN):
            out.append(r)
            continue
        home = set(pointed)
        for cc in pointed:
            home.update(gaz.neighbours(cc))
        near = set(named)
        for cc in named:
            near.update(gaz.neighbours(cc))
        if p.country not in home and (p.population < _SMALL or (
                (bool(named) or bool(pointed & others)) and p.country not in near and _spelt_otherwise(m, p)
                and (p.population < _CITY or _misspelt(m, p) or bool(pointed & others)))):
            out.append(Resolved(None, 0.0))
        else:
            out.append(r)
    return out


def _merged(a: dict[str, set[str]], b: dict[str, set[str]]) -> dict[str, set[str]]:
    """Country -> names: the union of two such tables."""
    out = {cc: set(keys) for cc, keys in a.items()}
    for cc, keys in b.items():
        out.setdefault(cc, set()).update(keys)
    return out
