"""Small builders for public-page tests: meetings with people, attendance, topics and a written statement.

Rows are bulk-created (as a bulk import would) and the search index rebuilt afterwards, which keeps the tests
quick and exercises ``rebuild`` as well.
"""

from __future__ import annotations

import datetime as dt

from igr.public.search.indexer import rebuild
from igr.register.models import (
    AgendaItem,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Government,
    Meeting,
    Person,
    meeting_reference,
)


def make_meetings(
    count: int,
    body_key: str = "imsc",
    start: dt.date = dt.date(2022, 1, 10),
    published: bool = True,
    prefix: str = "p",
) -> list[Meeting]:
    """``count`` held meetings a week apart, each with two people from two governments, a topic and a statement."""
    body = Body.objects.get(key=body_key)
    wales, uk = Government.objects.get(key="wales"), Government.objects.get(key="uk")
    days = [start + dt.timedelta(days=7 * i) for i in range(count)]
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                body=body,
                date=day,
                reference=meeting_reference(body.key, day),
                status="held",
                mode="virtual",
                published=published,
                ordinal=i + 1,
                notice_received_at=dt.datetime.combine(day, dt.time(6), tzinfo=dt.UTC),
            )
            for i, day in enumerate(days)
        ]
    )
    meetings = list(Meeting.objects.filter(reference__in=[m.reference for m in meetings]).order_by("date"))
    people = {}
    for gov in (wales, uk):
        for j in range(5):
            people[gov.key, j], _ = Person.objects.get_or_create(
                key=f"{prefix}-{gov.key}-{j}", defaults={"name": f"Person {gov.key} {j}"}
            )
    Attendance.objects.bulk_create(
        [
            Attendance(meeting=m, person=people[gov.key, i % 5], government=gov, capacity=capacity)
            for i, m in enumerate(meetings)
            for gov, capacity in ((wales, "minister"), (uk, "official"))
        ]
    )
    AgendaItem.objects.bulk_create(
        [AgendaItem(meeting=m, title_en=f"Topic {i}", title_cy=f"Pwnc {i}") for i, m in enumerate(meetings)]
    )
    docs = Document.objects.bulk_create(
        [
            Document(
                kind="written_statement",
                date=m.date + dt.timedelta(days=10 + i % 30),
                title_en=f"Statement {i}",
                title_cy=f"Datganiad {i}",
                published=published,
            )
            for i, m in enumerate(meetings)
        ]
    )
    Document.meetings.through.objects.bulk_create(
        [
            Document.meetings.through(document_id=d.pk, meeting_id=m.pk)
            for d, m in zip(docs, meetings, strict=True)
        ]
    )
    DocumentVersion.objects.bulk_create(
        [
            DocumentVersion(
                document=d,
                language="en",
                content_hash=f"{prefix}{d.pk:063d}"[:64],
                text=f"The group met and discussed topic {i}.",
            )
            for i, d in enumerate(docs)
        ]
    )
    rebuild()
    return meetings
