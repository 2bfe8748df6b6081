"""The patterns the times stage recognises time expressions with.

Each rule is a named regular expression over the normalised text (ASCII quotes and dashes). Month
and weekday names must be capitalised ("may" is a verb, "March 2017" is a date), other words match
in any case. Which rule matched, and its named groups, tell :mod:`sitrep.stages.times_resolve` how
to resolve the expression; overlapping matches are settled in :mod:`sitrep.stages.times`, longest
first.
"""

from __future__ import annotations

import re
from typing import Final

from ..dates import MONTHS
from ..numbers import CARDINALS

MONTH_NAMES: Final = MONTHS
WEEKDAYS: Final = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
                   "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                   "fri": 4, "sat": 5, "sun": 6}
NUMBER_WORDS: Final[dict[str, float]] = {
    **CARDINALS, "a": 1, "an": 1, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
}
VAGUE_NUMBERS: Final = frozenset({"several", "a few", "few", "many", "some", "dozens of", "hundreds of",
                                  "the past few", "the last few", "the next few", "the coming", "recent",
                                  "a number of", "numerous", "countless"})
#: Vague stretches of the past or the future: "recent days", "the last few months", "coming weeks".
PAST_VAGUE: Final = frozenset({"recent", "past", "the past few", "the last few", "the past several", "the last several"})
FUTURE_VAGUE: Final = frozenset({"coming", "the coming", "in coming", "future", "upcoming", "the next few"})
UNITS: Final = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W2",
                "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE"}
