"""English and Welsh grammar for the standard sentences: ordinals, mutation, articles, lists, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from igr.reporting.language import (
    date_in_text,
    join_cy,
    join_en,
    month_in_text,
    ordinal_en,
    ordinal_noun_cy,
    soft_mutation,
    with_article_cy,
)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "cyfarfod cyntaf"),
        (2, "ail gyfarfod"),
        (3, "trydydd cyfarfod"),
        (4, "pedwerydd cyfarfod"),
        (5, "pumed cyfarfod"),
        (6, "chweched cyfarfod"),
        (8, "wythfed cyfarfod"),
        (10, "degfed cyfarfod"),
        (11, "unfed cyfarfod ar ddeg"),
        (12, "deuddegfed cyfarfod"),
        (13, "trydydd cyfarfod ar ddeg"),
        (15, "pymthegfed cyfarfod"),
        (16, "unfed cyfarfod ar bymtheg"),
        (17, "ail gyfarfod ar bymtheg"),
        (18, "deunawfed cyfarfod"),
        (20, "ugeinfed cyfarfod"),
        (21, "unfed cyfarfod ar hugain"),
        (40, "deugeinfed cyfarfod"),
        (41, "cyfarfod rhif 41"),
    ],
)
def test_welsh_ordinals_with_a_masculine_noun(n, expected):
    assert ordinal_noun_cy(n, "cyfarfod") == expected


def test_welsh_feminine_ordinals_mutate_the_noun():
    assert ordinal_noun_cy(3, "sesiwn", feminine=True) == "trydedd sesiwn"
    assert ordinal_noun_cy(4, "blwyddyn", feminine=True) == "pedwaredd flwyddyn"
    assert ordinal_noun_cy(2, "blwyddyn", feminine=True) == "ail flwyddyn"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "first"), (2, "second"), (12, "twelfth"), (20, "twentieth"), (21, "twenty-first"), (113, "113th")],
)
def test_english_ordinals(n, expected):
    assert ordinal_en(n) == expected


def test_soft_mutation():
    assert [
        soft_mutation(w)
        for w in ("cyfarfod", "trydydd", "pedwerydd", "Llywodraeth", "gweinidog", "degfed", "ail")
    ] == ["gyfarfod", "drydydd", "bedwerydd", "Lywodraeth", "weinidog", "ddegfed", "ail"]


def test_welsh_articles():
    assert with_article_cy("Grŵp Rhyngweinidogol ar Ddiogelwch") == "y Grŵp Rhyngweinidogol ar Ddiogelwch"
    assert with_article_cy("Y Pwyllgor Cyllid") == "y Pwyllgor Cyllid"
    assert with_article_cy("Ysgrifennydd Cartref") == "yr Ysgrifennydd Cartref"
    assert with_article_cy("Undeb Ewropeaidd") == "yr Undeb Ewropeaidd"
    assert with_article_cy("Heddlu") == "yr Heddlu"


def test_lists():
    assert join_en(["A", "B", "C"]) == "A, B and C"
    assert join_en(["A", "B", "C"], sep="; ") == "A; B; and C"
    assert join_cy(["Huw", "Jenny"]) == "Huw a Jenny"
    assert join_cy(["Huw", "Emma"]) == "Huw ac Emma"
    assert join_cy(["Bil", "Costau byw"], sep="; ", mutate=True) == "Bil a Chostau byw"
    assert join_cy(["A", "B", "Tai"], sep="; ", mutate=True) == "A; B; a Thai"


def test_dates_in_running_text():
    day = dt.date(2023, 7, 11)
    assert date_in_text(day, "cy", dt.date(2023, 9, 25)) == "11 Gorffennaf"
    assert date_in_text(day, "cy", dt.date(2024, 1, 5)) == "11 Gorffennaf 2023"
    assert date_in_text(day, "en") == "11 July 2023"
    assert month_in_text(dt.date(2023, 11, 1), "cy", dt.date(2023, 9, 25)) == "ym mis Tachwedd"
    assert month_in_text(dt.date(2024, 2, 1), "en", dt.date(2023, 9, 25)) == "in February 2024"
