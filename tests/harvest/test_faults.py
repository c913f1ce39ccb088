"""Every fault the publishers' servers can throw: nothing lost, nothing duplicated, and a failed run runs again."""

from __future__ import annotations

import pytest

from igr.harvest.models import SeenAddress
from igr.register.models import Document, DocumentVersion, Meeting

from .server import Reply

pytestmark = pytest.mark.django_db

IMSC = "/api/content/government/news/interministerial-standing-committee-communique-9-october-2024"
PDF = "/media/6729a1b2c3d4e5f6a7b8c9d0/img-trade-communique-5-november-2024.pdf"
WALES = "/written-statement-safety-security-and-migration-interministerial-group"
BASELINE = {"imsc/2024-10-09", "img-trade/2024-11-05", "cnr/2025-05-16"}


def register_state() -> tuple:
    return (
        sorted(Meeting.objects.values_list("reference", flat=True)),
        Document.objects.count(),
        DocumentVersion.objects.count(),
    )


def test_a_500_then_success_is_retried_after_a_backoff(harvest, server, clock):
    server.routes[IMSC] = [Reply(500, b"oops"), Reply(503, b"busy")] + server.routes[IMSC]
    report = harvest("govuk")["govuk"]
    assert report["new"] == 3 and report["failed"] == 0
    assert [s for s in clock.sleeps if s != 1.0][:2] == [2.0, 4.0], clock.sleeps
    assert server.requests(IMSC) == [IMSC] * 3


def test_a_429_waits_as_long_as_retry_after_says(harvest, server, clock):
    server.routes[PDF] = [Reply(429, b"slow down", {"Retry-After": "7"})] + server.routes[PDF]
    report = harvest("govuk")["govuk"]
    assert report["new"] == 3 and report["failed"] == 0
    assert 7.0 in clock.sleeps


def test_a_retry_after_beyond_the_limit_gives_up_for_this_run_and_the_next_run_gets_it(
    harvest, server, clock
):
    good = server.routes[PDF]
    server.routes[PDF] = [Reply(429, b"", {"Retry-After": "86400"})]
    report = harvest("govuk")["govuk"]
    assert report["failed"] == 1 and report["new"] == 2
    assert [e["code"] for e in report["errors"]] == ["rate_limited"]
    assert max(clock.sleeps) < 3600 and "img-trade/2024-11-05" not in register_state()[0]
    parent = SeenAddress.objects.get(
        url__endswith="interministerial-group-for-trade-communique-5-november-2024"
    )
    assert parent.outcome == "failed" and parent.error_code == "incomplete" and not parent.marker
    server.routes[PDF] = good
    again = harvest("govuk")["govuk"]
    assert again["new"] == 1 and again["unchanged"] == 2 and again["failed"] == 0
    assert set(register_state()[0]) >= BASELINE


def test_a_timeout_fails_the_item_and_a_later_run_takes_it(harvest, server):
    good = server.routes[IMSC]
    server.routes[IMSC] = [Reply(200, b"{}", delay=3.0)]
    report = harvest("govuk", timeout=0.3, retries=1)["govuk"]
    assert report["failed"] == 1 and report["new"] == 2
    assert [e["code"] for e in report["errors"]] == ["timeout"]
    assert "imsc/2024-10-09" not in register_state()[0]
    server.routes[IMSC] = good
    assert harvest("govuk")["govuk"]["new"] == 1
    assert set(register_state()[0]) >= BASELINE


def test_a_redirect_loop_is_cut_short(harvest, server):
    server.routes["/loop-a"] = [Reply(302, b"", {"Location": "/loop-b"})]
    server.routes["/loop-b"] = [Reply(301, b"", {"Location": f"{server.url}/loop-a"})]
    report = harvest("pages", addresses=[f"{server.url}/loop-a"])["pages"]
    assert report["failed"] == 1 and [e["code"] for e in report["errors"]] == ["redirects"]
    assert server.requests("/loop") == ["/loop-a", "/loop-b"]


def test_redirects_are_followed_within_the_limit(harvest, server):
    server.routes["/old-address"] = [Reply(301, b"", {"Location": WALES})]
    report = harvest("pages", addresses=[f"{server.url}/old-address"])["pages"]
    assert report["new"] == 1 and report["failed"] == 0  # one item: the page, with its Welsh counterpart
    assert set(DocumentVersion.objects.values_list("language", flat=True)) == {"en", "cy"}
    version = DocumentVersion.objects.get(language="en")
    assert (
        version.source_url == f"{server.url}/old-address" and version.fetched_from == f"{server.url}{WALES}"
    )


