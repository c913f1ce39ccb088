"""The Content-Security-Policy holds on every page type: public pages with their charts, sign-in, errors, the
officials' screens and the admin, in both languages, with no violation report and no console error."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from igr.ingest.models import ReviewItem
from igr.ingest.services.pipeline import ingest_paths
from igr.register.models import Meeting
from igr.reporting.models import ReportDocument
from tests.ingest.conftest import DOCS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    "",
    "meetings/",
    "meetings/?body=img-safety-security-migration&year=2023",
    "meetings/img-safety-security-migration/2023-07-11/",
    "bodies/",
    "bodies/img-safety-security-migration/",
    "people/",
    "people/jane-hutt/",
    "agreements/",
    "timeliness/",
    "search/?q=grwp",
    "sign-in/",
    "no-such-page/",
]
CHARTS = ["", "bodies/img-safety-security-migration/", "timeliness/"]
WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP violation, console error and uncaught exception collected."""
    problems: list[str] = []
    page.add_init_script(WATCH)
    page.on(
        "console",
        lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: problems.append(f"uncaught: {exc}"))
    page.problems = problems
    return page


def _visit(page, url: str) -> list[str]:
    response = page.goto(url)
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy, (
        url
    )
    page.wait_for_load_state("networkidle")
    found = [f"{url}: {v}" for v in page.evaluate("window.__cspViolations")]
    found += [f"{url}: {p}" for p in page.problems if "404 (Not Found)" not in p]
    page.problems.clear()
    return found


def _sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


@pytest.mark.parametrize("language", ["en", "cy"])
def test_public_pages_and_charts_keep_the_policy(live_server, watched, demo, language):
    Meeting.objects.filter(reference="img-safety-security-migration/2023-07-11").update(
        notice_received_at="2023-07-10T16:00:00Z"
    )
    problems = []
    for path in PUBLIC:
        problems += _visit(watched, f"{live_server.url}/{language}/{path}")
        if path in CHARTS and watched.locator(".igr-chart__canvas").count():
            watched.wait_for_selector(".igr-chart__canvas svg", timeout=10_000)  # drawn without eval
    assert problems == [], "\n".join(problems)


def test_officials_screens_and_the_admin_keep_the_policy(live_server, watched, demo, settings, tmp_path):
    from igr.reporting.demo import load_reporting_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_reporting_demo()
    ingest_paths([DOCS / "letter.txt"])
    item = ReviewItem.objects.first()
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    document = ReportDocument.objects.create(
        kind="statement", meeting=meeting, series=2, relation="addition", date="2023-11-20"
    )
    _sign_in(
        watched,
        live_server,
        get_user_model().objects.create_superuser("root", "root@example.gov.wales", None),
    )
    problems = []
    for path in [
        "reporting/",
        "reporting/obligations/",
        "reporting/meetings/img-safety-security-migration/2023-07-11/",
        f"reporting/documents/{document.pk}/",
        f"reporting/documents/{document.pk}/translate/",
        "reporting/calendar/",
        "ingest/",
        "ingest/review/",
        f"ingest/review/{item.pk}/",
        "admin/",
        "admin/register/meeting/",
        f"admin/register/meeting/{meeting.pk}/change/",
        "admin/auth/user/add/",
        "admin/auth/group/",
    ]:
        for language in ("en", "cy"):
            problems += _visit(watched, f"{live_server.url}/{language}/{path}")
    assert problems == [], "\n".join(problems)


def test_the_admin_sign_in_page_keeps_the_policy(live_server, watched):
    assert _visit(watched, f"{live_server.url}/cy/admin/login/") == []
