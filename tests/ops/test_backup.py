"""``igr backup`` and ``igr restore`` put back every row of every table and every stored file, exactly, on SQLite
and on PostgreSQL; a bad archive is refused before anything changes."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from igr.ingest.services.pipeline import ingest_paths
from igr.ops import databases
from igr.register.models import Meeting
from tests.ingest.conftest import DOCS

pytestmark = pytest.mark.django_db(transaction=True)


def _cell(value):
    return bytes(value) if isinstance(value, memoryview) else value


def database_contents() -> dict[str, list[str]]:
    """Every row of every table the database lists (full-text and migration tables too), order-independent."""
    qn = connection.ops.quote_name
    contents = {}
    with connection.cursor() as cursor:
        for table in databases.tables():
            cursor.execute(f"SELECT * FROM {qn(table)}")
            contents[table] = sorted(repr(tuple(_cell(v) for v in row)) for row in cursor.fetchall())
    return contents


def stored_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def register(demo, settings, tmp_path):
    from igr.reporting.demo import load_reporting_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_reporting_demo()
    ingest_paths([DOCS / "letter.txt", DOCS / "statement.txt"])
    call_command("rebuild_search", verbosity=0)
    get_user_model().objects.create_user(
        "official", "o@example.gov.wales", "a long enough password", is_staff=True
    )
    return settings.MEDIA_ROOT


@pytest.fixture
def small(demo, settings, tmp_path):
    """A smaller register for the refusals: the demonstration and one stored document."""
    settings.MEDIA_ROOT = tmp_path / "media"
    ingest_paths([DOCS / "letter.txt"])
    return settings.MEDIA_ROOT


def test_restore_puts_back_every_table_and_file_exactly(register, tmp_path, capsys):
    before, files = database_contents(), stored_files(register)
    assert files and sum(len(rows) for rows in before.values()) > 500
    archive = tmp_path / "register.tar.gz"
    call_command("backup", str(archive))
    assert "Backed up" in capsys.readouterr().out

    Meeting.objects.filter(
        reference="imsc/2023-05-17"
    ).delete()  # the seed meeting is protected by its published documents
    get_user_model().objects.create_user("intruder")
    first = sorted(register.rglob("*.*"))[0]
    first.unlink()
    (register / "stray.txt").write_text("not in the backup")
    assert database_contents() != before

    call_command("restore", str(archive), "--no-input")
    assert database_contents() == before
    assert stored_files(register) == files
    # keys continue after the restored rows: a new record does not collide with a restored one
    assert get_user_model().objects.create_user("after-restore").pk > max(
        get_user_model().objects.exclude(username="after-restore").values_list("pk", flat=True)
    )


def test_the_archive_says_what_it_holds(small, tmp_path):
    archive = tmp_path / "register.tar.gz"
    call_command("backup", str(archive))
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert manifest["vendor"] == connection.vendor
    assert manifest["tables"]["register_meeting"] == Meeting.objects.count()
    assert {f"media/{name}" for name in manifest["files"]} <= names and "database" in names
    assert ["register", "0001_initial"] in manifest["migrations"]


def _rewrite(archive: Path, target: Path, change) -> Path:
    with tarfile.open(archive) as src, tarfile.open(target, "w:gz") as out:
        for member in src.getmembers():
            data = src.extractfile(member).read() if member.isfile() else None
            member, data = change(member, data)
            if data is not None:
                member.size = len(data)
                out.addfile(member, io.BytesIO(data))
    return target


def _manifest_change(key, value):
    def change(member, data):
        if member.name == "manifest.json":
            manifest = json.loads(data)
            manifest[key] = value(manifest[key]) if callable(value) else value
            data = json.dumps(manifest).encode()
        return member, data

    return change


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("not-an-archive", "is not a register backup"),
        ("missing", "does not exist"),
        ("damaged-file", "does not match its checksum"),
        ("other-database", "backup; this register uses"),
        ("newer-register", "newer version of the register"),
    ],
)
def test_a_bad_archive_is_refused_and_changes_nothing(small, tmp_path, case, message):
    register = small
    good = tmp_path / "good.tar.gz"
    call_command("backup", str(good))
    Meeting.objects.filter(reference="img-safety-security-migration/2023-07-11").delete()
    before, files = database_contents(), stored_files(register)
    bad = {
        "not-an-archive": lambda: (tmp_path / "notes.txt").write_text("hello") and tmp_path / "notes.txt",
        "missing": lambda: tmp_path / "nowhere.tar.gz",
        "damaged-file": lambda: _rewrite(
            good, tmp_path / "bad.tar.gz", lambda m, d: (m, d + b"!" if m.name.startswith("media/") else d)
        ),
        "other-database": lambda: _rewrite(
            good, tmp_path / "bad.tar.gz", _manifest_change("vendor", "oracle")
        ),
        "newer-register": lambda: _rewrite(
            good,
            tmp_path / "bad.tar.gz",
            _manifest_change("migrations", lambda m: [*m, ["register", "9999_future"]]),
        ),
    }[case]()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad), "--no-input")
    assert database_contents() == before and stored_files(register) == files


def test_restore_asks_before_replacing_the_register(small, tmp_path, monkeypatch):
    archive = tmp_path / "register.tar.gz"
    call_command("backup", str(archive))
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    before = database_contents()
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("restore", str(archive))
    assert database_contents() == before
