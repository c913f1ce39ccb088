"""An official's decision on a review item: confirm what the register holds, or correct it.

Why both write ``Provenance`` with ``confirmed_by`` / ``confirmed_at``: that is the mark every later ingest
checks before changing a field, and it says who decided and when. A correction keeps the source span the
item was raised from, so the register can still show where the question came from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from igr.ingest.models import ReviewItem
from igr.register.models import Attendance, Body, Meeting, Person, Provenance

# What a correction may set, per record type and reviewed field: the attributes and how to read them.
EDITABLE: dict[tuple[type, str], tuple[str, ...]] = {
    (Meeting, "date"): ("date",),
    (Meeting, "ordinal"): ("ordinal",),
    (Meeting, "mode"): ("mode",),
    (Meeting, "status"): ("status",),
    (Meeting, "location_en"): ("location_en", "location_cy"),
    (Meeting, "location_cy"): ("location_en", "location_cy"),
    (Meeting, "next_meeting_en"): ("next_meeting_en", "next_meeting_cy"),
    (Meeting, "next_meeting_cy"): ("next_meeting_en", "next_meeting_cy"),
    (Attendance, ""): ("capacity", "government", "role_en", "role_cy", "description_en", "description_cy"),
    (Attendance, "capacity"): ("capacity",),
    (Attendance, "government_id"): ("government",),
    (Person, "name"): ("name",),
    (Body, "name"): ("name_en", "name_cy"),
}


def editable(item: ReviewItem) -> tuple[str, ...]:
    model = item.content_type.model_class()
    return EDITABLE.get((model, item.field_name), ())


def _confirm_provenance(
    item: ReviewItem, record: Any, user: Any, now: dt.datetime, fields: tuple[str, ...]
) -> None:
    ct = ContentType.objects.get_for_model(record)
    names = {item.field_name, *fields} | ({"name_en"} if isinstance(record, Body) else set())
    rows = Provenance.objects.filter(content_type=ct, object_id=record.pk, field_name__in=names)
    if rows.update(confirmed_by=user, confirmed_at=now) == 0 and item.document_version_id:
        _decision_provenance(item, record, item.field_name, user, now)


def _decision_provenance(item: ReviewItem, record: Any, field: str, user: Any, now: dt.datetime) -> None:
    version = item.document_version
    quote = (
        version.text[item.span_start : item.span_end][:1000]
        if version and item.span_start is not None
        else ""
    )
    Provenance.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        field_name=field,
        document_version=version,
        span_start=item.span_start,
        span_end=item.span_end,
        quote=quote,
        confidence=1.0,
        extractor="review",
        confirmed_by=user,
        confirmed_at=now,
    )


@transaction.atomic
def confirm(item: ReviewItem, user: Any) -> None:
    """The register's current value is right: mark it confirmed, by whom and when."""
    now = timezone.now()
    record = item.record
    _confirm_provenance(item, record, user, now, ())
    item.status, item.decided_by, item.decided_at = ReviewItem.Status.CONFIRMED, user, now
    item.decided_value = item.value
    item.save(update_fields=["status", "decided_by", "decided_at", "decided_value"])


@transaction.atomic
def correct(item: ReviewItem, user: Any, values: dict[str, Any]) -> None:
    """Set the corrected values (both languages where the field has two) and confirm them."""
    now = timezone.now()
    record = item.record
    allowed = editable(item)
    changed = {k: v for k, v in values.items() if k in allowed}
    if isinstance(record, Person) and "name" in changed and changed["name"] != record.name:
        record.aliases = [*(record.aliases or []), record.name]
    if isinstance(record, Meeting) and "date" in changed:
        record.date_precision = "day"
    for attr, value in changed.items():
        setattr(record, attr, value)
    record.full_clean(exclude=[f.name for f in record._meta.fields if f.name not in changed])
    record.save()
    for attr in changed:
        field = "government_id" if attr == "government" else attr
        _decision_provenance(item, record, field, user, now)
    item.status, item.decided_by, item.decided_at = ReviewItem.Status.CORRECTED, user, now
    item.decided_value = {
        k: (v.pk if hasattr(v, "pk") else v.isoformat() if hasattr(v, "isoformat") else v)
        for k, v in changed.items()
    }
    item.save(update_fields=["status", "decided_by", "decided_at", "decided_value"])
