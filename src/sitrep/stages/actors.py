"""Actors: every actor an article mentions, named and typed the way ACLED names and types them,
with the span that proves it.

The stage reads the headline and body sentences (never captions, credits or datelines) on the
repaired view of the text, and:

1. finds the knowledge base's names and composes them ("Syrian troops", "U.S.-backed militias",
   "the government of Iraq"; :mod:`.actors_mentions`);
2. finds people with their roles and organisations ("SDF spokesman Mostafa Bali";
   :mod:`.actors_people`), organisations the knowledge base does not know by their shape, words in
   capitals, and the abbreviations the article defines (:mod:`.actors_shapes`);
3. works out the article's country and what each crowd is doing (:mod:`.actors_context`);
4. resolves descriptions, appositions, definite nouns and pronouns (:mod:`.actors_coref`);
5. names each mention: the knowledge base's name as of the article's year (renamings followed),
   ACLED's generic names with the country ("Protesters (Nigeria)"), or the name as written for
   actors it does not know, which stay unresolved (``kb_id`` None) with a guessed type.

Offsets are mapped back to the original text: ``article.text[start:end] == text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Final, NamedTuple

from ..knowledge.actors import ARMED_BRANCHES, Entry, KnowledgeBase, fill, fold, load_kb
from ..models import Actor, Doc, Sentence
from ..settings import Settings
from ..vocab import ActorKind, ActorType, SegmentKind
from .actors_context import (
    COMMUNAL,
    VIGILANTE,
    Cues,
    Votes,
    article_country,
    article_votes,
    crowd_context,
    foreign,
    harms_people,
    is_agent,
    protesting,
    sentence_cues,
)
from .actors_coref import find_definites, find_pronouns, resolve
from .actors_identity import armed_identity, bare_peoples, coordinate_peoples, located, suffers, unknown_groups
from .actors_mentions import Hit, Mention, compose, kb_hits, select
from .actors_people import find_people, tokens
from .actors_shapes import abbreviation_after, communal_sides, ethnic_prefixes, find_acronyms, find_shapes

__all__ = ["Actors"]

_READ = frozenset({SegmentKind.BODY, SegmentKind.HEADLINE})
#: A mention that is an abbreviation, alone or before its men: "APC", "ADF soldiers", "MMC".
_ABBREVIATION: Final = re.compile(r"[A-Z]{2,5}(?:\s+[a-z][a-z-]*)?")


def _foreign_abbreviations(kb: KnowledgeBase, view: str, hits: list[Hit], mentions: list[Mention],
                           places: list[str]) -> None:
    """Groups named once, only by an abbreviation, in an article whose country names, capitals and adjectives set it in
    another part of the world are not those groups: "the Tshwane MMC" in Pretoria is no Manbij Military Council,
    an "APC" hit by a bomb in Kabul no Nigerian party. Such a mention is kept as an organisation the knowledge base
    does not know (changed in place)."""
    short = [m for m in mentions if m.entry is not None and not m.entry.generic and not m.entry.branch
             and m.entry.countries and _ABBREVIATION.fullmatch(view, m.start, m.end) and not kb.has_branches(m.entry)]
    if not short:
        return
    # where the text's places point, without the forces and the ministries of a country named by its adjective
    # ("French forces killed AQIM fighters near Tessalit, the French defence ministry said": not set in France)
    kept = [h for h in hits if not (any(t.kind == "adjective" for t in h.targets)
                                    and (_FORCE_AFTER.match(view, h.end) or _SPEAKS_FOR.match(view, h.end)))]
    where = article_country(article_votes(kb, view, kept, [], places))
    there = kb.countries.get(where) if where else None
    if there is None:
        return
    for m in short:
        entry = m.entry
        assert entry is not None
        word = view[m.start:m.end].split()[0]
        if sum(x.entry is entry for x in mentions) > 1 or len(re.findall(rf"\b{word}\b", view)) > 1:
            continue  # named in full too, or named again: the article is about it
        homes = [kb.countries[c].region for c in entry.countries if c in kb.countries]
        if not homes or where in entry.countries or there.region in homes:
            continue
        m.entry, m.name, m.type, m.kind, m.resolved_by = None, word, None, ActorKind.ORGANISATION, None


def _short_forms(kb: KnowledgeBase, view: str, folded: str, mentions: list[Mention], year: int | None) -> None:
    """An organisation found by its shape that is a known group's name cut short, the rest of that name said elsewhere
    in the article, is that group: "the Shura Council" in a story from Benghazi is the Benghazi Revolutionaries Shura
    Council. Only one group may fit (changed in place)."""
    national = _country_words(kb)
    for m in mentions:
        if m.entry is not None or m.kind is not ActorKind.ORGANISATION or not m.name or m.antecedent is not None:
            continue
        words = tuple(w for w in folded[m.start:m.end].split() if w != "the")
        if len(words) < 2:
            continue
        fits = {e.id: e for e, rest in kb.shortened(words) if (year is None or e.active_in(year))
                and any(_said_elsewhere(view, w, m) for w in rest
                        if len(w) > 3 and w not in _MINOR_WORDS and w not in national)}
        if len(fits) == 1:
            entry = next(iter(fits.values()))
            m.entry, m.name, m.type, m.resolved_by = entry, None, entry.type, "kb"


#: Before a state's forces, words that make them people who served once: "a retired army colonel", "former soldiers".
_FORMER: Final = re.compile(r"\b(?:retired|former|ex-?)\s*(?:[a-z]+\s+)?$", re.IGNORECASE)


def _former(view: str, mentions: list[Mention], civilians: Entry) -> None:
    """A state's forces named as having served once ("a retired army colonel", "ex-soldiers") are civilians now
    (changed in place)."""
    for m in mentions:
        e = m.entry
        if e is not None and e.role == "state" and e.branch in ARMED_BRANCHES \
                and _FORMER.search(view, max(0, m.start - 20), m.start):
            m.entry, m.type, m.kind, m.country = civilians, ActorType.CIVILIANS, ActorKind.GROUP, None


@cache
def _country_words(kb: KnowledgeBase) -> frozenset[str]:
    """The words of countries' names and adjectives (folded): said of a country, never of one group's name alone."""
    return frozenset(w for c in kb.countries.values() for name in (c.name, *c.names, *c.adjectives, *c.people)
                     for w in fold(name).split())


def _said_elsewhere(view: str, word: str, m: Mention) -> bool:
    """Whether ``word`` (folded) is written in the article, capitalised, outside the mention ``m``."""
    return any(not (m.start <= x.start() < m.end) for x in re.finditer(rf"\b{re.escape(word.capitalize())}\b", view))


class _Place(NamedTuple):
    country: str | None  # the article's country
    votes: Votes  # how strongly the article points to each country
    year: int | None  # the article's year
    setting: Votes  # the votes of what tells where the article is set (see :func:`_setting_votes`)


_ARMED_BEFORE: Final = re.compile(r"\b(?:armed|heavily armed|machete-wielding|gun-wielding)\s+$", re.IGNORECASE)
_MINOR_WORDS: Final = frozenset("of the for and de du des la le les in on to et".split())
_WORD: Final = re.compile(r"[^\W\d_][\w'-]*")


def _spelled_out(kb: KnowledgeBase, view: str, hit: Hit, hits: list[Hit]) -> bool:
    """Whether a known abbreviation in brackets is the article's own for other words before it: "the member of the
    mayoral committee (MMC)" is no Manbij Military Council. Words the entry's names share ("Forces Democratiques de
    Liberation du Rwanda (FDLR)"), or a known name just before the brackets, keep it."""
    if hit.start == 0 or view[hit.start - 1] != "(" or view[hit.end:hit.end + 1] != ")":
        return False
    letters = [c.lower() for c in view[hit.start:hit.end] if c.isalpha()]
    if len(letters) < 2 or any(o is not hit and hit.start - 3 <= o.end < hit.start for o in hits):
        return False
    words = [w for w in _WORD.findall(view, max(0, hit.start - 160), hit.start - 1) if w.lower() not in _MINOR_WORDS]
    tail = words[-len(letters):]
    if len(tail) < len(letters) or [w[0].lower() for w in tail] != letters:
        return False
    entries = [kb.entry(t.ref) for t in hit.targets if t.kind == "entry" and t.ref in kb.entries]
    if not entries:
        return False
    named = {fold(w).lower() for e in entries for text in (e.name, *e.aliases) for w in _WORD.findall(text)}
    return not any(fold(w).lower() in named for w in tail)


