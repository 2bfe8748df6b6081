"""The ``sitrep`` command: options, exit statuses, messages on stderr, files it writes."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import click
import pytest

from sitrep.cli import cli, extract_cmd, main

ARTICLE = "Clashes near Raqqa\n\nFighters clashed with militants on Monday. Four were killed.\n"
SITREP = Path(sys.executable).parent / "sitrep"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SITREP_MAX_INPUT_BYTES", "SITREP_PUBLISHED", "SITREP_HTML_FAST"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with good and broken inputs; the current directory during the test."""
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "in.jsonl").write_bytes(
        b'{"id": "j1", "text": "First record. It has text.", "published": "2016-05-04"}\n'
        b'{"id": "j2"}\n'
        b'{"id": "j3", "text": "Third record."}\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _docs(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


# ----------------------------------------------------------------------------- version and help

@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_cli_version(capsys: pytest.CaptureFixture[str], flag: str) -> None:
    assert main([flag]) == 0
    assert capsys.readouterr().out == f"sitrep {version('sitrep')}\n"


def _option_strings(command: click.Command) -> list[str]:
    return [opt for p in command.params if isinstance(p, click.Option) for opt in (*p.opts, *p.secondary_opts)]


def test_cli_group_help_mentions_every_option_and_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for opt in [*_option_strings(cli), "--help", "extract"]:
        assert opt in out, opt
    assert "Exit status" in out and "3  finished" in out


def test_cli_extract_help_mentions_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--help"]) == 0
    out = capsys.readouterr().out
    options = _option_strings(extract_cmd)
    assert {"--format", "--out", "--published", "--max-input-bytes", "--html-fast", "--trace", "--problems",
            "--progress"} <= set(options)
    for opt in options:
        assert opt in out, opt
    for fmt in ("events", "docs", "csv", "geojson"):
        assert fmt in out
    assert "Exit status" in out


# ----------------------------------------------------------------------------- exit statuses

def test_cli_good_input_exits_0(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "good.txt", "-f", "docs", "-o", "out.jsonl"]) == 0
    (doc,) = _docs(inputs / "out.jsonl")
    assert doc["article"]["id"] == "good.txt"  # type: ignore[index]
    assert doc["article"]["text"] == ARTICLE  # type: ignore[index]
    err = capsys.readouterr().err
    assert "problem:" not in err
    assert re.search(r"^sitrep: 1 articles, \d+ events, 0 failed inputs in ", err, re.M)


def test_cli_broken_input_exits_3_and_keeps_good_articles(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "good.txt", "empty.txt", "in.jsonl", "missing.txt", "-f", "docs", "-o", "out.jsonl"]) == 3
    assert [d["article"]["id"] for d in _docs(inputs / "out.jsonl")] == ["good.txt", "j1", "j3"]  # type: ignore[index]
    err = capsys.readouterr().err.splitlines()
    problems = [line for line in err if line.startswith("problem: ")]
    assert problems == [
        "problem: empty.txt: empty file",
        "problem: in.jsonl:2: no \"text\"; every record needs the article's text",
        "problem: missing.txt: no such file or directory",
    ]
    assert any(re.match(r"sitrep: 3 articles, \d+ events, 3 failed inputs in ", line) for line in err)


def test_cli_too_large_input_names_the_option(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (inputs / "big.txt").write_text("word " * 400, encoding="utf-8")
    assert main(["extract", "big.txt", "good.txt", "--max-input-bytes", "1k", "-o", "out.jsonl"]) == 3
    err = capsys.readouterr().err
    assert "problem: big.txt: 2,000 bytes, over the limit of 1,024 (raise it with --max-input-bytes)" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "good.txt", "--format", "xml"], "Invalid value for '--format'"),
        (["extract", "good.txt", "-f", "json"], "Invalid value for '--format'"),
        (["extract", "good.txt", "--nope"], "No such option '--nope'"),
        (["extract"], "Missing argument 'PATH...'"),
        (["nosuchcommand"], "No such command 'nosuchcommand'"),
        (["extract", "good.txt", "--out", "."], "is a directory"),
    ],
)
def test_cli_bad_command_line_exits_2(inputs: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                      message: str) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Usage: sitrep" in err
    assert message in err


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["extract", "good.txt", "-o", "missing/out.jsonl"], {},
         "Error: cannot write missing/out.jsonl: No such file or directory; check the folder exists"),
        (["extract", "good.txt", "--problems", "missing/problems.jsonl"], {},
         "Error: cannot write missing/problems.jsonl"),
        (["extract", "good.txt", "--published", "16/10/2017"], {},
         "Error: not an ISO date: '16/10/2017'. Give YYYY-MM-DD"),
        (["extract", "good.txt", "--max-input-bytes", "lots"], {}, "Error: not a size: 'lots'"),
        (["extract", "good.txt", "--max-input-bytes", "0"], {}, "Error: a size must be positive"),
        (["extract", "good.txt"], {"SITREP_MAX_INPUT_BYTES": "lots"},
         "Error: SITREP_MAX_INPUT_BYTES: not a size: 'lots'"),
        (["extract", "good.txt"], {"SITREP_PUBLISHED": "yesterday"}, "Error: SITREP_PUBLISHED: not an ISO date"),
        (["extract", "good.txt"], {"SITREP_HTML_FAST": "maybe"}, "Error: SITREP_HTML_FAST: not a yes/no value"),
    ],
)
def test_cli_cannot_run_exits_1_with_error(inputs: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str],
                                           message: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(args) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.err.count("Error: ") == 1
    assert "Traceback" not in captured.err
    assert "sitrep: " not in captured.err  # no summary: nothing ran


