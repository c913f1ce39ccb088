"""Error pages in the site's design and in the address's language, with the breadcrumb home."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language,heading", [("en", "Page not found"), ("cy", "Heb ddod o hyd i'r dudalen")])
def test_a_missing_page(client, language, heading):
    response = client.get(f"/{language}/meetings/no-such-body/2023-07-11/")
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 404 and f'<html lang="{language}"' in html
    assert 'class="govuk-breadcrumbs"' in html and ("Hafan" if language == "cy" else "Home") in html


@pytest.mark.parametrize(
    "language,heading", [("en", "You cannot use this page"), ("cy", "Ni allwch ddefnyddio'r dudalen hon")]
)
def test_a_page_the_account_may_not_use(language, heading):
    client = Client()
    client.force_login(User.objects.create_user("visitor", password="a long password for a visitor"))
    response = client.get(f"/{language}/reporting/")
    html = response.content.decode().replace("&#x27;", "'")
    assert (
        response.status_code == 403
        and f'<html lang="{language}"' in html
        and 'class="govuk-breadcrumbs"' in html
    )


@pytest.mark.parametrize(
    "language,heading",
    [("en", "The register could not read this request"), ("cy", "Ni allai'r gofrestr ddarllen y cais hwn")],
)
def test_a_request_the_register_cannot_read(language, heading):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language}/", HTTP_HOST="not-this-register.example")
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400 and heading in html
