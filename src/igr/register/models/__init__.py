"""The register's data model (PRODUCT.md §4), one module per group of entities."""

from .bodies import Body, Government
from .documents import Agreement, Document, DocumentVersion, Provenance
from .meetings import AgendaItem, Attendance, DatePrecision, Meeting, meeting_reference
from .people import CommitteeChair, Person, Post, SeneddCommittee, Tenure

__all__ = [
    "AgendaItem",
    "Agreement",
    "Attendance",
    "Body",
    "CommitteeChair",
    "DatePrecision",
    "Document",
    "DocumentVersion",
    "Government",
    "Meeting",
    "Person",
    "Post",
    "Provenance",
    "SeneddCommittee",
    "Tenure",
    "meeting_reference",
]
