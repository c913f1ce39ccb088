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
            "weinyddwr godi'r terfyn (IGR_INGEST_DOCUMENT_SECONDS).",
        )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitError`` inside the block once it has run for ``seconds`` (main thread only).

    A signal's exception raised while Python runs a finaliser or a callback is printed and dropped, so the timer
    fires again every tenth of a second until the error gets out of the block; once the block is left, it is a
    no-op, and leaving never lets a late one escape."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    active = [True]

    def expire(signum, frame):
        if active[0]:
            signal.setitimer(signal.ITIMER_REAL, 0.1)
            raise TimeLimitError(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        while True:
            try:
                active[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except TimeLimitError:  # fired as the block was left: the block's own outcome stands
                continue
