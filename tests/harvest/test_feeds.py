"""Feeds: entries filtered by keyword, each linked gov.wales page read with its llyw.cymru counterpart, seen once."""

from __future__ import annotations

import pytest

from igr.harvest.models import SeenAddress
from igr.register.models import Document, DocumentVersion, Meeting

from .server import conditional

pytestmark = pytest.mark.django_db

FEED = "https://gov.wales/feeds/written-statements.xml"
EN = "https://gov.wales/written-statement-safety-security-and-migration-interministerial-group"
CY = "https://llyw.cymru/datganiad-ysgrifenedig-grwp-rhyngweinidogol-ar-ddiogelwch-diogeledd-mudo"

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Datganiadau ysgrifenedig | LLYW.CYMRU</title><link>https://llyw.cymru</link>
<description>Datganiadau</description>
<item><title>Datganiad Ysgrifenedig: Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo</title><link>{CY}</link>
<guid>{CY}</guid><pubDate>Mon, 25 Sep 2023 10:00:00 +0100</pubDate><description>Ail gyfarfod y Grŵp</description></item>
</channel></rss>
""".encode()


def test_an_english_page_and_its_welsh_counterpart_become_one_document(harvest, server):
    report = harvest("feeds", addresses=[FEED])["feeds"]
    assert report == {"found": 1, "new": 1, "unchanged": 0, "revised": 0, "failed": 0, "errors": []}
    assert not server.requests("/written-statement-updated-timetable"), (
        "an entry the keywords exclude was fetched"
    )
    document = Document.objects.get()
    versions = {v.language: v for v in document.versions.all()}
    assert set(versions) == {"en", "cy"}
    assert versions["en"].source_url == EN and versions["cy"].source_url == CY
    assert versions["cy"].fetched_from == server.url + CY.removeprefix("https://llyw.cymru")
    assert Meeting.objects.filter(reference="img-safety-security-migration/2023-07-11").exists()
    welsh = SeenAddress.objects.get(url__endswith="grwp-rhyngweinidogol-ar-ddiogelwch-diogeledd-mudo")
    assert welsh.parent.url.endswith("interministerial-group") and welsh.document_version == versions["cy"]


def test_feed_entries_already_seen_are_not_fetched_again(harvest, server):
    harvest("feeds", addresses=[FEED])
    state = (Document.objects.count(), DocumentVersion.objects.count(), Meeting.objects.count())
    server.log.clear()
    report = harvest("feeds", addresses=[FEED])["feeds"]
    assert report == {"found": 1, "new": 0, "unchanged": 1, "revised": 0, "failed": 0, "errors": []}
    assert server.requests() == ["/robots.txt", "/feeds/written-statements.xml"], (
        "a page already seen was fetched"
    )
    assert (Document.objects.count(), DocumentVersion.objects.count(), Meeting.objects.count()) == state


def test_an_rss_entry_without_an_update_stamp_is_asked_for_conditionally(harvest, server):
    server.routes["/feeds/datganiadau.xml"] = [conditional(RSS, "application/rss+xml")]
    feed = "https://llyw.cymru/feeds/datganiadau.xml"
    first = harvest("feeds", addresses=[feed])["feeds"]
    assert first["new"] == 1 and set(DocumentVersion.objects.values_list("language", flat=True)) == {
        "cy",
        "en",
    }
    server.log.clear()
    again = harvest("feeds", addresses=[feed])["feeds"]
    assert again["unchanged"] == 1 and again["new"] == 0
    page = [h for p, h in server.log if p.startswith("/datganiad")]
    assert page and page[0].get("If-None-Match")
    assert not server.requests("/written-statement"), "the counterpart of an unchanged page was fetched again"


def test_since_leaves_out_older_entries(harvest, server):
    import datetime as dt

    report = harvest("feeds", addresses=[FEED], since=dt.date(2023, 10, 1))["feeds"]
    assert report["found"] == 0 and not Document.objects.exists()


def test_a_feed_that_is_not_a_feed_is_a_failure_of_its_own(harvest, server):
    server.routes["/feeds/broken.xml"] = [conditional(b"{not a feed", "application/json")]
    report = harvest("feeds", addresses=["https://gov.wales/feeds/broken.xml", FEED])["feeds"]
    assert report["failed"] == 1 and report["new"] == 1
    assert [e["code"] for e in report["errors"]] == ["malformed"]


def test_a_pages_date_in_its_metadata_reaches_extraction(harvest, server):
    page = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>IMSC</title>
<meta name="dc.date" content="2024-10-10"></head><body><main><article><h1>Interministerial Standing Committee</h1>
<p>The Interministerial Standing Committee met for the seventh time on 9 October in Cardiff. The meeting was chaired
by the Chancellor of the Duchy of Lancaster, the Rt Hon Pat McFadden MP.</p></article></main></body></html>"""
    server.routes["/imsc-october"] = [conditional(page, "text/html; charset=utf-8")]
    assert harvest("pages", addresses=[f"{server.url}/imsc-october"])["pages"]["new"] == 1
    assert Meeting.objects.filter(reference="imsc/2024-10-09").exists()
