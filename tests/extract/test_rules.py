"""General rules of how IGR documents are written, each checked on text written for the test."""

from __future__ import annotations

import pytest

from igr.extract import extract_text
from igr.extract.dates import find_dates, infer_year, weekday_year, year_hint


@pytest.mark.parametrize(
    "text, hint, latest, iso",
    [
        ("the summit today (Friday 19 November)", None, 2026, "2021-11-19"),
        ("the summit today (Friday 19 November)", None, 2027, "2027-11-19"),
        ("ministers gather on Thursday, October 3.", None, 2026, "2024-10-03"),
        ("the plenary on Friday 11th November", 2023, None, "2022-11-11"),
        ("ddydd Gwener 19 Tachwedd", None, 2026, "2021-11-19"),
    ],
)
def test_weekday_fixes_a_missing_year(text, hint, latest, iso):
    span = find_dates(text)[0]
    assert span.iso(weekday_year(span, hint, latest)) == iso


def test_no_year_is_guessed_when_nothing_gives_one():
    span = find_dates("the summit today (Friday 19 November)")[0]
    assert infer_year(span, None, "past") is None
    assert weekday_year(span) is None
    assert weekday_year(find_dates("on 3 March")[0], 2023, 2026) is None


def test_year_hint_is_latest_plausible_year():
    assert year_hint("agreed in 1998; the review of 2019 and the 2023 anniversary") == 2023
    assert year_hint("the 2023 review and net zero by 2050") == 2023
    assert year_hint("the review of 2019 and the plan for 2031", latest=2024) == 2019


PRESS_RELEASE_WITHOUT_A_YEAR = (
    "Health ministers meet in Belfast\n"
    "The Health Secretary today (Thursday, October 3) met health ministers of the four nations in Belfast "
    "for the Interministerial Group for Health and Social Care.\n"
)


def test_press_release_without_a_year_is_dated_by_its_publication_date():
    rec = extract_text(PRESS_RELEASE_WITHOUT_A_YEAR, published="2024-10-03")[0]
    assert rec["meetings"][0]["meeting_date"] == "2024-10-03"


def test_press_release_without_any_year_leaves_the_year_unknown():
    rec = extract_text(PRESS_RELEASE_WITHOUT_A_YEAR)[0]
    assert not (rec["meetings"][0]["meeting_date"] or "").startswith("20")


def test_announced_meeting_that_will_take_place_is_dated():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nAnna Jones MS, Minister for Trade\n\n"
        "First published:\n2 March 2023\n\n"
        "The next Interministerial Group for Trade will take place on Wednesday 8 March with ministers "
        "joining remotely.\n"
    )
    meeting = extract_text(text)[0]["meetings"][0]
    assert meeting["meeting_date"] == "2023-03-08"
    assert meeting["mode"] == "virtual"


def test_plenary_session_outranks_a_series_title():
    text = (
        "Joint Ministerial Committee (EU Negotiations) communique: March 2019\n\n"
        "A joint communique issued after the plenary session of the Joint Ministerial Committee on 14 March 2019.\n"
        "The plenary was held in London.\n"
    )
    meeting = extract_text(text)[0]["meetings"][0]
    assert meeting["body_key"] == "jmc-p"
    assert meeting["meeting_date"] == "2019-03-14"


def test_government_headings_without_colons_head_attendance_lists():
    text = (
        "Interministerial Group for Trade communique\n\n"
        "The Interministerial Group for Trade met on 14 March 2023 in London.\n\n"
        "Attendees\n\nFrom the UK Government\n\n"
        "  • The Secretary of State for Business and Trade, Rt Hon Kemi Badenoch MP\n\n"
        "From the Scottish Government\n\n"
        "  • The Minister for Trade, Richard Lochhead MSP\n\n"
        "Items and actions\n\nMinisters discussed trade.\n"
    )
    people = {a["name"]: a["government"] for a in extract_text(text)[0]["meetings"][0]["attendees"]}
    assert people == {"Kemi Badenoch": "UK Government", "Richard Lochhead": "Scottish Government"}


