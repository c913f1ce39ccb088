"""Compose documents from the register's record, in English or Welsh."""

from __future__ import annotations

import datetime as dt

from .document import Composed

CORRECTION = {
    "en": "Corrected version (version {version}, replacing the version of {date}): {note}",
    "cy": "Fersiwn wedi'i chywiro (fersiwn {version}, yn lle fersiwn {date}): {note}",
}
CORRECTION_OF_RECORD = {
    "en": "Corrected version, replacing the version published on {date}: {note}",
    "cy": "Fersiwn wedi'i chywiro, yn lle'r fersiwn a gyhoeddwyd ar {date}: {note}",
}
ADDITION = {
    "statement": {
        "en": "This statement follows the written statement of {date}.",
        "cy": "Mae'r datganiad hwn yn dilyn y datganiad ysgrifenedig dyddiedig {date}.",
    },
    "letter": {
        "en": "This letter follows my letter of {date}.",
        "cy": "Mae'r llythyr hwn yn dilyn fy llythyr dyddiedig {date}.",
    },
    "notice": {
        "en": "This letter follows my letter of {date}.",
        "cy": "Mae'r llythyr hwn yn dilyn fy llythyr dyddiedig {date}.",
    },
    "annual_report": {
        "en": "This report follows the report of {date}.",
        "cy": "Mae'r adroddiad hwn yn dilyn yr adroddiad dyddiedig {date}.",
    },
}


def compose_document(document, language: str, on: dt.date | None = None) -> Composed:
    """A ReportDocument's text in ``language``: its meeting's or period's record, with the document's own passages."""
    from igr.register.dates import format_date

    from . import passages

    on = on or document.date
    with passages.using(document.texts, document.paragraphs):
        if document.kind == "annual_report":
            from .annual import compose_annual

            doc = compose_annual(document.period, language, on)
        else:
            from .meeting import compose

            doc = compose(document.meeting, document.kind, language, on)
        if document.meeting_id:  # what the document says of each agenda item (a notice gives no positions)
            said = ("title", "position") if document.kind in ("letter", "statement") else ("title",)
            doc.passages = {
                passages.key(item, name): passages.text(item, name, language)
                for item in document.meeting.agenda_items.all()
                for name in said
            }
    note = document.correction_note_cy if language == "cy" else document.correction_note_en
    if document.supersedes_id:
        doc.notes.append(
            CORRECTION[language].format(
                version=document.version, date=format_date(document.supersedes.date, language), note=note
            )
        )
    elif document.follows_record_id and document.relation == "correction":
        doc.notes.append(
            CORRECTION_OF_RECORD[language].format(date=_record_date(document, language), note=note)
        )
    elif document.follows_record_id:
        doc.notes.append(ADDITION[document.kind][language].format(date=_record_date(document, language)))
    return doc


def _record_date(document, language: str) -> str:
    from igr.register.dates import format_date

    day = document.follows_record.date
    return format_date(day, language) if day else ""
