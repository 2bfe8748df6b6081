"""Peoples named without a noun of their own: ACLED's identity militias when they act.

News text often names an ethnic group, clan or tribe on its own or with a word the knowledge base
does not hold as an actor: "armed Fulani who attacked", "a Fulani group attacks", "clashes between
Nande and Hutu", "members of the Murle tribe killed", "the Andoni community attacked". Such a name
is a *bare* mention: it becomes an actor only when its sentence has it act (an identity militia)
or suffer violence (civilians); "the Hutu majority took power in 1962" names no actor. Names that
are also common personal or place names ("Banda", "Issa") are only taken with a group noun.

A bare people right before a coordinated people-with-a-noun shares that noun ("Maasai and Sonjo
militia", "Kikuyu and Luo communities").
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from ..knowledge.actors import Entry, KnowledgeBase, People
from ..vocab import ActorKind, ActorType
from .actors_mentions import Hit, Mention

__all__ = ["armed_identity", "bare_peoples", "coordinate_peoples", "located", "suffers", "unknown_groups"]

#: Group nouns the knowledge base does not hold as actors: "the Murle tribe", "Andoni community".
_SUFFIX: Final = re.compile(r"\s+(?:ethnic\s+|tribal\s+)?(?:sub-?clans?|clans?|tribes?|communit(?:y|ies)|groups?|"
                            r"ethnic\s+groups?|warriors|morans?)\b", re.IGNORECASE)
#: A section of the people named before its group noun: "the Dinka Bor community", "the Hawiye Abgal sub-clan".
_SUBGROUP: Final = re.compile(r"\s+[A-Z][a-z]+" + _SUFFIX.pattern)
_WARRIORS: Final = re.compile(r"\b(?:warriors|morans?)$")  # a pastoral people's armed young men
_ARMED_BEFORE: Final = re.compile(r"\b(?:armed|heavily armed|suspected armed)\s+(?:ethnic\s+)?$", re.IGNORECASE)
#: Words before a name that make it part of a longer name or a place: "Lake Turkana", "West Pokot".
_NAME_BEFORE: Final = re.compile(r"([A-Za-z][\w'-]*)[ ]$")
_FUNCTION: Final = frozenset("""the a an in on at but and or as after before when while since during of to by for from
    with between among against armed alleged suspected ethnic rival some several many both other members
    militant militants""".split())
_PREFIX_NAME: Final = re.compile(r"\b(?:al|el|ul|bin|ibn|abu|bint|umm)[-\s]$", re.IGNORECASE)
_LOCATIVE: Final = re.compile(r"\b(?:in|at|near|into|across|inside|outside|throughout|within|around|towards?|"
                              r"through|via|from|region|state|county|zone|area|district)\s+(?:the\s+)?$",
                              re.IGNORECASE)
_COORD: Final = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|/)\s+(?:the\s+)?")
_NOT_NAMES: Final = frozenset("""the a an this that these those some many several other all both each every his her
    their its our local rural urban host entire whole international muslim christian jewish minority majority
    affected neighbouring neighboring nearby same business farming fishing pastoral herding mining religious
    political student youth women armed rival indigenous""".split())

#: Someone doing violence to the people named right after: "killed 21 Nuer", "attacks against Fulani".
_OBJECT: Final = re.compile(
    r"\b(?:kill\w*|attack\w*|abduct\w*|kidnap\w*|shot|shoot\w*|wound\w*|injur\w*|massacr\w*|target\w*|ambush\w*|"
    r"assault\w*|beat\w*|displac\w*|expel\w*|evict\w*|murder\w*|slaughter\w*|against|took|tak(?:en?|ing)|"
    r"held|holding|raid\w*|invad\w*|burn\w*|loot\w*)\s+"
    r"(?:(?:at least|some|several|many|dozens of|scores of|hundreds of|members of|a group of|[\d,]+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty|fifty)\s+)?(?:the\s+|an?\s+)?(?:ethnic\s+)?$",
    re.IGNORECASE)


def _part_of_name(view: str, start: int, lo: int) -> bool:
    """ "Lake Turkana", "West Pokot", "Ahmed al-Jubouri": the name continues a longer one."""
    if _PREFIX_NAME.search(view, max(lo, start - 6), start):
        return True
    m = _NAME_BEFORE.search(view, max(lo, start - 30), start)
    return m is not None and m.start(1) > lo and m.group(1)[:1].isupper() and m.group(1).lower() not in _FUNCTION \
        and not m.group(1).endswith(("'s", "s'"))


def bare_peoples(kb: KnowledgeBase, view: str, hits: list[Hit], mentions: list[Mention], lo: int,
                 civilians: Entry, militia: Entry) -> list[Mention]:
    """One sentence's peoples named without an actor noun (``view[lo:]`` is the sentence): bare
    mentions, or identity militias outright where the text calls them armed ("armed Fulani")."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for h in hits:
        target = next((t for t in h.targets if t.kind == "ethnic-adj"), None)
        if target is None or any(a < h.end and h.start < b for a, b in taken):
            continue
        people = kb.peoples[target.ref]
        if people.religion or _part_of_name(view, h.start, lo):
            continue
        suffix = _SUFFIX.match(view, h.end) or _SUBGROUP.match(view, h.end)
        if suffix is None and (not people.alone or (view[h.end + 1:h.end + 2].isupper() and view[h.end] == " ")):
            continue  # "Banda" alone is a person; "Turkana County" a place
        end = suffix.end() if suffix is not None else h.end
        out.append(_bare(view, h.start, end, people, civilians, militia))
        taken.append((h.start, end))
    return out


