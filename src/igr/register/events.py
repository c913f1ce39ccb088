"""The register's domain events: what changed in the register, announced once and heard by every app that follows it.

Why: the public search index and tallies, the obligations engine and (soon) alerts all keep something in step
with the register. Listening to Django's save signals of another app's models would tie each of them to how the
register stores things, and give every batch writer a queue per listener to manage. Instead the register says
what happened in its own words (``igr.register.receivers`` turns saves of its models into these events),
writers that bypass ``save()`` (bulk inserts) announce the events themselves, and listeners subscribe here,
with one ``batch()`` for all of them. No app imports another's listeners.

The events (ids only, never model instances, so a listener reads the register as it is when it runs):

===================  ===============================================================================
MeetingRecorded      a meeting saved for the first time
MeetingChanged       a meeting saved again; ``rescheduled`` says so when its date or status changed
MeetingRemoved       a meeting deleted
AttendanceChanged    who attended a meeting changed (an attendance added, edited or removed)
AgendaChanged        a meeting's topics or the Welsh Government's positions on them changed
DocumentAdded        a document recorded for the first time
DocumentChanged      a document edited, given a new (language) version, or unlinked
DocumentRemoved      a document deleted, with the meetings it reported
DocumentLinked       a document now reports these meetings
AgreementChanged     an agreement recorded, edited, its parties changed, or removed
BodyChanged          a body recorded or edited
PersonChanged        a person recorded or edited, or a post they held recorded
ReportingChanged     what a meeting was owed under the reporting agreements, or what met it, changed
                     (announced by the reporting app; ``meeting_id`` is None for agreements and periods)
===================  ===============================================================================

Delivery. Outside a batch, each announcement is delivered at once. Inside ``batch()`` every listener waits
until the batch ends and then hears all the batch's events together, in order, once. A batch is a transaction,
and its listeners run at its end inside it, so what they write commits or rolls back with the changes they
follow. A nested batch is a savepoint: if it fails, the events announced inside it are forgotten (and any the
rules heard early are heard again, since what they did was rolled back with it). ``batch(atomic=False)`` is a
scope around several batches that commit one by one (an ingest run's groups of documents): the rules hear each
as it ends, inside its transaction; the views hear all of them once, when the scope ends.

Stages. ``RULES`` listeners (the obligations engine) keep records that follow from the register and may
announce events of their own; they hear first. ``VIEWS`` listeners (search, tallies, caches, alerts) only
reflect, and hear everything the rules announced in the same delivery, so each view is brought up to date once.

Reschedules are barriers. Inside a batch, before a meeting's new date or status is written, the rules hear
everything the batch holds, on the register as it still is; the reschedule itself then waits for the batch like
any other event. So a batch ends exactly where handling every save as it happened would have: a meeting's
obligations move from the date they were set on, with the history of the move.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

RULES, VIEWS = 0, 1
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    """Something that happened in the register."""


@dataclass(frozen=True)
class Note:
    """Why a change was made, given by whoever made it (a reporting screen's reason and the date it applies from)."""

    reason_en: str = ""
    reason_cy: str = ""
    user_id: int | None = None
    on: dt.date | None = None


@dataclass(frozen=True)
class Reschedule:
    """A meeting's date or status before and after one save, with the note given for it, if any."""

    date_before: dt.date
    status_before: str
    date_after: dt.date
    status_after: str
    on: dt.date  # the day the change was made
    note: Note = field(default_factory=Note)


@dataclass(frozen=True)
class MeetingRecorded(Event):
    meeting_id: int


@dataclass(frozen=True)
class MeetingChanged(Event):
    meeting_id: int
    rescheduled: Reschedule | None = None


@dataclass(frozen=True)
class MeetingRemoved(Event):
    meeting_id: int
    chair_id: int | None = None


@dataclass(frozen=True)
class AttendanceChanged(Event):
    meeting_id: int
    person_id: int | None
    government_id: int | None
    removed: bool = False


@dataclass(frozen=True)
class AgendaChanged(Event):
    meeting_id: int


@dataclass(frozen=True)
class DocumentAdded(Event):
    document_id: int


@dataclass(frozen=True)
class DocumentChanged(Event):
    document_id: int


@dataclass(frozen=True)
class DocumentRemoved(Event):
    document_id: int
    meeting_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DocumentLinked(Event):
    document_id: int
    meeting_ids: tuple[int, ...]


@dataclass(frozen=True)
class AgreementChanged(Event):
    agreement_id: int


@dataclass(frozen=True)
class BodyChanged(Event):
    body_id: int


@dataclass(frozen=True)
class PersonChanged(Event):
    person_id: int


@dataclass(frozen=True)
class ReportingChanged(Event):
    meeting_id: int | None


MEETING_EVENTS = (MeetingRecorded, MeetingChanged, MeetingRemoved)
Listener = Callable[[list[Event]], None]


@dataclass
class _Listener:
    stage: int
    kinds: tuple[type[Event], ...]
    handler: Listener


@dataclass
class _Batch:
    rules: list[Event] = field(default_factory=list)  # not yet heard by the rules
    views: list[Event] = field(default_factory=list)  # heard by the rules, not yet by the views
    transactions: int = 0  # atomic batches open
    delivering: bool = False


_listeners: dict[str, _Listener] = {}
_batch: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("igr_events_batch", default=None)
_note: contextvars.ContextVar[Note | None] = contextvars.ContextVar("igr_events_note", default=None)


def listen(*kinds: type[Event], stage: int = VIEWS) -> Callable[[Listener], Listener]:
    """Subscribe ``handler(events)`` to these kinds of event (a decorator; registering twice replaces)."""

    def register(handler: Listener) -> Listener:
        _listeners[f"{handler.__module__}.{handler.__qualname__}"] = _Listener(stage, kinds, handler)
        return handler

    return register


def announce(*events: Event) -> None:
    """Tell every listener: now, or when the batch being built ends."""
    state = _batch.get()
    if state is not None:
        state.rules.extend(events)
        return
    state = _Batch(list(events))
    token = _batch.set(state)
    try:
        _deliver(state)
    finally:
        _batch.reset(token)


@contextmanager
def batch(note: Note | None = None, *, atomic: bool = True) -> Iterator[None]:
    """A transaction whose listeners hear its events together when it ends (a savepoint when nested).

    ``note`` travels with the reschedules announced inside (why, by whom, from when). ``atomic=False`` makes a
    scope around several batches, each its own transaction: the rules hear each of them as it ends, and the
    views hear all of them once, at the scope's end, after they have committed.
    """
    note_token = _note.set(note) if note is not None else None
    state = _batch.get()
    outermost = state is None
    if state is None:
        state = _Batch()
        token = _batch.set(state)
    try:
        if atomic:
            with _transaction(state):
                yield
                if state.transactions == 1:  # the outermost transaction: its rules are settled inside it
                    _settle(state)
                    if outermost:
                        _deliver(state)
        else:
            try:
                yield
            finally:
                if outermost:  # what the batches inside committed is heard, even if a later one failed
                    _deliver(state)
    finally:
        if outermost:
            _batch.reset(token)
        if note_token is not None:
            _note.reset(note_token)


@contextmanager
def _transaction(state: _Batch) -> Iterator[None]:
    """A transaction (or savepoint); if it rolls back, what was announced or heard inside it is as if never."""
    held = (list(state.rules), list(state.views))
    state.transactions += 1
    try:
        with transaction.atomic():
            yield
    except BaseException:
        state.rules, state.views = held
        raise
    finally:
        state.transactions -= 1


def barrier() -> None:
    """Let the rules hear what the current batch holds now (before a meeting is rescheduled; see the docstring)."""
    state = _batch.get()
    if state is not None and state.rules and not state.delivering:
        _settle(state)


def current_note() -> Note | None:
    return _note.get()


def _settle(state: _Batch) -> None:
    """The rules hear what they have not heard, until they announce nothing more."""
    delivering, state.delivering = state.delivering, True
    try:
        while state.rules:
            events, state.rules = state.rules, []
            _send(RULES, events)
            state.views += events
    finally:
        state.delivering = delivering


def _deliver(state: _Batch) -> None:
    """The rules hear first; then the views hear everything, once."""
    _settle(state)
    delivering, state.delivering = state.delivering, True
    try:
        while state.views:
            events, state.views = state.views, []
            _send(VIEWS, events)
            _settle(state)
    finally:
        state.delivering = delivering


def _send(stage: int, events: list[Event]) -> None:
    for name, listener in list(_listeners.items()):
        if listener.stage == stage:
            mine = [e for e in events if isinstance(e, listener.kinds)]
            if mine:
                try:
                    listener.handler(mine)
                except Exception:
                    logger.exception(
                        "listener %s failed on %d event(s), the first %r", name, len(mine), mine[0]
                    )
                    raise
