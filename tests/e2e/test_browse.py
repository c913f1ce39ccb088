"""A person in a real browser: the register opens in Welsh, a meeting can be found, language switches in place."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browse_in_welsh_and_switch_language(live_server, page, demo):
    page.goto(f"{live_server.url}/cy/")
    assert page.locator("html").get_attribute("lang") == "cy"
    page.get_by_role("link", name="Cyfarfodydd", exact=True).first.click()
    page.get_by_role("link", name="11 Gorffennaf 2023").click()
    assert page.url.endswith("/cy/meetings/img-safety-security-migration/2023-07-11/")
    assert page.get_by_role("heading", name="11 Gorffennaf 2023").is_visible()
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/meetings/img-safety-security-migration/2023-07-11/")
    assert page.get_by_role("heading", name="11 July 2023").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"


def test_styles_load_without_errors(live_server, page, demo):
    failures: list[str] = []
    page.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    page.goto(f"{live_server.url}/en/")
    assert page.locator(".govuk-service-navigation").is_visible()
    assert not failures, failures
