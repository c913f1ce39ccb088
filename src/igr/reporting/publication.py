"""Publishing: freeze both languages' text and files, add the document to the register, meet what it delivers.

Called by ``workflow.publish`` inside its transaction, after every check has passed.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from igr.register.models import Document, DocumentVersion, Government, Meeting
from igr.reporting import context, delivery, subjects
from igr.reporting.compose import compose_document
from igr.reporting.models import REGISTER_KIND, Commitment, PublishedFile, ReportDocument
from igr.reporting.render import FORMATS, MEDIA_TYPES, render


def freeze(document: ReportDocument, user, on: dt.date, record: Document | None = None) -> None:
    """Publish ``document`` on ``on``; ``record`` names the register's existing entry for this very publication
    (a document the register knew of before its text was held here, as in the demonstration)."""
    document.date = on
    snapshots = {lang: compose_document(document, lang, on=on) for lang in ("en", "cy")}
    document.snapshot = {lang: doc.as_dict() for lang, doc in snapshots.items()}
    document.state = ReportDocument.State.PUBLISHED
    document.published_by, document.published_at = user, timezone.now()
    _save(document)
    files = {}
    for lang, doc in snapshots.items():
        for fmt in FORMATS:
            content = render(doc, fmt)
            files[(lang, fmt)] = content
            PublishedFile.objects.create(
                document=document,
                language=lang,
                format=fmt,
                media_type=MEDIA_TYPES[fmt],
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
            )
    document.register_document = _register(document, snapshots, files, on, record)
    _save(document, update_fields=["register_document"])
    if document.meeting_id:
        delivery.refresh_met(document.meeting)
    else:
        subjects.sync_period(document.period)
    if document.relation != ReportDocument.Relation.CORRECTION:
        _commitments(document, snapshots["en"].commitments, on)
    keep_commitments(document, on)


def _save(document: ReportDocument, **kwargs) -> None:
    document._publishing = True
    try:
        document.save(**kwargs)
    finally:
        document._publishing = False


def _register(
    document: ReportDocument, snapshots: dict, files: dict, on: dt.date, record: Document | None
) -> Document:
    """The register's record of the publication: one document, one version per language per revision.

    A correction is the next revision of the document it corrects (ours, or one the register holds from
    elsewhere); anything else is a document of its own.
    """
    if record is None and document.supersedes_id:
        record = document.supersedes.register_document
    elif record is None and document.relation == ReportDocument.Relation.CORRECTION:
        record = document.follows_record
    if record is None:
        record = Document.objects.create(
            kind=REGISTER_KIND[document.kind],
            title_en=snapshots["en"].title,
            title_cy=snapshots["cy"].title,
            publisher=Government.objects.filter(key="wales").first(),
            date=on,
        )
        if document.meeting_id:
            record.meetings.add(document.meeting)
    for lang, doc in snapshots.items():
        pdf = files[(lang, "pdf")]
        digest = hashlib.sha256(pdf).hexdigest()
        revision = (
            record.versions.filter(language=lang)
            .order_by("-revision")
            .values_list("revision", flat=True)
            .first()
            or 0
        ) + 1
        version = DocumentVersion(
            document=record,
            language=lang,
            revision=revision,
            media_type=MEDIA_TYPES["pdf"],
            text=doc.plain_text(),
            content_hash=digest,
        )
        version.file.save(f"{digest}.pdf", ContentFile(pdf), save=False)
        version.save()
    return record


def _commitments(document: ReportDocument, made: list[dict], on: dt.date) -> None:
    meeting = document.meeting
    minister = context.responsible_minister(meeting) if meeting else None
    for promise in made:
        Commitment.objects.create(
            kind=promise["kind"],
            text_en=promise["text_en"],
            text_cy=promise["text_cy"],
            meeting=meeting,
            body=meeting.body if meeting else None,
            minister=minister,
            made_in=document,
            made_on=on,
        )


def keep_commitments(document: ReportDocument, on: dt.date) -> list[Commitment]:
    """Promises this publication keeps: a report after a notified meeting; a later meeting's date."""
    meeting = document.meeting
    if meeting is None:
        return []
    kept = []
    open_ = Commitment.objects.filter(kept_on__isnull=True, made_on__lte=on).exclude(made_in=document)
    if document.kind in ("letter", "statement"):
        kept += list(open_.filter(kind=Commitment.Kind.REPORT_AFTER_MEETING, meeting=meeting))
    later_than = Meeting.objects.filter(pk=meeting.pk).values_list("date", flat=True).first()
    kept += [
        c
        for c in open_.filter(kind=Commitment.Kind.NEXT_MEETING_DATE, body=meeting.body).select_related(
            "meeting"
        )
        if c.meeting and c.meeting.date < later_than
    ]
    for commitment in kept:
        commitment.kept_by, commitment.kept_on = document, on
        commitment.save(update_fields=["kept_by", "kept_on"])
    return kept
