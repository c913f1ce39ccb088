"""Sentences composed from a meeting's record: the meeting, who attended and how, what comes next, the communiqué.

Each function takes the language and a ``missing`` list; where the record lacks the text in that language (a
free-text passage written only in the other language) it appends what a translator owes and never borrows the
other language's words.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from igr.register.models import Body, DatePrecision, Meeting
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

from . import passages
from .document import Paragraph
from .phrases import missing_what, say

FOUR = {"uk", "wales", "scotland", "northern-ireland"}
COMMUNIQUE_HOSTS = {
    "gov.uk": "uk",
    "gov.scot": "scotland",
    "gov.wales": "wales",
    "llyw.cymru": "wales",
    "northernireland.gov.uk": "northern-ireland",
}


def field(obj, name: str, language: str) -> str:
    """A text of the record in one language, or the document's own version of it (``passages``)."""
    return passages.text(obj, name, language)


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


def meeting_phrase(
    meeting: Meeting, language: str, missing: list[str], after_preposition: bool = False
) -> str:
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


def all_four_governments(meeting: Meeting) -> bool:
    keys = {a.government.key for a in meeting.attendances.all() if a.government}
    return keys >= FOUR


def mode_phrase(meeting: Meeting, language: str, missing: list[str], future: bool = False) -> str:
    prefix = "will_mode_" if future else "mode_"
    if meeting.mode == Meeting.Mode.IN_PERSON:
        location = field(meeting, "location", language)
        if not location and other_has(meeting, "location", language):
            missing.append(missing_what("location", language))
        return (
            say(f"{prefix}in_person_at", language, location=location)
            if location
            else say(f"{prefix}in_person", language)
        )
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
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date")
        .first()
    )
    return (later.date, later.date_precision) if later else None


def next_meeting_paragraph(
    meeting: Meeting, language: str, on: dt.date, missing: list[str], to_members: bool
) -> tuple[Paragraph | None, dict | None]:
    """The next-meeting sentence and, when the date is not yet fixed, the commitment it makes."""
    expected = next_meeting(meeting, on)
    if expected and expected[1] == DatePrecision.DAY:
        return Paragraph(say("next_on", language, date=date_in_text(expected[0], language, on))), None
    if expected and expected[1] == DatePrecision.MONTH:
        key = "next_month_statement" if to_members else "next_month_letter"
        promise = "promise_next_date_members" if to_members else "promise_next_date"
        commitment = {
            "kind": "next_meeting_date",
            "text_en": say(promise, "en"),
            "text_cy": say(promise, "cy"),
        }
        return Paragraph(say(key, language, month=month_in_text(expected[0], language, on))), commitment
    text = field(meeting, "next_meeting", language)
    if text:
        return Paragraph(text), None
    if other_has(meeting, "next_meeting", language):
        missing.append(missing_what("next_meeting", language))
        return Paragraph(
            say("missing", language, what=missing_what("next_meeting", language)), missing=True
        ), None
    return None, None


def communique_paragraph(
    meeting: Meeting, language: str, missing: list[str], statement: bool
) -> Paragraph | None:
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


LEGISLATION = {"en": ("Bill", "Act"), "cy": ("Bil", "Deddf")}


def as_prose(title: str, language: str) -> str:
    """An agenda title inside a sentence: 'Processing of asylum applications' → 'processing of asylum applications';
    a name in title case stays, with the article a Bill or an Act takes ('the Illegal Migration Bill', 'y Bil
    Mudo Anghyfreithlon'); so does a title starting with an abbreviation ('UK-EU relations')."""
    words = [w for w in title.split() if len(w) > 3]
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        named = title.split()[0 if language == "cy" else -1] in LEGISLATION[language]
        if named:
            return with_article_cy(title) if language == "cy" else f"the {title}"
        return title
    first = title.split(" ", 1)[0]
    if len(first) > 1 and (first[1:2].isupper() or not first[1:].islower()):
        return title
    return title[:1].lower() + title[1:]


def agenda_and_positions(
    meeting: Meeting, language: str, missing: list[str], expected: bool = False
) -> list[Paragraph]:
    """The agenda as a sentence, then the Welsh Government's position on each item, then the minister's paragraphs."""
    items = list(meeting.agenda_items.all())
    paragraphs: list[Paragraph] = []
    titles = []
    for item in items:
        title = field(item, "title", language)
        if not title:
            missing.append(
                missing_what(
                    "title", language, title=field(item, "title", "en" if language == "cy" else "cy")
                )
            )
            title = say("missing", language, what=field(item, "title", "en" if language == "cy" else "cy"))
        titles.append(title)
    if titles:
        sep = "; " if any("," in t for t in titles) else ", "
        paragraphs.append(
            Paragraph(
                say(
                    "agenda_expected" if expected else "agenda",
                    language,
                    items=join([as_prose(t, language) for t in titles], language, sep=sep, mutate=True),
                )
            )
        )
    if expected:
        return paragraphs
    for item, title in zip(items, titles, strict=True):
        position = field(item, "position", language)
        if position:
            paragraphs.append(Paragraph(position))
        elif field(item, "position", "en" if language == "cy" else "cy"):
            what = missing_what("position", language, title=title)
            missing.append(what)
            paragraphs.append(Paragraph(say("missing", language, what=what), missing=True))
    return paragraphs + added_paragraphs(language, missing)


def added_paragraphs(language: str, missing: list[str]) -> list[Paragraph]:
    """The paragraphs the minister adds to this document, in the document's language."""
    out = []
    other = "en" if language == "cy" else "cy"
    for added in passages.paragraphs():
        text = (added.get(language) or "").strip()
        if text:
            out.append(Paragraph(text))
        else:
            original = (added.get(other) or "").strip()
            what = missing_what("paragraph", language, text=original[:60])
            missing.append(what)
            out.append(Paragraph(say("missing", language, what=what), missing=True))
    return out
