"""The HTTP API over a store of the sample articles: filters, pages, one event's evidence, articles,
aggregates, errors as clear 422s, no stack traces, and ingesting only when enabled with a token."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="web tests need the web extra: pip install -e '.[web,dev]'")
pytest.importorskip("httpx", reason="web tests need httpx: pip install -e '.[dev]'")

from fastapi.testclient import TestClient

from _web_support import build_sample_store
from sitrep.cli import main
from sitrep.errors import ConfigError
from sitrep.web import create_app

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="session")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_sample_store(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def client(sample_url: str) -> Any:
    with TestClient(create_app(sample_url), raise_server_exceptions=False) as c:
        yield c


def test_web_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["ok"] is True and body["backend"] == "sqlite" and body["ingest"] is False


def test_web_events_filter_and_sort(client: TestClient) -> None:
    body = client.get("/api/events", params={"event_type": "Battles", "limit": 5, "sort": "date"}).json()
    events = body["events"]
    assert 0 < len(events) <= 5
    assert {e["event_type"] for e in events} == {"Battles"}
    dates = [(e["date"] or {}).get("low") or "" for e in events]
    assert dates == sorted(dates)
    for e in events:
        assert e["number_of_sources"] >= 1 and e["sources"] and "first_reported" in e


def test_web_events_cursor_pages_cover_everything_once(client: TestClient) -> None:
    total = client.get("/api/stats").json()["events"]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 7}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/events", params=params).json()
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize(("params", "needle"), [
    ({"event_type": "Skirmish"}, "event_type"),
    ({"sub_event_type": "Armed"}, "sub_event_type"),
    ({"since": "2017-13-01"}, "since: not a date"),
    ({"since": "2020", "until": "2019"}, "is after until"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "a,b,c,d"}, "bbox"),
    ({"bbox": "10,50,20,40"}, "bbox"),
    ({"bbox": "nan,1,2,3"}, "bbox"),
    ({"country": "SY"}, "country"),
    ({"limit": "0"}, "limit"),
    ({"limit": "1001"}, "limit"),
    ({"limit": "many"}, "limit"),
    ({"cursor": "not-a-cursor"}, "cursor"),
    ({"sort": "id; DROP TABLE events"}, "sort"),
    ({"min_sources": "0"}, "min_sources"),
    ({"actor": "x" * 201}, "actor"),
    ({"text": "a\x00b"}, "NUL"),
])
def test_web_events_bad_parameter_is_422_saying_which(client: TestClient, params: dict[str, str], needle: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["ok"] is False and body["status"] == 422 and needle in body["error"]
    assert "Traceback" not in r.text


def test_web_events_hostile_text_is_only_a_value(client: TestClient) -> None:
    before = client.get("/api/stats").json()["events"]
    for value in ("'; DROP TABLE events; --", "%", "_", "\\", "\" OR 1=1 --"):
        r = client.get("/api/events", params={"actor": value, "text": value})
        assert r.status_code == 200
    assert client.get("/api/stats").json()["events"] == before


def test_web_event_has_sources_evidence_and_spans(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 50}).json()["events"]
    with_spans = 0
    for e in first:
        body = client.get(f"/api/events/{e['event_id']}").json()
        assert body["event"]["event_id"] == e["event_id"]
        assert len(body["reports"]) == e["number_of_sources"]
        for report in body["reports"]:
            assert report["evidence"]["sentence"]
            article = client.get(f"/api/articles/{report['article_id']}").json()
            text = article["article"]["text"]
            ev = report["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["sentence"]
            for span in report["spans"].values():
                assert text[span["start"]:span["end"]] == span["text"]
                with_spans += 1
    assert with_spans > 20


def test_web_event_unknown_is_404(client: TestClient) -> None:
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404 and r.json()["ok"] is False


def test_web_article_mentions_index_its_text(client: TestClient) -> None:
    key = client.get("/api/events", params={"limit": 1}).json()["events"][0]["article_id"]
    record = client.get(f"/api/articles/{key}").json()
    text = record["article"]["text"]
    mentions = record["mentions"]
    assert mentions["actors"] and mentions["places"]
    for kind in ("actors", "places", "times", "quantities"):
        for m in mentions[kind]:
            assert text[m["start"]:m["end"]] == m["text"]
    assert client.get("/api/articles/samples/none.txt").status_code == 404


def test_web_geojson(client: TestClient) -> None:
    r = client.get("/api/events.geojson", params={"country": "SDN"})
    assert r.headers["content-type"].startswith("application/geo+json")
    body = r.json()
    assert body["type"] == "FeatureCollection" and body["features"]
    for f in body["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["properties"]["location"]["country"] == "SDN" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_web_aggregates(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 5}).json()["actors"]
    assert len(actors) == 5 and actors[0]["count"] >= actors[-1]["count"]
    places = client.get("/api/places", params={"country": "UKR"}).json()["places"]
    assert places and all(p["country"] == "UKR" for p in places)
    timeline = client.get("/api/timeline", params={"interval": "month"}).json()
    assert timeline["interval"] == "month" and timeline["total"] == client.get("/api/stats").json()["events"]
    layer = client.get("/api/map", params={"zoom": 3}).json()
    assert layer["mode"] == "points" and layer["points"]
    assert any(a["kind"] == "country" for a in layer["areas"])
    cells = client.get("/api/map", params={"zoom": 2, "max_points": 3}).json()
    assert cells["mode"] == "cells" and sum(c["count"] for c in cells["cells"]) == cells["located"]
    assert client.get("/api/timeline", params={"interval": "hour"}).status_code == 422
    assert client.get("/api/map", params={"zoom": 40}).status_code == 422


def test_web_meta_and_page(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert "Battles" in meta["event_types"] and meta["countries"]["SYR"]["numeric"] == "760"
    r = client.get("/")
    assert r.status_code in (200, 503)
    if r.status_code == 503:
        assert "npm ci" in r.text
    else:
        assert "<div id=\"map\"" in r.text and "https://" not in r.text  # nothing fetched from elsewhere
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_web_unexpected_error_is_a_plain_500(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.store import aggregate

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("secret detail /home/x/db.sqlite SELECT * FROM events")

    monkeypatch.setattr(aggregate, "places", boom)
    r = client.get("/api/places", params={"text": "unique-key-for-cache"})
    assert r.status_code == 500
    assert r.json() == {"ok": False, "error": "internal error; the server log has the details", "status": 500}
    assert "secret" not in r.text and "Traceback" not in r.text


def test_web_ingest_is_off_by_default(client: TestClient) -> None:
    r = client.post("/api/ingest", content=b'{"id": "x", "text": "Troops clashed in Aleppo on Monday."}\n')
    assert r.status_code == 403 and "--allow-ingest" in r.json()["error"]


def test_web_ingest_needs_a_token_to_be_enabled(sample_url: str) -> None:
    with pytest.raises(ConfigError, match="--token"):
        create_app(sample_url, allow_ingest=True)
    with pytest.raises(ConfigError, match="16 characters"):
        create_app(sample_url, allow_ingest=True, token="short")


def test_web_ingest_with_token(sample_url: str, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(sample_url.removeprefix("sqlite:///"), db)
    url = f"sqlite:///{db.as_posix()}"
    app = create_app(url, allow_ingest=True, token=TOKEN, max_body_bytes=4096)
    article = (b'{"id": "web/aleppo-1", "published": "2016-08-01", "title": "Clashes in Aleppo", '
               b'"text": "Clashes in Aleppo\\n\\nALEPPO, Aug 1 (Wire) - Syrian government forces clashed with rebels '
               b'in Aleppo on Monday, killing at least 12 fighters, a monitoring group said."}\n')
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.post("/api/ingest", content=article).status_code == 401
        assert c.post("/api/ingest", content=article, headers={"Authorization": "Bearer wrong-token-000000"}
                      ).status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert c.post("/api/ingest", content=b"x" * 5000, headers=auth).status_code == 413
        assert c.post("/api/ingest", content=b"  ", headers=auth).status_code == 422
        before = c.get("/api/stats").json()["articles"]
        r = c.post("/api/ingest", content=article + b"not json\n", headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["added"] == 1 and len(body["failed"]) == 1
        assert c.get("/api/stats").json()["articles"] == before + 1
        assert c.get("/api/articles/web/aleppo-1").status_code == 200


def test_web_serve_command_is_registered(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--allow-ingest" in out and "--token" in out and "--tiles" in out
