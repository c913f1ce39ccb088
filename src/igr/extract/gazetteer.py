"""The gazetteer: forums, governments and posts from the register's reference data, compiled to regexes.

Why compiled once: the reference data is the single source of names (the register loads the same
files), and matching every document against one alternation per kind keeps plain text above 100 docs/s.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from igr import reference_data

GENERIC = {
    "the",
    "of",
    "for",
    "on",
    "and",
    "group",
    "interministerial",
    "inter",
    "ministerial",
    "ministers",
    "committee",
    "meeting",
    "img",
    "uk",
    "council",
    "a",
    "y",
    "yr",
    "ar",
    "gyfer",
    "grwp",
    "rhyngweinidogol",
    "pwyllgor",
    "cyngor",
    "cyfarfod",
    "ministers'",
    "matters",
    "in",
    "to",
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes: how names are compared."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _flex(alias: str) -> str:
    """A regex for an alias that tolerates the spellings documents use ("Inter- Ministerial", "&", "JMC (EN)")."""
    out = []
    for tok in re.findall(r"\w+|[^\w\s]", alias):
        low = tok.lower()
        if low == "and":
            out.append(r"(?:and|&)")
        elif low == "interministerial":
            out.append(r"inter\s*[-\u2010\u2011\u2013]?\s*ministerial")
        elif low in ("'", "\u2019"):
            out.append(r"['\u2019]?")
        elif tok in "()[]":
            out.append(r"\s*[(\[]?\s*" if tok in "([" else r"\s*[)\]]?")
        elif tok in "-\u2013":
            out.append(r"\s*[-\u2010\u2011\u2013]?\s*")
        else:
            out.append(re.escape(tok))
    pattern = ""
    for piece in out:
        if pattern and not pattern.endswith(r"\s*") and not piece.startswith(r"\s*"):
            pattern += (
                r"[\s\-]*"
                if piece[0].isalnum() or piece.startswith("(?:") or piece.startswith("inter")
                else ""
            )
        pattern += piece
    return pattern


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class BodyHit:
    start: int
    end: int
    key: str
    text: str


class Gazetteer:
    """Names to look for, compiled from the reference data."""

    def __init__(self) -> None:
        self.bodies: dict[str, dict[str, Any]] = {b["key"]: b for b in reference_data.bodies()}
        self.governments = {g["key"]: g for g in reference_data.governments()}
        alias_keys: list[tuple[str, str, bool]] = []
        for body in self.bodies.values():
            names = [body["name_en"], body["name_cy"], *body.get("aliases", []), *body.get("aliases_cy", [])]
            alias_keys += [(n, body["key"], False) for n in names if n]
            alias_keys += [(a, body["key"], True) for a in body.get("abbreviations", [])]
        alias_keys.sort(key=lambda t: len(t[0]), reverse=True)
        self._alias_key: dict[str, str] = {}
        parts = []
        for i, (alias, key, is_abbr) in enumerate(alias_keys):
            group = f"b{i}"
            self._alias_key[group] = key
            pat = _flex(alias)
            parts.append(f"(?P<{group}>{'(?-i:' + pat + ')' if is_abbr else pat})")
        self.body_re = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)
        # Only try the long alternation where an alias's first word starts: far fewer attempts.
        firsts = [re.findall(r"\w+", a)[0] for a, _k, _b in alias_keys if re.findall(r"\w+", a)]
        self._first_words = {w.lower() for w in firsts} | {fold(w) for w in firsts}
        self._keywords = {
            k: self._content_words(" ".join([b["name_en"], *b.get("aliases", [])]))
            for k, b in self.bodies.items()
        }

    @staticmethod
    def _content_words(text: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z]+", fold(text)) if w not in GENERIC and len(w) > 1}

    def find_bodies(self, text: str) -> list[BodyHit]:
        return list(self._find_bodies(text))

    @lru_cache(maxsize=32)  # noqa: B019 - one gazetteer per process; the same text is searched by several fields
    def _find_bodies(self, text: str) -> tuple[BodyHit, ...]:
        hits: list[BodyHit] = []
        end = 0
        for w in _WORD.finditer(text):
            if w.start() < end or w.group(0).lower() not in self._first_words:
                continue
            m = self.body_re.match(text, w.start())
            if m:
                hits.append(BodyHit(m.start(), m.end(), self._alias_key[m.lastgroup or ""], m.group(0)))
                end = m.end()
        return tuple(hits)

    def resolve_phrase(self, phrase: str, kind: str | None = None) -> str | None:
        """Resolve an unlisted spelling ("Interministerial Group (Trade)") by its distinctive words."""
        words = self._content_words(phrase)
        if not words:
            return None
        best, best_score = None, 0.0
        for key, kws in self._keywords.items():
            body = self.bodies[key]
            if kind and body["tier"] not in kind:
                continue
            own = self._content_words(body["name_en"])
            overlap = len(words & kws)
            score = overlap / max(len(own), 1) + 0.01 * overlap
            if overlap and score > best_score:
                best, best_score = key, score
        return best if best_score >= 0.5 else None

    def body_name(self, key: str) -> str:
        return self.bodies[key]["name_en"]

    def government_name(self, key: str | None) -> str | None:
        return self.governments[key]["name_en"] if key in self.governments else None


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


GENERIC_BODY = re.compile(
    r"(?:(?P<pre>(?:[A-Z][\w'\u2019-]*|and|&|,)(?:[ ,]+(?:[A-Z][\w'\u2019-]*|and|&))*)\s+)?"
    r"(?P<core>Inter\s*[-\u2013]?\s*[Mm]inisterial\s+(?:Group|Standing Committee)|Quadrilateral|Ministers'? Council)"
    r"(?:\s*\((?P<paren>[^)]{1,60})\))?"
    r"(?:\s+(?:meeting\s+)?(?:for|on)\s+(?P<post>(?:the\s+)?[A-Z][\w'-]*(?:(?:,\s*|\s+|\s*&\s*)(?:and\s+)?[A-Z][\w'-]*)*))?"
)
