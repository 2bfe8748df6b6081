"""The batch runner: every input read, every article written, failures counted, never fatal."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.batch import ExitStatus, RunSummary, extract
from sitrep.errors import ConfigError, EmptyInputError, InputError, MalformedInputError, UnreadableInputError
from sitrep.models import Doc
from sitrep.pipeline import build_pipeline, stage
from sitrep.settings import Settings
from sitrep.stages.published import Published
from sitrep.stages.repair import repair
from sitrep.stages.sentences import sentences

ARTICLE = "Clashes near Raqqa\n\nFighters clashed with militants on Monday. Four were killed.\n"


def _write(folder: Path, name: str, data: bytes | str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def _docs(out: io.BytesIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> list[str]:
    """Three good articles (one .txt, two JSONL records) among four broken inputs."""
    return [
        _write(tmp_path, "good.txt", ARTICLE),
        _write(tmp_path, "empty.txt", b""),
        _write(tmp_path, "in.jsonl",
               b'{"id": "j1", "text": "First record. It has text."}\n'
               b'{"id": "j2"}\n'
               b'{"id": "j3", "text": "Third record."}\n'),
        _write(tmp_path, "binary.txt", b"\x00\x01\x02"),
        str(tmp_path / "missing.txt"),
    ]


def test_batch_mixed_inputs_finish_and_count(mixed: list[str]) -> None:
    out = io.BytesIO()
    summary = extract(mixed, out=out, fmt="docs", settings=Settings())
    assert summary.articles == 3
    assert len(summary.failed) == 4
    assert [type(e).__name__ for e in summary.failed] == [
        "EmptyInputError", "MalformedInputError", "BinaryInputError", "UnreadableInputError"]
    assert [(e.source, e.line) for e in summary.failed] == [
        (mixed[1], None), (mixed[2], 2), (mixed[3], None), (mixed[4], None)]
    assert summary.exit_status is ExitStatus.SOME_FAILED
    assert int(summary.exit_status) == 3
    assert [d["article"]["id"] for d in _docs(out)] == [mixed[0], "j1", "j3"]  # type: ignore[index]


def test_batch_all_good_is_ok(tmp_path: Path) -> None:
    inputs = [_write(tmp_path, "a.txt", ARTICLE), _write(tmp_path, "b.txt", "Another article. With text.")]
    out = io.BytesIO()
    summary = extract(inputs, out=out, fmt="docs", settings=Settings())
    assert (summary.articles, summary.failed, summary.articles_with_problems) == (2, [], 0)
    assert summary.exit_status is ExitStatus.OK
    assert int(summary.exit_status) == 0
    assert len(_docs(out)) == 2


def test_batch_only_broken_inputs_write_nothing(tmp_path: Path) -> None:
    out = io.BytesIO()
    summary = extract([_write(tmp_path, "a.txt", b" \n")], out=out, fmt="docs", settings=Settings())
    assert summary.articles == 0
    assert [type(e) for e in summary.failed] == [EmptyInputError]
    assert summary.exit_status is ExitStatus.SOME_FAILED
    assert out.getvalue() == b""


@pytest.mark.parametrize(
    ("summary", "status"),
    [
        (RunSummary(), ExitStatus.OK),
        (RunSummary(articles=5, articles_with_problems=2), ExitStatus.OK),
        (RunSummary(articles=5, failed=[UnreadableInputError("x", "gone")]), ExitStatus.SOME_FAILED),
        (RunSummary(failed=[MalformedInputError("x.jsonl", "bad", line=3)]), ExitStatus.SOME_FAILED),
    ],
)
def test_batch_exit_status(summary: RunSummary, status: ExitStatus) -> None:
    assert summary.exit_status is status


def test_batch_summary_line() -> None:
    summary = RunSummary(articles=4, events=7, failed=[UnreadableInputError("x", "gone")],
                         articles_with_problems=2, seconds=2.0)
    assert summary.line() == ("4 articles, 7 events, 1 failed inputs, 2 articles with stage problems "
                              "in 2.00 s (2 articles/s)")
    assert RunSummary().line() == "0 articles, 0 events, 0 failed inputs in 0.00 s (0 articles/s)"


def test_batch_on_item_sees_every_item_in_order(mixed: list[str]) -> None:
    seen: list[str] = []

    def on_item(item: Doc | InputError) -> None:
        seen.append(f"error:{item.source}" if isinstance(item, InputError) else item.article.id)

    extract(mixed, out=io.BytesIO(), fmt="events", settings=Settings(), on_item=on_item)
    assert seen == [mixed[0], f"error:{mixed[1]}", "j1", f"error:{mixed[2]}", "j3", f"error:{mixed[3]}",
                    f"error:{mixed[4]}"]


def test_batch_stdin(tmp_path: Path) -> None:
    stdin = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\n{"oops": 1}\n')
    out = io.BytesIO()
    summary = extract(["-"], out=out, fmt="docs", settings=Settings(), stdin=stdin)
    assert summary.articles == 1
    assert [(e.source, e.line) for e in summary.failed] == [("-", 2)]
    assert [d["article"]["id"] for d in _docs(out)] == ["s1"]  # type: ignore[index]


def test_batch_settings_published_fills_missing_dates(tmp_path: Path) -> None:
    inputs = [
        _write(tmp_path, "a.txt", "No date in this article at all. Just text."),
        _write(tmp_path, "b.jsonl", b'{"id": "dated", "text": "Dated.", "published": "2016-01-02"}\n'),
    ]
    out = io.BytesIO()
    extract(inputs, out=out, fmt="docs", settings=Settings().with_(published="2017-10-16"))
    articles = [d["article"] for d in _docs(out)]
    assert [(a["published"], a["published_from"]) for a in articles] == [  # type: ignore[index]
        ("2017-10-16", "given"), ("2016-01-02", "metadata")]


def test_batch_max_input_bytes_setting(tmp_path: Path) -> None:
    inputs = [_write(tmp_path, "big.txt", "word " * 400), _write(tmp_path, "small.txt", "Small.")]
    out = io.BytesIO()
    summary = extract(inputs, out=out, fmt="docs", settings=Settings().with_(max_input_bytes="1k"))
    assert summary.articles == 1
    assert [e.kind for e in summary.failed] == ["too_large"]


def test_batch_unknown_format_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown output format 'xml'"):
        extract([_write(tmp_path, "a.txt", ARTICLE)], out=io.BytesIO(), fmt="xml", settings=Settings())


# ----------------------------------------------------------------------------- failing stages

@stage(name="boom", needs={"segments"}, provides={"boomed"})
def _boom(doc: Doc) -> Doc:
    if "boom" in doc.article.text:
        raise RuntimeError("kaboom on purpose")
    return doc


@stage(name="after_boom", needs={"boomed"}, provides={"after"})
def _after_boom(doc: Doc) -> Doc:
    return replace(doc, article=replace(doc.article, source="after_boom ran"))


@stage(name="not_a_doc", needs={"article"}, provides={"nothing"})
def _not_a_doc(doc: Doc) -> Doc:
    return "oops" if "boom" in doc.article.text else doc  # type: ignore[return-value]


@pytest.fixture
def boom_pipeline():  # type: ignore[no-untyped-def]
    return build_pipeline([repair, _boom, _after_boom, sentences, Published()], settings=Settings())


JSONL_WITH_BOOM = (
    b'{"id": "ok1", "text": "Fine text here. Nothing odd."}\n'
    b'{"id": "bad", "text": "This one goes boom. Sadly."}\n'
    b'{"id": "ok2", "text": "Also fine. Really."}\n'
)


def test_batch_failing_stage_becomes_a_problem(boom_pipeline) -> None:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    summary = extract(["-"], out=out, fmt="docs", settings=Settings(), pipeline=boom_pipeline,
                      stdin=io.BytesIO(JSONL_WITH_BOOM))
    docs = {d["article"]["id"]: d for d in _docs(out)}  # type: ignore[index]
    assert list(docs) == ["ok1", "bad", "ok2"]
    assert summary.articles == 3
    assert summary.failed == []
    assert summary.articles_with_problems == 1
    assert summary.exit_status is ExitStatus.OK
    bad = docs["bad"]
    assert bad["problems"] == [
        {"stage": "boom", "message": "RuntimeError: kaboom on purpose"},
        {"stage": "after_boom", "message": "skipped: needs 'boomed' (stage 'boom' failed)"},
    ]
    # stages that do not depend on the failed one still ran on that article
    assert bad["segments"] and bad["sentences"]
    assert bad["article"]["source"] is None  # type: ignore[index]
    for good in ("ok1", "ok2"):
        assert docs[good]["problems"] == []
        assert docs[good]["article"]["source"] == "after_boom ran"  # type: ignore[index]


def test_batch_failing_stage_counts_in_stats(boom_pipeline) -> None:  # type: ignore[no-untyped-def]
    extract(["-"], out=io.BytesIO(), fmt="events", settings=Settings(), pipeline=boom_pipeline,
            stdin=io.BytesIO(JSONL_WITH_BOOM))
    stats = boom_pipeline.stats
    assert (stats["boom"].calls, stats["boom"].failures) == (3, 1)
    assert (stats["after_boom"].calls, stats["after_boom"].skipped) == (2, 1)
    assert stats["sentences"].calls == 3


def test_batch_stage_returning_a_non_doc_is_a_problem() -> None:
    pipe = build_pipeline([_not_a_doc, repair, sentences], settings=Settings())
    out = io.BytesIO()
    summary = extract(["-"], out=out, fmt="docs", settings=Settings(), pipeline=pipe,
                      stdin=io.BytesIO(JSONL_WITH_BOOM))
    docs = {d["article"]["id"]: d for d in _docs(out)}  # type: ignore[index]
    assert summary.articles == 3
    assert docs["bad"]["problems"] == [{"stage": "not_a_doc", "message": "TypeError: stage returned str, not a Doc"}]
    assert docs["bad"]["sentences"]


def test_batch_ingest_problems_are_not_stage_problems() -> None:
    out = io.BytesIO()
    summary = extract(["-"], out=out, fmt="docs", settings=Settings(),
                      stdin=io.BytesIO(b'{"id": "a", "text": "Text. More.", "published": "not a date"}\n'))
    assert summary.articles_with_problems == 0
    assert [p["stage"] for p in _docs(out)[0]["problems"]] == ["ingest"]  # type: ignore[index]


def test_batch_trace_dir(tmp_path: Path) -> None:
    trace = tmp_path / "trace"
    extract([_write(tmp_path, "a.txt", ARTICLE)], out=io.BytesIO(), fmt="events", settings=Settings(),
            trace_dir=trace)
    (folder,) = trace.iterdir()
    assert "a.txt-" in folder.name
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "00-input.json"
    assert "01-repair.json" in names
    snapshot = json.loads((folder / "01-repair.json").read_text("utf-8"))
    assert snapshot["article"]["text"] == ARTICLE
    assert snapshot["segments"]
