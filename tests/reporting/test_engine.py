"""Obligations appear when events happen, count in the right calendar, move on postponement, are waived on cancellation."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from igr.register.models import Agreement, Government
from igr.reporting import delivery, engine
from igr.reporting.models import ConsentIntention, Obligation, RecessPeriod, ReportingPeriod, Status

D = dt.date
pytestmark = pytest.mark.django_db


def called(day: dt.date) -> dict:
    """When the invitation arrived: the trigger of the advance notice obligation."""
    return {"notice_received_at": timezone.make_aware(dt.datetime(day.year, day.month, day.day, 9, 0))}


def by_rule(meeting) -> dict[str, Obligation]:
    return {o.rule_key: o for o in Obligation.objects.filter(meeting=meeting)}


def test_a_held_meeting_owes_a_letter_and_a_statement_counted_across_bank_holidays(make_meeting):
    meeting = make_meeting(D(2023, 4, 6))  # Thursday before Good Friday
    owed = by_rule(meeting)
    assert set(owed) == {"W21-POST-LETTER", "W21-POST-STATEMENT"}
    statement = owed["W21-POST-STATEMENT"]
    assert statement.is_target and statement.recipients == ["all_members"]
    # Good Friday, Easter Monday and May Day do not count: 15 working days end on Tuesday 2 May.
    assert statement.due_date == D(2023, 5, 2)


def test_a_recess_stops_the_clock_and_recording_one_recounts_open_deadlines(make_meeting):
    meeting = make_meeting(D(2023, 4, 6))
    RecessPeriod.objects.create(
        name_en="Easter recess", name_cy="Toriad y Pasg", start_date=D(2023, 4, 3), end_date=D(2023, 4, 23)
    )
    statement = by_rule(meeting)["W21-POST-STATEMENT"]
    # From 24 April, skipping May Day and the coronation bank holiday (8 May).
    assert statement.due_date == D(2023, 5, 16)
    assert statement.original_due_date == D(2023, 5, 2)
    assert statement.history[-1]["what"] == "recounted"


def test_a_meeting_announced_in_advance_owes_a_notice_the_working_day_before(make_meeting):
    meeting = make_meeting(
        D(2023, 5, 2), status="planned", **called(D(2023, 4, 3))
    )  # Tuesday after the May Day bank holiday
    notice = by_rule(meeting)["W21-PRE"]
    assert notice.deliverable == "advance_notice_letter"
    assert notice.due_date == D(2023, 4, 28) and not notice.short_notice
    assert "W21-POST-STATEMENT" not in by_rule(meeting)


def test_short_notice_moves_the_notice_to_the_day_the_invitation_came(make_meeting):
    received = timezone.make_aware(dt.datetime(2023, 4, 29, 10, 0))
    meeting = make_meeting(D(2023, 5, 2), status="confirmed", notice_received_at=received)
    notice = by_rule(meeting)["W21-PRE"]
    assert notice.due_date == D(2023, 4, 29) and notice.short_notice and notice.trigger_date == D(2023, 4, 29)


def test_a_meeting_recorded_after_it_was_held_is_not_owed_a_notice(make_meeting):
    assert "W21-PRE" not in by_rule(make_meeting(D(2023, 5, 2)))


def test_postponement_moves_open_obligations(make_meeting):
    meeting = make_meeting(D(2023, 5, 2), status="planned", **called(D(2023, 4, 3)))
    engine.postpone_meeting(
        meeting,
        D(2023, 6, 13),
        "At the UK Government's request.",
        "Ar gais Llywodraeth y DU.",
        today=D(2023, 4, 20),
    )
    notice = by_rule(meeting)["W21-PRE"]
    assert notice.due_date == D(2023, 6, 12) and notice.original_due_date == D(2023, 4, 28)
    assert [h["what"] for h in notice.history] == ["postponed", "moved"]
    assert notice.history[0]["reason_cy"] == "Ar gais Llywodraeth y DU."
    assert "W21-CHG" not in by_rule(meeting), "nobody was told of the old date, so no update is owed"
    meeting.refresh_from_db()
    assert meeting.reference.endswith("2023-06-13") and meeting.status == "postponed"
    meeting.status = "held"
    meeting.save()
    assert by_rule(meeting)["W21-POST-STATEMENT"].anchor_date == D(2023, 6, 13)


def test_postponing_a_notified_meeting_owes_the_committees_an_update(make_meeting):
    meeting = make_meeting(D(2023, 5, 2), status="planned", **called(D(2023, 4, 3)))
    delivery.mark_met(by_rule(meeting)["W21-PRE"], D(2023, 4, 26))
    engine.postpone_meeting(meeting, D(2023, 6, 13), today=D(2023, 4, 27))
    owed = by_rule(meeting)
    assert owed["W21-PRE"].due_date == D(2023, 4, 28), "a met obligation does not move"
    change = owed["W21-CHG"]
    assert change.trigger_date == D(2023, 4, 27) and change.due_date == D(
        2023, 5, 2
    )  # two working days, over May Day


def test_editing_the_date_in_the_admin_is_a_postponement_too(make_meeting):
    meeting = make_meeting(D(2023, 5, 2), status="planned", **called(D(2023, 4, 3)))
    meeting.date, meeting.status = D(2023, 5, 23), "postponed"
    meeting.save()
    notice = by_rule(meeting)["W21-PRE"]
    assert notice.due_date == D(2023, 5, 22) and notice.history[0]["what"] == "postponed"


def test_cancellation_waives_open_obligations_with_the_reason_in_both_languages(make_meeting, users):
    meeting = make_meeting(D(2023, 5, 2), status="planned", **called(D(2023, 4, 3)))
    delivery.mark_met(by_rule(meeting)["W21-PRE"], D(2023, 4, 26))
    engine.cancel_meeting(
        meeting,
        "The UK Government withdrew it.",
        "Tynnodd Llywodraeth y DU ef yn ôl.",
        users["approver"],
        today=D(2023, 4, 27),
    )
    owed = by_rule(meeting)
    assert owed["W21-PRE"].status_on(D(2023, 5, 1)) == Status.MET_ON_TIME
    change = owed["W21-CHG"]
    assert change.is_open, "the committees were told it would happen: they are owed word that it will not"
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    unnotified = make_meeting(D(2023, 5, 9), status="planned", **called(D(2023, 4, 3)))
    engine.cancel_meeting(unnotified, "Withdrawn.", "Wedi'i dynnu'n ôl.", today=D(2023, 4, 27))
    waived = by_rule(unnotified)["W21-PRE"]
    assert waived.status_on(D(2023, 5, 1)) == Status.WAIVED
    assert waived.waived_reason_en == "The meeting was cancelled. Withdrawn."
    assert waived.waived_reason_cy == "Cafodd y cyfarfod ei ganslo. Wedi'i dynnu'n ôl."
    assert "W21-CHG" not in by_rule(unnotified)


def test_cancelling_in_the_admin_waives_with_the_standard_reason(make_meeting):
    meeting = make_meeting(D(2023, 5, 2), status="planned", **called(D(2023, 4, 3)))
    meeting.status = "cancelled"
    meeting.save()
    notice = by_rule(meeting)["W21-PRE"]
    assert notice.waived_on and notice.waived_reason_cy == "Cafodd y cyfarfod ei ganslo."


def test_an_obligation_is_waived_only_with_a_reason(make_meeting):
    obligation = by_rule(make_meeting(D(2023, 5, 2)))["W21-POST-LETTER"]
    with pytest.raises(ValueError, match="reason"):
        engine.waive(obligation, " ", "")


def test_every_status(make_meeting):
    obligation = by_rule(make_meeting(D(2023, 4, 6)))["W21-POST-STATEMENT"]  # due 2 May 2023
    assert obligation.status_on(D(2023, 4, 10)) == Status.UPCOMING
    assert obligation.status_on(D(2023, 4, 28)) == Status.DUE_SOON
    assert obligation.status_on(D(2023, 5, 3)) == Status.OVERDUE
    obligation.met_on = D(2023, 5, 2)
    assert obligation.status_on(D(2023, 6, 1)) == Status.MET_ON_TIME
    obligation.met_on = D(2023, 5, 5)
    assert obligation.status_on(D(2023, 6, 1)) == Status.MET_LATE and obligation.days_late == 3
    obligation.waived_on = D(2023, 5, 1)
    assert obligation.status_on(D(2023, 6, 1)) == Status.WAIVED


def test_a_meeting_before_any_agreement_owes_nothing(make_meeting):
    assert not by_rule(make_meeting(D(2018, 11, 19)))
    assert set(by_rule(make_meeting(D(2020, 3, 3)))) == {"W19-POST-LETTER", "W19-POST-STATEMENT"}


def test_agreements_periods_and_consents_create_their_obligations(wales):
    uk = Government.objects.get_or_create(
        key="uk", defaults={"name_en": "UK Government", "name_cy": "Llywodraeth y DU"}
    )[0]
    agreement = Agreement.objects.create(
        key="test-mou", kind="mou", title_en="Test MoU", status="concluded", concluded_on=D(2023, 6, 1)
    )
    agreement.parties.add(wales, uk)
    notification = Obligation.objects.get(agreement=agreement)
    assert notification.deliverable == "agreement_notification" and notification.due_date == D(2023, 6, 15)
    period = ReportingPeriod.objects.create(
        key="2023-24", title_en="Report", start_date=D(2023, 4, 1), end_date=D(2024, 7, 4)
    )
    report = Obligation.objects.get(period=period)
    assert report.deliverable == "annual_report" and report.due_date == D(2025, 1, 3)
    with time_machine.travel(dt.datetime(2030, 1, 10, 9, tzinfo=dt.UTC), tick=False):  # recorded well ahead
        consent = ConsentIntention.objects.create(
            title_en="Regulations under the Subsidy Control Act", consent_due_on=D(2030, 7, 18)
        )
    letter = Obligation.objects.get(consent=consent)
    assert (
        letter.deliverable == "consent_letter"
        and letter.due_date == D(2030, 7, 4)
        and not letter.short_notice
    )


def test_a_meeting_can_follow_another_profile_but_only_one_that_exists(make_meeting):
    from django.core.exceptions import ValidationError

    from igr.reporting.models import MeetingReport

    meeting = make_meeting(D(2023, 4, 6))
    with pytest.raises(ValidationError, match="no agreement profile"):
        MeetingReport(meeting=meeting, profile_key="iira-2031").full_clean()
    MeetingReport.objects.create(meeting=meeting, profile_key="iira-2019")
    owed = by_rule(meeting)
    assert owed["W19-POST-STATEMENT"].is_open
    assert owed["W21-POST-STATEMENT"].waived_reason_en == "Another agreement applies to this meeting."


def test_a_deleted_record_meets_nothing_any_more_in_a_batch_or_not(make_meeting, wales):
    """Deleted together with another record of the same kind, or alone: neither is left meeting anything."""
    from igr.register import events
    from igr.register.models import Document

    meeting = make_meeting(D(2023, 4, 6))
    for n, day in enumerate((D(2023, 4, 20), D(2023, 4, 25), D(2023, 4, 28))):
        Document.objects.create(
            kind="written_statement", title_en=f"Statement {n}", date=day, publisher=wales
        ).meetings.add(meeting)
    statement = by_rule(meeting)["W21-POST-STATEMENT"]
    assert statement.met_on == D(2023, 4, 20)
    Document.objects.filter(date__lt=D(2023, 4, 28)).delete()  # the first two at once
    statement.refresh_from_db()
    assert (statement.met_by_record.title_en, statement.met_on) == ("Statement 2", D(2023, 4, 28))
    with events.batch():
        Document.objects.all().delete()
    statement.refresh_from_db()
    assert (statement.met_by_record, statement.met_on, statement.made_in_recess) == (
        None,
        None,
        False,
    )  # open, not "met by hand"
    assert statement.status_on(D(2023, 6, 1)) == Status.OVERDUE
