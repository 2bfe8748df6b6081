"""Synthetic extraction records for store and web benchmarks: many events, quickly, repeatably.

Each record has the shape ``sitrep extract --format docs`` writes (an article, its events, its
mentions: about ten per event), with made-up but plausible values: one of 30 countries, a place scattered around its
centre, a date between 2010 and 2024, an ACLED type and sub-type, actors, fatalities now and then.
Events are spread so that almost none merge (distinct places and dates), which is the worst case
for the store's size. Nothing here is real data; it only has to be shaped like it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

__all__ = ["COUNTRIES", "synthetic_records"]

# ISO3, latitude, longitude, spread in degrees
COUNTRIES = (
    ("SYR", 35.0, 38.5, 2.0), ("IRQ", 33.2, 43.7, 2.5), ("YEM", 15.5, 47.5, 2.5), ("AFG", 34.0, 66.0, 3.0),
    ("NGA", 9.1, 8.7, 3.5), ("MLI", 17.0, -4.0, 4.0), ("SOM", 5.2, 46.2, 3.0), ("SDN", 15.5, 30.2, 4.0),
    ("SSD", 7.3, 30.0, 3.0), ("COD", -2.9, 23.7, 5.0), ("CAF", 6.6, 20.9, 3.0), ("LBY", 27.0, 17.0, 4.0),
    ("UKR", 48.4, 31.2, 4.0), ("MMR", 21.9, 95.9, 4.0), ("PAK", 30.4, 69.3, 4.0), ("ETH", 9.1, 40.5, 4.0),
    ("BFA", 12.2, -1.6, 2.5), ("NER", 17.6, 8.1, 4.0), ("CMR", 5.9, 12.4, 3.0), ("MOZ", -18.7, 35.5, 4.0),
    ("COL", 4.6, -74.3, 3.0), ("MEX", 23.6, -102.5, 5.0), ("IND", 22.0, 79.0, 6.0), ("PHL", 12.9, 121.8, 4.0),
    ("TUR", 39.0, 35.2, 4.0), ("EGY", 26.8, 30.8, 3.0), ("ISR", 31.4, 35.0, 0.6), ("LBN", 33.9, 35.9, 0.5),
    ("KEN", 0.0, 37.9, 3.0), ("BDI", -3.4, 29.9, 0.8),
)
_TYPES = (
    ("Battles", "Armed clash", 0.30), ("Explosions/Remote violence", "Air/drone strike", 0.10),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.10),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.05),
    ("Violence against civilians", "Attack", 0.15),
    ("Violence against civilians", "Abduction/forced disappearance", 0.04),
    ("Protests", "Peaceful protest", 0.14), ("Riots", "Violent demonstration", 0.05),
    ("Strategic developments", "Arrests", 0.04), ("Battles", "Non-state actor overtakes territory", 0.03),
)
_ACTORS = (
    ("Military Forces of {c}", 1, "State Forces"), ("Police Forces of {c}", 1, "State Forces"),
    ("Unidentified Armed Group ({c})", 3, "Political Militias"), ("Rebel Group of {c}", 2, "Rebel Groups"),
    ("Protesters ({c})", 6, "Protesters"), ("Rioters ({c})", 5, "Rioters"), ("Civilians ({c})", 7, "Civilians"),
    ("Islamic State", 2, "Rebel Groups"), ("Ethnic Militia ({c})", 4, "Identity Militias"),
)
_OUTLETS = ("Reuters", "AFP", "AP", "BBC", "Al Jazeera", "local radio", "SOHR", "Premium Times")
_START = dt.date(2010, 1, 1).toordinal()
_DAYS = dt.date(2024, 12, 31).toordinal() - _START


def _actor(rng: random.Random, country: str, start: int) -> dict[str, Any]:
    name, inter, kind = rng.choice(_ACTORS)
    text = name.format(c=country).split(" (")[0].lower()
    return {"name": name.format(c=country), "text": text, "start": start, "end": start + len(text), "type": kind,
            "inter": inter, "country": country, "kb_id": None, "kind": "group", "role": None, "affiliation": None,
            "resolved_by": "kb"}


def synthetic_records(n_articles: int, seed: int = 0, events_per_article: int = 2, *,
                      chronological: bool = False) -> Iterator[dict[str, Any]]:
    """``n_articles`` docs records with ``events_per_article`` events each (ids unique per seed).

    Dates are drawn at random over the fifteen years (a backfill of a shuffled archive: the worst case
    for the store's date-keyed indexes), or, ``chronological``, advance with the articles as a news
    feed's do, each a week at most from its place in the sequence."""
    rng = random.Random(seed)
    weights = [t[2] for t in _TYPES]
    for i in range(n_articles):
        iso, lat0, lon0, spread = rng.choice(COUNTRIES)
        if chronological:
            offset = min(_DAYS - 1, max(0, i * _DAYS // max(1, n_articles) + rng.randrange(-7, 8)))
        else:
            offset = rng.randrange(_DAYS)
        day = dt.date.fromordinal(_START + offset)
        article_id = f"synthetic-{seed}-{i}"
        events = []
        sentences = []
        for k in range(events_per_article):
            event_type, sub, _ = rng.choices(_TYPES, weights=weights)[0]
            precision = rng.choice([1, 1, 1, 2, 3])
            province = rng.randrange(20)
            if precision == 3:  # known only to a province: its centre, as the places stage gives it
                lat = round(lat0 + (province % 5 - 2) * spread / 3, 5)
                lon = round(lon0 + (province // 5 - 2) * spread / 3, 5)
                place, feature = f"Province {province}", "admin1"
            else:
                lat = round(lat0 + rng.uniform(-spread, spread), 5)
                lon = round(lon0 + rng.uniform(-spread, spread), 5)
                place, feature = f"Town{rng.randrange(100000)}", "town"
            deaths = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 45])
            when = day - dt.timedelta(days=rng.randrange(3))
            sentence = (f"In {place}, {event_type.lower()} ({sub.lower()}) left "
                        f"{deaths if deaths is not None else 'an unknown number of'} people dead on "
                        f"{when:%d %B %Y}.")
            offset = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            a1 = _actor(rng, iso, offset)
            a2 = _actor(rng, iso, offset) if rng.random() < 0.6 else None
            events.append({
                "event_id": f"{article_id}-e{k}", "article_id": article_id, "event_type": event_type,
                "sub_event_type": sub, "plover_type": "ASSAULT", "actor1": a1, "assoc_actor_1": [],
                "actor2": a2, "assoc_actor_2": [],
                "interaction": a1["inter"] * 10 + (a2["inter"] if a2 else 0),
                "location": {"name": place, "text": place, "start": offset + 3, "end": offset + 3 + len(place),
                             "latitude": lat, "longitude": lon, "country": iso,
                             "admin1": f"Province {province}",
                             "admin2": None, "feature": feature, "geo_precision": precision,
                             "where_prec": 1, "geonames_id": None, "score": 0.9},
                "date": {"value": when.isoformat(), "low": when.isoformat(), "high": when.isoformat(),
                         "time_precision": 1, "date_prec": 1, "text": f"{when:%d %B %Y}", "start": offset,
                         "end": offset + 10},
                "fatalities": None if deaths is None else {"best": deaths, "low": deaths, "high": deaths,
                                                           "text": str(deaths), "start": offset, "end": offset + 2},
                "modality": "asserted", "attribution": None,
                "evidence": {"sentence": sentence, "start": offset, "end": offset + len(sentence)},
                "confidence": 0.8,
            })
        text = " ".join(sentences)
        yield {
            "article": {"id": article_id, "title": None, "published": day.isoformat(), "published_from": "metadata",
                        "url": f"https://news.example/{seed}/{i}", "source": rng.choice(_OUTLETS), "text": text},
            "segments": [], "sentences": [], "events": events, "mentions": _mentions(rng, events, iso),
            "problems": [],
        }


def _mentions(rng: random.Random, events: list[dict[str, Any]], iso: str) -> dict[str, list[dict[str, Any]]]:
    """About ten mentions per event, as the pipeline finds in news: the event's own actors, place,
    date and count, and other actors and places the article names around it."""
    out: dict[str, list[dict[str, Any]]] = {"actors": [], "places": [], "times": [], "quantities": []}
    for ev in events:
        out["actors"] += [a for a in (ev["actor1"], ev["actor2"]) if a]
        out["actors"] += [_actor(rng, iso, ev["evidence"]["start"]) for _ in range(2)]
        loc = ev["location"]
        out["places"].append(loc)
        out["places"] += [{**loc, "name": f"Town{rng.randrange(100000)}", "geo_precision": 1, "feature": "town",
                           "latitude": round(loc["latitude"] + rng.uniform(-0.5, 0.5), 5),
                           "longitude": round(loc["longitude"] + rng.uniform(-0.5, 0.5), 5)} for _ in range(3)]
        date = ev["date"]
        out["times"].append({"text": date["text"], "start": date["start"], "end": date["end"], "value": date["value"],
                             "type": "DATE"})
        if ev["fatalities"]:
            f = ev["fatalities"]
            out["quantities"].append({"text": f["text"], "start": f["start"], "end": f["end"], "value": f["best"]})
    return out
