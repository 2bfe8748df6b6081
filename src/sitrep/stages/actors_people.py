"""People: named persons, their roles and the organisations they speak or fight for.

- A role with a name: "SDF spokesman Mostafa Bali", "Foreign Minister Julie Bishop", "Lt. Gen.
  Stephen J. Townsend", "Mostafa Bali, a spokesman for the SDF". The role's organisation is the
  actor just before it ("SDF", "Iraqi") or after it ("of the Syrian Democratic Forces").
- A role without a name: "a field commander of the SDF", "The Foreign Secretary".
- A name without a role, when it looks like one: a known given name ("Haider al-Abadi"), a name
  particle ("Abu Bakr al-Baghdadi"), or a verb of saying next to it ("Qanbar said").
- The same person again by surname ("Abadi", "Mr Ellwood").

Pronouns are left to coreference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, NamedTuple

from ..regexgate import Gated
from ..vocab import ActorKind
from .actors_mentions import Mention

__all__ = ["Token", "cap_runs", "find_people", "tokens"]

_TOKEN: Final = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:['\-&]\w+)*\.?")
_ORDINAL: Final = re.compile(r"^\d+(?:st|nd|rd|th)$")
_KEEP_DOT: Final = frozenset("""gen lt col maj capt brig sgt adm cmdr gov sen rep prof spc pvt cpl mr mrs ms dr st jr sr
    lieut cdr insp supt no""".split())
_CONNECT: Final = frozenset("of for the and de du des la le al el bin ibn ben van von da do dos das & y".split())

# Words that make up roles and titles (folded, no final full stop).
_TITLES: Final = frozenset("""president vice prime minister ministers foreign defence defense interior secretary
    secretaries general gen lt lieutenant col colonel maj major capt captain brig brigadier sgt sergeant adm admiral
    cmdr commander commanders chief deputy senator sen rep representative gov governor mayor ambassador envoy
    special king queen prince crown emir sheikh shaykh sheik mullah ayatollah imam pope bishop archbishop patriarch
    judge justice mr mrs ms dr prof professor sir lord lady dame premier chancellor spokesman spokeswoman
    spokesperson director chairman chairwoman chair commissioner inspector marine navy army air force petty officer
    officers spc pvt cpl specialist private corporal staff master warrant class 1st state home affairs high leader
    head minister-designate president-elect secretary-general under assistant acting senior cdr field lieut attorney
    supreme""".split())
_ROLE_PATTERN: Final = re.compile(
    r"\b(?:(?:deputy|vice|acting|former|senior|top|chief|regional|local|military|field|army|police|rebel|militia|group|"
    r"provincial|district|state|federal|interim|self-styled|self-proclaimed|supreme|foreign|defen[cs]e|interior|prime|"
    r"special|joint|UN|U\.N\.|press|media)\s+)*"
    r"(?:spokes(?:man|woman|person)|commander(?:-in-chief)?|leader|chief|president(?:-elect)?|"
    r"prime minister(?:-designate)?|minister(?:-designate)?|secretary(?:-general| of state| general)?|ambassador|envoy|"
    r"governor|mayor|general|colonel|"
    r"lieutenant|sergeant|captain|admiral|emir|sheikh|ayatollah|cleric|imam|official|officer|director|chairman|"
    r"chairwoman|head|representative|commissioner|senator|lawmaker|legislator|premier|chancellor|king|queen|prince|"
    r"warlord|ringleader|negotiator|mediator|adviser|advisor|aide|deputy|analyst|researcher|activist|journalist|"
    r"reporter|witness|resident|doctor|judge|prosecutor|member|MP|politician|candidate)\b",
    re.IGNORECASE)
#: A sentence holds a role only if it holds one of the role words (a cheap test before the long pattern).
_ROLE_GATED: Final = Gated(_ROLE_PATTERN)
# Roles that name a person even without a name after them ("the spokesman", "The Foreign Secretary").
_STRONG_ROLES: Final = frozenset("""spokesman spokeswoman spokesperson commander leader chief president minister
    secretary ambassador envoy governor general emir premier chancellor king queen prince director chairman
    commissioner representative""".split())
_SPEECH_AFTER: Final = re.compile(r",?\s+(?:has\s+|had\s+)?(?:said|says|told|added|stated|explained|announced|noted|"
                                  r"warned|insisted|claimed|denied|wrote|tweeted|confirmed|argued|urged|called|"
                                  r"stressed|"
                                  r"declared)\b")
_SPEECH_BEFORE: Final = re.compile(r"\b(?:said|says|told|according to|quoted|quoting|by)\s+$")
_APPOSITIVE_ROLE: Final = re.compile(r",\s+(?:an?|the)?\s*(?:[\w.'-]+\s+){0,4}?(?=" + _ROLE_PATTERN.pattern[2:] + ")",
                                     re.IGNORECASE)
#: After a name, words that say a person: "Qanbar was a commander", "Karbouly, a former Iraqi officer", "Abu
#: Ghadiya (born 1977)".
_PERSON_AFTER: Final = re.compile(r"(?:\s+(?:was|is|became|had been|has been)|,)\s+(?:an?|the)\s+"
                                  r"(?:[\w.'-]+\s+){0,4}?(?=" + _ROLE_PATTERN.pattern[2:] + r")|"
                                  r"\s*\((?:born|died|b\.|d\.)\s", re.IGNORECASE)
_PARTICLES: Final = frozenset("al el bin ibn abu abd abdul abdel ould ag wa van von de da dos".split())
_GIVEN: Final = frozenset("""mohammed muhammad mohamed mohammad muhammed ahmed ahmad ali hassan hasan hussein husain
    hussain omar umar othman osman abdullah abdallah abdul abdel abdelaziz abdulrahman abdirahman ibrahim ismail
    ismael yusuf youssef yousef musa moussa mustafa mostafa moustafa khalid khaled walid waleed tariq tareq saleh
    salih salah hamid hamad hamza hamdan nasser nasir nasr faisal fahd fahad saad saeed said sayed sayyid jamal
    kamal karim kareem rashid rashed majid mahmoud mahmud mohsen hashem hashim haider haidar hadi mahdi qasim qassem
    jafar jaafar abbas anwar adel adil amir ameer aziz bashar hafez rami maher fadi ziad ziyad imad emad nabil
    nabeel riad riyad samir sami suleiman sulaiman yasser yasir yahya zakaria zaid zayed issa eissa idris bakr
    abubakar aminu bola muhammadu goodluck olusegun yemi atiku nnamdi chukwuma emeka kofi kwame nana john paul peter
    james david michael robert william richard joseph thomas charles christopher daniel matthew anthony mark donald
    steven andrew joshua kenneth kevin brian george timothy ronald jason edward jeffrey ryan jacob gary nicholas
    eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack
    dennis jerry tyler aaron jose adam nathan henry douglas zachary kyle noah ethan jeremy walter christian keith
    roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
    logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis boris
    tobias mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra
    ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia
    kathleen amy shirley angela helen anna brenda pamela nicole samantha katherine emma ruth christine catherine
    debra rachel carolyn janet virginia maria heather diane julie joyce victoria kelly christina joan evelyn lauren
    judith olivia martha cheryl megan andrea hannah jacqueline ann teresa kathryn sara janice julia marie madison
    grace judy theresa beverly denise marilyn amber danielle rose brittany diana abigail jane natalie lori tiffany
    alexis kayla theresa federica antonio giuseppe francesco emmanuel francois jean pierre jacques nicolas sergei
    sergey vladimir dmitry dmitri mikhail alexei alexey andrei ivan igor yuri oleg viktor volodymyr petro olena
    yulia recep ahmet mehmet mevlut hulusi kemal tayyip erdogan benjamin naftali yair avigdor ehud moshe yitzhak
    shimon ariel ismail yahya mahmoud narendra rahul imran nawaz shehbaz asif ashraf pervez raheel qamar aung min
    hun xi li wang zhang kim moon shinzo fumio rodrigo ferdinand joko prabowo jair luiz lula nicolas hugo juan
    gustavo ivan andres felipe evo cristina mauricio alberto abiy meles isaias hailemariam salva riek omar
    abdelfattah fattah hemedti yoweri museveni paul kagame felix joseph denis faustin pierre-nkurunziza cyril jacob
    thabo emmerson robert nelson uhuru william raila ruto samia john jakaya filipe mahamat idriss bola macky ousmane
    bassirou ibrahim assimi abdourahamane mohamed bazoum""".split())
_ORG_NOUNS: Final = frozenset("""command wing squadron component group unit regiment battalion brigade division corps
    force forces army navy council committee ministry department agency office party front movement union""".split())
#: The last words of the names of places and buildings named after people: "Victoria Island", "Nelson Mandela Bay".
_SITE_NOUNS: Final = frozenset("""island islands bay street road avenue square bridge university college school
    hospital temple mosque church cathedral stadium airport market municipality district county province lake river
    mountain mountains hill hills valley park camp barracks station hall prison estate village town city""".split())
_LEADING_FUNCTION: Final = frozenset("the a an in on at but and as after before when while since during meanwhile "
                                     "however "
                                     "according by for from with of to this that these those".split())


def given_name(word: str) -> bool:
    """Whether ``word`` is a common given name ("Mary", "Ahmed")."""
    return word.lower() in _GIVEN


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # folded, without a final full stop
    cap: bool  # capitalised, or a short number ("2nd", "1st")


def tokens(view: str, lo: int, hi: int) -> list[Token]:
    """Words of ``view[lo:hi]``; a final full stop stays only on titles, initials and "U.S."."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(view, lo, hi):
        s, e = m.span()
        text = m.group()
        if text[-1] == "." and len(text) > 2 and text[:-1].lower() not in _KEEP_DOT and "." not in text[:-1]:
            e -= 1
            text = text[:-1]
        if len(text) > 3 and text[-2:] in ("'s", "'S"):
            e -= 2
            text = text[:-2]
        head = text[0]
        append(Token(s, e, text, text.lower().rstrip("."), head.isupper() or (head.isdigit() and len(text) <= 4)))
    return out


