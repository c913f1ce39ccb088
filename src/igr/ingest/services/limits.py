"""The time one document may take to be read and extracted, and the error when it takes longer.

Why a timer signal: extraction is pure Python over regular expressions, so an interval timer interrupts it
between two matches without a second process per document (which would cost more than most documents take).
It works in a process's main thread (the worker, ``igr ingest``); elsewhere no limit is set.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from igr.extract import ExtractionError


class TimeLimitError(ExtractionError):
    code = "time_limit"

    def __init__(self, seconds: float) -> None:
        whole = f"{seconds:g}"
        super().__init__(
            f"more than {whole} s",
            message_en=f"Reading this document took longer than {whole} seconds, the limit for one document, so it "
                       "was stopped and nothing from it was kept. Split it into smaller documents, or ask an "
                       "administrator to raise the limit (IGR_INGEST_DOCUMENT_SECONDS).",
            message_cy=f"Cymerodd darllen y ddogfen hon fwy na {whole} eiliad, y terfyn ar gyfer un ddogfen, felly "
                       "cafodd ei hatal ac ni chadwyd dim ohoni. Rhannwch hi'n ddogfennau llai, neu gofynnwch i "
                       "weinyddwr godi'r terfyn (IGR_INGEST_DOCUMENT_SECONDS).")


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitError`` inside the block once it has run for ``seconds`` (main thread only)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeLimitError(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
