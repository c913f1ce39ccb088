"""Named rules: every pattern the extractor reads the domain with, so that what fires where can be measured.

Why: a rule that fires in only one development document was probably written from that document's wording,
and will not carry over to documents the product has never seen. ``make eval`` records which rules fire in
which documents (``recording``), reports those seen in only one, and scores each publisher family with the
rules only that family fires switched off (``disabled``): the leave-one-family-out figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_FIRED: ContextVar[set[str] | None] = ContextVar("igr_extract_fired", default=None)
_DISABLED: ContextVar[frozenset[str]] = ContextVar("igr_extract_disabled", default=frozenset())
REGISTRY: dict[str, Rule] = {}


class Rule:
    """A compiled pattern with a name; matching records that it fired, and a disabled rule matches nothing."""

    __slots__ = ("_alts", "lang", "name", "needle", "rx")

    def __init__(
        self,
        name: str,
        pattern: str | re.Pattern[str],
        lang: str = "en",
        flags: int = 0,
        needle: str | None = None,
    ) -> None:
        self.name, self.lang = name, lang
        self.rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        # Words every match contains: a text without any of them is passed over without running the pattern.
        self.needle = re.compile(needle, re.I) if needle else None
        self._alts: list[re.Pattern[str]] | None = None

    def _on(self, text: str = "", pos: int = 0, endpos: int | None = None) -> bool:
        if self.needle is not None and not self.needle.search(
            text, pos, len(text) if endpos is None else endpos
        ):
            return False
        return self.name not in _DISABLED.get()

    @property
    def enabled(self) -> bool:
        """False inside ``disabled()``: a rule that gates something off must then let it through."""
        return self.name not in _DISABLED.get()

    def fired(self, m: re.Match[str] | None = None) -> None:
        seen = _FIRED.get()
        if seen is None:
            return
        seen.add(self.name)
        if m is not None and len(self.alternatives()) > 1:
            # Which top-level alternative matched: a phrase of a long alternation is a rule of its own. The
            # engine takes the first alternative that matches where the match starts, within the same bounds.
            for i, alt in enumerate(self.alternatives()):
                if alt.match(m.string, m.start(), m.endpos):
                    seen.add(f"{self.name}#{i}")
                    break

    def alternatives(self) -> list[re.Pattern[str]]:
        if self._alts is None:
            parts = split_alternatives(self.rx.pattern)
            try:
                self._alts = [re.compile(p, self.rx.flags) for p in parts] if len(parts) > 1 else []
            except re.error:
                self._alts = []
        return self._alts

    def alternative_text(self, i: int) -> str:
        return split_alternatives(self.rx.pattern)[i]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if not self._on(text, pos, endpos):
            return None
        m = self.rx.search(text, pos, len(text) if endpos is None else endpos)
        if m:
            self.fired(m)
        return m

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if not self._on(text, pos):
            return None
        m = self.rx.match(text, pos)
        if m:
            self.fired(m)
        return m

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if not self._on(text):
            return None
        m = self.rx.fullmatch(text)
        if m:
            self.fired(m)
        return m

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        if not self._on(text, pos, endpos):
            return
        for m in self.rx.finditer(text, pos, len(text) if endpos is None else endpos):
            self.fired(m)
            yield m

    def findall(self, text: str) -> list[str]:
        return [m.group(0) for m in self.finditer(text)]

    def sub(self, repl: str, text: str, count: int = 0) -> str:
        if not self._on(text):
            return text
        found = list(self.rx.finditer(text))[: count or None]
        for m in found:
            self.fired(m)
        return self.rx.sub(repl, text, count) if found else text

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    @property
    def groupindex(self):  # type: ignore[no-untyped-def]
        return self.rx.groupindex


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (the ``|`` outside any group or class)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def rule(
    name: str, pattern: str | re.Pattern[str], lang: str = "en", flags: int = 0, needle: str | None = None
) -> Rule:
    """Register a named rule (names are unique: two rules under one name would hide each other)."""
    if name in REGISTRY:
        raise ValueError(f"rule {name!r} is defined twice")
    REGISTRY[name] = r = Rule(name, pattern, lang, flags, needle)
    return r


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the names of the rules that fire inside the block (caches cleared, so nothing is skipped)."""
    seen: set[str] = set()
    token = _FIRED.set(seen)
    _clear_caches()
    try:
        yield seen
    finally:
        _FIRED.reset(token)


@contextmanager
def disabled(names: set[str] | frozenset[str]) -> Iterator[None]:
    """Switch rules off inside the block (and clear the caches that may hold what they found)."""
    token = _DISABLED.set(frozenset(names))
    _clear_caches()
    try:
        yield
    finally:
        _DISABLED.reset(token)
        _clear_caches()


def _clear_caches() -> None:
    from igr.extract import attendance, dates, forums, gazetteer, publishers

    publishers.stack.cache_clear()
    attendance.sentences.cache_clear()
    dates._find_dates.cache_clear()
    forums._find_forums.cache_clear()
    forums.resolve.cache_clear()
    gazetteer.gazetteer()._find_bodies.cache_clear()
