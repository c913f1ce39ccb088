"""``igr send_alerts``: each confirmed subscription is sent what is new for it, once.

The queue of changed meetings (``Change``) is read up to its newest row at the start of a run. For each
subscription due (immediate ones every run, daily digests at the first run from ``IGR_ALERTS_DIGEST_HOUR`` each
day) the changed meetings it follows are read through the public querysets *now*, turned into items, and those
already sent to it are left out. Its deliveries, its cursor and the email are one transaction: if the mail server
refuses, nothing is recorded and the next run tries again; if it accepts, the items are recorded as sent and never
go again. Changes every subscription has passed are deleted.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from igr.public.queries import public_meetings

from .items import followed_meetings, items_for
from .mail import alert_message
from .models import Change, Delivery, Subscription
from .subscriptions import forget_unconfirmed

logger = logging.getLogger(__name__)


@dataclass
class Report:
    emails: int = 0
    items: int = 0
    forgotten: int = 0
    failed: list[str] = field(default_factory=list)


def due(subscription: Subscription, now: dt.datetime) -> bool:
    if subscription.frequency == Subscription.Frequency.IMMEDIATE:
        return True
    local = timezone.localtime(now)
    return local.hour >= settings.IGR_ALERTS_DIGEST_HOUR and subscription.digest_on != local.date()


def send_alerts(now: dt.datetime) -> Report:
    report = Report(forgotten=forget_unconfirmed(now))
    top = Change.objects.aggregate(top=Max("id"))["top"] or 0
    connection = get_connection()
    with connection:
        for subscription in Subscription.objects.filter(confirmed_at__isnull=False).order_by("pk"):
            if not due(subscription, now):
                continue
            try:
                report.items += _send_one(subscription, top, now, connection, report)
            except Exception:
                logger.exception("alerts for subscription %s were not sent", subscription.pk)
                report.failed.append(str(subscription.pk))
    _prune(top)
    return report


@transaction.atomic
def _send_one(subscription: Subscription, top: int, now: dt.datetime, connection, report: Report) -> int:
    # Locked: a run alongside waits, then finds the items recorded; one unsubscribed meanwhile is gone.
    subscription = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
    if subscription is None or not due(subscription, now):
        return 0
    changed = Change.objects.filter(id__gt=subscription.cursor, id__lte=top).values_list(
        "meeting_id", flat=True
    )
    items = []
    if subscription.cursor < top:
        meetings = followed_meetings(
            subscription.topic, subscription.key, public_meetings().filter(pk__in=list(set(changed)))
        )
        sent = set(subscription.deliveries.values_list("item", flat=True))
        items = [item for item in items_for(meetings, subscription.language) if item.key not in sent]
    subscription.cursor = top
    if subscription.frequency == Subscription.Frequency.DAILY:
        subscription.digest_on = timezone.localtime(now).date()
    subscription.save(update_fields=["cursor", "digest_on"])
    if items:
        Delivery.objects.bulk_create(
            [Delivery(subscription=subscription, item=item.key, sent_at=now) for item in items]
        )
        alert_message(subscription, items, connection).send()
        report.emails += 1
    return len(items)


def _prune(top: int) -> None:
    """Changes every confirmed subscription has read are not needed any more (nor any, when none is confirmed)."""
    oldest = Subscription.objects.filter(confirmed_at__isnull=False).aggregate(low=Min("cursor"))["low"]
    Change.objects.filter(id__lte=top if oldest is None else min(oldest, top)).delete()
