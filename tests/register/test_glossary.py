"""One Welsh term per concept: docs/glossary.md is checked against every Welsh catalogue and the documents'
phrases, so a page cannot say "communiqué" while the letters say "cyfathrebiad"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import igr
from igr.reporting.compose.phrases import PHRASES
from igr.welsh import word_pattern

PACKAGE = Path(igr.__file__).parent
GLOSSARY = PACKAGE.parents[1] / "docs" / "glossary.md"
CATALOGUES = [
    p for p in sorted(PACKAGE.rglob("cy/LC_MESSAGES/django.po")) if "locale_overrides" not in p.parts
]


def glossary() -> list[tuple[list[str], list[str]]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("English", "---"):
            rows.append(([f.strip() for f in cells[0].split("/")], [f.strip() for f in cells[1].split("/")]))
    return rows


def welsh_pattern(forms: list[str]) -> re.Pattern:
    """Any of the forms, its first word under any mutation ("Ddatganiad Ysgrifenedig", "nghytundeb")."""
    alternatives = []
    for form in forms:
        first, *rest = form.split()
        alternatives.append(word_pattern(first) + "".join(r"\s+" + re.escape(w) for w in rest) + r"\b")
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


def english_pattern(forms: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.IGNORECASE)


def pairs() -> list[tuple[str, str, str]]:
    """(where, English, Welsh) for every catalogue entry and every document phrase."""
    out = []
    for po in CATALOGUES:
        with po.open("rb") as fh:
            for message in read_po(fh, locale="cy"):
                if not message.id:
                    continue
                english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
                welsh = " ".join(message.string) if isinstance(message.string, tuple) else message.string
                out.append((str(po.relative_to(PACKAGE)), english, welsh))
    out += [
        (f"phrases.py:{key}", pair["en"], pair["cy"])
        for key, pair in PHRASES.items()
        if "en" in pair and "cy" in pair
    ]
    return out


def test_the_glossary_has_terms():
    assert len(glossary()) >= 10


@pytest.mark.parametrize("english,welsh", glossary(), ids=lambda forms: forms[0])
def test_each_term_is_translated_the_one_way(english, welsh):
    find_english, find_welsh = english_pattern(english), welsh_pattern(welsh)
    everything = pairs()
    wrong = [
        (where, en, cy)
        for where, en, cy in everything
        if find_english.search(en) and not find_welsh.search(cy)
    ]
    assert not wrong, f"{english[0]!r} should be {welsh[0]!r} in: {wrong}"
    assert any(find_welsh.search(cy) for _, _, cy in everything), f"{welsh[0]!r} is used nowhere"


def test_the_check_catches_a_second_term():
    assert welsh_pattern(["cyfathrebiad"]).search("Darllen y gyfathrebiad")
    assert not welsh_pattern(["cyfathrebiad"]).search("Darllen y communiqué")
    assert welsh_pattern(["Datganiad Ysgrifenedig"]).search("am Ddatganiad Ysgrifenedig")
    assert english_pattern(["communiqué"]).search("Read the communiqué.")
