"""Recognition, first half: the names in an article that may be places.

1. The headline, dateline and body are cut into word tokens (hyphenated parts separately, so
   "al-Raqqah" and "Bosnia-Herzegovina" still match as one name; "Syria's" as "Syria").
2. At each capitalised word, the longest run of up to six name words that the gazetteer knows
   (exactly, or by its loose key) is a candidate; failing that, a demonym ("Syrian", "South
   Sudanese") is one, and failing that a county named without its word ("DuPage", kept only
   where the article's other places back it). A state abbreviation after a town ("Tela, Ky.") or
   on its own where it is no word ("Mass. legislators"), and the names listed before a plural
   division word ("Barrow and Jackson counties") are read too.

The second half, weighing each candidate in its context, is :mod:`.places_evidence`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from ..knowledge.gazetteer import Candidate, Feature, Gazetteer, Place
from ..knowledge.placenames import exact_key, loose_key
from .places_words import (
    CONNECTORS,
    NOT_PLACES,
    PLACE_SUFFIX,
    STATE_ABBREVIATIONS,
    english_words,
)

__all__ = ["ARTICLES", "Mention", "Token", "find_candidates", "tokenize"]

_TOKEN: Final = re.compile(
    r"(?:[A-Z]\.){2,}(?:[A-Z](?![a-z]))?|[A-Z]\.[A-Z][a-z]{1,3}\.|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’]+(?![sS]\b)[^\W\d_]+)*"
)
ARTICLES: Final = frozenset("al el ar ad as ash at az ez es ed an ath adh".split())
_MAX_WORDS: Final = 6
# The words a county's full name ends with, which news often leaves out ("DuPage", "Avoyelles").
_DIVISION_WORDS: Final = ("County", "Parish")
# Short forms of states that are no English word or name, read even without a town before them.
_STATES_ALONE: Final = frozenset(
    "Ala Ariz Ark Calif Colo Conn Fla Ga Ill Ind Kan Kans Ky Md Mass Mich Minn Mont Neb Nebr Nev Okla Oreg Tenn "
    "Tex Va Vt Wis Wisc Wyo Ont Alta Sask Nfld".split()
)
# Words after a town's name that may make the whole another name of some other town.
_TOWN_WORDS: Final = frozenset("city town township village".split())
# Short words written with a full stop inside names: "St. Petersburg", "Ft. Worth".
_DOTTED: Final = frozenset("st ste ft mt pt".split())


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # lower case
    cap: bool  # begins with a capital letter
    glued: bool  # joined to the previous token by a hyphen
    spaced: bool  # separated from the previous token by spaces only (same line)
    sent: int  # sentence number
    initial: bool  # opens its sentence, a quotation or a bracket
    loud: bool  # its sentence is in title case or capitals: its capital says nothing


@dataclass(slots=True)
class Mention:
    """A stretch of text that may name a place, with what the gazetteer offers for it."""

    first: int  # token indexes [first, last)
    last: int
    start: int  # view offsets of the name
    end: int
    text: str
    candidates: list[Candidate]
    demonym: Place | None = None  # the place a demonym refers to ("Syrian": Syria)
    feature: str | None = None  # what a suffix word asks for: "admin1", "admin2", "city"
    listed: bool = False  # named in a list of first-level divisions ("Texas, Utah and Washington")
    span_end: int | None = None  # end including a capitalised suffix word ("Laurel County")
    strong: bool = False  # the context says "place" ("in X", "X, Syria", "X province")
    bare: bool = False  # a county named without its word ("DuPage"): a place only if others back it
    within: frozenset[str] | None = None  # the countries its division word allows ("Mafa LGA": Nigeria)
    evidence: float = 0.5
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return exact_key(self.text)


_OPENERS: Final = ('"', "(", "[", ":", "'")
_APOSTROPHES: Final = ("'", "’")


def tokenize(text: str, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The word tokens of the given spans of ``text``, each span a sentence."""
    out: list[Token] = []
    append = out.append
    common = english_words()
    for n, (s, e) in enumerate(spans):
        first = len(out)
        prev_end = -1
        long_words = long_caps = 0  # words of four letters or more, and those of them capitalised
        common_caps = 0  # ordinary words capitalised after the sentence's first ("Rebels Attack Army Base")
        for m in _TOKEN.finditer(text, s, e):
            word = m.group()
            start, end = m.span()
            head = word[0]
            cap = head.isupper() or (head in "dDlL" and word[1:2] in _APOSTROPHES and word[2:3].isupper())
            if prev_end < 0:
                glued, spaced, opener = False, False, True
            else:
                gap = text[prev_end:start]
                if gap == " ":
                    glued, spaced, opener = False, True, False
                else:
                    opener = gap.rstrip()[-1:] in _OPENERS or "\n" in gap
                    # "People's Republic of China": the possessive s stays with its word
                    glued = gap == "-" or (gap in _APOSTROPHES and word in ("s", "S"))
                    spaced = glued or (gap != "" and gap.strip() == "" and "\n" not in gap)
            append(Token(start, end, word, word.lower(), cap, glued, spaced, n, opener, False))
            prev_end = end
            if len(word) >= 4 and word.isalpha():
                long_words += 1
                long_caps += cap
                common_caps += cap and len(out) - 1 > first and word.lower() in common
        # a headline in title case: most long words capitalised, ordinary words among them; not a short
        # sentence whose long words are names ("Shelling on Jobar in Damascus")
        if long_words >= 3 and long_caps >= 0.75 * long_words and common_caps:
            for t in out[first:]:
                t.loud = True
    return out


