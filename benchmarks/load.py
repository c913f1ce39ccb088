"""Load on the public site: locust against `igr serve`, and against Datasette on the open-data export (not a test).

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/load.py [--meetings 100000] [--users 50] [--duration 5m] [--workers 4]
    .venv/bin/python benchmarks/load.py --database-url postgres://postgres@127.0.0.1:5432/postgres

The register is built by ``site_latency.build`` (SQLite in a temporary file, or ``--sqlite PATH`` kept and
reused; on PostgreSQL a scratch database ``igr_load`` that is dropped afterwards, unless ``--keep`` is given:
then it is kept, and reused when it exists). ``igr serve`` then runs it
with production settings (``igr.settings``, a fresh secret key, collected static files) on loopback, plain http
standing in for the front server, and locust's ``--users`` visitors browse the public pages and search for
``--duration``, each page followed by a think time (``--think``), after a few warm-up requests per page type
(not counted). Then ``igr export`` writes the open-data
SQLite file and Datasette serves it (``-i``, as a published read-only file is served; with time limits that let
it finish every facet and count) to the same visitors on
the equivalent pages: a faceted meetings list, a meeting's row, and a search (the export has no full-text index,
so Datasette's search is a ``text__contains`` filter on the documents' texts). Prints requests, errors, p50 and
p95 per page type for each server, and the p95s side by side. Servers and scratch files are removed at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import site_latency

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SCRATCH_DATABASE = "igr_load"
URLS_PER_PAGE_TYPE = 300
TARGET_P95_MS = 100
DATASETTE_TIME_LIMIT_MS = 30_000
SEARCH_TERMS = ["migration", "energy", "frameworks", "trafnidiaeth", "cymorthdaliadau", "Nghymru", "tai"]
# Ours : Datasette's equivalent page.
EQUIVALENT = {"meetings, filtered": "meetings, faceted", "meeting": "meeting (row)", "search": "search"}


def our_urls(data: dict[str, list], rng: random.Random) -> dict[str, list[str]]:
    """Each page type of ``site_latency`` with its addresses, English and Welsh alternately."""
    return {
        name: sorted(
            {quote(f"/{'cy' if i % 2 else 'en'}/{make()}", safe="/?=&") for i in range(URLS_PER_PAGE_TYPE)}
        )
        for name, make in site_latency.page_types(data, rng).items()
    }


def datasette_urls(data: dict[str, list], rng: random.Random) -> dict[str, list[str]]:
    """The pages of the export under Datasette that answer what ours do."""
    from datasette.utils import tilde_encode

    facets = "_facet=body&_facet=status&_facet=mode"
    filters = [
        lambda: f"body={rng.choice(data['bodies'])}",
        lambda: f"date__startswith={rng.randrange(1998, 2027)}",
        lambda: "mode=virtual",
        lambda: "status=held&_sort=date",
    ]
    return {
        "meetings, faceted": sorted(
            {f"/igr-register/meetings?{rng.choice(filters)()}&{facets}" for _ in range(URLS_PER_PAGE_TYPE)}
        ),
        "meeting (row)": sorted(
            {
                f"/igr-register/meetings/{tilde_encode(rng.choice(data['meetings']))}"
                for _ in range(URLS_PER_PAGE_TYPE)
            }
        ),
        "search": [f"/igr-register/document_versions?text__contains={term}" for term in SEARCH_TERMS],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(command: list[str], env: dict[str, str], probe: str, log: Path) -> Iterator[None]:
    """Start a server, wait until ``probe`` answers 200, and stop it (and its workers) on the way out."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{command[0]} stopped at start:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(probe, timeout=10) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{probe} did not answer within 120 s:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def warm_up(host: str, urls: dict[str, list[str]], rounds: int) -> None:
    """A few requests per page type before the clock starts, so that each worker has loaded its templates,
    catalogues and URL maps, as a server that has been up a while has (not counted in the figures)."""
    for addresses in urls.values():
        for path in addresses[:rounds]:
            with urllib.request.urlopen(host + path, timeout=120) as response:
                response.read()


