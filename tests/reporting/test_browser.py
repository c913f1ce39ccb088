"""The officials' screens in a real browser: no axe-core violations in either language, and the workflow by clicking."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from igr.register.models import Meeting
from igr.reporting.models import ReportDocument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

SCREENS = [
    "reporting/", "reporting/obligations/?status=overdue", "reporting/commitments/?show=all",
    "reporting/meetings/img-safety-security-migration/2023-07-11/", "reporting/calendar/", "reporting/periods/2023-24/",
]


def _violations(page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # through DevTools: the page's CSP forbids injected script tags
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


@pytest.fixture
def official(demo, live_server, page):
    """A signed-in official in every role, with the reporting demonstration loaded."""
    from igr.reporting.demo import load_reporting_demo

    load_reporting_demo()
    user = get_user_model().objects.create_user("official", "official@example.gov.wales", None, is_staff=True)
    user.groups.add(*Group.objects.filter(name__startswith="IIRA "))
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    return user


@pytest.mark.parametrize("language", ["en", "cy"])
def test_officials_screens_have_no_axe_violations(live_server, page, official, language):
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    document = ReportDocument.objects.create(kind="statement", meeting=meeting, date="2023-09-25")
    failures = {}
    for path in [*SCREENS, f"reporting/documents/{document.pk}/", f"reporting/documents/{document.pk}/translate/"]:
        response = page.goto(f"{live_server.url}/{language}/{path}")
        assert response.status == 200, path
        found = _violations(page)
        if found:
            failures[path] = found
    assert not failures, failures


def test_a_statement_is_drafted_approved_and_published_by_clicking(live_server, page, official):
    page.goto(f"{live_server.url}/cy/reporting/meetings/img-safety-security-migration/2023-07-11/")
    page.get_by_label("Datganiad ysgrifenedig").check()
    page.get_by_role("button", name="Dechrau'r drafft").click()
    page.get_by_role("button", name="Anfon i'w chymeradwyo").click()
    assert "Anfonwyd i'w chymeradwyo." in page.content()
    page.get_by_role("button", name="Cymeradwyo").click()
    page.get_by_role("button", name="Cyhoeddi yn Gymraeg ac yn Saesneg").click()
    assert "Cyhoeddwyd yn Gymraeg ac yn Saesneg." in page.content()
    document = ReportDocument.objects.get(kind="statement")
    assert document.state == "published"
    response = page.request.get(f"{live_server.url}/cy/reporting/published/{document.pk}/cy.pdf")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
