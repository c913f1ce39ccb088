"""What one document's import carries between its steps: the source version, its text, what it touched.

Why a context object: the meeting, attendance and people steps all write provenance to the same version,
raise review items for the same run and report into the same counts; passing one object keeps their
signatures short and makes the per-document transaction's scope explicit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from igr.ingest.models import IngestRun
from igr.register.models import Document, DocumentVersion, Provenance

from . import review
from .registry import Registry
from .validate import Span

EXTRACTOR = "igr.extract"
Hook = Callable[[str, Any], None]


@dataclass
class Ctx:
    registry: Registry
    document: Document
    version: DocumentVersion
    text: str
    language: str
    run: IngestRun | None = None
    hook: Hook | None = None
    meetings: dict[int, str] = field(default_factory=dict)  # meeting pk -> inserted / updated / unchanged
    items: int = 0
    pending: list[Provenance] = field(default_factory=list)
    unsaved: list[tuple[int, models.Model]] = field(
        default_factory=list
    )  # pending rows noted before their insert

    def step(self, name: str, obj: Any) -> None:
        """Call the pipeline's hook (progress, or a test's injected failure) between writes."""
        if self.hook:
            self.hook(name, obj)

    def touch(self, meeting_pk: int, how: str) -> None:
        order = {"unchanged": 0, "updated": 1, "inserted": 2}
        if order[how] > order[self.meetings.get(meeting_pk, "unchanged")] or meeting_pk not in self.meetings:
            self.meetings[meeting_pk] = how

    def note(
        self, record: models.Model, field_name: str, span: Span | None, *, confidence: float | None = None
    ) -> None:
        """Queue a provenance row: this field of this record came from this span of this version."""
        conf = span.confidence if span else (confidence if confidence is not None else 1.0)
        if record.pk is None:  # a row inserted later with others (bulk): its key is filled in at flush
            self.unsaved.append((len(self.pending), record))
        self.pending.append(
            Provenance(
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
                field_name=field_name,
                document_version=self.version,
                span_start=span.start if span else None,
                span_end=span.end if span else None,
                quote=self.text[span.start : span.end][:1000] if span else "",
                confidence=conf,
                extractor=EXTRACTOR,
            )
        )

    def flush(self) -> None:
        for i, record in self.unsaved:
            assert record.pk is not None, "a noted row must be saved before its provenance"
            self.pending[i].object_id = record.pk
        self.unsaved = []
        if self.pending:
            Provenance.objects.bulk_create(self.pending)
            self.pending = []

    def flag(
        self, kind: str, record: models.Model, field_name: str, span: Span | None, **kwargs: Any
    ) -> None:
        if review.raise_item(
            kind, record, field_name, version=self.version, span=span, run=self.run, **kwargs
        ):
            self.items += 1

    def flag_if_low(self, record: models.Model, field_name: str, span: Span | None, value: Any) -> None:
        if span and span.confidence < review.LOW_CONFIDENCE:
            self.flag("low_confidence", record, field_name, span, value=value)

    def alt(self, value: Any, span: Span | None) -> dict[str, Any]:
        return review.alternative(value, self.version, span, self.text)