STATEMENT_TWO_MEETINGS = (
    "Written Statement: Council of the Nations and Regions\n\nAnna Jones MS, First Minister\n\n"
    "First published:\n20 March 2025\n\n"
    "I attended the third meeting of the Council of the Nations and Regions in Glasgow on 14 March 2025, "
    "chaired by the Prime Minister.\n\n"
    "In addition, I attended a meeting with the Prime Minister, the First Minister of Scotland and the "
    "Chancellor of the Duchy of Lancaster.\n"
)


def test_a_further_meeting_in_its_own_paragraph_is_a_second_meeting():
    meetings = extract_text(STATEMENT_TWO_MEETINGS)[0]["meetings"]
    assert [m["body_key"] for m in meetings] == ["cnr", "pm-heads-meeting"]
    assert [m["meeting_date"] for m in meetings] == ["2025-03-14", "2025-03-14"]
    second = {a["role"] for a in meetings[1]["attendees"]}
    assert "First Minister of Scotland" in second
    assert "Anna Jones" in {a["name"] for a in meetings[1]["attendees"]}
    assert "First Minister of Scotland" not in {a["role"] for a in meetings[0]["attendees"]}


def test_parliamentary_answer_lists_recent_meetings_of_other_forums():
    text = (
        "Intergovernmental Relations\n\n– in the Scottish Parliament on 5th March 2020.\n\n"
        "Photo of Jane Smith Jane Smith Scottish National Party\n\n"
        "3. To ask the Scottish Government when it last met the UK Government. (S5O-00001)\n\n"
        "Photo of Anna Brown Anna Brown Scottish National Party\n\n"
        "The most recent ministerial meeting was the finance ministers' quadrilateral on 20 February. "
        "Before that, ministers met at the Joint Ministerial Committee (EU Negotiations) on 30 January.\n"
    )
    meetings = extract_text(text)[0]["meetings"]
    found = {(m["body_key"], m["meeting_date"]) for m in meetings}
    assert ("finance-quadrilateral", "2020-02-20") in found
    assert ("jmc-en", "2020-01-30") in found


def test_forum_named_as_context_does_not_start_a_meeting():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nAnna Jones MS, Minister for Trade\n\n"
        "First published:\n2 July 2019\n\n"
        "On 28 June, following the British-Irish Council summit, the Interministerial Group for Trade met. "
        "I attended the meeting.\n"
    )
    meetings = extract_text(text)[0]["meetings"]
    assert [(m["body_key"], m["meeting_date"]) for m in meetings] == [("img-trade", "2019-06-28")]


def test_future_mention_of_a_forum_is_not_a_meeting():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nAnna Jones MS, Minister for Trade\n\n"
        "First published:\n2 July 2019\n\n"
        "The Interministerial Group for Trade met on 28 June. I attended the meeting.\n\n"
        "The British-Irish Council will meet on 15 November.\n"
    )
    assert len(extract_text(text)[0]["meetings"]) == 1


@pytest.mark.parametrize(
    "sentence, mode, location",
    [
        ("The Group met today at the Cabinet Office in London.", "in_person", "Cabinet Office in London"),
        (
            "The meeting was chaired by the Minister for Trade, in Government Buildings, Belfast.",
            "in_person",
            "Government Buildings, Belfast",
        ),
        ("The Minister was in Cardiff to attend the meeting of the Group.", "in_person", "Cardiff"),
        ("The Group met on 3 May by video conference.", "virtual", None),
        (
            "The Group met by video conference. The Board had held a session in Perth on 2 May.",
            "virtual",
            None,
        ),
        ("I repeated our call for a further referendum at the meeting.", None, None),
        (
            "The Forum held its first meeting in Shetland in March, with ministers from all four nations.",
            "in_person",
            "Shetland",
        ),
        ("Cynhaliwyd y cyfarfod cyntaf yng Nghaerdydd ym mis Mawrth.", "in_person", "Caerdydd"),
    ],
)
def test_mode_and_location_from_venue_phrases(sentence, mode, location):
    from igr.extract.meetings import mode_and_location

    got = mode_and_location(sentence)
    assert (got[0], got[1]) == (mode, location)


def test_minutes_line_with_a_building_gives_the_venue_and_a_published_readout():
    text = (
        "Joint Ministerial Working Group on Welfare Minutes: 3 May 2021\nAttending:\n"
        "- Secretary of State for Scotland\nTuesday 3 May 2021, 14th Meeting Dover House, London\n"
        "The Secretary of State welcomed everyone to the meeting.\n"
    )
    meeting = extract_text(text)[0]["meetings"][0]
    assert meeting["location"] == "Dover House, London"
    assert meeting["mode"] == "in_person"
    assert meeting["communique_referenced"] is True


