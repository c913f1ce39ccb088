"""The meetings list's filters, facet counts and sorting, shared by the page and its CSV/JSON forms.

Facets are counted over the meetings the other choices already select, with one grouped query per facet, so
the number of queries is fixed whatever the size of the register.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import QueryDict

from igr.register.models import Attendance, Body, Government, Meeting, Person

from . import tallies
from .cache import cached
from .queries import public_meetings

SORTS = {
    "newest": ("-date", "body__name_en"),
    "oldest": ("date", "body__name_en"),
    "body": ("body__name_en", "-date"),
}
PERSON_FACET_SIZE = 25
FREQUENT_GOVERNMENT = 2000  # meetings attended, above which a per-meeting check beats a lookup


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
        f = cls(
            body=query.get("body", "").strip(),
            government=query.get("government", "").strip(),
            person=query.get("person", "").strip(),
            status=query.get("status", "").strip(),
            mode=query.get("mode", "").strip(),
            sort=query.get("sort", "newest"),
        )
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
            meetings = meetings.filter(self._government_condition())
        if self.person and skip != "person":
            meetings = meetings.filter(pk__in=_attended(person__key=self.person))
        if self.year and skip != "year":
            meetings = meetings.filter(date__year=self.year)
        if self.status and skip != "status":
            meetings = meetings.filter(status=self.status)
        if self.mode and skip != "mode":
            meetings = meetings.filter(mode=self.mode)
        return meetings

    def _government_condition(self) -> Q:
        """Meetings the chosen government attended, asked in the way that is cheap for how often it attends.

        A government at thousands of meetings is checked per meeting while the list is walked in date order
        (stopping after a page); one at a few is looked up once. Both are exact; only the plan differs.
        """
        government = Government.objects.filter(key=self.government).values_list("pk", flat=True).first()
        if government is None:
            return Q(pk__in=[])
        if government_meeting_counts().get(government, 0) >= FREQUENT_GOVERNMENT:
            return Q(Exists(Attendance.objects.filter(meeting=OuterRef("pk"), government_id=government)))
        return Q(pk__in=_attended(government_id=government))

    def meetings(self) -> QuerySet[Meeting]:
        return self.apply(public_meetings()).order_by(*SORTS[self.sort])

    def count(self) -> int:
        """How many meetings match (from the cached facet counts: counting a large register is the costly part)."""
        return raw_counts(self)["count"]

    def filters(self) -> dict[str, Any]:
        return {k: v for k, v in self.params().items() if k != "sort"}

    def params(self) -> dict[str, Any]:
        values = {
            "body": self.body,
            "government": self.government,
            "person": self.person,
            "year": self.year or "",
            "status": self.status,
            "mode": self.mode,
        }
        if self.sort != "newest":
            values["sort"] = self.sort
        return {k: v for k, v in values.items() if v}

    @property
    def active(self) -> bool:
        return bool({k for k in self.params() if k != "sort"})


def government_meeting_counts() -> dict[int, int]:
    """How many published meetings each government attended (from the tallies, cached per register version)."""

    def count() -> dict[int, int]:
        counts: Counter = Counter()
        for *_, governments, n in cached("meeting-cells", tallies.meeting_cells):
            for government in governments:
                counts[government] += n
        return dict(counts)

    return cached("government-meetings", count)


def _attended(**where: str) -> QuerySet:
    """Meetings with a matching attendance, as an uncorrelated subquery.

    A correlated EXISTS let SQLite walk the government index once per meeting (minutes at 100,000 meetings);
    ``IN (subquery)`` is evaluated once, on both databases.
    """
    return Attendance.objects.filter(**where).order_by().values("meeting_id")


def _ids(queryset: QuerySet[Meeting]) -> QuerySet:
    return queryset.order_by().values("pk")


def facet_counts(f: MeetingFilter) -> dict[str, list[tuple[Any, int]]]:
    """Raw counts per facet option, as plain (id or value, count) pairs: cheap to cache.

    Without a person filter, every count is a sum over the tallies (``igr.public.tallies``), whatever the size
    of the register; with one, over the counted facts of that person's meetings (one cell each).
    """
    cells = (
        tallies.person_meeting_cells(f.person) if f.person else cached("meeting-cells", tallies.meeting_cells)
    )
    counts = _counted_from_cells(f, cells)
    counts["person"] = _person_facet(f)
    return counts


def _chosen_ids(f: MeetingFilter) -> tuple[int | None, int | None]:
    """The ids of the chosen body and government; -1 when the key names nothing (so nothing matches)."""
    body = Body.objects.filter(key=f.body).values_list("pk", flat=True).first() or -1 if f.body else None
    government = (
        Government.objects.filter(key=f.government).values_list("pk", flat=True).first() or -1
        if f.government
        else None
    )
    return body, government


def _counted_from_cells(f: MeetingFilter, cells: list[tuple]) -> dict[str, Any]:
    """The meeting count and every facet but the person's, from (body, year, status, mode, governments, n) cells."""
    body_id, government_id = _chosen_ids(f)
    wanted = {"body": body_id, "year": f.year, "status": f.status or None, "mode": f.mode or None}
    counters: dict[str, Counter] = {
        name: Counter() for name in ("body", "year", "status", "mode", "government")
    }
    total = 0
    for body, year, status, mode, governments, n in cells:
        values = {"body": body, "year": year, "status": status, "mode": mode}
        misses = [name for name, want in wanted.items() if want is not None and values[name] != want]
        if government_id is not None and government_id not in governments:
            misses.append("government")
        if len(misses) > 1:
            continue
        if not misses:
            total += n
        for name in ("body", "year", "status", "mode"):
            if not misses or misses == [name]:
                counters[name][values[name]] += n
        if not misses or misses == ["government"]:
            for gov in governments:
                counters["government"][gov] += n
    out: dict[str, Any] = {name: list(counter.items()) for name, counter in counters.items()}
    out["year"] = sorted(out["year"], reverse=True)
    out["count"] = total
    return out


