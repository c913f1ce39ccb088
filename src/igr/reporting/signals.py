"""Events in the register create, move and waive obligations: the engine listens to the register's saves.

The register's code is not changed: its models are observed from here. A meeting that moves is a postponement
(its open obligations move with it); a meeting cancelled waives them with a reason.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from igr.register.models import Agreement, Document, Meeting
from igr.reporting import engine, subjects
from igr.reporting.calendars import calendar_from_db
from igr.reporting.models import ConsentIntention, MeetingReport, Obligation, RecessPeriod, ReportingPeriod


@receiver(pre_save, sender=Meeting)
def remember_meeting(sender, instance: Meeting, **kwargs) -> None:
    old = Meeting.objects.filter(pk=instance.pk).values("date", "status").first() if instance.pk else None
    instance._reporting_old = old


@receiver(post_save, sender=Meeting)
def meeting_saved(sender, instance: Meeting, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or getattr(instance, "_reporting_skip_signal", False):
        instance._reporting_skip_signal = False
        return
    old = getattr(instance, "_reporting_old", None)
    calendar = calendar_from_db()
    if old:
        moved = old["date"] != instance.date and instance.status != Meeting.Status.CANCELLED
        postponed = instance.status == Meeting.Status.POSTPONED and old["status"] != Meeting.Status.POSTPONED
        cancelled = instance.status == Meeting.Status.CANCELLED and old["status"] != Meeting.Status.CANCELLED
        if moved or postponed or cancelled:
            for obligation in Obligation.objects.filter(meeting=instance):
                obligation.log("cancelled" if cancelled else "postponed", from_date=old["date"].isoformat(), to_date=instance.date.isoformat())
                obligation.save(update_fields=["history"])
            engine._owe_change_notice(instance, timezone.localdate(), calendar)
    engine.sync_meeting(instance, calendar)


@receiver(post_save, sender=MeetingReport)
def meeting_report_saved(sender, instance: MeetingReport, raw: bool = False, **kwargs) -> None:
    if not raw:
        engine.sync_meeting(instance.meeting)


@receiver(m2m_changed, sender=Document.meetings.through)
def document_linked(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action != "post_add":
        return
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


@receiver(post_save, sender=RecessPeriod)
@receiver(post_delete, sender=RecessPeriod)
def recess_changed(sender, instance: RecessPeriod, raw: bool = False, **kwargs) -> None:
    if not raw:
        engine.recompute_open()


@receiver(post_save, sender="register.Attendance")
def attendance_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """The responsible minister is known once the Welsh Government's attendance is recorded."""
    if raw or not instance.government_id or instance.government.key != "wales":
        return
    from igr.reporting.context import responsible_minister

    minister = responsible_minister(instance.meeting)
    if minister:
        Obligation.objects.filter(meeting_id=instance.meeting_id, minister__isnull=True).update(minister=minister)
