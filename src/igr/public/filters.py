"""The meetings list's filters, facet counts and sorting, shared by the page and its CSV/JSON forms.

Facets are counted over the meetings the other choices already select, with one grouped query per facet, so
the number of queries is fixed whatever the size of the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, Count, Exists, F, OuterRef, QuerySet
from django.db.models.functions import Cast, Substr
from django.http import QueryDict

from igr.register.models import Attendance, Body, Government, Meeting, Person

from .cache import cached
from .queries import public_meetings

SORTS = {"newest": ("-date", "body__name_en"), "oldest": ("date", "body__name_en"), "body": ("body__name_en", "-date")}
PERSON_FACET_SIZE = 25


@dataclass
class MeetingFilter:
    body: str = ""
    government: str = ""
    person: str = ""
    year: int | None = None
    status: str = ""
    mode: str = ""
    sort: str = "newest"
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query: QueryDict) -> MeetingFilter:
        """Read the filters; an unknown value is ignored (and reported) rather than failing the page."""
        f = cls(body=query.get("body", "").strip(), government=query.get("government", "").strip(),
                person=query.get("person", "").strip(), status=query.get("status", "").strip(),
                mode=query.get("mode", "").strip(), sort=query.get("sort", "newest"))
        year = query.get("year", "").strip()
        if year:
            if year.isdigit() and 1900 < int(year) < 2200:
                f.year = int(year)
            else:
                f.errors.append("year")
        if f.status and f.status not in Meeting.Status.values:
            f.errors.append("status")
            f.status = ""
        if f.mode and f.mode not in Meeting.Mode.values:
            f.errors.append("mode")
            f.mode = ""
        if f.sort not in SORTS:
            f.sort = "newest"
        return f

    def apply(self, meetings: QuerySet[Meeting], skip: str = "") -> QuerySet[Meeting]:
        if self.body and skip != "body":
            meetings = meetings.filter(body__key=self.body)
        if self.government and skip != "government":
            meetings = meetings.filter(Exists(Attendance.objects.filter(meeting=OuterRef("pk"), government__key=self.government)))
        if self.person and skip != "person":
            meetings = meetings.filter(Exists(Attendance.objects.filter(meeting=OuterRef("pk"), person__key=self.person)))
        if self.year and skip != "year":
            meetings = meetings.filter(date__year=self.year)
        if self.status and skip != "status":
            meetings = meetings.filter(status=self.status)
        if self.mode and skip != "mode":
            meetings = meetings.filter(mode=self.mode)
        return meetings

    def meetings(self) -> QuerySet[Meeting]:
        return self.apply(public_meetings()).order_by(*SORTS[self.sort])

    def count(self) -> int:
        """How many meetings match (cached: counting a large register is the costly part of the page)."""
        return cached("meeting-count", lambda: self.apply(Meeting.objects.filter(published=True)).count(), self.filters())

    def filters(self) -> dict[str, Any]:
        return {k: v for k, v in self.params().items() if k != "sort"}

    def params(self) -> dict[str, Any]:
        values = {"body": self.body, "government": self.government, "person": self.person,
                  "year": self.year or "", "status": self.status, "mode": self.mode}
        if self.sort != "newest":
            values["sort"] = self.sort
        return {k: v for k, v in values.items() if v}

    @property
    def active(self) -> bool:
        return bool({k for k in self.params() if k != "sort"})


def _ids(queryset: QuerySet[Meeting]) -> QuerySet:
    return queryset.order_by().values("pk")


def facet_counts(f: MeetingFilter) -> dict[str, list[tuple[Any, int]]]:
    """Raw counts per facet option, as plain (id or value, count) pairs: cheap to cache."""
    base = Meeting.objects.filter(published=True)
    year = Substr(Cast("date", CharField()), 1, 4)  # native on both databases, unlike EXTRACT on SQLite

    def grouped(skip: str, field: Any) -> list[tuple[Any, int]]:
        rows = f.apply(base, skip=skip).order_by().annotate(v=field).values_list("v").annotate(n=Count("pk"))
        return [tuple(r) for r in rows]

    attendance = Attendance.objects.order_by()
    return {
        "body": grouped("body", F("body_id")),
        "year": sorted(((int(y), n) for y, n in grouped("year", year)), reverse=True),
        "status": grouped("status", F("status")),
        "mode": grouped("mode", F("mode")),
        "government": [tuple(r) for r in attendance.filter(meeting__in=_ids(f.apply(base, skip="government")), government__isnull=False)
                       .values_list("government").annotate(n=Count("meeting", distinct=True))],
        "person": [tuple(r) for r in attendance.filter(meeting__in=_ids(f.apply(base, skip="person")), person__isnull=False)
                   .values_list("person").annotate(n=Count("meeting", distinct=True)).order_by("-n", "person")[:PERSON_FACET_SIZE]],
    }


def facets(f: MeetingFilter) -> dict[str, list[dict[str, Any]]]:
    """For each filter, its options with the number of meetings each would select (given the other filters)."""
    raw = cached("facets", lambda: facet_counts(f), f.filters())
    bodies = {b.pk: b for b in Body.objects.all()}
    governments = {g.pk: g for g in Government.objects.all()}
    person_counts = list(raw["person"])
    people = {p.pk: p for p in Person.objects.filter(pk__in=[pk for pk, _ in person_counts])}
    if f.person and all(p.key != f.person for p in people.values()):
        chosen = Person.objects.filter(key=f.person).first()
        if chosen:
            people[chosen.pk] = chosen
            person_counts.append((chosen.pk, None))
    status_counts, mode_counts = dict(raw["status"]), dict(raw["mode"])
    return {
        "body": sorted(({"value": bodies[pk].key, "label": bodies[pk], "count": n} for pk, n in raw["body"]),
                       key=lambda o: str(o["label"])),
        "government": [{"value": governments[pk].key, "label": governments[pk], "count": n}
                       for pk, n in sorted(raw["government"], key=lambda r: governments[r[0]].sort_order)],
        "person": sorted(({"value": people[pk].key, "label": people[pk].name, "count": n} for pk, n in person_counts),
                         key=lambda o: people_sort(o["label"])),
        "year": [{"value": y, "label": y, "count": n} for y, n in raw["year"]],
        "status": [{"value": v, "label": label, "count": status_counts[v]} for v, label in Meeting.Status.choices if v in status_counts],
        "mode": [{"value": v, "label": label, "count": mode_counts[v]} for v, label in Meeting.Mode.choices if v in mode_counts],
    }


def people_sort(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].lower(), name.lower()) if parts else ("", "")