def _person_facet(f: MeetingFilter) -> list[tuple[int, int]]:
    """The people at most of the meetings the other filters select, with how many each attended."""
    if f.body or f.year:  # a narrow selection: count its attendances
        base = Meeting.objects.public()
        rows = (
            Attendance.objects.order_by()
            .filter(meeting__in=_ids(f.apply(base, skip="person")), person__isnull=False)
            .values_list("person")
            .annotate(n=Count("meeting", distinct=True))
            .order_by("-n", "person")[:PERSON_FACET_SIZE]
        )
        return [tuple(r) for r in rows]
    _, government_id = _chosen_ids(f)
    return tallies.people_totals(f.status, f.mode, government_id, PERSON_FACET_SIZE)


def raw_counts(f: MeetingFilter) -> dict[str, Any]:
    return cached("facets", lambda: facet_counts(f), f.filters())


def facets(f: MeetingFilter) -> dict[str, list[dict[str, Any]]]:
    """For each filter, its options with the number of meetings each would select (given the other filters)."""
    raw = raw_counts(f)
    bodies = {b.pk: b for b in Body.objects.all()}
    governments = {g.pk: g for g in Government.objects.all()}
    person_counts = list(raw["person"])
    people = {p.pk: p for p in Person.objects.public().filter(pk__in=[pk for pk, _ in person_counts])}
    person_counts = [
        (pk, n) for pk, n in person_counts if pk in people
    ]  # a person deleted since it was counted
    if f.person and all(p.key != f.person for p in people.values()):
        chosen = Person.objects.public().filter(key=f.person).first()
        if chosen:
            people[chosen.pk] = chosen
            person_counts.append((chosen.pk, None))
    status_counts, mode_counts = dict(raw["status"]), dict(raw["mode"])
    return {
        "body": sorted(
            ({"value": bodies[pk].key, "label": bodies[pk], "count": n} for pk, n in raw["body"]),
            key=lambda o: str(o["label"]),
        ),
        "government": [
            {"value": governments[pk].key, "label": governments[pk], "count": n}
            for pk, n in sorted(raw["government"], key=lambda r: governments[r[0]].sort_order)
        ],
        "person": sorted(
            ({"value": people[pk].key, "label": people[pk].name, "count": n} for pk, n in person_counts),
            key=lambda o: people_sort(o["label"]),
        ),
        "year": [{"value": y, "label": y, "count": n} for y, n in raw["year"]],
        "status": [
            {"value": v, "label": label, "count": status_counts[v]}
            for v, label in Meeting.Status.choices
            if v in status_counts
        ],
        "mode": [
            {"value": v, "label": label, "count": mode_counts[v]}
            for v, label in Meeting.Mode.choices
            if v in mode_counts
        ],
    }


def people_sort(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].lower(), name.lower()) if parts else ("", "")
