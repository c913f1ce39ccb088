"""Running tallies of published meetings, kept in step with the register so public counts never scan it.

Every facet count on the meetings list, the people and bodies indexes and the notice figures are sums over a
few thousand cells (``igr.public.models``: one table per kind of cell, its characteristics as columns) instead
of counts over hundreds of thousands of meetings and attendances. Each meeting's last-counted characteristics
are kept in ``MeetingFacts``; when the register's events say a meeting may have changed
(``igr.public.listeners``, per save or once per batch), ``refresh`` subtracts the old facts and adds the new
ones. ``rebuild`` recounts from scratch (after bulk loads, with ``igr rebuild_search``). Increments are
``n = n + d`` in the database (an insert that adds to the cell when it exists), so concurrent writers do not
lose each other's counts; cells that fall to zero are kept (a read ignores them) rather than racing a delete.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, DateField, F, Func, IntegerField, Sum, TextField, Value
from django.db.models.functions import Cast

from igr.register.models import Attendance, Government, Meeting
from igr.reporting.summary import statements_owed

from . import attendees, cells
from .models import (
    Cell,
    LagTally,
    MeetingFacts,
    MeetingTally,
    NoticeTally,
    OwedTally,
    PersonTally,
    WaivedTally,
)

NOTICE_BUCKETS_HOURS = [(0, 24), (24, 72), (72, 168), (168, None)]
SHORT_NOTICE_HOURS = 72
CELLS: tuple[type[Cell], ...] = (MeetingTally, PersonTally, NoticeTally, LagTally, OwedTally, WaivedTally)
Key = tuple[type[Cell], tuple]  # a kind of cell and its characteristics, in the order of its DIMENSIONS


def notice_hours_of(date: dt.date, starts_at: dt.datetime | None, received: dt.datetime) -> float:
    """Hours between the invitation arriving and the meeting's start (09:00 local time when no time is known)."""
    start = starts_at or dt.datetime.combine(date, dt.time(9, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))
    return (start - received).total_seconds() / 3600


def notice_bucket(hours: float) -> str:
    for index, (low, high) in enumerate(NOTICE_BUCKETS_HOURS):
        if hours >= low and (high is None or hours < high):
            return str(index)
    return "-"  # the invitation is recorded as arriving after the start: counted, but in no bucket


Statement = tuple[dt.date, dt.date | None, bool]  # a written statement owed: due, met on, waived


@dataclass(frozen=True)
class Facts:
    body_id: int
    date: dt.date
    status: str
    mode: str
    governments: tuple[int, ...]
    people: tuple[int, ...]
    notice_hours: float | None
    statements: tuple[Statement, ...] = ()
    ministers: tuple[int, ...] = ()
    attendees: tuple[tuple[int, int], ...] = ()  # (government, person)

    def attendee_rows(self) -> set[attendees.Row]:
        return {(self.body_id, government, person, self.date) for government, person in self.attendees}

    def cells(self) -> list[Key]:
        keys: list[Key] = [
            (MeetingTally, (self.body_id, self.date.year, self.status, self.mode, self.governments))
        ]
        keys += [(PersonTally, (person, self.status, self.mode, self.governments)) for person in self.people]
        if self.notice_hours is not None:
            keys.append((NoticeTally, (notice_bucket(self.notice_hours),)))
        # Per year, per body and per minister separately: a cross of all three would be far larger to sum.
        owners = [("year", self.date.year), ("body", self.body_id)] + [
            ("minister", minister) for minister in self.ministers
        ]
        for due, met, waived in self.statements:
            for per, owner in owners:
                if waived:
                    keys.append((WaivedTally, (per, owner)))
                elif met:
                    keys.append((LagTally, (per, owner, (met - self.date).days, met <= due)))
                else:
                    keys.append((OwedTally, (per, owner, due)))
        return keys

    @classmethod
    def from_row(cls, row: MeetingFacts) -> Facts:
        statements = tuple(
            (dt.date.fromisoformat(due), dt.date.fromisoformat(met) if met else None, waived)
            for due, met, waived in row.statements
        )
        return cls(
            row.body_id,
            row.date,
            row.status,
            row.mode,
            tuple(row.governments),
            tuple(row.people),
            row.notice_hours,
            statements,
            tuple(row.ministers),
            tuple((g, p) for g, p in row.attendees),
        )

    def to_row(self, meeting_id: int) -> MeetingFacts:
        return MeetingFacts(
            meeting_id=meeting_id,
            body_id=self.body_id,
            date=self.date,
            status=self.status,
            mode=self.mode,
            governments=list(self.governments),
            people=list(self.people),
            notice_hours=self.notice_hours,
            ministers=list(self.ministers),
            attendees=[list(pair) for pair in self.attendees],
            statements=[
                [due.isoformat(), met.isoformat() if met else None, waived]
                for due, met, waived in self.statements
            ],
        )


