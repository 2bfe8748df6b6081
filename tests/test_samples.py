"""The bundled sample articles: every one is read, repaired and dated as an analyst would."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitrep.batch import ExitStatus, extract

# id -> (published, published_from, title); None where the article carries no date at all
EXPECTED = {
    "samples/bogota-2016-11-24.html": ("2016-11-24", "metadata",
                                       "Colombia, FARC rebels sign revised peace accord after referendum defeat"),
    "samples/chibok-2014-04-18.txt": (None, "none",
                                      "Parents say most of the girls seized from Nigerian school are still missing"),
    "samples/garissa-2015-04-03.txt": (None, "none",
                                       "Kenya mourns after al-Shabaab gunmen kill 147 at Garissa university"),
    "samples/khartoum-2019-06-03.txt": (None, "none",
                                        "Sudan security forces storm Khartoum sit-in, doctors say at least 30 kil"),
    "samples/khartoum-2023-04-15.html": ("2023-04-15", "metadata",
                                         "Sudan army and paramilitary RSF fight for control of Khartoum"),
    "samples/kunduz-2015-10-03.txt": (None, "none", "U.S. air strike suspected as Kunduz MSF hospital bombed, 19 dead"),
    "samples/mariupol-2022-03-17.txt": ("2022-03-17", "dateline",
                                        "Mariupol theatre sheltering hundreds hit by Russian strike, officials say"),
    "samples/mogadishu-2017-10-15.txt": (None, "none",
                                         "Death toll in Mogadishu truck bombing climbs past 230 as rescuers dig thro"),
    "samples/mosul-2017-07-10.txt": ("2017-07-10", "caption",
                                     "Iraqi PM declares victory over Islamic State in Mosul after nine-month battle"),
    "samples/raqqa-2017-10-17.txt": ("2017-10-17", "caption",
                                     "U.S.-backed militia says Raqqa battle over as last Islamic State holdouts fal"),
    "smp-0011": ("2017-05-24", "metadata",
                 "Duterte declares martial law in Mindanao as militants rampage through Marawi"),
    "smp-0012": ("2019-03-01", "caption", "Tens of thousands march in Algeria against Bouteflika fifth term"),
}
NEVER_BODY = ("REUTERS/", "AP Photo", "Getty Images", "Photo:", "FILE PHOTO", "Advertisement", "Related:",
              "(c) 20", "Reporting by", "Follow us on Twitter", "(Reuters) -", "(AP) -")


@pytest.fixture(scope="module")
def docs(samples: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    out = io.BytesIO()
    summary = extract([str(samples)], out=out, fmt="docs")
    assert summary.exit_status is ExitStatus.OK
    found = {}
    for line in out.getvalue().splitlines():
        doc = json.loads(line)
        key = doc["article"]["id"]
        if "/samples/" in key:
            key = "samples/" + key.split("/samples/", 1)[1]
        found[key] = doc
    return found


def test_samples_all_read(docs: dict[str, dict]) -> None:  # type: ignore[type-arg]
    assert sorted(docs) == sorted(EXPECTED)
    assert all(doc["problems"] == [] for doc in docs.values())


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_samples_date_and_title(article_id: str, docs: dict[str, dict]) -> None:  # type: ignore[type-arg]
    art = docs[article_id]["article"]
    assert (art["published"], art["published_from"], art["title"]) == EXPECTED[article_id]


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_samples_body_is_only_the_story(article_id: str, docs: dict[str, dict]) -> None:  # type: ignore[type-arg]
    doc = docs[article_id]
    text = doc["article"]["text"]
    body = [text[s["start"]:s["end"]] for s in doc["segments"] if s["kind"] == "body"]
    assert len(body) >= 4
    for paragraph in body:
        assert not [marker for marker in NEVER_BODY if marker in paragraph], paragraph[:80]
    # every sentence lies inside the headline or a body segment
    spans = [(s["start"], s["end"]) for s in doc["segments"] if s["kind"] in ("body", "headline")]
    for sent in doc["sentences"]:
        assert any(a <= sent["start"] and sent["end"] <= b for a, b in spans)
