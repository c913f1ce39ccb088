"""The obligations engine: obligations appear when events happen, move when meetings move, and are met or waived.

``sync_meeting`` is idempotent: it creates the obligations a meeting's state calls for under its agreement
profile, recomputes open due dates from the meeting's date (so a postponement moves them) and marks obligations
met by the first published document that delivers them. Cancellation waives what is open, with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from igr.register import events, history
from igr.register.models import DatePrecision, Meeting
from igr.reporting import context
from igr.reporting.calendars import WorkingCalendar, calendar_from_db
from igr.reporting.delivery import (
    delivering,
    match_documents,
    snapshot,
)
from igr.reporting.models import Obligation
from igr.reporting.profiles import Rule

UPCOMING_STATES = (Meeting.Status.PLANNED, Meeting.Status.CONFIRMED, Meeting.Status.POSTPONED)
CANCELLED_EN = "The meeting was cancelled."
CANCELLED_CY = "Cafodd y cyfarfod ei ganslo."
OTHER_PROFILE_EN = "Another agreement applies to this meeting."
OTHER_PROFILE_CY = "Mae cytundeb arall yn berthnasol i'r cyfarfod hwn."


def compute_due(obligation: Obligation, calendar: WorkingCalendar) -> tuple[dt.date, bool]:
    """The due date from the obligation's own deadline, and whether the invitation came too late for it."""
    kind, days, cal = obligation.deadline_kind, obligation.deadline_days, obligation.deadline_calendar
    if kind == "before":
        due = calendar.subtract(obligation.anchor_date, days, cal)
        if due < obligation.trigger_date:
            return obligation.trigger_date, True
        return due, False
    if kind == "after":
        return calendar.add(obligation.anchor_date, days, cal), False
    return calendar.add(obligation.trigger_date, days, cal), False


def new_obligation(
    profile_key: str, rule: Rule, *, trigger_date: dt.date, anchor_date: dt.date, **subject
) -> Obligation:
    return Obligation(
        profile_key=profile_key,
        rule_key=rule.key,
        trigger=rule.trigger,
        deliverable=rule.deliverable,
        recipients=list(rule.recipients),
        is_target=rule.source.is_target,
        deadline_kind=rule.deadline.kind,
        deadline_days=rule.deadline.days,
        deadline_calendar=rule.deadline.calendar,
        trigger_date=trigger_date,
        anchor_date=anchor_date,
        due_date=anchor_date,
        **subject,
    )


def place(obligation: Obligation, calendar: WorkingCalendar) -> Obligation:
    obligation.due_date, obligation.short_notice = compute_due(obligation, calendar)
    return obligation


def _called_on(meeting: Meeting) -> dt.date:
    if meeting.notice_received_at:
        return timezone.localtime(meeting.notice_received_at).date()
    if meeting.created_at:
        return timezone.localtime(meeting.created_at).date()
    return timezone.localdate()


def _wants_notice(meeting: Meeting, existing: dict) -> bool:
    """A meeting recorded before it happens (or with its invitation's date) is owed an advance notice."""
    if any(o.trigger == "meeting_called" for o in existing.values()):
        return True
    if meeting.date_precision != DatePrecision.DAY or meeting.status == Meeting.Status.CANCELLED:
        return False
    return meeting.status in UPCOMING_STATES or meeting.notice_received_at is not None


@transaction.atomic
def sync_meeting(meeting: Meeting, calendar: WorkingCalendar | None = None) -> list[Obligation]:
    sync_meetings([meeting], calendar)
    return sorted(Obligation.objects.filter(meeting=meeting), key=lambda o: (o.due_date, o.pk))


@transaction.atomic
def sync_meetings(
    meetings: list[Meeting], calendar: WorkingCalendar | None = None
) -> dict[int, list[Obligation]]:
    """``sync_meeting`` for many meetings at once: each table read once, new obligations inserted together.

    Why: an ingest batch touches hundreds of meetings; syncing them one by one cost a dozen queries each. The
    rules are the same code either way (``sync_meeting`` is this with one meeting), so the results are too.
    Returns each meeting's obligations as they now are.
    """
    calendar = calendar or calendar_from_db()
    pks = [m.pk for m in meetings]
    loaded: dict[int, list[Obligation]] = defaultdict(list)
    for obligation in Obligation.objects.filter(meeting_id__in=pks).order_by("pk"):
        loaded[obligation.meeting_id].append(obligation)
    before = {o.pk: snapshot(o) for rows in loaded.values() for o in rows}
    delivered = delivering(pks)
    result: dict[int, list[Obligation]] = {}
    new: list[Obligation] = []
    for meeting in meetings:
        obligations = _plan(meeting, loaded[meeting.pk], calendar, delivered)
        new += [o for o in obligations if o.pk is None]
        result[meeting.pk] = obligations
    history.bulk_create(Obligation, new)
    events.announce(
        *(events.ReportingChanged(pk) for pk in dict.fromkeys(o.meeting_id for o in new))
    )  # no save() to say it
    for rows in result.values():
        for obligation in rows:
            if obligation.pk in before and snapshot(obligation) != before[obligation.pk]:
                obligation.save()
    return result


