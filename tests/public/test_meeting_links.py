"""Every link on every public meeting page answers 200 with the right content type, in both languages.

The register holds the demonstration (the seed meeting's letter and statement published as editions), a
communiqué read by ingest from its published address (stored copy public), and a file an official uploaded with
no public address (stored copy for officials only). Links to other sites cannot be followed here (the network is
closed): each must be an address the register recorded for that meeting.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client

from igr.register.models import Document, DocumentVersion, Meeting
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db

ANCHOR = re.compile(r"<a\s[^>]*>", re.S)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
COMMUNIQUE = SHARED / "corpus" / "dev" / "uk-004.txt"


def anchors(html: str) -> list[tuple[str, str]]:
    """(href, declared type) of each link on the page."""
    out = []
    for tag in ANCHOR.findall(html):
        href = re.search(r'href="([^"]*)"', tag)
        declared = re.search(r'type="([^"]*)"', tag)
        if href:
            out.append((unescape(href.group(1)), declared.group(1) if declared else ""))
    return out


def expected_type(url: str, declared: str) -> str:
    if declared:
        return declared
    if url.endswith(".pdf"):
        return "application/pdf"
    if url.endswith(".docx"):
        return DOCX
    if "format=csv" in url:
        return "text/csv"
    if "format=json" in url:
        return "application/json"
    return "text/html"


@pytest.fixture
def register(demo, settings, tmp_path):
    from igr.ingest.services.pipeline import ingest_paths
    from igr.reporting.demo import load_reporting_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_reporting_demo()
    if not COMMUNIQUE.exists():
        pytest.skip("the shared corpus is not present")
    report = ingest_paths([COMMUNIQUE])
    assert report.as_dict()["documents"]["new"] == 1, report.as_dict()
    seed = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    uploaded = Document.objects.create(
        kind="press_release", title_en="Briefing note", title_cy="Nodyn briffio"
    )
    uploaded.meetings.add(seed)
    version = DocumentVersion(
        document=uploaded, language="en", content_hash="b" * 64, media_type="text/plain"
    )
    version.file.save(
        "briefing.txt", ContentFile(b"A note received by email, never published.\n"), save=False
    )
    version.save()
    return version


def test_every_link_on_every_meeting_page_answers_with_its_type(client, register):
    """Each public meeting's page in both languages, and the pages of the documents it links, link by link."""
    recorded = {m.communique_url for m in Meeting.objects.public() if m.communique_url}
    recorded |= set(
        DocumentVersion.objects.public().exclude(source_url="").values_list("source_url", flat=True)
    )
    pages = [
        f"/{language}{m.get_absolute_url()[3:]}"
        for m in Meeting.objects.public()
        for language in ("en", "cy")
    ]
    queue, visited, checked, external = list(pages), set(), 0, set()
    while queue:
        address = queue.pop(0)
        if address in visited:
            continue
        visited.add(address)
        page = client.get(address)
        assert page.status_code == 200, address
        for url, declared in anchors(page.content.decode()):
            if url.startswith(("http://", "https://")):
                external.add(url)
                continue
            if url.startswith(("#", "mailto:")):
                continue
            response = client.get(url)
            if response.status_code == 302 and "/login/" in response["Location"]:  # "Sign in for officials"
                response = client.get(response["Location"])
            assert response.status_code == 200, (address, url)
            assert response["Content-Type"].startswith(expected_type(url, declared)), (
                url,
                response["Content-Type"],
            )
            checked += 1
            if address in pages and re.search(
                r"/meetings/.+/(letter|statement|notice)(-\d+)?/(v\d+/)?$", url
            ):
                queue.append(url)
    assert len(visited) > len(pages) and checked > 400
    assert (
        external - {"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"} <= recorded
    )


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_seed_meeting_links_its_letter_and_statement_in_both_languages_and_formats(
    client, register, language
):
    html = client.get(f"/{language}/meetings/img-safety-security-migration/2023-07-11/").content.decode()
    links = {url for url, _type in anchors(html)}
    for kind in ("letter", "statement"):
        for lang in ("en", "cy"):
            base = f"/{lang}/meetings/img-safety-security-migration/2023-07-11/{kind}"
            assert {f"{base}/", f"{base}.pdf", f"{base}.docx"} <= links, (kind, lang)
    types = {url: client.get(url)["Content-Type"] for url in links if "/statement" in url or "/letter" in url}
    assert {t.split(";")[0] for t in types.values()} == {"text/html", "application/pdf", DOCX}
    # The frozen HTML file keeps its own style under a policy of its own, and cannot run as part of the site.
    frozen = client.get(f"/{language}/meetings/img-safety-security-migration/2023-07-11/statement.html")
    assert frozen["Content-Type"] == "text/html; charset=utf-8" and "<style>" in frozen.content.decode()
    assert (
        frozen["Content-Security-Policy"]
        == "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
    )


def test_a_source_is_listed_with_its_address_its_copy_and_when_it_was_stored(client, register):
    communique = DocumentVersion.objects.exclude(source_url="").get(
        document__meetings__reference="imsc/2023-05-17"
    )
    html = unescape(client.get("/en/meetings/imsc/2023-05-17/").content.decode())
    assert f'href="{communique.source_url}"' in html
    copy = f"/en/documents/{communique.document_id}/{communique.language}/{communique.revision}/"
    assert f'href="{copy}"' in html and "stored copy" in html
    response = client.get(copy)
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert (
        response["Content-Security-Policy"] == "sandbox" and response["X-Content-Type-Options"] == "nosniff"
    )
    assert Path(communique.file.path).read_bytes() == response.content
    assert "stored " in html or "fetched " in html
    welsh = unescape(client.get("/cy/meetings/imsc/2023-05-17/").content.decode())
    assert "copi a gadwyd" in welsh and "y cyfeiriad gwreiddiol" in welsh


def test_a_copy_with_no_public_source_is_for_officials_only(client, register):
    url = f"/en/documents/{register.document_id}/en/1/"
    assert url not in client.get("/en/meetings/img-safety-security-migration/2023-07-11/").content.decode()
    assert client.get(url).status_code == 404
    official = Client()
    official.force_login(
        User.objects.create_user("official", "official@example.gov.wales", None, is_staff=True)
    )
    page = official.get("/en/meetings/img-safety-security-migration/2023-07-11/").content.decode()
    assert url in page and "stored copy (officials only)" in page
    response = official.get(url)
    assert response.status_code == 200 and response.content.startswith(b"A note received by email")
    assert client.get("/en/documents/99999999999999999999999/en/1/").status_code == 404
