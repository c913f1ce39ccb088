"""Email alerts: who follows what, which of the register's changes they have not yet been sent, and what was sent.

Nothing here reads the clock: every time is passed in by the view or command that acts (``now``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """One address following one body, person, government or search, in one language."""

    class Topic(models.TextChoices):
        BODY = "body", _("A body")
        PERSON = "person", _("A person")
        GOVERNMENT = "government", _("A government")
        SEARCH = "search", _("A search")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As soon as it happens")
        DAILY = "daily", _("A daily digest")

    email = models.EmailField(_("email address"), max_length=254)
    topic = models.CharField(_("what is followed"), max_length=10, choices=Topic.choices)
    key = models.CharField(
        _("key or search words"),
        max_length=200,
        help_text=_("The body's, person's or government's key, or the words searched for."),
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("asked for"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cursor = models.BigIntegerField(_("last change considered"), default=0)
    digest_on = models.DateField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "topic", "key"], name="follow_one_subscription_per_topic"
            )
        ]
        indexes = [models.Index(fields=["confirmed_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.email}: {self.topic} {self.key}"


class Change(models.Model):
    """A meeting the register changed (recorded, rescheduled, attended, reported on): a queue read by send_alerts.

    Only the meeting's id: whether it is public, and what about it is new, is read when the alerts are sent.
    """

    meeting_id = models.BigIntegerField(_("meeting"))

    class Meta:
        verbose_name = _("change to follow")
        verbose_name_plural = _("changes to follow")


class Delivery(models.Model):
    """One item sent to one subscription, so that it is never sent to it again."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    item = models.CharField(_("item"), max_length=80)
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("alert sent")
        verbose_name_plural = _("alerts sent")
        constraints = [models.UniqueConstraint(fields=["subscription", "item"], name="follow_item_sent_once")]


class Attempt(models.Model):
    """A use of the subscription form, for rate limiting: a keyed hash of the client or address, never the value."""

    client = models.CharField(_("client (keyed hash)"), max_length=64, db_index=True)
    at = models.DateTimeField(_("at"), db_index=True)

    class Meta:
        verbose_name = _("subscription attempt")
        verbose_name_plural = _("subscription attempts")
