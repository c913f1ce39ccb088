"""Planted records the public must never see, and a real SMTP server on the loopback address."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import socket
from email import policy

import pytest

from igr.register.models import Attendance, Body, Document, Government, Meeting, Person
from igr.reporting.models import ReportDocument

MARKER = "DRAFTMARKER"


@pytest.fixture
def editions(demo):
    """The seed meeting's letter and statement published through the workflow, as the demonstration does."""
    from igr.reporting.demo import load_reporting_demo

    load_reporting_demo()


@pytest.fixture
def drafts(editions):
    """An unpublished meeting (with a person seen only there), an embargoed statement and a draft IIRA letter."""
    body = Body.objects.get(key="img-safety-security-migration")
    draft = Meeting.objects.create(
        body=body,
        date=dt.date(2024, 2, 2),
        status="held",
        published=False,
        location_en=f"{MARKER} location",
        location_cy=f"{MARKER} lleoliad",
    )
    person = Person.objects.create(key="draftonly-person", name=f"{MARKER} Person")
    Attendance.objects.create(meeting=draft, person=person, government=Government.objects.get(key="wales"))
    seed = Meeting.objects.get(reference="img-safety-security-migration/2023-07-11")
    embargoed = Document.objects.create(
        kind="written_statement",
        date=dt.date(2023, 7, 20),
        published=False,
        title_en=f"{MARKER} statement",
        title_cy=f"{MARKER} datganiad",
    )
    embargoed.meetings.add(seed)
    ReportDocument.objects.create(
        kind="letter",
        meeting=seed,
        series=3,
        date=dt.date(2023, 8, 1),
        snapshot={"en": {"title": f"{MARKER} letter"}, "cy": {"title": f"{MARKER} llythyr"}},
        texts={"note": MARKER},
    )
    return draft


class Recorder:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp(settings):
    """aiosmtpd on 127.0.0.1; Django's real SMTP backend sends to it."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=port, loop=asyncio.new_event_loop())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "IGR Register <alerts@register.example>"
    settings.IGR_SITE_URL = "https://register.example"
    yield recorder
    controller.stop()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def subject(message) -> str:
    """The decoded subject (a long encoded subject is folded onto the next line, leaving a leading space)."""
    return str(message["Subject"]).strip()
