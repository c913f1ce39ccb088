"""Agreement profiles: what each reporting agreement obliges, held as data files and validated when loaded.

A profile is one JSON file in this package. Each rule names its trigger, deliverable, recipients, deadline and
source. No deadline is invented: where the agreement's text is not known the profile says so (``text_known``
is false) and every rule's source is ``"type": "target"`` (the administration's own target, not a rule).
This module imports nothing from Django so the profiles can be checked anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

TRIGGERS = (
    "meeting_called",
    "meeting_held",
    "meeting_postponed_or_cancelled",
    "agreement_concluded",
    "reporting_period_ended",
    "consent_intended",
)
DELIVERABLES = (
    "advance_notice_letter",
    "post_meeting_letter",
    "written_statement",
    "agreement_notification",
    "annual_report",
    "consent_letter",
)
RECIPIENTS = (
    "ljc_chair",
    "subject_committee_chairs",
    "all_members",
    "lead_committee_convener",
    "subject_committee_conveners",
)
DEADLINE_KINDS = ("before", "after", "as_soon_as_practicable")
CALENDARS = ("calendar_days", "wales_working_days", "senedd_working_days")
SOURCE_TYPES = ("paragraph", "target")


class ProfileError(ValueError):
    """A profile file is malformed; raised when it is loaded, so a bad rule never reaches the engine."""


@dataclass(frozen=True)
class Deadline:
    kind: str  # before / after the anchor, or as soon as practicable (with a target)
    days: int
    calendar: str


@dataclass(frozen=True)
class Source:
    type: str  # "paragraph" (the agreement's own words) or "target" (the administration's target)
    paragraph: str | None
    note_en: str
    note_cy: str

    @property
    def is_target(self) -> bool:
        return self.type == "target"


@dataclass(frozen=True)
class Rule:
    key: str
    trigger: str
    deliverable: str
    recipients: tuple[str, ...]
    deadline: Deadline
    source: Source


@dataclass(frozen=True)
class Profile:
    key: str
    name_en: str
    name_cy: str
    government: str
    parliament_en: str
    parliament_cy: str
    default: bool
    in_force_from: dt.date
    in_force_to: dt.date | None
    text_known: bool
    text_note_en: str
    text_note_cy: str
    sources: tuple[str, ...]
    rules: tuple[Rule, ...]

    def covers(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)

    def rules_for(self, trigger: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.trigger == trigger)

    def rule(self, key: str) -> Rule:
        for rule in self.rules:
            if rule.key == key:
                return rule
        raise KeyError(key)

    def name(self, language: str) -> str:
        return self.name_cy if language == "cy" else self.name_en


def _need(where: str, data: dict, field: str, kinds: type | tuple[type, ...] = str):
    if field not in data:
        raise ProfileError(f"{where}: '{field}' is missing")
    value = data[field]
    if not isinstance(value, kinds):
        raise ProfileError(f"{where}: '{field}' has the wrong type ({type(value).__name__})")
    if isinstance(value, str) and not value.strip():
        raise ProfileError(f"{where}: '{field}' is empty")
    return value


def _choice(where: str, value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ProfileError(f"{where}: unknown {what} {value!r} (expected one of {', '.join(allowed)})")
    return value


def _rule(where: str, data: dict) -> Rule:
    key = _need(where, data, "key")
    where = f"{where} rule {key}"
    recipients = tuple(_need(where, data, "recipients", list))
    if not recipients:
        raise ProfileError(f"{where}: a rule needs at least one recipient")
    for recipient in recipients:
        _choice(where, recipient, RECIPIENTS, "recipient")
    deadline = _need(where, data, "deadline", dict)
    days = _need(where, deadline, "days", int)
    if isinstance(days, bool) or days < 0:
        raise ProfileError(f"{where}: deadline days must be a whole number of days, zero or more")
    source = _need(where, data, "source", dict)
    source_type = _choice(where, _need(where, source, "type"), SOURCE_TYPES, "source type")
    paragraph = source.get("paragraph")
    if source_type == "paragraph" and not paragraph:
        raise ProfileError(f"{where}: a rule sourced to the agreement must name its paragraph")
    return Rule(
        key=key,
        trigger=_choice(where, _need(where, data, "trigger"), TRIGGERS, "trigger"),
        deliverable=_choice(where, _need(where, data, "deliverable"), DELIVERABLES, "deliverable"),
        recipients=recipients,
        deadline=Deadline(
            kind=_choice(where, _need(where, deadline, "kind"), DEADLINE_KINDS, "deadline kind"),
            days=days,
            calendar=_choice(where, _need(where, deadline, "calendar"), CALENDARS, "calendar"),
        ),
        source=Source(
            source_type, paragraph, _need(where, source, "note_en"), _need(where, source, "note_cy")
        ),
    )


def parse_profile(data: dict, where: str = "profile") -> Profile:
    """Validate one profile's data and return it; raise ProfileError naming what is wrong."""
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: a profile is a JSON object")
    key = _need(where, data, "key")
    where = f"{where} ({key})"
    try:
        start = dt.date.fromisoformat(_need(where, data, "in_force_from"))
        end = dt.date.fromisoformat(data["in_force_to"]) if data.get("in_force_to") else None
    except ValueError as exc:
        raise ProfileError(f"{where}: dates are written YYYY-MM-DD ({exc})") from None
    if end and end < start:
        raise ProfileError(f"{where}: in_force_to is before in_force_from")
    rules = tuple(_rule(where, r) for r in _need(where, data, "rules", list))
    keys = [r.key for r in rules]
    if len(set(keys)) != len(keys):
        raise ProfileError(f"{where}: rule keys must be unique")
    text_known = _need(where, data, "text_known", bool)
    if not text_known and any(r.source.type == "paragraph" for r in rules):
        raise ProfileError(f"{where}: a rule cannot cite a paragraph of an agreement whose text is not known")
    return Profile(
        key=key,
        name_en=_need(where, data, "name_en"),
        name_cy=_need(where, data, "name_cy"),
        government=_need(where, data, "government"),
        parliament_en=_need(where, data, "parliament_en"),
        parliament_cy=_need(where, data, "parliament_cy"),
        default=bool(data.get("default", False)),
        in_force_from=start,
        in_force_to=end,
        text_known=text_known,
        text_note_en=_need(where, data, "text_note_en"),
        text_note_cy=_need(where, data, "text_note_cy"),
        sources=tuple(_need(where, data, "sources", list)),
        rules=rules,
    )


@cache
def profiles() -> dict[str, Profile]:
    """Every profile shipped in this package, keyed by its key."""
    found: dict[str, Profile] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{entry.name}: not valid JSON ({exc})") from None
        profile = parse_profile(data, entry.name)
        if profile.key in found:
            raise ProfileError(f"{entry.name}: profile key {profile.key!r} is used twice")
        found[profile.key] = profile
    defaults = [p.key for p in found.values() if p.default]
    if len(defaults) != 1:
        raise ProfileError(f"exactly one profile must be the default (found {defaults or 'none'})")
    return found


def get_profile(key: str) -> Profile:
    try:
        return profiles()[key]
    except KeyError:
        raise ProfileError(f"no agreement profile {key!r} (known: {', '.join(profiles())})") from None


def default_profile() -> Profile:
    return next(p for p in profiles().values() if p.default)


def profile_for(day: dt.date, government: str = "wales") -> Profile | None:
    """The profile of ``government`` in force on ``day``: the default when several are, None when none is."""
    candidates = [p for p in profiles().values() if p.government == government and p.covers(day)]
    if not candidates:
        return None
    return next((p for p in candidates if p.default), candidates[0])
