"""Runs alive and runs that died: each working run shows a sign of life; the reaper fails those that stopped.

Why: a worker killed, a server stopped or a command interrupted leaves its run "being read" for ever and its
files on disk. A run working through documents updates ``heartbeat_at`` (and its progress) between them; a run
whose process is gone (same host), or that has shown no sign of life for longer than one document may take, is
marked failed with a message in both languages, and its staged and queued files are cleaned up.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import socket
import threading
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils import timezone

from igr.ingest.models import IngestRun
from igr.register.models import DocumentVersion

from .staging import STAGING, place, staging_dir

logger = logging.getLogger(__name__)
QUEUE = "ingest-queue"
DIED = (
    "The run stopped before it finished (the server or the worker was stopped); nothing from a document it "
    "had not finished was kept. Add the document again.",
    "Daeth y rhediad i ben cyn gorffen (cafodd y gweinydd neu'r gweithiwr ei atal); ni chadwyd dim o ddogfen "
    "nad oedd wedi'i gorffen. Ychwanegwch y ddogfen eto.",
)


INTERRUPTED = (
    "The run was stopped before the end; the documents read until then are in the register, nothing from "
    "the one being read was kept.",
    "Cafodd y rhediad ei atal cyn y diwedd; mae'r dogfennau a ddarllenwyd hyd hynny yn y gofrestr, ac ni "
    "chadwyd dim o'r un a oedd yn cael ei darllen.",
)
STOPPED = (
    "The worker was stopped while it read this document; nothing from the document was kept. Add it again.",
    "Cafodd y gweithiwr ei atal tra oedd yn darllen y ddogfen hon; ni chadwyd dim ohoni. Ychwanegwch hi eto.",
)


class Stopped(BaseException):  # noqa: N818 - a request to stop (SIGTERM), not an error of the document
    """The process was asked to stop: raised wherever it is, so that open transactions roll back."""


_stopping = threading.Event()


def stop_on_sigterm() -> None:
    """Turn SIGTERM (systemd stopping the service) into ``Stopped`` in the main thread, and remember it."""
    import signal

    def stop(signum, frame):
        _stopping.set()
        raise Stopped(signum)

    signal.signal(signal.SIGTERM, stop)


def stopping() -> bool:
    return _stopping.is_set()


def stop_if_asked(exc: BaseException | None = None) -> None:
    """Raise ``Stopped`` if a stop was asked for, whatever became of the exception the signal raised.

    Python does not always let it out as it is: raised while a class is being made it comes out as a
    RuntimeError (Python 3.11's ``__set_name__``), raised in a finaliser it is printed and dropped. So the handlers
    that catch a document's errors, and the worker between runs, ask the flag rather than the exception's type.
    """
    if _stopping.is_set():
        raise Stopped(str(exc) if exc else "") from exc


class RunAbandoned(BaseException):  # noqa: N818 - not an error of the document: the run must stop at once
    """The run was marked failed by another process (it had shown no sign of life for too long)."""


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def stale_after() -> dt.timedelta:
    """Longer than one document may take: a live run shows a sign of life at least between documents."""
    return dt.timedelta(seconds=settings.IGR_INGEST_DOCUMENT_SECONDS + 120)


def beat(run: IngestRun, processed: int, now: dt.datetime | None = None) -> None:
    """Record that the run is alive and how far it got; stop it if it was given up for dead meanwhile."""
    now = now or timezone.now()
    if not IngestRun.objects.filter(pk=run.pk, status=IngestRun.Status.RUNNING).update(
        heartbeat_at=now, processed=processed
    ):
        raise RunAbandoned(run.pk)
    run.heartbeat_at, run.processed = now, processed


def fail(
    run: IngestRun,
    message_en: str,
    message_cy: str,
    now: dt.datetime | None = None,
    report: dict | None = None,
) -> bool:
    """Mark a queued or running run failed, with why (and what it did until then), and clean up its files;
    False if it had already ended."""
    extra = {"report": report} if report is not None else {}
    changed = IngestRun.objects.filter(
        pk=run.pk, status__in=[IngestRun.Status.QUEUED, IngestRun.Status.RUNNING]
    ).update(
        status=IngestRun.Status.FAILED,
        finished_at=now or timezone.now(),
        error_en=message_en,
        error_cy=message_cy,
        **extra,
    )
    clean_up(run.pk, run.upload)
    return bool(changed)


def clean_up(run_id: int, upload: str = "") -> None:
    """A run's staged files: those its committed rows name are put in place, the rest removed; and its upload."""
    folder = staging_dir(run_id)
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            if DocumentVersion.objects.filter(file=name).exists():
                place(path, name)
            else:
                path.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
    if upload:
        default_storage.delete(upload)
        IngestRun.objects.filter(pk=run_id).update(upload="")


def _process_gone(worker: str) -> bool:
    """True when the run's process ran on this host and exists no more."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def reap(now: dt.datetime | None = None) -> list[int]:
    """Fail every running run whose process is gone or that has been silent too long; sweep what dead runs left."""
    now = now or timezone.now()
    dead = []
    for run in IngestRun.objects.filter(status=IngestRun.Status.RUNNING):
        last = run.heartbeat_at or run.started_at
        if _process_gone(run.worker) or last < now - stale_after():
            alive = Q(heartbeat_at=run.heartbeat_at) if run.heartbeat_at else Q(heartbeat_at__isnull=True)
            if IngestRun.objects.filter(alive, pk=run.pk, status=IngestRun.Status.RUNNING).exists() and fail(
                run, *DIED, now=now
            ):
                logger.warning(
                    "ingest run %s died (worker %s, last sign of life %s); marked failed, its files cleaned up",
                    run.pk,
                    run.worker or "unknown",
                    last.isoformat(),
                )
                dead.append(run.pk)
    sweep(now)
    return dead


def sweep(now: dt.datetime) -> None:
    """Staged folders of runs no longer working, and queued files no run waits for (a server stopped between
    storing an upload and queueing it), once they are older than a run may be silent."""
    cutoff = now.timestamp() - stale_after().total_seconds()
    working = set(
        IngestRun.objects.filter(status__in=[IngestRun.Status.QUEUED, IngestRun.Status.RUNNING]).values_list(
            "pk", flat=True
        )
    )
    root = Path(default_storage.path(STAGING))
    for folder in root.glob("run-*") if root.is_dir() else []:
        run_id = folder.name.removeprefix("run-")
        if run_id.isdigit() and int(run_id) not in working and folder.stat().st_mtime < cutoff:
            clean_up(int(run_id))
    waiting = set(
        IngestRun.objects.filter(status__in=[IngestRun.Status.QUEUED, IngestRun.Status.RUNNING])
        .exclude(upload="")
        .values_list("upload", flat=True)
    )
    queue = Path(default_storage.path(QUEUE))
    for path in queue.iterdir() if queue.is_dir() else []:
        if f"{QUEUE}/{path.name}" not in waiting and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
