"""igr sync_obligations: apply the agreement profiles to every meeting, agreement, period and consent again."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from igr.register.models import Agreement, Meeting
from igr.reporting import engine, subjects
from igr.reporting.calendars import calendar_from_db
from igr.reporting.models import ConsentIntention, Obligation, ReportingPeriod


class Command(BaseCommand):
    help = "Create missing obligations, recount open deadlines and mark what published documents have met."

    def handle(self, *args, **options) -> None:
        calendar = calendar_from_db()
        for meeting in Meeting.objects.select_related("body").iterator():
            engine.sync_meeting(meeting, calendar)
        for agreement in Agreement.objects.iterator():
            subjects.sync_agreement(agreement)
        for period in ReportingPeriod.objects.iterator():
            subjects.sync_period(period)
        for consent in ConsentIntention.objects.iterator():
            subjects.sync_consent(consent)
        moved = engine.recompute_open(calendar)
        self.stdout.write(f"obligations: {Obligation.objects.count()}; due dates recounted: {moved}")
