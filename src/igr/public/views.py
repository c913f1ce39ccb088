"""Public pages of the register: thin views over the queries in ``queries.py``."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language_from_request

from igr.register.models import Body

from . import queries


def language_root(request: HttpRequest) -> HttpResponse:
    """Send the visitor to /cy/ or /en/ according to their browser's preference."""
    language = get_language_from_request(request, check_path=False)
    return HttpResponseRedirect("/cy/" if language == "cy" else "/en/")


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/home.html",
        {"upcoming": queries.upcoming_meetings(), "recent": queries.recent_meetings()},
    )


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = queries.public_meetings().order_by("-date", "body__name_en")
    body_key = request.GET.get("body", "")
    if body_key:
        meetings = meetings.filter(body__key=body_key)
    page = Paginator(meetings, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "public/meeting_list.html",
        {"page": page, "bodies": Body.objects.order_by("name_en"), "selected_body": body_key},
    )


def meeting_detail(request: HttpRequest, body_key: str, day: str) -> HttpResponse:
    meeting = queries.meeting_with_details(f"{body_key}/{day}")
    if meeting is None:
        raise Http404
    attendances = list(meeting.attendances.all())
    by_government: dict[str, list] = {}
    for attendance in attendances:
        label = str(attendance.government) if attendance.government else ""
        by_government.setdefault(label, []).append(attendance)
    documents = [d for d in meeting.documents.all() if d.published]
    return render(
        request,
        "public/meeting_detail.html",
        {"meeting": meeting, "attendance_groups": by_government.items(), "documents": documents},
    )


def body_list(request: HttpRequest) -> HttpResponse:
    return render(request, "public/body_list.html", {"bodies": queries.bodies_with_counts()})


def body_detail(request: HttpRequest, body_key: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("predecessor"), key=body_key)
    meetings = list(queries.public_meetings().filter(body=body).order_by("-date"))
    return render(
        request,
        "public/body_detail.html",
        {"body": body, "meetings": meetings, "successors": list(body.successors.all())},
    )
