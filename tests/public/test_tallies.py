"""The running tallies give exactly what counting the register gives, through every kind of change."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.db.models import CharField, Count, F, Max, Min
from django.db.models.functions import Cast, Substr
from django.http import QueryDict

from igr.public import filters, queries, tallies
from igr.public.filters import MeetingFilter
from igr.public.models import BodyAttendee, MeetingFacts
from igr.register import events
from igr.register.models import Attendance, Body, Government, Meeting, Person

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "mode=hybrid",
    "status=held&government=uk",
    "person=t-3",
    "person=t-5&government=wales",
    "person=nobody",
    "body=imsc",
    "year=2023",
    "government=wales",
    "status=held&mode=virtual",
    "government=scotland&year=2024",
    "body=img-trade&government=uk&mode=in_person",
    "body=no-such-body",
    "government=jersey",
    "status=cancelled",
]


def snapshot() -> tuple[dict, dict, dict]:
    cells = {
        (kind.__name__, tuple(tuple(v) if isinstance(v, list) else v for v in row[:-1])): row[-1]
        for kind in tallies.CELLS
        for row in kind.objects.filter(n__gt=0).values_list(*kind.DIMENSIONS, "n")
    }
    facts = {f.meeting_id: tallies.Facts.from_row(f) for f in MeetingFacts.objects.all()}
    attendees = {
        tuple(row[:3]): row[3:]
        for row in BodyAttendee.objects.filter(n__gt=0).values_list(
            "body_id", "government_id", "person_id", "n", "first", "last"
        )
    }
    return cells, facts, attendees


def ranked_in_register(body: Body, size: int) -> dict[int, tuple[list[dict], int]]:
    """A body's most frequent attendees per government, grouped from its attendances: what the tally must give."""
    rows = (
        Attendance.objects.filter(
            meeting__body=body, meeting__published=True, government__isnull=False, person__isnull=False
        )
        .order_by()
        .values("government", "person")
        .annotate(count=Count("pk"), first=Min("meeting__date"), last=Max("meeting__date"))
    )
    per: dict[int, list[dict]] = {}
    for row in rows:
        per.setdefault(row["government"], []).append(dict(row))
    return {
        g: (sorted(people, key=lambda r: (-r["count"], r["person"]))[:size], max(0, len(people) - size))
        for g, people in per.items()
    }


def count_in_register(f: MeetingFilter) -> dict:
    """The meeting count and facets counted over the register itself: what the tallies must agree with."""
    base = Meeting.objects.filter(published=True)
    year = Substr(Cast("date", CharField()), 1, 4)  # native on both databases, unlike EXTRACT on SQLite

    def grouped(skip: str, field: Any) -> list[tuple[Any, int]]:
        rows = f.apply(base, skip=skip).order_by().annotate(v=field).values_list("v").annotate(n=Count("pk"))
        return [tuple(r) for r in rows]

    return {
        "count": f.apply(base).count(),
        "body": grouped("body", F("body_id")),
        "year": sorted(((int(y), n) for y, n in grouped("year", year)), reverse=True),
        "status": grouped("status", F("status")),
        "mode": grouped("mode", F("mode")),
        "government": [
            tuple(r)
            for r in Attendance.objects.order_by()
            .filter(meeting__in=filters._ids(f.apply(base, skip="government")), government__isnull=False)
            .values_list("government")
            .annotate(n=Count("meeting", distinct=True))
        ],
    }


def sql_person_facet(f: MeetingFilter) -> list[tuple[int, int]]:
    meetings = f.apply(Meeting.objects.filter(published=True), skip="person").values("pk")
    rows = (
        Attendance.objects.filter(meeting__in=meetings, person__isnull=False)
        .values_list("person")
        .annotate(n=Count("meeting", distinct=True))
    )
    return sorted(((p, n) for p, n in rows), key=lambda r: (-r[1], r[0]))[: filters.PERSON_FACET_SIZE]


