"""Generalisation, on documents we wrote from the domain: open-world forums, Welsh, dates without a year,
listed meetings, and the rule bookkeeping behind ``make eval``. Runs anywhere (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from igr.extract import extract_path, extract_text
from igr.extract.forums import find_forums, forum_tier, is_open, resolve
from igr.extract.rules import REGISTRY, disabled, recording, split_alternatives

DOCS = Path(__file__).parent / "documents"


def _one(name: str, **kwargs) -> dict:
    (rec,) = extract_path(DOCS / name, **kwargs)
    return rec


def _people(meeting: dict) -> dict[str, tuple[str | None, str]]:
    return {a["name"]: (a["government"], a["capacity"]) for a in meeting["attendees"] if a["name"]}


def test_a_forum_outside_the_reference_data_is_kept_as_written_with_a_proposed_key():
    rec = _one("en_statement_new_forum.txt")
    (m,) = rec["meetings"]
    assert m["body"] == "Interministerial Group for Tourism" and m["body_key"] is None
    assert m["body_proposed_key"] == "interministerial-group-for-tourism" and m["body_tier"] == "img"
    assert rec["provenance"]["meetings[0].body"]["confidence"] < 0.5  # an official confirms it
    assert m["meeting_date"] == "2024-10-02" and m["meeting_ordinal"] == 1 and m["mode"] == "in_person"
    assert m["chair"]["name"] == "Harriet Coles"
    assert _people(m) == {
        "Rhodri Pennant": ("Welsh Government", "minister"),
        "Harriet Coles": ("UK Government", "minister"),
        "Fraser McIntyre": ("Scottish Government", "minister"),
    }
    assert [(a["government"], a["capacity"]) for a in m["attendees"] if not a["name"]] == [
        ("Northern Ireland Executive", "official")
    ]


def test_a_work_sector_is_not_filed_under_the_council_it_belongs_to():
    (m,) = _one("en_press_release_work_sector.txt")["meetings"]
    assert m["body"] == "British-Irish Council Environment Work Sector" and m["body_key"] is None
    assert m["body_tier"] == "bic" and m["location"] == "St Helier" and m["meeting_date"] == "2025-03-14"
    people = _people(m)
    assert people["Owain Tudur"] == (
        "Welsh Government",
        "minister",
    )  # "the Welsh Government was represented by"
    assert people["Niamh Fitzgerald"] == ("Irish Government", "minister")
    assert m["chair"]["name"] == "Hannah Le Breton"


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("Interministerial Group (Trade)", "img-trade"),
        ("the Inter-Ministerial Group on Net Zero", "img-net-zero-energy-climate-change"),
        ("JMC(EU Negotiations)", "jmc-en"),
        ("Grŵp Rhyngweinidogol Masnach", "img-trade"),
        ("Cyd-bwyllgor y Gweinidogion (Negodiadau'r UE)", "jmc-en"),
    ],
)
def test_known_forums_are_resolved_tolerantly(phrase, key):
    assert resolve(phrase)[0] == key


@pytest.mark.parametrize(
    ("text", "name", "tier"),
    [
        ("Ministers met at the UK Islands Forum in Kirkwall.", "UK Islands Forum", "council"),
        (
            "The Devolved Finance Ministers' Trilateral met online.",
            "Devolved Finance Ministers' Trilateral",
            "quadrilateral",
        ),
        (
            "Bu'r Grŵp Rhyngweinidogol ar gyfer Twristiaeth yn cyfarfod ddoe.",
            "Grŵp Rhyngweinidogol ar gyfer Twristiaeth",
            "img",
        ),
        (
            "Cyfarfu Sector Gwaith Tai y Cyngor Prydeinig-Gwyddelig yn Nulyn.",
            "Sector Gwaith Tai y Cyngor Prydeinig-Gwyddelig",
            "bic",
        ),
    ],
)
def test_unknown_forums_are_recognised_by_their_shape(text, name, tier):
    (hit,) = find_forums(text)
    assert is_open(hit.key) and hit.text == name and forum_tier(hit.text) == tier


def test_a_welsh_statement_is_read_in_welsh():
    rec = _one("cy_statement_trade.txt")
    assert rec["doc_type"] == "written_statement" and rec["issuing_government"] == "Welsh Government"
    assert rec["author"]["name"] == "Gwenllian Parri" and rec["published_date"] == "2024-03-12"
    assert rec["language"] == "cy"
    (m,) = rec["meetings"]
    assert (
        m["body_key"] == "img-trade" and m["meeting_date"] == "2024-02-27"
    )  # the year from "Cyhoeddwyd gyntaf"
    assert m["meeting_ordinal"] == 2 and m["mode"] == "virtual" and m["communique_referenced"] is True
    assert m["chair"]["name"] == "Tomos Aldridge"  # "(Cadeirydd)"
    people = _people(m)
    assert people == {
        "Gwenllian Parri": ("Welsh Government", "minister"),  # "fy mod wedi mynychu"
        "Tomos Aldridge": ("UK Government", "minister"),  # "AS" alone says nothing of the government
        "Morag Lindsay": ("Scottish Government", "minister"),
        "Aoife Kerrigan": ("Northern Ireland Executive", "minister"),
    }
    assert "Callum Brodie" not in people  # "Nid oedd ... yn gallu bod yn bresennol"
    assert [(a["government"], a["capacity"]) for a in m["attendees"] if not a["name"]] == [
        ("UK Government", "official")
    ]


def test_welsh_mutated_governments_plural_posts_and_observers():
    text = (
        "Datganiad Ysgrifenedig: Grŵp Rhyngweinidogol ar gyfer Addysg\n\nMynychais gyfarfod o'r Grŵp Rhyngweinidogol ar gyfer Addysg ar 3 Mai 2023 yng Nghaerdydd. "
        "Roedd Ysgrifenyddion Gwladol Cymru a'r Alban hefyd yn bresennol, a Phrif Weinidogion Jersey ac "
        "Ynys Manaw. Roedd swyddogion o Ogledd Iwerddon yno fel arsylwyr."
    )
    (rec,) = extract_text(text)
    (m,) = rec["meetings"]
    unnamed = sorted((a["government"], a["capacity"]) for a in m["attendees"] if not a["name"])
    assert unnamed == [
        ("Government of Jersey", "minister"),
        ("Isle of Man Government", "minister"),
        ("Northern Ireland Executive", "observer"),
        ("UK Government", "minister"),
        ("UK Government", "minister"),
    ]


def test_no_year_is_guessed_and_the_publication_date_supplies_one():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nI attended the Interministerial Group for Trade "
        "on 31 January. The meeting was held virtually."
    )
    (rec,) = extract_text(text)
    (m,) = rec["meetings"]
    assert m["meeting_date"] is None and m["meeting_day"] == "--01-31"
    (rec,) = extract_text(text, published="2024-02-20")
    assert rec["meetings"][0]["meeting_date"] == "2024-01-31" and rec["meetings"][0]["meeting_day"] is None


def test_an_answer_listing_dates_gives_one_meeting_per_date_and_leaves_out_officials():
    rec = _one("en_answer_dates.txt")
    assert [(m["body_key"], m["meeting_date"]) for m in rec["meetings"]] == [
        ("fisc", "2023-02-14"),
        ("fisc", "2023-06-19"),
        ("fisc", "2023-11-22"),
    ]


def test_rules_record_what_fires_and_can_be_switched_off():
    with recording() as seen:
        extract_path(DOCS / "en_statement_new_forum.txt")
    assert "forum.en.img" in seen and "meetings.loc_re" in seen
    with disabled({"forum.en.img"}):
        (rec,) = extract_path(DOCS / "en_statement_new_forum.txt")
        assert rec["meetings"] == [] or rec["meetings"][0]["body"] is None
    assert _one("en_statement_new_forum.txt")["meetings"][0]["body"] == "Interministerial Group for Tourism"
    assert split_alternatives(r"a|(?:b|c)|[|]|d\|e") == ["a", "(?:b|c)", "[|]", r"d\|e"]
    assert all(name == rule.name for name, rule in REGISTRY.items())


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("I attended the Interministerial Group for Trade last Thursday.", "2024-03-07"),
        ("The Interministerial Group for Trade met yesterday.", "2024-03-13"),
        ("Mynychais y Grŵp Rhyngweinidogol ar gyfer Masnach ddydd Iau diwethaf.", "2024-03-07"),
        ("Cyfarfu'r Grŵp Rhyngweinidogol ar gyfer Masnach ddoe.", "2024-03-13"),
    ],
)
def test_relative_dates_count_from_the_documents_own_date(sentence, day):
    (rec,) = extract_text(
        f"Written Statement: Trade\n\nFirst published: 14 March 2024\n\n{sentence} It was virtual."
    )
    assert rec["meetings"][0]["meeting_date"] == day


def test_ahead_of_does_not_make_a_past_meeting_future():
    (rec,) = extract_text(
        "Written Statement: Interministerial Group for Trade\n\nFirst published: 20 February 2024\n\n"
        "The Interministerial Group for Trade met on 30 December ahead of the new trade talks."
    )
    assert rec["meetings"][0]["meeting_date"] == "2023-12-30"


def test_separate_bilaterals_in_one_sentence_are_one_meeting_each():
    text = (
        "Prime Minister: Meetings with First Ministers\n\nAnswered on 14 January 2025\n\n"
        "The Prime Minister held bilateral calls with the First Ministers of Scotland and Wales and the First "
        "Minister and deputy First Minister of Northern Ireland on 9 January."
    )
    (rec,) = extract_text(text)
    assert rec["published_date"] == "2025-01-14"
    sides = sorted(tuple(sorted(a["government"] for a in m["attendees"])) for m in rec["meetings"])
    assert sides == [
        ("Northern Ireland Executive", "Northern Ireland Executive", "UK Government"),
        ("Scottish Government", "UK Government"),
        ("UK Government", "Welsh Government"),
    ]
    assert {(m["body_key"], m["meeting_date"], m["mode"]) for m in rec["meetings"]} == {
        ("pm-heads-meeting", "2025-01-09", "virtual")
    }
