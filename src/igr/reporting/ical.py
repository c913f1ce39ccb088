"""An iCalendar feed of deadlines: each open obligation is an all-day event on its due date, with a reminder."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from igr.reporting.models import Obligation
from igr.reporting.summary import basis_label, deadline_label


def deadline_calendar(obligations: list[Obligation], base_url: str, language: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//IGR Register//IIRA deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("IIRA deadlines"))
    calendar.add("x-wr-timezone", "Europe/London")
    stamp = timezone.now()
    for obligation in obligations:
        event = Event()
        event.add("uid", f"obligation-{obligation.pk}@igr-register")
        event.add("dtstamp", stamp)
        event.add("dtstart", obligation.due_date)
        event.add("dtend", obligation.due_date + dt.timedelta(days=1))
        event.add("summary", f"{obligation.get_deliverable_display()}: {obligation.subject_label}")
        lines = [str(deadline_label(obligation)), basis_label(obligation)]
        if obligation.short_notice:
            lines.append(_("The invitation came too late for the target."))
        if obligation.meeting_id:
            key, _sep, day = obligation.meeting.reference.partition("/")
            url = f"{base_url}/{language}/reporting/meetings/{key}/{day}/"
            event.add("url", url)
            lines.append(url)
        event.add("description", "\n".join(lines))
        event.add("categories", [obligation.get_deliverable_display()])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Deadline in two days"))
        alarm.add("trigger", dt.timedelta(days=-2))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
