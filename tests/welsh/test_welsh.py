"""The one Welsh-language module: mutations both ways, calendar words, ordinals and folding."""

from __future__ import annotations

import datetime as dt

import pytest

from igr import welsh


@pytest.mark.parametrize(
    ("radical", "soft", "nasal", "aspirate"),
    [
        ("Cymru", "Gymru", "Nghymru", "Chymru"),
        ("Pwyllgor", "Bwyllgor", "Mhwyllgor", "Phwyllgor"),
        ("Tachwedd", "Dachwedd", "Nhachwedd", "Thachwedd"),
        ("Gorffennaf", "Orffennaf", "Ngorffennaf", "Gorffennaf"),
        ("Llywodraeth", "Lywodraeth", "Llywodraeth", "Llywodraeth"),
        ("Medi", "Fedi", "Medi", "Medi"),
    ],
)
def test_mutations(radical, soft, nasal, aspirate):
    assert welsh.soft_mutation(radical) == soft
    assert welsh.nasal_mutation(radical) == nasal
    assert welsh.aspirate_mutation(radical) == aspirate
    for form in (soft, nasal, aspirate):
        assert radical.lower() in welsh.radicals(form.lower())


def test_digraphs_are_radicals_not_mutations():
    assert welsh.aspirate_mutation("Chwefror") == "Chwefror"
    assert welsh.soft_mutation("Chwefror") == "Chwefror"
    assert welsh.radicals("llyfr") == {"llyfr"}


def test_months_under_mutation():
    assert welsh.month_number("Fedi") == 9
    assert welsh.month_number("Ngorffennaf") == 7
    assert welsh.month_number("gorffenaf") == 7  # the misspelling seen in software catalogues is read
    assert welsh.month_number("Rhagfyr") == 12 and welsh.month_number("Ragfyr") == 12
    assert welsh.month_number("Monday") is None
    assert welsh.weekday_number("Mawrth") == 1


def test_welsh_dates_are_written_in_full():
    from igr.welsh.calendar import format_date

    day = dt.date(2023, 7, 11)
    assert format_date(day) == "11 Gorffennaf 2023"
    assert format_date(day, "full") == "Dydd Mawrth 11 Gorffennaf 2023"
    assert format_date(day, "month") == "Gorffennaf 2023"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "cyfarfod cyntaf"),
        (2, "ail gyfarfod"),
        (3, "trydydd cyfarfod"),
        (11, "unfed cyfarfod ar ddeg"),
        (16, "unfed cyfarfod ar bymtheg"),
        (20, "ugeinfed cyfarfod"),
        (33, "trydydd cyfarfod ar ddeg ar hugain"),
    ],
)
def test_ordinals_written(n, text):
    assert welsh.ordinal_noun(n, "cyfarfod") == text


def test_ordinals_read():
    from igr.welsh.numbers import ORDINAL_BEFORE

    m = ORDINAL_BEFORE.search("hwn oedd yr unfed cyfarfod ar bymtheg o'r sector")
    assert welsh.ordinal_value(m["w"], m["tail"]) == 16
    m = ORDINAL_BEFORE.search("y 33ain cyfarfod")
    assert welsh.ordinal_value(None, None, m["n"]) == 33
    assert welsh.ordinal_value("pedwaredd") == 4


def test_fold_and_small_words():
    assert welsh.fold("Grŵp’r") == "grwp'r"
    assert welsh.with_article("Ysgrifennydd") == "yr Ysgrifennydd"
    assert welsh.with_article("Grŵp") == "y Grŵp"
    assert welsh.join(["Cymru", "Lloegr", "Yr Alban"]) == "Cymru, Lloegr ac Yr Alban"
    assert welsh.join(["yr Alban", "Cymru"], mutate=True) == "yr Alban a Chymru"


@pytest.mark.parametrize(
    "phrase, n",
    [("drydydd cyfarfod", 3), ("bedwaredd sesiwn", 4), ("bumed cyfarfod", 5), ("ddegfed cyfarfod", 10)],
)
def test_ordinals_read_under_soft_mutation(phrase, n):
    m = welsh.numbers.ORDINAL_BEFORE.match(phrase)
    assert m and welsh.ordinal_value(m["w"], m["tail"]) == n


@pytest.mark.parametrize(
    "prep, word, radical",
    [
        ("yng", "Nghaerdydd", "Caerdydd"),
        ("yng", "Nghaeredin", "Caeredin"),
        ("ym", "Mhontypridd", "Pontypridd"),
        ("yn", "Nhyddewi", "Tyddewi"),
        ("yng", "Ngwynedd", "Gwynedd"),
        ("yn", "Llundain", "Llundain"),
        ("yn", "Nulyn", "Nulyn"),
        ("ym", "Mangor", "Mangor"),
    ],
)
def test_place_after_yn_restores_only_unambiguous_nasal_mutations(prep, word, radical):
    assert welsh.place_after_yn(prep, word) == radical
