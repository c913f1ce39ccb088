"""Read-only reporting facts for the public pages: what a meeting was owed and how promptly it was reported.

Only published material comes out of here: obligations of published meetings, and links to published
versions of documents (never a draft or an approved-but-unpublished text). Labels are in the active language.
"""

from __future__ import annotations

import datetime as dt
from statistics import mean, median

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from igr.register.models import Document, Meeting
from igr.register.models.querysets import public_condition
from igr.reporting.calendars import calendar_from_db
from igr.reporting.models import Obligation, ReportDocument, Status

RECIPIENTS = {
    "ljc_chair": _("the Chair of the Legislation, Justice and Constitution Committee"),
    "subject_committee_chairs": _("the chairs of the relevant subject committees"),
    "all_members": _("all Members of the Senedd"),
    "lead_committee_convener": _("the convener of the lead committee"),
    "subject_committee_conveners": _("the conveners of the relevant subject committees"),
}
CALENDARS = {
    "calendar_days": pgettext_lazy("after a number", "days"),
    "wales_working_days": _("working days in Wales"),
    "senedd_working_days": _("working days in Wales outside Senedd recess"),
}


def deadline_label(obligation: Obligation) -> str:
    n, unit = obligation.deadline_days, CALENDARS[obligation.deadline_calendar]
    if obligation.deadline_kind == "before":
        return _("%(n)s %(unit)s before the meeting") % {"n": n, "unit": unit}
    if obligation.deadline_kind == "after":
        return _("%(n)s %(unit)s after the event") % {"n": n, "unit": unit}
    return _("as soon as practicable (target: %(n)s %(unit)s)") % {"n": n, "unit": unit}


def basis_label(obligation: Obligation) -> str:
    if obligation.is_target:
        return str(_("The administration's target, not a term of the agreement"))
    return str(_("A term of the agreement"))


def published_versions(document: ReportDocument) -> list[ReportDocument]:
    """The published version and every published correction of it, oldest first."""
    chain, current = [], document
    while current is not None:
        if current.is_published:
            chain.append(current)
        current = current.corrections.filter(state=ReportDocument.State.PUBLISHED).first()
    return chain


def document_links(document: ReportDocument) -> list[dict]:
    """Each published version in both languages: its public page (html) and its files, at their stable addresses."""
    from igr.reporting.editions import edition_url

    links = []
    for version in published_versions(document):
        for language in ("en", "cy"):
            title = (version.snapshot.get(language) or {}).get("title", "")
            for fmt in ("pdf", "html", "docx"):
                if version.meeting_id:
                    url = edition_url(
                        version.meeting, version.slug, language, "" if fmt == "html" else fmt, version.version
                    )
                else:
                    url = reverse(
                        "reporting:published_file",
                        kwargs={"pk": version.pk, "language": language, "fmt": fmt},
                    )
                links.append(
                    {
                        "version": version.version,
                        "published_on": version.date,
                        "language": language,
                        "format": fmt,
                        "title": title,
                        "url": url,
                    }
                )
    return links


def meeting_reporting(meeting: Meeting, today: dt.date | None = None) -> list[dict]:
    """What was owed for a published meeting: due date, when met, days late, status and published links."""
    if not Meeting.objects.public().filter(pk=meeting.pk).exists():
        return []
    today = today or timezone.localdate()
    rows = []
    obligations = (
        Obligation.objects.filter(meeting=meeting)
        .select_related("met_by", "met_by_record")
        .order_by("due_date", "pk")
    )
    public_records = set(Document.objects.public().filter(meetings=meeting).values_list("pk", flat=True))
    for obligation in obligations:
        documents = []
        if obligation.met_by and obligation.met_by.is_published:
            documents = document_links(obligation.met_by)
        elif obligation.met_by_record_id in public_records:
            record = obligation.met_by_record
            source = record.versions.exclude(source_url="").values_list("source_url", flat=True).first()
            documents = [
                {
                    "version": 1,
                    "published_on": record.date,
                    "language": "",
                    "format": "",
                    "title": str(record),
                    "url": source or "",
                }
            ]
        status = obligation.status_on(today)
        rows.append(
            {
                "rule": obligation.rule_key,
                "profile": obligation.profile_key,
                "deliverable": obligation.deliverable,
                "deliverable_label": obligation.get_deliverable_display(),
                "owed_to": [str(RECIPIENTS[r]) for r in obligation.recipients if r in RECIPIENTS],
                "due_date": obligation.due_date,
                "deadline_label": str(deadline_label(obligation)),
                "is_target": obligation.is_target,
                "basis_label": basis_label(obligation),
                "met_on": obligation.met_on,
                "days_late": obligation.days_late,
                "lag_days": (obligation.met_on - meeting.date).days if obligation.met_on else None,
                "status": status,
                "status_label": str(Status(status).label),
                "waived_reason": str(obligation.tr("waived_reason")) if obligation.waived_on else "",
                "made_in_recess": obligation.made_in_recess,
                "documents": documents,
            }
        )
    return rows


