"""The obligations engine: obligations appear when events happen, move when meetings move, and are met or waived.

``sync_meeting`` is idempotent: it creates the obligations a meeting's state calls for under its agreement
profile, recomputes open due dates from the meeting's date (so a postponement moves them) and marks obligations
met by the first published document that delivers them. Cancellation waives what is open, with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from igr.register.models import DatePrecision, Document, Meeting
from igr.reporting import context
from igr.reporting.calendars import WorkingCalendar, calendar_from_db
from igr.reporting.models import Obligation, ReportDocument
from igr.reporting.profiles import Rule
from igr.reporting.profiles import profiles as all_profiles

UPCOMING_STATES = (Meeting.Status.PLANNED, Meeting.Status.CONFIRMED, Meeting.Status.POSTPONED)
CANCELLED_EN = "The meeting was cancelled."
CANCELLED_CY = "Cafodd y cyfarfod ei ganslo."
OTHER_PROFILE_EN = "Another agreement applies to this meeting."
OTHER_PROFILE_CY = "Mae cytundeb arall yn berthnasol i'r cyfarfod hwn."

# Which generated document delivers which deliverable, and which register document kinds also count.
DOCUMENT_KIND = {
    "advance_notice_letter": ReportDocument.Kind.NOTICE,
    "post_meeting_letter": ReportDocument.Kind.LETTER,
    "written_statement": ReportDocument.Kind.STATEMENT,
    "annual_report": ReportDocument.Kind.ANNUAL_REPORT,
}
REGISTER_KINDS = {
    "advance_notice_letter": ("notice",),
    "post_meeting_letter": ("letter",),
    "written_statement": ("written_statement",),
    "agreement_notification": ("letter", "written_statement", "notice"),
    "annual_report": ("annual_report",),
}


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


def new_obligation(profile_key: str, rule: Rule, *, trigger_date: dt.date, anchor_date: dt.date, **subject) -> Obligation:
    return Obligation(
        profile_key=profile_key, rule_key=rule.key, trigger=rule.trigger, deliverable=rule.deliverable,
        recipients=list(rule.recipients), is_target=rule.source.is_target, deadline_kind=rule.deadline.kind,
        deadline_days=rule.deadline.days, deadline_calendar=rule.deadline.calendar,
        trigger_date=trigger_date, anchor_date=anchor_date, due_date=anchor_date, **subject,
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
def sync_meetings(meetings: list[Meeting], calendar: WorkingCalendar | None = None) -> dict[int, list[Obligation]]:
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
    before = {o.pk: _state(o) for rows in loaded.values() for o in rows}
    delivered = _delivering(pks)
    result: dict[int, list[Obligation]] = {}
    new: list[Obligation] = []
    for meeting in meetings:
        obligations = _plan(meeting, loaded[meeting.pk], calendar, delivered)
        new += [o for o in obligations if o.pk is None]
        result[meeting.pk] = obligations
    Obligation.objects.bulk_create(new)
    for obligation in new:  # what a save would have told other apps (the public figures' cache)
        post_save.send(Obligation, instance=obligation, created=True, update_fields=None, raw=False, using=obligation._state.db)
    for rows in result.values():
        for obligation in rows:
            if obligation.pk in before and _state(obligation) != before[obligation.pk]:
                obligation.save()
    return result


def _state(obligation: Obligation) -> tuple:
    return tuple(getattr(obligation, f.attname) for f in Obligation._meta.concrete_fields if f.attname != "updated_at")


def _plan(meeting: Meeting, rows: list[Obligation], calendar: WorkingCalendar, delivered: dict) -> list[Obligation]:
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
                    new_obligation(profile.key, rule, trigger_date=_called_on(meeting), anchor_date=meeting.date, **subject),
                    calendar,
                )
    if meeting.status == Meeting.Status.HELD:
        for rule in profile.rules_for("meeting_held"):
            if (rule.key, 1) not in existing:
                existing[(rule.key, 1)] = place(
                    new_obligation(profile.key, rule, trigger_date=meeting.date, anchor_date=meeting.date, **subject),
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
    _match(obligations, *delivered.get(meeting.pk, ([], [])), calendar)
    return obligations


def _delivering(pks: list[int]) -> dict[int, tuple[list, list]]:
    """Per meeting: our published documents, and the register's published records not generated by us."""
    out: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    ours_records: set[tuple[int, int]] = set(
        ReportDocument.objects.filter(meeting_id__in=pks, register_document__isnull=False)
        .values_list("meeting_id", "register_document_id"))
    for doc in (ReportDocument.objects.filter(meeting_id__in=pks, state=ReportDocument.State.PUBLISHED, supersedes__isnull=True)
                .order_by("date", "published_at")):
        out[doc.meeting_id][0].append(doc)
    links = (Document.meetings.through.objects.filter(meeting_id__in=pks, document__published=True, document__date__isnull=False)
             .select_related("document").order_by("document__date", "document__pk"))
    for link in links:
        if (link.meeting_id, link.document_id) not in ours_records:
            out[link.meeting_id][1].append(link.document)
    return out


def _move(obligation: Obligation, new_anchor: dt.date, calendar: WorkingCalendar) -> None:
    """Recount an open obligation from the meeting's (possibly new) date, keeping the first due date."""
    old_due = obligation.due_date
    if obligation.anchor_date != new_anchor:
        obligation.log("moved", from_anchor=obligation.anchor_date.isoformat(), to_anchor=new_anchor.isoformat())
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
            profile.key, rule, trigger_date=on, anchor_date=on, meeting=meeting, body=meeting.body,
            minister=context.responsible_minister(meeting), sequence=sequence,
        )
        place(obligation, calendar).save()
        created = obligation
    return created


