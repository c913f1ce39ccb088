"""``igr ingest_worker``: read officials' queued uploads into the register, one at a time, until stopped.

Why a process of its own: reading a long document takes minutes, which no web request may wait for. Each turn
first fails the runs whose process died (and cleans their files); SIGTERM (``systemctl stop``) or Ctrl-C stops
the worker at once, and the run it was reading is marked failed with a message in both languages.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from igr.ingest.services import queue, runs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Read queued uploads into the register, one at a time, until stopped (SIGTERM or Ctrl-C)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="read what is queued now, then stop")
        parser.add_argument(
            "--poll",
            type=float,
            default=None,
            help="seconds between looks at an empty queue (default IGR_INGEST_POLL_SECONDS)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        poll = options["poll"] if options["poll"] is not None else settings.IGR_INGEST_POLL_SECONDS
        runs.stop_on_sigterm()
        logger.info("ingest worker %s started", runs.worker_id())
        try:
            while True:
                runs.stop_if_asked()  # a stop Python swallowed while the last run was read
                runs.reap()
                run = queue.claim()
                if run is None:
                    if options["once"]:
                        return
                    time.sleep(poll)
                    continue
                self._read(run)
        except (runs.Stopped, KeyboardInterrupt):
            logger.info("ingest worker %s stopped", runs.worker_id())

    def _read(self, run) -> None:
        logger.info("ingest run %s: reading the upload", run.pk)
        try:
            queue.process(run)
        except runs.RunAbandoned:
            logger.warning("ingest run %s was given up for dead while it was read; stopping it", run.pk)
        except (runs.Stopped, KeyboardInterrupt):
            runs.fail(run, *runs.STOPPED)
            logger.warning("ingest run %s: stopped while reading; marked failed", run.pk)
            raise
        except Exception as exc:  # a fault outside any document: the run fails, the worker goes on
            if runs.stopping():
                runs.fail(run, *runs.STOPPED)
                raise runs.Stopped(str(exc)) from exc
            logger.exception("ingest run %s failed: %s", run.pk, exc)
            runs.fail(
                run,
                "The document could not be added to the register; nothing from it was kept.",
                "Nid oedd modd ychwanegu'r ddogfen at y gofrestr; ni chadwyd dim ohoni.",
            )
