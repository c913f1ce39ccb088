"""Keeps the search index in step with the register: one row per *published* record, nothing else.

The register's events (``igr.public.listeners``) re-index the records a change touches; ``igr rebuild_search``
rebuilds the lot in batches (needed after bulk loads, which announce nothing), and recounts the public tallies
(``igr.public.tallies``) with it. A record that is unpublished, or that stops being published, simply has no
row, so no engine can ever return it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from igr.public import tallies
from igr.public.cache import bump
from igr.public.models import SearchEntry
from igr.public.search.normalise import index_terms
from igr.register.dates import format_date
from igr.register.models import (
    Agreement,
    Attendance,
    Body,
    Document,
    DocumentVersion,
    Meeting,
    Person,
)

Kind = SearchEntry.Kind
BATCH = 1000


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def sources() -> dict[str, QuerySet]:
    """For each kind, the published records with what their text needs fetched in a fixed number of queries."""
    attendances = Attendance.objects.select_related("person", "post")
    versions = DocumentVersion.objects.only("document_id", "language", "revision", "text").order_by(
        "language", "-revision"
    )
    return {
        Kind.MEETING: Meeting.objects.public()
        .select_related("body", "chair")
        .prefetch_related("agenda_items", Prefetch("attendances", queryset=attendances)),
        Kind.BODY: Body.objects.all(),
        Kind.PERSON: Person.objects.public().prefetch_related("tenures__post"),
        Kind.AGREEMENT: Agreement.objects.public(),
        Kind.DOCUMENT: Document.objects.public().prefetch_related(Prefetch("versions", queryset=versions)),
    }


def _meeting_texts(m: Meeting) -> tuple[str, str]:
    items = list(m.agenda_items.all())
    people = list(m.attendances.all())
    texts = []
    for lang in ("en", "cy"):
        texts.append(
            _join(
                getattr(m.body, f"name_{lang}"),
                " ".join(m.body.abbreviations),
                m.reference,
                format_date(m.date, lang),
                getattr(m, f"location_{lang}"),
                getattr(m, f"summary_{lang}"),
                getattr(m, f"next_meeting_{lang}"),
                m.chair.name if m.chair else "",
                *(_join(getattr(i, f"title_{lang}"), getattr(i, f"position_{lang}")) for i in items),
                *(
                    _join(
                        a.person.name if a.person else getattr(a, f"description_{lang}"),
                        getattr(a.post, f"title_{lang}") if a.post else getattr(a, f"role_{lang}"),
                    )
                    for a in people
                ),
            )
        )
    return texts[0], texts[1]


def _texts(kind: str, obj: Any) -> tuple[str, str]:
    if kind == Kind.MEETING:
        return _meeting_texts(obj)
    if kind == Kind.BODY:
        names = " ".join(obj.abbreviations)
        return _join(obj.name_en, names, " ".join(obj.aliases)), _join(
            obj.name_cy, names, " ".join(obj.aliases_cy)
        )
    if kind == Kind.PERSON:
        posts = [t.post for t in obj.tenures.all()]
        return (
            _join(obj.name, " ".join(obj.aliases), *(p.title_en for p in posts)),
            _join(obj.name, " ".join(obj.aliases), *(p.title_cy for p in posts)),
        )
    if kind == Kind.AGREEMENT:
        return _join(obj.title_en, obj.summary_en), _join(obj.title_cy, obj.summary_cy)
    latest: dict[str, str] = {}
    for version in obj.versions.all():  # ordered by language, newest revision first
        latest.setdefault(version.language, version.text)
    return _join(obj.title_en, latest.get("en")), _join(obj.title_cy, latest.get("cy"))


DATE_FIELDS = {
    Kind.MEETING: "date",
    Kind.AGREEMENT: "concluded_on",
    Kind.DOCUMENT: "date",
    Kind.BODY: "start_date",
}


def _date(kind: str, obj: Any):
    field = DATE_FIELDS.get(kind)
    return getattr(obj, field) if field else None


def build_entries(kind: str, objects: Iterable[Any]) -> Iterator[SearchEntry]:
    for obj in objects:
        text_en, text_cy = _texts(kind, obj)
        yield SearchEntry(
            kind=kind,
            object_id=obj.pk,
            date=_date(kind, obj),
            text_en=text_en,
            text_cy=text_cy,
            terms=index_terms(f"{text_en} {text_cy}"),
        )


@transaction.atomic
def reindex(kind: str, ids: Iterable[int]) -> None:
    """Re-index some records of one kind: their rows are replaced, or removed if they are no longer public."""
    ids = sorted({i for i in ids if i is not None})
    if not ids:
        return
    SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
    SearchEntry.objects.bulk_create(build_entries(kind, sources()[kind].filter(pk__in=ids)))


@transaction.atomic
def rebuild() -> dict[str, int]:
    """Rebuild the whole index from the register; returns the rows written per kind."""
    SearchEntry.objects.all().delete()
    counts: dict[str, int] = {}
    order = {Kind.MEETING: "date", Kind.DOCUMENT: "date", Kind.AGREEMENT: "concluded_on"}
    for kind in (Kind.BODY, Kind.PERSON, Kind.AGREEMENT, Kind.MEETING, Kind.DOCUMENT):
        queryset = sources()[kind]
        # Oldest first, so that a newer record has a higher row id ("most recent first" is then cheap).
        pks = list(queryset.order_by(order.get(kind, "pk"), "pk").values_list("pk", flat=True))
        counts[kind] = 0
        for start in range(0, len(pks), BATCH):
            batch = queryset.filter(pk__in=pks[start : start + BATCH]).order_by(order.get(kind, "pk"), "pk")
            rows = list(build_entries(kind, batch))
            SearchEntry.objects.bulk_create(rows, batch_size=500)
            counts[kind] += len(rows)
    tallies.rebuild()
    bump()
    return counts
