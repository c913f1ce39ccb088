"""The seed meeting's obligations, and the read-only summary the public pages call."""

from __future__ import annotations

import datetime as dt

from igr.register.models import Meeting
from igr.reporting.models import Obligation, Status
from igr.reporting.summary import meeting_reporting, reporting_stats

D = dt.date


def by_rule(meeting) -> dict[str, Obligation]:
    return {o.rule_key: o for o in Obligation.objects.filter(meeting=meeting)}


def test_the_seed_meeting_was_reported_on_time_once_the_summer_recess_is_counted(seed_meeting, seed_reported):
    owed = by_rule(seed_meeting)
    assert set(owed) == {"W21-POST-LETTER", "W21-POST-STATEMENT"}
    for key in ("W21-POST-LETTER", "W21-POST-STATEMENT"):
        # 11 July 2023: three working days before the summer recess (17 July to 10 September), twelve after.
        assert owed[key].due_date == D(2023, 9, 26) and owed[key].original_due_date == D(2023, 8, 1)
        assert owed[key].met_on == D(2023, 9, 25) and not owed[key].made_in_recess
        assert owed[key].status_on(D(2026, 1, 1)) == Status.MET_ON_TIME
    assert owed["W21-POST-LETTER"].met_by == seed_reported["letter"]
    assert owed["W21-POST-STATEMENT"].minister.name == "Jane Hutt"


def test_meeting_reporting_says_what_was_owed_and_when_it_was_met(seed_meeting, seed_reported):
    rows = {r["deliverable"]: r for r in meeting_reporting(seed_meeting, today=D(2026, 1, 1))}
    statement = rows["written_statement"]
    assert statement["due_date"] == D(2023, 9, 26) and statement["met_on"] == D(2023, 9, 25)
    assert (
        statement["days_late"] == 0 and statement["lag_days"] == 76 and statement["status"] == "met_on_time"
    )
    assert statement["is_target"] and "not a term of the agreement" in statement["basis_label"]
    assert statement["owed_to"] == ["all Members of the Senedd"]
    assert statement["documents"][0]["published_on"] == D(2023, 9, 25)
    assert {(d["language"], d["format"]) for d in statement["documents"]} == {
        (lang, fmt) for lang in ("en", "cy") for fmt in ("pdf", "html", "docx")
    }
    assert "/cy/meetings/img-safety-security-migration/2023-07-11/statement/v1.pdf" in {
        d["url"] for d in statement["documents"]
    }


def test_meeting_reporting_is_in_the_page_language(seed_meeting, seed_reported):
    from django.utils import translation

    with translation.override("cy"):
        rows = meeting_reporting(seed_meeting, today=D(2026, 1, 1))
    assert {r["status_label"] for r in rows} == {"Wedi'i gyflawni mewn pryd"}
    assert any(r["deliverable_label"] == "Datganiad ysgrifenedig" for r in rows)


def test_an_unpublished_meeting_gives_nothing(seed_meeting):
    Meeting.objects.filter(pk=seed_meeting.pk).update(published=False)
    seed_meeting.refresh_from_db()
    assert meeting_reporting(seed_meeting) == []
    assert reporting_stats(today=D(2026, 1, 1))["rows"] == [
        r for r in reporting_stats(today=D(2026, 1, 1))["rows"] if r["reference"] != seed_meeting.reference
    ]


def test_reporting_stats_gives_the_lag_and_the_on_time_rate(seed_reported):
    stats = reporting_stats(today=D(2026, 1, 1))
    seed = next(r for r in stats["rows"] if r["reference"] == "img-safety-security-migration/2023-07-11")
    assert seed["lag_days"] == 76 and seed["status"] == "met_on_time"
    assert stats["met"] == 1 and stats["on_time"] == 1
    # Every other demonstration meeting has no statement recorded, so each is overdue.
    assert stats["overdue"] == stats["count"] - 1
    assert stats["on_time_rate"] == 1 / stats["count"]
    assert stats["lag_days"]["median"] == 76
    only_2023 = reporting_stats(start=D(2023, 1, 1), end=D(2023, 12, 31), today=D(2026, 1, 1))
    assert {r["meeting_date"].year for r in only_2023["rows"]} == {2023}