def assert_tallies_agree_with_register() -> None:
    for query in QUERIES:
        f = MeetingFilter.from_query(QueryDict(query))
        from_tallies, from_register = filters.facet_counts(f), count_in_register(f)
        for facet in ("body", "year", "status", "mode", "government"):
            assert sorted(from_tallies[facet]) == sorted(from_register[facet]), (query, facet)
        assert (
            from_tallies["count"]
            == from_register["count"]
            == f.apply(Meeting.objects.filter(published=True)).count()
        )
        if not (f.body or f.year or f.person):
            assert filters._person_facet(f) == sql_person_facet(f), query
    for body in Body.objects.all():
        for size in (1, 3, 15):
            assert queries.top_attendees(body, size) == ranked_in_register(body, size), (body.key, size)
    incremental = snapshot()
    tallies.rebuild()
    assert snapshot() == incremental, "the tallies kept by following events differ from a recount"


def random_register(rng: random.Random, meetings: int = 40) -> list[Meeting]:
    bodies = list(Body.objects.filter(key__in=["imsc", "img-trade", "img-elections", "bic"]))
    governments = list(
        Government.objects.filter(key__in=["uk", "wales", "scotland", "northern-ireland", "jersey"])
    )
    people = [Person.objects.create(key=f"t-{i}", name=f"Person {i}") for i in range(12)]
    out = []
    for i in range(meetings):
        day = dt.date(2022, 1, 3) + dt.timedelta(days=9 * i + rng.randrange(5))
        meeting = Meeting.objects.create(
            body=rng.choice(bodies),
            date=day,
            status=rng.choice(["held", "held", "cancelled", "planned"]),
            mode=rng.choice(["virtual", "in_person", "hybrid", ""]),
            published=rng.random() > 0.15,
            notice_received_at=dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
            - dt.timedelta(hours=rng.randrange(0, 400)),
        )
        for person in rng.sample(people, rng.randrange(0, 5)):
            Attendance.objects.create(
                meeting=meeting, person=person, government=rng.choice(governments + [None])
            )
        out.append(meeting)
    return out


def mutate(rng: random.Random, meetings: list[Meeting]) -> None:
    bodies = list(Body.objects.filter(key__in=["imsc", "img-trade", "bic"]))
    governments = list(Government.objects.filter(key__in=["uk", "wales", "scotland"]))
    for meeting in rng.sample(meetings, 12):
        change = rng.randrange(6)
        if change == 0:
            meeting.published = not meeting.published
        elif change == 1:
            meeting.status, meeting.mode = (
                rng.choice(["held", "postponed"]),
                rng.choice(["virtual", "hybrid"]),
            )
        elif change == 2:
            meeting.date = meeting.date.replace(year=meeting.date.year + 1)
        elif change == 3:
            meeting.body = rng.choice(bodies)
        elif change == 4:
            attendance = meeting.attendances.first()
            if attendance:
                attendance.government = rng.choice(governments)
                attendance.save()
            continue
        else:
            Attendance.objects.filter(meeting=meeting).delete()
            continue
        meeting.save()
    doomed = meetings.pop(rng.randrange(len(meetings)))
    doomed.delete()


def test_counts_from_tallies_equal_counts_from_the_register_through_changes(reference):
    rng = random.Random(3)
    meetings = random_register(rng)
    assert_tallies_agree_with_register()
    mutate(rng, meetings)
    assert_tallies_agree_with_register()


def test_a_deferred_batch_leaves_the_same_tallies_as_saving_one_by_one(reference):
    rng = random.Random(5)
    with events.batch():
        meetings = random_register(rng, 25)
        mutate(rng, meetings)
    assert_tallies_agree_with_register()


def test_notice_figures_come_from_the_tallies(reference):
    rng = random.Random(8)
    random_register(rng, 30)
    hours = [
        tallies.notice_hours_of(m.date, m.starts_at, m.notice_received_at)
        for m in Meeting.objects.filter(published=True, notice_received_at__isnull=False)
    ]
    counts = tallies.notice_counts()
    for index, (low, high) in enumerate(tallies.NOTICE_BUCKETS_HOURS):
        assert counts.get(str(index), 0) == sum(1 for h in hours if h >= low and (high is None or h < high))
    assert sum(counts.values()) == len(hours)
    short = Meeting.objects.filter(pk__in=tallies.short_notice_ids()).order_by("-date")
    assert all(tallies.notice_hours_of(m.date, m.starts_at, m.notice_received_at) < 72 for m in short)