def unknown_groups(view: str, lo: int, hi: int, mentions: list[Mention], hits: list[Hit],
                   civilians: Entry, militia: Entry) -> list[Mention]:
    """ "the Andoni community", "members of the Kaba ethnic group": a capitalised name the knowledge
    base does not know in front of a group noun is a bare people."""
    taken = [(m.start, m.end) for m in mentions] + [(h.start, h.end) for h in hits]
    out: list[Mention] = []
    for m in _UNKNOWN.finditer(view, lo, hi):
        s, e = m.span(1)
        if any(a < e and s < b for a, b in taken) or m.group(1).lower() in _NOT_NAMES or s == lo \
                or _part_of_name(view, s, lo):
            continue
        word = m.group(1)
        people = People(f"text-{word.lower()}", word, (word,), (), ())
        out.append(_bare(view, s, m.end(), people, civilians, militia))
    return out


_UNKNOWN: Final = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:(?:ethnic|tribal)\s+"
                             r"(?:groups?|communit(?:y|ies)|clans?|tribes?)|sub-?clans?|clans?|tribes?|communit(?:y|ies))\b")


def _bare(view: str, start: int, end: int, people: People, civilians: Entry, militia: Entry) -> Mention:
    if _ARMED_BEFORE.search(view, max(0, start - 25), start) or _WARRIORS.search(view, start, end):
        return Mention(start, end, ActorKind.GROUP, entry=militia, people=people, type=ActorType.IDENTITY_MILITIAS,
                       resolved_by="kb", head="militia")
    return Mention(start, end, ActorKind.NATIONALITY, entry=civilians, people=people, resolved_by="kb",
                   head="people", bare=True)


def coordinate_peoples(text: str, mentions: list[Mention]) -> None:
    """ "Maasai and Sonjo militia": a bare people before a coordinated armed people is armed too;
    before a coordinated people that acts ("Kikuyu and Luo communities clash"), it acts too."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for m, nxt in pairwise(ordered):
        if not m.bare or nxt.people is None or nxt.bare or m.sentence != nxt.sentence \
                or _COORD.fullmatch(text, m.end, nxt.start) is None:
            continue
        if nxt.type is ActorType.IDENTITY_MILITIAS:
            m.entry, m.type, m.kind, m.head, m.bare = nxt.entry, nxt.type, nxt.kind, nxt.head, False
        elif nxt.context in {"attack", "riot"}:
            m.context, m.bare = nxt.context, False


def armed_identity(text: str, mentions: list[Mention]) -> None:
    """ "Gunmen believed to be Fulani herders", "gunmen, suspected to be Fulani", "militias from
    Maasai": unnamed armed men that the text gives a people are that people's militia."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for m, nxt in pairwise(ordered):
        e = m.entry
        if e is None or e.role != "armed" or m.people is not None or m.country is not None \
                or e.type is not ActorType.POLITICAL_MILITIAS or nxt.people is None or nxt.people.religion:
            continue
        if _BELIEVED.fullmatch(text, m.end, nxt.start) is None:
            continue
        m.people, m.type = nxt.people, ActorType.IDENTITY_MILITIAS


_BELIEVED: Final = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?|"
                              r",?\s+(?:(?:who|that)\s+(?:are|were)\s+)?(?:believed|suspected|thought|said|alleged|"
                              r"reported|presumed|identified)\s+(?:to\s+(?:be|have\s+been)|as)\s+(?:the\s+)?"
                              r"(?:suspected\s+)?(?:ethnic\s+)?", re.IGNORECASE)


def suffers(folded: str, m: Mention) -> bool:
    """Whether the sentence does violence to the people named at ``m``: "killed 21 Nuer", but not
    "burned Peul homes" (a bare name before a noun qualifies the noun)."""
    if m.bare and _QUALIFIES.match(folded, m.end):
        return False
    return _OBJECT.search(folded, max(0, m.start - 60), m.start) is not None


_QUALIFIES: Final = re.compile(r" (?!(?:in|at|on|near|and|or|from|during|who|which|that|living|as|after|before|with|"
                               r"while|when|over|for|to|by)\b)[a-z]")


def located(view: str, m: Mention) -> bool:
    """ "in Turkana", "from Pokot": a people's name standing for its land."""
    return _LOCATIVE.search(view, max(0, m.start - 20), m.start) is not None
