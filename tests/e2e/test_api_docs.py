"""The API's browsable documentation works in a real browser under the site's Content-Security-Policy."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.e2e.test_csp import WATCH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_documentation_lists_every_operation_without_a_policy_violation(page, live_server, demo):
    problems: list[str] = []
    page.add_init_script(WATCH)
    page.on(
        "console",
        lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: problems.append(f"uncaught: {exc}"))
    response = page.goto(f"{live_server.url}/api/v1/docs")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    page.wait_for_load_state("networkidle")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/meetings/{body_key}/{day}" in [p.replace("\u200b", "") for p in paths], paths
    assert len(paths) == 11
    problems += page.evaluate("window.__cspViolations")
    assert not problems, problems


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_data_page_is_accessible(page, live_server, demo, settings, tmp_path, language):
    from igr.api.bulk import export
    from tests.e2e.test_accessibility import _violations

    settings.IGR_EXPORT_DIR = tmp_path / "export"
    export(settings.IGR_EXPORT_DIR, dt.datetime(2026, 3, 4, 10, 30, tzinfo=dt.UTC))
    page.goto(f"{live_server.url}/{language}/data/")
    assert page.locator("a[download]").count() >= 18
    assert _violations(page) == []
