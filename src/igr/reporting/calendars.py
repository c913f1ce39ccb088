"""The calendars deadlines count in: calendar days, working days in Wales, and Senedd working days.

Bank holidays in Wales come from the maintained ``holidays`` library (subdivision WLS), so a new year or a
one-off holiday (a coronation) arrives with a library update rather than an edit here. Senedd recess periods
are data an administrator keeps (``RecessPeriod``); a Senedd working day is a working day in Wales outside recess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import holidays

CALENDAR_DAYS = "calendar_days"
WALES_WORKING_DAYS = "wales_working_days"
SENEDD_WORKING_DAYS = "senedd_working_days"

# holidays has no Welsh names; these are the names used on llyw.cymru.
WELSH_HOLIDAY_NAMES = {
    "New Year's Day": "Dydd Calan",
    "Good Friday": "Dydd Gwener y Groglith",
    "Easter Monday": "Dydd Llun y Pasg",
    "May Day": "Gŵyl Banc Calan Mai",
    "Spring Bank Holiday": "Gŵyl Banc y Gwanwyn",
    "Late Summer Bank Holiday": "Gŵyl Banc yr Haf",
    "Christmas Day": "Dydd Nadolig",
    "Boxing Day": "Gŵyl San Steffan",
    "Coronation of Charles III": "Coroni'r Brenin Charles III",
    "Platinum Jubilee of Elizabeth II": "Jiwbilî Platinwm y Frenhines Elizabeth II",
    "State Funeral of Queen Elizabeth II": "Angladd Gwladol y Frenhines Elizabeth II",
}


@dataclass(frozen=True)
class Recess:
    start: dt.date
    end: dt.date
    name_en: str = ""
    name_cy: str = ""

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class WorkingCalendar:
    """Counts days in one of the three calendars; built once per computation from the recess data."""

    recesses: tuple[Recess, ...] = ()
    _holidays: holidays.HolidayBase = field(
        default_factory=lambda: holidays.country_holidays("GB", subdiv="WLS")
    )

    def bank_holiday(self, day: dt.date) -> str | None:
        return self._holidays.get(day)

    def bank_holiday_name(self, day: dt.date, language: str = "en") -> str:
        name = self.bank_holiday(day) or ""
        if language != "cy" or not name:
            return name
        observed = name.endswith(" (observed)")
        base = name.removesuffix(" (observed)")
        welsh = WELSH_HOLIDAY_NAMES.get(base, base)
        return f"{welsh} (diwrnod yn lle)" if observed else welsh

    def recess_on(self, day: dt.date) -> Recess | None:
        return next((r for r in self.recesses if day in r), None)

    def in_recess(self, day: dt.date) -> bool:
        return self.recess_on(day) is not None

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def counts(self, day: dt.date, calendar: str) -> bool:
        """Whether ``day`` is a day that counts towards a deadline in ``calendar``."""
        if calendar == CALENDAR_DAYS:
            return True
        if calendar == WALES_WORKING_DAYS:
            return self.is_working_day(day)
        if calendar == SENEDD_WORKING_DAYS:
            return self.is_working_day(day) and not self.in_recess(day)
        raise ValueError(f"unknown calendar {calendar!r}")

    def add(self, day: dt.date, days: int, calendar: str) -> dt.date:
        """The day ``days`` counting days after ``day`` (the start day itself never counts)."""
        return self._step(day, days, calendar, 1)

    def subtract(self, day: dt.date, days: int, calendar: str) -> dt.date:
        """The day ``days`` counting days before ``day``."""
        return self._step(day, days, calendar, -1)

    def _step(self, day: dt.date, days: int, calendar: str, direction: int) -> dt.date:
        if days == 0:
            return day
        current, counted = day, 0
        # A recess lasts weeks, not years: 3,000 steps bounds the loop even for a long dissolution.
        for _ in range(max(3000, days * 10)):
            current += dt.timedelta(days=direction)
            if self.counts(current, calendar):
                counted += 1
                if counted == days:
                    return current
        raise ValueError(f"no {days} counting days found from {day} in {calendar}")

    def working_days_between(self, start: dt.date, end: dt.date, calendar: str = WALES_WORKING_DAYS) -> int:
        """Counting days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
        if end == start:
            return 0
        sign = 1 if end > start else -1
        lo, hi = (start, end) if sign == 1 else (end, start)
        total = sum(
            1 for n in range(1, (hi - lo).days + 1) if self.counts(lo + dt.timedelta(days=n), calendar)
        )
        return sign * total


def calendar_for(recesses: Iterable[Recess] = ()) -> WorkingCalendar:
    return WorkingCalendar(tuple(sorted(recesses, key=lambda r: r.start)))


def calendar_from_db() -> WorkingCalendar:
    """The calendar with the recess periods an administrator has recorded."""
    from igr.reporting.models import RecessPeriod

    return calendar_for(
        Recess(r.start_date, r.end_date, r.name_en, r.name_cy) for r in RecessPeriod.objects.all()
    )
