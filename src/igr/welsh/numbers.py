"""Welsh ordinals, written and read.

Ordinals agree with the noun's gender (trydydd cyfarfod, trydedd sesiwn); "cyntaf" follows the noun; "ail"
softly mutates it (ail gyfarfod); compounds wrap the noun (unfed cyfarfod ar bymtheg = 16th). Figures take
suffixes: 1af, 2il, 3ydd, 4ydd, 5ed, 7fed, 11eg, 21ain, 33ain.
"""

from __future__ import annotations

import re

from igr.welsh.mutations import soft_mutation

# (masculine, feminine) for the units; the noun goes between a compound ordinal's two parts.
UNITS = {
    1: ("unfed", "unfed"),
    2: ("ail", "ail"),
    3: ("trydydd", "trydedd"),
    4: ("pedwerydd", "pedwaredd"),
    5: ("pumed", "pumed"),
    6: ("chweched", "chweched"),
    7: ("seithfed", "seithfed"),
    8: ("wythfed", "wythfed"),
    9: ("nawfed", "nawfed"),
    10: ("degfed", "degfed"),
}
SIMPLE = {
    12: "deuddegfed",
    15: "pymthegfed",
    18: "deunawfed",
    20: "ugeinfed",
    40: "deugeinfed",
    50: "hanner canfed",
    60: "trigeinfed",
}
TAILS = {"ar ddeg": 10, "ar bymtheg": 15, "ar hugain": 20}

ORDINAL_WORDS: dict[str, int] = {"cyntaf": 1, "gyntaf": 1}
for _n, (_m, _f) in UNITS.items():
    ORDINAL_WORDS[_m] = ORDINAL_WORDS[_f] = _n
for _n, _w in SIMPLE.items():
    ORDINAL_WORDS[_w] = _n
ORDINAL_WORDS["nawfed"] = 9
ORDINAL_WORDS["naweg"] = 9
# Read under soft mutation too: an ordinal that is a verb's object mutates ("mynychais drydydd cyfarfod y
# Cyngor", "y bedwaredd sesiwn").
for _w, _n in list(ORDINAL_WORDS.items()):
    ORDINAL_WORDS.setdefault(soft_mutation(_w), _n)

_WORDS = "|".join(sorted((w for w in ORDINAL_WORDS if w not in ("cyntaf", "gyntaf")), key=len, reverse=True))
FIGURE = re.compile(r"\b(?P<n>\d{1,3})(?:af|il|ydd|edd|ed|fed|eg|ain|fed)\b", re.I)
# "ail gyfarfod", "unfed cyfarfod ar bymtheg", "33ain cyfarfod", "cyfarfod cyntaf".
ORDINAL_BEFORE = re.compile(
    rf"\b(?:(?P<w>{_WORDS})|(?P<n>\d{{1,3}})(?:af|il|ydd|edd|ed|fed|eg|ain))\s+(?P<noun>[\w'’]+)"
    rf"(?:\s+(?P<tail>ar\s+(?:ddeg|bymtheg|hugain)))?",
    re.I,
)
ORDINAL_AFTER = re.compile(r"\b(?P<noun>[\w'’]+)\s+(?:g?cyntaf)\b", re.I)


def ordinal_value(word: str | None, tail: str | None = None, figure: str | None = None) -> int | None:
    """The number an ordinal word (with its compound tail) or suffixed figure stands for."""
    if figure:
        return int(figure)
    if not word:
        return None
    value = ORDINAL_WORDS.get(word.lower())
    if value is None:
        return None
    if tail:
        value += TAILS.get(re.sub(r"\s+", " ", tail.lower()), 0)
    return value


def _parts(n: int, feminine: bool) -> tuple[str, str] | None:
    """(before the noun, after the noun) for 2..40, or None when Welsh words are not used."""
    g = 1 if feminine else 0
    if n in SIMPLE and n <= 40:
        return SIMPLE[n], ""
    if n <= 10:
        return UNITS[n][g], ""
    if n < 20:
        base, tail = (n - 10, "ar ddeg") if n < 15 else (n - 15, "ar bymtheg")
        return UNITS[base][g], tail
    if n < 40:
        inner = _parts(n - 20, feminine) if n - 20 > 1 else ("unfed", "")
        return inner[0], " ".join(x for x in (inner[1], "ar hugain") if x)
    return None


def ordinal_noun(n: int, noun: str, feminine: bool = False) -> str:
    """'ail gyfarfod', 'cyfarfod cyntaf', 'trydydd cyfarfod ar ddeg', or 'cyfarfod rhif 41'."""
    if n == 1:
        return f"{noun} cyntaf"
    parts = _parts(n, feminine)
    if parts is None:
        return f"{noun} rhif {n}"
    before, after = parts
    mutated = soft_mutation(noun) if before == "ail" or (feminine and before not in ("unfed",)) else noun
    return " ".join(x for x in (before, mutated, after) if x)


# Cardinals in the decimal system ("tri deg chwech" = 36), as in "uwchgynhadledd rhif tri deg chwech".
CARDINALS = {
    "un": 1,
    "dau": 2,
    "dwy": 2,
    "tri": 3,
    "tair": 3,
    "pedwar": 4,
    "pedair": 4,
    "pump": 5,
    "pum": 5,
    "chwech": 6,
    "chwe": 6,
    "saith": 7,
    "wyth": 8,
    "naw": 9,
    "deg": 10,
    "ddeg": 10,
    "cant": 100,
}
_CARD = "|".join(sorted(CARDINALS, key=len, reverse=True))
CARDINAL_RE = re.compile(rf"\b(?:{_CARD})(?:\s+(?:{_CARD}))*\b", re.I)


def cardinal_value(words: str) -> int | None:
    """'tri deg chwech' → 36, 'un deg pump' → 15, 'naw' → 9; None for anything else."""
    parts = [CARDINALS.get(w.lower()) for w in words.split()]
    if not parts or None in parts:
        return None
    total, current = 0, 0
    for i, value in enumerate(parts):
        if value == 10 and i > 0:
            current = (current or 1) * 10
        elif value == 100:
            total += (current or 1) * 100
            current = 0
        else:
            current += value  # type: ignore[operator]
    return total + current
