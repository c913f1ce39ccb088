"""IIRA reporting: obligations, commitments, documents and their workflow, and the calendars deadlines use."""

from .calendar import ConsentIntention, RecessPeriod, ReportingPeriod
from .documents import (
    REGISTER_KIND,
    CalendarToken,
    DocumentEvent,
    MeetingReport,
    PublishedDocumentError,
    PublishedFile,
    ReportDocument,
)
from .obligations import Commitment, Deliverable, Obligation, Status, Trigger

__all__ = [
    "REGISTER_KIND",
    "CalendarToken",
    "Commitment",
    "ConsentIntention",
    "Deliverable",
    "DocumentEvent",
    "MeetingReport",
    "Obligation",
    "PublishedDocumentError",
    "PublishedFile",
    "RecessPeriod",
    "ReportDocument",
    "ReportingPeriod",
    "Status",
    "Trigger",
]
