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
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from igr.extract import ExtractionError, Limits, extract_document, read_bytes
from igr.ingest.models import IngestRun
from igr.register import events, history
from igr.register.models import Government, Meeting

from .context import Hook
from .documents import claim_hash, known_hashes
from .limits import time_limit
from .records import import_record, reported
from .registry import Registry
from .report import Failure, RunReport
from .runs import beat, stop_if_asked, worker_id
from .sources import Source, content_kind, expand, from_path
from .staging import Stage
from .validate import validate_record

logger = logging.getLogger(__name__)
CHUNK = 200  # documents whose content hashes are looked up in one query
GROUP = 50  # documents committed in one transaction (each in a savepoint), their obligations synced together


@dataclass
class Prepared:
    """A document read and extracted, not yet written."""

    source: Source
    kind: str
    text: str
    raw: list[dict[str, Any]]


class Pipeline:
    """One run. ``hook(step, obj)`` is called between writes ("document", "meeting", "attendance")."""

    def __init__(
        self,
        *,
        user: Any = None,
        origin: str = IngestRun.Origin.API,
        hook: Hook | None = None,
        max_bytes: int | None = None,
        defer: bool = True,
        run: IngestRun | None = None,
    ) -> None:
        self.user, self.origin, self.hook = user if getattr(user, "pk", None) else None, origin, hook
        self.defer = (
            defer  # False: other apps react to every save as it happens (what deferral must reproduce)
        )
        self.max_bytes = max_bytes or settings.IGR_MAX_UPLOAD_BYTES
        self.seconds = settings.IGR_INGEST_DOCUMENT_SECONDS
        self.report = RunReport(
            run=run
        )  # a queued run the worker claimed; else made when the first document comes
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
                origin=self.origin,
                user=self.user,
                total=total,
                worker=worker_id(),
                heartbeat_at=timezone.now(),
            )
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
        if self.report.run is not None and (force or time.monotonic() - self._last_beat >= 2):
            beat(self.report.run, self._processed)
            self._last_beat = time.monotonic()

    def run_paths(
        self, paths: Iterable[str | Path], progress: Callable[[str], None] | None = None
    ) -> RunReport:
        files = expand(list(paths))
        if files:
            self.begin(len(files))
        for start in range(0, len(files), CHUNK):
            sources: list[Source] = []
            for path in files[start : start + CHUNK]:
                try:
                    sources.append(from_path(path, self.max_bytes))
                except ExtractionError as exc:
                    self._fail(path.name, exc)
                    self._processed += 1
                    if progress:
                        progress(path.name)
            self.ingest_many(sources, progress=(lambda s: progress(s.name)) if progress else None)
        return self.finish()

    def ingest_many(
        self, sources: list[Source], progress: Callable[[Source], None] | None = None
    ) -> list[str]:
        """Ingest a batch: stored content hashes read once per chunk, each group of documents read and extracted
        (no transaction open), then written in one transaction, and the search index and tallies brought up to
        date once, at the end (``events.batch(atomic=False)``)."""
        outcomes: list[str] = []
        if sources:
            self.begin()
        with self.acting(), events.batch(atomic=False) if self.defer else nullcontext():
            for start in range(0, len(sources), CHUNK):
                chunk = sources[start : start + CHUNK]
                self._known = known_hashes([s.content_hash for s in chunk])
                try:
                    for at in range(0, len(chunk), GROUP):
                        group = chunk[at : at + GROUP]
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
            with events.batch(), history.collecting():
                outcomes = [self.write(p) for p in group]
        except Exception as exc:
            stop_if_asked(exc)
            logger.exception(
                "ingest run %s: a group of %d documents (%s … %s) was rolled back; ingesting them one at a time",
                self._run_id(),
                len(todo),
                todo[0].source.name,
                todo[-1].source.name,
            )
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
        return (
            Counter(r.documents),
            dict(r.meeting_status),
            len(r.skipped),
            len(r.failures),
            r.review_items,
            r.run,
            {h: set(d) for h, d in (self._known or {}).items()},
        )

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
        if run.origin != IngestRun.Origin.UPLOAD and not (
            docs["new"] or docs["revised"] or self.report.review_items
        ):
            run.delete()
            self.report.run = None
            return self.report
        run.finished_at, run.report, run.processed = (
            timezone.now(),
            report,
            max(self._processed, run.processed),
        )
        run.status = IngestRun.Status.DONE
        if (
            run.origin == IngestRun.Origin.UPLOAD
            and self.report.failures
            and not (docs["new"] or docs["revised"])
        ):
            first = self.report.failures[0]
            run.status, run.error_en, run.error_cy = (
                IngestRun.Status.FAILED,
                first.message_en,
                first.message_cy,
            )
        run.save(update_fields=["finished_at", "report", "processed", "status", "error_en", "error_cy"])
        return self.report

    def _run_id(self) -> str:
        return str(self.report.run.pk) if self.report.run else "(not yet recorded)"

    def _fail(self, name: str, exc: ExtractionError | Exception, meetings: list[str] | None = None) -> None:
        """Count and report a document that failed, and log it with its run and the meetings it reported."""
        self.report.documents["failed"] += 1
        about = f" (reporting {', '.join(meetings)})" if meetings else ""
        if isinstance(exc, ExtractionError):
            logger.warning(
                "ingest run %s: %s failed%s: %s%s",
                self._run_id(),
                name,
                about,
                exc.message_en,
                f" ({exc.detail})" if exc.detail else "",
            )
            self.report.failures.append(Failure(name, exc.message_en, exc.message_cy, exc.detail))
        else:
            logger.error(
                "ingest run %s: %s failed%s and was rolled back: %s: %s",
                self._run_id(),
                name,
                about,
                type(exc).__name__,
                exc,
                exc_info=exc,
            )
            self.report.failures.append(
                Failure(
                    name,
                    "The document could not be added to the register; nothing from it was kept.",
                    "Nid oedd modd ychwanegu'r ddogfen at y gofrestr; ni chadwyd dim ohoni.",
                    f"{type(exc).__name__}: {exc}",
                )
            )

    def ingest(self, source: Source) -> str:
        """Ingest one file's bytes: 'unchanged', 'new', 'revised' or 'failed'."""
        self.begin()
        with self.acting():
            outcome = self.write(self.prepare(source))
        self._processed += 1
        return outcome

    def acting(self):
        """The register's changes are recorded in the audit trail as this run's, for the official it works for."""
        run = self.report.run
        return history.acting(self.user, via="ingest", run_id=run.pk if run else None)

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
                logger.warning(
                    "ingest run %s: %s was read, but: %s", self._run_id(), source.name, warning["en"]
                )
        except (
            Exception
        ) as exc:  # a reader's typed error, the time limit, a fault in extraction: that file fails
            stop_if_asked(exc)
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
            with (
                events.batch() if self.defer else transaction.atomic(),
                history.collecting() if self.defer else nullcontext(),
            ):
                same = claim_hash(
                    source.content_hash
                )  # another run (or this batch) may have written it meanwhile
                for record in records if not same else []:
                    status, statuses, items, notes = import_record(
                        self.registry,
                        source,
                        kind,
                        text,
                        record,
                        documents,
                        run=self.report.run,
                        hook=self.hook,
                        stage=self.stage,
                    )
                    outcome[status] += 1
                    outcome["items"] += items
                    skipped += notes
                    touched += statuses.items()
        except Exception as exc:  # any failure inside one document rolls back that document only
            self.stage.discard(mark)
            stop_if_asked(exc)
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


def ingest_paths(paths: Iterable[str | Path], **kwargs: Any) -> RunReport:
    return Pipeline(**kwargs).run_paths(paths)