def _attendees(text: str) -> list[tuple]:
    return [
        (a["name"], a["role"], a["government"], a["capacity"])
        for a in extract_text(text)[0]["meetings"][0]["attendees"]
    ]


def test_post_in_the_government_then_name_is_one_person():
    people = _attendees(
        "Interministerial Group for Trade communique\n\nThe Interministerial Group for Trade met on "
        "4 May 2023. The meeting was also attended by the Deputy Minister for Trade in the Welsh "
        "Government, Anna Jones MS, who joined for one item.\n"
    )
    assert ("Anna Jones", "Deputy Minister for Trade", "Welsh Government", "minister") in people
    assert all(p[0] for p in people)


def test_vacant_posts_and_forum_names_are_not_attendees():
    people = _attendees(
        "Interministerial Group for Trade communique\n\nThe Interministerial Group for Trade met on "
        "4 May 2023. In the absence of a First Minister of Northern Ireland, officials from the "
        "Northern Ireland Civil Service attended in an observational capacity. The Prime Minister "
        "and Heads of Devolved Governments Council was mentioned.\n"
    )
    assert [p[1:] for p in people if p[0] is None] == [
        ("officials from the Northern Ireland Civil Service", "Northern Ireland Executive", "observer")
    ]


def test_honorific_and_eu_stay_out_of_and_in_the_post():
    people = _attendees(
        "Interministerial Group for Trade communique\n\nThe Interministerial Group for Trade met on "
        "4 May 2023. Attending were the First Minister of Scotland, Rt Hon Jane Doe MSP, and the "
        "Secretary of State for Exiting the EU, John Roe MP.\n"
    )
    assert ("Jane Doe", "First Minister of Scotland", "Scottish Government", "minister") in people
    assert ("John Roe", "Secretary of State for Exiting the EU", "UK Government", "minister") in people


def test_minutes_name_the_holder_of_a_listed_post():
    people = _attendees(
        "Joint Ministerial Working Group on Welfare Minutes: 3 May 2021\nAttending:\n"
        "- Secretary of State for Scotland\n- Cabinet Secretary for Social Security\n"
        "Welcome\nThe Secretary of State for Scotland (SoSS), Rt Hon John Roe MP, welcomed everyone. "
        "The Cabinet Secretary for Social Security (CSSS), Jane Doe MSP, agreed.\n"
    )
    assert {p[0] for p in people} == {"John Roe", "Jane Doe"}


def test_in_lieu_of_belongs_to_the_person_beside_it():
    people = _attendees(
        "Interministerial Group for Trade communique\n\nThe Interministerial Group for Trade met on "
        "4 May 2023. The meeting was attended by Jane Doe MSP, Cabinet Secretary for Trade, Scottish "
        "Government; Mrs Ann Roe, Permanent Secretary, Department for the Economy, Northern Ireland "
        "Executive (in lieu of Minister); and John Poe MP, Minister for Trade.\n"
    )
    caps = {p[0]: p[3] for p in people}
    assert caps == {"Jane Doe": "minister", "Ann Roe": "official", "John Poe": "minister"}


def test_post_glued_to_a_name_is_split():
    from igr.extract.people import find_people

    assert [p[2] for p in find_people("Minister for Rural Affairs and TrefnyddJane Doe MS, Minister")] == [
        "Jane Doe"
    ]


def test_other_governments_take_their_british_irish_council_names():
    people = _attendees(
        "British-Irish Council communique\n\nThe British-Irish Council met on 4 May 2023 in Cardiff. "
        "Attendees included Taoiseach Jane Doe TD and the Chief Minister of Guernsey.\n"
    )
    assert ("Jane Doe", "Taoiseach", "Irish Government", "minister") in people
    assert (None, "Chief Minister of Guernsey", "Government of Guernsey", "minister") in people


