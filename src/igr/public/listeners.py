"""The public app follows the register's events: its search index, its tallies and its cached figures.

Registered when ``PublicConfig.ready`` imports this module. All three are views of the register (stage
``VIEWS``): they hear a delivery's events together, after the obligations engine has had its say, so each
record is re-indexed and each meeting recounted once per save, or once per batch (``events.batch()``).
Bulk loads that announce nothing must run ``igr rebuild_search``.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from igr.register import events as E
from igr.register.models import Attendance, Meeting

from . import tallies
from .cache import bump
from .models import SearchEntry
from .search.indexer import reindex

Kind = SearchEntry.Kind
CHUNK = 500
logger = logging.getLogger(__name__)

RECORDS = {
    E.DocumentAdded: (Kind.DOCUMENT, "document_id"),
    E.DocumentChanged: (Kind.DOCUMENT, "document_id"),
    E.DocumentRemoved: (Kind.DOCUMENT, "document_id"),
    E.DocumentLinked: (Kind.DOCUMENT, "document_id"),
    E.AgreementChanged: (Kind.AGREEMENT, "agreement_id"),
    E.BodyChanged: (Kind.BODY, "body_id"),
    E.PersonChanged: (Kind.PERSON, "person_id"),
    E.AgendaChanged: (Kind.MEETING, "meeting_id"),
}


@E.listen(*E.MEETING_EVENTS, E.AttendanceChanged, *RECORDS)
def search_index(batch: list[E.Event]) -> None:
    """Re-index each record the events touch, once; a meeting's people too (publishing one can make them findable)."""
    queue: dict[str, set[int]] = defaultdict(set)
    meetings: set[int] = set()
    for event in batch:
        if isinstance(event, E.MEETING_EVENTS):
            meetings.add(event.meeting_id)
            if isinstance(event, E.MeetingRemoved) and event.chair_id:
                queue[Kind.PERSON].add(event.chair_id)
        elif isinstance(event, E.AttendanceChanged):
            queue[Kind.MEETING].add(event.meeting_id)
            if event.person_id:
                queue[Kind.PERSON].add(event.person_id)
        else:
            kind, attribute = RECORDS[type(event)]
            queue[kind].add(getattr(event, attribute))
    if meetings:
        queue[Kind.MEETING] |= meetings
        people = (
            Attendance.objects.filter(meeting_id__in=meetings, person__isnull=False)
            .order_by()
            .values_list("person_id")
            .union(
                Meeting.objects.filter(pk__in=meetings, chair__isnull=False)
                .order_by()
                .values_list("chair_id")
            )
        )
        queue[Kind.PERSON].update(pk for (pk,) in people)
    for kind, ids in queue.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), CHUNK):
            reindex(kind, ordered[start : start + CHUNK])
    logger.debug("re-indexed %s", {kind: len(ids) for kind, ids in queue.items()})


@E.listen(*E.MEETING_EVENTS, E.AttendanceChanged, E.ReportingChanged)
def meeting_tallies(batch: list[E.Event]) -> None:
    """Recount the meetings whose counted facts may have changed (``igr.public.tallies``)."""
    tallies.refresh(event.meeting_id for event in batch if event.meeting_id is not None)


@E.listen(E.Event)
def cached_figures(batch: list[E.Event]) -> None:
    """Any change retires every cached public figure (``igr.public.cache``): one bump per delivery."""
    bump()
