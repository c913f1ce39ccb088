"""The source text around a span, with the span marked: what a reviewer reads before deciding.

Why build the HTML here: the text is untrusted (it came from a published document or an upload), so every
piece is escaped and only the ``<mark>`` element is ours.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONTEXT = 700


def excerpt(text: str, start: int | None, end: int | None, context: int = CONTEXT) -> SafeString:
    """Escaped text with ``<mark>`` around the span, trimmed to ``context`` characters either side."""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return mark_safe(escape(text[: context * 2]) + ("…" if len(text) > context * 2 else ""))
    lo, hi = max(0, start - context), min(len(text), end + context)
    return mark_safe(
        ("…" if lo else "")
        + escape(text[lo:start])
        + "<mark>"
        + escape(text[start:end])
        + "</mark>"
        + escape(text[end:hi])
        + ("…" if hi < len(text) else "")
    )
