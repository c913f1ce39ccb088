"""Ingest speed: documents per second and database queries per document (prints figures; not a test).

    .venv/bin/python benchmarks/ingest_speed.py [--docs 3000]                    # SQLite, in a temporary directory
    .venv/bin/python benchmarks/ingest_speed.py --no-history                     # without the audit trail, to compare
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/ingest_speed.py      # PostgreSQL (use a throwaway database)

The documents are generated from templates written for this benchmark (a Welsh Government written statement,
a letter to a Senedd committee and a UK Government communiqué) over every forum, four governments' ministers and
dates spread across the years, so most are new meetings and some are further sources for a meeting already in.
Queries per document are printed for the first and the last block of documents: they should not grow with the
size of the register.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
import weakref
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MINISTERS = [
    ("Jane Hutt", "Minister for Social Justice"),
    ("Mick Antoniw", "Counsel General and Minister for the Constitution"),
    ("Jeremy Miles", "Minister for Economy"),
    ("Lesley Griffiths", "Minister for Rural Affairs"),
    ("Rebecca Evans", "Minister for Finance and Local Government"),
    ("Julie James", "Minister for Climate Change"),
]
OTHERS = [
    ("Angus Robertson", "Cabinet Secretary for the Constitution", "Scottish Government"),
    ("Shona Robison", "Deputy First Minister", "Scottish Government"),
    ("Michael Gove", "Chancellor of the Duchy of Lancaster", "UK Government"),
    ("Steve Barclay", "Secretary of State for Environment, Food and Rural Affairs", "UK Government"),
]
STATEMENT = """Llywodraeth Cymru
Welsh Government

STATEMENT BY THE WELSH GOVERNMENT

TITLE **{forum}**

DATE **{published}**

BY **{author} MS, {role}**

In accordance with the Inter-Institutional Relations Agreement, I am giving notification that I attended the {nth} meeting of the {forum}, which took place virtually on {held}.

The meeting was chaired by the {orole}, {oname}, and attended by the {ogov}'s {o2role} {o2name}. The Northern Ireland Executive was represented by senior officials.

I raised the Welsh Government's priorities on {topic}.
"""
LETTER = """{author} AS/MS
{role}

Llywodraeth Cymru
Welsh Government

{published}

Dear Huw,

Inter-Institutional Relations Agreement: {forum}

I am writing, in accordance with the Inter-Institutional Relations Agreement, to report on the {nth} meeting of the {forum}, held on {held}.

The meeting was chaired by the {orole}, {oname}, and attended by the {ogov}'s {o2role} {o2name}.

I raised the Welsh Government's priorities on {topic}.

Yours sincerely,

{author} AS/MS
"""
COMMUNIQUE = """Policy paper
{forum} Communiqué: {held}
Published {published}

The {forum} met for the {nth} time on {held} in {place}. The meeting was chaired by the {orole}, {oname}.

The meeting was attended by {author} MS, {role}, Welsh Government, and {o2name}, {o2role}, {ogov}.

Ministers discussed {topic}.
"""
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def generate(n: int, seed: int = 7) -> list[tuple[str, bytes]]:
    from igr import reference_data

    rng = random.Random(seed)
    forums = [b["name_en"] for b in reference_data.bodies() if b["tier"] != "bilateral"]
    docs = []
    for i in range(n):
        held = dt.date(2012, 1, 2) + dt.timedelta(days=rng.randrange(0, 4700))
        author, role = rng.choice(MINISTERS)
        chair, other = rng.sample(OTHERS, 2)
        template = (STATEMENT, LETTER, COMMUNIQUE)[i % 3]
        text = (
            template.format(
                forum=rng.choice(forums),
                held=f"{held.day} {held:%B %Y}",
                published=f"{(held + dt.timedelta(days=30)).day} {held + dt.timedelta(days=30):%B %Y}",
                author=author,
                role=role,
                nth=rng.choice(ORDINALS),
                orole=chair[1],
                oname=chair[0],
                ogov=other[2],
                o2role=other[1],
                o2name=other[0],
                topic=rng.choice(
                    ["trade", "the cost of living", "farm support", "migration", "energy prices"]
                ),
                place=rng.choice(["London", "Cardiff", "Edinburgh", "Belfast"]),
            )
            + f"\nReference {i}.\n"
        )
        docs.append((f"bench-{i}.txt", text.encode()))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--block", type=int, default=500)
    ap.add_argument(
        "--pipeline-only",
        action="store_true",
        help="time ingest alone: no app follows the register's events (search index, tallies, obligations)",
    )
    ap.add_argument(
        "--no-history", action="store_true", help="keep no audit trail (to measure what keeping it costs)"
    )
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="igr-bench-")
    os.environ.setdefault("IGR_VAR_DIR", tmp)
    os.environ["IGR_MEDIA_ROOT"] = str(Path(tmp) / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igr.test_settings")  # production settings, in-process
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.SIMPLE_HISTORY_ENABLED = not args.no_history
    from django.db import connection

    from igr.ingest.services.pipeline import Pipeline
    from igr.ingest.services.sources import Source
    from igr.register.models import Meeting

    if args.pipeline_only:
        from django.db.models import signals

        def ours(receiver) -> bool:  # (lookup key, weak or strong reference to the function[, is_async])
            func = receiver[1]() if isinstance(receiver[1], weakref.ReferenceType) else receiver[1]
            return getattr(func, "__module__", "").startswith("igr.")

        for signal in (signals.pre_save, signals.post_save, signals.post_delete, signals.m2m_changed):
            signal.receivers = [r for r in signal.receivers if not ours(r)]
            signal.sender_receivers_cache.clear()
        from igr.register import events

        events._listeners.clear()  # what ingest announces itself (bulk inserts) is heard by nobody either
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0, stdout=io.StringIO())
    docs = generate(args.docs)
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    pipeline = Pipeline()
    blocks: list[tuple[int, float, int]] = []
    with connection.execute_wrapper(count):
        for start in range(0, len(docs), args.block):
            block = docs[start : start + args.block]
            q0, t0 = queries[0], time.perf_counter()
            pipeline.ingest_many([Source(name, data) for name, data in block])  # as `igr ingest` does
            blocks.append((len(block), time.perf_counter() - t0, queries[0] - q0))
    report = pipeline.finish().as_dict()
    total_docs = sum(b[0] for b in blocks)
    total_time = sum(b[1] for b in blocks)
    print(
        f"database: {connection.vendor}; {'ingest pipeline alone' if args.pipeline_only else 'with every app listening'}; "
        f"{'no audit trail' if args.no_history else 'audit trail kept'}"
    )
    print(
        f"documents: {total_docs} ({report['documents']}); meetings in the register: {Meeting.objects.count()}"
    )
    print(f"speed: {total_docs / total_time:.1f} documents/second")
    print(
        f"queries/document: {queries[0] / total_docs:.1f} overall; first block {blocks[0][2] / blocks[0][0]:.1f}, "
        f"last block {blocks[-1][2] / blocks[-1][0]:.1f}"
    )
    for i, (n, secs, q) in enumerate(blocks):
        print(f"  block {i + 1}: {n / secs:.1f} docs/s, {q / n:.1f} queries/doc")
    from igr.extract import Limits, extract_document, read_bytes

    t0 = time.perf_counter()
    for name, data in docs:
        extract_document(read_bytes(data, name, Limits()), name)
    secs = time.perf_counter() - t0
    print(
        f"of which extraction (igr.extract, measured alone afterwards): {secs / len(docs) * 1000:.1f} ms/document, "
        f"{secs / total_time * 100:.0f}% of the ingest time"
    )


if __name__ == "__main__":
    main()
