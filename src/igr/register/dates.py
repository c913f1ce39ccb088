"""Dates written the way each language writes them.

Babel's CLDR data is used rather than Django's Welsh catalogue, which misspells July ("Gorffenaf"):
"11 Gorffennaf 2023", "Gorffennaf 2023", "Dydd Mawrth, 11 Gorffennaf 2023".
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date

from igr.register.translation import current_language


def format_date(day: dt.date | None, language: str | None = None, style: str = "long") -> str:
    if day is None:
        return ""
    return babel_format_date(day, style, locale=language or current_language())


def format_month(day: dt.date, language: str | None = None) -> str:
    return babel_format_date(day, "LLLL y", locale=language or current_language())


def format_date_precision(day: dt.date | None, precision: str, language: str | None = None) -> str:
    """A date shown only as precisely as it is known (day, month or year)."""
    if day is None:
        return ""
    if precision == "year":
        return f"{day:%Y}"
    if precision == "month":
        return format_month(day, language)
    return format_date(day, language)
