"""From draft to edition: a marker written into a draft reaches no public page, export, search result or file until
the document is published, and a correction's marker none until the correction is published.

Officials take a written statement through every step on their screens; after each step the whole public site is
crawled in both languages (every page reachable from the home pages, every list as CSV and JSON, searches for
the markers as pages, CSV and JSON, and the statement's public addresses, whose PDF and DOCX are read back).
"""

from __future__ import annotations

import re
from collections import deque
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from igr.register.models import AgendaItem, Meeting
from igr.reporting.models import ReportDocument
from tests.reporting.readback import docx_read, pdf_read

pytestmark = pytest.mark.django_db

MEETING = "imsc/2023-05-17"
FIRST = {"en": "ZQXFIRSTMARK", "cy": "ZQXMARCCYNTAF"}
SECOND = {"en": "ZQXSECONDMARK", "cy": "ZQXAILFARC"}
LISTS = ["meetings/", "bodies/", "people/", "agreements/"]
HREF = re.compile(r'href="(/(?:en|cy)/[^"#]*)')
FILES = [
    f"/{lang}/meetings/{MEETING}/statement{tail}"
    for lang in ("en", "cy")
    for tail in ("/", ".pdf", ".docx", ".html")
]


# Differ on every response by design: the Content-Security-Policy nonce, the sign-in form's CSRF token.
PER_RESPONSE = re.compile(r' nonce="[^"]*"|(?<=name="csrfmiddlewaretoken" value=")[^"]*')


def _text(url: str, response) -> str:
    """The response as text; the files of documents other than the statement under test are not read back."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response["Content-Type"]
    if kind.startswith("application/") and "json" not in kind and MEETING not in url:
        return f"{kind} {len(body)} bytes"
    if kind.startswith("application/pdf"):
        return pdf_read(body)[0]
    if kind.startswith("application/vnd.openxmlformats"):
        return docx_read(body)[0]
    return PER_RESPONSE.sub("", unescape(body.decode("utf-8")))


def crawl(client) -> dict[str, str]:
    """Every public address reachable from the home pages, the lists' exports, the searches and the statement."""
    seen: dict[str, str] = {}
    queue = deque(["/en/", "/cy/", f"/en/meetings/{MEETING}/", f"/cy/meetings/{MEETING}/", *FILES])
    queue += [
        f"/{lang}/{path}?format={fmt}" for lang in ("en", "cy") for path in LISTS for fmt in ("csv", "json")
    ]
    queue += [
        f"/{lang}/search/?q={q}{fmt}"
        for lang in ("en", "cy")
        for q in ("zqxfirstmark", "zqxmarccyntaf", "zqxsecondmark", "zqxailfarc")
        for fmt in ("", "&format=csv", "&format=json")
    ]
    while queue:
        url = queue.popleft().replace("&amp;", "&")
        if url in seen or "/admin/" in url or "/reporting/" in url or len(seen) > 2000:
            continue
        response = client.get(url)
        if response.status_code == 404 and url in FILES:
            seen[url] = ""
            continue
        assert response.status_code == 200, url
        seen[url] = _text(url, response)
        if response["Content-Type"].startswith("text/html"):
            queue.extend(HREF.findall(seen[url]))
    return seen


def found(pages: dict[str, str], markers: dict[str, str]) -> dict[str, set[str]]:
    """Which addresses show each marker (a search page's own query, in lower case, does not count)."""
    return {lang: {url for url, text in pages.items() if marker in text} for lang, marker in markers.items()}


@pytest.fixture
def officials(db):
    made = {}
    for role in ("drafter", "translator", "approver", "publisher"):
        user = User.objects.create_user(role, f"{role}@example.gov.wales", None, is_staff=True)
        user.groups.add(Group.objects.get(name=f"IIRA {role}"))
        client = Client()
        client.force_login(user)
        made[role] = client
    return made


AFTER = {
    "send_for_translation": "awaiting_translation",
    "submit": "awaiting_approval",
    "approve": "approved",
    "publish": "published",
}


