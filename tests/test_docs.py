"""The documentation covers every setting, command, option, error and stage, and the README's
test command is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from sitrep import errors
from sitrep.cli import cli
from sitrep.pipeline import build_pipeline
from sitrep.settings import SETTING_HELP, Settings

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SETTING_HELP))
def test_docs_every_setting_in_cli_md(name: str) -> None:
    text = read("cli.md")
    assert f"`{name}`" in text and f"SITREP_{name.upper()}" in text


def _commands() -> list[tuple[str, click.Command]]:
    group = cli
    assert isinstance(group, click.Group)
    return [(name, cmd) for name, cmd in group.commands.items()]


@pytest.mark.parametrize(("name", "command"), _commands())
def test_docs_every_command_and_option_in_cli_md(name: str, command: click.Command) -> None:
    text = read("cli.md")
    assert f"`sitrep {name}" in text
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert f"`{opt}" in text or f"{opt}`" in text or f" {opt} " in text, f"{name} {opt}"
            assert param.help, f"{name} {param.opts} has no help text"


def test_docs_global_options_in_cli_md() -> None:
    text = read("cli.md")
    for param in cli.params:
        for opt in param.opts:
            assert opt in text


def _error_classes() -> list[str]:
    return [name for name in errors.__all__ if isinstance(getattr(errors, name), type)]


@pytest.mark.parametrize("name", _error_classes())
def test_docs_every_error_in_errors_md(name: str) -> None:
    assert f"`{name}`" in read("errors.md")


def test_docs_error_tree_in_module_docstring() -> None:
    assert errors.__doc__ is not None
    for name in _error_classes():
        assert name in errors.__doc__


@pytest.mark.parametrize("stage", [*build_pipeline(settings=Settings()).names, "ingest"])
def test_docs_every_stage_has_a_section(stage: str) -> None:
    assert re.search(rf"^## {stage}\b", read("pipeline.md"), re.MULTILINE)
    assert (REPO / "src" / "sitrep" / "stages" / f"{stage}.py").is_file()


def test_docs_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
    commands = [line for block in blocks for line in block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2, "the README gives exactly two set-up commands"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
    assert "samples/" in commands[0]
