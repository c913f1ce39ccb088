"""Ingest's side of open-world extraction, on documents we wrote: a forum the register does not know is proposed
for review with its evidence; a day and month with no year finds its meeting in the register; a publication date
known from outside the text reaches extraction; an unsure text encoding is reported."""

from __future__ import annotations

import pytest

from igr.ingest.models import ReviewItem
from igr.ingest.services.pipeline import Pipeline, ingest_paths
from igr.ingest.services.sources import Source
from igr.register.models import Body, Meeting

pytestmark = pytest.mark.django_db

NEW_FORUM = """Written Statement: Interministerial Group for Tourism

First published: 9 October 2024

Rhodri Pennant MS, Minister for the Visitor Economy

In accordance with the Inter-Institutional Relations Agreement, I attended the first meeting of the Interministerial Group for Tourism on 2 October 2024. The meeting was chaired by Harriet Coles MP, Minister for Tourism, UK Government.
"""

DATED = """Written Statement: Interministerial Group for Trade

First published: 20 February 2024

Rhodri Pennant MS, Minister for the Economy

I attended the Interministerial Group for Trade on 31 January 2024. The meeting was held virtually and chaired by Harriet Coles MP, Minister of State for Trade Policy, UK Government.
"""

YEARLESS_CY = """Datganiad Ysgrifenedig: Grŵp Rhyngweinidogol ar gyfer Masnach

Rhodri Pennant AS, Gweinidog yr Economi

Yn unol â'r Cytundeb Cysylltiadau Rhyngsefydliadol, rwy'n adrodd fy mod wedi mynychu'r Grŵp Rhyngweinidogol ar gyfer Masnach ar 31 Ionawr. Cynhaliwyd y cyfarfod yn rhithwir.
"""


def test_an_unknown_forum_is_proposed_as_a_new_body_with_its_evidence(write_doc):
    report = ingest_paths([write_doc("tourism.txt", NEW_FORUM)])
    assert report.as_dict()["documents"]["new"] == 1
    body = Body.objects.get(key="interministerial-group-for-tourism")
    assert body.tier == Body.Tier.IMG and body.name_en == "Interministerial Group for Tourism"
    meeting = Meeting.objects.get(body=body)
    assert meeting.date.isoformat() == "2024-10-02"
    item = ReviewItem.objects.get(kind="new_body", object_id=body.pk)
    assert item.value["evidence"] == "Interministerial Group for Tourism" and item.span_start is not None
    assert Body.objects.filter(key="img-trade").exists()  # the known forums are untouched


def test_a_yearless_welsh_report_joins_the_forums_meeting_on_that_day(write_doc):
    ingest_paths([write_doc("dated.txt", DATED)])
    report = ingest_paths([write_doc("yearless-cy.txt", YEARLESS_CY)]).as_dict()
    assert report["skipped"] == []
    meeting = Meeting.objects.get()
    assert meeting.reference == "img-trade/2024-01-31" and meeting.documents.count() == 2


def test_a_yearless_report_with_nothing_to_match_is_skipped_not_guessed(write_doc):
    report = ingest_paths([write_doc("yearless-cy.txt", YEARLESS_CY)]).as_dict()
    assert not Meeting.objects.exists()
    assert any("no year given" in s for s in report["skipped"])


def test_a_publication_date_known_from_outside_the_text_gives_the_year():
    pipeline = Pipeline()
    pipeline.ingest(Source("yearless-cy.txt", YEARLESS_CY.encode("utf-8"), published="2025-02-14"))
    pipeline.finish()
    assert Meeting.objects.get().reference == "img-trade/2025-01-31"


def test_an_unsure_encoding_reaches_the_run_report():
    text = NEW_FORUM.replace("first meeting", "first meeting (¾ of the members)")
    pipeline = Pipeline()
    assert pipeline.ingest(Source("tourism.txt", text.encode("cp1252"))) == "new"
    (warning,) = pipeline.finish().as_dict()["warnings"]
    assert warning["name"] == "tourism.txt" and "encoding" in warning["en"] and warning["cy"]
