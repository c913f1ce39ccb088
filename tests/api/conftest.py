"""The register the API tests read: the demonstration with its reporting (the seed letter and statement published
as editions), and drafts planted with markers that no answer may contain."""

from __future__ import annotations

import datetime as dt

import pytest

MARKER = "draftmarker"


@pytest.fixture
def register(demo, settings, tmp_path):
    from igr.reporting.demo import load_reporting_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_reporting_demo()


def plant_drafts() -> None:
    """An unpublished meeting with a person seen nowhere else, an embargoed statement about a public meeting and
    the draft, and an unpublished agreement: every one marked."""
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

    body, wales = Body.objects.get(key="imsc"), Government.objects.get(key="wales")
    draft = Meeting.objects.create(
        body=body,
        date=dt.date(2024, 2, 2),
        status="held",
        published=False,
        location_en="DRAFTMARKER location",
        location_cy="DRAFTMARKER lleoliad",
    )
    person = Person.objects.create(key="draftmarker-person", name="Draftmarker Person")
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
        document=embargoed,
        language="en",
        content_hash="d" * 64,
        source_url="https://example.org/draftmarker",
        text="DRAFTMARKER embargoed text",
    )
    agreement = Agreement.objects.create(
        key="draftmarker-agreement", kind="mou", title_en="DRAFTMARKER agreement", published=False
    )
    agreement.parties.add(wales)
