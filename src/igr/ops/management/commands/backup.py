"""``igr backup FILE``: the database and every stored file in one archive (see igr.ops.backup)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from igr.ops import backup
from igr.ops.errors import BackupError


class Command(BaseCommand):
    help = _("Write the database and the stored files to one archive that igr restore puts back exactly.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The archive to write (.tar.gz); replaced only once complete."))

    def handle(self, *args, file: str, **options):
        try:
            summary = backup.create(Path(file))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Backed up %(tables)s tables (%(rows)s rows) and %(files)s files (%(bytes)s bytes) to %(file)s")
            % {
                "tables": summary.tables,
                "rows": summary.rows,
                "files": summary.files,
                "bytes": summary.bytes,
                "file": file,
            }
        )
