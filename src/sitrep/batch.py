"""A batch run: read every input, run the pipeline on each article, stream the output.

This is what ``sitrep extract`` does, as a library function. Inputs that cannot be read and
stages that fail are counted and reported, never fatal: the batch always finishes. The summary says
what happened and which exit status that deserves.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import IO

from .errors import InputError
from .models import Doc
from .pipeline import Pipeline, build_pipeline
from .settings import Settings
from .stages.ingest import read_inputs
from .writers import open_writer

__all__ = ["ExitStatus", "RunSummary", "extract"]


class ExitStatus(IntEnum):
    """Exit statuses of the ``sitrep`` command (``docs/cli.md``)."""

    OK = 0  # every input was read and processed
    ERROR = 1  # could not run at all (bad option value, unwritable output, ...)
    USAGE = 2  # the command line itself is wrong
    SOME_FAILED = 3  # finished, but some inputs could not be read; every other article was written


@dataclass(slots=True)
class RunSummary:
    """What a batch did."""

    articles: int = 0
    events: int = 0
    failed: list[InputError] = field(default_factory=list)
    articles_with_problems: int = 0
    seconds: float = 0.0

    @property
    def exit_status(self) -> ExitStatus:
        return ExitStatus.SOME_FAILED if self.failed else ExitStatus.OK

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        parts = [f"{self.articles} articles", f"{self.events} events",
                 f"{len(self.failed)} failed inputs"]
        if self.articles_with_problems:
            parts.append(f"{self.articles_with_problems} articles with stage problems")
        return ", ".join(parts) + f" in {self.seconds:.2f} s ({rate:.0f} articles/s)"


def extract(
    inputs: Iterable[str],
    *,
    out: IO[bytes],
    fmt: str = "events",
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    trace_dir: Path | None = None,
    stdin: IO[bytes] | None = None,
    on_item: Callable[[Doc | InputError], None] | None = None,
) -> RunSummary:
    """Run the pipeline over every article named by ``inputs`` and write ``fmt`` to ``out``.

    ``on_item`` is called after each article is written, or with the error of each input that
    could not be read (for progress bars and problem reports).
    """
    settings = settings or Settings.from_env()
    pipe = pipeline or build_pipeline(settings=settings, trace_dir=trace_dir)
    writer = open_writer(fmt, out)
    summary = RunSummary()
    t0 = time.perf_counter()
    try:
        for item in read_inputs(inputs, settings, stdin=stdin):
            if isinstance(item, InputError):
                summary.failed.append(item)
            else:
                item = pipe.run(item)
                writer.write(item)
                summary.articles += 1
                summary.events += len(item.events)
                if any(p.stage != "ingest" for p in item.problems):
                    summary.articles_with_problems += 1
            if on_item is not None:
                on_item(item)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - t0
    return summary
