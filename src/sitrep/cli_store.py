"""The store's commands: ``ingest``, ``events``, ``export``, ``why``, ``split`` and ``db info``.

Registered on the main ``sitrep`` group by :mod:`sitrep.cli`; errors are handled there.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from .interchange import dumps
from .settings import SETTING_HELP, Settings
from .store.export import EXPORT_FORMATS, write_events
from .store.query import SORTS, EventQuery
from .vocab import EventType, SubEventType

__all__ = ["register"]

_DB = click.option("--db", metavar="URL", help=SETTING_HELP["db"])


def _bbox(_: click.Context, __: click.Parameter, value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter("give four numbers: west,south,east,north (e.g. 35.5,32,42.5,37.5)") from None
    if len(parts) != 4:
        raise click.BadParameter("give four numbers: west,south,east,north (e.g. 35.5,32,42.5,37.5)")
    return parts


def _filters(f: Any) -> Any:
    options = [
        click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)."),
        click.option("--until", metavar="DATE", help="Events on or before DATE."),
        click.option("--type", "event_type", type=click.Choice([str(t) for t in EventType]),
                     help="ACLED event type."),
        click.option("--sub-type", "sub_event_type", type=click.Choice([str(t) for t in SubEventType]),
                     metavar="SUB-TYPE", help="ACLED sub-event type, e.g. 'Armed clash'."),
        click.option("--actor", metavar="NAME", help="Part of either actor's name, any case."),
        click.option("--country", metavar="ISO3", help="Country, as an ISO 3166-1 alpha-3 code (SYR)."),
        click.option("--bbox", metavar="W,S,E,N", callback=_bbox, help="Only events inside this box (degrees)."),
        click.option("--text", metavar="WORDS", help="Words that must all occur in the evidence, actors or place."),
        click.option("--min-sources", type=click.IntRange(min=1), help="Events told by at least this many articles."),
        click.option("--sort", type=click.Choice(list(SORTS)), default="-date", show_default=True,
                     help="Order: by date, fatalities or number of sources; '-' for descending."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _query(kw: dict[str, Any], limit: int) -> EventQuery:
    return EventQuery(since=kw["since"], until=kw["until"], event_type=kw["event_type"],
                      sub_event_type=kw["sub_event_type"], actor=kw["actor"], country=kw["country"],
                      bbox=kw["bbox"], text=kw["text"], min_sources=kw["min_sources"], sort=kw["sort"],
                      limit=limit).checked()


def register(cli: click.Group, exit_codes: str, make_progress: Any, open_out: Any, open_problems: Any) -> None:
    from .store import open_store
    from .store.ingest import ingest

    @cli.command("ingest", epilog=exit_codes)
    @click.argument("paths", nargs=-1, required=True, metavar="PATH...")
    @_DB
    @click.option("--problems", type=click.Path(dir_okay=False), metavar="FILE",
                  help="Also write the inputs that could not be read to FILE, a JSON line each.")
    @click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
    @click.option("--published", metavar="DATE", help=SETTING_HELP["published"])
    @click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR", help=SETTING_HELP["cache_dir"])
    @click.option("--actors", type=click.Path(dir_okay=False), metavar="FILE", help=SETTING_HELP["actors"])
    @click.option("--batch", "ingest_batch", metavar="N", help=SETTING_HELP["ingest_batch"])
    @click.option("--bulk", is_flag=True,
                  help="A large load into a SQLite store: drop the indexes only queries use and build them "
                       "once at the end (faster for hundreds of thousands of events; queries "
                       "meanwhile are slow). A killed load gets them back at the next ingest.")
    @click.pass_obj
    def ingest_cmd(obj: dict[str, Any], paths: tuple[str, ...], db: str | None, problems: str | None,
                   progress: bool | None, published: str | None, cache_dir: str | None, actors: str | None,
                   ingest_batch: str | None, bulk: bool) -> None:
        """Extract events from articles (or read stored `extract --format docs` results) and store them,
        merging reports of one event. Safe to re-run: stored articles are skipped, changed ones updated."""
        settings = Settings.from_env().with_(db=db, published=published, cache_dir=cache_dir, actors=actors,
                                             ingest_batch=ingest_batch)
        show = (sys.stderr.isatty() if progress is None else progress) and not obj["quiet"]
        with open_store(settings.db) as store, open_problems(problems) as problem_file:
            tick, stop = make_progress(show)
            try:
                def advance(n: int) -> None:
                    for _ in range(n):
                        tick(None)

                summary = ingest(paths, store, settings=settings, on_item=advance if tick else None, bulk=bulk)
                if summary.stored.added or summary.stored.updated:
                    store.optimize()
            finally:
                stop()
            for failure in summary.failed:
                click.echo(f"problem: {failure}", err=True)
                if problem_file is not None:
                    problem_file.write(dumps({"source": failure.source, "line": failure.line, "kind": failure.kind,
                                              "message": failure.detail}) + b"\n")
        if not obj["quiet"]:
            click.echo(f"sitrep: {summary.line()}; store: {store.label}", err=True)
        sys.exit(int(summary.exit_status))

    @cli.command("events")
    @_DB
    @_filters
    @click.option("--format", "-f", "fmt", type=click.Choice(["events", "csv", "geojson"]), default="events",
                  show_default=True, help="events: a JSON line per merged event; csv: ACLED's columns; geojson.")
    @click.option("--limit", type=click.IntRange(min=1), help="At most this many events (default: all).")
    @click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                  help="Write here instead of standard output.")
    def events_cmd(db: str | None, fmt: str, limit: int | None, out: str, **kw: Any) -> None:
        """Merged events from the store, filtered and sorted."""
        settings = Settings.from_env().with_(db=db)
        q = _query(kw, 100)
        with open_store(settings.db, readonly=True) as store, open_out(out) as stream:
            events = store.iter_events(q)
            if limit is not None:
                events = (e for i, e in zip(range(limit), events, strict=False))
            write_events(events, fmt, stream)

    @cli.command("export")
    @_DB
    @_filters
    @click.option("--format", "-f", "fmt", type=click.Choice([f for f in EXPORT_FORMATS if f != "events"]),
                  default="csv", show_default=True,
                  help="csv: ACLED-compatible columns; jsonl: the contract's events; geojson; parquet.")
    @click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                  help="Write here instead of standard output.")
    def export_cmd(db: str | None, fmt: str, out: str, **kw: Any) -> None:
        """Every merged event matching the filters, as one file."""
        settings = Settings.from_env().with_(db=db)
        q = _query(kw, 1000)
        if fmt == "parquet" and out in ("-", None):
            raise click.UsageError("Parquet is binary: give --out FILE.parquet")
        with open_store(settings.db, readonly=True) as store, open_out(out) as stream:
            n = write_events(store.iter_events(q), fmt, stream)
        click.echo(f"sitrep: {n} events exported", err=True)

    @cli.command("why")
    @click.argument("event_id")
    @_DB
    def why_cmd(event_id: str, db: str | None) -> None:
        """The reports, sentences and spans behind a merged event, and why each report joined it (JSON)."""
        settings = Settings.from_env().with_(db=db)
        with open_store(settings.db, readonly=True) as store:
            click.echo(dumps(store.why(event_id), indent=True).decode("utf-8"))

    @cli.command("split")
    @click.argument("event_id")
    @click.argument("article_id")
    @_DB
    def split_cmd(event_id: str, article_id: str, db: str | None) -> None:
        """Undo a wrong merge: take ARTICLE_ID's report out of EVENT_ID into an event of its own.
        It will not be merged into EVENT_ID again."""
        settings = Settings.from_env().with_(db=db)
        with open_store(settings.db) as store:
            new_id = store.split(event_id, article_id)
        click.echo(new_id)

    @cli.group("db")
    def db_group() -> None:
        """Describe the event store."""

    @db_group.command("info")
    @_DB
    def db_info_cmd(db: str | None) -> None:
        """Counts of articles, events, merges and failures in the store (JSON)."""
        settings = Settings.from_env().with_(db=db)
        with open_store(settings.db, readonly=True) as store:
            click.echo(dumps({"store": store.label, **store.stats()}, indent=True).decode("utf-8"))
