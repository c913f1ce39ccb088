"""Officials' pages: upload a document (queued for the worker) and follow its run, and work through the review queue.

Thin views: the pipeline, the decisions and the highlighting live in services; everything here needs a
signed-in member of staff with the ingest role (``roles``), so nothing in the queue is ever visible to the
public, and a translator or approver cannot change the register's facts.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from igr.ingest import roles
from igr.ingest.forms import UploadForm, correction_form
from igr.ingest.models import IngestRun, ReviewItem
from igr.ingest.services import decisions, queue
from igr.ingest.services.highlight import excerpt
from igr.register.models import DocumentVersion


def _role(permission: str):
    """Anonymous visitors are sent to sign in; signed-in users without the role are refused (403)."""

    def check(user) -> bool:
        if not user.is_authenticated:
            return False
        if not (user.is_active and user.is_staff and user.has_perm(permission)):
            raise PermissionDenied
        return True

    return user_passes_test(check)


may_upload = _role(roles.UPLOAD)
may_review = _role(roles.REVIEW)


@may_upload
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Check and queue an upload; the worker reads it, and the run's page follows it."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        # Stored under a name of its own; the uploader's file name never reaches the disk.
        run = queue.enqueue(form.cleaned_data["data"], form.cleaned_data["kind"], request.user)
        return redirect("ingest:run", pk=run.pk)
    recent = IngestRun.objects.filter(origin=IngestRun.Origin.UPLOAD).select_related("user")[:20]
    return render(
        request, "ingest/upload.html", {"form": form, "runs": recent, "limit": settings.IGR_MAX_UPLOAD_BYTES}
    )


@may_upload
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An upload's progress (the page refreshes itself until the run ends), then what it added or why it failed."""
    run = get_object_or_404(IngestRun.objects.select_related("user"), pk=pk)
    ahead = (
        IngestRun.objects.filter(status=IngestRun.Status.QUEUED, started_at__lt=run.started_at).count()
        if run.status == IngestRun.Status.QUEUED
        else 0
    )
    return render(
        request,
        "ingest/run.html",
        {
            "run": run,
            "report": run.report or None,
            "ahead": ahead,
            "working": run.status in (IngestRun.Status.QUEUED, IngestRun.Status.RUNNING),
        },
    )


@may_review
def review_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", ReviewItem.Status.OPEN)
    kind = request.GET.get("kind", "")
    items = ReviewItem.objects.select_related("content_type", "document_version__document", "decided_by")
    if status in ReviewItem.Status.values:
        items = items.filter(status=status)
    if kind in ReviewItem.Kind.values:
        items = items.filter(kind=kind)
    return render(
        request,
        "ingest/review_list.html",
        {
            "items": items[:200],
            "status": status,
            "kind": kind,
            "kinds": ReviewItem.Kind.choices,
            "statuses": ReviewItem.Status.choices,
        },
    )


@may_review
@require_http_methods(["GET", "POST"])
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        ReviewItem.objects.select_related("content_type", "document_version__document"), pk=pk
    )
    form = correction_form(item, request.POST if request.POST.get("action") == "correct" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "confirm":
            decisions.confirm(item, request.user)
            messages.success(request, _("Confirmed. Later ingests will not change this value."))
            return redirect("ingest:review_list")
        if action == "correct" and form is not None and form.is_valid():
            try:
                decisions.correct(item, request.user, form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Corrected and confirmed. Later ingests will not change this value.")
                )
                return redirect("ingest:review_list")
    versions = DocumentVersion.objects.in_bulk(
        [a.get("document_version") for a in item.alternatives if a.get("document_version")]
    )
    alternatives = [
        {
            **a,
            "excerpt": excerpt(versions[a["document_version"]].text, a.get("span_start"), a.get("span_end")),
            "version": versions[a["document_version"]],
        }
        if a.get("document_version") in versions
        else {**a, "excerpt": None}
        for a in item.alternatives
    ]
    source = (
        excerpt(item.document_version.text, item.span_start, item.span_end) if item.document_version else None
    )
    return render(
        request,
        "ingest/review_detail.html",
        {
            "item": item,
            "record": item.record,
            "source": source,
            "alternatives": alternatives,
            "form": form,
        },
    )
