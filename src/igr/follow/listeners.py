"""What alerts hear of the register: the meetings it changed, queued for ``igr send_alerts``.

A ``VIEWS`` listener of the register's events (``igr.register.events``): a meeting recorded or changed, who
attended it, its topics, a document linked to it, and what the reporting app published about it. Only ids are
queued; what is public and what is new about a meeting is read when the alerts are sent, so an unpublished
meeting or a draft document can never reach an email, whatever the order of events.
"""

from __future__ import annotations

from collections.abc import Iterable

from igr.register import events as E

from .models import Change


def note(meeting_ids: Iterable[int | None]) -> None:
    """Queue each changed meeting once."""
    Change.objects.bulk_create([Change(meeting_id=pk) for pk in dict.fromkeys(meeting_ids) if pk])


@E.listen(
    E.MeetingRecorded,
    E.MeetingChanged,
    E.AttendanceChanged,
    E.AgendaChanged,
    E.DocumentLinked,
    E.ReportingChanged,
)
def changed_meetings(heard: list[E.Event]) -> None:
    note(
        pk
        for event in heard
        for pk in (event.meeting_ids if isinstance(event, E.DocumentLinked) else (event.meeting_id,))
    )
