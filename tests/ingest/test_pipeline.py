"""The pipeline on documents we wrote in the seed letter's and statement's shape: merging, idempotency, revisions."""

from __future__ import annotations

import pytest

from igr.ingest.models import IngestRun
from igr.ingest.services.pipeline import ingest_paths
from igr.register.models import Attendance, Document, DocumentVersion, Meeting, Person, Provenance, Tenure

from .conftest import DOCS, row_counts

pytestmark = pytest.mark.django_db
LETTER, STATEMENT = DOCS / "letter.txt", DOCS / "statement.txt"


def _ni(meeting: Meeting) -> list[Attendance]:
    return [
        a
        for a in meeting.attendances.select_related("person", "government")
        if a.government and a.government.key == "northern-ireland"
    ]


@pytest.mark.parametrize(
    "order", [(LETTER, STATEMENT), (STATEMENT, LETTER)], ids=["letter-first", "statement-first"]
)
def test_letter_and_statement_become_one_meeting_with_both_sources(order):
    report = ingest_paths(order)
    assert report.as_dict()["documents"] == {"new": 2, "unchanged": 0, "revised": 0, "failed": 0}
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    assert meeting.reference == "img-safety-security-migration/2023-07-11"
    assert (
        meeting.ordinal == 2
        and meeting.mode == Meeting.Mode.VIRTUAL
        and meeting.status == Meeting.Status.HELD
    )
    assert sorted(meeting.documents.values_list("kind", flat=True)) == ["letter", "written_statement"]
    assert meeting.chair.name == "Suella Braverman"
    # The statement's "senior officials" of Northern Ireland are the letter's two named officials, not a third row.
    ni = _ni(meeting)
    assert sorted(a.person.name for a in ni if a.person) == ["Cathy Galway", "Julie Cummings"]
    assert all(a.person and a.capacity == "official" for a in ni)
    statement = DocumentVersion.objects.get(document__kind="written_statement")
    for row in ni:
        quotes = Provenance.objects.filter(
            object_id=row.pk, content_type__model="attendance", document_version=statement
        )
        assert [q.quote for q in quotes] and all("senior officials" in q.quote.lower() for q in quotes)
    assert meeting.attendances.count() == 5
    assert report.as_dict()["meetings"]["inserted"] == 1


def test_every_fact_points_back_to_its_document_version_and_span():
    ingest_paths([LETTER, STATEMENT])
    meeting = Meeting.objects.get()
    versions = {v.pk: v for v in DocumentVersion.objects.all()}
    facts = Provenance.objects.filter(content_type__model="meeting", object_id=meeting.pk)
    assert {"date", "ordinal", "mode"} <= set(facts.values_list("field_name", flat=True))
    for fact in Provenance.objects.exclude(span_start=None):
        assert versions[fact.document_version_id].text[fact.span_start : fact.span_end][:1000] == fact.quote
    mode = facts.get(field_name="mode")
    assert versions[mode.document_version_id].document.kind == "written_statement" and "virtual" in mode.quote
    hutt = Person.objects.get(name="Jane Hutt")
    assert Tenure.objects.filter(
        person=hutt, post__title_en="Minister for Social Justice and Chief Whip"
    ).exists()


def test_same_files_again_change_no_row_and_report_unchanged():
    ingest_paths([LETTER, STATEMENT])
    before = row_counts()
    stamps = list(Meeting.objects.values_list("pk", "updated_at"))
    report = ingest_paths([LETTER, STATEMENT]).as_dict()
    assert report["documents"] == {"new": 0, "unchanged": 2, "revised": 0, "failed": 0}
    assert report["meetings"] == {"inserted": 0, "updated": 0, "unchanged": 1}
    assert report["review_items"] == 0
    assert row_counts() == before
    assert list(Meeting.objects.values_list("pk", "updated_at")) == stamps


def test_a_revised_text_at_the_same_address_is_a_new_revision_whose_changes_flow_through(write_doc):
    text = STATEMENT.read_text(encoding="utf-8")
    first = write_doc(
        "statement.txt", text.replace("took place virtually on 11 July", "took place on 12 July")
    )
    (first.with_suffix(".json")).write_text('{"url": "https://www.gov.wales/written-statement-ssm-img"}')
    ingest_paths([first])
    assert Meeting.objects.get().date.day == 12 and Meeting.objects.get().mode == ""
    first.write_text(text, encoding="utf-8")  # the corrected statement, republished at the same address
    report = ingest_paths([first]).as_dict()
    assert report["documents"]["revised"] == 1 and report["meetings"] == {
        "inserted": 0,
        "updated": 1,
        "unchanged": 0,
    }
    assert Document.objects.count() == 1
    assert list(DocumentVersion.objects.order_by("revision").values_list("revision", flat=True)) == [1, 2]
    meeting = Meeting.objects.get()
    assert meeting.reference == "img-safety-security-migration/2023-07-11" and meeting.mode == "virtual"


def test_command_prints_counts(capsys):
    from django.core.management import call_command

    call_command("ingest", str(DOCS), "--no-progress")
    out = capsys.readouterr().out
    assert (
        "Documents: 4 new, 0 unchanged, 0 revised, 0 failed" in out
    )  # the Welsh statement is a version of one of them
    assert "Meetings: 2 inserted, 0 updated, 0 unchanged" in out
    call_command("ingest", str(LETTER), str(STATEMENT), "--no-progress")
    out = capsys.readouterr().out
    assert (
        "Documents: 0 new, 2 unchanged, 0 revised, 0 failed" in out
        and "Meetings: 0 inserted, 0 updated, 1 unchanged" in out
    )
    assert IngestRun.objects.count() == 1  # a run that changed nothing leaves no trace
