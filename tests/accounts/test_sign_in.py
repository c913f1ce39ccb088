"""Signing in: the register's own page in both languages, throttled and locked out after repeated failures."""

from __future__ import annotations

import html

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture
def official(db):
    return get_user_model().objects.create_user("official", password=PASSWORD, is_staff=True)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _sign_in(client, password: str, lang: str = "en", **extra):
    return client.post(f"/{lang}/sign-in/", {"username": "official", "password": password}, **extra)


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("en", ["Sign in", "Username", "Password", "The public register needs no account."]),
        (
            "cy",
            [
                "Mewngofnodi",
                "Enw defnyddiwr",
                "Cyfrinair",
                "Nid oes angen cyfrif i ddefnyddio'r gofrestr gyhoeddus.",
            ],
        ),
    ],
)
def test_sign_in_page_is_in_the_site_design_in_both_languages(client, lang, texts):
    page = client.get(f"/{lang}/sign-in/").content.decode()
    assert f'<html lang="{lang}"' in page and "govuk-template" in page
    for text in texts:
        assert text in html.unescape(page)
    assert 'autocomplete="current-password"' in page


def test_the_footer_links_to_the_sign_in_page_and_signed_in_users_can_sign_out(client, official):
    assert 'href="/cy/sign-in/"' in client.get("/cy/").content.decode()
    assert _sign_in(client, PASSWORD)["Location"] == "/en/"
    assert _signed_in(client) and "Allgofnodi" in client.get("/cy/").content.decode()
    assert client.get("/en/sign-out/").status_code == 405  # a link cannot sign anyone out
    page = client.post("/cy/sign-out/").content.decode()
    assert not _signed_in(client) and "Rydych wedi allgofnodi" in page


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_wrong_password_is_refused_with_a_clear_message(client, official, lang):
    page = html.unescape(_sign_in(client, "wrong", lang).content.decode())
    expected = (
        "The username or password is not right"
        if lang == "en"
        else "Nid yw'r enw defnyddiwr na'r cyfrinair yn gywir"
    )
    assert expected in page and not _signed_in(client)


def test_signing_in_is_locked_after_repeated_failures_even_with_the_right_password(client, official):
    statuses = [_sign_in(client, "guess").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = _sign_in(client, PASSWORD)
    assert locked.status_code == 429 and not _signed_in(client)
    assert "Sign-in locked" in locked.content.decode()
    welsh = html.unescape(_sign_in(client, PASSWORD, "cy").content.decode())
    assert "Mewngofnodi wedi'i gloi" in welsh and "munud" in welsh


def test_the_admin_sign_in_is_throttled_too(client, official):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/admin/login/", {"username": "official", "password": "guess"})
    response = client.post("/en/admin/login/", {"username": "official", "password": PASSWORD})
    assert response.status_code == 429 and not _signed_in(client)


def test_a_lockout_is_for_that_account_from_that_address_only(client, official):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "guess", REMOTE_ADDR="203.0.113.7")
    assert _sign_in(client, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert _sign_in(client, PASSWORD, REMOTE_ADDR="198.51.100.2").status_code == 302 and _signed_in(client)


def test_behind_the_front_server_the_client_address_comes_from_x_forwarded_for(client, official, settings):
    settings.IGR_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "guess", HTTP_X_FORWARDED_FOR="203.0.113.7")
    # the same front server (REMOTE_ADDR 127.0.0.1) passes another official's request: not locked out
    assert _sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
    # an address the client itself put further left is not believed
    client.logout()
    spoofed = _sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.7")
    assert spoofed.status_code == 429


def test_a_success_resets_the_count(client, official):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "guess")
    assert _sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "guess")
    assert _sign_in(client, PASSWORD).status_code == 302


def test_officials_sessions_end_after_a_working_day_without_a_request(client, official):
    assert settings.SESSION_COOKIE_AGE <= 9 * 3600 and settings.SESSION_SAVE_EVERY_REQUEST
    _sign_in(client, PASSWORD)
    first = client.session.get_expiry_date()
    client.get("/en/")
    assert client.session.get_expiry_date() >= first  # each request renews the working day
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE
