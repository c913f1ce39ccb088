"""A document's screens: start a draft, see it in both languages, move it through the workflow, translate it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from igr.reporting import editions, guards, workflow
from igr.reporting.forms import CommentForm, CorrectionForm, DocumentDateForm, FollowUpForm
from igr.reporting.models import ReportDocument, ReportingPeriod
from igr.reporting.render import MEDIA_TYPES
from igr.reporting.render import render as render_format
from igr.reporting.translate import EDITABLE_STATES, save_texts, texts_for

from .officials import meeting_or_404, officials_only
from .public import file_response

ACTIONS = {
    "send_for_translation": lambda d, u, f: workflow.send_for_translation(d, u),
    "submit": lambda d, u, f: workflow.submit_for_approval(d, u),
    "approve": lambda d, u, f: workflow.approve(d, u, f.get("comment", "")),
    "return": lambda d, u, f: workflow.return_to_draft(d, u, f.get("comment", "")),
    "publish": lambda d, u, f: workflow.publish(d, u),
}
DONE = {
    "send_for_translation": gettext_lazy("Sent for translation."),
    "submit": gettext_lazy("Sent for approval."),
    "approve": gettext_lazy("Approved."),
    "return": gettext_lazy("Returned to the drafter."),
    "publish": gettext_lazy("Published in Welsh and English."),
}


def _back(document: ReportDocument):
    return redirect("reporting:document", pk=document.pk)


@officials_only
@require_POST
def start(request: HttpRequest, body_key: str, day: str) -> HttpResponse:
    meeting = meeting_or_404(body_key, day)
    kind = request.POST.get("kind", "")
    if kind not in ("notice", "letter", "statement"):
        messages.error(request, _("Choose a document to start."))
        return redirect("reporting:meeting", body_key=body_key, day=day)
    try:
        document = workflow.start_draft(request.user, kind, meeting=meeting)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("reporting:meeting", body_key=body_key, day=day)
    return _back(document)


@officials_only
@require_POST
def follow_up(request: HttpRequest, body_key: str, day: str) -> HttpResponse:
    """Start a correction of, or an addition to, a document about the meeting that is already public."""
    meeting = meeting_or_404(body_key, day)
    form = FollowUpForm(request.POST)
    kind = request.POST.get("kind", "")
    try:
        if not form.is_valid() or kind not in ("notice", "letter", "statement"):
            raise workflow.WorkflowError(
                _("Choose whether the new document corrects the earlier one or adds to it.")
            )
        data = form.cleaned_data
        follows = guards.published_records(meeting, kind).filter(pk=data["follows"] or 0).first()
        document = workflow.start_follow_up(
            request.user, kind, meeting, follows, data["relation"], data["note_en"], data["note_cy"]
        )
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("reporting:meeting", body_key=body_key, day=day)
    return _back(document)


@officials_only
@require_POST
def start_report(request: HttpRequest, key: str) -> HttpResponse:
    period = get_object_or_404(ReportingPeriod, key=key)
    try:
        document = workflow.start_draft(request.user, "annual_report", period=period)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("reporting:period", key=key)
    return _back(document)


@officials_only
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(
        ReportDocument.objects.select_related("meeting__body", "period", "supersedes"), pk=pk
    )
    user = request.user
    state = ReportDocument.State
    missing = workflow.missing(document)
    can = {
        "send_for_translation": document.state == state.DRAFT and user.has_perm(workflow.PERMS["draft"]),
        "submit": (document.state == state.DRAFT and user.has_perm(workflow.PERMS["draft"]))
        or (document.state == state.AWAITING_TRANSLATION and user.has_perm(workflow.PERMS["translate"])),
        "approve": document.state == state.AWAITING_APPROVAL and user.has_perm(workflow.PERMS["approve"]),
        "return": document.state in (state.AWAITING_APPROVAL, state.APPROVED)
        and user.has_perm(workflow.PERMS["approve"]),
        "publish": document.state == state.APPROVED and user.has_perm(workflow.PERMS["publish"]),
        "correct": document.is_published
        and not document.corrections.exists()
        and user.has_perm(workflow.PERMS["draft"]),
        "date": document.state == state.DRAFT and user.has_perm(workflow.PERMS["draft"]),
        "translate": document.state in EDITABLE_STATES
        and (user.has_perm(workflow.PERMS["draft"]) or user.has_perm(workflow.PERMS["translate"])),
    }
    return render(
        request,
        "reporting/document.html",
        {
            "document": document,
            "missing": missing,
            "can": can,
            "events": document.events.select_related("user"),
            "versions": ReportDocument.objects.filter(
                kind=document.kind, meeting=document.meeting, period=document.period, series=document.series
            ).order_by("version"),
            "public_links": editions.Edition(document, document).links(version=True)
            if document.is_published and document.meeting_id
            else [],
            "date_form": DocumentDateForm(initial={"date": document.date}),
            "comment_form": CommentForm(),
            "formats": ("html", "pdf", "docx"),
            "correction_form": CorrectionForm(),
            "preview_en": workflow.composed(document, "en"),
            "preview_cy": workflow.composed(document, "cy"),
        },
    )


@officials_only
@require_POST
def action(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(ReportDocument, pk=pk)
    name = request.POST.get("action", "")
    try:
        if name in ACTIONS:
            ACTIONS[name](document, request.user, request.POST)
            messages.success(request, DONE[name])
        elif name == "date":
            form = DocumentDateForm(request.POST)
            if not form.is_valid():
                raise workflow.WorkflowError(" ".join(e for errors in form.errors.values() for e in errors))
            workflow.set_date(document, request.user, form.cleaned_data["date"])
            messages.success(request, _("The date is changed."))
        elif name == "correct":
            form = CorrectionForm(request.POST)
            if not form.is_valid():
                raise workflow.WorkflowError(_("Say what the correction changes, in English and in Welsh."))
            correction = workflow.start_correction(
                document, request.user, form.cleaned_data["note_en"], form.cleaned_data["note_cy"]
            )
            messages.success(request, _("A new version has been started as a correction."))
            return _back(correction)
        else:
            messages.error(request, _("Unknown action."))
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    return _back(document)


@officials_only
def translate(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(ReportDocument.objects.select_related("meeting", "period"), pk=pk)
    user = request.user
    if not (user.has_perm(workflow.PERMS["draft"]) or user.has_perm(workflow.PERMS["translate"])):
        raise PermissionDenied
    if document.state not in EDITABLE_STATES:
        messages.error(
            request, _("The text can be changed only while the document is a draft or awaiting translation.")
        )
        return _back(document)
    rows = texts_for(document)
    if request.method == "POST":
        try:
            with transaction.atomic():
                changed = save_texts(document, rows, request.POST, request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return render(
                request, "reporting/translate.html", {"document": document, "rows": texts_for(document)}
            )
        messages.success(request, _("Saved %(n)s changes to this document.") % {"n": changed})
        return _back(document)
    return render(request, "reporting/translate.html", {"document": document, "rows": rows})


@officials_only
def preview(request: HttpRequest, pk: int, language: str, fmt: str) -> HttpResponse:
    """The document as it stands (frozen when published), for officials only."""
    document = get_object_or_404(ReportDocument, pk=pk)
    content = render_format(workflow.composed(document, language), fmt)
    return file_response(content, MEDIA_TYPES[fmt], document, language, fmt)
