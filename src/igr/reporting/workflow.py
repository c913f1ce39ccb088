"""The workflow: draft → awaiting translation → awaiting approval → approved → published.

Each step checks the user's role (a permission of the Drafter, Translator, Approver or Publisher group) and the
document's state. Approval records a hash of both languages' text; publishing refuses when either language is
incomplete, when there is no approval, or when the record changed after approval. A published version is frozen
(its text and files are stored) and never changes; a correction is a new version that supersedes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igr.reporting import guards
from igr.reporting.compose import compose_document
from igr.reporting.compose.document import Composed
from igr.reporting.models import DocumentEvent, ReportDocument

State = ReportDocument.State
LANGUAGES = ("en", "cy")
PERMS = {
    "draft": "reporting.draft_reportdocument",
    "translate": "reporting.translate_reportdocument",
    "approve": "reporting.approve_reportdocument",
    "publish": "reporting.publish_reportdocument",
}


class WorkflowError(guards.GuardError):
    """A step refused, with a message in the user's language."""


def _guarded(check, *args) -> None:
    try:
        check(*args)
    except guards.GuardError as exc:
        raise WorkflowError(exc.message) from None


def _require(user, role: str) -> None:
    if user is None or not user.is_active or not user.has_perm(PERMS[role]):
        raise WorkflowError(
            {
                "draft": _("Only a drafter can do this."),
                "translate": _("Only a translator can do this."),
                "approve": _("Only an approver can do this."),
                "publish": _("Only a publisher can do this."),
            }[role]
        )


def _state(document: ReportDocument, *allowed: str) -> None:
    if document.state not in allowed:
        raise WorkflowError(
            _("This step is not possible while the document is “%(state)s”.")
            % {"state": document.get_state_display()}
        )


def _log(document: ReportDocument, action: str, before: str, user, comment: str = "") -> None:
    DocumentEvent.objects.create(
        document=document,
        action=action,
        from_state=before,
        to_state=document.state,
        user=user,
        comment=comment,
    )


def composed(document: ReportDocument, language: str) -> Composed:
    """The document's text: frozen if published, composed afresh from the record otherwise."""
    if document.is_published and document.snapshot.get(language):
        return Composed.from_dict(document.snapshot[language])
    return compose_document(document, language)


def missing(document: ReportDocument) -> dict[str, list[str]]:
    return {lang: composed(document, lang).missing for lang in LANGUAGES}


