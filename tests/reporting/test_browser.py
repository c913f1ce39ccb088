"""The officials' screens in a real browser: no axe-core violations in either language, and the workflow by clicking."""

from __future__ import annotations

from html import unescape
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
    "reporting/",
    "reporting/obligations/?status=overdue",
    "reporting/commitments/?show=all",
    "reporting/meetings/img-safety-security-migration/2023-07-11/",
    "reporting/calendar/",
    "reporting/periods/2023-24/",
]


def _violations(page) -> list[dict]:
    page.evaluate(
        AXE.read_text(encoding="utf-8")
    )  # through DevTools: the page's CSP forbids injected script tags
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def _sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


@pytest.fixture
def official(demo, live_server, page):
    """A signed-in official in every role, with the reporting demonstration loaded."""
    from igr.reporting.demo import load_reporting_demo

    load_reporting_demo()
    user = get_user_model().objects.create_user("official", "official@example.gov.wales", None, is_staff=True)
    user.groups.add(*Group.objects.filter(name__startswith="IIRA "))
    _sign_in(page, live_server, user)
    return user


@pytest.mark.parametrize("language", ["en", "cy"])
def test_officials_screens_have_no_axe_violations(live_server, page, official, language):
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    published = ReportDocument.objects.get(meeting=meeting, kind="statement")
    document = ReportDocument.objects.create(
        kind="statement",
        meeting=meeting,
        series=2,
        relation="addition",
        follows_record=published.register_document,
        date="2023-11-20",
    )
    failures = {}
    for path in [
        *SCREENS,
        f"reporting/documents/{document.pk}/",
        f"reporting/documents/{document.pk}/translate/",
        f"reporting/documents/{published.pk}/",
    ]:
        response = page.goto(f"{live_server.url}/{language}/{path}")
        assert response.status == 200, path
        found = _violations(page)
        if found:
            failures[path] = found
    assert not failures, failures


def test_a_further_statement_is_drafted_approved_and_published_by_clicking(live_server, page, official):
    """Three officials, three steps: the drafter adds a statement to the published one, another official approves
    it, a third publishes it; the public finds it at its own address."""
    people = {}
    for role in ("drafter", "approver", "publisher"):
        people[role] = get_user_model().objects.create_user(
            role, f"{role}@example.gov.wales", None, is_staff=True
        )
        people[role].groups.add(Group.objects.get(name=f"IIRA {role}"))
    _sign_in(page, live_server, people["drafter"])
    page.goto(f"{live_server.url}/cy/reporting/meetings/img-safety-security-migration/2023-07-11/")
    page.get_by_text("Datganiad ysgrifenedig: Datganiad Ysgrifenedig").click()
    page.get_by_role("button", name="Dechrau'r ddogfen newydd").first.click()
    assert "Ychwanegiad" in page.content() or "Yn dilyn" in page.content()
    page.get_by_role("button", name="Anfon i'w chymeradwyo").click()
    assert "Anfonwyd i'w chymeradwyo." in page.content()
    url = page.url
    _sign_in(page, live_server, people["approver"])
    page.goto(url)
    page.get_by_role("button", name="Cymeradwyo").click()
    _sign_in(page, live_server, people["publisher"])
    page.goto(url)
    page.get_by_role("button", name="Cyhoeddi yn Gymraeg ac yn Saesneg").click()
    assert "Cyhoeddwyd yn Gymraeg ac yn Saesneg." in page.content()
    document = ReportDocument.objects.get(kind="statement", series=2)
    assert document.state == "published" and document.relation == "addition"
    public = page.request.get(
        f"{live_server.url}/cy/meetings/img-safety-security-migration/2023-07-11/statement-2.pdf"
    )
    assert public.status == 200 and public.headers["content-type"] == "application/pdf"
    html = unescape(
        page.request.get(
            f"{live_server.url}/cy/meetings/img-safety-security-migration/2023-07-11/statement-2/"
        ).text()
    )
    assert "Mae'r datganiad hwn yn dilyn y datganiad ysgrifenedig dyddiedig 25 Medi 2023." in html