def _plan(
    meeting: Meeting, rows: list[Obligation], calendar: WorkingCalendar, delivered: dict
) -> list[Obligation]:
    """The meeting's obligations after applying its profile, moves, cancellation and delivery (nothing saved)."""
    profile = context.meeting_profile(meeting)
    existing = {(o.rule_key, o.sequence): o for o in rows}
    if profile is None:
        return rows
    minister = context.responsible_minister(meeting)
    subject = {"meeting": meeting, "body": meeting.body, "minister": minister}
    if _wants_notice(meeting, existing):
        for rule in profile.rules_for("meeting_called"):
            if (rule.key, 1) not in existing:
                existing[(rule.key, 1)] = place(
                    new_obligation(
                        profile.key,
                        rule,
                        trigger_date=_called_on(meeting),
                        anchor_date=meeting.date,
                        **subject,
                    ),
                    calendar,
                )
    if meeting.status == Meeting.Status.HELD:
        for rule in profile.rules_for("meeting_held"):
            if (rule.key, 1) not in existing:
                existing[(rule.key, 1)] = place(
                    new_obligation(
                        profile.key, rule, trigger_date=meeting.date, anchor_date=meeting.date, **subject
                    ),
                    calendar,
                )
    for obligation in existing.values():
        if obligation.pk and obligation.is_open and obligation.profile_key != profile.key:
            _waive(obligation, OTHER_PROFILE_EN, OTHER_PROFILE_CY)
            continue
        if obligation.is_open and obligation.trigger in ("meeting_called", "meeting_held"):
            _move(obligation, meeting.date, calendar)
        if obligation.is_open and minister and obligation.minister_id is None:
            obligation.minister = minister
    if meeting.status == Meeting.Status.CANCELLED:
        for obligation in existing.values():
            if obligation.is_open and obligation.trigger != "meeting_postponed_or_cancelled":
                _waive(obligation, CANCELLED_EN, CANCELLED_CY)
    obligations = list(existing.values())
    match_documents(obligations, *delivered.get(meeting.pk, ([], [])), calendar)
    return obligations


def _move(obligation: Obligation, new_anchor: dt.date, calendar: WorkingCalendar) -> None:
    """Recount an open obligation from the meeting's (possibly new) date, keeping the first due date."""
    old_due = obligation.due_date
    if obligation.anchor_date != new_anchor:
        obligation.log(
            "moved", from_anchor=obligation.anchor_date.isoformat(), to_anchor=new_anchor.isoformat()
        )
        obligation.anchor_date = new_anchor
        if obligation.trigger == "meeting_held":
            obligation.trigger_date = new_anchor
    place(obligation, calendar)
    if obligation.pk and obligation.due_date != old_due and obligation.original_due_date is None:
        obligation.original_due_date = old_due


def _notice_was_sent(meeting: Meeting) -> bool:
    return Obligation.objects.filter(meeting=meeting, trigger="meeting_called", met_on__isnull=False).exists()


def _owe_change_notice(meeting: Meeting, on: dt.date, calendar: WorkingCalendar) -> Obligation | None:
    """After a notified meeting moves or is cancelled, the committees are owed an update."""
    profile = context.meeting_profile(meeting)
    if profile is None or not _notice_was_sent(meeting):
        return None
    created = None
    for rule in profile.rules_for("meeting_postponed_or_cancelled"):
        sequence = Obligation.objects.filter(meeting=meeting, rule_key=rule.key).count() + 1
        obligation = new_obligation(
            profile.key,
            rule,
            trigger_date=on,
            anchor_date=on,
            meeting=meeting,
            body=meeting.body,
            minister=context.responsible_minister(meeting),
            sequence=sequence,
        )
        place(obligation, calendar).save()
        created = obligation
    return created


def is_move(change: events.Reschedule) -> bool:
    """Whether a change of date or status moves, postpones or cancels the meeting (planned → held does not)."""
    return (
        _moved(change) or _newly(change, Meeting.Status.POSTPONED) or _newly(change, Meeting.Status.CANCELLED)
    )


def _moved(change: events.Reschedule) -> bool:
    return change.date_before != change.date_after and change.status_after != Meeting.Status.CANCELLED


