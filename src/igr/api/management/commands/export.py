"""``igr export DIR``: the whole public register as bulk downloads (CSV, JSON, Popolo, SQLite) in DIR."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from igr.api.bulk import export


class Command(BaseCommand):
    help = _(
        "Write the public register into DIR as CSV files (one per table), JSON, Popolo JSON and an SQLite "
        "file for Datasette, under the Open Government Licence v3.0. The Data page offers the files of "
        "IGR_EXPORT_DIR."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "directory", metavar="DIR", help=_("the folder to write into (created if need be)")
        )

    def handle(self, *args, directory: str, **options) -> None:
        target = Path(directory)
        if target.exists() and not target.is_dir():
            raise CommandError(_("%(path)s is not a folder.") % {"path": target})
        try:
            manifest = export(target, timezone.now())
        except OSError as error:
            raise CommandError(
                _("Could not write the export: %(error)s") % {"error": error.strerror or error}
            ) from error
        for name, count in manifest["counts"].items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(
            _("Written to %(path)s at %(time)s.") % {"path": target, "time": manifest["generated_at"]}
        )
