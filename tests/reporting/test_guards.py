"""The guards, each refusing in English and in Welsh and leaving the document as it was: no silent second
statement, nothing empty or half-translated moves on, four eyes on approval and publication, no documents about
meetings the public cannot see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.utils import translation

from igr.register.models import AgendaItem, Attendance, Document, Meeting
from igr.reporting import workflow
from igr.reporting.models import ReportDocument

D = dt.date
State = ReportDocument.State


def refused(step, *args, **kwargs) -> dict[str, str]:
    """The refusal's message in both languages (the step is tried once per language; neither may pass)."""
    messages = {}
    for language in ("en", "cy"):
        with translation.override(language):
            with pytest.raises(workflow.WorkflowError) as caught:
                step(*args, **kwargs)
            messages[language] = str(caught.value)
    return messages


def to_approval(document, users) -> ReportDocument:
    workflow.send_for_translation(document, users["drafter"])
    workflow.submit_for_approval(document, users["translator"])
    document.refresh_from_db()
    return document


def test_a_second_statement_says_which_it_follows(seed_meeting, seed_reported, users):
    messages = refused(workflow.start_draft, users["drafter"], "statement", meeting=seed_meeting)
    assert (
        "There is already a published written statement about this meeting (25 September 2023)"
        in messages["en"]
    )
    assert (
        "Mae datganiad ysgrifenedig am y cyfarfod hwn wedi'i gyhoeddi eisoes (25 Medi 2023)" in messages["cy"]
    )
    assert ReportDocument.objects.filter(meeting=seed_meeting, kind="statement").count() == 1
    record = seed_reported["statement"].register_document
    # An addition names what it follows; it is a document of its own, with its own address.
    addition = workflow.start_follow_up(
        users["drafter"], "statement", seed_meeting, record, "addition", on=D(2023, 11, 20)
    )
    assert (addition.series, addition.version, addition.follows_record) == (2, 1, record)
    assert (
        "This statement follows the written statement of 25 September 2023."
        in workflow.composed(addition, "en").notes
    )
    assert (
        "Mae'r datganiad hwn yn dilyn y datganiad ysgrifenedig dyddiedig 25 Medi 2023."
        in workflow.composed(addition, "cy").notes
    )
    # While it is unfinished, nothing else of that kind starts.
    refused(
        workflow.start_follow_up,
        users["drafter"],
        "statement",
        seed_meeting,
        record,
        "correction",
        "Note.",
        "Nodyn.",
    )


def test_a_correction_of_our_own_edition_is_its_next_version(seed_meeting, seed_reported, users):
    record = seed_reported["letter"].register_document
    messages = refused(
        workflow.start_follow_up, users["drafter"], "letter", seed_meeting, record, "correction"
    )
    assert messages["en"] == "Say what the correction changes, in English and in Welsh."
    assert messages["cy"] != messages["en"] and "Saesneg" in messages["cy"]
    correction = workflow.start_follow_up(
        users["drafter"],
        "letter",
        seed_meeting,
        record,
        "correction",
        "Next meeting's date.",
        "Dyddiad y cyfarfod nesaf.",
    )
    assert correction.supersedes == seed_reported["letter"] and (correction.series, correction.version) == (
        1,
        2,
    )
    assert correction.texts == seed_reported["letter"].texts  # it starts from what was published


def test_a_correction_of_a_record_from_elsewhere_is_a_new_document_naming_it(seed_meeting, users):
    record = Document.objects.create(
        kind="written_statement", date=D(2023, 9, 25), title_en="Written Statement"
    )
    record.meetings.add(seed_meeting)
    refused(workflow.start_draft, users["drafter"], "statement", meeting=seed_meeting)
    correction = workflow.start_follow_up(
        users["drafter"],
        "statement",
        seed_meeting,
        record,
        "correction",
        "Corrects a name.",
        "Yn cywiro enw.",
    )
    assert (correction.relation, correction.follows_record, correction.supersedes) == (
        "correction",
        record,
        None,
    )
    assert any(
        n == "Corrected version, replacing the version published on 25 September 2023: Corrects a name."
        for n in workflow.composed(correction, "en").notes
    )
    # A follow-up must name a publication about this meeting, of that kind.
    other = Document.objects.create(kind="written_statement", date=D(2023, 1, 1), title_en="Elsewhere")
    refused(workflow.start_follow_up, users["drafter"], "statement", seed_meeting, other, "addition")


