"""``igr rebuild_search``: rebuild the public search index from the register (after bulk loads)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from igr.public.search.indexer import rebuild


class Command(BaseCommand):
    help = _("Rebuild the public search index from the register's published records.")

    def handle(self, *args, **options) -> None:
        counts = rebuild()
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
