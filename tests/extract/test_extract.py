"""The extractor on documents written for these tests: fields, Welsh, year inference, forum spellings."""

from __future__ import annotations

import datetime as dt

import pytest

from igr.extract import extract_bytes, extract_path, extract_text
from igr.extract.dates import find_dates, infer_year, tense_of
from igr.extract.gazetteer import gazetteer
from tests.extract.conftest import LETTER, SHARED, STATEMENT, make_docx, make_html, make_pdf


def _names(meeting):
    return {a["name"]: a for a in meeting["attendees"] if a["name"]}


def test_letter_fields():
    (rec,) = extract_text(LETTER, "letter.txt")
    assert rec["doc_type"] == "letter" and rec["issuing_government"] == "Welsh Government"
    assert rec["author"]["name"] == "Jane Hutt" and rec["published_date"] == "2023-09-25"
    (m,) = rec["meetings"]
    assert m["body_key"] == "img-safety-security-migration" and m["meeting_date"] == "2023-07-11"
    assert m["meeting_ordinal"] == 2 and m["chair"]["name"] == "Suella Braverman"
    people = _names(m)
    assert people["Suella Braverman"]["government"] == "UK Government"
    assert people["Shirley-Anne Somerville"]["government"] == "Scottish Government"
    assert "Jane Hutt" in people  # "I raised concerns": the author took part
    assert m["communique_referenced"] is True and "4 December" in m["next_meeting"]
    assert rec["recipients"][0]["name"] == "Huw Irranca-Davies"
    assert rec["provenance"]["meetings[0].meeting_date"]["confidence"] > 0


def test_statement_fields_and_capacities():
    (rec,) = extract_text(STATEMENT)
    (m,) = rec["meetings"]
    assert rec["doc_type"] == "written_statement" and rec["published_date"] == "2024-03-14"
    assert m["body_key"] == "imsc" and m["meeting_date"] == "2024-03-12" and m["meeting_ordinal"] == 6
    assert m["mode"] == "virtual"
    people = _names(m)
    assert people["Michelle O'Neill"]["government"] == "Northern Ireland Executive"
    assert people["Mick Antoniw"]["government"] == "Welsh Government"
    observers = [a for a in m["attendees"] if a["capacity"] == "observer"]
    assert observers and observers[0]["government"] == "Scottish Government"


def test_combined_file_yields_two_records():
    recs = extract_text(LETTER + "\n\n" + STATEMENT)
    assert [r["doc_type"] for r in recs] == ["letter", "written_statement"]
    assert recs[1]["provenance"]["doc_type"]["start"] > len(LETTER) - 10


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared/corpus is absent")
def test_seed_combined_file_splits_into_letter_and_statement():
    recs = extract_path(SHARED / "seed" / "seed-letter-and-statement-2023-09-25.txt")
    assert [r["doc_type"] for r in recs] == ["letter", "written_statement"]
    for rec in recs:
        (m,) = rec["meetings"]
        assert m["meeting_date"] == "2023-07-11" and m["body_key"] == "img-safety-security-migration"
        assert rec["author"]["name"] == "Jane Hutt"
    assert recs[1]["meetings"][0]["mode"] == "virtual"


def test_welsh_statement(welsh_text):
    (rec,) = extract_text(welsh_text)
    assert rec["language"] == "cy" and rec["doc_type"] == "written_statement"
    assert rec["published_date"] == "2023-09-25" and rec["issuing_government"] == "Welsh Government"
    (m,) = rec["meetings"]
    assert m["body_key"] == "img-safety-security-migration" and m["meeting_date"] == "2023-07-11"
    assert m["meeting_ordinal"] == 2 and m["mode"] == "virtual" and m["chair"]["name"] == "Suella Braverman"
    people = _names(m)
    assert people["Suella Braverman"]["government"] == "UK Government"
    assert people["Shirley-Anne Somerville"]["government"] == "Scottish Government"
    assert rec["author"]["role"].startswith("Gweinidog")


