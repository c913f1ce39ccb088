"""Obligations whose subject is not a meeting: concluded agreements, ended reporting periods, intended consents."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from igr.register.models import Agreement
from igr.reporting.calendars import calendar_from_db
from igr.reporting.delivery import mark_met
from igr.reporting.engine import new_obligation, place
from igr.reporting.models import ConsentIntention, Obligation, ReportDocument, ReportingPeriod
from igr.reporting.profiles import get_profile, profile_for

CONCLUDED = (Agreement.Status.CONCLUDED, Agreement.Status.IN_FORCE)


@transaction.atomic
def sync_agreement(agreement: Agreement) -> list[Obligation]:
    """A concluded agreement to which the Welsh Government is a party is owed a notification."""
    existing = {o.rule_key: o for o in Obligation.objects.filter(agreement=agreement)}
    is_party = agreement.pk and agreement.parties.filter(key="wales").exists()
    if agreement.concluded_on and agreement.status in CONCLUDED and is_party:
        profile = profile_for(agreement.concluded_on, "wales")
        if profile:
            calendar = calendar_from_db()
            for rule in profile.rules_for("agreement_concluded"):
                if rule.key not in existing:
                    obligation = new_obligation(
                        profile.key,
                        rule,
                        trigger_date=agreement.concluded_on,
                        anchor_date=agreement.concluded_on,
                        agreement=agreement,
                    )
                    place(obligation, calendar).save()
                    existing[rule.key] = obligation
    for obligation in existing.values():
        if obligation.is_open:
            record = (
                agreement.documents.public()
                .filter(date__isnull=False, date__gte=obligation.trigger_date)
                .exclude(kind__in=("communique", "press_release", "other"))
                .order_by("date")
                .first()
            )
            if record:
                mark_met(obligation, record.date, record=record)
    return list(existing.values())


@transaction.atomic
def sync_period(period: ReportingPeriod) -> list[Obligation]:
    """A reporting period is owed its report, counted from the period's last day."""
    profile = get_profile(period.profile_key)
    existing = {o.rule_key: o for o in Obligation.objects.filter(period=period)}
    calendar = calendar_from_db()
    for rule in profile.rules_for("reporting_period_ended"):
        obligation = existing.get(rule.key)
        if obligation is None:
            obligation = new_obligation(
                profile.key, rule, trigger_date=period.end_date, anchor_date=period.end_date, period=period
            )
            existing[rule.key] = obligation
        elif obligation.is_open:
            obligation.trigger_date = obligation.anchor_date = period.end_date
        if obligation.is_open:
            place(obligation, calendar).save()
            report = (
                ReportDocument.objects.filter(
                    period=period, state=ReportDocument.State.PUBLISHED, supersedes__isnull=True
                )
                .order_by("published_at")
                .first()
            )
            if report:
                mark_met(obligation, report.date, document=report, calendar=calendar)
    return list(existing.values())


@transaction.atomic
def sync_consent(consent: ConsentIntention) -> list[Obligation]:
    """An intended consent is owed a letter to the committees before consent is given."""
    profile = get_profile(consent.profile_key)
    existing = {o.rule_key: o for o in Obligation.objects.filter(consent=consent)}
    calendar = calendar_from_db()
    for rule in profile.rules_for("consent_intended"):
        obligation = existing.get(rule.key)
        if obligation is None:
            obligation = new_obligation(
                profile.key,
                rule,
                trigger_date=timezone.localtime(consent.created_at).date(),
                anchor_date=consent.consent_due_on,
                consent=consent,
                minister=consent.minister,
            )
        elif obligation.is_open:
            obligation.anchor_date = consent.consent_due_on
        if obligation.is_open:
            place(obligation, calendar).save()
    return list(Obligation.objects.filter(consent=consent))
