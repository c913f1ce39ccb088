"""English and Welsh versions of one statement become one document with two versions, in either order.

``statement-cy.txt`` is our Welsh version of the seed statement (``statement.txt``): the shared corpus holds no
Welsh-language publication to use instead.
"""

from __future__ import annotations

import html

import pytest
from django.db import transaction

from igr.ingest.models import ReviewItem
from igr.ingest.services.pipeline import Pipeline
from igr.register.models import Attendance, Document, Meeting

from .conftest import DOCS, ingest_official, row_counts

pytestmark = pytest.mark.django_db
EN, CY = DOCS / "statement.txt", DOCS / "statement-cy.txt"


def meeting_facts() -> list[tuple]:
    """The meetings with their language-neutral facts and attendances (by who, not by row)."""
    return [
        (
            m.reference,
            m.date_precision,
            m.ordinal,
            m.mode,
            m.status,
            m.chair.name if m.chair else None,
            m.location_en,
            m.next_meeting_en,
            sorted(
                (
                    a.person.name if a.person else a.description_en,
                    a.government.key if a.government else None,
                    a.capacity,
                    a.post.key if a.post else None,
                    a.role_en,
                    a.is_chair,
                )
                for a in m.attendances.select_related("person", "government", "post")
            ),
        )
        for m in Meeting.objects.select_related("chair").order_by("reference")
    ]


def documents() -> list[tuple]:
    return [
        (
            d.kind,
            d.publisher.key,
            d.date,
            d.title_en,
            d.title_cy,
            sorted(d.versions.values_list("language", "revision")),
            sorted(d.meetings.values_list("reference", flat=True)),
        )
        for d in Document.objects.select_related("publisher").order_by("pk")
    ]


def welsh_roles() -> set[tuple]:
    return set(Attendance.objects.filter(person__isnull=False).values_list("person__name", "role_cy"))


def run(*paths) -> dict:
    return Pipeline().run_paths(list(paths)).as_dict()


def test_english_then_welsh_is_one_document_with_two_versions_and_the_meeting_unchanged():
    assert run(EN)["documents"]["new"] == 1
    before = meeting_facts()
    report = run(CY)
    assert report["documents"] == {"new": 1, "unchanged": 0, "revised": 0, "failed": 0}
    assert report["meetings"]["inserted"] == 0
    (doc,) = documents()
    assert doc[3] == "Safety, Security and Migration Interministerial Group"
    assert doc[4] == "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo"
    assert doc[5] == [("cy", 1), ("en", 1)] and doc[6] == ["img-safety-security-migration/2023-07-11"]
    assert meeting_facts() == before  # no fact changed; the Welsh version only adds Welsh wording
    assert ("Suella Braverman", "Ysgrifennydd Cartref") in welsh_roles()
    assert not ReviewItem.objects.filter(kind__in=["languages", "conflict"]).exists()


def test_welsh_first_then_english_ends_where_english_first_does():
    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        run(EN)
        run(CY)
        english_first = documents(), meeting_facts(), welsh_roles()
        raise Undo
    assert not Document.objects.exists()
    assert run(CY)["documents"]["new"] == 1
    assert run(EN)["meetings"]["inserted"] == 0
    assert (documents(), meeting_facts(), welsh_roles()) == english_first
    assert not ReviewItem.objects.filter(kind__in=["languages", "conflict"]).exists()


@pytest.mark.parametrize("together", [False, True], ids=["one-by-one", "one-batch"])
def test_rerun_and_revisions_keep_one_document(write_doc, together):
    if together:
        run(EN, CY)
    else:
        run(EN), run(CY)
    before = row_counts()
    again = run(CY, EN)
    assert again["documents"] == {"new": 0, "unchanged": 2, "revised": 0, "failed": 0}
    assert again["meetings"] == {"inserted": 0, "updated": 0, "unchanged": 1} and row_counts() == before
    # A corrected English text (same title, publisher and date) is a revision of the same document.
    revised = EN.read_text(encoding="utf-8").replace("concerns about", "serious concerns about")
    assert run(write_doc("statement-corrected.txt", revised))["documents"]["revised"] == 1
    (doc,) = documents()
    assert doc[5] == [("cy", 1), ("en", 1), ("en", 2)]
    assert not ReviewItem.objects.filter(
        kind="languages"
    ).exists()  # the revision still agrees with the Welsh


