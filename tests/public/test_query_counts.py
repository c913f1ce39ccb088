"""Queries per page are bounded: a page costs the same number of queries with one meeting as with forty."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from igr.register.models import Agreement, Government, Meeting

from .factories import make_meetings

pytestmark = pytest.mark.django_db

PAGES = [
    "/cy/",
    "/en/meetings/",
    "/en/meetings/?government=wales&year=2022&sort=oldest",
    "/cy/meetings/?person=p-wales-1",
    "/en/meetings/imsc/2022-01-10/",
    "/en/bodies/",
    "/cy/bodies/imsc/",
    "/en/people/",
    "/cy/people/p-wales-0/",
    "/en/agreements/",
    "/en/agreements/iga-1/",
    "/cy/timeliness/",
    "/en/search/?q=topic",
    "/cy/search/?q=pwnc+datganiad",
]


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.fixture
def agreement(reference):
    agreement = Agreement.objects.create(
        key="iga-1",
        kind="iga",
        title_en="An agreement",
        title_cy="Cytundeb",
        concluded_on=dt.date(2022, 1, 1),
    )
    agreement.parties.add(*Government.objects.all()[:2])
    return agreement


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_the_register(
    client, reference, agreement, django_assert_max_num_queries, url
):
    make_meetings(1)
    small = _count(client, url)
    make_meetings(40, start=dt.date(2022, 1, 17))
    make_meetings(5, body_key="img-elections", start=dt.date(2023, 3, 1), prefix="q")
    assert Meeting.objects.count() == 46
    with django_assert_max_num_queries(small):
        client.get(url)
