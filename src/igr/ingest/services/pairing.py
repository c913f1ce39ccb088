"""English and Welsh versions of one published document: paired into one register document, compared fact by fact.

Why from the domain and not from titles or addresses: the Welsh Government publishes each written statement and
letter in both languages, under different titles and addresses (gov.wales / llyw.cymru). What the two versions
share is what they are: the same publisher and kind, the same date of publication, and the same meeting(s)
(forum and date) reported. A version in the other language that agrees on all of these is the same document.
One that shares the publisher, kind and date and the forum but not the meeting's date (or the date but not the
forum) is still taken as its pair, when it is the only candidate: a translation that disagrees is a fault to be
shown, not a second document. Every disagreement (meeting date, forum, who attended and for which government)
becomes a review item stating it in English and Welsh, with both versions' text; the register keeps the value it
had, and nothing is silently picked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from igr.extract import extract_text
from igr.register.dates import format_date_precision
from igr.register.models import Body, DatePrecision, Document, DocumentVersion, Government, Meeting

from .meetings import ORDINAL_WINDOW, reference_range
from .names import person_key
from .registry import Registry
from .validate import AttendeeIn, MeetingIn, RecordIn, Span, validate_record

OTHER = {"en": "cy", "cy": "en"}


@dataclass
class Pair:
    """The document in the other language this version joins, and its meetings by forum."""

    document: Document
    meetings: list[Meeting] = field(default_factory=list)

    def meeting_for(self, body: Body, count: int) -> Meeting | None:
        """The counterpart's meeting this version's report of ``body`` is about (the only one, if only one each)."""
        same = [m for m in self.meetings if m.body_id == body.pk]
        if len(same) == 1:
            return same[0]
        return self.meetings[0] if not same and count == 1 and len(self.meetings) == 1 else None


def _covers(day: dt.date, precision: str, meeting_date: dt.date) -> bool:
    if precision == DatePrecision.YEAR:
        return day.year == meeting_date.year
    if precision == DatePrecision.MONTH:
        return (day.year, day.month) == (meeting_date.year, meeting_date.month)
    return day == meeting_date


def find_counterpart(record: RecordIn, publisher: Government | None, registry: Registry) -> Pair | None:
    """The other-language document this record is a version of, or None (one query when there is none)."""
    if publisher is None or record.published is None or not record.meetings:
        return None
    reported = [(registry.body(m.body_key, m.body_name), m) for m in record.meetings]
    reported = [(b, m) for b, m in reported if b is not None and m.date is not None]
    if not reported:
        return None
    candidates = _candidates(record, publisher, reported)
    if not candidates:
        return None

    def agrees(meetings: list[Meeting]) -> bool:
        if len(meetings) != len(reported):
            return False
        left = list(meetings)
        for body, m in reported:
            hit = next(
                (x for x in left if x.body_id == body.pk and _covers(m.date, m.precision, x.date)), None
            )
            if hit is None:
                return False
            left.remove(hit)
        return True

    def shares(meetings: list[Meeting]) -> bool:
        bodies = {b.pk for b, _m in reported}
        if any(x.body_id in bodies for x in meetings):
            return True
        return len(meetings) == len(reported) == 1 and _covers(
            reported[0][1].date, reported[0][1].precision, meetings[0].date
        )

    exact = [pk for pk, meetings in candidates.items() if agrees(meetings)]
    partial = [pk for pk, meetings in candidates.items() if shares(meetings)]
    chosen = exact[0] if exact else (partial[0] if len(partial) == 1 else None)
    if chosen is None:
        return None
    return Pair(Document.objects.get(pk=chosen), candidates[chosen])


def _candidates(
    record: RecordIn, publisher: Government, reported: list[tuple[Body, MeetingIn]]
) -> dict[int, list[Meeting]]:
    """Documents of this kind, publisher and date, in the other language only, with their meetings.

    Found from the meetings near the reported ones (the same forum within the dispute window, read by the
    meetings' references; or the same day), so the look-up reads the same few rows however large the register.
    """
    days = [m.date for _b, m in reported]
    lo, hi = min(days) - ORDINAL_WINDOW, max(days) + ORDINAL_WINDOW
    near = Q(date__in=days)
    for body, _m in reported:
        near |= Q(reference__range=reference_range(body, lo, hi))
    meetings = list(Meeting.objects.filter(near).order_by().values_list("pk", flat=True))
    if not meetings:
        return {}
    through = Document.meetings.through
    languages: dict[int, set[str]] = {}
    rows = Document.objects.filter(
        pk__in=through.objects.filter(meeting_id__in=meetings).values("document_id"),
        kind=record.kind,
        publisher=publisher,
        date=record.published,
    )
    for doc, lang in rows.order_by().values_list("pk", "versions__language"):
        languages.setdefault(doc, set()).add(lang)
    ids = {d for d, langs in languages.items() if langs == {OTHER[record.language]}}
    if not ids:
        return {}
    candidates: dict[int, list[Meeting]] = {}
    for link in (
        through.objects.filter(document_id__in=ids)
        .select_related("meeting")
        .order_by("document_id", "meeting_id")
    ):
        candidates.setdefault(link.document_id, []).append(link.meeting)
    return candidates


# --- comparing the two versions -------------------------------------------------------------------------------


@dataclass
class Disagreement:
    field: str
    message_en: str
    message_cy: str
    values: dict[str, str]  # language -> what that version says
    spans: dict[str, Span | None]


def counterpart_record(version: DocumentVersion, kind: str) -> RecordIn | None:
    """What the other language's version says, read again from its stored text (the same extractor)."""
    records = [validate_record(r, version.text) for r in extract_text(version.text, f"version-{version.pk}")]
    return next((r for r in records if r.kind == kind), records[0] if records else None)


def _body_name(body: Body | None, raw: str | None, lang: str) -> str:
    if body is None:
        return raw or "—"
    return (body.name_cy if lang == "cy" else body.name_en) or body.name_en


def _gov_name(gov: Government | None, lang: str) -> str:
    if gov is None:
        return "—"
    return (gov.name_cy if lang == "cy" else gov.name_en) or gov.name_en


def _named(attendees: list[AttendeeIn]) -> dict[str, tuple[str, AttendeeIn]]:
    return {person_key(a.name): (a.name, a) for a in attendees if a.name}


def compare(mine: RecordIn, theirs: RecordIn, registry: Registry) -> list[Disagreement]:
    """Where two language versions of one document disagree: meeting date, forum, attendees, their governments.

    Described attendees ("senior officials from …") are not compared: whether a description is read depends on
    the language's extraction more than on what the document says.
    """
    by_lang = {mine.language: mine, theirs.language: theirs}
    en, cy = by_lang.get("en"), by_lang.get("cy")
    if en is None or cy is None:
        return []
    found: list[Disagreement] = []
    for i, (me, mc) in enumerate(zip(en.meetings, cy.meetings, strict=False)):
        suffix = f"_{i + 1}" if i else ""
        found += _meeting_facts(me, mc, registry, suffix)
    return found


def _meeting_facts(me: MeetingIn, mc: MeetingIn, registry: Registry, suffix: str) -> list[Disagreement]:
    out: list[Disagreement] = []
    be, bc = registry.body(me.body_key, me.body_name), registry.body(mc.body_key, mc.body_name)
    if (be.pk if be else me.body_name) != (bc.pk if bc else mc.body_name):
        out.append(
            Disagreement(
                f"body{suffix}",
                f"The English and Welsh versions name different forums: {_body_name(be, me.body_name, 'en')} in English, "
                f"{_body_name(bc, mc.body_name, 'en')} in Welsh.",
                f"Mae'r fersiynau Saesneg a Chymraeg yn enwi fforymau gwahanol: {_body_name(be, me.body_name, 'cy')} yn "
                f"Saesneg, {_body_name(bc, mc.body_name, 'cy')} yn Gymraeg.",
                {"en": _body_name(be, me.body_name, "en"), "cy": _body_name(bc, mc.body_name, "cy")},
                {"en": me.spans.get("body"), "cy": mc.spans.get("body")},
            )
        )
    if me.date and mc.date and not _same_day(me, mc):
        de = {lang: format_date_precision(me.date, me.precision, lang) for lang in ("en", "cy")}
        dc = {lang: format_date_precision(mc.date, mc.precision, lang) for lang in ("en", "cy")}
        out.append(
            Disagreement(
                f"meeting_date{suffix}",
                f"The English and Welsh versions give different dates for the meeting: {de['en']} in English, "
                f"{dc['en']} in Welsh.",
                f"Mae'r fersiynau Saesneg a Chymraeg yn rhoi dyddiadau gwahanol i'r cyfarfod: {de['cy']} yn Saesneg, "
                f"{dc['cy']} yn Gymraeg.",
                {"en": de["en"], "cy": dc["cy"]},
                {"en": me.spans.get("meeting_date"), "cy": mc.spans.get("meeting_date")},
            )
        )
    ne, nc = _named(me.attendees), _named(mc.attendees)
    only_en = [ne[k][0] for k in ne if k not in nc]
    only_cy = [nc[k][0] for k in nc if k not in ne]
    if only_en or only_cy:
        parts_en = [
            f"{', '.join(names)} only in the {where} version"
            for names, where in ((only_en, "English"), (only_cy, "Welsh"))
            if names
        ]
        parts_cy = [
            f"{', '.join(names)} yn y fersiwn {where} yn unig"
            for names, where in ((only_en, "Saesneg"), (only_cy, "Gymraeg"))
            if names
        ]
        out.append(
            Disagreement(
                f"attendees{suffix}",
                f"The English and Welsh versions list different attendees: {'; '.join(parts_en)}.",
                f"Mae'r fersiynau Saesneg a Chymraeg yn rhestru mynychwyr gwahanol: {'; '.join(parts_cy)}.",
                {"en": ", ".join(n for n, _a in ne.values()), "cy": ", ".join(n for n, _a in nc.values())},
                {
                    "en": next((ne[k][1].span for k in ne if k not in nc), None),
                    "cy": next((nc[k][1].span for k in nc if k not in ne), None),
                },
            )
        )
    for key in [k for k in ne if k in nc]:
        (name, ae), (_n, ac) = ne[key], nc[key]
        ge, gc = registry.government(ae.government), registry.government(ac.government)
        if ge and gc and ge.pk != gc.pk:
            out.append(
                Disagreement(
                    f"government:{key}{suffix}",
                    f"The English and Welsh versions give different governments for {name}: {_gov_name(ge, 'en')} in "
                    f"English, {_gov_name(gc, 'en')} in Welsh.",
                    f"Mae'r fersiynau Saesneg a Chymraeg yn rhoi llywodraethau gwahanol i {name}: {_gov_name(ge, 'cy')} yn "
                    f"Saesneg, {_gov_name(gc, 'cy')} yn Gymraeg.",
                    {"en": _gov_name(ge, "en"), "cy": _gov_name(gc, "cy")},
                    {"en": ae.span, "cy": ac.span},
                )
            )
    return out


def _same_day(a: MeetingIn, b: MeetingIn) -> bool:
    """Equal where both say the day; otherwise at the coarser of the two precisions."""
    if a.precision == b.precision == DatePrecision.DAY:
        return a.date == b.date
    coarse = a.precision if a.precision != DatePrecision.DAY else b.precision
    return _covers(a.date, coarse, b.date) if a.date and b.date else True


def flag_disagreements(ctx, record: RecordIn) -> int:
    """Compare this version with the document's latest version in the other language; flag each disagreement."""
    other = (
        ctx.document.versions.filter(language=OTHER[record.language])
        .exclude(pk=ctx.version.pk)
        .order_by("-revision")
        .first()
    )
    if other is None:
        return 0
    theirs = counterpart_record(other, record.kind)
    if theirs is None:
        return 0
    from . import review

    versions = {record.language: ctx.version, other.language: other}
    before = ctx.items
    for d in compare(record, theirs, ctx.registry):
        alternatives = [
            review.alternative(d.values[lang], versions[lang], d.spans[lang], versions[lang].text)
            for lang in ("en", "cy")
        ]
        ctx.flag(
            "languages",
            ctx.document,
            d.field,
            d.spans[record.language],
            value={"en": d.message_en, "cy": d.message_cy},
            alternatives=alternatives,
        )
    return ctx.items - before
