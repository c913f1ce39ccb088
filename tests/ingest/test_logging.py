"""Failures are logged, never swallowed: every document that fails leaves a log line naming it, its run and why."""

from __future__ import annotations

import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from igr.ingest.services.pipeline import Pipeline
from tests.extract.conftest import LETTER, make_pdf

from .conftest import DOCS

pytestmark = pytest.mark.django_db
PIPELINE = "igr.ingest.services.pipeline"


def truncated_pdf(path: Path) -> Path:
    data = make_pdf(LETTER, path).read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


BAD_BYTES = {
    "fake.docx": b"PK\x03\x04 not really a zip",
    "noise.txt": bytes(range(256)) * 20,
    "empty.txt": b"",
}


def bad_file(folder: Path, name: str) -> Path:
    if name == "cut.pdf":
        return truncated_pdf(folder / name)
    (folder / name).write_bytes(BAD_BYTES[name])
    return folder / name


@pytest.mark.parametrize("name", ["cut.pdf", *BAD_BYTES])
def test_a_file_the_readers_refuse_is_logged_with_its_name_run_and_reason(name, tmp_path, caplog):
    bad = bad_file(tmp_path, name)
    with caplog.at_level(logging.INFO, logger="igr"):
        report = Pipeline().run_paths([DOCS / "letter.txt", bad])
    (failure,) = report.failures
    assert failure.name == name and report.documents["new"] == 1
    lines = [r for r in caplog.records if r.name == PIPELINE and r.levelno >= logging.WARNING]
    assert [r.levelname for r in lines] == ["WARNING"]
    message = lines[0].getMessage()
    assert message.startswith(f"ingest run {report.run.pk}: {name} failed: {failure.message_en}"), message
    assert not failure.detail or failure.detail in message


def test_a_fault_while_importing_is_logged_with_its_traceback_and_the_meeting_reported(caplog):
    def broken(step: str, obj: object) -> None:
        if step == "meeting":
            raise RuntimeError("a fault half-way through the document")

    with caplog.at_level(logging.INFO, logger="igr"):
        report = Pipeline(hook=broken).run_paths([DOCS / "letter.txt"])
    assert report.documents["failed"] == 1
    (line,) = [r for r in caplog.records if r.name == PIPELINE and r.levelno >= logging.WARNING]
    assert line.levelname == "ERROR" and line.exc_info[0] is RuntimeError
    assert (
        "letter.txt failed (reporting img-safety-security-migration/2023-07-11) and was rolled back"
        in line.getMessage()
    )
    assert "RuntimeError: a fault half-way through the document" in line.getMessage()


def test_an_unreadable_sidecar_is_logged(tmp_path, caplog):
    letter = tmp_path / "letter.txt"
    letter.write_text((DOCS / "letter.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "letter.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="igr"):
        report = Pipeline().run_paths([letter])
    assert report.documents["new"] == 1
    (line,) = [r for r in caplog.records if r.name == "igr.ingest.services.sources"]
    assert "letter.txt: its sidecar letter.json could not be read (JSONDecodeError" in line.getMessage()


def test_the_log_goes_to_stderr_one_readable_line_per_event(tmp_path):
    """The LOGGING setting, through the real command: time, level, module, then the message with its context."""
    bad = truncated_pdf(tmp_path / "cut.pdf")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("IGR_", "DJANGO_")) and k != "DATABASE_URL"
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "igr.settings",
        "IGR_SECRET_KEY": secrets.token_urlsafe(50),
        "IGR_VAR_DIR": str(tmp_path / "var"),
        "IGR_MEDIA_ROOT": str(tmp_path / "media"),
    }
    igr = [sys.executable, "-m", "igr"]
    subprocess.run([*igr, "migrate", "-v", "0"], env=env, check=True, capture_output=True, timeout=300)
    out = subprocess.run(
        [*igr, "ingest", "--no-progress", str(DOCS / "letter.txt"), str(bad)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode != 0 and "Documents: 1 new" in out.stdout
    line = re.compile(
        r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d WARNING igr\.ingest\.services\.pipeline: "
        r"ingest run \d+: cut\.pdf failed: .+$",
        re.M,
    )
    assert line.search(out.stderr), out.stderr
