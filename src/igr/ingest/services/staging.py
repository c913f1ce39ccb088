"""A run's stored files wait in its own staging folder until the rows that name them are committed.

Why: when a run dies part-way (a worker killed, a server stopped), the database rolls its open transaction back,
but files already on disk stay. Written first under ``ingest-staging/run-N/`` and moved into place only after
the commit, whatever a dead run leaves is found by its number: the files its committed rows name are put in
place, the rest removed (``runs.clean_up``), and no other run's files are touched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from django.core.files.storage import default_storage

STAGING = "ingest-staging"


def staging_dir(run_id: int | str) -> Path:
    return Path(default_storage.path(STAGING)) / f"run-{run_id}"


def place(staged: Path, final_name: str) -> None:
    """Move a staged file to its final name (content-addressed: an existing file is the same bytes)."""
    final = Path(default_storage.path(final_name))
    if final.exists():
        staged.unlink(missing_ok=True)
        return
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, final)


class Stage:
    """The files one run has written and not yet published, in order, so that a rollback can drop its own."""

    def __init__(self, run_id: int | str) -> None:
        self.folder = staging_dir(run_id)
        self._pending: list[tuple[Path, str]] = []  # (staged path, final storage name)

    def holds(self, final_name: str) -> bool:
        return any(name == final_name for _, name in self._pending)

    def write(self, final_name: str, data: bytes) -> None:
        staged = self.folder / final_name
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(data)
        self._pending.append((staged, final_name))

    def mark(self) -> int:
        return len(self._pending)

    def discard(self, since: int = 0) -> None:
        """Remove the files written since ``mark()`` gave ``since``: their rows were rolled back."""
        for staged, _ in self._pending[since:]:
            staged.unlink(missing_ok=True)
        del self._pending[since:]

    def publish(self) -> None:
        """Move every pending file into place: the rows naming them are committed."""
        for staged, final_name in self._pending:
            place(staged, final_name)
        self._pending.clear()

    def remove(self) -> None:
        self.discard()
        shutil.rmtree(self.folder, ignore_errors=True)
