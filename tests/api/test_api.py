"""The read-only API over the demonstration register: shapes, both languages, paging, validators, errors, and
nothing unpublished."""

from __future__ import annotations

import pytest

from igr.register.models import Agreement, Body, Meeting, Person

from .conftest import MARKER, plant_drafts

pytestmark = pytest.mark.django_db

SEED = "img-safety-security-migration/2023-07-11"


def walk(client, path: str, **params) -> list[dict]:
    """Every item of a paged list, following ``next`` to the end."""
    items, response = [], client.get(path, params)
    while True:
        assert response.status_code == 200, response.content
        data = response.json()
        items += data["items"]
        if not data["next"]:
            return items
        response = client.get(data["next"])


def test_the_openapi_description_is_31_and_lists_every_operation(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert set(schema["paths"]) == {
        f"/api/v1/{p}"
        for p in (
            "meetings",
            "meetings/{body_key}/{day}",
            "bodies",
            "bodies/{key}",
            "people",
            "people/{key}",
            "agreements",
            "agreements/{key}",
            "obligations",
            "timeliness",
            "search",
        )
    }


def test_the_seed_meeting_has_attendance_agenda_positions_and_editions(client, register):
    meeting = client.get(f"/api/v1/meetings/{SEED}").json()
    assert meeting["reference"] == SEED
    assert "Migration" in meeting["body_name_en"] and "Grŵp" in meeting["body_name_cy"]
    assert meeting["url_en"] == f"/en/meetings/{SEED}/" and meeting["url_cy"] == f"/cy/meetings/{SEED}/"
    assert {a["government"] for a in meeting["attendance"]} >= {"wales", "uk"}
    assert all(a["person"] or a["description_en"] or a["description_cy"] for a in meeting["attendance"])
    topics = {item["title_en"]: item for item in meeting["agenda"]}
    migration = topics["Illegal Migration Bill"]
    assert migration["title_cy"] == "Bil Mudo Anghyfreithlon"
    assert "disappointment" in migration["position_en"] and "siom" in migration["position_cy"]
    kinds = {d["slug"]: d for d in meeting["published_documents"]}
    assert {"letter", "statement"} <= set(kinds)
    statement = kinds["statement"]
    assert statement["title_en"] and statement["title_cy"]
    links = statement["editions"][0]["links"]
    assert {(link["language"], link["format"]) for link in links} == {
        (lang, fmt) for lang in ("en", "cy") for fmt in ("html", "pdf", "docx")
    }
    for link in links:
        assert client.get(link["url"]).status_code == 200, link
    assert any(o["deliverable"] == "written_statement" and o["met_by"] for o in meeting["obligations"])


def test_meetings_take_the_list_pages_filters_and_page_by_keyset(client, register):
    everything = walk(client, "/api/v1/meetings", limit=3)
    public = Meeting.objects.public()
    assert [m["reference"] for m in everything] == list(
        public.order_by("-date", "-pk").values_list("reference", flat=True)
    )
    oldest = walk(client, "/api/v1/meetings", sort="oldest", limit=2)
    assert [m["reference"] for m in oldest] == [m["reference"] for m in reversed(everything)]
    imsc = walk(client, "/api/v1/meetings", body="imsc")
    assert imsc and {m["body"] for m in imsc} == {"imsc"}
    year = walk(client, "/api/v1/meetings", year=2023, government="wales")
    assert year and all(m["date"].startswith("2023") for m in year)
    seed_people = Person.objects.filter(attendances__meeting__reference=SEED).first()
    theirs = walk(client, "/api/v1/meetings", person=seed_people.key)
    assert SEED in {m["reference"] for m in theirs}
    assert walk(client, "/api/v1/meetings", body="no-such-body") == []


def test_bodies_people_agreements_obligations_and_search(client, register):
    bodies = walk(client, "/api/v1/bodies", limit=7)
    assert len(bodies) == Body.objects.count() and all(b["name_en"] for b in bodies)
    people = walk(client, "/api/v1/people", limit=10)
    assert len(people) == Person.objects.public().count()
    with_posts = [p for p in people if p["tenures"]]
    assert with_posts and with_posts[0]["tenures"][0]["post"]["title_en"]
    one = client.get(f"/api/v1/people/{with_posts[0]['key']}").json()
    assert one == with_posts[0]
    agreements = walk(client, "/api/v1/agreements")
    assert len(agreements) == Agreement.objects.public().count()
    obligations = walk(client, "/api/v1/obligations", deliverable="written_statement")
    assert obligations and {o["deliverable"] for o in obligations} == {"written_statement"}
    timeliness = client.get("/api/v1/timeliness").json()
    assert timeliness["count"] == len([o for o in obligations if o["meeting"]])
    found = client.get("/api/v1/search", {"q": "grwp", "language": "cy"}).json()
    assert found["total"] >= 1 and found["items"][0]["url"].startswith("/cy/")


def test_answers_carry_validators_and_answer_conditional_requests(client, register):
    first = client.get("/api/v1/meetings")
    assert first["ETag"] and first["Last-Modified"] and first["Access-Control-Allow-Origin"] == "*"
    again = client.get("/api/v1/meetings", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"] and not again.content
    since = client.get("/api/v1/meetings", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    seed = Meeting.objects.get(reference=SEED)
    seed.location_en = "Cardiff Bay"
    seed.save()
    changed = client.get("/api/v1/meetings", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


@pytest.mark.parametrize("language, words", [("en", "not one the register gave"), ("cy", "nid yw'r cyrchwr")])
def test_bad_input_gets_a_clear_error_in_the_requests_language(client, register, language, words):
    bad = client.get("/api/v1/meetings", {"cursor": "bm90IGEgY3Vyc29y"}, HTTP_ACCEPT_LANGUAGE=language)
    assert bad.status_code == 422 and words in bad.json()["detail"].lower()
    missing = client.get("/api/v1/meetings/imsc/1999-01-01", HTTP_ACCEPT_LANGUAGE=language)
    assert missing.status_code == 404
    assert client.get("/api/v1/meetings", {"status": "secret"}).status_code == 422
    assert client.get("/api/v1/meetings", {"limit": 0}).status_code == 422


def test_nothing_unpublished_is_ever_returned(client, register):
    paths = [
        "/api/v1/meetings",
        "/api/v1/bodies",
        "/api/v1/people",
        "/api/v1/agreements",
        "/api/v1/obligations",
    ]
    before = {path: walk(client, path) for path in paths}
    plant_drafts()
    after = {path: walk(client, path) for path in paths}
    assert after == before
    assert MARKER not in client.get(f"/api/v1/meetings/{SEED}").content.decode().lower()
    for path in (
        "/api/v1/meetings/imsc/2024-02-02",
        "/api/v1/people/draftmarker-person",
        "/api/v1/agreements/draftmarker-agreement",
    ):
        assert client.get(path).status_code == 404, path
    assert walk(client, "/api/v1/meetings", person="draftmarker-person") == []
    for language in ("en", "cy"):
        found = client.get("/api/v1/search", {"q": "draftmarker", "language": language}).json()
        assert found["items"] == [] and found["total"] == 0
