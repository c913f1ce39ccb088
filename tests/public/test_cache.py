"""Cached public figures follow the register: any change retires them at once."""

from __future__ import annotations

import datetime as dt

import pytest

from igr.public.cache import cached, current_version
from igr.register.models import Body, Meeting

pytestmark = pytest.mark.django_db


def test_a_change_to_the_register_retires_cached_counts(client, demo):
    n = Meeting.objects.filter(body__key="imsc", published=True).count()
    before = client.get("/en/meetings/", {"body": "imsc"}).content.decode()
    assert (f"{n} meetings" if n != 1 else "1 meeting") in before
    version = current_version()
    Meeting.objects.create(body=Body.objects.get(key="imsc"), date=dt.date(2024, 5, 1), status="held")
    assert current_version() != version
    after = client.get("/en/meetings/", {"body": "imsc"}).content.decode()
    assert f"{n + 1} meetings" in after and "/en/meetings/imsc/2024-05-01/" in after


def test_withdrawing_a_meeting_updates_cached_body_figures(client, demo):
    html = client.get("/en/bodies/").content.decode()
    assert "img-elections" in html
    count = Meeting.objects.filter(body__key="img-elections", published=True).count()
    meeting = Meeting.objects.filter(body__key="img-elections").first()
    meeting.published = False
    meeting.save()
    rows = {
        r["key"]: r
        for r in __import__("json").loads(
            b"".join(client.get("/en/bodies/", {"format": "json"}).streaming_content)
        )
    }
    assert rows["img-elections"]["meeting_count"] == count - 1


def test_nothing_is_cached_before_any_change_is_recorded(db):
    calls = []
    assert current_version() == "none"
    cached("probe", lambda: calls.append(1) or 1)
    cached("probe", lambda: calls.append(1) or 1)
    assert len(calls) == 2
