"""Finding spans by window and splitting combined files give exactly what the plain scans gave.

The scans are kept here as the reference: the indexed versions exist only to make long texts linear in time
(``benchmarks/extract_speed.py`` prints the 1 MiB and 4 MiB figures), never to change a result.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from igr.extract import publishers
from igr.extract.document import LETTERHEAD_LINE, split_documents
from igr.extract.spans import SpanIndex, Taken


@dataclass(frozen=True)
class S:
    start: int
    end: int


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: S(t[0], t[0] + t[1])), max_size=30
)
windows = st.tuples(st.integers(-5, 80), st.integers(-5, 80))


@given(spans, windows)
def test_inside_is_the_scan(items, window):
    lo, hi = window
    assert SpanIndex(items).inside(lo, hi) == [s for s in items if lo <= s.start and s.end <= hi]


@given(spans, windows)
def test_overlapping_is_the_scan(items, window):
    lo, hi = window
    assert SpanIndex(items).overlapping(lo, hi) == [s for s in items if s.start < hi and lo < s.end]


@given(st.lists(st.integers(0, 60)).map(lambda xs: [S(x, x + 1 + x % 5) for x in xs]))
def test_overlapping_on_disjoint_ordered_spans(candidates):
    disjoint: list[S] = []
    for s in sorted(candidates, key=lambda s: s.start):
        if not disjoint or s.start >= disjoint[-1].end:
            disjoint.append(s)
    index = SpanIndex(disjoint)
    for lo in range(-2, 70, 3):
        for hi in range(lo, 75, 4):
            assert index.overlapping(lo, hi) == [s for s in disjoint if s.start < hi and lo < s.end]


@given(st.lists(st.tuples(st.integers(0, 80), st.integers(1, 10)), max_size=40))
def test_taken_answers_as_the_scan(claims):
    taken, plain = Taken(), []
    for a, length in claims:
        b = a + length
        expected = all(b <= s or a >= e for s, e in plain)
        assert taken.free(a, b) == expected
        if expected:
            taken.add(a, b)
            plain.append((a, b))


def split_by_scan(text: str) -> list[tuple[int, str]]:
    """The original splitting, which rebuilt every line before each heading."""
    cuts = [0]
    heads = sorted(
        (m for r in publishers.generic().rules("statement_head") for m in r.finditer(text)),
        key=lambda m: m.start(),
    )
    for m in heads:
        if m.start() < 300 or len(text[cuts[-1] : m.start()].strip()) < 300:
            continue
        lines = text[: m.start()].split("\n")
        cut = m.start()
        while lines and LETTERHEAD_LINE.match(lines[-1]) and len("\n".join(lines)) > cuts[-1]:
            cut -= len(lines[-1]) + 1
            lines.pop()
        cuts.append(max(cut, cuts[-1] + 1))
    cuts.append(len(text))
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


PIECES = [
    "STATEMENT BY THE WELSH GOVERNMENT",
    "DATGANIAD GAN LYWODRAETH CYMRU",
    "Welsh Government",
    "Llywodraeth Cymru",
    "",
    "   ",
    "The Minister attended the meeting of the Council. " * 4,
    "x" * 120,
    "Written Statement: IMG",
]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_split_documents_is_the_scan(lines):
    text = "\n".join(lines)
    assert split_documents(text) == split_by_scan(text)
