"""The meetings list: every filter with its counts, sorting, pages, and the same rows as CSV and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from igr.register.models import Meeting

from .factories import make_meetings

pytestmark = pytest.mark.django_db


def _json(client, url: str, **params) -> list[dict]:
    response = client.get(url, {**params, "format": "json"})
    assert response["Content-Type"].startswith("application/json")
    return json.loads(b"".join(response.streaming_content))


def _csv(client, url: str, **params) -> list[dict]:
    response = client.get(url, {**params, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body": "img-elections"}, 3),
        ({"government": "wales"}, None),
        ({"person": "jane-hutt"}, None),
        ({"year": "2023"}, None),
        ({"status": "held"}, None),
        ({"mode": "virtual"}, None),
        ({"body": "img-safety-security-migration", "year": "2023", "mode": "virtual"}, None),
    ],
)
def test_each_filter_selects_the_same_meetings_on_the_page_and_in_csv_and_json(
    client, demo, params, expected
):
    meetings = Meeting.objects.filter(published=True)
    if "body" in params:
        meetings = meetings.filter(body__key=params["body"])
    if "government" in params:
        meetings = meetings.filter(attendances__government__key=params["government"]).distinct()
    if "person" in params:
        meetings = meetings.filter(attendances__person__key=params["person"]).distinct()
    if "year" in params:
        meetings = meetings.filter(date__year=int(params["year"]))
    for field in ("status", "mode"):
        if field in params:
            meetings = meetings.filter(**{field: params[field]})
    references = sorted(meetings.values_list("reference", flat=True))
    assert references and (expected is None or len(references) == expected)
    assert sorted(r["reference"] for r in _json(client, "/en/meetings/", **params)) == references
    assert sorted(r["reference"] for r in _csv(client, "/cy/meetings/", **params)) == references
    html = client.get("/en/meetings/", params).content.decode()
    assert (f"{len(references)} meetings" if len(references) != 1 else "1 meeting") in html
    for reference in references:
        assert f"/en/meetings/{reference}/" in html


def test_facets_show_how_many_meetings_each_choice_selects(client, demo):
    from igr.register.models import Body

    html = client.get("/en/meetings/").content.decode()
    assert (
        f'<option value="img-elections">{Body.objects.get(key="img-elections").name_en} (3)</option>' in html
    )
    assert '<option value="wales">Welsh Government (' in html
    # counts follow the other filters: within the elections IMG, only its years are offered
    html = client.get("/en/meetings/", {"body": "img-elections"}).content.decode()
    years = Meeting.objects.filter(body__key="img-elections").dates("date", "year")
    for year in years:
        assert f'<option value="{year.year}">' in html


def test_sorting_and_pages(client, reference):
    make_meetings(120)
    newest = client.get("/en/meetings/").content.decode()
    assert "/en/meetings/imsc/2024-04-08/" in newest and "/en/meetings/imsc/2022-01-10/" not in newest
    oldest = client.get("/en/meetings/", {"sort": "oldest"}).content.decode()
    assert "/en/meetings/imsc/2022-01-10/" in oldest and "Page 1 of 3" in oldest
    assert "sort=oldest&amp;page=2" in oldest
    page3 = client.get("/cy/meetings/", {"sort": "oldest", "page": 3}).content.decode()
    assert "Tudalen 3 o 3" in page3 and "/cy/meetings/imsc/2024-04-08/" in page3
    rows = _json(client, "/en/meetings/", sort="oldest")
    assert len(rows) == 120 and rows[0]["reference"] == "imsc/2022-01-10"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Some filters were not understood"),
        ("cy", "Nid oedd modd deall rhai hidlyddion"),
    ],
)
def test_bad_filter_values_are_reported_in_the_page_language(client, demo, language, message):
    response = client.get(f"/{language}/meetings/", {"year": "twenty", "status": "bogus", "page": "x"})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("url", ["/en/bodies/", "/en/people/", "/en/agreements/"])
def test_every_list_has_csv_and_json(client, demo, url):
    rows = _json(client, url)
    assert rows == [] if url.endswith("agreements/") else rows
    assert len(_csv(client, url)) == len(rows)


def test_bodies_export_has_both_languages(client, demo):
    rows = {r["key"]: r for r in _json(client, "/cy/bodies/")}
    assert (
        rows["img-safety-security-migration"]["name_cy"]
        == "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo"
    )
    assert rows["img-elections"]["meeting_count"] == 3


def test_upcoming_and_overdue_on_the_home_page(client, demo):
    from igr.register.models import Body

    body = Body.objects.get(key="imsc")
    Meeting.objects.create(body=body, date=dt.date.today() - dt.timedelta(days=60), status="held")
    html = client.get("/en/").content.decode()
    assert "Statements overdue" in html
    assert f"/en/meetings/imsc/{dt.date.today() - dt.timedelta(days=60):%Y-%m-%d}/" in html
    assert "Datganiadau hwyr" in client.get("/cy/").content.decode()
