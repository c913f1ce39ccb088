"""Raising review items, and deciding them: the machine flags, a person confirms or corrects.

Why every decision writes provenance: ``Provenance.confirmed_at`` is what later ingests check before
touching a field, so a confirmed fact survives any number of re-runs.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from igr.ingest.models import IngestRun, ReviewItem
from igr.register.models import DocumentVersion, Provenance

from .validate import Span

LOW_CONFIDENCE = 0.6


def jsonable(value: Any) -> Any:
    """Dates and model instances as the JSON the review item stores."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def raise_item(
    kind: str,
    record: models.Model,
    field: str,
    *,
    version: DocumentVersion | None,
    span: Span | None,
    value: Any = None,
    alternatives: list[dict[str, Any]] | None = None,
    run: IngestRun | None = None,
) -> bool:
    """Create the item unless one with the same key exists; True when it is new.

    Two statements (is it there; insert, ignoring a clash) rather than ``get_or_create``'s four: an item raised
    by a concurrent run at the same moment is kept once either way.
    """
    ct = ContentType.objects.get_for_model(record)
    key = f"{kind}:{ct.model}:{record.pk}:{field}:{version.pk if version and kind != 'new_person' and kind != 'new_body' else ''}"
    if ReviewItem.objects.filter(key=key[:255]).exists():
        return False
    ReviewItem.objects.bulk_create(
        [
            ReviewItem(
                key=key[:255],
                kind=kind,
                content_type=ct,
                object_id=record.pk,
                field_name=field,
                value=jsonable(value),
                alternatives=jsonable(alternatives or []),
                document_version=version,
                span_start=span.start if span else None,
                span_end=span.end if span else None,
                confidence=span.confidence if span else None,
                run=run,
            )
        ],
        ignore_conflicts=True,
    )
    return True


def alternative(
    value: Any, version: DocumentVersion | None, span: Span | None, text: str = ""
) -> dict[str, Any]:
    """One source's value as stored on a conflict: enough to show the span and to adopt the value."""
    return {
        "value": value,
        "document_version": version.pk if version else None,
        "span_start": span.start if span else None,
        "span_end": span.end if span else None,
        "quote": text[span.start : span.end][:1000] if span and text else "",
        "confidence": span.confidence if span else None,
    }


def is_confirmed(provs: list[Provenance], field: str) -> bool:
    return any(p.confirmed_at for p in provs if p.field_name in (field, ""))
