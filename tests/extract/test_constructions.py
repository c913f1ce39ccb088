"""How the domain writes about meetings, each construction on text written for the test, in English and Welsh.

These are the constructions the development corpus shows only once or twice (one rule per construction, both
languages): they must hold on wording the corpus does not have.
"""

from __future__ import annotations

import pytest

from igr.extract import extract_text

STATEMENT = (
    "Written Statement: Interministerial Group for Housing\n\nJane Doe MS, Cabinet Secretary for Housing\n\n"
    "First published:\n20 March 2025\n\n{body}\n"
)
DATGANIAD = (
    "Datganiad Ysgrifenedig: Grŵp Rhyngweinidogol ar gyfer Tai\n\nJane Doe AS, Ysgrifennydd y Cabinet dros Dai\n\n"
    "Cyhoeddwyd gyntaf:\n20 Mawrth 2025\n\n{body}\n"
)


def meetings(text: str, **kw) -> list[dict]:
    return extract_text(text, **kw)[0]["meetings"]


def attendees(text: str) -> set[tuple]:
    return {(a["name"], a["role"], a["government"], a["capacity"]) for a in meetings(text)[0]["attendees"]}


# --- Who did not take part ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        STATEMENT.format(
            body="The Interministerial Group for Housing met on 4 March. I asked the Minister for Local "
            "Government to chair the meeting. The Minister for Local Government, Ann Roe MS, was unable "
            "to attend on the day and sent her apologies. The meeting was attended by Alan Poe MP, "
            "Minister for Housing, UK Government."
        ),
        DATGANIAD.format(
            body="Cyfarfu'r Grŵp Rhyngweinidogol ar gyfer Tai ar 4 Mawrth. Roedd Alan Poe AS, y Gweinidog "
            "Tai, Llywodraeth y DU, yn bresennol. Nid oedd y Gweinidog Llywodraeth Leol, Ann Roe AS, yn "
            "gallu bod yn bresennol ac anfonodd ei hymddiheuriadau."
        ),
    ],
)
def test_someone_who_could_not_attend_is_no_attendee_wherever_else_named(text):
    people = attendees(text)
    assert not any(p[0] == "Ann Roe" or (p[1] or "").endswith("Local Government") for p in people)
    assert any(p[0] == "Alan Poe" for p in people)


def test_a_meeting_agreed_to_is_a_meeting_to_come():
    text = STATEMENT.format(
        body="The Interministerial Group for Housing met on 4 March. I attended with Alan Poe MP, "
        "Minister for Housing, UK Government. Ministers also agreed to hold a further meeting "
        "with the Secretary of State for Energy Security before the summer."
    )
    assert not any("Energy" in (p[1] or "") for p in attendees(text))


# --- Who did, described rather than named ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, govs",
    [
        (
            "I discussed the terms of reference with UK and Welsh Government ministers.",
            {"UK Government", "Welsh Government"},
        ),
        (
            "I attended alongside ministers from the UK and Welsh Governments.",
            {"UK Government", "Welsh Government"},
        ),
        (
            "With our Scottish and Northern Irish counterparts, we pressed the case for funding.",
            {"Scottish Government", "Northern Ireland Executive"},
        ),
    ],
)
def test_attendees_described_by_their_governments(sentence, govs):
    text = STATEMENT.format(body=f"The Interministerial Group for Housing met on 4 March. {sentence}")
    assert {p[2] for p in attendees(text) if p[0] is None} == govs


def test_the_devolved_governments_as_a_whole_and_no_one_in_an_absence():
    text = STATEMENT.format(
        body="The Interministerial Group for Housing met on 4 March, joined by officials from the "
        "devolved administrations. In the absence of Ministers from the Northern Ireland "
        "Executive, no one attended for Northern Ireland."
    )
    assert {(p[2], p[3]) for p in attendees(text) if p[0] is None} == {(None, "official")}


def test_welsh_ministers_of_a_government():
    text = DATGANIAD.format(
        body="Cyfarfu'r Grŵp Rhyngweinidogol ar gyfer Tai ar 4 Mawrth. Roedd Gweinidogion "
        "Llywodraeth y DU a minnau yn bresennol."
    )
    people = attendees(text)
    assert (None, "Gweinidogion Llywodraeth y DU", "UK Government", "minister") in people
    assert any(p[0] == "Jane Doe" for p in people)


