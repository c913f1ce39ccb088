"""The fetcher's rules on their own: schemes, private addresses, robots.txt and how long it waits."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime

import pytest

from igr.harvest.services.errors import HarvestError, both, message
from igr.harvest.services.fetch import Fetcher, Policy
from igr.harvest.services.safety import check_address, is_private

from .conftest import NOW
from .server import Reply

PAGE = "/written-statement-safety-security-and-migration-interministerial-group"


def fetcher(clock, **policy) -> Fetcher:
    values = {
        "user_agent": "IGRRegister/1.0 (test; +igr-harvest@example.org)",
        "allow_private": True,
        **policy,
    }
    return Fetcher(Policy(**values), now=lambda: NOW, clock=clock.monotonic, sleep=clock.sleep)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://gov.wales/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://user:pw@gov.wales/",
        "http:///nohost",
    ],
)
def test_only_plain_http_and_https_addresses(url):
    with pytest.raises(HarvestError) as caught:
        check_address(url, allow_private=True)
    assert caught.value.code == "scheme"


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("192.168.0.10", True),
        ("172.16.5.4", True),
        ("169.254.169.254", True),
        ("::1", True),
        ("fd00::1", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("151.101.0.144", False),
        ("2a04:4e42::144", False),
    ],
)
def test_private_loopback_and_link_local_addresses_are_recognised(address, private):
    assert is_private(address) is private


def test_a_public_name_resolving_to_a_private_address_is_refused():
    with pytest.raises(HarvestError) as caught:
        check_address(
            "https://gov.wales.example/", allow_private=False, resolver=lambda host, port: ["10.0.0.7"]
        )
    assert caught.value.code == "address"
    check_address(
        "https://gov.wales.example/", allow_private=False, resolver=lambda host, port: ["151.101.0.144"]
    )


def test_retry_after_given_as_a_date_is_waited_for(server, clock):
    when = format_datetime(NOW + dt.timedelta(seconds=20), usegmt=True)
    server.routes["/busy"] = [
        Reply(429, b"", {"Retry-After": when}),
        Reply(200, b"ok", {"Content-Type": "text/plain"}),
    ]
    assert fetcher(clock, delay=0).get(f"{server.url}/busy").body == b"ok"
    assert clock.sleeps == [20.0]


def test_robots_txt_that_cannot_be_read_allows_nothing_and_a_missing_one_allows_all(server, clock):
    server.routes["/robots.txt"] = [Reply(500, b"")]
    with pytest.raises(HarvestError) as caught:
        fetcher(clock, retries=0).get(f"{server.url}{PAGE}")
    assert caught.value.code == "robots" and not server.requests(PAGE)
    server.routes["/robots.txt"] = [Reply(404, b"")]
    assert fetcher(clock).get(f"{server.url}{PAGE}").status == 200


def test_crawl_delay_in_robots_txt_slows_the_fetcher_down(server, clock):
    server.routes["/robots.txt"] = [
        Reply(200, b"User-agent: *\nCrawl-delay: 5\n", {"Content-Type": "text/plain"})
    ]
    f = fetcher(clock)
    f.get(f"{server.url}{PAGE}")
    f.get(f"{server.url}{PAGE}")
    assert clock.sleeps == [5.0, 5.0]  # once robots.txt is read, each request to the site waits five seconds


def test_a_conditional_request_is_answered_not_modified(server, clock):
    f = fetcher(clock, delay=0)
    first = f.get(f"{server.url}{PAGE}")
    again = f.get(f"{server.url}{PAGE}", etag=first.etag)
    assert first.status == 200 and again.not_modified and again.body == b""


def test_every_error_has_a_message_in_both_languages():
    from igr.harvest.services.errors import MESSAGES

    for code in MESSAGES:
        assert message(code, "en") != message(code, "cy"), code
    assert both("robots").startswith("The site's robots.txt") and " / " in both("robots")
