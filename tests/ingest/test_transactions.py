"""A failure inside one document rolls back that document only; the rest of the batch goes in."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from igr.ingest.services.pipeline import Pipeline
from igr.register.models import Document, DocumentVersion, Meeting, Provenance

from .conftest import DOCS, row_counts

pytestmark = pytest.mark.django_db
LETTER, STATEMENT, COMMUNIQUE = DOCS / "letter.txt", DOCS / "statement.txt", DOCS / "communique.txt"


class Injected(RuntimeError):
    pass


def fail_inside_the_statement():
    """A pipeline hook that fails after the statement's document, version and meeting link are written."""
    state = {"statement": False}

    def hook(step: str, obj: object) -> None:
        if step == "document":
            state["statement"] = getattr(obj, "kind", "") == "written_statement"
        if step == "meeting" and state["statement"]:
            raise Injected("failure injected half-way through the statement")

    return hook


def test_a_failure_half_way_through_a_document_leaves_none_of_its_rows(media):
    pipeline = Pipeline(hook=fail_inside_the_statement())
    report = pipeline.run_paths([LETTER, STATEMENT, COMMUNIQUE]).as_dict()
    assert report["documents"] == {"new": 2, "unchanged": 0, "revised": 0, "failed": 1}
    assert report["failures"][0]["name"] == "statement.txt" and "Injected" in report["failures"][0]["detail"]
    assert report["failures"][0]["message_cy"].startswith("Nid oedd modd")
    assert not Document.objects.filter(kind="written_statement").exists()
    assert DocumentVersion.objects.count() == 2
    assert set(Provenance.objects.values_list("document_version__document__kind", flat=True)) == {
        "letter",
        "communique",
    }
    ssm = Meeting.objects.get(body__key="img-safety-security-migration")
    assert ssm.mode == "" and ssm.documents.count() == 1  # the statement's "virtually" never arrived
    assert Meeting.objects.filter(body__key="img-trade").exists()  # the document after the failure went in
    stored = sorted(p.name for p in Path(media).rglob("*") if p.is_file())
    assert len(stored) == 2  # the failed document's file was removed with its rows
    # Once the fault is gone the same file goes in as new: nothing of it was recorded as seen.
    again = Pipeline().run_paths([STATEMENT]).as_dict()
    assert again["documents"]["new"] == 1 and Meeting.objects.get(pk=ssm.pk).mode == "virtual"


def test_bad_input_is_reported_in_both_languages_and_changes_nothing(write_doc, tmp_path, capsys):
    call_command("ingest", str(LETTER), "--no-progress")
    before = row_counts()
    png = tmp_path / "in" / "scan.pdf"
    png.parent.mkdir(parents=True, exist_ok=True)
    png.write_bytes(b"%PDF-1.7\n" + b"\x00\x01broken" * 50)
    empty = write_doc("empty.txt", "   \n")
    with pytest.raises(CommandError):
        call_command("ingest", str(png), str(empty), "--no-progress")
    err = capsys.readouterr().err
    assert "scan.pdf: The PDF is damaged or incomplete. / Mae'r PDF wedi'i ddifrodi neu'n anghyflawn." in err
    assert (
        "empty.txt: The file is empty or holds no text. / Mae'r ffeil yn wag neu nid oes testun ynddi." in err
    )
    assert row_counts() == before
