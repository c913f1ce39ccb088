"""Where fetched documents go: the ingest pipeline, or (for ``--dry-run``) a look-up of what would happen.

Why the dry run asks the register instead of ingesting in a rolled-back transaction: a dry run must leave the
register, its stored files and other apps' queues exactly as they were, and still say new, revised or unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from igr.harvest.sources import Doc
from igr.ingest.services.sources import Fetch, Source
from igr.register.models import DocumentVersion

from .fetch import Response


@dataclass
class Stored:
    outcome: str  # new, revised, unchanged or failed
    version: DocumentVersion | None = None
    detail: str = ""


def as_source(doc: Doc, response: Response) -> Source:
    fetch = Fetch(
        fetched_at=response.fetched_at,
        fetched_from=response.final_url if response.final_url != doc.source_url else "",
        http_status=response.status,
        etag=response.etag,
        last_modified=response.last_modified,
    )
    return Source(
        doc.source_url[:200] or "harvested",
        doc.data,
        doc.source_url if len(doc.source_url) <= 500 else "",
        published=doc.published,
        fetch=fetch,
    )


def latest_version(content_hash: str) -> DocumentVersion | None:
    return DocumentVersion.objects.filter(content_hash=content_hash).order_by("-pk").first()


class IngestSink:
    """Hands documents to the ingest pipeline, one ingest run for the whole harvest."""

    def __init__(self) -> None:
        from igr.ingest.services.fetched import FetchedDocuments

        self.batch = FetchedDocuments()

    def store(self, docs: list[Doc], response: Response) -> list[Stored]:
        sources = [as_source(d, response) for d in docs]
        before = len(self.batch.failures())
        outcomes = self.batch.add(sources)
        failures = self.batch.failures()[before:]
        stored = []
        for source, outcome in zip(sources, outcomes, strict=True):
            detail = ""
            if outcome == "failed":
                f = next((f for f in failures if f.name == source.name), None)
                detail = f"{f.message_en} {f.detail}".strip() if f else ""
            stored.append(
                Stored(outcome, latest_version(source.content_hash) if outcome != "failed" else None, detail)
            )
        return stored

    def finish(self) -> None:
        self.batch.finish()


class DryRunSink:
    """Says what ingesting would do, from the register as it is; writes nothing."""

    def store(self, docs: list[Doc], response: Response) -> list[Stored]:
        stored = []
        for doc in docs:
            source = as_source(doc, response)
            version = latest_version(source.content_hash)
            if version is not None:
                stored.append(Stored("unchanged", version))
            elif source.source_url and DocumentVersion.objects.filter(source_url=source.source_url).exists():
                stored.append(Stored("revised"))
            else:
                stored.append(Stored("new"))
        return stored

    def finish(self) -> None:
        pass
