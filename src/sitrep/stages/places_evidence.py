"""Recognition, second half: each candidate weighed in its context (:func:`weigh`).

A candidate is dropped when its context says it is no place: part of a longer name ("Thomas
Ravenel", "Paris Hilton"), a person ("Gov. Perry", "Henry" when "Henry Farrin" is in the article,
"Jordan said"), an ordinary word or a common name whose capital proves nothing ("Hope" opening a
sentence; "Mobile" when the article also writes "mobile"), an alternate name of a small place, an
acronym, half of a compound ("Wal-Mart"; not "Fargo-Moorhead", two neighbouring towns). Context
that says "place" keeps it, with good evidence: "in", "near", "outside"; "a resident of"; "X,
Syria"; "X province"; a dateline; a legislator's home ("Carrie Webster, D-Kanawha"); a country,
province or big city; a name of several words; an organisation or office named after the place
("Ohio Senate").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from ..knowledge.gazetteer import Feature, Gazetteer
from ..knowledge.placenames import exact_key, loose_key
from .places_recognise import ARTICLES, Mention, Token
from .places_resolve import km
from .places_variants import skeleton
from .places_words import (
    ADMIN_SUFFIX,
    CONNECTORS,
    DIVISION_COUNTRIES,
    MODIFIERS,
    NOT_PLACES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    PLACE_SUFFIX,
    PLACE_VERBS,
    SPEECH_VERBS,
    STRIKE_NOUNS,
    english_words,
    person_names,
)

__all__ = ["weigh"]

# Countries whose names are also given names: "Jordan said" needs other signs of the country.
_GIVEN_NAME_COUNTRIES: Final = frozenset({"jordan", "chad", "georgia", "israel", "kenya", "india", "china"})
_BIG: Final = 50_000
_TWINS_KM: Final = 50.0
# The offices of a county that news names by the county alone: "DuPage Sheriff", "Henrico police".
_COUNTY_OFFICES: Final = frozenset("sheriff police deputies coroner prosecutor prosecutors commissioners commission "
                                   "jail schools officials residents voters".split())
_PARTIES: Final = frozenset({"D", "R", "I", "DFL"})  # before a legislator's home town or county: "D-Kanawha"
_TOWNS: Final = frozenset({Feature.CITY, Feature.ADMIN2})
_HUGE: Final = 1_000_000
_BIG_TOWN: Final = 100_000
_AREAS: Final = frozenset({Feature.COUNTRY, Feature.ADMIN1, Feature.CONTINENT, Feature.REGION, Feature.WATER})
_DATELINE_AFTER: Final = re.compile(r"(?:,[^.\n]{1,40}?)?\s*(?:-|--|\u2014|:|\()")
_AGE_OF: Final = re.compile(r"\d+,\s+of$")  # "Jimmy Philmont, 39, of Fairfield"
# Before a demonym, words that make it a language: "spoke only French", "in Arabic".
# Before "of X": words that make X a place ("the countryside of X", "north of X", "a resident of X").
_AREA_OF: Final = frozenset(
    """countryside outskirts vicinity suburbs environs edge edges desert villages north south east west northeast
    northwest southeast southwest northern southern eastern western resident residents native natives citizen
    citizens people mayor governor city town village province county state streets""".split()
)
_COMPASS: Final = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast southwest".split()
)
# After a name, the part of it a district's name says ("Kasserine Nord", "Khartoum North").
_COMPASS_AFTER: Final = frozenset("north south east west ouest nord sud est".split())
# After a name, Nigeria's second-order division written out: "Emohua Local Government Area".
_LGA: Final = re.compile(r"local\s+government\s+areas?\b", re.IGNORECASE)
# After a name, the people who live there or a part of it: "Lukulu residents", "the Joburg CBD", "Hoima campus".
_DWELLERS: Final = frozenset("residents villagers inhabitants townspeople townsfolk dwellers cbd campus".split())
# After a name, a word that makes it a people's: "the Al-Hammer tribe", "Marehan clansmen".
_KIN: Final = frozenset("tribe tribes tribal tribesmen clan clans clansmen subclan subclans".split())
#: After a name, the word that makes it a military operation's: "Euphrates Wrath", "Euphrates Shield", "Jazeera Storm".
_OPERATION: Final = frozenset("wrath shield storm dawn fury volcano sword thunder lightning anger spring".split())
_LANGUAGE_CUES: Final = frozenset("speak speaks spoke spoken speaking in into translated fluent learn learning".split())


@dataclass(slots=True)
class _DocContext:
    lower: set[str]  # words the article writes in lower case
    persons: set[str]  # words seen as part of a person's name
    covered: dict[int, Mention]  # token index -> the mention over it
    countries: set[str] = field(default_factory=set)  # countries other names or demonyms point to
    actor_countries: set[str] = field(default_factory=set)  # countries the article's named groups point to
    gaz: Gazetteer | None = None

    def neighbours(self, iso2: str) -> bool:
        """Whether the article points to a neighbour of a country (Jordan: Israel, Syria...)."""
        return self.gaz is not None and any(n in self.countries for n in self.gaz.neighbours(iso2))


def _spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one name: the same loose key up to a short ending ("Nekemt", "Nek'emte")."""
    x, y = loose_key(a).replace(" ", ""), loose_key(b).replace(" ", "")
    common = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        common += 1
    return common >= 4 and common >= 0.75 * min(len(x), len(y))