def cap_runs(view: str, toks: list[Token]) -> Iterator[list[Token]]:
    """Runs of capitalised words joined by single spaces, with "of", "al", "de"... inside."""
    run: list[Token] = []
    for i, t in enumerate(toks):
        joined = bool(run) and view[run[-1].end:t.start] == " "
        if t.cap and (joined or not run) and (run or not t.text[:1].isdigit() or _ORDINAL.match(t.text)):
            run.append(t)
            continue
        if run and joined and t.low in _CONNECT and i + 1 < len(toks) and toks[i + 1].cap \
                and view[t.end:toks[i + 1].start] == " ":
            run.append(t)
            continue
        if run:
            yield _trim(run)
        run = [t] if t.cap and (not t.text[:1].isdigit() or _ORDINAL.match(t.text)) else []
    if run:
        yield _trim(run)


def _trim(run: list[Token]) -> list[Token]:
    while run and run[-1].low in _CONNECT:
        run = run[:-1]
    return run


def _is_name_token(t: Token) -> bool:
    return (t.text[:1].isupper() and t.low not in _TITLES and not t.text.isupper()) or t.low in _PARTICLES \
        or _initial(t)


def _joined(view: str, toks: list[Token], k: int) -> bool:
    return view[toks[k - 1].end:toks[k].start] == " "


