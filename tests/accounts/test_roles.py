"""Ingest and review need the ingest role: being staff, or a reporting translator, is not enough."""

from __future__ import annotations

import html

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from igr.ingest.models import IngestRun, ReviewItem
from igr.ingest.roles import INGEST, ensure_role
from igr.ingest.services.pipeline import ingest_paths
from igr.reporting.roles import TRANSLATOR, ensure_roles
from tests.ingest.conftest import DOCS, row_counts

pytestmark = pytest.mark.django_db


def _user(name: str, *groups: str, **flags):
    ensure_role()
    ensure_roles()
    user = get_user_model().objects.create_user(name, password="pw", is_staff=True, **flags)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize("groups", [(), (TRANSLATOR,)], ids=["staff-with-no-group", "translator"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_staff_without_the_ingest_role_can_neither_upload_nor_confirm(client, groups, lang):
    ingest_paths([DOCS / "letter.txt"])
    item = ReviewItem.objects.filter(status="open").first()
    client.force_login(_user("someone", *groups))
    before = row_counts()
    refused = client.get(f"/{lang}/ingest/")
    assert refused.status_code == 403
    assert (
        "You cannot use this page" if lang == "en" else "Ni allwch ddefnyddio'r dudalen hon"
    ) in html.unescape(refused.content.decode())
    upload = client.post(
        f"/{lang}/ingest/",
        {"document": SimpleUploadedFile("statement.txt", (DOCS / "statement.txt").read_bytes())},
    )
    assert upload.status_code == 403
    assert client.get(f"/{lang}/ingest/review/").status_code == 403
    assert client.get(f"/{lang}/ingest/runs/{IngestRun.objects.get().pk}/").status_code == 403
    assert client.post(f"/{lang}/ingest/review/{item.pk}/", {"action": "confirm"}).status_code == 403
    assert row_counts() == before
    item.refresh_from_db()
    assert item.status == "open" and item.decided_by is None
    assert "/ingest/" not in client.get(f"/{lang}/").content.decode()  # no navigation to what they cannot use


def test_a_member_of_the_ingest_role_uploads_and_confirms(client):
    ingest_paths([DOCS / "letter.txt"])
    item = ReviewItem.objects.filter(status="open").first()
    user = _user("clerk", INGEST)
    client.force_login(user)
    assert 'href="/en/ingest/"' in client.get("/en/").content.decode()
    queued = client.post(
        "/en/ingest/",
        {"document": SimpleUploadedFile("statement.txt", (DOCS / "statement.txt").read_bytes())},
    )
    assert (
        queued.status_code == 302 and client.get(queued["Location"]).status_code == 200
    )  # the upload's run page
    assert client.post(f"/en/ingest/review/{item.pk}/", {"action": "confirm"}).status_code == 302
    item.refresh_from_db()
    assert item.status == "confirmed" and item.decided_by == user


def test_the_role_is_kept_after_migrate_with_exactly_its_permissions():
    ensure_role()
    group = Group.objects.get(name=INGEST)
    group.permissions.clear()
    ensure_role()
    assert sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()) == [
        "ingest.add_ingestrun",
        "ingest.change_reviewitem",
        "ingest.view_ingestrun",
        "ingest.view_reviewitem",
    ]
