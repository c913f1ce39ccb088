"""igr annual_report PERIOD-KEY --language en|cy --format docx|pdf|html --output FILE"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from igr.reporting.compose.annual import compose_annual
from igr.reporting.models import ReportingPeriod
from igr.reporting.render import FORMATS, render

from .render import parse_day, write_atomically


class Command(BaseCommand):
    help = "Render the annual (overview) report for a reporting period, in English or Welsh."

    def add_arguments(self, parser) -> None:
        parser.add_argument("period", help="the reporting period's key, for example 2023-24")
        parser.add_argument("--language", required=True, choices=("en", "cy"))
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True)
        parser.add_argument("--date", help="the date the report bears (default today)")

    def handle(self, *args, **options) -> None:
        period = ReportingPeriod.objects.filter(key=options["period"]).first()
        if period is None:
            known = ", ".join(ReportingPeriod.objects.values_list("key", flat=True)) or "none recorded"
            raise CommandError(f"no reporting period {options['period']!r} (known: {known})")
        from django.utils import timezone

        doc = compose_annual(period, options["language"], parse_day(options["date"]) or timezone.localdate())
        write_atomically(Path(options["output"]), render(doc, options["format"]))
        self.stdout.write(f"{options['output']}: {doc.title}")
