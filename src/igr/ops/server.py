"""The production web server: gunicorn running the register's WSGI application, in one process tree.

Static files are served by WhiteNoise from the collected, fingerprinted copies (``igr collectstatic``), so the
front server only terminates TLS and passes requests on. Workers are recycled after a number of requests so
that a slow leak in a PDF or chart library cannot grow without bound.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.utils.translation import gettext as _
from gunicorn.app.base import BaseApplication

from .errors import ServeError


@dataclass
class Options:
    bind: str = os.environ.get("IGR_BIND", "127.0.0.1:8000")
    workers: int = int(os.environ.get("IGR_WORKERS", "3"))
    timeout: int = int(os.environ.get("IGR_WORKER_TIMEOUT", "120"))
    max_requests: int = 2000


def check_ready() -> None:
    """Refuse to start on a configuration that would fail on the first page rather than at once."""
    if isinstance(staticfiles_storage, ManifestFilesMixin):
        manifest = Path(settings.STATIC_ROOT) / staticfiles_storage.manifest_name
        if not manifest.is_file():
            raise ServeError(
                _(
                    "The static files have not been collected into %(root)s: run `igr collectstatic --no-input` first."
                )
                % {"root": settings.STATIC_ROOT}
            )


class _Gunicorn(BaseApplication):
    def __init__(self, options: Options) -> None:
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        o = self._options
        for key, value in {
            "bind": [o.bind],
            "workers": o.workers,
            "timeout": o.timeout,
            "graceful_timeout": 30,
            "max_requests": o.max_requests,
            "max_requests_jitter": o.max_requests // 10,
            "accesslog": "-",
            "errorlog": "-",
            "proc_name": "igr",
            "preload_app": True,
            "control_socket_disable": True,  # systemd starts, reloads and stops the server
            # the front server on this machine sets X-Forwarded-Proto; nothing else is believed
            "forwarded_allow_ips": os.environ.get("IGR_FORWARDED_ALLOW_IPS", "127.0.0.1,::1"),
        }.items():
            self.cfg.set(key, value)

    def load(self):
        from igr.wsgi import application

        return application


def serve(options: Options) -> None:
    check_ready()
    _Gunicorn(options).run()
