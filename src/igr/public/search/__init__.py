"""Search over the public register: one interface, two engines (SQLite FTS5, PostgreSQL full-text).

``search()`` folds the query the Welsh-aware way, asks the engine for matching index rows, and loads the
records again through the *published* querysets, one query per kind, so the page's query count is bounded and
an unpublished record cannot slip through even if the index were stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from igr.public.models import SearchEntry
from igr.register.models import Agreement, Body, Document, Meeting, Person
from igr.register.translation import translated

from . import engines
from .normalise import query_groups
from .snippets import snippet

Kind = SearchEntry.Kind


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: SafeString
    date: Any = None
    snippet_language: str = ""
    title_html: SafeString | str = ""


@dataclass
class Results:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    offset: int = 0
    limit: int = 20

    @property
    def capped(self) -> bool:
        """More rows match than the engines count (``engines.COUNT_CAP``): the page says "more than"."""
        return self.total > engines.COUNT_CAP

    @property
    def cap(self) -> int:
        return engines.COUNT_CAP

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.hits) < self.total


def _published(kind: str, ids: list[int]) -> dict[int, Any]:
    querysets = {
        Kind.MEETING: Meeting.objects.public().select_related("body"),
        Kind.BODY: Body.objects.all(),
        Kind.PERSON: Person.objects.public(),
        Kind.AGREEMENT: Agreement.objects.public(),
        Kind.DOCUMENT: Document.objects.public().prefetch_related(
            Prefetch(
                "meetings",
                queryset=Meeting.objects.public().select_related("body"),
                to_attr="public_meetings",
            ),
            Prefetch("agreements", queryset=Agreement.objects.public(), to_attr="public_agreements"),
        ),
    }
    return {obj.pk: obj for obj in querysets[kind].filter(pk__in=ids)}


def _title_and_url(kind: str, obj: Any, language: str) -> tuple[str, str]:
    if kind == Kind.MEETING:
        from igr.register.dates import format_date_precision

        date = format_date_precision(obj.date, obj.date_precision, language)
        return f"{translated(obj.body, 'name', language) or obj.body.name_en}: {date}", obj.get_absolute_url()
    if kind == Kind.BODY:
        return str(translated(obj, "name", language) or obj.name_en), reverse("public:body", args=[obj.key])
    if kind == Kind.PERSON:
        return obj.name, reverse("public:person", args=[obj.key])
    if kind == Kind.AGREEMENT:
        return str(translated(obj, "title", language) or obj.title_en), reverse(
            "public:agreement", args=[obj.key]
        )
    title = str(translated(obj, "title", language) or obj.title_en or obj.title_cy or obj.get_kind_display())
    meetings = obj.public_meetings
    if meetings:
        return title, f"{meetings[0].get_absolute_url()}#documents"
    agreements = obj.public_agreements
    return title, reverse("public:agreement", args=[agreements[0].key]) if agreements else ""


def search(
    query: str, language: str, kinds: list[str] | None = None, offset: int = 0, limit: int = 20
) -> Results:
    groups = query_groups(query)
    results = Results(query=query, offset=offset, limit=limit)
    if not groups:
        return results
    ids, results.total = engines.run(groups, kinds, limit, offset)
    entries = list(SearchEntry.objects.filter(pk__in=ids))
    by_kind: dict[str, list[int]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry.object_id)
    records = {kind: _published(kind, object_ids) for kind, object_ids in by_kind.items()}
    order = {pk: i for i, pk in enumerate(ids)}
    labels = dict(Kind.choices)
    for entry in sorted(entries, key=lambda e: order[e.pk]):
        obj = records[entry.kind].get(entry.object_id)
        if obj is None:
            continue
        title, url = _title_and_url(entry.kind, obj, language)
        title_html = snippet(title, groups, before=len(title), length=len(title))
        text, text_language = _snippet(entry, title, bool(title_html), groups, language)
        results.hits.append(
            Hit(entry.kind, labels[entry.kind], title, url, text, entry.date, text_language, title_html)
        )
    return results


def _snippet(
    entry: SearchEntry, title: str, title_matched: bool, groups: list[list[str]], language: str
) -> tuple[SafeString, str]:
    """Where the words matched, beyond the title: a document's own text, or a record's other names.

    A record's index text is its names, so a snippet of it would repeat the title: it is shown only when the
    match lies in another name, and in the page's language first.
    """
    own, other = (entry.text_cy, entry.text_en) if language == "cy" else (entry.text_en, entry.text_cy)
    if entry.kind != Kind.DOCUMENT:
        if title_matched:
            return mark_safe(""), language
        own, other = own.replace(title, " "), other.replace(title, " ")
    text = snippet(own, groups)
    if text:
        return text, language
    return snippet(other, groups), ("en" if language == "cy" else "cy")
