"""igr render MEETING-REFERENCE --document notice|letter|statement --language en|cy --format docx|pdf|html --output FILE

The meeting's current document of that kind is rendered (its published edition as frozen, or its draft with the
passages written for it); a meeting with none is drafted from the register's record alone.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from igr.register.models import Meeting
from igr.reporting import workflow
from igr.reporting.compose import compose_document
from igr.reporting.compose.meeting import KINDS, compose
from igr.reporting.models import ReportDocument
from igr.reporting.render import FORMATS, render


def write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside the target, then rename: a failed render never leaves half a file."""
    if not path.parent.is_dir():
        raise CommandError(f"the folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be written YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = "Render a meeting's advance notice, post-meeting letter or written statement, in English or Welsh."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "reference", help="the meeting's reference, for example img-safety-security-migration/2023-07-11"
        )
        parser.add_argument("--document", required=True, choices=KINDS)
        parser.add_argument("--language", required=True, choices=("en", "cy"))
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True, help="the file to write")
        parser.add_argument(
            "--date", help="the date the document bears (default: its own, the published record's, or today)"
        )
        parser.add_argument(
            "--strict", action="store_true", help="fail instead of marking text missing in this language"
        )

    def handle(self, *args, **options) -> None:
        meeting = (
            Meeting.objects.filter(reference=options["reference"].strip().strip("/"))
            .select_related("body")
            .first()
        )
        if meeting is None:
            raise CommandError(f"no meeting has the reference {options['reference']!r} (see: igr meetings)")
        on = parse_day(options["date"])
        current = (
            ReportDocument.objects.filter(meeting=meeting, kind=options["document"])
            .order_by("-series", "-version")
            .first()
        )
        if current is None:
            doc = compose(meeting, options["document"], options["language"], on)
        elif on is None:
            doc = workflow.composed(current, options["language"])
        else:
            doc = compose_document(current, options["language"], on)
        if doc.missing:
            message = "missing in this language: " + "; ".join(doc.missing)
            if options["strict"]:
                raise CommandError(message)
            self.stderr.write(message)
        write_atomically(Path(options["output"]), render(doc, options["format"]))
        self.stdout.write(f"{options['output']}: {doc.title}")
