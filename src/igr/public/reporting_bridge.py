"""The reporting app's view of what each meeting owed, when the reporting app is installed.

``igr.reporting.summary`` knows the agreements' rules (deadlines per profile, calendars, recess, waivers); when it
is present the public pages use it, and fall back to measuring the register's own written statements
(``timeliness``) only when it is not. The check is on the module, once, at import time.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import defaultdict
from statistics import median
from typing import Any

from igr.register.models import Meeting

from . import timeliness

AVAILABLE = importlib.util.find_spec("igr.reporting.summary") is not None
DECIDED = ("met_on_time", "met_late", "overdue")


def meeting_obligations(meeting: Meeting) -> list[dict[str, Any]] | None:
    """What the meeting owed (None when the reporting app is absent)."""
    if not AVAILABLE:
        return None
    from igr.reporting.summary import meeting_reporting

    return meeting_reporting(meeting)


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    lags = [r["lag_days"] for r in rows if r["lag_days"] is not None]
    decided = [r for r in rows if r["status"] in DECIDED]
    on_time = sum(1 for r in decided if r["status"] == "met_on_time")
    return {"count": len(lags), "median": median(lags) if lags else None, "longest": max(lags) if lags else None,
            "on_time": on_time, "decided": len(decided),
            "on_time_rate": round(100 * on_time / len(decided)) if decided else None}


def statistics_from_obligations() -> dict[str, Any]:
    """The reporting page's figures from the reporting app's obligations for written statements."""
    from igr.reporting.summary import reporting_stats

    rows = reporting_stats()["rows"]
    ids = dict(Meeting.objects.filter(reference__in=[r["reference"] for r in rows]).values_list("reference", "pk"))
    bodies = dict(Meeting.objects.filter(pk__in=ids.values()).values_list("pk", "body_id"))
    ministers = timeliness.welsh_ministers(list(ids.values()))
    groups: dict[str, dict[Any, list]] = {"year": defaultdict(list), "body": defaultdict(list), "minister": defaultdict(list)}
    for row in rows:
        pk = ids.get(row["reference"])
        groups["year"][row["meeting_date"].year].append(row)
        groups["body"][bodies.get(pk)].append(row)
        for person in ministers.get(pk, []):
            groups["minister"][person].append(row)
    lags = [r["lag_days"] for r in rows if r["lag_days"] is not None]
    buckets = [{"low": low, "high": high, "count": sum(1 for d in lags if d >= low and (high is None or d <= high))}
               for low, high in timeliness.LAG_BUCKETS]
    notice = timeliness.statistics_for_page(include_lags=False)
    overdue = [ids[r["reference"]] for r in rows if r["status"] == "overdue" and r["reference"] in ids]
    return {
        **notice, "overall": _summary(rows), "distribution": buckets,
        "by_year": sorted((k, _summary(v)) for k, v in groups["year"].items()),
        "by_body": {k: _summary(v) for k, v in groups["body"].items() if k is not None},
        "by_minister": {k: _summary(v) for k, v in groups["minister"].items()},
        "overdue_ids": overdue, "source": "obligations",
    }


def overdue_meetings(limit: int = 10, today: dt.date | None = None) -> list[Meeting]:
    """Published meetings whose written statement is overdue, by the reporting app's deadlines."""
    from .cache import cached

    ids = cached("reporting", statistics_from_obligations)["overdue_ids"]
    return list(Meeting.objects.filter(pk__in=ids, published=True).select_related("body").order_by("date")[:limit])
