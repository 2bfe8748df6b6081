"""Stages, their contracts, and the runner."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep import build_pipeline, process, stage
from sitrep.errors import PipelineError
from sitrep.models import Article, Doc, Problem
from sitrep.pipeline import Pipeline
from sitrep.settings import Settings
from sitrep.stages.published import Published
from sitrep.stages.repair import repair
from sitrep.stages.sentences import sentences


@stage(name="boom", needs={"sentences"}, provides={"actors"})
def boom(doc: Doc) -> Doc:
    if "boom" in doc.text:
        raise ValueError("cannot read this one")
    return doc


@stage(name="uses_actors", needs={"actors"}, provides={"events"})
def uses_actors(doc: Doc) -> Doc:
    return replace(doc, problems=(*doc.problems, Problem("uses_actors", "ran")))


def test_pipeline_default_stages_in_order() -> None:
    names = build_pipeline(settings=Settings()).names
    assert names[:3] == ["repair", "sentences", "published"]
    assert names.index("times") > names.index("published")


def test_pipeline_missing_stage_is_named_when_built() -> None:
    with pytest.raises(PipelineError, match=r"stage 'sentences' needs 'segments', 'view'.*put 'repair' before it"):
        build_pipeline([sentences], settings=Settings())


def test_pipeline_unknown_need_is_reported() -> None:
    @stage(name="geo", needs={"gazetteer"}, provides={"places"})
    def geo(doc: Doc) -> Doc:
        return doc

    with pytest.raises(PipelineError, match=r"'gazetteer'.*no known stage provides it"):
        build_pipeline([repair, geo], settings=Settings())


def test_pipeline_duplicate_stage() -> None:
    with pytest.raises(PipelineError, match="appears twice"):
        build_pipeline([repair, repair], settings=Settings())


def test_pipeline_not_a_stage() -> None:
    with pytest.raises(PipelineError, match="is not a stage"):
        build_pipeline([repair, print], settings=Settings())  # type: ignore[list-item]


def test_pipeline_stage_failure_becomes_a_problem_and_dependants_are_skipped() -> None:
    pipe = build_pipeline([repair, sentences, boom, uses_actors, Published()], settings=Settings())
    bad = pipe.process(Article(id="a", text="Fighters went boom.\n\nThe war goes on."))
    good = pipe.process(Article(id="b", text="Fighters took the city.\n\nThe war goes on."))
    assert bad.problems == (
        Problem("boom", "ValueError: cannot read this one"),
        Problem("uses_actors", "skipped: needs 'actors' (stage 'boom' failed)"),
    )
    assert bad.sentences  # the stages before and after the failure still ran
    assert bad.article.published_from == "none"
    assert good.problems == (Problem("uses_actors", "ran"),)
    assert pipe.stats["boom"].failures == 1 and pipe.stats["boom"].calls == 2
    assert pipe.stats["uses_actors"].skipped == 1


def test_pipeline_stage_returning_the_wrong_type_is_a_problem() -> None:
    @stage(name="broken", needs={"article"}, provides={"x"})
    def broken(doc: Doc) -> Doc:
        return "not a doc"  # type: ignore[return-value]

    doc = Pipeline([broken], settings=Settings()).process(Article(id="a", text="x"))
    assert doc.problems == (Problem("broken", "TypeError: stage returned str, not a Doc"),)


def test_pipeline_stages_do_not_mutate_their_input() -> None:
    article = Article(id="a", text="Headline here\n\nFighters took the city.A commander said so.")
    doc = Doc(article=article)
    out = build_pipeline(settings=Settings()).run(doc)
    assert doc.segments == () and doc.sentences == () and doc.view is None
    assert out.segments and out.sentences and out.article is not article


def test_pipeline_timings_are_kept() -> None:
    pipe = build_pipeline(settings=Settings())
    pipe.process(Article(id="a", text="Fighters took the city."))
    assert all(s.calls == 1 and s.seconds >= 0 for s in pipe.stats.values())


def test_pipeline_trace_writes_a_snapshot_per_stage(tmp_path: Path) -> None:
    pipe = build_pipeline(settings=Settings(), trace_dir=tmp_path)
    pipe.process(Article(id="in/a1.txt", text="Headline here\n\nFighters took the city."))
    (folder,) = tmp_path.iterdir()
    assert folder.name.startswith("in_a1.txt-")
    names = sorted(p.name for p in folder.iterdir())
    assert names[:4] == ["00-input.json", "01-repair.json", "02-sentences.json", "03-published.json"]
    assert len(names) == len(pipe.names) + 1
    snap = json.loads((folder / "01-repair.json").read_text())
    assert [s["kind"] for s in snap["segments"]] == ["headline", "body"]
    assert snap["sentences"] == []


def test_pipeline_process_accepts_a_string() -> None:
    doc = process("Fighters took the city.A commander said so.")
    assert doc.article.id == "text"
    assert len(doc.sentences) == 2
    # nothing is fabricated for the stages that have not landed yet
    assert (doc.places, doc.times, doc.quantities, doc.events) == ((), (), (), ())
    assert [a.text for a in doc.actors] == ["Fighters", "commander"]