@pytest.mark.parametrize(
    "text, govs",
    [
        (
            "The First Minister will host the British-Irish Council summit in Llandudno, bringing together leaders from the "
            "UK, Ireland, Jersey and the Isle of Man.",
            {"UK Government", "Irish Government", "Government of Jersey", "Isle of Man Government"},
        ),
        (
            "Bydd y Prif Weinidog yn croesawu arweinwyr o'r DU, Iwerddon, Jersey ac Ynys Manaw i uwchgynhadledd y Cyngor "
            "Prydeinig-Gwyddelig yn Llandudno.",
            {"UK Government", "Irish Government", "Government of Jersey", "Isle of Man Government"},
        ),
    ],
)
def test_leaders_from_a_list_of_places(text, govs):
    found = {
        a["government"]
        for a in meetings("First Minister hosts summit\n" + text)[0]["attendees"]
        if a["name"] is None
        and a["role"]
        and "from" in a["role"]
        or (a["role"] or "").startswith("arweinwyr")
    }
    assert found == govs


def test_leaders_named_elsewhere_are_not_counted_twice():
    text = (
        "Datganiad: Cyngor Prydeinig-Gwyddelig\nCroesawais arweinwyr o Jersey, Guernsey ac Ynys Manaw i "
        "uwchgynhadledd y Cyngor Prydeinig-Gwyddelig ar 7 Mawrth 2025. Roedd Prif Weinidog Ynys Manaw, Jo Loe, "
        "yn bresennol.\n"
    )
    govs = [a["government"] for a in meetings(text)[0]["attendees"]]
    assert govs.count("Isle of Man Government") == 1
    assert {"Government of Jersey", "Government of Guernsey"} <= set(govs)


def test_a_devolved_governments_bare_first_minister_is_its_own():
    text = STATEMENT.format(
        body="The First Minister and I attended the Interministerial Group for Housing on 4 March."
    )
    assert (None, "First Minister", "Welsh Government", "minister") in attendees(text)


# --- More than one meeting ---------------------------------------------------------------------------------------


def test_forums_listed_as_one_subject_met_together():
    text = (
        "Written Statement: Interministerial Standing Committee\n\nJane Doe MS, Counsel General\n\n"
        "First published:\n20 March 2025\n\nThe Interministerial Standing Committee and the Finance: "
        "Interministerial Standing Committee both met on 4 March. I attended both.\n"
    )
    assert sorted((m["body_key"], m["meeting_date"]) for m in meetings(text)) == [
        ("fisc", "2025-03-04"),
        ("imsc", "2025-03-04"),
    ]


def test_a_bilateral_told_in_the_third_person_beside_a_forum():
    text = STATEMENT.format(
        body="The Interministerial Group for Housing met on 4 March.\n\nSeparately, the Chancellor "
        "of the Duchy of Lancaster met the First Minister of Wales on 6 March."
    )
    found = meetings(text)
    assert [m["meeting_date"] for m in found] == ["2025-03-04", "2025-03-06"]
    assert {a["government"] for a in found[1]["attendees"]} == {"UK Government", "Welsh Government"}


def test_a_press_release_telling_its_own_meeting_in_the_third_person_is_one_meeting():
    text = (
        "PM meeting with First Minister of Scotland: 6 March 2025\nThe Prime Minister yesterday met the First "
        "Minister of Scotland in Downing Street.\nThe Prime Minister met the First Minister to discuss the budget.\n"
    )
    assert len(meetings(text)) == 1


def test_welsh_meeting_with_ministers_yesterday():
    text = (
        "Part of 2. Cwestiynau i'r Cwnsler Cyffredinol – Senedd Cymru am 2:30 pm ar 12 Mawrth 2025.\n"
        "Diolch i'r Aelod. Ddoe, a minnau wedi cael cyfarfod â Gweinidogion Llywodraeth y DU, codais y mater yn "
        "uniongyrchol. Rwyf wedi gofyn am gyfarfod pellach gyda'r Ysgrifennydd Gwladol.\n"
    )
    [meeting] = meetings(text)
    assert meeting["meeting_date"] == "2025-03-11"
    assert {a["government"] for a in meeting["attendees"]} == {"Welsh Government", "UK Government"}


def test_separate_bilaterals_at_a_summit_in_welsh():
    text = (
        "Part of the debate – Senedd Cymru am 2:30 pm ar 18 Mawrth 2025.\nDiolch, Llywydd. Ar 14 Mawrth, "
        "cynhaliodd Cymru uwchgynhadledd y Cyngor Prydeinig-Gwyddelig yng Nghaerdydd. Cynhaliais gyfarfodydd "
        "dwyochrog hefyd gyda Jane Poe, Prif Weinidog yr Alban, a Mary Loe, Prif Weinidog Gogledd Iwerddon.\n"
    )
    found = meetings(text)
    assert found[0]["body_key"] == "bic" and found[0]["location"] == "Caerdydd"
    assert {a["name"] for a in found[0]["attendees"]} >= {
        "Jane Poe",
        "Mary Loe",
    }  # they were at the summit too
    sides = [{a["government"] for a in m["attendees"]} for m in found[1:]]
    assert {"Welsh Government", "Scottish Government"} in sides
    assert {"Welsh Government", "Northern Ireland Executive"} in sides


