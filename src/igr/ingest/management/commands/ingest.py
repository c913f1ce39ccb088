"""``igr ingest PATH|DIR ...``: add published documents to the register, with a progress bar and a report.

Why the report goes to stdout and the bar to stderr: the counts can be piped or captured (``--json``) while
the person at the terminal still sees progress; failures are listed in English and Welsh.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from igr.ingest.models import IngestRun
from igr.ingest.services import runs
from igr.ingest.services.pipeline import Pipeline, RunReport
from igr.ingest.services.sources import expand


class Command(BaseCommand):
    help = "Read, extract, validate and import documents (TXT, PDF, DOCX, HTML) into the register."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files, or directories to read recursively")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        files = expand(options["paths"])
        pipeline = Pipeline(origin=IngestRun.Origin.COMMAND)
        show = not options["no_progress"] and len(files) > 1 and sys.stderr.isatty()
        runs.stop_on_sigterm()
        try:
            if show:
                from rich.console import Console
                from rich.progress import Progress

                with Progress(console=Console(stderr=True), transient=True) as bar:
                    task = bar.add_task("Ingesting", total=len(files))
                    report = pipeline.run_paths(files, progress=lambda _name: bar.advance(task))
            else:
                report = pipeline.run_paths(files)
        except (runs.Stopped, KeyboardInterrupt):
            if (
                pipeline.report.run is not None
            ):  # what was committed stays; the document being read is dropped
                runs.fail(pipeline.report.run, *runs.INTERRUPTED, report=pipeline.report.as_dict())
            raise CommandError(
                "Stopped before the end; the documents read until then are in the register."
            ) from None
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            self._summary(report)
        for failure in report.failures:
            detail = f" ({failure.detail})" if failure.detail else ""
            self.stderr.write(f"{failure.name}: {failure.message_en} / {failure.message_cy}{detail}")
        if report.failures:
            raise CommandError(f"{len(report.failures)} document(s) failed; the others were ingested.")

    def _summary(self, report: RunReport) -> None:
        d, m = report.as_dict()["documents"], report.as_dict()["meetings"]
        self.stdout.write(
            f"Documents: {d['new']} new, {d['unchanged']} unchanged, {d['revised']} revised, {d['failed']} failed"
        )
        self.stdout.write(
            f"Meetings: {m['inserted']} inserted, {m['updated']} updated, {m['unchanged']} unchanged"
        )
        self.stdout.write(f"Review items raised: {report.review_items}")
        for note in report.skipped:
            self.stdout.write(f"Skipped {note}")
