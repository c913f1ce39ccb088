"""The ingest worker: queued uploads read one at a time; a run that dies is marked failed and its files cleaned.

The defects: a stopped server left the stored file and an unfinished run behind; a long document was read for
as long as it took. Here a worker is killed (SIGKILL) or stopped (SIGTERM) while it reads, the next worker
finds what the dead one left, a run silent for too long is given up, and a document over the time limit fails
with a message in both languages.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from benchmarks.extract_speed import corpus_texts, long_text
from django.utils import timezone

from igr.ingest.models import IngestRun
from igr.ingest.services import queue, runs
from igr.ingest.services.staging import staging_dir
from igr.register.models import DocumentVersion

from .conftest import DOCS, ingest_official, row_counts

LONG = long_text(corpus_texts(), 1024 * 1024, one_document=True)


def run_row(shared, pk: int) -> dict:
    """The run as another process left it (the SQLite file, or PostgreSQL's test database)."""
    if "DATABASE_URL" in shared.env:
        return IngestRun.objects.values("status", "upload", "error_en", "error_cy").get(pk=pk)
    with sqlite3.connect(Path(shared.env["IGR_VAR_DIR"]) / "igr.sqlite3") as db:
        db.row_factory = sqlite3.Row
        return dict(
            db.execute(
                "SELECT status, upload, error_en, error_cy FROM ingest_ingestrun WHERE id = ?", [pk]
            ).fetchone()
        )


def queued_long_upload(shared) -> int:
    path = Path(shared.env["IGR_VAR_DIR"]) / "long.txt"
    path.write_bytes(LONG)
    return shared.python(
        f"from pathlib import Path; from igr.ingest.services import queue; "
        f"print(queue.enqueue(Path({str(path)!r}).read_bytes(), 'txt').pk)"
    )


def wait_until_reading(shared, worker, pk: int) -> None:
    for _ in range(600):
        if run_row(shared, pk)["status"] == "running":
            return
        assert worker.poll() is None, worker.communicate()
        time.sleep(0.1)
    raise AssertionError("the worker never claimed the run")


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_s_run_is_failed_and_cleaned_up_by_the_next(shared):
    pk = queued_long_upload(shared)
    worker = shared.start("ingest_worker", "--poll", "0.2")
    wait_until_reading(shared, worker, pk)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=60)
    row = run_row(shared, pk)
    assert row["status"] == "running" and row["upload"]  # what a dead worker leaves
    media = Path(shared.env["IGR_MEDIA_ROOT"])
    assert (media / row["upload"]).is_file()
    after = shared.run("ingest_worker", "--once")
    assert after.returncode == 0, after.stderr
    row = run_row(shared, pk)
    assert row["status"] == "failed" and row["upload"] == ""
    assert row["error_en"] == runs.DIED[0] and row["error_cy"] == runs.DIED[1]
    assert f"ingest run {pk} died" in after.stderr
    assert not [p for p in media.rglob("*") if p.is_file()]  # the queued file gone, nothing staged left
    assert (
        shared.python(
            "from igr.register.models import DocumentVersion; print(DocumentVersion.objects.count())"
        )
        == 0
    )