def test_a_draft_that_says_nothing_does_not_move_on(seed_meeting, users):
    statement = workflow.start_draft(users["drafter"], "statement", meeting=seed_meeting, on=D(2023, 9, 25))
    items = list(AgendaItem.objects.filter(meeting=seed_meeting))
    statement.texts = {f"agendaitem-{item.pk}-position": {"en": "", "cy": ""} for item in items}
    statement.save()
    messages = refused(workflow.send_for_translation, statement, users["drafter"])
    assert "nothing of the Welsh Government's position" in messages["en"]
    assert "Nid yw'r ddogfen yn dweud dim am safbwynt Llywodraeth Cymru" in messages["cy"]
    refused(workflow.submit_for_approval, statement, users["drafter"])
    # A paragraph of the Minister's own is enough.
    statement.paragraphs = [{"en": "I raised the matter.", "cy": "Codais y mater."}]
    statement.save()
    workflow.send_for_translation(statement, users["drafter"])
    statement.refresh_from_db()
    assert statement.state == State.AWAITING_TRANSLATION


def test_a_draft_without_attendance_does_not_move_on(body, wales, users, seeded):
    meeting = Meeting.objects.create(body=body, date=D(2023, 10, 2), status="held")
    AgendaItem.objects.create(
        meeting=meeting, title_en="Topic", title_cy="Pwnc", position_en="We said.", position_cy="Dywedom."
    )
    letter = workflow.start_draft(users["drafter"], "letter", meeting=meeting, on=D(2023, 10, 20))
    messages = refused(workflow.send_for_translation, letter, users["drafter"])
    assert messages["en"].startswith("No attendance is recorded for this meeting")
    assert messages["cy"].startswith("Nid oes presenoldeb wedi'i gofnodi")
    assert ReportDocument.objects.get(pk=letter.pk).state == State.DRAFT


def test_a_paragraph_without_its_welsh_keeps_the_document_back(seed_meeting, users):
    statement = workflow.start_draft(users["drafter"], "statement", meeting=seed_meeting, on=D(2023, 9, 25))
    statement.paragraphs = [{"en": "I praised the Border Force.", "cy": ""}]
    statement.save()
    workflow.send_for_translation(statement, users["drafter"])
    messages = refused(workflow.submit_for_approval, statement, users["translator"])
    assert (
        "The Welsh text is incomplete" in messages["en"] and "I praised the Border Force." in messages["en"]
    )
    assert "Testun Cymraeg" in messages["cy"] or "Cymraeg" in messages["cy"]


@pytest.fixture
def all_roles(db):
    user = User.objects.create_user("everything", "everything@example.gov.wales", None, is_staff=True)
    user.groups.add(*Group.objects.filter(name__startswith="IIRA "))
    return user


def test_four_eyes_the_writer_neither_approves_nor_publishes(seed_meeting, users, all_roles):
    statement = workflow.start_draft(all_roles, "statement", meeting=seed_meeting, on=D(2023, 9, 25))
    workflow.submit_for_approval(statement, all_roles)
    messages = refused(workflow.approve, statement, all_roles)
    assert messages["en"] == "You wrote or translated this document, so another approver must approve it."
    assert (
        messages["cy"]
        == "Chi a ysgrifennodd neu a gyfieithodd y ddogfen hon, felly rhaid i gymeradwywr arall ei chymeradwyo."
    )
    workflow.approve(statement, users["approver"])
    messages = refused(workflow.publish, statement, all_roles)
    assert messages["en"] == "You wrote or translated this document, so another publisher must publish it."
    assert "rhaid i gyhoeddwr arall ei chyhoeddi" in messages["cy"]
    statement.refresh_from_db()
    assert statement.state == State.APPROVED
    workflow.publish(statement, users["publisher"], on=D(2023, 9, 25))


def test_four_eyes_count_the_translator_as_a_writer(seed_meeting, users, all_roles):
    statement = workflow.start_draft(users["drafter"], "statement", meeting=seed_meeting, on=D(2023, 9, 25))
    workflow.send_for_translation(statement, users["drafter"])
    workflow.submit_for_approval(statement, all_roles)  # all_roles translated it
    refused(workflow.approve, statement, all_roles)