def _newly(change: events.Reschedule, status: str) -> bool:
    return change.status_after == status and change.status_before != status


def rescheduled(meeting_id: int, change: events.Reschedule, calendar: WorkingCalendar) -> None:
    """A meeting moved, postponed or cancelled (the register's ``MeetingChanged.rescheduled``).

    Each obligation's history records it, with the reason given; on cancellation what is open is waived with
    that reason; committees that were given notice are owed an update. The sync that follows moves what stays
    open from the meeting's new date.
    """
    cancelled = _newly(change, Meeting.Status.CANCELLED)
    note = change.note
    reasons = (
        {"reason_en": note.reason_en, "reason_cy": note.reason_cy} if note.reason_en or note.reason_cy else {}
    )
    for obligation in Obligation.objects.filter(meeting_id=meeting_id):
        obligation.log(
            "cancelled" if cancelled else "postponed",
            from_date=change.date_before.isoformat(),
            to_date=change.date_after.isoformat(),
            **reasons,
        )
        if cancelled and obligation.is_open and obligation.trigger != "meeting_postponed_or_cancelled":
            _waive(
                obligation,
                f"{CANCELLED_EN} {note.reason_en}".strip(),
                f"{CANCELLED_CY} {note.reason_cy}".strip(),
                today=change.on,
            )
            obligation.waived_by_id = note.user_id
            obligation.save()
        else:
            obligation.save(update_fields=["history"])
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if meeting:
        _owe_change_notice(meeting, change.on, calendar)


def postpone_meeting(
    meeting: Meeting,
    new_date: dt.date,
    reason_en: str = "",
    reason_cy: str = "",
    today: dt.date | None = None,
    user=None,
) -> list[Obligation]:
    """Move a meeting to a new date, with the reason: its open obligations move with it, and a notified committee is owed an update."""
    meeting.date = new_date
    if meeting.starts_at:
        local = timezone.localtime(meeting.starts_at)
        meeting.starts_at = timezone.make_aware(
            dt.datetime.combine(new_date, local.time().replace(tzinfo=None))
        )
    meeting.status = Meeting.Status.POSTPONED
    with events.batch(
        events.Note(reason_en, reason_cy, getattr(user, "pk", None), today or timezone.localdate())
    ):
        meeting.save()
    return sorted(Obligation.objects.filter(meeting=meeting), key=lambda o: (o.due_date, o.pk))


def cancel_meeting(
    meeting: Meeting, reason_en: str, reason_cy: str, user=None, today: dt.date | None = None
) -> list[Obligation]:
    """Cancel a meeting: every open obligation is waived with the reason, and a notified committee is owed an update."""
    meeting.status = Meeting.Status.CANCELLED
    with events.batch(
        events.Note(reason_en, reason_cy, getattr(user, "pk", None), today or timezone.localdate())
    ):
        meeting.save()
    return list(Obligation.objects.filter(meeting=meeting))


def waive(
    obligation: Obligation, reason_en: str, reason_cy: str, user=None, today: dt.date | None = None
) -> Obligation:
    _waive(obligation, reason_en, reason_cy, user, today)
    obligation.save()
    return obligation


def _waive(
    obligation: Obligation, reason_en: str, reason_cy: str, user=None, today: dt.date | None = None
) -> None:
    if not (reason_en.strip() or reason_cy.strip()):
        raise ValueError("an obligation is waived only with a reason")
    obligation.waived_on = today or timezone.localdate()
    obligation.waived_reason_en, obligation.waived_reason_cy = reason_en.strip(), reason_cy.strip()
    obligation.waived_by = user
    obligation.log("waived", reason_en=obligation.waived_reason_en, reason_cy=obligation.waived_reason_cy)


def recompute_open(calendar: WorkingCalendar | None = None) -> int:
    """Recount every obligation not waived (after recess dates change); returns how many due dates moved.

    Met obligations are recounted too: whether they were met on time depends on the calendar.
    """
    calendar = calendar or calendar_from_db()
    moved = 0
    for obligation in Obligation.objects.filter(waived_on__isnull=True):
        before, in_recess = obligation.due_date, obligation.made_in_recess
        place(obligation, calendar)
        obligation.made_in_recess = calendar.in_recess(obligation.met_on) if obligation.met_on else False
        if obligation.due_date != before:
            if obligation.original_due_date is None:
                obligation.original_due_date = before
            obligation.log("recounted", from_due=before.isoformat(), to_due=obligation.due_date.isoformat())
            moved += 1
        if obligation.due_date != before or obligation.made_in_recess != in_recess:
            obligation.save()
    return moved