@pytest.mark.django_db(transaction=True)
def test_a_stopped_worker_fails_the_run_it_was_reading_and_says_why(shared):
    pk = queued_long_upload(shared)
    worker = shared.start("ingest_worker", "--poll", "0.2")
    wait_until_reading(shared, worker, pk)
    worker.send_signal(signal.SIGTERM)
    _out, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    row = run_row(shared, pk)
    assert row["status"] == "failed" and row["upload"] == ""
    assert (row["error_en"], row["error_cy"]) == runs.STOPPED
    media = Path(shared.env["IGR_MEDIA_ROOT"])
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_a_stop_that_python_wraps_while_a_class_is_made_is_still_a_stop():
    """SIGTERM while a module is still being imported (extraction loads some lazily) lands inside a class's
    making; Python 3.11 hands it on as a RuntimeError, which a document's error handler would otherwise take for
    a fault of that document and go on reading."""

    class StopsWhileNamed:
        def __set_name__(self, owner, name):
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(10_000):  # the handler runs between two of these steps
                pass

    previous = signal.getsignal(signal.SIGTERM)
    runs.stop_if_asked(RuntimeError("not asked to stop: nothing happens"))
    runs.stop_on_sigterm()
    try:
        with pytest.raises(BaseException) as raised:
            type("RecordIn", (), {"spans": StopsWhileNamed()})
        assert isinstance(raised.value, (RuntimeError, runs.Stopped))
        with pytest.raises(runs.Stopped):
            runs.stop_if_asked(raised.value)
    finally:
        signal.signal(signal.SIGTERM, previous)
        runs._stopping.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_document_over_the_time_limit_fails_with_a_message_in_both_languages(client, settings, media, lang):
    settings.IGR_INGEST_DOCUMENT_SECONDS = 0.5
    client.force_login(ingest_official())
    before = row_counts()
    run = queue.enqueue(LONG, "txt")
    assert queue.work_once().pk == run.pk
    run.refresh_from_db()
    assert run.status == "failed" and run.report["documents"]["failed"] == 1
    assert run.error_en.startswith(
        "Reading this document took longer than 0.5 seconds, the limit for one document"
    )
    assert run.error_cy.startswith(
        "Cymerodd darllen y ddogfen hon fwy na 0.5 eiliad, y terfyn ar gyfer un ddogfen"
    )
    page = client.get(f"/{lang}/ingest/runs/{run.pk}/").content.decode().replace("&#x27;", "'")
    assert (run.error_en if lang == "en" else run.error_cy) in page
    assert row_counts() == before | {"ingest.IngestRun": 1}
    assert not [p for p in Path(media).rglob("*") if p.is_file()]


@pytest.mark.django_db
def test_a_run_silent_too_long_is_given_up_and_what_it_committed_is_put_in_place(settings, media):
    """A run of another host (its process cannot be asked) is dead once it has been silent longer than one
    document may take; of its staged files, the one its committed rows name goes in place, the other away."""
    settings.IGR_INGEST_DOCUMENT_SECONDS = 60
    now = timezone.now()
    silent = IngestRun.objects.create(
        status="running", worker="elsewhere:4242", heartbeat_at=now - dt.timedelta(seconds=181)
    )
    lively = IngestRun.objects.create(
        status="running", worker="elsewhere:4243", heartbeat_at=now - dt.timedelta(seconds=170)
    )
    from igr.ingest.services.pipeline import ingest_paths

    ingest_paths([DOCS / "letter.txt"])
    version = DocumentVersion.objects.get()
    kept = Path(media, version.file.name)
    kept.unlink()  # as if the dead run had committed its rows and not yet moved the file
    folder = staging_dir(silent.pk)
    (folder / version.file.name).parent.mkdir(parents=True)
    (folder / version.file.name).write_bytes((DOCS / "letter.txt").read_bytes())
    (folder / "documents/ab/ab-never-committed.txt").parent.mkdir(parents=True)
    (folder / "documents/ab/ab-never-committed.txt").write_bytes(b"rolled back")

    assert runs.reap(now) == [silent.pk]
    silent.refresh_from_db()
    lively.refresh_from_db()
    assert silent.status == "failed" and silent.error_cy == runs.DIED[1] and lively.status == "running"
    assert kept.read_bytes() == (DOCS / "letter.txt").read_bytes()
    assert not folder.exists() and not Path(media, "documents/ab").exists()


@pytest.mark.django_db
def test_claiming_is_first_come_and_once(media):
    first, second = queue.enqueue(b"first", "txt"), queue.enqueue(b"second", "txt")
    assert queue.claim().pk == first.pk
    assert queue.claim().pk == second.pk
    assert queue.claim() is None
    assert json.dumps(sorted(IngestRun.objects.values_list("status", flat=True))) == '["running", "running"]'