SEASONS: Final = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
#: Month names in capitals, as headlines and report titles write them ("SINCE 23 SEPTEMBER 2014"), only
#: beside a day or a year; never "MAY" and "MARCH", verbs in a headline ("PROTESTERS MARCH 2 MILES").
_MONTH_CAPS = "|".join(m.upper() for m in _MONTH_FULL.split("|") if m not in ("March", "May"))
MON = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?|{_MONTH_CAPS})"
MON_WORD = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\.)"  # a month standing alone: a full name or "Oct."
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
PART = r"(?i:morning|afternoon|evening|night|overnight|dawn|dusk|daybreak|nightfall|midday|noon|midnight)"
_NUM_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE_NUMBERS), key=len, reverse=True))
NUM = rf"(?:\d+(?:\.\d+)?|(?i:{_NUM_WORDS})(?:[- ](?i:one|two|three|four|five|six|seven|eight|nine))?)"
UNIT = r"(?i:second|minute|hour|day|week|fortnight|month|year|decade|century|quarter|weekend)"
UNIT_PL = r"(?i:seconds|minutes|hours|days|weeks|fortnights|months|years|decades|centuries|quarters|weekends)"
_EARLY = r"(?i:early|late|mid|middle|end|beginning|start)"
_APPROX = r"(?i:nearly|almost|about|around|some|more than|less than|at least|over|up to|roughly|approximately|only|just)"
_ORDINAL = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|fiscal|same|year-earlier|previous)"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# (name, pattern), most specific first: on equal length, the earlier rule wins.
RULES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # "Monday, October 16, 2017", "Oct. 16, 2017", "16 October 2017", "2017-10-16"
    ("date_mdy", _c(rf"\b(?:{WD},?\s+)?(?P<mon>{MON})\s+(?P<day>{DAYNUM}),?\s+(?P<year>{YEAR})\b")),
    ("date_dmy", _c(rf"\b(?:{WD},?\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON}),?\s+(?P<year>{YEAR})\b")),
    ("date_iso", _c(rf"\b(?P<year>{YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("date_slash", _c(rf"\b(?P<a>[0-3]?\d)/(?P<b>[01]?\d)/(?P<year>{YEAR})\b")),
    # "Oct. 16", "March 17", "16 October", "Monday, Oct. 16" (the year from context)
    ("date_md", _c(rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})\s+(?P<day>{DAYNUM})\b(?!\s*(?:%|percent|-\d|:\d))")),
    ("date_dm", _c(rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})\b")),
    # "between 12 and 15 March", "12-15 March", "March 12-15"
    ("day_range", _c(rf"\b(?:(?i:between|from)\s+)?(?P<d1>{DAYNUM})\s*(?:-|(?i:and|to))\s*(?P<d2>{DAYNUM})\s+(?P<mon>{MON})(?:,?\s+(?P<year>{YEAR}))?\b")),
    ("day_range_m", _c(rf"\b(?P<mon>{MON})\s+(?P<d1>{DAYNUM})\s*-\s*(?P<d2>{DAYNUM})(?:,?\s+(?P<year>{YEAR}))?\b")),
    # "January this year", "June last year"
    ("month_rel_year", _c(rf"\b(?P<mon>{MON_WORD}|{MON})\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b")),
    # "July 2017", "early July 2017"
    ("month_year", _c(rf"\b(?:(?P<mod>{_EARLY})[- ](?i:of\s+)?)?(?P<mon>{MON_WORD}|{MON}(?=,?\s+{YEAR})),?\s+(?:of\s+)?(?P<year>{YEAR})\b")),
    # "from June to August", "between May and July 2016"
    ("month_range", _c(rf"\b(?i:from|between)\s+(?P<m1>{MON_WORD})\s+(?i:to|and|until|through)\s+(?P<m2>{MON_WORD})(?:,?\s+(?P<year>{YEAR}))?\b")),
    # a clock time: "10 p.m.", "2:08 a.m.", "10:30 GMT", "noon", "midnight"
    ("clock", _c(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))(?:\s+(?P<tz>local time|GMT|UTC|[A-Z]{3}T?)\b)?"
                 r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<min2>[0-5]\d)\s*(?P<tz2>GMT|UTC|local time)\b"
                 r"|\b(?P<word>(?i:noon|midnight|midday))\b")),
    # "early on Friday", "Saturday night", "last Monday", "Monday's", "noon Thursday"
    ("weekday", _c(rf"\b(?:(?P<early>(?i:early|late))\s+(?:(?i:on)\s+)?)?(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?(?P<wd>{WD})(?:\s+(?P<part>(?i:morning|afternoon|evening|night|overnight)))?\b")),
    ("part_weekday", _c(rf"\b(?:(?P<early>(?i:early|late|mid))[- ])?(?P<part>{PART})\s+(?:(?i:on)\s+)?(?P<wd>{WD})\b")),
    # "yesterday", "last night", "this morning", "the previous day", "two days later"
    ("rel_day", _c(r"\b(?P<phrase>(?i:the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|last night|"
                   r"(?:this|yesterday|tomorrow) (?:morning|afternoon|evening)|(?:earlier|later) (?:today|tonight)|"
                   r"the (?:previous|next|following|same|preceding) (?:day|night|morning|afternoon|evening)|"
                   r"the (?:day|night) before|the day after|that (?:day|night|morning|evening)))\b")),
    # "last week", "this month", "earlier this year", "the end of last month", "next quarter"
    ("rel_period", _c(r"\b(?:(?P<edge>(?i:earlier|later|early|late))\s+(?:(?i:in\s+))?|(?P<end>(?i:(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of))\s+)?"
                      r"(?P<rel>(?i:last|this|next|past|coming|previous|following|current|same|the))\s+"
                      r"(?P<unit>(?i:week|weekend|month|year|quarter|spring|summer|autumn|fall|winter|decade|century))\b(?!-)")),
    # "two weeks ago", "a year earlier", "three days later", "five months ago"
    ("ago", _c(rf"\b(?:{_APPROX}\s+)?(?P<num>{NUM}|(?i:{_VAGUE}))[- ](?P<unit>{UNIT}|{UNIT_PL})\s+(?P<dir>(?i:ago|earlier|before|later|after|from now|hence|since))\b")),
    # "the third quarter", "third-quarter", "the 1988 third quarter", "the first half of 2017"
    ("quarter", _c(rf"\b(?:(?i:the)\s+)?(?:(?P<year1>{YEAR})\s+)?(?:(?i:year-earlier|fiscal)\s+)?(?P<ord>{_ORDINAL})[- ](?:(?i:fiscal)[- ])?(?P<what>(?i:quarter|half))\b(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<year2>{YEAR}))?")),
    ("the_quarter", _c(r"\b(?i:the)\s+(?P<what>(?i:quarter))\b(?!\s+(?i:of\s+a|century|mile|final))")),
    # years: "2014", "mid-2014", "early 2015", "fiscal 1989", "the end of 2016"
    ("year", _c(rf"(?<![$#\w.,/-])(?:(?P<mod>(?i:early|late|mid|the end of|the start of|the beginning of|the middle of|the rest of|end-|mid-|fiscal))[- ]?)?(?P<year>{YEAR})\b(?![,.]?\d|\s*%|\s*-\s*\d|\s+(?i:troops|people|soldiers|fighters|civilians|men|women|children|police|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|dollars|euros|pounds|votes|seats|shares|units|cases|deaths|dead|killed|persons|casualties|victims|"
                 r"raids|strikes|airstrikes|air strikes|shells|missiles|rockets|barrels|families|homes|houses|vehicles))")),
    # "the 1990s", "the late 1980s", "the '90s"
    ("decade", _c(r"\b(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[- ])?(?P<dec>(?:1[89]|20)\d0)s\b(?!\s+(?i:generation|style|styles|music|era|fashion|vintage|model|models|technology))")),
    # a month alone: "in July", "last November", "early June", "mid-March"
    ("month", _c(rf"\b(?:(?P<mod>(?i:early|late|mid|the end of|the beginning of|the start of|the middle of|last|this|next|past|coming))[- ])?(?P<mon>{MON_WORD})(?!\s+(?:{DAYNUM}|{YEAR})\b)(?![\w'-])")),
    # seasons need a determiner or a year: "last summer", "the winter of 2016"
    ("season", _c(rf"\b(?:(?P<rel>(?i:last|this|next|past|coming|early|late|the))\s+)(?P<season>(?i:spring|summer|autumn|winter|fall))(?:\s+(?i:of\s+)?(?P<year>{YEAR}))?\b(?!\s+(?i:of\s+(?!{YEAR})|offensive|session|semester|term|olympics|games))")),
    # durations: "four-month", "five years", "the past two years", "a week", "months of fighting"
    ("duration", _c(rf"\b(?:(?P<rel>(?i:the\s+(?:past|last|next|first|previous|coming|following|final|remaining)|past|last|next|first|another|over\s+the\s+(?:past|last|next)))\s+)?(?:{_APPROX}\s+)?(?P<num>{NUM}|(?i:{_VAGUE}))(?!-(?i:quarters?)\b)[- ](?P<unit>{UNIT}|{UNIT_PL})(?:[- ](?i:long))?\b(?![- ](?:ago|earlier|later|old)\b)")),
    ("duration_and_half", _c(rf"\b(?P<num>(?i:a|an|one|two|three|four|five|six))\s+(?P<unit>{UNIT}s?)\s+(?i:and\s+a\s+half)\b")),
    ("bare_units", _c(rf"\b(?:(?P<vague>(?i:the past several|the last several|the past few|the last few|the next few|the coming|in coming|several|many|few|recent|past|coming|future|upcoming|some|for|the))\s+)?(?<!-)(?P<unit>{UNIT_PL})\b(?!\s+(?i:ago|earlier|later))(?![- ](?i:old)\b)")),
    # sets: "every week", "each July", "daily", "twice a year"
    ("set", _c(rf"\b(?:(?P<every>(?i:every|each|per))\s+(?:(?i:other)\s+)?(?P<what>{UNIT}|{WD}|{_MONTH_FULL}|(?i:morning|night|evening|afternoon|summer|winter))"
               r"|(?P<adverb>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|fortnightly|biannually))(?!\s+[a-z]))\b")),
    # "year-earlier", "the year-ago period", "year-end"
    ("year_ago", _c(r"\b(?:(?i:the)\s+)?(?:(?i:comparable|corresponding)\s+)?(?P<which>(?i:year-earlier|year-ago|year earlier|year ago))(?:\s+(?P<unit>(?i:quarter|period|month|week|year|level|figure|results?)))?\b")),
    ("year_end", _c(r"\b(?:(?i:the|around)\s+)?(?P<which>(?i:year[- ]end|year's end|end of the year))\b")),
    # a year in words, as broadcast transcripts spell them: "nineteen ninety-six", "two thousand"
    ("year_words", _c(r"\b(?P<century>(?i:nineteen|eighteen))[- ](?P<rest>(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred))\b"
                      r"|\b(?i:the year|in)\s+(?P<thousand>(?i:two thousand))(?:[- ](?i:and )?(?P<small>(?i:one|two|three|four|five|six|seven|eight|nine|ten)))?\b")),
    # references: "now", "currently", "recently", "in the future"
    ("ref", _c(r"\b(?P<ref>(?i:now|currently|presently|at present|nowadays|these days|at the moment|right now|"
               r"recently|lately|formerly|in the past|the past|in the future|the present))\b(?!-)"
               r"(?!\s+(?:\w+\s+)?(?i:years?|months?|weeks?|days?|decades?|quarters?|centuries|century)\b)")),
)

