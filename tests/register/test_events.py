"""The register's domain events: what saves announce, when listeners hear, and how batches end or roll back."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.db import transaction

from igr.register import events as E
from igr.register.models import Attendance, Body, Document, Government, Meeting, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(reference):
    return Body.objects.get(key="imsc")


@pytest.fixture
def heard(body):
    """Every delivery a rules listener and a views listener get, as (stage, events), while the test runs.

    The tests' meetings are in 2010, before any reporting agreement, so that no obligation is announced alongside.
    """
    log: list[tuple[str, list[E.Event]]] = []
    saved = dict(E._listeners)

    @E.listen(E.Event, stage=E.RULES)
    def rules(batch):
        log.append(("rules", list(batch)))

    @E.listen(E.Event, stage=E.VIEWS)
    def views(batch):
        log.append(("views", list(batch)))

    yield log
    E._listeners.clear()
    E._listeners.update(saved)


def test_saves_announce_what_happened_in_the_registers_words(heard, body):
    meeting = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4), status="planned")
    person = Person.objects.create(key="p-1", name="A Person")
    wales = Government.objects.get(key="wales")
    Attendance.objects.create(meeting=meeting, person=person, government=wales)
    document = Document.objects.create(kind="letter", title_en="A letter")
    document.meetings.add(meeting)
    meeting.date, meeting.status = dt.date(2010, 3, 11), "postponed"
    meeting.save()
    pk, document_pk = meeting.pk, document.pk
    document.delete()
    meeting.delete()
    said = [events[0] for stage, events in heard if stage == "views"]  # each save heard alone, in order
    assert said[0] == E.MeetingRecorded(pk) and said[-1] == E.MeetingRemoved(pk, None)
    kinds = [type(e) for e in said]
    assert kinds == [
        E.MeetingRecorded,
        E.PersonChanged,
        E.AttendanceChanged,
        E.DocumentAdded,
        E.DocumentLinked,
        E.MeetingChanged,
        E.DocumentRemoved,
        E.AttendanceChanged,
        E.MeetingRemoved,
    ]
    moved = said[5].rescheduled
    assert (moved.date_before, moved.status_before, moved.date_after, moved.status_after) == (
        dt.date(2010, 3, 4),
        "planned",
        dt.date(2010, 3, 11),
        "postponed",
    )
    assert (
        said[4].meeting_ids == (pk,)
        and said[2] == E.AttendanceChanged(pk, person.pk, wales.pk)
        and said[7].removed
    )
    assert said[6] == E.DocumentRemoved(
        document_pk, (pk,)
    )  # with the meetings it reported, read before its links went


def test_a_batch_is_heard_once_at_its_end_in_order_rules_first(heard, body):
    with E.batch():
        first = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4))
        second = Meeting.objects.create(body=body, date=dt.date(2010, 3, 5))
        assert heard == []
    assert heard == [
        ("rules", [E.MeetingRecorded(first.pk), E.MeetingRecorded(second.pk)]),
        ("views", [E.MeetingRecorded(first.pk), E.MeetingRecorded(second.pk)]),
    ]


def test_the_views_hear_what_the_rules_announced_in_the_same_delivery(heard, body):
    @E.listen(E.MeetingRecorded, stage=E.RULES)
    def rule(batch):
        E.announce(*(E.ReportingChanged(e.meeting_id) for e in batch))

    with E.batch():
        meeting = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4))
    views = [events for stage, events in heard if stage == "views"]
    assert views == [[E.MeetingRecorded(meeting.pk), E.ReportingChanged(meeting.pk)]]


def test_a_nested_batch_that_fails_is_forgotten_with_its_rows(heard, body):
    with E.batch():
        kept = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4))
        with pytest.raises(RuntimeError), E.batch():
            Meeting.objects.create(body=body, date=dt.date(2010, 3, 5))
            raise RuntimeError("a document fails half-way")
    assert list(Meeting.objects.values_list("pk", flat=True)) == [kept.pk]
    assert heard == [("rules", [E.MeetingRecorded(kept.pk)]), ("views", [E.MeetingRecorded(kept.pk)])]


def test_a_scope_lets_the_rules_hear_each_transaction_and_the_views_all_of_them_once(heard, body):
    with E.batch(atomic=False):
        with E.batch():
            first = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4))
        assert heard == [("rules", [E.MeetingRecorded(first.pk)])]
        with E.batch():
            second = Meeting.objects.create(body=body, date=dt.date(2010, 3, 5))
        assert [stage for stage, _ in heard] == ["rules", "rules"]
    assert heard[-1] == ("views", [E.MeetingRecorded(first.pk), E.MeetingRecorded(second.pk)])


def test_before_a_reschedule_is_written_the_rules_hear_the_batch_on_the_register_as_it_was(body):
    seen: list[tuple[type, dt.date]] = []
    saved = dict(E._listeners)

    @E.listen(E.MeetingRecorded, E.MeetingChanged, stage=E.RULES)
    def rule(batch):
        for event in batch:
            seen.append((type(event), Meeting.objects.get(pk=event.meeting_id).date))

    try:
        with E.batch():
            meeting = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4))
            assert seen == []
            meeting.date = dt.date(2010, 4, 1)
            meeting.save()
            assert seen == [(E.MeetingRecorded, dt.date(2010, 3, 4))]  # heard before the new date was written
        assert seen[1] == (E.MeetingChanged, dt.date(2010, 4, 1))
    finally:
        E._listeners.clear()
        E._listeners.update(saved)


def test_a_note_travels_with_the_reschedule(heard, body, django_user_model):
    meeting = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4), status="planned")
    official = django_user_model.objects.create_user("official")
    note = E.Note(
        "At the UK Government's request.", "Ar gais Llywodraeth y DU.", official.pk, dt.date(2010, 2, 20)
    )
    meeting.status = "cancelled"
    with E.batch(note):
        meeting.save()
    change = heard[-1][1][0].rescheduled
    assert change.note == note and change.on == dt.date(2010, 2, 20)


def test_a_failing_listener_is_logged_with_what_it_heard_and_its_batch_rolls_back(heard, body, caplog):
    saved = dict(E._listeners)

    @E.listen(E.MeetingRecorded, stage=E.VIEWS)
    def broken(batch):
        raise ValueError("index unavailable")

    try:
        with (
            caplog.at_level(logging.ERROR, logger="igr.register.events"),
            pytest.raises(ValueError),
            E.batch(),
        ):
            Meeting.objects.create(body=body, date=dt.date(2010, 3, 4))
    finally:
        E._listeners.clear()
        E._listeners.update(saved)
    assert not Meeting.objects.exists()
    (record,) = [r for r in caplog.records if r.name == "igr.register.events"]
    assert "test_events" in record.getMessage() and "broken" in record.getMessage()
    assert "MeetingRecorded(meeting_id=" in record.getMessage() and record.exc_info[0] is ValueError


def test_an_admin_edit_with_its_inline_rows_is_heard_once(heard, client, django_user_model, body):
    meeting = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4), status="held")
    person = Person.objects.create(key="p-2", name="Another Person")
    client.force_login(
        django_user_model.objects.create_superuser("admin", "admin@example.gov.wales", "a-long-test-password")
    )
    heard.clear()
    form = client.get(f"/en/admin/register/meeting/{meeting.pk}/change/").context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "body": body.pk,
            "date": "2010-03-04",
            "status": "held",
            "mode": "virtual",
            "date_precision": "day",
            "published": "on",
            "version": form.fields["version"].initial,
            "attendances-TOTAL_FORMS": "2",
            "attendances-INITIAL_FORMS": "0",
            "attendances-0-person": person.pk,
            "attendances-0-capacity": "minister",
            "attendances-0-sort_order": "0",
            "attendances-1-description_en": "Officials",
            "attendances-1-capacity": "official",
            "attendances-1-sort_order": "1",
            "agenda_items-TOTAL_FORMS": "0",
            "agenda_items-INITIAL_FORMS": "0",
            "register-provenance-content_type-object_id-TOTAL_FORMS": "0",
            "register-provenance-content_type-object_id-INITIAL_FORMS": "0",
        }
    )
    response = client.post(f"/en/admin/register/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.errors for f in response.context["inline_admin_formsets"][0].formset.forms],
    )
    assert Attendance.objects.filter(meeting=meeting).count() == 2
    assert [stage for stage, _ in heard] == ["rules", "views"]
    assert [type(e) for e in heard[1][1]] == [E.MeetingChanged, E.AttendanceChanged, E.AttendanceChanged]


def test_outside_a_batch_each_save_is_heard_at_once_in_its_transaction(heard, body):
    with transaction.atomic():
        meeting = Meeting.objects.create(body=body, date=dt.date(2010, 3, 4))
        assert heard == [
            ("rules", [E.MeetingRecorded(meeting.pk)]),
            ("views", [E.MeetingRecorded(meeting.pk)]),
        ]
