"""The officials' deadline calendar: a page with the subscription address, and the feed behind it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from igr.reporting.dashboard import OPEN, obligations
from igr.reporting.ical import deadline_calendar
from igr.reporting.models import CalendarToken

from .officials import VIEW_PERMISSION, officials_only


@officials_only
def calendar_page(request: HttpRequest) -> HttpResponse:
    token = CalendarToken.objects.filter(user=request.user).first()
    if request.method == "POST":
        if token:
            token.delete()
        token = CalendarToken.objects.create(user=request.user)
        return redirect("reporting:calendar")
    feed_url = (
        request.build_absolute_uri(f"/{request.LANGUAGE_CODE}/reporting/calendar/{token.token}.ics")
        if token
        else ""
    )
    return render(request, "reporting/calendar.html", {"feed_url": feed_url, "has_token": token is not None})


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """No session here (calendar apps cannot sign in): the secret address is the credential."""
    found = CalendarToken.objects.filter(token=token).select_related("user").first()
    if found is None or not found.user.is_active or not found.user.has_perm(VIEW_PERMISSION):
        raise Http404
    rows = list(obligations().filter(OPEN).order_by("due_date", "pk"))
    base = f"{request.scheme}://{request.get_host()}"
    response = HttpResponse(
        deadline_calendar(rows, base, request.LANGUAGE_CODE), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{_("iira-deadlines")}.ics"'
    return response
