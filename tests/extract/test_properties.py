"""Property tests: random bytes never escape a reader untyped; mutated text never breaks the extractor."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igr.extract import extract_text
from igr.extract.errors import ExtractionError
from igr.extract.readers import read_bytes
from tests.extract.conftest import LETTER, STATEMENT

PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<!DOCTYPE html><html lang='cy'>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=2048),
    name=st.sampled_from(["a.txt", "a.pdf", "a.docx", "a.html"]),
)
def test_random_bytes_raise_only_typed_errors(prefix, body, name):
    try:
        doc = read_bytes(prefix + body, name)
    except ExtractionError as exc:
        assert exc.message_en and exc.message_cy
    else:
        assert isinstance(doc.text, str) and doc.text.strip()


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_mutated_text_still_gives_records(data):
    text = data.draw(st.sampled_from([LETTER, STATEMENT]))
    for _ in range(data.draw(st.integers(0, 6))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 40)))
        text = text[:i] + data.draw(st.text(max_size=20)) + text[j:]
    records = extract_text(text)
    assert records and all("meetings" in r and "provenance" in r for r in records)
