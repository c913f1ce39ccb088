"""The annual report in both languages (DOCX and PDF, read back), and the CLI's handling of bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from igr.reporting import workflow
from igr.reporting.models import Obligation, PublishedFile, ReportingPeriod

from .readback import docx_read, pdf_read

D = dt.date


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_annual_report_in_both_languages(seed_reported, tmp_path, fmt):
    texts = {}
    for language in ("en", "cy"):
        out = tmp_path / f"report-{language}.{fmt}"
        call_command(
            "annual_report",
            "2023-24",
            "--language",
            language,
            "--format",
            fmt,
            "--output",
            str(out),
            "--date",
            "2024-10-15",
        )
        content = out.read_bytes()
        texts[language] = docx_read(content)[0] if fmt == "docx" else pdf_read(content)[0]
    en, cy = texts["en"], texts["cy"]
    assert "REPORT BY THE WELSH GOVERNMENT" in en and "ADRODDIAD GAN LYWODRAETH CYMRU" in cy
    assert "1 April 2023 – 4 July 2024" in en and "1 Ebrill 2023 – 4 Gorffennaf 2024" in cy
    assert "Meetings by body" in en and "Cyfarfodydd fesul corff" in cy
    assert (
        "Safety, Security and Migration Interministerial Group" in en
        and "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo" in cy
    )
    assert "Jane Hutt" in en and "Jane Hutt" in cy
    # The statement on the seed meeting came 76 days after it, on time against the target; others are not yet made.
    assert "25 September 2023 76 On time" in en and "25 Medi 2023 76 Mewn pryd" in cy
    assert "Not yet made" in en and "Heb ei wneud eto" in cy
    assert "not terms of the agreement" in en and "nid telerau'r cytundeb" in cy
    assert "Interministerial Group for Elections and Registration" in en


def test_the_annual_report_goes_through_the_workflow_and_meets_its_obligation(seeded, db, users):
    period = ReportingPeriod.objects.get(key="2023-24")
    report = workflow.start_draft(users["drafter"], "annual_report", period=period, on=D(2024, 10, 15))
    workflow.submit_for_approval(report, users["drafter"])
    workflow.approve(report, users["approver"])
    workflow.publish(report, users["publisher"], on=D(2024, 10, 15))
    obligation = Obligation.objects.get(period=period)
    assert obligation.met_on == D(2024, 10, 15) and obligation.met_by == report
    assert PublishedFile.objects.filter(document=report, format="docx").count() == 2


def test_render_refuses_bad_input_and_leaves_nothing_behind(seeded, db, tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match="no meeting has the reference"):
        call_command(
            "render",
            "no-such-body/2023-01-01",
            "--document",
            "letter",
            "--language",
            "cy",
            "--format",
            "pdf",
            "--output",
            str(out),
        )
    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "render",
            "img-safety-security-migration/2023-07-11",
            "--document",
            "letter",
            "--language",
            "cy",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "missing" / "x.pdf"),
        )
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command(
            "render",
            "img-safety-security-migration/2023-07-11",
            "--document",
            "letter",
            "--language",
            "cy",
            "--format",
            "pdf",
            "--output",
            str(out),
            "--date",
            "25/09/2023",
        )
    with pytest.raises(CommandError, match="no reporting period"):
        call_command("annual_report", "1999-00", "--language", "en", "--format", "pdf", "--output", str(out))
    assert list(tmp_path.iterdir()) == []


def test_render_marks_missing_welsh_and_strict_refuses(seeded, db, tmp_path, capsys):
    from igr.register.models import AgendaItem

    AgendaItem.objects.filter(meeting__reference="img-safety-security-migration/2023-07-11").update(
        position_cy=""
    )
    out = tmp_path / "letter.docx"
    call_command(
        "render",
        "img-safety-security-migration/2023-07-11",
        "--document",
        "letter",
        "--language",
        "cy",
        "--format",
        "docx",
        "--output",
        str(out),
    )
    assert "Testun Cymraeg ar goll" in docx_read(out.read_bytes())[0]
    assert "safbwynt Llywodraeth Cymru" in capsys.readouterr().err
    with pytest.raises(CommandError, match="missing in this language"):
        call_command(
            "render",
            "img-safety-security-migration/2023-07-11",
            "--document",
            "letter",
            "--language",
            "cy",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "strict.docx"),
            "--strict",
        )
    # English is complete, so the English letter renders strictly.
    call_command(
        "render",
        "img-safety-security-migration/2023-07-11",
        "--document",
        "letter",
        "--language",
        "en",
        "--format",
        "html",
        "--output",
        str(tmp_path / "en.html"),
        "--strict",
    )


def test_text_with_ampersands_and_angle_brackets_survives_every_format(seeded, db, tmp_path):
    from igr.register.models import AgendaItem

    AgendaItem.objects.filter(
        meeting__reference="img-safety-security-migration/2023-07-11", sort_order=0
    ).update(position_en="Costs & <benefits> of the Bill", position_cy="Costau & <manteision> y Bil")
    for fmt in ("docx", "pdf", "html"):
        out = tmp_path / f"s.{fmt}"
        call_command(
            "render",
            "img-safety-security-migration/2023-07-11",
            "--document",
            "statement",
            "--language",
            "cy",
            "--format",
            fmt,
            "--output",
            str(out),
        )
        content = out.read_bytes()
        text = {
            "docx": lambda c: docx_read(c)[0],
            "pdf": lambda c: pdf_read(c)[0],
            "html": lambda c: c.decode(),
        }[fmt](content)
        expected = "Costau &amp; &lt;manteision&gt; y Bil" if fmt == "html" else "Costau & <manteision> y Bil"
        assert expected in text, fmt


def test_sync_obligations_is_idempotent(seeded, db):
    before = list(Obligation.objects.order_by("pk").values_list("pk", "due_date", "met_on"))
    call_command("sync_obligations")
    assert list(Obligation.objects.order_by("pk").values_list("pk", "due_date", "met_on")) == before
