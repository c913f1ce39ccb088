from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from igr.register.services.demo import load_demo


class Command(BaseCommand):
    help = _("Load the reference data and the demonstration meetings idempotently.")

    def handle(self, *args, **options):
        counts = load_demo()
        for key in sorted(counts):
            self.stdout.write(f"{key}: {counts[key]}")
