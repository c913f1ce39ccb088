"""Each public page's feed, calendar and alert links: advertised in its <head> and offered under its content.

Worked out from the page's own address (its view name, arguments and filters), so the public app's views and
templates need not know about following.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from igr.public.filters import MeetingFilter

ATOM, ICS = "application/atom+xml", "text/calendar"


def _with(url: str, query: dict) -> str:
    return f"{url}?{urlencode(query)}" if query else url


def _links(name: str, kwargs: dict, request: HttpRequest) -> tuple[list[dict], dict]:
    """The page's own feeds and calendars, and the query for its alert form."""
    if name == "meeting_list":
        filters = MeetingFilter.from_query(request.GET).filters()
        alert = next(
            (
                {"topic": t, "key": filters[t]}
                for t in ("body", "government", "person")
                if set(filters) == {t}
            ),
            {},
        )
        return [
            {
                "type": ATOM,
                "title": _("Meetings (Atom feed)"),
                "href": _with(reverse("follow:meetings_feed"), filters),
            },
            {
                "type": ICS,
                "title": _("Meetings (calendar)"),
                "href": _with(reverse("follow:meetings_calendar"), filters),
            },
        ], alert
    if name in ("body", "meeting", "edition", "edition_version"):
        key = kwargs.get("body_key", "")
        return [
            {
                "type": ATOM,
                "title": _("This body's meetings (Atom feed)"),
                "href": reverse("follow:body_feed", args=[key]),
            },
            {
                "type": ICS,
                "title": _("This body's meetings (calendar)"),
                "href": reverse("follow:body_calendar", args=[key]),
            },
        ], {"topic": "body", "key": key}
    if name == "person":
        key = kwargs.get("person_key", "")
        return [
            {
                "type": ATOM,
                "title": _("This person's meetings (Atom feed)"),
                "href": reverse("follow:person_feed", args=[key]),
            }
        ], {"topic": "person", "key": key}
    if name == "search" and request.GET.get("q", "").strip():
        words = request.GET["q"].strip()[:200]
        return [
            {
                "type": ATOM,
                "title": _("This search (Atom feed)"),
                "href": _with(reverse("follow:search_feed"), {"q": words}),
            }
        ], {"q": " ".join(words.split())}
    return [], {}


def follow(request: HttpRequest) -> dict[str, object]:
    match = request.resolver_match
    if match is None or match.namespace != "public":
        return {}
    own, alert_query = _links(match.url_name, match.kwargs, request)
    site = [
        {"type": ATOM, "title": _("All meetings (Atom feed)"), "href": reverse("follow:meetings_feed")},
        {
            "type": ATOM,
            "title": _("Letters and written statements (Atom feed)"),
            "href": reverse("follow:documents_feed"),
        },
    ]
    return {
        "follow_links": own,
        "follow_alternates": own + [s for s in site if s["href"] not in {o["href"] for o in own}],
        "follow_alert_url": _with(reverse("follow:subscribe"), alert_query),
    }
