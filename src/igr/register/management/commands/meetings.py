"""``igr meetings``: list meetings with their stable references, as a table, JSON or CSV."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from igr import safecsv
from igr.register.services.export import meeting_rows


class Command(BaseCommand):
    help = _("List meetings with their references.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--format", choices=["table", "json", "csv"], default="table", help=_("Output format.")
        )
        parser.add_argument("--body", help=_("Only meetings of this body (its key)."))
        parser.add_argument("--year", type=int, help=_("Only meetings in this year."))

    def handle(self, *args, format: str, body: str | None, year: int | None, **options):
        rows = meeting_rows(body_key=body, year=year)
        if body and not rows:
            from igr.register.models import Body

            if not Body.objects.filter(key=body).exists():
                raise CommandError(_("There is no body with the key “%(key)s”.") % {"key": body})
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        elif format == "csv":
            if rows:
                writer = safecsv.DictWriter(self.stdout, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        else:
            for row in rows:
                self.stdout.write(f"{row['reference']:<60} {row['status']:<10} {row['body_name_en']}")
