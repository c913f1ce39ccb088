"""WSGI entry point for deployments (for example ``gunicorn igr.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igr.settings")
application = get_wsgi_application()
