"""Fixtures for the reporting tests.

``seeded`` loads the register's and the reporting app's demonstration data once per module, inside a
transaction that is rolled back when the module ends; each test (with ``db``) runs in a savepoint inside it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import translation

SEED = "img-safety-security-migration/2023-07-11"


@pytest.fixture(autouse=True)
def english_by_default():
    """Start every test in English and leave no language active afterwards."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demonstration, with the seed meeting as it stood before it was reported: its letter and statement of
    25 September 2023 are not yet published, so tests can draft them through the workflow."""
    from igr.register.models import Document
    from igr.register.services.demo import load_demo
    from igr.reporting.demo import load_reporting_demo

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        load_reporting_demo(documents=False)
        Document.objects.filter(meetings__reference=SEED, kind__in=["letter", "written_statement"]).delete()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seed_reported(seeded, db):
    """The seed meeting's letter and statement published as the demonstration publishes them."""
    from igr.reporting.demo import demo_data, publish_seed_document

    return {entry["kind"]: publish_seed_document(entry) for entry in demo_data()["documents"]}


@pytest.fixture
def seed_meeting(seeded, db):
    from igr.register.models import Meeting

    return Meeting.objects.select_related("body").get(reference=SEED)


@pytest.fixture
def wales(db):
    from igr.register.models import Government

    return Government.objects.get_or_create(
        key="wales", defaults={"name_en": "Welsh Government", "name_cy": "Llywodraeth Cymru"}
    )[0]


@pytest.fixture
def body(db):
    from igr.register.models import Body

    return Body.objects.get_or_create(
        key="img-test",
        defaults={
            "tier": "img",
            "name_en": "Test Interministerial Group",
            "name_cy": "Grŵp Rhyngweinidogol Prawf",
        },
    )[0]


@pytest.fixture
def make_meeting(body):
    """A meeting recorded now for a given date and status (signals create its obligations)."""
    from igr.register.models import Meeting

    def make(day: dt.date, status: str = "held", **extra):
        return Meeting.objects.create(body=body, date=day, status=status, **extra)

    return make


@pytest.fixture
def users(db):
    """One user per role, plus a signed-in official with no reporting role (no passwords: tests sign in directly)."""
    from django.contrib.auth.models import Group, User

    from igr.reporting.roles import ROLES

    made = {}
    for name in ROLES:
        user = User.objects.create_user(
            name.split()[-1], f"{name.split()[-1]}@example.gov.wales", None, is_staff=True
        )
        user.groups.add(Group.objects.get(name=name))
        made[name.split()[-1]] = user
    made["nobody"] = User.objects.create_user("nobody", "nobody@example.gov.wales", None, is_staff=True)
    return made
