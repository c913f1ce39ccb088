"""Queries behind the officials' dashboard: what is due this week, what is overdue, by minister and by body."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from django.db.models import Q, QuerySet

from igr.reporting.models import Obligation, RecessPeriod

OPEN = Q(met_on__isnull=True, waived_on__isnull=True)
STATUS_FILTERS = {
    "overdue": lambda today: OPEN & Q(due_date__lt=today),
    "due_soon": lambda today: OPEN & Q(due_date__gte=today, due_date__lte=today + dt.timedelta(days=7)),
    "upcoming": lambda today: OPEN & Q(due_date__gt=today + dt.timedelta(days=7)),
    "open": lambda today: OPEN,
    "met": lambda today: Q(met_on__isnull=False),
    "waived": lambda today: Q(waived_on__isnull=False),
}


def obligations() -> QuerySet[Obligation]:
    return Obligation.objects.select_related(
        "meeting__body", "body", "minister", "agreement", "period", "consent", "met_by", "met_by_record"
    )


def filtered(today: dt.date, status: str = "", minister: str = "", body: str = "") -> QuerySet[Obligation]:
    queryset = obligations()
    if status in STATUS_FILTERS:
        queryset = queryset.filter(STATUS_FILTERS[status](today))
    if minister:
        queryset = queryset.filter(minister__key=minister)
    if body:
        queryset = queryset.filter(Q(body__key=body) | Q(meeting__body__key=body))
    return queryset.order_by("due_date", "pk")


def week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def _grouped(rows: list[Obligation], key, today: dt.date) -> list[dict]:
    groups: OrderedDict = OrderedDict()
    for obligation in rows:
        ident, label = key(obligation)
        group = groups.setdefault(
            ident, {"key": ident, "label": label, "overdue": 0, "due_soon": 0, "upcoming": 0}
        )
        group[obligation.status_on(today)] += 1
    return sorted(groups.values(), key=lambda g: (-g["overdue"], -g["due_soon"], str(g["label"])))


def dashboard(today: dt.date) -> dict:
    monday, sunday = week_bounds(today)
    open_rows = list(obligations().filter(OPEN).order_by("due_date", "pk"))
    last_recess = RecessPeriod.objects.order_by("-end_date").values_list("end_date", flat=True).first()
    return {
        "today": today,
        "week": (monday, sunday),
        "due_this_week": [o for o in open_rows if today <= o.due_date <= sunday],
        "overdue": [o for o in open_rows if o.due_date < today],
        "by_minister": _grouped(
            open_rows,
            lambda o: (o.minister.key if o.minister else "", o.minister.name if o.minister else ""),
            today,
        ),
        "by_body": _grouped(
            open_rows, lambda o: (o.body.key if o.body else "", o.body if o.body else ""), today
        ),
        "open_count": len(open_rows),
        "recess_known_until": last_recess,
        "recess_warning": last_recess is None or last_recess < today,
    }
