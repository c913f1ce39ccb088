"""Demonstration data, the meetings CLI and stable references."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from igr.register.models import Attendance, Meeting
from igr.register.services.demo import load_demo

pytestmark = pytest.mark.django_db

SEED = "img-safety-security-migration/2023-07-11"


def test_seed_meeting_with_its_five_attendees(demo):
    meeting = Meeting.objects.get(reference=SEED)
    assert meeting.ordinal == 2 and meeting.mode == "virtual" and meeting.chair.name == "Suella Braverman"
    names = set(meeting.attendances.values_list("person__name", flat=True))
    assert names == {
        "Suella Braverman",
        "Jane Hutt",
        "Shirley-Anne Somerville",
        "Cathy Galway",
        "Julie Cummings",
    }
    officials = meeting.attendances.filter(capacity=Attendance.Capacity.OFFICIAL)
    assert set(officials.values_list("government__key", flat=True)) == {"northern-ireland"}


def test_demo_loads_idempotently(demo):
    before = (Meeting.objects.count(), Attendance.objects.count())
    again = load_demo()
    assert (Meeting.objects.count(), Attendance.objects.count()) == before
    assert not [k for k, v in again.items() if not k.endswith(".unchanged") and v]


def test_meetings_command_lists_references_as_json(demo, capsys):
    call_command("meetings", "--format", "json")
    rows = json.loads(capsys.readouterr().out)
    refs = {r["reference"] for r in rows}
    assert SEED in refs and len(rows) == Meeting.objects.count()
    seed = next(r for r in rows if r["reference"] == SEED)
    assert seed["body_name_cy"] == "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo"


def test_meetings_command_rejects_unknown_body(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no body"):
        call_command("meetings", "--body", "no-such-body")


def test_igr_console_script_runs_commands(tmp_path):
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "IGR_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
    }

    def run(*a):
        return subprocess.run(
            [sys.executable, "-m", "igr", *a], env=env, capture_output=True, text=True, timeout=120
        )

    assert run("migrate", "-v0").returncode == 0
    assert run("load_demo").returncode == 0
    out = run("meetings", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert SEED in {r["reference"] for r in json.loads(out.stdout)}
