"""Stages, how they are put together, and the runner that drives a Doc through them.

A stage is a callable ``Doc -> Doc`` with a ``name`` and two sets of capability names: what it
``needs`` and what it ``provides``. :func:`build_pipeline` checks, before any article is read, that
every need is provided by an earlier stage, and names the stage that is missing.

:class:`Pipeline` is the runner, and the only place that times stages, turns a stage's exception
into a :class:`~sitrep.models.Problem` on that article (the stages that depended on it are skipped,
the rest still run, and the batch goes on), and writes ``--trace`` snapshots.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, runtime_checkable

from .errors import OutputError, PipelineError
from .models import Article, Doc, Problem
from .settings import Settings

__all__ = ["Pipeline", "Stage", "StageStats", "build_pipeline", "stage"]

log = logging.getLogger(__name__)

#: What every Doc has before the first stage runs.
INITIAL: frozenset[str] = frozenset({"article"})


@runtime_checkable
class Stage(Protocol):
    """The stage contract: a named ``Doc -> Doc`` callable that declares its needs and provides."""

    @property
    def name(self) -> str: ...

    @property
    def needs(self) -> frozenset[str]: ...

    @property
    def provides(self) -> frozenset[str]: ...

    def __call__(self, doc: Doc, /) -> Doc: ...


@dataclass(frozen=True, slots=True)
class _FunctionStage:
    name: str
    needs: frozenset[str]
    provides: frozenset[str]
    func: Callable[[Doc], Doc]

    def __call__(self, doc: Doc, /) -> Doc:
        return self.func(doc)


def stage(*, name: str, needs: Iterable[str], provides: Iterable[str]) -> Callable[[Callable[[Doc], Doc]], Stage]:
    """Make a plain ``Doc -> Doc`` function a stage::

        @stage(name="sentences", needs={"segments"}, provides={"sentences"})
        def sentences(doc: Doc) -> Doc: ...
    """

    def wrap(func: Callable[[Doc], Doc]) -> Stage:
        return _FunctionStage(name, frozenset(needs), frozenset(provides), func)

    return wrap


@dataclass(slots=True)
class StageStats:
    """How a stage fared over a run: calls, failures, and seconds spent."""

    calls: int = 0
    failures: int = 0
    skipped: int = 0
    seconds: float = 0.0


def _check_order(stages: Sequence[Stage], known: Callable[[], Sequence[Stage]]) -> None:
    """Every need met by an earlier stage; ``known`` (called only to word an error) lists the
    stages that could provide a missing need."""
    have = set(INITIAL)
    names: set[str] = set()
    for st in stages:
        if not isinstance(st, Stage):
            raise PipelineError(f"{st!r} is not a stage: a stage needs name, needs, provides and __call__(doc)")
        if st.name in names:
            raise PipelineError(f"stage {st.name!r} appears twice in the pipeline")
        names.add(st.name)
        missing = sorted(st.needs - have)
        if missing:
            providers = sorted({k.name for k in known() for need in missing if need in k.provides} - {st.name})
            hint = (f"put {' and '.join(repr(p) for p in providers)} before it"
                    if providers else "no known stage provides it")
            raise PipelineError(
                f"stage {st.name!r} needs {', '.join(repr(m) for m in missing)}, which no earlier stage "
                f"provides: {hint}"
            )
        have |= st.provides


class Pipeline:
    """An ordered, checked list of stages and the runner that applies them to articles."""

    def __init__(self, stages: Sequence[Stage], *, settings: Settings, trace_dir: Path | None = None) -> None:
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.settings = settings
        self.trace_dir = trace_dir
        self.stats: dict[str, StageStats] = {st.name: StageStats() for st in self.stages}

    @property
    def names(self) -> list[str]:
        return [st.name for st in self.stages]

    def process(self, article: Article) -> Doc:
        """Run every stage on one article."""
        return self.run(Doc(article=article))

    def run(self, doc: Doc) -> Doc:
        """Run every stage on a Doc. Never raises for a stage's failure: it becomes a problem."""
        have = set(INITIAL)
        failed: dict[str, str] = {}  # capability -> the stage that failed to provide it
        tracer = _Tracer(self.trace_dir, doc.article.id) if self.trace_dir else None
        if tracer:
            tracer.write(0, "input", doc)
        for n, st in enumerate(self.stages, 1):
            stats = self.stats[st.name]
            lost = sorted(need for need in st.needs if need not in have)
            if lost:
                why = ", ".join(f"{need!r} (stage {failed.get(need, '?')!r} failed)" for need in lost)
                doc = replace(doc, problems=(*doc.problems, Problem(st.name, f"skipped: needs {why}")))
                stats.skipped += 1
                continue
            t0 = time.perf_counter()
            try:
                out = st(doc)
                if not isinstance(out, Doc):
                    raise TypeError(f"stage returned {type(out).__name__}, not a Doc")
            except Exception as e:
                stats.seconds += time.perf_counter() - t0
                stats.calls += 1
                stats.failures += 1
                log.warning("stage %s failed on %s: %s: %s", st.name, doc.article.id, type(e).__name__, e,
                            exc_info=log.isEnabledFor(logging.DEBUG))
                doc = replace(doc, problems=(*doc.problems, Problem(st.name, f"{type(e).__name__}: {e}")))
                for cap in st.provides:
                    failed.setdefault(cap, st.name)
                continue
            stats.seconds += time.perf_counter() - t0
            stats.calls += 1
            doc = out
            have |= st.provides
            if tracer:
                tracer.write(n, st.name, doc)
        return doc


class _Tracer:
    """Writes a JSON snapshot of a Doc after each stage: ``DIR/<article>/<NN>-<stage>.json``."""

    def __init__(self, root: Path, article_id: str) -> None:
        from .interchange import safe_filename

        self.folder = root / safe_filename(article_id)
        _make_dir(self.folder)

    def write(self, n: int, name: str, doc: Doc) -> None:
        from .interchange import doc_to_dict, dumps

        path = self.folder / f"{n:02d}-{name}.json"
        try:
            path.write_bytes(dumps(doc_to_dict(doc), indent=True))
        except OSError as e:
            raise OutputError(f"cannot write trace {path}: {e.strerror or e}") from None


def default_stages(settings: Settings) -> list[Stage]:
    """The stages of a full run, in order."""
    from .stages.actors import Actors
    from .stages.events import events
    from .stages.places import Places
    from .stages.published import Published
    from .stages.quantities import quantities
    from .stages.repair import repair
    from .stages.sentences import sentences
    from .stages.times import times

    places = Places(cache_dir=settings.cache_dir)
    actors = Actors.from_settings(settings)
    return [repair, sentences, Published(default=settings.published), actors, places, times, quantities, events]


def build_pipeline(
    stages: Sequence[Stage] | None = None,
    *,
    settings: Settings | None = None,
    trace_dir: Path | None = None,
) -> Pipeline:
    """Check and assemble a pipeline; by default, every stage sitrep has.

    Raises :class:`~sitrep.errors.PipelineError` when a stage needs something no earlier stage
    provides, naming the stage that would.
    """
    settings = settings or Settings.from_env()
    chosen = list(stages) if stages is not None else default_stages(settings)
    # the default stages (knowledge base and gazetteer loaded) are built for an error message only
    _check_order(chosen, lambda: chosen if stages is None else default_stages(settings))
    if trace_dir is not None:
        _make_dir(trace_dir)
    return Pipeline(chosen, settings=settings, trace_dir=trace_dir)


def _make_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot write traces under {path}: {e.strerror or e}; give --trace a folder "
                          "that can be created") from None