def test_both_ways_of_asking_for_a_government_give_the_same_meetings(reference, monkeypatch):
    random_register(random.Random(13), 30)
    for query in ("government=wales", "government=jersey&status=held", "government=uk&sort=oldest"):
        f = MeetingFilter.from_query(QueryDict(query))
        monkeypatch.setattr(filters, "FREQUENT_GOVERNMENT", 0)
        walked = list(f.meetings().values_list("pk", flat=True))
        monkeypatch.setattr(filters, "FREQUENT_GOVERNMENT", 10**9)
        looked_up = list(f.meetings().values_list("pk", flat=True))
        assert walked == looked_up and walked, query


@pytest.mark.parametrize(
    "language, others",
    [
        ("en", "5 other people attended for this government."),
        ("cy", "Roedd 5 person arall yn bresennol ar ran y llywodraeth hon."),
    ],
)
def test_a_body_page_lists_the_most_frequent_attendees_and_counts_the_rest(
    client, reference, language, others
):
    body, wales = Body.objects.get(key="imsc"), Government.objects.get(key="wales")
    people = [Person.objects.create(key=f"w-{i:02}", name=f"Gweinidog {i:02}") for i in range(20)]
    for i in range(20):
        meeting = Meeting.objects.create(
            body=body, date=dt.date(2023, 1, 2) + dt.timedelta(days=7 * i), status="held"
        )
        for person in people[: 20 - i]:  # person 0 at every meeting, person 19 at one
            Attendance.objects.create(meeting=meeting, person=person, government=wales)
    html = client.get(f"/{language}/bodies/imsc/").content.decode()
    assert "Gweinidog 00" in html and "Gweinidog 14" in html and "Gweinidog 15" not in html
    assert others in html
    assert "/meetings/?body=imsc&amp;government=wales" in html


def reference_statistics(today: dt.date) -> dict:
    """The reporting page's figures the long way: every obligation read (``reporting_stats``), grouped in Python."""
    from collections import defaultdict
    from statistics import median

    from igr.public import timeliness
    from igr.reporting.summary import reporting_stats

    def summary(rows: list[dict]) -> dict:
        lags = [r["lag_days"] for r in rows if r["lag_days"] is not None]
        decided = [r for r in rows if r["status"] in ("met_on_time", "met_late", "overdue")]
        on_time = sum(1 for r in decided if r["status"] == "met_on_time")
        return {
            "count": len(lags),
            "median": median(lags) if lags else None,
            "longest": max(lags) if lags else None,
            "on_time": on_time,
            "decided": len(decided),
            "on_time_rate": round(100 * on_time / len(decided)) if decided else None,
        }

    rows = reporting_stats(today=today)["rows"]
    ids = dict(Meeting.objects.values_list("reference", "pk"))
    bodies = dict(Meeting.objects.values_list("pk", "body_id"))
    ministers: dict[int, list[int]] = defaultdict(list)
    for meeting_id, person_id in Attendance.objects.filter(
        government__key="wales", capacity="minister", person__isnull=False
    ).values_list("meeting_id", "person_id"):
        ministers[meeting_id].append(person_id)
    groups: dict[str, dict] = {
        "year": defaultdict(list),
        "body": defaultdict(list),
        "minister": defaultdict(list),
    }
    for row in rows:
        pk = ids[row["reference"]]
        groups["year"][row["meeting_date"].year].append(row)
        groups["body"][bodies[pk]].append(row)
        for person in ministers.get(pk, []):
            groups["minister"][person].append(row)
    lags = [r["lag_days"] for r in rows if r["lag_days"] is not None]
    return {
        "overall": summary(rows),
        "distribution": [
            {
                "low": low,
                "high": high,
                "count": sum(1 for d in lags if d >= low and (high is None or d <= high)),
            }
            for low, high in timeliness.LAG_BUCKETS
        ],
        "by_year": sorted((k, summary(v)) for k, v in groups["year"].items()),
        "by_body": {k: summary(v) for k, v in groups["body"].items()},
        "by_minister": {k: summary(v) for k, v in groups["minister"].items()},
    }


