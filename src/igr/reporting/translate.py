"""The free text a document draws on, in both languages, for the drafter and the translator to complete.

Standard sentences are composed by the system; only these passages (positions, agenda titles, roles written
as free text, descriptions of unnamed attendees, the next-meeting note, the location, and paragraphs the minister
adds) are written by people. They are saved on the document (``ReportDocument.texts`` and ``paragraphs``),
starting from the register's record, which they never change: nothing a drafter writes is public before the
document is published.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from igr.reporting.compose import passages
from igr.reporting.models import DocumentEvent, ReportDocument

EDITABLE_STATES = (ReportDocument.State.DRAFT, ReportDocument.State.AWAITING_TRANSLATION)
LONGEST = 5000
LABELS = {
    "title": _("Agenda item"),
    "position": _("Welsh Government position"),
    "role": _("Role as written"),
    "description": _("Description of who attended"),
    "next_meeting": _("Next meeting"),
    "location": _("Location"),
    "period_title": _("Report title"),
    "paragraph": _("A paragraph the Minister adds"),
    "new_paragraph": _("Add a paragraph"),
}


@dataclass
class TextRow:
    document: ReportDocument
    key: str
    label: str
    context: str
    multiline: bool
    record: dict[str, str]

    def text(self, language: str) -> str:
        own = self.document.texts.get(self.key)
        if own is not None and language in own:
            return own[language] or ""
        return self.record.get(language, "")

    @property
    def en(self) -> str:
        return self.text("en")

    @property
    def cy(self) -> str:
        return self.text("cy")

    @property
    def rows(self) -> int:
        """Tall enough to show the longer language's text whole (about 60 characters a line in half the page)."""
        longest = max(len(self.en), len(self.cy))
        return min(30, max(5, longest // 60 + 2))

    @property
    def missing(self) -> str:
        """The language still to write, when the other language has text."""
        if self.en.strip() and not self.cy.strip():
            return "cy"
        if self.cy.strip() and not self.en.strip():
            return "en"
        return ""


def _row(document: ReportDocument, obj, field: str, label: str, context: str, multiline: bool) -> TextRow:
    record = {lang: getattr(obj, f"{field}_{lang}") or "" for lang in passages.LANGUAGES}
    return TextRow(document, passages.key(obj, field), str(LABELS[label]), context, multiline, record)


def _paragraph_rows(document: ReportDocument) -> list[TextRow]:
    rows = [
        TextRow(document, f"paragraph-{n}", str(LABELS["paragraph"]), "", True, dict(p))
        for n, p in enumerate(document.paragraphs)
    ]
    return rows + [TextRow(document, f"paragraph-{len(rows)}", str(LABELS["new_paragraph"]), "", True, {})]


def texts_for(document: ReportDocument) -> list[TextRow]:
    if document.period_id:
        return [_row(document, document.period, "title", "period_title", document.period.key, False)]
    meeting = document.meeting
    rows: list[TextRow] = []
    for item in meeting.agenda_items.all():
        context = item.title_en or item.title_cy
        rows.append(_row(document, item, "title", "title", context, False))
        rows.append(_row(document, item, "position", "position", context, True))
    for attendance in meeting.attendances.select_related("person", "post"):
        if attendance.person and not attendance.post and (attendance.role_en or attendance.role_cy):
            rows.append(_row(document, attendance, "role", "role", attendance.person.name, False))
        if not attendance.person:
            rows.append(_row(document, attendance, "description", "description", "", False))
    for field in ("next_meeting", "location"):
        if getattr(meeting, f"{field}_en") or getattr(meeting, f"{field}_cy"):
            rows.append(_row(document, meeting, field, field, "", False))
    if document.kind != "annual_report":
        rows += _paragraph_rows(document)
    return rows


def save_texts(document: ReportDocument, rows: list[TextRow], data, user=None) -> int:
    """Write what changed to the document (never to the register); returns how many passages changed."""
    texts, added, changed = dict(document.texts), [], 0
    for row in rows:
        values = {
            lang: (data.get(f"{row.key}-{lang}", row.text(lang)) or "").strip() for lang in passages.LANGUAGES
        }
        if any(len(v) > LONGEST for v in values.values()):
            raise ValidationError(
                _("A passage can be at most %(n)s characters long.") % {"n": f"{LONGEST:,}"}
            )
        changed += sum(values[lang] != row.text(lang).strip() for lang in passages.LANGUAGES)
        if row.key.startswith("paragraph-"):
            if any(values.values()):
                added.append(values)
        elif values != {lang: row.record.get(lang, "").strip() for lang in passages.LANGUAGES}:
            texts[row.key] = values
        else:
            texts.pop(row.key, None)
    if changed:
        document.texts, document.paragraphs = texts, added
        document.save(update_fields=["texts", "paragraphs"])
        DocumentEvent.objects.create(
            document=document,
            action="texts_saved",
            from_state=document.state,
            to_state=document.state,
            user=user,
        )
    return changed
