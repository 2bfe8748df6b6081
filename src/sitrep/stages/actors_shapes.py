"""Organisations the knowledge base does not know, found by their shape, and abbreviations that
articles define.

- A run of capitalised words with an organisation's noun in it ("Revolution and Justice Brigade",
  "Oromo Liberation Front", "the Coalition for Change Movement", "Ministry of Defence") is an
  organisation. Its type is guessed from its words: liberation, revolutionary and resistance
  fronts, armies and movements are rebel groups; brigades, battalions and militias political
  militias; ministries, commands and police state forces; unions, councils and parties are
  coded as ACLED codes them (parties as political militias, unions with no type).
- A word in capitals that the knowledge base does not know ("CNES", "NAVCENT") is an
  organisation with no type, never dropped.
- "Long Name (ABBR)" and "ABBR (Long Name)" teach the article's abbreviations: later "ABBR"s are
  the same actor.
"""

from __future__ import annotations

import re
from typing import Final

from ..knowledge.actors import Entry, People
from ..vocab import ActorKind, ActorType
from .actors_mentions import Mention
from .actors_people import PLACE_NOUN_AFTER, Token, cap_runs

__all__ = ["abbreviation_after", "communal_sides", "ethnic_prefixes", "find_acronyms", "find_shapes", "guess_type"]

_ORG_HEADS: Final = frozenset("""army armies brigade brigades battalion battalions front movement forces force party
    council councils union unions committee committees organisation organization group command ministry department
    agency office coalition alliance league association federation congress commission court assembly parliament
    government authority service services guard guards corps division regiment company unit units network society
    institute foundation fund bank university college church militia militias squad cell tribunal senate police navy
    mission centre center observatory syndicate confederation bureau directorate administration cabinet secretariat
    brotherhood legion fleet gendarmerie junta presidency jamaat jamaa katiba kataib liwa jaysh jaish harakat tanzim
    wilayat hezb hizb wing wings squadron squadrons component flotilla team teams""".split())
_REBEL_WORDS: Final = frozenset("""liberation revolutionary revolution resistance rebel rebels insurgent jihad jihadist
    mujahideen mujahidin islamic islamist patriotic salvation freedom independence popular people's peoples
    emancipation democratic national jaysh jaish harakat katiba wilayat""".split())
_STATE_HEADS: Final = frozenset("""ministry department command government parliament senate court tribunal police navy
    gendarmerie directorate administration cabinet presidency corps fleet""".split())
_MILITIA_HEADS: Final = frozenset("""brigade brigades battalion battalions militia militias squad legion katiba kataib
    liwa""".split())
_ARMED_HEADS: Final = frozenset("""army armies front movement forces force guard guards regiment division unit units
    cell wing wings squadron squadrons component flotilla""".split())
_CIVIL_HEADS: Final = frozenset("""union unions congress association federation syndicate confederation society
    committee committees council councils network institute foundation fund bank university college church centre
    center observatory organisation organization group company agency office bureau commission mission authority
    alliance coalition brotherhood league assembly secretariat""".split())
_ACRONYM: Final = re.compile(r"^[A-Z][A-Z0-9&/-]*[A-Z0-9]$")
_NOT_ACTORS: Final = frozenset("""AM PM TV GMT UTC BBC CNN AFP AP UPI DPA ANSA NHK RT TASS SANA IRNA MENA NGO NGOS ID OK
    PDF USD EUR GBP GDP COVID HIV AIDS IED IEDS VBIED SVBIED RPG RPGS AK UAV UAVS MANPADS ATGM APC APCS GPS SMS CEO
    CFO MP MPS II III IV VI VII VIII IX XI XII AD BC KM KG QC PHD FM ICU ER RIP FIFA UEFA NBA NFL BRICS G7 G20 HQ PR
    IT AI DNA VIP LGBT LGBTQ USSR UN EU US UK OPEC WTO IMF GMO CCTV SUV SUVS PKM RPK DSHK MRAP IDP IDPS ISBN URL
    HTML WMD NB PS FYI ASAP OCR CBS NBC ABC NPR VOA DW AFPTV AP-NORC TBD NA VAT WW2 WWII COP COP26 COP27 COP28 EV
    EVS YOUTUBE FACEBOOK PKR NGN KSH USSD ET EST EDT PST BST CET CEST WAT EAT SAST GST IST NOTE UPDATE BREAKING
    WATCH READ MORE PHOTO VIDEO LIVE ALSO COVID-19 SARS-COV-2 MW GW KV HRS OR AND THE TO IN OF A I HMS USS USNS FS
    DDG CVN LHD LPD HMAS HMCS RFA INS SSN CG FFG AH MH UH CH MQ RQ KC MV NM EW ISR C2 AOR OP FOB COP MSR AN AT BY ON
    AS IF IT NO SO UP WE HE ITS ALL NEW LGA LGAS LG""".split())
