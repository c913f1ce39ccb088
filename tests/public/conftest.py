"""Fixtures for the public site's tests that run the deployed server and commands in processes of their own."""

from tests.ingest.shared_db import migrated_sqlite, shared  # noqa: F401 - fixtures for processes sharing a database
