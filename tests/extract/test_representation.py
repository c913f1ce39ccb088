"""Who attends for whom, and where, as statements write it in Welsh and English: a government or a nation "was
represented by" someone ("Cynrychiolwyd yr Alban gan ..."), and a meeting place after "yn" under the nasal
mutation ("yn Nulyn", "ym Melffast")."""

from __future__ import annotations

import pytest

from igr.extract import extract_text
from igr.extract.attendance import extract_attendees
from igr.extract.meetings import mode_and_location
from igr.extract.places import radical_place

DATGANIAD = (
    "Datganiad Ysgrifenedig: Grŵp Rhyngweinidogol ar gyfer Masnach\n\nJane Doe AS, Ysgrifennydd y Cabinet dros "
    "yr Economi\n\nCyhoeddwyd gyntaf:\n20 Mawrth 2025\n\n{body}\n"
)


def who(sentence: str) -> set[tuple]:
    return {(p.name, p.role, p.government, p.capacity) for p in extract_attendees(sentence)}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Cynrychiolwyd yr Alban gan Angus Doe ASA.",
            {("Angus Doe", None, "scotland", "minister")},
        ),
        (
            "Cynrychiolwyd Gweithrediaeth Gogledd Iwerddon gan y Gweinidog Cyllid, Caoimhe Doe.",
            {("Caoimhe Doe", "Gweinidog Cyllid", "northern-ireland", "minister")},
        ),
        (
            "Cynrychiolwyd Gogledd Iwerddon gan weision sifil, gan nad oedd Gweithrediaeth yn ei lle.",
            {(None, "weision sifil", "northern-ireland", "official")},
        ),
        (
            "Cynrychiolwyd Llywodraeth Cymru gan y Cwnsler Cyffredinol.",
            {(None, "Cwnsler Cyffredinol", "wales", "minister")},
        ),
        (
            "Roedd Llywodraeth yr Alban yn cael ei chynrychioli gan Angus Doe.",
            {("Angus Doe", None, "scotland", "minister")},
        ),
        (
            "Cynrychiolwyd Llywodraeth y DU yn y cyfarfod gan Ysgrifennydd Gwladol Cymru, a chynrychiolwyd "
            "Iwerddon gan y Tánaiste.",
            {
                (None, "Ysgrifennydd Gwladol Cymru", "uk", "minister"),
                (None, "Tánaiste", "ireland", "minister"),
            },
        ),
    ],
)
def test_cynrychiolwyd_x_gan_y_y_attends_for_x(sentence, expected):
    assert who(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Scotland was represented by Angus Doe MSP.", {("Angus Doe", None, "scotland", "minister")}),
        (
            "Northern Ireland was represented by civil servants.",
            {(None, "civil servants", "northern-ireland", "official")},
        ),
        (
            "The UK Government was represented by Neil Roe, Director of Housing, and the Irish Government was "
            "represented by Mary Poe TD, Minister for Housing.",
            {
                ("Neil Roe", "Director of Housing", "uk", "official"),
                ("Mary Poe", "Minister for Housing", "ireland", "minister"),
            },
        ),
    ],
)
def test_x_was_represented_by_y_y_attends_for_x(sentence, expected):
    assert who(sentence) == expected


def test_a_nation_represented_in_a_welsh_statement():
    body = (
        "Cyfarfu'r Grŵp Rhyngweinidogol ar gyfer Masnach ar 18 Mawrth. Cadeiriwyd y cyfarfod gan y Gweinidog "
        "Masnach, John Roe AS. Cynrychiolwyd yr Alban gan Angus Doe ASA, a chynrychiolwyd Gogledd Iwerddon gan "
        "swyddogion."
    )
    [rec] = extract_text(DATGANIAD.format(body=body))
    people = {(a["name"], a["government"]) for a in rec["meetings"][0]["attendees"]}
    assert ("Angus Doe", "Scottish Government") in people
    assert (None, "Northern Ireland Executive") in people


@pytest.mark.parametrize(
    "prep, word, radical",
    [
        ("yn", "Nulyn", "Dulyn"),
        ("ym", "Melffast", "Belffast"),
        ("ym", "Mangor", "Bangor"),
        ("yn", "Nefyn", "Nefyn"),  # a radical N: no known place "Defyn"
        ("ym", "Machynlleth", "Machynlleth"),
        ("yng", "Nghaeredin", "Caeredin"),
        ("yn", "Nhyddewi", "Tyddewi"),
        ("yn", "Llundain", "Llundain"),
    ],
)
def test_a_place_after_yn_is_read_in_its_radical_form(prep, word, radical):
    assert radical_place(prep, word) == radical


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "Roeddwn yn bresennol yn 33ain cyfarfod y Cyngor Prydeinig-Gwyddelig yn Nulyn ar 15 Tachwedd.",
            "Dulyn",
        ),
        ("Cynhaliwyd y cyfarfod ym Melffast ddydd Gwener.", "Belffast"),
        ("Cyfarfu'r Grŵp yng Nghaerdydd ar 4 Mawrth.", "Caerdydd"),
    ],
)
def test_the_meeting_place_in_welsh(text, place):
    assert mode_and_location(text)[:2] == ("in_person", place)
