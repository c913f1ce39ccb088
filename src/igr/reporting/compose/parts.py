"""Sentences composed from a meeting's record: the meeting, who attended and how, what comes next, the communiqué.

Each function takes the language and a ``missing`` list; where the record lacks the text in that language (a
free-text passage written only in the other language) it appends what a translator owes and never borrows the
other language's words.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from igr.register.models import Attendance, Body, DatePrecision, Meeting
from igr.reporting import context
from igr.reporting.language import (
    date_in_text,
    join,
    month_in_text,
    ordinal_en,
    ordinal_noun_cy,
    soft_mutation,
    with_article_cy,
)

from .document import Paragraph
from .phrases import missing_what, say

CAPACITIES = ("minister", "official", "observer")
FOUR = {"uk", "wales", "scotland", "northern-ireland"}
COMMUNIQUE_HOSTS = {"gov.uk": "uk", "gov.scot": "scotland", "gov.wales": "wales", "llyw.cymru": "wales", "northernireland.gov.uk": "northern-ireland"}


def field(obj, name: str, language: str) -> str:
    return (getattr(obj, f"{name}_{language}", "") or "").strip()


def other_has(obj, name: str, language: str) -> bool:
    return bool(field(obj, name, "en" if language == "cy" else "cy"))


def body_name(body: Body, language: str, missing: list[str]) -> str:
    name = field(body, "name", language)
    if not name:
        missing.append(missing_what("title", language, title=body.name_en or body.name_cy))
        return say("missing", language, what=body.name_en or body.name_cy)
    return name


def abbreviation(body: Body) -> str:
    short = body.abbreviation
    if short and " " not in short and len(short) <= 8:
        return short
    return "IMG" if body.tier == Body.Tier.IMG else ""


def meeting_phrase(meeting: Meeting, language: str, missing: list[str], after_preposition: bool = False) -> str:
    """'the second meeting of the … (IMG)' / 'ail gyfarfod y …' (softly mutated after 'ar', 'am')."""
    name = body_name(meeting.body, language, missing)
    if language == "cy":
        noun = ordinal_noun_cy(meeting.ordinal, "cyfarfod") if meeting.ordinal else "cyfarfod"
        phrase = f"{noun} {with_article_cy(name)}"
        if after_preposition:
            first, _sep, rest = phrase.partition(" ")
            phrase = f"{soft_mutation(first)} {rest}"
        return phrase
    short = abbreviation(meeting.body)
    suffix = f" ({short})" if short else ""
    if meeting.ordinal:
        return f"the {ordinal_en(meeting.ordinal)} meeting of the {name}{suffix}"
    return f"the meeting of the {name}{suffix}"


def government_name(government, language: str) -> str:
    return field(government, "name", language) if government else ""


def describe(attendance: Attendance, language: str, missing: list[str]) -> str:
    government = government_name(attendance.government, language)
    if attendance.person:
        name = attendance.person.name
        if attendance.post:
            role = field(attendance.post, "title", language)
            if not role:
                missing.append(missing_what("post_title", language, name=name))
        else:
            role = field(attendance, "role", language)
            if not role and other_has(attendance, "role", language):
                missing.append(missing_what("role", language, name=name))
        if role:
            text = say("person_with_role", language, name=name, role=role, government=government)
        elif government:
            text = say("person_with_government", language, name=name, government=government)
        else:
            text = name
    else:
        text = field(attendance, "description", language)
        if not text:
            original = field(attendance, "description", "en" if language == "cy" else "cy")
            missing.append(missing_what("description", language, text=original))
            text = say("missing", language, what=original)
    if attendance.substitute_for:
        text = say("in_place_of", language, person=text, absent=attendance.substitute_for.name)
    return text


def attendance_sentences(meeting: Meeting, language: str, missing: list[str], signer) -> list[str]:
    """The chair, the Welsh Government's part, then everyone else by capacity."""
    sentences: list[str] = []
    attendances = list(meeting.attendances.all())
    signer_id = signer.person.pk if signer else None
    chair = next((a for a in attendances if a.is_chair), None)
    if chair and chair.person_id and chair.person_id == signer_id:
        sentences.append(say("i_chaired", language))
    elif chair:
        sentences.append(say("chaired_by", language, person=describe(chair, language, missing)))
    elif meeting.chair:
        sentences.append(say("chaired_by", language, person=meeting.chair.name))
    others = [a for a in attendances if a is not chair]
    welsh = [a for a in others if a.government and a.government.key == context.WALES]
    if signer_id and any(a.person_id == signer_id for a in attendances) and not (chair and chair.person_id == signer_id):
        sentences.append(say("i_represented", language))
    for capacity in CAPACITIES:
        group = [a for a in welsh if a.capacity == capacity and a.person_id != signer_id]
        if group:
            people = join([describe(a, language, missing) for a in group], language)
            sentences.append(say(f"for_wales_{capacity}_{_number(group)}", language, people=people))
    rest = [a for a in others if a not in welsh]
    for capacity in CAPACITIES:
        group = [a for a in rest if a.capacity == capacity]
        if group:
            people = join([describe(a, language, missing) for a in group], language)
            sentences.append(say(f"attended_{capacity}_{_number(group)}", language, people=people))
    return sentences


