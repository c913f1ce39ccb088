"""Fixtures for ingest tests: documents we wrote ourselves (run anywhere), the shared corpus where present."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps

from tests.conftest import SHARED
from tests.ingest.shared_db import migrated_sqlite, shared  # noqa: F401 - fixtures for processes sharing a database

DOCS = Path(__file__).parent / "documents"
SEED = SHARED / "corpus" / "seed"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def write_doc(tmp_path):
    """Write a document (text) to a fresh file and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def row_counts() -> dict[str, int]:
    """Rows in every table of every installed app: what "changes no row" is checked against."""
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


@pytest.fixture(autouse=True)
def english_afterwards():
    """Requests to /cy/ pages leave Welsh active in the thread; later tests elsewhere expect the default."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


def ingest_official(username: str = "official"):
    """A member of staff with the ingest role: the only kind of user who may upload and decide review items."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from igr.ingest.roles import INGEST, ensure_role

    ensure_role()
    user = get_user_model().objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=INGEST))
    return user
