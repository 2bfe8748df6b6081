"""The API fuzzed against its own OpenAPI schema (schemathesis): whatever a client sends, the
server answers without a 5xx, and every error is the documented JSON shape."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="web tests need the web extra: pip install -e '.[web,dev]'")
schemathesis = pytest.importorskip("schemathesis", reason="the fuzz test needs schemathesis: pip install -e '.[dev]'")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from _web_support import build_sample_store  # noqa: E402
from sitrep.web import create_app  # noqa: E402

# The app is made at import (schemathesis reads its schema while collecting) over a store that the
# fixture below builds before the first request; the pool opens connections only when asked.
_FOLDER = Path(tempfile.mkdtemp(prefix="sitrep-web-fuzz-"))
_APP = create_app(f"sqlite:///{(_FOLDER / 'web-samples.db').as_posix()}", allow_ingest=True,
                  token="fuzz-token-0123456789", max_body_bytes=2048, check=False)
schema = schemathesis.openapi.from_asgi("/openapi.json", _APP)


@pytest.fixture(scope="module", autouse=True)
def _store() -> Iterator[None]:
    build_sample_store(_FOLDER)
    yield
    _APP.state.pool.close()
    shutil.rmtree(_FOLDER, ignore_errors=True)


def _error_shape(ctx: Any, response: Any, case: Any) -> bool | None:
    if response.status_code >= 400:
        body = response.json()
        assert body["ok"] is False and isinstance(body["error"], str) and body["status"] == response.status_code
        assert "Traceback" not in response.text
    return None


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_web_fuzz_no_server_errors(case: Any) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    _error_shape(None, response, case)
