"""One clock: every public page judges a statement on time or late by the reporting engine's deadline.

The seed meeting's statement came 76 days after the meeting. Counted in working days in Wales it is late; the
engine counts Senedd working days, which leave out the summer recess, and finds it on time. The meeting page,
the reporting page and the home page must agree with the engine, and follow it when the recess changes.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from igr.reporting.models import Obligation, RecessPeriod

pytestmark = pytest.mark.django_db
SEED = "img-safety-security-migration/2023-07-11"
LABELS = {"en": ("Met on time", "Met late"), "cy": ("Wedi'i gyflawni mewn pryd", "Wedi'i gyflawni'n hwyr")}


@pytest.fixture
def reported(demo):
    from igr.reporting.demo import load_reporting_demo

    load_reporting_demo()
    return Obligation.objects.get(meeting__reference=SEED, deliverable="written_statement")


def body_row_rate(html: str) -> str:
    row = re.search(r'href="/(?:en|cy)/bodies/img-safety-security-migration/".*?</tr>', html, re.S).group()
    return re.findall(r">(\d+)%<", row)[0]


def statement_status(html: str, language: str) -> str:
    rows = re.findall(r"<tr class=\"govuk-table__row\">.*?</tr>", html.replace("&#x27;", "'"), re.S)
    owed = "Written statement" if language == "en" else "Datganiad ysgrifenedig"
    row = next(r for r in rows if owed in r)
    return next(label for label in LABELS[language] if label in row)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_pages_follow_the_engines_deadline(client, reported, language):
    on_time, late = LABELS[language]
    assert reported.due_date == dt.date(2023, 9, 26) and reported.met_on == dt.date(2023, 9, 25)
    assert statement_status(client.get(f"/{language}/meetings/{SEED}/").content.decode(), language) == on_time
    assert body_row_rate(client.get(f"/{language}/timeliness/").content.decode()) == "100"

    RecessPeriod.objects.filter(
        start_date=dt.date(2023, 7, 17)
    ).delete()  # the summer recess, as if never recorded
    reported.refresh_from_db()
    assert reported.due_date == dt.date(2023, 8, 1)
    assert statement_status(client.get(f"/{language}/meetings/{SEED}/").content.decode(), language) == late
    assert body_row_rate(client.get(f"/{language}/timeliness/").content.decode()) == "0"


def test_no_public_module_counts_days_of_its_own():
    """Working days, deadlines and recess live in the reporting engine; the public app only reads them."""
    from pathlib import Path

    import igr.public

    root = Path(igr.public.__file__).parent
    counting = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if re.search(
            r"holidays\.(UK|country_holidays)|working_days|TARGET_WORKING_DAYS|calendar_from_db",
            p.read_text(encoding="utf-8"),
        )
    ]
    assert counting == [], counting