@dataclass(frozen=True, slots=True)
class _Named:
    name: str
    type: ActorType | None
    country: str | None
    kb_id: str | None
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Actors:
    """The actors stage. Holds the knowledge base (built-in, plus ``settings.actors`` if given)."""

    kb: KnowledgeBase = field(default_factory=load_kb)
    name: str = "actors"
    needs: frozenset[str] = frozenset({"view", "segments", "sentences"})
    provides: frozenset[str] = frozenset({"actors"})

    @classmethod
    def from_settings(cls, settings: Settings) -> Actors:
        return cls(kb=load_kb(settings.actors))

    def __call__(self, doc: Doc, /) -> Doc:
        if doc.view is None:
            return doc
        view = doc.view.text
        folded = fold(view)
        year = doc.article.published.year if doc.article.published is not None else None
        # the sentences in the view's offsets (the view is shorter than the text where it decoded "&#8217;" or
        # mojibake): every name below is found and kept in the view's offsets, given back in the text's at the end
        sentences = [replace(s, start=doc.view.from_original(s.start), end=doc.view.from_original(s.end))
                     for s in doc.sentences if s.kind in _READ]
        chosen: list[list[Hit]] = []
        described: list[tuple[Hit, int]] = []
        for i, s in enumerate(sentences):
            hits, weak = select(kb_hits(self.kb, view, folded, s.start, s.end))
            hits = [h for h in hits if not _spelled_out(self.kb, view, h, hits)]
            chosen.append(hits)
            described.extend((h, i) for h in weak)
        all_hits = [h for hits in chosen for h in hits]
        places = [p.country for p in doc.places if p.country]
        votes = article_votes(self.kb, view, all_hits, [], places)
        prefer = _preference(votes, year)
        mentions: list[Mention] = []
        extra: list[Mention] = []
        known: dict[str, Mention] = {}
        learned: dict[str, Mention] = {}
        per_sentence = []
        civilians, militia = self.kb.entry("civilians"), self.kb.entry("communal-militia")
        for i, s in enumerate(sentences):
            found = compose(self.kb, view, folded, chosen[i], s.start, prefer)
            toks = tokens(view, s.start, s.end)
            people = find_people(view, toks, found, known)
            for p in people:
                _remember(known, p)
            found = [m for m in found if not any(p.start <= m.start and m.end <= p.end for p in people)]
            found = sorted(found + people, key=lambda m: m.start)
            shapes = find_shapes(view, toks, found)
            found = sorted(found + shapes, key=lambda m: m.start)
            found += bare_peoples(self.kb, view, chosen[i], found, s.start, civilians, militia)
            found += unknown_groups(view, s.start, s.end, found, chosen[i], civilians, militia)
            found.sort(key=lambda m: m.start)
            for m in found:
                m.sentence = i
                abbr = abbreviation_after(view, m)
                if abbr is not None and m.kind is not ActorKind.PERSON:
                    if m.name is not None and m.entry is None and not m.name.startswith(abbr + ":"):
                        m.name = f"{abbr}: {m.name}"
                    m.key = m.key or abbr
                    learned.setdefault(abbr, m)
            mentions.extend(found)
            per_sentence.append((s, toks))
        for i, (s, toks) in enumerate(per_sentence):
            here = [m for m in mentions if m.sentence == i]
            known_spans = [(h.start, h.end) for h in chosen[i] if view[h.start:h.end] not in learned]
            for m in find_acronyms(view, toks, here, learned, known_spans):
                m.sentence = i
                mentions.append(m)
            for m in here:
                model = learned.get(view[m.start:m.end])
                if model is not None and model is not m and model.entry is not m.entry and m.entry is not None \
                        and not m.entry.generic:
                    m.entry, m.name, m.type, m.resolved_by = model.entry, model.name, model.type, "article"
            extra.extend(find_definites(view, s.start, s.end, i))
            extra.extend(find_pronouns(view, s.start, s.end, i))
        for i, (s, toks) in enumerate(per_sentence):
            here = [m for m in mentions if m.sentence == i]
            ethnic_prefixes(view, toks, here)
            for m in communal_sides(view, s.start, s.end, here, militia):
                m.sentence = i
                mentions.append(m)
                here.append(m)
            coordinate_peoples(view, here)
            armed_identity(view, here)
        _short_forms(self.kb, view, folded, mentions, year)
        _former(view, mentions, civilians)
        _foreign_abbreviations(self.kb, view, all_hits, mentions, places)
        votes = article_votes(self.kb, view, all_hits, mentions, places)
        country = article_country(votes)
        where = _Place(country, votes, year, _setting_votes(self.kb, view, all_hits, mentions, places))
        source = doc.article.source
        author = Mention(0, 0, ActorKind.ORGANISATION, name=source or "Author of the text",
                         resolved_by="context" if source else None)
        final = resolve(self.kb, view, mentions, described, extra, country, year, author)
        _contexts(folded, final, [s for s, _ in per_sentence])
        actors = []
        seen: set[tuple[int, int]] = set()
        for m in final:
            named = self._name(m, where)
            if named is None:
                continue
            start, end = doc.view.to_original(m.start, m.end)
            if (start, end) in seen or start >= end:
                continue
            seen.add((start, end))
            actors.append(Actor(name=named.name, text=doc.article.text[start:end], start=start, end=end,
                                type=named.type, country=named.country, kb_id=named.kb_id, kind=named.kind,
                                role=named.role, affiliation=named.affiliation,
                                resolved_by=_resolved_by(m)))
        return replace(doc, actors=tuple(actors))

    # ---- naming

    def _name(self, m: Mention, where: _Place, depth: int = 0) -> _Named | None:
        country, votes, year, setting = where
        if m.antecedent is not None and depth < 10:
            base = self._name(m.antecedent, where, depth + 1)
            if base is None:
                return None
            if m.kind is ActorKind.PERSON and m.antecedent.kind is not ActorKind.PERSON:
                return replace(base, kind=ActorKind.ORGANISATION)
            return base
        if m.pronoun or m.definite or m.bare:
            return None
        if m.kind is ActorKind.PERSON:
            aff = self._name(m.affiliation, where, depth + 1) if m.affiliation is not None else None
            name = m.name or (m.role or "person").capitalize() + (f" ({aff.name})" if aff else "")
            return _Named(name, aff.type if aff else None, aff.country if aff else None, None, ActorKind.PERSON,
                          role=m.role, affiliation=aff.name if aff else None)
        e = m.entry
        if e is None:
            home = m.country or (country if m.type is ActorType.STATE_FORCES else None)
            return _Named(m.name or "", m.type, home, None, m.kind) if m.name else None
        if e.generic:
            return self._generic(m, e, where)
        e = self.kb.current(e, year)
        e = self._branch(e, m.country or country, setting, year) or e
        if e.branch:
            iso3 = e.countries[0] if e.countries else None
            if m.context == "protest":
                return _Named(fill("Protesters ({country})", self.kb.country_name(iso3)), ActorType.PROTESTERS, iso3,
                              None, ActorKind.GROUP, affiliation=self.kb.name_of(e, year=year))
            t = ActorType.STATE_FORCES
            if e.branch in ARMED_BRANCHES and foreign(votes, iso3):
                t = ActorType.EXTERNAL_OTHER_FORCES
            return _Named(self.kb.name_of(e, year=year), t, iso3, e.id, ActorKind.ORGANISATION)
        home = m.country or _home(e, country)
        name = self.kb.name_of(e, country=home, year=year)
        parent = self.kb.entries.get(e.part_of) if e.part_of else None
        affiliation = self.kb.name_of(parent, year=year) if parent is not None else None
        if m.context in {"protest", "riot"}:
            generic = "Protesters ({country})" if m.context == "protest" else "Rioters ({country})"
            t = ActorType.PROTESTERS if m.context == "protest" else ActorType.RIOTERS
            return _Named(fill(generic, self.kb.country_name(home)), t, home, e.id, e.kind, affiliation=name)
        return _Named(name, e.type, home, e.id, e.kind, affiliation=affiliation)

    def _branch(self, e: Entry, country: str | None, votes: Votes, year: int | None) -> Entry | None:
        """The branch of a movement that acts where the article is set: "the Islamic State" in Egypt is its Sinai
        Province. The article's country first, else the countries it points to, most strongly first ("the Egyptian
        branch of the Islamic State ... a US monitor said")."""
        if not self.kb.has_branches(e):
            return None
        ranked = sorted(votes, key=lambda iso3: -votes[iso3])
        for iso3 in ([country] if country else []) + ranked:
            if iso3 in e.countries:
                return None  # the movement's own ground: "ISIS" in Iraq is the Islamic State
            found = self.kb.branch_in(e, iso3, year)
            if found is not None:
                return found
        return None

    def _generic(self, m: Mention, e: Entry, place: _Place) -> _Named:
        country, votes, year, _ = place
        where = m.country or (m.people.countries[0] if m.people is not None and m.people.countries
                              and country not in m.people.countries else None) or country
        if m.backer is not None and where == m.backer:
            # "Russia-backed forces" in Palmyra are Syria's, not Russia's: the next country the article points to
            where = next((iso3 for iso3 in sorted(votes, key=lambda c: -votes[c]) if iso3 != m.backer), None)
        cname = self.kb.country_name(where)
        if m.type is ActorType.IDENTITY_MILITIAS and m.people is not None:  # "a Fulani attack"
            return _Named(self.kb.people_name(m.people, armed=True, country=where), m.type, where, None,
                          ActorKind.GROUP)
        if e.role == "state" and e.branch:
            state = self.kb.state(where, e.branch) if where else None
            if m.context == "protest":
                return _Named(fill("Protesters ({country})", cname), ActorType.PROTESTERS, where, None, ActorKind.GROUP,
                              affiliation=self.kb.state_name(where, e.branch, year))
            t = ActorType.STATE_FORCES
            if e.branch in ARMED_BRANCHES and foreign(votes, m.country):
                t = ActorType.EXTERNAL_OTHER_FORCES
            return _Named(self.kb.state_name(where, e.branch, year), t, where, state.id if state else None,
                          ActorKind.ORGANISATION)
        group = None
        if m.people is not None:
            group = self.kb.people_name(m.people, armed=False, country=where)
        elif e.group:
            group = fill(e.group, cname)
        if m.context == "communal":
            return _Named(fill("Communal Militia ({country})", cname), ActorType.IDENTITY_MILITIAS, where, None,
                          ActorKind.GROUP, affiliation=group)
        if m.context == "vigilante":
            return _Named(fill("Vigilante Militia ({country})", cname), ActorType.IDENTITY_MILITIAS, where, None,
                          ActorKind.GROUP, affiliation=group)
        if e.role in {"crowd", "protesters"} or m.kind is ActorKind.NATIONALITY:
            if m.context == "protest":
                return _Named(fill("Protesters ({country})", cname), ActorType.PROTESTERS, where, None, m.kind,
                              affiliation=group)
            if m.context == "riot":
                return _Named(fill("Rioters ({country})", cname), ActorType.RIOTERS, where, None, m.kind,
                              affiliation=group)
            if m.context == "attack" and e.role == "crowd":
                if e.armed_as == "armed" and m.people is None:
                    return _Named(fill("Unidentified Armed Group ({country})", cname), ActorType.POLITICAL_MILITIAS,
                                  where, None, ActorKind.GROUP, affiliation=group)
                if e.armed_as == "rioters":
                    return _Named(fill("Rioters ({country})", cname), ActorType.RIOTERS, where, None, m.kind,
                                  affiliation=group)
                if e.armed_as == "communal" or m.people is not None:
                    if m.people is not None:
                        return _Named(self.kb.people_name(m.people, armed=True, country=where),
                                      ActorType.IDENTITY_MILITIAS, where, None, m.kind, affiliation=group)
                    return _Named(fill("Communal Militia ({country})", cname), ActorType.IDENTITY_MILITIAS, where, None,
                                  m.kind, affiliation=group)
        if e.role == "protesters" and m.context != "riot":
            return _Named(fill(e.name, cname), ActorType.PROTESTERS, where, None, m.kind, affiliation=group)
        return _Named(fill(e.name, cname), e.type, where, None, m.kind, affiliation=group)


