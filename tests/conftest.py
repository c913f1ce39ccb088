"""Shared test set-up.

- ``IGR_DB_TESTS_ONLY=1`` (the PostgreSQL pass of scripts/test.sh) keeps only tests that touch the database.
- Browser tests use Debian's Chromium through Playwright; with ``IGR_REQUIRE_BROWSER=1`` (CI) a missing browser
  fails the run instead of skipping.
- ``IGR_TEST_CLOCK=YYYY-MM-DD`` moves the clock to that day (ticking on) for the whole run: the SQLite pass of
  scripts/test.sh runs years ahead, so a test or a rule that reads the real clock fails now, not on the day the
  calendar reaches it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # sync Playwright inside pytest-django's live server
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DB_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_setup",
    "live_server",
    "client",
    "admin_client",
    "django_user_model",
}


def pytest_configure(config):
    clock = os.environ.get("IGR_TEST_CLOCK")
    if clock:
        import datetime as dt

        import time_machine

        moved = dt.datetime.combine(dt.date.fromisoformat(clock), dt.time(9, 30), tzinfo=dt.UTC)
        config._igr_clock = time_machine.travel(moved, tick=True)
        config._igr_clock.start()


def pytest_unconfigure(config):
    clock = getattr(config, "_igr_clock", None)
    if clock is not None:
        clock.stop()


def pytest_report_header(config):
    clock = os.environ.get("IGR_TEST_CLOCK")
    return f"clock moved to {clock} (IGR_TEST_CLOCK)" if clock else None


def pytest_collection_modifyitems(config, items):
    if os.environ.get("IGR_DB_TESTS_ONLY") == "1":
        keep, drop = [], []
        for item in items:
            uses_db = item.get_closest_marker("django_db") or DB_FIXTURES.intersection(
                getattr(item, "fixturenames", ())
            )
            (keep if uses_db else drop).append(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
            items[:] = keep
    if not Path(CHROMIUM).exists() and os.environ.get("IGR_REQUIRE_BROWSER") != "1":
        # Outside CI a machine without Chromium skips browser tests; in CI they run and fail loudly.
        skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}")
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request under /cy/ leaves Welsh active in the thread for the next test."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def reference(db):
    from igr.register.services.reference import load_reference

    return load_reference()


@pytest.fixture
def demo(db):
    from igr.register.services.demo import load_demo

    return load_demo()
