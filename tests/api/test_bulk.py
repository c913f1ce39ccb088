"""Bulk downloads: ``igr export`` and the Data page, over the demonstration with planted drafts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sqlite3

import pytest
from django.core.management import CommandError, call_command

from igr.api import bulk
from igr.register.models import Meeting

from .conftest import MARKER, plant_drafts
from .test_api import walk

pytestmark = pytest.mark.django_db

MADE_AT = dt.datetime(2026, 3, 4, 10, 30, tzinfo=dt.UTC)
DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}$")


@pytest.fixture
def exported(register, tmp_path, settings):
    settings.IGR_EXPORT_DIR = tmp_path / "export"
    plant_drafts()
    seed = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    seed.location_en = '=HYPERLINK("http://example.org","Cardiff")'
    seed.save()
    bulk.export(settings.IGR_EXPORT_DIR, MADE_AT)
    return settings.IGR_EXPORT_DIR


def test_the_sqlite_file_holds_what_the_api_answers(client, exported):
    database = sqlite3.connect(exported / bulk.SQLITE_NAME)
    count = {
        name: database.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for (name,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    for table, path in (
        ("meetings", "meetings"),
        ("bodies", "bodies"),
        ("people", "people"),
        ("agreements", "agreements"),
        ("obligations", "obligations"),
    ):
        assert count[table] == len(walk(client, f"/api/v1/{path}", limit=200)), table
    details = [
        client.get(f"/api/v1/meetings/{m['reference']}").json() for m in walk(client, "/api/v1/meetings")
    ]
    assert count["attendance"] == sum(len(d["attendance"]) for d in details)
    assert count["agenda_items"] == sum(len(d["agenda"]) for d in details)
    assert count["editions"] == sum(len(p["editions"]) for d in details for p in d["published_documents"])
    assert count["meetings"] > 5 and count["editions"] >= 2
    meta = dict(database.execute("SELECT name, value FROM _metadata"))
    assert (
        meta["licence"] == "Open Government Licence v3.0"
        and meta["generated_at"] == "2026-03-04T10:30:00+00:00"
    )
    position = database.execute(
        "SELECT position_cy, position_published_in FROM agenda_items WHERE position_cy LIKE '%siom%'"
    ).fetchone()
    assert position and position[1]
    datasette = json.loads((exported / "metadata.json").read_text())
    assert (
        datasette["license"] == "Open Government Licence v3.0"
        and "meetings" in datasette["databases"]["igr-register"]["tables"]
    )


def test_no_draft_reaches_any_file_and_csv_cells_cannot_run(exported):
    for path in exported.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes().lower(), path
    manifest = json.loads((exported / "manifest.json").read_text())
    assert manifest["licence"]["name"] == "Open Government Licence v3.0"
    assert manifest["generated_at"] == "2026-03-04T10:30:00+00:00"
    csv_files = [f for f in manifest["files"] if f["format"] == "csv"]
    assert {f["table"] for f in csv_files} >= {
        "meetings",
        "attendance",
        "agenda_items",
        "people",
        "tenures",
        "obligations",
    }
    text = (exported / "csv" / "meetings.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == manifest["counts"]["meetings"]
    seed = next(r for r in rows if r["reference"] == "img-safety-security-migration/2023-07-11")
    assert seed["location_en"].startswith("'=HYPERLINK") and seed["body_name_cy"].startswith("Grŵp")
    everything = json.loads((exported / bulk.JSON_NAME).read_text())
    assert (
        everything["licence"]["url"].endswith("/version/3/")
        and everything["generated_at"] == manifest["generated_at"]
    )
    assert {k: len(v) for k, v in everything["tables"].items()} == manifest["counts"]


def test_popolo_people_organisations_and_memberships_refer_to_each_other(exported):
    popolo = json.loads((exported / bulk.POPOLO_NAME).read_text())
    persons, organizations, posts = (
        {o["id"] for o in popolo[k]} for k in ("persons", "organizations", "posts")
    )
    assert (
        persons
        and organizations
        and posts
        and popolo["meta"]["licence"]["name"].startswith("Open Government")
    )
    for membership in popolo["memberships"]:
        assert membership["organization_id"] in organizations
        assert membership.get("person_id") in persons or membership["member"]["id"] in organizations
        assert membership.get("post_id", next(iter(posts))) in posts
        assert all(DATE.match(membership[d]) for d in ("start_date", "end_date") if d in membership)
    for post in popolo["posts"]:
        assert post["organization_id"] in organizations
    welsh = [n for o in popolo["organizations"] for n in o["other_names"] if n.get("lang") == "cy"]
    assert any(n["name"].startswith("Llywodraeth") for n in welsh)
    assert all(link["url"] for p in popolo["persons"] for link in p["links"])


@pytest.mark.parametrize(
    "language, heading, licence",
    [
        ("en", "Downloads", "Open Government Licence v3.0"),
        ("cy", "Lawrlwythiadau", "Trwydded Llywodraeth Agored v3.0"),
    ],
)
def test_the_data_page_offers_every_file_with_its_licence_and_time(
    client, exported, language, heading, licence
):
    page = client.get(f"/{language}/data/")
    html = page.content.decode()
    assert page.status_code == 200 and heading in html and licence in html
    assert ("4 March 2026" if language == "en" else "4 Mawrth 2026") in html
    links = re.findall(rf'href="(/{language}/data/files/[^"]+)"', html)
    manifest = json.loads((exported / "manifest.json").read_text())
    assert len(links) == len(manifest["files"])
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
        assert b"".join(response.streaming_content)
    assert client.get(f"/{language}/data/files/manifest.json").status_code == 404
    assert client.get(f"/{language}/data/files/..%2Fsecret.json").status_code == 404


def test_the_data_page_before_any_export_says_so(client, db, settings, tmp_path):
    settings.IGR_EXPORT_DIR = tmp_path / "none"
    assert "No downloads have been made yet." in client.get("/en/data/").content.decode()
    assert client.get("/en/data/files/igr-register.sqlite").status_code == 404


def test_the_command_writes_an_export_and_refuses_a_file_as_its_folder(register, tmp_path):
    out = io.StringIO()
    call_command("export", str(tmp_path / "out"), stdout=out)
    assert "meetings: " in out.getvalue() and (tmp_path / "out" / bulk.SQLITE_NAME).exists()
    (tmp_path / "file").write_text("x")
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("export", str(tmp_path / "file"))
    assert not list((tmp_path / "out").glob(".export-*"))
