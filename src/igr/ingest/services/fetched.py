"""The entry point for documents fetched from the web (the harvester): bytes with their address and metadata.

Why a small class here and not the harvester driving ``Pipeline``: the pipeline's batching is its own business;
a caller hands over fetched documents and reads back one outcome per document and the run's report.
"""

from __future__ import annotations

from igr.ingest.models import IngestRun

from .pipeline import Pipeline, RunReport
from .sources import Source


class FetchedDocuments:
    """One ingest run fed in steps: each ``add`` ingests its documents and says what became of each."""

    def __init__(self, origin: str = IngestRun.Origin.COMMAND) -> None:
        self._pipeline = Pipeline(origin=origin)

    def add(self, sources: list[Source]) -> list[str]:
        """'new', 'revised', 'unchanged' or 'failed' for each document, in order."""
        return self._pipeline.ingest_many(sources) if sources else []

    def failures(self) -> list:
        return list(self._pipeline.report.failures)

    def finish(self) -> RunReport:
        return self._pipeline.finish()
