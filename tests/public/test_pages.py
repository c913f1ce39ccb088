"""The public pages of the foundation: home, meetings, a meeting by its reference, bodies; both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from igr.register.models import Body, Meeting

pytestmark = pytest.mark.django_db

SEED_URL = "meetings/img-safety-security-migration/2023-07-11/"


def test_root_redirects_by_browser_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="cy")["Location"] == "/cy/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/en/"


@pytest.mark.parametrize(("language", "heading"), [("en", "Recent meetings"), ("cy", "Cyfarfodydd diweddar")])
def test_home_lists_recent_and_upcoming_meetings(client, demo, language, heading):
    body = Body.objects.get(key="imsc")
    Meeting.objects.create(body=body, date=dt.date.today() + dt.timedelta(days=20), status="confirmed")
    html = client.get(f"/{language}/").content.decode()
    assert heading in html
    assert ("Upcoming meetings" if language == "en" else "Cyfarfodydd i ddod") in html
    assert (
        "Interministerial Standing Committee" if language == "en" else "Pwyllgor Sefydlog Rhyngweinidogol"
    ) in html
    assert f'<html lang="{language}"' in html
    assert 'hreflang="cy"' in html and 'hreflang="en"' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "11 July 2023",
                "Safety, Security and Migration Interministerial Group",
                "Home Secretary",
                "Senior Official",
            ],
        ),
        (
            "cy",
            [
                "11 Gorffennaf 2023",
                "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo",
                "Ysgrifennydd Cartref",
                "Uwch Swyddog",
                "Llywodraeth Cymru",
            ],
        ),
    ],
)
def test_meeting_reference_resolves(client, demo, language, expected):
    response = client.get(f"/{language}/{SEED_URL}")
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html
    assert "img-safety-security-migration/2023-07-11" in html


def test_unknown_reference_is_404(client, demo):
    assert client.get("/en/meetings/img-safety-security-migration/2023-07-12/").status_code == 404
    assert client.get("/en/meetings/no-such-body/2023-07-11/").status_code == 404


def test_unpublished_meeting_is_not_public(client, demo):
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    meeting.published = False
    meeting.save()
    assert client.get(f"/en/{SEED_URL}").status_code == 404
    assert "img-safety-security-migration/2023-07-11" not in client.get("/en/meetings/").content.decode()
    assert "11 July 2023" not in client.get("/en/").content.decode()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_bodies_pages(client, demo, language):
    assert client.get(f"/{language}/bodies/").status_code == 200
    html = client.get(f"/{language}/bodies/cnr/").content.decode()
    assert (
        "Prime Minister and Heads of Devolved Governments Council"
        if language == "en"
        else "Cyngor Prif Weinidog y DU a Phenaethiaid y Llywodraethau Datganoledig"
    ) in html
    assert client.get(f"/{language}/bodies/nothing-here/").status_code == 404


def test_meeting_list_filters_by_body(client, demo):
    html = client.get("/en/meetings/", {"body": "img-elections"}).content.decode()
    assert "3 meetings" in html and "Safety, Security" not in html.split("<table")[1]
