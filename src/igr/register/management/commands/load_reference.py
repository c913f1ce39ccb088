from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from igr.register.services.reference import load_reference


class Command(BaseCommand):
    help = _("Load the reference data (governments, bodies, posts, Senedd committees) idempotently.")

    def handle(self, *args, **options):
        counts = load_reference()
        for key in sorted(counts):
            self.stdout.write(f"{key}: {counts[key]}")
