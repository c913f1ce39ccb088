"""Running tallies of published meetings, kept in step with the register so public counts never scan it.

Every facet count on the meetings list, the people and bodies indexes and the notice figures are sums over a
few thousand ``Tally`` cells instead of counts over hundreds of thousands of meetings and attendances. Each
meeting's last-counted characteristics are kept in ``MeetingFacts``; when the search indexer re-indexes a
meeting (``search.indexer.reindex``, driven by the register's signals, per save or once per deferred batch),
``refresh`` subtracts the old facts and adds the new ones. ``rebuild`` recounts from scratch (after bulk loads,
with ``igr rebuild_search``). Increments are ``n = n + d`` in the database, so concurrent writers do not lose
each other's counts; cells that fall to zero are kept (a read ignores them) rather than racing a delete.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, IntegerField, Q, Sum, Value
from django.db.models.functions import Cast, StrIndex, Substr

from igr.register.models import Attendance, Government, Meeting

from . import attendees
from .models import MeetingFacts, Tally

NOTICE_BUCKETS_HOURS = [(0, 24), (24, 72), (72, 168), (168, None)]
SHORT_NOTICE_HOURS = 72


def _governments_key(governments: tuple[int, ...]) -> str:
    return ".".join(str(g) for g in governments)


def _governments_of(key: str) -> frozenset[int]:
    return frozenset(int(g) for g in key.split(".") if g)


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

    def cells(self) -> list[tuple[str, str]]:
        common = f"{self.status}|{self.mode}|{_governments_key(self.governments)}"
        keys = [("meeting", f"{self.body_id}|{self.date.year}|{common}")]
        keys += [("person", f"{person}|{common}") for person in self.people]
        keys += [("person-total", str(person)) for person in self.people]  # the unfiltered case, read directly
        if self.notice_hours is not None:
            keys.append(("notice", notice_bucket(self.notice_hours)))
        for due, met, waived in self.statements:
            if waived:
                kind, detail = "waived", ""
            elif met:
                kind, detail = "lag", f"{(met - self.date).days}|{'on_time' if met <= due else 'late'}"
            else:
                kind, detail = "owed", due.isoformat()
            # Per year, per body and per minister separately: a cross of all three would be far larger to sum.
            keys += [(f"{kind}-year", f"{self.date.year}|{detail}"), (f"{kind}-body", f"{self.body_id}|{detail}")]
            keys += [(f"{kind}-minister", f"{minister}|{detail}") for minister in self.ministers]
        return keys

    @classmethod
    def from_row(cls, row: MeetingFacts) -> Facts:
        statements = tuple((dt.date.fromisoformat(due), dt.date.fromisoformat(met) if met else None, waived)
                           for due, met, waived in row.statements)
        return cls(row.body_id, row.date, row.status, row.mode, tuple(row.governments), tuple(row.people), row.notice_hours,
                   statements, tuple(row.ministers), tuple((g, p) for g, p in row.attendees))

    def to_row(self, meeting_id: int) -> MeetingFacts:
        return MeetingFacts(meeting_id=meeting_id, body_id=self.body_id, date=self.date, status=self.status,
                            mode=self.mode, governments=list(self.governments), people=list(self.people),
                            notice_hours=self.notice_hours, ministers=list(self.ministers),
                            attendees=[list(pair) for pair in self.attendees],
                            statements=[[due.isoformat(), met.isoformat() if met else None, waived]
                                        for due, met, waived in self.statements])


def _statements(ids: list[int]) -> dict[int, tuple[Statement, ...]]:
    """The written statements each meeting owes, from the reporting app's obligations (when it is installed)."""
    from .reporting_bridge import AVAILABLE

    if not AVAILABLE:
        return {}
    from igr.reporting.models import Obligation

    out: dict[int, list[Statement]] = defaultdict(list)
    rows = Obligation.objects.filter(meeting_id__in=ids, deliverable="written_statement").order_by("pk")
    for meeting_id, due, met, waived in rows.values_list("meeting_id", "due_date", "met_on", "waived_on"):
        out[meeting_id].append((due, met, waived is not None))
    return {pk: tuple(sorted(statements, key=lambda s: (s[0], s[1] or dt.date.min, s[2]))) for pk, statements in out.items()}


def current_facts(meeting_ids: Iterable[int]) -> dict[int, Facts]:
    """The facts of those meetings that are published now, in three queries."""
    ids = list(meeting_ids)
    governments: dict[int, set[int]] = defaultdict(set)
    people: dict[int, set[int]] = defaultdict(set)
    ministers: dict[int, set[int]] = defaultdict(set)
    pairs: dict[int, set[tuple[int, int]]] = defaultdict(set)
    wales = Government.objects.filter(key="wales").values_list("pk", flat=True).first()
    rows = Attendance.objects.filter(meeting_id__in=ids, meeting__published=True).order_by()
    for meeting_id, government_id, person_id, capacity in rows.values_list("meeting_id", "government_id", "person_id", "capacity"):
        if government_id:
            governments[meeting_id].add(government_id)
        if person_id:
            people[meeting_id].add(person_id)
            if government_id:
                pairs[meeting_id].add((government_id, person_id))
            if government_id == wales and capacity == Attendance.Capacity.MINISTER:
                ministers[meeting_id].add(person_id)
    statements = _statements(ids)
    meetings = Meeting.objects.filter(pk__in=ids, published=True).order_by().values_list(
        "pk", "body_id", "date", "status", "mode", "starts_at", "notice_received_at")
    return {
        pk: Facts(body_id, date, status, mode, tuple(sorted(governments[pk])), tuple(sorted(people[pk])),
                  notice_hours_of(date, starts, received) if received else None,
                  statements.get(pk, ()), tuple(sorted(ministers[pk])), tuple(sorted(pairs[pk])))
        for pk, body_id, date, status, mode, starts, received in meetings
    }