def _name_after(view: str, toks: list[Token], i: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name starting at token ``i`` (after a role): 1-4 capitalised words."""
    j = i
    while j < len(toks) and toks[j].low in _TITLES and toks[j].cap and (j == i or _joined(view, toks, j)):
        j += 1  # more titles: "Lt. Gen. Stephen ..."
    k = j
    while k < len(toks) and k - j < 5 and (_is_name_token(toks[k]) or (k > j and toks[k].text[:1].isupper()
                                           and not toks[k].text.isupper())) and (k == i or _joined(view, toks, k)):
        k += 1  # after the first word of a name, "Bishop" is a surname, not a title
    while k > j and toks[k - 1].low in _PARTICLES:
        k -= 1
    if k == j or not toks[j].text[:1].isupper():
        return None
    span = (toks[j].start, toks[k - 1].end)
    if any(s < span[1] and span[0] < e for s, e in taken):
        return None
    return span


def find_people(view: str, toks: list[Token], mentions: list[Mention], known: dict[str, Mention]) -> list[Mention]:
    """Person mentions in one sentence. ``mentions`` are the sentence's actor mentions so far;
    ``known`` maps the surnames and names of people found earlier in the article to them."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    by_start = {t.start: i for i, t in enumerate(toks)}
    lo = toks[0].start if toks else 0
    hi = toks[-1].end if toks else 0
    for m in _ROLE_GATED.finditer(view, lo, hi):
        rs, re_ = m.span()
        if any(s < re_ and rs < e for s, e in taken):
            continue
        role = " ".join(m.group().split())
        left = next((x for x in mentions if x.end in (rs - 1, rs - 3) and view[x.end:rs] in (" ", "'s ")), None)
        nxt = next((i for i, t in enumerate(toks) if t.start > re_), None)
        name = None
        if nxt is not None and view[re_:toks[nxt].start] in (" ", ", "):
            name = _name_after(view, toks, nxt, taken)
        if name is None and role.lower().split()[-1] not in _STRONG_ROLES:
            continue
        if name is not None and role.lower() in _PLACE_TITLES and _a_place(view, rs, name[1]):
            continue  # "in Sheikh Zuweid", "Sheikh Maqsoud neighbourhood"
        right = None
        after = re.match(r"\s+(?:of|for|at|with|from)\s+(?:the\s+)?", view[re_:re_ + 12])
        if after is not None:
            right = next((x for x in mentions if x.start == re_ + after.end()), None)
        start = _left_edge(view, rs, left)
        if name is not None:
            person = Mention(start, name[1], ActorKind.PERSON, name=view[name[0]:name[1]], role=role.lower(),
                             affiliation=left or right, resolved_by="kb" if left or right else None, head="person")
        else:
            if rs > 0 and not _definite_or_indefinite(view, start) and right is None:
                continue
            affiliation = left or right
            earlier = known.get("role:" + role.lower())
            if affiliation is None and earlier is not None:
                person = Mention(start, re_, ActorKind.PERSON, name=earlier.name, role=role.lower(),
                                 affiliation=earlier.affiliation, head=role.lower(), resolved_by="coreference")
            else:
                person = Mention(start, re_, ActorKind.PERSON, role=role.lower(), affiliation=affiliation,
                                 head=role.lower(), resolved_by="kb" if affiliation else None)
        out.append(person)
        taken.append((person.start, person.end))
    for run in cap_runs(view, toks):
        _name_run(view, toks, by_start, run, taken, out, known)
    return out


_ADJECTIVE_BEFORE: Final = re.compile(r"((?:[A-Z][\w.'-]*\s+){1,3})$")


def _left_edge(view: str, rs: int, left: Mention | None) -> int:
    """Where a person's mention starts: at the organisation or nationality in front of the role
    ("SDF spokesman", "Iraqi President", "Foreign Office Minister")."""
    if left is not None:
        return left.start
    m = _ADJECTIVE_BEFORE.search(view, max(0, rs - 40), rs)
    if m is None:
        return rs
    words = m.group(1).split()
    keep = 0
    for w in reversed(words):
        if w.lower().rstrip(".") in _LEADING_FUNCTION:
            break
        keep += 1
    if not keep:
        return rs
    return rs - len(" ".join(words[-keep:])) - 1


def _initial(t: Token) -> bool:
    return len(t.text) == 2 and t.text[1] == "." and t.text[0].isupper()


def _definite_or_indefinite(view: str, pos: int) -> bool:
    before = view[max(0, pos - 12):pos].lower()
    return bool(re.search(r"(?:^|\b)(?:the|a|an|its|his|her|their|our)\s+(?:[\w.-]+\s+)?$", before)) \
        or view[pos:pos + 1].isupper()


#: After a name, a word that makes it a place: "the KM4 junction", "the PK5 neighbourhood", "Sheikh Maqsoud district".
PLACE_NOUN_AFTER: Final = re.compile(r" (?:junction|area|district|neighbou?rhood|market|road|street|roundabout|"
                                     r"checkpoint|camp|zone|sector|quarter|intersection)\b")
#: Titles that also begin the names of places: "Sheikh Zuweid", "Sidi Bouzid".
_PLACE_TITLES: Final = frozenset("sheikh shaykh sheik sidi".split())
#: Words before a place: a name after them is where, not who.
_WHERE_BEFORE: Final = re.compile(r"\b(?:in|at|near|outside|around|inside|into|towards?)\s+$")


def _a_place(view: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is where: after "in", "near"..., or before "district", "road"...."""
    return bool(_WHERE_BEFORE.search(view, max(0, start - 12), start) or PLACE_NOUN_AFTER.match(view, end))


def _name_run(view: str, toks: list[Token], by_start: dict[int, int], run: list[Token],
              taken: list[tuple[int, int]], out: list[Mention], known: dict[str, Mention]) -> None:
    while run and run[0].low in _LEADING_FUNCTION:
        run = run[1:]
    cut = next((k for k, t in enumerate(run) if t.low in ("and", "&") and 0 < k < len(run) - 1), None)
    if cut is not None and run[cut + 1].low in _GIVEN:  # "Peter Ojok and John Okello": two people
        _name_run(view, toks, by_start, run[:cut], taken, out, known)
        _name_run(view, toks, by_start, run[cut + 1:], taken, out, known)
        return
    titles: list[Token] = []
    while run and run[0].low in _TITLES:
        titles.append(run[0])
        run = run[1:]
    if not run or any(s < run[-1].end and run[0].start < e for s, e in taken):
        return
    if len(run) > 4 or any(t.text.isupper() and len(t.text) > 1 and not _initial(t) for t in run):
        return
    if run[-1].low in _ORG_NOUNS or run[-1].low in _SITE_NOUNS:
        return  # "Air Force Reserve Command" is an organisation, not Reserve Command the person; "Victoria Island"
    words = [t.low for t in run]
    text = view[run[0].start:run[-1].end]
    earlier = known.get(text.lower()) or (known.get(words[-1]) if len(run) == 1 else None)
    looks = bool(titles) or words[0] in _GIVEN or any(w in _PARTICLES for w in words[1:-1]) or words[0] == "abu" \
        or (len(run) >= 2 and (_SPEECH_AFTER.match(view, run[-1].end) is not None
                               or _PERSON_AFTER.match(view, run[-1].end) is not None
                               or _SPEECH_BEFORE.search(view[max(0, run[0].start - 20):run[0].start]) is not None))
    if earlier is None and not (looks and all(_is_name_token(t) for t in run)):
        return
    if earlier is None and not titles and _WHERE_BEFORE.search(view, max(0, run[0].start - 12), run[0].start):
        return  # "in Mocimboa da Praia", "near Vila de Rei": a place, however much it looks like a name
    if earlier is None and len(run) == 1 and not titles:
        return
    if earlier is None and titles and titles[0].low in _PLACE_TITLES and _a_place(view, titles[0].start, run[-1].end):
        return  # "in Sheikh Zuweid", "Sheikh Maqsoud neighbourhood"
    start = titles[0].start if titles else run[0].start
    m = Mention(start, run[-1].end, ActorKind.PERSON, name=earlier.name if earlier else text,
                role=(earlier.role if earlier else None) or (" ".join(t.low for t in titles) or None),
                affiliation=earlier.affiliation if earlier else None, head="person",
                resolved_by="coreference" if earlier else None)
    out.append(m)
    taken.append((m.start, m.end))