#: Forces or weapons after a country's adjective: "Russian jets", "Turkish soldiers", "Russian aerial bombing".
_FORCE_AFTER: Final = re.compile(r" (?:[\w-]+ )?(?:jets?|warplanes?|planes|aircraft|air ?(?:force|strikes?|raids?)|"
                                 r"aerial|bombing|bombers|forces|troops|soldiers|army|military|navy|artillery|drones?|"
                                 r"helicopters?|missiles?|raids?|strikes?|shelling|advisers|mercenaries|"
                                 r"contractors)\b", re.IGNORECASE)


#: A country's voice after its adjective: "the French defence ministry", "Kenyan officials".
_SPEAKS_FOR: Final = re.compile(r" (?:defen[cs]e (?:ministry|minister|officials?|spokesm[ae]n)|ministry of defen[cs]e|"
                                r"military (?:officials?|spokesm[ae]n)|army (?:officials?|spokesm[ae]n))\b",
                                re.IGNORECASE)


def _setting_votes(kb: KnowledgeBase, view: str, hits: list[Hit], mentions: list[Mention],
                   places: list[str]) -> Votes:
    """The countries an article is set in, without the nationality of the forces or weapons it names: in "IS
    members killed in Russian aerial bombing" Russia struck; the fight is not in Russia (so it is not the Islamic
    State's Caucasus Province)."""
    kept = [h for h in hits if not (any(t.kind == "adjective" for t in h.targets) and _FORCE_AFTER.match(view, h.end))]
    return article_votes(kb, view, kept, mentions, places)


