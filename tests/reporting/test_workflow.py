"""The workflow: each role may take only its own steps; publishing needs both languages and an approval;
a published version never changes, a correction is a new version; only published material reaches the public."""

from __future__ import annotations

import datetime as dt

import pytest

from igr.register.models import AgendaItem, Document
from igr.reporting import summary, workflow
from igr.reporting.models import Commitment, Obligation, PublishedDocumentError, PublishedFile, ReportDocument

from .readback import pdf_read

D = dt.date
State = ReportDocument.State


@pytest.fixture
def statement(seed_meeting, users):
    return workflow.start_draft(users["drafter"], "statement", meeting=seed_meeting, on=D(2023, 9, 25))


def run(document, *steps):
    for user, step in steps:
        step(document, user)
        document.refresh_from_db()
    return document


def through_approval(document, users):
    return run(
        document,
        (users["drafter"], workflow.send_for_translation),
        (users["translator"], workflow.submit_for_approval),
        (users["approver"], workflow.approve),
    )


STEPS = {
    "start": lambda u, m: workflow.start_draft(u, "letter", meeting=m),
    "send_for_translation": lambda u, d: workflow.send_for_translation(d, u),
    "finish_translation": lambda u, d: workflow.submit_for_approval(d, u),
    "approve": lambda u, d: workflow.approve(d, u),
    "publish": lambda u, d: workflow.publish(d, u, on=D(2023, 9, 25)),
}
ALLOWED = {
    "drafter": {"start", "send_for_translation"},
    "translator": {"finish_translation"},
    "approver": {"approve"},
    "publisher": {"publish"},
    "nobody": set(),
}


@pytest.mark.parametrize("role", list(ALLOWED))
def test_each_role_takes_only_its_own_steps(seed_meeting, users, role):
    """Every step is tried by every role, on a document in the right state for that step."""
    user = users[role]
    for step in STEPS:
        ReportDocument.objects.filter(meeting=seed_meeting).delete()
        document = ReportDocument.objects.create(kind="letter", meeting=seed_meeting, date=D(2023, 9, 25))
        if step == "finish_translation":
            run(document, (users["drafter"], workflow.send_for_translation))
        elif step == "approve":
            run(document, (users["drafter"], workflow.submit_for_approval))
        elif step == "publish":
            run(
                document,
                (users["drafter"], workflow.submit_for_approval),
                (users["approver"], workflow.approve),
            )
        target = seed_meeting if step == "start" else document
        if step == "start":
            document.delete()
        if step in ALLOWED[role]:
            STEPS[step](user, target)
        else:
            with pytest.raises(workflow.WorkflowError, match="Only an? "):
                STEPS[step](user, target)


def test_publishing_is_refused_while_the_welsh_is_missing(statement, users):
    item = AgendaItem.objects.filter(meeting=statement.meeting).first()
    item.position_cy = ""
    item.save()
    run(statement, (users["drafter"], workflow.send_for_translation))
    with pytest.raises(workflow.WorkflowError, match="Welsh text is incomplete"):
        workflow.submit_for_approval(statement, users["translator"])
    assert workflow.missing(statement)["cy"] and not workflow.missing(statement)["en"]
    # Even an approved document is refused if the Welsh disappears before publication.
    item.position_cy = "Mynegodd Llywodraeth Cymru ei siom."
    item.save()
    run(statement, (users["translator"], workflow.submit_for_approval), (users["approver"], workflow.approve))
    item.position_cy = ""
    item.save()
    with pytest.raises(workflow.WorkflowError, match="Welsh text is incomplete"):
        workflow.publish(statement, users["publisher"])
    statement.refresh_from_db()
    assert statement.state == State.APPROVED and not PublishedFile.objects.filter(document=statement).exists()


def test_a_change_after_approval_needs_approving_again(statement, users):
    through_approval(statement, users)
    item = AgendaItem.objects.filter(meeting=statement.meeting).first()
    item.position_en += " Added later."
    item.save()
    with pytest.raises(workflow.WorkflowError, match="approving again"):
        workflow.publish(statement, users["publisher"])
    run(statement, (users["approver"], workflow.return_to_draft))
    assert statement.state == State.DRAFT and not statement.approved_hash


