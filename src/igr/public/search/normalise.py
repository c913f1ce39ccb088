"""Welsh-aware text normalisation, done in Python so that SQLite and PostgreSQL index exactly the same terms.

Neither engine has a Welsh stemmer, and both would miss a word under initial mutation ("Gymru" for "Cymru",
"Nhŷ" for "tŷ"). So every word is folded (NFC, lower case, no diacritics, one apostrophe, "'r"/"'n" split off)
and then indexed under its surface form *and* every radical form it could be a mutation of. A query word is
expanded the same way, so a search matches whenever the two share a possible radical.
"""

from __future__ import annotations

import re

from igr.welsh import fold, radicals  # noqa: F401  (fold is part of this module's interface)
from igr.welsh.mutations import radical_set

WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Folded words; an apostrophe splits "a'r" and "Nhŷ'r" so the article becomes its own word."""
    return WORD.findall(fold(text))


def index_terms(text: str) -> str:
    """The space-separated terms stored in the search index for a text: surface and radical forms."""
    seen: dict[str, None] = {}
    for word in dict.fromkeys(words(text)):  # each distinct word once: the index needs no counts
        for form in sorted(radical_set(word)):
            seen.setdefault(form, None)
    return " ".join(seen)


def query_groups(query: str, limit: int = 12) -> list[list[str]]:
    """A query as groups of alternatives: every group must match (AND), any form within it (OR)."""
    groups: list[list[str]] = []
    for word in words(query)[:limit]:
        group = sorted(radicals(word))
        if group not in groups:
            groups.append(group)
    return groups
