"""Settings for IGR Register, in one place, read from the environment.

DATABASE_URL chooses the database (default: an SQLite file under var/); IGR_SECRET_KEY and IGR_ALLOWED_HOSTS
configure a deployment. Safe by default: DEBUG is off and a secret key is required unless IGR_DEBUG=1 (which
`make run` sets for development). Nothing here should need editing to run the project; docs/deploy.md lists
every variable.
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


DEBUG = _env_bool("IGR_DEBUG", False)
SECRET_KEY = os.environ.get("IGR_SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "IGR_SECRET_KEY is not set. Set IGR_SECRET_KEY to a long random value "
        "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), or IGR_DEBUG=1 for development only."
    )
ALLOWED_HOSTS = [
    h for h in os.environ.get("IGR_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "igr.register",
    "igr.ingest",
    "igr.reporting",
    "igr.public",
    "igr.harvest",
    "igr.accounts",
    "igr.ops",
    "igr.audit",
    "ninja",
    "igr.api",
    "igr.follow",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "igr.nul.refuse_nul_characters",  # PostgreSQL cannot hold NUL: refused in one place
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # the audit trail's "who" (igr.audit)
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
                "igr.follow.context_processors.follow",
            ],
        },
    }
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(
        parents=True, exist_ok=True
    )  # the default SQLite file lives here; a fresh clone has no var/
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'igr.sqlite3'}"),
        conn_max_age=int(os.environ.get("IGR_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout (IGR_DB_TIMEOUT seconds) let the web server, the ingest worker and a CLI import share
    # the file without "database is locked"; IMMEDIATE transactions take the write lock when they begin, so a
    # transaction that read first never finds the database changed under it when it comes to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": float(os.environ.get("IGR_DB_TIMEOUT", "20")),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# The public site's cached figures and page fragments (igr.public.cache): files under IGR_CACHE_DIR (default
# var/cache), so that every worker process of the web server shares one cache. Entries are keyed on the register's
# version, which any change bumps in the database, so a change retires them in every process at once.
CACHES = {
    "default": {
        "BACKEND": "igr.public.filecache.SharedFileCache",
        "LOCATION": str(Path(os.environ.get("IGR_CACHE_DIR", VAR_DIR / "cache"))),
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
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
STATICFILES_DIRS = [
    PACKAGE_DIR / "static"
]  # compiled GOV.UK Frontend assets are committed (scripts/build_assets.sh)
# WhiteNoise serves the collected, fingerprinted files (`igr collectstatic`) from the application server.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "igr.ops.storage.StaticStorage",
    },
}
MEDIA_ROOT = Path(os.environ.get("IGR_MEDIA_ROOT", VAR_DIR / "media"))
# Where `igr export` writes the bulk downloads that the public Data page offers (docs/opendata.md).
IGR_EXPORT_DIR = Path(os.environ.get("IGR_EXPORT_DIR", VAR_DIR / "export"))
MEDIA_URL = "/media/"

# Security. Every default is the production one; development (IGR_DEBUG=1) relaxes only what plain-http
# localhost needs. Behind a front server that terminates TLS and sets X-Forwarded-Proto (docs/deploy.md).
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "public:home"
LOGOUT_REDIRECT_URL = None  # the signed-out page
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _env_bool("IGR_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("IGR_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("IGR_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _env_bool("IGR_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _env_bool("IGR_SECURE_COOKIES", not DEBUG)
# Officials' sessions end after a working day without a request: every request renews the expiry.
SESSION_COOKIE_AGE = int(os.environ.get("IGR_SESSION_SECONDS", str(8 * 3600)))
SESSION_SAVE_EVERY_REQUEST = True
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("IGR_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Sign-in throttling (django-axes): five failures for one account from one address lock that pair out for
# the cool-off time; a success resets the count. The client address comes from the front server's
# X-Forwarded-For when IGR_PROXY_COUNT says how many proxies stand in front (igr.accounts.client_ip).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("IGR_SIGN_IN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("IGR_SIGN_IN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "igr.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "igr.accounts.client_ip.client_ip"
AXES_VERBOSE = False
IGR_PROXY_COUNT = int(os.environ.get("IGR_PROXY_COUNT", "0"))

# Content-Security-Policy (django-csp): scripts and styles only from this site, inline scripts only with the
# per-response nonce, charts drawn without eval (Vega's expression interpreter), nothing framed or embedded.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Four eyes on IIRA documents: whoever wrote one neither approves nor publishes it; a superuser is exempt only if this is on.
IGR_SUPERUSER_SELF_APPROVAL = _env_bool("IGR_SUPERUSER_SELF_APPROVAL", False)

# The upload and extraction size limit, in bytes; ingest and extract refuse larger files.
IGR_MAX_UPLOAD_BYTES = int(os.environ.get("IGR_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The time one document may take to be read and extracted (ingest stops it and says so); a run silent for longer
# than this (plus two minutes) is taken for dead by the ingest worker's reaper.
IGR_INGEST_DOCUMENT_SECONDS = float(os.environ.get("IGR_INGEST_DOCUMENT_SECONDS", "300"))
# Seconds the ingest worker waits between looks at an empty queue.
IGR_INGEST_POLL_SECONDS = float(os.environ.get("IGR_INGEST_POLL_SECONDS", "2"))

# Harvesting (docs/harvest.md): who to contact about the harvester (sent in its User-Agent; required to run),
# seconds between requests to one host, the timeout, the size cap per response, feeds, and the run lock.
IGR_HARVEST_CONTACT = os.environ.get("IGR_HARVEST_CONTACT", "")
IGR_HARVEST_DELAY = float(os.environ.get("IGR_HARVEST_DELAY", "1.0"))
IGR_HARVEST_TIMEOUT = float(os.environ.get("IGR_HARVEST_TIMEOUT", "30"))
IGR_HARVEST_MAX_BYTES = int(os.environ.get("IGR_HARVEST_MAX_BYTES", str(20 * 1024 * 1024)))
IGR_HARVEST_FEEDS = [f for f in os.environ.get("IGR_HARVEST_FEEDS", "").split() if f]
IGR_HARVEST_LOCK = Path(os.environ.get("IGR_HARVEST_LOCK", VAR_DIR / "harvest.lock"))

# Email alerts (docs/follow.md): the mail server, the sender, the site's address for links in emails, and the
# hour (local) from which daily digests go.
EMAIL_HOST = os.environ.get("IGR_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("IGR_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("IGR_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("IGR_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("IGR_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("IGR_EMAIL_FROM", "IGR Register <alerts@localhost>")
IGR_SITE_URL = os.environ.get("IGR_SITE_URL", "http://localhost:8000")
IGR_ALERTS_DIGEST_HOUR = int(os.environ.get("IGR_ALERTS_DIGEST_HOUR", "7"))

# One line per event on stderr: when, how serious, which module, what (with its document, run or meeting).
# IGR_LOG_LEVEL sets the level (default: INFO for the project's own "igr.*" loggers, WARNING for libraries).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "readable": {
            "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
            "datefmt": "%Y-%m-%d %H:%M:%S",
        }
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "readable"}
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("IGR_LOG_LEVEL", "WARNING")},
    "loggers": {"igr": {"level": os.environ.get("IGR_LOG_LEVEL", "INFO")}},
}
