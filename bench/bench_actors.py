#!/usr/bin/env python3
"""The actors stage against labelled data, and its speed, load time and memory.

Reads ../shared/data at run time (never copied into the project); without it, says so and exits 0.

  ACLED     acled_africa_2016/dev.jsonl: the ACLED notes, two ways. (1) The whole pipeline: the
            actor1 of each note's most confident event (first on ties; no event counts as wrong),
            as the reference scorer events_acled.py reads it; its type against gold inter1, its name
            against gold actor1 (normalised; also without regime years, and without any parenthesis,
            i.e. without the country), and where the misses come from: no event; an actor of gold's
            type named in the event's sentence but not chosen as actor1; one named elsewhere in the
            note; none at all (not recognised, or typed otherwise). (2) The actors stage alone, with
            actor1 picked here (pick_actor1, a stand-in for the events stage): sources ("according
            to X") and civilians are skipped; in a note about a protest or riot, the first rioters,
            else a state actor that uses force on the crowd, else the first protesters; otherwise
            the agent of a passive ("killed by X"), else the first actor not after a preposition,
            else the first. A note with no typed actor that says people protested or rioted is read
            as protesters or rioters.
  re3d      re3d/dev.jsonl: Organisation, Person and Nationality mentions (gold confidence >= 0.5)
            against actor mentions by kind: person -> Person; organisation, group and nationality
            (peoples such as "Syrians", which re3d marks as Organisation) -> Organisation. re3d's
            Nationality marks demonyms inside other mentions ("Syrian" in "Syrian refugees"); sitrep
            has no separate mention for those, so the demonyms the knowledge base finds inside
            actor mentions stand for them. One-to-one matching of overlapping spans (as the
            reference scorers do) and of exact spans.
  CAMEO     cameo_ner/dev.jsonl: role-agnostic mention precision/recall/F1 (overlap), computed
            here as the reference scorer computes it; --cameo also runs the reference scorer.
  speed     the actors stage alone on the full texts of LGL, TR-News, GeoVirus and re3d (already
            repaired and split into sentences), in this process pinned to one core: words/s, best
            of --repeat runs. KB load: a fresh process importing and loading the knowledge base.
            Memory: peak RSS of a fresh process running repair, sentences, published and actors
            over that corpus.

Floors (exit 1 when one is missed): ACLED inter1 >= 0.85 (the whole pipeline's); re3d Organisation and Person F1 >= 0.75
(overlap); >= 50,000 words/s; KB load <= 0.5 s; peak RSS <= 300 MB.

    .venv/bin/python bench/bench_actors.py [--shared DIR] [--markdown] [--examples N] [--cameo]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
from _corpus import labelled_article as article  # noqa: E402
from _corpus import read_labelled as read  # noqa: E402
from _measure import describe_machine, find_shared  # noqa: E402
from sitrep.knowledge.actors import KnowledgeBase, fold  # noqa: E402
from sitrep.models import Actor, Doc  # noqa: E402
from sitrep.stages.actors import Actors  # noqa: E402
from sitrep.stages.published import Published  # noqa: E402
from sitrep.stages.repair import repair  # noqa: E402
from sitrep.stages.sentences import sentences  # noqa: E402

FLOORS = {"acled_inter": 0.85, "re3d_org_f1": 0.75, "re3d_person_f1": 0.75, "words_per_s": 50_000.0,
          "kb_load_s": 0.5, "peak_rss_mb": 300.0}
PREPOSITIONS = frozenset("of against on at to with from in among for including into near by about over "
                         "toward towards".split())
PROTEST = re.compile(r"\b(protest|demonstrat|march|rall(y|ied)|sit-in|strike|picket|boycott)", re.I)
RIOT = re.compile(r"\b(riot|burn\w* tyres|burning tires|barricad|roadblock|pelt|loot|torch|vandal|mob)", re.I)
FORCE = re.compile(r"(?:\s+\w+){0,3}?\s+(?:fired|shot|opened fire|killed|beat|arrested|detained|dispersed|"
                   r"broke up|used|tear-?gassed|injured|wounded|responded|cracked down|attacked|clashed|stormed|"
                   r"rounded up|charged)\b")
KINDS = {"person": "Person", "organisation": "Organisation", "group": "Organisation", "nationality": "Organisation"}
_YEARS = re.compile(r"\s*\(\d{4}-(\d{4})?\)")
_PARENS = re.compile(r"\s*\([^)]*\)")


def prepare(items: Iterable[dict]) -> list[Doc]:
    """Repair, sentences and publication date: everything the actors stage needs."""
    out = []
    published = Published()
    for item in items:
        doc = Doc(article=article(item))
        out.append(published(sentences(repair(doc))))
    return out


def norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace("demoratic", "democratic").split())


def pick_actor1(doc: Doc) -> Actor | None:
    """The actor an events stage would most likely make actor1 (see the module docstring)."""
    text = doc.text
    typed = [a for a in doc.actors if a.type is not None
             and not re.search(r"\baccording to\s+(?:the\s+)?$", text[max(0, a.start - 20):a.start], re.I)]
    crowd = [a for a in typed if a.inter in (5, 6)]
    if crowd and (PROTEST.search(text) or RIOT.search(text)):
        rioters = [a for a in crowd if a.inter == 5]
        if rioters:
            return rioters[0]  # demonstrators who riot are actor1 of the riot
        force = next((a for a in typed if a.inter == 1 and FORCE.match(text, a.end)), None)
        return force or crowd[0]  # force used on peaceful protesters makes the state actor1
    typed = [a for a in typed if a.inter != 7] or typed
    if not typed:
        return None
    first_end = doc.sentences[0].end if doc.sentences else len(text)
    lead = [a for a in typed if a.start < first_end] or typed
    for a in lead:
        if a.inter != 7 and re.search(r"\bby\s+(?:the\s+|a\s+|an\s+|suspected\s+|unknown\s+)?$",
                                      text[max(0, a.start - 30):a.start]):
            return a
    for a in lead:
        before = re.findall(r"[A-Za-z]+", text[max(0, a.start - 25):a.start])
        if not before or before[-1].lower() not in PREPOSITIONS:
            return a
    return lead[0]


def decide(doc: Doc) -> tuple[Actor | None, int | None, str]:
    """actor1's pick, type and name for a note; a note with no typed actor (or only civilians)
    that says people protested or rioted is read as protesters or rioters."""
    pick = pick_actor1(doc)
    if pick is None or (pick.inter == 7 and (RIOT.search(doc.text) or PROTEST.search(doc.text))):
        inter = 5 if RIOT.search(doc.text) else 6 if PROTEST.search(doc.text) else None
        return None, inter, ""
    return pick, pick.inter, pick.name


def acled(shared: Path, limit: int, examples: int) -> dict:
    items = read(shared / "data" / "acled_africa_2016" / "dev.jsonl", limit)
    stage = Actors()
    docs = [stage(d) for d in prepare(items)]
    right = exact = no_years = no_parens = 0
    by_gold: Counter[int] = Counter()
    right_by_gold: Counter[int] = Counter()
    fallback = 0
    errors = []
    for item, doc in zip(items, docs, strict=True):
        gold = item["gold"]
        pick, inter, name = decide(doc)
        fallback += pick is None
        by_gold[gold["inter1"]] += 1
        if inter == gold["inter1"]:
            right += 1
            right_by_gold[gold["inter1"]] += 1
        elif len(errors) < examples:
            errors.append(f"  gold {gold['inter1']} {gold['actor1']!r} | got {inter} {name!r} "
                          f"({pick.text if pick else '-'!r}) | {doc.text[:140]!r}")
        g, p = norm(gold["actor1"]), norm(name)
        exact += g == p
        no_years += _YEARS.sub("", g) == _YEARS.sub("", p)
        no_parens += _PARENS.sub("", g) == _PARENS.sub("", p)
    n = len(items)
    return {"n": n, "inter": right / n, "name_exact": exact / n, "name_no_years": no_years / n,
            "name_no_parens": no_parens / n, "no_actor": fallback,
            "per_inter": {k: (right_by_gold[k], by_gold[k]) for k in sorted(by_gold)}, "errors": errors}


def acled_events(shared: Path, limit: int, examples: int) -> dict:
    """actor1 of each note's most confident event, from the whole pipeline (see the module docstring)."""
    from sitrep.pipeline import build_pipeline
    from sitrep.settings import Settings

    items = read(shared / "data" / "acled_africa_2016" / "dev.jsonl", limit)
    pipeline = build_pipeline(settings=Settings())
    right = exact = no_years = no_parens = 0
    misses: Counter[str] = Counter()
    confusion: Counter[tuple[int, int | None]] = Counter()
    errors = []
    for item in items:
        gold = item["gold"]
        doc = pipeline.process(article(item))
        top = None
        for e in doc.events:
            if top is None or e.confidence > top.confidence:
                top = e
        if top is None:
            misses["no event"] += 1
            continue
        a1 = top.actor1
        g, p = norm(gold["actor1"]), norm(a1.name)
        exact += g == p
        no_years += _YEARS.sub("", g) == _YEARS.sub("", p)
        no_parens += _PARENS.sub("", g) == _PARENS.sub("", p)
        if a1.inter == gold["inter1"]:
            right += 1
            continue
        confusion[(gold["inter1"], a1.inter)] += 1
        sentence = [a for a in doc.actors if top.evidence.start <= a.start < top.evidence.end]
        if any(a.inter == gold["inter1"] for a in sentence):
            misses["gold's type named in the event's sentence, another chosen"] += 1
        elif any(a.inter == gold["inter1"] for a in doc.actors):
            misses["gold's type named elsewhere in the note"] += 1
        else:
            misses["gold's type named nowhere (not recognised or typed otherwise)"] += 1
        if len(errors) < examples:
            errors.append(f"  gold {gold['inter1']} {gold['actor1']!r} | got {a1.inter} {a1.name!r} ({a1.text!r}, "
                          f"{top.sub_event_type}) | {item['text'][:140]!r}")
    n = len(items)
    return {"n": n, "inter": right / n, "name_exact": exact / n, "name_no_years": no_years / n,
            "name_no_parens": no_parens / n, "misses": misses, "confusion": confusion, "errors": errors}


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool) -> int:
    if exact:
        free = Counter(pred)
        hits = 0
        for g in gold:
            if free[g]:
                free[g] -= 1
                hits += 1
        return hits
    cands = sorted((-(min(g[1], p[1]) - max(g[0], p[0])), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                   if g[0] < p[1] and p[0] < g[1])
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def _demonyms(kb: KnowledgeBase, doc: Doc) -> list[tuple[int, int]]:
    """The nationality and people words inside the actor mentions ("Syrian" in "Syrian refugees",
    "Kurds"): what sitrep read as a nationality, the way re3d marks one."""
    out = []
    folded = fold(doc.text)
    for a in doc.actors:
        for s, e, targets in kb.find(folded, a.start, a.end):
            if any(t.kind in {"adjective", "people", "ethnic-adj", "ethnic-people"} for t in targets):
                out.append((s, e))
    return list(dict.fromkeys(out))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def re3d(shared: Path, limit: int) -> dict:
    items = read(shared / "data" / "re3d" / "dev.jsonl", limit)
    stage = Actors()
    docs = [stage(d) for d in prepare(items)]
    counts = {t: Counter() for t in ("Organisation", "Person", "Nationality")}
    for item, doc in zip(items, docs, strict=True):
        demonyms = _demonyms(stage.kb, doc)
        for t, c in counts.items():
            gold = [(e["start"], e["end"]) for e in item["gold"]["entities"]
                    if e["type"] == t and e["confidence"] >= 0.5]
            if t == "Nationality":
                pred = demonyms
            else:
                pred = list(dict.fromkeys((a.start, a.end) for a in doc.actors if KINDS.get(str(a.kind)) == t))
            c["gold"] += len(gold)
            c["pred"] += len(pred)
            c["tp"] += _match(gold, pred, exact=False)
            c["tpx"] += _match(gold, pred, exact=True)
    out = {}
    for t, c in counts.items():
        out[t] = {"gold": c["gold"], "pred": c["pred"], "overlap": prf(c["tp"], c["pred"], c["gold"]),
                  "exact": prf(c["tpx"], c["pred"], c["gold"])}
    return out


def cameo(shared: Path, limit: int) -> dict:
    items = read(shared / "data" / "cameo_ner" / "dev.jsonl", limit)
    stage = Actors()
    docs = [stage(d) for d in prepare(items)]
    tp = n_pred = n_gold = 0
    for item, doc in zip(items, docs, strict=True):
        gold = [(x["start"], x["end"]) for k in ("source", "target", "reciprocal") for x in item["gold"].get(k, [])]
        pred = list(dict.fromkeys((a.start, a.end) for a in doc.actors))
        tp += _match(gold, pred, exact=False)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r, f = prf(tp, n_pred, n_gold)
    return {"n": len(items), "gold": n_gold, "pred": n_pred, "p": p, "r": r, "f1": f}


def reference_cameo(shared: Path) -> str:
    sitrep = Path(sys.executable).parent / "sitrep"
    scorer = shared / "tools" / "score" / "actors_cameo.py"
    if not scorer.is_file():
        return "reference scorer not found"
    run = subprocess.run([sys.executable, str(scorer), "--cmd", str(sitrep)], capture_output=True, text=True,
                         timeout=3600)
    line = next((x for x in reversed(run.stdout.splitlines()) if x.startswith("SUMMARY")), "no SUMMARY line")
    return line


def speed_corpus(shared: Path) -> list[dict]:
    items = []
    for name in ("lgl.jsonl", "trnews.jsonl", "geovirus.jsonl"):
        path = shared / "data" / "geoparsing" / name
        if path.is_file():
            items.extend(read(path))
    items.extend(read(shared / "data" / "re3d" / "dev.jsonl"))
    return [{"id": it["id"], "text": it["text"], "published": it.get("published")} for it in items]


def speed(shared: Path, repeat: int) -> dict:
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        pinned = True
    except (AttributeError, OSError):
        pinned = False
    items = speed_corpus(shared)
    docs = prepare(items)
    words = sum(len(d.text.split()) for d in docs)
    stage = Actors()
    stage(docs[0])  # warm up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs:
            stage(d)
        best = min(best, time.perf_counter() - t0)
    load = min(_load_time() for _ in range(3))
    rss = _peak_rss(items)
    return {"docs": len(docs), "words": words, "seconds": best, "words_per_s": words / best, "kb_load_s": load,
            "peak_rss_mb": rss, "pinned": pinned}


_LOAD = """
import time
t0 = time.perf_counter()
from sitrep.knowledge.actors import load_kb
kb = load_kb()
print(time.perf_counter() - t0, len(kb.entries), kb.alias_count)
"""

_RSS = """
import json, resource, sys
from sitrep.models import Article, Doc
from sitrep.stages.actors import Actors
from sitrep.stages.published import Published
from sitrep.stages.repair import repair
from sitrep.stages.sentences import sentences
stage, published = Actors(), Published()
for line in open(sys.argv[1], encoding="utf-8"):
    it = json.loads(line)
    stage(published(sentences(repair(Doc(article=Article(id=it["id"], text=it["text"]))))))
try:  # the high-water mark of this address space; ru_maxrss would carry over the parent's across exec
    status = open("/proc/self/status", encoding="ascii").read()
    print(int(status.split("VmHWM:")[1].split()[0]) / 1024)
except (OSError, IndexError, ValueError):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _load_time() -> float:
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, timeout=120, check=True)
    return float(out.stdout.split()[0])


def _peak_rss(items: list[dict]) -> float:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        for it in items:
            fh.write(json.dumps({"id": it["id"], "text": it["text"]}) + "\n")
        path = fh.name
    try:
        out = subprocess.run([sys.executable, "-c", _RSS, path], capture_output=True, text=True, timeout=600,
                             check=True)
    finally:
        os.unlink(path)
    return float(out.stdout.strip().splitlines()[-1])


def kb_stats() -> None:
    """Entries and aliases of the knowledge base by region and by type, as Markdown tables."""
    from sitrep.knowledge.actors import load_kb

    kb = load_kb()
    st = kb.stats()
    groups = [e for e in kb.entries.values() if not e.generic and not e.branch]
    print(f"{len(kb.entries):,} entries: {len(groups)} named groups, forces and organisations; "
          f"{sum(1 for e in kb.entries.values() if e.branch)} state branches of {len(kb.countries)} countries; "
          f"{sum(1 for e in kb.entries.values() if e.generic)} generic actors; {len(kb.peoples)} peoples; "
          f"{kb.alias_count:,} distinct names in the automaton.")
    for what in ("region", "type"):
        print(f"\n| {what} | entries | names |\n|:--|--:|--:|")
        entries, names = st[f"entries_by_{what}"], st[f"aliases_by_{what}"]
        for key, n in sorted(entries.items(), key=lambda kv: -kv[1]):
            print(f"| {key} | {n:,} | {names[key]:,} |")
        print(f"| all | {sum(entries.values()):,} | {sum(names.values()):,} |")
    named = Counter(kb.region(e) for e in groups)
    typed = Counter(e.type.label if e.type else "no type" for e in groups)
    print("\nNamed groups, forces and organisations only (no state branches):")
    print("\n| region | entries |\n|:--|--:|")
    for key, n in sorted(named.items(), key=lambda kv: -kv[1]):
        print(f"| {key} | {n} |")
    print("\n| type | entries |\n|:--|--:|")
    for key, n in sorted(typed.items(), key=lambda kv: -kv[1]):
        print(f"| {key} | {n} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="the shared folder (default: $SITREP_SHARED or ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N items of each dataset")
    ap.add_argument("--examples", type=int, default=0, help="print N ACLED notes whose actor type is wrong")
    ap.add_argument("--repeat", type=int, default=3, help="speed runs; the best counts (default 3)")
    ap.add_argument("--cameo", action="store_true", help="also run the reference scorer actors_cameo.py")
    ap.add_argument("--skip-speed", action="store_true", help="quality figures only")
    ap.add_argument("--markdown", action="store_true", help="print the results as Markdown tables")
    ap.add_argument("--kb-stats", action="store_true", help="only print the knowledge base's counts (docs/DATA.md)")
    args = ap.parse_args()
    if args.kb_stats:
        kb_stats()
        return 0
    shared = find_shared(args.shared)
    if shared is None:
        return 0
    figures: dict[str, float] = {}
    print("\n".join(f"{k}: {v}" for k, v in describe_machine()))
    ev = acled_events(shared, args.limit, args.examples)
    figures["acled_inter"] = ev["inter"]
    print(f"\n## ACLED notes ({ev['n']}), whole pipeline: actor1 of the most confident event\n")
    print(f"- actor1 type (inter1) right: {ev['inter']:.3f}")
    print(f"- actor1 name: exact {ev['name_exact']:.3f}, without regime years {ev['name_no_years']:.3f}, "
          f"without any parenthesis {ev['name_no_parens']:.3f}")
    for why, count in ev["misses"].most_common():
        print(f"- missed, {why}: {count} ({count / ev['n']:.3f})")
    print("- most frequent (gold, got) inter1 pairs among the misses: "
          + ", ".join(f"{g}->{p}: {c}" for (g, p), c in ev["confusion"].most_common(8)))
    for line in ev["errors"]:
        print(line)
    a = acled(shared, args.limit, args.examples)
    print(f"\n## ACLED notes ({a['n']}), actors stage alone with a stand-in actor1 picker\n")
    print(f"- actor1 type (inter1) right: {a['inter']:.3f} (no typed actor found in {a['no_actor']} notes)")
    print(f"- actor1 name: exact {a['name_exact']:.3f}, without regime years {a['name_no_years']:.3f}, "
          f"without any parenthesis {a['name_no_parens']:.3f}")
    print("- by gold inter1: " + ", ".join(f"{k}: {r}/{n} ({r / n:.2f})" for k, (r, n) in a["per_inter"].items()))
    for line in a["errors"]:
        print(line)
    r = re3d(shared, args.limit)
    figures["re3d_org_f1"] = r["Organisation"]["overlap"][2]
    figures["re3d_person_f1"] = r["Person"]["overlap"][2]
    print("\n## re3d\n")
    print("| type | gold | predicted | P | R | F1 | P exact | R exact | F1 exact |")
    print("|:--|--:|--:|--:|--:|--:|--:|--:|--:|")
    for t, v in r.items():
        o, x = v["overlap"], v["exact"]
        print(f"| {t} | {v['gold']} | {v['pred']} | {o[0]:.3f} | {o[1]:.3f} | {o[2]:.3f} | {x[0]:.3f} | {x[1]:.3f} | "
              f"{x[2]:.3f} |")
    c = cameo(shared, args.limit)
    print(f"\n## CAMEO actor spans ({c['n']} sentences)\n")
    print(f"- mention P/R/F1 (overlap, role-agnostic): {c['p']:.3f} / {c['r']:.3f} / {c['f1']:.3f} "
          f"({c['pred']} predicted, {c['gold']} gold)")
    if args.cameo:
        print(f"- reference scorer: {reference_cameo(shared)}")
    if not args.skip_speed:
        s = speed(shared, args.repeat)
        figures.update({k: s[k] for k in ("words_per_s", "kb_load_s", "peak_rss_mb")})
        print(f"\n## Speed ({s['docs']} articles, {s['words']:,} words, pinned to one core: {s['pinned']})\n")
        print(f"- actors stage: {s['seconds']:.2f} s, {s['words_per_s']:,.0f} words/s (best of {args.repeat})")
        print(f"- knowledge base load in a fresh process (imports included): {s['kb_load_s']:.3f} s")
        print(f"- peak RSS, repair to actors over the corpus: {s['peak_rss_mb']:.1f} MB")
    print("\n## Floors\n")
    ok = True
    for key, floor in FLOORS.items():
        if key not in figures:
            continue
        got = figures[key]
        passed = got <= floor if key in {"kb_load_s", "peak_rss_mb"} else got >= floor
        ok &= passed
        print(f"- {key}: {got:,.3f} ({'<=' if key in {'kb_load_s', 'peak_rss_mb'} else '>='} {floor:,}) "
              f"{'PASS' if passed else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
