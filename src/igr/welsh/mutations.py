"""Initial consonant mutations, both ways.

Forward (radical to mutated) for writing ("ail gyfarfod", "a Chymru"); backward (mutated to every radical it
could come from) for reading and searching ("Lywodraeth" is "Llywodraeth", "Nghaerdydd" is "Caerdydd").
"""

from __future__ import annotations

import re
from functools import lru_cache

VOWELS = "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü"

SOFT = {"c": "g", "p": "b", "t": "d", "g": "", "b": "f", "d": "dd", "m": "f", "ll": "l", "rh": "r"}
NASAL = {"c": "ngh", "p": "mh", "t": "nh", "g": "ng", "b": "m", "d": "n"}
ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}

# (mutated prefix, radical prefixes), longer prefixes first; a prefix that is itself a radical consonant
# ("ll", "rh", "ff") is never read as a mutation.
DEMUTATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ngh", ("c",)),
    ("ng", ("g",)),
    ("mh", ("p",)),
    ("nh", ("t",)),
    ("ch", ("c",)),
    ("ph", ("p",)),
    ("th", ("t",)),
    ("dd", ("d",)),
    ("ff", ()),
    ("ll", ()),
    ("rh", ()),
    ("f", ("b", "m")),
    ("g", ("c",)),
    ("b", ("p",)),
    ("d", ("t",)),
    ("l", ("ll",)),
    ("r", ("rh",)),
    ("m", ("b",)),
    ("n", ("d",)),
)


def _match_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement


def _head(word: str) -> str:
    lower = word.lower()
    return lower[:2] if lower[:2] in ("ll", "rh", "ch", "ph", "th", "dd", "ff", "ng") else lower[:1]


def soft_mutation(word: str) -> str:
    """'cyfarfod' → 'gyfarfod', 'Llywodraeth' → 'Lywodraeth', 'grŵp' → 'rŵp'."""
    head = _head(word)
    if head in SOFT:
        to = SOFT[head]
        rest = word[len(head) :]
        return _match_case(word, to) + rest if to else _match_case(word, rest[:1]) + rest[1:]
    return word


def nasal_mutation(word: str) -> str:
    """'Caerdydd' → 'Nghaerdydd', 'Gorffennaf' → 'Ngorffennaf', 'Tachwedd' → 'Nhachwedd'."""
    head = _head(word)
    return _match_case(word, NASAL[head]) + word[1:] if head in NASAL else word


def aspirate_mutation(word: str) -> str:
    """'Cymru' → 'Chymru' (after 'a', 'â', 'tua'); no change to words already aspirated."""
    head = _head(word)
    return _match_case(word, ASPIRATE[head]) + word[1:] if head in ASPIRATE else word


def mutated_forms(word: str) -> list[str]:
    """The word and every mutated form a Welsh text may write it in, h-prothesis included, without repeats."""
    forms = [word, soft_mutation(word), nasal_mutation(word), aspirate_mutation(word)]
    if word[:1].lower() in VOWELS:
        forms.append(_match_case(word, "h") + word[:1].lower() + word[1:])
    return list(dict.fromkeys(f for f in forms if f))


@lru_cache(maxsize=4096)
def word_pattern(word: str) -> str:
    """A regex matching the whole of ``word`` under any mutation, in any case."""
    alts = sorted({f.lower() for f in mutated_forms(word)}, key=len, reverse=True)
    return r"\b(?i:" + "|".join(re.escape(a) for a in alts) + ")"


@lru_cache(maxsize=100_000)
def radical_set(word: str) -> frozenset[str]:
    """Cached, immutable ``radicals``: the search indexer calls it for every word of every document."""
    forms = {word}
    if len(word) < 3 or not word[0].isalpha():
        return frozenset(forms)
    for prefix, roots in DEMUTATIONS:
        if word.startswith(prefix):
            forms.update(root + word[len(prefix) :] for root in roots)
            break
    if word[0] in VOWELS or (word[0] in "lr" and word[:2] not in ("ll", "rh")):
        forms.add("g" + word)  # soft mutation drops g: rŵp → grŵp, wlad → gwlad
    if word[0] == "h" and word[1] in VOWELS:
        forms.add(word[1:])  # h-prothesis: ei henw → enw
    return frozenset(forms)


def radicals(word: str) -> set[str]:
    """A lower-case word and every form it could be a mutation of (including a dropped initial g or h)."""
    return set(radical_set(word))


# After "yn" (in) a place name takes the nasal mutation: "yng Nghaerdydd", "ym Mhontypridd", "yn Nhyddewi". Where
# the mutated letters could only come from one radical they are restored; "yn N…" and "ym M…" (Dulyn or Newport,
# Bangor or Machynlleth) stay as written.
_AFTER_YN = {"yng": (("ngh", "c"), ("ng", "g")), "ym": (("mh", "p"),), "yn": (("nh", "t"),)}


def place_after_yn(preposition: str, word: str) -> str:
    """The radical of a place name written after "yn"/"yng"/"ym", where the mutation is unambiguous."""
    for mutated, radical in _AFTER_YN.get(preposition.lower(), ()):
        if word.lower().startswith(mutated) and len(word) > len(mutated):
            return _match_case(word, radical) + word[len(mutated) :]
    return word
