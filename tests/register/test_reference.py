"""Reference data: complete, sourced, and idempotent to load."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import call_command

from igr import reference_data
from igr.register.models import Body, CommitteeChair, Government, Person, Post, SeneddCommittee

from ..conftest import SHARED

pytestmark = pytest.mark.django_db


def _counts():
    return {
        m.__name__: m.objects.count()
        for m in (Government, Body, Post, Person, SeneddCommittee, CommitteeChair)
    }


def test_loading_twice_creates_no_duplicates(reference):
    first = _counts()
    from igr.register.services.reference import load_reference

    again = load_reference()
    assert _counts() == first
    assert not [k for k, v in again.items() if not k.endswith(".unchanged") and v]


def test_four_governments_and_bic_members(reference):
    keys = set(Government.objects.values_list("key", flat=True))
    assert {"uk", "wales", "scotland", "northern-ireland"} <= keys
    assert {"ireland", "jersey", "guernsey", "isle-of-man"} <= keys
    assert Government.objects.get(key="wales").name_cy == "Llywodraeth Cymru"


def test_every_body_has_a_welsh_name_and_tier(reference):
    assert not Body.objects.filter(name_cy="").exists()
    assert Body.objects.get(key="cnr").predecessor.key == "pm-hdg-council"
    assert Body.objects.get(key="pm-hdg-council").successors.get().key == "cnr"


def test_corpus_forums_are_known_or_proposed():
    """Open world: every forum the corpus names is either in the reference data, or one extraction recognises by
    its name and proposes as a new body (``new:…``), never filed under another forum the register knows."""
    corpus = SHARED / "corpus" / "bodies.json"
    if not corpus.exists():
        pytest.skip("../shared/corpus is not present")
    from igr.extract.forums import find_forums, is_open

    ours = {b["key"] for b in reference_data.bodies()}
    for body in json.loads(corpus.read_text()):
        if body["key"] in ours:
            continue
        name = re.sub(r"\s*\([^)]*\)", "", body["name_en"])
        hits = find_forums(f"A meeting of the {name} was held today.")
        assert hits and all(is_open(h.key) for h in hits), (body["key"], [(h.key, h.text) for h in hits])


def test_product_brief_bodies_are_present():
    names = {b["name_en"] for b in reference_data.bodies()}
    for expected in (
        "Council of the Nations and Regions",
        "Interministerial Standing Committee",
        "Finance: Interministerial Standing Committee",
        "Interministerial Group for Net Zero, Energy and Climate Change",
        "Joint Ministerial Committee (EU Negotiations)",
        "British-Irish Council",
    ):
        assert expected in names


def test_ljc_committee_and_chair(reference):
    ljc = SeneddCommittee.objects.get(key="ljc")
    assert ljc.name_cy == "Pwyllgor Deddfwriaeth, Cyfiawnder a'r Cyfansoddiad" and ljc.iira_lead
    import datetime as dt

    assert ljc.chair_on(dt.date(2023, 9, 25)).person.name == "Huw Irranca-Davies"


def test_load_reference_command_reports_counts(db, capsys):
    call_command("load_reference")
    assert "body.inserted: " in capsys.readouterr().out
    call_command("load_reference")
    out = capsys.readouterr().out
    assert "inserted" not in out and "body.unchanged: " in out


def test_reference_files_name_their_sources():
    for name in ("governments.json", "bodies.json", "posts.json", "committees.json"):
        assert reference_data._read(name)["source"]
