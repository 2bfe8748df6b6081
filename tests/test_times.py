"""Times: recognition, tense, year boundaries, durations and sets, and what is not a date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.models import Article, TimeRef
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings

PIPE = build_pipeline(settings=Settings())


def times(text: str, published: str | None = "2017-10-16") -> list[TimeRef]:
    day = dt.date.fromisoformat(published) if published else None
    article = Article(id="t", text=text, published=day, published_from="metadata" if day else "none")  # type: ignore[arg-type]
    return list(PIPE.process(article).times)


def found(text: str, published: str | None = "2017-10-16") -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in times(text, published)]


# 2017-10-16 is a Monday.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # absolute dates
        ("The city fell on October 17, 2017, officials said.", [("October 17, 2017", "2017-10-17")]),
        ("It was signed on 24 November 2016.", [("24 November 2016", "2016-11-24")]),
        ("The deal is dated Oct. 2, 2016.", [("Oct. 2, 2016", "2016-10-02")]),
        ("The report is dated 2017-10-16.", [("2017-10-16", "2017-10-16")]),
        ("The ceasefire was agreed on 16/10/2017.", [("16/10/2017", "2017-10-16")]),
        # weekdays: the latest on or before the article's date, unless the clause is about the future
        ("Fighters took the stadium on Monday.", [("Monday", "2017-10-16")]),
        ("A convoy left on Saturday night.", [("Saturday night", "2017-10-14")]),
        ("Gunmen attacked the village early on Friday.", [("early on Friday", "2017-10-13")]),
        ("He expected the operation to end on Monday.", [("Monday", "2017-10-16")]),
        ("The talks will resume on Thursday.", [("Thursday", "2017-10-19")]),
        ("The strike happened last Tuesday.", [("last Tuesday", "2017-10-10")]),
        # relative days, from the article's date or from the last date mentioned
        ("Two soldiers were killed yesterday.", [("yesterday", "2017-10-15")]),
        ("Clashes broke out last night.", [("last night", "2017-10-15")]),
        ("Militants attacked on October 3, 2017. The army struck back the previous day.",
         [("October 3, 2017", "2017-10-03"), ("the previous day", "2017-10-02")]),
        ("Militants attacked on October 3, 2017. Two days later the army struck back.",
         [("October 3, 2017", "2017-10-03"), ("Two days later", "2017-10-05")]),
        # months: tense and year boundaries
        ("Islamic State lost Mosul in July.", [("in July", "2017-07")]),
        ("The campaign began in November.", [("in November", "2016-11")]),
        ("Elections will be held in March.", [("in March", "2018-03")]),
        ("The group has controlled the town since March.", [("March", "2017-03")]),
        # periods
        ("Prices rose last week.", [("last week", "2017-W41")]),
        ("It happened earlier this month.", [("earlier this month", "2017-10")]),
        ("Violence surged last year.", [("last year", "2016")]),
        ("The attack came in 2014.", [("in 2014", "2014")]),
        ("Fighting resumed in mid-2015.", [("in mid-2015", "2015")]),
        ("The camp was built in the 1990s.", [("in the 1990s", "199")]),
        ("The army lost ground in the third quarter.", [("the third quarter", "2017-Q3")]),
        ("The siege lasted through last winter.", [("last winter", "2016-WI")]),
        ("Prices fell two weeks ago.", [("two weeks ago", "2017-W40")]),
        ("The army said it now controls the city.", [("now", "PRESENT_REF")]),
        # ranges
        ("Fighting raged between 12 and 15 March 2017.", [("between 12 and 15 March 2017", "2017-03-12/2017-03-15")]),
        ("The offensive ran from June to August 2017.", [("from June to August 2017", "2017-06/2017-08")]),
        # clock times join their day
        ("The blast came at 10 p.m. Wednesday, police said.", [("10 p.m. Wednesday", "2017-10-11T22:00")]),
    ],
)
def test_times_resolve(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an article of 2 January: "December" and "Dec. 28" are the month and day just past
        ("Fighting escalated in December, officials said.", "2018-01-02", [("in December", "2017-12")]),
        ("Prices spiked in December.", "2018-01-02", [("in December", "2017-12")]),
        ("The attack on Dec. 28 killed 12.", "2018-01-02", [("Dec. 28", "2017-12-28")]),
        # and an article of 30 December looking ahead
        ("The vote is scheduled for Jan. 5.", "2017-12-30", [("Jan. 5", "2018-01-05")]),
        ("Talks will resume in January.", "2017-12-30", [("in January", "2018-01")]),
    ],
)
def test_times_year_boundaries(text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("bringing their four-month offensive to an end", "P4M", "duration"),
        ("after months of fighting", "PXM", "duration"),
        ("for the past two years", "P2Y", "duration"),
        ("within 24 hours", "PT24H", "duration"),
        ("a year and a half", "P1.5Y", "duration"),
        ("patrols every week", "P1W", "set"),
        ("strikes hit the town daily", "XXXX-XX-XX", "set"),
        ("markets close each Friday", "XXXX-WXX-5", "set"),
    ],
)
def test_times_durations_and_sets_are_not_dates(text: str, value: str, kind: str) -> None:
    (t,) = times(text)
    assert (t.value, str(t.kind), t.granularity, t.low) == (value, kind, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "She spoke to the 1990s generation of activists.",
        "The Fifth Corps moved north.",
        "May said the talks would go on.",
        "Officials may meet the rebels.",
        "The fall of Raqqa ended the caliphate.",
        "Thousands march through the capital.",
        "They killed 2000 troops in the battle.",
        "The bill cost $2014 in fees.",
        "The Arab Spring began in Tunisia.",
    ],
)
def test_times_not_dates(text: str) -> None:
    assert times(text) == []


def test_times_without_a_publication_date_keep_value_null() -> None:
    got = found("Gunmen attacked on Monday and again on October 17, 2017.", published=None)
    assert got == [("Monday", None), ("October 17, 2017", "2017-10-17")]


def test_times_low_and_high_bound_the_days() -> None:
    (t,) = times("Islamic State lost Mosul in July.")
    assert (t.low, t.high, str(t.granularity)) == (dt.date(2017, 7, 1), dt.date(2017, 7, 31), "month")


def test_times_spans_quote_the_original_text() -> None:
    text = "Ra\u200bqqa fell on\u00a0Saturday\u00a0night.\u00a0Fighting began in\u00a0June."
    for t in times(text):
        assert text[t.start:t.end] == t.text
    assert [t.value for t in times(text)] == ["2017-10-14", "2017-06"]


def test_times_are_read_in_captions_but_not_credits_or_boilerplate() -> None:
    text = ("Fighters retake city\n\nA fighter in Raqqa, Syria, October 16, 2017. REUTERS/Rodi Said\n\n"
            "Fighters took the city on Monday.\n\nPublished 16 October 2017")
    assert found(text) == [("October 16, 2017", "2017-10-16"), ("Monday", "2017-10-16")]


def test_times_seed_article(seed_path: Path, shared: Path, process) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    text = seed_path.read_text(encoding="utf-8")
    got = process(text).times
    for want in expected["times"]:
        # the seed's "Saturday night" has a non-breaking space in the article; compare spaces alike
        assert any(want["text"].lower() in t.text.replace("\u00a0", " ").lower() and t.value == want["value"]
                   for t in got), want


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "a year earlier" after a quarter is that quarter of the year before
        ("Net income rose in the third quarter from a year earlier.", "1989-10-26",
         [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]),
        ("Sales fell from the year-ago quarter.", "1989-10-26", [("the year-ago quarter", "1988")]),
        ("The deal should close by year-end.", "1989-10-26", [("year-end", "1989")]),
        ("The Olympics came to Atlanta in nineteen ninety-six.", "1998-02-27", [("nineteen ninety-six", "1996")]),
        ("The plan runs until the year two thousand.", "1998-02-27", [("the year two thousand", "2000")]),
        ("The quarter's results were strong.", "1989-10-26", [("The quarter", "1989-Q3")]),
        ("Fighters regrouped over the weekend.", "2017-10-16", [("the weekend", "2017-W41-WE")]),
        ("The vote will be held in March.", "2017-10-16", [("in March", "2018-03")]),
        ("The town had been seized in March.", "2017-10-16", [("in March", "2017-03")]),
    ],
)
def test_times_reference_periods_and_words(text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 52-year-old commander was killed.",
        "A 37 years old man was arrested.",
        "The company paid a quarterly dividend.",
        "About three-quarters of the city was destroyed.",
        "The fighters had previously attacked the base.",
    ],
)
def test_times_ages_adjectives_and_fractions_are_not_times(text: str) -> None:
    assert times(text) == []


def test_times_text_whose_lower_case_changes_length() -> None:
    # "İ" lower-cases to two characters; offsets must still quote the text
    text = "İstanbul police said 12 people were detained on Monday and released two days later."
    got = times(text)
    assert [(text[t.start:t.end], t.value) for t in got] == [("Monday", "2017-10-16"), ("two days later", "2017-10-18")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a relative day restated as a calendar date is one expression, and the text's own date wins
        ("183 killed yesterday 27/02/2016, including 89 IS", "2016-02-28", [("yesterday 27/02/2016", "2016-02-27")]),
        ("Jets struck Ariha on Sunday, 15 October.", "2017-10-16", [("Sunday, 15 October", "2017-10-15")]),
        ("The toll rose yesterday, Oct. 15.", "2017-10-17", [("yesterday, Oct. 15", "2017-10-15")]),
        # a year that is a slip of the writer's: the day and month in the year the relative day gives
        ("143 killed yesterday 20/01/2015", "2016-01-21", [("yesterday 20/01/2015", "2016-01-20")]),
        # apart, they stay two expressions
        ("Jets struck yesterday and again on 27 February 2016.", "2016-02-28",
         [("yesterday", "2016-02-27"), ("27 February 2016", "2016-02-27")]),
    ],
)
def test_times_relative_day_restated_as_a_date(text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "after"/"before" a happening is a signal: TimeML marks the duration alone
        ("Rebels executed two men one day after the massacre.", [("one day", "P1D")]),
        ("The town fell about 5 weeks after the siege was lifted.", [("about 5 weeks", "P5W")]),
        ("He was killed 4 days before the strike.", [("4 days", "P4D")]),
        # "later" and "earlier" still count from the article's reference time
        ("Militants attacked on October 3, 2017. Two days later the army struck back.",
         [("October 3, 2017", "2017-10-03"), ("Two days later", "2017-10-05")]),
    ],
)
def test_times_durations_before_after_signals(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
    assert all(str(t.kind) == "duration" for t in times(text) if t.value and t.value.startswith("P"))


@pytest.mark.parametrize(
    "text",
    [
        "Warplanes struck Khan Shaykhun after the massacre of Black Tuesday.",
        "Regime forces kill more than 2000 people in 2000 raids.",
        "PROTESTERS MARCH 2 MILES TO THE SQUARE.",
    ],
)
def test_times_named_days_and_counts_are_not_dates(text: str) -> None:
    assert times(text) == []


def test_times_month_names_in_capitals_beside_a_day() -> None:
    got = found("CIVILIAN CASUALTIES IN SYRIA SINCE 23 SEPTEMBER 2014")
    assert got == [("23 SEPTEMBER 2014", "2014-09-23")]
