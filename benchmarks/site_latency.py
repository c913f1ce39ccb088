"""Public site latency on a synthetic register: prints p50/p95 per page type and for search (not a test).

    .venv/bin/python benchmarks/site_latency.py [--meetings 100000] [--samples 40]
    DATABASE_URL=postgres://user@host:port/db .venv/bin/python benchmarks/site_latency.py

On SQLite the register is built in a temporary file (or ``--sqlite PATH``, kept and reused). With DATABASE_URL
pointing at PostgreSQL, a scratch database ``igr_site_latency`` is created on that server (the role needs
CREATEDB) and dropped afterwards, unless ``--keep`` is given (then it is kept, and reused when it exists).
The register: ``--meetings`` meetings across every body since 1998, six attendances, two topics and a
bilingual written statement (two language versions with text) per meeting, one person per 50 meetings (each
government's ministers drawn from its own pool of 40, officials from the rest), and
the written-statement obligation of every held meeting (so the reporting figures have 100,000 rows to sum).
Requests go through Django's test client (no network), after a warm-up, in English and Welsh alternately.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINISTERS_PER_GOVERNMENT = 40
WORDS_EN = [
    "the",
    "group",
    "discussed",
    "migration",
    "trade",
    "energy",
    "housing",
    "finance",
    "common",
    "frameworks",
    "subsidy",
    "control",
    "elections",
    "registration",
    "security",
    "health",
    "education",
    "transport",
    "agriculture",
    "fisheries",
]
WORDS_CY = [
    "trafododd",
    "y",
    "grŵp",
    "fudo",
    "masnach",
    "ynni",
    "tai",
    "cyllid",
    "fframweithiau",
    "cyffredin",
    "rheoli",
    "cymorthdaliadau",
    "etholiadau",
    "cofrestru",
    "diogelwch",
    "iechyd",
    "addysg",
    "trafnidiaeth",
    "amaeth",
    "pysgodfeydd",
    "yng",
    "Nghymru",
]


def configure(args: argparse.Namespace, database: str = "igr_site_latency") -> str:
    """Point Django at the scratch register (``database`` on PostgreSQL) and migrate it; return the engine."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        admin = psycopg.connect(url, autocommit=True)
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not (args.keep and exists):
            admin.execute(f'DROP DATABASE IF EXISTS "{database}"')
            admin.execute(f'CREATE DATABASE "{database}"')
        admin.close()
        os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + database
        engine = "postgresql"
    else:
        path = (
            Path(args.sqlite)
            if args.sqlite
            else Path(tempfile.mkdtemp(prefix="igr-bench-")) / "bench.sqlite3"
        )
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        engine = "sqlite"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igr.test_settings")  # production settings, in-process
    os.environ["IGR_LOG_LEVEL"] = "ERROR"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return engine


