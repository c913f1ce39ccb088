"""The alert pages in a real browser: subscribing through the form in Welsh, and no axe violation on them or on a
page with its "Follow this" box, in either language."""

from __future__ import annotations

import pytest
from django.core import mail

from igr.follow.models import Subscription
from tests.e2e.test_accessibility import _violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_subscribing_in_a_browser_with_no_axe_violations(live_server, page, demo, language):
    failures = {}
    for path in ("alerts/", "alerts/?topic=body&key=imsc", "alerts/?q=grwp", "bodies/imsc/"):
        assert page.goto(f"{live_server.url}/{language}/{path}").status == 200, path
        if found := _violations(page):
            failures[path] = found
    page.goto(f"{live_server.url}/{language}/alerts/")
    page.select_option("#id_government", "wales")
    page.fill("#id_email", "reader@example.org")
    page.check("#id_frequency_daily")
    page.click("button[type=submit]")
    heading = page.locator("h1").inner_text()
    assert heading == {"en": "Check your email", "cy": "Gwiriwch eich e-bost"}[language]
    if found := _violations(page):
        failures["check-email"] = found
    assert not failures, failures
    subscription = Subscription.objects.get()
    assert (subscription.topic, subscription.key, subscription.frequency, subscription.language) == (
        "government",
        "wales",
        "daily",
        language,
    )
    assert len(mail.outbox) == 1 and subscription.token in mail.outbox[0].body
    page.goto(f"{live_server.url}/{language}/alerts/confirm/{subscription.token}/")
    page.click("button[type=submit]")
    assert (
        page.locator("h1").inner_text()
        == {"en": "Email alerts confirmed", "cy": "Hysbysiadau e-bost wedi'u cadarnhau"}[language]
    )
    if found := _violations(page):
        failures["confirmed"] = found
    assert not failures, failures