@transaction.atomic
def postpone_meeting(meeting: Meeting, new_date: dt.date, reason_en: str = "", reason_cy: str = "", today: dt.date | None = None) -> list[Obligation]:
    """Move a meeting to a new date: its open obligations move with it, and a notified committee is owed an update."""
    today = today or timezone.localdate()
    calendar = calendar_from_db()
    old_date = meeting.date
    meeting.date = new_date
    if meeting.starts_at:
        local = timezone.localtime(meeting.starts_at)
        meeting.starts_at = timezone.make_aware(dt.datetime.combine(new_date, local.time().replace(tzinfo=None)))
    meeting.status = Meeting.Status.POSTPONED
    meeting._reporting_skip_signal = True
    meeting.save()
    for obligation in Obligation.objects.filter(meeting=meeting):
        obligation.log("postponed", from_date=old_date.isoformat(), to_date=new_date.isoformat(), reason_en=reason_en, reason_cy=reason_cy)
        obligation.save(update_fields=["history"])
    _owe_change_notice(meeting, today, calendar)
    return sync_meeting(meeting, calendar)


@transaction.atomic
def cancel_meeting(meeting: Meeting, reason_en: str, reason_cy: str, user=None, today: dt.date | None = None) -> list[Obligation]:
    """Cancel a meeting: every open obligation is waived with the reason, and a notified committee is owed an update."""
    today = today or timezone.localdate()
    meeting.status = Meeting.Status.CANCELLED
    meeting._reporting_skip_signal = True
    meeting.save()
    for obligation in Obligation.objects.filter(meeting=meeting):
        if obligation.is_open:
            waive(obligation, f"{CANCELLED_EN} {reason_en}".strip(), f"{CANCELLED_CY} {reason_cy}".strip(), user, today)
    _owe_change_notice(meeting, today, calendar_from_db())
    return list(Obligation.objects.filter(meeting=meeting))


def waive(obligation: Obligation, reason_en: str, reason_cy: str, user=None, today: dt.date | None = None) -> Obligation:
    _waive(obligation, reason_en, reason_cy, user, today)
    obligation.save()
    return obligation


def _waive(obligation: Obligation, reason_en: str, reason_cy: str, user=None, today: dt.date | None = None) -> None:
    if not (reason_en.strip() or reason_cy.strip()):
        raise ValueError("an obligation is waived only with a reason")
    obligation.waived_on = today or timezone.localdate()
    obligation.waived_reason_en, obligation.waived_reason_cy = reason_en.strip(), reason_cy.strip()
    obligation.waived_by = user
    obligation.log("waived", reason_en=obligation.waived_reason_en, reason_cy=obligation.waived_reason_cy)


def mark_met(obligation: Obligation, on: dt.date, document=None, record=None, calendar: WorkingCalendar | None = None) -> Obligation:
    _mark_met(obligation, on, document, record, calendar or calendar_from_db())
    obligation.save()
    return obligation


def _mark_met(obligation: Obligation, on: dt.date, document, record, calendar: WorkingCalendar) -> None:
    obligation.met_on, obligation.met_by, obligation.met_by_record = on, document, record
    obligation.made_in_recess = calendar.in_recess(on)
    obligation.log("met", on=on.isoformat())


def refresh_met(meeting: Meeting, calendar: WorkingCalendar | None = None) -> None:
    """Match each of a meeting's obligations to the earliest published document delivering it, each used once.

    Our own published documents and the register's published records both count; ours wins a tie. An
    obligation recorded as met by hand (no document named) or waived is left as it is.
    """
    obligations = list(Obligation.objects.filter(meeting=meeting))
    before = {o.pk: _state(o) for o in obligations}
    _match(obligations, *_delivering([meeting.pk]).get(meeting.pk, ([], [])), calendar or calendar_from_db())
    for obligation in obligations:
        if _state(obligation) != before[obligation.pk]:
            obligation.save()


def _match(obligations: list[Obligation], published: list, records: list, calendar: WorkingCalendar) -> None:
    """``refresh_met``'s rule on obligations in memory (new ones, without a key yet, after the saved ones)."""
    order = sorted(enumerate(obligations), key=lambda io: (io[1].trigger_date, io[1].sequence, io[1].pk is None, io[1].pk or 0, io[0]))
    used: set = set()
    for _i, obligation in order:
        if obligation.waived_on or (obligation.met_on and not obligation.met_by_id and not obligation.met_by_record_id):
            continue
        kind = DOCUMENT_KIND.get(obligation.deliverable)
        after = obligation.trigger_date if obligation.trigger == "meeting_postponed_or_cancelled" else dt.date.min
        ours = next((d for d in published if d.kind == kind and ("o", d.pk) not in used and d.date >= after), None)
        kinds = REGISTER_KINDS.get(obligation.deliverable, ())
        theirs = next((r for r in records if r.kind in kinds and ("r", r.pk) not in used and r.date >= after), None)
        if ours and (theirs is None or ours.date <= theirs.date):
            used.add(("o", ours.pk))
            if obligation.met_by_id != ours.pk or obligation.met_on != ours.date:
                _mark_met(obligation, ours.date, ours, None, calendar)
        elif theirs:
            used.add(("r", theirs.pk))
            if obligation.met_by_record_id != theirs.pk or obligation.met_by_id or obligation.met_on != theirs.date:
                _mark_met(obligation, theirs.date, None, theirs, calendar)


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


def known_profiles() -> list[str]:
    return list(all_profiles())
