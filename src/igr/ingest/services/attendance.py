"""Attendance: who took part, merged across the documents that report one meeting.

Why reconcile described with named attendees: a statement says "senior officials from the Northern Ireland
Executive", a letter names them. When named attendees of the same government and capacity are known, the
description is evidence about them (kept as provenance on each), not a further attendee; a description is
only a row of its own while nobody of that government and capacity is named.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from igr.ingest.models import ReviewItem
from igr.register import events, history
from igr.register.models import Attendance, DatePrecision, Government, Meeting, Person, Provenance

from .context import Ctx
from .meetings import merge
from .names import fold
from .people import refresh_tenures, resolve_person, resolve_post
from .validate import AttendeeIn, Span


def _provs(ids: list[int]) -> dict[int, list[Provenance]]:
    out: dict[int, list[Provenance]] = {i: [] for i in ids}
    if not ids:
        return out
    ct = ContentType.objects.get_for_model(Attendance)
    for p in Provenance.objects.filter(content_type=ct, object_id__in=ids).select_related("document_version"):
        out[p.object_id].append(p)
    return out


def import_attendees(
    ctx: Ctx, meeting: Meeting, attendees: list[AttendeeIn], fresh: bool = False
) -> Person | None:
    """Merge this report's attendees into the meeting (``fresh``: just created, so none yet); returns the chair."""
    existing = [] if fresh else list(meeting.attendances.all())
    provs = _provs([a.pk for a in existing])
    by_person = {a.person_id: a for a in existing if a.person_id}
    lang, changed, chair, people = ctx.language, False, None, []
    new: list[tuple[Attendance, Span | None, str]] = []  # rows to insert together, with what to note on them
    order, inserted = len(existing), 0
    for att in [a for a in attendees if a.name]:
        gov = ctx.registry.government(att.government)
        person = resolve_person(ctx, att.name or "", att.span)
        people.append(person)
        chair = person if att.is_chair else chair
        row = by_person.get(person.pk)
        if row is not None and row.pk is None:  # named twice in one report: insert first, then merge as usual
            _insert(ctx, new)
            new.clear()
        if row is None:
            inserted += 1
            row = Attendance(
                meeting=meeting,
                person=person,
                government=gov,
                capacity=att.capacity,
                is_chair=att.is_chair,
                post=resolve_post(ctx, gov, att.role, att.capacity),
                sort_order=order,
                **{f"role_{lang}": att.role[:300]},
            )
            order += 1
            by_person[person.pk] = row
            ctx.note(row, "", att.span)
            new.append((row, att.span, att.name))
            continue
        ctx.note(row, "", att.span)
        updates = [
            f
            for f, v in (("capacity", att.capacity), ("government_id", gov.pk if gov else None))
            if merge(ctx, row, f, v, att.span, provs.get(row.pk, []))
        ]
        if not getattr(row, f"role_{lang}") and att.role:
            setattr(row, f"role_{lang}", att.role[:300])
            updates.append(f"role_{lang}")
        if att.is_chair and not row.is_chair:
            row.is_chair = True
            updates.append("is_chair")
        if updates:
            row.save(
                update_fields=[u for u in updates if u != "government_id"]
                + (["government"] if "government_id" in updates else [])
            )
            changed = True
    unnamed = [r for r in existing if r.person_id is None]
    changed |= _described(
        ctx, meeting, [a for a in attendees if not a.name], by_person, provs, order, unnamed, new
    )
    if new:
        _insert(ctx, new)
    changed |= bool(inserted)
    if people:
        refresh_tenures(list({p.pk: p for p in people}.values()), ctx.registry)
    if changed:
        ctx.touch(meeting.pk, "updated")
    return chair


def _insert(ctx: Ctx, new: list[tuple[Attendance, Span | None, str]]) -> None:
    """One insert for a report's new attendances (their provenance was queued already, keyed at flush), announced
    as the register's events, one per row, as saving each would have."""
    rows = history.bulk_create(Attendance, [row for row, _span, _value in new])
    events.announce(
        *(events.AttendanceChanged(row.meeting_id, row.person_id, row.government_id) for row in rows)
    )
    for row in rows:
        if row.person_id and row.post_id and row.meeting.date_precision == DatePrecision.DAY:
            ctx.registry.observe(row.person_id, row.post_id, row.post.government_id, row.meeting.date)
    for row, span, value in new:
        ctx.flag_if_low(row, "", span, value)


def _described(
    ctx: Ctx,
    meeting: Meeting,
    described: list[AttendeeIn],
    by_person: dict[int, Attendance],
    provs: dict[int, list[Provenance]],
    order: int,
    unnamed: list[Attendance],
    new: list[tuple[Attendance, Span | None, str]],
) -> bool:
    """Record described attendees, or reconcile them with named ones of the same government and capacity."""
    changed = False
    named: dict[tuple[int | None, str], list[Attendance]] = {}
    for row in by_person.values():
        named.setdefault((row.government_id, row.capacity), []).append(row)
    lang = ctx.language
    for att in described:
        gov: Government | None = ctx.registry.government(att.government)
        matches = named.get((gov.pk if gov else None, att.capacity), []) if gov else []
        if matches:
            for row in matches:  # the description is more evidence about the people it describes
                ctx.note(row, "", att.span)
            continue
        same = [
            r
            for r in unnamed
            if r.government_id == (gov.pk if gov else None)
            and r.capacity == att.capacity
            and fold(getattr(r, f"description_{lang}") or r.description_en or r.description_cy)
            == fold(att.role)
        ]
        # The other language version's description of the same government's people: its wording in this language.
        other = (
            [
                r
                for r in unnamed
                if r.pk
                and gov
                and r.government_id == gov.pk
                and r.capacity == att.capacity
                and not getattr(r, f"description_{lang}")
            ]
            if not same
            else []
        )
        if other:
            setattr(other[0], f"description_{lang}", att.role[:300])
            setattr(other[0], f"role_{lang}", getattr(other[0], f"role_{lang}") or att.role[:300])
            other[0].save(update_fields=[f"description_{lang}", f"role_{lang}"])
            same = other
        if same:
            ctx.note(same[0], "", att.span)
            continue
        row = Attendance(
            meeting=meeting,
            government=gov,
            capacity=att.capacity,
            sort_order=order,
            **{f"description_{lang}": att.role[:300], f"role_{lang}": att.role[:300]},
        )
        order += 1
        unnamed.append(row)
        ctx.note(row, "", att.span)
        new.append((row, att.span, att.role))
        changed = True
    # Descriptions recorded earlier are absorbed once people of that government and capacity are named.
    absorbed = [r for r in unnamed if r.pk and r.government_id and (r.government_id, r.capacity) in named]
    if absorbed:
        _insert(ctx, new)  # the named rows that take over the descriptions' provenance need their keys
        new.clear()
        ct = ContentType.objects.get_for_model(Attendance)
        rows_provs = Provenance.objects.filter(content_type=ct, object_id__in=[r.pk for r in absorbed])
        keep = {p.object_id for p in rows_provs if p.confirmed_at}
        for row in [r for r in absorbed if r.pk not in keep]:
            for target in named[(row.government_id, row.capacity)]:
                for p in Provenance.objects.filter(content_type=ct, object_id=row.pk):
                    p.pk, p.object_id = None, target.pk
                    p.save()
            Provenance.objects.filter(content_type=ct, object_id=row.pk).delete()
            ReviewItem.objects.filter(content_type=ct, object_id=row.pk).delete()
            row.delete()
            changed = True
    return changed