def _statements(ids: list[int]) -> dict[int, tuple[Statement, ...]]:
    """The written statements each meeting owes, as the reporting engine's obligations say."""
    return statements_owed(ids)


def current_facts(meeting_ids: Iterable[int]) -> dict[int, Facts]:
    """The facts of those meetings that are published now, in three queries."""
    ids = list(meeting_ids)
    governments: dict[int, set[int]] = defaultdict(set)
    people: dict[int, set[int]] = defaultdict(set)
    ministers: dict[int, set[int]] = defaultdict(set)
    pairs: dict[int, set[tuple[int, int]]] = defaultdict(set)
    wales = Government.objects.filter(key="wales").values_list("pk", flat=True).first()
    rows = Attendance.objects.public().filter(meeting_id__in=ids).order_by()
    for meeting_id, government_id, person_id, capacity in rows.values_list(
        "meeting_id", "government_id", "person_id", "capacity"
    ):
        if government_id:
            governments[meeting_id].add(government_id)
        if person_id:
            people[meeting_id].add(person_id)
            if government_id:
                pairs[meeting_id].add((government_id, person_id))
            if government_id == wales and capacity == Attendance.Capacity.MINISTER:
                ministers[meeting_id].add(person_id)
    statements = _statements(ids)
    meetings = (
        Meeting.objects.public()
        .filter(pk__in=ids)
        .order_by()
        .values_list("pk", "body_id", "date", "status", "mode", "starts_at", "notice_received_at")
    )
    return {
        pk: Facts(
            body_id,
            date,
            status,
            mode,
            tuple(sorted(governments[pk])),
            tuple(sorted(people[pk])),
            notice_hours_of(date, starts, received) if received else None,
            statements.get(pk, ()),
            tuple(sorted(ministers[pk])),
            tuple(sorted(pairs[pk])),
        )
        for pk, body_id, date, status, mode, starts, received in meetings
    }


@transaction.atomic
def refresh(meeting_ids: Iterable[int]) -> int:
    """Bring the tallies up to date for these meetings (changed, published, withdrawn or deleted); returns how many changed."""
    ids = sorted({i for i in meeting_ids if i is not None})
    if not ids:
        return 0
    if (
        connection.features.has_select_for_update
    ):  # one refresher per meeting (SQLite locks the whole database)
        list(Meeting.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
    old = {row.meeting_id: Facts.from_row(row) for row in MeetingFacts.objects.filter(meeting_id__in=ids)}
    new = current_facts(ids)
    delta: Counter = Counter()
    added: list[attendees.Row] = []
    removed: list[attendees.Row] = []
    changed = [pk for pk in ids if old.get(pk) != new.get(pk)]
    for pk in changed:
        for cell in old[pk].cells() if pk in old else []:
            delta[cell] -= 1
        for cell in new[pk].cells() if pk in new else []:
            delta[cell] += 1
        before = old[pk].attendee_rows() if pk in old else set()
        after = new[pk].attendee_rows() if pk in new else set()
        removed += before - after
        added += after - before
    if changed:
        MeetingFacts.objects.filter(meeting_id__in=changed).delete()
        MeetingFacts.objects.bulk_create([new[pk].to_row(pk) for pk in changed if pk in new], batch_size=500)
        cells.add(delta.items())
        attendees.apply(added, removed)
    return len(changed)


@transaction.atomic
def rebuild(batch: int = 2000) -> int:
    """Recount every tally from the register (after bulk loads that announced nothing); returns the meetings counted."""
    MeetingFacts.objects.all().delete()
    for kind in CELLS:
        kind.objects.all().delete()
    ids = list(Meeting.objects.public().order_by("pk").values_list("pk", flat=True))
    totals: Counter = Counter()
    attendance = attendees.Recount()
    for start in range(0, len(ids), batch):
        facts = current_facts(ids[start : start + batch])
        MeetingFacts.objects.bulk_create([f.to_row(pk) for pk, f in facts.items()], batch_size=1000)
        for f in facts.values():
            totals.update(f.cells())
            attendance.add(f.attendee_rows())
    cells.write(totals.items())
    attendance.save()
    return len(ids)


def meeting_cells() -> list[tuple[int, int, str, str, frozenset[int], int]]:
    """Every non-empty meeting cell as (body id, year, status, mode, ids of the governments attending, count)."""
    rows = MeetingTally.objects.filter(n__gt=0).values_list(
        "body_id", "year", "status", "mode", _AS_TEXT, "n"
    )
    sets = _Sets()
    return [
        (body, year, status, mode, sets[governments], n) for body, year, status, mode, governments, n in rows
    ]


_AS_TEXT = Cast("governments", TextField())  # read as text: a few sets recur in thousands of cells


class _Sets(dict):
    """The sets of government ids the cells' JSON lists stand for, each list decoded once."""

    def __missing__(self, text: str) -> frozenset[int]:
        self[text] = frozenset(json.loads(text))
        return self[text]


def person_meeting_cells(person_key: str) -> list[tuple[int, int, str, str, frozenset[int], int]]:
    """One meeting cell per published meeting the person attended, from the meetings' counted facts."""
    meetings = Attendance.objects.filter(person__key=person_key).values("meeting_id")
    rows = MeetingFacts.objects.filter(meeting_id__in=meetings).values_list(
        "body_id", "date", "status", "mode", "governments"
    )
    return [
        (body, date.year, status, mode, frozenset(governments), 1)
        for body, date, status, mode, governments in rows
    ]


def people_totals(
    status: str = "", mode: str = "", government: int | None = None, limit: int | None = None
) -> list[tuple[int, int]]:
    """(person id, published meetings attended), most first, among meetings of this status, mode and government.

    The database sums each person's cells; with a government, only those of meetings at which it was present.
    """
    rows = PersonTally.objects.filter(
        n__gt=0, **{name: value for name, value in (("status", status), ("mode", mode)) if value}
    )
    if government is not None:
        rows = rows.filter(Includes("governments", government))
    totals = rows.order_by().values_list("person_id").annotate(total=Sum("n")).order_by("-total", "person_id")
    return [tuple(row) for row in (totals[:limit] if limit else totals)]


class Includes(Func):
    """Whether a JSON list of ids includes this id (SQLite: ``json_each``; PostgreSQL: ``jsonb`` containment)."""

    output_field = BooleanField()

    def __init__(self, column: str, value: int) -> None:
        super().__init__(F(column), Value(int(value)))

    def as_sqlite(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = %s)", [
            *params,
            self.source_expressions[1].value,
        ]

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"{column} @> jsonb_build_array(%s::bigint)", [*params, self.source_expressions[1].value]