@pytest.fixture
def welsh_says_the_twelfth(write_doc):
    text = CY.read_text(encoding="utf-8")
    assert "ar 11 Gorffennaf" in text
    return write_doc("statement-cy-12.txt", text.replace("ar 11 Gorffennaf", "ar 12 Gorffennaf"))


@pytest.mark.parametrize("english_first", [True, False])
def test_a_welsh_version_that_disagrees_on_the_date_is_paired_and_flagged(
    welsh_says_the_twelfth, english_first
):
    first, second = (EN, welsh_says_the_twelfth) if english_first else (welsh_says_the_twelfth, EN)
    run(first)
    kept = Meeting.objects.get().date
    run(second)
    assert Document.objects.count() == 1 and Meeting.objects.count() == 1
    assert Meeting.objects.get().date == kept  # the first value stays; neither is silently picked
    item = ReviewItem.objects.get(kind="languages", field_name="meeting_date")
    assert item.value == {
        "en": "The English and Welsh versions give different dates for the meeting: 11 July 2023 in English, "
        "12 July 2023 in Welsh.",
        "cy": "Mae'r fersiynau Saesneg a Chymraeg yn rhoi dyddiadau gwahanol i'r cyfarfod: 11 Gorffennaf 2023 yn "
        "Saesneg, 12 Gorffennaf 2023 yn Gymraeg.",
    }
    assert [(a["value"], a["quote"]) for a in item.alternatives] == [
        ("11 July 2023", "11 July"),
        ("12 Gorffennaf 2023", "12 Gorffennaf"),
    ]
    conflict = ReviewItem.objects.get(kind="conflict", field_name="date")
    assert sorted(a["value"] for a in conflict.alternatives) == ["2023-07-11", "2023-07-12"]
    before = row_counts()
    assert run(EN, welsh_says_the_twelfth)["documents"]["unchanged"] == 2 and row_counts() == before


def test_a_welsh_version_naming_another_minister_is_flagged(write_doc):
    text = CY.read_text(encoding="utf-8").replace("Shirley-Anne Somerville ASA", "Angus Robertson ASA")
    run(EN, write_doc("statement-cy-robertson.txt", text))
    assert Document.objects.count() == 1
    item = ReviewItem.objects.get(kind="languages", field_name="attendees")
    assert item.value["en"].endswith(
        "Shirley-Anne Somerville only in the English version; Angus Robertson only in the Welsh version."
    )
    assert item.value["cy"].endswith(
        "Shirley-Anne Somerville yn y fersiwn Saesneg yn unig; Angus Robertson yn y fersiwn Gymraeg yn unig."
    )


def test_a_welsh_statement_about_another_meeting_the_same_day_is_another_document(write_doc):
    text = (
        CY.read_text(encoding="utf-8")
        .replace(
            "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo", "Grŵp Rhyngweinidogol ar gyfer Masnach"
        )
        .replace("ail gyfarfod", "pumed cyfarfod")
        .replace("ar 11 Gorffennaf", "ar 4 Gorffennaf")
    )
    run(EN, write_doc("statement-cy-trade.txt", text))
    assert Document.objects.count() == 2 and Meeting.objects.count() == 2
    assert not ReviewItem.objects.filter(kind="languages").exists()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_disagreement_is_in_the_review_queue_in_both_languages(client, welsh_says_the_twelfth, lang):
    client.force_login(ingest_official())
    run(EN, welsh_says_the_twelfth)
    item = ReviewItem.objects.get(kind="languages")
    listing = html.unescape(client.get(f"/{lang}/ingest/review/?kind=languages").content.decode())
    page = html.unescape(client.get(f"/{lang}/ingest/review/{item.pk}/").content.decode())
    if lang == "en":
        assert (
            "Language versions disagree" in listing
            and item.value["en"] in listing
            and item.value["en"] in page
        )
    else:
        assert (
            "Mae'r fersiynau iaith yn anghytuno" in listing
            and item.value["cy"] in listing
            and item.value["cy"] in page
        )
    assert (
        "<mark>11 July</mark>" in page and "<mark>12 Gorffennaf</mark>" in page
    )  # both versions' text, side by side