def _is_start(toks: Sequence[Token], i: int) -> bool:
    t = toks[i]
    if t.cap:
        return True
    return t.key in ARTICLES and i + 1 < len(toks) and toks[i + 1].glued and toks[i + 1].cap


def _name_word(t: Token) -> bool:
    return t.cap or t.key in CONNECTORS or t.key in ARTICLES or (t.key == "s" and t.glued)


def _candidates_at(text: str, toks: Sequence[Token], i: int, gaz: Gazetteer) -> tuple[int, list[Candidate]]:
    """The longest gazetteer name starting at token ``i``: (end token, candidates), or (i, [])."""
    head = toks[i] if toks[i].cap else toks[i + 1]
    first = exact_key(toks[i].text).split(" ", 1)[0]
    if not (gaz.may_start_name(first) or gaz.may_start_name(loose_key(head.text).split(" ", 1)[0])
            or gaz.may_start_name(first + "s")):  # "People's Republic of China"
        return i, []
    j = i + 1
    while (j < len(toks) and j - i < _MAX_WORDS and toks[j].sent == toks[i].sent
           and (toks[j].spaced or (toks[j].start - toks[j - 1].end == 2 and text[toks[j - 1].end] == "."
                                   and (toks[j - 1].key in _DOTTED or len(toks[j - 1].text) == 1)))
           and _name_word(toks[j])):
        j += 1
    # a capitalised function word opening a sentence ("An", "In") starts a name only if the name is
    # a place's own ("The Hague", "Al Anbar"), not some town's alternate name ("An Alton")
    weak = toks[i].initial and toks[i].key in english_words()
    for k in range(j, i, -1):
        if not toks[k - 1].cap:
            continue
        nxt = toks[k] if k < len(toks) and toks[k].sent == toks[i].sent else None
        if k == j and nxt is not None and nxt.spaced and nxt.key in PLACE_SUFFIX:
            found = gaz.lookup(text[toks[i].start:nxt.end])  # "Euphrates valley", "Swat valley"
            if found:
                return k + 1, found
        if nxt is not None and nxt.key in ("co", "cnty") and text[nxt.end:nxt.end + 1] == ".":
            found = gaz.lookup(text[toks[i].start:toks[k - 1].end] + " County")  # "Loudon Co."
            if found:
                return k + 1, found
        found = gaz.lookup(text[toks[i].start:toks[k - 1].end])
        if found and not (weak and k - i > 1 and all(c.alternate or c.loose for c in found)):
            if k - i > 1 and toks[k - 1].key in _TOWN_WORDS and all(c.alternate for c in found):
                # "Dublin City Council": "Dublin City" is another name of Dublin, Ireland, but the
                # town meant may be any Dublin
                have = {c.place.id for c in found}
                found += [c for c in gaz.lookup(text[toks[i].start:toks[k - 2].end]) if c.place.id not in have]
            return k, found
    return i, []


