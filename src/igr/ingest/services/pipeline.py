"""The pipeline: read → extract (outside any transaction) → validate → import (short transactions), counts per run.

Why one transaction per document: a failure half-way through a document must leave none of its rows, yet the
rest of a batch should still go in; the run's report says what was new, unchanged, revised or failed, and
which meetings were inserted, updated or left unchanged (openstates' insert / update / noop habit).
Why read and extract first: a long document takes seconds to minutes to extract, and no transaction (on SQLite,
the one write lock everybody shares) may be held meanwhile. Writing takes the content hash's lock and looks
again, so that two runs of the same bytes at once add them once.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from igr.extract import ExtractionError, Limits, extract_document, read_bytes
from igr.ingest.models import IngestRun
from igr.register import events
from igr.register.models import Body, Document, DocumentVersion, Government, Meeting, meeting_reference

from .attendance import import_attendees
from .context import Ctx, Hook
from .documents import link, make_version
from .limits import time_limit
from .meetings import import_meeting, meeting_provenance, merge, resolve_day_month
from .pairing import Pair, find_counterpart, flag_disagreements
from .people import resolve_person
from .registry import Registry
from .runs import beat, worker_id
from .sources import Source, content_kind, expand, from_path
from .staging import Stage
from .validate import MeetingIn, RecordIn, validate_record

logger = logging.getLogger(__name__)
CHUNK = 200  # documents whose content hashes are looked up in one query
GROUP = 50  # documents committed in one transaction (each in a savepoint), their obligations synced together


def known_hashes(hashes: list[str]) -> dict[str, set[int]]:
    """The documents already holding each of these content hashes."""
    found: dict[str, set[int]] = {}
    for h, doc in DocumentVersion.objects.filter(content_hash__in=set(hashes)).values_list("content_hash", "document_id"):
        found.setdefault(h, set()).add(doc)
    return found


def claim_hash(content_hash: str) -> set[int]:
    """Inside a write transaction: wait for any other run writing the same bytes, then the documents holding them.

    PostgreSQL: an advisory lock on the hash, held to the end of the transaction. SQLite: the transaction took the
    database's write lock when it began (IMMEDIATE), so what it reads now cannot change before it commits."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(content_hash[:15], 16)])
    return known_hashes([content_hash]).get(content_hash, set())


@dataclass
class Prepared:
    """A document read and extracted, not yet written."""

    source: Source
    kind: str
    text: str
    raw: list[dict[str, Any]]


@dataclass
class Failure:
    name: str
    message_en: str
    message_cy: str
    detail: str = ""


@dataclass
class RunReport:
    documents: Counter = field(default_factory=Counter)
    meeting_status: dict[int, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)  # {"name", "en", "cy"}: read, but check
    review_items: int = 0
    run: IngestRun | None = None

    @property
    def meetings(self) -> Counter:
        return Counter({k: 0 for k in ("inserted", "updated", "unchanged")}) + Counter(self.meeting_status.values())

    def as_dict(self) -> dict[str, Any]:
        docs = {k: self.documents.get(k, 0) for k in ("new", "unchanged", "revised", "failed")}
        meetings = {k: self.meetings.get(k, 0) for k in ("inserted", "updated", "unchanged")}
        return {"documents": docs, "meetings": meetings, "review_items": self.review_items, "skipped": self.skipped,
                "failures": [f.__dict__ for f in self.failures], "warnings": self.warnings}


