"""The public register as flat tables: one row shape per table, both languages side by side.

Rows come from ``igr.api.records`` (published records only), so the downloads hold what the API answers. Keys
between tables are the register's identifiers: a meeting's reference, the keys of bodies, people, posts,
governments and agreements, a document's number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from igr.register.models import Document, DocumentVersion, Government, Meeting
from igr.reporting import editions
from igr.reporting.models import ReportDocument

from . import records

CHUNK = 2000


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # unique together: the SQLite primary key
    rows: Callable[[dt.date], Iterator[dict[str, Any]]]
    description: str


def _each(queryset, shape: Callable[[Any], dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for obj in queryset.iterator(chunk_size=CHUNK):
        yield shape(obj)


def _joined(values: list[str]) -> str:
    return "; ".join(values)


def _governments(today: dt.date) -> Iterator[dict[str, Any]]:
    return _each(Government.objects.order_by("key"), records.government)


def _bodies(today: dt.date) -> Iterator[dict[str, Any]]:
    for row in _each(records.bodies(), records.body):
        yield {
            **row,
            "abbreviations": _joined(row["abbreviations"]),
            "aliases_en": _joined(row["aliases_en"]),
            "aliases_cy": _joined(row["aliases_cy"]),
        }


def _body_governments(today: dt.date) -> Iterator[dict[str, Any]]:
    for body in records.bodies():
        for government in body.governments.all():
            yield {"body": body.key, "government": government.key}


def _people(today: dt.date) -> Iterator[dict[str, Any]]:
    for row in _each(records.people(), records.person):
        yield {**row, "other_names": _joined(row["other_names"])}


def _posts(today: dt.date) -> Iterator[dict[str, Any]]:
    return _each(records.posts(), records.post)


def _tenures(today: dt.date) -> Iterator[dict[str, Any]]:
    return _each(records.public_tenures(), records.tenure)


def _meetings(today: dt.date) -> Iterator[dict[str, Any]]:
    return _each(records.meetings().order_by("date", "pk"), records.meeting)


def _attendance(today: dt.date) -> Iterator[dict[str, Any]]:
    for a in records.public_attendances().iterator(chunk_size=CHUNK):
        yield {"meeting": a.meeting.reference, "sort_order": a.sort_order, **records.attendance(a)}


def _with_editions() -> set[int]:
    """Public meetings with a published letter, statement or notice: only these can word a position."""
    published = ReportDocument.objects.filter(state=ReportDocument.State.PUBLISHED, kind__in=editions.KINDS)
    return set(records.meetings().filter(pk__in=published.values("meeting_id")).values_list("pk", flat=True))


def _agenda_items(today: dt.date) -> Iterator[dict[str, Any]]:
    worded = _with_editions()
    meetings = records.meetings().prefetch_related("agenda_items").order_by("date", "pk")
    for meeting in meetings.iterator(chunk_size=CHUNK):
        positions = (
            {lang: editions.published_positions(meeting, lang) for lang in records.SITE_LANGUAGES}
            if meeting.pk in worded
            else {}
        )
        for order, item in enumerate(records.agenda(meeting, positions), start=1):
            published_in = item.pop("position_published_in")
            yield {
                "meeting": meeting.reference,
                "item": order,
                **item,
                "position_published_in": f"{published_in['kind']}-{published_in['series']} v{published_in['version']}"
                if published_in
                else None,
            }


def _editions(today: dt.date) -> Iterator[dict[str, Any]]:
    worded = _with_editions()
    for meeting in records.meetings().filter(pk__in=worded).order_by("date", "pk"):
        for document in records.meeting_editions(meeting):
            for edition in document["editions"]:
                links = {(link["language"], link["format"]): link["url"] for link in edition["links"]}
                yield {
                    "meeting": meeting.reference,
                    "document": document["slug"],
                    "kind": document["kind"],
                    "version": edition["version"],
                    "published_on": edition["published_on"],
                    "title_en": document["title_en"],
                    "title_cy": document["title_cy"],
                    "change_note_en": edition["change_note_en"],
                    "change_note_cy": edition["change_note_cy"],
                    **{
                        f"{fmt}_{lang}": links[lang, fmt]
                        for lang in records.SITE_LANGUAGES
                        for fmt in ("html", "pdf", "docx")
                    },
                }


def _agreements(today: dt.date) -> Iterator[dict[str, Any]]:
    for row in _each(records.agreements(), records.agreement):
        yield {**row, "parties": _joined(row["parties"]), "bodies": _joined(row["bodies"])}


def _public_documents():
    versions = DocumentVersion.objects.public().defer("text").order_by("language", "-revision")
    return (
        Document.objects.public()
        .select_related("publisher")
        .prefetch_related(
            Prefetch("versions", queryset=versions),
            Prefetch("meetings", queryset=Meeting.objects.public(), to_attr="public_meetings"),
        )
        .order_by("pk")
    )


def _documents(today: dt.date) -> Iterator[dict[str, Any]]:
    for d in _public_documents().iterator(chunk_size=CHUNK):
        yield {
            "id": d.pk,
            "kind": d.kind,
            **records.both(d, "title"),
            "publisher": records.government_ref(d.publisher),
            "date": d.date.isoformat() if d.date else None,
        }


def _document_meetings(today: dt.date) -> Iterator[dict[str, Any]]:
    for d in _public_documents().iterator(chunk_size=CHUNK):
        for meeting in d.public_meetings:
            yield {"document": d.pk, "meeting": meeting.reference}


def _document_versions(today: dt.date) -> Iterator[dict[str, Any]]:
    for d in _public_documents().iterator(chunk_size=CHUNK):
        for v in d.versions.all():
            yield {"document": d.pk, **records.document_version(v)}


def _obligations(today: dt.date) -> Iterator[dict[str, Any]]:
    for o in records.obligations().iterator(chunk_size=CHUNK):
        row = records.obligation(o, today)
        deadline, met_by = row.pop("deadline"), row.pop("met_by")
        html = [link["url"] for link in met_by if link["format"] == "html"]
        yield {
            **row,
            "recipients": _joined(row["recipients"]),
            "deadline_kind": deadline["kind"],
            "deadline_days": deadline["days"],
            "deadline_calendar": deadline["calendar"],
            "met_by_url": html[-1] if html else None,
        }


def _columns(*names: str) -> tuple[str, ...]:
    return names


BI = records.SITE_LANGUAGES
TABLES: list[Table] = [
    Table(
        "governments",
        _columns("key", "name_en", "name_cy", "short_en", "short_cy", "devolved"),
        ("key",),
        _governments,
        "The governments that meet.",
    ),
    Table(
        "bodies",
        _columns(
            "key",
            "name_en",
            "name_cy",
            "tier",
            "abbreviations",
            "aliases_en",
            "aliases_cy",
            "start_date",
            "end_date",
            "predecessor",
            "url_en",
            "url_cy",
        ),
        ("key",),
        _bodies,
        "Intergovernmental bodies (forums).",
    ),
    Table(
        "body_governments",
        _columns("body", "government"),
        ("body", "government"),
        _body_governments,
        "Each body's member governments.",
    ),
    Table(
        "people",
        _columns(
            "key",
            "name",
            "sort_name",
            "prefix_en",
            "prefix_cy",
            "honorific_en",
            "honorific_cy",
            "other_names",
            "url_en",
            "url_cy",
        ),
        ("key",),
        _people,
        "People who hold a recorded post or attended or chaired a public meeting.",
    ),
    Table(
        "posts",
        _columns("key", "government", "title_en", "title_cy", "ministerial"),
        ("key",),
        _posts,
        "Offices in each government.",
    ),
    Table(
        "tenures",
        _columns("person", "post", "start_date", "end_date"),
        ("person", "post", "start_date"),
        _tenures,
        "Who held which post, and when.",
    ),
    Table(
        "meetings",
        _columns(
            "reference",
            "body",
            "body_name_en",
            "body_name_cy",
            "ordinal",
            "date",
            "date_precision",
            "starts_at",
            "status",
            "mode",
            "location_en",
            "location_cy",
            "chair",
            "host",
            "notice_received_at",
            "communique_url",
            "next_meeting_en",
            "next_meeting_cy",
            "summary_en",
            "summary_cy",
            "url_en",
            "url_cy",
        ),
        ("reference",),
        _meetings,
        "Published meetings, by their reference.",
    ),
    Table(
        "attendance",
        _columns(
            "meeting",
            "sort_order",
            "person",
            "name",
            "description_en",
            "description_cy",
            "post",
            "role_en",
            "role_cy",
            "government",
            "capacity",
            "is_chair",
            "substitute_for",
        ),
        (),
        _attendance,
        "Who attended each meeting, in what capacity.",
    ),
    Table(
        "agenda_items",
        _columns(
            "meeting", "item", "title_en", "title_cy", "position_en", "position_cy", "position_published_in"
        ),
        ("meeting", "item"),
        _agenda_items,
        "Topics and the Welsh Government's positions, as published.",
    ),
    Table(
        "editions",
        _columns(
            "meeting",
            "document",
            "kind",
            "version",
            "published_on",
            "title_en",
            "title_cy",
            "change_note_en",
            "change_note_cy",
            *(f"{fmt}_{lang}" for lang in BI for fmt in ("html", "pdf", "docx")),
        ),
        ("meeting", "document", "version"),
        _editions,
        "The Welsh Government's published letters, statements and notices: every edition and its addresses.",
    ),
    Table(
        "agreements",
        _columns(
            "key",
            "kind",
            "title_en",
            "title_cy",
            "summary_en",
            "summary_cy",
            "status",
            "parties",
            "bodies",
            "concluded_on",
            "in_force_from",
            "ended_on",
            "text_url",
            "url_en",
            "url_cy",
        ),
        ("key",),
        _agreements,
        "Agreements between governments.",
    ),
    Table(
        "documents",
        _columns("id", "kind", "title_en", "title_cy", "publisher", "date"),
        ("id",),
        _documents,
        "Published documents the register holds (communiqués, statements, letters …).",
    ),
    Table(
        "document_meetings",
        _columns("document", "meeting"),
        ("document", "meeting"),
        _document_meetings,
        "Which meetings each document is about.",
    ),
    Table(
        "document_versions",
        _columns(
            "document",
            "language",
            "revision",
            "media_type",
            "source_url",
            "retrieved_at",
            "sha256",
            "stored_copy_url",
        ),
        ("document", "language", "revision"),
        _document_versions,
        "Each document's language versions, with their original address.",
    ),
    Table(
        "obligations",
        _columns(
            "id",
            "meeting",
            "agreement",
            "profile",
            "rule",
            "deliverable",
            "recipients",
            "is_target",
            "deadline_kind",
            "deadline_days",
            "deadline_calendar",
            "anchor_date",
            "due_date",
            "met_on",
            "days_late",
            "lag_days",
            "status",
            "status_label_en",
            "status_label_cy",
            "status_on",
            "made_in_recess",
            "short_notice",
            "waived_on",
            "waived_reason_en",
            "waived_reason_cy",
            "met_by_document",
            "met_by_url",
        ),
        ("id",),
        _obligations,
        "What was owed to the Senedd, by when, and whether it came on time.",
    ),
]
