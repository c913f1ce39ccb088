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
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone

from igr.register.models import Attendance, Document, Meeting

from . import tallies
from .tallies import NOTICE_BUCKETS_HOURS, notice_hours_of  # noqa: F401  (kept importable from here)

TARGET_WORKING_DAYS = 15
LAG_BUCKETS = [(0, 7), (8, 14), (15, 28), (29, 56), (57, 91), (92, None)]
STATEMENT = Document.Kind.WRITTEN_STATEMENT


@lru_cache(maxsize=4)
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
    # One table for the whole span of the register (built once), widened only if a date falls outside it.
    first, last = min(1990, start.year, end.year), max(dt.date.today().year + 2, start.year, end.year)
    origin, counts = _working_day_index(first, last)
    return counts[(end - origin).days] - counts[(start - origin).days]


@dataclass
class Lag:
    meeting_id: int
    meeting_date: dt.date
    body_id: int
    statement_date: dt.date
    on_time: bool = field(init=False, default=False)

    @property
    def days(self) -> int:
        return (self.statement_date - self.meeting_date).days

    def __post_init__(self) -> None:
        self.on_time = working_days_between(self.meeting_date, self.statement_date) <= TARGET_WORKING_DAYS


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
        "decided": len(values),
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
    return notice_hours_of(meeting.date, meeting.starts_at, meeting.notice_received_at)


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


def statistics_for_page(include_lags: bool = True) -> dict[str, object]:
    """Every figure the reporting page shows, as plain data (ids, numbers) so that it can be cached."""
    values = lags() if include_lags else []
    ministers = welsh_ministers([lag.meeting_id for lag in values])
    notices = tallies.notice_counts()  # kept in step with the register: no scan of every meeting
    buckets = [{"low": low, "high": high, "count": notices.get(str(i), 0)} for i, (low, high) in enumerate(NOTICE_BUCKETS_HOURS)]
    return {
        "overall": summarise(values),
        "distribution": distribution(values),
        "by_year": sorted(grouped(values, lambda lag: [lag.meeting_date.year]).items()),
        "by_body": grouped(values, lambda lag: [lag.body_id]),
        "by_minister": grouped(values, lambda lag: ministers.get(lag.meeting_id, [])),
        "notice_buckets": buckets,
        "noticed_count": sum(notices.values()),
        "short_notice_ids": tallies.short_notice_ids(),
        "source": "register",
    }
