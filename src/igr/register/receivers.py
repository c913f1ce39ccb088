"""Saves and deletes of the register's own models, announced as domain events (``igr.register.events``).

Connected in ``RegisterConfig.ready``. Whatever saves through the ORM (the admin, the reporting screens, the
ingest pipeline, a harvester) is announced here; code that writes in bulk announces its events itself. Raw
saves (fixture loading) are not announced: like other bulk loads they are followed by ``igr rebuild_search``
and ``igr sync_obligations``.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from . import events
from .models import (
    AgendaItem,
    Agreement,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Meeting,
    Person,
    Tenure,
)

SCHEDULE_FIELDS = {"date", "status", "starts_at"}
_local = threading.local()  # each thread's meetings being saved (documents deleted) -> what they were before


def _before() -> weakref.WeakKeyDictionary:
    if not hasattr(_local, "before"):
        _local.before = weakref.WeakKeyDictionary()
    return _local.before


def meeting_about_to_change(
    sender: Any, instance: Meeting, raw: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    """Read the meeting's date and status as stored; if they are changing, the batch so far is delivered first."""
    if raw or instance.pk is None or (update_fields is not None and not SCHEDULE_FIELDS & set(update_fields)):
        return
    old = Meeting.objects.filter(pk=instance.pk).values_list("date", "status").first()
    if old is None or old == (instance.date, instance.status):
        return
    _before()[instance] = old
    events.barrier()


def meeting_saved(sender: Any, instance: Meeting, created: bool, raw: bool = False, **kwargs: Any) -> None:
    old = _before().pop(instance, None) if instance.pk is not None else None
    if raw:
        return
    if created:
        events.announce(events.MeetingRecorded(instance.pk))
        return
    rescheduled = None
    if old is not None:
        note = events.current_note() or events.Note()
        rescheduled = events.Reschedule(
            old[0], old[1], instance.date, instance.status, note.on or timezone.localdate(), note
        )
    events.announce(events.MeetingChanged(instance.pk, rescheduled))


def meeting_removed(sender: Any, instance: Meeting, **kwargs: Any) -> None:
    events.announce(events.MeetingRemoved(instance.pk, instance.chair_id))


def attendance_changed(sender: Any, instance: Attendance, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        removed = kwargs.get("signal") is post_delete
        events.announce(
            events.AttendanceChanged(instance.meeting_id, instance.person_id, instance.government_id, removed)
        )


def agenda_changed(sender: Any, instance: AgendaItem, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        events.announce(events.AgendaChanged(instance.meeting_id))


def document_saved(sender: Any, instance: Document, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        events.announce(events.DocumentAdded(instance.pk) if created else events.DocumentChanged(instance.pk))


def document_removing(sender: Any, instance: Document, **kwargs: Any) -> None:
    """The meetings a document reports, read before its links go with it."""
    _before()[instance] = tuple(sorted(instance.meetings.values_list("pk", flat=True)))


def document_removed(sender: Any, instance: Document, **kwargs: Any) -> None:
    events.announce(events.DocumentRemoved(instance.pk, _before().pop(instance, ())))


def document_changed(
    sender: Any, instance: Document | DocumentVersion, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        events.announce(
            events.DocumentChanged(
                instance.document_id if isinstance(instance, DocumentVersion) else instance.pk
            )
        )


def document_meetings(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    """Links between documents and meetings: added links say which meetings; removals are a change of the document."""
    if not action.startswith("post_"):
        return
    documents = sorted(pk_set or ()) if reverse else [instance.pk]
    if action == "post_add":
        meetings = (instance.pk,) if reverse else tuple(sorted(pk_set or ()))
        events.announce(*(events.DocumentLinked(document, meetings) for document in documents))
    else:
        events.announce(*(events.DocumentChanged(document) for document in documents))


def document_agreements(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if action.startswith("post_"):
        documents = sorted(pk_set or ()) if reverse else [instance.pk]
        events.announce(*(events.DocumentChanged(document) for document in documents))


def agreement_changed(sender: Any, instance: Agreement, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        events.announce(events.AgreementChanged(instance.pk))


def agreement_parties(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if action.startswith("post_"):
        agreements = sorted(pk_set or ()) if reverse else [instance.pk]
        events.announce(*(events.AgreementChanged(agreement) for agreement in agreements))


def body_changed(sender: Any, instance: Body, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        events.announce(events.BodyChanged(instance.pk))


def person_changed(sender: Any, instance: Person | Tenure, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        events.announce(
            events.PersonChanged(instance.person_id if isinstance(instance, Tenure) else instance.pk)
        )


def connect() -> None:
    pre_save.connect(meeting_about_to_change, sender=Meeting, dispatch_uid="igr-events-meeting-pre")
    post_save.connect(meeting_saved, sender=Meeting, dispatch_uid="igr-events-meeting")
    post_delete.connect(meeting_removed, sender=Meeting, dispatch_uid="igr-events-meeting-delete")
    post_save.connect(document_saved, sender=Document, dispatch_uid="igr-events-document")
    for model, handler in (
        (Attendance, attendance_changed),
        (AgendaItem, agenda_changed),
        (Agreement, agreement_changed),
        (Body, body_changed),
        (Person, person_changed),
        (Tenure, person_changed),
        (DocumentVersion, document_changed),
    ):
        post_save.connect(handler, sender=model, dispatch_uid=f"igr-events-{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"igr-events-delete-{model.__name__}")
    pre_delete.connect(document_removing, sender=Document, dispatch_uid="igr-events-removing-Document")
    post_delete.connect(document_removed, sender=Document, dispatch_uid="igr-events-delete-Document")
    m2m_changed.connect(
        document_meetings, sender=Document.meetings.through, dispatch_uid="igr-events-document-meetings"
    )
    m2m_changed.connect(
        document_agreements, sender=Document.agreements.through, dispatch_uid="igr-events-document-agreements"
    )
    m2m_changed.connect(
        agreement_parties, sender=Agreement.parties.through, dispatch_uid="igr-events-agreement-parties"
    )