def test_a_superuser_is_no_exception_unless_the_setting_says_so(seed_meeting, users):
    root = User.objects.create_superuser("root", "root@example.gov.wales", None)
    statement = workflow.start_draft(root, "statement", meeting=seed_meeting, on=D(2023, 9, 25))
    workflow.submit_for_approval(statement, root)
    refused(workflow.approve, statement, root)
    with override_settings(IGR_SUPERUSER_SELF_APPROVAL=True):
        workflow.approve(statement, root)
        workflow.publish(statement, root, on=D(2023, 9, 25))
    assert ReportDocument.objects.get(pk=statement.pk).state == State.PUBLISHED


def test_no_document_is_published_about_a_meeting_the_public_cannot_see(seed_meeting, users):
    statement = to_approval(
        workflow.start_draft(users["drafter"], "statement", meeting=seed_meeting, on=D(2023, 9, 25)), users
    )
    workflow.approve(statement, users["approver"])
    Meeting.objects.filter(pk=seed_meeting.pk).update(published=False)
    messages = refused(workflow.publish, statement, users["publisher"])
    assert messages["en"].startswith("The register does not show this meeting to the public yet")
    assert messages["cy"].startswith("Nid yw'r gofrestr yn dangos y cyfarfod hwn i'r cyhoedd eto")
    assert ReportDocument.objects.get(pk=statement.pk).state == State.APPROVED


def test_a_record_published_meanwhile_stops_a_silent_duplicate(seed_meeting, users):
    statement = to_approval(
        workflow.start_draft(users["drafter"], "statement", meeting=seed_meeting, on=D(2023, 9, 25)), users
    )
    workflow.approve(statement, users["approver"])
    elsewhere = Document.objects.create(
        kind="written_statement", date=D(2023, 9, 20), title_en="Written Statement"
    )
    elsewhere.meetings.add(seed_meeting)
    messages = refused(workflow.publish, statement, users["publisher"])
    assert "20 September 2023" in messages["en"] and "20 Medi 2023" in messages["cy"]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_screens_show_each_refusal_in_the_page_language(
    client, seed_meeting, seed_reported, users, language
):
    client.force_login(users["drafter"])
    start = f"/{language}/reporting/meetings/img-safety-security-migration/2023-07-11/start/"
    page = client.post(start, {"kind": "statement"}, follow=True).content.decode().replace("&#x27;", "'")
    expected = {
        "en": "There is already a published written statement about this meeting",
        "cy": "Mae datganiad ysgrifenedig am y cyfarfod hwn wedi'i gyhoeddi eisoes",
    }[language]
    assert expected in page
    assert ReportDocument.objects.filter(meeting=seed_meeting, kind="statement").count() == 1
    # The follow-up form is offered instead, and starts an addition.
    meeting_page = client.get(
        f"/{language}/reporting/meetings/img-safety-security-migration/2023-07-11/"
    ).content.decode()
    assert "follow-up" in meeting_page
    record = seed_reported["statement"].register_document
    client.post(
        f"/{language}/reporting/meetings/img-safety-security-migration/2023-07-11/follow-up/",
        {"kind": "statement", "follows": record.pk, "relation": "addition"},
    )
    assert ReportDocument.objects.filter(
        meeting=seed_meeting, kind="statement", series=2, relation="addition"
    ).exists()
    # Approving one's own draft is refused on the screen too.
    draft = ReportDocument.objects.get(meeting=seed_meeting, kind="statement", series=2)
    users["drafter"].groups.add(Group.objects.get(name="IIRA approver"))
    workflow.submit_for_approval(draft, users["drafter"])
    page = client.post(
        f"/{language}/reporting/documents/{draft.pk}/action/", {"action": "approve"}, follow=True
    ).content.decode()
    expected = {"en": "another approver must approve it", "cy": "rhaid i gymeradwywr arall ei chymeradwyo"}[
        language
    ]
    assert expected in page.replace("&#x27;", "'")
    assert ReportDocument.objects.get(pk=draft.pk).state == State.AWAITING_APPROVAL


def test_attendance_records_are_what_the_guard_reads(seed_meeting, users):
    """Removing the attendance after drafting holds the document back at approval as well."""
    statement = workflow.start_draft(users["drafter"], "statement", meeting=seed_meeting, on=D(2023, 9, 25))
    to_approval(statement, users)
    Attendance.objects.filter(meeting=seed_meeting).delete()
    refused(workflow.approve, statement, users["approver"])