def _apply(delta: Counter) -> None:
    """Add each cell's change in the database (``n = n + d``); cells seen for the first time are created first."""
    changed = {cell: d for cell, d in delta.items() if d}
    if not changed:
        return
    Tally.objects.bulk_create([Tally(kind=k, key=key, n=0) for k, key in changed], ignore_conflicts=True, batch_size=500)
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for (kind, key), d in changed.items():
        groups[(kind, d)].append(key)
    for (kind, d), keys in groups.items():
        for start in range(0, len(keys), 500):
            Tally.objects.filter(kind=kind, key__in=keys[start:start + 500]).update(n=F("n") + d)


@transaction.atomic
def refresh(meeting_ids: Iterable[int]) -> int:
    """Bring the tallies up to date for these meetings (changed, published, withdrawn or deleted); returns how many changed."""
    ids = sorted({i for i in meeting_ids if i is not None})
    if not ids:
        return 0
    if connection.features.has_select_for_update:  # one refresher per meeting (SQLite locks the whole database)
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
        _apply(delta)
        attendees.apply(added, removed)
    return len(changed)


@transaction.atomic
def rebuild(batch: int = 2000) -> int:
    """Recount every tally from the register (after bulk loads that sent no signals); returns the meetings counted."""
    MeetingFacts.objects.all().delete()
    Tally.objects.all().delete()
    ids = list(Meeting.objects.filter(published=True).order_by("pk").values_list("pk", flat=True))
    totals: Counter = Counter()
    attendance = attendees.Recount()
    for start in range(0, len(ids), batch):
        facts = current_facts(ids[start:start + batch])
        MeetingFacts.objects.bulk_create([f.to_row(pk) for pk, f in facts.items()], batch_size=1000)
        for f in facts.values():
            totals.update(f.cells())
            attendance.add(f.attendee_rows())
    Tally.objects.bulk_create([Tally(kind=k, key=key, n=n) for (k, key), n in totals.items()], batch_size=1000)
    attendance.save()
    return len(ids)


def meeting_cells() -> list[tuple[int, int, str, str, frozenset[int], int]]:
    """Every non-empty meeting cell as (body id, year, status, mode, ids of the governments attending, count)."""
    out = []
    for key, n in Tally.objects.filter(kind="meeting", n__gt=0).values_list("key", "n"):
        body, year, status, mode, governments = key.split("|")
        out.append((int(body), int(year), status, mode, _governments_of(governments), n))
    return out


def person_meeting_cells(person_key: str) -> list[tuple[int, int, str, str, frozenset[int], int]]:
    """One meeting cell per published meeting the person attended, from the meetings' counted facts."""
    meetings = Attendance.objects.filter(person__key=person_key).values("meeting_id")
    rows = MeetingFacts.objects.filter(meeting_id__in=meetings).values_list("body_id", "date", "status", "mode", "governments")
    return [(body, date.year, status, mode, frozenset(governments), 1) for body, date, status, mode, governments in rows]


def people_totals(status: str = "", mode: str = "", government: int | None = None, limit: int | None = None
                  ) -> list[tuple[int, int]]:
    """(person id, published meetings attended), most first, among meetings of this status, mode and government.

    Unfiltered, one "person-total" cell per person is read. Filtered, the database sums the person cells
    ("person|status|mode|governments"): the status and mode are whole segments, and a government id is a whole
    item of the dot-separated last segment, the only one with dots.
    """
    if not (status or mode or government is not None):
        totals = (Tally.objects.filter(kind="person-total", n__gt=0).annotate(person=Cast("key", IntegerField()))
                  .values_list("person", "n").order_by("-n", "person"))
        return list(totals[:limit] if limit else totals)
    rows = Tally.objects.filter(kind="person", n__gt=0)
    if status or mode:
        rows = rows.filter(key__contains=f"|{status}|{mode}|" if status and mode else f"|{status or mode}|")
    if government is not None:
        rows = rows.filter(Q(key__endswith=f"|{government}") | Q(key__contains=f"|{government}.")
                           | Q(key__contains=f".{government}.") | Q(key__endswith=f".{government}"))
    person = Cast(Substr("key", 1, StrIndex("key", Value("|")) - 1), IntegerField())
    totals = (rows.order_by().annotate(person=person).values_list("person").annotate(total=Sum("n"))
              .order_by("-total", "person"))
    return list(totals[:limit] if limit else totals)


def notice_counts() -> dict[str, int]:
    """Published meetings with a recorded invitation, per notice bucket ("0"…"3", or "-" when after the start)."""
    return dict(Tally.objects.filter(kind="notice", n__gt=0).values_list("key", "n"))


def short_notice_ids(limit: int = 20) -> list[int]:
    """The most recent published meetings called at less than three days' notice."""
    return list(MeetingFacts.objects.filter(notice_hours__lt=SHORT_NOTICE_HOURS).order_by("-date", "-meeting_id")
                .values_list("meeting_id", flat=True)[:limit])
