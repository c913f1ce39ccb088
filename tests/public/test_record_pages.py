"""Meeting, body, person, agreement and reporting pages: real content in both languages."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from igr.register.models import Agreement, Government, Meeting

pytestmark = pytest.mark.django_db

SEED = "meetings/img-safety-security-migration/2023-07-11/"


@pytest.mark.parametrize(
    ("language", "owed", "late"),
    [
        ("en", "What the Welsh Government owed the Senedd for this meeting", "days late"),
        (
            "cy",
            "Adroddiadau sy'n ddyledus gan Lywodraeth Cymru i'r Senedd am y cyfarfod hwn",
            "diwrnod yn hwyr",
        ),
    ],
)
def test_meeting_page_shows_what_was_owed_and_how_late(client, demo, language, owed, late):
    html = client.get(f"/{language}/{SEED}").content.decode().replace("&#x27;", "'")
    assert owed in html and late in html
    assert 'id="documents"' in html


@pytest.mark.parametrize("language", ["en", "cy"])
def test_body_page_has_charts_with_summaries_and_tables(client, demo, language):
    html = client.get(f"/{language}/bodies/img-elections/").content.decode().replace("&#x27;", "'")
    specs = re.findall(r'<script id="chart-[a-z-]+-spec" type="application/json">(.*?)</script>', html, re.S)
    assert len(specs) == 2
    spec = json.loads(specs[0])
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec["encoding"]["x"]["title"] == ("Year" if language == "en" else "Blwyddyn")
    assert ("Show the figures as a table" if language == "en" else "Dangos y ffigurau fel tabl") in html
    assert ("met 3 times between" if language == "en" else "deirgwaith rhwng") in html
    assert (
        "Who attended for each government"
        if language == "en"
        else "Pwy a fu'n bresennol ar ran pob llywodraeth"
    ) in html


@pytest.mark.parametrize("language", ["en", "cy"])
def test_person_page_lists_posts_and_meetings(client, demo, language):
    html = client.get(f"/{language}/people/jane-hutt/").content.decode().replace("&#x27;", "'")
    assert "Jane Hutt" in html
    assert (
        "Minister for Social Justice" if language == "en" else "Gweinidog Cyfiawnder Cymdeithasol"
    ) in html
    assert f"/{language}/{SEED}" in html


@pytest.mark.parametrize("language", ["en", "cy"])
def test_agreements_list_and_page(client, demo, language):
    agreement = Agreement.objects.create(
        key="iira",
        kind="iga",
        title_en="Inter-Institutional Relations Agreement",
        title_cy="Cytundeb Cysylltiadau Rhyngsefydliadol",
        concluded_on=dt.date(2021, 11, 1),
    )
    agreement.parties.add(Government.objects.get(key="wales"))
    title = agreement.title_en if language == "en" else agreement.title_cy
    assert title in client.get(f"/{language}/agreements/").content.decode().replace("&#x27;", "'")
    html = client.get(f"/{language}/agreements/iira/").content.decode().replace("&#x27;", "'")
    assert title in html and ("Welsh Government" if language == "en" else "Llywodraeth Cymru") in html


@pytest.mark.parametrize(
    ("language", "heading", "notice"),
    [
        ("en", "Reporting to the Senedd", "Less than a day"),
        ("cy", "Adrodd i'r Senedd", "Llai na diwrnod"),
    ],
)
def test_reporting_page_shows_lag_and_short_notice(client, demo, language, heading, notice):
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    meeting.notice_received_at = dt.datetime(2023, 7, 10, 16, 0, tzinfo=dt.UTC)
    meeting.save()
    html = client.get(f"/{language}/timeliness/").content.decode().replace("&#x27;", "'")
    assert heading in html and notice in html
    assert f"/{language}/{SEED}" in html  # listed among the meetings called at short notice
    assert "chart-lag-distribution-spec" in html
