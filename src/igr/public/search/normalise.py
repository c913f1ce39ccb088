"""Welsh-aware text normalisation, done in Python so that SQLite and PostgreSQL index exactly the same terms.

Neither engine has a Welsh stemmer, and both would miss a word under initial mutation ("Gymru" for "Cymru",
"Nhŷ" for "tŷ"). So every word is folded (NFC, lower case, no diacritics, one apostrophe, "'r"/"'n" split off)
and then indexed under its surface form *and* every radical form it could be a mutation of. A query word is
expanded the same way, so a search matches whenever the two share a possible radical.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
WORD = re.compile(r"[a-z0-9]+")
VOWELS = set("aeiouwy")

# (mutated prefix, radical prefixes): soft, nasal and aspirate mutations reversed.  Longer prefixes first, and
# a prefix that is itself a different radical consonant ("ll", "rh", "ff") is never read as a mutation.
DEMUTATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ngh", ("c",)),      # nasal: Nghymru → Cymru
    ("ng", ("g",)),       # nasal: ngwaith → gwaith
    ("mh", ("p",)),       # nasal: Mhontypridd → Pontypridd
    ("nh", ("t",)),       # nasal: nhŷ → tŷ
    ("ch", ("c",)),       # aspirate: chyfarfod → cyfarfod
    ("ph", ("p",)),       # aspirate: phwyllgor → pwyllgor
    ("th", ("t",)),       # aspirate: thymor → tymor
    ("dd", ("d",)),       # soft: ddatganiad → datganiad
    ("ff", ()),
    ("ll", ()),
    ("rh", ()),
    ("f", ("b", "m")),    # soft: fwrdd → bwrdd, Fehefin → Mehefin
    ("g", ("c",)),        # soft: Gymru → Cymru
    ("b", ("p",)),        # soft: bwyllgor → pwyllgor
    ("d", ("t",)),        # soft: dymor → tymor
    ("l", ("ll",)),       # soft: lywodraeth → llywodraeth
    ("r", ("rh",)),       # soft: raglen → rhaglen
    ("m", ("b",)),        # nasal: mwrdd → bwrdd
    ("n", ("d",)),        # nasal: niwrnod → diwrnod
)


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    word = unicodedata.normalize("NFC", word).lower().translate(APOSTROPHES)
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """NFC, lower case, diacritics removed, every apostrophe the same: 'Grŵp’r' → "grwp'r".

    Folded word by word through a cache (documents repeat their words), with a fast path for plain ASCII.
    """
    if text.isascii():
        return text.lower().translate(APOSTROPHES)
    return " ".join(_fold_word(word) for word in text.split())


def words(text: str) -> list[str]:
    """Folded words; an apostrophe splits "a'r" and "Nhŷ'r" so the article becomes its own word."""
    return WORD.findall(fold(text))


@lru_cache(maxsize=100_000)
def _radicals(word: str) -> frozenset[str]:
    forms = {word}
    if len(word) < 3 or not word[0].isalpha():
        return frozenset(forms)
    for prefix, roots in DEMUTATIONS:
        if word.startswith(prefix):
            forms.update(root + word[len(prefix):] for root in roots)
            break
    if word[0] in VOWELS or (word[0] in "lr" and word[:2] not in ("ll", "rh")):
        forms.add("g" + word)  # soft mutation drops g: rŵp → grŵp, wlad → gwlad
    if word[0] == "h" and word[1] in VOWELS:
        forms.add(word[1:])  # h-prothesis: ei henw → enw
    return frozenset(forms)


def radicals(word: str) -> set[str]:
    """The word itself and every form it could be a mutation of (including a dropped initial g or h)."""
    return set(_radicals(word))


def index_terms(text: str) -> str:
    """The space-separated terms stored in the search index for a text: surface and radical forms."""
    seen: dict[str, None] = {}
    for word in dict.fromkeys(words(text)):  # each distinct word once: the index needs no counts
        for form in sorted(_radicals(word)):
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
