"""The reference data of the UK's intergovernmental machinery, as data files.

This module deliberately imports nothing from Django: the register loads these files into the
database (``igr load_reference``) and the extraction library reads them directly as a gazetteer,
so both work from the same facts and ``igr extract`` runs without a database.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

TIERS = ("council", "standing_committee", "img", "jmc_format", "bic", "quadrilateral", "bilateral")


class ReferenceDataError(ValueError):
    """A reference data file is malformed; raised at load time so bad data never reaches the register."""


def _read(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict) or not data.get("source"):
        raise ReferenceDataError(
            f"{name}: every reference file must say where its facts come from ('source')"
        )
    return data


def _require(name: str, items: list[dict[str, Any]], fields: tuple[str, ...]) -> None:
    seen: set[str] = set()
    for item in items:
        missing = [f for f in fields if not item.get(f)]
        if missing:
            raise ReferenceDataError(f"{name}: {item.get('key', item)!r} lacks {', '.join(missing)}")
        if item["key"] in seen:
            raise ReferenceDataError(f"{name}: key {item['key']!r} appears twice")
        seen.add(item["key"])


@cache
def governments() -> tuple[dict[str, Any], ...]:
    items = _read("governments.json")["governments"]
    _require("governments.json", items, ("key", "name_en", "name_cy"))
    return tuple(items)


@cache
def bodies() -> tuple[dict[str, Any], ...]:
    items = _read("bodies.json")["bodies"]
    _require("bodies.json", items, ("key", "tier", "name_en", "name_cy"))
    keys = {b["key"] for b in items}
    for body in items:
        if body["tier"] not in TIERS:
            raise ReferenceDataError(f"bodies.json: {body['key']!r} has unknown tier {body['tier']!r}")
        if body.get("predecessor") and body["predecessor"] not in keys:
            raise ReferenceDataError(
                f"bodies.json: {body['key']!r} names unknown predecessor {body['predecessor']!r}"
            )
    return tuple(items)


@cache
def posts() -> tuple[dict[str, Any], ...]:
    items = _read("posts.json")["posts"]
    _require("posts.json", items, ("key", "government", "title_en", "title_cy"))
    gov_keys = {g["key"] for g in governments()}
    for post in items:
        if post["government"] not in gov_keys:
            raise ReferenceDataError(
                f"posts.json: {post['key']!r} names unknown government {post['government']!r}"
            )
    return tuple(items)


@cache
def committees() -> dict[str, tuple[dict[str, Any], ...]]:
    data = _read("committees.json")
    _require("committees.json", data["committees"], ("key", "name_en", "name_cy"))
    _require("committees.json", data["people"], ("key", "name"))
    people = {p["key"] for p in data["people"]}
    for committee in data["committees"]:
        for chair in committee.get("chairs", []):
            if chair["person"] not in people:
                raise ReferenceDataError(
                    f"committees.json: chair {chair['person']!r} is not among its people"
                )
    return {"committees": tuple(data["committees"]), "people": tuple(data["people"])}
