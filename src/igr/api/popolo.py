"""People, organisations, posts and memberships in Popolo JSON (popoloproject.com), from the export's tables.

Organisations are the governments (``government/KEY``) and the intergovernmental bodies (``body/KEY``); a post
belongs to its government; a tenure is a membership of the government through the post, and a government's seat
in a body is a membership with the government as ``member``. Popolo has one ``name``: the English one; the Welsh
goes in ``other_names`` with ``lang: "cy"`` (EveryPolitician's convention), and each record links its public
page in both languages, as an absolute URL on the site's address (Popolo's link ``url`` is a URI, not a path).
"""

from __future__ import annotations

from typing import Any

SITE = "igr-register"


def _links(row: dict[str, Any], site_url: str) -> list[dict[str, str]]:
    return [
        {"url": site_url.rstrip("/") + row[f"url_{lang}"], "note": lang}
        for lang in ("en", "cy")
        if row.get(f"url_{lang}")
    ]


def _welsh(name: str | None) -> list[dict[str, str]]:
    return [{"name": name, "lang": "cy", "note": "multilingual"}] if name else []


def _dates(row: dict[str, Any], start: str, end: str) -> dict[str, str]:
    return {k: row[f] for k, f in (("start_date", start), ("end_date", end)) if row.get(f)}


def _person(row: dict[str, Any], site_url: str) -> dict[str, Any]:
    person = {
        "id": f"person/{row['key']}",
        "name": row["name"],
        "sort_name": row["sort_name"],
        "identifiers": [{"scheme": SITE, "identifier": row["key"]}],
        "links": _links(row, site_url),
        "other_names": [{"name": n} for n in row["other_names"].split("; ") if n],
    }
    if row.get("prefix_en"):
        person["honorific_prefix"] = row["prefix_en"]
    if row.get("honorific_en"):
        person["honorific_suffix"] = row["honorific_en"]
    return person


def _government(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"government/{row['key']}",
        "name": row["name_en"],
        "classification": "government",
        "identifiers": [{"scheme": SITE, "identifier": row["key"]}],
        "other_names": _welsh(row["name_cy"]),
    }


def _body(row: dict[str, Any], site_url: str) -> dict[str, Any]:
    body = {
        "id": f"body/{row['key']}",
        "name": row["name_en"],
        "classification": row["tier"],
        "identifiers": [{"scheme": SITE, "identifier": row["key"]}],
        "links": _links(row, site_url),
        "other_names": _welsh(row["name_cy"])
        + [{"name": a, "note": "abbreviation"} for a in row["abbreviations"].split("; ") if a],
    }
    if row.get("start_date"):
        body["founding_date"] = row["start_date"]
    if row.get("end_date"):
        body["dissolution_date"] = row["end_date"]
    return body


def _post(row: dict[str, Any]) -> dict[str, Any]:
    post = {
        "id": f"post/{row['key']}",
        "label": row["title_en"],
        "organization_id": f"government/{row['government']}",
    }
    if row.get("title_cy"):
        post["other_label"] = [row["title_cy"]]
    return post


def document(rows: dict[str, list[dict[str, Any]]], meta: dict[str, Any], site_url: str) -> dict[str, Any]:
    """The Popolo document from the export's rows by table name: ``persons``, ``organizations``, ``posts``,
    ``memberships`` and ``meta``; pages are linked under ``site_url``."""
    rows = {
        name: rows.get(name, [])
        for name in ("governments", "bodies", "body_governments", "people", "posts", "tenures")
    }
    posts = {p["key"]: p for p in rows["posts"]}
    memberships = [
        {
            "id": f"tenure/{i}",
            "person_id": f"person/{t['person']}",
            "post_id": f"post/{t['post']}",
            "organization_id": f"government/{posts[t['post']]['government']}",
            "role": posts[t["post"]]["title_en"],
            **_dates(t, "start_date", "end_date"),
        }
        for i, t in enumerate(rows["tenures"], start=1)
    ] + [
        {
            "id": f"seat/{s['body']}/{s['government']}",
            "member": {"@type": "Organization", "id": f"government/{s['government']}"},
            "organization_id": f"body/{s['body']}",
            "role": "member government",
        }
        for s in rows["body_governments"]
    ]
    return {
        "meta": meta,
        "persons": [_person(p, site_url) for p in rows["people"]],
        "organizations": [_government(g) for g in rows["governments"]]
        + [_body(b, site_url) for b in rows["bodies"]],
        "posts": [_post(p) for p in rows["posts"]],
        "memberships": memberships,
    }
