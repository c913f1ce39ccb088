"""Bulk downloads of the public register: CSV per table, JSON, Popolo JSON and an SQLite file for Datasette.

``export(directory, made_at)`` writes every file into a scratch folder beside the target and moves each into
place only when all are written, manifest last, so a reader never sees half an export. Each file names its
licence (Open Government Licence v3.0) and the time it was made: the JSON files inside, the SQLite file in its
``_metadata`` table and Datasette's ``metadata.json``, the CSV files through ``manifest.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from igr import safecsv

from . import popolo
from .tables import CHUNK, TABLES, Table

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
SQLITE_NAME = "igr-register.sqlite"
JSON_NAME = "igr-register.json"
POPOLO_NAME = "igr-popolo.json"
MANIFEST = "manifest.json"


POPOLO_TABLES = ("governments", "bodies", "body_governments", "people", "posts", "tenures")
SQL_TYPES = {"bool": "INTEGER", "int": "INTEGER", "float": "REAL"}
INDEXED = ("meeting", "person", "body", "government", "document", "post")


def _meta(made_at: dt.datetime) -> dict[str, Any]:
    return {
        "title": "IGR Register / Cofrestr Cysylltiadau Rhynglywodraethol",
        "licence": LICENCE,
        "generated_at": made_at.isoformat(timespec="seconds"),
    }


class _Sqlite:
    """The SQLite file, a table at a time: rows go in as they come, typed by the first value seen per column."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path)
        self.connection.execute("PRAGMA journal_mode = OFF")
        self.connection.execute("PRAGMA synchronous = OFF")

    def table(self, table: Table, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Pass ``rows`` through, inserting each; the table is created from the first rows' types."""
        buffer: list[dict[str, Any]] = []
        created = False
        for row in rows:
            buffer.append(row)
            yield row
            if len(buffer) >= CHUNK:
                created = self._flush(table, buffer, created)
        self._flush(table, buffer, created, last=True)

    def _flush(self, table: Table, rows: list[dict[str, Any]], created: bool, last: bool = False) -> bool:
        if not created:
            columns = ", ".join(f'"{c}" {self._type(rows, c)}' for c in table.columns)
            key = f", PRIMARY KEY ({', '.join(table.key)})" if table.key else ""
            self.connection.execute(f'CREATE TABLE "{table.name}" ({columns}{key})')
        marks = ", ".join("?" for _ in table.columns)
        self.connection.executemany(
            f'INSERT INTO "{table.name}" VALUES ({marks})',
            ([row.get(c) for c in table.columns] for row in rows),
        )
        rows.clear()
        if last:
            for column in INDEXED:
                if column in table.columns and table.key[:1] != (column,):
                    self.connection.execute(
                        f'CREATE INDEX "{table.name}_{column}" ON "{table.name}" ("{column}")'
                    )
        return True

    @staticmethod
    def _type(rows: list[dict[str, Any]], column: str) -> str:
        kinds = {type(row[column]).__name__ for row in rows if row.get(column) is not None}
        types = {SQL_TYPES.get(kind, "TEXT") for kind in kinds}
        return types.pop() if len(types) == 1 else "TEXT"

    def finish(self, made_at: dt.datetime) -> None:
        meta = _meta(made_at)
        self.connection.execute("CREATE TABLE _metadata (name TEXT PRIMARY KEY, value TEXT)")
        self.connection.executemany(
            "INSERT INTO _metadata VALUES (?, ?)",
            [
                ("title", meta["title"]),
                ("licence", LICENCE["name"]),
                ("licence_url", LICENCE["url"]),
                ("generated_at", meta["generated_at"]),
            ],
        )
        self.connection.commit()
        self.connection.execute("VACUUM")
        self.connection.close()


def _csv(path: Path, table: Table, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    with path.open(
        "w", encoding="utf-8-sig", newline=""
    ) as out:  # the mark lets spreadsheets read Welsh letters
        writer = safecsv.DictWriter(out, fieldnames=table.columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
            yield row


def _datasette_metadata(made_at: dt.datetime) -> dict[str, Any]:
    meta = _meta(made_at)
    return {
        "title": meta["title"],
        "license": LICENCE["name"],
        "license_url": LICENCE["url"],
        "description": f"The public register, made {meta['generated_at']}.",
        "databases": {
            SQLITE_NAME.removesuffix(".sqlite"): {
                "tables": {t.name: {"description": t.description} for t in TABLES}
            }
        },
    }


def _dump(path: Path, data: Any) -> None:
    with path.open("w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")


def build(scratch: Path, made_at: dt.datetime, today: dt.date) -> dict[str, Any]:
    """Write every file into ``scratch``, reading each table once; the manifest describing them.

    Rows stream through the CSV file, the combined JSON file and the SQLite file together; only the small tables
    that Popolo needs (people, posts, governments, bodies) are kept in memory.
    """
    (scratch / "csv").mkdir()
    database = _Sqlite(scratch / SQLITE_NAME)
    counts: dict[str, int] = {}
    kept: dict[str, list[dict[str, Any]]] = {}
    files: list[dict[str, Any]] = []
    meta = _meta(made_at)
    with (scratch / JSON_NAME).open("w", encoding="utf-8") as combined:
        combined.write(json.dumps(meta, ensure_ascii=False)[:-1] + ', "tables": {')
        for i, table in enumerate(TABLES):
            combined.write(("," if i else "") + f"\n{json.dumps(table.name)}: [")
            name = f"csv/{table.name}.csv"
            count = 0
            for count, row in enumerate(
                database.table(table, _csv(scratch / name, table, table.rows(today))), start=1
            ):
                combined.write(("," if count > 1 else "") + "\n" + json.dumps(row, ensure_ascii=False))
                if table.name in POPOLO_TABLES:
                    kept.setdefault(table.name, []).append(row)
            combined.write("]")
            counts[table.name] = count
            files.append(
                {
                    "name": name,
                    "format": "csv",
                    "table": table.name,
                    "rows": count,
                    "description": table.description,
                }
            )
        combined.write("\n}}\n")
    database.finish(made_at)
    people = popolo.document(kept, meta, settings.IGR_SITE_URL)
    _dump(scratch / POPOLO_NAME, people)
    _dump(scratch / "metadata.json", _datasette_metadata(made_at))
    total = sum(counts.values())
    files += [
        {"name": JSON_NAME, "format": "json", "rows": total},
        {
            "name": POPOLO_NAME,
            "format": "popolo",
            "rows": sum(len(people[k]) for k in ("persons", "organizations", "posts", "memberships")),
        },
        {"name": SQLITE_NAME, "format": "sqlite", "rows": total},
        {"name": "metadata.json", "format": "datasette-metadata"},
    ]
    for entry in files:
        entry["bytes"] = (scratch / entry["name"]).stat().st_size
    return {**meta, "counts": counts, "files": files}


def export(directory: Path, made_at: dt.datetime) -> dict[str, Any]:
    """Write the whole public register into ``directory`` (created if need be), as it is at ``made_at``; returns
    the manifest. Obligations' statuses are judged on ``made_at``'s date."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".export-", dir=directory))
    try:
        manifest = build(scratch, made_at, timezone.localdate(made_at))
        (directory / "csv").mkdir(exist_ok=True)
        for entry in manifest["files"]:
            (scratch / entry["name"]).replace(directory / entry["name"])
        _dump(scratch / MANIFEST, manifest)
        (scratch / MANIFEST).replace(directory / MANIFEST)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return manifest


def read_manifest(directory: Path) -> dict[str, Any] | None:
    try:
        return json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