def _number(group: list[Attendance]) -> str:
    """Plural for several people, or for one entry that describes a group ('Officials from …')."""
    return "n" if len(group) > 1 or group[0].person_id is None else "1"


def all_four_governments(meeting: Meeting) -> bool:
    keys = {a.government.key for a in meeting.attendances.all() if a.government}
    return keys >= FOUR


def mode_phrase(meeting: Meeting, language: str, missing: list[str], future: bool = False) -> str:
    prefix = "will_mode_" if future else "mode_"
    if meeting.mode == Meeting.Mode.IN_PERSON:
        location = field(meeting, "location", language)
        if not location and other_has(meeting, "location", language):
            missing.append(missing_what("location", language))
        return say(f"{prefix}in_person_at", language, location=location) if location else say(f"{prefix}in_person", language)
    if meeting.mode in (Meeting.Mode.VIRTUAL, Meeting.Mode.HYBRID):
        return say(f"{prefix}{meeting.mode}", language)
    return "" if future else say("mode_unknown", language)


def next_meeting(meeting: Meeting, on: dt.date) -> tuple[dt.date, str] | None:
    """The next meeting's expected date and precision: as entered for reporting, else a later meeting recorded."""
    report = context.report_for(meeting)
    if report and report.next_meeting_date:
        return report.next_meeting_date, report.next_meeting_precision
    later = (
        Meeting.objects.filter(body=meeting.body, date__gt=max(meeting.date, on))
        .exclude(status=Meeting.Status.CANCELLED).order_by("date").first()
    )
    return (later.date, later.date_precision) if later else None


def next_meeting_paragraph(meeting: Meeting, language: str, on: dt.date, missing: list[str], to_members: bool) -> tuple[Paragraph | None, dict | None]:
    """The next-meeting sentence and, when the date is not yet fixed, the commitment it makes."""
    expected = next_meeting(meeting, on)
    if expected and expected[1] == DatePrecision.DAY:
        return Paragraph(say("next_on", language, date=date_in_text(expected[0], language, on))), None
    if expected and expected[1] == DatePrecision.MONTH:
        key = "next_month_statement" if to_members else "next_month_letter"
        promise = "promise_next_date_members" if to_members else "promise_next_date"
        commitment = {"kind": "next_meeting_date", "text_en": say(promise, "en"), "text_cy": say(promise, "cy")}
        return Paragraph(say(key, language, month=month_in_text(expected[0], language, on))), commitment
    text = field(meeting, "next_meeting", language)
    if text:
        return Paragraph(text), None
    if other_has(meeting, "next_meeting", language):
        missing.append(missing_what("next_meeting", language))
        return Paragraph(say("missing", language, what=missing_what("next_meeting", language)), missing=True), None
    return None, None


def communique_paragraph(meeting: Meeting, language: str, missing: list[str], statement: bool) -> Paragraph | None:
    if not meeting.communique_url:
        return None
    name = body_name(meeting.body, language, missing)
    body = with_article_cy(name) if language == "cy" else name
    title = say("communique_title", language, body=body, date=date_in_text(meeting.date, language))
    if not statement:
        return Paragraph(say("communique_letter", language), link_text=title, link_url=meeting.communique_url)
    host = urlparse(meeting.communique_url).hostname or ""
    key = next((v for k, v in COMMUNIQUE_HOSTS.items() if host == k or host.endswith("." + k)), None)
    from igr.register.models import Government

    government = Government.objects.filter(key=key).first() if key else None
    if government:
        lead = say("communique_statement_on", language, government=government_name(government, language))
    else:
        lead = say("communique_statement", language)
    return Paragraph(lead, link_text=title, link_url=meeting.communique_url)


def agenda_and_positions(meeting: Meeting, language: str, missing: list[str], expected: bool = False) -> list[Paragraph]:
    items = list(meeting.agenda_items.all())
    if not items:
        return []
    titles = []
    for item in items:
        title = field(item, "title", language)
        if not title:
            missing.append(missing_what("title", language, title=field(item, "title", "en" if language == "cy" else "cy")))
            title = say("missing", language, what=field(item, "title", "en" if language == "cy" else "cy"))
        titles.append(title)
    key = "agenda_expected" if expected else "agenda"
    paragraphs = [Paragraph(say(key, language, items=join(titles, language, sep="; ", mutate=True)))]
    if expected:
        return paragraphs
    for item, title in zip(items, titles, strict=True):
        position = field(item, "position", language)
        if position:
            paragraphs.append(Paragraph(position))
        elif other_has(item, "position", language):
            what = missing_what("position", language, title=title)
            missing.append(what)
            paragraphs.append(Paragraph(say("missing", language, what=what), missing=True))
    return paragraphs