def _resolved_by(m: Mention) -> str | None:
    root = m
    while root.antecedent is not None and root.antecedent is not root:
        root = root.antecedent
    if root.entry is None and root.name is not None and root.resolved_by is None and root.start == root.end:
        return None  # the text's unnamed author
    return m.resolved_by


def _preference(votes: Votes, year: int | None) -> Callable[[list[Entry]], Entry]:
    """Among entries that share a name, the one of the article's countries (and active then); a state's forces
    only when the article points to that state or nothing else fits."""

    def score(e: Entry) -> float:
        where = max((votes.get(c, 0.0) for c in e.countries), default=0.0)
        # a state's forces by their abbreviation ("ADF": the Australian Defence Force) in an article that does not
        # point to that state are less likely than an armed group of the same name (the Allied Democratic Forces)
        foreign_branch = 0.25 if e.branch and where == 0.0 else 0.0
        return where + (0.5 if year is not None and e.active_in(year) else 0.0) - foreign_branch

    def prefer(entries: list[Entry]) -> Entry:
        return max(entries, key=score)

    return prefer


def _home(e: Entry, country: str | None) -> str | None:
    if not e.countries:
        return None
    if country in e.countries:
        return country
    return e.countries[0]


def _remember(known: dict[str, Mention], person: Mention) -> None:
    if person.role and (person.affiliation is not None or person.name):
        known.setdefault("role:" + person.role, person)
    if not person.name or person.resolved_by == "coreference":
        return
    words = person.name.split()
    known.setdefault(person.name.lower(), person)
    if len(words) >= 2:
        last = words[-1].lower()
        known.setdefault(last, person)
        if "-" in last:
            known.setdefault(last.split("-", 1)[1], person)


