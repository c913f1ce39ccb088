"""One extracted record into the register: its document and version, the meetings it reports, their attendance.

Why apart from the pipeline: the pipeline decides when and in which transaction a document is written (and what
a run reports); this module decides what writing one record means, the same for every run.
"""

from __future__ import annotations

from igr.ingest.models import IngestRun
from igr.register.models import Body, Document, meeting_reference

from .attendance import import_attendees
from .context import Ctx, Hook
from .documents import link, make_version
from .meetings import import_meeting, meeting_provenance, merge, resolve_day_month
from .pairing import Pair, find_counterpart, flag_disagreements
from .people import resolve_person
from .registry import Registry
from .sources import Source
from .staging import Stage
from .validate import MeetingIn, RecordIn


def import_record(
    reg: Registry,
    source: Source,
    kind: str,
    text: str,
    record: RecordIn,
    documents: set[int],
    *,
    run: IngestRun | None,
    hook: Hook | None,
    stage: Stage,
) -> tuple[str, dict[int, str], int, list[str]]:
    """One extracted record into the register (inside the caller's transaction): its document and version, the
    meetings it reports with their attendance, and review items where it disagrees; the document joins
    ``documents``. Returns the document's status, the meetings touched, the review items raised, what was skipped."""
    publisher = reg.government(record.publisher)
    pair: Pair | None = None

    def pairing() -> Document | None:
        nonlocal pair
        pair = find_counterpart(record, publisher, reg)
        return pair.document if pair else None

    document, version, status, _wrote = make_version(source, record, kind, text, publisher, pairing, stage)
    documents.add(document.pk)
    ctx = Ctx(reg, document, version, text, record.language, run=run, hook=hook)
    for field_name, key in (
        ("kind", "doc_type"),
        ("date", "published_date"),
        ("publisher", "issuing_government"),
    ):
        if key in record.spans and getattr(
            document, field_name if field_name != "publisher" else "publisher_id"
        ):
            ctx.note(document, field_name, record.spans[key])
    ctx.step("document", document)
    skipped = list(record.issues)
    linked = set(document.meetings.values_list("pk", flat=True)) if status != "new" else set()
    for i, m in enumerate(record.meetings):
        body = reg.body(m.body_key, m.body_name) or new_body(reg, ctx, m)
        if body is not None and m.date is None and m.day_month:
            m.date, m.precision = resolve_day_month(body, *m.day_month), "day"
        if body is None or m.date is None:
            skipped.append(
                f"meeting {i + 1}: "
                + (
                    "no forum named"
                    if body is None
                    else "no date given"
                    if not m.day_month
                    else "no year given, and no meeting of the forum on that day"
                )
            )
            continue
        target = pair.meeting_for(body, len(record.meetings)) if pair else None
        chairs = [
            a for a in m.attendees if a.name and a.is_chair
        ]  # known before the meeting, to create it with
        chair = resolve_person(ctx, chairs[-1].name or "", chairs[-1].span) if chairs else None
        meeting, created = import_meeting(ctx, body, m, record.published, target, chair)
        if meeting.pk not in linked:
            link(document, meeting)
            linked.add(meeting.pk)
            ctx.touch(meeting.pk, "updated")
        ctx.step("meeting", meeting)
        chair = import_attendees(ctx, meeting, m.attendees, fresh=created)
        if (
            chair
            and not created
            and merge(ctx, meeting, "chair_id", chair.pk, m.spans.get("chair"), meeting_provenance(meeting))
        ):
            meeting.save(update_fields=["chair", "updated_at"])
            ctx.touch(meeting.pk, "updated")
        ctx.flush()
        ctx.step("attendance", meeting)
    if status != "new":  # a version joining, or revising, a document that may have one in the other language
        flag_disagreements(ctx, record)
    ctx.flush()
    return "new" if status == "paired" else status, ctx.meetings, ctx.items, skipped


def new_body(reg: Registry, ctx: Ctx, m: MeetingIn) -> Body | None:
    """A forum the register does not know: proposed as a new body, with the text that names it as evidence."""
    if not m.body_name:
        return None
    proposed = m.body_proposed_key or m.body_key
    key = (
        proposed if proposed and proposed not in reg.bodies else reg.unique_slug(m.body_name, reg.bodies, 80)
    )
    tier = m.body_tier if m.body_tier in Body.Tier.values else Body.Tier.BILATERAL
    welsh = m.body_name_cy or ""
    body = Body.objects.create(key=key, tier=tier, name_en=m.body_name, name_cy=welsh)
    reg.add_body(body)
    span = m.spans.get("body")
    ctx.note(body, "name_en", span)
    evidence = ctx.text[span.start : span.end] if span else ""
    ctx.flag("new_body", body, "name", span, value={"en": body.name_en, "cy": welsh, "evidence": evidence})
    return body


def reported(meeting: MeetingIn) -> str:
    """A meeting as a document reported it, for the log: its reference, as far as the document gave one."""
    body = meeting.body_key or meeting.body_name or "?"
    return meeting_reference(body, meeting.date, meeting.precision) if meeting.date else f"{body}/?"
