"""Numbers agree with their nouns: the Welsh catalogues use Welsh's six plural forms (CLDR: zero, one, two, few,
many, other), so a sentence says "unwaith", "ddwywaith", "3 chyfarfod", never "1 o weithiau" or "1 times"."""

from __future__ import annotations

import pytest
from django.utils import translation

from igr.public.views.records import _met_summary
from igr.public.views.reports import _lag_summary

BODY = "Grŵp Rhyngweinidogol"


@pytest.mark.parametrize(
    "total,english,welsh",
    [
        (1, "met once in 2023.", "unwaith yn 2023."),
        (2, "met 2 times in 2023.", "ddwywaith yn 2023."),
        (3, "met 3 times in 2023.", "deirgwaith yn 2023."),
        (6, "met 6 times in 2023.", "6 gwaith yn 2023."),
        (11, "met 11 times in 2023.", "11 gwaith yn 2023."),
    ],
)
def test_how_often_a_body_met(total, english, welsh):
    with translation.override("en"):
        assert _met_summary("The group", total, 2023, 2023, 2023, total).endswith(english)
    with translation.override("cy"):
        assert _met_summary(BODY, total, 2023, 2023, 2023, total).endswith(welsh)


@pytest.mark.parametrize(
    "n,welsh",
    [(1, "1 cyfarfod."), (2, "2 gyfarfod."), (3, "3 chyfarfod."), (6, "6 chyfarfod."), (8, "8 cyfarfod.")],
)
def test_the_busiest_year_in_welsh_mutates_after_the_number(n, welsh):
    with translation.override("cy"):
        assert _met_summary(BODY, 20, 2021, 2024, 2023, n).endswith(welsh)
    with translation.override("en"):
        assert _met_summary("It", 20, 2021, 2024, 2023, n).endswith(f"{n} meeting{'s' if n != 1 else ''}.")


def test_the_timeliness_sentence_leaves_out_what_is_not_known():
    with translation.override("en"):
        assert _lag_summary({"count": 1, "median": 12, "on_time_rate": None}) == (
            "1 meeting has a published written statement. Half of them were made within 12 days of the meeting."
        )
    with translation.override("cy"):
        text = _lag_summary({"count": 2, "median": 2, "on_time_rate": 50})
    assert (
        text.startswith("Mae Datganiad Ysgrifenedig wedi'i gyhoeddi am 2 gyfarfod.") and "2 ddiwrnod" in text
    )
    assert "None" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,styled",
    [("en", "The Rt Hon. Suella Braverman KC MP"), ("cy", "Y Gwir Anrhydeddus Suella Braverman CB AS")],
)
def test_people_are_named_with_honorifics_and_post_nominals(client, demo, language, styled):
    from igr.register.models import Person

    person = Person.objects.get(key="suella-braverman")
    assert person.styled(language).lower() == styled.lower()
    for path in (
        "people/suella-braverman/",
        "meetings/img-safety-security-migration/2023-07-11/",
        "people/?government=uk",
    ):
        assert styled in client.get(f"/{language}/{path}").content.decode(), path
