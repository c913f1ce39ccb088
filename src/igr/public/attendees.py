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

from django.db import connection
from django.db.models import Count, F, Max, Min, Window
from django.db.models.functions import RowNumber

from igr.register.models import Attendance

from .models import BodyAttendee

Row = tuple[int, int, int, dt.date]  # body, government, person, meeting date
CHUNK = 500
UPDATE_CHUNK = 80  # rows per UPDATE: about ten parameters each, under SQLite's classic limit of 999


def key_of(body: int, government: int, person: int) -> str:
    return f"{body}|{government}|{person}"


def _widen(spans: dict, key: object, day: dt.date) -> None:
    """Stretch ``key``'s (first, last) span to take in ``day``."""
    low, high = spans.get(key, (day, day))
    spans[key] = (min(low, day), max(high, day))


def apply(added: Iterable[Row], removed: Iterable[Row]) -> None:
    """Count meetings in (``added``) and out (``removed``) of the attendee rows they touch."""
    delta: Counter = Counter()
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    parts: dict[str, tuple[int, int, int]] = {}
    gone: dict[str, set[dt.date]] = defaultdict(set)
    for body, government, person, day in added:
        key = key_of(body, government, person)
        delta[key] += 1
        parts[key] = (body, government, person)
        _widen(spans, key, day)
    for body, government, person, day in removed:
        key = key_of(body, government, person)
        delta[key] -= 1
        parts[key] = (body, government, person)
        gone[key].add(day)
    if spans:
        BodyAttendee.objects.bulk_create(
            [BodyAttendee(key=key, body_id=parts[key][0], government_id=parts[key][1], person_id=parts[key][2], n=0,
                          first=low, last=high) for key, (low, high) in spans.items()],
            ignore_conflicts=True, batch_size=CHUNK)
    keys = [key for key in parts if delta[key] or key in spans]
    for start in range(0, len(keys), UPDATE_CHUNK):
        _update([(key, delta[key], *spans.get(key, (None, None))) for key in keys[start:start + UPDATE_CHUNK]])
    if gone:
        _reread_edges(gone)


def _update(changes: list[tuple[str, int, dt.date | None, dt.date | None]]) -> None:
    """One UPDATE for many rows: each row's count moves by its own delta, its dates widen to its own span.

    A row at zero (all its meetings taken away) starts afresh from the span; SQL reads ``n`` before the update.
    Written as SQL because building the same CASE through the ORM cost ten times the query itself.
    """
    ops = connection.ops
    least, greatest = ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")

    def per_row(values: list[tuple[str, object]], default: str) -> tuple[str, list]:
        if not values:
            return default, []
        whens = " ".join("WHEN %s THEN %s" for _ in values)
        return f'CASE "key" {whens} ELSE {default} END', [param for pair in values for param in pair]

    n, n_params = per_row([(key, d) for key, d, _, _ in changes if d], "0")
    low, low_params = per_row([(key, ops.adapt_datefield_value(low)) for key, _, low, _ in changes if low], '"first"')
    high, high_params = per_row([(key, ops.adapt_datefield_value(high)) for key, _, _, high in changes if high], '"last"')
    keys = [key for key, *_ in changes]
    sql = (f'UPDATE {ops.quote_name(BodyAttendee._meta.db_table)} SET n = n + {n}, '
           f'"first" = CASE WHEN n <= 0 THEN {low} ELSE {least}("first", {low}) END, '
           f'"last" = CASE WHEN n <= 0 THEN {high} ELSE {greatest}("last", {high}) END '
           f'WHERE "key" IN ({", ".join(["%s"] * len(keys))})')
    with connection.cursor() as cursor:
        cursor.execute(sql, [*n_params, *low_params, *low_params, *high_params, *high_params, *keys])


def _reread_edges(gone: dict[str, set[dt.date]]) -> None:
    """Read first and latest dates again for the rows that lost the meeting they began or ended with."""
    stale = [key for key, first, last in BodyAttendee.objects.filter(key__in=list(gone), n__gt=0).values_list("key", "first", "last")
             if first in gone[key] or last in gone[key]]
    if not stale:
        return
    triples = [tuple(int(part) for part in key.split("|")) for key in stale]
    rows = (Attendance.objects.filter(meeting__published=True, meeting__body_id__in={b for b, _, _ in triples},
                                      government_id__in={g for _, g, _ in triples}, person_id__in={p for _, _, p in triples})
            .order_by().values_list("meeting__body_id", "government_id", "person_id")
            .annotate(first=Min("meeting__date"), last=Max("meeting__date")))
    wanted = set(stale)
    for body, government, person, first, last in rows:
        key = key_of(body, government, person)
        if key in wanted:
            BodyAttendee.objects.filter(key=key).update(first=first, last=last)


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
            [BodyAttendee(key=key_of(*triple), body_id=triple[0], government_id=triple[1], person_id=triple[2], n=n,
                          first=self.spans[triple][0], last=self.spans[triple][1]) for triple, n in self.counts.items()],
            batch_size=1000)


def top(body_id: int, size: int) -> dict[int, tuple[list[dict], int]]:
    """Per government id: the ``size`` people who came most often (how often, first and latest date), and how
    many others came. The database ranks them, so only the rows shown are read."""
    ranked = (BodyAttendee.objects.filter(body_id=body_id, n__gt=0).order_by()
              .annotate(rank=Window(RowNumber(), partition_by=[F("government_id")], order_by=[F("n").desc(), F("person_id").asc()]),
                        people=Window(Count("pk"), partition_by=[F("government_id")]))
              .filter(rank__lte=size).values_list("government_id", "person_id", "n", "first", "last", "rank", "people"))
    out: dict[int, tuple[list[dict], int]] = {}
    for government, person, n, first, last, _rank, people in sorted(ranked, key=lambda r: (r[0], r[5])):
        shown, _ = out.setdefault(government, ([], 0))
        shown.append({"government": government, "person": person, "count": n, "first": first, "last": last})
        out[government] = (shown, people - len(shown))
    return out
