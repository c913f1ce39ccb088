"""Subscribing, confirming and leaving, without an account.

Double opt-in: a subscription does nothing until the link sent to the address is followed. The form's answer is
the same whether or not the address already follows the topic, so it tells nobody who is subscribed. Unconfirmed
requests are forgotten after ``CONFIRM_DAYS``; the form is rate-limited per client and per address, counted
with keyed hashes so no address is kept for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from .models import Attempt, Change, Subscription

CONFIRM_DAYS = 7
CLIENT_LIMIT = (10, dt.timedelta(hours=1))  # form submissions per client address
ADDRESS_LIMIT = (3, dt.timedelta(days=1))  # confirmation emails to one address


@dataclass(frozen=True)
class Request:
    email: str
    topic: str
    key: str
    language: str
    frequency: str


def _keyed(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def _count(name: str, limit: tuple[int, dt.timedelta], now: dt.datetime) -> bool:
    """Count one more use by ``name``; False once it has been used ``limit`` times in the window."""
    key = _keyed(name)
    recent = Attempt.objects.filter(client=key, at__gt=now - limit[1]).count()
    Attempt.objects.create(client=key, at=now)
    return recent < limit[0]


def allowed(client: str, now: dt.datetime) -> bool:
    """Count this use of the form by a client address; False once it has used it too often in the hour."""
    return _count(f"client:{client}", CLIENT_LIMIT, now)


@transaction.atomic
def request_subscription(request: Request, now: dt.datetime) -> Subscription | None:
    """Record the request and return the subscription whose confirmation email should go, if one should.

    An address already confirmed for the topic gets nothing (its settings are not changed by a stranger); an
    unconfirmed one gets the link again. No address gets more than ``ADDRESS_LIMIT`` confirmation emails a day,
    so the form cannot be used to flood someone's inbox.
    """
    email = request.email.strip().lower()
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        email=email,
        topic=request.topic,
        key=request.key,
        defaults={
            "language": request.language,
            "frequency": request.frequency,
            "token": secrets.token_urlsafe(32),
            "created_at": now,
        },
    )
    if subscription.confirmed_at is not None or not _count(f"address:{email}", ADDRESS_LIMIT, now):
        return None
    if not created:
        subscription.language, subscription.frequency = request.language, request.frequency
        subscription.save(update_fields=["language", "frequency"])
    return subscription


def pending(token: str, now: dt.datetime) -> Subscription | None:
    """The subscription a link names, unless it has lapsed unconfirmed."""
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None or (subscription.confirmed_at is None and expired(subscription, now)):
        return None
    return subscription


def expired(subscription: Subscription, now: dt.datetime) -> bool:
    return subscription.created_at <= now - dt.timedelta(days=CONFIRM_DAYS)


@transaction.atomic
def confirm(subscription: Subscription, now: dt.datetime) -> None:
    """From now on: changes queued before confirmation are not sent to it."""
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now
        subscription.cursor = Change.objects.aggregate(top=Max("id"))["top"] or 0
        subscription.save(update_fields=["confirmed_at", "cursor"])


def unsubscribe(token: str) -> bool:
    deleted, _rows = Subscription.objects.filter(token=token).delete()
    return bool(deleted)


def forget_unconfirmed(now: dt.datetime) -> int:
    """Delete requests not confirmed within ``CONFIRM_DAYS`` and rate-limit counts past their window."""
    cutoff = now - dt.timedelta(days=CONFIRM_DAYS)
    forgotten, _rows = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lte=cutoff).delete()
    Attempt.objects.filter(at__lte=now - max(CLIENT_LIMIT[1], ADDRESS_LIMIT[1])).delete()
    return forgotten