_MONTH_HINT = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_UNIT_HINT = r"second|minute|hour|day|week|fortnight|month|year|decade|centur|quarter"
#: A cheap test on the lower-cased sentence before a rule runs: a rule whose hint is absent cannot
#: match there. (Scanning with every full pattern at every position is what costs time.)
HINTS: Final[dict[str, re.Pattern[str]]] = {
    name: re.compile(hint) for name, hint in {
        "date_mdy": _MONTH_HINT, "date_dmy": _MONTH_HINT, "date_iso": r"\d-[01]", "date_slash": r"\d/\d",
        "date_md": _MONTH_HINT, "date_dm": _MONTH_HINT, "day_range": _MONTH_HINT, "day_range_m": _MONTH_HINT,
        "month_rel_year": _MONTH_HINT, "month_year": _MONTH_HINT, "month_range": _MONTH_HINT, "month": _MONTH_HINT,
        "clock": r"\d|noon|midnight|midday", "weekday": r"day\b", "part_weekday": r"day\b",
        "rel_day": r"yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|day",
        "rel_period": r"week|month|year|quarter|spring|summer|autumn|fall|winter|decade|century",
        "ago": r"ago\b|earlier|before|later|after|from now|hence|since", "quarter": r"quarter|half",
        "the_quarter": r"quarter", "year": r"(?:1[89]|20)\d\d", "decade": r"\d0s", "season": r"spring|summer|autumn|winter|fall",
        "duration": _UNIT_HINT, "duration_and_half": r"and a half", "bare_units": _UNIT_HINT,
        "set": r"every|each|per\b|daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|fortnightly",
        "ref": r"now|current|present|recent|lately|formerly|past|future|moment|these days",
        "year_ago": r"year", "year_end": r"year", "year_words": r"nineteen|eighteen|two thousand",
    }.items()
}