def _same_skeleton(a: str, b: str) -> bool:
    """Two transliterations of one name: "Deir Ezzor" and "Deir ez-Zor" (three consonants or more)."""
    x = skeleton(a)
    return len(x.replace(" ", "")) >= 3 and x == skeleton(b)


def _known_at_index(mentions: Sequence[Mention], i: int) -> bool:
    return any(m.first <= i < m.last and _known(m) for m in mentions)


def _big(m: Mention) -> bool:
    """A name whose place (by its main name) is a town of 50,000 people or more."""
    return any(not c.alternate and not c.loose and c.place.population >= _BIG for c in m.candidates)


def _known(m: Mention, *, alternates: bool = False) -> bool:
    """A name that is first of all a well-known place: a country, a province, a region, a sea, a
    city of millions."""
    return any((alternates or not c.alternate) and not c.loose and (
        c.place.feature in (Feature.COUNTRY, Feature.ADMIN1, Feature.CONTINENT, Feature.REGION, Feature.WATER)
        or c.place.population >= _HUGE) for c in m.candidates)


def _person_words(toks: Sequence[Token], mentions: Sequence[Mention], common: frozenset[str],
                  names: frozenset[str]) -> set[str]:
    """Words of runs of capitalised words that look like a person's name: "Thomas Ravenel",
    "Chiquita Raquel Henry" (but not "Rodeo Gainesville", with a town of 50,000 in it, unless it
    opens with a given name: "Michael Jackson"); and any capitalised word after a title ("Gov.
    Perry")."""
    inside = {i for m in mentions for i in range(m.first, m.last)
              if m.last - m.first > 1 or m.demonym or _known(m) or _big(m)}
    persons: set[str] = set()
    i = 0
    while i < len(toks):
        t = toks[i]
        if (t.cap and i > 0 and toks[i - 1].cap and toks[i - 1].key in PERSON_TITLES and toks[i - 1].sent == t.sent
                and not t.loud):
            persons.add(t.key)
        if t.initial and (t.key in common or t.key in MODIFIERS):
            i += 1  # "Overall Edmonton ...": the first word is capitalised by its position only
            continue
        j = i
        while (j < len(toks) and toks[j].cap and not toks[j].loud and toks[j].text[1:].islower()
               and (j == i or (toks[j].spaced and not toks[j].glued and toks[j].sent == t.sent))):
            j += 1
        if j - i >= 2 and j - i <= 4:
            words = toks[i:j]
            plain = all(w.key not in ORG_WORDS and w.key not in PLACE_SUFFIX and w.key not in MODIFIERS
                        and w.key not in NOT_PLACES and w.key not in PERSON_TITLES for w in words)
            given = words[0].key in names and not (i in inside and _known_at_index(mentions, i))
            if plain and (given or not any(n in inside for n in range(i, j))):
                persons.add(words[0].key)
                persons.add(words[-1].key)
        i = max(j, i + 1)
    return persons


