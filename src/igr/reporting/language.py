"""Small pieces of English and Welsh grammar the standard sentences need.

Welsh ordinals agree with the noun's gender (trydydd cyfarfod, trydedd sesiwn), "cyntaf" follows the noun,
"ail" softly mutates it (ail gyfarfod), and compound ordinals wrap the noun (unfed cyfarfod ar ddeg). The
article is "yr" before a vowel or h and "y" otherwise; "a" becomes "ac" before a vowel.
"""

from __future__ import annotations

import datetime as dt

from igr.register.dates import format_date, format_month

EN_ORDINALS = (
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth",
)
EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}
EN_TENS_ORDINAL = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth", 70: "seventieth", 80: "eightieth", 90: "ninetieth"}

# (masculine, feminine) for the units; the noun goes between a compound ordinal's two parts.
CY_UNITS = {
    1: ("unfed", "unfed"), 2: ("ail", "ail"), 3: ("trydydd", "trydedd"), 4: ("pedwerydd", "pedwaredd"),
    5: ("pumed", "pumed"), 6: ("chweched", "chweched"), 7: ("seithfed", "seithfed"), 8: ("wythfed", "wythfed"),
    9: ("nawfed", "nawfed"), 10: ("degfed", "degfed"),
}
CY_SIMPLE = {12: "deuddegfed", 15: "pymthegfed", 18: "deunawfed", 20: "ugeinfed", 40: "deugeinfed"}
SOFT = {"c": "g", "p": "b", "t": "d", "g": "", "b": "f", "d": "dd", "m": "f"}
SOFT_DIGRAPHS = {"ll": "l", "rh": "r"}
ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}
VOWELS = "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü"


def _match_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement


def soft_mutation(word: str) -> str:
    lower = word.lower()
    for digraph, to in SOFT_DIGRAPHS.items():
        if lower.startswith(digraph):
            return _match_case(word, to) + word[2:]
    if lower[:1] in SOFT:
        return _match_case(word, SOFT[lower[0]]) + word[1:] if SOFT[lower[0]] else _match_case(word, word[1:2]) + word[2:]
    return word


def aspirate_mutation(word: str) -> str:
    lower = word.lower()
    if lower[:1] in ASPIRATE and not lower.startswith(("ch", "ph", "th")):
        return _match_case(word, ASPIRATE[lower[0]]) + word[1:]
    return word


def ordinal_en(n: int) -> str:
    if n < 20:
        return EN_ORDINALS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return EN_TENS_ORDINAL[n] if unit == 0 else f"{EN_TENS[tens * 10]}-{EN_ORDINALS[unit]}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _cy_parts(n: int, feminine: bool) -> tuple[str, str] | None:
    """(before the noun, after the noun) for 2..40, or None when Welsh words are not used."""
    g = 1 if feminine else 0
    if n in CY_SIMPLE:
        return CY_SIMPLE[n], ""
    if n <= 10:
        return CY_UNITS[n][g], ""
    if n < 20:
        base, tail = (n - 10, "ar ddeg") if n < 15 else (n - 15, "ar bymtheg")
        return CY_UNITS[base][g], tail
    if n < 40:
        inner = _cy_parts(n - 20, feminine) if n - 20 > 1 else ("unfed", "")
        return inner[0], " ".join(x for x in (inner[1], "ar hugain") if x)
    return None


def ordinal_noun_cy(n: int, noun: str, feminine: bool = False) -> str:
    """'ail gyfarfod', 'cyfarfod cyntaf', 'trydydd cyfarfod ar ddeg', or 'cyfarfod rhif 41'."""
    if n == 1:
        return f"{noun} cyntaf"
    parts = _cy_parts(n, feminine)
    if parts is None:
        return f"{noun} rhif {n}"
    before, after = parts
    mutated = soft_mutation(noun) if before == "ail" or (feminine and before not in ("unfed",)) else noun
    return " ".join(x for x in (before, mutated, after) if x)


def with_article_cy(name: str) -> str:
    """'y Grŵp Rhyngweinidogol …', 'yr Ysgrifennydd …', 'y Pwyllgor Cyllid' (from 'Y Pwyllgor Cyllid')."""
    if name.startswith(("Y ", "Yr ")):
        return name[0].lower() + name[1:]
    first = name[:1].lower()
    second = name[1:2].lower()
    vowel_like = first in VOWELS and not (first == "w" and second and second not in VOWELS)
    return f"yr {name}" if vowel_like or first == "h" else f"y {name}"


def _and_cy(word: str) -> str:
    return "ac" if word[:1].lower() in VOWELS and not (word[:1].lower() == "w" and word[1:2].lower() not in VOWELS) else "a"


def join_en(items: list[str], sep: str = ", ") -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    last_sep = "; and " if sep == "; " else ", and " if any("," in i for i in items) else " and "
    return sep.join(items[:-1]) + last_sep + items[-1]


def join_cy(items: list[str], sep: str = ", ", mutate: bool = False) -> str:
    """Welsh lists: 'A, B a C'; 'ac' before a vowel; with ``mutate`` the last item takes the aspirate mutation."""
    if len(items) <= 1:
        return "".join(items)
    last = aspirate_mutation(items[-1]) if mutate else items[-1]
    conj = _and_cy(last)
    if len(items) == 2:
        return f"{items[0]} {conj} {last}"
    joiner = f"; {conj} " if sep == "; " else f" {conj} "
    return sep.join(items[:-1]) + joiner + last


def join(items: list[str], language: str, sep: str = ", ", mutate: bool = False) -> str:
    return join_cy(items, sep, mutate) if language == "cy" else join_en(items, sep)


def date_in_text(day: dt.date, language: str, relative_to: dt.date | None = None) -> str:
    """'11 July' when the year is that of the document, '11 July 2023' otherwise (likewise in Welsh)."""
    full = format_date(day, language)
    if relative_to and relative_to.year == day.year:
        return full.rsplit(" ", 1)[0]
    return full


def month_in_text(day: dt.date, language: str, relative_to: dt.date | None = None) -> str:
    """'in November' / 'ym mis Tachwedd' (with the year when it differs from the document's)."""
    month = format_month(day, language)
    if relative_to and relative_to.year == day.year:
        month = month.rsplit(" ", 1)[0]
    return f"ym mis {month}" if language == "cy" else f"in {month}"
