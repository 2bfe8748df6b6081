"""The actor knowledge base: its files load, every country has its state actors, names and
renamings resolve by date, folding keeps offsets, and the counts docs/DATA.md reports add up."""

from __future__ import annotations

import pycountry
import pytest

from sitrep.knowledge.actors import fold, fold_case, load_kb
from sitrep.vocab import ActorType

KB = load_kb()


def test_knowledge_every_country_has_its_state_actors() -> None:
    for c in pycountry.countries:
        for branch in ("military", "police", "government", "intelligence"):
            e = KB.state(c.alpha_3, branch)
            assert e is not None and e.type is ActorType.STATE_FORCES, (c.alpha_3, branch)
    assert KB.countries["SYR"].adjectives[0] == "Syrian"


@pytest.mark.parametrize(
    ("iso3", "branch", "year", "name"),
    [
        ("NGA", "military", 2016, "Military Forces of Nigeria (2015-2023)"),
        ("NGA", "police", 2024, "Police Forces of Nigeria (2023-)"),
        ("SDN", "military", 2016, "Military Forces of Sudan (1989-2019)"),
        ("USA", "military", None, "Military Forces of the United States (2025-)"),
        ("COD", "government", 2016, "Government of Democratic Republic of Congo (2001-2019)"),
        ("NOR", "military", 2016, "Military Forces of Norway"),
        ("SYR", "intelligence", 2016, "Police Forces of Syria (2000-2024) Intelligence Services"),
    ],
)
def test_knowledge_state_names_carry_the_government_years(iso3: str, branch: str, year: int | None,
                                                           name: str) -> None:
    assert KB.state_name(iso3, branch, year) == name


def test_knowledge_references_and_renaming_chains() -> None:
    for e in KB.entries.values():
        if e.part_of:
            assert e.part_of in KB.entries, e.id
        if e.renamed_to:
            assert e.renamed_to in KB.entries, e.id
            nxt = KB.entries[e.renamed_to]
            assert e.end is not None, f"{e.id} was renamed but has no end year"
            assert nxt.start is None or e.start is None or nxt.start >= e.start, e.id
    nusra = KB.entry("nusra-front")
    assert KB.current(nusra, 2015).id == "nusra-front"
    assert KB.current(nusra, 2017).id == "jfs"
    assert KB.current(nusra, 2020).id == "hts"


def test_knowledge_every_named_entry_can_be_found() -> None:
    for e in KB.entries.values():
        if e.generic or e.branch:
            continue
        names = [*e.aliases, e.name]
        hits = [h for n in names for h in KB.find(fold(n)) if h[0] == 0 and h[1] == len(n)]
        assert hits or (":" in e.name and not e.aliases), e.id


def test_knowledge_is_broad() -> None:
    groups = [e for e in KB.entries.values() if not e.generic and not e.branch]
    assert len(groups) >= 400
    assert sum(1 for e in groups if e.type is ActorType.REBEL_GROUPS) >= 150
    stats = KB.stats()
    assert set(stats["entries_by_region"]) >= {"middle-east", "west-africa", "east-africa", "south-asia", "europe",
                                               "international"}
    assert sum(stats["entries_by_type"].values()) == sum(stats["entries_by_region"].values())


@pytest.mark.parametrize("text", ["Séléka", "Hay’at", "Ma‘arrat al-Nu'man", "U.S.-backed", "İdlib", "ÇAĞ"])
def test_knowledge_folding_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text) == len(fold_case(text))


def test_knowledge_folding() -> None:
    assert fold("Al-Shabaab's Séléka") == "al shabaab s seleka"
    assert fold_case("U.S.-led") == "U.S. led"


@pytest.mark.parametrize(("entry_id", "iso3"), [("ufdg", "GIN"), ("npp-ghana", "GHA"), ("udps", "COD"),
                                               ("cord-kenya", "KEN"), ("ennahda", "TUN"), ("umma-party", "SDN")])
def test_knowledge_african_parties_are_political_militias(entry_id: str, iso3: str) -> None:
    e = KB.entry(entry_id)
    assert (e.type, "party" in e.tags, iso3 in e.countries) == (ActorType.POLITICAL_MILITIAS, True, True)


@pytest.mark.parametrize(("alias", "entry_id"), [("National Popular Army", "dza-military"), ("Liyu Police", "liyu-police"),
                                                 ("PDF", "pdf-sudan"), ("bomb disposal team", "generic-police"),
                                                 ("peacekeeping unit", "peacekeepers")])
def test_knowledge_african_state_and_generic_names(alias: str, entry_id: str) -> None:
    assert any(t.ref == entry_id for s, e, targets in KB.find(fold(alias)) if (s, e) == (0, len(alias)) for t in targets)