def test_letter_whose_line_breaks_were_lost_is_still_a_letter():
    text = (
        "Department Office Stormont BELFAST BT4 3TT Jane Doe Committee Room 1 Parliament Buildings BELFAST "
        "2 March 2021 Dear Jane JOINT MINISTERIAL COMMITTEE MEETING I wrote to you on the 3rd February to say "
        "that the twenty second meeting of the Joint Ministerial Committee would be held on 3 February. The "
        "Executive was represented at the meeting by the First Minister, deputy First Minister, and "
        "Junior Minister Poe. Yours sincerely\n"
    )
    rec = extract_text(text)[0]
    assert rec["doc_type"] == "letter"
    meeting = rec["meetings"][0]
    assert meeting["meeting_ordinal"] == 22
    people = {(a["name"], a["role"], a["government"]) for a in meeting["attendees"]}
    assert people == {
        (None, "First Minister", "Northern Ireland Executive"),
        (None, "deputy First Minister", "Northern Ireland Executive"),
        ("Poe", "Junior Minister", "Northern Ireland Executive"),
    }


def test_a_surname_after_a_post_is_the_full_named_attendee():
    people = _attendees(
        "Interministerial Group for Trade communique\n\nThe Interministerial Group for Trade met on "
        "4 May 2023, attended by Jane Doe MSP, Minister for Trade. Minister Doe set out her views.\n"
    )
    assert [p[0] for p in people] == ["Jane Doe"]


def test_bilingual_press_release_names_leaders_by_place():
    text = (
        "Minister hosts meeting of the British-Irish Council\n"
        "Y Gweinidog yn cynnal cyfarfod o'r Cyngor Prydeinig-Gwyddelig yng Nghymru\n"
        "Jane Doe today (Friday 10 June) welcomes leaders to Wales.\n"
        "The First Minister will host the British-Irish Council Summit in Swansea, bringing together leaders "
        "from the UK, Ireland, Jersey and the Isle of Man.\n"
    )
    rec = extract_text(text)[0]
    assert rec["issuing_government"] == "Welsh Government"
    meeting = rec["meetings"][0]
    assert meeting["meeting_ordinal"] is None
    # The hosting First Minister of the Welsh Government's own press release is Wales's.
    assert {a["government"] for a in meeting["attendees"] if a["name"] is None} == {
        "Welsh Government",
        "UK Government",
        "Irish Government",
        "Government of Jersey",
        "Isle of Man Government",
    }


def test_welsh_ministers_byline_makes_a_written_statement():
    text = (
        "Meeting of the Interministerial Group for Trade\n\n14 July 2022\n\n"
        "Jane Doe MS, Minister for Economy\n\n"
        "I represented the Welsh Government at a meeting of the Interministerial Group for Trade on 4 July.\n"
    )
    rec = extract_text(text)[0]
    assert rec["doc_type"] == "written_statement"
    assert rec["author"]["name"] == "Jane Doe"
    assert rec["meetings"][0]["attendees"][0]["name"] == "Jane Doe"


def test_a_possessive_government_covers_the_names_it_introduces():
    people = _attendees(
        "Interministerial Group for Trade communique\n\nThe Interministerial Group for Trade met on "
        "4 May 2023. It was attended by the Scottish Government's Minister for Trade Jane Doe MSP and "
        "Northern Ireland's Senior Officials Ann Roe and Mary Poe.\n"
    )
    govs = {p[0]: p[2] for p in people}
    assert govs == {
        "Jane Doe": "Scottish Government",
        "Ann Roe": "Northern Ireland Executive",
        "Mary Poe": "Northern Ireland Executive",
    }


def test_a_figure_of_speech_is_not_a_bilateral_meeting():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nJane Doe MS, Minister for Trade\n\n"
        "First published:\n2 July 2019\n\nThe Interministerial Group for Trade met on 28 June. I attended.\n\n"
        "We also met the challenge of the day. I also had a call with colleagues in the sector.\n"
    )
    assert len(extract_text(text)[0]["meetings"]) == 1


