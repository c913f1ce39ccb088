"""Validate: turn one extracted record (SCHEMA.md plus spans and confidences) into typed, checked input.

Why a separate step (openstates' scrape → validate → import): the importer then only meets well-formed
values; anything malformed is dropped here with a reason instead of failing half-way through a write.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

DOC_KINDS = {
    "written_statement",
    "letter",
    "communique",
    "press_release",
    "transparency_report",
    "other",
    "notice",
    "annual_report",
}
MODES = {"virtual", "in_person", "hybrid"}
CAPACITIES = {"minister", "official", "observer"}
# The extractor gives no span for some fields; ingest then points at the first cue in the text, less surely.
LOCATED_CONFIDENCE = 0.7
MODE_CUES = {
    "virtual": (
        "virtually",
        "video conference",
        "videoconference",
        "video call",
        "online",
        "virtual",
        "rhithwir",
        "fideo",
    ),
    "in_person": ("in person", "in-person", "wyneb yn wyneb"),
    "hybrid": ("hybrid", "hybrid format", "hybrid meeting"),
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_DAY_MONTH = re.compile(r"^--(\d{2})-(\d{2})$")  # ISO 8601's day and month without a year


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    confidence: float


@dataclass
class AttendeeIn:
    name: str | None
    role: str
    government: str | None  # the government's name as written; the importer resolves it
    capacity: str
    is_chair: bool
    span: Span | None


@dataclass
class MeetingIn:
    body_key: str | None
    body_name: str | None
    body_name_cy: str | None
    date: dt.date | None
    precision: str
    ordinal: int | None
    mode: str
    location: str
    next_meeting: str
    communique_referenced: bool
    attendees: list[AttendeeIn]
    spans: dict[str, Span] = field(default_factory=dict)
    day_month: tuple[int, int] | None = None  # (month, day) where the text gives no year
    body_proposed_key: str | None = None  # an open-world forum's key as the extractor proposes it
    body_tier: str | None = None


@dataclass
class RecordIn:
    kind: str
    publisher: str | None
    published: dt.date | None
    language: str
    meetings: list[MeetingIn]
    spans: dict[str, Span]
    issues: list[str] = field(default_factory=list)


def parse_date(value: Any) -> tuple[dt.date | None, str]:
    """An ISO date, month or year; ``(None, "day")`` when absent or malformed."""
    m = _DATE.match(str(value or "").strip())
    if not m:
        return None, "day"
    try:
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        day_value = dt.date(year, month, day)
    except ValueError:
        return None, "day"
    return day_value, "day" if m[3] else "month" if m[2] else "year"


def _span(raw: Any, text_len: int) -> Span | None:
    if not isinstance(raw, dict):
        return None
    try:
        start, end, conf = int(raw["start"]), int(raw["end"]), float(raw.get("confidence", 1.0))
    except (KeyError, TypeError, ValueError):
        return None
    start, end = max(0, min(start, text_len)), max(0, min(end, text_len))
    return Span(start, max(start, end), max(0.0, min(1.0, conf)))


def _text(value: Any, limit: int) -> str:
    return " ".join(str(value).split())[:limit] if value else ""


def _attendee(raw: Any, span: Span | None, chair_key: str) -> AttendeeIn | None:
    if not isinstance(raw, dict):
        return None
    name = _text(raw.get("name"), 200) or None
    role = _text(raw.get("role"), 300)
    if not name and not role:
        return None  # an attendance needs a person or a description
    capacity = (
        raw.get("capacity") if raw.get("capacity") in CAPACITIES else ("minister" if name else "official")
    )
    from igr.ingest.services.names import clean_person_name, person_key

    if name:
        name = clean_person_name(name) or None
    is_chair = bool(name) and person_key(name) == chair_key
    return AttendeeIn(name, role, _text(raw.get("government"), 200) or None, capacity, is_chair, span)


def _locate(text: str, value: str, cues: tuple[str, ...] = ()) -> Span | None:
    """Where the text says a value the extractor gave without a span (its mode, location or next meeting)."""
    low = text.lower()
    for needle in (value, *cues):
        if needle and (at := low.find(needle.lower())) >= 0:
            return Span(at, at + len(needle), LOCATED_CONFIDENCE)
    return None


def _meeting(raw: dict[str, Any], i: int, prov: dict[str, Any], text: str, issues: list[str]) -> MeetingIn:
    from igr.ingest.services.names import person_key

    text_len = len(text)
    spans = {
        k.split(".", 1)[1]: s
        for k, v in prov.items()
        if k.startswith(f"meetings[{i}].") and (s := _span(v, text_len))
    }
    for key, cues in (
        ("mode", MODE_CUES.get(raw.get("mode") or "", ())),
        ("location", ()),
        ("next_meeting", ()),
    ):
        value = raw.get(key)
        if (
            key not in spans
            and isinstance(value, str)
            and value
            and (found := _locate(text, value if key != "mode" else "", cues))
        ):
            spans[key] = found
    day, precision = parse_date(raw.get("meeting_date"))
    if raw.get("meeting_date") and day is None:
        issues.append(f"meeting {i + 1}: unreadable date {raw.get('meeting_date')!r}")
    day_month = None
    if day is None and (dm := _DAY_MONTH.match(str(raw.get("meeting_day") or ""))):
        month_day = (int(dm[1]), int(dm[2]))
        try:
            dt.date(2000, *month_day)  # a leap year: 29 February is a day some years have
            day_month = month_day
        except ValueError:
            issues.append(f"meeting {i + 1}: unreadable day {raw.get('meeting_day')!r}")
    ordinal = raw.get("meeting_ordinal")
    ordinal = ordinal if isinstance(ordinal, int) and 0 < ordinal < 1000 else None
    chair = raw.get("chair")
    chair = chair[0] if isinstance(chair, list) and chair else chair
    chair_key = person_key(chair.get("name")) if isinstance(chair, dict) and chair.get("name") else ""
    attendees = []
    for j, a in enumerate(raw.get("attendees") or []):
        att = _attendee(a, spans.get(f"attendees[{j}]"), chair_key)
        if att:
            attendees.append(att)
    if chair_key and not any(a.is_chair for a in attendees):
        att = _attendee(chair, spans.get("chair"), chair_key)
        if att:
            attendees.insert(0, att)
    return MeetingIn(
        body_key=_text(raw.get("body_key"), 80) or None,
        body_name=_text(raw.get("body"), 300) or None,
        body_name_cy=_text(raw.get("body_cy"), 300) or None,
        date=day,
        precision=precision,
        ordinal=ordinal,
        mode=raw.get("mode") if raw.get("mode") in MODES else "",
        location=_text(raw.get("location"), 300),
        next_meeting=_text(raw.get("next_meeting"), 500),
        communique_referenced=bool(raw.get("communique_referenced")),
        attendees=attendees,
        spans=spans,
        day_month=day_month,
        body_proposed_key=_text(raw.get("body_proposed_key"), 80) or None,
        body_tier=_text(raw.get("body_tier"), 40) or None,
    )


def validate_record(raw: dict[str, Any], text: str) -> RecordIn:
    """Check and normalise one record; problems become ``issues``, never exceptions."""
    issues: list[str] = []
    text_len = len(text)
    prov = raw.get("provenance") if isinstance(raw.get("provenance"), dict) else {}
    kind = raw.get("doc_type") if raw.get("doc_type") in DOC_KINDS else "other"
    published, precision = parse_date(raw.get("published_date"))
    if published and precision != "day":
        published = None
    meetings = []
    for i, m in enumerate(raw.get("meetings") or []):
        if isinstance(m, dict):
            meetings.append(_meeting(m, i, prov, text, issues))
    spans = {k: s for k, v in prov.items() if not k.startswith("meetings[") and (s := _span(v, text_len))}
    language = raw.get("language") if raw.get("language") in ("en", "cy") else "en"
    publisher = _text(raw.get("issuing_government"), 200) or None
    return RecordIn(kind, publisher, published, language, meetings, spans, issues)
