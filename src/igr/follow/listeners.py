"""What alerts hear of the register: the meetings it changed, queued for ``igr send_alerts``.

Only ids are queued; what is public and what is new about a meeting is read when the alerts are sent, so an
unpublished meeting or a draft document can never reach an email, whatever the order of events.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models.signals import post_save

from igr.register.models import Attendance, Meeting
from igr.reporting.models import ReportDocument

from .models import Change


def note(meeting_ids: Iterable[int | None]) -> None:
    """Queue each changed meeting once."""
    Change.objects.bulk_create([Change(meeting_id=pk) for pk in dict.fromkeys(meeting_ids) if pk])


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        note([instance.pk if sender is Meeting else instance.meeting_id])


for _model in (Meeting, Attendance, ReportDocument):
    post_save.connect(_saved, sender=_model, dispatch_uid=f"igr-follow-{_model.__name__}")