def test_government_after_each_person_in_a_list_is_theirs():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nJane Doe MS, Minister for Trade\n\n"
        "First published:\n2 July 2019\n\nThe Interministerial Group for Trade met on 28 June. The meeting was "
        "attended by myself on behalf of the Welsh Government, John Roe MSP from the Scottish Government, and "
        "Ann Poe MP on behalf of the UK Government. An update on negotiations came from the UK's Chief "
        "Negotiator Mark Lowe. There is also agreement to a wider meeting with the Secretary of State for "
        "Business and Trade before the summer.\n"
    )
    people = {(a["name"], a["government"]) for a in extract_text(text)[0]["meetings"][0]["attendees"]}
    assert people == {
        ("Jane Doe", "Welsh Government"),
        ("John Roe", "Scottish Government"),
        ("Ann Poe", "UK Government"),
        ("Mark Lowe", "UK Government"),
    }


def test_a_bilateral_with_a_named_minister_lists_them():
    text = (
        "Finance ministers meet\nGweinidogion cyllid yn cwrdd yng Nghaerdydd heddiw\n"
        "Finance Secretary Jane Doe meets her counterparts today (Thursday, October 3).\n"
        "Finance ministers will meet in Cardiff for the Finance: Interministerial Standing Committee.\n"
        'Speaking ahead of the meeting, the Cabinet Secretary for Finance Jane Doe said: "We will work."\n'
        "The Cabinet Secretary will hold bilateral talks with the Chief Secretary to the Treasury John Roe.\n"
    )
    meetings = extract_text(text, published="2024-10-03")[0]["meetings"]
    assert [m["meeting_date"] for m in meetings] == ["2024-10-03", "2024-10-03"]
    assert "John Roe" in {a["name"] for a in meetings[1]["attendees"]}


def test_welcoming_the_joint_office_holders_lists_both():
    text = (
        "Written Statement: Interministerial Standing Committee\n\nJane Doe MS, Counsel General\n\n"
        "First published:\n20 March 2024\n\nI chaired the sixth meeting of the Interministerial Standing "
        "Committee on 12 March. I opened the meeting by welcoming Northern Ireland's First Minister and "
        "deputy First Minister.\n"
    )
    people = _attendees(text)
    assert (None, "First Minister", "Northern Ireland Executive", "minister") in people
    assert (None, "deputy First Minister", "Northern Ireland Executive", "minister") in people


def test_parliamentary_record_is_dated_by_its_sitting():
    text = (
        "Intergovernmental Relations\n\n– in the Scottish Parliament on 5th March 2020.\n\n"
        "Photo of Anna Brown Anna Brown Scottish National Party\n\nThis morning I met the Secretary of State.\n"
    )
    assert extract_text(text)[0]["published_date"] == "2020-03-05"


def test_welsh_statement_reports_a_further_meeting():
    text = (
        "Datganiad Ysgrifenedig: Cyngor y Gwledydd a'r Rhanbarthau\n\nJane Doe AS, Prif Weinidog Cymru\n\n"
        "Cyhoeddwyd gyntaf:\n20 Mawrth 2025\n\n"
        "Mynychais ail gyfarfod Cyngor y Gwledydd a'r Rhanbarthau ar 14 Mawrth 2025.\n\n"
        "Yn ogystal, mynychais gyfarfod gyda Phrif Weinidog y DU a Phrif Weinidog yr Alban.\n"
    )
    meetings = extract_text(text)[0]["meetings"]
    assert [m["body_key"] for m in meetings] == ["cnr", "pm-heads-meeting"]
    assert meetings[1]["meeting_date"] == "2025-03-14"
    assert "Jane Doe" in {a["name"] for a in meetings[1]["attendees"]}


def test_a_minister_meeting_political_parties_is_not_an_intergovernmental_meeting():
    text = (
        "PM meeting with party leaders: 3 May 2021\nA Downing Street spokesperson said:\n"
        "The Prime Minister met the leaders of four political parties today in Belfast to discuss the talks.\n"
    )
    assert extract_text(text)[0]["meetings"] == []


def test_provenance_follows_the_meetings_kept():
    text = (
        "Written Statement: Interministerial Group for Trade\n\nJane Doe MS, Minister for Trade\n\n"
        "First published:\n2 July 2019\n\nThe Interministerial Group for Trade met on 28 June. I attended.\n\n"
        "In addition, I met the Secretary of State for Wales, John Roe MP.\n"
    )
    rec = extract_text(text)[0]
    assert len(rec["meetings"]) == 2
    assert {k.split(".")[0] for k in rec["provenance"] if k.startswith("meetings[")} == {
        "meetings[0]",
        "meetings[1]",
    }
