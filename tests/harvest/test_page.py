"""The officials' harvest page, in English and Welsh: each source's last run, its counts and its errors."""

from __future__ import annotations

import pytest

from igr.harvest.models import HarvestRun

from .conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("official", password="a long test password", is_staff=True)


@pytest.fixture
def runs():
    HarvestRun.objects.create(
        source="govuk",
        started_at=NOW,
        finished_at=NOW,
        found=3,
        new=2,
        unchanged=0,
        revised=0,
        failed=1,
        errors=[{"address": "https://www.gov.uk/api/content/x", "code": "timeout", "detail": "ReadTimeout"}],
    )
    HarvestRun.objects.create(source="feeds", started_at=NOW, found=1, new=1)


def test_the_page_is_for_officials_only(client, staff):
    assert client.get("/en/harvest/").status_code == 302
    client.force_login(staff)
    assert client.get("/en/harvest/").status_code == 200


def test_each_sources_last_run_and_errors_in_english(client, staff, runs):
    client.force_login(staff)
    html = client.get("/en/harvest/").content.decode()
    assert "GOV.UK" in html and "The site did not answer in time, even after retrying." in html
    assert "https://www.gov.uk/api/content/x" in html and "Did not finish" in html
    assert "This source has not run yet." in html  # pages


def test_the_same_page_in_welsh(client, staff, runs):
    client.force_login(staff)
    html = client.get("/cy/harvest/").content.decode()
    assert 'lang="cy"' in html and "Cynaeafu" in html
    assert "Ni atebodd y wefan mewn pryd, hyd yn oed ar ôl ceisio eto." in html
    assert "Heb orffen" in html and "Nid yw'r ffynhonnell hon wedi rhedeg eto." in html
    assert "Mehefin 2025" in html