def reporting_stats(
    meetings=None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    body=None,
    deliverable: str = "written_statement",
    today: dt.date | None = None,
) -> dict:
    """Lag from meeting to ``deliverable`` and the on-time rate, over published meetings.

    ``on_time_rate`` is on time ÷ (on time + late + overdue): of the obligations whose outcome is known or
    already missed, the share met by their deadline. Waived obligations, and ones not yet due, are left out.
    """
    today = today or timezone.localdate()
    queryset = Obligation.objects.filter(
        public_condition("register.meeting", "meeting"), deliverable=deliverable
    ).select_related("meeting__body")
    if meetings is not None:
        queryset = queryset.filter(meeting__in=meetings)
    if start:
        queryset = queryset.filter(meeting__date__gte=start)
    if end:
        queryset = queryset.filter(meeting__date__lte=end)
    if body is not None:
        queryset = queryset.filter(meeting__body=body)
    calendar = calendar_from_db()
    counts = {s.value: 0 for s in Status}
    rows = []
    for obligation in queryset.order_by("meeting__date", "pk"):
        status = obligation.status_on(today)
        counts[status] += 1
        meeting = obligation.meeting
        lag = (obligation.met_on - meeting.date).days if obligation.met_on else None
        rows.append(
            {
                "reference": meeting.reference,
                "body_key": meeting.body.key,
                "meeting_date": meeting.date,
                "due_date": obligation.due_date,
                "met_on": obligation.met_on,
                "lag_days": lag,
                "lag_working_days": calendar.working_days_between(meeting.date, obligation.met_on)
                if obligation.met_on
                else None,
                "status": status,
                "made_in_recess": obligation.made_in_recess,
            }
        )
    lags = [r["lag_days"] for r in rows if r["lag_days"] is not None]
    decided = counts[Status.MET_ON_TIME] + counts[Status.MET_LATE] + counts[Status.OVERDUE]
    return {
        "deliverable": deliverable,
        "count": len(rows),
        "met": len(lags),
        "on_time": counts[Status.MET_ON_TIME],
        "late": counts[Status.MET_LATE],
        "overdue": counts[Status.OVERDUE],
        "waived": counts[Status.WAIVED],
        "not_yet_due": counts[Status.UPCOMING] + counts[Status.DUE_SOON],
        "on_time_rate": counts[Status.MET_ON_TIME] / decided if decided else None,
        "lag_days": {
            "median": median(lags) if lags else None,
            "mean": round(mean(lags), 1) if lags else None,
            "min": min(lags) if lags else None,
            "max": max(lags) if lags else None,
        },
        "rows": rows,
    }


def statements_owed(meeting_ids: list[int]) -> dict[int, tuple[tuple[dt.date, dt.date | None, bool], ...]]:
    """Per public meeting, the written statements it owes as (due date, met on, waived), for the public tallies."""
    out: dict[int, list[tuple[dt.date, dt.date | None, bool]]] = {}
    rows = Obligation.objects.filter(
        public_condition("register.meeting", "meeting"),
        meeting_id__in=meeting_ids,
        deliverable="written_statement",
    ).order_by("pk")
    for meeting_id, due, met, waived in rows.values_list("meeting_id", "due_date", "met_on", "waived_on"):
        out.setdefault(meeting_id, []).append((due, met, waived is not None))
    return {
        pk: tuple(sorted(owed, key=lambda s: (s[0], s[1] or dt.date.min, s[2]))) for pk, owed in out.items()
    }


def overdue_meeting_ids(today: dt.date, limit: int = 10) -> list[int]:
    """Public meetings whose written statement is past due and neither made nor waived, oldest first."""
    rows = Obligation.objects.filter(
        public_condition("register.meeting", "meeting"),
        deliverable="written_statement",
        waived_on__isnull=True,
        met_on__isnull=True,
        due_date__lt=today,
    )
    return list(
        rows.order_by("meeting__date", "meeting_id").values_list("meeting_id", flat=True).distinct()[:limit]
    )
