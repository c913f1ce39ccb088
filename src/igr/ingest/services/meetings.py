"""Meetings: one meeting however many documents report it, matched on forum and date.

Why these rules: a communiqué, a Welsh statement and a Scottish letter give the same meeting with different
precision ("in July", "on 11 July") and sometimes different days. A coarser date matches a finer one in the
same month or year; the same forum and ordinal within a few weeks is the same meeting on a disputed date,
flagged as a conflict instead of becoming a second meeting. Nothing a source says overwrites a value another
source gave, or one a person confirmed: the alternatives go to the review queue.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.contenttypes.models import ContentType

from igr.register.models import Body, DatePrecision, Meeting, Person, Provenance

from .context import Ctx
from .review import is_confirmed
from .validate import MeetingIn, Span

ORDINAL_WINDOW = dt.timedelta(days=45)
_COMMUNIQUE_URL = re.compile(r"https?://[^\s)\]>\"']*communiqu[^\s)\]>\"']*", re.I)


def reference_range(body: Body, lo: dt.date, hi: dt.date) -> tuple[str, str]:
    """Bounds of the references of ``body``'s meetings from ``lo``'s year (year- and month-precise ones too) to
    ``hi``: references are ``KEY/YYYY[-MM[-DD]]``, so this range is read from their unique index alone."""
    return f"{body.key}/{lo:%Y}", f"{body.key}/{hi:%Y-%m-%d}"


def find_meeting(body: Body, day: dt.date, precision: str, ordinal: int | None) -> tuple[Meeting | None, str]:
    """The existing meeting this report is about, and how it matches: exact, refine, coarser or disputed.

    One query: the forum's meetings in the report's year and within the ordinal window (read by reference, so
    the rows read do not grow with the forum's history), then the rules in order.
    """
    window = (day - ORDINAL_WINDOW, day + ORDINAL_WINDOW)
    lo, hi = (
        (min(window[0], day.replace(month=1, day=1)), max(window[1], day.replace(month=12, day=31)))
        if ordinal
        else (day.replace(month=1, day=1), day.replace(month=12, day=31))
    )
    rows = [
        m
        for m in Meeting.objects.filter(reference__range=reference_range(body, lo, hi)).order_by(
            "-date", "pk"
        )
        if m.body_id == body.pk
        and (m.date.year == day.year or (ordinal and window[0] <= m.date <= window[1]))
    ]
    same_year = [m for m in rows if m.date.year == day.year]

    def first(cond) -> Meeting | None:
        return next((m for m in same_year if cond(m)), None)

    if precision == DatePrecision.DAY:
        found = first(lambda m: m.date == day and m.date_precision == DatePrecision.DAY)
        if found:
            return found, "exact"
        found = first(
            lambda m: m.date.month == day.month and m.date_precision == DatePrecision.MONTH
        ) or first(lambda m: m.date_precision == DatePrecision.YEAR)
        if found:
            return found, "refine"
    else:
        same = [
            m
            for m in same_year
            if precision != DatePrecision.MONTH
            or m.date.month == day.month
            or m.date_precision == DatePrecision.YEAR
        ]
        if len(same) == 1:
            return same[0], "refine" if same[0].date_precision == DatePrecision.YEAR else "coarser"
    if ordinal:
        found = next((m for m in rows if m.ordinal == ordinal and window[0] <= m.date <= window[1]), None)
        if found:
            return found, "disputed"
    return None, "new"


def resolve_day_month(body: Body, month: int, day: int) -> dt.date | None:
    """The year of a meeting the text dates only by day and month: the forum's one meeting on that day and month
    in the register (another report of it), else None (several, or none: the year stays unknown)."""
    found = {
        m
        for m in Meeting.objects.filter(
            body=body, date__month=month, date__day=day, date_precision=DatePrecision.DAY
        ).values_list("date", flat=True)
    }
    return found.pop() if len(found) == 1 else None


def meeting_provenance(meeting: Meeting) -> list[Provenance]:
    ct = ContentType.objects.get_for_model(Meeting)
    return list(
        Provenance.objects.filter(content_type=ct, object_id=meeting.pk).select_related("document_version")
    )


def merge(ctx: Ctx, obj: Any, field: str, new: Any, span: Span | None, provs: list[Provenance]) -> bool:
    """Fill an empty field, corroborate an equal one, or flag a disagreement; True when the row changed."""
    if new in (None, ""):
        return False
    current = getattr(obj, field)
    if current == new:
        ctx.note(obj, field, span)
        return False
    field_provs = [p for p in provs if p.field_name == field]
    confirmed = is_confirmed(provs, field)
    # Only this document's earlier revisions in this language: its other language version is another source.
    own = bool(field_provs) and all(
        p.document_version.document_id == ctx.document.pk and p.document_version.language == ctx.language
        for p in field_provs
    )
    if not confirmed and (current in (None, "") or own):
        # Empty, or only this document's earlier revision said otherwise: a revision's change flows through.
        setattr(obj, field, new)
        ctx.note(obj, field, span)
        ctx.flag_if_low(obj, field, span, new)
        return True
    others = [
        {
            "value": current,
            "document_version": p.document_version_id,
            "span_start": p.span_start,
            "span_end": p.span_end,
            "quote": p.quote,
            "confidence": p.confidence,
        }
        for p in field_provs
    ]
    if not others:
        others = [{"value": current, "document_version": None, "quote": "", "confidence": None}]
    ctx.flag("conflict", obj, field, span, value=current, alternatives=[*others, ctx.alt(new, span)])
    return False


def _text_fields(ctx: Ctx, m: MeetingIn) -> dict[str, tuple[str, Span | None]]:
    lang = ctx.language
    return {
        f"location_{lang}": (m.location, m.spans.get("location")),
        f"next_meeting_{lang}": (m.next_meeting, m.spans.get("next_meeting")),
    }


def communique_url(ctx: Ctx, m: MeetingIn) -> str:
    if not m.communique_referenced:
        return ""
    found = _COMMUNIQUE_URL.search(ctx.text)
    return found.group(0)[:500] if found else ""


def against(target: Meeting, day: dt.date, precision: str) -> str:
    """How a report of ``target`` (known from its other language version) relates to it: the rules of
    ``find_meeting``, and *disputed* where the two disagree on the date."""
    rank = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}
    if (target.date, target.date_precision) == (day, precision):
        return "exact"
    coarse = precision if rank[precision] >= rank[target.date_precision] else target.date_precision
    same = target.date.year == day.year and (coarse == DatePrecision.YEAR or target.date.month == day.month)
    if same and coarse != DatePrecision.DAY:
        return "refine" if rank[precision] < rank[target.date_precision] else "coarser"
    return "disputed"


def import_meeting(
    ctx: Ctx,
    body: Body,
    m: MeetingIn,
    published: dt.date | None,
    target: Meeting | None = None,
    chair: Person | None = None,
) -> tuple[Meeting, bool]:
    """Create or match the meeting and merge this report's fields into it; True when it was created.

    ``target``: the meeting this document's other language version reports; this version is about it whatever
    it says, and where it disagrees (on the date, or the forum) the disagreement is flagged, never applied.
    ``chair``: the person the report names as chair, set on a meeting it creates (a meeting found merges it
    after its attendances).
    """
    assert m.date is not None
    status = Meeting.Status.PLANNED if published and m.date > published else Meeting.Status.HELD
    meeting, how = (
        (target, against(target, m.date, m.precision))
        if target
        else find_meeting(body, m.date, m.precision, m.ordinal)
    )
    date_span = m.spans.get("meeting_date")
    if meeting is None:
        meeting = Meeting(
            body=body,
            date=m.date,
            date_precision=m.precision,
            ordinal=m.ordinal,
            mode=m.mode,
            status=status,
            communique_url=communique_url(ctx, m),
            chair=chair,
        )
        for field, (value, _span) in _text_fields(ctx, m).items():
            setattr(meeting, field, value)
        meeting.save()
        ctx.touch(meeting.pk, "inserted")
        for field, value, span in [
            ("date", m.date, date_span),
            ("ordinal", m.ordinal, m.spans.get("meeting_ordinal")),
            ("mode", m.mode, m.spans.get("mode")),
            ("status", status, date_span),
            *[(f, v, s) for f, (v, s) in _text_fields(ctx, m).items()],
        ]:
            if value not in (None, ""):
                ctx.note(meeting, field, span)
                ctx.flag_if_low(meeting, field, span, str(value))
        if chair is not None:
            ctx.note(meeting, "chair_id", m.spans.get("chair"))
            ctx.flag_if_low(meeting, "chair_id", m.spans.get("chair"), chair.pk)
        return meeting, True
    provs = meeting_provenance(meeting)
    changed: list[str] = []
    if (
        meeting.body_id != body.pk
    ):  # only for a target: the forum is part of the reference, so never changed here
        merge(ctx, meeting, "body_id", body.pk, m.spans.get("body"), provs)
    if how == "refine" and not is_confirmed(provs, "date"):
        meeting.date, meeting.date_precision = m.date, m.precision
        changed += ["date", "date_precision"]
        ctx.note(meeting, "date", date_span)
    elif how == "disputed":
        if merge(ctx, meeting, "date", m.date, date_span, provs):
            changed += ["date", "date_precision"]
            meeting.date_precision = m.precision
    elif how == "exact":
        ctx.note(meeting, "date", date_span)
    for field, value, span in [
        ("ordinal", m.ordinal, m.spans.get("meeting_ordinal")),
        ("mode", m.mode, m.spans.get("mode")),
        *[(f, v, s) for f, (v, s) in _text_fields(ctx, m).items()],
    ]:
        if merge(ctx, meeting, field, value, span, provs):
            changed.append(field)
    if (
        meeting.status == Meeting.Status.PLANNED
        and status == Meeting.Status.HELD
        and not is_confirmed(provs, "status")
    ):
        meeting.status = status  # a meeting announced earlier has now been reported as held
        ctx.note(meeting, "status", date_span)
        changed.append("status")
    if not meeting.communique_url and (url := communique_url(ctx, m)):
        meeting.communique_url = url
        changed.append("communique_url")
    if changed:
        if "date" in changed:
            meeting.save()  # the reference follows the date
            ctx.registry.forget_observed()  # its attendees' tenures count from the new date
        else:
            meeting.save(update_fields=[*changed, "updated_at"])
        ctx.touch(meeting.pk, "updated")
    else:
        ctx.touch(meeting.pk, "unchanged")
    return meeting, False
