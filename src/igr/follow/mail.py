"""The alerts' emails, in the subscriber's language: the confirmation request and the alert or digest itself.

Every alert carries one-click unsubscribe headers (RFC 8058): mail clients POST to the address in
``List-Unsubscribe`` and the subscription ends without a page being shown.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .items import Item
from .models import Subscription
from .topics import topic_label


def absolute(path: str) -> str:
    return settings.IGR_SITE_URL.rstrip("/") + path


def link(name: str, subscription: Subscription) -> str:
    with translation.override(subscription.language):
        return absolute(reverse(name, args=[subscription.token]))


def _message(
    subscription: Subscription, subject: str, template: str, context: dict, connection=None
) -> EmailMessage:
    with translation.override(subscription.language):
        body = render_to_string(
            template,
            {
                **context,
                "subscription": subscription,
                "topic": topic_label(subscription.topic, subscription.key, subscription.language),
            },
        )
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        connection=connection,
        headers={"Content-Language": subscription.language, "Auto-Submitted": "auto-generated"},
    )


def send_confirmation(subscription: Subscription) -> None:
    with translation.override(subscription.language):
        subject = _("Confirm your email alerts from the IGR Register")
        _message(
            subscription,
            subject,
            "follow/email/confirm.txt",
            {"confirm_url": link("follow:confirm", subscription)},
        ).send()


def alert_message(subscription: Subscription, items: list[Item], connection=None) -> EmailMessage:
    unsubscribe = link("follow:unsubscribe", subscription)
    with translation.override(subscription.language):
        label = topic_label(subscription.topic, subscription.key, subscription.language)
        if subscription.frequency == Subscription.Frequency.DAILY:
            subject = ngettext(
                "Daily digest: %(count)d update on %(topic)s",
                "Daily digest: %(count)d updates on %(topic)s",
                len(items),
            ) % {"count": len(items), "topic": label}
        else:
            subject = ngettext(
                "%(count)d update on %(topic)s", "%(count)d updates on %(topic)s", len(items)
            ) % {"count": len(items), "topic": label}
        entries = [{"item": item, "url": absolute(item.path)} for item in items]
        message = _message(
            subscription,
            subject,
            "follow/email/alert.txt",
            {"entries": entries, "unsubscribe_url": unsubscribe},
            connection,
        )
    message.extra_headers["List-Unsubscribe"] = f"<{unsubscribe}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message
