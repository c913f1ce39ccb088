"""Search over records and document texts, the same on SQLite FTS5 and PostgreSQL (the PostgreSQL pass of
scripts/test.sh runs these again there), with snippets, and never a draft."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection

from igr.public.models import SearchEntry
from igr.public.search import search
from igr.register.models import Document, DocumentVersion, Meeting

pytestmark = pytest.mark.django_db

SEED = "img-safety-security-migration/2023-07-11"


def _titles(query: str, language: str = "en", **kwargs) -> list[str]:
    return [hit.title for hit in search(query, language, **kwargs).hits]


def test_the_right_engine_is_in_use():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = 'welsh_basic'")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'public_search_fts'")
        assert cursor.fetchone()


def test_grwp_finds_grwp_with_its_circumflex(demo):
    titles = _titles("grwp diogelwch", "cy")
    assert "Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo: 11 Gorffennaf 2023" in titles


def test_a_mutated_query_finds_the_radical_and_back(demo):
    # "Gymru" (soft mutation) finds "Cymru" in "Llywodraeth Cymru"; "Nghymru" too.
    for query in ("Gymru", "Nghymru", "Cymru"):
        results = search(query, "cy")
        assert results.total > 0, query
        assert any("<mark>Cymru</mark>" in hit.snippet for hit in results.hits), query


def test_document_text_is_searched_with_a_marked_snippet(demo):
    meeting = Meeting.objects.get(reference=SEED)
    doc = Document.objects.create(kind="written_statement", date=dt.date(2023, 7, 25), title_en="Statement")
    doc.meetings.add(meeting)
    DocumentVersion.objects.create(
        document=doc,
        language="cy",
        content_hash="a" * 64,
        text="Mynegodd y Gweinidog bryder am blant ar eu pen eu hunain yn Nhŷ'r Cyffredin a thu hwnt.",
    )
    results = search("ty cyffredin", "cy")
    hit = next(h for h in results.hits if h.kind == "document")
    assert "<mark>Nhŷ</mark>" in hit.snippet and "<mark>Cyffredin</mark>" in hit.snippet
    assert hit.url.endswith(f"/meetings/{SEED}/#documents")
    assert hit.snippet_language == "cy"


def test_snippets_are_escaped(demo):
    doc = Document.objects.create(kind="other", title_en="<script>alert(1)</script> zanzibar")
    assert doc.pk
    hit = search("zanzibar", "en").hits[0]
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet


def test_unpublishing_removes_a_record_from_search_at_once(demo):
    assert any("Braverman" in h.title for h in search("braverman", "en").hits)
    meeting = Meeting.objects.get(reference=SEED)
    before = search("braverman", "en", kinds=["meeting"]).total
    meeting.published = False
    meeting.save()
    assert search("braverman", "en", kinds=["meeting"]).total == before - 1
    assert not SearchEntry.objects.filter(kind="meeting", object_id=meeting.pk).exists()


def test_unpublished_document_text_is_never_found(demo):
    doc = Document.objects.create(kind="written_statement", title_en="Embargoed", published=False)
    DocumentVersion.objects.create(
        document=doc, language="en", content_hash="b" * 64, text="quokkaembargo text"
    )
    assert search("quokkaembargo", "en").total == 0
    doc.published = True
    doc.save()
    assert search("quokkaembargo", "en").total == 1


def test_rebuild_command_matches_the_signals(demo):
    before = sorted(SearchEntry.objects.values_list("kind", "object_id", "terms"))
    SearchEntry.objects.all().delete()
    assert search("grwp", "cy").total == 0
    out = io.StringIO()
    call_command("rebuild_search", stdout=out)
    assert "meeting: 11" in out.getvalue()
    assert sorted(SearchEntry.objects.values_list("kind", "object_id", "terms")) == before
    assert search("grwp", "cy").total > 0


def test_kind_filter_and_paging(demo):
    everything = search("interministerial", "en", limit=5)
    assert everything.total > 5 and len(everything.hits) == 5 and everything.has_next
    second = search("interministerial", "en", offset=5, limit=5)
    assert not {h.url for h in everything.hits} & {h.url for h in second.hits}
    bodies = search("interministerial", "en", kinds=["body"])
    assert bodies.hits and all(h.kind == "body" for h in bodies.hits)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en", "braverman", "1 result"),
        ("cy", "braverman", "1 canlyniad"),
        ("cy", "dimbydynbod", "0 canlyniad"),
    ],
)
def test_search_page_in_both_languages(client, demo, language, query, expected):
    html = client.get(f"/{language}/search/", {"q": query, "kind": "person"}).content.decode()
    assert expected in html
    assert f'<html lang="{language}"' in html


def test_search_results_as_csv_and_json(client, demo):
    rows = b"".join(client.get("/en/search/", {"q": "braverman", "format": "json"}).streaming_content)
    assert b"Suella Braverman" in rows and b"<mark>" not in rows
    csv_text = b"".join(
        client.get("/en/search/", {"q": "braverman", "format": "csv"}).streaming_content
    ).decode()
    assert csv_text.startswith("\ufeffkind,title,url,date,snippet")


def test_very_common_words_are_counted_up_to_a_cap(client, demo, monkeypatch):
    from igr.public.search import engines

    monkeypatch.setattr(engines, "COUNT_CAP", 3)
    results = search("interministerial", "en", limit=2)
    assert results.capped and results.total == 4 and len(results.hits) == 2
    html = client.get("/cy/search/", {"q": "interministerial"}).content.decode()
    assert "Mwy na 3 o ganlyniadau" in html


@pytest.mark.parametrize("window", [1, 3, 10_000])
def test_past_the_cap_the_newest_matches_come_first_page_after_page(demo, monkeypatch, window):
    """Past the cap, matches are not ranked but listed newest first; on PostgreSQL the newest rows are walked first
    and the older ones fetched through the index (``RECENT_WINDOW``): every page agrees with one sorted list."""
    from igr.public.search import engines
    from igr.public.search.normalise import query_groups

    groups = query_groups("interministerial")
    every, total = engines.run(groups, None, 100, 0)
    assert total >= 4 and len(every) == total
    monkeypatch.setattr(engines, "COUNT_CAP", 2)
    monkeypatch.setattr(engines, "RECENT_WINDOW", window)
    newest_first, capped = engines.run(groups, None, 100, 0)
    assert capped == 3 and newest_first == sorted(every, reverse=True)
    pages = [engines.run(groups, None, 2, offset)[0] for offset in range(0, len(every), 2)]
    assert [pk for page in pages for pk in page] == newest_first