def test_publication_freezes_both_languages_meets_the_obligation_and_keeps_history(statement, users):
    through_approval(statement, users)
    assert summary.meeting_reporting(statement.meeting)[0]["documents"] == [] or all(
        "/published/" not in link["url"]
        for row in summary.meeting_reporting(statement.meeting)
        for link in row["documents"]
    ), "an approved but unpublished statement is not public"
    workflow.publish(statement, users["publisher"], on=D(2023, 9, 22))
    statement.refresh_from_db()
    assert statement.state == State.PUBLISHED and statement.date == D(2023, 9, 22)
    assert PublishedFile.objects.filter(document=statement).count() == 6
    text, _links = pdf_read(
        bytes(PublishedFile.objects.get(document=statement, language="cy", format="pdf").content)
    )
    assert "DATGANIAD GAN LYWODRAETH CYMRU" in text and "22 Medi 2023" in text
    # Our statement is what meets the obligation.
    obligation = Obligation.objects.get(meeting=statement.meeting, deliverable="written_statement")
    assert obligation.met_by == statement and obligation.met_on == D(2023, 9, 22)
    record = statement.register_document
    assert record.published and record.kind == Document.Kind.WRITTEN_STATEMENT
    assert set(record.versions.values_list("language", flat=True)) == {"en", "cy"}
    assert "Datganiad Ysgrifenedig" in record.title_cy
    # Immutable: neither the version nor its files change.
    statement.date = D(2023, 9, 30)
    with pytest.raises(PublishedDocumentError):
        statement.save()
    stored = PublishedFile.objects.filter(document=statement).first()
    stored.content = b"tampered"
    with pytest.raises(PublishedDocumentError):
        stored.save()
    # The statement promised to update Members on the next meeting's date: a commitment, open.
    promise = Commitment.objects.get(made_in=statement)
    assert promise.kind == "next_meeting_date" and promise.is_open and promise.text_cy
    # A correction is a new version; the first stays published, and its date is still what met the obligation.
    correction = workflow.start_correction(
        statement, users["drafter"], "Corrects a title.", "Yn cywiro teitl."
    )
    assert correction.version == 2 and correction.supersedes == statement and correction.state == State.DRAFT
    with pytest.raises(workflow.WorkflowError, match="already been corrected"):
        workflow.start_correction(statement, users["drafter"], "Again.", "Eto.")
    through_approval(correction, users)
    workflow.publish(correction, users["publisher"], on=D(2023, 9, 29))
    obligation.refresh_from_db()
    assert obligation.met_on == D(2023, 9, 22)
    assert list(
        record.versions.filter(language="cy").values_list("revision", flat=True).order_by("revision")
    ) == [1, 2]
    versions = {
        link["version"] for row in summary.meeting_reporting(statement.meeting) for link in row["documents"]
    }
    assert versions == {1, 2}
    correction.refresh_from_db()
    assert "Fersiwn wedi'i chywiro (fersiwn 2" in " ".join(correction.snapshot["cy"]["notes"])


def test_a_notice_promise_is_kept_by_the_letter_after_the_meeting(seed_meeting, users):
    Document.objects.filter(
        meetings=seed_meeting, kind="notice"
    ).delete()  # as if the June letter were not recorded
    notice = workflow.start_draft(users["drafter"], "notice", meeting=seed_meeting, on=D(2023, 7, 3))
    run(notice, (users["drafter"], workflow.submit_for_approval), (users["approver"], workflow.approve))
    workflow.publish(notice, users["publisher"], on=D(2023, 7, 3))
    promise = Commitment.objects.get(made_in=notice)
    assert promise.kind == "report_after_meeting" and promise.is_open
    letter = workflow.start_draft(users["drafter"], "letter", meeting=seed_meeting, on=D(2023, 9, 25))
    run(letter, (users["drafter"], workflow.submit_for_approval), (users["approver"], workflow.approve))
    workflow.publish(letter, users["publisher"], on=D(2023, 9, 25))
    promise.refresh_from_db()
    assert promise.kept_by == letter and promise.kept_on == D(2023, 9, 25)


def test_drafts_are_never_public(statement, client):
    response = client.get(f"/en/reporting/published/{statement.pk}/en.pdf")
    assert response.status_code == 404
    assert (
        client.get(f"/en/reporting/documents/{statement.pk}/preview/en.pdf").status_code == 302
    )  # sign in first
