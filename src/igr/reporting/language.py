"""Small pieces of English and Welsh grammar the standard sentences need (the Welsh rules live in ``igr.welsh``).

Welsh ordinals agree with the noun's gender (trydydd cyfarfod, trydedd sesiwn), "cyntaf" follows the noun,
"ail" softly mutates it (ail gyfarfod), and compound ordinals wrap the noun (unfed cyfarfod ar ddeg). The
article is "yr" before a vowel or h and "y" otherwise; "a" becomes "ac" before a vowel.
"""

from __future__ import annotations

import datetime as dt

from igr.register.dates import format_date, format_month
from igr.welsh import aspirate_mutation, soft_mutation  # noqa: F401  (re-exported for the composers)
from igr.welsh import join as join_cy
from igr.welsh import ordinal_noun as ordinal_noun_cy  # noqa: F401
from igr.welsh import with_article as with_article_cy  # noqa: F401

EN_ORDINALS = (
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
EN_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
EN_TENS_ORDINAL = {
    20: "twentieth",
    30: "thirtieth",
    40: "fortieth",
    50: "fiftieth",
    60: "sixtieth",
    70: "seventieth",
    80: "eightieth",
    90: "ninetieth",
}


def ordinal_en(n: int) -> str:
    if n < 20:
        return EN_ORDINALS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return EN_TENS_ORDINAL[n] if unit == 0 else f"{EN_TENS[tens * 10]}-{EN_ORDINALS[unit]}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def join_en(items: list[str], sep: str = ", ") -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    last_sep = "; and " if sep == "; " else ", and " if any("," in i for i in items) else " and "
    return sep.join(items[:-1]) + last_sep + items[-1]


def join(items: list[str], language: str, sep: str = ", ", mutate: bool = False) -> str:
    return join_cy(items, sep, mutate) if language == "cy" else join_en(items, sep)


def date_in_text(day: dt.date, language: str, relative_to: dt.date | None = None) -> str:
    """'11 July' when the year is that of the document, '11 July 2023' otherwise (likewise in Welsh)."""
    full = format_date(day, language)
    if relative_to and relative_to.year == day.year:
        return full.rsplit(" ", 1)[0]
    return full


def month_in_text(day: dt.date, language: str, relative_to: dt.date | None = None) -> str:
    """'in November' / 'ym mis Tachwedd' (with the year when it differs from the document's)."""
    month = format_month(day, language)
    if relative_to and relative_to.year == day.year:
        month = month.rsplit(" ", 1)[0]
    return f"ym mis {month}" if language == "cy" else f"in {month}"
