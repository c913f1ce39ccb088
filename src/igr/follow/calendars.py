"""iCalendar files of public meetings: announced ones to come and those held, in the language of the address.

A meeting known only to the month or year has no day to put in a calendar and is left out. One with a start
time is an event at that time (Europe/London); one without is an all-day event. A cancelled meeting stays in
the calendar as CANCELLED, so calendars that imported it remove it; planned and postponed ones are TENTATIVE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import icalendar
from django.db.models import QuerySet
from django.utils import timezone

from igr.register.models import Meeting
from igr.register.models.meetings import DatePrecision
from igr.register.translation import translated

from .items import body_name, meeting_summary

CALENDAR_SIZE = 1000
STATUS = {
    Meeting.Status.CANCELLED: "CANCELLED",
    Meeting.Status.PLANNED: "TENTATIVE",
    Meeting.Status.POSTPONED: "TENTATIVE",
}


def calendar(name: str, meetings: QuerySet[Meeting], language: str, absolute: Callable[[str], str]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//IGR Register//igr//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    for meeting in meetings.filter(date_precision=DatePrecision.DAY).order_by("-date", "-pk")[:CALENDAR_SIZE]:
        cal.add_component(_event(meeting, language, absolute))
    cal.add_missing_timezones()
    return cal.to_ical()


def _event(meeting: Meeting, language: str, absolute: Callable[[str], str]) -> icalendar.Event:
    event = icalendar.Event()
    url = absolute(meeting.get_absolute_url())
    event.add("uid", f"{meeting.reference}@igr-register")
    event.add("summary", body_name(meeting, language))
    if meeting.starts_at:
        event.add("dtstart", timezone.localtime(meeting.starts_at))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("status", STATUS.get(meeting.status, "CONFIRMED"))
    location = translated(meeting, "location", language)
    if location:
        event.add("location", str(location))
    event.add("description", f"{meeting_summary(meeting, language)}\n{url}")
    event.add("url", url)
    return event
