"""Re-index whatever a save or delete in the register touches, so search never shows a stale or draft record.

Connected in ``PublicConfig.ready``. Each handler re-indexes a handful of rows; bulk loads that bypass signals
must run ``igr rebuild_search``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from igr.public.cache import bump
from igr.public.models import SearchEntry
from igr.register.models import (
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

from .indexer import reindex

Kind = SearchEntry.Kind


def _meeting(sender: Any, instance: Meeting, **kwargs: Any) -> None:
    reindex(Kind.MEETING, [instance.pk])
    # Publishing or withdrawing a meeting can make its people (un)findable.
    people = list(Attendance.objects.filter(meeting_id=instance.pk).values_list("person_id", flat=True))
    reindex(Kind.PERSON, [*people, instance.chair_id])


def _meeting_part(sender: Any, instance: AgendaItem | Attendance, **kwargs: Any) -> None:
    reindex(Kind.MEETING, [instance.meeting_id])
    if isinstance(instance, Attendance):
        reindex(Kind.PERSON, [instance.person_id])


def _document(sender: Any, instance: Document | DocumentVersion, **kwargs: Any) -> None:
    reindex(Kind.DOCUMENT, [instance.document_id if isinstance(instance, DocumentVersion) else instance.pk])


def _document_meetings(sender: Any, instance: Any, action: str, pk_set: set[int] | None, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Document):
        reindex(Kind.DOCUMENT, [instance.pk])
    else:
        reindex(Kind.DOCUMENT, pk_set or [])


def _simple(kind: str):
    def handler(sender: Any, instance: Any, **kwargs: Any) -> None:
        reindex(kind, [instance.pk])
    return handler


def _tenure(sender: Any, instance: Tenure, **kwargs: Any) -> None:
    reindex(Kind.PERSON, [instance.person_id])


HANDLERS = [
    (Meeting, _meeting), (AgendaItem, _meeting_part), (Attendance, _meeting_part), (Document, _document),
    (DocumentVersion, _document), (Agreement, _simple(Kind.AGREEMENT)), (Body, _simple(Kind.BODY)),
    (Person, _simple(Kind.PERSON)), (Tenure, _tenure),
]


def _and_bump(handler):
    # Every change also retires the cached public figures (igr.public.cache).
    def wrapped(*args: Any, **kwargs: Any) -> None:
        handler(*args, **kwargs)
        bump()
    return wrapped


WRAPPED = [(model, _and_bump(handler)) for model, handler in HANDLERS]
DOCUMENT_LINKS = _and_bump(_document_meetings)


def connect() -> None:
    for model, handler in WRAPPED:
        post_save.connect(handler, sender=model, dispatch_uid=f"igr-search-save-{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"igr-search-delete-{model.__name__}")
    m2m_changed.connect(DOCUMENT_LINKS, sender=Document.meetings.through, dispatch_uid="igr-search-doc-meetings")
    m2m_changed.connect(DOCUMENT_LINKS, sender=Document.agreements.through, dispatch_uid="igr-search-doc-agreements")
