"""Event dates: the governing time expression, honest precision codes, and the widened fallback."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.dating import codes_for, event_date
from sitrep.models import Article, Doc
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings
from sitrep.vocab import DatePrec, Granularity, PublishedFrom, TimePrecision

PIPE = build_pipeline(settings=Settings())


def doc(text: str, published: dt.date | None = dt.date(2017, 10, 16)) -> Doc:
    origin = PublishedFrom.METADATA if published else PublishedFrom.NONE
    return PIPE.process(Article(id="t", text=text, published=published, published_from=origin))


def date_of(text: str, word: str, published: dt.date | None = dt.date(2017, 10, 16)) -> tuple[object, ...] | None:
    d = doc(text, published)
    sentence = next(s for s in d.sentences if word in text[s.start:s.end])
    found = event_date(d, sentence.start, sentence.end, trigger=text.index(word))
    if found is None:
        return None
    return (found.value, int(found.time_precision), int(found.date_prec), found.text)


@pytest.mark.parametrize(
    ("low", "high", "granularity", "codes"),
    [
        ("2017-10-16", "2017-10-16", Granularity.DAY, (1, 1)),
        ("2017-10-12", "2017-10-15", Granularity.DAY, (2, 2)),
        ("2017-10-09", "2017-10-15", Granularity.WEEK, (2, 3)),
        ("2017-07-01", "2017-07-31", Granularity.MONTH, (3, 4)),
        ("2017-07-01", "2017-09-30", Granularity.QUARTER, (3, 5)),
        ("2014-01-01", "2014-12-31", Granularity.YEAR, (3, 5)),
    ],
)
def test_dating_precision_codes(low: str, high: str, granularity: Granularity, codes: tuple[int, int]) -> None:
    tp, dp = codes_for(dt.date.fromisoformat(low), dt.date.fromisoformat(high), granularity)
    assert (int(tp), int(dp)) == codes


def test_dating_takes_the_expression_of_the_sentence() -> None:
    text = "A convoy of fighters quit Raqqa on Saturday night with their families."
    assert date_of(text, "quit") == ("2017-10-14", 1, 1, "Saturday night")


def test_dating_nearest_to_the_trigger() -> None:
    text = "The group, which seized the city in 2014, lost Mosul in July after months of fighting."
    assert date_of(text, "lost") == ("2017-07", 3, 4, "in July")
    assert date_of(text, "seized") == ("2014", 3, 5, "in 2014")


def test_dating_ignores_durations_and_references() -> None:
    text = "Fighters now hold the city after a four-month offensive."
    assert date_of(text, "hold") == ("2017-10-16", 2, 3, None)


def test_dating_falls_back_to_the_week_before_publication_with_no_text() -> None:
    d = doc("Gunmen attacked a checkpoint, police said.")
    s = d.sentences[0]
    found = event_date(d, s.start, s.end)
    assert found is not None
    assert (found.value, found.low, found.high, found.text) == ("2017-10-16", dt.date(2017, 10, 10),
                                                               dt.date(2017, 10, 16), None)
    assert (found.time_precision, found.date_prec) == (TimePrecision.WEEK, DatePrec.WEEK)


def test_dating_no_publication_date_and_no_expression_is_no_date() -> None:
    assert date_of("Gunmen attacked a checkpoint, police said.", "attacked", published=None) is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the start of a stretch is not the event's date
        ("Regime forces advanced in Latakia for the first time since 2011.", "advanced"),
        ("The army shelled the town, the largest attack there since late 2014.", "shelled"),
        # nor the current period the event is measured against
        ("The Islamic State carried out the heaviest attack this year on Salamiyah.", "attack"),
        ("The regime killed 38 civilians, the highest toll in October.", "killed"),
        # nor a date beyond a semicolon: it belongs to another statement
        ("Rebels killed 24 soldiers near Aleppo; 214 people died yesterday.", "killed"),
    ],
)
def test_dating_dates_that_frame_or_belong_elsewhere_fall_back(text: str, word: str) -> None:
    assert date_of(text, word) == ("2017-10-16", 2, 3, None)


def test_dating_superlative_period_other_than_the_current_one_still_dates() -> None:
    text = "The first attack on the base came in July, officials said."
    assert date_of(text, "attack") == ("2017-07", 3, 4, "in July")


def test_dating_a_date_before_the_semicolon_of_its_own_part() -> None:
    text = "Jets struck Ariha on Saturday; rebels shelled Foua yesterday."
    assert date_of(text, "struck") == ("2017-10-14", 1, 1, "Saturday")
    assert date_of(text, "shelled") == ("2017-10-15", 1, 1, "yesterday")


def test_dating_restated_day_dates_the_event() -> None:
    text = "183 people were killed yesterday 27/02/2016 in Syria."
    assert date_of(text, "killed", published=dt.date(2016, 2, 27)) == ("2016-02-27", 1, 1, "yesterday 27/02/2016")


@pytest.mark.parametrize(
    ("text", "word", "low", "codes", "quoted"),
    [
        ("About 440 people were killed during the past 5 days in Deir ez-Zor.", "killed", "2017-10-11", (2, 2),
         "the past 5 days"),
        ("Airstrikes killed 44 civilians within 48 hours in Aleppo.", "killed", "2017-10-14", (2, 2), "48 hours"),
        ("More than 190 were killed in 10 days of fighting around Manbij.", "killed", "2017-10-06", (3, 4),
         "10 days"),
        ("Coalition warplanes killed 15 civilians over the last 24 hours.", "killed", "2017-10-15", (2, 2),
         "over the last 24 hours"),
    ],
)
def test_dating_stretch_reported_on_widens_the_fallback(text: str, word: str, low: str, codes: tuple[int, int],
                                                        quoted: str) -> None:
    d = doc(text)
    sentence = d.sentences[0]
    found = event_date(d, sentence.start, sentence.end, trigger=text.index(word))
    assert found is not None
    assert (found.value, found.low.isoformat(), found.high.isoformat()) == ("2017-10-16", low, "2017-10-16")
    assert ((int(found.time_precision), int(found.date_prec)), found.text) == (codes, quoted)
    assert text[found.start:found.end] == quoted


@pytest.mark.parametrize(
    "text",
    [
        "Turkey gave the fighters 48 hours to leave the town, a deadline that will expire soon.",
        "The group will withdraw its fighters within 48 hours.",
        "The group has held the town for 10 days, residents said.",
    ],
)
def test_dating_durations_that_are_not_the_reported_stretch(text: str) -> None:
    d = doc(text)
    s = d.sentences[0]
    found = event_date(d, s.start, s.end)
    assert found is not None
    assert (found.text, found.low, found.high) == (None, dt.date(2017, 10, 10), dt.date(2017, 10, 16))


def test_dating_at_least_is_not_a_superlative() -> None:
    text = "At least 40 people were killed in October in Raqqa."
    assert date_of(text, "killed") == ("2017-10", 3, 4, "in October")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a date in a clause put before the event, telling what came before it, is not the event's
        ("After the deaths of 467 civilians in 2016\u2026 warplanes struck Raqqa again.", "struck",
         ("2017-10-16", 2, 3, None)),
        ("Following the fall of the city in July, rebels shelled its outskirts.", "shelled",
         ("2017-10-16", 2, 3, None)),
        # a fronted date of the event's own clause still dates it
        ("On Saturday night, warplanes struck Raqqa.", "struck", ("2017-10-14", 1, 1, "Saturday night")),
        ("After midnight on Saturday warplanes struck Raqqa.", "struck", ("2017-10-14", 1, 1, "midnight on Saturday")),
    ],
)
def test_dating_lead_in_clauses(text: str, word: str, expected: tuple[object, ...]) -> None:
    assert date_of(text, word) == expected
