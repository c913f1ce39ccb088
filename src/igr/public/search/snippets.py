"""Snippets: a short window of the record's own text around the first word that matched, with matches marked.

Cut in Python from the stored text, so both engines give the same snippet for the same record.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .normalise import radicals, words

RAW_WORD = re.compile(r"\w+")


def _matches(token: str, forms: set[str]) -> bool:
    return any(radicals(word) & forms for word in words(token))


def snippet(text: str, groups: list[list[str]], before: int = 8, length: int = 30) -> SafeString:
    """HTML-escaped text around the first match, each matching word in <mark>; empty when nothing matches."""
    forms = {form for group in groups for form in group}
    tokens = list(RAW_WORD.finditer(text))
    first = next((i for i, t in enumerate(tokens) if _matches(t.group(), forms)), None)
    if first is None:
        return mark_safe("")
    start_index = max(0, first - before)
    end_index = min(len(tokens), start_index + length)
    start = tokens[start_index].start() if start_index else 0
    end = tokens[end_index - 1].end() if end_index < len(tokens) else len(text)  # the whole tail when it fits
    pieces = ["… " if start_index else ""]
    cursor = start
    for token in tokens[start_index:end_index]:
        pieces.append(escape(text[cursor : token.start()]))
        word = escape(token.group())
        pieces.append(f"<mark>{word}</mark>" if _matches(token.group(), forms) else word)
        cursor = token.end()
    pieces.append(escape(text[cursor:end]))
    pieces.append(" …" if end_index < len(tokens) else "")
    return mark_safe("".join(pieces))
