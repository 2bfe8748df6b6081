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
