"""The read-only API at /api/v1/: thin operations over ``igr.api.records`` (published records only).

OpenAPI 3.1 at /api/v1/openapi.json, browsable documentation at /api/v1/docs (Swagger UI served from this site,
so it runs under the site's Content-Security-Policy).
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from igr.public import search as public_search
from igr.public.filters import MeetingFilter
from igr.register.models import Body, Meeting
from igr.reporting.summary import reporting_stats

from . import paging, records, schemas
from .conditional import conditional

api = NinjaAPI(
    title="IGR Register API",
    version="1",
    description=(
        "The public register of UK intergovernmental meetings, read-only, in English and Welsh. Every record is a "
        "published one; identifiers are the register's references and keys. Data under the Open Government "
        "Licence v3.0."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
api.add_decorator(conditional, mode="view")

ERRORS = {404: schemas.Error, 422: schemas.Error}
Limit = Field(paging.DEFAULT_LIMIT, ge=1, le=paging.MAX_LIMIT, description="Items per page.")
Cursor = Field(None, max_length=200, description="The next_cursor of the page before.")


def _today():
    return timezone.localdate()


def _not_found() -> HttpError:
    return HttpError(404, _("The register has no public record with this identifier."))


class MeetingQuery(Schema):
    body: str | None = Field(None, max_length=80, description="A body's key.")
    government: str | None = Field(
        None, max_length=40, description="A government's key: meetings it attended."
    )
    person: str | None = Field(None, max_length=120, description="A person's key: meetings they attended.")
    year: int | None = Field(None, ge=1901, le=2199)
    status: Literal["planned", "confirmed", "postponed", "cancelled", "held"] | None = None
    mode: Literal["virtual", "in_person", "hybrid"] | None = None
    sort: Literal["newest", "oldest"] = "newest"
    limit: int = Limit
    cursor: str | None = Cursor


@api.get("/meetings", response={200: schemas.MeetingPage, **ERRORS}, tags=["meetings"], summary="Meetings")
def meetings(request: HttpRequest, q: Query[MeetingQuery]):
    """Public meetings with the meetings list's filters, newest or oldest first, a page at a time."""
    f = MeetingFilter(
        body=q.body or "",
        government=q.government or "",
        person=q.person or "",
        year=q.year,
        status=q.status or "",
        mode=q.mode or "",
    )
    selected = f.apply(records.meetings())
    return paging.page(
        request,
        selected,
        ("date", "pk"),
        (paging.iso_date, paging.whole_number),
        q.cursor,
        q.limit,
        records.meeting,
        descending=q.sort == "newest",
    )


@api.get(
    "/meetings/{body_key}/{day}",
    response={200: schemas.MeetingDetail, **ERRORS},
    tags=["meetings"],
    summary="A meeting",
)
def meeting(request: HttpRequest, body_key: str, day: str):
    """A meeting by its reference (BODY-KEY/YYYY-MM-DD): attendance, agenda with the Welsh Government's published
    positions, its published letters and statements with every edition's addresses, other documents, obligations."""
    found = records.meetings().prefetch_related("agenda_items").filter(reference=f"{body_key}/{day}").first()
    if found is None:
        raise _not_found()
    return records.meeting_detail(found, _today())


class PageQuery(Schema):
    limit: int = Limit
    cursor: str | None = Cursor


@api.get("/bodies", response={200: schemas.BodyPage, **ERRORS}, tags=["bodies"], summary="Bodies")
def bodies(request: HttpRequest, q: Query[PageQuery]):
    return paging.page(request, records.bodies(), ("key",), (paging.text,), q.cursor, q.limit, records.body)


@api.get("/bodies/{key}", response={200: schemas.Body, **ERRORS}, tags=["bodies"], summary="A body")
def body(request: HttpRequest, key: str):
    found = records.bodies().filter(key=key).first()
    if found is None:
        raise _not_found()
    return records.body(found)


@api.get("/people", response={200: schemas.PersonPage, **ERRORS}, tags=["people"], summary="People")
def people(request: HttpRequest, q: Query[PageQuery]):
    """People who hold a recorded post or attended or chaired a public meeting, with their posts and tenures."""
    return paging.page(request, records.people(), ("key",), (paging.text,), q.cursor, q.limit, records.person)