class Pipeline:
    """One run. ``hook(step, obj)`` is called between writes ("document", "meeting", "attendance")."""

    def __init__(self, *, user: Any = None, origin: str = IngestRun.Origin.API, hook: Hook | None = None,
                 max_bytes: int | None = None, defer: bool = True, run: IngestRun | None = None) -> None:
        self.user, self.origin, self.hook = user if getattr(user, "pk", None) else None, origin, hook
        self.defer = defer  # False: other apps react to every save as it happens (what deferral must reproduce)
        self.max_bytes = max_bytes or settings.IGR_MAX_UPLOAD_BYTES
        self.seconds = settings.IGR_INGEST_DOCUMENT_SECONDS
        self.report = RunReport(run=run)  # a queued run the worker claimed; else made when the first document comes
        self._registry: Registry | None = None
        self._known: dict[str, set[int]] | None = None  # content hash -> documents, while a batch runs
        self._stage: Stage | None = None  # files written and not yet committed (the run's staging folder)
        self._in_group = False  # a group's transaction is open: its files are published when it commits
        self._processed = 0
        self._last_beat = 0.0

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            if not Government.objects.exists():
                from igr.register.services.reference import load_reference

                load_reference()
            self._registry = Registry()
        return self._registry

    def begin(self, total: int = 0) -> IngestRun:
        """The run's row, made now (outside any transaction) if not yet: its progress and sign of life go there."""
        run = self.report.run
        if run is None:
            run = self.report.run = IngestRun.objects.create(
                origin=self.origin, user=self.user, total=total, worker=worker_id(), heartbeat_at=timezone.now())
        elif total and run.total != total:
            run.total = total
            IngestRun.objects.filter(pk=run.pk).update(total=total)
        return run

    @property
    def stage(self) -> Stage:
        if self._stage is None:
            self._stage = Stage(self.begin().pk)
        return self._stage

    def _beat(self, force: bool = False) -> None:
        """A sign of life and the progress, every few seconds, between documents (never inside a transaction)."""
        import time

        if self.report.run is not None and (force or time.monotonic() - self._last_beat >= 2):
            beat(self.report.run, self._processed)
            self._last_beat = time.monotonic()

    def run_paths(self, paths: Iterable[str | Path], progress: Callable[[str], None] | None = None) -> RunReport:
        files = expand(list(paths))
        if files:
            self.begin(len(files))
        for start in range(0, len(files), CHUNK):
            sources: list[Source] = []
            for path in files[start:start + CHUNK]:
                try:
                    sources.append(from_path(path, self.max_bytes))
                except ExtractionError as exc:
                    self._fail(path.name, exc)
                    self._processed += 1
                    if progress:
                        progress(path.name)
            self.ingest_many(sources, progress=(lambda s: progress(s.name)) if progress else None)
        return self.finish()

    def ingest_many(self, sources: list[Source], progress: Callable[[Source], None] | None = None) -> list[str]:
        """Ingest a batch: stored content hashes read once per chunk, each group of documents read and extracted
        (no transaction open), then written in one transaction, and the search index and tallies brought up to
        date once, at the end (``events.batch(atomic=False)``)."""
        outcomes: list[str] = []
        if sources:
            self.begin()
        with events.batch(atomic=False) if self.defer else nullcontext():
            for start in range(0, len(sources), CHUNK):
                chunk = sources[start:start + CHUNK]
                self._known = known_hashes([s.content_hash for s in chunk])
                try:
                    for at in range(0, len(chunk), GROUP):
                        group = chunk[at:at + GROUP]
                        prepared: list[Prepared | str] = []
                        for source in group:
                            self._beat()
                            prepared.append(self.prepare(source))
                        outcomes += self._write_group(prepared)
                        self._processed += len(group)
                        self._beat(force=True)
                        if progress:
                            for source in group:
                                progress(source)
                finally:
                    self._known = None
        return outcomes

    def _write_group(self, group: list[Prepared | str]) -> list[str]:
        """Documents committed together, each in its own savepoint; other apps hear of the group once, at its end.

        The group is one ``events.batch()``: the obligations engine follows its documents together, at its end,
        inside its transaction (the public views wait for the whole run). A failure inside a document rolls back
        its savepoint (that document only, and what it announced). Should the engine fail at the end, the whole
        group is rolled back and ingested again one transaction per document, so that the document at fault fails
        alone.
        """
        todo = [p for p in group if isinstance(p, Prepared)]
        if not self.defer or len(todo) < 2:
            return [self.write(p) for p in group]
        state, mark = self._state(), self.stage.mark()
        self._in_group = True
        try:
            with events.batch():
                outcomes = [self.write(p) for p in group]
        except Exception:
            logger.exception("ingest run %s: a group of %d documents (%s … %s) was rolled back; ingesting them one at a time",
                             self._run_id(), len(todo), todo[0].source.name, todo[-1].source.name)
            self.stage.discard(mark)
            self._restore(state)
        else:
            self.stage.publish()
            return outcomes
        finally:
            self._in_group = False
        return [self.write(p) for p in group]

    def _state(self) -> tuple:
        r = self.report
        return (Counter(r.documents), dict(r.meeting_status), len(r.skipped), len(r.failures), r.review_items, r.run,
                {h: set(d) for h, d in (self._known or {}).items()})

    def _restore(self, state: tuple) -> None:
        r = self.report
        r.documents, r.meeting_status, skipped, failures, r.review_items, r.run, known = state
        del r.skipped[skipped:], r.failures[failures:]
        if self._known is not None:
            self._known = known
        self._registry = None  # rows it created in memory are gone from the database

    def finish(self) -> RunReport:
        """The run's report and status. A run that added nothing leaves no row (an upload's, the official's
        record of it, always stays)."""
        run, report = self.report.run, self.report.as_dict()
        if run is None:
            return self.report
        docs = report["documents"]
        if run.origin != IngestRun.Origin.UPLOAD and not (docs["new"] or docs["revised"] or self.report.review_items):
            run.delete()
            self.report.run = None
            return self.report
        run.finished_at, run.report, run.processed = timezone.now(), report, max(self._processed, run.processed)
        run.status = IngestRun.Status.DONE
        if run.origin == IngestRun.Origin.UPLOAD and self.report.failures and not (docs["new"] or docs["revised"]):
            first = self.report.failures[0]
            run.status, run.error_en, run.error_cy = IngestRun.Status.FAILED, first.message_en, first.message_cy
        run.save(update_fields=["finished_at", "report", "processed", "status", "error_en", "error_cy"])
        return self.report

    def _run_id(self) -> str:
        return str(self.report.run.pk) if self.report.run else "(not yet recorded)"

    def _fail(self, name: str, exc: ExtractionError | Exception, meetings: list[str] | None = None) -> None:
        """Count and report a document that failed, and log it with its run and the meetings it reported."""
        self.report.documents["failed"] += 1
        about = f" (reporting {', '.join(meetings)})" if meetings else ""
        if isinstance(exc, ExtractionError):
            logger.warning("ingest run %s: %s failed%s: %s%s", self._run_id(), name, about, exc.message_en,
                           f" ({exc.detail})" if exc.detail else "")
            self.report.failures.append(Failure(name, exc.message_en, exc.message_cy, exc.detail))
        else:
            logger.error("ingest run %s: %s failed%s and was rolled back: %s: %s", self._run_id(), name, about,
                         type(exc).__name__, exc, exc_info=exc)
            self.report.failures.append(Failure(
                name, "The document could not be added to the register; nothing from it was kept.",
                "Nid oedd modd ychwanegu'r ddogfen at y gofrestr; ni chadwyd dim ohoni.", f"{type(exc).__name__}: {exc}"))

    def ingest(self, source: Source) -> str:
        """Ingest one file's bytes: 'unchanged', 'new', 'revised' or 'failed'."""
        outcome = self.write(self.prepare(source))
        self._processed += 1
        return outcome

    def _unchanged(self, same: set[int]) -> str:
        self.report.documents["unchanged"] += len(same)
        for pk in Meeting.objects.filter(documents__in=same).values_list("pk", flat=True).distinct():
            self._touch(pk, "unchanged")
        return "unchanged"

    def prepare(self, source: Source) -> Prepared | str:
        """Read and extract one file, within the time allowed for one document: no transaction is open meanwhile.
        'unchanged' for bytes already stored, 'failed' (reported) for a file that cannot be read."""
        if self._known is not None:
            same = self._known.get(source.content_hash, set())
        else:
            same = known_hashes([source.content_hash]).get(source.content_hash, set())
        if same:
            return self._unchanged(same)
        self.begin()
        try:
            with time_limit(self.seconds):
                doc = read_bytes(source.data, source.name, Limits(max_bytes=self.max_bytes))
                raw = extract_document(doc, source.name, published=source.published)
            self.report.warnings += [{"name": source.name, **w} for w in doc.warnings]
            for warning in doc.warnings:
                logger.warning("ingest run %s: %s was read, but: %s", self._run_id(), source.name, warning["en"])
        except Exception as exc:  # a reader's typed error, the time limit, or a fault in extraction: that file fails
            self._fail(source.name, exc)
            return "failed"
        return Prepared(source, content_kind(source.data) or doc.kind, doc.text, raw)

    def write(self, prepared: Prepared | str) -> str:
        """Write a prepared document into the register (or pass on what ``prepare`` already decided)."""
        if isinstance(prepared, str):
            return prepared
        return self.ingest_records(prepared.source, prepared.kind, prepared.text, prepared.raw)

    def ingest_records(self, source: Source, kind: str, text: str, raw: list[dict[str, Any]]) -> str:
        """Validate and import records already extracted from ``text`` (the extractor's, or hand-made gold)."""
        records = [validate_record(r, text) for r in raw]
        mark = self.stage.mark()  # (the run's row is made here, before any transaction, if it was not yet)
        outcome = Counter()
        documents: set[int] = set()
        touched: list[tuple[int, str]] = []
        skipped: list[str] = []
        same: set[int] = set()
        try:
            # Other apps hear of the document once, inside its transaction (or its group's: see _write_group).
            with events.batch() if self.defer else transaction.atomic():
                same = claim_hash(source.content_hash)  # another run (or this batch) may have written it meanwhile
                for record in records if not same else []:
                    status, statuses, items, notes = self._import(source, kind, text, record, documents)
                    outcome[status] += 1
                    outcome["items"] += items
                    skipped += notes
                    touched += statuses.items()
        except Exception as exc:  # any failure inside one document rolls back that document only
            self.stage.discard(mark)
            self._registry = None  # rows it created in memory are gone from the database
            self._fail(source.name, exc, [reported(m) for record in records for m in record.meetings])
            return "failed"
        if same:
            return self._unchanged(same)
        if not self._in_group:
            self.stage.publish()
        for note in skipped:
            logger.info("ingest run %s: %s: %s", self._run_id(), source.name, note)
        self.report.skipped.extend(f"{source.name}: {s}" for s in skipped)  # counted once it has all gone in
        for pk, how in touched:
            self._touch(pk, how)
        if self._known is not None and documents:  # the same bytes later in this batch are unchanged
            self._known.setdefault(source.content_hash, set()).update(documents)
        self.report.review_items += outcome.pop("items", 0)
        self.report.documents.update(outcome)
        return "revised" if outcome.get("revised") else "new"

    def _touch(self, pk: int, how: str) -> None:
        order = {"unchanged": 0, "updated": 1, "inserted": 2}
        if pk not in self.report.meeting_status or order[how] > order[self.report.meeting_status[pk]]:
            self.report.meeting_status[pk] = how

    def _import(self, source: Source, kind: str, text: str, record: RecordIn,
                documents: set[int]) -> tuple[str, dict[int, str], int, list[str]]:
        reg = self.registry
        publisher = reg.government(record.publisher)
        pair: Pair | None = None

        def pairing() -> Document | None:
            nonlocal pair
            pair = find_counterpart(record, publisher, reg)
            return pair.document if pair else None

        document, version, status, _wrote = make_version(source, record, kind, text, publisher, pairing, self.stage)
        documents.add(document.pk)
        ctx = Ctx(reg, document, version, text, record.language, run=self.report.run, hook=self.hook)
        for field_name, key in (("kind", "doc_type"), ("date", "published_date"), ("publisher", "issuing_government")):
            if key in record.spans and getattr(document, field_name if field_name != "publisher" else "publisher_id"):
                ctx.note(document, field_name, record.spans[key])
        ctx.step("document", document)
        skipped = list(record.issues)
        linked = set(document.meetings.values_list("pk", flat=True)) if status != "new" else set()
        for i, m in enumerate(record.meetings):
            body = reg.body(m.body_key, m.body_name) or self._new_body(ctx, m)
            if body is not None and m.date is None and m.day_month:
                m.date, m.precision = resolve_day_month(body, *m.day_month), "day"
            if body is None or m.date is None:
                skipped.append(f"meeting {i + 1}: " + ("no forum named" if body is None else "no date given" if not m.day_month
                                                       else "no year given, and no meeting of the forum on that day"))
                continue
            target = pair.meeting_for(body, len(record.meetings)) if pair else None
            chairs = [a for a in m.attendees if a.name and a.is_chair]  # known before the meeting, to create it with
            chair = resolve_person(ctx, chairs[-1].name or "", chairs[-1].span) if chairs else None
            meeting, created = import_meeting(ctx, body, m, record.published, target, chair)
            if meeting.pk not in linked:
                link(document, meeting)
                linked.add(meeting.pk)
                ctx.touch(meeting.pk, "updated")
            ctx.step("meeting", meeting)
            chair = import_attendees(ctx, meeting, m.attendees, fresh=created)
            if chair and not created and merge(ctx, meeting, "chair_id", chair.pk, m.spans.get("chair"), meeting_provenance(meeting)):
                meeting.save(update_fields=["chair", "updated_at"])
                ctx.touch(meeting.pk, "updated")
            ctx.flush()
            ctx.step("attendance", meeting)
        if status != "new":  # a version joining, or revising, a document that may have one in the other language
            flag_disagreements(ctx, record)
        ctx.flush()
        return "new" if status == "paired" else status, ctx.meetings, ctx.items, skipped

    def _new_body(self, ctx: Ctx, m: MeetingIn) -> Body | None:
        """A forum the register does not know: proposed as a new body, with the text that names it as evidence."""
        if not m.body_name:
            return None
        reg = self.registry
        proposed = m.body_proposed_key or m.body_key
        key = proposed if proposed and proposed not in reg.bodies else reg.unique_slug(m.body_name, reg.bodies, 80)
        tier = m.body_tier if m.body_tier in Body.Tier.values else Body.Tier.BILATERAL
        welsh = m.body_name_cy or ""
        body = Body.objects.create(key=key, tier=tier, name_en=m.body_name, name_cy=welsh)
        reg.add_body(body)
        span = m.spans.get("body")
        ctx.note(body, "name_en", span)
        evidence = ctx.text[span.start:span.end] if span else ""
        ctx.flag("new_body", body, "name", span, value={"en": body.name_en, "cy": welsh, "evidence": evidence})
        return body


def reported(meeting: MeetingIn) -> str:
    """A meeting as a document reported it, for the log: its reference, as far as the document gave one."""
    body = meeting.body_key or meeting.body_name or "?"
    return meeting_reference(body, meeting.date, meeting.precision) if meeting.date else f"{body}/?"


def ingest_paths(paths: Iterable[str | Path], **kwargs: Any) -> RunReport:
    return Pipeline(**kwargs).run_paths(paths)
