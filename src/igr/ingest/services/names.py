"""Name folding: the one place that decides when two spellings name the same person, post or forum.

Why fold rather than compare: documents write "the Rt Hon. Suella Braverman KC MP", "Suella Braverman" and
"Llŷr Gruffydd" / "Llyr Gruffydd"; the register keeps one person, so matching ignores honorifics,
post-nominals, diacritics, case, punctuation and middle initials.
"""

from __future__ import annotations

import re
import unicodedata

HONORIFICS = {
    "the",
    "rt",
    "hon",
    "right",
    "honourable",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "prof",
    "professor",
    "cllr",
}
POST_NOMINALS = {"mp", "ms", "as", "msp", "mla", "kc", "qc", "obe", "cbe", "mbe", "frse", "td", "pc"}


def fold(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def person_key(name: str | None) -> str:
    """The folded form used to match people: no honorifics, post-nominals or single-letter initials."""
    words = fold(name).split()
    while words and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in POST_NOMINALS:
        words.pop()
    return " ".join(w for w in words if len(w) > 1 or len(words) <= 1)


def clean_person_name(name: str) -> str:
    """The name as stored: the written name without honorifics and post-nominals, spacing tidied."""
    words = name.replace("\u00a0", " ").split()
    while words and fold(words[0]) in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and fold(words[-1]) in POST_NOMINALS:
        words.pop()
    return " ".join(words).strip(" ,")
