"""Home, the meetings list (filters, counts, sorting, pages, CSV/JSON) and a meeting's own page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_from_request

from igr.public import exports, queries, timeliness
from igr.public.cache import cached_fragment
from igr.public.filters import MeetingFilter, facets
from igr.register.models import Document
from igr.reporting import editions
from igr.reporting.summary import meeting_reporting

PAGE_SIZE = 50


def language_root(request: HttpRequest) -> HttpResponse:
    """Send the visitor to /cy/ or /en/ according to their browser's preference."""
    language = get_language_from_request(request, check_path=False)
    return HttpResponseRedirect("/cy/" if language == "cy" else "/en/")


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()  # the one reading of the clock: every list on the page is as of this day

    def content() -> str:
        return render_to_string(
            "public/_home_content.html",
            {
                "upcoming": queries.upcoming_meetings(today),
                "recent": queries.recent_meetings(today),
                "overdue": timeliness.overdue_meetings(today),
            },
        )

    return render(request, "public/home.html", {"content": cached_fragment("home-page", content, today)})


def meeting_list(request: HttpRequest) -> HttpResponse:
    f = MeetingFilter.from_query(request.GET)
    meetings = f.meetings()
    fmt = exports.requested_format(request)
    if fmt:
        return exports.export(
            fmt, "meetings", exports.iterate(meetings, exports.meeting_row), exports.MEETING_COLUMNS
        )
    paginator = Paginator(meetings, PAGE_SIZE)
    paginator.count = f.count()  # the cached count, so the page does not count the register again
    page = paginator.get_page(request.GET.get("page"))
    params = f.params()

    def content() -> str:
        return render_to_string(
            "public/_meeting_list_content.html",
            {
                "page": page,
                "filter": f,
                "facets": facets(f),
                "query": urlencode(params),
                "sort_query": urlencode({k: v for k, v in params.items() if k != "sort"}),
                "csv_query": urlencode({**params, "format": "csv"}),
                "json_query": urlencode({**params, "format": "json"}),
            },
        )

    key = (sorted(params.items()), sorted(f.errors), page.number)
    return render(
        request, "public/meeting_list.html", {"content": cached_fragment("meetings-page", content, key)}
    )


def _topics(meeting, published: dict) -> list[dict[str, object]]:
    """Each agenda item with its title and the Welsh Government's position, as the latest edition published them."""
    topics = []
    for item in meeting.agenda_items.all():
        title = published.get(f"agendaitem-{item.pk}-title")
        position = published.get(f"agendaitem-{item.pk}-position")
        topics.append(
            {
                "item": item,
                "title": title[0] if title else None,
                "position": position[0] if position else None,
                "edition": position[1] if position else None,
            }
        )
    return topics


def meeting_detail(request: HttpRequest, body_key: str, day: str) -> HttpResponse:
    """A meeting's page: its content is rendered once per register version and language, for every process."""
    meeting = queries.public_meeting(f"{body_key}/{day}")
    if meeting is None:
        raise Http404
    official = request.user.is_staff  # officials see links to stored copies the public may not download
    content = cached_fragment(
        "meeting-page", lambda: _meeting_content(meeting, request), meeting.pk, official
    )
    return render(request, "public/meeting_detail.html", {"meeting": meeting, "content": content})


def _meeting_content(meeting, request: HttpRequest) -> str:
    queries.add_details(meeting)
    language = get_language()
    groups: dict[object, list] = {}
    for attendance in meeting.attendances.all():
        groups.setdefault(attendance.government, []).append(attendance)
    ours = editions.meeting_editions(meeting, language)
    sources = queries.sources_for(meeting, editions.edition_pdf_hashes(meeting))
    return render_to_string(
        "public/_meeting_content.html",
        {
            "user": request.user,
            "meeting": meeting,
            "attendance_groups": list(groups.items()),
            "editions": [
                {"edition": e, "title": e.title(language), "page": e.url(language), "links": e.links()}
                for e in ours
            ],
            "sources": sources,
            "topics": _topics(meeting, editions.published_positions(meeting, language)),
            "has_statement": any(e.document.kind == "statement" for e in ours)
            or any(d.kind == Document.Kind.WRITTEN_STATEMENT for d in meeting.public_documents),
            "provenance": queries.provenance_for(meeting),
            "obligations": meeting_reporting(meeting),
        },
    )