def test_malformed_json_in_a_content_item_fails_that_item_only(harvest, server):
    good = server.routes[IMSC]
    server.routes[IMSC] = [
        Reply(
            200,
            b'{"title": "Interministerial Standing Committee", "details": {"body": ',
            {"Content-Type": "application/json"},
        )
    ]
    report = harvest("govuk")["govuk"]
    assert report["failed"] == 1 and report["new"] == 2 and report["errors"][0]["code"] == "malformed"
    server.routes[IMSC] = good
    assert harvest("govuk")["govuk"]["new"] == 1
    assert set(register_state()[0]) >= BASELINE


def test_a_malformed_second_page_of_results_keeps_the_first_page_and_is_read_next_time(harvest, server):
    server.search_faults[2] = Reply(200, b"<html>Service unavailable</html>", {"Content-Type": "text/html"})
    report = harvest("govuk")["govuk"]
    assert report["found"] == 2 and report["new"] == 2 and report["failed"] >= 1
    assert {e["code"] for e in report["errors"]} == {"malformed"}
    del server.search_faults[2]
    again = harvest("govuk")["govuk"]
    assert again["new"] == 1 and again["unchanged"] == 2 and again["failed"] == 0
    assert set(register_state()[0]) >= BASELINE


def test_a_50_mb_response_is_cut_off_at_the_cap(harvest, server):
    server.routes[PDF] = [
        Reply(200, b"%PDF-1.4\n", {"Content-Type": "application/pdf"}, stream=50 * 1024 * 1024)
    ]
    report = harvest("govuk", max_bytes=2 * 1024 * 1024)["govuk"]
    assert report["failed"] == 1 and [e["code"] for e in report["errors"]] == ["too_large"]
    assert not DocumentVersion.objects.filter(media_type="application/pdf").exists()


def test_a_declared_length_over_the_cap_is_not_read(harvest, server):
    server.routes[PDF] = [Reply(200, b"%PDF-1.4\n" + b"0" * 200_000, {"Content-Type": "application/pdf"})]
    report = harvest("govuk", max_bytes=100_000)["govuk"]
    assert [e["code"] for e in report["errors"]] == ["too_large"]
    assert "Content-Length" in report["errors"][0]["detail"]


def test_an_unchanged_page_is_asked_for_conditionally_and_costs_nothing(harvest, server):
    addresses = [f"{server.url}{WALES}"]
    harvest("pages", addresses=addresses)
    state = register_state()
    server.log.clear()
    report = harvest("pages", addresses=addresses)["pages"]
    assert report == {"found": 1, "new": 0, "unchanged": 1, "revised": 0, "failed": 0, "errors": []}
    conditional = [h for p, h in server.log if p == WALES]
    assert conditional and conditional[0].get("If-None-Match"), "no validator sent"
    assert register_state() == state


def test_a_revised_page_becomes_a_new_version_of_the_same_document(harvest, server):
    from .server import conditional

    addresses = [f"{server.url}{WALES}"]
    harvest("pages", addresses=addresses)
    page = server.routes[WALES][0].body
    revised = page.replace(
        b"the time taken to process asylum applications",
        b"the time taken to process asylum applications and the support for local authorities",
    )
    server.routes[WALES] = [conditional(revised, "text/html; charset=utf-8")]
    documents = Document.objects.count()
    report = harvest("pages", addresses=addresses)["pages"]
    assert report["revised"] == 1 and report["failed"] == 0
    assert Document.objects.count() == documents
    versions = DocumentVersion.objects.filter(source_url=addresses[0]).order_by("revision")
    assert [v.revision for v in versions] == [1, 2] and "support for local authorities" in versions[1].text


def test_private_addresses_are_refused_unless_the_base_address_is_one(harvest, server):
    report = harvest("pages", addresses=[f"{server.url}{WALES}"], base="")["pages"]
    assert [e["code"] for e in report["errors"]] == ["address"]
    assert not server.log, "a request reached a loopback address"


def test_robots_txt_is_respected(harvest, server):
    server.routes["/private/statement"] = server.routes[WALES]
    report = harvest("pages", addresses=[f"{server.url}/private/statement"])["pages"]
    assert [e["code"] for e in report["errors"]] == ["robots"]
    assert server.requests("/private") == []


def test_one_request_per_second_per_host(harvest, server, clock):
    harvest("govuk")
    assert clock.sleeps and set(clock.sleeps) == {1.0}
    assert len(clock.sleeps) == len(server.log) - 1  # every request after the first waited its second