def act(client, document: ReportDocument, action: str) -> None:
    """One step on the officials' screen; it must have been taken."""
    response = client.post(f"/en/reporting/documents/{document.pk}/action/", {"action": action})
    assert response.status_code == 302
    assert ReportDocument.objects.get(pk=document.pk).state == AFTER[action], action


def write(client, document: ReportDocument, item: AgendaItem, **texts: str) -> None:
    data = {f"agendaitem-{item.pk}-position-{lang}": text for lang, text in texts.items()}
    assert client.post(f"/en/reporting/documents/{document.pk}/translate/", data).status_code == 302


def test_a_draft_is_public_only_once_published_and_a_correction_only_once_it_is(client, demo, officials):
    from igr.reporting.demo import load_reporting_demo

    load_reporting_demo()
    meeting = Meeting.objects.get(reference=MEETING)
    item = meeting.agenda_items.first()
    before = crawl(client)
    assert len(before) > 150

    officials["drafter"].post(f"/en/reporting/meetings/{MEETING}/start/", {"kind": "statement"})
    statement = ReportDocument.objects.get(meeting=meeting, kind="statement")
    write(officials["drafter"], statement, item, en=f"{FIRST['en']}: I set out the Welsh Government's view.")
    steps = {
        "draft saved": lambda: None,
        "sent for translation": lambda: act(officials["drafter"], statement, "send_for_translation"),
        "translated": lambda: (
            write(
                officials["translator"], statement, item, cy=f"{FIRST['cy']}: nodais farn Llywodraeth Cymru."
            ),
            act(officials["translator"], statement, "submit"),
        ),
        "approved": lambda: act(officials["approver"], statement, "approve"),
    }
    for name, step in steps.items():
        step()
        pages = crawl(client)
        assert found(pages, FIRST) == {"en": set(), "cy": set()}, name
        assert pages == before, name  # nothing public changed at all
    assert ReportDocument.objects.get(pk=statement.pk).state == "approved"

    act(officials["publisher"], statement, "publish")
    published = crawl(client)
    shown = found(published, FIRST)
    for lang in ("en", "cy"):
        own = {f"/{lang}/meetings/{MEETING}/statement{tail}" for tail in ("/", ".pdf", ".docx", ".html")}
        assert own <= shown[lang], lang
        assert f"/{lang}/meetings/{MEETING}/" in shown[lang]  # the position, as the statement published it
        assert any(url.startswith(f"/{lang}/search/?q=") for url in shown[lang])  # and found by search
    assert not any(published[url] == "" for url in FILES)

    # A correction: its draft changes nothing public; the first edition stays as it was.
    officials["drafter"].post(
        f"/en/reporting/documents/{statement.pk}/action/",
        {"action": "correct", "note_en": "corrected the position", "note_cy": "cywirwyd y safbwynt"},
    )
    correction = ReportDocument.objects.get(supersedes=statement)
    write(
        officials["drafter"],
        correction,
        item,
        en=f"{SECOND['en']}: the view, corrected.",
        cy=f"{SECOND['cy']}: y farn, wedi'i chywiro.",
    )
    assert crawl(client) == published
    act(officials["drafter"], correction, "submit")
    act(officials["approver"], correction, "approve")
    assert crawl(client) == published

    act(officials["publisher"], correction, "publish")
    corrected = crawl(client)
    shown = found(corrected, SECOND)
    for lang in ("en", "cy"):
        assert {f"/{lang}/meetings/{MEETING}/statement{tail}" for tail in ("/", ".pdf", ".docx")} <= shown[
            lang
        ]
        assert f"/{lang}/meetings/{MEETING}/statement/v1/" not in shown[lang]
    page = corrected[f"/en/meetings/{MEETING}/statement/"]
    assert "Last updated" in page and "corrected the position" in page and "First published." in page
    assert "Diweddarwyd ddiwethaf" in corrected[f"/cy/meetings/{MEETING}/statement/"]
    assert "cywirwyd y safbwynt" in corrected[f"/cy/meetings/{MEETING}/statement/"]
    # The first edition keeps its own address and text, marked as since corrected.
    first = client.get(f"/en/meetings/{MEETING}/statement/v1/").content.decode()
    assert FIRST["en"] in first and "which has since been corrected" in first
