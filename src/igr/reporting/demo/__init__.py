"""Load the reporting demonstration: Senedd recesses, the seed meeting's reporting facts, a reporting period,
and the seed meeting's letter and written statement published as the register's own editions.

Idempotent, like the register's demonstration data; run after ``igr load_demo``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from importlib import resources

from django.db import transaction

from igr.register import events
from igr.register.models import Document, Government, Meeting
from igr.register.services.reference import upsert
from igr.reporting.models import DocumentEvent, MeetingReport, RecessPeriod, ReportDocument, ReportingPeriod


def demo_data() -> dict:
    return json.loads(resources.files(__package__).joinpath("reporting.json").read_text(encoding="utf-8"))


@transaction.atomic
def load_reporting_demo(documents: bool = True) -> Counter:
    """Everything above; with ``documents`` off, the seed meeting's letter and statement are left unpublished here
    (tests draft them through the workflow)."""
    counts: Counter = Counter()
    data = demo_data()
    day = dt.date.fromisoformat
    with events.batch():  # open deadlines recounted once, after every recess is in
        for r in data["recesses"]:
            upsert(
                RecessPeriod,
                {"start_date": day(r["start"])},
                {
                    "end_date": day(r["end"]),
                    "name_en": r["name_en"],
                    "name_cy": r["name_cy"],
                    "provisional": r.get("provisional", False),
                    "source_url": r.get("source", ""),
                },
                counts,
            )
    wales = Government.objects.get(key="wales")
    for m in data["meetings"]:
        meeting = Meeting.objects.filter(reference=m["reference"]).first()
        if meeting is None:
            continue
        for letter in m.get("earlier_letters", []):
            document = upsert(
                Document,
                {"kind": letter["kind"], "date": day(letter["date"]), "title_en": letter["title_en"]},
                {"title_cy": letter["title_cy"], "publisher": wales},
                counts,
            )
            document.meetings.add(meeting)
        upsert(
            MeetingReport,
            {"meeting": meeting},
            {
                "our_ref": m.get("our_ref", ""),
                "next_meeting_date": day(m["next_meeting"]) if m.get("next_meeting") else None,
                "next_meeting_precision": m.get("next_meeting_precision", "month"),
            },
            counts,
        )
    for entry in data.get("documents", []) if documents else []:
        if publish_seed_document(entry):
            counts["reporting.ReportDocument"] += 1
    for p in data["periods"]:
        upsert(
            ReportingPeriod,
            {"key": p["key"]},
            {
                "title_en": p["title_en"],
                "title_cy": p["title_cy"],
                "start_date": day(p["start"]),
                "end_date": day(p["end"]),
                "profile_key": p["profile"],
            },
            counts,
        )
    return counts


def publish_seed_document(entry: dict) -> ReportDocument | None:
    """Publish one of the seed's documents with the Minister's own passages, as the register's edition of the
    publication it already records (``entry["record_kind"]`` on the same date); None when there is nothing to do."""
    from igr.reporting.publication import freeze

    meeting = Meeting.objects.filter(reference=entry["reference"]).first()
    if meeting is None or ReportDocument.objects.filter(meeting=meeting, kind=entry["kind"]).exists():
        return None
    day = dt.date.fromisoformat(entry["date"])
    items = {item.title_en: item for item in meeting.agenda_items.all()}
    texts = {
        f"agendaitem-{items[title].pk}-position": dict(text)
        for title, text in entry["positions"].items()
        if title in items
    }
    record = meeting.documents.filter(kind=entry["record_kind"], date=day).first()
    document = ReportDocument.objects.create(
        kind=entry["kind"], meeting=meeting, date=day, texts=texts, paragraphs=entry.get("paragraphs", [])
    )
    DocumentEvent.objects.create(
        document=document,
        action="created",
        to_state=document.state,
        comment="Demonstration data: the published letter and statement of the seed meeting.",
    )
    freeze(document, None, day, record=record)
    DocumentEvent.objects.create(
        document=document,
        action="published",
        from_state="approved",
        to_state=document.state,
        comment="Demonstration data.",
    )
    return document
