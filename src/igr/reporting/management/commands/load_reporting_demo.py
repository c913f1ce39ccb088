from django.core.management.base import BaseCommand

from igr.reporting.demo import load_reporting_demo


class Command(BaseCommand):
    help = "Load the reporting demonstration: Senedd recesses, the seed meeting's reporting facts, a reporting period."

    def handle(self, *args, **options) -> None:
        counts = load_reporting_demo()
        for key, value in sorted(counts.items()):
            self.stdout.write(f"{key}: {value}")
