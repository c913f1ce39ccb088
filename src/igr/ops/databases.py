"""The database half of a backup: an exact copy made by the database's own tools.

SQLite: the online backup API, which copies a consistent snapshot page by page while the register keeps
serving (and restores the same way into the open connection). PostgreSQL: pg_dump's custom format, restored
with pg_restore in one transaction after the schema's own tables are dropped, so nothing a later migration
added survives a restore. Both keep what the ORM cannot see (full-text tables, triggers, sequences).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection
from django.utils.translation import gettext as _

from .errors import BackupError

SCHEMA_ENTRY = re.compile(r"^\d+; \d+ \d+ (SCHEMA - |COMMENT - SCHEMA )")


def vendor() -> str:
    return connection.vendor


def dump(target: Path) -> None:
    """Write the whole database to ``target``."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        out = sqlite3.connect(target)
        try:
            connection.connection.backup(out)
        finally:
            out.close()
    elif connection.vendor == "postgresql":
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--schema",
                _schema(),
                "--file",
                str(target),
            ]
        )
    else:
        raise BackupError(
            _("Backups of %(vendor)s databases are not supported.") % {"vendor": connection.vendor}
        )


def load(source: Path) -> None:
    """Replace the whole database with the copy in ``source``."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        src = sqlite3.connect(source)
        try:
            src.backup(connection.connection)
        finally:
            src.close()
    elif connection.vendor == "postgresql":
        contents = source.with_suffix(".list")
        contents.write_text(_without_schema(_run(["pg_restore", "--list", str(source)])), encoding="utf-8")
        _drop_schema_objects()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--use-list",
                str(contents),
                "--dbname",
                connection.settings_dict["NAME"],
                str(source),
            ]
        )
    else:
        raise BackupError(
            _("Backups of %(vendor)s databases are not supported.") % {"vendor": connection.vendor}
        )
    connection.close()  # the next query opens a connection that sees the restored database


def tables() -> list[str]:
    """Every table in the database, as the database lists it (virtual and shadow tables included)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        else:
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            )
        return [row[0] for row in cursor.fetchall()]


def extensions() -> list[str]:
    """PostgreSQL extensions the schema uses (pg_dump of one schema leaves them out); none on SQLite."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname")
        return [row[0] for row in cursor.fetchall()]


def create_extensions(names: list[str]) -> None:
    """Install the extensions a PostgreSQL backup needs, so that it restores into an empty database too."""
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {connection.ops.quote_name(name)}")


def _schema() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return cursor.fetchone()[0]


def _drop_schema_objects() -> None:
    """Empty the register's schema: tables (with their sequences and indexes) and text-search configurations."""
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        names = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
        sequences = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = current_schema()::regnamespace")
        configs = [row[0] for row in cursor.fetchall()]
        if names:
            cursor.execute("DROP TABLE " + ", ".join(qn(n) for n in names) + " CASCADE")
        if sequences:
            cursor.execute("DROP SEQUENCE IF EXISTS " + ", ".join(qn(n) for n in sequences) + " CASCADE")
        for name in configs:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION {qn(name)} CASCADE")


def _without_schema(listing: str) -> str:
    """pg_restore's table of contents less the schema itself, which the target database already has."""
    return "".join(line for line in listing.splitlines(keepends=True) if not SCHEMA_ENTRY.match(line))


def _run(command: list[str]) -> str:
    settings = connection.settings_dict
    env = {**os.environ, "PGDATABASE": settings["NAME"] or ""}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings.get(key):
            env[var] = str(settings[key])
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(
            _("%(program)s is not installed (Debian: apt-get install postgresql-client)")
            % {"program": command[0]}
        ) from exc
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s") % {"program": command[0], "error": result.stderr.strip()}
        )
    return result.stdout
