"""The Welsh language, once for the whole project: mutations, calendar words, ordinals and folding.

Why one module: extraction reads Welsh documents, search matches Welsh words under mutation, reporting writes
Welsh sentences, and the register writes Welsh dates. Each needs the same grammar; kept here, a fix to a
mutation or a month name reaches all of them. Plain Python: it imports no Django.
"""

from __future__ import annotations

from igr.welsh.calendar import MONTHS, WEEKDAYS, month_number, month_pattern, weekday_number, weekday_pattern
from igr.welsh.mutations import (
    aspirate_mutation,
    mutated_forms,
    nasal_mutation,
    place_after_yn,
    radicals,
    soft_mutation,
    word_pattern,
)
from igr.welsh.numbers import ORDINAL_WORDS, ordinal_noun, ordinal_value
from igr.welsh.text import and_word, fold, join, with_article

__all__ = [
    "MONTHS",
    "ORDINAL_WORDS",
    "WEEKDAYS",
    "and_word",
    "aspirate_mutation",
    "fold",
    "join",
    "month_number",
    "month_pattern",
    "mutated_forms",
    "nasal_mutation",
    "ordinal_noun",
    "ordinal_value",
    "place_after_yn",
    "radicals",
    "soft_mutation",
    "weekday_number",
    "weekday_pattern",
    "with_article",
    "word_pattern",
]