#: A party named with its gunmen ("Renamo gunmen") fights; it does not protest.
_ARMED_WORDS = re.compile(r"\b(?:gunm[ae]n|fighters|militia\w*|militants?|rebels?|combatants|soldiers|troops|forces|"
                          r"guerrillas?|army)\b")
#: Words that name people only as those harmed: never protesters, rioters or attackers ("killed a policeman and 19
#: civilians and torched homes").
_HARMED_ONLY = frozenset({"civilians", "civilian", "a civilian", "one civilian", "another civilian", "the civilian",
                          "innocent civilians", "unarmed civilians", "civilian population", "non combatants",
                          "noncombatants", "victims", "victim", "the dead", "the wounded", "the injured", "hostages",
                          "hostage", "captives", "abductees", "bystanders", "passers by", "passersby"})
#: Crowds called rioters by name stay rioters, whatever justice they seek.
_RIOTERS = frozenset({"rioters", "rioter", "looters", "vandals"})
#: Words before an owner: "farms owned by", "houses belonging to".
_OWNER: Final = re.compile(r"\b(?:owned|run|operated|managed)\s+by\s+(?:the\s+)?$|"
                            r"\bbelong(?:ing|s|ed)?\s+to\s+(?:the\s+)?$")
_RANK = {None: 0, "attack": 1, "communal": 1, "protest": 2, "riot": 3, "vigilante": 4}
_CLAUSE = re.compile(r",? (?:who|which|that)\b")
#: A person the sentence harms after a phrase that describes them: "a man accused of killing a woman was attacked",
#: "a man who ran over a child was subsequently beaten".
_HARMED_AFTER = re.compile(r",?\s+(?:accused|suspected|wanted|believed|alleged|who|whom|found|caught)\b[^.;]{0,60}?"
                           r"\s(?:was|were|had been|has been|have been|got|is|are)\s+(?:\w+ly\s+)?"
                           r"(?:attacked|killed|beaten|assaulted|stoned|lynched|murdered|stabbed|hacked|burn\w*|"
                           r"set alight|shot|injured|wounded|stripped|chased|hanged)\b")
