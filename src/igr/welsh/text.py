"""Folding for comparison, and the small words that change with what follows: the article and "and"."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from igr.welsh.mutations import VOWELS, aspirate_mutation

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    word = unicodedata.normalize("NFC", word).lower().translate(APOSTROPHES)
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """NFC, lower case, no diacritics, one apostrophe: 'Grŵp’r' → "grwp'r" (so "grwp" finds "Grŵp").

    Folded word by word through a cache (documents repeat their words), with a fast path for plain ASCII.
    """
    if text.isascii():
        return text.lower().translate(APOSTROPHES)
    return " ".join(_fold_word(word) for word in text.split())


def _vowel_start(word: str) -> bool:
    first, second = word[:1].lower(), word[1:2].lower()
    return first in VOWELS and not (first == "w" and second and second not in VOWELS)


def with_article(name: str) -> str:
    """'y Grŵp Rhyngweinidogol …', 'yr Ysgrifennydd …', 'y Pwyllgor Cyllid' (from 'Y Pwyllgor Cyllid')."""
    if name.startswith(("Y ", "Yr ")):
        return name[0].lower() + name[1:]
    return f"yr {name}" if _vowel_start(name) or name[:1].lower() == "h" else f"y {name}"


def and_word(word: str) -> str:
    """'ac' before a vowel, 'a' otherwise."""
    return "ac" if _vowel_start(word) else "a"


def join(items: list[str], sep: str = ", ", mutate: bool = False) -> str:
    """'A, B a C'; 'ac' before a vowel; with ``mutate`` the last item takes the aspirate mutation after 'a'."""
    if len(items) <= 1:
        return "".join(items)
    last = aspirate_mutation(items[-1]) if mutate else items[-1]
    conj = and_word(last)
    if len(items) == 2:
        return f"{items[0]} {conj} {last}"
    joiner = f"; {conj} " if sep == "; " else f" {conj} "
    return sep.join(items[:-1]) + joiner + last
