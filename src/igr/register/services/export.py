"""Meetings as plain rows, for the CLI and exports: one shape everywhere, keyed by the stable reference."""

from __future__ import annotations

from typing import Any

from igr.register.models import Meeting


def meeting_rows(
    body_key: str | None = None, year: int | None = None, published_only: bool = False
) -> list[dict[str, Any]]:
    meetings = Meeting.objects.select_related("body", "chair").order_by("date", "body__key")
    if body_key:
        meetings = meetings.filter(body__key=body_key)
    if year:
        meetings = meetings.filter(date__year=year)
    if published_only:
        meetings = meetings.public()
    return [
        {
            "reference": m.reference,
            "body": m.body.key,
            "body_name_en": m.body.name_en,
            "body_name_cy": m.body.name_cy,
            "date": m.date.isoformat(),
            "date_precision": m.date_precision,
            "ordinal": m.ordinal,
            "status": m.status,
            "mode": m.mode or None,
            "location_en": m.location_en or None,
            "location_cy": m.location_cy or None,
            "chair": m.chair.name if m.chair else None,
            "communique_url": m.communique_url or None,
        }
        for m in meetings
    ]
