#!/usr/bin/env python3
"""WikiEvents: recall of attack, killing and arrest events, and what sitrep's events there are worth.

Reads ../shared/data/wikievents/dev.jsonl at run time (never copied into the project); without it,
says so and exits 0. WikiEvents (KAIROS ontology) marks every event mention of 40 full news
articles, most about bombings and attacks, with its trigger word. The whole pipeline runs in this
process over the articles (no publication date is given).

Recall: a gold mention of an attack (``Conflict.Attack.*``: DetonateExplode and Unspecified), a
killing (``Life.Die.*``) or an arrest (``Justice.ArrestJailDetain.*``) is found when sitrep gives an
event whose evidence sentence covers the trigger and whose type is compatible:

  attack, killing   any political violence: Battles, Explosions/Remote violence, Violence against
                    civilians, Riots, or Excessive force against protesters;
  arrest            Arrests, Protest with intervention, or Abduction/forced disappearance.

A mention not found is put down to the first of: the trigger is outside the body (headline, caption;
events are read from body sentences only); an event of another type was read in its sentence; the
typer reads an event of a compatible type in its sentence and the article keeps an event of a
compatible type from another sentence: the sentence's event was merged into another (the events
stage codes one event once: a sentence that tells the same event again, or tells more of the event
of the sentence before, adds to that event); the typer reads an event there, but of another type
or merged into one of another type; the typer reads no event in it (a lexicon gap, or a death or an
attack that is no new conflict event: a trial, an investigation, a suicide, "attacks" in general).
"Recall as one event" counts the merged mentions as found too (approximately: that the event they
were merged into is the one they tell is not checked).

Support (an approximate precision, and the calibration seen on full news articles): a sitrep event
is supported when its evidence sentence holds a gold mention of a compatible KAIROS type (violence:
attacks, deaths, injuries, damage and destruction; protests and riots: demonstrations; arrests:
arrests, detentions; other strategic developments: any Justice, Transaction or Artifact mention).
WikiEvents marks many more kinds of events than ACLED codes, so this is generous to sitrep; it is
reported by confidence bin beside the calibration tables of ``bench_calibration.py``.

    .venv/bin/python bench/bench_wikievents.py [--shared DIR] [--examples N]

Reported, no target: exits 0 (also when ../shared is absent: it says so).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import describe_machine, find_shared  # noqa: E402
from bench_calibration import TARGET, above, bins, rate  # noqa: E402
from sitrep.models import Article, Doc, Event  # noqa: E402
from sitrep.pipeline import build_pipeline  # noqa: E402
from sitrep.settings import Settings  # noqa: E402
from sitrep.stages.events_types import type_sentence  # noqa: E402
from sitrep.vocab import SegmentKind  # noqa: E402

KINDS = {"attack": ("Conflict.Attack.",), "killing": ("Life.Die.",), "arrest": ("Justice.ArrestJailDetain.",)}
VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
EXCESSIVE_FORCE = "Excessive force against protesters"
ARRESTS = frozenset({"Arrests", "Protest with intervention", "Abduction/forced disappearance"})
#: KAIROS type prefixes that support a sitrep event, by its event type (and for arrests, its sub-event type).
SUPPORT = {
    "violence": ("Conflict.Attack.", "Life.Die.", "Life.Injure.", "ArtifactExistence.DamageDestroyDisableDismantle."),
    "Protests": ("Conflict.Demonstrate.",),
    "Riots": ("Conflict.Demonstrate.", "Conflict.Attack.", "Life.", "ArtifactExistence.DamageDestroyDisableDismantle."),
    "arrests": ("Justice.ArrestJailDetain.",),
    "Strategic developments": ("Justice.", "Transaction.", "ArtifactExistence.", "Control.", "Movement."),
}


@dataclass(frozen=True, slots=True)
class Mention:
    doc: str
    kind: str  # attack | killing | arrest
    gold_type: str
    start: int
    end: int
    text: str


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def kind_of(gold_type: str) -> str | None:
    for kind, prefixes in KINDS.items():
        if gold_type.startswith(prefixes):
            return kind
    return None


def compatible(kind: str, event: Event) -> bool:
    return compatible_type(kind, str(event.event_type), str(event.sub_event_type))


def compatible_type(kind: str, event_type: str, sub_event_type: str) -> bool:
    if kind == "arrest":
        return sub_event_type in ARRESTS
    return event_type in VIOLENCE or sub_event_type == EXCESSIVE_FORCE


def supports(event: Event, gold_type: str) -> bool:
    if str(event.sub_event_type) in ARRESTS and gold_type.startswith(SUPPORT["arrests"]):
        return True
    if str(event.event_type) in VIOLENCE - {"Riots"} or str(event.sub_event_type) == EXCESSIVE_FORCE:
        return gold_type.startswith(SUPPORT["violence"])
    return gold_type.startswith(SUPPORT.get(str(event.event_type), ()))


def covers(event: Event, start: int, end: int) -> bool:
    return event.evidence.start <= start and end <= event.evidence.end


MERGED = "read as an event of a compatible type, merged into one of the article's kept from another sentence"


def why_missed(doc: Doc, m: Mention) -> str:
    sentence = next((s for s in doc.sentences if s.start <= m.start < s.end), None)
    if sentence is None or sentence.kind is not SegmentKind.BODY:
        return "outside the body (headline, caption)"
    if any(covers(e, m.start, m.end) for e in doc.events):
        return "an event of another type read in its sentence"
    typed = type_sentence(doc.text, sentence.start, sentence.end)
    if typed is None:
        return "the typer reads no event in the sentence"
    sub = typed.sub_event_type
    if compatible_type(m.kind, str(sub.event_type), str(sub)) and any(compatible(m.kind, e) for e in doc.events):
        return MERGED
    return "read as an event, merged into another of another type (or typed otherwise)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="the shared folder (default: $SITREP_SHARED or ../shared)")
    ap.add_argument("--examples", type=int, default=0, help="print N missed mentions of each cause")
    args = ap.parse_args()
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    print("\n".join(f"{k}: {v}" for k, v in describe_machine()))
    items = read(shared / "data" / "wikievents" / "dev.jsonl")
    pipeline = build_pipeline(settings=Settings())
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    causes: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = {}
    judged: list[tuple[float, bool]] = []
    by_type: Counter[tuple[str, bool]] = Counter()
    n_events = 0
    for item in items:
        doc = pipeline.process(Article(id=item["id"], text=item["text"]))
        gold = item["gold"]["events"]
        for g in gold:
            kind = kind_of(g["type"])
            if kind is None:
                continue
            m = Mention(item["id"], kind, g["type"], g["trigger"]["start"], g["trigger"]["end"], g["trigger"]["text"])
            total[kind] += 1
            if any(covers(e, m.start, m.end) and compatible(kind, e) for e in doc.events):
                found[kind] += 1
                continue
            cause = why_missed(doc, m)
            causes[(kind, cause)] += 1
            if len(examples.setdefault(cause, [])) < args.examples:
                s = next((x for x in doc.sentences if x.start <= m.start < x.end), None)
                context = doc.text[s.start:s.end] if s else doc.text[max(0, m.start - 80):m.end + 80]
                examples[cause].append(f"  [{kind}] {m.text!r}: {' '.join(context.split())[:220]}")
        for e in doc.events:
            n_events += 1
            ok = any(covers(e, g["trigger"]["start"], g["trigger"]["end"]) and supports(e, g["type"]) for g in gold)
            judged.append((e.confidence, ok))
            by_type[(str(e.event_type), ok)] += 1
    print(f"\n## WikiEvents ({len(items)} articles, {n_events} sitrep events)\n")
    print("### Recall of attack, killing and arrest mentions\n")
    print("| gold mentions | count | found in an event's sentence | recall | also merged | recall as one event |\n"
          "|:--|--:|--:|--:|--:|--:|")
    merged = Counter({k: causes[(k, MERGED)] for k in KINDS})
    for kind in [*KINDS, "all three"]:
        n, k, j = ((total[kind], found[kind], merged[kind]) if kind in KINDS else
                   (sum(total.values()), sum(found.values()), sum(merged.values())))
        print(f"| {kind} | {n} | {k} | {rate(k, n)} | {j} | {rate(k + j, n)} |")
    print("\n### Why the others were missed\n")
    reasons = sorted({c for _, c in causes}, key=lambda c: -sum(v for (_, cc), v in causes.items() if cc == c))
    print("| cause | " + " | ".join(KINDS) + " | all |\n|:--|" + "--:|" * (len(KINDS) + 1))
    for c in reasons:
        row = [causes[(k, c)] for k in KINDS]
        print(f"| {c} | " + " | ".join(str(x) for x in row) + f" | {sum(row)} |")
    for cause, lines in examples.items():
        if not lines:
            continue
        print(f"\n{cause}:")
        print("\n".join(lines))
    print_support(judged, by_type)
    return 0


def print_support(judged: Sequence[tuple[float, bool]], by_type: Counter[tuple[str, bool]]) -> None:
    print("\n### sitrep's events: supported by a gold mention in their sentence, by confidence\n")
    print("| confidence | events | supported |\n|:--|--:|--:|")
    for label, count, right, _ in bins(judged):
        print(f"| {label} | {count} | {rate(right, count)} |")
    n, k = above(judged)
    print(f"| **>= {TARGET:.1f}** | {n} | **{rate(k, n)}** |")
    print(f"| all | {len(judged)} | {rate(sum(r for _, r in judged), len(judged))} |")
    print("\n| event type | events | supported |\n|:--|--:|--:|")
    for t in sorted({t for t, _ in by_type}):
        n = by_type[(t, True)] + by_type[(t, False)]
        print(f"| {t} | {n} | {rate(by_type[(t, True)], n)} |")


if __name__ == "__main__":
    sys.exit(main())
