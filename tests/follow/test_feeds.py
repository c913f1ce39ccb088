"""Every feed and calendar parses (feedparser without bozo, icalendar), in both languages, holds what its page
shows, and never anything unpublished; each public page advertises its own."""

from __future__ import annotations

import datetime as dt
import re

import feedparser
import icalendar
import pytest

from igr.register.models import Body, Meeting, Person

from .conftest import MARKER

pytestmark = pytest.mark.django_db

SEED_BODY = "img-safety-security-migration"


def _feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml"), url
    assert MARKER.encode() not in response.content, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed


def _calendar(client, url: str) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar"), url
    assert MARKER.encode() not in response.content, url
    return icalendar.Calendar.from_ical(response.content)


def _feed_urls(person_key: str) -> list[str]:
    return [
        "feeds/meetings/",
        f"feeds/meetings/?body={SEED_BODY}",
        "feeds/meetings/?government=wales&year=2023",
        "feeds/meetings/?status=held&mode=virtual",
        f"feeds/bodies/{SEED_BODY}/",
        "feeds/bodies/imsc/",
        f"feeds/people/{person_key}/",
        "feeds/documents/",
        "feeds/search/?q=migration",
        "feeds/search/?q=draftmarker",
        "feeds/search/?q=",
    ]


def test_every_feed_parses_in_both_languages_without_drafts(client, drafts):
    person = Person.objects.public().filter(attendances__meeting__body__key=SEED_BODY).first()
    for language in ("en", "cy"):
        for url in _feed_urls(person.key):
            parsed = _feed(client, f"/{language}/{url}")
            assert parsed.feed.language == language
            for entry in parsed.entries:
                assert entry.link.startswith("http://testserver/"), entry.link
                assert entry.updated_parsed, (url, entry.title)


def test_feeds_hold_what_their_pages_show(client, drafts):
    everything = _feed(client, "/en/feeds/meetings/")
    assert len(everything.entries) == Meeting.objects.public().count()
    body = _feed(client, f"/cy/feeds/bodies/{SEED_BODY}/")
    assert [e.title for e in body.entries] == [
        "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo: 11 Gorffennaf 2023"
    ]
    assert body.entries[0].link == f"http://testserver/cy/meetings/{SEED_BODY}/2023-07-11/"
    assert body.feed.title.endswith("cyfarfodydd – Cofrestr Cysylltiadau Rhynglywodraethol")
    filtered = _feed(client, "/en/feeds/meetings/?body=imsc")
    assert filtered.entries and all(
        "Interministerial Standing Committee" in e.title for e in filtered.entries
    )
    documents = _feed(client, "/cy/feeds/documents/")
    titles = [e.title for e in documents.entries]
    assert any(t.startswith("Datganiad Ysgrifenedig") for t in titles), titles
    assert any(t.startswith("Llythyr at Gadeirydd") for t in titles), titles
    assert all("/cy/meetings/" in e.link for e in documents.entries)
    search = _feed(client, "/en/feeds/search/?q=migration")
    assert any(e.link.endswith(f"/en/meetings/{SEED_BODY}/2023-07-11/") for e in search.entries)


def test_a_feed_of_nothing_known_is_not_found(client, demo):
    assert client.get("/en/feeds/bodies/no-such-body/").status_code == 404
    assert client.get("/cy/feeds/people/draftonly-person/").status_code == 404
    assert client.get("/en/calendar/governments/atlantis.ics").status_code == 404


