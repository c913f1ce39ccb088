"""The three documents a meeting creates, composed from its record in one language.

The post-meeting letter has the shape of the seed letter (letterhead, reference, addressee, copy, date,
salutation, subject, body, signature, contact footer, Welsh Language Standards paragraph); the written
statement has the shape of the seed statement (heading, TITLE, DATE, BY, body); the advance notice follows
the letters sent in practice (forum, date, format, host, who represents Wales, agenda, a promise to report).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from igr.register.dates import format_date
from igr.register.models import Meeting
from igr.reporting import context
from igr.reporting.calendars import calendar_from_db
from igr.reporting.language import aspirate_mutation, date_in_text, join, with_article_cy

from . import attendance, parts
from .document import Composed, Paragraph, Section
from .phrases import missing_what, say

KINDS = ("notice", "letter", "statement")


def default_date(meeting: Meeting, kind: str) -> dt.date:
    """The date a document bears: its current draft's, else the published record's, else today."""
    from igr.reporting.models import REGISTER_KIND, ReportDocument

    draft = ReportDocument.objects.filter(meeting=meeting, kind=kind).order_by("-version").first()
    if draft:
        return draft.date
    record = meeting.documents.filter(kind=REGISTER_KIND[kind], date__isnull=False).order_by("date").first()
    return record.date if record else timezone.localdate()


def earlier_notice_date(meeting: Meeting, before: dt.date) -> dt.date | None:
    from igr.reporting.models import ReportDocument

    ours = (
        ReportDocument.objects.filter(
            meeting=meeting, kind="notice", state=ReportDocument.State.PUBLISHED, date__lt=before
        )
        .order_by("date")
        .first()
    )
    record = meeting.documents.public().filter(kind="notice", date__lt=before).order_by("date").first()
    dates = [d.date for d in (ours, record) if d]
    return min(dates) if dates else None


def compose(meeting: Meeting, kind: str, language: str, on: dt.date | None = None) -> Composed:
    if kind not in KINDS:
        raise ValueError(f"unknown document {kind!r} (expected one of {', '.join(KINDS)})")
    on = on or default_date(meeting, kind)
    builder = {"notice": _notice, "letter": _letter, "statement": _statement}[kind]
    return builder(meeting, language, on)


def _head(meeting: Meeting, kind: str, language: str, on: dt.date) -> tuple[Composed, object]:
    signer = context.signatory(meeting)
    head = context.letterhead()
    doc = Composed(kind=kind, language=language, title="", date_text=format_date(on, language))
    doc.government = [head["government_cy"], head["government_en"]]
    if signer is None:
        doc.missing.append(missing_what("signatory", language))
        return doc, None
    for lang in ("cy", "en"):
        if not signer.title(lang):
            doc.missing.append(missing_what("post_title", language, name=signer.person.name))
    both = f"{signer.person.name} {signer.postnominals('cy')}/{signer.postnominals('en')}"
    doc.letterhead = [both, signer.title("cy"), signer.title("en")]
    doc.signature = list(doc.letterhead)
    return doc, signer


def _letter_frame(doc: Composed, meeting: Meeting, language: str, on: dt.date, signer) -> None:
    """Reference, addressee, copy line, salutation, subject, closing and the contact footer."""
    head = context.letterhead()
    doc.reference = say("our_ref", language, ref=context.our_ref(meeting))
    to = context.addressee(on)
    if to is None:
        doc.missing.append(missing_what("addressee", language))
    else:
        doc.addressee = [
            f"{to.person.name} {to.postnominals(language)}".strip(),
            say("chair_role", language),
            parts.field(to.committee, "name", language),
            head[f"senedd_{language}"],
            to.committee.email,
        ]
        doc.salutation = say("salutation", language, first=to.person.first_name)
    copied = [_chair_of(c, language) for c in context.copied(meeting, on)]
    if copied:
        doc.copy_line = say("copy_line", language, people="; ".join(copied))
    doc.subject = say("subject", language, body=parts.body_name(meeting.body, language, doc.missing))
    doc.closing = say("closing", language)
    if signer:
        doc.footer = [
            say(
                "contact_centre",
                language,
                cy=head["contact_centre_cy"],
                en=head["contact_centre_en"],
                phone=head["phone"],
            ),
            *[f"{cy} • {en}" for cy, en in head["address"]],
            head["postcode"],
            signer.email("cy"),
            signer.email("en"),
        ]
    doc.standards = [("cy", head["welsh_language_standards_cy"]), ("en", head["welsh_language_standards_en"])]
    committee = context.lead_committee()
    if committee:
        name = parts.field(committee, "name", language)
        recipient = f"Gadeirydd {with_article_cy(name)}" if language == "cy" else f"the Chair of the {name}"
        doc.title = f"{'Llythyr at' if language == 'cy' else 'Letter to'} {recipient}: {parts.body_name(meeting.body, language, [])}"


def _chair_of(addressee: context.Addressee, language: str) -> str:
    name = f"{addressee.person.name} {addressee.postnominals(language)}".strip()
    committee = parts.field(addressee.committee, "name", language)
    return say(
        "chair_of",
        language,
        name=name,
        committee=with_article_cy(committee) if language == "cy" else committee,
    )


def _copying(meeting: Meeting, language: str, on: dt.date) -> Paragraph | None:
    copied = [_chair_of(c, language) for c in context.copied(meeting, on)]
    if not copied:
        return None
    return Paragraph(say("copying", language, people=join(copied, language)))


def _letter(meeting: Meeting, language: str, on: dt.date) -> Composed:
    doc, signer = _head(meeting, "letter", language, on)
    _letter_frame(doc, meeting, language, on, signer)
    missing = doc.missing
    notice_on = earlier_notice_date(meeting, on)
    further = (
        say("further", language, date=date_in_text(notice_on, language, on))
        if notice_on
        else ("," if language == "en" else "")
    )
    body = [
        Paragraph(
            say(
                "letter_opening",
                language,
                further=further,
                meeting=parts.meeting_phrase(meeting, language, missing, after_preposition=True),
                date=date_in_text(meeting.date, language, on),
            )
        )
    ]
    body.append(Paragraph(" ".join(attendance.sentences(meeting, language, missing, signer))))
    body += parts.agenda_and_positions(meeting, language, missing)
    paragraph, commitment = parts.next_meeting_paragraph(meeting, language, on, missing, to_members=False)
    body += [
        p
        for p in (
            paragraph,
            parts.communique_paragraph(meeting, language, missing, statement=False),
            _copying(meeting, language, on),
        )
        if p
    ]
    doc.commitments = [commitment] if commitment else []
    doc.sections = [Section(paragraphs=body)]
    return doc


def _statement(meeting: Meeting, language: str, on: dt.date) -> Composed:
    doc, signer = _head(meeting, "statement", language, on)
    doc.letterhead = doc.signature = []  # a statement carries the government's name and a BY line instead
    missing = doc.missing
    body_name = parts.body_name(meeting.body, language, missing)
    doc.title = f"{'Datganiad Ysgrifenedig' if language == 'cy' else 'Written Statement'}: {body_name}"
    doc.heading = say("statement_heading", language)
    by = f"{signer.person.name} {signer.postnominals(language)}, {signer.title(language)}" if signer else ""
    doc.fields = [
        (say("field_title", language), body_name),
        (say("field_date", language), doc.date_text),
        (say("field_by", language), by),
    ]
    if calendar_from_db().in_recess(on):
        doc.notes.append(say("made_in_recess", language))
    attended = signer is not None and meeting.attendances.filter(person=signer.person).exists()
    together = say("together", language) if parts.all_four_governments(meeting) else ""
    body = [
        Paragraph(
            say(
                "statement_attended" if attended else "statement_not_attended",
                language,
                meeting=parts.meeting_phrase(meeting, language, missing, after_preposition=not attended),
                mode=parts.mode_phrase(meeting, language, missing),
                date=date_in_text(meeting.date, language, on),
                together=together,
            )
        )
    ]
    body.append(Paragraph(" ".join(attendance.sentences(meeting, language, missing, signer))))
    body += parts.agenda_and_positions(meeting, language, missing)
    paragraph, commitment = parts.next_meeting_paragraph(meeting, language, on, missing, to_members=True)
    body += [
        p for p in (paragraph, parts.communique_paragraph(meeting, language, missing, statement=True)) if p
    ]
    doc.commitments = [commitment] if commitment else []
    doc.sections = [Section(paragraphs=body)]
    return doc


def _notice(meeting: Meeting, language: str, on: dt.date) -> Composed:
    doc, signer = _head(meeting, "notice", language, on)
    _letter_frame(doc, meeting, language, on, signer)
    missing = doc.missing
    body_name = parts.body_name(meeting.body, language, [])
    doc.title = (
        f"Hysbysiad ymlaen llaw: cyfarfod {with_article_cy(body_name)}, {doc.date_text}"
        if language == "cy"
        else f"Advance notice: {body_name} meeting, {doc.date_text}"
    )
    when = date_in_text(meeting.date, language)
    mode = parts.mode_phrase(meeting, language, missing, future=True)
    earlier = earlier_notice_date(meeting, on)
    body: list[Paragraph] = []
    if earlier and meeting.status in (Meeting.Status.POSTPONED, Meeting.Status.CANCELLED):
        body.append(
            Paragraph(
                say(
                    "notice_wrote",
                    language,
                    date=date_in_text(earlier, language, on),
                    meeting=parts.meeting_phrase(meeting, language, missing),
                )
            )
        )
        if meeting.status == Meeting.Status.CANCELLED:
            body.append(Paragraph(say("notice_cancelled", language)))
        else:
            body.append(Paragraph(say("notice_postponed", language, mode=mode, date=when).replace("  ", " ")))
    else:
        host = ""
        if meeting.host:
            government = parts.government_name(meeting.host, language)
            host = say(
                "notice_host",
                language,
                government=aspirate_mutation(government) if language == "cy" else government,
            )
        body.append(
            Paragraph(
                say(
                    "notice_opening",
                    language,
                    meeting=parts.meeting_phrase(meeting, language, missing),
                    mode=mode,
                    date=when,
                    host=host,
                ).replace("  ", " ")
            )
        )
        if meeting.notice_received_at:
            received = timezone.localtime(meeting.notice_received_at).date()
            body.append(
                Paragraph(say("notice_received", language, date=date_in_text(received, language, on)))
            )
        if signer and meeting.attendances.filter(person=signer.person).exists():
            body.append(Paragraph(say("notice_will_attend", language)))
        body += parts.agenda_and_positions(meeting, language, missing, expected=True)
        body.append(Paragraph(say("notice_write_again", language)))
        doc.commitments = [
            {
                "kind": "report_after_meeting",
                "text_en": say("notice_write_again", "en"),
                "text_cy": say("notice_write_again", "cy"),
            }
        ]
    body += [p for p in (_copying(meeting, language, on),) if p]
    doc.sections = [Section(paragraphs=body)]
    return doc
