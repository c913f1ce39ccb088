"""A NUL character in an address is refused with a clear answer on both databases (PostgreSQL cannot hold one)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/obligations?body=%00",
        "/api/v1/meetings?person=a%00b",
        "/api/v1/bodies/a%00b",
        "/api/v1/search?q=x%00",
    ],
)
def test_the_api_answers_422(client, url):
    response = client.get(url)
    assert response.status_code == 422
    assert "character" in response.json()["detail"]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_pages_answer_400_in_the_page_language(client, lang):
    response = client.get(f"/{lang}/meetings/?body=%00")
    assert response.status_code == 400
    assert f'lang="{lang}"' in response.content.decode()


def test_an_address_without_one_is_untouched(client):
    assert client.get("/api/v1/obligations?body=bic").status_code == 200
