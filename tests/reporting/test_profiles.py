"""Agreement profiles are data, validated when loaded; no deadline is presented as the agreement's own."""

from __future__ import annotations

import copy
import datetime as dt
import json
from importlib import resources

import pytest

from igr.reporting.profiles import (
    DELIVERABLES,
    TRIGGERS,
    ProfileError,
    default_profile,
    get_profile,
    parse_profile,
    profile_for,
    profiles,
)


def raw(key: str) -> dict:
    return json.loads(
        resources.files("igr.reporting.profiles").joinpath(f"{key}.json").read_text(encoding="utf-8")
    )


def test_the_three_agreements_load_and_2021_is_the_default():
    assert set(profiles()) == {"iira-2021", "iira-2019", "scotland-2016"}
    assert default_profile().key == "iira-2021"


@pytest.mark.parametrize("key", ["iira-2021", "iira-2019", "scotland-2016"])
def test_unknown_text_means_every_deadline_is_a_labelled_target(key):
    profile = get_profile(key)
    assert profile.text_known is False
    assert "not" in profile.text_note_en and profile.text_note_cy
    for rule in profile.rules:
        assert rule.source.is_target, rule.key
        assert rule.source.note_en and rule.source.note_cy
        assert "target" in rule.source.note_en.lower(), rule.key
        assert "targed" in rule.source.note_cy.lower(), rule.key


def test_2021_profile_covers_every_trigger_and_deliverable_the_issue_names():
    profile = get_profile("iira-2021")
    assert {r.trigger for r in profile.rules} == set(TRIGGERS)
    assert {r.deliverable for r in profile.rules} == set(DELIVERABLES)
    statement = profile.rule("W21-POST-STATEMENT")
    assert statement.recipients == ("all_members",)
    assert (statement.deadline.kind, statement.deadline.days, statement.deadline.calendar) == (
        "after",
        15,
        "senedd_working_days",
    )
    assert profile.rule("W21-CHG").deadline.kind == "as_soon_as_practicable"


def test_the_profile_in_force_follows_the_date():
    assert profile_for(dt.date(2023, 7, 11)).key == "iira-2021"
    assert profile_for(dt.date(2021, 6, 28)).key == "iira-2019"
    assert profile_for(dt.date(2018, 11, 19)) is None
    assert profile_for(dt.date(2023, 7, 11), "scotland").key == "scotland-2016"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["rules"][0].update(trigger="meeting_happened"), "unknown trigger"),
        (lambda d: d["rules"][0]["deadline"].update(days=-3), "whole number"),
        (lambda d: d["rules"][0]["deadline"].update(calendar="lunar"), "unknown calendar"),
        (lambda d: d["rules"][0].update(recipients=[]), "at least one recipient"),
        (
            lambda d: d["rules"][0]["source"].update(type="paragraph", paragraph="12"),
            "whose text is not known",
        ),
        (
            lambda d: d["rules"][0]["source"].update(type="paragraph", paragraph=None),
            "must name its paragraph",
        ),
        (lambda d: d["rules"][0]["source"].pop("note_cy"), "'note_cy' is missing"),
        (lambda d: d["rules"].append(copy.deepcopy(d["rules"][0])), "unique"),
        (lambda d: d.update(in_force_to="2001-01-01"), "before in_force_from"),
    ],
)
def test_a_malformed_profile_is_refused_with_a_reason(change, message):
    data = raw("iira-2021")
    change(data)
    with pytest.raises(ProfileError, match=message):
        parse_profile(data, "test.json")


def test_a_paragraph_is_accepted_once_the_text_is_known():
    data = raw("iira-2021")
    data["text_known"] = True
    data["rules"][0]["source"].update(type="paragraph", paragraph="9")
    rule = parse_profile(data).rules[0]
    assert rule.source.paragraph == "9" and not rule.source.is_target
