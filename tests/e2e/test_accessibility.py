"""WCAG 2.2 AA in a real browser: axe-core finds no violation on any page type, in either language, on a
desktop or a phone-sized screen, with the charts drawn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from igr.register.models import Agreement, Document, DocumentVersion, Government, Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = [
    "",
    "meetings/",
    "meetings/?body=img-safety-security-migration&year=2023&sort=oldest",
    "meetings/img-safety-security-migration/2023-07-11/",
    "bodies/",
    "bodies/img-safety-security-migration/",
    "people/",
    "people/jane-hutt/",
    "agreements/",
    "agreements/iira-2021/",
    "timeliness/",
    "search/",
    "search/?q=grwp",
    "search/?q=nothing-matches-this",
    "meetings/img-safety-security-migration/2023-07-11/statement/",
    "meetings/img-safety-security-migration/2023-07-11/letter/",
]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 740}}


@pytest.fixture
def register(demo):
    """The demonstration register (with the seed's letter and statement published as editions) plus what the demo
    lacks: an agreement, a source statement's text, notice times."""
    from igr.reporting.demo import load_reporting_demo

    load_reporting_demo()
    wales = Government.objects.get(key="wales")
    agreement = Agreement.objects.create(
        key="iira-2021",
        kind="iga",
        title_en="Inter-Institutional Relations Agreement",
        title_cy="Cytundeb Cysylltiadau Rhyngsefydliadol",
        concluded_on=dt.date(2021, 11, 1),
        status="in_force",
    )
    agreement.parties.add(wales)
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    meeting.notice_received_at = dt.datetime(2023, 7, 10, 16, 0, tzinfo=dt.UTC)
    meeting.save()
    statement = Document.objects.create(
        kind="written_statement",
        date=dt.date(2023, 7, 25),
        publisher=wales,
        title_en="Written Statement: the Safety, Security and Migration IMG",
        title_cy="Datganiad Ysgrifenedig: Grŵp Rhyngweinidogol Diogelwch, Diogeledd a Mudo",
    )
    statement.meetings.add(meeting)
    for lang, text in (
        ("en", "The Inter-Ministerial Group met on 11 July."),
        ("cy", "Cyfarfu'r Grŵp Rhyngweinidogol ar 11 Gorffennaf."),
    ):
        DocumentVersion.objects.create(
            document=statement,
            language=lang,
            text=text,
            content_hash=lang * 32,
            source_url=f"https://www.gov.wales/{lang}/statement",
        )
    return meeting


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


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_page_type_has_no_axe_violations(live_server, page, register, language, width):
    page.set_viewport_size(WIDTHS[width])
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    failures = {}
    for path in PAGES:
        response = page.goto(f"{live_server.url}/{language}/{path}")
        assert response.status == 200, path
        if path.startswith(("bodies/img", "timeliness")):
            page.wait_for_selector(".igr-chart__canvas svg", timeout=10000)  # charts drawn before the check
        found = _violations(page)
        if found:
            failures[path] = found
    assert not failures, failures
    assert not errors, errors
