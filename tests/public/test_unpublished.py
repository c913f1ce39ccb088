"""Nothing unpublished is reachable anonymously: plant marked drafts, crawl the whole site and every list's CSV
and JSON, search for the markers, and find the site exactly as it was before the drafts were planted."""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from urllib.parse import parse_qs, urlsplit

import pytest

from igr.register.models import (
    AgendaItem,
    Agreement,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Government,
    Meeting,
    Person,
)

pytestmark = pytest.mark.django_db

MARKERS = re.compile(r"draftmarker|draftonly|imsc/2024-02-02|draft-agreement", re.IGNORECASE)
HREF = re.compile(r'href="(/(?:en|cy)/[^"#]*)')
LISTS = ["meetings/", "bodies/", "people/", "agreements/"]
# Differ on every response by design: the Content-Security-Policy nonce, the sign-in form's CSRF token.
PER_RESPONSE = re.compile(r' nonce="[^"]*"|(?<=name="csrfmiddlewaretoken" value=")[^"]*')


def _crawl(client) -> dict[str, str]:
    """Every page reachable from both home pages by following links, plus each list as CSV and JSON."""
    seen: dict[str, str] = {}
    queue = deque(
        ["/en/", "/cy/"]
        + [
            f"/{lang}/{path}?format={fmt}"
            for lang in ("en", "cy")
            for path in LISTS
            for fmt in ("csv", "json")
        ]
    )
    queue += [
        f"/{lang}/search/?q={q}&format={fmt}"
        for lang in ("en", "cy")
        for q in ("draftmarker", "draftonly", "braverman")
        for fmt in ("csv", "json")
    ]
    queue += [
        f"/{lang}/search/?q={q}" for lang in ("en", "cy") for q in ("draftmarker", "draftonly", "imsc 2024")
    ]
    while queue:
        url = queue.popleft().replace("&amp;", "&")
        if url in seen or "/admin/" in url or len(seen) > 1500:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        seen[url] = PER_RESPONSE.sub("", body.decode("utf-8"))
        if "text/html" in response["Content-Type"]:
            queue.extend(HREF.findall(seen[url]))
    return seen


def _plant_drafts() -> None:
    body = Body.objects.get(key="imsc")
    wales = Government.objects.get(key="wales")
    draft = Meeting.objects.create(
        body=body,
        date=dt.date(2024, 2, 2),
        status="held",
        published=False,
        location_en="DRAFTMARKER location",
        location_cy="DRAFTMARKER lleoliad",
    )
    person = Person.objects.create(key="draftonly-person", name="Draftonly Person")
    Attendance.objects.create(meeting=draft, person=person, government=wales)
    AgendaItem.objects.create(meeting=draft, title_en="DRAFTMARKER topic", title_cy="DRAFTMARKER pwnc")
    seed = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    embargoed = Document.objects.create(
        kind="written_statement",
        date=dt.date(2023, 7, 20),
        published=False,
        title_en="DRAFTMARKER embargoed statement",
        title_cy="DRAFTMARKER datganiad",
    )
    embargoed.meetings.add(seed, draft)
    DocumentVersion.objects.create(
        document=embargoed, language="en", content_hash="d" * 64, text="DRAFTMARKER embargoed text"
    )
    agreement = Agreement.objects.create(
        key="draft-agreement", kind="mou", title_en="DRAFTMARKER agreement", published=False
    )
    agreement.parties.add(wales)


def test_no_draft_is_reachable_and_the_site_is_unchanged_by_drafts(client, demo):
    before = _crawl(client)
    _plant_drafts()
    after = _crawl(client)
    # A search page repeats its own (lower-case) query; the planted markers are capitalised, so they still show.
    echoed = {
        url: text.replace(parse_qs(urlsplit(url).query).get("q", ["\0"])[0], "")
        for url, text in after.items()
    }
    leaks = {url: MARKERS.search(text).group() for url, text in echoed.items() if MARKERS.search(text)}
    assert not leaks, leaks
    assert len(after) > 150  # the crawl really covered the site: pages of every type in both languages
    assert {re.sub(r"^/(en|cy)/([a-z]+)/.*", r"\2", u) for u in after} >= {
        "meetings",
        "bodies",
        "people",
        "agreements",
        "timeliness",
        "search",
    }
    changed = [url for url in before if before[url] != after.get(url)]
    assert not changed, changed[:10]
    for url in (
        "/en/meetings/imsc/2024-02-02/",
        "/cy/people/draftonly-person/",
        "/en/agreements/draft-agreement/",
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_person_filter_names_nobody_seen_only_at_a_draft(client, demo, language):
    """Asking for a draft-only person by key shows the list as for an unknown key, never the person's name."""
    _plant_drafts()
    pages = {
        fmt: client.get(f"/{language}/meetings/?person=draftonly-person{fmt}")
        for fmt in ("", "&format=csv", "&format=json")
    }
    for fmt, response in pages.items():
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert "Draftonly Person" not in body.decode(), fmt or "html"
    unknown = PER_RESPONSE.sub(
        "", client.get(f"/{language}/meetings/?person=no-such-person").content.decode()
    )
    assert (
        PER_RESPONSE.sub("", pages[""].content.decode()).replace("draftonly-person", "no-such-person")
        == unknown
    )
