"""The patterns the repair stage classifies scraped text with.

Each rule is a compiled regular expression over the normalised text of a :class:`TextView`
(spaces, quotes and dashes already plain ASCII), with real examples in its comment. The tests in
``tests/test_repair.py`` hold each rule to those examples and to the look-alikes it must leave
alone.
"""

from __future__ import annotations

import re
from typing import Final

_NAME = r"(?:[A-Z]\.|[A-Z][\w'-]*)"  # a capitalised name token or an initial: Rodi, O'Brien, J.
_NAME_LINK = r"(?:al|el|bin|ibn|de|da|van|von|der|le|la|abu|abd)"  # lower-case name particles

# Photo credits, as wire services and sites print them:
#   "REUTERS/Rodi Said", "Reuters/Khalil Ashawi/File Photo", "REUTERS/Stringer"
#   "(AP Photo/Hussein Malla)", "(AP Photo)", "(AFP Photo/Delil Souleiman)"
#   "AFP via Getty Images", "Delil Souleiman/AFP via Getty Images", "Photo: Jane Doe/AFP"
#   "AFP PHOTO / DELIL SOULEIMAN", "EPA-EFE/STRINGER", "(Photo by Jane Doe/Getty Images)"
#   "Photograph: Jane Doe/Reuters", "Image credit: Jane Doe"
_AGENCY = r"(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Anadolu Agency|Anadolu|Xinhua|Bloomberg|ANSA|DPA|dpa|SANA|Shutterstock|Sipa|ZUMA Press)"
PHOTO_CREDIT: Final = re.compile(
    "|".join(
        (
            # a third name only at the end of a line, so a lead glued on after the credit stays out
            rf"\b(?:REUTERS|Reuters)\s?/\s?{_NAME}(?:[ ](?:{_NAME}|{_NAME_LINK}[ -]{_NAME}))?"
            rf"(?:[ ]{_NAME}(?=[ \t]*(?:\n|$|/)))?(?:\s?/\s?File(?: Photo)?)?",
            # "(AP Photo/Hussein Malla)", "(AP Photo)", "(AFP/Delil Souleiman)"; a bare "(Reuters)" is a
            # dateline's agency, not a credit
            r"\((?:AP|AFP|Reuters|EPA|Getty)(?: Photo(?:\s?/\s?[^()\n]{1,60})?|\s?/\s?[^()\n]{1,60})\)",
            r"\((?:Photo|Image|Picture|Photograph|Pic)(?: by| credit)?:?\s[^()\n]{1,80}\)",
            # "Delil Souleiman/AFP via Getty Images", "Maxar Technologies/Handout via REUTERS"
            rf"(?:\b{_NAME}(?:[ ]{_NAME}){{0,3}}\s?/\s?)?\b(?:Handout )?via (?:Getty Images|REUTERS|Reuters|AFP|AP)\b",
            rf"(?:\b{_NAME}(?:[ ]{_NAME}){{0,3}}\s?/\s?)?\bAFP via Getty Images\b",
            # "Photo: Jane Doe/AFP", "Photo: Otieno Kamau/Savanna Daily", "Image credit: Jane Doe"
            rf"\b(?:Photo|Photograph|Image|Picture|Pic)(?: credit)?:\s?{_NAME}(?:[ ]{_NAME}){{0,3}}\s?/\s?{_NAME}(?:[ ]{_NAME}){{0,3}}",
            rf"\b(?:Photo|Photograph|Image|Picture|Pic) credit:\s?{_NAME}(?:[ ]{_NAME}){{0,3}}",
            r"\bAFP PHOTO\s?/\s?[A-Z][A-Z .'-]{1,40}[A-Z]",
            r"\bEPA(?:-EFE)?\s?/\s?[A-Z][A-Z .'-]{1,40}[A-Z]",
            rf"\b{_NAME}(?:[ ]{_NAME}){{0,3}}\s?/\s?(?:Getty Images|Anadolu Agency|Xinhua|Bloomberg)\b",
        )
    )
)