def test_calendars_hold_announced_and_past_meetings_in_either_language(client, drafts):
    body = Body.objects.get(key=SEED_BODY)
    Meeting.objects.create(
        body=body, date=dt.date(2035, 3, 1), status="planned", location_en="Cardiff", location_cy="Caerdydd"
    )
    Meeting.objects.create(
        body=body,
        starts_at=dt.datetime(2035, 6, 3, 13, 30, tzinfo=dt.UTC),
        date=dt.date(2035, 6, 3),
        status="confirmed",
        mode="virtual",
    )
    Meeting.objects.create(body=body, date=dt.date(2035, 9, 1), date_precision="month", status="planned")
    Meeting.objects.create(body=body, date=dt.date(2035, 4, 1), status="cancelled")
    for language in ("en", "cy"):
        for url in [
            "calendar/meetings.ics",
            f"calendar/bodies/{SEED_BODY}.ics",
            "calendar/governments/wales.ics",
            "calendar/governments/scotland.ics",
            "calendar/meetings.ics?body=imsc",
        ]:
            calendar = _calendar(client, f"/{language}/{url}")
            assert all(e["UID"].endswith("@igr-register") for e in calendar.walk("VEVENT"))
    calendar = _calendar(client, f"/cy/calendar/bodies/{SEED_BODY}.ics")
    events = {e["UID"].split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        f"{SEED_BODY}/{day}" for day in ("2023-07-11", "2035-03-01", "2035-06-03", "2035-04-01")
    }
    planned = events[f"{SEED_BODY}/2035-03-01"]
    assert planned["STATUS"] == "TENTATIVE" and planned["LOCATION"] == "Caerdydd"
    assert planned.decoded("DTSTART") == dt.date(2035, 3, 1) and planned.decoded("DTEND") == dt.date(
        2035, 3, 2
    )
    assert str(planned["SUMMARY"]) == "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo"
    timed = events[f"{SEED_BODY}/2035-06-03"].decoded("DTSTART")
    assert timed.utcoffset() == dt.timedelta(hours=1) and timed.hour == 14  # British Summer Time
    assert events[f"{SEED_BODY}/2035-04-01"]["STATUS"] == "CANCELLED"
    assert events[f"{SEED_BODY}/2023-07-11"]["STATUS"] == "CONFIRMED"
    assert "Wedi'i gynnal" in str(events[f"{SEED_BODY}/2023-07-11"]["DESCRIPTION"])
    english = _calendar(client, f"/en/calendar/bodies/{SEED_BODY}.ics")
    assert {str(e["SUMMARY"]) for e in english.walk("VEVENT")} == {
        "Safety, Security and Migration Interministerial Group"
    }
    wales = _calendar(client, "/en/calendar/governments/wales.ics")
    assert f"{SEED_BODY}/2023-07-11@igr-register" in {str(e["UID"]) for e in wales.walk("VEVENT")}


ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">')


def test_each_page_advertises_its_feeds_and_they_work(client, drafts):
    person = Person.objects.public().filter(attendances__meeting__body__key=SEED_BODY).first()
    pages = {
        "/en/": "/en/feeds/meetings/",
        "/cy/meetings/?body=imsc&page=2": "/cy/feeds/meetings/?body=imsc",
        f"/en/bodies/{SEED_BODY}/": f"/en/feeds/bodies/{SEED_BODY}/",
        f"/cy/meetings/{SEED_BODY}/2023-07-11/": f"/cy/feeds/bodies/{SEED_BODY}/",
        f"/cy/people/{person.key}/": f"/cy/feeds/people/{person.key}/",
        "/en/search/?q=migration": "/en/feeds/search/?q=migration",
    }
    for page, own in pages.items():
        html = client.get(page).content.decode()
        links = ALTERNATE.findall(html)
        hrefs = [href.replace("&amp;", "&") for _type, href in links]
        assert own in hrefs, (page, hrefs)
        assert f"/{page[1:3]}/feeds/documents/" in hrefs
        for kind, href in links:
            href = href.replace("&amp;", "&")
            (_feed if kind == "application/atom+xml" else _calendar)(client, href)
    body_page = client.get(f"/cy/bodies/{SEED_BODY}/").content.decode()
    assert f'href="/cy/alerts/?topic=body&amp;key={SEED_BODY}"' in body_page
    assert "Dilyn hwn" in body_page
    search_page = client.get("/cy/search/?q=Mudo").content.decode()
    assert 'href="/cy/alerts/?q=Mudo"' in search_page
    assert (
        "Rydych yn dilyn: <strong>y chwiliad “Mudo”</strong>"
        in client.get("/cy/alerts/?q=Mudo").content.decode()
    )


def test_an_empty_feed_is_dated_never_not_now(client, demo):
    parsed = _feed(client, "/en/feeds/search/?q=nothingmatchesthis")
    assert not parsed.entries and parsed.feed.updated == "1970-01-01T00:00:00+00:00"
