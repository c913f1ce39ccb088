"""``igr send_alerts``: send each confirmed subscriber what is new for them, once; forget unconfirmed requests."""

from __future__ import annotations

import datetime as dt
import smtplib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from igr.follow.sending import send_alerts


def _moment(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(
            _("--now takes a date and time like 2026-12-07T08:00 (%(value)s)") % {"value": value}
        ) from exc
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = _(
        "Send email alerts that are due (run it from a timer every few minutes); never sends an item twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help=_(
                "The time to act as at (ISO 8601, local time unless an offset is given); "
                "the clock's time by default."
            ),
        )

    def handle(self, *args, now: str | None = None, **options):
        try:
            report = send_alerts(_moment(now) if now else timezone.now())
        except (OSError, smtplib.SMTPException) as exc:  # the mail server, before any subscription was tried
            server = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
            raise CommandError(
                f"The mail server {server} could not be reached ({exc}); no alerts were sent, they will be sent "
                f"next time. / Nid oedd modd cysylltu â'r gweinydd e-bost {server} ({exc}); ni anfonwyd "
                "unrhyw hysbysiadau, cânt eu hanfon y tro nesaf."
            ) from exc
        self.stdout.write(
            _("%(emails)s emails sent (%(items)s items); %(forgotten)s unconfirmed requests forgotten.")
            % {"emails": report.emails, "items": report.items, "forgotten": report.forgotten}
        )
        if report.failed:
            raise CommandError(
                _("Alerts for %(count)s subscriptions could not be sent; they will be tried again.")
                % {"count": len(report.failed)}
            )
