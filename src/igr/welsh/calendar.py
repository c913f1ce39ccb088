"""Welsh month and weekday names, for writing dates and for reading them under mutation.

Written Welsh dates: "11 Gorffennaf 2023", "ddydd Mawrth 11 Gorffennaf", "ym mis Medi", "o Fedi 2023",
"yng Ngorffennaf". Django's Welsh catalogue misspells July ("Gorffenaf"); the misspelling is read, never written.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from igr.welsh.mutations import mutated_forms

MONTHS = (
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
)
WEEKDAYS = ("Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul")  # Monday first, as datetime counts
_MISSPELT = {"gorffenaf": 7}


@cache
def month_forms() -> dict[str, int]:
    """Every written form of every Welsh month (lower case) and its number."""
    return dict(_month_forms())


@cache
def _month_forms() -> dict[str, int]:
    out = dict(_MISSPELT)
    for i, name in enumerate(MONTHS, 1):
        for form in mutated_forms(name):
            out.setdefault(form.lower(), i)
    return out


def month_number(word: str) -> int | None:
    """1–12 for a Welsh month name in any mutation ("Fedi" → 9, "Ngorffennaf" → 7), else None."""
    return _month_forms().get(word.lower().strip("."))


def month_pattern() -> str:
    """Regex alternation of every written form of every Welsh month, longest first."""
    return "|".join(sorted(_month_forms(), key=len, reverse=True))


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a Welsh weekday name as it follows "dydd"/"ddydd"."""
    low = word.lower()
    return next((i for i, name in enumerate(WEEKDAYS) if name.lower() == low), None)


def weekday_pattern() -> str:
    """'dydd Llun', 'ddydd Mawrth' (soft mutation after a verb or preposition) and 'nos Wener'."""
    return r"(?:dydd|ddydd|nos)\s+(?:" + "|".join(WEEKDAYS + ("Wener",)) + ")"


def format_date(day: dt.date, style: str = "long") -> str:
    """'11 Gorffennaf 2023' (long), 'Dydd Mawrth 11 Gorffennaf 2023' (full), 'Gorffennaf 2023' (month)."""
    month = MONTHS[day.month - 1]
    if style == "month":
        return f"{month} {day.year}"
    long = f"{day.day} {month} {day.year}"
    return f"Dydd {WEEKDAYS[day.weekday()]} {long}" if style == "full" else long
