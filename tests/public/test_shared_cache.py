"""The public cache is shared by processes, and a change made in one process retires what the others cached.

Run as a deployment runs: ``igr serve`` with two workers and the deployed settings, the register changed by a
separate process (``igr shell``), as an official's edit or an ingest run would change it.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.ingest.shared_db import IGR, Shared

pytestmark = pytest.mark.django_db(transaction=True)

RECORD = """
import datetime as dt, json
from igr.register.models import Body, Meeting
m = Meeting.objects.create(body=Body.objects.get(key="imsc"), date=dt.date(2023, 7, 11), status="held",
                           published=True, location_en="Caerdydd Hall", location_cy="Neuadd Caerdydd")
print(json.dumps(m.reference))
"""
SET_PUBLISHED = """
import json
from igr.register.models import Meeting
m = Meeting.objects.get(reference="imsc/2023-07-11")
m.published = {published}
m.save()
print(json.dumps(m.published))
"""
PROBE = """
import json
from igr.public.cache import cached
print(json.dumps(cached("probe", lambda: {value})))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode()


@pytest.fixture
def served(shared: Shared):
    shared.env["IGR_ALLOWED_HOSTS"] = "127.0.0.1"
    done = shared.run("collectstatic", "--no-input", "-v0")
    assert done.returncode == 0, done.stderr
    port = _free_port()
    server = subprocess.Popen(
        [*IGR, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=shared.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                _get(port, "/en/agreements/")
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_figure_cached_by_one_process_is_read_by_another_until_the_register_changes(shared):
    assert shared.python(RECORD) == "imsc/2023-07-11"  # a change: the register has a version to key on
    assert shared.python(PROBE.format(value=1)) == 1
    assert shared.python(PROBE.format(value=2)) == 1  # computed once, by the first process
    assert shared.python(SET_PUBLISHED.format(published=False)) is False
    assert shared.python(PROBE.format(value=3)) == 3


def test_withdrawing_a_meeting_in_another_process_retires_every_worker_s_cached_pages(shared, served):
    reference = shared.python(RECORD)
    pages = [f"/en/meetings/{reference}/", f"/cy/meetings/{reference}/"]
    lists = [
        "/en/meetings/?body=imsc",
        "/cy/meetings/?year=2023",
        "/en/search/?q=Caerdydd",
        "/en/timeliness/",
    ]
    for _ in range(4):  # several requests per address, so that each worker has served (and cached) them
        for path in pages:
            status, html = _get(served, path)
            assert status == 200 and "Caerdydd" in html
        for path in lists[:3]:
            status, html = _get(served, path)
            assert status == 200 and f"/meetings/{reference}/" in html
        assert _get(served, lists[3])[0] == 200
    assert any((Path(shared.env["IGR_VAR_DIR"]) / "cache").iterdir())  # the workers' cache is on disk, shared

    shared.python(SET_PUBLISHED.format(published=False))
    for _ in range(4):
        for path in pages:
            assert _get(served, path)[0] == 404
        for path in lists:
            status, html = _get(served, path)
            assert status == 200 and f"/meetings/{reference}/" not in html

    shared.python(SET_PUBLISHED.format(published=True))
    for _ in range(4):
        for path in pages:
            assert _get(served, path)[0] == 200
        for path in lists[:3]:
            assert f"/meetings/{reference}/" in _get(served, path)[1]
