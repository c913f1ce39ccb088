"""The Popolo download validates against Popolo's schemas (``popolo_schemas/``), record by record."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from igr.api import bulk
from igr.register.models import Body, Government, Tenure

from .conftest import plant_drafts
from .test_bulk import MADE_AT

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "popolo_schemas"
CLASSES = {"persons": "person", "organizations": "organization", "posts": "post", "memberships": "membership"}


def _absolute_uri(value: object) -> bool:
    """Popolo's ``uri`` is a URI, not a reference: a scheme, and for the web a host as well."""
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and (parts.scheme not in ("http", "https") or bool(parts.netloc))


@pytest.fixture
def exported(register, tmp_path):
    """A real export of the demonstration with its planted drafts, with what the demonstration leaves out and
    Popolo carries: a body's member governments (memberships with an organisation as member) and the dates of
    two tenures, one ended and one running."""
    plant_drafts()
    Body.objects.get(key="imsc").governments.set(Government.objects.all())
    Tenure.objects.filter(person__key="suella-braverman", post__key="uk-home-secretary").update(
        start_date=dt.date(2022, 10, 25), end_date=dt.date(2023, 11, 13)
    )
    Tenure.objects.filter(person__key="jane-hutt", post__key="wales-social-justice").update(
        start_date=dt.date(2021, 5, 13)
    )
    bulk.export(tmp_path / "export", MADE_AT)
    return tmp_path / "export"


@functools.cache
def validators() -> dict[str, Draft4Validator]:
    """One validator per class, its ``$ref``s to the other schema files resolved from this folder."""
    documents = {path: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}
    registry: Registry = Registry().with_resources(
        (path.as_uri(), Resource.from_contents(schema, default_specification=DRAFT4))
        for path, schema in documents.items()
    )
    checker = FormatChecker()
    checker.checks("uri")(_absolute_uri)
    out = {}
    for name in CLASSES.values():
        path = SCHEMAS / f"{name}.json"
        schema = {**documents[path], "id": path.as_uri()}
        Draft4Validator.check_schema(schema)
        out[name] = Draft4Validator(schema, registry=registry, format_checker=checker)
    return out


def problems(popolo: dict[str, Any]) -> list[str]:
    """Every schema error in the document, each naming its record and field."""
    found = []
    for collection, name in CLASSES.items():
        validator = validators()[name]
        for index, record in enumerate(popolo[collection]):
            for error in validator.iter_errors(record):
                field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
                found.append(
                    f"{collection}[{index}] {record.get('id')!r}{field or ' (record)'}: {error.message}"
                )
    return found


def test_every_popolo_record_validates_against_its_class_schema(exported):
    popolo = json.loads((exported / bulk.POPOLO_NAME).read_text())
    assert all(popolo[collection] for collection in CLASSES), {k: len(popolo[k]) for k in CLASSES}
    assert {"person_id" in m for m in popolo["memberships"]} == {True, False}
    assert {"start_date", "end_date"} <= {k for m in popolo["memberships"] for k in m}
    errors = problems(popolo)
    assert not errors, f"{len(errors)} Popolo schema errors:\n" + "\n".join(errors[:40])


def test_the_schemas_refuse_what_popolo_does_not_allow():
    """The check can fail: a time-less date with a bad shape, a relative link, a nameless other name."""
    popolo = {
        "persons": [
            {"id": "person/x", "name": "X", "links": [{"url": "/en/people/x/"}], "other_names": [{}]}
        ],
        "organizations": [{"id": "body/y", "name": "Y", "founding_date": "12/03/2020"}],
        "posts": [{"id": "post/z", "other_label": "Gweinidog"}],
        "memberships": [{"id": "tenure/1", "start_date": "2020-03-12T10", "member": "government/wales"}],
    }
    assert sorted(problems(popolo)) == sorted(
        [
            "persons[0] 'person/x'.links[0].url: '/en/people/x/' is not a 'uri'",
            "persons[0] 'person/x'.other_names[0]: 'name' is a required property",
            "organizations[0] 'body/y'.founding_date: '12/03/2020' does not match "
            f"{validators()['organization'].schema['properties']['founding_date']['pattern']!r}",
            "posts[0] 'post/z'.other_label: 'Gweinidog' is not of type 'array'",
            "memberships[0] 'tenure/1'.start_date: '2020-03-12T10' does not match "
            f"{validators()['membership'].schema['properties']['start_date']['pattern']!r}",
            "memberships[0] 'tenure/1'.member: 'government/wales' is not of type 'object', 'null'",
        ]
    )
