"""Settings for IGR Register, in one place, read from the environment.

DATABASE_URL chooses the database (default: an SQLite file under var/); IGR_SECRET_KEY, IGR_DEBUG and
IGR_ALLOWED_HOSTS configure a deployment. Nothing here should need editing to run the project.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("IGR_HOME", PACKAGE_DIR.parent.parent)).resolve()
VAR_DIR = Path(os.environ.get("IGR_VAR_DIR", BASE_DIR / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("IGR_DEBUG", True)
SECRET_KEY = os.environ.get("IGR_SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("IGR_SECRET_KEY must be set when IGR_DEBUG is off")
ALLOWED_HOSTS = [h for h in os.environ.get("IGR_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "igr.register",
    "igr.ingest",
    "igr.reporting",
    "igr.public",
    "igr.harvest",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "igr.urls"
WSGI_APPLICATION = "igr.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "igr.register.context_processors.site",
            ],
        },
    }
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the default SQLite file lives here; a fresh clone has no var/
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'igr.sqlite3'}"),
        conn_max_age=int(os.environ.get("IGR_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and a CLI import share the file without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
# The project catalogue, then hand-kept Welsh for what Django itself leaves untranslated; both win over Django's.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_overrides"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("IGR_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # compiled GOV.UK Frontend assets are committed (scripts/build_assets.sh)
MEDIA_ROOT = Path(os.environ.get("IGR_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

LOGIN_URL = "admin:login"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _env_bool("IGR_SECURE_COOKIES", True)

# The upload and extraction size limit, in bytes; ingest and extract refuse larger files.
IGR_MAX_UPLOAD_BYTES = int(os.environ.get("IGR_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Harvesting (docs/harvest.md): who to contact about the harvester (sent in its User-Agent; required to run),
# seconds between requests to one host, the timeout, the size cap per response, feeds, and the run lock.
IGR_HARVEST_CONTACT = os.environ.get("IGR_HARVEST_CONTACT", "")
IGR_HARVEST_DELAY = float(os.environ.get("IGR_HARVEST_DELAY", "1.0"))
IGR_HARVEST_TIMEOUT = float(os.environ.get("IGR_HARVEST_TIMEOUT", "30"))
IGR_HARVEST_MAX_BYTES = int(os.environ.get("IGR_HARVEST_MAX_BYTES", str(20 * 1024 * 1024)))
IGR_HARVEST_FEEDS = [f for f in os.environ.get("IGR_HARVEST_FEEDS", "").split() if f]
IGR_HARVEST_LOCK = Path(os.environ.get("IGR_HARVEST_LOCK", VAR_DIR / "harvest.lock"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("IGR_LOG_LEVEL", "WARNING")},
}
