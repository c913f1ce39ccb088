"""GOV.UK: search results over two pages, communiqués in a body, a PDF and an HTML publication become meetings."""

from __future__ import annotations

import pytest

from igr.harvest.models import HarvestRun, SeenAddress
from igr.register.models import Document, DocumentVersion, Meeting

pytestmark = pytest.mark.django_db


def test_communiques_listed_on_two_search_pages_become_meetings(harvest, server):
    report = harvest("govuk")["govuk"]
    assert report == {"found": 3, "new": 3, "unchanged": 0, "revised": 0, "failed": 0, "errors": []}
    refs = set(Meeting.objects.values_list("reference", flat=True))
    assert {"imsc/2024-10-09", "img-trade/2024-11-05", "cnr/2025-05-16"} <= refs
    searches = server.requests("/api/search.json")
    assert any("start=2" in s for s in searches), "the second page of results was asked for"
    assert not server.requests("/api/content/government/publications/rates-and-allowances"), (
        "irrelevant result fetched"
    )
    pdf = DocumentVersion.objects.get(media_type="application/pdf")
    assert pdf.source_url.startswith("https://assets.publishing.service.gov.uk/media/")
    assert pdf.fetched_from.startswith(server.url) and pdf.http_status == 200 and pdf.etag
    assert pdf.retrieved_at is not None and pdf.file.read().startswith(b"%PDF")
    body = DocumentVersion.objects.get(
        source_url__endswith="interministerial-standing-committee-communique-9-october-2024"
    )
    assert body.document.date.isoformat() == "2024-10-10"
    assert "seventh time on 9 October 2024" in body.text


def test_a_second_run_fetches_only_what_changed_and_writes_nothing(harvest, server):
    harvest("govuk")
    counts = (Document.objects.count(), DocumentVersion.objects.count(), Meeting.objects.count())
    seen = list(SeenAddress.objects.order_by("pk").values())
    server.log.clear()
    report = harvest("govuk")["govuk"]
    assert report["found"] == 3 and report["unchanged"] == 3 and report["new"] == report["failed"] == 0
    assert (Document.objects.count(), DocumentVersion.objects.count(), Meeting.objects.count()) == counts
    assert list(SeenAddress.objects.order_by("pk").values()) == seen
    assert not server.requests("/api/content") and not server.requests("/media"), (
        "unchanged items were fetched again"
    )
    assert HarvestRun.objects.filter(source="govuk").count() == 2


def test_since_is_passed_to_the_search_api(harvest, server):
    import datetime as dt

    report = harvest("govuk", since=dt.date(2025, 1, 1))["govuk"]
    assert report["found"] == 1 and report["new"] == 1
    assert all("filter_public_timestamp=from%3A2025-01-01" in s for s in server.requests("/api/search.json"))
    assert Meeting.objects.filter(reference="cnr/2025-05-16").exists()


def test_the_user_agent_names_the_register_and_a_contact(harvest, server):
    harvest("govuk")
    agents = {h.get("User-Agent") for _p, h in server.log}
    assert agents == {"IGRRegister/1.0 (Cofrestr Cysylltiadau Rhynglywodraethol; +igr-harvest@example.org)"}
    assert server.requests("/robots.txt") == ["/robots.txt"]


def test_the_publication_date_gives_extraction_the_year_the_text_leaves_out(harvest, server):
    import json

    from .server import conditional

    path = "/api/content/government/news/interministerial-standing-committee-communique-9-october-2024"
    item = json.loads(server.routes[path][0].body)
    item["details"]["body"] = item["details"]["body"].replace(
        "on 9 October 2024 in Cardiff", "on 9 October in Cardiff"
    )
    server.routes[path] = [conditional(json.dumps(item).encode(), "application/json")]
    assert harvest("govuk")["govuk"]["new"] == 3
    assert Meeting.objects.filter(reference="imsc/2024-10-09").exists()
