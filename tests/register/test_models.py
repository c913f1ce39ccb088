"""Constraints live in the database, and their messages exist in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from igr.register.models import (
    AgendaItem,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Government,
    Meeting,
    Person,
    Post,
    Provenance,
    Tenure,
)

pytestmark = pytest.mark.django_db


def _body(key="img-test", **kw) -> Body:
    return Body.objects.create(key=key, tier="img", name_en="Test Interministerial Group", **kw)


def _violates(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_body_cannot_end_before_it_starts():
    _violates(lambda: _body(start_date=dt.date(2022, 1, 1), end_date=dt.date(2021, 1, 1)))


def test_body_cannot_be_its_own_predecessor():
    body = _body()
    body.predecessor = body
    _violates(lambda: body.save())


def test_meeting_reference_is_unique_per_body_and_day():
    body = _body()
    Meeting.objects.create(body=body, date=dt.date(2023, 7, 11))
    _violates(lambda: Meeting.objects.create(body=body, date=dt.date(2023, 7, 11)))


def test_meeting_ordinal_must_be_positive():
    _violates(lambda: Meeting.objects.create(body=_body(), date=dt.date(2023, 7, 11), ordinal=0))


def test_attendance_needs_person_or_description():
    meeting = Meeting.objects.create(body=_body(), date=dt.date(2023, 7, 11))
    _violates(lambda: Attendance.objects.create(meeting=meeting))
    Attendance.objects.create(
        meeting=meeting, description_cy="Uwch swyddog o Ogledd Iwerddon", capacity="official"
    )


def test_a_person_attends_a_meeting_once():
    meeting = Meeting.objects.create(body=_body(), date=dt.date(2023, 7, 11))
    person = Person.objects.create(key="jane-hutt", name="Jane Hutt")
    Attendance.objects.create(meeting=meeting, person=person)
    _violates(lambda: Attendance.objects.create(meeting=meeting, person=person))


def test_agenda_item_needs_a_title():
    meeting = Meeting.objects.create(body=_body(), date=dt.date(2023, 7, 11))
    _violates(lambda: AgendaItem.objects.create(meeting=meeting))


def test_tenure_cannot_end_before_it_starts():
    gov = Government.objects.create(key="wales", name_en="Welsh Government", name_cy="Llywodraeth Cymru")
    post = Post.objects.create(key="p", government=gov, title_en="Minister")
    person = Person.objects.create(key="x", name="X Y")
    _violates(
        lambda: Tenure.objects.create(
            person=person, post=post, start_date=dt.date(2023, 1, 2), end_date=dt.date(2023, 1, 1)
        )
    )


def test_provenance_confidence_is_between_zero_and_one():
    meeting = Meeting.objects.create(body=_body(), date=dt.date(2023, 7, 11))
    document = Document.objects.create(kind="letter")
    version = DocumentVersion.objects.create(document=document, language="en", content_hash="0" * 64)
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(Meeting)
    _violates(
        lambda: Provenance.objects.create(
            content_type=ct, object_id=meeting.pk, document_version=version, confidence=1.5
        )
    )
    _violates(
        lambda: Provenance.objects.create(
            content_type=ct, object_id=meeting.pk, document_version=version, span_start=10, span_end=5
        )
    )
    Provenance.objects.create(
        content_type=ct,
        object_id=meeting.pk,
        field_name="date",
        document_version=version,
        span_start=5,
        span_end=10,
        confidence=0.7,
    )


def test_document_version_revision_unique_per_language():
    document = Document.objects.create(kind="written_statement")
    DocumentVersion.objects.create(document=document, language="cy", content_hash="a" * 64)
    _violates(lambda: DocumentVersion.objects.create(document=document, language="cy", content_hash="b" * 64))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "A body cannot be dissolved before it was established."),
        ("cy", "Ni ellir diddymu corff cyn iddo gael ei sefydlu."),
    ],
)
def test_constraint_messages_in_both_languages(language, expected):
    body = Body(
        key="b", tier="img", name_en="B", start_date=dt.date(2022, 1, 1), end_date=dt.date(2021, 1, 1)
    )
    with translation.override(language), pytest.raises(ValidationError) as excinfo:
        body.full_clean()
    assert expected in str(excinfo.value)


def test_meeting_reference_follows_precision():
    body = _body("imsc")
    day = Meeting.objects.create(body=body, date=dt.date(2024, 3, 12))
    month = Meeting.objects.create(
        body=body, date=dt.date(2023, 11, 1), date_precision="month", status="planned"
    )
    assert day.reference == "imsc/2024-03-12"
    assert month.reference == "imsc/2023-11"
    assert day.get_absolute_url() == "/en/meetings/imsc/2024-03-12/"