def notice_counts() -> dict[str, int]:
    """Published meetings with a recorded invitation, per notice bucket ("0"…"3", or "-" when after the start)."""
    return dict(NoticeTally.objects.filter(n__gt=0).values_list("bucket", "n"))


class StatementCount(NamedTuple):
    """How many written statements owed per year, body or minister (``per``, ``owner``) share an outcome.

    ``outcome`` is "lag" (made: ``days`` after the meeting, ``on_time`` or not), "owed" (not yet made: due on
    ``due``) or "waived".
    """

    outcome: str
    per: str
    owner: int
    days: int | None
    on_time: bool | None
    due: dt.date | None
    n: int


def statement_counts() -> list[StatementCount]:
    """Every non-empty count of written statements owed, in one query over the three kinds of cell."""
    empty = {
        "days": Value(None, IntegerField()),
        "on_time": Value(None, BooleanField()),
        "due": Value(None, DateField()),
    }

    def counted(kind: type[Cell], outcome: str):
        # Every column an expression under its own name, in one order, so that the three parts line up.
        columns = {"outcome": Value(outcome), "per": F("per"), "owner": F("owner")}
        columns |= {name: F(name) if name in kind.DIMENSIONS else empty[name] for name in empty} | {
            "count": F("n")
        }
        aliases = {f"c_{name}": expression for name, expression in columns.items()}
        return kind.objects.filter(n__gt=0).order_by().annotate(**aliases).values_list(*aliases)

    rows = counted(LagTally, "lag").union(
        counted(OwedTally, "owed"), counted(WaivedTally, "waived"), all=True
    )
    return [StatementCount(*row) for row in rows]


def owed_dates() -> list[dt.date]:
    """The due dates of written statements not yet made (per year: each statement once)."""
    return list(OwedTally.objects.filter(per="year", n__gt=0).values_list("due", flat=True))


def short_notice_ids(limit: int = 20) -> list[int]:
    """The most recent published meetings called at less than three days' notice."""
    return list(
        MeetingFacts.objects.filter(notice_hours__lt=SHORT_NOTICE_HOURS)
        .order_by("-date", "-meeting_id")
        .values_list("meeting_id", flat=True)[:limit]
    )
