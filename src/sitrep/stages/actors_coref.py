"""Coreference inside an article: which actor a description, a definite noun or a pronoun means.

- Descriptions the knowledge base lists for an actor ("U.S.-backed militias", "foreign fighters",
  "Iran-backed rebels") mean that actor when the article names it anywhere, before or after; one
  with a proper adjective ("Anglophone separatists") also when the article is set where that
  actor is active.
- An apposition ("the SDF, an alliance of Kurdish and Arab militias,") means what it follows.
- A definite noun ("the militants", "the group", "the coalition", "the insurgents") means the
  nearest actor before it that the noun can describe (the knowledge base says which nouns fit
  which actor: "militants" fits the Islamic State, "coalition" the U.S.-led coalition).
- Pronouns: "they" after "<actor> said" is that actor (or the speaker's group); otherwise the
  nearest group before it in the sentence, or the previous sentence's first. "he", "she" are the
  nearest person; "I", "we" inside a quotation are its speaker and the speaker's group; "we"
  outside quotations is the text's author (a statement's issuer: the article's source when it
  has one). Unresolved pronouns are not actors and are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from typing import Final

from ..knowledge.actors import Entry, KnowledgeBase
from ..vocab import ActorKind
from .actors_mentions import Hit, Mention

__all__ = ["find_definites", "find_pronouns", "quotes", "resolve"]

_DEFINITE: Final = re.compile(r"\b(?:the|this|that|these|those)\s+(group|organi[sz]ation|movement|alliance|coalition|"
                              r"outfit|sect|network|faction|mission|cartel|gang|organisation|command|task force)\b"
                              r"(?!\s+of\b)", re.IGNORECASE)
# Pronouns that may stand for an actor. "their" is left out: it names what a group owns ("their vehicle", "their
# homes"), seldom the group as a party to what happened (re3d and the CAMEO spans mark it so once in five).
_PRONOUN: Final = re.compile(r"\b(they|them|he|him|his|she|her|I|me|my|we|us|our|it|its)\b", re.IGNORECASE)
_SAID_THEY: Final = re.compile(r"\s+(?:said|says|added|stated|claimed|announced|told \w+|reported)\s+(?:that\s+)?$")
_APPOSITION: Final = re.compile(r"(?:\s*\([^)]{1,15}\))?,\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,4}?(?:of\s+)?$")
_THE: Final = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
_ARMED_NOUNS: Final = frozenset("""militants attackers assailants gunmen group militia fighters jihadists insurgents
    rebels bandits kidnappers terrorists extremists""".split())
_PLURAL_KINDS: Final = frozenset({ActorKind.ORGANISATION, ActorKind.GROUP, ActorKind.NATIONALITY})


def quotes(view: str) -> list[tuple[int, int]]:
    """Stretches inside double quotes, closed at the end of their paragraph."""
    out = []
    open_at = -1
    for i, ch in enumerate(view):
        if ch == '"':
            if open_at < 0:
                open_at = i
            else:
                out.append((open_at, i + 1))
                open_at = -1
        elif ch == "\n" and open_at >= 0 and view.startswith("\n\n", i):
            out.append((open_at, i))
            open_at = -1
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    i = bisect_right(spans, (pos, 1 << 62)) - 1
    if i >= 0 and spans[i][0] < pos < spans[i][1]:
        return spans[i]
    return None


def find_definites(view: str, lo: int, hi: int, sentence: int) -> list[Mention]:
    return [Mention(m.start(1), m.end(1), ActorKind.ORGANISATION, head=m.group(1).lower(), definite=True,
                    sentence=sentence) for m in _DEFINITE.finditer(view, lo, hi)]


def find_pronouns(view: str, lo: int, hi: int, sentence: int) -> list[Mention]:
    out = []
    for m in _PRONOUN.finditer(view, lo, hi):
        word = m.group()
        if (word.lower() == "i" and word != "I") or (word.lower() == "us" and word != "us"):
            continue
        if word == "I" and view[m.end():m.end() + 1] in {".", "-"}:
            continue
        person = word.lower() in {"he", "him", "his", "she", "i", "me", "my"}
        out.append(Mention(m.start(), m.end(), ActorKind.PERSON if person else ActorKind.ORGANISATION,
                           head=word.lower(), pronoun=True, sentence=sentence))
    return out


def _fits(kb: KnowledgeBase, antecedent: Mention, head: str) -> bool:
    e = antecedent.entry
    if antecedent.kind is ActorKind.PERSON or antecedent.pronoun:
        return False
    if e is None:
        named = f" {(antecedent.name or '').lower()} "
        return f" {head} " in named or (head in {"group", "organisation", "organization", "movement", "faction",
                                                "outfit"} and antecedent.type is not None)
    if e.generic:
        if e.role == "armed":
            return head in _ARMED_NOUNS
        return False
    return head in kb.descriptors(e) or any(f" {head} " in f" {a.lower()} " for a in e.aliases)


def _root(m: Mention) -> Mention:
    seen = 0
    while m.antecedent is not None and seen < 20:
        m = m.antecedent
        seen += 1
    return m


def _resolved(m: Mention) -> bool:
    r = _root(m)
    return r.entry is not None or r.name is not None or (r.kind is ActorKind.PERSON and r.role is not None)


def resolve(kb: KnowledgeBase, view: str, mentions: list[Mention], described: list[tuple[Hit, int]],
            extra: list[Mention], country: str | None, year: int | None,
            author: Mention | None = None) -> list[Mention]:
    """Resolve descriptions, appositions, definite nouns and pronouns; return every mention that
    stands, in text order (unresolved pronouns and definites dropped)."""
    mentions = sorted(mentions, key=lambda m: m.start)
    present: dict[str, Mention] = {}
    for m in mentions:
        if m.entry is not None and not m.entry.generic:
            present.setdefault(m.entry.id, m)
    replaced: set[int] = set()
    added: list[Mention] = []
    for hit, sentence in sorted(described, key=lambda x: (x[0].start - x[0].end, x[0].start)):
        entries = [kb.entry(t.ref) for t in hit.targets]
        chosen = _describe(kb, view, hit, entries, present, country, year)
        if chosen is None:
            continue
        inside = [m for m in mentions + added if hit.start <= m.start and m.end <= hit.end and id(m) not in replaced]
        overlapping = [m for m in mentions + added if m.start < hit.end and hit.start < m.end and m not in inside]
        if overlapping or any(m.entry is not None and not m.entry.generic for m in inside):
            continue
        replaced.update(id(m) for m in inside)
        antecedent = present.get(chosen.id)
        added.append(Mention(hit.start, hit.end, ActorKind.ORGANISATION, entry=chosen, antecedent=antecedent,
                             resolved_by="coreference" if antecedent is not None else "context",
                             head=view[hit.start:hit.end].lower().rsplit(" ", 1)[-1], sentence=sentence))
    mentions = sorted([m for m in mentions if id(m) not in replaced] + added, key=lambda m: m.start)
    _appositions(view, mentions)
    spans = quotes(view)
    out = list(mentions)
    for m in sorted(extra, key=lambda x: x.start):
        if any(x.start < m.end and m.start < x.end for x in out):
            continue
        before = [x for x in out if x.end <= m.start and (not x.pronoun or _resolved(x))]
        if m.pronoun:
            m.antecedent = _pronoun(view, m, before, out, spans, author)
        else:
            m.antecedent = _definite(kb, view, m, before)
        if m.antecedent is not None:
            m.resolved_by = "coreference"
            out.append(m)
            out.sort(key=lambda x: x.start)
    for m in out:
        if not m.pronoun and m.definite is False and m.entry is not None and m.entry.generic \
                and m.entry.role in {"armed", "force"} and _THE.search(view, max(0, m.start - 8), m.start):
            m.antecedent = next((x for x in reversed([y for y in out if y.end <= m.start])
                                 if m.sentence - x.sentence <= 3 and x.entry is not None and not x.entry.generic
                                 and _fits(kb, x, m.head)), None)
            if m.antecedent is not None:
                m.resolved_by = "coreference"
    return out


def _definite(kb: KnowledgeBase, view: str, m: Mention, before: list[Mention]) -> Mention | None:
    """The nearest earlier actor the noun fits; one whose own name holds the noun first."""
    best: Mention | None = None
    best_score = 0
    for x in reversed(before):
        if not _fits(kb, x, m.head):
            continue
        root = _root(x)
        named = m.head in view[x.start:x.end].lower() or (root.entry is not None and any(
            m.head in a.lower().split() for a in root.entry.aliases))
        if m.sentence - x.sentence > (12 if named else 3):
            continue  # "the coalition" may look far back for the coalition; "the group" only nearby
        score = 2 if named else 1
        if score > best_score:
            best, best_score = x, score
    return best


def _describe(kb: KnowledgeBase, view: str, hit: Hit, entries: list[Entry], present: dict[str, Mention],
              country: str | None, year: int | None) -> Entry | None:
    here = [e for e in entries if e.id in present]
    if here:
        return min(here, key=lambda e: abs(present[e.id].start - hit.start))
    words = view[hit.start:hit.end].split()
    proper = any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper()
                                                         and words[0].lower() not in {"the", "a"})
    if not proper or country is None:
        return None
    fitting = [e for e in entries if country in e.countries and (year is None or e.active_in(year))]
    return fitting[0] if len(fitting) == 1 else None


def _appositions(view: str, mentions: list[Mention]) -> None:
    for a, b in pairwise(mentions):
        if b.kind is ActorKind.PERSON or a.kind is ActorKind.PERSON or b.antecedent is not None:
            continue
        if b.entry is None or not b.entry.generic or b.entry.role == "state":
            continue
        if a.entry is None and a.name is None:
            continue
        if _APPOSITION.fullmatch(view, a.end, b.start):
            b.antecedent = a
            b.resolved_by = "coreference"


def _pronoun(view: str, m: Mention, before: list[Mention], everything: list[Mention],
             spans: list[tuple[int, int]], author: Mention | None) -> Mention | None:
    word = m.head
    same = [x for x in before if x.sentence == m.sentence]
    if word in {"they", "them", "it", "its"}:
        said = next((x for x in reversed(same) if _SAID_THEY.fullmatch(view, x.end, m.start)), None)
        if said is not None:
            target = said.affiliation if said.kind is ActorKind.PERSON and said.affiliation is not None else said
            return target if target.kind in _PLURAL_KINDS else None
        groups = [x for x in same if _root(x).kind in _PLURAL_KINDS and not x.country_actor and not x.pronoun]
        previous = [x for x in before if x.sentence == m.sentence - 1 and _root(x).kind in _PLURAL_KINDS
                    and not x.country_actor and not x.pronoun]
        if word in {"it", "its"}:
            return None  # "it" means things more often than actors; only "<actor> said it" is kept
        if word == "them" and previous:
            return previous[0]  # an object pronoun seldom means its own clause's subject
        if groups:
            return groups[0]  # the sentence's subject, more often than the nearest noun
        return previous[0] if previous else None
    quote = _inside(spans, m.start)
    if word in {"i", "me", "my", "we", "us", "our"}:
        if quote is None:
            if word in {"i", "me", "my"}:  # a statement in the first person: the one introduced last
                people = [x for x in before if _root(x).kind is ActorKind.PERSON and not x.pronoun
                          and m.sentence - x.sentence <= 3]
                return people[-1] if people else None
            return author if word == "we" else None  # "we" outside quotations: the text's author
        speaker = _speaker(quote, everything)
        if speaker is None:
            return None
        if word in {"we", "us", "our"}:
            return speaker.affiliation if speaker.affiliation is not None else None
        return speaker
    people = [x for x in before if _root(x).kind is ActorKind.PERSON and m.sentence - x.sentence <= 2]
    return people[-1] if people else None


def _speaker(quote: tuple[int, int], mentions: list[Mention]) -> Mention | None:
    people = [x for x in mentions if x.kind is ActorKind.PERSON and not x.pronoun
              and (x.end <= quote[0] or x.start >= quote[1])
              and min(abs(x.start - quote[1]), abs(quote[0] - x.end)) < 250]
    if not people:
        return None
    return min(people, key=lambda x: min(abs(x.start - quote[1]), abs(quote[0] - x.end)))