@dataclass
class PageStats:
    name: str
    requests: int
    errors: int
    times: dict[int, int]  # response time (ms, as locust rounds it) -> requests

    def pct(self, q: float) -> int:
        """The smallest time that ``q`` of the requests took at most."""
        seen, wanted = 0, q * sum(self.times.values())
        for ms in sorted(self.times):
            seen += self.times[ms]
            if seen >= wanted:
                return ms
        return 0


def swarm(
    host: str, urls: dict[str, list[str]], args: argparse.Namespace, work: Path, label: str
) -> list[PageStats]:
    """Run locust headless against ``host``; return its figures per page type, then over all requests."""
    (work / f"{label}-urls.json").write_text(json.dumps(urls), encoding="utf-8")
    env = {
        **os.environ,
        "IGR_LOAD_URLS": str(work / f"{label}-urls.json"),
        "IGR_LOAD_THINK": args.think,
    }
    print(f"{label}: {args.users} users for {args.duration} on {host} …", flush=True)
    log = work / f"{label}-locust.log"
    with log.open("wb") as out:
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(HERE / "load_users.py"),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(max(1, args.users // 5)),
                "--run-time",
                args.duration,
                "--host",
                host,
                "--csv",
                str(work / label),
                "--json-file",
                str(work / label),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,  # locust exits 1 when any request failed: the table says how many
        )
    if not (work / f"{label}.json").is_file():
        raise SystemExit(f"locust wrote no figures:\n{log.read_text()[-3000:]}")
    entries = json.loads((work / f"{label}.json").read_text(encoding="utf-8"))
    pages = [
        PageStats(
            e["name"],
            e["num_requests"],
            e["num_failures"],
            {int(float(ms)): n for ms, n in e["response_times"].items()},
        )
        for e in sorted(entries, key=lambda e: e["name"])
    ]
    every: dict[int, int] = {}
    for page in pages:
        for ms, n in page.times.items():
            every[ms] = every.get(ms, 0) + n
    failures = work / f"{label}_failures.csv"
    if failures.is_file():
        for row in list(csv.DictReader(failures.read_text(encoding="utf-8").splitlines()))[:10]:
            print(f"  error: {row['Name']}: {row['Error']} ({row['Occurrences']}×)")
    total = PageStats("all requests", sum(p.requests for p in pages), sum(p.errors for p in pages), every)
    return [*pages, total]


def print_table(title: str, stats: list[PageStats]) -> None:
    print(f"\n{title}")
    print(f"{'page type':30} {'requests':>9} {'errors':>7} {'p50 ms':>7} {'p95 ms':>7}")
    for page in stats:
        print(f"{page.name:30} {page.requests:>9} {page.errors:>7} {page.pct(0.5):>7} {page.pct(0.95):>7}")


def print_comparison(ours: list[PageStats], theirs: list[PageStats]) -> None:
    p95 = {page.name: page.pct(0.95) for page in ours}
    their_p95 = {page.name: page.pct(0.95) for page in theirs}
    print("\np95 (ms) on equivalent pages")
    print(f"{'page type':30} {'igr serve':>10} {'Datasette':>10}")
    for name, their_name in EQUIVALENT.items():
        print(f"{name:30} {p95.get(name, '-'):>10} {their_p95.get(their_name, '-'):>10}   ({their_name})")
    faster = all(p95[name] < their_p95[their] for name, their in EQUIVALENT.items())
    print(f"faster than Datasette on every equivalent page: {'yes' if faster else 'no'}")


def print_verdict(ours: list[PageStats]) -> None:
    slow = [page.name for page in ours[:-1] if page.pct(0.95) >= TARGET_P95_MS]
    errors = ours[-1].errors
    print(
        f"errors: {errors}; p95 < {TARGET_P95_MS} ms on every page type: {'yes' if not slow else 'no: ' + ', '.join(slow)}"
    )


def server_env(work: Path) -> dict[str, str]:
    """Production settings, as docs/deploy.md sets them, except plain http on loopback (no front server)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "igr.settings",
        "IGR_SECRET_KEY": secrets.token_urlsafe(50),
        "IGR_ALLOWED_HOSTS": "127.0.0.1",
        "IGR_VAR_DIR": str(work / "var"),
        "IGR_SSL_REDIRECT": "0",
        "IGR_LOG_LEVEL": "WARNING",
    }
    env.pop("IGR_DEBUG", None)
    return env


def drop_scratch_database() -> None:
    from django.db import connections

    connections.close_all()
    import psycopg

    admin_url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_DATABASE}"')


def run(args: argparse.Namespace, work: Path) -> None:
    engine = site_latency.configure(args, database=SCRATCH_DATABASE)
    from django.db import connections

    from igr.register.models import Meeting

    try:
        if Meeting.objects.exists():  # only a --sqlite file or a --keep database from an earlier run
            data = site_latency.register_data()
            args.meetings = Meeting.objects.count()
        else:
            data = site_latency.build(args.meetings)
        connections.close_all()
        env = server_env(work)
        igr = str(BIN / "igr")
        subprocess.run([igr, "collectstatic", "--no-input", "-v", "0"], env=env, check=True)
        rng = random.Random(17)
        port = free_port()
        host = f"http://127.0.0.1:{port}"
        serve = [igr, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
        with running(serve, env, f"{host}/en/", work / "serve.log"):
            urls = our_urls(data, rng)
            warm_up(host, urls, 2 * args.workers)
            ours = swarm(host, urls, args, work, "igr")
        title = f"igr serve ({args.workers} workers), {engine}, {args.meetings} meetings"
        print_table(f"{title}; {args.users} users, {args.duration}, think {args.think} s", ours)
        if args.skip_datasette:
            print_verdict(ours)
            return
        export = work / "export"
        t0 = time.perf_counter()
        subprocess.run([igr, "export", str(export)], env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"exported in {time.perf_counter() - t0:.0f} s", flush=True)
        port = free_port()
        host = f"http://127.0.0.1:{port}"
        datasette = [
            str(BIN / "datasette"),
            "serve",
            "-i",
            str(export / "igr-register.sqlite"),
            "-m",
            str(export / "metadata.json"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            # every facet and count computed, as our pages always show them (by default Datasette drops a facet
            # that takes over 200 ms and a count over 1 s)
            *("--setting", "facet_time_limit_ms", str(DATASETTE_TIME_LIMIT_MS)),
            *("--setting", "sql_time_limit_ms", str(DATASETTE_TIME_LIMIT_MS)),
        ]
        with running(datasette, os.environ.copy(), f"{host}/igr-register", work / "datasette.log"):
            urls = datasette_urls(data, rng)
            warm_up(host, urls, 2 * args.workers)
            theirs = swarm(host, urls, args, work, "datasette")
        print_table(f"Datasette {datasette_version()} on the export; same users", theirs)
        print_table(title, ours)
        print_verdict(ours)
        print_comparison(ours, theirs)
    finally:
        if engine == "postgresql" and not args.keep:
            drop_scratch_database()


def datasette_version() -> str:
    from datasette.version import __version__

    return __version__


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", default="5m", help="locust's --run-time per server: 30s, 5m, 1h")
    parser.add_argument("--think", default="1-3", help="seconds between a visitor's pages: MIN-MAX, or 0")
    parser.add_argument("--workers", type=int, default=4, help="igr serve's worker processes")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server (postgres://user@host:port/db, a role with CREATEDB) for the scratch "
        f"database {SCRATCH_DATABASE}; SQLite when not given",
    )
    parser.add_argument("--sqlite", help="keep the SQLite register in this file and reuse it when it exists")
    parser.add_argument(
        "--keep",
        action="store_true",
        help=f"PostgreSQL: keep the scratch database {SCRATCH_DATABASE}, and reuse it when it exists",
    )
    parser.add_argument("--skip-datasette", action="store_true", help="measure igr serve only")
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(site_latency.ROOT / "src"))
    work = Path(tempfile.mkdtemp(prefix="igr-load-"))
    if not args.database_url and not args.sqlite:
        args.sqlite = str(work / "register.sqlite3")
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