_ABBR_AFTER: Final = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z0-9&./-]{1,11})\s*\)")
_LONG_AFTER: Final = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][^()]{4,100}?)\s*\)")
_AREA_AFTER: Final = re.compile(r"\s+(?:council\s+)?areas?\b")
_LEADING: Final = frozenset("the a an in on at but and as after before when while since during meanwhile however "
                            "according by for from with of to this that these those".split())


def guess_type(words: list[str]) -> ActorType | None:
    """The ACLED type an unknown organisation's name suggests (``words`` folded)."""
    heads = [w for w in words if w in _ORG_HEADS]
    if not heads:
        return None
    rebel = any(w in _REBEL_WORDS for w in words)
    last = heads[-1]
    if last == "party":
        return ActorType.POLITICAL_MILITIAS
    if last in _MILITIA_HEADS:
        return ActorType.REBEL_GROUPS if rebel and last not in {"militia", "militias"} else ActorType.POLITICAL_MILITIAS
    if last in _ARMED_HEADS:
        if rebel or last in {"front", "movement"}:
            return ActorType.REBEL_GROUPS if rebel else ActorType.POLITICAL_MILITIAS
        return ActorType.STATE_FORCES
    if last in _STATE_HEADS:
        return ActorType.STATE_FORCES
    return None