def _countries_named(mentions: Sequence[Mention]) -> set[str]:
    """Countries the article points to without doubt: by a demonym, or by a name whose places (by
    their main names) all lie in one country ("Tbilisi", "Gori")."""
    out: set[str] = {m.demonym.country for m in mentions if m.demonym is not None and m.demonym.country}
    for m in mentions:
        main = [c for c in m.candidates if not c.alternate and not c.loose]
        countries = {c.place.country for c in main if c.place.feature is not Feature.COUNTRY}
        if len(countries) == 1:
            out |= countries
        elif len(main) == 1 and main[0].place.feature is Feature.COUNTRY:
            out.add(main[0].place.country)  # "Israel", "Syria"
    return out


def _prev_word(toks: Sequence[Token], i: int) -> Token | None:
    return toks[i - 1] if i > 0 and toks[i - 1].sent == toks[i].sent else None


def _next_word(toks: Sequence[Token], i: int) -> Token | None:
    return toks[i] if i < len(toks) and toks[i].sent == toks[i - 1].sent else None


def _division_of(toks: Sequence[Token], m: Mention) -> bool:
    """Whether the name comes after "state of": "the state of Washington" is the state, not the capital. ("The
    province of X", "the wilaya of X" are left alone: conflict coders place those at the province's seat, and they
    often name the governor's offices.)"""
    of = _prev_word(toks, m.first)
    word = _prev_word(toks, m.first - 1) if of is not None and of.key == "of" and of.spaced else None
    return word is not None and word.key == "state"


#: Words that, followed by a number, name a numbered unit of a town or a camp ("Ward 8", "Zone 3"), not a place so
#: named.
_NUMBERED_UNITS: Final = frozenset({"ward", "zone", "sector", "block", "phase", "extension", "section", "unit"})


