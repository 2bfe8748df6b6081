"""The repair stage: each rule held to real scraped examples and to the look-alikes it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.settings import Settings
from sitrep.stages.ingest import read_path
from sitrep.stages.repair import _title_and_site, blocks, classify
from sitrep.textview import TextView
from sitrep.vocab import SegmentKind

K = SegmentKind


def kinds(text: str, title: str | None = None) -> list[tuple[str, str]]:
    view = TextView(text)
    return [(str(s.kind), view.text[s.start:s.end]) for s in classify(view.text, title=title)]


def of_kind(text: str, kind: SegmentKind) -> list[str]:
    return [t for k, t in kinds(text) if k == kind]


LEAD = "Fighters battled Islamic State militants in the city on Monday, a spokesman said."
MORE = "The coalition said it could not give a timeline for the end of the operation."


# ----------------------------------------------------------------------------- blocks

def test_repair_blocks_split_on_blank_lines_and_keep_wrapped_lines_together() -> None:
    text = "Headline here\n\nFirst line of a paragraph\nthat was hard-wrapped.\n\n  \nSecond paragraph."
    got = [text[s:e] for s, e in blocks(text)]
    assert got == ["Headline here", "First line of a paragraph\nthat was hard-wrapped.", "Second paragraph."]


def test_repair_blocks_without_blank_lines_use_lines_and_join_continuations() -> None:
    text = "Roadside IED kills general in Syria\nThe desert is rife with insurgents\nRussia's toll rose this\nweek, officials said."
    got = [text[s:e] for s, e in blocks(text)]
    assert got == ["Roadside IED kills general in Syria", "The desert is rife with insurgents",
                   "Russia's toll rose this\nweek, officials said."]


# ----------------------------------------------------------------------------- headline

@pytest.mark.parametrize(
    "headline",
    [
        "U.S.-backed militias defending the last pocket of Islamic State Raqqa",
        "Death toll in Mogadishu truck bombing climbs past 230 as rescuers dig thro",
        "Is the war in Sudan spreading?",
        "Roadside IED kills Russian major general in Syria",
    ],
)
def test_repair_headline_first_line(headline: str) -> None:
    got = kinds(f"{headline}\n\n{LEAD}\n\n{MORE}")
    assert got[0] == ("headline", headline)
    assert ("body", LEAD) in got


@pytest.mark.parametrize(
    "first",
    [
        LEAD,  # a lead paragraph, not a headline: it ends like a sentence
        "on Monday the fighting resumed across the north of the city and spread south",  # lower case
        "BEIRUT (Reuters) - Fighters battled militants",  # a dateline
    ],
)
def test_repair_not_a_headline(first: str) -> None:
    assert "headline" not in [k for k, _ in kinds(f"{first}\n\n{MORE}")]


def test_repair_a_lone_snippet_is_body_not_headline() -> None:
    # CASE and UCDP items are a single headline-like line: with nothing after it, it is the body.
    snippet = "14 shells hit Dahya al-Assad and clashes continue around Tal Malah"
    assert kinds(snippet) == [("body", snippet)]


def test_repair_headline_with_site_name_line_below() -> None:
    text = "U.S. air strike suspected as Kunduz MSF hospital bombed, 19 dead \u2014\nFrontline Dispatch\n\n" + LEAD
    got = kinds(text)
    assert got[0] == ("headline", "U.S. air strike suspected as Kunduz MSF hospital bombed, 19 dead -")
    assert got[1] == ("site_tag", "Frontline Dispatch")


def test_repair_headline_equal_to_given_title() -> None:
    title = "Peace deal signed."
    assert kinds(f"{title}\n\n{LEAD}", title=title)[0] == ("headline", title)


@pytest.mark.parametrize(
    ("headline", "title", "site"),
    [
        ("Levant Ledger | U.S.-backed militia says Raqqa battle over", "U.S.-backed militia says Raqqa battle over",
         "Levant Ledger"),
        ("Theatre hit by Russian strike, officials say - Eastern Front Monitor",
         "Theatre hit by Russian strike, officials say", "Eastern Front Monitor"),
        ("U.S. air strike suspected as Kunduz MSF hospital bombed -", "U.S. air strike suspected as Kunduz MSF "
         "hospital bombed", None),
        ("Sudan army - RSF talks collapse", "Sudan army - RSF talks collapse", None),
    ],
)
def test_repair_title_without_site_name(headline: str, title: str, site: str | None) -> None:
    assert _title_and_site(headline) == (title, site)


# ----------------------------------------------------------------------------- captions and credits

@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("A fighter of the Syrian Democratic Forces (SDF) carries a weapon in Raqqa, Syria, October 16, 2017.",
         "REUTERS/Rodi Said"),
        ("Smoke rises over the Old City of Mosul, Iraq July 9, 2017.", "REUTERS/Khalil Ashawi/File Photo"),
        ("Members of Iraq's Counter-Terrorism Service celebrate in Mosul, Iraq, Monday, July 10, 2017.",
         "(AP Photo/Samir Younan)"),
        ("Rescue workers search the rubble at the Zoobe junction in Mogadishu, Somalia.",
         "Abdi Warsame/AFP via Getty Images"),
        ("Smoke rises from the damaged trauma centre in Kunduz after the bombing.", "Photo: Farid Nazari/AFP"),
        ("A satellite image shows the Mariupol Drama Theatre, March 14, 2022.",
         "Maxar Technologies/Handout via REUTERS"),
        ("Students walk near the main gate of Garissa University College.", "Photo: Otieno Kamau/Savanna Daily"),
        ("Syrian army soldiers stand in Aleppo.", "AFP PHOTO / GEORGE OURFALIAN"),
        ("Protesters chant slogans in Algiers.", "EPA-EFE/STRINGER"),
    ],
)
def test_repair_caption_and_credit(caption: str, credit: str) -> None:
    got = kinds(f"Headline of the story here\n\n{caption} {credit}\n\n{LEAD}\n\n{MORE}")
    assert ("caption", caption) in got
    assert ("credit", credit) in got
    assert ("body", LEAD) in got


def test_repair_caption_glued_to_lead_is_cut_at_the_credit() -> None:
    text = f"In Raqqa, Syria, October 16, 2017. REUTERS/Rodi Said Vastavam web: {LEAD}\n\n{MORE}"
    assert kinds(text)[:4] == [("caption", "In Raqqa, Syria, October 16, 2017."), ("credit", "REUTERS/Rodi Said"),
                               ("site_tag", "Vastavam web:"), ("body", LEAD)]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Fighters in Raqqa. REUTERS/Abdullah Dhiaa Al-Deen", "REUTERS/Abdullah Dhiaa Al-Deen"),
        ("Fighters in Raqqa. REUTERS/Rodi Said/File Photo", "REUTERS/Rodi Said/File Photo"),
        ("Fighters in Raqqa. REUTERS/Stringer", "REUTERS/Stringer"),
    ],
)
def test_repair_reuters_credit_names(line: str, credit: str) -> None:
    assert ("credit", credit) in kinds(f"{line}\n\n{LEAD}")


def test_repair_file_photo_caption_without_credit_anywhere() -> None:
    caption = "FILE PHOTO: Sudanese demonstrators chant slogans at the sit-in outside the Defence Ministry."
    got = kinds(f"{LEAD}\n\n{caption}\n\n{MORE}")
    assert ("caption", caption) in got


@pytest.mark.parametrize(
    "body",
    [
        "The fighters told Reuters they had seized the hospital.",
        "Officials said the AP had seen the photo of the stadium.",
        "An image posted online showed smoke over the city.",
        "MAIDUGURI, Nigeria (Reuters) - Gunmen abducted more than 200 girls.",
    ],
)
def test_repair_agency_names_in_body_are_not_credits(body: str) -> None:
    assert "credit" not in [k for k, _ in kinds(f"{LEAD}\n\n{body}")]


# ----------------------------------------------------------------------------- site tags and datelines

@pytest.mark.parametrize(
    ("prefix", "tag", "dateline"),
    [
        ("Vastavam web: ", "Vastavam web:", None),
        ("NewsDesk Online: ", "NewsDesk Online:", None),
        ("BEIRUT (Reuters) - ", None, "BEIRUT (Reuters) -"),
        ("MOSUL, Iraq, Oct 16 (AFP) - ", None, "MOSUL, Iraq, Oct 16 (AFP) -"),
        ("KABUL, Afghanistan \u2014 ", None, "KABUL, Afghanistan -"),
        ("MOGADISHU, Somalia (AP) \u2014 ", None, "MOGADISHU, Somalia (AP) -"),
        ("NAIROBI: ", None, "NAIROBI:"),
        ("DEIR AL-ZOR, Syria (Reuters) - ", None, "DEIR AL-ZOR, Syria (Reuters) -"),
        ("(Reuters) - ", None, "(Reuters) -"),
        ("Beirut, Oct 16 (Reuters) - ", None, "Beirut, Oct 16 (Reuters) -"),
        ("NewsDesk web: MOSUL, Iraq (AP) \u2014 ", "NewsDesk web:", "MOSUL, Iraq (AP) -"),
        ("Eastern Front Monitor: LVIV, Ukraine, March 17 \u2014 ", "Eastern Front Monitor:", "LVIV, Ukraine, March 17 -"),
    ],
)
def test_repair_site_tag_and_dateline(prefix: str, tag: str | None, dateline: str | None) -> None:
    got = kinds(f"{prefix}{LEAD}\n\n{MORE}")
    assert of_kind_pairs(got, "site_tag") == ([tag] if tag else [])
    assert of_kind_pairs(got, "dateline") == ([dateline] if dateline else [])
    assert ("body", LEAD) in got


@pytest.mark.parametrize("prefix", ["May 16th 2017: ", "October 12th-14th 2017: ", "Sunday 3 March: "])
def test_repair_a_leading_date_is_not_a_site_tag(prefix: str) -> None:
    got = kinds(f"{prefix}{LEAD}\n\n{MORE}")
    assert of_kind_pairs(got, "site_tag") == []


def of_kind_pairs(got: list[tuple[str, str]], kind: str) -> list[str]:
    return [t for k, t in got if k == kind]


@pytest.mark.parametrize(
    "lead",
    [
        "He said: the fighters will not leave the city before the end of the month, officials said.",
        "The commander said: Islamic State fighters remain in one zone of the city.",
        "Fighters told them: Leave now.",
        "The U.S. military said it would investigate the strike.",
        "At 10:30 Islamic State fighters opened fire, officials said.",
    ],
)
def test_repair_lead_that_is_not_a_tag(lead: str) -> None:
    got = kinds(f"{lead}\n\n{MORE}")
    assert of_kind_pairs(got, "site_tag") == []
    assert of_kind_pairs(got, "dateline") == []
    assert got[0] == ("body", lead)


def test_repair_only_the_lead_paragraph_has_a_site_tag() -> None:
    later = "Witnesses: Dozens of civilians fled the city overnight, aid groups said."
    assert of_kind_pairs(kinds(f"{LEAD}\n\n{later}"), "site_tag") == []


def test_repair_headline_glued_to_dateline() -> None:
    text = ("Savanna Daily Online: Kenya mourns after al-Shabaab gunmen kill 147 at Garissa universityNAIROBI: "
            f"{LEAD}\n\n{MORE}")
    got = kinds(text)
    assert got[:3] == [("site_tag", "Savanna Daily Online:"),
                       ("headline", "Kenya mourns after al-Shabaab gunmen kill 147 at Garissa university"),
                       ("dateline", "NAIROBI:")]
    assert ("body", LEAD) in got


# ----------------------------------------------------------------------------- boilerplate and trailers

@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Advertisement", "boilerplate"),
        ("Related: Thousands wait in desert camps as Raqqa fighting ends", "boilerplate"),
        ("(c) 2017 Example News", "boilerplate"),
        ("\u00a9 2017 Thomson Reuters. All rights reserved.", "boilerplate"),
        ("Follow us on Twitter @ExampleNewsAfrica", "boilerplate"),
        ("Published 15 April 2023 \u00b7 Updated 22:40", "boilerplate"),
        ("Monday, October 16, 2017 10:22 GMT", "boilerplate"),
        ("Have a news tip? Email press@example.org.", "boilerplate"),
        ("Reporting by Ellen Francis; Editing by Alison Williams", "credit"),
        ("Additional reporting by Ngozi Eze in Abuja; Writing by Tom Ashdown", "credit"),
        ("Associated Press writer Yara Mansour in Baghdad contributed to this report.", "credit"),
        ("By Ellen Francis and Tom Perry", "credit"),
    ],
)
def test_repair_furniture(line: str, kind: str) -> None:
    assert (kind, TextView(line).text) in kinds(f"{LEAD}\n\n{line}\n\n{MORE}")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Related fighting was reported in the Euphrates valley, the monitor said.",
        "Published reports said the convoy left on Saturday night.",
        "By nightfall the SDF controlled the stadium and the national hospital.",
        "Follow-up strikes hit the same area on Tuesday.",
    ],
)
def test_repair_body_that_looks_like_furniture(paragraph: str) -> None:
    assert ("body", paragraph) in kinds(f"{LEAD}\n\n{paragraph}")


def test_repair_inline_reporting_credit_is_cut_from_last_paragraph() -> None:
    got = kinds(f"{LEAD}\n\n{MORE} (Reporting by Ellen Francis in Beirut; Editing by Alison Williams)")
    assert ("body", MORE) in got
    assert ("credit", "(Reporting by Ellen Francis in Beirut; Editing by Alison Williams)") in got


# ----------------------------------------------------------------------------- the stage

def test_repair_stage_offsets_index_the_original_text(process) -> None:  # type: ignore[no-untyped-def]
    text = "\ufeffHeadline about Ra\u200bqqa\r\n\r\nVastavam web: BEIRUT (Reuters) \u2013 Fighters took\u00a0the city.\r\n"
    doc = process(text)
    assert [str(s.kind) for s in doc.segments] == ["headline", "site_tag", "dateline", "body"]
    quoted = [text[s.start:s.end] for s in doc.segments]
    # the byte-order mark is not part of the headline; the zero-width space inside it is
    assert quoted == ["Headline about Ra\u200bqqa", "Vastavam web:", "BEIRUT (Reuters) \u2013",
                      "Fighters took\u00a0the city."]
    assert doc.article.title == "Headline about Raqqa"


def test_repair_seed_article(seed_path: Path, process) -> None:  # type: ignore[no-untyped-def]
    text = seed_path.read_text(encoding="utf-8")
    doc = process(text)
    body = [(s.start, s.end) for s in doc.segments if s.kind is K.BODY]
    for not_body in ("REUTERS/Rodi Said", "Vastavam web:", "carries a weapon"):
        i = text.index(not_body)
        assert not any(s <= i < e for s, e in body), not_body
    assert doc.article.title == "U.S.-backed militias defending the last pocket of Islamic State Raqqa"


@pytest.mark.parametrize(
    ("name", "tag", "dateline", "credit"),
    [
        ("raqqa-2017-10-17.txt", None, "BEIRUT (Reuters) -", "REUTERS/Karim Haddadin"),
        ("mosul-2017-07-10.txt", "NewsDesk web:", "MOSUL, Iraq (AP) \u2014", "(AP Photo/Samir Younan)"),
        ("mogadishu-2017-10-15.txt", None, "MOGADISHU, Somalia (AP) \u2014", "Abdi Warsame/AFP via Getty Images"),
        ("kunduz-2015-10-03.txt", "Frontline Dispatch", "KABUL, Oct 3 (AFP) -", "Photo: Farid Nazari/AFP"),
        ("garissa-2015-04-03.txt", "Savanna Daily Online:", "NAIROBI:", "Photo: Otieno Kamau/Savanna Daily"),
        ("mariupol-2022-03-17.txt", "Eastern Front Monitor:", "LVIV, Ukraine, March 17 \u2014",
         "Maxar Technologies/Handout via REUTERS"),
    ],
)
def test_repair_bundled_samples(name: str, tag: str | None, dateline: str, credit: str, process,  # type: ignore[no-untyped-def]
                                samples: Path) -> None:
    (doc,) = list(read_path(samples / name, name, Settings()))
    doc = process(doc.article)
    text = doc.article.text
    found = {(str(s.kind), text[s.start:s.end]) for s in doc.segments}
    if tag:
        assert ("site_tag", tag) in found
    assert ("dateline", dateline) in found
    assert ("credit", credit) in found
    assert not any(k == "body" and (credit in t or dateline in t) for k, t in found)


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("Syria: ", None),  # a topic label: it stays in the body, where its place is read
        ("Police: ", None),
        ("UPDATE: ", "site_tag"),
        ("BREAKING NEWS: ", "site_tag"),
        ("The Latest: ", "site_tag"),
        ("QUESTION: ", None),
        ("UN: ", None),
        ("NAIROBI: ", "dateline"),
    ],
)
def test_repair_labels_rubrics_and_colon_datelines(prefix: str, kind: str | None) -> None:
    got = kinds(f"{prefix}{LEAD}\n\n{MORE}")
    if kind is None:
        assert got[0] == ("body", prefix + LEAD)
    else:
        assert got[0] == (kind, prefix.strip()) and ("body", LEAD) in got


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Levant Ledger | U.S.-backed militia says Raqqa battle over",
         [("site_tag", "Levant Ledger"), ("headline", "U.S.-backed militia says Raqqa battle over")]),
        ("Theatre hit by Russian strike, officials say - Eastern Front Monitor",
         [("headline", "Theatre hit by Russian strike, officials say"), ("site_tag", "Eastern Front Monitor")]),
    ],
)
def test_repair_site_name_in_the_headline_line_is_a_site_tag(headline: str, expected: list[tuple[str, str]],
                                                              process) -> None:  # type: ignore[no-untyped-def]
    assert kinds(f"{headline}\n\n{LEAD}\n\n{MORE}")[:2] == expected
    article = process(f"{headline}\n\n{LEAD}\n\n{MORE}").article
    assert (article.title, article.source) == (expected[0][1] if expected[0][0] == "headline" else expected[1][1],
                                               expected[0][1] if expected[0][0] == "site_tag" else expected[1][1])
