"""Officials can sign in while a long document is being ingested: ingest never holds the database for long.

The defect: ingesting a long text held SQLite's write lock while it was read and extracted (minutes for a few
MiB), and every sign-in meanwhile failed with "database is locked". Here a 1 MiB text, dense in dates and
forums, goes in with a short letter (so that both are written in one group), while another process signs in
over and over through the whole stack (sessions, sign-in throttling), with a database wait of 5 seconds rather
than the deployed 20, so that a lock held through extraction (5 s of CPU for this text on an idle machine, far more
on a busy one) shows as failures. Writing what the text reports (61 meetings, each with its history) is one
transaction of about a second, which a busy machine can stretch past 2 seconds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from benchmarks.extract_speed import corpus_texts, long_text  # noqa: E402

from .conftest import DOCS  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)

SIGN_INS = """
import json, time, pathlib
from django.test import Client
stop, results = pathlib.Path({stop!r}), []
deadline = time.monotonic() + 600
while not stop.exists() and time.monotonic() < deadline:
    client = Client()
    try:
        answer = client.post("/en/sign-in/", {{"username": "official", "password": "a long pass phrase 42"}})
        results.append([answer.status_code, answer.get("Location", ""), ""])
    except Exception as exc:
        results.append([0, "", f"{{type(exc).__name__}}: {{exc}}"])
    time.sleep(0.2)
print(json.dumps(results))
"""


def test_officials_sign_in_while_a_long_text_is_ingested(shared, tmp_path):
    shared.python(
        "from django.contrib.auth import get_user_model; get_user_model().objects.create_user("
        "'official', password='a long pass phrase 42', is_staff=True); print(1)"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-letter.txt").write_bytes((DOCS / "letter.txt").read_bytes())
    (folder / "b-long.txt").write_bytes(long_text(corpus_texts(), 1024 * 1024, one_document=True))
    stop = tmp_path / "stop"
    signing_in = shared.start(
        "shell", "-c", SIGN_INS.format(stop=str(stop)), env=shared.env | {"IGR_DB_TIMEOUT": "5"}
    )
    ingest = shared.run("ingest", "--json", "--no-progress", str(folder))
    stop.touch()
    out, err = signing_in.communicate(timeout=120)
    assert ingest.returncode == 0, ingest.stderr
    assert json.loads(ingest.stdout)["documents"]["new"] == 2
    results = json.loads(out.strip().splitlines()[-1])
    assert len(results) >= 5, (results, err)  # signed in again and again while the long text went in
    failures = [r for r in results if r[0] != 302]
    assert not failures, failures
    assert all(r[1] == "/en/" for r in results)
