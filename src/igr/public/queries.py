"""What the public may see: only published records, fetched with a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from igr.register.models import (
    Agreement,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Meeting,
    Person,
    Provenance,
)

UPCOMING_STATUSES = (Meeting.Status.PLANNED, Meeting.Status.CONFIRMED, Meeting.Status.POSTPONED)


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(published=True).select_related("body", "chair")


def public_agreements() -> QuerySet[Agreement]:
    return Agreement.objects.filter(published=True)


def upcoming_meetings(today: dt.date | None = None, limit: int = 10) -> list[Meeting]:
    today = today or timezone.localdate()
    return list(public_meetings().filter(date__gte=today, status__in=UPCOMING_STATUSES).order_by("date")[:limit])


def recent_meetings(today: dt.date | None = None, limit: int = 10) -> list[Meeting]:
    today = today or timezone.localdate()
    return list(public_meetings().filter(date__lte=today, status=Meeting.Status.HELD).order_by("-date")[:limit])


def published_documents() -> QuerySet[Document]:
    versions = DocumentVersion.objects.defer("text").order_by("language", "-revision")
    return Document.objects.filter(published=True).select_related("publisher").prefetch_related(
        Prefetch("versions", queryset=versions)
    )


def meeting_with_details(reference: str) -> Meeting | None:
    attendances = Attendance.objects.select_related("person", "post", "government", "substitute_for").order_by(
        "government__sort_order", "sort_order", "pk"
    )
    return (
        public_meetings()
        .select_related("host")
        .prefetch_related(
            Prefetch("attendances", queryset=attendances), "agenda_items",
            Prefetch("documents", queryset=published_documents(), to_attr="public_documents"),
        )
        .filter(reference=reference)
        .first()
    )


def latest_versions(document: Document) -> dict[str, DocumentVersion]:
    """The newest revision in each language (versions are prefetched newest first)."""
    latest: dict[str, DocumentVersion] = {}
    for version in document.versions.all():
        latest.setdefault(version.language, version)
    return latest


def provenance_for(meeting: Meeting) -> list[Provenance]:
    """Where the meeting's facts came from, citing only published documents."""
    from django.contrib.contenttypes.models import ContentType

    kinds = ContentType.objects.get_for_models(Meeting, Attendance).values()
    records = Q(content_type=ContentType.objects.get_for_model(Meeting), object_id=meeting.pk) | Q(
        content_type__in=[k for k in kinds if k.model == "attendance"],
        object_id__in=[a.pk for a in meeting.attendances.all()],
    )
    return list(
        Provenance.objects.filter(records, document_version__document__published=True)
        .select_related("document_version__document", "content_type").order_by("document_version_id", "field_name")[:50]
    )


def bodies_with_counts() -> QuerySet[Body]:
    published = Q(meetings__published=True)
    return Body.objects.annotate(
        meeting_count=Count("meetings", filter=published), last_met=Max("meetings__date", filter=published)
    ).order_by("tier", "name_en")


def meetings_per_year(body: Body) -> list[dict[str, int]]:
    rows = (public_meetings().filter(body=body).order_by().annotate(year=ExtractYear("date")).values("year")
            .annotate(count=Count("pk")).order_by("year"))
    return list(rows)


def attendance_by_government(body: Body) -> list[dict[str, Any]]:
    """Who came for each government: per government and person, how often and between which dates."""
    rows = (
        Attendance.objects.filter(meeting__body=body, meeting__published=True, government__isnull=False)
        .order_by().values("government", "person")
        .annotate(count=Count("pk"), first=Min("meeting__date"), last=Max("meeting__date"))
    )
    return list(rows)


def attendance_per_year(body: Body) -> list[dict[str, Any]]:
    rows = (
        Attendance.objects.filter(meeting__body=body, meeting__published=True, government__isnull=False)
        .order_by().annotate(year=ExtractYear("meeting__date")).values("year", "government")
        .annotate(count=Count("pk")).order_by("year")
    )
    return list(rows)


def people_with_counts() -> QuerySet[Person]:
    from igr.public.search.indexer import public_people

    return (
        Person.objects.filter(pk__in=public_people().values("pk"))
        .annotate(meeting_count=Count("attendances", filter=Q(attendances__meeting__published=True), distinct=True))
        .order_by("sort_name", "name")
    )
