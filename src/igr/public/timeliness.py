"""How promptly the Welsh Government reported meetings to the Senedd, worked out from the register itself.

The reporting app will own obligations and deadlines; until it provides ``igr.reporting.summary``, this module
measures what the register already holds: the lag from a published meeting to the first published written
statement linked to it, against the administration's target of 15 working days in Wales (a target, not a rule
of the agreement), and how much notice each meeting gave (``Meeting.notice_received_at``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone

from igr.register.models import Attendance, Document, Meeting

TARGET_WORKING_DAYS = 15
LAG_BUCKETS = [(0, 7), (8, 14), (15, 28), (29, 56), (57, 91), (92, None)]
NOTICE_BUCKETS_HOURS = [(0, 24), (24, 72), (72, 168), (168, None)]
STATEMENT = Document.Kind.WRITTEN_STATEMENT


@lru_cache(maxsize=8)
def _working_day_index(first_year: int, last_year: int) -> tuple[dt.date, list[int]]:
    """Cumulative count of working days (weekdays that are not bank holidays in Wales) from 1 January."""
    closed = holidays.UK(subdiv="WLS", years=range(first_year, last_year + 1))
    start, end = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    counts, total = [], 0
    for offset in range((end - start).days + 1):
        day = start + dt.timedelta(days=offset)
        if day.weekday() < 5 and day not in closed:
            total += 1
        counts.append(total)
    return start, counts


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when the statement came the same day)."""
    origin, counts = _working_day_index(min(start.year, end.year), max(start.year, end.year) + 1)
    return counts[(end - origin).days] - counts[(start - origin).days]


@dataclass
class Lag:
    meeting_id: int
    meeting_date: dt.date
    body_id: int
    statement_date: dt.date

    @property
    def days(self) -> int:
        return (self.statement_date - self.meeting_date).days

    @property
    def on_time(self) -> bool:
        return working_days_between(self.meeting_date, self.statement_date) <= TARGET_WORKING_DAYS


def lags() -> list[Lag]:
    rows = (
        Meeting.objects.filter(published=True, status=Meeting.Status.HELD)
        .annotate(statement=Min("documents__date", filter=Q(documents__kind=STATEMENT, documents__published=True)))
        .filter(statement__isnull=False).order_by().values_list("pk", "date", "body_id", "statement")
    )
    return [Lag(*row) for row in rows if row[3] >= row[1]]


def summarise(values: list[Lag]) -> dict[str, object]:
    days = [lag.days for lag in values]
    on_time = sum(1 for lag in values if lag.on_time)
    return {
        "count": len(values),
        "median": statistics.median(days) if days else None,
        "longest": max(days) if days else None,
        "on_time": on_time,
        "on_time_rate": round(100 * on_time / len(values)) if values else None,
    }


def distribution(values: list[Lag]) -> list[dict[str, object]]:
    out = []
    for low, high in LAG_BUCKETS:
        n = sum(1 for lag in values if lag.days >= low and (high is None or lag.days <= high))
        out.append({"low": low, "high": high, "count": n})
    return out


def grouped(values: list[Lag], key) -> dict[object, dict[str, object]]:
    groups: dict[object, list[Lag]] = defaultdict(list)
    for lag in values:
        for k in key(lag):
            groups[k].append(lag)
    return {k: summarise(v) for k, v in groups.items()}


def welsh_ministers(meeting_ids: list[int]) -> dict[int, list[int]]:
    """The Welsh Government ministers at each meeting: the people a statement is usually made by."""
    out: dict[int, list[int]] = defaultdict(list)
    rows = Attendance.objects.filter(
        meeting_id__in=meeting_ids, government__key="wales", capacity=Attendance.Capacity.MINISTER, person__isnull=False
    ).order_by().values_list("meeting_id", "person_id")
    for meeting_id, person_id in rows:
        out[meeting_id].append(person_id)
    return out


def notice_hours(meeting: Meeting) -> float | None:
    """Hours between the invitation arriving and the meeting's start (09:00 when no time is recorded)."""
    if not meeting.notice_received_at:
        return None
    start = meeting.starts_at or timezone.make_aware(dt.datetime.combine(meeting.date, dt.time(9, 0)))
    return (start - meeting.notice_received_at).total_seconds() / 3600


def overdue(today: dt.date | None = None, limit: int = 10) -> list[Meeting]:
    """Held meetings past the target with no published written statement yet, oldest first."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=21)  # 15 working days is at least three calendar weeks
    candidates = (
        Meeting.objects.filter(published=True, status=Meeting.Status.HELD, date__lte=cutoff, date__gte=today - dt.timedelta(days=366))
        .exclude(Exists(Document.meetings.through.objects.filter(
            meeting_id=OuterRef("pk"), document__kind=STATEMENT, document__published=True)))
        .select_related("body").order_by("date")
    )
    return [m for m in candidates[: limit * 3] if working_days_between(m.date, today) > TARGET_WORKING_DAYS][:limit]
