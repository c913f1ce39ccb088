"""Who is changing the register, and through what: the actor the audit trail records beside every change.

Why here: a web request says who is signed in, but the register is also changed by commands, the ingest
worker (on behalf of the official who uploaded) and the harvest, where there is no request. Whoever changes
the register outside a request says so with ``acting()``; the audit app (``igr.audit``) reads ``current()``.
Writers that bypass ``save()`` (bulk inserts and updates) use ``bulk_create``/``bulk_update`` here, so that their
rows are recorded too, as the register's events are announced by such writers themselves.
"""

from __future__ import annotations

import contextvars
import functools
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from django.db import models

from . import events


@dataclass(frozen=True)
class Actor:
    """Who changes the register outside a web request, and through what."""

    user_id: int | None = None
    via: str = ""  # "command", "upload", "ingest", "harvest"
    command: str = ""  # the igr command's name
    run_id: int | None = None  # the ingest run


_actor: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("igr_history_actor", default=None)


@contextmanager
def acting(user: Any = None, via: str = "", command: str = "", run_id: int | None = None) -> Iterator[Actor]:
    """Changes made inside the block are recorded as this actor's (what is not given is kept from outside)."""
    outer = _actor.get() or Actor()
    given: dict[str, Any] = {
        "user_id": getattr(user, "pk", None),
        "via": via,
        "command": command,
        "run_id": run_id,
    }
    actor = replace(outer, **{k: v for k, v in given.items() if v})
    token = _actor.set(actor)
    try:
        yield actor
    finally:
        _actor.reset(token)


def current() -> Actor | None:
    return _actor.get()


def reason() -> str:
    """Through what a change is made, and why, as the audit trail keeps it (JSON; "" when nothing is known):
    the actor's way in (a command's name, an ingest run) and the reason an official gave (``events.Note``)."""
    actor, note = current(), events.current_note()
    data: dict[str, Any] = {}
    if actor is not None:
        data = {k: v for k, v in (("via", actor.via), ("command", actor.command), ("run", actor.run_id)) if v}
    if note is not None and (note.reason_en or note.reason_cy):
        data |= {"en": note.reason_en, "cy": note.reason_cy}
    return json.dumps(data, ensure_ascii=False) if data else ""


_pending: contextvars.ContextVar[list[models.Model] | None] = contextvars.ContextVar(
    "igr_history_pending", default=None
)


@contextmanager
def collecting() -> Iterator[None]:
    """History rows made inside are inserted together, by model, when the outermost block ends (call it inside the
    transaction that makes the changes, so that they commit together). A block that raises drops its own rows, as
    its savepoint drops the changes. Why: one insert per change made ingest a third slower."""
    pending = _pending.get()
    if pending is not None:
        mark = len(pending)
        try:
            yield
        except BaseException:
            del pending[mark:]
            raise
        return
    pending = []
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for row in pending:
        by_model.setdefault(type(row), []).append(row)
    for model, rows in by_model.items():
        model._default_manager.bulk_create(rows)


def collecting_now() -> bool:
    return _pending.get() is not None


def defer(row: models.Model) -> None:
    """Keep an unsaved history row for the enclosing ``collecting()`` block."""
    pending = _pending.get()
    assert pending is not None, "history.defer() outside history.collecting()"
    pending.append(row)


@functools.cache
def _history(model: type[models.Model]):
    """The model's history manager, when the audit trail keeps one for it. Kept: simple-history makes a new manager
    class at each access (about a millisecond), which was the larger part of what the trail cost ingest."""
    name = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, name) if name else None


def history_model(model: type[models.Model]) -> type[models.Model]:
    """The model of ``model``'s history rows."""
    return _history(model).model


def bulk_create(model: type[models.Model], rows: Sequence[models.Model], **kwargs: Any) -> list[models.Model]:
    """``bulk_create``, and a history row for each new row when the model keeps a history."""
    created = model._default_manager.bulk_create(rows, **kwargs)
    history = _history(model)
    if history is not None and created:
        history.bulk_history_create(
            [row for row in created if row.pk is not None], default_change_reason=reason()
        )
    return created


def bulk_update(model: type[models.Model], rows: Sequence[models.Model], fields: list[str]) -> int:
    """``bulk_update``, and a history row for each changed row when the model keeps a history (not for a model whose
    history keeps its links: they would have to be read for each row)."""
    history = _history(model)
    if history is not None and getattr(history.model, "_history_m2m_fields", None):
        raise ValueError(f"{model.__name__}: update rows with links one by one, so that their links are kept")
    changed = model._default_manager.bulk_update(rows, fields)
    if history is not None and rows:
        history.bulk_history_create(list(rows), update=True, default_change_reason=reason())
    return changed
