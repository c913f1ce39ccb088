"""``igr serve``: the register behind gunicorn, for production (``igr runserver`` is for development)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from igr.ops.errors import ServeError
from igr.ops.server import Options, serve


class Command(BaseCommand):
    help = _(
        "Serve the register with gunicorn and WhiteNoise, for production behind a front server (docs/deploy.md)."
    )
    requires_system_checks = []  # gunicorn loads the application itself; checks run there once

    def add_arguments(self, parser):
        defaults = Options()
        parser.add_argument(
            "--bind",
            default=defaults.bind,
            help=_("Address and port to listen on (IGR_BIND; default %(default)s)."),
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=defaults.workers,
            help=_("Worker processes (IGR_WORKERS; default %(default)s)."),
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=defaults.timeout,
            help=_(
                "Seconds a request may take before its worker is restarted (IGR_WORKER_TIMEOUT; default %(default)s)."
            ),
        )

    def handle(self, *args, bind: str, workers: int, timeout: int, **options):
        if workers < 1 or timeout < 1:
            raise CommandError(_("--workers and --timeout must be at least 1."))
        try:
            serve(Options(bind=bind, workers=workers, timeout=timeout))
        except ServeError as exc:
            raise CommandError(str(exc)) from exc
