"""Dates written the way each language writes them.

Welsh dates come from ``igr.welsh`` (Django's Welsh catalogue misspells July, "Gorffenaf"): "11 Gorffennaf
2023", "Gorffennaf 2023", "Dydd Mawrth 11 Gorffennaf 2023"; English ones from Babel's CLDR data.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date as babel_format_date

from igr.register.translation import current_language
from igr.welsh import calendar as welsh_calendar

# British usage in both languages: day, month name, year ("11 July 2023", "11 Gorffennaf 2023").
PATTERNS = {"long": "d MMMM y", "full": "EEEE d MMMM y", "short": "dd/MM/y"}
WELSH_STYLES = {"d MMMM y": "long", "EEEE d MMMM y": "full", "LLLL y": "month"}
LOCALES = {"en": "en_GB", "cy": "cy"}


def _locale(language: str | None) -> str:
    return LOCALES.get(language or current_language(), "en_GB")


@lru_cache(maxsize=8192)
def _format(day: dt.date, pattern: str, locale: str) -> str:
    """Babel parses the pattern and walks CLDR on every call; pages repeat the same few hundred dates."""
    if locale == "cy" and pattern in WELSH_STYLES:
        return welsh_calendar.format_date(day, WELSH_STYLES[pattern])
    return babel_format_date(day, pattern, locale=locale)


def format_date(day: dt.date | None, language: str | None = None, style: str = "long") -> str:
    if day is None:
        return ""
    if (
        type(day) is not dt.date
    ):  # a datetime (or subclass) is formatted as given, never cached under its date
        pattern, locale = PATTERNS.get(style, style), _locale(language)
        if locale == "cy" and pattern in WELSH_STYLES:
            return welsh_calendar.format_date(day, WELSH_STYLES[pattern])
        return babel_format_date(day, pattern, locale=locale)
    return _format(day, PATTERNS.get(style, style), _locale(language))


def format_month(day: dt.date, language: str | None = None) -> str:
    return _format(
        day if type(day) is dt.date else dt.date(day.year, day.month, day.day), "LLLL y", _locale(language)
    )


def format_date_precision(day: dt.date | None, precision: str, language: str | None = None) -> str:
    """A date shown only as precisely as it is known (day, month or year)."""
    if day is None:
        return ""
    if precision == "year":
        return f"{day:%Y}"
    if precision == "month":
        return format_month(day, language)
    return format_date(day, language)
