"""Events in the register create, move and waive obligations: the engine listens to the register's saves.

The register's code is not changed: its models are observed from here. A meeting that moves is a postponement
(its open obligations move with it); a meeting cancelled waives them with a reason.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from igr.register.models import Agreement, Attendance, Document, Meeting
from igr.reporting import engine, subjects
from igr.reporting.calendars import calendar_from_db
from igr.reporting.context import responsible_minister
from igr.reporting.models import ConsentIntention, MeetingReport, Obligation, RecessPeriod, ReportingPeriod

_local = threading.local()  # a deferred batch's meetings to sync, and those that gained a Welsh attendance


@contextmanager
def deferred():
    """Sync each meeting a batch of saves touches once, at the end, instead of after every save.

    A save that moves, postpones or cancels a meeting is still handled when it happens (after the meeting's
    queued work, done on its state before the save), so obligations and their history come out as per-save
    processing leaves them. Nested inside a batch (and inside a transaction block of its own), a block that
    fails forgets what it queued, as its rows are rolled back: an ingest batch defers to its end while each
    document stays atomic.
    """
    if getattr(_local, "pending", None) is not None:
        pending, welsh = set(_local.pending), set(_local.welsh)
        try:
            yield
        except BaseException:
            _local.pending, _local.welsh = pending, welsh
            raise
        return
    _local.pending, _local.welsh = set(), set()
    try:
        yield
    finally:
        pending, welsh = _local.pending, _local.welsh
        _local.pending = _local.welsh = None
        if pending or welsh:
            _sync_batch(pending, welsh)


def _sync_batch(pending: set[int], welsh: set[int]) -> None:
    """The batch's meetings synced together; those that gained a Welsh attendance get their minister."""
    meetings = {m.pk: m for m in _with_attendances(pending | welsh)}
    synced = engine.sync_meetings([m for pk, m in meetings.items() if pk in pending], calendar_from_db())
    rest = [pk for pk in welsh if pk in meetings and pk not in synced]
    for obligation in Obligation.objects.filter(meeting_id__in=rest):
        synced.setdefault(obligation.meeting_id, []).append(obligation)
    for pk in sorted(welsh & meetings.keys()):
        minister = responsible_minister(meetings[pk])
        missing = [o.pk for o in synced.get(pk, []) if o.minister_id is None]
        if minister and missing:
            Obligation.objects.filter(pk__in=missing, minister__isnull=True).update(minister=minister)


def _with_attendances(pks: set[int]):
    """The meetings with what finding their minister and profile reads, fetched in a fixed number of queries."""
    attendances = Attendance.objects.select_related("government", "person", "post")
    return (Meeting.objects.filter(pk__in=pks).select_related("body", "reporting").order_by("pk")
            .prefetch_related(Prefetch("attendances", queryset=attendances)))


def _queue(meeting_ids) -> bool:
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending.update(meeting_ids)
    return pending is not None


@receiver(pre_save, sender=Meeting)
def remember_meeting(sender, instance: Meeting, update_fields=None, **kwargs) -> None:
    if instance.pk and update_fields is not None and not {"date", "status", "starts_at"} & set(update_fields):
        instance._reporting_old = {"date": instance.date, "status": instance.status}  # neither can change: no read
        return
    old = Meeting.objects.filter(pk=instance.pk).values("date", "status").first() if instance.pk else None
    instance._reporting_old = old
    pending = getattr(_local, "pending", None)
    if old and pending and instance.pk in pending and (old["date"] != instance.date or old["status"] != instance.status):
        pending.discard(instance.pk)  # the queued work first, as per-save processing did it before this move
        before = Meeting.objects.get(pk=instance.pk)
        engine.sync_meeting(before)
        if instance.pk in _local.welsh:
            _local.welsh.discard(instance.pk)
            _set_minister(before)


@receiver(post_save, sender=Meeting)
def meeting_saved(sender, instance: Meeting, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or getattr(instance, "_reporting_skip_signal", False):
        instance._reporting_skip_signal = False
        return
    old = getattr(instance, "_reporting_old", None)
    if not old and _queue([instance.pk]):
        return
    calendar = None
    if old:
        moved = old["date"] != instance.date and instance.status != Meeting.Status.CANCELLED
        postponed = instance.status == Meeting.Status.POSTPONED and old["status"] != Meeting.Status.POSTPONED
        cancelled = instance.status == Meeting.Status.CANCELLED and old["status"] != Meeting.Status.CANCELLED
        if not (moved or postponed or cancelled) and _queue([instance.pk]):
            return
        calendar = calendar_from_db()
        if moved or postponed or cancelled:
            for obligation in Obligation.objects.filter(meeting=instance):
                obligation.log("cancelled" if cancelled else "postponed", from_date=old["date"].isoformat(), to_date=instance.date.isoformat())
                obligation.save(update_fields=["history"])
            engine._owe_change_notice(instance, timezone.localdate(), calendar)
    engine.sync_meeting(instance, calendar)


@receiver(post_save, sender=MeetingReport)
def meeting_report_saved(sender, instance: MeetingReport, raw: bool = False, **kwargs) -> None:
    if not raw and not _queue([instance.meeting_id]):
        engine.sync_meeting(instance.meeting)


@receiver(m2m_changed, sender=Document.meetings.through)
def document_linked(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action != "post_add":
        return
    if _queue([instance.pk] if reverse else (pk_set or ())):
        return  # the meeting's sync refreshes what is met
    meetings = [instance] if reverse else Meeting.objects.filter(pk__in=pk_set or ())
    for meeting in meetings:
        engine.refresh_met(meeting)


@receiver(post_save, sender=Agreement)
def agreement_saved(sender, instance: Agreement, raw: bool = False, **kwargs) -> None:
    if not raw:
        subjects.sync_agreement(instance)


@receiver(m2m_changed, sender=Agreement.parties.through)
def agreement_parties_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if action == "post_add" and not reverse:
        subjects.sync_agreement(instance)


@receiver(post_save, sender=ReportingPeriod)
def period_saved(sender, instance: ReportingPeriod, raw: bool = False, **kwargs) -> None:
    if not raw:
        subjects.sync_period(instance)


@receiver(post_save, sender=ConsentIntention)
def consent_saved(sender, instance: ConsentIntention, raw: bool = False, **kwargs) -> None:
    if not raw:
        subjects.sync_consent(instance)


_recount_deferred = False


@contextmanager
def recount_once():
    """Record many recess periods, then recount deadlines once (instead of after each one)."""
    global _recount_deferred
    _recount_deferred = True
    try:
        yield
    finally:
        _recount_deferred = False
    engine.recompute_open()


@receiver(post_save, sender=RecessPeriod)
@receiver(post_delete, sender=RecessPeriod)
def recess_changed(sender, instance: RecessPeriod, raw: bool = False, **kwargs) -> None:
    if not raw and not _recount_deferred:
        engine.recompute_open()


@receiver(post_save, sender="register.Attendance")
def attendance_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """The responsible minister is known once the Welsh Government's attendance is recorded."""
    if raw or not instance.government_id or instance.government.key != "wales":
        return
    if getattr(_local, "welsh", None) is not None:
        _local.welsh.add(instance.meeting_id)
        return
    _set_minister(instance.meeting)


def _set_minister(meeting: Meeting) -> None:
    minister = responsible_minister(meeting)
    if minister:
        Obligation.objects.filter(meeting_id=meeting.pk, minister__isnull=True).update(minister=minister)
