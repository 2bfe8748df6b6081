"""sitrep: news about armed conflict in, coded events out, each field quoting its source span.

The library in one call: :func:`process` reads one article (a string or an
:class:`~sitrep.models.Article`) and returns a :class:`~sitrep.models.Doc`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from .batch import ExitStatus, RunSummary, extract
from .errors import (
    ConfigError,
    InputError,
    OutputError,
    PipelineError,
    SitrepError,
)
from .models import (
    Actor,
    Article,
    Doc,
    Event,
    EventDate,
    Fatalities,
    Place,
    Problem,
    Quantity,
    Segment,
    Sentence,
    Span,
    TimeRef,
)
from .pipeline import Pipeline, Stage, build_pipeline, stage
from .settings import Settings

try:
    __version__ = version("sitrep")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "Doc",
    "Event",
    "EventDate",
    "ExitStatus",
    "Fatalities",
    "InputError",
    "OutputError",
    "Pipeline",
    "PipelineError",
    "Place",
    "Problem",
    "Quantity",
    "RunSummary",
    "Segment",
    "Sentence",
    "Settings",
    "SitrepError",
    "Span",
    "Stage",
    "TimeRef",
    "__version__",
    "build_pipeline",
    "extract",
    "process",
    "stage",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return build_pipeline()


def process(article: Article | str, *, pipeline: Pipeline | None = None) -> Doc:
    """Run the pipeline on one article. A plain string is taken as the text of an article
    with id ``"text"`` and no metadata."""
    if isinstance(article, str):
        article = Article(id="text", text=article)
    return (pipeline or _default_pipeline()).process(article)