def test_reporting_figures_from_tallies_equal_reading_every_obligation(reference):
    from igr.public.timeliness import statistics
    from igr.register.models import Document
    from igr.reporting.models import Obligation

    rng = random.Random(21)
    meetings = random_register(rng, 40)
    wales = Government.objects.get(key="wales")
    for meeting in meetings[::3]:
        Attendance.objects.filter(meeting=meeting, government=wales).update(capacity="minister")
        Meeting.objects.get(pk=meeting.pk).save()  # the update sent no signal; a save does
    for meeting in meetings[::2]:
        statement = Document.objects.create(
            kind="written_statement",
            date=meeting.date + dt.timedelta(days=rng.randrange(1, 60)),
            title_en="Statement",
        )
        statement.meetings.add(meeting)
    waived = Obligation.objects.filter(deliverable="written_statement", met_on__isnull=True).first()
    if waived:
        waived.waived_on, waived.waived_reason_en, waived.waived_reason_cy = (
            dt.date(2024, 1, 1),
            "Cancelled",
            "Canslwyd",
        )
        waived.save()
    assert Obligation.objects.filter(deliverable="written_statement", met_on__isnull=False).exists()
    for today in (dt.date(2023, 6, 1), dt.date(2026, 11, 28)):
        expected, got = reference_statistics(today), statistics(today)
        assert expected["by_minister"] and expected["overall"]["count"] and expected["overall"]["decided"]
        for figure in ("overall", "distribution", "by_year", "by_body", "by_minister"):
            assert got[figure] == expected[figure], figure
    for body in Body.objects.all():
        for size in (1, 3, 15):
            assert queries.top_attendees(body, size) == ranked_in_register(body, size), (body.key, size)
    incremental = snapshot()
    tallies.rebuild()
    assert snapshot() == incremental


def test_every_cell_fits_its_columns():
    """PostgreSQL enforces column lengths that SQLite ignores: the longest characteristics must fit."""
    facts = tallies.Facts(
        body_id=123456,
        date=dt.date(2024, 1, 1),
        status="cancelled",
        mode="in_person",
        governments=tuple(range(100001, 100009)),
        people=(9999999,),
        notice_hours=-5.0,
        statements=(
            (dt.date(2024, 2, 1), None, True),
            (dt.date(2024, 2, 1), None, False),
            (dt.date(2024, 2, 1), dt.date(2024, 3, 1), False),
        ),
        ministers=(9999999,),
    )
    kinds = set()
    for kind, key in facts.cells():
        kinds.add(kind)
        for name, value in zip(kind.DIMENSIONS, key, strict=True):
            limit = kind._meta.get_field(name).max_length
            assert limit is None or len(value) <= limit, (kind, name, value)
    assert kinds == set(tallies.CELLS)


def test_an_attendee_who_left_a_body_and_came_back_is_dated_afresh(reference):
    body, wales = Body.objects.get(key="imsc"), Government.objects.get(key="wales")
    person = Person.objects.create(key="returner", name="Returner")
    early = Meeting.objects.create(body=body, date=dt.date(2020, 3, 2), status="held")
    late = Meeting.objects.create(body=body, date=dt.date(2024, 6, 3), status="held")
    Attendance.objects.create(meeting=early, person=person, government=wales)
    Attendance.objects.filter(meeting=early).delete()  # the row falls to zero but is kept
    Attendance.objects.create(meeting=late, person=person, government=wales)
    shown, others = queries.top_attendees(body)[wales.pk]
    assert others == 0 and [(r["count"], r["first"], r["last"]) for r in shown] == [(1, late.date, late.date)]
    assert queries.top_attendees(body) == ranked_in_register(body, queries.PEOPLE_PER_GOVERNMENT)