def _assess(m: Mention, toks: Sequence[Token], text: str, ctx: _DocContext, common: frozenset[str],
            names: frozenset[str]) -> bool:
    """Whether a candidate is kept as a place; sets its evidence, suffix and notes."""
    first = toks[m.first]
    before = _prev_word(toks, m.first)
    after = _next_word(toks, m.last)
    single = m.last - m.first == 1
    loud = first.loud
    if m.key in NOT_PLACES or (single and len(m.text) < 2):
        return False
    if (after is not None and after.spaced and after.cap and m.last in ctx.covered
            and all(w in _COMPASS for w in m.key.split())):
        m.notes.append("a direction before a place")  # "North-Western Sydney" is no Zambian province
        return False
    if (before is not None and before.spaced and single and (m.first - 1) in ctx.covered
            and m.key in _COMPASS_AFTER):
        m.notes.append("a direction after a place")  # "Kasserine Nord" is no province of Haiti
        return False
    if m.strong and m.evidence >= 0.9:  # "Ky." after "Tela, ": read in that position only
        return True
    if after is not None and after.spaced and after.cap and after.key in _OPERATION and single:
        m.notes.append("a military operation's name")  # "Euphrates Wrath" forces, "Euphrates Shield" factions
        return False
    if after is not None and after.spaced and not after.cap and after.key in _KIN:
        m.notes.append("a tribe or clan")  # "the Sabeh and Jamainiya clans from Al-Hammer tribe": no Hamer
        return False
    if single and m.key in _NUMBERED_UNITS and after is not None and after.spaced and after.text.isdigit():
        m.notes.append("a numbered unit")  # "residents of Ward 8": a ward, not Ward, Arkansas
        return False
    # a suffix word: "Raqqa province", "Laurel County"
    if after is not None and after.spaced and after.key in ADMIN_SUFFIX:
        m.feature = ADMIN_SUFFIX[after.key]
        m.within = DIVISION_COUNTRIES.get(after.key)
        m.strong = True
        if after.cap:
            m.span_end = after.end
    elif after is not None and after.spaced and (lga := _LGA.match(text, after.start)) is not None:
        m.feature, m.within, m.strong = "admin2", DIVISION_COUNTRIES["lga"], True  # "Emohua Local Government Area"
        if after.cap:
            m.span_end = lga.end()
    elif _division_of(toks, m) and any(c.place.feature is Feature.ADMIN1 for c in m.candidates):
        m.feature, m.strong = "admin1", True  # "the state of Washington": the state, not the capital
    if (single and not loud and before is not None and before.key == "the" and not before.cap
            and m.key in common and not any(c.place.feature in _AREAS for c in m.candidates)):
        # "near the University main building", "at the Mile 12 market": a common noun, no town
        # (not "the Gambia", "the Sahara": a country, a region)
        m.notes.append("a common noun after 'the'")
        return False
    m.strong = m.strong or _place_context(m, toks, text, ctx) or (
        _war_object(m, toks) and m.key not in common and m.key not in names)
    if m.bare and not _county_alone(m, before, after, text, ctx, common, names):
        m.notes.append("no county without its word")
        return False
    if m.demonym:
        m.evidence = 0.8
        cues = {toks[n].key for n in (m.first - 1, m.first - 2) if n >= 0 and toks[n].sent == first.sent}
        if after is not None and after.spaced and not after.cap:
            cues -= {"in", "into"}  # "in Palestinian camps" is no language
        if cues & _LANGUAGE_CUES or (after is not None and after.key == "language"):
            return False
        return not (before is not None and before.cap and first.spaced and not first.glued and not before.initial
                    and not loud and before.key not in MODIFIERS and before.key not in PERSON_TITLES)
    main = [c for c in m.candidates if not c.alternate and not c.loose]
    given_name = m.key in _GIVEN_NAME_COUNTRIES and not any(
        c.place.feature is Feature.COUNTRY and (c.place.country in ctx.countries or ctx.neighbours(c.place.country))
        for c in m.candidates)
    known = _known(m) and not given_name
    big = known or any(c.place.population >= _BIG or c.place.feature in (Feature.REGION, Feature.WATER)
                       for c in (main or m.candidates) if not c.loose or len(m.text) >= 5)
    if sum(1 for n in range(m.first, m.last) if toks[n].cap and toks[n].key not in ARTICLES) >= 2 and main:
        big = True  # "Morrow County", "Kansas City", "Deir al-Zor": several capitalised words the gazetteer knows
    in_org = False
    # part of a longer capitalised name: a person's ("Thomas Ravenel"), or an organisation's
    if not loud:
        if (before is not None and before.cap and first.spaced and not first.glued and before.key not in MODIFIERS
                and before.key not in PERSON_TITLES and before.key not in NOT_PLACES
                and not (before.initial and (before.key in common or known)) and not _known_at(ctx, m.first - 1)):
            if before.text.isupper() and big:
                pass  # an acronym's office or branch: "CTV Winnipeg", "CDC Atlanta"
            elif _campus(before, after):
                pass  # "Makerere University Jinja campus": a branch of the university, in a town
            elif not known or before.key in names:  # "SOS Children's Villages Sudan"; not "George Washington"
                m.notes.append("inside a longer name")
                return False
            in_org = True
        if (after is not None and after.cap and after.spaced and not after.glued and after.key not in PLACE_SUFFIX
                and after.key not in NOT_PLACES and after.key not in _DWELLERS and not _known_at(ctx, m.last)):
            word = after.key in common or after.key.rstrip("s") in common
            if after.key in names or not (known or word or (big and not single) or _org_follows(toks, m.last)):
                # "Paris Hilton", "Austin Powers"; not "U.S. Army", "Ohio Senate", "Walker County Fair",
                # "Mansfield Public Library"
                m.notes.append("before another capitalised word")
                return False
            m.notes.append("in an organisation's name")
            in_org = True
    if (after is not None and after.glued and after.cap and not _known_at(ctx, m.last)
            and not _twin_towns(m, ctx.covered.get(m.last))):
        m.notes.append("first half of a compound")  # "Wal-Mart", "Coca-Cola"; not "Fargo-Moorhead"
        return False
    if (first.glued and before is not None and before.cap and not _known_at(ctx, m.first - 1)
            and not (before.text.isupper() and len(before.text) <= 3)
            and not _twin_towns(m, ctx.covered.get(m.first - 1))):
        m.notes.append("second half of a compound")  # "Wal-Mart"; not "Iraq-Syria", "R-Ohio", "Logan-Rogersville"
        return False
    if (single and first.text.isupper() and 1 < len(first.text) <= 4 and not loud and not first.initial
            and not any(c.place.feature in _AREAS for c in main)):
        m.notes.append("an acronym")  # "SWAT", "ER", "PA"; not "US", "DRC", "NSW"
        return False
    if before is not None and before.key in PERSON_TITLES and before.cap:
        m.notes.append("after a title")
        return False
    if single and m.key in ctx.persons and not m.strong:
        m.notes.append("a person's name in this article")
        return False
    speech = after is not None and after.spaced and after.key in SPEECH_VERBS
    if speech and not m.strong and (not known or given_name):
        m.notes.append("followed by a verb of saying")  # "Jordan said", "Henry said"
        return False
    initial = first.initial or loud
    if single and first.text[1:].islower():
        word = (m.key in common or m.key in ctx.lower or m.key in ORG_WORDS or m.key in PERSON_TITLES
                or m.key in PLACE_SUFFIX)
        name = m.key in names and (given_name or not big)
        if (word or name) and not (m.strong and not initial) and not (big and not word and not initial):
            m.notes.append("an ordinary word or a person's name")
            return False
    # only alternate names or variant spellings: "Henry" is an old name of some town, "Hamas" a
    # foreign spelling of Hamm; "in Nekemt" (for Nek'emte) is kept
    close = (m.strong or not single) and any(_spelt_alike(m.text, c.place.name) or _same_skeleton(m.text, c.place.name)
                                             for c in m.candidates)
    # "around A'zaz" (for I'zaz, a town of 66,000) in an article that points to no other country
    # or "in Azaz" in an article about Syria, or "in Murehwa" (Murewa) with "ZANU-PF supporters"
    exonym = m.strong and any((c.place.population >= _BIG and not ctx.countries) or c.place.country in ctx.countries
                              or c.place.country in ctx.actor_countries or c.place.country in (m.within or ())
                              for c in m.candidates)
    if not main and not (_known(m, alternates=True) or (m.strong and not single) or close or exonym
                         or _city_s_first_words(m)
                         or ((m.strong or in_org) and _big_town_s_other_name(m, common, names))):
        m.notes.append("only an alternate name")
        return False
    if initial and not (big or m.strong or (in_org and _org_follows(toks, m.last))
                        or _listed_after_colon(m, text, ctx, common, names)):
        # "Eruwa Polytechnic students protested": a name that opens an organisation's name is no
        # sentence's first word capitalised by position only
        m.evidence = 0.3
        m.notes.append("capitalised by position only")
    else:
        m.evidence = 0.9 if m.strong else (0.8 if big else 0.6)
    if in_org:
        m.evidence = min(m.evidence, 0.6)
    return True


