from tests.ingest.shared_db import migrated_sqlite, shared  # noqa: F401 - processes sharing the test database
