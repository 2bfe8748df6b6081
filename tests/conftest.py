"""Fixtures shared by the test suite.

Tests that read the seed article or the labelled data find them in ``../shared`` (beside the
repository, or where ``SITREP_SHARED`` points) and skip, saying so, when it is absent: those files
are never copied into the project.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.models import Article, Doc
from sitrep.pipeline import build_pipeline
from sitrep.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def shared_dir() -> Path:
    env = os.environ.get("SITREP_SHARED")
    return Path(env) if env else REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"../shared is absent ({path}): the seed article and labelled data are not in the project; "
                    "set SITREP_SHARED to run these tests")
    return path


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    path = shared / "seed" / "raqqa-2017-10-16.txt"
    if not path.is_file():
        pytest.skip(f"the seed article is absent: {path}")
    return path


@pytest.fixture(scope="session")
def samples() -> Path:
    """The bundled sample articles (part of the project)."""
    return SAMPLES


@pytest.fixture(scope="session")
def pipeline() -> object:
    return build_pipeline(settings=Settings())


@pytest.fixture
def process(pipeline: object):  # type: ignore[no-untyped-def]
    """Run the default pipeline on a text (or an Article)."""

    def run(text: str | Article, **article: object) -> Doc:
        art = text if isinstance(text, Article) else Article(id="t", text=text, **article)  # type: ignore[arg-type]
        return pipeline.process(art)  # type: ignore[attr-defined, no-any-return]

    return run


@pytest.fixture(scope="session", autouse=True)
def gazetteer_cache(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The cache folder of every test: a temporary one (``SITREP_CACHE_DIR`` and ``XDG_CACHE_HOME``
    point there), holding a small gazetteer (towns of 15,000 people or more) built once per session.
    The user's own cache is never read or written by the tests."""
    from sitrep.knowledge.gazetteer import build

    root = tmp_path_factory.mktemp("cache")
    folder = root / "sitrep"
    saved = {name: os.environ.get(name) for name in ("SITREP_CACHE_DIR", "XDG_CACHE_HOME")}
    os.environ["XDG_CACHE_HOME"] = str(root)
    os.environ["SITREP_CACHE_DIR"] = str(folder)
    build(folder, cities="cities15000")
    yield folder
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
