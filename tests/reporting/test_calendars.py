"""Deadlines count working days in Wales (bank holidays from the holidays library) and skip Senedd recess."""

from __future__ import annotations

import datetime as dt

from igr.reporting.calendars import (
    CALENDAR_DAYS,
    SENEDD_WORKING_DAYS,
    WALES_WORKING_DAYS,
    Recess,
    calendar_for,
)

D = dt.date
EASTER_RECESS_2023 = Recess(D(2023, 4, 3), D(2023, 4, 23), "Easter recess", "Toriad y Pasg")
SUMMER_RECESS_2023 = Recess(D(2023, 7, 17), D(2023, 9, 10), "Summer recess", "Toriad yr haf")


def test_working_days_skip_welsh_bank_holidays():
    calendar = calendar_for()
    # Thursday 6 April 2023: Good Friday (7th) and Easter Monday (10th) are not working days.
    assert calendar.add(D(2023, 4, 6), 1, WALES_WORKING_DAYS) == D(2023, 4, 11)
    # The coronation bank holiday (Monday 8 May 2023) came from the library, not from our code.
    assert calendar.bank_holiday(D(2023, 5, 8)) and calendar.add(D(2023, 5, 5), 1, WALES_WORKING_DAYS) == D(
        2023, 5, 9
    )
    # Counting back over the early May bank holiday: one working day before Tuesday 2 May is Friday 28 April.
    assert calendar.subtract(D(2023, 5, 2), 1, WALES_WORKING_DAYS) == D(2023, 4, 28)
    assert calendar.add(D(2023, 4, 6), 1, CALENDAR_DAYS) == D(2023, 4, 7)


def test_fifteen_working_days_across_easter_and_may_day():
    calendar = calendar_for()
    assert calendar.add(D(2023, 4, 6), 15, WALES_WORKING_DAYS) == D(2023, 5, 2)
    assert calendar.working_days_between(D(2023, 4, 6), D(2023, 5, 2)) == 15


def test_senedd_working_days_stop_during_recess():
    calendar = calendar_for([SUMMER_RECESS_2023, EASTER_RECESS_2023])
    # The seed meeting, Tuesday 11 July 2023: three working days before the summer recess, twelve after it.
    assert calendar.add(D(2023, 7, 11), 15, SENEDD_WORKING_DAYS) == D(2023, 9, 26)
    assert calendar.add(D(2023, 7, 11), 15, WALES_WORKING_DAYS) == D(2023, 8, 1)
    # Across a recess and bank holidays at once: Easter recess, then May Day and the coronation.
    assert calendar.add(D(2023, 4, 6), 15, SENEDD_WORKING_DAYS) == D(2023, 5, 16)
    assert calendar.in_recess(D(2023, 8, 1)) and not calendar.in_recess(D(2023, 9, 11))
    assert calendar.recess_on(D(2023, 4, 5)).name_cy == "Toriad y Pasg"


def test_bank_holidays_have_welsh_names():
    calendar = calendar_for()
    assert calendar.bank_holiday_name(D(2023, 12, 26), "cy") == "Gŵyl San Steffan"
    assert calendar.bank_holiday_name(D(2022, 12, 27), "cy") == "Dydd Nadolig (diwrnod yn lle)"
    assert calendar.bank_holiday_name(D(2023, 12, 26), "en") == "Boxing Day"
