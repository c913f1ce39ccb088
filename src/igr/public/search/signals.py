"""Re-index whatever a save or delete in the register touches, so search never shows a stale or draft record.

Connected in ``PublicConfig.ready``. Each handler re-indexes a handful of rows; bulk loads that bypass signals
must run ``igr rebuild_search``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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

from .indexer import reindex as reindex_now

Kind = SearchEntry.Kind
_local = threading.local()  # a batch's queue: kind -> ids, and meetings whose people need re-indexing


def reindex(kind: str, ids: Iterable[int | None]) -> None:
    queue = getattr(_local, "queue", None)
    if queue is None:
        reindex_now(kind, ids)
    else:
        queue[kind].update(i for i in ids if i is not None)


@contextmanager
def deferred() -> Iterator[None]:
    """Queue the records a batch of saves touches and re-index each once at the end (nestable).

    Re-indexing reads the register as it is, so doing it once after the batch gives the rows per-save
    re-indexing would have ended with; one cache bump stands for all the batch's changes.
    """
    if getattr(_local, "queue", None) is not None:
        yield
        return
    _local.queue, _local.meetings = defaultdict(set), set()
    try:
        yield
    finally:
        queue, meetings = _local.queue, _local.meetings
        _local.queue = _local.meetings = None
        if meetings:  # the people at each meeting now; people who left it were queued when their row went
            people = Attendance.objects.filter(meeting_id__in=meetings, person__isnull=False)
            queue[Kind.PERSON].update(people.values_list("person_id", flat=True))
        for kind, id_set in queue.items():
            ids = sorted(id_set)
            for start in range(0, len(ids), 500):
                reindex_now(kind, ids[start:start + 500])
        if queue or meetings:
            bump()


def _meeting(sender: Any, instance: Meeting, **kwargs: Any) -> None:
    reindex(Kind.MEETING, [instance.pk])
    # Publishing or withdrawing a meeting can make its people (un)findable.
    if getattr(_local, "meetings", None) is not None:
        _local.meetings.add(instance.pk)
        reindex(Kind.PERSON, [instance.chair_id])
        return
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
        if getattr(_local, "queue", None) is None:  # a deferred batch bumps once, at its end
            bump()
    return wrapped


def _bump_only(sender: Any, **kwargs: Any) -> None:
    if getattr(_local, "queue", None) is None:
        bump()


def _obligation(sender: Any, instance: Any, **kwargs: Any) -> None:
    # A meeting's statement owed, met or waived changes its tallies (igr.public.tallies, via re-indexing).
    reindex(Kind.MEETING, [instance.meeting_id])


WRAPPED = [(model, _and_bump(handler)) for model, handler in HANDLERS]
DOCUMENT_LINKS = _and_bump(_document_meetings)
OBLIGATION = _and_bump(_obligation)


def connect() -> None:
    for model, handler in WRAPPED:
        post_save.connect(handler, sender=model, dispatch_uid=f"igr-search-save-{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"igr-search-delete-{model.__name__}")
    m2m_changed.connect(DOCUMENT_LINKS, sender=Document.meetings.through, dispatch_uid="igr-search-doc-meetings")
    m2m_changed.connect(DOCUMENT_LINKS, sender=Document.agreements.through, dispatch_uid="igr-search-doc-agreements")
    from igr.public.reporting_bridge import AVAILABLE

    if AVAILABLE:  # obligations met or documents published change the public reporting figures too
        from igr.reporting.models import Obligation, ReportDocument

        post_save.connect(OBLIGATION, sender=Obligation, dispatch_uid="igr-public-obligation-save")
        post_delete.connect(OBLIGATION, sender=Obligation, dispatch_uid="igr-public-obligation-delete")
        post_save.connect(_bump_only, sender=ReportDocument, dispatch_uid="igr-public-bump-ReportDocument")
        post_delete.connect(_bump_only, sender=ReportDocument, dispatch_uid="igr-public-bump-delete-ReportDocument")