def find_shapes(view: str, toks: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Organisations found by their shape in one sentence (runs not already taken)."""
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for run in cap_runs(view, toks):
        while run and run[0].low in _LEADING:
            run = run[1:]
        if len(run) < 2:
            continue
        words = [t.low for t in run]
        of = next((i for i, w in enumerate(words) if w in {"of", "for"}), len(words))
        if words[of - 1] not in _ORG_HEADS and words[-1] not in _ORG_HEADS:
            continue  # the organisation's noun ends the name ("... Front") or comes before "of" ("Ministry of ...")
        s, e = run[0].start, run[-1].end
        if any(a < e and s < b for a, b in taken):
            continue
        if _AREA_AFTER.match(view, e):
            continue  # "Chibok Local Government area", "Kono District council area": a place
        country = next((m.country for m in mentions if s <= m.start and m.end <= e and m.country), None)
        out.append(Mention(s, e, ActorKind.ORGANISATION, name=view[s:e], type=guess_type(words), country=country,
                           resolved_by="shape", head=next(w for w in reversed(words) if w in _ORG_HEADS)))
        taken.append((s, e))
    return out


def find_acronyms(view: str, toks: list[Token], mentions: list[Mention], learned: dict[str, Mention],
                  known: list[tuple[int, int]]) -> list[Mention]:
    """Words in capitals: an article's learned abbreviation, or an organisation with no type.
    ``known`` are the spans of names the knowledge base knows, left alone even where no mention
    was made of them ("ISIL" in "ISIL-held")."""
    taken = [(m.start, m.end) for m in mentions] + known
    out = []
    for t in toks:
        text = t.text
        if not _ACRONYM.match(text) or sum(c.isupper() for c in text) < 2 or text.upper() in _NOT_ACTORS:
            continue
        if any(a < t.end and t.start < b for a, b in taken):
            continue
        if text.isdigit():
            continue
        if PLACE_NOUN_AFTER.match(view, t.end) and learned.get(text) is None:
            continue  # "the KM4 junction", "the PK5 area": a place named in capitals
        model = learned.get(text)
        if model is not None:
            out.append(Mention(t.start, t.end, model.kind, entry=model.entry, country=model.country, name=model.name,
                               type=model.type, resolved_by="article", head=model.head, key=model.key or text))
        else:
            out.append(Mention(t.start, t.end, ActorKind.ORGANISATION, name=text, resolved_by=None, head="acronym",
                               key=text))
    return out


def abbreviation_after(view: str, m: Mention) -> str | None:
    """The abbreviation defined right after a mention: "Syrian Democratic Forces (SDF)" -> "SDF"."""
    a = _ABBR_AFTER.match(view, m.end)
    if a is None:
        return None
    abbr = a.group(1).rstrip(".")
    letters = [c for c in abbr if c.isalpha()]
    if len(letters) < 2 or sum(c.isupper() for c in letters) < 2:
        return None
    words = [w for w in re.split(r"[\s\-/]+", view[m.start:m.end]) if w[:1].isalpha()]
    initials = {w[0].upper() for w in words}
    return abbr if abbr[0].upper() in initials or len(words) == 1 else None


_FROM: Final = re.compile(r" (?:from|of) ([A-Z][a-z]+)\b(?! [A-Z])")
_ETHNIC_HEADS: Final = frozenset("""militia militias militiamen gunmen tribesmen tribesman clansmen youths herdsmen
    herders fighters community communities clan clans tribe tribes people villagers""".split())
_NOT_ETHNIC: Final = frozenset("""suspected unknown unidentified armed local rival government state police army security
    islamist muslim christian north south east west northern southern eastern western central the a an some many
    several other all both these those one two three four five six seven eight nine ten dozens hundreds scores
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december angry irate young old mayi mai allied pro anti first second new
    former""".split())


def ethnic_prefixes(view: str, toks: list[Token], mentions: list[Mention]) -> None:
    """ "Kuteb militia", "Agatu gunmen", "Kudung people": a name the knowledge base does not know
    in front of a people's or militia's noun is an ethnic or communal group (ACLED's identity
    militias when armed)."""
    ends = {t.end: i for i, t in enumerate(toks)}
    covered = [(m.start, m.end) for m in mentions]
    for m in mentions:
        e = m.entry
        if e is None or not e.generic or m.country or m.people is not None or e.role not in {"armed", "crowd"}:
            continue
        if view[m.start:m.end].lower().split()[-1] not in _ETHNIC_HEADS or view[m.start - 1:m.start] != " ":
            continue
        i = ends.get(m.start - 1)
        if i is None:
            after = _FROM.match(view, m.end)
            if after is None or any(a < after.end(1) and after.start(1) < b for a, b in covered) \
                    or after.group(1).lower() in _NOT_ETHNIC:
                continue
            m.people = People(f"text-{after.group(1).lower()}", after.group(1), (after.group(1),), (), ())
            m.end = after.end(1)  # "militia from Mkpani"
            if e.role == "armed" and e.type is not ActorType.REBEL_GROUPS:
                m.type = ActorType.IDENTITY_MILITIAS
            continue
        tok = toks[i]
        if not tok.text[:1].isupper() or tok.text.isupper() or tok.low in _NOT_ETHNIC or not tok.text.isalpha():
            continue
        if i == 0:
            continue  # "Nearby youths", "Local militiamen": a sentence's first word is capitalised anyway
        if any(a < tok.end and tok.start < b for a, b in covered):
            continue
        m.people = People(f"text-{tok.low}", tok.text, (tok.text,), (), ())
        m.start = tok.start
        if e.role == "armed" and e.type is not ActorType.REBEL_GROUPS:
            m.type = ActorType.IDENTITY_MILITIAS


_BETWEEN_NAMES: Final = re.compile(
    r"\b(?i:clash\w*|fight\w*|violence|feud\w*|dispute\w*|battle\w*|skirmish\w*|hostilities|conflicts?|fracas|"
    r"gunfights?)\s+(?:\w+\s+){0,2}?between\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:\s+(?:and|vs\.?)\s+(?:the\s+)?)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


def communal_sides(view: str, lo: int, hi: int, mentions: list[Mention], militia: Entry) -> list[Mention]:
    """ "clashes between the Jafoak and Jamong families", "fighting between Sabeh and Jamainiya":
    two names the knowledge base does not know on the two sides of a clash are communal militias."""
    out = []
    covered = [(m.start, m.end) for m in mentions]
    for m in _BETWEEN_NAMES.finditer(view, lo, hi):
        for g in (1, 2):
            s, e = m.span(g)
            word = m.group(g)
            if word.split()[0].lower() in _NOT_ETHNIC or any(a < e and s < b for a, b in covered):
                continue
            out.append(Mention(s, e, ActorKind.GROUP, entry=militia,
                               people=People(f"text-{word.lower()}", word, (word,), (), ()),
                               type=ActorType.IDENTITY_MILITIAS, resolved_by="context", head="militia"))
    return out
