"""Officials' pages in English and Welsh: the upload (content check, size limit, path tricks, the queue and the
run's page) and the review queue."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from igr.ingest.models import IngestRun, ReviewItem
from igr.ingest.services import queue
from igr.ingest.services.pipeline import ingest_paths
from igr.register.models import DocumentVersion, Meeting, Provenance

from .conftest import DOCS, ingest_official, row_counts

pytestmark = pytest.mark.django_db
LANGS = ["en", "cy"]


@pytest.fixture
def official(client):
    user = ingest_official()
    client.force_login(user)
    return user


def _upload(client, lang: str, name: str, data: bytes):
    return client.post(f"/{lang}/ingest/", {"document": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("lang", LANGS)
def test_upload_is_queued_then_read_by_the_worker_and_followed_on_its_page(client, official, lang, media):
    response = _upload(client, lang, "../../../etc/letter.txt", (DOCS / "letter.txt").read_bytes())
    run = IngestRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/{lang}/ingest/runs/{run.pk}/"
    assert run.status == "queued" and run.user == official and not DocumentVersion.objects.exists()
    queued = Path(media, run.upload).resolve()
    assert queued.is_file() and queued.is_relative_to(Path(media).resolve()) and "letter" not in run.upload
    page = client.get(response["Location"]).content.decode()
    assert ("Queued" if lang == "en" else "Yn y ciw") in page and 'http-equiv="refresh"' in page
    assert (
        "Waiting for the worker; 0 uploads are ahead of it."
        if lang == "en"
        else "Yn aros am y gweithiwr; mae 0 ffeil o'i flaen."
    ) in page.replace("&#x27;", "'")

    assert queue.work_once().pk == run.pk
    run.refresh_from_db()
    assert run.status == "done" and run.processed == 1 and not run.upload and not queued.exists()
    page = client.get(response["Location"]).content.decode()
    assert (
        "1 new, 0 unchanged, 0 revised" if lang == "en" else "1 newydd, 0 heb newid, 0 wedi'u diwygio"
    ) in page
    assert 'http-equiv="refresh"' not in page
    version = DocumentVersion.objects.get()
    assert Meeting.objects.count() == 1
    stored = Path(media, version.file.name).resolve()
    assert stored.is_file() and stored.is_relative_to(Path(media).resolve())
    assert version.file.name == f"documents/{version.content_hash[:2]}/{version.content_hash}.txt"
    assert [p for p in Path(media).rglob("*") if p.is_file()] == [
        stored
    ]  # nothing under the given name, nothing left over
    listing = client.get(f"/{lang}/ingest/").content.decode()
    assert (
        f"/{lang}/ingest/runs/{run.pk}/" in listing
        and ("Finished" if lang == "en" else "Wedi gorffen") in listing
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "name,data",
    [
        ("statement.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),  # an image calling itself a PDF
        ("letter.docx", b"PK\x03\x04" + b"not really a zip" * 10),  # a broken archive calling itself Word
        ("notes.txt", b"MZ\x90\x00\x03" + b"\x00" * 100),  # a program calling itself text
    ],
)
def test_upload_checks_content_not_the_name(client, official, lang, name, data):
    before = row_counts()
    response = _upload(client, lang, name, data)
    text = response.content.decode()
    expected = (
        "is not a PDF, Word document, web page or plain text"
        if lang == "en"
        else "Nid PDF, dogfen Word, tudalen we na thestun plaen"
    )
    assert response.status_code == 200 and expected in text
    assert row_counts() == before


@pytest.mark.parametrize("lang", LANGS)
def test_upload_size_limit(client, official, lang, settings):
    settings.IGR_MAX_UPLOAD_BYTES = 1000
    before = row_counts()
    response = _upload(client, lang, "letter.txt", (DOCS / "letter.txt").read_bytes())
    text = response.content.decode().replace("&#x27;", "'")
    assert ("The file is larger than 1000" if lang == "en" else "Mae'r ffeil yn fwy na 1000") in text
    assert row_counts() == before


@pytest.mark.parametrize("lang", LANGS)
def test_a_corrupt_pdf_gets_the_readers_message_in_the_users_language(client, official, lang, media):
    before = row_counts()
    response = _upload(client, lang, "x.pdf", b"%PDF-1.7\n" + b"\x01broken" * 40)
    queue.work_once()
    text = client.get(response["Location"]).content.decode().replace("&#x27;", "'")
    assert ("Failed" if lang == "en" else "Wedi methu") in text
    assert (
        "The PDF is damaged or incomplete." if lang == "en" else "Mae'r PDF wedi'i ddifrodi neu'n anghyflawn."
    ) in text
    assert row_counts() == before | {
        "ingest.IngestRun": 1
    }  # the register unchanged; the upload's run says why
    assert not [p for p in Path(media).rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    "url",
    [
        "/en/ingest/",
        "/cy/ingest/",
        "/en/ingest/review/",
        "/cy/ingest/review/",
        "/en/ingest/review/1/",
        "/en/ingest/runs/1/",
    ],
)
def test_officials_pages_are_never_visible_anonymously_or_to_the_public(client, url):
    ingest_paths([DOCS / "letter.txt"])
    response = client.get(url)
    assert response.status_code == 302 and "sign-in" in response["Location"]
    client.force_login(get_user_model().objects.create_user("member", password="pw"))
    assert client.get(url).status_code == 403
    assert "Cathy Galway" not in client.get(url, follow=True).content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_review_item_shows_the_span_and_records_who_confirmed(client, official, lang):
    ingest_paths([DOCS / "letter.txt"])
    item = ReviewItem.objects.filter(kind="new_person", value="Cathy Galway").get()
    listing = client.get(f"/{lang}/ingest/review/").content.decode()
    assert ("New person" if lang == "en" else "Person newydd") in listing
    page = client.get(f"/{lang}/ingest/review/{item.pk}/").content.decode()
    assert "<mark>Cathy Galway</mark>" in page
    assert (
        "Confirm the value in the register" if lang == "en" else "Cadarnhau'r gwerth yn y gofrestr"
    ) in page.replace("&#x27;", "'")
    response = client.post(f"/{lang}/ingest/review/{item.pk}/", {"action": "confirm"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "confirmed" and item.decided_by == official and item.decided_at
    fact = Provenance.objects.get(content_type__model="person", object_id=item.object_id, field_name="name")
    assert fact.confirmed_by == official and fact.confirmed_at


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_forum_is_corrected_in_both_languages(client, official, lang, write_doc):
    text = (DOCS / "communique.txt").read_text(encoding="utf-8")
    pipeline_text = text.replace("Interministerial Group for Trade", "Four Nations Ports Forum")
    from igr.ingest.services.pipeline import Pipeline
    from igr.ingest.services.sources import Source

    record = {
        "doc_type": "communique",
        "issuing_government": "UK Government",
        "published_date": "2024-02-15",
        "language": "en",
        "meetings": [
            {
                "body": "Four Nations Ports Forum",
                "meeting_date": "2024-02-14",
                "attendees": [],
                "mode": "in_person",
                "location": "Edinburgh",
            }
        ],
    }
    Pipeline().ingest_records(Source("ports.txt", pipeline_text.encode()), "txt", pipeline_text, [record])
    item = ReviewItem.objects.get(kind="new_body")
    page = client.get(f"/{lang}/ingest/review/{item.pk}/").content.decode()
    assert 'name="correct-name_en"' in page and 'name="correct-name_cy"' in page
    response = client.post(
        f"/{lang}/ingest/review/{item.pk}/",
        {
            "action": "correct",
            "correct-name_en": "Four Nations Ports Forum",
            "correct-name_cy": "Fforwm Porthladdoedd y Pedair Gwlad",
        },
    )
    assert response.status_code == 302
    body = item.record
    body.refresh_from_db()
    assert body.name_cy == "Fforwm Porthladdoedd y Pedair Gwlad"
    item.refresh_from_db()
    assert item.status == "corrected" and item.decided_by == official
