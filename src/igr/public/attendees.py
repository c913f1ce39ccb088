"""Who attended each body's published meetings for each government: a running tally with first and latest dates.

A body's page ranks its attendees per government. Grouping a busy body's tens of thousands of attendances on
the first request after every change cost more than the page's whole budget, so one ``BodyAttendee`` row per
(body, government, person) is kept instead, moved by ``tallies.refresh`` from each meeting's counted facts.
Counts are added and subtracted in the database (``n = n + d``). First and latest dates only widen when a
meeting is added; when a meeting that was a row's first or latest is taken away, that row's dates are read
again from the register (rare: publishing, not withdrawal, is what ingest and editing mostly do).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Count, F, Max, Min, Q, Window
from django.db.models.functions import RowNumber

from igr.register.models import Attendance

from .models import BodyAttendee

Row = tuple[int, int, int, dt.date]  # body, government, person, meeting date
Triple = tuple[int, int, int]  # body, government, person: one attendee row
CHUNK = 500
UPSERT_CHUNK = 150  # rows per statement: six parameters each, under SQLite's classic limit of 999


def _widen(spans: dict, key: object, day: dt.date) -> None:
    """Stretch ``key``'s (first, last) span to take in ``day``."""
    low, high = spans.get(key, (day, day))
    spans[key] = (min(low, day), max(high, day))


def apply(added: Iterable[Row], removed: Iterable[Row]) -> None:
    """Count meetings in (``added``) and out (``removed``) of the attendee rows they touch."""
    delta: Counter = Counter()
    spans: dict[Triple, tuple[dt.date, dt.date]] = {}
    gone: dict[Triple, set[dt.date]] = defaultdict(set)
    for body, government, person, day in added:
        delta[(body, government, person)] += 1
        _widen(spans, (body, government, person), day)
    for body, government, person, day in removed:
        delta[(body, government, person)] -= 1
        gone[(body, government, person)].add(day)
    widened = [(triple, delta[triple], *span) for triple, span in spans.items()]
    for start in range(0, len(widened), UPSERT_CHUNK):
        _upsert(widened[start : start + UPSERT_CHUNK])
    shrunk: dict[int, list[Triple]] = defaultdict(list)
    for triple, d in delta.items():
        if d and triple not in spans:
            shrunk[d].append(triple)
    for d, triples in shrunk.items():
        for start in range(0, len(triples), CHUNK):
            _rows(triples[start : start + CHUNK]).update(n=F("n") + d)
    if gone:
        _reread_edges(gone)


def _rows(triples: list[Triple]):
    return BodyAttendee.objects.filter(
        reduce(or_, (Q(body_id=b, government_id=g, person_id=p) for b, g, p in triples))
    )


def _upsert(changes: list[tuple[Triple, int, dt.date, dt.date]]) -> None:
    """One statement for many rows: each created if new, else its count moved by its own delta and its dates
    widened to its own span. A row at zero (all its meetings taken away) starts afresh from the span; SQL reads
    the old row's ``n`` in every assignment. Written as SQL because the ORM's upsert can only set, not add.
    """
    ops = connection.ops
    table = ops.quote_name(BodyAttendee._meta.db_table)
    least, greatest = ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(changes))
    sql = (
        f'INSERT INTO {table} (body_id, government_id, person_id, n, "first", "last") VALUES {values} '
        f"ON CONFLICT (body_id, government_id, person_id) DO UPDATE SET n = {table}.n + excluded.n, "
        f'"first" = CASE WHEN {table}.n <= 0 THEN excluded."first" ELSE {least}({table}."first", excluded."first") END, '
        f'"last" = CASE WHEN {table}.n <= 0 THEN excluded."last" ELSE {greatest}({table}."last", excluded."last") END'
    )
    params = [
        value
        for (body, government, person), d, low, high in changes
        for value in (
            body,
            government,
            person,
            d,
            ops.adapt_datefield_value(low),
            ops.adapt_datefield_value(high),
        )
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _reread_edges(gone: dict[Triple, set[dt.date]]) -> None:
    """Read first and latest dates again for the rows that lost the meeting they began or ended with."""
    candidates = BodyAttendee.objects.filter(
        n__gt=0,
        body_id__in={b for b, _, _ in gone},
        government_id__in={g for _, g, _ in gone},
        person_id__in={p for _, _, p in gone},
    )
    stale = {
        (b, g, p)
        for b, g, p, first, last in candidates.values_list(
            "body_id", "government_id", "person_id", "first", "last"
        )
        if (b, g, p) in gone and (first in gone[(b, g, p)] or last in gone[(b, g, p)])
    }
    if not stale:
        return
    rows = (
        Attendance.objects.public()
        .filter(
            meeting__body_id__in={b for b, _, _ in stale},
            government_id__in={g for _, g, _ in stale},
            person_id__in={p for _, _, p in stale},
        )
        .order_by()
        .values_list("meeting__body_id", "government_id", "person_id")
        .annotate(first=Min("meeting__date"), last=Max("meeting__date"))
    )
    for body, government, person, first, last in rows:
        if (body, government, person) in stale:
            BodyAttendee.objects.filter(body_id=body, government_id=government, person_id=person).update(
                first=first, last=last
            )


class Recount:
    """A recount from scratch (``tallies.rebuild``): add every published meeting's attendance, then ``save``."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.spans: dict[tuple[int, int, int], tuple[dt.date, dt.date]] = {}

    def add(self, rows: Iterable[Row]) -> None:
        for body, government, person, day in rows:
            triple = (body, government, person)
            self.counts[triple] += 1
            _widen(self.spans, triple, day)

    def save(self) -> None:
        """Replace every attendee row by this recount."""
        BodyAttendee.objects.all().delete()
        BodyAttendee.objects.bulk_create(
            [
                BodyAttendee(
                    body_id=triple[0],
                    government_id=triple[1],
                    person_id=triple[2],
                    n=n,
                    first=self.spans[triple][0],
                    last=self.spans[triple][1],
                )
                for triple, n in self.counts.items()
            ],
            batch_size=1000,
        )


def top(body_id: int, size: int) -> dict[int, tuple[list[dict], int]]:
    """Per government id: the ``size`` people who came most often (how often, first and latest date), and how
    many others came. The database ranks them, so only the rows shown are read."""
    ranked = (
        BodyAttendee.objects.filter(body_id=body_id, n__gt=0)
        .order_by()
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("government_id")], order_by=[F("n").desc(), F("person_id").asc()]
            ),
            people=Window(Count("pk"), partition_by=[F("government_id")]),
        )
        .filter(rank__lte=size)
        .values_list("government_id", "person_id", "n", "first", "last", "rank", "people")
    )
    out: dict[int, tuple[list[dict], int]] = {}
    for government, person, n, first, last, _rank, people in sorted(ranked, key=lambda r: (r[0], r[5])):
        shown, _ = out.setdefault(government, ([], 0))
        shown.append({"government": government, "person": person, "count": n, "first": first, "last": last})
        out[government] = (shown, people - len(shown))
    return out
