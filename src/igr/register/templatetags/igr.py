"""Template helpers for bilingual fields and Welsh-aware dates."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from igr.register.dates import format_date, format_date_precision
from igr.register.translation import translated

register = template.Library()


@register.filter
def tr(obj: object, field: str) -> str:
    """A bilingual field in the page's language; a missing translation is shown as missing, never replaced."""
    value = translated(obj, field)
    if value.text:
        return value.text
    if value.missing:
        return format_html(
            '<span class="igr-missing-translation">{}</span> <span lang="{}">{}</span>',
            _("Welsh missing") if value.language == "cy" else _("English missing"),
            value.fallback_language,
            value.fallback,
        )
    return ""


@register.filter
def longdate(day: dt.date | dt.datetime | None) -> str:
    """A day in words; a moment is first put on the register's clock (Europe/London), not UTC's."""
    if isinstance(day, dt.datetime):
        day = (timezone.localtime(day) if timezone.is_aware(day) else day).date()
    return format_date(day)


@register.filter
def moment(value: dt.datetime | None) -> str:
    """When something happened, in words and 24-hour time on the register's clock: the one way pages say it."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{format_date(local.date())}, {local:%H:%M}"


@register.filter
def meeting_date(meeting) -> str:
    return format_date_precision(meeting.date, meeting.date_precision)
