"""The upload queue: an official's upload is stored and queued at once; a worker process reads it.

Why a queue in the database: reading and extracting a long document takes seconds to minutes, which a web
request must not wait for (nor hold the database through). The queue is the ``IngestRun`` table itself, so it
works the same on SQLite and PostgreSQL with nothing else to run: a run is claimed by a conditional update
(one worker wins), its progress and sign of life are columns the officials' page reads, and a worker that dies
is noticed by the reaper (``runs.reap``), which every worker runs before it claims.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from igr.ingest.models import IngestRun

from . import runs
from .sources import Source

logger = logging.getLogger(__name__)


def enqueue(data: bytes, kind: str, user: Any = None) -> IngestRun:
    """Store an upload under a name of its own (never the uploader's) and queue it for the worker."""
    name = default_storage.save(f"{runs.QUEUE}/{uuid.uuid4().hex}.{kind}", ContentFile(data))
    return IngestRun.objects.create(
        origin=IngestRun.Origin.UPLOAD,
        user=user if getattr(user, "pk", None) else None,
        status=IngestRun.Status.QUEUED,
        upload=name,
        total=1,
    )


def claim(now: dt.datetime | None = None) -> IngestRun | None:
    """The oldest queued run, now this process's; None when nothing waits (or others took it first)."""
    now = now or timezone.now()
    for pk in (
        IngestRun.objects.filter(status=IngestRun.Status.QUEUED)
        .order_by("started_at", "pk")
        .values_list("pk", flat=True)[:10]
    ):
        if IngestRun.objects.filter(pk=pk, status=IngestRun.Status.QUEUED).update(
            status=IngestRun.Status.RUNNING, worker=runs.worker_id(), heartbeat_at=now
        ):
            return IngestRun.objects.select_related("user").get(pk=pk)
    return None


def process(run: IngestRun) -> IngestRun:
    """Read a claimed upload into the register; the run ends done (with its report) or failed (with why)."""
    from .pipeline import Pipeline

    try:
        with default_storage.open(run.upload, "rb") as f:
            data = f.read()
    except OSError as exc:
        logger.error("ingest run %s: its queued file %s cannot be read: %s", run.pk, run.upload, exc)
        runs.fail(
            run,
            "The uploaded file was lost before it could be read. Upload it again.",
            "Collwyd y ffeil a lanlwythwyd cyn y gellid ei darllen. Lanlwythwch hi eto.",
        )
        return run
    kind = run.upload.rsplit(".", 1)[-1]
    pipeline = Pipeline(user=run.user, origin=IngestRun.Origin.UPLOAD, run=run)
    pipeline.ingest_many([Source(f"upload.{kind}", data)])
    pipeline.finish()
    runs.clean_up(run.pk, run.upload)
    run.refresh_from_db()
    return run


def work_once(now: dt.datetime | None = None) -> IngestRun | None:
    """Fail the dead, then read the next queued upload, if any."""
    runs.reap(now)
    run = claim(now)
    return process(run) if run else None
