"""Actor mentions from the knowledge base's names, composed the way news text composes them.

The automaton finds every name; the longest wins where names overlap ("Syrian Democratic Forces"
over "Syrian" and "forces"). Then neighbouring names are put together:

- a country or people and a noun: "Syrian troops", "Nigeria's police", "Kurdish and Arab
  militias", "Turkish warplanes", "Fulani herdsmen" (the country's state branch, or the generic
  actor with that country or people);
- a backer and a noun: "U.S.-backed militias", "Iranian-backed fighters" (the backer is kept);
- a noun and a country: "the government of Iraq", "people of Iraq";
- a named group and a collective noun: "Islamic State fighters", "Boko Haram members";
- a country on its own that acts rather than locates ("Turkey shelled ...", not "in Turkey"),
  which stands for its government.

Phrases that only describe a known actor ("U.S.-backed militias" for the SDF) are kept aside as
descriptions; coreference decides what they refer to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, NamedTuple

from ..knowledge.actors import Entry, KnowledgeBase, People, Target, fold_case
from ..vocab import ActorKind, ActorType

__all__ = ["Hit", "Mention", "compose", "kb_hits", "select"]


@dataclass(slots=True, eq=False)
class Mention:
    """An actor mention while the stage works on it (offsets into the article's view)."""

    start: int
    end: int
    kind: ActorKind
    entry: Entry | None = None  # the knowledge base entry: a group, a state branch or a generic noun
    country: str | None = None  # the country the text gives it ("Syrian troops")
    people: People | None = None  # the ethnic or religious group it belongs to
    backer: str | None = None  # "U.S.-backed": the backer's ISO3
    name: str | None = None  # a fixed name (people, organisations found by their shape)
    type: ActorType | None = None  # a fixed or guessed type
    role: str | None = None  # a person's role
    affiliation: Mention | None = None  # the organisation a person speaks or fights for
    resolved_by: str | None = None
    head: str = ""  # the folded noun the mention ends with, for coreference
    weak: tuple[Entry, ...] = ()  # for a description: the entries it may describe
    pronoun: bool = False
    definite: bool = False  # "the militants", "the group"
    antecedent: Mention | None = None
    country_actor: bool = False  # a country's name standing for its government
    context: str | None = None  # protest, riot or attack: what its sentence has it do
    key: str | None = None  # identity within the article (learned abbreviations, people)
    sentence: int = 0  # index of its sentence in the article
    bare: bool = False  # a people named alone ("Fulani"): an actor only if its sentence has it act or suffer


class Hit(NamedTuple):
    start: int
    end: int
    targets: tuple[Target, ...]


ANCHORS: Final = frozenset({"country", "adjective", "ethnic-adj"})
_LOCATIVE: Final = frozenset("""in at near from into across inside outside throughout within around towards toward
    through via of over along beyond under across between among amid across neighbouring neighboring northern
    southern eastern western central northeastern northwestern southeastern southwestern northeast northwest
    southeast southwest visit visits visited visiting toured touring""".split())
#: "travel to Iraq", "fled to Turkey": where people go. What is given or sent "to Egypt" goes to an actor (the
#: target of aid, loans or troops, as event coders read it).
_GOING: Final = re.compile(r"\b(?:travel\w*|return\w*|fle[ed]\w*|flee|go|goes|going|gone|went|mov(?:e|ed|es|ing)|"
                           r"c[oa]me|coming|head\w*|arriv\w*|fl(?:y|ew|own|ying)|trek\w*|migrat\w*|relocat\w*|"
                           r"evacuat\w*|sail\w*|cross\w*|way|route|road|border)"
                           r"(?:\s+(?:back|home|away|north|south|east|west|on))?\s+$", re.IGNORECASE)
#: Words between a preposition and the places it governs: "in both Iraq and Syria".
_BOTH: Final = frozenset("both either neither".split())
_EXTEND: Final = frozenset("""fighters militants members supporters forces troops militia militias militiamen rebels
    insurgents jihadists gunmen elements operatives units cells cell loyalists soldiers guerrillas terrorists
    extremists affiliates followers cadres recruits combatants commanders leaders officials fighter militant member
    faction factions
    youths youth party cadres activists jihadist gunman soldier rebel insurgent terrorist bombers bomber""".split())
#: Words between a group's name and its men that keep them one mention: "Boko Haram female suicide bombers", '"Free
#: Syrian Army" fighters'.
_MEN_GAP: Final = re.compile(r"[\"']? (?:(?:female|male|child|teenage|teen|young|girl|boy|woman|women|masked|armed|"
                             r"heavily armed|suspected) )?")
_COORD: Final = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|/)\s+$|\s*/\s*$")
_BACKER: Final = re.compile(r"\s?-?\s?(backed|led|supported|allied|aligned|sponsored|trained|funded|armed|affiliated|"
                            r"linked|controlled|dominated|friendly|allied)\s+$", re.IGNORECASE)