def test_a_record_that_only_asks_about_a_forum_reports_no_meeting():
    text = (
        "Council of the Nations and Regions\n– in the Scottish Parliament on 6th March 2025.\n"
        "Photo of Jo Doe Jo Doe Scottish Labour\n"
        "2. To ask the Scottish Government when the Council of the Nations and Regions will next meet. (S6O-01)\n"
        "Photo of Jane Poe Jane Poe Scottish National Party\n"
        "The Council of the Nations and Regions is expected to meet in the autumn, and we will press for an early date.\n"
    )
    assert meetings(text) == []


# --- Mode, dates and numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        STATEMENT.format(
            body="The Interministerial Group for Housing met on 4 March. Some ministers attended in person "
            "in Cardiff and others joined by video conference."
        ),
        DATGANIAD.format(
            body="Cyfarfu'r Grŵp Rhyngweinidogol ar gyfer Tai ar 4 Mawrth. Ymunodd rhai Gweinidogion yn "
            "bersonol ac eraill ar-lein."
        ),
        STATEMENT.format(body="The Interministerial Group for Housing met in hybrid format on 4 March."),
    ],
)
def test_hybrid_meetings(text):
    assert meetings(text)[0]["mode"] == "hybrid"


@pytest.mark.parametrize(
    "date, iso",
    [
        ("April 27, 2023", "2023-04-27"),
        ("Thursday, March 6", "2025-03-06"),
        ("Thursday March 6th", "2025-03-06"),
    ],
)
def test_month_first_dates_need_a_year_or_a_weekday(date, iso):
    text = STATEMENT.format(body=f"The Interministerial Group for Housing met on {date}.")
    assert meetings(text)[0]["meeting_date"] == iso


def test_a_date_bounding_a_period_is_not_the_meeting():
    text = STATEMENT.format(
        body="Since 5 May 2024 the Interministerial Group for Housing has met twice; it met most "
        "recently on 4 March."
    )
    assert meetings(text)[0]["meeting_date"] == "2025-03-04"


@pytest.mark.parametrize(
    "phrase, n",
    [
        ("uwchgynhadledd rhif tri deg naw y Cyngor Prydeinig-Gwyddelig", 39),
        ("ddegfed cyfarfod y Cyngor Prydeinig-Gwyddelig", 10),
        ("33ain cyfarfod y Cyngor Prydeinig-Gwyddelig", 33),
    ],
)
def test_the_welsh_meeting_number_in_its_shapes(phrase, n):
    text = f"Datganiad Ysgrifenedig: y Cyngor Prydeinig-Gwyddelig\n\nMynychais {phrase} ar 7 Mawrth 2025.\n"
    assert meetings(text)[0]["meeting_ordinal"] == n


# --- Forums -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Written Statement: COBR\n\nThis morning I took part in a COBR meeting chaired by the Prime Minister on 3 March 2025.",
        "Datganiad Ysgrifenedig: COBR\n\nFore heddiw cymerais ran mewn cyfarfod COBR ar 3 Mawrth 2025.",
    ],
)
def test_a_committee_known_by_its_initials(text):
    assert meetings(text)[0]["body"] == "COBR"


@pytest.mark.parametrize(
    "text",
    [
        STATEMENT.format(
            body="I attended a ministerial meeting on 12 March to discuss progress on the Review of "
            "Intergovernmental Relations, three years after it was commissioned by the Joint Ministerial "
            "Committee (Plenary). Alan Poe MP attended for the UK Government."
        ),
        DATGANIAD.format(
            body="Mynychais gyfarfod Gweinidogol ar 12 Mawrth i drafod yr Adolygiad o Gysylltiadau "
            "Rhynglywodraethol a gomisiynwyd gan Gyd-bwyllgor y Gweinidogion (Cyfarfod Llawn). Roedd "
            "Alan Poe AS yn bresennol ar ran Llywodraeth y DU."
        ),
    ],
)
def test_a_forum_named_as_the_agent_of_an_earlier_act_is_not_the_meeting(text):
    assert meetings(text)[0]["body_key"] is None


