"""A rule's needle lets a text without it be passed over unread, so every match must contain it."""

from __future__ import annotations

from pathlib import Path

import pytest

import igr.extract.record  # noqa: F401  (imports every reading module, registering its rules)
from igr.extract.rules import REGISTRY, rule
from tests.extract.conftest import SHARED

HERE = Path(__file__).parent
# Sentences written for this test, each meant to match a rule that has a needle, in both languages.
SENTENCES = [
    "The Minister for Trade was unable to attend and sent her apologies; the Secretary of State withdrew.",
    "Nid oedd y Gweinidog yn gallu bod yn bresennol. Roedd Ysgrifennydd yr Economi wedi methu â mynychu.",
    "Anfonodd y Gweinidog ymddiheuriadau. Tynnodd yn ôl o'r cyfarfod.",
    "The Inter-Ministerial Standing Committee and the Intergovernmental Council met; so did the Finance "
    "Interministerial Group on Trade.",
    "Finance Ministers' Quadrilateral; a trilateral of the Finance Ministers; y cyfarfod pedairochrog cyllid.",
    "The British-Irish Council Summit, the Council of the Nations and Regions and the Joint Ministerial "
    "Committee (EU Negotiations) on Europe; JMC(EN) and IMG (Trade) met, and COBR was convened.",
    "The British-Irish Council's Housing work sector, the Energy Workstream, Sector Gwaith Tai y Cyngor "
    "Prydeinig-Gwyddelig.",
    "Grŵp Rhyngweinidogol ar Fasnach, y Grwp Rhyngweinidogol, ei Bwyllgor Sefydlog Rhyngweinidogol ar Gyllid, "
    "Cyngor y Gwledydd a'r Rhanbarthau, Cyd-bwyllgor y Gweinidogion (Ewrop).",
    "It brought together leaders from the UK, Ireland and Jersey, Gweinidogion o'r Alban a Chymru, "
    "dirprwyaethau o Ynys Manaw.",
    "UK and Welsh Government ministers met ministers from the devolved administrations and devolved "
    "Government officials; Gweinidogion Llywodraeth y DU a swyddogion y llywodraethau datganoledig.",
    "Yr ail gyfarfod, y cyfarfod cyntaf, yr uwchgynhadledd rhif tri deg chwech, y trydydd sesiwn.",
    "The meeting was hybrid, with some in person and others online; naill ai'n bersonol neu drwy fideo.",
    "Scotland was represented by its Cabinet Secretary. Cynrychiolwyd Gogledd Iwerddon gan weision sifil.",
]


def texts() -> list[str]:
    found = [*SENTENCES]
    for folder in (HERE / "documents", HERE / "documents" / "pages", HERE):
        found += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if (SHARED / "dev").is_dir():
        found += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "dev").glob("*.txt"))]
    return found


NEEDLED = sorted(name for name, r in REGISTRY.items() if r.needle is not None)


def test_the_needled_rules_are_exercised():
    corpus = "\n".join(SENTENCES)
    assert NEEDLED
    assert [name for name in NEEDLED if not REGISTRY[name].rx.search(corpus)] == []


@pytest.mark.parametrize("name", NEEDLED)
def test_every_match_contains_the_needle(name):
    r = REGISTRY[name]
    for text in texts():
        for m in r.rx.finditer(text):
            assert r.needle.search(m.group(0)), f"{name} matched {m.group(0)!r} without its needle"


def test_a_text_without_the_needle_is_not_searched_and_a_disabled_rule_still_reports_enabled():
    from igr.extract.rules import disabled

    r = rule("test.needle.probe", r"\bmet\b", needle="met")
    assert r.search("they met today") and not r.search("they gathered today")
    assert list(r.finditer("they convened")) == []
    with disabled({"test.needle.probe"}):
        assert not r.enabled and r.search("they met") is None
    assert r.enabled
    del REGISTRY["test.needle.probe"]
