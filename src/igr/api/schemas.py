"""The API's response shapes (OpenAPI components): what ``igr.api.records`` returns, field by field.

Bilingual text comes as ``*_en`` and ``*_cy``; empty text is null. Dates are ISO 8601.
"""

from __future__ import annotations

from typing import Literal

from ninja import Schema
from pydantic import Field

Language = Literal["en", "cy"]


class Error(Schema):
    detail: str | list = Field(
        description="What was wrong with the request, in the request's language when it is ours."
    )


class Government(Schema):
    key: str
    name_en: str | None
    name_cy: str | None
    short_en: str | None
    short_cy: str | None
    devolved: bool


class Body(Schema):
    key: str
    name_en: str | None
    name_cy: str | None
    tier: str
    abbreviations: list[str]
    aliases_en: list[str]
    aliases_cy: list[str]
    start_date: str | None
    end_date: str | None
    predecessor: str | None = Field(description="The key of the body this one replaced.")
    successors: list[str]
    governments: list[str] = Field(description="Keys of the member governments.")
    url_en: str
    url_cy: str


class Post(Schema):
    key: str
    government: str
    title_en: str | None
    title_cy: str | None
    ministerial: bool


class PersonTenure(Schema):
    post: Post
    start_date: str | None
    end_date: str | None


class Person(Schema):
    key: str
    name: str
    sort_name: str
    prefix_en: str | None
    prefix_cy: str | None
    honorific_en: str | None
    honorific_cy: str | None
    other_names: list[str]
    tenures: list[PersonTenure]
    url_en: str
    url_cy: str


class Agreement(Schema):
    key: str
    kind: str
    title_en: str | None
    title_cy: str | None
    summary_en: str | None
    summary_cy: str | None
    status: str
    parties: list[str]
    bodies: list[str]
    concluded_on: str | None
    in_force_from: str | None
    ended_on: str | None
    text_url: str | None
    url_en: str
    url_cy: str


class Meeting(Schema):
    reference: str = Field(description="The stable reference BODY-KEY/YYYY-MM-DD.")
    body: str
    body_name_en: str
    body_name_cy: str | None
    ordinal: int | None
    date: str
    date_precision: Literal["day", "month", "year"]
    starts_at: str | None
    status: Literal["planned", "confirmed", "postponed", "cancelled", "held"]
    mode: str | None
    location_en: str | None
    location_cy: str | None
    chair: str | None = Field(description="The chair's person key.")
    host: str | None = Field(description="The host government's key.")
    notice_received_at: str | None
    communique_url: str | None
    next_meeting_en: str | None
    next_meeting_cy: str | None
    summary_en: str | None
    summary_cy: str | None
    url_en: str
    url_cy: str


class Attendance(Schema):
    person: str | None
    name: str | None
    description_en: str | None
    description_cy: str | None
    post: str | None
    role_en: str | None
    role_cy: str | None
    government: str | None
    capacity: Literal["minister", "official", "observer"]
    is_chair: bool
    substitute_for: str | None


class EditionRef(Schema):
    kind: str
    series: int
    version: int
    published_on: str | None


class AgendaItem(Schema):
    title_en: str | None
    title_cy: str | None
    position_en: str | None
    position_cy: str | None
    position_published_in: EditionRef | None = Field(
        description="The published edition that words the position."
    )


class EditionLink(Schema):
    language: Language
    format: Literal["html", "pdf", "docx"]
    url: str


class Edition(Schema):
    version: int
    published_on: str | None
    change_note_en: str | None
    change_note_cy: str | None
    links: list[EditionLink]


class PublishedDocument(Schema):
    kind: Literal["notice", "letter", "statement"]
    series: int
    slug: str
    title_en: str | None
    title_cy: str | None
    url_en: str
    url_cy: str
    editions: list[Edition]


class DocumentVersion(Schema):
    language: Language
    revision: int
    media_type: str | None
    source_url: str | None
    retrieved_at: str | None
    sha256: str
    stored_copy_url: str | None


class Document(Schema):
    id: int
    kind: str
    title_en: str | None
    title_cy: str | None
    publisher: str | None
    date: str | None
    versions: list[DocumentVersion]


class Deadline(Schema):
    kind: str
    days: int
    calendar: str


class DocumentLink(Schema):
    version: int
    published_on: str | None
    language: str
    format: str
    title: str
    url: str


class Obligation(Schema):
    id: int
    meeting: str | None
    agreement: str | None
    profile: str
    rule: str
    deliverable: str
    recipients: list[str]
    is_target: bool = Field(description="True: the administration's target, not a term of the agreement.")
    deadline: Deadline
    anchor_date: str | None
    due_date: str | None
    met_on: str | None
    days_late: int | None
    lag_days: int | None
    status: Literal["upcoming", "due_soon", "overdue", "met_on_time", "met_late", "waived"]
    status_label_en: str
    status_label_cy: str
    status_on: str = Field(description="The day the status was judged on.")
    made_in_recess: bool
    short_notice: bool
    waived_on: str | None
    waived_reason_en: str | None
    waived_reason_cy: str | None
    met_by: list[DocumentLink]
    met_by_document: int | None


class MeetingDetail(Meeting):
    attendance: list[Attendance]
    agenda: list[AgendaItem]
    published_documents: list[PublishedDocument]
    documents: list[Document]
    obligations: list[Obligation]


class Page(Schema):
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")
    next: str | None = Field(description="The next page's address.")


class MeetingPage(Page):
    items: list[Meeting]


class BodyPage(Page):
    items: list[Body]


class PersonPage(Page):
    items: list[Person]


class AgreementPage(Page):
    items: list[Agreement]


class ObligationPage(Page):
    items: list[Obligation]


class LagDays(Schema):
    median: float | None
    mean: float | None
    min: int | None
    max: int | None


class Timeliness(Schema):
    deliverable: str
    status_on: str
    count: int
    met: int
    on_time: int
    late: int
    overdue: int
    waived: int
    not_yet_due: int
    on_time_rate: float | None
    lag_days: LagDays


class SearchHit(Schema):
    kind: Literal["meeting", "body", "person", "agreement", "document"]
    title: str
    url: str
    snippet: str = Field(description="HTML: matches in <mark>, everything else escaped.")
    snippet_language: str
    date: str | None


class SearchResults(Schema):
    query: str
    language: Language
    total: int
    offset: int
    limit: int
    items: list[SearchHit]
