"""Settings for the test suite (and the benchmarks that drive the register in-process): the production
settings with a secret that only they use.

Everything else is as deployed (DEBUG off, secure cookies, CSP, throttling), except that requests arrive over
plain http: the SSL redirect is off here and tested on its own, and collected static files are not needed
(the test server finds them in place). Passwords are hashed cheaply so that sign-in tests stay fast.
"""

import os

os.environ.setdefault("IGR_SECRET_KEY", "igr-test-suite-only-" + "x" * 40)
os.environ.setdefault("IGR_SSL_REDIRECT", "0")

from igr.settings import *  # noqa: E402,F403
from igr.settings import STORAGES  # noqa: E402

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_AUTOREFRESH = True  # no collected static root in tests; look files up per request instead
# No bulk export unless a test makes one (a developer's var/export must not change what the pages show).
IGR_EXPORT_DIR = BASE_DIR / "var" / "no-export-in-tests"  # noqa: F405
