"""Load the reference data files into the register, idempotently.

Each record is matched on its key and updated in place, so loading twice changes nothing and a corrected
data file corrects the database. The counts returned say what happened (inserted / updated / unchanged).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, TypeVar

from django.db import models, transaction

from igr import reference_data
from igr.register.models import Body, CommitteeChair, Government, Person, Post, SeneddCommittee

M = TypeVar("M", bound=models.Model)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any], counts: Counter) -> M:
    """Create or update one row, counting whether anything changed."""
    obj = model._default_manager.filter(**lookup).first()
    name = model._meta.model_name
    if obj is None:
        obj = model._default_manager.create(**lookup, **values)
        counts[f"{name}.inserted"] += 1
        return obj
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
        counts[f"{name}.updated"] += 1
    else:
        counts[f"{name}.unchanged"] += 1
    return obj


@transaction.atomic
def load_reference() -> Counter:
    counts: Counter = Counter()
    governments: dict[str, Government] = {}
    for order, g in enumerate(reference_data.governments()):
        governments[g["key"]] = upsert(
            Government,
            {"key": g["key"]},
            {
                "name_en": g["name_en"],
                "name_cy": g["name_cy"],
                "short_en": g.get("short_en", ""),
                "short_cy": g.get("short_cy", ""),
                "aliases": g.get("aliases", []),
                "devolved": g.get("devolved", False),
                "bic_member": g.get("bic_member", True),
                "sort_order": order,
            },
            counts,
        )
    bodies: dict[str, Body] = {}
    for b in reference_data.bodies():
        bodies[b["key"]] = upsert(
            Body,
            {"key": b["key"]},
            {
                "tier": b["tier"],
                "name_en": b["name_en"],
                "name_cy": b["name_cy"],
                "abbreviations": b.get("abbreviations", []),
                "aliases": b.get("aliases", []),
                "aliases_cy": b.get("aliases_cy", []),
                "start_date": _date(b.get("start")),
                "end_date": _date(b.get("end")),
                "source_note": b.get("source", ""),
            },
            counts,
        )
    for b in reference_data.bodies():
        predecessor = bodies.get(b.get("predecessor") or "")
        body = bodies[b["key"]]
        if body.predecessor_id != (predecessor.pk if predecessor else None):
            body.predecessor = predecessor
            body.save(update_fields=["predecessor"])
    for p in reference_data.posts():
        upsert(
            Post,
            {"key": p["key"]},
            {
                "government": governments[p["government"]],
                "title_en": p["title_en"],
                "title_cy": p["title_cy"],
                "ministerial": p.get("minister", True),
            },
            counts,
        )
    data = reference_data.committees()
    people = {
        p["key"]: upsert(
            Person,
            {"key": p["key"]},
            {
                "name": p["name"],
                "honorific_en": p.get("honorific_en", ""),
                "honorific_cy": p.get("honorific_cy", ""),
            },
            counts,
        )
        for p in data["people"]
    }
    for c in data["committees"]:
        committee = upsert(
            SeneddCommittee,
            {"key": c["key"]},
            {
                "name_en": c["name_en"],
                "name_cy": c["name_cy"],
                "email": c.get("email", ""),
                "iira_lead": c.get("iira_lead", False),
            },
            counts,
        )
        for chair in c.get("chairs", []):
            upsert(
                CommitteeChair,
                {
                    "committee": committee,
                    "person": people[chair["person"]],
                    "start_date": _date(chair.get("start")),
                },
                {"end_date": _date(chair.get("end"))},
                counts,
            )
    return counts
