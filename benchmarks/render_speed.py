"""Render speed for IIRA documents: seconds per document (prints figures; not a test). Target: under 0.5 s.

    .venv/bin/python benchmarks/render_speed.py [--rounds 10]                  # SQLite, in a temporary directory
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/render_speed.py    # PostgreSQL (a throwaway database)

The seed meeting's written statement (and its post-meeting letter) are composed from the demonstration record
and rendered as DOCX and PDF, in Welsh and in English. Each figure is the time from the record to the bytes of
one document (composition and rendering, database reads included), after one warm-up render of each kind:
the first WeasyPrint call loads fonts and is reported separately.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
TARGET_SECONDS = 0.5
SEED = "img-safety-security-migration/2023-07-11"


def setup() -> None:
    tmp = tempfile.mkdtemp(prefix="igr-bench-")
    os.environ.setdefault("IGR_VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igr.test_settings")  # production settings, in-process
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("load_reporting_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    setup()
    from igr.register.models import Meeting
    from igr.reporting.compose.meeting import compose
    from igr.reporting.render import render

    meeting = Meeting.objects.get(reference=SEED)
    t0 = time.perf_counter()
    render(compose(meeting, "statement", "cy"), "pdf")
    print(f"first PDF (loads fonts): {time.perf_counter() - t0:.2f} s")
    render(compose(meeting, "statement", "en"), "docx")
    worst = 0.0
    for kind in ("statement", "letter"):
        for fmt in ("docx", "pdf"):
            for language in ("cy", "en"):
                times, size = [], 0
                for _ in range(args.rounds):
                    t0 = time.perf_counter()
                    size = len(render(compose(meeting, kind, language), fmt))
                    times.append(time.perf_counter() - t0)
                median, slowest = statistics.median(times), max(times)
                worst = max(worst, median)
                verdict = "ok" if median < TARGET_SECONDS else "SLOW"
                print(
                    f"{kind:9} {fmt:4} {language}: median {median * 1000:6.0f} ms, slowest {slowest * 1000:6.0f} ms, {size / 1024:5.0f} KiB  {verdict}"
                )
    print(
        f"target: under {TARGET_SECONDS} s per document; worst median {worst:.3f} s: {'met' if worst < TARGET_SECONDS else 'NOT met'}"
    )
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
