"""A small table-driven date parser for English and Welsh, with tense-aware year inference.

Why our own: dateparser is not installed, misses Welsh ordinals (11eg) and mutations (o Fedi), and its
``search_dates`` misreads "may" and "ddydd Mawrth". Here a date needs a day number or a year beside the month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from igr.extract.rules import rule
from igr.extract.spans import Taken
from igr.welsh import calendar as welsh_calendar

MONTHS: dict[str, int] = {}
_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
for _i, _m in enumerate(_EN, 1):
    MONTHS[_m] = _i
    MONTHS[_m[:3]] = _i
MONTHS["sept"] = 9
# Welsh month names under every mutation ("o Fedi", "yng Ngorffennaf") come from the project's Welsh module, with
# the short form "Gorff" of July.
_CY = welsh_calendar.month_forms()
_CY["gorff"] = 7
MONTHS.update(_CY)
WELSH_MONTHS = set(_CY)

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = (
    r"(?:(?:on\s+)?(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|(?:dydd|ddydd)\s+(?P<wdcy>"
    + "|".join(welsh_calendar.WEEKDAYS)
    + r"))"
)
WEEKDAYS = {
    n: i for i, n in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
WEEKDAYS.update({n.lower(): i for i, n in enumerate(welsh_calendar.WEEKDAYS)})
_ORD = r"(?:st|nd|rd|th|af|il|ydd|edd|ed|fed|eg|ain|fed)?"
DMY = rule(
    "dates.dmy",
    re.compile(
        rf"(?:{_WEEKDAY},?\s+)?\b(?P<d>[0-3]?\d){_ORD}(?:\s*/\s*(?P<d2>[0-3]?\d){_ORD})?(?:\s+of)?\s+(?:(?:o|ym\s+mis)\s+)?"
        rf"(?P<m>{_MONTH_RE})\b\.?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
        re.I,
    ),
)

# "Thursday, October 3": a weekday makes a month-first date without a year safe to read.
# Month first ("April 27, 2023", "Thursday, October 3", "Thursday June 3rd"): safe to read only with a year or a
# weekday beside it (checked where it is read).
_EN_MONTH_RE = "|".join(sorted((k for k in MONTHS if k not in WELSH_MONTHS), key=len, reverse=True))
MONTH_FIRST = rule(
    "dates.month_first",
    re.compile(
        rf"(?:{_WEEKDAY},?\s+)?\b(?P<m>{_EN_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
        re.I,
    ),
)
MY = rule(
    "dates.my", re.compile(rf"\b(?:(?:in|ym\s+mis|o)\s+)?(?P<m>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b", re.I)
)
ISO = rule("dates.iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"))
MONTH_ONLY = rule(
    "dates.month_only",
    re.compile(rf"\b(?:in|ym\s+mis|yn)\s+(?P<m>{'|'.join(_EN)}|{'|'.join(sorted(WELSH_MONTHS))})\b", re.I),
)


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    weekday: int | None = None

    def iso(self, year: int | None = None) -> str | None:
        y = self.year or year
        if not y:
            return None
        if self.day is None:
            return f"{y:04d}-{self.month:02d}"
        try:
            return dt.date(y, self.month, self.day).isoformat()
        except ValueError:
            return None


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def find_dates(text: str) -> list[DateSpan]:
    """Every date in the text, day-precise first, then month-and-year, in order of position."""
    return list(_find_dates(text))


@lru_cache(maxsize=32)
def _find_dates(text: str) -> tuple[DateSpan, ...]:
    """Cached: the same document text is searched for dates by several fields."""
    found: list[DateSpan] = []
    taken = Taken()

    for rx in (ISO, DMY, MONTH_FIRST, MY):
        for m in rx.finditer(text):
            if not taken.free(m.start(), m.end()) or (
                rx is MONTH_FIRST and not (m["y"] or m["wd"] or m["wdcy"])
            ):
                continue
            month = int(m["m"]) if rx is ISO else _month(m["m"])
            if not month:
                continue
            day = int(m["d2"] or m["d"]) if rx is DMY else (int(m["d"]) if "d" in rx.groupindex else None)
            wd_name = (
                (m["wd"] or m["wdcy"]) if "wd" in rx.groupindex and not (rx is DMY and m["d2"]) else None
            )
            weekday = WEEKDAYS.get(wd_name.lower()) if wd_name else None
            if day is not None and not 1 <= day <= 31:
                continue
            year = int(m["y"]) if "y" in rx.groupindex and m["y"] else None
            taken.add(m.start(), m.end())
            found.append(DateSpan(m.start(), m.end(), year, month, day, weekday))
    return tuple(sorted(found, key=lambda d: d.start))


def parse_date(text: str) -> DateSpan | None:
    dates = find_dates(text)
    return dates[0] if dates else None


def infer_year(
    span: DateSpan, ref: dt.date | None, tense: str = "past", hint: int | None = None
) -> str | None:
    """ISO date for a span, taking a missing year from the reference date and the verb's tense.

    "held on 11 July" written on 25 September 2023 is 2023-07-11; "will meet on 4 December" is the
    coming 4 December. A past event cannot be more than a few days after the document that reports it.
    Without a reference date, a weekday ("Friday 11 November") near a year the text gives fixes the year
    (see ``weekday_year``); with neither, the year stays unknown.
    """
    if span.year:
        return span.iso()
    if ref is None:
        return span.iso(weekday_year(span, hint)) if span.weekday is not None and span.day else None
    year = ref.year
    candidate = span.iso(year)
    if candidate is None:
        return None
    cdate = dt.date.fromisoformat(candidate if len(candidate) == 10 else candidate + "-01")
    if tense == "past" and cdate > ref + dt.timedelta(days=7):
        year -= 1
    elif tense == "future" and cdate < ref - dt.timedelta(days=1):
        year += 1
    return span.iso(year)


def weekday_year(span: DateSpan, hint: int | None = None, latest: int | None = None) -> int | None:
    """The year in which a day and month fall on the weekday written beside them.

    Why: press releases and statements often say only "today (Friday 19 November)"; the weekday repeats
    on the same date every 5, 6 or 11 years, so the candidate nearest a year the text mentions is the one
    meant, else the latest not after ``latest`` (the year of the reference date handed in by the caller).
    Never the clock: with neither a hint nor ``latest`` the year is unknown (None).
    """
    if span.weekday is None or not span.day or (hint is None and latest is None):
        return None
    last = latest if latest is not None else hint + 6  # type: ignore[operator]
    cands = []
    for y in range(1999, last + 1):
        try:
            if dt.date(y, span.month, span.day).weekday() == span.weekday:
                cands.append(y)
        except ValueError:
            continue
    if not cands:
        return None
    if hint:
        return min(cands, key=lambda y: (abs(y - hint), y))
    return cands[-1]


# A date or year that bounds a period ("by 2050", "since 2018", "from 5 May", "until 31 March", "erbyn 2030",
# "ers 2018") is a target, deadline or range, not when something happened or was written.
BOUND = rule(
    "dates.bound", re.compile(r"\b(?:by|until|till|to|before|since|from|erbyn|tan|ers|hyd at)\s+$", re.I)
)


def year_hint(text: str, latest: int | None = None) -> int | None:
    """The latest plausible year written in a text: what a weekday-dated event is placed near.

    ``latest`` (the reference date's year, when the caller has one) caps it; years written as a target
    ("by 2050") are never a hint.
    """
    years = [
        int(m[1])
        for m in re.finditer(r"\b((?:19|20)\d\d)\b", text)
        if 1999 <= int(m[1]) <= (latest + 1 if latest is not None else 9999)
        and not BOUND.search(text[max(0, m.start() - 8) : m.start()])
    ]
    return max(years) if years else None


# "ahead of" names a later event, not the tense of the sentence's own verb ("met ahead of the summit").
# ... and agreeing to meet is a meeting to come ("There is also agreement to a wider meeting with ...").
FUTURE_CUES = rule(
    "dates.future_cues",
    re.compile(
        r"\b(will|shall|is due to|are due to|is expected to|scheduled|next|cynhelir|bydd|fydd|"
        r"agree(?:d|ment) to (?:hold |have )?(?:an?|meet|convene))\b",
        re.I,
    ),
)


def tense_of(sentence: str) -> str:
    return "future" if FUTURE_CUES.search(sentence) else "past"


# Dates written relative to the document's own: "today", "yesterday", "last Thursday", "ddoe", "ddydd Iau diwethaf".
RELATIVE = rule(
    "dates.relative",
    re.compile(
        r"\b(?:(?P<today>today|this (?:morning|afternoon|evening)|heddiw|y bore '?ma)|(?P<yesterday>yesterday|ddoe)|"
        r"(?:last|on)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
        r"(?:dydd|ddydd)\s+(?P<wdcy>Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)\s+diwethaf)\b",
        re.I,
    ),
)


def relative_dates(text: str, ref: dt.date | None) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) for each date the text gives relative to its own date ``ref``; none without one."""
    if ref is None:
        return []
    out = []
    for m in RELATIVE.finditer(text):
        if m["today"]:
            day = ref
        elif m["yesterday"]:
            day = ref - dt.timedelta(days=1)
        else:
            weekday = WEEKDAYS[(m["wd"] or m["wdcy"]).lower()]
            back = (ref.weekday() - weekday) % 7 or 7  # the last such weekday before the document's date
            day = ref - dt.timedelta(days=back)
        out.append((m.start(), m.end(), day.isoformat()))
    return out
