"""Sources that disagree are kept side by side and flagged; what an official confirmed survives later ingests."""

from __future__ import annotations

import pytest

from igr.ingest.models import ReviewItem
from igr.ingest.services import decisions
from igr.ingest.services.pipeline import ingest_paths
from igr.register.models import Attendance, Meeting, Person, Provenance, Tenure

from .conftest import DOCS, ingest_official

pytestmark = pytest.mark.django_db
LETTER, STATEMENT = DOCS / "letter.txt", DOCS / "statement.txt"


@pytest.fixture
def official(db):
    return ingest_official()


@pytest.fixture
def twelfth(write_doc):
    """The statement, but saying the second meeting took place on 12 July."""
    text = STATEMENT.read_text(encoding="utf-8").replace("virtually on 11 July", "virtually on 12 July")
    return write_doc("statement-12-july.txt", text)


def test_disagreeing_dates_give_one_meeting_and_a_flagged_conflict(twelfth):
    report = ingest_paths([LETTER, twelfth]).as_dict()
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    assert meeting.date.isoformat() == "2023-07-11"  # the first source's value stands until someone decides
    assert report["meetings"] == {"inserted": 1, "updated": 0, "unchanged": 0}
    conflict = ReviewItem.objects.get(kind="conflict", field_name="date", object_id=meeting.pk)
    values = sorted(str(a["value"]) for a in conflict.alternatives)
    assert values == ["2023-07-11", "2023-07-12"]
    assert all(a["quote"] for a in conflict.alternatives)
    assert set(meeting.documents.values_list("kind", flat=True)) == {"letter", "written_statement"}


def test_a_corrected_date_survives_reingesting_the_disagreeing_source(twelfth, write_doc, official):
    ingest_paths([LETTER, twelfth])
    conflict = ReviewItem.objects.get(kind="conflict", field_name="date")
    decisions.correct(conflict, official, {"date": __import__("datetime").date(2023, 7, 12)})
    meeting = Meeting.objects.get()
    assert meeting.reference == "img-safety-security-migration/2023-07-12"
    fact = Provenance.objects.get(
        object_id=meeting.pk, content_type__model="meeting", field_name="date", extractor="review"
    )
    assert fact.confirmed_by == official and fact.confirmed_at is not None
    conflict.refresh_from_db()
    assert conflict.status == "corrected" and conflict.decided_by == official and conflict.decided_at
    # The 11 July letter again, re-typed (new bytes): the confirmed 12 July stands, and the disagreement is flagged.
    again = write_doc("letter-again.txt", LETTER.read_text(encoding="utf-8") + "\n")
    ingest_paths([again])
    meeting.refresh_from_db()
    assert meeting.date.isoformat() == "2023-07-12" and Meeting.objects.count() == 1
    assert ReviewItem.objects.filter(kind="conflict", field_name="date", status="open").count() == 1


def test_a_confirmed_capacity_is_not_overwritten(write_doc, official):
    ingest_paths([LETTER])
    galway = Attendance.objects.get(person__name="Cathy Galway")
    item = ReviewItem.objects.filter(object_id=galway.pk, content_type__model="attendance").first()
    decisions.confirm(item, official)
    observer = LETTER.read_text(encoding="utf-8").replace(
        "represented by senior officials, Cathy Galway and Julie Cummings.",
        "represented by senior officials, Cathy Galway and Julie Cummings, in an observational capacity.",
    )
    ingest_paths([write_doc("letter-observers.txt", observer)])
    galway.refresh_from_db()
    assert galway.capacity == "official"


def test_people_are_resolved_across_name_variants_and_change_post(write_doc):
    ingest_paths([LETTER])
    later = (
        LETTER.read_text(encoding="utf-8")
        .replace("second meeting", "third meeting")
        .replace("held on 11 July", "held on 5 March")
        .replace("25 September 2023", "2 April 2024")
        .replace(
            "Jane Hutt AS/MS\nMinister for Social Justice and Chief Whip",
            "Jane Hutt AS/MS\nCabinet Secretary for Culture and Social Justice",
        )
        .replace(
            "Jane Hutt AS/MS\nGweinidog Cyfiawnder Cymdeithasol a'r Prif Chwip\nMinister for Social Justice and Chief Whip",
            "Jane Hutt MS\nCabinet Secretary for Culture and Social Justice",
        )
    )
    ingest_paths([write_doc("letter-2024.txt", later)])
    assert Meeting.objects.count() == 2
    assert Person.objects.filter(name="Jane Hutt").count() == 1
    assert Person.objects.filter(name__icontains="Braverman").count() == 1
    hutt = Person.objects.get(name="Jane Hutt")
    tenures = {t.post.title_en: (t.start_date, t.end_date) for t in Tenure.objects.filter(person=hutt)}
    assert set(tenures) == {
        "Minister for Social Justice and Chief Whip",
        "Cabinet Secretary for Culture and Social Justice",
    }
    old = tenures["Minister for Social Justice and Chief Whip"]
    new = tenures["Cabinet Secretary for Culture and Social Justice"]
    assert old[1] is not None and old[1] < new[0] and new[1] is None