def build(meetings: int, seed: int = 7) -> dict[str, list]:
    """Bulk-create the synthetic register (announcing nothing, as a bulk load would) and rebuild the search index."""
    import datetime as dt

    from django.db import transaction

    from igr.public.search.indexer import rebuild
    from igr.register.models import (
        AgendaItem,
        Attendance,
        Body,
        Document,
        DocumentVersion,
        Government,
        Meeting,
        Person,
        meeting_reference,
    )
    from igr.register.services.reference import load_reference

    rng = random.Random(seed)
    load_reference()
    bodies, governments = (
        list(Body.objects.all()),
        list(Government.objects.filter(key__in=["uk", "wales", "scotland", "northern-ireland"])),
    )
    start, span = dt.date(1998, 1, 1), (dt.date(2026, 12, 31) - dt.date(1998, 1, 1)).days
    used: set[tuple[int, dt.date]] = set()
    rows = []
    while len(rows) < meetings:
        body, day = rng.choice(bodies), start + dt.timedelta(days=rng.randrange(span))
        if (body.pk, day) in used:
            continue
        used.add((body.pk, day))
        rows.append(
            Meeting(
                body=body,
                date=day,
                reference=meeting_reference(body.key, day),
                published=rng.random() > 0.02,
                status="held" if day < dt.date(2026, 11, 1) else "confirmed",
                mode=rng.choice(["virtual", "in_person", "hybrid"]),
                ordinal=rng.randrange(1, 40),
                location_en="London",
                location_cy="Llundain",
                notice_received_at=dt.datetime.combine(
                    day - dt.timedelta(days=rng.randrange(0, 20)), dt.time(12), tzinfo=dt.UTC
                ),
            )
        )
    t0 = time.perf_counter()
    with transaction.atomic():
        people = Person.objects.bulk_create(
            [
                Person(key=f"person-{i}", name=f"Gweinidog Person{i} Minister", sort_name=f"Person{i}")
                for i in range(max(50, meetings // 50))
            ]
        )
        Meeting.objects.bulk_create(rows, batch_size=2000)
        ids = list(Meeting.objects.order_by("pk").values_list("pk", "date"))
        # Each government's minister comes from its own pool of ministers over the years (the Welsh Government
        # has had a few dozen since 1999); the two officials from everyone else.
        pool = max(1, min(MINISTERS_PER_GOVERNMENT, len(people) // 8))
        ministers, officials = [people[g * pool : (g + 1) * pool] for g in range(4)], people[4 * pool :]

        def attendee(j: int) -> Person:
            return rng.choice(ministers[j]) if j < 4 else rng.choice(officials)

        Attendance.objects.bulk_create(
            (
                Attendance(
                    meeting_id=pk,
                    person=attendee(j),
                    government=governments[j % 4],
                    capacity="minister" if j < 4 else "official",
                    sort_order=j,
                )
                for pk, _ in ids
                for j in range(6)
            ),
            batch_size=5000,
            ignore_conflicts=True,
        )
        AgendaItem.objects.bulk_create(
            (
                AgendaItem(
                    meeting_id=pk,
                    sort_order=j,
                    title_en=" ".join(rng.sample(WORDS_EN, 4)),
                    title_cy=" ".join(rng.sample(WORDS_CY, 4)),
                    position_en=" ".join(rng.sample(WORDS_EN, 12)),
                    position_cy=" ".join(rng.sample(WORDS_CY, 12)),
                )
                for pk, _ in ids
                for j in range(2)
            ),
            batch_size=5000,
        )
        Document.objects.bulk_create(
            (
                Document(
                    kind="written_statement",
                    date=day + dt.timedelta(days=rng.randrange(3, 90)),
                    title_en="Written Statement",
                    title_cy="Datganiad Ysgrifenedig",
                )
                for _, day in ids
            ),
            batch_size=5000,
        )
        doc_ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
        Document.meetings.through.objects.bulk_create(
            (
                Document.meetings.through(document_id=d, meeting_id=m)
                for d, (m, _) in zip(doc_ids, ids, strict=True)
            ),
            batch_size=5000,
        )
        DocumentVersion.objects.bulk_create(
            (
                DocumentVersion(
                    document_id=d,
                    language=lang,
                    content_hash=f"{lang}{d:062d}",
                    text=" ".join(rng.choices(WORDS_EN if lang == "en" else WORDS_CY, k=120)),
                )
                for d in doc_ids
                for lang in ("en", "cy")
            ),
            batch_size=5000,
        )
        add_statement_obligations()
    t1 = time.perf_counter()
    counts = rebuild()
    print(
        f"built {meetings} meetings in {t1 - t0:.0f} s; search index {sum(counts.values())} rows in {time.perf_counter() - t1:.0f} s",
        flush=True,
    )
    published = list(Meeting.objects.filter(published=True).values_list("reference", flat=True))
    return {"meetings": published, "bodies": [b.key for b in bodies], "people": [p.key for p in people]}


def register_data() -> dict[str, list]:
    """The addresses' ingredients of a register built earlier by ``build``."""
    from igr.register.models import Body, Meeting, Person

    return {
        "meetings": list(Meeting.objects.filter(published=True).values_list("reference", flat=True)),
        "bodies": list(Body.objects.values_list("key", flat=True)),
        "people": list(Person.objects.filter(key__startswith="person-").values_list("key", flat=True)),
    }


def add_statement_obligations() -> int:
    """A written statement owed for every held meeting, met by its statement, as the reporting app would record."""
    import datetime as dt

    from django.db.models import Min

    from igr.register.models import Meeting
    from igr.reporting.models import Obligation

    rows = (
        Meeting.objects.filter(status="held")
        .annotate(statement=Min("documents__date"))
        .values_list("pk", "body_id", "date", "statement")
    )
    Obligation.objects.bulk_create(
        (
            Obligation(
                profile_key="iira-2021",
                rule_key="W21-POST-STATEMENT",
                trigger="meeting_held",
                deliverable="written_statement",
                meeting_id=pk,
                body_id=body,
                trigger_date=day,
                anchor_date=day,
                deadline_kind="after",
                deadline_days=15,
                deadline_calendar="senedd_working_days",
                due_date=day + dt.timedelta(days=21),
                met_on=statement,
            )
            for pk, body, day, statement in rows
        ),
        batch_size=2000,
    )
    return len(rows)


def page_types(data: dict[str, list], rng: random.Random) -> dict[str, callable]:
    years = [str(y) for y in range(1998, 2027)]
    return {
        "home": lambda: "",
        "meetings list": lambda: "meetings/",
        "meetings, filtered": lambda: rng.choice(
            [
                f"meetings/?body={rng.choice(data['bodies'])}",
                f"meetings/?year={rng.choice(years)}",
                "meetings/?government=wales&mode=virtual",
                f"meetings/?person={rng.choice(data['people'])}",
                f"meetings/?status=held&sort=oldest&page={rng.randrange(1, 200)}",
            ]
        ),
        "meetings CSV (one body-year)": lambda: (
            f"meetings/?body={rng.choice(data['bodies'])}&year={rng.choice(years)}&format=csv"
        ),
        "meeting": lambda: f"meetings/{rng.choice(data['meetings'])}/",
        "bodies": lambda: "bodies/",
        "body": lambda: f"bodies/{rng.choice(data['bodies'])}/",
        "people": lambda: f"people/?page={rng.randrange(1, 20)}",
        "person": lambda: f"people/{rng.choice(data['people'])}/",
        "agreements": lambda: "agreements/",
        "reporting": lambda: "timeliness/",
        "search": lambda: (
            "search/?q="
            + rng.choice(
                [
                    "grwp",
                    "Gymru",
                    "migration",
                    "ynni tai",
                    "trafnidiaeth",
                    "common frameworks",
                    "Nghymru fudo",
                    "person123",
                    "imsc",
                ]
            )
        ),
    }


def measure(samples: int, data: dict[str, list]) -> list[tuple[str, list[float], list[float]]]:
    """Per page type: ``samples`` cold requests, each followed by three warm ones for the same address.

    "Cold" is the first request for an address since the register last changed: cached aggregates (facet
    counts, per-body figures, reporting statistics) are computed then. "Warm" is every later request. A page
    type with fewer distinct addresses than ``samples`` (home, the meetings list, reporting) goes round again
    after another change, so that every page type's percentiles stand on as many requests. The first two columns
    of the table are over all of a page type's requests, one in four of them cold.
    """
    from django.test import Client

    from igr.public.cache import bump

    rng = random.Random(11)
    client = Client()
    from igr.public.apps import preload

    preload()  # as the web server's entry point does
    for language in (
        "en",
        "cy",
    ):  # warm-up: the process's first request loads templates, catalogues, URL maps
        client.get(f"/{language}/agreements/")
    out = []
    for name, make in page_types(data, rng).items():
        urls = list(dict.fromkeys(f"/{'cy' if i % 2 else 'en'}/{make()}" for i in range(samples)))
        cold, warm = [], []
        while len(cold) < samples:
            bump()  # the register changed: nothing cached
            for url in urls[: samples - len(cold)]:
                for round_ in range(4):
                    t0 = time.perf_counter()
                    response = client.get(url)
                    if response.streaming:
                        b"".join(response.streaming_content)
                    (cold if round_ == 0 else warm).append((time.perf_counter() - t0) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
        out.append((name, sorted(cold), sorted(warm)))
        print(
            f"  {name}: warm p95 {pct(sorted(warm), 0.95):.1f} ms, cold p95 {pct(sorted(cold), 0.95):.1f} ms",
            flush=True,
        )
    return out


def pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, max(0, round(q * len(values)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--sqlite", help="keep the SQLite register in this file and reuse it when it exists")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="PostgreSQL: keep the scratch database, and reuse it when it exists",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    engine = configure(args)
    from igr.register.models import Meeting

    if (args.sqlite or args.keep) and Meeting.objects.exists():
        data = register_data()
        args.meetings = Meeting.objects.count()
    else:
        data = build(args.meetings)
    results = measure(args.samples, data)
    print(
        f"\n{engine}: {args.meetings} meetings; per page type {args.samples} cold requests, each followed by 3 warm (ms)"
    )
    print(
        f"{'page type':30} {'p50':>7} {'p95':>7} {'warm p50':>9} {'warm p95':>9} {'cold p50':>9} {'cold p95':>9} {'cold max':>9}"
    )
    for name, cold, warm in results:
        both = sorted(cold + warm)
        print(
            f"{name:30} {statistics.median(both):7.1f} {pct(both, 0.95):7.1f} {statistics.median(warm):9.1f} {pct(warm, 0.95):9.1f} "
            f"{statistics.median(cold):9.1f} {pct(cold, 0.95):9.1f} {cold[-1]:9.1f}"
        )
    every = sorted(v for _, cold, warm in results for v in cold + warm)
    print(f"{'all requests':30} p50 {statistics.median(every):.1f}  p95 {pct(every, 0.95):.1f}")
    if engine == "postgresql" and not args.keep:
        from django.db import connections

        connections.close_all()
        import psycopg

        with psycopg.connect(
            os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres", autocommit=True
        ) as admin:
            admin.execute("DROP DATABASE IF EXISTS igr_site_latency")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
