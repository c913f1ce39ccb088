"""What a run reports: documents new, unchanged, revised or failed (each failure in both languages), and the
meetings it inserted, updated or left unchanged (openstates' insert / update / noop habit)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from igr.ingest.models import IngestRun


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
        return Counter({k: 0 for k in ("inserted", "updated", "unchanged")}) + Counter(
            self.meeting_status.values()
        )

    def as_dict(self) -> dict[str, Any]:
        docs = {k: self.documents.get(k, 0) for k in ("new", "unchanged", "revised", "failed")}
        meetings = {k: self.meetings.get(k, 0) for k in ("inserted", "updated", "unchanged")}
        return {
            "documents": docs,
            "meetings": meetings,
            "review_items": self.review_items,
            "skipped": self.skipped,
            "failures": [f.__dict__ for f in self.failures],
            "warnings": self.warnings,
        }
