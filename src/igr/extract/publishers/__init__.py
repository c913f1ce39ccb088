"""Publisher profiles: how each publisher lays out what it publishes, held as data (the ``*.toml`` files here).

Why data: where a page's body starts, which lines are furniture (navigation, share links, cookie banners,
"Is this page useful?", a parliament's speaker headers and column numbers), and where the date and the author
are depend on who published the page, not on the meeting it reports. A new publisher is a new file. A text
is matched to profiles by its source address, else by its own furniture; every profile falls back on the
generic one, which is all a text from an unknown publisher is read with.

Each pattern is a named rule (``publisher.<profile>.<field>.<n>``), so ``make eval`` sees which fire where.
``legislatures.toml`` is reference data: the UK's chambers and the government answerable to each.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import urlparse

from igr.extract.rules import Rule, rule

HERE = Path(__file__).parent
GENERIC = "generic"
# How much of a text's start and end its furniture is looked for in.
HEAD, TAIL = 3000, 1500
# Fields that describe a publisher's page (its signs, furniture, date line, byline, where the body ends) rather
# than how the domain writes: a corpus holding one page of a publisher shows its layout once. Every other field
# (a record's speakers, the chair's words, questions, who answers) reads the domain and is held to the same
# standard as the reading modules' rules.
LAYOUT_FIELDS = frozenset(
    {"recognise", "furniture", "body_end", "date", "doc_type", "statement_head", "byline"}
)


def is_layout(rule_name: str) -> bool:
    """Whether a rule's name (``publisher.<profile>.<field>.<n>[#alt]``) is a page-layout entry of a profile."""
    parts = rule_name.split("#")[0].split(".")
    return len(parts) >= 4 and parts[0] == "publisher" and parts[2] in LAYOUT_FIELDS


@dataclass(frozen=True)
class Profile:
    """One publisher: its addresses, the government it speaks for, and its patterns by field."""

    key: str
    name: str
    kind: str  # "government", "parliament" or "generic"
    government: str | None
    hosts: tuple[str, ...]
    patterns: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    doc_types: tuple[tuple[Rule, str], ...] = ()
    recognise_min: int = 1
    any_sign: re.Pattern[str] | None = None  # all its signs at once: most texts show none of a profile's

    def rules(self, name: str) -> tuple[Rule, ...]:
        return self.patterns.get(name, ())


def _load(path: Path) -> Profile:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    key = data["key"]
    patterns = {
        name: tuple(
            rule(f"publisher.{key}.{name}.{i}", pattern, flags=re.M) for i, pattern in enumerate(entries)
        )
        for name, entries in data.get("patterns", {}).items()
    }
    doc_types = tuple(
        (rule(f"publisher.{key}.doc_type.{i}", d["pattern"], flags=re.M), d["type"])
        for i, d in enumerate(data.get("doc_types", []))
    )
    signs = data.get("patterns", {}).get("recognise", [])
    any_sign = re.compile("|".join(f"(?:{s})" for s in signs), re.M) if signs else None
    return Profile(
        key,
        data["name"],
        data["kind"],
        data.get("government"),
        tuple(data.get("hosts", [])),
        patterns,
        doc_types,
        int(data.get("recognise_min", 1)),
        any_sign,
    )


@cache
def profiles() -> tuple[Profile, ...]:
    """Every profile, the generic one last."""
    loaded = [_load(p) for p in sorted(HERE.glob("*.toml")) if p.name != "legislatures.toml"]
    return tuple(sorted(loaded, key=lambda p: p.key == GENERIC))


@cache
def chambers() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = tomllib.loads((HERE / "legislatures.toml").read_text(encoding="utf-8"))
    return tuple((re.compile(c["pattern"]), c["government"]) for c in data["chamber"])


def generic() -> Profile:
    return profiles()[-1]


def by_address(url: str | None) -> Profile | None:
    """The profile whose host is the longest suffix (or, for a bare name, part) of the address's host."""
    host = (urlparse(url or "").hostname or "").lower()
    if not host:
        return None
    best: tuple[int, Profile] | None = None
    for p in profiles():
        for h in p.hosts:
            hit = host == h or host.endswith("." + h) or ("." not in h and h in host.split("."))
            if hit and (best is None or len(h) > best[0]):
                best = (len(h), p)
    return best[1] if best else None


def recognised(text: str) -> list[Profile]:
    """Profiles whose own furniture the text shows, the most shown first."""
    sample = text[:HEAD] + "\n" + text[-TAIL:] if len(text) > HEAD + TAIL else text
    scored = []
    for order, p in enumerate(profiles()[:-1]):
        if p.any_sign is None or not p.any_sign.search(sample):
            continue
        signs = sum(1 for r in p.rules("recognise") if r.search(sample))
        if signs >= p.recognise_min:
            scored.append((-signs, order, p))
    return [p for *_rank, p in sorted(scored, key=lambda t: (t[0], t[1]))]


@lru_cache(maxsize=64)
def stack(text: str, url: str | None = None) -> tuple[Profile, ...]:
    """The profiles a text is read with, most specific first, ending with the generic one."""
    first = by_address(url)
    found = [p for p in recognised(text) if p is not first]
    return tuple(([first] if first else []) + found + [generic()])


def rules(profiles_: tuple[Profile, ...], name: str) -> list[Rule]:
    return [r for p in profiles_ for r in p.rules(name)]


def blank_furniture(text: str, profiles_: tuple[Profile, ...]) -> str:
    """The text with its furniture lines blanked (replaced by spaces, so every offset stays the same)."""
    spans = [m.span() for r in rules(profiles_, "furniture") for m in r.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def first_match(
    text: str, profiles_: tuple[Profile, ...], name: str, endpos: int | None = None
) -> re.Match[str] | None:
    """The first (by profile, then by pattern) match of a field's patterns in the text."""
    for r in rules(profiles_, name):
        m = r.search(text, 0, endpos)
        if m:
            return m
    return None


def earliest(text: str, profiles_: tuple[Profile, ...], name: str, pos: int = 0) -> re.Match[str] | None:
    """The match of a field's patterns that starts first in the text."""
    found = [m for r in rules(profiles_, name) if (m := r.search(text, pos))]
    return min(found, key=lambda m: m.start()) if found else None


def chamber_government(text: str) -> str | None:
    """The government answerable to the chamber a record names first."""
    found = [(m.start(), gov) for rx, gov in chambers() if (m := rx.search(text))]
    return min(found)[1] if found else None


def doc_type_hint(text: str, profiles_: tuple[Profile, ...]) -> str | None:
    for p in profiles_:
        for r, kind in p.doc_types:
            if r.search(text):
                return kind
    return None
