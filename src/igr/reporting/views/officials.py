"""Officials' screens: the dashboard, obligation lists, a meeting's reporting, postponement and cancellation."""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from igr.register.models import Meeting
from igr.reporting import dashboard as queries
from igr.reporting import engine, guards
from igr.reporting.forms import ChangeMeetingForm, FollowUpForm, WaiveForm
from igr.reporting.models import Commitment, Obligation, ReportDocument, ReportingPeriod
from igr.reporting.profiles import get_profile

VIEW_PERMISSION = "reporting.view_obligation"


def officials_only(view):
    """Signed-in officials with a reporting role; others are sent to sign in, or refused."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def meeting_or_404(body_key: str, day: str) -> Meeting:
    meeting = Meeting.objects.select_related("body", "chair").filter(reference=f"{body_key}/{day}").first()
    if meeting is None:
        raise Http404
    return meeting


def _default_kind(meeting: Meeting, startable: list[str]) -> str:
    """The document an official most likely starts next: advance notice before the meeting, the letter after."""
    order = (
        ("letter", "statement", "notice")
        if meeting.status == Meeting.Status.HELD
        else ("notice", "letter", "statement")
    )
    return next((kind for kind in order if kind in startable), startable[0] if startable else "")


@officials_only
def dashboard(request: HttpRequest) -> HttpResponse:
    data = queries.dashboard(timezone.localdate())
    data["periods"] = ReportingPeriod.objects.all()
    return render(request, "reporting/dashboard.html", data)


@officials_only
def obligation_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    status, minister, body = (request.GET.get(k, "") for k in ("status", "minister", "body"))
    rows = list(queries.filtered(today, status, minister, body)[:500])
    return render(
        request,
        "reporting/obligations.html",
        {
            "rows": rows,
            "today": today,
            "status": status,
            "minister": minister,
            "body": body,
            "statuses": status_choices(),
        },
    )


def status_choices() -> list[tuple[str, str]]:
    return [
        ("open", _("Open")),
        ("overdue", _("Overdue")),
        ("due_soon", _("Due soon")),
        ("upcoming", _("Upcoming")),
        ("met", _("Met")),
        ("waived", _("Waived")),
    ]


@officials_only
def commitment_list(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "open")
    rows = Commitment.objects.select_related("meeting__body", "made_in", "kept_by", "minister")
    if show == "open":
        rows = rows.filter(kept_on__isnull=True)
    elif show == "kept":
        rows = rows.filter(kept_on__isnull=False)
    return render(request, "reporting/commitments.html", {"rows": list(rows[:500]), "show": show})


@officials_only
def meeting_page(request: HttpRequest, body_key: str, day: str) -> HttpResponse:
    meeting = meeting_or_404(body_key, day)
    today = timezone.localdate()
    obligations = list(
        Obligation.objects.filter(meeting=meeting)
        .select_related("met_by", "met_by_record")
        .order_by("due_date", "pk")
    )
    documents = list(ReportDocument.objects.filter(meeting=meeting).order_by("kind", "series", "version"))
    unfinished = {d.kind for d in documents if not d.is_published}
    published = {
        kind: list(guards.published_records(meeting, kind)) for kind in ("notice", "letter", "statement")
    }
    follow_ups = [
        (kind, record) for kind, records in published.items() if kind not in unfinished for record in records
    ]
    from igr.reporting import context

    profile = context.meeting_profile(meeting)
    startable = [
        (k, label)
        for k, label in ReportDocument.Kind.choices
        if k != "annual_report" and k not in unfinished and not published[k]
    ]
    return render(
        request,
        "reporting/meeting.html",
        {
            "meeting": meeting,
            "obligations": obligations,
            "today": today,
            "documents": documents,
            "startable": startable,
            "default_kind": _default_kind(meeting, [k for k, _label in startable]),
            "follow_ups": follow_ups,
            "follow_up_form": FollowUpForm(),
            "commitments": list(
                Commitment.objects.filter(meeting=meeting).select_related("made_in", "kept_by")
            ),
            "profile": profile,
            "report": context.report_for(meeting),
            "change_form": ChangeMeetingForm(initial={"new_date": meeting.date}),
            "waive_form": WaiveForm(),
            "can_draft": request.user.has_perm("reporting.draft_reportdocument"),
            "can_waive": request.user.has_perm("reporting.waive_obligation"),
            "signatory": context.signatory(meeting),
            "copied": context.subject_committees(meeting),
        },
    )


@officials_only
@require_POST
def change_meeting(request: HttpRequest, body_key: str, day: str) -> HttpResponse:
    """Record a postponement (obligations move) or a cancellation (obligations are waived with the reason)."""
    if not request.user.has_perm("reporting.draft_reportdocument"):
        raise PermissionDenied
    meeting = meeting_or_404(body_key, day)
    form = ChangeMeetingForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("reporting:meeting", body_key=body_key, day=day)
    data = form.cleaned_data
    if data["change"] == "cancel":
        engine.cancel_meeting(meeting, data["reason_en"], data["reason_cy"], user=request.user)
        messages.success(request, _("The meeting is recorded as cancelled; its open obligations are waived."))
    else:
        engine.postpone_meeting(meeting, data["new_date"], data["reason_en"], data["reason_cy"])
        messages.success(request, _("The meeting is recorded as postponed; its open obligations have moved."))
    key, _sep, new_day = meeting.reference.partition("/")
    return redirect("reporting:meeting", body_key=key, day=new_day)


@officials_only
@require_POST
def waive(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("reporting.waive_obligation"):
        raise PermissionDenied
    obligation = get_object_or_404(Obligation, pk=pk)
    form = WaiveForm(request.POST)
    if not obligation.is_open:
        messages.error(request, _("Only an open obligation can be waived."))
    elif form.is_valid():
        engine.waive(obligation, form.cleaned_data["reason_en"], form.cleaned_data["reason_cy"], request.user)
        messages.success(request, _("The obligation is waived."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    if obligation.meeting_id:
        key, _sep, day = obligation.meeting.reference.partition("/")
        return redirect("reporting:meeting", body_key=key, day=day)
    return redirect("reporting:obligations")


@officials_only
def period_page(request: HttpRequest, key: str) -> HttpResponse:
    period = get_object_or_404(ReportingPeriod, key=key)
    return render(
        request,
        "reporting/period.html",
        {
            "period": period,
            "profile": get_profile(period.profile_key),
            "today": timezone.localdate(),
            "obligations": list(Obligation.objects.filter(period=period)),
            "documents": list(ReportDocument.objects.filter(period=period).order_by("version")),
            "can_draft": request.user.has_perm("reporting.draft_reportdocument"),
            "periods": ReportingPeriod.objects.all(),
        },
    )


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
