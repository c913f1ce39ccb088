"""The reporting app's view of what each meeting owed, when the reporting app is installed.

``igr.reporting.summary`` knows the agreements' rules (deadlines per profile, calendars, recess, waivers); when it
is present the public pages use it, and fall back to measuring the register's own written statements
(``timeliness``) only when it is not. The check is on the module, once, at import time.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from igr.register.models import Meeting

from . import tallies, timeliness

AVAILABLE = importlib.util.find_spec("igr.reporting.summary") is not None


def meeting_obligations(meeting: Meeting) -> list[dict[str, Any]] | None:
    """What the meeting owed (None when the reporting app is absent)."""
    if not AVAILABLE:
        return None
    from igr.reporting.summary import meeting_reporting

    return meeting_reporting(meeting)


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
        return {"count": count, "median": _median(self.lags), "longest": max(self.lags) if self.lags else None,
                "on_time": self.on_time, "decided": decided,
                "on_time_rate": round(100 * self.on_time / decided) if decided else None}


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


def statistics_from_obligations(today: dt.date | None = None) -> dict[str, Any]:
    """The reporting page's figures for written statements, summed from the tallies (``igr.public.tallies``).

    The same figures as reading every obligation (``igr.reporting.summary.reporting_stats``) would give: lag in
    days from meeting to statement, on time or late against the obligation's due date, overdue when unmet and
    past due, waived ones left out; by year, body and Welsh Government minister.
    """
    from django.utils import timezone

    today = today or timezone.localdate()
    groups: dict[tuple[str, Any], _Group] = defaultdict(_Group)
    for cell in tallies.statement_counts():
        targets = [groups[(cell.per, cell.owner)]] + ([groups[("overall", None)]] if cell.per == "year" else [])
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
    buckets = [{"low": low, "high": high, "count": sum(n for d, n in overall.lags.items() if d >= low and (high is None or d <= high))}
               for low, high in timeliness.LAG_BUCKETS]
    notice = timeliness.statistics_for_page(include_lags=False)
    return {
        **notice, "overall": overall.summary(), "distribution": buckets,
        "by_year": sorted((k, g.summary()) for (kind, k), g in groups.items() if kind == "year"),
        "by_body": {k: g.summary() for (kind, k), g in groups.items() if kind == "body"},
        "by_minister": {k: g.summary() for (kind, k), g in groups.items() if kind == "minister"},
        "source": "obligations",
    }


def overdue_meetings(limit: int = 10, today: dt.date | None = None) -> list[Meeting]:
    """Published meetings whose written statement is overdue, by the reporting app's deadlines, oldest first.

    The tallies say at once whether any statement is unmet and past due; only then are the obligations asked
    (the same test as ``Obligation.status_on``: not waived, not met, past due), and the answer is cached.
    """
    from django.utils import timezone

    from igr.reporting.models import Obligation

    from .cache import cached

    today = today or timezone.localdate()
    if not any(due < today for due in tallies.owed_dates()):
        return []

    def overdue_ids() -> list[int]:
        rows = Obligation.objects.filter(deliverable="written_statement", waived_on__isnull=True, met_on__isnull=True,
                                         due_date__lt=today, meeting__published=True)
        return list(rows.order_by("meeting__date", "meeting_id").values_list("meeting_id", flat=True).distinct()[:limit])

    ids = cached("overdue", overdue_ids, today, limit)
    meetings = Meeting.objects.filter(pk__in=ids).select_related("body").in_bulk()
    return [meetings[pk] for pk in ids if pk in meetings]
