"""The publication date: where it comes from, and that it is never invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.dates import find_day_month, find_full_dates, parse_iso
from sitrep.models import Article
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings
from sitrep.vocab import PublishedFrom

LEAD = "BEIRUT (Reuters) - Fighters battled militants in the city on Monday, a spokesman said."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 16, 2017", dt.date(2017, 10, 16)),
        ("Monday, October 16, 2017", dt.date(2017, 10, 16)),
        ("Oct. 16, 2017", dt.date(2017, 10, 16)),
        ("16 October 2017", dt.date(2017, 10, 16)),
        ("16th of October, 2017", dt.date(2017, 10, 16)),
        ("2017-10-16", dt.date(2017, 10, 16)),
        ("Sept 3 2015", dt.date(2015, 9, 3)),
    ],
)
def test_published_full_dates(text: str, expected: dt.date) -> None:
    assert [d.date for d in find_full_dates(f"seen on {text} here")] == [expected]


@pytest.mark.parametrize("text", ["October 2017", "in 2017", "February 30, 2017", "2017-13-01", "on Monday"])
def test_published_not_full_dates(text: str) -> None:
    assert find_full_dates(text) == []


def test_published_day_month_without_year() -> None:
    assert find_day_month("KABUL, Oct 3 (AFP) -") == (10, 3)
    assert find_day_month("LVIV, Ukraine, 17 March -") == (3, 17)
    assert find_day_month("KABUL, Oct 3, 2015 (AFP) -") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-10-16", dt.date(2017, 10, 16)),
        ("2017-10-16T08:30:00Z", dt.datetime(2017, 10, 16, 8, 30, tzinfo=dt.UTC)),
        ("2017-10-16 08:30", dt.datetime(2017, 10, 16, 8, 30)),
        ("2017-10-16T08:30:00+03:00", dt.datetime(2017, 10, 16, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
        ("16/10/2017", None),
        ("2017-02-30", None),
        ("yesterday", None),
    ],
)
def test_published_parse_iso(value: str, expected: dt.date | None) -> None:
    assert parse_iso(value) == expected


def run(text: str, *, published: dt.date | None = None, given: str | None = None) -> Article:
    settings = Settings().with_(published=given)
    pipe = build_pipeline(settings=settings)
    origin = PublishedFrom.METADATA if published else PublishedFrom.NONE
    return pipe.process(Article(id="t", text=text, published=published, published_from=origin)).article


@pytest.mark.parametrize(
    ("text", "date", "origin"),
    [
        (f"Headline here\n\nA fighter in Raqqa, Syria, October 16, 2017. REUTERS/Rodi Said\n\n{LEAD}",
         "2017-10-16", "caption"),
        (f"MOSUL, Iraq, Oct 16, 2017 (AFP) - {LEAD[19:]}", "2017-10-16", "dateline"),
        (f"Headline here\n\nPublished 15 April 2023 \u00b7 Updated 22:40\n\n{LEAD}", "2023-04-15", "text"),
        (f"Headline here\n\nMonday, October 16, 2017 10:22 GMT\n\n{LEAD}", "2017-10-16", "text"),
        # a year-less dateline takes its year from the caption, even when the caption's picture is older
        ("Headline here\n\nA satellite image of the theatre, March 14, 2022. Maxar Technologies/Handout via "
         f"REUTERS\n\nLVIV, Ukraine, March 17 - {LEAD[19:]}", "2022-03-17", "dateline"),
        # a file photo does not date the article
        (f"Headline here\n\nFILE PHOTO: Fighters in Raqqa, Syria, June 6, 2017. REUTERS/Rodi Said\n\n{LEAD}",
         None, "none"),
        # a date inside the story is not the publication date
        (f"{LEAD} The group seized the city on January 12, 2014.", None, "none"),
        (f"KABUL, Oct 3 (AFP) - {LEAD[19:]}", None, "none"),
    ],
)
def test_published_from_the_text(text: str, date: str | None, origin: str) -> None:
    article = run(text)
    assert (article.published.isoformat() if article.published else None) == date
    assert article.published_from == origin


def test_published_metadata_wins_over_given_and_text() -> None:
    text = f"Headline\n\nA fighter, October 16, 2017. REUTERS/Rodi Said\n\n{LEAD}"
    article = run(text, published=dt.date(2017, 10, 17), given="2020-01-01")
    assert (article.published, article.published_from) == (dt.date(2017, 10, 17), PublishedFrom.METADATA)


def test_published_given_wins_over_the_text() -> None:
    text = f"Headline\n\nA fighter, October 16, 2017. REUTERS/Rodi Said\n\n{LEAD}"
    article = run(text, given="2017-10-18")
    assert (article.published, article.published_from) == (dt.date(2017, 10, 18), PublishedFrom.GIVEN)


def test_published_seed_from_caption(seed_path: Path, process) -> None:  # type: ignore[no-untyped-def]
    article = process(seed_path.read_text(encoding="utf-8")).article
    assert (article.published, article.published_from) == (dt.date(2017, 10, 16), PublishedFrom.CAPTION)
