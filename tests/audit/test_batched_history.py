"""Ingest inserts its history rows together, per group of documents, and keeps every one of them: the same ingest
run one save at a time (``defer=False``, each history row inserted as its change is made) records the same
history, by the same official, through the same run, with the same values, including when a document fails
half-way and its own rows are rolled back with it."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from django.contrib.auth.models import User
from django.db import connection, models, transaction
from django.test.utils import CaptureQueriesContext

from igr.audit.models import MANAGER, TRACKED
from igr.ingest.services.pipeline import Pipeline
from igr.register.models import Document

from ..ingest.test_deferral import FILES, fail_in_the_statement

pytestmark = pytest.mark.django_db
SKIPPED = {
    "id",
    "created_at",
    "updated_at",
    "history",
}  # ids and timestamps (an obligation's log has its own)


def kept() -> Counter:
    """Every history row of every register model, less what differs between two runs of the same ingest. (The
    obligations engine follows a group once at its end, not each save: its rows are checked in ``last_kept``.)"""
    rows: Counter = Counter()
    for model in (m for m in TRACKED if m._meta.app_label == "register"):
        values = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in SKIPPED and not isinstance(f, models.ForeignKey)
        ]
        for row in getattr(model, MANAGER).all():
            reason = json.loads(row.history_change_reason or "{}")
            reason.pop("run", None)
            rows[
                (
                    model._meta.model_name,
                    row.history_type,
                    row.history_user_id,
                    json.dumps(reason, sort_keys=True),
                    tuple(str(getattr(row, name)) for name in values),
                )
            ] += 1
    return rows


def last_kept() -> bool:
    """Every record's newest history row holds the record as it is (its last change was not lost)."""
    for model in TRACKED:
        names = [f.attname for f in model._meta.concrete_fields]
        newest = {r.id: r for r in getattr(model, MANAGER).order_by("history_date", "history_id")}
        for record in model._base_manager.all():
            if [getattr(newest[record.pk], n) for n in names] != [getattr(record, n) for n in names]:
                return False
    return True


def per_save(user: User, **kwargs) -> Counter:
    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        Pipeline(defer=False, user=user, **kwargs).run_paths(FILES)
        result = kept()
        raise Undo
    return result


@pytest.mark.parametrize("failing", [False, True])
def test_batched_history_is_the_history_one_save_at_a_time_gives(failing):
    clerk = User.objects.create_user("clerk")
    hook = {"hook": fail_in_the_statement} if failing else {}
    expected = per_save(clerk, **hook)
    assert not any(getattr(m, MANAGER).exists() for m in TRACKED)
    with CaptureQueriesContext(connection) as queries:
        Pipeline(user=clerk, **hook).run_paths(FILES)
    got = kept()
    assert not (got - expected) and not (expected - got), (got - expected, expected - got)
    assert sum(expected.values()) > 20 and last_kept()
    assert {user for (_, _, user, _, _) in expected} == {clerk.pk}
    assert Document.objects.filter(kind="written_statement").exists() is not failing
    inserts = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "audit_historical')
    ]
    assert len(inserts) < sum(expected.values()) / 2, "history rows are inserted together"
