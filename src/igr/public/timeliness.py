"""The public reporting page: how promptly written statements came, and how much notice meetings gave.

Deadlines, working days and Senedd recess are the reporting engine's alone: a statement is on time or late
against the due date its obligation carries (``igr.reporting.summary``), never against a count made here. The
figures are sums over the running tallies (``igr.public.tallies``) that the obligations feed, so the page costs
the same whatever the size of the register.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from igr.register.models import Meeting
from igr.reporting import summary

from . import tallies
from .cache import cached
from .tallies import NOTICE_BUCKETS_HOURS

LAG_BUCKETS = [(0, 7), (8, 14), (15, 28), (29, 56), (57, 91), (92, None)]


@dataclass
class _Group:
    """The statements owed in one group (a year, a body, a minister): lags taken, and outcomes."""

    lags: Counter = field(default_factory=Counter)
    on_time: int = 0
    late: int = 0
    overdue: int = 0

    def summary(self) -> dict[str, Any]:
        count = sum(self.lags.values())
        decided = self.on_time + self.late + self.overdue
        return {
            "count": count,
            "median": _median(self.lags),
            "longest": max(self.lags) if self.lags else None,
            "on_time": self.on_time,
            "decided": decided,
            "on_time_rate": round(100 * self.on_time / decided) if decided else None,
        }


def _median(histogram: Counter) -> float | int | None:
    """``statistics.median`` of the values a histogram (value → how many) stands for."""
    total = sum(histogram.values())
    if not total:
        return None
    wanted, seen, middle = ((total - 1) // 2, total // 2), 0, []
    for value in sorted(histogram):
        first, seen = seen, seen + histogram[value]
        middle += [value for position in wanted if first <= position < seen]
    return middle[0] if total % 2 else (middle[0] + middle[1]) / 2


def notice_statistics() -> dict[str, Any]:
    """How much notice meetings gave (``Meeting.notice_received_at``), from the tallies."""
    notices = tallies.notice_counts()
    buckets = [
        {"low": low, "high": high, "count": notices.get(str(i), 0)}
        for i, (low, high) in enumerate(NOTICE_BUCKETS_HOURS)
    ]
    return {
        "notice_buckets": buckets,
        "noticed_count": sum(notices.values()),
        "short_notice_ids": tallies.short_notice_ids(),
    }


def statistics(today: dt.date) -> dict[str, Any]:
    """Every figure the reporting page shows, as plain data (ids, numbers) so that it can be cached.

    The same figures as reading every obligation (``igr.reporting.summary.reporting_stats``) would give: lag in
    days from meeting to statement, on time or late against the obligation's due date, overdue when unmet and
    past due, waived ones left out; by year, body and Welsh Government minister.
    """
    groups: dict[tuple[str, Any], _Group] = defaultdict(_Group)
    for cell in tallies.statement_counts():
        targets = [groups[(cell.per, cell.owner)]] + (
            [groups[("overall", None)]] if cell.per == "year" else []
        )
        for group in targets:
            if cell.outcome == "lag":
                group.lags[cell.days] += cell.n
                if cell.on_time:
                    group.on_time += cell.n
                else:
                    group.late += cell.n
            elif cell.outcome == "owed" and today > cell.due:
                group.overdue += cell.n
    overall = groups[("overall", None)]
    buckets = [
        {
            "low": low,
            "high": high,
            "count": sum(n for d, n in overall.lags.items() if d >= low and (high is None or d <= high)),
        }
        for low, high in LAG_BUCKETS
    ]
    return {
        **notice_statistics(),
        "overall": overall.summary(),
        "distribution": buckets,
        "by_year": sorted((k, g.summary()) for (kind, k), g in groups.items() if kind == "year"),
        "by_body": {k: g.summary() for (kind, k), g in groups.items() if kind == "body"},
        "by_minister": {k: g.summary() for (kind, k), g in groups.items() if kind == "minister"},
    }


def overdue_meetings(today: dt.date, limit: int = 10) -> list[Meeting]:
    """Public meetings whose written statement is past its deadline, oldest first.

    The tallies say at once whether any statement is unmet and past due; only then is the reporting engine
    asked (``summary.overdue_meeting_ids``), and its answer is cached.
    """
    if not any(due < today for due in tallies.owed_dates()):
        return []
    ids = cached("overdue", lambda: summary.overdue_meeting_ids(today, limit), today, limit)
    meetings = Meeting.objects.public().filter(pk__in=ids).select_related("body").in_bulk()
    return [meetings[pk] for pk in ids if pk in meetings]