def test_cli_bad_option_value_leaves_existing_output_alone(inputs: Path) -> None:
    (inputs / "out.jsonl").write_text("previous results\n", encoding="utf-8")
    assert main(["extract", "good.txt", "-o", "out.jsonl", "--published", "bad"]) == 1
    assert (inputs / "out.jsonl").read_text(encoding="utf-8") == "previous results\n"


def test_cli_unwritable_problems_file_leaves_existing_output_alone(inputs: Path) -> None:
    (inputs / "out.jsonl").write_text("previous results\n", encoding="utf-8")
    assert main(["extract", "good.txt", "-o", "out.jsonl", "--problems", "missing/p.jsonl"]) == 1
    assert (inputs / "out.jsonl").read_text(encoding="utf-8") == "previous results\n"


def test_cli_unwritable_trace_dir_is_an_error(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (inputs / "afile").write_text("x", encoding="utf-8")
    assert main(["extract", "good.txt", "-o", "out.jsonl", "--trace", "afile/trace"]) == 1
    assert "Error: " in capsys.readouterr().err


# ----------------------------------------------------------------------------- stderr and side files

def test_cli_problems_file(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "good.txt", "empty.txt", "in.jsonl", "missing.txt", "-o", "out.jsonl",
                 "--problems", "problems.jsonl"]) == 3
    assert _docs(inputs / "problems.jsonl") == [
        {"source": "empty.txt", "line": None, "kind": "empty", "message": "empty file"},
        {"source": "in.jsonl", "line": 2, "kind": "malformed",
         "message": "no \"text\"; every record needs the article's text"},
        {"source": "missing.txt", "line": None, "kind": "unreadable", "message": "no such file or directory"},
    ]
    assert capsys.readouterr().err.count("problem: ") == 3


def test_cli_problems_file_is_empty_when_all_is_well(inputs: Path) -> None:
    assert main(["extract", "good.txt", "-o", "out.jsonl", "--problems", "problems.jsonl"]) == 0
    assert (inputs / "problems.jsonl").read_bytes() == b""


def test_cli_quiet_suppresses_summary_not_problems(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "extract", "good.txt", "empty.txt", "-o", "out.jsonl"]) == 3
    err = capsys.readouterr().err
    assert "problem: empty.txt: empty file" in err
    assert "sitrep: " not in err


def test_cli_trace_writes_snapshots_per_article(inputs: Path) -> None:
    assert main(["extract", "good.txt", "in.jsonl", "-o", "out.jsonl", "--trace", "trace"]) == 3
    folders = sorted(p.name for p in (inputs / "trace").iterdir())
    assert len(folders) == 3
    assert any(name.startswith("good.txt-") for name in folders)
    for folder in (inputs / "trace").iterdir():
        names = sorted(p.name for p in folder.iterdir())
        assert names[0] == "00-input.json"
        assert "01-repair.json" in names
        assert all(re.fullmatch(r"\d\d-[a-z_]+\.json", n) for n in names)
        snapshot = json.loads((folder / "01-repair.json").read_bytes())
        assert {"article", "segments", "sentences", "events", "mentions", "problems"} <= set(snapshot)


def test_cli_published_given_for_txt(inputs: Path) -> None:
    assert main(["extract", "good.txt", "in.jsonl", "-f", "docs", "-o", "out.jsonl", "--published",
                 "2017-10-16"]) == 3
    articles = {d["article"]["id"]: d["article"] for d in _docs(inputs / "out.jsonl")}  # type: ignore[index]
    assert (articles["good.txt"]["published"], articles["good.txt"]["published_from"]) == ("2017-10-16", "given")
    assert (articles["j1"]["published"], articles["j1"]["published_from"]) == ("2016-05-04", "metadata")


