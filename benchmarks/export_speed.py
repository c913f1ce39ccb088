"""Bulk export and API paging on a synthetic register: prints seconds, peak memory and file sizes (not a test).

    .venv/bin/python benchmarks/export_speed.py [--meetings 20000] [--sqlite PATH]

The register is site_latency.py's (every body since 1998, six attendances, two topics and a bilingual statement
per meeting, a written-statement obligation per held meeting), built in a temporary SQLite file or in
``--sqlite PATH`` (kept and reused). Prints the time and the process's peak resident memory for ``igr export``,
the size of each file, and the time to walk every meeting through the API's keyset pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import site_latency  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=20_000)
    parser.add_argument("--sqlite", help="keep the SQLite register in this file and reuse it when it exists")
    args = parser.parse_args()
    args.keep = False
    sys.path.insert(0, str(ROOT / "src"))
    engine = site_latency.configure(args)
    from igr.register.models import Meeting

    if not (args.sqlite and Meeting.objects.exists()):
        site_latency.build(args.meetings)
    from django.test import Client

    from igr.api.bulk import export

    meetings = Meeting.objects.public().count()
    target = Path(tempfile.mkdtemp(prefix="igr-export-"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    manifest = export(target, dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\n{engine}: {meetings} public meetings")
    print(
        f"igr export: {took:.1f} s; peak resident memory {peak / 1024:.0f} MiB (before the export {before / 1024:.0f} MiB)"
    )
    for entry in manifest["files"]:
        print(f"  {entry['name']:32} {entry.get('rows', ''):>9} rows {entry['bytes'] / 2**20:9.1f} MiB")
    client, pages, url = Client(), 0, "/api/v1/meetings?limit=200"
    started = time.perf_counter()
    while url:
        response = client.get(url)
        pages += 1
        url = response.json()["next"]
    took = time.perf_counter() - started
    print(f"API: every meeting in {pages} pages of 200: {took:.1f} s ({1000 * took / pages:.0f} ms a page)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