_VICTIM = re.compile(r"\s+(?:was|were|had been|have been|has been|got|died|lost their lives|"
                     r"(?:have|has|had) (?:sustained|suffered|died|lost))\s")


def _contexts(folded: str, mentions: list[Mention], sentences: list[Sentence]) -> None:
    """What each crowd, party and union is doing, from its sentence; a short text (a note) is read
    as a whole; what a pronoun or description does, its antecedent does."""
    cues = [sentence_cues(folded, s.start, s.end) for s in sentences]
    pooled = Cues([p for c in cues for p in c.protest], [p for c in cues for p in c.riot])
    short = len(sentences) <= 4
    vigilante = [VIGILANTE.search(folded, s.start, s.end) is not None for s in sentences]
    communal = [COMMUNAL.search(folded, s.start, s.end) is not None for s in sentences]
    for m in mentions:
        root = m
        while root.antecedent is not None and root.antecedent is not root:
            root = root.antecedent
        e = root.entry
        others = [x.start for x in mentions if x.sentence == m.sentence and x.kind is not ActorKind.PERSON
                  and x.entry is not None and x.entry.role not in {"crowd", "protesters", "rioters"}
                  and _CLAUSE.match(folded, x.end)]
        unknown_org = root.entry is None and root.name is not None and root.kind is ActorKind.ORGANISATION \
            and root.type in (None, ActorType.POLITICAL_MILITIAS, ActorType.REBEL_GROUPS)
        victim = _VICTIM.match(folded, m.end) is not None or _HARMED_AFTER.match(folded, m.end) is not None
        if folded[m.start:m.end] in _HARMED_ONLY:
            continue
        if (e is not None and e.role in {"crowd", "protesters"}) or root.kind is ActorKind.NATIONALITY:
            target = suffers(folded, m)  # "killed 21 Nuer", "took hostages", "attack Abi community"
            victim = victim or target
            agent = not target and is_agent(folded, m, sentences[m.sentence].end)
            ctx = None if target else crowd_context(cues[m.sentence], m, agent, others, victim=victim)
            ethnic = _ethnic_crowd(m, e, communal[m.sentence])
            if ethnic and agent and not victim:
                ctx = "attack"  # "Abala herdsmen raid Katur ... to demand payment": they attack, not protest
            if m.bare:
                m.bare = not ((agent and ctx in {"attack", "riot"} and not located(folded, m)) or victim)
                if m.bare:
                    continue
            if short and pooled.protest and not victim and ctx in (None, "protest") and not (ethnic and agent):
                ctx = "riot" if pooled.riot else "protest"
            if ethnic and ctx == "riot":
                ctx = "attack"  # an ethnic group's riot: ACLED codes its men as an identity militia
            if ctx == "riot" and _ARMED_BEFORE.search(folded, max(0, m.start - 12), m.start):
                ctx = "attack"  # "armed villagers burned ten houses": armed men, not a crowd that rioted
            if ethnic and ctx == "attack" and root.people is not None:
                root.type = ActorType.IDENTITY_MILITIAS
            if ctx in {"riot", "attack"} and e is not None and e.role == "crowd" \
                    and (vigilante[m.sentence] or (short and any(vigilante))):
                ctx = "vigilante"  # mob justice: ACLED's vigilante militias
        elif e is not None and e.role == "rioters":
            ctx = "vigilante" if not victim and folded[m.start:m.end] not in _RIOTERS \
                and (vigilante[m.sentence] or (short and any(vigilante))) else None
        elif ((e is not None and {"party", "union"} & e.tags) or unknown_org) \
                and not _ARMED_WORDS.search(folded, m.start, m.end):
            sentence = sentences[m.sentence]
            if e is not None and "party" in e.tags and (victim or suffers(folded, m)
                                                         or harms_people(folded, m, sentence.start, sentence.end)):
                continue  # its men attacked people or were attacked: the party's militia or civilians, not rioters
            if _OWNER.search(folded, max(0, m.start - 20), m.start):
                continue  # "farms owned by TPLF officials": whose property it was, not who acted
            ctx = _organiser_context(pooled if short else cues[m.sentence], m)
        elif root is m and e is not None and (e.branch or e.role == "state") and protesting(folded, m):
            ctx = "protest"
        elif e is not None and e.role == "armed" and e.type is ActorType.POLITICAL_MILITIAS and m.people is None \
                and COMMUNAL.search(folded, sentences[m.sentence].start, sentences[m.sentence].end):
            ctx = "communal"  # "armed groups" in a communal clash: ACLED's communal militias
        else:
            continue
        if _RANK[ctx] > _RANK[root.context]:
            root.context = ctx
    coordinate_peoples(folded, mentions)


def _ethnic_crowd(m: Mention, e: Entry | None, communal: bool = False) -> bool:
    """A people's crowd that ACLED codes as an identity militia when it fights ("Fulani herders",
    "Ijaw youths", "Dinka youths"), unlike its students, workers or traders (rioters) unless the
    fight is between communities ("ethnic clashes between Igbo traders and ...")."""
    if m.people is None or m.people.religion or e is None or e.role != "crowd":
        return False
    if e.armed_as == "none" and not communal:
        return False
    return e.group is None or e.armed_as == "communal" or communal


def _organiser_context(cues: Cues, m: Mention) -> str | None:
    """A party, union or unknown organisation whose text has it protest is coded with the
    protesters; one whose members clash or riot, with the rioters."""
    if any(p >= m.end for p in cues.riot):
        return "riot"
    if any(p >= m.end for p in cues.protest):
        return "protest"
    return None