def test_cli_published_from_env(inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_PUBLISHED", "2017-10-16")
    assert main(["extract", "good.txt", "-f", "docs", "-o", "out.jsonl"]) == 0
    (doc,) = _docs(inputs / "out.jsonl")
    assert doc["article"]["published"] == "2017-10-16"  # type: ignore[index]


def test_cli_option_beats_env(inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_MAX_INPUT_BYTES", "10")
    assert main(["extract", "good.txt", "-o", "out.jsonl"]) == 3
    assert main(["extract", "good.txt", "-o", "out.jsonl", "--max-input-bytes", "1MB"]) == 0


def test_cli_directory_ids(inputs: Path) -> None:
    (inputs / "in" / "sub").mkdir(parents=True)
    (inputs / "in" / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for arg in ("in", "in/"):
        assert main(["extract", arg, "-f", "docs", "-o", "out.jsonl"]) == 0
        assert [d["article"]["id"] for d in _docs(inputs / "out.jsonl")] == ["in/sub/a.txt"]  # type: ignore[index]


# ----------------------------------------------------------------------------- standard streams and formats

def test_cli_stdin_jsonl(inputs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "From stdin. Body."}\n{"text": ""}\n'))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["extract", "-", "-f", "docs"]) == 3
    captured = capsys.readouterr()
    (doc,) = [json.loads(line) for line in captured.out.splitlines()]
    assert doc["article"]["id"] == "s1"
    assert 'problem: -:2: "text" is empty' in captured.err


def test_cli_csv_to_stdout(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "good.txt", "-f", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("event_id,event_date,time_precision,event_type,sub_event_type,actor1,")


def test_cli_geojson_to_stdout(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "good.txt", "--format", "geojson"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "FeatureCollection"
    assert isinstance(data["features"], list)


def test_cli_events_is_the_default_format(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {}
    for fmt in (None, "events", "docs"):
        assert main(["extract", "good.txt", *(["-f", fmt] if fmt else [])]) == 0
        outputs[fmt] = capsys.readouterr().out
    assert outputs[None] == outputs["events"] != outputs["docs"]
    assert all(json.loads(line)["event_id"] for line in outputs[None].splitlines())


def test_cli_progress_bar_does_not_touch_output(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "good.txt", "in.jsonl", "--progress", "-f", "docs", "-o", "out.jsonl"]) == 3
    assert len(_docs(inputs / "out.jsonl")) == 3
    assert "sitrep: 3 articles" in capsys.readouterr().err


def test_cli_html_fast(inputs: Path) -> None:
    (inputs / "page.html").write_text(
        "<html><head><title>Clashes</title></head><body><nav><a href='/'>Home</a></nav><article><p>"
        + "Fighters clashed with militants near the town on Monday, officials said. " * 4
        + "</p></article></body></html>", encoding="utf-8")
    for flag in ("--html-fast", "--no-html-fast"):
        assert main(["extract", "page.html", flag, "-f", "docs", "-o", "out.jsonl"]) == 0
        (doc,) = _docs(inputs / "out.jsonl")
        assert "Fighters clashed" in doc["article"]["text"]  # type: ignore[index]
        assert "Home" not in doc["article"]["text"]  # type: ignore[index]


# ----------------------------------------------------------------------------- the installed command

def test_cli_installed_command_reads_stdin(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(SITREP), "extract", "-", "--format", "docs"],
        input=b'{"id": "p1", "text": "Piped in. Works."}\n', capture_output=True, cwd=tmp_path, timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["article"]["id"] == "p1"
    assert result.stderr.decode().startswith("sitrep: 1 articles")


def test_cli_installed_command_exit_3(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    result = subprocess.run([str(SITREP), "extract", "bin.txt", "-o", "out.jsonl"], capture_output=True,
                            cwd=tmp_path, timeout=60, check=False)
    assert result.returncode == 3
    assert result.stderr.decode().startswith("problem: bin.txt: binary data")


def test_cli_debug_shows_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["extract", "a.txt", "--published", "bad"]
    plain = subprocess.run([str(SITREP), *args], capture_output=True, cwd=tmp_path, timeout=60, check=False)
    debug = subprocess.run([str(SITREP), "--debug", *args], capture_output=True, cwd=tmp_path, timeout=60,
                           check=False)
    assert plain.returncode == debug.returncode == 1
    assert "Traceback" not in plain.stderr.decode()
    assert "Traceback" in debug.stderr.decode()
    assert "Error: not an ISO date: 'bad'" in debug.stderr.decode()
