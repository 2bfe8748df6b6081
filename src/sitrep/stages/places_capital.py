""""The capital": the capital city of the one country an article is about.

News and monitors name a country's capital by its role as often as by its name ("a strike in the
capital", "protesters marched on the capital"). When the article points to one country only (its
place names, demonyms and named groups agree) and names none of that country's provinces (in "a
protest in Adamawa State ... in the capital" the capital is the state's), the words are read as that
country's capital, with the capital's point and a town's precision, quoting "the capital".
Never where a name follows ("the capital Cairo", "the capital, Bamako": that name is the mention) or
where the capital is another place's ("the capital of Borno State").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

from ..knowledge.actors import load_kb
from ..knowledge.gazetteer import Feature, Gazetteer
from ..knowledge.gazetteer import Place as Entry

__all__ = ["capital_mentions"]

#: "the capital" not followed by the name it stands beside, nor by whose capital it is.
_THE_CAPITAL: Final = re.compile(r"\b[Tt]he [Cc]apital(?:'s|\u2019s)?\b(?![,\s]+(?:city\s+)?(?:of\b|[A-Z]))")


def capital_mentions(text: str, countries: Iterable[str], divisions: Sequence[Entry], gaz: Gazetteer
                     ) -> Iterator[tuple[int, int, Entry]]:
    """(start, end, capital) for each "the capital" of ``text`` (view offsets), when ``countries`` (alpha-2 codes the
    article points to) hold exactly one country whose capital the gazetteer has and ``divisions`` (the provinces the
    article names) hold none of that country's."""
    pointed = set(countries)
    if len(pointed) != 1 or _THE_CAPITAL.search(text) is None:
        return
    cc = next(iter(pointed))
    if any(d.country == cc and d.feature in (Feature.ADMIN1, Feature.ADMIN2) for d in divisions):
        return
    city = _capital(cc, gaz)
    if city is None:
        return
    for m in _THE_CAPITAL.finditer(text):
        yield m.start(), m.start() + len("the capital"), city


def _capital(cc: str, gaz: Gazetteer) -> Entry | None:
    """The gazetteer's entry for the capital of the country ``cc`` (alpha-2), by the knowledge base's name for it."""
    iso3 = gaz.iso3(cc)
    country = load_kb().countries.get(iso3) if iso3 else None
    if country is None or not country.capital:
        return None
    towns = [c.place for c in gaz.lookup(country.capital)
             if c.place.country == cc and c.place.feature is Feature.CITY]
    return max(towns, key=lambda p: (p.is_capital, p.population), default=None)
