"""WSGI entry point for deployments (for example ``gunicorn igr.wsgi``) and ``igr runserver``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igr.settings")
application = get_wsgi_application()

from igr.public.apps import preload  # noqa: E402  (needs the apps loaded above)

preload()
