"""What the public may see: only published records, fetched with a bounded number of queries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from igr.register.models import Attendance, Body, Meeting

UPCOMING_STATUSES = (Meeting.Status.PLANNED, Meeting.Status.CONFIRMED, Meeting.Status.POSTPONED)


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(published=True).select_related("body", "chair")


def upcoming_meetings(today: dt.date | None = None, limit: int = 10) -> list[Meeting]:
    today = today or timezone.localdate()
    return list(public_meetings().filter(date__gte=today, status__in=UPCOMING_STATUSES).order_by("date")[:limit])


def recent_meetings(today: dt.date | None = None, limit: int = 10) -> list[Meeting]:
    today = today or timezone.localdate()
    return list(public_meetings().filter(date__lte=today, status=Meeting.Status.HELD).order_by("-date")[:limit])


def meeting_with_details(reference: str) -> Meeting | None:
    attendances = Attendance.objects.select_related("person", "post", "government", "substitute_for").order_by(
        "government__sort_order", "sort_order", "pk"
    )
    return (
        public_meetings()
        .select_related("host")
        .prefetch_related(Prefetch("attendances", queryset=attendances), "agenda_items", "documents")
        .filter(reference=reference)
        .first()
    )


def bodies_with_counts() -> QuerySet[Body]:
    from django.db.models import Count, Max, Q

    published = Q(meetings__published=True)
    return Body.objects.annotate(
        meeting_count=Count("meetings", filter=published), last_met=Max("meetings__date", filter=published)
    ).order_by("tier", "name_en")