def _county_at(text: str, toks: Sequence[Token], i: int, gaz: Gazetteer) -> tuple[int, list[Candidate]]:
    """A county named without the word "County" ("DuPage", "Kanawha"), starting at token ``i``:
    (end token, candidates), or (i, [])."""
    if not gaz.may_start_name(toks[i].key):
        return i, []
    j = i + 1
    while j < len(toks) and j - i < 3 and toks[j].sent == toks[i].sent and toks[j].spaced and toks[j].cap:
        j += 1
    for k in range(j, i, -1):
        name = text[toks[i].start:toks[k - 1].end]
        for word in _DIVISION_WORDS:
            full = f"{name} {word}"
            if not gaz.knows(full):
                continue
            found = [c for c in gaz.lookup(full) if c.place.feature is Feature.ADMIN2]
            if found:
                return k, found
    return i, []


def _demonym_at(toks: Sequence[Token], i: int, gaz: Gazetteer) -> tuple[int, Place | None]:
    if not toks[i].cap:
        return i, None
    if i + 1 < len(toks) and toks[i + 1].spaced and toks[i + 1].cap and toks[i + 1].sent == toks[i].sent:
        cc = gaz.demonym(f"{toks[i].text} {toks[i + 1].text}")
        if cc:
            return i + 2, cc
    cc = gaz.demonym(toks[i].text)
    return (i + 1, cc) if cc else (i, None)


def _abbreviation_at(text: str, toks: Sequence[Token], i: int, gaz: Gazetteer
                     ) -> Mention | None:
    """A state written short after a town: "Tela, Ky.", "Gainesville, GA"."""
    t = toks[i]
    if text[t.start - 2:t.start] != ", " or i == 0 or not toks[i - 1].cap:
        return None
    dotted = text[t.end:t.end + 1] == "."
    state = STATE_ABBREVIATIONS.get(t.text + "." if dotted else t.text)
    if state is None and dotted:
        state = STATE_ABBREVIATIONS.get(t.text)
    if state is None or (not dotted and not t.text.isupper()):
        return None
    cands = [c for c in gaz.lookup(state[1]) if c.place.feature is Feature.ADMIN1 and c.place.country == state[0]]
    if not cands:
        return None
    end = t.end + (1 if dotted and t.text + "." in STATE_ABBREVIATIONS else 0)
    return Mention(i, i + 1, t.start, end, text[t.start:end], cands, strong=True, evidence=0.9)


def _state_alone(text: str, toks: Sequence[Token], i: int, gaz: Gazetteer) -> Mention | None:
    """A state written short on its own, where the short form is no word: "Mass. legislators",
    "Missing Ill. man", "3 Ind. fugitives"."""
    t = toks[i]
    if t.text not in _STATES_ALONE or text[t.end:t.end + 1] != "." or t.glued:
        return None
    cc, name = STATE_ABBREVIATIONS[t.text + "."]
    cands = [c for c in gaz.lookup(name) if c.place.feature is Feature.ADMIN1 and c.place.country == cc]
    if not cands:
        return None
    return Mention(i, i + 1, t.start, t.end + 1, text[t.start:t.end + 1], cands, strong=True, evidence=0.9)


#: After a country's name, a word that makes the country the backer of whatever follows: "US-led
#: strikes", "Russia-backed forces", "Iran-aligned militias".
_SPONSOR: Final = re.compile(
    r"-(?:led|backed|supported|sponsored|allied|aligned|funded|trained|armed|brokered|controlled|run)\b")


def _sponsor(text: str, end: int, cands: Sequence[Candidate]) -> Place | None:
    """The country a name glued to "-led", "-backed"... stands for, read as a demonym."""
    if not _SPONSOR.match(text, end):
        return None
    return next((c.place for c in cands if c.place.feature is Feature.COUNTRY and not c.loose and not c.alternate),
                None)


