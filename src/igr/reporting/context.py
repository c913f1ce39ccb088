"""Who signs, who receives and which agreement applies: a meeting's reporting facts, defaulted from the register.

Every value can be set on the meeting's ``MeetingReport``; what is not set comes from the record: the Welsh
Government minister who attended signs, the Legislation, Justice and Constitution Committee's chair on the
document's date is the addressee, and the subject committees usually copied for the body are copied.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from igr.register.models import Attendance, Meeting, Person, Post, SeneddCommittee
from igr.reporting.profiles import Profile, get_profile, profile_for

WALES = "wales"


@cache
def letterhead() -> dict:
    return json.loads(
        resources.files("igr.reporting.data").joinpath("letterhead.json").read_text(encoding="utf-8")
    )


@cache
def subject_committee_keys() -> dict[str, list[str]]:
    data = json.loads(
        resources.files("igr.reporting.data").joinpath("subject_committees.json").read_text(encoding="utf-8")
    )
    return data["bodies"]


@dataclass(frozen=True)
class Signatory:
    person: Person
    post: Post | None
    role_en: str
    role_cy: str

    def postnominals(self, language: str) -> str:
        own = self.person.honorific_cy if language == "cy" else self.person.honorific_en
        return own or letterhead()[f"postnominals_{language}"]

    def email(self, language: str) -> str:
        parts = self.person.name.split()
        return letterhead()[f"email_{language}"].format(first=parts[0], last=parts[-1])

    def title(self, language: str) -> str:
        if self.post:
            return (self.post.title_cy if language == "cy" else self.post.title_en) or ""
        return self.role_cy if language == "cy" else self.role_en


@dataclass(frozen=True)
class Addressee:
    person: Person
    committee: SeneddCommittee

    def postnominals(self, language: str) -> str:
        return (self.person.honorific_cy if language == "cy" else self.person.honorific_en) or ""


def report_for(meeting: Meeting):
    """The meeting's reporting details, or None when nothing beyond the record has been entered."""
    from igr.reporting.models import MeetingReport

    try:
        return meeting.reporting
    except MeetingReport.DoesNotExist:
        return None


def meeting_profile(meeting: Meeting) -> Profile | None:
    report = report_for(meeting)
    if report and report.profile_key:
        return get_profile(report.profile_key)
    return profile_for(meeting.date, WALES)


def welsh_attendances(meeting: Meeting) -> list[Attendance]:
    return [a for a in meeting.attendances.all() if a.government and a.government.key == WALES]


def signatory(meeting: Meeting) -> Signatory | None:
    """The minister who signs: as set for the meeting, else the first Welsh Government minister who attended."""
    report = report_for(meeting)
    if report and report.signatory:
        post = report.signatory_post
        attended = next((a for a in welsh_attendances(meeting) if a.person_id == report.signatory_id), None)
        if post is None and attended:
            post = attended.post
        return Signatory(
            report.signatory, post, attended.role_en if attended else "", attended.role_cy if attended else ""
        )
    for attendance in welsh_attendances(meeting):
        if attendance.person and attendance.capacity == Attendance.Capacity.MINISTER:
            return Signatory(attendance.person, attendance.post, attendance.role_en, attendance.role_cy)
    return None


def lead_committee() -> SeneddCommittee | None:
    return SeneddCommittee.objects.filter(iira_lead=True).first()


def addressee(day: dt.date) -> Addressee | None:
    """The chair of the Legislation, Justice and Constitution Committee on ``day``."""
    committee = lead_committee()
    chair = committee.chair_on(day) if committee else None
    return Addressee(chair.person, committee) if chair else None


def subject_committees(meeting: Meeting) -> list[SeneddCommittee]:
    report = report_for(meeting)
    if report and report.pk:
        chosen = list(report.subject_committees.all())
        if chosen:
            return chosen
    keys = subject_committee_keys().get(meeting.body.key, [])
    found = {c.key: c for c in SeneddCommittee.objects.filter(key__in=keys)}
    return [found[k] for k in keys if k in found]


def copied(meeting: Meeting, day: dt.date) -> list[Addressee]:
    """The subject committees' chairs on ``day`` (a committee without a recorded chair is skipped)."""
    result = []
    for committee in subject_committees(meeting):
        chair = committee.chair_on(day)
        if chair:
            result.append(Addressee(chair.person, committee))
    return result


def our_ref(meeting: Meeting) -> str:
    report = report_for(meeting)
    if report and report.our_ref:
        return report.our_ref
    return meeting.body.abbreviation or meeting.body.name_en


def responsible_minister(meeting: Meeting) -> Person | None:
    found = signatory(meeting)
    return found.person if found else None
