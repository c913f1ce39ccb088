"""Publisher profiles, on pages written for the test the way each publisher lays its pages out.

Each page carries its publisher's furniture (cookie banners, share links, "Is this page useful?", format labels,
speaker headers, column numbers); the profile must recognise the page, keep its furniture out of the record, and
find the body, the date and the author where that publisher puts them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from igr.extract import extract_path, extract_text
from igr.extract.publishers import blank_furniture, by_address, profiles, stack

PAGES = Path(__file__).parent / "documents" / "pages"


def record(name: str, **kw) -> dict:
    return extract_path(PAGES / name, **kw)[0]


def people(meeting: dict) -> set[tuple]:
    return {(a["name"], a["government"]) for a in meeting["attendees"]}


@pytest.mark.parametrize(
    "page, key",
    [
        ("gov_uk_communique.txt", "gov-uk"),
        ("llyw_cymru_datganiad.txt", "gov-wales"),
        ("gov_scot_minutes.txt", "gov-scot"),
        ("ni_department_news.txt", "ni-departments"),
        ("hansard_lords_question.txt", "uk-parliament"),
        ("written_answer_commons.txt", "uk-parliament"),
        ("twfy_scottish_parliament.txt", "theyworkforyou"),
        ("senedd_cofnod.txt", "senedd"),
        ("ni_assembly_statement.txt", "ni-assembly"),
    ],
)
def test_a_page_is_recognised_by_its_own_furniture(page, key):
    assert stack((PAGES / page).read_text(encoding="utf-8"))[0].key == key


def test_an_unknown_publisher_is_read_with_the_generic_profile_alone():
    text = (PAGES / "unknown_publisher_page.txt").read_text(encoding="utf-8")
    assert [p.key for p in stack(text)] == ["generic"]
    meeting = record("unknown_publisher_page.txt")["meetings"][0]
    assert meeting["body_key"] == "fisc"
    assert meeting["meeting_date"] == "2025-02-12"
    assert meeting["location"] == "Edinburgh"
    # Its cookie banner and share links are furniture even so.
    blanked = blank_furniture(text, stack(text))
    assert "cookies" not in blanked and "Share on Facebook" not in blanked and "Copy link" not in blanked


@pytest.mark.parametrize(
    "url, key",
    [
        ("https://www.gov.uk/government/publications/x", "gov-uk"),
        ("https://www.daera-ni.gov.uk/news/x", "ni-departments"),
        ("https://llyw.cymru/datganiad-ysgrifenedig-x", "gov-wales"),
        ("https://hansard.parliament.uk/Lords/2025-03-11/debates/x", "uk-parliament"),
        ("https://www.theyworkforyou.com/sp/?id=2025-03-05.4.0", "theyworkforyou"),
        ("https://record.senedd.wales/Plenary/1234", "senedd"),
        ("https://example.org/news/x", None),
    ],
)
def test_the_source_address_names_the_profile(url, key):
    found = by_address(url)
    assert (found.key if found else None) == key


def test_the_address_outranks_the_furniture():
    text = (PAGES / "unknown_publisher_page.txt").read_text(encoding="utf-8")
    assert extract_text(text)[0]["issuing_government"] is None
    assert (
        extract_text(text, url="https://www.gov.scot/news/x")[0]["issuing_government"]
        == "Scottish Government"
    )


def test_html_names_its_own_address(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><link rel='canonical' href='https://www.gov.scot/news/x'>"
        "<title>Ministers meet</title></head><body><main><h1>Ministers meet</h1><p>Finance ministers met "
        "in Edinburgh on 12 February 2025 for the Finance: Interministerial Standing Committee.</p></main>"
        "</body></html>",
        encoding="utf-8",
    )
    assert extract_path(page)[0]["issuing_government"] == "Scottish Government"


def test_gov_uk_page():
    rec = record("gov_uk_communique.txt")
    assert (rec["doc_type"], rec["issuing_government"], rec["published_date"]) == (
        "communique",
        "UK Government",
        "2025-03-11",
    )
    meeting = rec["meetings"][0]
    assert (meeting["body_key"], meeting["meeting_date"], meeting["meeting_ordinal"]) == (
        "img-trade",
        "2025-03-04",
        4,
    )
    assert meeting["chair"]["name"] == "Alan Roe"
    assert people(meeting) == {
        ("Alan Roe", "UK Government"),
        ("Jane Poe", "Scottish Government"),
        ("Huw Moe", "Welsh Government"),
    }


def test_llyw_cymru_page_in_welsh():
    rec = record("llyw_cymru_datganiad.txt")
    assert (rec["doc_type"], rec["issuing_government"], rec["published_date"]) == (
        "written_statement",
        "Welsh Government",
        "2025-03-20",
    )
    assert rec["author"]["name"] == "Jane Doe"
    meeting = rec["meetings"][0]
    assert (meeting["body_key"], meeting["meeting_date"], meeting["mode"]) == (
        "img-trade",
        "2025-03-04",
        "virtual",
    )
    assert people(meeting) == {
        ("Jane Doe", "Welsh Government"),
        ("Alan Roe", "UK Government"),
        ("Jane Poe", "Scottish Government"),
    }


def test_gov_scot_minutes_page():
    rec = record("gov_scot_minutes.txt")
    assert (rec["issuing_government"], rec["published_date"]) == ("Scottish Government", "2025-02-20")
    meeting = rec["meetings"][0]
    assert meeting["body_key"] == "finance-quadrilateral"
    assert meeting["chair"]["name"] == "Jane Poe"
    assert {a["government"] for a in meeting["attendees"]} == {
        "Scottish Government",
        "UK Government",
        "Welsh Government",
        "Northern Ireland Executive",
    }


def test_ni_department_news_page():
    rec = record("ni_department_news.txt")
    assert (rec["issuing_government"], rec["published_date"]) == ("Northern Ireland Executive", "2025-03-14")
    meeting = rec["meetings"][0]
    assert (meeting["meeting_date"], meeting["location"]) == ("2025-03-14", "London")
    assert ("Mary Loe", "Northern Ireland Executive") in people(meeting)


def test_hansard_answer_is_the_answering_ministers_and_the_question_reports_nothing():
    rec = record("hansard_lords_question.txt")
    assert (rec["doc_type"], rec["issuing_government"], rec["published_date"]) == (
        "other",
        "UK Government",
        "2025-03-11",
    )
    assert rec["author"] == {"name": "Baroness Roe", "role": "Minister of State, Cabinet Office"}
    [meeting] = rec["meetings"]
    assert (meeting["body_key"], meeting["meeting_date"], meeting["location"]) == (
        "cnr",
        "2025-03-07",
        "Belfast",
    )
    assert {a["role"] for a in meeting["attendees"]} >= {
        "Prime Minister",
        "First Minister of Scotland",
        "First Minister of Wales",
    }
    # Speaker headers, share links and column numbers are nobody.
    assert not any(a["name"] for a in meeting["attendees"])


def test_written_answer_lists_the_meetings_it_answers_with():
    rec = record("written_answer_commons.txt")
    assert rec["author"]["name"] == "Alan Roe"
    assert rec["published_date"] == "2025-03-10"  # answered, not tabled
    assert sorted(m["meeting_date"] for m in rec["meetings"]) == ["2024-09-19", "2024-12-05", "2025-02-27"]


def test_theyworkforyou_record_answered_in_the_scottish_parliament():
    rec = record("twfy_scottish_parliament.txt")
    assert (rec["issuing_government"], rec["published_date"]) == ("Scottish Government", "2025-03-05")
    assert rec["author"]["name"] == "Jane Poe"  # who answers, not who asks
    [meeting] = rec["meetings"]
    assert (meeting["body_key"], meeting["meeting_date"]) == ("imsc", "2025-02-27")
    assert people(meeting) == {
        ("Jane Poe", "Scottish Government"),
        (None, "UK Government"),
        (None, "Welsh Government"),
    }


def test_senedd_record_in_welsh():
    rec = record("senedd_cofnod.txt")
    assert (rec["issuing_government"], rec["published_date"]) == ("Welsh Government", "2025-03-18")
    assert rec["author"] == {"name": "Huw Moe", "role": "Cwnsler Cyffredinol"}  # called by the Llywydd
    [meeting] = rec["meetings"]
    assert (meeting["body_key"], meeting["meeting_date"], meeting["meeting_ordinal"]) == (
        "cnr",
        "2025-03-14",
        3,
    )
    assert (meeting["location"], meeting["mode"]) == ("Caeredin", "in_person")
    assert people(meeting) == {
        ("Huw Moe", "Welsh Government"),
        (None, "UK Government"),
        (None, "Scottish Government"),
    }


def test_ni_assembly_statement_made_by_the_speaking_minister():
    rec = record("ni_assembly_statement.txt")
    assert rec["issuing_government"] == "Northern Ireland Executive"
    assert rec["author"] == {"name": "Loe", "role": "deputy First Minister"}
    [meeting] = rec["meetings"]
    assert (meeting["body_key"], meeting["meeting_date"], meeting["meeting_ordinal"]) == (
        "bic",
        "2025-06-13",
        40,
    )
    # "by me as deputy First Minister" is the speaker, not another attendee; "the First Minister" is the Executive's.
    assert (None, "Northern Ireland Executive") in people(meeting)
    assert [a for a in meeting["attendees"] if a["role"] == "deputy First Minister"] == [
        {
            "name": "Loe",
            "role": "deputy First Minister",
            "government": "Northern Ireland Executive",
            "capacity": "minister",
        }
    ]


def test_every_profile_is_valid_data():
    keys = [p.key for p in profiles()]
    assert keys[-1] == "generic" and len(set(keys)) == len(keys)
    for p in profiles():
        assert p.kind in ("government", "parliament", "generic")
        assert p.kind == "generic" or p.rules("recognise")