@pytest.mark.parametrize(
    "text, iso",
    [
        ("11eg Gorffennaf 2023", "2023-07-11"),
        ("1af Mawrth 2024", "2024-03-01"),
        ("2il Mai 2024", "2024-05-02"),
        ("Dydd Llun 25 Medi 2023", "2023-09-25"),
        ("o Fedi 2023", "2023-09"),
        ("ym mis Gorffennaf 2023", "2023-07"),
        ("11 Gorffenaf 2023", "2023-07-11"),
        ("Thursday 21st May 2020", "2020-05-21"),
        ("Apr 27, 2023", "2023-04-27"),
    ],
)
def test_date_parser(text, iso):
    assert find_dates(text)[0].iso() == iso


def test_ddydd_mawrth_and_may_are_not_dates():
    assert find_dates("ddydd Mawrth fe gawn weld") == []
    assert find_dates("Ministers may meet again") == []


@pytest.mark.parametrize(
    "sentence, iso",
    [
        ("The meeting was held on 11 July.", "2023-07-11"),
        ("The meeting held on 30 November was useful.", "2022-11-30"),
        ("The group will meet on 4 December.", "2023-12-04"),
        ("The next meeting is due on 10 March.", "2024-03-10"),
    ],
)
def test_year_inferred_from_document_date_and_tense(sentence, iso):
    ref = dt.date(2023, 9, 25)
    assert infer_year(find_dates(sentence)[0], ref, tense_of(sentence)) == iso


@pytest.mark.parametrize(
    "spelling, key",
    [
        ("Inter- Ministerial Group for environment, Food and Rural Affairs", "img-efra"),
        ("IMG EFRA", "img-efra"),
        ("JMC(EN)", "jmc-en"),
        ("JMC (EN)", "jmc-en"),
        ("joint ministerial committee (European Union negotiations)", "jmc-en"),
        ("Finance: Inter-Ministerial Standing Committee (F:ISC)", "fisc"),
        ("Inter-Ministerial Standing Committee", "imsc"),
        ("British Irish Council", "bic"),
        ("Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo", "img-safety-security-migration"),
        ("Cyngor y Gwledydd a'r Rhanbarthau", "cnr"),
    ],
)
def test_forum_spellings_resolve(spelling, key):
    hits = gazetteer().find_bodies(f"a meeting of the {spelling} was held")
    assert hits and hits[0].key == key


def test_unlisted_spelling_resolves_by_distinctive_words():
    assert gazetteer().resolve_phrase("Interministerial Group (Trade)") == "img-trade"
    assert (
        gazetteer().resolve_phrase("Interministerial Group for Housing, Communites & Local Government")
        == "img-housing-communities-local-government"
    )


def test_author_who_could_not_attend_is_not_an_attendee():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nVaughan Gething MS, Minister for Economy\n\n"
        "First published:\n10 March 2022\n\nThe Interministerial Group for Trade met on 17 February 2022. "
        "The meeting was called at short notice and I was not able to participate. The meeting was chaired by "
        "the Minister for Trade Policy, Penny Mordaunt MP. A senior Welsh Government official attended as an observer."
    )
    (m,) = extract_text(text)[0]["meetings"]
    assert "Vaughan Gething" not in _names(m)
    assert any(a["capacity"] == "observer" and a["government"] == "Welsh Government" for a in m["attendees"])


def test_every_format_gives_the_same_record(tmp_path):
    want = extract_text(STATEMENT)[0]["meetings"][0]
    for path in (make_pdf(STATEMENT, tmp_path / "s.pdf"), make_docx(STATEMENT, tmp_path / "s.docx")):
        got = extract_path(path)[-1]["meetings"][0]
        assert got["meeting_date"] == want["meeting_date"] and got["body_key"] == want["body_key"]
        assert set(_names(got)) == set(_names(want))
    html = extract_bytes(make_html(STATEMENT, tmp_path / "s.html").read_bytes(), "s.html")[0]["meetings"][0]
    assert html["meeting_date"] == want["meeting_date"]


def test_extract_does_not_import_django():
    import subprocess
    import sys

    code = "import sys, igr.extract, igr.extract.cli; igr.extract.extract_text('x meeting'); print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