_POSSESSIVE: Final = re.compile(r"'s?\s+$")
_OF: Final = re.compile(r"\s+of\s+(?:the\s+)?$")
#: Before a country's name, words that make it what is spoken of: "a united Syria", "the conference on Syria".
_ABOUT: Final = re.compile(r"\b(?:a|an|on|for|about|regarding)\s+(?:[a-z-]+\s+(?:and\s+)?){0,3}$", re.IGNORECASE)
_WORD_BEFORE: Final = re.compile(r"([A-Za-z]+)[\s,]*$")


#: Before a capital's name, the start of a longer name it ends: "Mocimboa da Praia" (Mozambique, not Cabo Verde's
#: Praia), "Middle Juba" (Somalia, not South Sudan's Juba), "Lake Victoria".
_NAME_BEFORE: Final = re.compile(r"(?:\b[A-Z][\w'-]*\s+(?:da|de|do|dos|das|del|di|du)|"
                                 r"\b(?:Middle|Lower|Upper|Lake|Mount|Port|Fort|Saint|St\.?|San|Santa|Rio))\s+$")


def _case_ok(t: Target, view: str, s: int, e: int) -> bool:
    if t.exact is not None:
        return fold_case(view[s:e]) == t.exact
    return not t.capital or view[s].isupper()


def kb_hits(kb: KnowledgeBase, view: str, folded: str, lo: int, hi: int) -> list[Hit]:
    """Every name the knowledge base knows in ``view[lo:hi]``, letter case checked."""
    out = []
    for s, e, targets in kb.find(folded, lo, hi):
        if s > 1 and view[s - 1] == "'" and view[s - 2].isalpha() and view[s - 2:s] not in ("l'", "d'"):
            continue  # inside a transliterated name: "man" of "Nu'man" (but "al-'Alawi", "d'Ivoire" start one)
        ok = tuple(t for t in targets if _case_ok(t, view, s, e))
        if any(t.kind == "capital" for t in ok) and _NAME_BEFORE.search(view, max(0, s - 40), s):
            ok = tuple(t for t in ok if t.kind != "capital")  # "Mocimboa da Praia", "Middle Juba": another place
        if ok:
            out.append(Hit(s, e, ok))
    return out