@pytest.mark.parametrize(
    "text, tier",
    [
        (
            "Datganiad Ysgrifenedig: cyfarfod pedairochrog y Gweinidogion Ynni\n\nMynychais gyfarfod pedairochrog y "
            "Gweinidogion Ynni ar 7 Mawrth 2025.",
            "quadrilateral",
        ),
        (
            "Datganiad Ysgrifenedig: Sector Gwaith Ieithoedd Brodorol y Cyngor Prydeinig-Gwyddelig\n\nMynychais gyfarfod "
            "Sector Gwaith Ieithoedd Brodorol y Cyngor Prydeinig-Gwyddelig ar 7 Mawrth 2025.",
            "bic",
        ),
    ],
)
def test_welsh_names_of_lateral_meetings_and_work_sectors(text, tier):
    meeting = meetings(text)[0]
    assert (meeting.get("body_tier") or "") == tier or meeting["body_key"]


# --- Documents -----------------------------------------------------------------------------------------------------


def test_a_welsh_press_release_quotes_its_minister():
    text = (
        "Gweinidogion cyllid yn galw am eglurder\nMae'r Gweinidogion Cyllid wedi galw heddiw am eglurder gan "
        'Lywodraeth y DU.\nDywedodd Jane Doe, y Gweinidog Cyllid:\n"Mae angen sicrwydd arnom."\n'
    )
    rec = extract_text(text)[0]
    assert rec["doc_type"] == "press_release"


def test_the_heads_of_government_in_either_order():
    for sentence in (
        "The Prime Minister met the First Minister of Wales",
        "The First Minister of Wales met the Prime Minister",
    ):
        text = f"Leaders meet\n{sentence} in Cardiff on 7 March 2025 to discuss the economy.\n"
        assert meetings(text)[0]["body_key"] == "pm-heads-meeting", sentence


def test_names_with_particles():
    from igr.extract.people import find_people

    assert [
        p[2] for p in find_people("Deputy Chief Minister Lindsay de Sausmarez and Rhys ap Doe MS attended")
    ] == ["Lindsay de Sausmarez", "Rhys ap Doe"]


# --- A post written after the name -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, official, post",
    [
        (
            STATEMENT.format(
                body="The Interministerial Group for Housing met on 4 March. The UK Government was represented "
                "by Alan Poe MP, Minister for Housing; the Government of Jersey was represented by Ann Roe "
                "(Director of Housing Policy)."
            ),
            "Ann Roe",
            "Director of Housing Policy",
        ),
        (
            STATEMENT.format(
                body="The Interministerial Group for Housing met on 4 March. Attending were Alan Poe MP, "
                "Minister for Housing, UK Government, and Ann Roe (Senior Official), Welsh Government."
            ),
            "Ann Roe",
            "Senior Official",
        ),
        (
            STATEMENT.format(
                body="The Interministerial Group for Housing met on 4 March. Attending were Alan Poe MP, "
                "Minister for Housing, UK Government, and Ann Roe, senior official, Welsh Government."
            ),
            "Ann Roe",
            "senior official",
        ),
        (
            DATGANIAD.format(
                body="Cyfarfu'r Grŵp Rhyngweinidogol ar gyfer Tai ar 4 Mawrth. Roedd Alan Poe AS, y Gweinidog "
                "Tai, Llywodraeth y DU, yn bresennol, ac Ann Roe (Uwch Swyddog) ar ran Llywodraeth Cymru."
            ),
            "Ann Roe",
            "Uwch Swyddog",
        ),
    ],
)
def test_a_post_in_brackets_or_after_a_comma_is_the_names(text, official, post):
    people = {p[0]: p for p in attendees(text)}
    assert people[official][1] == post and people[official][3] == "official"
    assert people["Alan Poe"][3] == "minister"
    assert all(p[0] for p in people.values())  # the post is no second, unnamed attendee


@pytest.mark.parametrize(
    "text",
    [
        STATEMENT.format(
            body="The Interministerial Group for Housing met on 4 March, chaired by Alan Poe MP, Minister "
            "for Housing, UK Government. Senior Northern Ireland Executive officials attended in the "
            "absence of ministers."
        ),
        DATGANIAD.format(
            body="Cyfarfu'r Grŵp Rhyngweinidogol ar gyfer Tai ar 4 Mawrth, dan gadeiryddiaeth Alan Poe AS, "
            "Gweinidog Tai, Llywodraeth y DU. Roedd uwch-swyddogion Gweithrediaeth Gogledd Iwerddon yno "
            "yn absenoldeb Gweinidogion."
        ),
    ],
)
def test_officials_described_by_their_government_are_one_attendee(text):
    unnamed = [p for p in attendees(text) if p[0] is None]
    assert [(p[2], p[3]) for p in unnamed] == [("Northern Ireland Executive", "official")]
