"""Records of proceedings as each parliament writes them: the chair's call, the order paper's questions, the
label that names who answers. Sentences are written for the test in the way the Commons, the Lords, the
Scottish Parliament, the Northern Ireland Assembly and the Senedd (in both its languages) print them."""

from __future__ import annotations

import pytest

from igr.extract import extract_text
from igr.extract import publishers as P
from igr.extract.evaluate import single_document
from igr.extract.proceedings import author

GENERIC = (P.generic(),)


def rule(field: str, n: int = 0):
    return P.generic().rules(field)[n]


@pytest.mark.parametrize(
    "said, role, name",
    [
        ("I call the First Minister.", "First Minister", None),
        (
            "Before I call the deputy First Minister, I remind Members of the rules.",
            "deputy First Minister",
            None,
        ),
        ("I call on the Cabinet Secretary to make his statement—Jane Doe.", "Cabinet Secretary", "Jane Doe"),
        ("I now call the Minister to respond to the debate.", "Minister", None),
        ("Galwaf ar y Prif Weinidog i ymateb—Huw Doe.", "Prif Weinidog", "Huw Doe"),
        (
            "Rwy'n galw ar y Cwnsler Cyffredinol i wneud y datganiad—Huw Moe.",
            "Cwnsler Cyffredinol",
            "Huw Moe",
        ),
        ("Rydw i'n galw ar Ysgrifennydd y Cabinet i wneud ei ddatganiad.", "Ysgrifennydd y Cabinet", None),
    ],
)
def test_the_chair_calls_the_next_speaker_by_post_or_name(said, role, name):
    m = rule("presiding").search(said)
    assert m and (m["role"], m["name"]) == (role, name)


@pytest.mark.parametrize(
    "said",
    [
        "I call on the UK Government to provide the funding it promised.",
        "I call on Members to support the motion.",
        "I call on the Chancellor to reverse this decision.",
        "I called for the details to be finalised swiftly.",
        "Rwy'n galw ar Lywodraeth y DU i ddarparu mwy o hyblygrwydd cyllidol.",
        "Mae'r Gweinidogion yn galw ar Lywodraeth y DU i weithredu.",
    ],
)
def test_a_member_calling_on_a_government_or_for_action_is_not_the_chair(said):
    assert rule("presiding").search(said) is None


@pytest.mark.parametrize(
    "line",
    [
        "1. Will the First Minister make a statement on the Council of the Nations and Regions? OQ61234",
        "3. Pa drafodaethau y mae'r Prif Weinidog wedi'u cael gyda Llywodraeth y DU am y Cyngor? OQ61235",
        "2. A wnaiff y Cwnsler Cyffredinol ddatganiad am y Grŵp Rhyngweinidogol ar Fasnach? OAQ61236",
        "4. To ask the Scottish Government when it last met the UK Government. (S6O-01234)",
        "5. Mr Doe asked the First Minister and deputy First Minister for an update on the British-Irish Council. "
        "(AQO 1234/22-27)",
    ],
)
def test_a_question_on_the_order_paper_is_numbered_and_carries_its_reference(line):
    assert rule("question", 1).search(line)


@pytest.mark.parametrize(
    "line",
    [
        "2. The meeting was held in Cardiff on 3 March 2024.",
        "1. Cyfarfu'r Grŵp Rhyngweinidogol ar 4 Mawrth.",
        "3. We discussed the 2024 budget and the 1234 responses to the consultation.",
    ],
)
def test_a_numbered_paragraph_without_a_question_reference_is_not_a_question(line):
    assert rule("question", 1).search(line) is None


@pytest.mark.parametrize(
    "record, expected",
    [
        (
            "Intergovernmental relations\nAsked on: 3 March 2025\nTo ask the Chancellor of the Duchy of Lancaster, "
            "how often the Council has met.\nAnswered by: Alan Roe\nAnswered on: 10 March 2025\nIt met twice.\n",
            {"name": "Alan Roe", "role": None},
        ),
        (
            "Question reference: S6W-01234\nCurrent status: Answered by Jane Poe on 5 March 2025\nThe Cabinet "
            "Secretary attended.\n",
            {"name": "Jane Poe", "role": None},
        ),
        (
            "Cwestiwn Ysgrifenedig\nAtebwyd gan: Huw Moe\nCyfarfu'r Grŵp Rhyngweinidogol ar 4 Mawrth 2025.\n",
            {"name": "Huw Moe", "role": None},
        ),
        (
            "1. Cwestiynau i'r Prif Weinidog – Senedd Cymru ar 23 Mawrth 2025.\nDiolch am y cwestiwn.\n",
            {"name": None, "role": "Prif Weinidog"},
        ),
        (
            "Statement made by Lord Roe\nThe Council of the Nations and Regions met in Belfast.\n",
            {"name": "Lord Roe", "role": None},
        ),
        (
            "Y Cyfarfod Llawn – 18 Mawrth 2025\nYr eitem nesaf yw'r datganiad gan y Cwnsler Cyffredinol, ac rwy'n "
            "galw ar y Cwnsler Cyffredinol i wneud y datganiad—Huw Moe.\nDiolch, Llywydd.\n",
            {"name": "Huw Moe", "role": "Cwnsler Cyffredinol"},
        ),
        (
            "The Deputy Presiding Officer: I now call Angus Roe to open the debate.\nThe Council met in Edinburgh.\n",
            {"name": "Angus Roe", "role": None},
        ),
    ],
)
def test_the_author_is_who_the_record_says_answers(record, expected):
    authors, start, end = author(record, GENERIC)
    assert authors == [expected]
    assert record[start:end] in (expected["name"] or "", expected["role"] or "")


def test_answered_by_a_post_is_a_post_not_a_person():
    authors, *_ = author("Answered by: the Minister for the Cabinet Office\nThe Group met.\n", GENERIC)
    assert authors == [{"name": None, "role": "Minister for the Cabinet Office"}]


def test_the_chairs_call_names_the_speaker_in_a_record_without_speaker_headers():
    [rec] = extract_text(
        "– Senedd Cymru am 2:40 pm ar 18 Mawrth 2025.\n"
        "Rwy'n galw ar y Prif Weinidog i wneud ei ddatganiad—Elin Moe.\n"
        "Diolch, Llywydd. Ddydd Gwener diwethaf, mynychais gyfarfod Cyngor y Gwledydd a'r Rhanbarthau yng "
        "Nghaeredin.\n"
    )
    assert rec["author"] == {"name": "Elin Moe", "role": "Prif Weinidog"}
    assert rec["issuing_government"] == "Welsh Government"


def test_single_document_check_counts_profiles_reading_fields_and_their_phrases():
    fired = {
        "doc-a": {
            "publisher.generic.presiding.0",
            "publisher.generic.presiding.0#1",
            "publisher.senedd.furniture.0",
            "meetings.held",
        },
        "doc-b": {"publisher.generic.presiding.0", "meetings.held", "attendance.roedd#2"},
    }
    reading, layout = single_document(fired)
    assert reading == ["attendance.roedd#2", "publisher.generic.presiding.0#1"]
    assert layout == ["publisher.senedd.furniture.0"]


def test_every_profile_field_is_either_layout_or_checked_as_reading():
    fields = {name for p in P.profiles() for name in p.patterns}
    reading = fields - P.LAYOUT_FIELDS
    assert reading >= {"speaker", "presiding", "question", "answering"}
    assert not any(P.is_layout(f"publisher.generic.{f}.0") for f in reading)