# Every photo credit above contains one of these words: a cheap test before the full pattern.
# (Grouped by first letter: Python's regex engine scans ten times faster that way.)
PHOTO_CREDIT_HINT: Final = re.compile(
    r"(?:R(?:EUTERS|euters)|A(?:P\b|FP|nadolu)|Getty|EPA|P(?:hoto|HOTO|ic(?:ture)?\b)|Image|Xinhua|Bloomberg)"
)

# A caption that says it is one: "FILE PHOTO: Syrian Democratic Forces fighters ...",
# "Photo: Smoke rises over ...", "Pictured: ...", "Image: ..."
CAPTION_LEAD: Final = re.compile(r"(?:FILE PHOTO|File photo|PHOTO|Photo|Pictured|PICTURED|Image|IMAGE|Caption)\s?:\s")

# Credits that close a wire story: "Reporting by Ellen Francis; Editing by Alison Williams",
# "Additional reporting by ...", "Writing by ...", "(Reporting by ... in Beirut)",
# and bylines: "By Ellen Francis", "By Ellen Francis and Tom Perry".
TRAILER_CREDIT: Final = re.compile(
    r"\(?\s*(?:(?:Additional |Further )?[Rr]eporting|Writing|Written|Editing|Edited|Compiled|Produced|Translated|"
    r"Research|Graphics?)\s+by\b"
    # "Associated Press writer Yara Mansour in Baghdad contributed to this report."
    r"|.{0,160}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$"
)
INLINE_TRAILER: Final = re.compile(
    r"\(\s*(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled)\s+by\b[^()]{1,300}\)\s*$"
)
BYLINE: Final = re.compile(rf"By\s+{_NAME}(?:[ ](?:{_NAME}|{_NAME_LINK}|and|&)){{0,6}}\s*(?:,\s*[A-Z][\w ]{{1,30}})?")

# Page furniture that is never part of the story when it stands as a line of its own.
BOILERPLATE: Final = re.compile(
    r"(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"scroll (?:down )?to continue(?: reading)?|continue reading\b.*|read more\b.*|read also\b.*|"
    r"related(?: stories| articles| coverage| news)?\s*:.*|related stories|see also\b.*|also read\b.*|"
    r"recommended(?: for you)?\b.*|more from\b.*|most read\b.*|trending\b.*|"
    r"(?:©|\(c\)|copyright)\s.*|all rights reserved\.?|.{0,80}\ball rights reserved\.?|"
    r"follow (?:us|@|him|her|the)\b.*|share (?:this|on|via)\b.*|click here\b.*|subscribe\b.*|sign up\b.*|"
    r"tags?\s*:.*|filed under\b.*|topics?\s*:.*|our standards\s*:.*|"
    r"(?:published|posted|updated|last updated|first published)(?:\s*(?:on|at|:))?\s*"
    r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun).{0,70}|"
    r"(?:this story|this article) (?:has been|was) (?:updated|corrected)\b.*|"
    r"(?:we use cookies|this (?:site|website) uses cookies)\b.*|accept(?: all)? cookies|"
    r"(?:have a (?:news )?tip|(?:news )?tips? and corrections|corrections and tips|send (?:us )?(?:your )?tips|"
    r"contact us|email us|write to us)\b.*)",
    re.IGNORECASE,
)
# A dateline glued to the end of a headline: "... at Garissa universityNAIROBI: Kenyan security ..."
GLUED_DATELINE: Final = re.compile(
    r"(?<=[a-z0-9)])(?=[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*(?:,\s*[A-Z][a-z]+)*(?:,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?"
    r"\s*(?:\([^()]{1,25}\))?\s*(?:-{1,3}|:)\s)"
)
# A site name standing before or after a headline: "Levant Ledger | U.S.-backed militia says ...",
# "... hit by Russian strike, officials say - Eastern Front Monitor"
TITLE_SITE: Final = re.compile(r"^(?P<pre>[^|]{2,40}?)\s+\|\s+(?=\S)|\s+(?:\||-)\s+(?P<post>[A-Z][\w.&' -]{1,40})$")

