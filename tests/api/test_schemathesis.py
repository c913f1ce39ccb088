"""Schemathesis runs every operation of the OpenAPI document against the API over the demonstration register
with planted drafts: no server errors, every answer matches its schema and status codes, and no draft leaks."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .conftest import MARKER, plant_drafts

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(register):
    """The schema, with requests served by the WSGI application inside the test's transaction: as Django's test
    client does, a request's end must not close the database connection (PostgreSQL would lose the test data)."""
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    plant_drafts()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def no_drafts(ctx, response, case) -> None:
    """No planted draft's marker in any answer."""
    if MARKER in response.text.lower():
        raise AssertionError(f"a draft leaked into {case.path}: {response.text[:200]}")


def not_a_server_error(ctx, response, case) -> None:
    if response.status_code >= 500:
        raise AssertionError(f"{response.status_code} from {case.method} {case.formatted_path}")


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    no_drafts,
]


def test_every_operation(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 11, [op.label for op in operations]
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case) -> None:
            case.validate_response(case.call(), checks=CHECKS)

        run()