def _listed_after_colon(m: Mention, text: str, ctx: _DocContext, common: frozenset[str],
                        names: frozenset[str]) -> bool:
    """Whether a name capitalised after a colon is a proper name listed there, not a word capitalised
    for its position: a single word, no English word nor anyone's name, never written in lower case in
    the article, and the main name of some place ("voting stations shut in one more town: Ulundi")."""
    return (text[:m.start].rstrip().endswith(":") and m.last - m.first == 1 and m.key not in common
            and m.key not in names and m.key not in ctx.lower and m.key not in ctx.persons
            and any(not c.alternate and not c.loose for c in m.candidates))


def _campus(before: Token, after: Token | None) -> bool:
    """Whether a name between an organisation word and a lower-case word for a place's people or
    part says where the organisation's branch is: "Makerere University Jinja campus"."""
    return (before.key in ORG_WORDS and after is not None and after.spaced and not after.cap
            and after.key in _DWELLERS)


def _war_object(m: Mention, toks: Sequence[Token]) -> bool:
    """Whether a name is what force was used on: "strikes hit Qamishli", "rebels captured Morek", "air strikes on
    Raqa", "the assault on Morek" (said of a name that is no ordinary word and no person's: "hit Congress", "hit
    Obama" are not)."""
    before = _prev_word(toks, m.first)
    at = m.first - 1
    if before is not None and before.key == "the" and not before.cap:
        before = _prev_word(toks, m.first - 1)
        at -= 1
    if before is None or before.cap:
        return False
    if before.key in PLACE_VERBS:
        return True
    word = _prev_word(toks, at) if before.key in ("on", "against", "upon") else None
    return word is not None and not word.cap and word.key in STRIKE_NOUNS