@api.get("/people/{key}", response={200: schemas.Person, **ERRORS}, tags=["people"], summary="A person")
def person(request: HttpRequest, key: str):
    found = records.people().filter(key=key).first()
    if found is None:
        raise _not_found()
    return records.person(found)


@api.get(
    "/agreements", response={200: schemas.AgreementPage, **ERRORS}, tags=["agreements"], summary="Agreements"
)
def agreements(request: HttpRequest, q: Query[PageQuery]):
    return paging.page(
        request, records.agreements(), ("key",), (paging.text,), q.cursor, q.limit, records.agreement
    )


@api.get(
    "/agreements/{key}",
    response={200: schemas.Agreement, **ERRORS},
    tags=["agreements"],
    summary="An agreement",
)
def agreement(request: HttpRequest, key: str):
    found = records.agreements().filter(key=key).first()
    if found is None:
        raise _not_found()
    return records.agreement(found)


Deliverable = Literal[
    "advance_notice_letter", "post_meeting_letter", "written_statement", "agreement_notification"
]


class ObligationQuery(Schema):
    deliverable: Deliverable | None = None
    body: str | None = Field(None, max_length=80, description="A body's key: obligations about its meetings.")
    limit: int = Limit
    cursor: str | None = Cursor


@api.get(
    "/obligations",
    response={200: schemas.ObligationPage, **ERRORS},
    tags=["reporting"],
    summary="Obligations",
)
def obligations(request: HttpRequest, q: Query[ObligationQuery]):
    """What was owed to the Senedd about public meetings and agreements, when, and whether it came on time
    (the status judged on today's date)."""
    selected = records.obligations()
    if q.deliverable:
        selected = selected.filter(deliverable=q.deliverable)
    if q.body:
        selected = selected.filter(meeting__body__key=q.body)
    today = _today()
    return paging.page(
        request,
        selected,
        ("pk",),
        (paging.whole_number,),
        q.cursor,
        q.limit,
        lambda o: records.obligation(o, today),
    )


class TimelinessQuery(Schema):
    deliverable: Deliverable = "written_statement"
    body: str | None = Field(None, max_length=80, description="A body's key.")
    year: int | None = Field(None, ge=1901, le=2199, description="Meetings held in this year.")


@api.get(
    "/timeliness", response={200: schemas.Timeliness, **ERRORS}, tags=["reporting"], summary="Timeliness"
)
def timeliness(request: HttpRequest, q: Query[TimelinessQuery]):
    """How promptly the Welsh Government reported meetings: days taken and the on-time rate (the timeliness page's
    figures, from the reporting engine)."""
    chosen = None
    if q.body:
        chosen = Body.objects.filter(key=q.body).first()
        if chosen is None:
            raise _not_found()
    meetings = Meeting.objects.public().filter(date__year=q.year) if q.year else None
    today = _today()
    stats = reporting_stats(meetings, body=chosen, deliverable=q.deliverable, today=today)
    stats.pop("rows")
    return {**stats, "status_on": today.isoformat()}


class SearchQuery(Schema):
    q: str = Field(
        ..., min_length=1, max_length=200, description="Words to find; Welsh-aware (mutations, accents)."
    )
    kind: Literal["meeting", "body", "person", "agreement", "document"] | None = None
    language: schemas.Language = Field("en", description="The language of titles and snippets.")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=1000)


@api.get("/search", response={200: schemas.SearchResults, **ERRORS}, tags=["search"], summary="Search")
def search(request: HttpRequest, q: Query[SearchQuery]):
    """The public search: records and document texts, ranked, with snippets."""
    from django.utils import translation

    with translation.override(q.language):
        results = public_search.search(q.q, q.language, [q.kind] if q.kind else None, q.offset, q.limit)
        hits = [
            {
                "kind": h.kind,
                "title": h.title,
                "url": h.url,
                "snippet": str(h.snippet),
                "snippet_language": h.snippet_language,
                "date": h.date.isoformat() if h.date else None,
            }
            for h in results.hits
        ]
    return {
        "query": q.q,
        "language": q.language,
        "total": results.total,
        "offset": q.offset,
        "limit": q.limit,
        "items": hits,
    }
