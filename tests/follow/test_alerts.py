"""Email alerts through a real SMTP server on the loopback address: double opt-in, immediate alerts and daily
digests in the subscriber's language, one-click unsubscribe, no item twice, nothing unpublished, and a form that
is rate-limited and tells nobody who is subscribed. Every time is pinned: ``now`` is passed in."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from igr.follow.models import Subscription
from igr.follow.sending import send_alerts
from igr.follow.subscriptions import Request, confirm, forget_unconfirmed, request_subscription
from igr.register.models import Attendance, Body, Government, Meeting

from .conftest import MARKER, subject, text_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
T0 = dt.datetime(2030, 3, 4, 9, 0, tzinfo=LONDON)
SEED_BODY = "img-safety-security-migration"
LINK = re.compile(r"https://register\.example(/(?:en|cy)/alerts/(?:confirm|unsubscribe)/[^/\s]+/)")


@pytest.fixture(autouse=True)
def pinned():
    """The views read the clock (the edge of the system); the services are given ``now``: both at T0."""
    with time_machine.travel(T0, tick=False):
        yield


def _subscribe(client, language: str, **fields) -> str:
    data = {"email": "reader@example.org", "frequency": "immediate", "language": language, **fields}
    response = client.post(f"/{language}/alerts/", data)
    assert response.status_code == 200
    return response.content.decode()


def _confirmed(
    topic: str, key: str, language: str, frequency: str = "immediate", email: str = "reader@example.org"
):
    subscription = request_subscription(Request(email, topic, key, language, frequency), T0)
    confirm(subscription, T0)
    return subscription


def test_double_opt_in_in_welsh_then_an_immediate_alert_in_welsh(client, drafts, smtp):
    page = _subscribe(client, "cy", body=SEED_BODY)
    assert "Gwiriwch eich e-bost" in page
    [request] = smtp.messages
    assert request["To"] == "reader@example.org" and request["Content-Language"] == "cy"
    assert (
        subject(request)
        == "Cadarnhewch eich hysbysiadau e-bost gan y Gofrestr Cysylltiadau Rhynglywodraethol"
    )
    assert "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo" in text_of(request)
    confirm_path = LINK.search(text_of(request)).group(1)
    assert confirm_path.startswith("/cy/alerts/confirm/")
    assert send_alerts(T0).emails == 0  # not confirmed yet: nothing goes
    assert "Dechrau hysbysiadau e-bost" in client.get(confirm_path).content.decode()  # a GET only asks
    assert Subscription.objects.get().confirmed_at is None
    assert "wedi'u cadarnhau" in client.post(confirm_path).content.decode()

    body = Body.objects.get(key=SEED_BODY)
    announced = Meeting.objects.create(
        body=body, date=dt.date(2030, 4, 1), status="planned", location_cy="Caerdydd", location_en="Cardiff"
    )
    Meeting.objects.create(
        body=Body.objects.get(key="imsc"), date=dt.date(2030, 4, 2), status="planned"
    )  # not followed
    report = send_alerts(T0 + dt.timedelta(minutes=10))
    assert (report.emails, report.items) == (1, 1)
    alert = smtp.messages[-1]
    assert subject(alert) == "1 diweddariad am Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo"
    text = text_of(alert)
    assert "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo: 1 Ebrill 2030" in text
    assert "Wedi'i gynllunio · Caerdydd" in text
    assert "https://register.example/cy/meetings/img-safety-security-migration/2030-04-01/" in text
    assert "I atal yr hysbysiadau hyn" in text and MARKER not in text
    unsubscribe = LINK.search(text).group(1)
    assert alert["List-Unsubscribe"].strip() == f"<https://register.example{unsubscribe}>"
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert send_alerts(T0 + dt.timedelta(minutes=20)).emails == 0  # a second run: nothing twice
    announced.location_en = "Cardiff Bay"
    announced.save()  # changed, but the same item
    assert send_alerts(T0 + dt.timedelta(minutes=30)).emails == 0
    announced.status = "held"
    announced.save()  # held: a new item
    assert send_alerts(T0 + dt.timedelta(minutes=40)).items == 1
    assert "Wedi'i gynnal" in text_of(smtp.messages[-1])
    assert len(smtp.messages) == 3


def test_unpublished_records_never_reach_an_email_until_published(drafts, smtp):
    _confirmed("body", SEED_BODY, "en")
    _confirmed("search", "draftmarker", "en", email="search@example.org")
    _confirmed("government", "wales", "en", email="wales@example.org")
    drafts.location_en = f"{MARKER} moved"
    drafts.save()
    Attendance.objects.create(
        meeting=drafts, description_en=f"{MARKER} official", government=Government.objects.get(key="scotland")
    )
    seed = Meeting.objects.get(reference=f"{SEED_BODY}/2023-07-11")
    seed.save()  # the seed meeting changes: it and its published letter and statement go, never the draft letter
    assert send_alerts(T0).emails == 2
    for message in smtp.messages:
        assert MARKER not in text_of(message) and MARKER not in subject(message)
    seed_alert = next(m for m in smtp.messages if m["X-Envelope-To"] == "reader@example.org")
    text = text_of(seed_alert)
    assert "/en/meetings/img-safety-security-migration/2023-07-11/statement/" in text
    assert "/en/meetings/img-safety-security-migration/2023-07-11/letter/" in text
    assert subject(seed_alert) == "3 updates on Safety, Security and Migration Interministerial Group"
    drafts.published = True
    drafts.save()
    send_alerts(T0 + dt.timedelta(minutes=10))
    published = [m for m in smtp.messages[2:]]
    assert {m["X-Envelope-To"] for m in published} == {
        "reader@example.org",
        "search@example.org",
        "wales@example.org",
    }
    assert all("/en/meetings/img-safety-security-migration/2024-02-02/" in text_of(m) for m in published)


def test_daily_digest_goes_once_a_day_from_its_hour_in_english(drafts, smtp):
    subscription = _confirmed("government", "wales", "en", frequency="daily")
    body = Body.objects.get(key="imsc")
    wales = Government.objects.get(key="wales")
    for day in (dt.date(2030, 5, 1), dt.date(2030, 5, 8)):
        meeting = Meeting.objects.create(body=body, date=day, status="planned")
        Attendance.objects.create(
            meeting=meeting, government=wales, description_en="a Welsh Government official"
        )
    early = dt.datetime(2030, 3, 5, 6, 30, tzinfo=LONDON)
    assert send_alerts(early).emails == 0  # before the digest hour
    assert send_alerts(early.replace(hour=7, minute=5)).items == 2
    [digest] = smtp.messages
    assert subject(digest) == "Daily digest: 2 updates on Welsh Government"
    assert "Interministerial Standing Committee: 1 May 2030" in text_of(digest)
    meeting = Meeting.objects.create(body=body, date=dt.date(2030, 5, 15), status="planned")
    Attendance.objects.create(meeting=meeting, government=wales, description_en="a Welsh Government official")
    assert send_alerts(early.replace(hour=18)).emails == 0  # one digest a day
    assert send_alerts(early + dt.timedelta(days=1, hours=1)).items == 1
    subscription.refresh_from_db()
    assert subscription.digest_on == dt.date(2030, 3, 6)


def test_one_click_unsubscribe_without_a_form(drafts, smtp):
    subscription = _confirmed("body", SEED_BODY, "en")
    Meeting.objects.create(body=Body.objects.get(key=SEED_BODY), date=dt.date(2030, 6, 1), status="planned")
    send_alerts(T0)
    path = LINK.search(text_of(smtp.messages[-1])).group(1)
    mail_client = Client(enforce_csrf_checks=True)  # a mail client posts without a CSRF token
    assert "Atal" not in mail_client.get(path).content.decode()
    response = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and "Email alerts stopped" in response.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    Meeting.objects.create(body=Body.objects.get(key=SEED_BODY), date=dt.date(2030, 7, 1), status="planned")
    assert send_alerts(T0 + dt.timedelta(hours=1)).emails == 0
    assert mail_client.get(path).status_code == 404


def test_the_form_never_reveals_a_subscription_and_is_rate_limited(client, demo, smtp):
    PER_RESPONSE = re.compile(r' nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')
    first = PER_RESPONSE.sub("", _subscribe(client, "en", government="scotland"))
    confirm(Subscription.objects.get(), T0)
    again = PER_RESPONSE.sub("", _subscribe(client, "en", government="scotland"))
    assert first == again  # the same answer for a confirmed address
    assert len(smtp.messages) == 1  # and no second email to it, nor any change to its subscription
    for key in ("wales", "uk"):
        _subscribe(client, "en", government=key)
    assert len(smtp.messages) == 3
    _subscribe(client, "en", body="imsc")  # a fourth confirmation to one address in a day is not sent
    assert len(smtp.messages) == 3
    for _i in range(5):
        client.post("/en/alerts/", {"email": "x@example.org"})
    limited = client.post(
        "/en/alerts/", {"email": "other@example.org", "body": "imsc", "frequency": "daily", "language": "en"}
    )
    assert limited.status_code == 429 and "Too many requests" in limited.content.decode()
    assert not Subscription.objects.filter(email="other@example.org").exists()
    assert (
        Client(REMOTE_ADDR="192.0.2.9").post("/cy/alerts/", {"email": "other@example.org"}).status_code == 200
    )


def test_bad_input_gets_a_clear_error_in_the_users_language(client, demo, smtp):
    page = client.post(
        "/cy/alerts/",
        {
            "email": "not-an-address",
            "body": "imsc",
            "government": "wales",
            "frequency": "daily",
            "language": "cy",
        },
    ).content.decode()
    assert "Rhowch gyfeiriad e-bost yn y ffurf gywir" in page
    assert "Dewiswch un corff, un llywodraeth neu eiriau chwilio" in page
    page = client.post(
        "/en/alerts/",
        {
            "email": "a@example.org",
            "topic": "person",
            "key": "draftonly-person",
            "frequency": "daily",
            "language": "en",
        },
    ).content.decode()
    assert "The register holds nothing by that name to follow." in page
    assert not Subscription.objects.exists() and not smtp.messages


def test_unconfirmed_addresses_are_forgotten_after_seven_days(client, demo, smtp):
    subscription = request_subscription(Request("late@example.org", "body", "imsc", "en", "daily"), T0)
    assert forget_unconfirmed(T0 + dt.timedelta(days=6, hours=23)) == 0
    assert client.get(f"/en/alerts/confirm/{subscription.token}/").status_code == 200
    call_command("send_alerts", now=(T0 + dt.timedelta(days=7)).isoformat())
    assert not Subscription.objects.filter(email="late@example.org").exists()
    assert client.get(f"/en/alerts/confirm/{subscription.token}/").status_code == 404
    kept = _confirmed("body", "imsc", "cy", email="kept@example.org")
    forget_unconfirmed(T0 + dt.timedelta(days=30))
    assert Subscription.objects.filter(pk=kept.pk).exists()


def test_a_search_alert_finds_new_meetings_by_its_words(drafts, smtp):
    _confirmed("search", "aberystwyth", "cy")
    Meeting.objects.create(
        body=Body.objects.get(key="imsc"),
        date=dt.date(2030, 9, 9),
        status="planned",
        location_en="Aberystwyth University",
        location_cy="Prifysgol Aberystwyth",
    )
    Meeting.objects.create(
        body=Body.objects.get(key="imsc"),
        date=dt.date(2030, 9, 10),
        status="planned",
        location_en="Bangor",
        location_cy="Bangor",
    )
    assert send_alerts(T0).items == 1
    [alert] = smtp.messages
    assert subject(alert) == "1 diweddariad am y chwiliad “aberystwyth”"
    assert "Prifysgol Aberystwyth" in text_of(alert) and "Bangor" not in text_of(alert)


def test_send_alerts_refuses_a_time_it_cannot_read(db):
    with pytest.raises(CommandError, match="--now takes a date and time"):
        call_command("send_alerts", now="yesterday")


def test_an_unreachable_mail_server_is_a_clear_error_in_both_languages(settings):
    """Found following docs/deploy.md: the alerts timer with no mail server answering ended in a traceback."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    with pytest.raises(CommandError) as raised:
        call_command("send_alerts", now="2026-12-07T08:00")
    message = str(raised.value)
    assert f"The mail server 127.0.0.1:{port} could not be reached" in message
    assert f"Nid oedd modd cysylltu â'r gweinydd e-bost 127.0.0.1:{port}" in message