def _place_context(m: Mention, toks: Sequence[Token], text: str, ctx: _DocContext) -> bool:
    """Whether the words around a name say "place": "in X", "in the X", "X, Syria", "Rockville,
    Maryland" (the second of two), "a man, 39, of X"."""
    first, last = toks[m.first], toks[m.last - 1]
    before = _prev_word(toks, m.first)
    at = m.first - 1  # the index of ``before``
    after = _next_word(toks, m.last)
    if before is not None and before.key == "the" and not before.cap:
        before = _prev_word(toks, m.first - 1)
        at -= 1
    if before is not None and (not before.cap or before.initial) and before.key in PLACE_PREPOSITIONS:
        return True
    if (before is not None and first.glued and before.text in _PARTIES and before.start >= 2
            and text[before.start - 2:before.start] in (", ", " (")):
        return True  # a legislator's party and home: "Carrie Webster, D-Kanawha", "(R-Marshall)"
    if first.initial and first.text.isupper() and len(first.text) >= 3 and _DATELINE_AFTER.match(text, last.end):
        return True  # a dateline: "CLINTON — A town couple ...", "HUDSON -- Officials ..."
    if before is not None and before.key == "of" and _AGE_OF.search(text, max(0, before.start - 8), before.end):
        return True
    if before is not None and before.key == "of":  # "the countryside of X", "north of X", "Residents of X"
        word = _prev_word(toks, at)
        if word is not None and (not word.cap or word.initial) and word.key in _AREA_OF:
            return True
    if (after is not None and after.spaced and (not after.cap or after.text == "CBD") and after.key in _DWELLERS
            and text[last.end:after.start].strip() == ""):
        return True  # "Lukulu residents rioted", "angry Zandspruit villagers", "in the Joburg CBD"
    if text[first.start - 2:first.start] == ", " and (m.first - 1) in ctx.covered:
        return True  # the second of "Rockville, Maryland"
    comma_after = text[last.end:last.end + 2] == ", " and after is not None and after.cap
    return comma_after and (m.last - m.first > 1 or after is None or after.key not in PERSON_TITLES)


def _county_alone(m: Mention, before: Token | None, after: Token | None, text: str, ctx: _DocContext,
                  common: frozenset[str], names: frozenset[str]) -> bool:
    """Whether a county's name without its word may be the county ("in DuPage", "D-Kanawha",
    "DuPage Sheriff", "Henrico police"): not a person's name or an ordinary word, nor the start of
    an organisation's ("Muskingum College", "Swift & Co.")."""
    if before is not None and before.text in _PARTIES and text[m.start - 1:m.start] == "-":
        return True  # "Brent Boggs, D-Braxton"
    if (m.key in names or m.key in common or m.key in ctx.persons or m.key in ctx.lower or m.key in ORG_WORDS
            or text.startswith((" &", " Co.", " and Co"), m.end)):
        return False
    if after is not None and after.spaced and after.cap and after.key not in _COUNTY_OFFICES:
        return False
    return m.strong or after is None or after.key in _COUNTY_OFFICES or not (after.glued or after.cap)


