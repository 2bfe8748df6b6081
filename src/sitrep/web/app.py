"""The web app: the API routers, the page, and one place where errors become responses.

:func:`create_app` builds a FastAPI app over a store URL. Errors reach a client only as
``{"ok": false, "error": "...", "status": N}``: a bad parameter is a 422 saying which and why; a
store that cannot be read is a 503; anything unexpected is logged here with its traceback and
answered with a plain 500 — never a stack trace, file path or SQL.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import FileResponse, HTMLResponse

from .. import __version__
from ..errors import ConfigError, StoreError
from .api import meta_document, router
from .ingest import router as ingest_router
from .jsonresponse import JSONBytes
from .pool import AggregateCache, StorePool

__all__ = ["STATIC", "assets_built", "create_app"]

log = logging.getLogger(__name__)
STATIC = Path(str(resources.files("sitrep.web") / "static"))
_VENDOR_MARKER = STATIC / "vendor" / "leaflet" / "leaflet.js"
_NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>sitrep</title>
<h1>sitrep: the map page's libraries are not built</h1>
<p>The API works (see <a href="/docs">/docs</a>). To build the page's front-end libraries, run from the
repository root: <code>npm ci &amp;&amp; npm run build</code>, then reload.</p>"""


def assets_built() -> bool:
    """Whether the front-end libraries have been copied into the package by ``npm run build``."""
    return _VENDOR_MARKER.is_file()


def _error(status: int, message: str) -> JSONBytes:
    return JSONBytes({"ok": False, "error": message, "status": status}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        msg = str(err.get("msg", "invalid value"))
        value = err.get("input")
        shown = f" (got {str(value)[:60]!r})" if isinstance(value, (str, int, float)) and err.get("type") != "missing" \
            else ""
        parts.append(f"{name}: {msg}{shown}")
    return "; ".join(parts) or "invalid request"


def _csp(tiles: str | None) -> str:
    img = "'self' data:"
    if tiles:
        from urllib.parse import urlsplit

        parts = urlsplit(tiles.replace("{s}", "a"))
        if parts.scheme in ("http", "https") and parts.netloc:
            host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parts.netloc
            img += f" {parts.scheme}://{host}"
    return (f"default-src 'self'; img-src {img}; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


def create_app(db_url: str, *, allow_ingest: bool = False, token: str | None = None, tiles: str | None = None,
               tiles_attribution: str | None = None, pool_size: int = 8, max_body_bytes: int = 16 * 1024 * 1024,
               check: bool = True) -> FastAPI:
    """The app serving the store at ``db_url`` read-only; ``allow_ingest`` (with a ``token``) adds
    ``POST /api/ingest``. ``tiles`` is an optional tile URL template for a base map."""
    if allow_ingest and not token:
        raise ConfigError("--allow-ingest needs --token (or SITREP_TOKEN): ingesting over HTTP is never open")
    if token is not None and len(token) < 16:
        raise ConfigError("--token: use at least 16 characters (e.g. the output of `openssl rand -hex 24`)")
    pool = StorePool(db_url, size=pool_size)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Conflict events extracted from news, merged across reports, with the evidence "
                              "behind every field. Read-only unless started with --allow-ingest.")
    app.state.pool = pool
    app.state.cache = AggregateCache()
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.db_url = db_url
    app.state.max_body_bytes = max_body_bytes
    app.state.meta = meta_document(tiles, tiles_attribution)
    if check:
        app.state.pool.check()
    csp = _csp(tiles)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        return _error(422, _validation_message(exc))

    @app.exception_handler(ConfigError)
    async def _config(_: Request, exc: ConfigError) -> Response:
        return _error(422, str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s %s: %s", request.method, request.url.path, exc)
        return _error(503, "the event store could not be read; the server log says why")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        response = _error(exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return _error(500, "internal error; the server log has the details")

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", csp)
        return response

    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.include_router(router)
    app.include_router(ingest_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> Response:
        if not assets_built():
            return HTMLResponse(_NOT_BUILT, status_code=503)
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        if not assets_built():
            return HTMLResponse(_NOT_BUILT, status_code=503)
        return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    return app
