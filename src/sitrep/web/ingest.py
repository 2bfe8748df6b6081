"""``POST /api/ingest``: add articles over HTTP, only when the server was started to allow it.

Off by default. When on (``sitrep serve --allow-ingest --token T``) a request needs the header
``Authorization: Bearer T``; the body (JSON Lines of articles, as ``sitrep extract -`` reads them)
is counted while it streams and refused past the size limit, before anything is parsed. One ingest
runs at a time, through a store opened for writing for that request.
"""

from __future__ import annotations

import hmac
import io
import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from starlette.concurrency import run_in_threadpool

from .jsonresponse import JSONBytes

__all__ = ["router"]

router = APIRouter()
_WRITE_LOCK = threading.Lock()


def _authorise(request: Request) -> None:
    state = request.app.state
    if not state.allow_ingest:
        raise HTTPException(403, "ingesting over HTTP is off; start the server with --allow-ingest --token TOKEN")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given or not hmac.compare_digest(given.strip().encode(),
                                                                          str(state.token).encode()):
        raise HTTPException(401, "give the server's token as the header 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is over the limit of {limit} bytes; send fewer articles per request")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is over the limit of {limit} bytes; send fewer articles per request")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(db_url: str, body: bytes) -> dict[str, Any]:
    from ..settings import Settings
    from ..store import open_store
    from ..store.ingest import ingest

    with _WRITE_LOCK, open_store(db_url) as store:
        summary = ingest(["-"], store, settings=Settings.from_env().with_(db=db_url), stdin=io.BytesIO(body))
    s = summary.stored
    return {"ok": True, "read": summary.read, "added": s.added, "updated": s.updated, "unchanged": s.unchanged,
            "reports": s.reports, "merged": s.merged, "near_duplicates": s.near_duplicates,
            "failed": [{"line": f.line, "kind": f.kind, "message": f.detail} for f in summary.failed]}


@router.post("/api/ingest", tags=["ingest"], summary="Extract and store articles (off unless enabled)",
             responses={401: {"description": "no or wrong token"}, 403: {"description": "ingesting is off"},
                        413: {"description": "body over the size limit"}})
async def ingest_articles(request: Request) -> Response:
    """Body: JSON Lines, one article per line: ``{"id", "text", "title"?, "published"?, "url"?,
    "source"?}``. Each is extracted, stored and merged as ``sitrep ingest`` would; lines that cannot
    be read are listed under ``failed`` and the rest are stored."""
    _authorise(request)
    body = await _body(request, int(request.app.state.max_body_bytes))
    if not body.strip():
        raise HTTPException(422, "the body is empty; send JSON Lines of articles: {\"id\": ..., \"text\": ...}")
    result = await run_in_threadpool(_ingest, request.app.state.db_url, body)
    request.app.state.cache.clear()
    return JSONBytes(result)
