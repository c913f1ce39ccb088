"""What the public may see: only published records, fetched with a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import CharField, Max, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import Cast, Substr

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

from . import attendees, tallies
from .cache import cached
from .models import MeetingFacts

PEOPLE_PER_GOVERNMENT = 15
UPCOMING_STATUSES = (Meeting.Status.PLANNED, Meeting.Status.CONFIRMED, Meeting.Status.POSTPONED)


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.public().select_related("body", "chair")


def public_agreements() -> QuerySet[Agreement]:
    return Agreement.objects.public()


def upcoming_meetings(today: dt.date, limit: int = 10) -> list[Meeting]:
    return list(
        public_meetings().filter(date__gte=today, status__in=UPCOMING_STATUSES).order_by("date")[:limit]
    )


def recent_meetings(today: dt.date, limit: int = 10) -> list[Meeting]:
    return list(
        public_meetings().filter(date__lte=today, status=Meeting.Status.HELD).order_by("-date")[:limit]
    )


def published_documents() -> QuerySet[Document]:
    versions = DocumentVersion.objects.defer("text").order_by("language", "-revision")
    return (
        Document.objects.public()
        .select_related("publisher")
        .prefetch_related(Prefetch("versions", queryset=versions))
    )


def public_meeting(reference: str) -> Meeting | None:
    """The published meeting with this reference, with what its page's title names (body, chair, host)."""
    return public_meetings().select_related("host").filter(reference=reference).first()


def add_details(meeting: Meeting) -> Meeting:
    """Fetch, in one query each, what a meeting's page lists: attendances, agenda items, published documents."""
    attendances = Attendance.objects.select_related(
        "person", "post", "government", "substitute_for"
    ).order_by("government__sort_order", "sort_order", "pk")
    prefetch_related_objects(
        [meeting],
        Prefetch("attendances", queryset=attendances),
        "agenda_items",
        Prefetch("documents", queryset=published_documents(), to_attr="public_documents"),
    )
    return meeting


def latest_versions(document: Document, leave_out: set[str] = frozenset()) -> dict[str, DocumentVersion]:
    """The newest revision in each language (versions are prefetched newest first), less those whose content
    hash is in ``leave_out``."""
    latest: dict[str, DocumentVersion] = {}
    for version in document.versions.all():
        if version.content_hash not in leave_out:
            latest.setdefault(version.language, version)
    return latest


def sources_for(meeting: Meeting, ours: set[str]) -> list[dict[str, Any]]:
    """The register's public documents about the meeting as sources: each with its newest copy per language.

    ``ours`` holds the content hashes of this register's own editions, which the page lists as editions; a
    record that holds nothing else is left out here.
    """
    out = []
    for document in meeting.public_documents:
        versions = latest_versions(document, ours)
        if versions or not any(v.content_hash in ours for v in document.versions.all()):
            out.append(
                {
                    "document": document,
                    "versions": [versions[lang] for lang in ("cy", "en") if lang in versions],
                }
            )
    return out


def provenance_for(meeting: Meeting) -> list[Provenance]:
    """Where the meeting's facts came from, citing only published documents."""
    from django.contrib.contenttypes.models import ContentType

    kinds = ContentType.objects.get_for_models(Meeting, Attendance).values()
    records = Q(content_type=ContentType.objects.get_for_model(Meeting), object_id=meeting.pk) | Q(
        content_type__in=[k for k in kinds if k.model == "attendance"],
        object_id__in=[a.pk for a in meeting.attendances.all()],
    )
    return list(
        Provenance.objects.public()
        .filter(records)
        .select_related("document_version__document", "content_type")
        .order_by("document_version_id", "field_name")[:50]
    )


def _body_counts() -> dict[int, tuple[int, dt.date]]:
    counts = {
        body: sum(n for *_, n in cells)
        for body, cells in cached("meeting-cells-by-body", _cells_by_body).items()
    }
    last = dict(MeetingFacts.objects.order_by().values_list("body_id").annotate(last=Max("date")))
    return {body_id: (n, last.get(body_id)) for body_id, n in counts.items()}


def bodies_with_counts() -> list[Body]:
    """Every body with how often it met and when last (published meetings only; the counts are cached)."""
    counts = cached("body-counts", _body_counts)
    bodies = list(Body.objects.select_related("predecessor").order_by("tier", "name_en"))
    for body in bodies:
        body.meeting_count, body.last_met = counts.get(body.pk, (0, None))
    return bodies


YEAR = Substr(Cast("date", CharField()), 1, 4)  # native on SQLite and PostgreSQL alike


def _cells_by_body() -> dict[int, list[tuple[int, frozenset[int], int]]]:
    out: dict[int, list[tuple[int, frozenset[int], int]]] = defaultdict(list)
    for body, year, _status, _mode, governments, n in tallies.meeting_cells():
        out[body].append((year, governments, n))
    return dict(out)


def body_cells(body: Body) -> list[tuple[int, frozenset[int], int]]:
    """The body's meeting cells as (year, governments attending, count): cached for every body at once."""
    return cached("meeting-cells-by-body", _cells_by_body).get(body.pk, [])


def meetings_per_year(body: Body) -> list[dict[str, int]]:
    counts: dict[int, int] = defaultdict(int)
    for year, _governments, n in body_cells(body):
        counts[year] += n
    return [{"year": y, "count": n} for y, n in sorted(counts.items())]


def governments_per_year(body: Body) -> list[dict[str, int]]:
    """For each year, how many of the body's published meetings each government attended (from the tallies)."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for year, governments, n in body_cells(body):
        for government in governments:
            counts[(year, government)] += n
    return [{"year": y, "government": g, "count": n} for (y, g), n in sorted(counts.items())]


def top_attendees(body: Body, size: int = PEOPLE_PER_GOVERNMENT) -> dict[int, tuple[list[dict], int]]:
    """Per government id, the people who came most often (at most ``size``, with how often and between which
    dates) and how many others came, from the running attendee tally (``igr.public.attendees``)."""
    return attendees.top(body.pk, size)


def _people_index() -> list[tuple[int, int]]:
    counts = dict(tallies.people_totals())
    return [
        (pk, counts.get(pk, 0))
        for pk in Person.objects.public().order_by("sort_name", "name").values_list("pk", flat=True)
    ]


def people_index() -> list[tuple[int, int]]:
    """Public people in name order with how many published meetings each attended (cached)."""
    return cached("people-index", _people_index)


def people_page(index: list[tuple[int, int]]) -> list[Person]:
    """The Person rows for one page of ``people_index``, each with its ``meeting_count``."""
    people = Person.objects.in_bulk([pk for pk, _ in index])
    out = []
    for pk, count in index:
        person = people[pk]
        person.meeting_count = count
        out.append(person)
    return out


def body_figures(body: Body) -> dict[str, Any]:
    """A body's yearly meetings, attendance by government, and its most frequent attendees (cached per body)."""

    def compute() -> dict[str, Any]:
        per_year = meetings_per_year(body)
        return {
            "count": sum(r["count"] for r in per_year),
            "per_year": per_year,
            "per_government": governments_per_year(body),
            "people": top_attendees(body),
        }

    return cached("body", compute, body.pk)
