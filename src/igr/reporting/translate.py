"""The free text a document draws on, in both languages, for the drafter and the translator to complete.

Standard sentences are composed by the system; only these passages (positions, agenda titles, roles written
as free text, descriptions of unnamed attendees, the next-meeting note, the location) are written by people.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from igr.reporting.models import ReportDocument

EDITABLE_STATES = (ReportDocument.State.DRAFT, ReportDocument.State.AWAITING_TRANSLATION)
LABELS = {
    "title": _("Agenda item"),
    "position": _("Welsh Government position"),
    "role": _("Role as written"),
    "description": _("Description of who attended"),
    "next_meeting": _("Next meeting"),
    "location": _("Location"),
    "period_title": _("Report title"),
}


@dataclass
class TextRow:
    obj: object
    field: str
    label: str
    context: str
    multiline: bool

    @property
    def key(self) -> str:
        return f"{self.obj._meta.model_name}-{self.obj.pk}-{self.field}"

    @property
    def en(self) -> str:
        return getattr(self.obj, f"{self.field}_en") or ""

    @property
    def cy(self) -> str:
        return getattr(self.obj, f"{self.field}_cy") or ""

    @property
    def missing(self) -> str:
        """The language still to write, when the other language has text."""
        if self.en.strip() and not self.cy.strip():
            return "cy"
        if self.cy.strip() and not self.en.strip():
            return "en"
        return ""


def texts_for(document: ReportDocument) -> list[TextRow]:
    if document.period_id:
        return [TextRow(document.period, "title", str(LABELS["period_title"]), document.period.key, False)]
    meeting = document.meeting
    rows: list[TextRow] = []
    for item in meeting.agenda_items.all():
        context = item.title_en or item.title_cy
        rows.append(TextRow(item, "title", str(LABELS["title"]), context, False))
        rows.append(TextRow(item, "position", str(LABELS["position"]), context, True))
    for attendance in meeting.attendances.select_related("person", "post"):
        if attendance.person and not attendance.post and (attendance.role_en or attendance.role_cy):
            rows.append(TextRow(attendance, "role", str(LABELS["role"]), attendance.person.name, False))
        if not attendance.person:
            rows.append(TextRow(attendance, "description", str(LABELS["description"]), "", False))
    for field in ("next_meeting", "location"):
        if getattr(meeting, f"{field}_en") or getattr(meeting, f"{field}_cy"):
            rows.append(TextRow(meeting, field, str(LABELS[field]), "", False))
    return rows


def save_texts(rows: list[TextRow], data) -> int:
    """Write what changed back to the record; returns how many fields changed."""
    changed = 0
    for row in rows:
        fields = []
        for lang in ("en", "cy"):
            name = f"{row.key}-{lang}"
            if name in data:
                value = data[name].strip()
                if value != (getattr(row.obj, f"{row.field}_{lang}") or ""):
                    setattr(row.obj, f"{row.field}_{lang}", value)
                    fields.append(f"{row.field}_{lang}")
        if fields:
            row.obj.full_clean()
            row.obj.save(update_fields=fields)
            changed += len(fields)
    return changed