PUBLISHED_LINE: Final = re.compile(r"(?:published|posted|updated|last updated|first published|date)\b", re.IGNORECASE)

# A site tag glued before the lead: "Vastavam web: U.S.-backed militias ...", "NewsDesk Online: ...",
# "UPDATE: ...", "BREAKING: ...". Up to four words ending in a colon, then a capitalised word.
#: A date is not a site tag: "June 18th 2017: (S895) Raqqa ..." starts with when, not who.
DATE_TAG: Final = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
SITE_TAG: Final = re.compile(r"([A-Z][\w.&'-]*(?:[ ][\w.&'-]+){0,3})\s?:[ ]+(?=[\"'(]?[A-Z0-9])")
NOT_A_TAG_WORD: Final = frozenset(
    "said says told added stated wrote warned explained asked noted announced declared reported quoted".split()
)
# A tag is a name: every word capitalised ("Savanna Daily Online:"), or ending in a word that
# names a site ("Vastavam web:", "Example news:").
#: Rubrics printed before a lead like a site tag: "UPDATE:", "BREAKING NEWS:", "The Latest:".
RUBRICS: Final = frozenset(
    "update updated breaking breaking news exclusive watch live analysis opinion explainer the latest "
    "latest developing developing story just in".split(" ")
) | frozenset({"breaking news", "the latest", "developing story", "just in", "live updates"})
#: All-capital words before a colon that head a transcript or rubric, not a dateline.
NOT_DATELINE_WORDS: Final = frozenset(
    "QUESTION ANSWER Q A NOTE EDITOR EDITORS UPDATE UPDATED BREAKING NEWS EXCLUSIVE WATCH LIVE ANALYSIS OPINION "
    "COMMENT WARNING CORRECTION CLARIFICATION ADVISORY ALERT FLASH URGENT VIDEO PHOTOS AUDIO TRANSCRIPT".split()
)
SITE_WORDS: Final = frozenset(
    "web online news daily times post net com tv media desk wire live update updates digital exclusive "
    "breaking watch report bulletin".split()
)

# Datelines: "BEIRUT (Reuters) - ", "MOSUL, Iraq, Oct 16 (AFP) - ", "KABUL, Afghanistan - ",
# "MOGADISHU, Somalia (AP) - ", "NAIROBI: ", "(Reuters) - ", "Beirut, Oct 16 (Reuters) - ".
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z'.]+(?:[ -](?:[A-Z][A-Z'.]+|al|el|ez|ad|as|ar|ash|de|du))*"
_TITLE_PLACE = r"[A-Z][a-z'.]+(?:[ -](?:[A-Z][a-z'.]+|al|el|ez|ad|as|ar|ash|de))*"
_DATE_BIT = rf"(?:,\s*{_MON}\s+\d{{1,2}}(?:,\s*\d{{4}})?|,\s*\d{{1,2}}\s+{_MON}(?:\s+\d{{4}})?)"
_AGENCY_PAREN = r"\((?:Reuters|REUTERS|AP|AFP|Xinhua|dpa|DPA|ANSA|IANS|PTI|UPI|Bloomberg|ANI|AA|CNN|BBC|IRNA|SANA|[A-Z][\w.]{1,15}(?: [A-Z][\w.]{1,15}){0,2})\)"
DATELINE: Final = re.compile(
    rf"(?:"
    rf"{_CAPS_PLACE}(?:,\s*(?:{_TITLE_PLACE}|{_CAPS_PLACE})){{0,2}}{_DATE_BIT}?\s*(?:{_AGENCY_PAREN})?\s*(?:-{{1,3}}|:)"
    rf"|{_TITLE_PLACE}(?:,\s*{_TITLE_PLACE}){{0,2}}{_DATE_BIT}?\s*{_AGENCY_PAREN}\s*(?:-{{1,3}}|:)"
    rf"|{_AGENCY_PAREN}\s*(?:-{{1,3}}|:)"
    rf")[ ]+(?=[\"'(]?[A-Z0-9])"
)
