"""``igr restore FILE``: replace the database and the stored files with a backup's (see igr.ops.backup)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from igr.ops import backup
from igr.ops.errors import BackupError


class Command(BaseCommand):
    help = _(
        "Replace the database and the stored files with those in a backup made by igr backup. "
        "Stop the web server and the timers first; run igr migrate afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The archive written by igr backup."))
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help=_("Do not ask for confirmation.")
        )

    def handle(self, *args, file: str, interactive: bool, **options):
        if interactive:
            answer = input(
                _("This replaces everything in the register with the backup. Type 'yes' to go on: ")
            )
            if answer.strip().lower() not in {"yes", "ie"}:
                raise CommandError(_("Nothing was changed."))
        try:
            summary = backup.restore(Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _(
                "Restored %(tables)s tables (%(rows)s rows) and %(files)s files (%(bytes)s bytes) from %(file)s"
            )
            % {
                "tables": summary.tables,
                "rows": summary.rows,
                "files": summary.files,
                "bytes": summary.bytes,
                "file": file,
            }
        )