def select(hits: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """The names that stand (longest first, then leftmost) and the descriptions, apart."""
    strong = [Hit(h.start, h.end, tuple(t for t in h.targets if t.kind != "description")) for h in hits]
    strong = [h for h in strong if h.targets]
    described = [Hit(h.start, h.end, tuple(t for t in h.targets if t.kind == "description")) for h in hits]
    described = [h for h in described if h.targets]
    strong.sort(key=lambda h: (h.start - h.end, h.start))
    chosen: list[Hit] = []
    for h in strong:
        if all(h.end <= c.start or c.end <= h.start for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen, described


def _first(h: Hit, *kinds: str) -> Target | None:
    return next((t for t in h.targets if t.kind in kinds), None)


Prefer = Callable[[list[Entry]], Entry]


def _first_entry(entries: list[Entry]) -> Entry:
    return entries[0]


def _entry_target(kb: KnowledgeBase, h: Hit, *, generic: bool, prefer: Prefer = _first_entry) -> Entry | None:
    entries = [kb.entry(t.ref) for t in h.targets if t.kind == "entry"]
    entries = [e for e in entries if e.generic == generic]
    if not entries:
        return None
    return entries[0] if len(entries) == 1 else prefer(entries)


def _is_anchor(h: Hit) -> bool:
    return any(t.kind in ANCHORS for t in h.targets)


def _locative(view: str, start: int, *, destination: bool = True) -> bool:
    """Whether a preposition or a compass word puts the name at ``start`` as a place ("in Iraq", "northeastern
    Syria"); with ``destination``, also where people go ("fled to Iraq")."""
    m = _WORD_BEFORE.search(view, max(0, start - 30), start)
    if m is not None and m.group(1).lower() in _BOTH:
        m = _WORD_BEFORE.search(view, max(0, m.start() - 30), m.start())
    if m is None:
        return False
    word = m.group(1).lower()
    if word == "to" and destination:
        return _GOING.search(view, max(0, m.start() - 30), m.start()) is not None
    return word in _LOCATIVE


def compose(kb: KnowledgeBase, view: str, folded: str, hits: list[Hit], lo: int,
            prefer: Prefer = _first_entry) -> list[Mention]:
    """Mentions from one sentence's chosen names (see the module docstring). ``lo`` is where the
    sentence starts; ``prefer`` chooses among entries that share a name ("ADF")."""
    out: list[Mention] = []
    i, n = 0, len(hits)
    while i < n:
        h = hits[i]
        if _is_anchor(h):
            j = i
            while j + 1 < n and _is_anchor(hits[j + 1]) and _COORD.match(view, hits[j].end, hits[j + 1].start):
                j += 1
            anchors = hits[i:j + 1]
            nxt = hits[j + 1] if j + 1 < n else None
            made = _anchored(kb, view, anchors, nxt, prefer) if nxt is not None else []
            if made:
                out.extend(made)
                i = j + 2
                continue
            if nxt is not None and _POSSESSIVE.fullmatch(view, anchors[-1].end, nxt.start) \
                    and _entry_target(kb, nxt, generic=False, prefer=prefer) is not None:
                i = j + 1  # "Yemen's Houthi rebels": whose the group is, not a state that acts
                continue
            for k, a in enumerate(anchors):
                m = _standalone_anchor(kb, view, a, coordinated=k > 0)
                if m is None and k == 0:
                    break  # "in Iraq and Syria": the second place is a place too
                if m is not None:
                    out.append(m)
            i = j + 1
            continue
        group = _entry_target(kb, h, generic=False, prefer=prefer)
        if group is not None and (_HELD.match(view, h.end) or _EQUIPMENT.match(view, h.end)
                                  or (h.end - h.start <= 3 and view[h.start:h.end].isupper()
                                      and _WEAPON_AFTER.match(view, h.end))
                                  or (h.end - h.start == 2 and view[h.start:h.end].isupper()
                                      and _continues(view, h.end))
                                  or _AGAINST.search(view, max(0, h.start - 9), h.start)
                                  or _COMPASS.search(view, max(0, h.start - 10), h.start)):
            i += 1  # "ISIL-held buildings": a place described by who holds it; "North Sinai province": a place
            continue
        if group is not None:
            shared = _shared_head(kb, view, folded, h, prefer)
            if shared is not None and (not out or out[-1].end <= shared.start):
                out.append(shared)  # "Puntland and Galmudug forces": Puntland's forces too
            out.append(Mention(h.start, h.end, group.kind, entry=group, resolved_by="kb",
                               head=folded[h.start:h.end].rsplit(" ", 1)[-1]))
            i += 1
            continue
        generic = _entry_target(kb, h, generic=True)
        if generic is not None:
            if _modifier(view, folded, h) or _not_the_state(view, folded, h) or _HELD.match(view, h.end):
                i += 1
                continue
            if _in_name(view, h, lo):
                tail = re.search(r" [a-z][\w-]*(?: [\w-]+)*$", view[h.start:h.end])
                if tail is None:
                    i += 1
                    continue
                h = Hit(h.start + tail.start() + 1, h.end, h.targets)  # "(Chuka) University students"
            nxt = hits[i + 1] if i + 1 < n else None
            target = _first(nxt, "country") if nxt is not None else None
            if nxt is not None and target is not None and _OF.fullmatch(view, h.end, nxt.start) \
                    and not _continues(view, nxt.end):
                out.append(_with_country(kb, h.start, nxt.end, generic, target.ref, folded[h.start:h.end]))
                i += 2
                continue
            if not generic.anchored:
                out.append(Mention(h.start, h.end, generic.kind, entry=generic, resolved_by="kb",
                                   head=folded[h.start:h.end]))
            i += 1
            continue
        people = _first(h, "people", "ethnic-people")
        if people is not None:
            out.append(_people_noun(kb, h, people))
        i += 1
    return _extend(folded, view, out, hits)


#: A name joined to the next one, whose last word it shares: "Puntland" of "Puntland and Galmudug forces".
_COORDINATED_BEFORE: Final = re.compile(r"\b((?-i:[A-Z])[\w'-]+) (?:and|&) $")


def _shared_head(kb: KnowledgeBase, view: str, folded: str, h: Hit, prefer: Prefer) -> Mention | None:
    """The group named by the word joined before the group at ``h`` with the last word of ``h``'s name, where the
    knowledge base knows it: "Puntland and Galmudug forces" name Puntland's forces and Galmudug's."""
    parts = folded[h.start:h.end].rsplit(" ", 1)
    m = _COORDINATED_BEFORE.search(view, max(0, h.start - 40), h.start)
    if len(parts) < 2 or m is None:
        return None
    key = f"{folded[m.start(1):m.end(1)]} {parts[1]}"
    found = [Hit(m.start(1), m.end(1), targets) for s, e, targets in kb.find(key) if s == 0 and e == len(key)]
    entry = _entry_target(kb, found[0], generic=False, prefer=prefer) if found else None
    if entry is None:
        return None
    return Mention(m.start(1), m.end(1), entry.kind, entry=entry, resolved_by="kb", head=parts[1])


#: The men or the aircraft of a named state force ("FARDC soldiers", "SAA troops", "NAF fighter jet"): the force itself.
_BRANCH_MEN: Final = frozenset("soldiers soldier troops forces units unit elements personnel".split()) | frozenset({
    "jet", "jets", "fighter jet", "fighter jets", "warplane", "warplanes", "aircraft", "helicopter", "helicopters",
    "helicopter gunships", "gunships", "drone", "drones", "planes", "fighter planes", "bombers"})


def _men_of(entry: Entry) -> frozenset[str]:
    """The words for the men (and the aircraft) of a named group or force: a state's forces fly ("LNA warplanes")."""
    if entry.branch:
        return _BRANCH_MEN
    return _STATE_GROUP_MEN if entry.type is ActorType.STATE_FORCES else _EXTEND


_STATE_GROUP_MEN: Final = _EXTEND | _BRANCH_MEN


def _extend(folded: str, view: str, out: list[Mention], hits: list[Hit]) -> list[Mention]:
    """ "Islamic State fighters", "Syrian Islamic State fighters": a named group and its members; "FARDC soldiers": a
    named state force and its men."""
    result: list[Mention] = []
    for m in out:
        prev = result[-1] if result else None
        if prev is not None and prev.entry is not None and not prev.entry.generic \
                and m.entry is not None and m.entry.generic and _MEN_GAP.fullmatch(view, prev.end, m.start) \
                and folded[m.start:m.end].removeprefix("suicide ") in _men_of(prev.entry) \
                and m.country is None and m.people is None:
            prev.end = m.end
            prev.head = folded[m.start:m.end]
            continue
        if prev is not None and prev.entry is not None and prev.entry.generic and prev.country is None \
                and prev.people is None and m.entry is not None and not m.entry.generic and not m.entry.branch \
                and folded[prev.start:prev.end] in _ARMED_MEN and _MEN_OF.fullmatch(view, prev.end, m.start):
            result[-1] = m  # "fighters of the Benghazi Revolutionaries Shura Council": the group's own men
            continue
        result.append(m)
    return result


_MEN_OF: Final = re.compile(r" of (?:the )?")
#: The armed men of a group, named before it: "fighters of the BRSC" (its members or supporters may be civilians).
_ARMED_MEN: Final = frozenset("""fighters militants militiamen rebels insurgents jihadists gunmen combatants soldiers
    troops forces elements units guerrillas fighter militant""".split())


_FUNCTION: Final = frozenset("the a an in on at but and as after before when while since during of to by for from with"
                             .split())
_AGAINST: Final = re.compile(r"\b(?:counter|anti|post|pre|non)-$", re.IGNORECASE)
#: What a group owns that is no place and no side of an event: "ISIL tanks", "two ISIL weapons caches" (its
#: targets, positions, bases and vehicles, struck or fired on, make it the side that suffered).
_EQUIPMENT: Final = re.compile(r" (?:tactical |fighting |oil |supply |storage )?(?:tanks?|weapons?|equipment|"
                               r"infrastructure|facilit(?:y|ies)|caches?|depots?|assets?|wells?|boats?)\b")
#: (A two-letter abbreviation followed by a capitalised word begins another name: "AS Vita Club", "AA Gun".)
#: After a short abbreviation, a weapon: "(AA Gun)", "AK rifles", "RPG rounds" are arms, not the groups so spelt.
_WEAPON_AFTER: Final = re.compile(r" (?:guns?|rifles?|missiles?|launchers?|batter(?:y|ies)|rounds)\b", re.IGNORECASE)
_COMPASS: Final = re.compile(r"\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower) $")
_HELD: Final = re.compile(r"-(?:held|controlled|occupied|run|dominated|besieged)\b")
_VERBISH: Final = frozenset("""said says say has have had is was were are will would could should can may might must and
    or but also which who that to on in at from for with by of as after before and also then now again still
    reportedly allegedly already continues continued wants wanted says insists insisted claims claimed denies denied
    accuses accused agrees agreed calls called warns warned launches launched announces announced within into over
    under against during through across since until among between despite without toward towards alongside amid
    remains remained condemns supports welcomes urges rejects opposes backs stands pledges reiterates demands
    recognises recognizes provides sends deploys considers believes expects intends seeks hopes fears plans""".split())
#: Words in "ly" that are no adverbs: "the Iraq supply route", "a Syria rally".
_NOT_ADVERBS: Final = frozenset("supply family rally ally assembly anomaly monopoly reply".split())
_ADJECTIVAL: Final = frozenset("military government police army security regime state navy".split())
_MODIFIED: Final = frozenset("""operation operations campaign campaigns support action actions pressure base bases camp
    camps vehicle vehicles equipment source sources spokesman spokeswoman spokesperson intervention offensive
    assistance aid adviser advisers advisor advisors training power presence facility facilities building buildings
    property installation installations hospital rule service response efforts effort strategy capabilities
    capability cooperation ties statement budget spending doctrine exercises drills parade academy college school
    uniform uniforms hardware expert experts analyst analysts gains victory defeat success deployment escalation
    solution option means wing arm policy policies plan plans media decision decisions program programs programme
    programmes agency widows widow wives wife families family veterans pensioners retirees salaries salary wages pay
    pensions pension barracks compound compounds vehicles trucks helicopter helicopters aircraft ships ship boats
    boat area areas council councils chairman chairmen headquarter secretariat house houses result results
    activities activity coordination planning targets target offices office employees critics crackdown restrictions
    control controlled held backed led affairs sector approval permission data figures statistics report reports
    records documents website websites account accounts announcement announcements scheme schemes project projects
    contract contracts funding funds money revenue revenues debt bonds jobs job ministers minister leaders leader
    official chief commanders commander officer officers intelligence sources checkpoint headquarters complex
    complexes premises precinct""".split())


_MODIFIED_BY: Final = {
    "youth": frozenset("""wing league leader leaders movement group organisation organization union council ministry
        minister unemployment centre center club team football day programme program empowerment employment""".split()),
    "a student": frozenset("""union unions leader leaders activist activists movement body council association protest
        protests demonstration demonstrations residence hostel loan loans fees organisation organization""".split()),
    "terrorist": frozenset("""attack attacks act acts threat threats plot plots activity activities organisation
        organization organisations organizations network networks financing charges charge offences offenses suspect
        suspects incident incidents bombing bombings designation list hideout hideouts enclave enclaves camp camps
        base bases""".split()),
}


def _in_name(view: str, h: Hit, lo: int) -> bool:
    """A common noun written as part of a proper name: "University of Imam El Mahdi", "Staff Sgt."."""
    if h.start == lo or not view[h.start].isupper():
        return False
    if view[h.end:h.end + 1] == " " and view[h.end + 1:h.end + 2].isupper():
        return True
    m = _WORD_BEFORE.search(view, max(lo, h.start - 30), h.start)
    return m is not None and m.group(1)[:1].isupper() and m.group(1).lower() not in _FUNCTION \
        and view[m.end(1):h.start] == " "


#: "Factions" that are parts of something, not armed factions: "two factions of a vigilante group", "factions within
#: the union" (but "the factions of Idlib" are those fighting there).
_PARTS: Final = re.compile(r" (?:of (?![A-Z])|within\b)")
_COUNTED: Final = re.compile(r"\b(?:two|three|four|both|several|\d+)\s+$", re.IGNORECASE)


#: Bodies that have an administration or a management of their own: "the school administration" is no government.
_OWN_ADMINISTRATION: Final = re.compile(r"\b(?:school|university|college|hospital|prison|camp|company|firm|mine|port|"
                                        r"airport|club|station|factory|plantation|church|market|council)(?:'s)? $",
                                        re.IGNORECASE)


def _not_the_state(view: str, folded: str, h: Hit) -> bool:
    """ "the school administration", "the prison administration": a body's own managers, not the government."""
    return folded[h.start:h.end] in {"administration", "management", "authorities"} \
        and _OWN_ADMINISTRATION.search(view, max(0, h.start - 25), h.start) is not None


def _modifier(view: str, folded: str, h: Hit) -> bool:
    """ "military operations", "youth wing": a noun used as an adjective, not an actor; "two factions of the union":
    the parts of a body, not armed factions."""
    word = folded[h.start:h.end]
    if word in {"factions", "faction", "the factions"}:
        return _PARTS.match(view, h.end) is not None or _COUNTED.search(view, max(0, h.start - 12), h.start) is not None
    nouns = _MODIFIED if word in _ADJECTIVAL else _MODIFIED_BY.get(word)
    if nouns is None:
        return False
    m = re.match(r" ([a-z][a-z-]*)", view[h.end:h.end + 30])
    return m is not None and m.group(1) in nouns


def _continues(view: str, end: int) -> bool:
    """Whether a name goes on after ``end``: "Sierra Leone Peoples Party", "Iraq War"."""
    return view[end:end + 1] == " " and view[end + 1:end + 2].isupper()


def _with_country(kb: KnowledgeBase, start: int, end: int, generic: Entry, iso3: str, head: str) -> Mention:
    if generic.role == "state" and generic.branch is not None:
        state = kb.state(iso3, generic.branch)
        return Mention(start, end, ActorKind.ORGANISATION, entry=state, country=iso3, resolved_by="kb", head=head)
    return Mention(start, end, generic.kind, entry=generic, country=iso3, resolved_by="kb", head=head)


def _anchored(kb: KnowledgeBase, view: str, anchors: list[Hit], nxt: Hit, prefer: Prefer) -> list[Mention]:
    """Anchors ("Syrian", "Kurdish and Arab", "U.S.-") followed by what they qualify."""
    last = anchors[-1]
    gap = view[last.end:nxt.start]
    backer = _BACKER.fullmatch(gap)
    if not (gap == " " or backer or (_POSSESSIVE.fullmatch(gap) and _first(last, "country"))):
        return []
    head = nxt
    generic = _entry_target(kb, head, generic=True)
    group = _entry_target(kb, head, generic=False, prefer=prefer)
    folded_head = view[head.start:head.end].lower()
    if backer:
        country = _first(last, "country", "adjective")
        if generic is None or country is None:
            return []
        if backer.group(1).lower() == "led" and generic.role == "state":
            # "US-led strikes", "Russian-led forces": the leader's own forces (the "-backed" are someone else's)
            return [_with_country(kb, anchors[0].start, head.end, generic, country.ref, folded_head)]
        return [Mention(anchors[0].start, head.end, generic.kind, entry=generic, backer=country.ref,
                        resolved_by="kb", head=folded_head)]
    if group is not None:
        # "Syrian Islamic State fighters": a nationality in front of a named group
        if gap != " " or any(_first(a, "country") and not _first(a, "adjective") for a in anchors):
            return []
        return [Mention(anchors[0].start, head.end, group.kind, entry=group, resolved_by="kb", head=folded_head)]
    if generic is None:
        return []
    out = []
    for a in anchors:
        start = anchors[0].start if a is anchors[0] else a.start
        ethnic = _first(a, "ethnic-adj")
        national = _first(a, "adjective", "country")
        if national is not None:
            out.append(_with_country(kb, start, head.end, generic, national.ref, folded_head))
        elif ethnic is not None:
            out.append(_ethnic(kb, start, head.end, generic, kb.peoples[ethnic.ref], folded_head))
    return out


def _ethnic(kb: KnowledgeBase, start: int, end: int, generic: Entry, people: People, head: str) -> Mention:
    """ "Fulani herdsmen", "Kurdish fighters", "Christian villagers"."""
    if generic.role in {"state", "armed"} and generic.type is not ActorType.REBEL_GROUPS:
        return Mention(start, end, ActorKind.GROUP, entry=generic, people=people,
                       type=ActorType.IDENTITY_MILITIAS, resolved_by="kb", head=head)
    return Mention(start, end, generic.kind, entry=generic, people=people, resolved_by="kb", head=head)


def _standalone_anchor(kb: KnowledgeBase, view: str, h: Hit, *, coordinated: bool = False) -> Mention | None:
    """A country's name that acts ("Turkey said", "the United States and its allies")."""
    target = _first(h, "country")
    if target is None:
        return None
    if _locative(view, h.start) or _alone(view, h.start, h.end):
        return None  # "fled to Iraq"; a heading ("Syria ." over a list of strikes)
    state = kb.state(target.ref, "government")
    if _PAIRED_FIRST.match(view, h.end) or (_PAIRED_BEFORE.search(view, max(0, h.start - 20), h.start)
                                            and _RELATION.match(view, h.end)):
        # "a strong U.S.-Iraq partnership", "UK-France co-operation": the two states are its parties
        return Mention(h.start, h.end, ActorKind.ORGANISATION, entry=state, country=target.ref, resolved_by="kb",
                       head="", country_actor=True)
    before = _WORD_BEFORE.search(view, max(0, h.start - 30), h.start)
    if not coordinated and before is not None and before.group(1)[:1].isupper() \
            and before.group(1).lower() not in _FUNCTION and view[before.end(1):h.start] in (" ", ", "):
        return None  # "Port Sudan"; "Palmyra, Syria" (a town and its country)
    if view[h.end:h.end + 1] != "'" and _ABOUT.search(view, max(0, h.start - 40), h.start):
        return None  # "a united Syria", "a united and democratic Syria", "the conference on Syria"
    if re.search(r"\b[A-Za-z]+-(?:speaking|torn|held|controlled|occupied|ravaged|stricken|hit)\s+$",
                 view[max(0, h.start - 30):h.start]):
        return None  # "Kurdish-speaking Iraq", "war-torn Syria": the land
    nxt = re.match(r" ([a-z][a-z-]*)", view[h.end:h.end + 30])
    if nxt is not None and nxt.group(1) not in _VERBISH and not nxt.group(1).endswith("ed") \
            and not (nxt.group(1).endswith("ly") and nxt.group(1) not in _NOT_ADVERBS):
        return None  # "the Syria crisis", "Iraq war"
    after = view[h.end:h.end + 2]
    if _continues(view, h.end):
        return None  # "Iraq War", "Syria Civil Defence": part of a longer name
    if after[:1] == "-":
        return None  # "Iraq-based"
    return Mention(h.start, h.end, ActorKind.ORGANISATION, entry=state, country=target.ref, resolved_by="kb",
                   head="", country_actor=True)


#: After two states named as a pair, what they have together: "U.S.-Iraq partnership", "UK-France co-operation".
_RELATION: Final = re.compile(r"\s+(?:strategic\s+|bilateral\s+|military\s+|security\s+)?(?:partnership|relationship|"
                              r"relations|co-?operation|alliance|talks|agreement|deal|ties|summit|dialogue|"
                              r"rapprochement|rivalry|tensions|border\s+(?:talks|agreement|dispute)|dispute)\b",
                              re.IGNORECASE)
_PAIRED_FIRST: Final = re.compile(r"-(?-i:[A-Z])[\w.]*(?:\s(?-i:[A-Z])\w*)?" + _RELATION.pattern, re.IGNORECASE)
_PAIRED_BEFORE: Final = re.compile(r"(?-i:[A-Z])[\w.]*-$")


def _alone(view: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` stands alone on its line or as its own sentence: a heading ("Syria ." over a
    list of strikes)."""
    before = view[max(0, start - 200):start]
    if not (re.search(r"(?:\n|[.!?]\s)\s*$", before) or (start <= 200 and not before.strip())):
        return False
    return re.match(r"[ \t]*(?:[.:]\s*(?:\n|$|[A-Z])|\n|$)", view[end:end + 200]) is not None


def _people_noun(kb: KnowledgeBase, h: Hit, target: Target) -> Mention:
    """ "Syrians", "Kurds", "Yazidis": a people, named by nationality or ethnicity."""
    generic = kb.entry("civilians")
    if target.kind == "people":
        return Mention(h.start, h.end, ActorKind.NATIONALITY, entry=generic, country=target.ref,
                       resolved_by="kb", head="people")
    return Mention(h.start, h.end, ActorKind.NATIONALITY, entry=generic, people=kb.peoples[target.ref],
                   resolved_by="kb", head="people")
