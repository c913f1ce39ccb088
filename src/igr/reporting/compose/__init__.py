"""Compose documents from the register's record, in English or Welsh."""

from __future__ import annotations

import datetime as dt

from .document import Composed

CORRECTION = {
    "en": "Corrected version (version {version}, replacing the version of {date}): {note}",
    "cy": "Fersiwn wedi'i chywiro (fersiwn {version}, yn lle fersiwn {date}): {note}",
}


def compose_document(document, language: str, on: dt.date | None = None) -> Composed:
    """A ReportDocument's text in ``language``, composed from its meeting's or period's record."""
    from igr.register.dates import format_date

    on = on or document.date
    if document.kind == "annual_report":
        from .annual import compose_annual

        doc = compose_annual(document.period, language, on)
    else:
        from .meeting import compose

        doc = compose(document.meeting, document.kind, language, on)
    if document.supersedes_id:
        note = document.correction_note_cy if language == "cy" else document.correction_note_en
        doc.notes.append(CORRECTION[language].format(
            version=document.version, date=format_date(document.supersedes.date, language), note=note
        ))
    return doc