def _big_town_s_other_name(m: Mention, common: frozenset[str], names: frozenset[str]) -> bool:
    """Whether a name of five letters or more, neither an ordinary word, an acronym nor a person's
    name, is spelt as another name of a town of 100,000 people or more, and of places of one
    country only: "Adama" (Nazret), "Tembisa" (Thembisa)."""
    if len(m.text) < 5 or m.text.isupper() or m.key in common or m.key in names:
        return False
    return len({c.place.country for c in m.candidates}) == 1 and any(
        c.alternate and not c.loose and c.place.feature is Feature.CITY and c.place.population >= _BIG_TOWN
        for c in m.candidates)


def _city_s_first_words(m: Mention) -> bool:
    """Whether a name is the first words of a city's full name: "Acapulco" (Acapulco de Juárez)."""
    return any(c.place.population >= _BIG and not c.loose and exact_key(c.place.name).startswith(m.key + " ")
               for c in m.candidates)


def _twin_towns(m: Mention, other: Mention | None) -> bool:
    """Whether two names joined by a hyphen may be two neighbouring towns ("Fargo-Moorhead",
    "Logan-Rogersville"): some place of each lies within 50 km of some place of the other."""
    if other is None or other is m or other.demonym is not None:
        return False
    return any(a.place.country == b.place.country and km(a.place, b.place) < _TWINS_KM
               for a in m.candidates if a.place.feature in _TOWNS for b in other.candidates
               if b.place.feature in _TOWNS)


def _known_at(ctx: _DocContext, i: int) -> bool:
    m = ctx.covered.get(i)
    return m is not None and (m.demonym is not None or m.last - m.first > 1 or _known(m))


def _org_follows(toks: Sequence[Token], i: int) -> bool:
    """Whether the capitalised run from token ``i`` reaches an organisation word within three words:
    "Morrow County Municipal Court", "Ohio Department of Development"."""
    for n in range(i, min(len(toks), i + 4)):
        t = toks[n]
        if n > i and t.key == "s" and t.start == toks[n - 1].end + 1:
            continue  # a possessive: "Pietermaritzburg Magistrate's Court"
        if t.sent != toks[i].sent or not (t.cap or t.key in CONNECTORS) or (n > i and not t.spaced):
            return False
        if t.key in ORG_WORDS or (n == i and t.key in PERSON_TITLES):  # "Fargo Mayor Dennis Walaker"
            return True
    return False


def weigh(found: Sequence[Mention], listed: Sequence[Mention], toks: Sequence[Token], text: str,
          gaz: Gazetteer, *, countries: Iterable[str] = ()) -> list[Mention]:
    """The candidates kept as places, in text order, each with its evidence (0.3 to 0.9).
    ``countries``: those the article's actors point to ("ZANU-PF supporters" to Zimbabwe), where a
    name that says "place" may be another name of a small town ("in Murehwa": Murewa)."""
    ctx = _DocContext(lower={t.key for t in toks if not t.cap}, persons=set(), covered={}, gaz=gaz)
    for m in found:
        for n in range(m.first, m.last):
            ctx.covered[n] = m
    common = english_words()
    names = person_names()
    ctx.persons = _person_words(toks, found, common, names)
    ctx.countries = _countries_named(found)
    ctx.actor_countries = set(countries)
    kept = [m for m in found if _assess(m, toks, text, ctx, common, names)]
    if listed:
        kept = sorted([*kept, *listed], key=lambda m: m.start)
    # a name kept with good evidence somewhere vouches for its weaker mentions elsewhere
    sure = {m.key for m in kept if m.evidence >= 0.6}
    return [m for m in kept if m.evidence >= 0.6 or m.key in sure]