_UNIT_WORD = r"\b(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|years?|decades?|century|centuries|quarters?)\b"
_MONTH_WORD = r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
_WEEKDAY_WORD = r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
#: Rules that always contain one key word: they run only in a window around each occurrence of it
#: (found in the lower-cased text), not over the whole sentence.
ANCHORS: Final[dict[str, re.Pattern[str]]] = {
    name: re.compile(anchor) for name, anchor in {
        "duration": _UNIT_WORD, "ago": _UNIT_WORD, "bare_units": _UNIT_WORD, "duration_and_half": _UNIT_WORD,
        "rel_period": _UNIT_WORD + r"|\b(?:spring|summer|autumn|fall|winter)\b",
        "month": _MONTH_WORD, "month_year": _MONTH_WORD, "month_rel_year": _MONTH_WORD, "date_md": _MONTH_WORD,
        "date_dm": _MONTH_WORD, "date_mdy": _MONTH_WORD, "date_dmy": _MONTH_WORD,
        "weekday": _WEEKDAY_WORD, "part_weekday": _WEEKDAY_WORD,
    }.items()
}
#: How far before and after its key word a match of an anchored rule may reach.
WINDOW_BEFORE: Final = 60
WINDOW_AFTER: Final = 40

#: Words before a bare "May" or "March" that make it the month, not the name or the verb.
MONTH_CONTEXT: Final = re.compile(
    r"(?i:\b(?:in|since|by|until|till|during|from|through|throughout|before|after|of|early|late|mid|last|this|next|"
    r"end of|beginning of|start of|middle of|between|and|or|to)[- ]?)$"
)
#: A word that makes a weekday a name ("Black Tuesday", "Good Friday"), not a day of this week.
NAMED_DAY: Final = re.compile(r"\b(?:Black|Bloody|Good|Holy|Super|Ash|Palm|Easter|Cyber|Maundy)\s+$")
#: A number after "than" counts something ("more than 2000 raids"); it is not a year.
COUNTED: Final = re.compile(r"(?i:\bthan\s+)$")
#: "in" before a month, season or year belongs to the expression ("in July"); other prepositions don't.
LEADING_IN: Final = re.compile(r"(?i:\bin\s+)$")
#: A preposition right before the expression that sets its direction: "since March", "by May".
GOVERNING: Final = re.compile(r"\b(?P<prep>since|by|until|till|through|ago)\s+$", re.IGNORECASE)
#: The words that tell the tense of a clause; the nearest one to the expression counts. Strong marks
#: are auxiliaries and reporting verbs; weak ones are other past forms ("rolled", "began").
TENSE_MARKS: Final = re.compile(
    r"\b(?:(?P<future>will|won't|shall|would|going to|(?:is|are) to|(?:is|are|was|were) (?:due|set|scheduled|expected) to|"
    r"set to|expects?|expected|expecting|plans?|planned|planning|scheduled|intends?|aims?|hopes?|upcoming|next)"
    r"|(?P<past>was|were|had|did|ago|since|earlier|last|previously|said|told)"
    r"|(?P<weak_past>began|begun|started|took|lost|fell|ended|came|went|left|won|quit|fought|seized|captured|"
    r"killed|died|reported|announced|declared|launched|occurred|happened|met|rose|sold|bought|made|gave|held|"
    r"[a-z]{3,}ed))\b|(?P<future2>'ll)\b",
    re.IGNORECASE,
)