def _find(text: str, toks: Sequence[Token], gaz: Gazetteer) -> list[Mention]:
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        if not _is_start(toks, i) or (toks[i].glued and toks[i - 1].cap and (not found or found[-1].last != i)
                                      and not (toks[i - 1].text.isupper() and len(toks[i - 1].text) <= 3)):
            i += 1  # "Wal-Mart": the second half of a compound is no name of its own
            continue
        abbr = _abbreviation_at(text, toks, i, gaz) or _state_alone(text, toks, i, gaz)
        if abbr is not None:
            found.append(abbr)
            i += 1
            continue
        k, cands = _candidates_at(text, toks, i, gaz)
        sponsor = _sponsor(text, toks[k - 1].end, cands) if cands else None
        if sponsor is not None:  # "US-led strikes", "Iran-backed militias": who is behind them, not where
            found.append(Mention(i, k, toks[i].start, toks[k - 1].end, text[toks[i].start:toks[k - 1].end], [],
                                 demonym=sponsor))
            i = k
            continue
        if cands and k - i == 1:
            kd, cc = _demonym_at(toks, i, gaz)
            if cc and kd >= k:  # "South African" before "South"; "Syrian" is no village
                k, cands = kd, []
        if not cands:
            k, cc = _demonym_at(toks, i, gaz)
            if cc is None:
                k, cands = _county_at(text, toks, i, gaz) if toks[i].cap else (i, [])
                if cands:
                    found.append(Mention(i, k, toks[i].start, toks[k - 1].end, text[toks[i].start:toks[k - 1].end],
                                         cands, bare=True))
                    i = k
                else:
                    i += 1
                continue
            found.append(Mention(i, k, toks[i].start, toks[k - 1].end, text[toks[i].start:toks[k - 1].end], [],
                                 demonym=cc))
            i = k
            continue
        end = toks[k - 1].end
        if toks[k - 1].key in ("co", "cnty") and text[end:end + 1] == ".":
            end += 1  # "Loudon Co."
        found.append(Mention(i, k, toks[i].start, end, text[toks[i].start:end], cands))
        i = k
    return found


_PLURAL_SUFFIX: Final = {"counties": ("County", "admin2"), "parishes": ("Parish", "admin2"),
                          "provinces": ("", "admin1"), "governorates": ("", "admin1"), "districts": ("", "admin2")}


def _listed_divisions(text: str, toks: Sequence[Token], found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Names listed before a plural division word: "Jackson and Barrow counties", "Idlib, Hama and
    Latakia provinces" are counties and provinces, each looked up as one."""
    taken = {n for m in found for n in range(m.first, m.last)}
    out: list[Mention] = []
    for i, t in enumerate(toks):
        suffix = _PLURAL_SUFFIX.get(t.key)
        if suffix is None or t.cap:
            continue
        word, feature = suffix
        j = i - 1
        while j >= 0 and toks[j].sent == t.sent and toks[j].cap:
            start, cands = j, []
            for first in range(max(0, j - 2), j + 1):  # the longest name ending here: "Mashonaland West"
                if all(toks[n].cap and toks[n].sent == t.sent for n in range(first, j + 1)):
                    name = text[toks[first].start:toks[j].end]
                    if exact_key(name) in NOT_PLACES:
                        continue
                    cands = [c for c in gaz.lookup(f"{name} {word}".strip()) if c.place.feature.label == feature]
                    if cands:
                        start = first
                        break
            if cands:
                for m in [m for m in found if start <= m.first <= j or m.first <= start < m.last]:
                    found.remove(m)
                out.append(Mention(start, j + 1, toks[start].start, toks[j].end, text[toks[start].start:toks[j].end],
                                   cands, feature=feature, strong=True, evidence=0.9))
                j = start
            elif j in taken:
                break
            k = j - 1
            if k >= 0 and toks[k].key in ("and", "or") and toks[k].sent == t.sent:
                k -= 1
            if k < 0 or text[toks[k].end:toks[j].start].strip(" ,") not in ("", "and", "or"):
                break
            j = k
    return out


def find_candidates(text: str, toks: Sequence[Token], gaz: Gazetteer) -> tuple[list[Mention], list[Mention]]:
    """The candidate mentions among ``toks`` (tokens of ``text``): those to weigh in context, and
    those a plural division word already vouches for ("Barrow and Jackson counties")."""
    found = _find(text, toks, gaz)
    listed = _listed_divisions(text, toks, found, gaz)
    return found, listed
