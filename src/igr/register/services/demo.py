"""Load the demonstration meetings: real meetings entered as structured facts, so a new register looks alive.

Idempotent like the reference data: people are matched on a key made from their name, meetings on their
reference, attendances on person or description, agenda items on title, documents on kind, date and title.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from importlib import resources
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from igr.register.models import (
    AgendaItem,
    Attendance,
    Body,
    Document,
    Government,
    Meeting,
    Person,
    Post,
    Tenure,
)

from .reference import load_reference, upsert


def demo_data() -> dict[str, Any]:
    return json.loads(
        resources.files("igr.register.demo").joinpath("meetings.json").read_text(encoding="utf-8")
    )


def person_key(name: str) -> str:
    return slugify(name.replace("'", "").replace("’", ""))


@transaction.atomic
def load_demo() -> Counter:
    counts = load_reference()
    governments = {g.key: g for g in Government.objects.all()}
    posts = {p.key: p for p in Post.objects.all()}
    data = demo_data()
    styles = {name: style for name, style in data.get("people", {}).items() if name != "source"}
    for entry in data["meetings"]:
        body = Body.objects.get(key=entry["body"])
        day = dt.date.fromisoformat(entry["date"])
        people = {}
        for name, *_rest in entry["attendees"]:
            if name:
                people[name] = upsert(
                    Person, {"key": person_key(name)}, {"name": name, **styles.get(name, {})}, counts
                )
        chair = people.get(entry.get("chair") or "")
        meeting = upsert(
            Meeting,
            {"body": body, "date": day, "date_precision": entry.get("precision", "day")},
            {
                "ordinal": entry.get("ordinal"),
                "mode": entry.get("mode", ""),
                "status": entry.get("status", "held"),
                "chair": chair,
                "location_en": entry.get("location_en", ""),
                "location_cy": entry.get("location_cy", ""),
                "communique_url": entry.get("communique_url", ""),
                "next_meeting_en": entry.get("next_meeting_en", ""),
                "next_meeting_cy": entry.get("next_meeting_cy", ""),
            },
            counts,
        )
        for order, (name, gov, capacity, post_key, role_en, role_cy) in enumerate(entry["attendees"]):
            person = people.get(name) if name else None
            lookup = (
                {"meeting": meeting, "person": person}
                if person
                else {"meeting": meeting, "description_en": role_en}
            )
            values = {
                "government": governments[gov],
                "capacity": capacity,
                "post": posts.get(post_key or ""),
                "role_en": role_en if person else "",
                "role_cy": role_cy if person else "",
                "is_chair": person is not None and person == chair,
                "sort_order": order,
            }
            if not person:
                values["description_cy"] = role_cy
            upsert(Attendance, lookup, values, counts)
            if person and post_key:
                upsert(Tenure, {"person": person, "post": posts[post_key], "start_date": None}, {}, counts)
        for order, topic in enumerate(entry.get("topics", [])):
            upsert(
                AgendaItem,
                {"meeting": meeting, "title_en": topic["title_en"]},
                {
                    "title_cy": topic.get("title_cy", ""),
                    "position_en": topic.get("position_en", ""),
                    "position_cy": topic.get("position_cy", ""),
                    "sort_order": order,
                },
                counts,
            )
        for doc in entry.get("documents", []):
            document = upsert(
                Document,
                {
                    "kind": doc["kind"],
                    "date": dt.date.fromisoformat(doc["date"]),
                    "title_en": doc["title_en"],
                },
                {"title_cy": doc.get("title_cy", ""), "publisher": governments.get(doc.get("publisher", ""))},
                counts,
            )
            document.meetings.add(meeting)
    return counts
