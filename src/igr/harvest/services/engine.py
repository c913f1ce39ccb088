"""One source's run: list, fetch what changed, ingest, remember; counts found / new / unchanged / revised / failed.

Why an item is remembered only once it went in whole (its own documents and every attachment or other-language
page): a run that fails part-way leaves no validators or listing stamp behind for what failed, so the next run
fetches it again in full; what went in is asked for conditionally and costs nothing. Nothing is lost, and the
register's own rule (the same bytes are never stored twice) means nothing is duplicated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from igr.harvest.models import Outcome, SeenAddress
from igr.harvest.sources import HarvestSource, Item, ListingError

from .errors import HarvestError
from .fetch import Fetcher
from .sink import DryRunSink, IngestSink, Stored

ORDER = {Outcome.UNCHANGED: 0, Outcome.NEW: 1, Outcome.REVISED: 2, Outcome.FAILED: 3}


@dataclass
class Report:
    source: str
    counts: Counter = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {k: self.counts.get(k, 0) for k in ("found", "new", "unchanged", "revised", "failed")}

    def error(self, url: str, exc: HarvestError) -> None:
        self.errors.append({"address": url[:1000], "code": exc.code, "detail": exc.detail[:1000]})


def worst(outcomes: list[str]) -> str:
    return max(outcomes, key=lambda o: ORDER[o]) if outcomes else Outcome.UNCHANGED


class Harvest:
    """Runs one source with one fetcher into one sink; ``now`` stamps what it records."""

    def __init__(
        self,
        source: HarvestSource,
        fetcher: Fetcher,
        sink: IngestSink | DryRunSink,
        now: Callable[[], dt.datetime],
        dry_run: bool = False,
    ) -> None:
        self.source, self.fetcher, self.sink, self.now, self.dry_run = source, fetcher, sink, now, dry_run
        self.report = Report(source.key)
        self._visited: set[str] = set()

    def run(self) -> Report:
        for entry in self.source.listing(self.fetcher):
            if isinstance(entry, ListingError):
                self.report.counts["failed"] += 1
                self.report.error(entry.url, entry.error)
                continue
            if entry.url in self._visited:
                continue  # listed twice (several queries, or a feed repeating itself)
            self.report.counts["found"] += 1
            self.report.counts[self.process(entry, None)] += 1
        return self.report

    def process(self, item: Item, parent: SeenAddress | None) -> str:
        self._visited.add(item.url)
        seen = SeenAddress.objects.filter(source=self.source.key, url=item.url[:1000]).first()
        whole = seen is not None and seen.complete
        if whole and item.marker and seen.marker == item.marker:
            return Outcome.UNCHANGED
        try:
            response = self.fetcher.get(item.url, *((seen.etag, seen.last_modified) if whole else ("", "")))
        except HarvestError as exc:
            return self._failed(item, seen, parent, exc)
        digest = hashlib.sha256(response.body).hexdigest()
        if whole and (response.not_modified or digest == seen.content_hash):
            self._unchanged(seen, item, response)
            return Outcome.UNCHANGED
        try:
            parsed = self.source.interpret(item, response)
        except HarvestError as exc:
            return self._failed(item, seen, parent, exc)
        stored = self.sink.store(parsed.documents, response)
        row = self._remember(item, seen, parent, response, digest, stored)
        outcomes = [s.outcome for s in stored]
        for child in parsed.children:
            if child.url not in self._visited:
                outcomes.append(self.process(child, row))
        outcome = worst(outcomes) if outcomes else Outcome.UNCHANGED
        failed_own = next((s for s in stored if s.outcome == Outcome.FAILED), None)
        if failed_own is not None:
            self._forget(row, HarvestError("ingest", failed_own.detail), item.url)
        elif outcome == Outcome.FAILED:
            self._forget(row, HarvestError("incomplete"), None)
        return outcome

    def _remember(
        self,
        item: Item,
        seen: SeenAddress | None,
        parent: SeenAddress | None,
        response,
        digest: str,
        stored: list[Stored],
    ) -> SeenAddress | None:
        """Validators, hash and stamp of an address whose own documents went in (children may still fail)."""
        if self.dry_run:
            return None
        now = self.now()
        version = next((s.version for s in stored if s.version is not None), None)
        values = {
            "marker": item.marker,
            "etag": response.etag[:300],
            "last_modified": response.last_modified[:100],
            "content_hash": digest,
            "http_status": response.status,
            "outcome": worst([s.outcome for s in stored]),
            "error_code": "",
            "error_detail": "",
            "document_version": version,
            "parent": parent,
            "checked_at": now,
            "changed_at": now,
        }
        if seen is None:
            return SeenAddress.objects.create(
                source=self.source.key, url=item.url[:1000], first_seen_at=now, **values
            )
        for name, value in values.items():
            setattr(seen, name, value)
        seen.save()
        return seen

    def _unchanged(self, seen: SeenAddress, item: Item, response) -> None:
        """Nothing to write unless the validators or the listing stamp moved on."""
        if self.dry_run:
            return
        changes = {"marker": item.marker or seen.marker}
        if not response.not_modified:
            changes.update(etag=response.etag[:300], last_modified=response.last_modified[:100])
        changes = {k: v for k, v in changes.items() if getattr(seen, k) != v}
        if changes:
            for name, value in changes.items():
                setattr(seen, name, value)
            seen.checked_at = self.now()
            seen.save(update_fields=[*changes, "checked_at"])

    def _failed(
        self, item: Item, seen: SeenAddress | None, parent: SeenAddress | None, exc: HarvestError
    ) -> str:
        self.report.error(item.url, exc)
        if not self.dry_run:
            now = self.now()
            if seen is None:
                seen = SeenAddress(
                    source=self.source.key,
                    url=item.url[:1000],
                    first_seen_at=now,
                    checked_at=now,
                    outcome=Outcome.FAILED,
                    parent=parent,
                )
            self._forget(seen, exc, None)
        return Outcome.FAILED

    def _forget(self, row: SeenAddress | None, exc: HarvestError, url: str | None) -> None:
        """Failed: no validators or stamp kept, so the next run fetches it whole again."""
        if url is not None:
            self.report.error(url, exc)
        if row is None:
            return
        row.outcome, row.error_code, row.error_detail = Outcome.FAILED, exc.code, exc.detail[:2000]
        row.marker = row.etag = row.last_modified = row.content_hash = ""
        row.checked_at = self.now()
        row.save()