def text_hash(document: ReportDocument, on: dt.date | None = None) -> str:
    texts = {}
    for lang in LANGUAGES:
        doc = compose_document(document, lang, on=on)
        texts[lang] = {k: v for k, v in doc.as_dict().items() if k not in ("date_text", "notes")}
    return hashlib.sha256(json.dumps(texts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _require_complete(document: ReportDocument) -> None:
    _guarded(guards.has_content, document)
    if document.meeting_id:
        _guarded(guards.no_silent_duplicate, document.meeting, document.kind, document)
    gaps = missing(document)
    if gaps["cy"]:
        raise WorkflowError(_("The Welsh text is incomplete: %(what)s.") % {"what": "; ".join(gaps["cy"])})
    if gaps["en"]:
        raise WorkflowError(_("The English text is incomplete: %(what)s.") % {"what": "; ".join(gaps["en"])})


@transaction.atomic
def start_draft(user, kind: str, *, meeting=None, period=None, on: dt.date | None = None) -> ReportDocument:
    _require(user, "draft")
    subject = {"meeting": meeting} if meeting is not None else {"period": period}
    unfinished = ReportDocument.objects.filter(kind=kind, **subject).exclude(state=State.PUBLISHED)
    if unfinished.exists() or (
        period is not None and ReportDocument.objects.filter(kind=kind, **subject).exists()
    ):
        raise WorkflowError(
            _("This document has already been started; open it, or correct its published version.")
        )
    if meeting is not None:
        _guarded(guards.no_silent_duplicate, meeting, kind)
    document = ReportDocument.objects.create(
        kind=kind, date=on or timezone.localdate(), created_by=user, **subject
    )
    _log(document, "created", "", user)
    return document


@transaction.atomic
def set_date(document: ReportDocument, user, on: dt.date) -> ReportDocument:
    _require(user, "draft")
    _state(document, State.DRAFT)
    document.date = on
    document.save(update_fields=["date"])
    return document


@transaction.atomic
def send_for_translation(document: ReportDocument, user) -> ReportDocument:
    _require(user, "draft")
    _state(document, State.DRAFT)
    _guarded(guards.has_content, document)
    return _move(document, State.AWAITING_TRANSLATION, "sent_for_translation", user)


@transaction.atomic
def submit_for_approval(document: ReportDocument, user) -> ReportDocument:
    """From draft when nothing needs translating, or from translation when the translator has finished."""
    if document.state == State.AWAITING_TRANSLATION:
        _require(user, "translate")
        action = "translated"
    else:
        _require(user, "draft")
        _state(document, State.DRAFT)
        action = "submitted"
    _require_complete(document)
    return _move(document, State.AWAITING_APPROVAL, action, user)


@transaction.atomic
def approve(document: ReportDocument, user, comment: str = "") -> ReportDocument:
    _require(user, "approve")
    _state(document, State.AWAITING_APPROVAL)
    _guarded(guards.four_eyes, document, user, "approve")
    _require_complete(document)
    document.approved_by, document.approved_at = user, timezone.now()
    document.approved_hash = text_hash(document)
    return _move(document, State.APPROVED, "approved", user, comment)


@transaction.atomic
def return_to_draft(document: ReportDocument, user, comment: str = "") -> ReportDocument:
    _require(user, "approve")
    _state(document, State.AWAITING_APPROVAL, State.APPROVED)
    document.approved_by = document.approved_at = None
    document.approved_hash = ""
    return _move(document, State.DRAFT, "returned", user, comment)


def _move(document: ReportDocument, to: str, action: str, user, comment: str = "") -> ReportDocument:
    before = document.state
    document.state = to
    document.save()
    _log(document, action, before, user, comment)
    return document


@transaction.atomic
def publish(document: ReportDocument, user, on: dt.date | None = None) -> ReportDocument:
    """Publish both languages at once; the publication date meets the obligation."""
    from igr.reporting.publication import freeze

    _require(user, "publish")
    _state(document, State.APPROVED)
    _guarded(guards.four_eyes, document, user, "publish")
    _guarded(guards.meeting_is_public, document)
    _require_complete(document)
    if not document.approved_by_id or not document.approved_hash:
        raise WorkflowError(_("A document is published only after it has been approved."))
    if text_hash(document) != document.approved_hash:
        raise WorkflowError(
            _("The record has changed since the document was approved: it needs approving again.")
        )
    on = on or timezone.localdate()
    freeze(document, user, on)
    _log(document, "published", State.APPROVED, user)
    return document


@transaction.atomic
def start_correction(document: ReportDocument, user, note_en: str, note_cy: str) -> ReportDocument:
    _require(user, "draft")
    if not document.is_published:
        raise WorkflowError(_("Only a published version is corrected; change the draft instead."))
    if document.corrections.exists():
        raise WorkflowError(_("This version has already been corrected; correct the latest version."))
    if not (note_en.strip() and note_cy.strip()):
        raise WorkflowError(_("Say what the correction changes, in English and in Welsh."))
    latest = (
        ReportDocument.objects.filter(
            kind=document.kind, meeting=document.meeting, period=document.period, series=document.series
        )
        .order_by("-version")
        .first()
    )
    correction = ReportDocument.objects.create(
        kind=document.kind,
        meeting=document.meeting,
        period=document.period,
        series=document.series,
        version=latest.version + 1,
        supersedes=document,
        relation=ReportDocument.Relation.CORRECTION,
        date=timezone.localdate(),
        created_by=user,
        correction_note_en=note_en.strip(),
        correction_note_cy=note_cy.strip(),
        texts=dict(document.texts),
        paragraphs=list(document.paragraphs),
    )
    _log(correction, "correction_started", "", user)
    return correction


@transaction.atomic
def start_follow_up(
    user,
    kind: str,
    meeting,
    follows,
    relation: str,
    note_en: str = "",
    note_cy: str = "",
    on: dt.date | None = None,
) -> ReportDocument:
    """A second document of a kind about a meeting: a correction or an addition to a publication already public.

    A correction of one of our own editions is its next version (``start_correction``); a correction of a
    publication the register holds from elsewhere, or an addition to any, is a new document that names it.
    """
    _require(user, "draft")
    if relation not in (ReportDocument.Relation.CORRECTION, ReportDocument.Relation.ADDITION):
        raise WorkflowError(_("Choose whether the new document corrects the earlier one or adds to it."))
    if follows is None or not guards.published_records(meeting, kind).filter(pk=follows.pk).exists():
        raise WorkflowError(_("Choose the publication the new document follows."))
    if ReportDocument.objects.filter(kind=kind, meeting=meeting).exclude(state=State.PUBLISHED).exists():
        raise WorkflowError(
            _("This document has already been started; open it, or correct its published version.")
        )
    ours = (
        ReportDocument.objects.filter(
            kind=kind, meeting=meeting, register_document=follows, state=State.PUBLISHED
        )
        .order_by("-version")
        .first()
    )
    if relation == ReportDocument.Relation.CORRECTION:
        if ours is not None:
            return start_correction(ours, user, note_en, note_cy)
        if not (note_en.strip() and note_cy.strip()):
            raise WorkflowError(_("Say what the correction changes, in English and in Welsh."))
    series = (
        ReportDocument.objects.filter(kind=kind, meeting=meeting)
        .order_by("-series")
        .values_list("series", flat=True)
        .first()
        or 0
    ) + 1
    document = ReportDocument.objects.create(
        kind=kind,
        meeting=meeting,
        series=series,
        relation=relation,
        follows_record=follows,
        date=on or timezone.localdate(),
        created_by=user,
        correction_note_en=note_en.strip() if relation == ReportDocument.Relation.CORRECTION else "",
        correction_note_cy=note_cy.strip() if relation == ReportDocument.Relation.CORRECTION else "",
    )
    _log(
        document,
        "correction_started" if relation == ReportDocument.Relation.CORRECTION else "addition_started",
        "",
        user,
    )
    return document
