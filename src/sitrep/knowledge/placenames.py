"""Place-name keys: the two readings of a name under which the gazetteer files it.

A name and a stretch of text match when they have the same key. There are two keys:

- :func:`exact_key` folds what never distinguishes two places in English text: letter case,
  diacritics ("Kārīz" = "Kariz"), apostrophes and ayn/hamza marks ("Ma'arrat" = "Maarrat"), full
  stops ("U.S." = "U S", "St. Louis" = "St Louis"), hyphens and other punctuation.
- :func:`loose_key` also folds the spelling variants of transliterated names: the Arabic article in
  any of its assimilated forms (al-, el-, ar-, ad-, as-, ash-, at-, az-, ez-, es-...), doubled letters
  ("Raqqa" = "Raqa"), a final h ("Raqqah" = "Raqqa", "Hodeidah" = "Hodeida"), "o" and "ou" for "u"
  ("Zor" = "Zour" = "Zur") and "ee"/"ei" spellings of one vowel. Ar-Raqqa, al-Raqqah and Raqqa share one loose key;
  Deir ez-Zour, Deir al-Zor and Deir Ezzor share one too.

The gazetteer keeps both, and a mention is looked up by its exact key first, so the loose key only
decides when the exact spelling is unknown ("El Salvador" stays a country; "Salvador" alone does not
become it). A name with a shortened word is also looked up written in full (:func:`spelt_out`: "Mt.
Pleasant" finds every Mount Pleasant).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

__all__ = ["exact_key", "fold", "loose_key", "spelt_out", "squeeze", "tokens"]

# Letters NFKD does not decompose into a base letter and a mark.
_SPECIAL: Final = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t",
    "ʿ": "", "ʾ": "", "ʻ": "", "ʼ": "", "‘": "", "’": "", "'": "", "`": "", "´": "", "ʹ": "",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
})
_NOT_ALNUM: Final = re.compile(r"[^a-z0-9]+")
# The Arabic article, as transliterations write it before sun and moon letters; also "el" (Egypt,
# the Maghreb) and Persian/Urdu "ul"/"ud" in compound names.
_ARTICLES: Final = frozenset("al el il ar er ad ed as es ash esh at et ath az ez an en adh ul ud".split())
#: Countries (ISO alpha-2) whose place names news transliterates from Arabic, Persian, Pashto,
#: Kurdish, Turkish, Somali, Tigrinya or Amharic, Hausa or Kanuri: the only ones where a name
#: written with the Arabic article ("al-Jinah") may be a place listed without it ("Jina").
TRANSLITERATED: Final = frozenset(
    """SY IQ YE LY LB JO PS IL EG SD SS SO AF PK IR TR SA ML NE NG TD DZ TN MA MR AE KW QA BH OM ER ET DJ
    AZ""".split()
)


def has_article(key: str) -> bool:
    """Whether an exact key opens with the Arabic article as a word of its own ("al jinah")."""
    first, _, rest = key.partition(" ")
    return bool(rest) and first in _ARTICLES
_DOUBLE: Final = re.compile(r"([a-z])\1+")


def fold(text: str) -> str:
    """``text`` without diacritics, apostrophes or ayn/hamza marks, case kept."""
    if text.isascii():
        return text.replace("'", "").replace("`", "")
    text = text.translate(_SPECIAL)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """The lower-case alphanumeric words of a name, punctuation dropped."""
    return _NOT_ALNUM.sub(" ", fold(text).lower()).split()


# Words names shorten ("Mt. Pleasant", "St. Paul", "Ft. Myers"): a gazetteer may list a place under
# either spelling, or under the short one for only a few of its namesakes.
_SHORT_WORDS: Final = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def spelt_out(key: str) -> str | None:
    """An exact key with its shortened words written in full ("mt pleasant" -> "mount pleasant"),
    or None when it has none."""
    words = key.split(" ")
    if not any(w in _SHORT_WORDS for w in words):
        return None
    return " ".join(_SHORT_WORDS.get(w, w) for w in words)


@lru_cache(maxsize=65536)
def exact_key(text: str) -> str:
    """Lower case, no diacritics, no punctuation: "Deir ez-Zor" -> "deir ez zor"."""
    return " ".join(tokens(text))


def _single(m: re.Match[str]) -> str:
    return m.group(1)


def squeeze(word: str) -> str:
    """Doubled letters written once: "raqqa" -> "raqa"."""
    return _DOUBLE.sub(_single, word)  # a function, not r"\1": no template to expand at each match


def _loose_word(word: str) -> str:
    word = squeeze(word)
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    word = word.replace("ou", "u").replace("ee", "i").replace("ei", "e").replace("ai", "ay").replace("o", "u")
    return word


@lru_cache(maxsize=65536)
def loose_key(text: str) -> str:
    """The exact key with transliteration variants folded: "Ar-Raqqah" -> "raqa"."""
    words = exact_key(text).split()
    kept = [w for i, w in enumerate(words) if not (w in _ARTICLES and i + 1 < len(words))]
    # "Ezzor", "Alraqqa": an article glued on in one word is left alone (too easily a real name)
    return " ".join(_loose_word(w) for w in kept)
