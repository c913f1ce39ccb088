"""Every address that takes a record id answers 404, never 500, for a number no database key can hold."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from igr.converters import RecordId

pytestmark = pytest.mark.django_db
TOO_LONG = "99999999999999999999999"
OTHER_ARGUMENTS = {
    "language": "en",
    "fmt": "html",
    "key": "x",
    "body_key": "x",
    "day": "2023-07-11",
    "revision": 1,
    "model": "meeting",
}


def _patterns(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def _id_routes() -> list[str]:
    """The address of each igr route that takes ``pk``, with the id too long for any key."""
    found = []
    for name, entry in _patterns(get_resolver()):
        regex = entry.pattern.regex.pattern
        if "(?P<pk>" not in regex or not entry.callback.__module__.startswith("igr."):
            continue
        groups = re.findall(r"\(\?P<(\w+)>", regex)
        kwargs = {g: (1 if g == "pk" else OTHER_ARGUMENTS[g]) for g in groups}
        found.append(reverse(name, kwargs=kwargs).replace("/1/", f"/{TOO_LONG}/", 1))
    return found


def test_no_route_takes_an_unbounded_number():
    """New routes use <id:pk> (or RecordId.regex), so the rule cannot be forgotten."""
    for name, entry in _patterns(get_resolver()):
        if not entry.callback.__module__.startswith("igr."):
            continue
        regex = entry.pattern.regex.pattern
        assert not re.search(r"\(\?P<\w+>(\\d|\[0-9\])\+\)", regex), name
        assert "<int:" not in str(entry.pattern), name
    assert len(_id_routes()) >= 7


def test_published_document_with_a_long_id_is_not_found(client):
    assert client.get(f"/en/reporting/published/{TOO_LONG}/en.html").status_code == 404
    assert client.get(f"/cy/reporting/published/{TOO_LONG}/cy.pdf").status_code == 404


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_id_route_answers_404_for_an_id_out_of_range(client, signed_in):
    client.raise_request_exception = False
    if signed_in:
        client.force_login(get_user_model().objects.create_superuser("root", password="x"))
    for url in _id_routes():
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404, (url, response.status_code)


def test_the_not_found_page_is_the_registers_own_in_both_languages(client):
    english = client.get(f"/en/reporting/published/{TOO_LONG}/en.html").content.decode()
    welsh = html.unescape(client.get(f"/cy/reporting/published/{TOO_LONG}/en.html").content.decode())
    assert "Page not found" in english and "govuk-template" in english
    assert "Heb ddod o hyd i'r dudalen" in welsh and 'lang="cy"' in welsh
    assert "Using the URLconf" not in english  # never Django's debug list of every address


def test_ids_at_the_limit_still_route():
    assert RecordId().to_python("9" * 18) == 10**18 - 1
