"""The store's commands end to end: ingest (articles and stored results), events, export, why, split,
db info; broken inputs; a damaged database; and a kill -9 in the middle of a large ingest."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from sitrep.cli import main
from store_helpers import clash_report

SITREP = Path(sys.executable).parent / "sitrep"
ARTICLE = ("Clashes in Raqqa\n\nFighters of the Syrian Democratic Forces clashed with Islamic State militants in "
           "Raqqa on Monday, killing four, a monitoring group said.\n")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": ARTICLE.replace("four", "five"), "published": "2017-10-17",
                    "source": "Example News"}) + "\n" + '{"id": "broken"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITREP_DB", raising=False)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_then_query_export_why_split(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{folder / 'events.db'}"
    code, _, err = run(["ingest", "in", "--db", db, "--published", "2017-10-16"], capsys)
    assert code == 3  # one broken JSONL line; the rest is stored
    assert "problem: in/b.jsonl:2" in err and "2 articles read (2 new" in err

    code, _, err = run(["ingest", "in", "--db", db, "--published", "2017-10-16"], capsys)
    assert "0 new, 0 updated, 2 unchanged" in err

    code, out, _ = run(["events", "--db", db, "--country", "SYR"], capsys)
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert events and all(e["location"]["country"] == "SYR" for e in events)
    merged = max(events, key=lambda e: e["number_of_sources"])
    assert merged["number_of_sources"] == 2
    assert {s["article_id"] for s in merged["sources"]} == {"in/a.txt", "b1"}

    code, out, _ = run(["events", "--db", db, "--country", "IRQ"], capsys)
    assert (code, out) == (0, "")

    code, out, _ = run(["export", "--db", db, "--format", "csv"], capsys)
    assert out.splitlines()[0].startswith("event_id,event_date,time_precision,event_type")

    code, out, _ = run(["why", merged["event_id"], "--db", db], capsys)
    why = json.loads(out)
    assert {r["article_id"] for r in why["reports"]} == {"in/a.txt", "b1"}
    assert all(r["evidence"]["sentence"] for r in why["reports"])

    code, out, _ = run(["split", merged["event_id"], "b1", "--db", db], capsys)
    assert code == 0 and out.strip()
    code, out, _ = run(["db", "info", "--db", db], capsys)
    info = json.loads(out)
    assert info["articles"] == 2 and info["failures"] == 1 and info["merged_events"] == 0


def test_events_on_a_damaged_database_is_a_clear_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "notes.db").write_text("not a database\n", encoding="utf-8")
    code, _, err = run(["events", "--db", "notes.db"], capsys)
    assert code == 1
    assert err.startswith("Error: notes.db: not a SQLite database")
    code, _, err = run(["events", "--db", "missing.db"], capsys)
    assert code == 1 and "no such database file" in err


def test_bad_filter_is_a_clear_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{folder / 'events.db'}"
    run(["ingest", "in/a.txt", "--db", db], capsys)
    code, _, err = run(["events", "--db", db, "--since", "last week"], capsys)
    assert code == 1 and "since: not a date" in err
    code, _, err = run(["events", "--db", db, "--bbox", "1,2,3"], capsys)
    assert code == 2 and "west,south,east,north" in err


@pytest.mark.slow
@pytest.mark.parametrize("bulk", [False, True], ids=["plain", "bulk"])
def test_kill_9_during_a_large_ingest_loses_and_duplicates_nothing(tmp_path: Path, bulk: bool) -> None:
    """10,000 stored results; the ingest process is killed with SIGKILL after a few batches have been
    committed; a second run finishes the job: every article once, every report once. A bulk load
    killed so leaves the query indexes dropped; the second run builds them again."""
    n = 10_000
    results = tmp_path / "results.jsonl"
    with results.open("wb") as fh:
        for i in range(n):
            # distinct places and days: no merging, so counts are exact
            rec = clash_report(f"k{i}", f"Fighters clashed in Town{i} on Monday, report {i}.",
                               place=(f"Town{i}", -60 + (i % 120), -170 + (i // 120) * 4, "SYR"),
                               day=f"{2000 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}")
            fh.write(orjson.dumps(rec) + b"\n")
    db = tmp_path / "kill.db"
    argv = [str(SITREP), "-q", "ingest", str(results), "--db", str(db), "--batch", "100", *(["--bulk"] if bulk else [])]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue  # the schema is being created
            if stored >= 1000:
                break
    assert proc.poll() is None, "the ingest finished before it could be killed; make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with sqlite3.connect(db) as conn:
        after_kill = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert after_kill >= 1000 and after_kill % 100 == 0  # whole batches only
        assert conn.execute("SELECT COUNT(*) FROM event_sources").fetchone()[0] == after_kill
        indexes_after_kill = _event_indexes(conn)
        left = conn.execute("SELECT COUNT(*) FROM store_meta WHERE key = 'bulk_load_dropped_indexes'").fetchone()[0]
        assert (not indexes_after_kill and left == 1) if bulk else (len(indexes_after_kill) >= 5 and left == 0)

    done = subprocess.run([argv[0], *argv[2:]], capture_output=True, text=True, check=False)  # without -q
    assert done.returncode == 0, done.stderr
    assert f"{after_kill} unchanged" in done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n
        assert conn.execute("SELECT COUNT(DISTINCT key) FROM articles").fetchone()[0] == n
        assert conn.execute("SELECT COUNT(*) FROM event_sources").fetchone()[0] == n
        assert conn.execute("SELECT COUNT(DISTINCT report_key) FROM event_sources").fetchone()[0] == n
        assert conn.execute("SELECT SUM(number_of_sources) FROM events").fetchone()[0] == n
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(_event_indexes(conn)) >= 5
        assert conn.execute("SELECT COUNT(*) FROM store_meta WHERE key = 'bulk_load_dropped_indexes'").fetchone()[0] == 0


def _event_indexes(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
                                       "AND sql IS NOT NULL")]
