"""Finding the spans that lie inside a window of the text, by position rather than by a scan of them all.

Why: several fields read a document sentence by sentence and want the dates or forums found in each
sentence; scanning every span for every sentence makes a long text's extraction grow with the square of its
length. The spans are indexed by start once; each window is then a binary search, and its spans come back in
the order of the list given, so results are exactly those of the scan.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


class SpanIndex(Sequence[S]):
    """Spans (anything with ``start`` and ``end``) looked up by window."""

    def __init__(self, spans: Sequence[S]) -> None:
        self._spans = list(spans)
        self._order = sorted(range(len(self._spans)), key=lambda i: self._spans[i].start)
        self._starts = [self._spans[i].start for i in self._order]
        ends = [self._spans[i].end for i in self._order]
        self._ends = ends if all(a <= b for a, b in zip(ends, ends[1:], strict=False)) else None

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, i):  # type: ignore[override]
        return self._spans[i]

    def __iter__(self):
        return iter(self._spans)

    def inside(self, lo: int, hi: int) -> list[S]:
        """The spans with ``lo <= start`` and ``end <= hi``, in the list's order."""
        picked = sorted(self._order[bisect_left(self._starts, lo) : bisect_right(self._starts, hi)])
        return [self._spans[i] for i in picked if self._spans[i].end <= hi]

    def overlapping(self, lo: int, hi: int) -> list[S]:
        """The spans with ``start < hi`` and ``lo < end``, in the list's order."""
        stop = bisect_left(self._starts, hi)
        if self._ends is None:  # nested or overlapping spans: their ends are not in order
            picked = sorted(i for i in self._order[:stop] if lo < self._spans[i].end)
        else:
            picked = sorted(self._order[bisect_right(self._ends, lo) : stop])
        return [self._spans[i] for i in picked]


class Taken:
    """Disjoint spans already claimed, kept in order, asked whether a new span is free of them all."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        """True when ``[a, b)`` overlaps none: ``b <= s or a >= e`` for every span taken."""
        i = bisect_left(self._starts, b)  # the spans starting before b; the last of them ends latest
        return i == 0 or self._ends[i - 1] <= a

    def add(self, a: int, b: int) -> None:
        i = bisect_left(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)
