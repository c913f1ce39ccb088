"""The obligations engine follows the register's events; this app's own changes are announced for the others.

Registered when ``ReportingConfig.ready`` imports this module. The engine is a ``RULES`` listener: it hears a
delivery's events before the public views do, and what it changes (``ReportingChanged``) reaches them in the
same delivery. A meeting recorded or changed is synced (all of a delivery's meetings together,
``engine.sync_meetings``); a meeting rescheduled has its open obligations' history written and, if the
committees had been told of it, an update owed, in the order the reschedules happened; the Welsh Government's
attendance names the responsible minister; a document linked to a meeting may meet what it owed; an agreement
changed may owe a notification; new recess dates recount every open deadline; what a deleted document met is
open again (``Obligation.met_by_record``'s ``on_delete``) and its meetings are matched to their documents again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save

from igr.register import events as E
from igr.register import history
from igr.register.models import Agreement, Attendance, Government, Meeting
from igr.reporting import engine, subjects
from igr.reporting.calendars import WorkingCalendar, calendar_from_db
from igr.reporting.context import responsible_minister
from igr.reporting.models import (
    ConsentIntention,
    MeetingReport,
    Obligation,
    RecessPeriod,
    ReportDocument,
    ReportingPeriod,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MeetingReportChanged(E.Event):
    """A meeting's reporting details (profile, signatory, committees) changed: this app's own event."""

    meeting_id: int


@dataclass(frozen=True)
class RecessChanged(E.Event):
    """Senedd recess dates changed: every open deadline is counted again, once per delivery."""


@E.listen(
    E.MeetingRecorded,
    E.MeetingChanged,
    E.AttendanceChanged,
    E.DocumentLinked,
    E.DocumentRemoved,
    MeetingReportChanged,
    E.AgreementChanged,
    RecessChanged,
    stage=E.RULES,
)
def obligations(batch: list[E.Event]) -> None:
    pending: dict[int, None] = {}  # meetings to sync, in the order they were first touched
    welsh: set[int] = set()
    calendar: WorkingCalendar | None = None
    wales = _wales_id() if any(isinstance(e, E.AttendanceChanged) for e in batch) else None
    for event in batch:
        if isinstance(event, E.MeetingChanged) and event.rescheduled and engine.is_move(event.rescheduled):
            calendar = calendar or calendar_from_db()
            change = event.rescheduled
            logger.info(
                "meeting %d %s → %s %s: its obligations follow",
                event.meeting_id,
                change.date_before,
                change.date_after,
                change.status_after,
            )
            engine.rescheduled(event.meeting_id, change, calendar)
        if isinstance(event, (E.MeetingRecorded, E.MeetingChanged, MeetingReportChanged)):
            pending[event.meeting_id] = None
        elif (
            isinstance(event, E.AttendanceChanged)
            and not event.removed
            and wales
            and event.government_id == wales
        ):
            welsh.add(event.meeting_id)
        elif isinstance(event, E.DocumentLinked):  # the sync matches documents to what the meeting owed
            pending.update(dict.fromkeys(event.meeting_ids))
        elif isinstance(
            event, E.DocumentRemoved
        ):  # what it met was reopened as it went: matched again, or left open
            pending.update(dict.fromkeys(event.meeting_ids))
            E.announce(*(E.ReportingChanged(pk) for pk in event.meeting_ids))
        elif isinstance(event, E.AgreementChanged):
            agreement = Agreement.objects.filter(pk=event.agreement_id).first()
            if agreement:
                subjects.sync_agreement(agreement)
    if pending or welsh:
        _sync(pending, welsh, calendar)
    if any(isinstance(e, RecessChanged) for e in batch):
        engine.recompute_open()


def _wales_id() -> int | None:
    return Government.objects.filter(key="wales").values_list("pk", flat=True).first()


def _sync(pending: dict[int, None], welsh: set[int], calendar: WorkingCalendar | None) -> None:
    """The meetings synced together; those that gained a Welsh attendance get their minister."""
    meetings = {m.pk: m for m in _with_attendances(pending.keys() | welsh)}
    synced = engine.sync_meetings(
        [meetings[pk] for pk in pending if pk in meetings], calendar or calendar_from_db()
    )
    rest = [pk for pk in welsh if pk in meetings and pk not in synced]
    for obligation in Obligation.objects.filter(meeting_id__in=rest):
        synced.setdefault(obligation.meeting_id, []).append(obligation)
    for pk in sorted(welsh & meetings.keys()):
        minister = responsible_minister(meetings[pk])
        missing = [o.pk for o in synced.get(pk, []) if o.minister_id is None]
        if minister and missing:
            rows = list(Obligation.objects.filter(pk__in=missing, minister__isnull=True))
            for row in rows:
                row.minister = minister
            history.bulk_update(Obligation, rows, ["minister"])


def _with_attendances(pks: set[int]):
    """The meetings with what finding their minister and profile reads, fetched in a fixed number of queries."""
    attendances = Attendance.objects.select_related("government", "person", "post")
    return (
        Meeting.objects.filter(pk__in=pks)
        .select_related("body", "reporting")
        .order_by("pk")
        .prefetch_related(Prefetch("attendances", queryset=attendances))
    )


def _meeting_report_saved(sender: Any, instance: MeetingReport, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        E.announce(MeetingReportChanged(instance.meeting_id))


def _recess_changed(sender: Any, instance: RecessPeriod, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        E.announce(RecessChanged())


def _period_saved(sender: Any, instance: ReportingPeriod, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        subjects.sync_period(instance)


def _consent_saved(sender: Any, instance: ConsentIntention, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        subjects.sync_consent(instance)


def _reporting_changed(
    sender: Any, instance: Obligation | ReportDocument, raw: bool = False, **kwargs: Any
) -> None:
    """What a meeting owed, or what met it, changed: the public figures follow (``igr.public.listeners``)."""
    if not raw:
        E.announce(E.ReportingChanged(instance.meeting_id))


post_save.connect(_meeting_report_saved, sender=MeetingReport, dispatch_uid="igr-reporting-meeting-report")
post_save.connect(_recess_changed, sender=RecessPeriod, dispatch_uid="igr-reporting-recess")
post_delete.connect(_recess_changed, sender=RecessPeriod, dispatch_uid="igr-reporting-recess-delete")
post_save.connect(_period_saved, sender=ReportingPeriod, dispatch_uid="igr-reporting-period")
post_save.connect(_consent_saved, sender=ConsentIntention, dispatch_uid="igr-reporting-consent")
for _model in (Obligation, ReportDocument):
    post_save.connect(
        _reporting_changed, sender=_model, dispatch_uid=f"igr-reporting-changed-{_model.__name__}"
    )
    post_delete.connect(
        _reporting_changed, sender=_model, dispatch_uid=f"igr-reporting-changed-delete-{_model.__name__}"
    )
