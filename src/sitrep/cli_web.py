"""``sitrep serve``: the HTTP API and the map page over a store.

Registered on the main ``sitrep`` group by :mod:`sitrep.cli`; errors are handled there.
"""

from __future__ import annotations

import os
from typing import Any

import click

from .settings import SETTING_HELP, Settings

__all__ = ["register"]


def register(cli: click.Group) -> None:
    @cli.command("serve")
    @click.option("--db", metavar="URL", help=SETTING_HELP["db"])
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to listen on; 0.0.0.0 makes the server reachable from other machines.")
    @click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
    @click.option("--allow-ingest", is_flag=True,
                  help="Accept articles over HTTP (POST /api/ingest); needs --token. Off by default: read-only.")
    @click.option("--token", metavar="TOKEN",
                  help="Secret that ingest requests must send as 'Authorization: Bearer TOKEN' "
                       "(default: $SITREP_TOKEN); 16 characters or more.")
    @click.option("--tiles", metavar="URL",
                  help="A tile server URL template for a base map, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                       "(default: none; country borders are drawn offline).")
    @click.option("--tiles-attribution", metavar="TEXT", help="Attribution shown for --tiles.")
    @click.option("--workers", type=click.IntRange(1, 64), default=8, show_default=True,
                  help="Database connections kept for requests.")
    @click.pass_obj
    def serve_cmd(obj: dict[str, Any], db: str | None, host: str, port: int, allow_ingest: bool, token: str | None,
                  tiles: str | None, tiles_attribution: str | None, workers: int) -> None:
        """Serve the HTTP API (documented at /docs) and the map-and-timeline page over a store."""
        try:
            import uvicorn

            from .web import create_app
            from .web.app import assets_built
        except ImportError as e:
            raise click.ClickException(f"sitrep serve needs the web extra: pip install 'sitrep[web]' ({e.name} "
                                       "is missing)") from None
        settings = Settings.from_env().with_(db=db)
        app = create_app(settings.db, allow_ingest=allow_ingest, token=token or os.environ.get("SITREP_TOKEN"),
                         tiles=tiles, tiles_attribution=tiles_attribution, pool_size=workers)
        shown = "localhost" if host in ("127.0.0.1", "::1") else host
        if not obj.get("quiet"):
            click.echo(f"sitrep: serving {settings.db} on http://{shown}:{port}/ (API: http://{shown}:{port}/docs); "
                       "Ctrl-C stops", err=True)
            if not assets_built():
                click.echo("sitrep: the map page's libraries are not built: run `npm ci && npm run build` in the "
                           "repository; the API works without them", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
