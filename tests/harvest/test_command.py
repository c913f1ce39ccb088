"""``igr harvest`` on the command line: its report, its errors in both languages, the lock and the dry run."""

from __future__ import annotations

import fcntl
import io
import os

import pytest
from django.core.management import CommandError, call_command

from igr.harvest.models import HarvestRun, SeenAddress
from igr.register.models import Document, DocumentVersion, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_waiting(settings):
    settings.IGR_HARVEST_DELAY = 0.0  # the command's own fetcher: no pause between requests in tests


def igr_harvest(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("harvest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_harvest_govuk_turns_the_listed_communiques_into_meetings_and_a_second_run_changes_nothing(
    server, reference
):
    out, err = igr_harvest("govuk", "--base-url", server.url)
    assert out.strip() == "govuk: found 3, new 3, unchanged 0, revised 0, failed 0" and not err
    assert (
        Meeting.objects.filter(
            reference__in=["imsc/2024-10-09", "img-trade/2024-11-05", "cnr/2025-05-16"]
        ).count()
        == 3
    )
    state = (
        Document.objects.count(),
        DocumentVersion.objects.count(),
        Meeting.objects.count(),
        SeenAddress.objects.count(),
    )
    out, _ = igr_harvest("govuk", "--base-url", server.url)
    assert out.strip() == "govuk: found 3, new 0, unchanged 3, revised 0, failed 0"
    assert (
        Document.objects.count(),
        DocumentVersion.objects.count(),
        Meeting.objects.count(),
        SeenAddress.objects.count(),
    ) == state


def test_a_dry_run_reports_and_changes_nothing(server, reference):
    out, _ = igr_harvest("govuk", "--base-url", server.url, "--dry-run")
    assert out.strip() == "Dry run: govuk: found 3, new 3, unchanged 0, revised 0, failed 0"
    assert (
        not Document.objects.exists() and not SeenAddress.objects.exists() and not HarvestRun.objects.exists()
    )


def test_failures_are_listed_in_english_and_welsh_and_the_exit_status_says_so(server, reference):
    from .server import Reply

    server.routes["/gone"] = [Reply(404, b"")]
    with pytest.raises(CommandError, match="1 item"):
        igr_harvest("pages", f"{server.url}/gone", "--base-url", server.url)
    run = HarvestRun.objects.get(source="pages")
    assert run.failed == 1 and run.errors[0]["code"] == "not_found"


def test_two_runs_never_overlap(server, settings, reference):
    fd = os.open(settings.IGR_HARVEST_LOCK, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(CommandError) as caught:
            igr_harvest("govuk", "--base-url", server.url)
    finally:
        os.close(fd)
    assert "Another harvest is running" in str(caught.value) and "Mae cynaeafu arall ar waith" in str(
        caught.value
    )
    assert not server.log and not HarvestRun.objects.exists()


@pytest.mark.parametrize(
    ("args", "english", "welsh"),
    [
        (["gov.uk"], "Unknown source", "Ffynhonnell anhysbys"),
        (["pages"], "Name the addresses", "Enwch y cyfeiriadau"),
        (["govuk", "--since", "25/09/2023"], "--since must be a date", "Rhaid i --since fod yn ddyddiad"),
        (
            ["govuk", "--base-url", "ftp://mirror.example"],
            "--base-url must be an http",
            "Rhaid i --base-url fod",
        ),
    ],
)
def test_bad_input_is_refused_in_both_languages_before_anything_is_fetched(server, args, english, welsh):
    with pytest.raises(CommandError) as caught:
        igr_harvest(*args)
    assert english in str(caught.value) and welsh in str(caught.value)
    assert not server.log and not HarvestRun.objects.exists()


def test_no_contact_address_no_harvest(server, settings):
    settings.IGR_HARVEST_CONTACT = ""
    with pytest.raises(CommandError, match="IGR_HARVEST_CONTACT"):
        igr_harvest("govuk", "--base-url", server.url)
    assert not server.log
