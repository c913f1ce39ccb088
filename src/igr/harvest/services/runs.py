"""``igr harvest``: the chosen sources run one after another under a lock, each leaving a run record.

Why a file lock: two runs (a slow one and the next timer tick) would fetch everything twice and race to record
the same addresses; ``flock`` is released by the system when a run dies, so a crash never leaves it stuck.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from igr.harvest.models import HarvestRun
from igr.harvest.sources import HarvestSource

from .engine import Harvest, Report
from .errors import HarvestError
from .fetch import Fetcher, Policy
from .safety import host_is_private
from .sink import DryRunSink, IngestSink

KEEP_RUNS = 100  # run records kept per source


class Busy(Exception):
    """Another harvest holds the lock."""


class NoContact(Exception):
    """No contact address is configured, so the harvester cannot say who is asking."""


@contextlib.contextmanager
def lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise Busy(str(path)) from exc
        yield
    finally:
        os.close(fd)


def user_agent() -> str:
    contact = getattr(settings, "IGR_HARVEST_CONTACT", "")
    if not contact:
        raise NoContact()
    return f"IGRRegister/1.0 (Cofrestr Cysylltiadau Rhynglywodraethol; +{contact})"


def policy_for(source: HarvestSource, **overrides) -> Policy:
    """The settings' policy; private addresses allowed only when the source's base address is one."""
    allow_private = False
    if source.base_url:
        try:
            allow_private = host_is_private(source.base_url)
        except HarvestError:
            allow_private = False
    values = {
        "user_agent": user_agent(),
        "delay": settings.IGR_HARVEST_DELAY,
        "timeout": settings.IGR_HARVEST_TIMEOUT,
        "max_bytes": settings.IGR_HARVEST_MAX_BYTES,
        "allow_private": allow_private,
    }
    values.update(overrides)
    return Policy(**values)


@dataclass
class Runner:
    """Runs sources; ``fetcher_for`` makes each source's fetcher (tests pass one without real waiting)."""

    now: Callable[[], dt.datetime]
    fetcher_for: Callable[[HarvestSource], Fetcher] | None = None
    dry_run: bool = False

    def _fetcher(self, source: HarvestSource) -> Fetcher:
        if self.fetcher_for is not None:
            return self.fetcher_for(source)
        return Fetcher(policy_for(source), now=self.now)

    def run(self, sources: list[HarvestSource]) -> list[Report]:
        user_agent()  # refuse before fetching anything when nobody can be contacted
        with lock(Path(settings.IGR_HARVEST_LOCK)):
            sink = DryRunSink() if self.dry_run else IngestSink()
            try:
                return [self._run_one(source, sink) for source in sources]
            finally:
                sink.finish()

    def _run_one(self, source: HarvestSource, sink) -> Report:
        fetcher = self._fetcher(source)
        record = None
        if not self.dry_run:
            record = HarvestRun.objects.create(
                source=source.key, base_url=source.base_url[:500], started_at=self.now()
            )
        try:
            report = Harvest(source, fetcher, sink, self.now, self.dry_run).run()
        finally:
            fetcher.close()
        if record is not None:
            counts = report.as_dict()
            for name, value in counts.items():
                setattr(record, name, value)
            record.errors, record.finished_at = report.errors[:200], self.now()
            with transaction.atomic():
                record.save()
                old = HarvestRun.objects.filter(source=source.key).values_list("pk", flat=True)[KEEP_RUNS:]
                HarvestRun.objects.filter(pk__in=list(old)).delete()
        return report
