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
from pathlib import Path
from typing import Any

from django.utils import timezone

from igr import safecsv

from . import popolo
from .tables import TABLES, Table

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
SQLITE_NAME = "igr-register.sqlite"
JSON_NAME = "igr-register.json"
POPOLO_NAME = "igr-popolo.json"
MANIFEST = "manifest.json"


def _meta(made_at: dt.datetime) -> dict[str, Any]:
    return {"title": "IGR Register / Cofrestr Cysylltiadau Rhynglywodraethol", "licence": LICENCE,
            "generated_at": made_at.isoformat(timespec="seconds")}


def _write_csv(path: Path, table: Table, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:  # the mark lets spreadsheets read Welsh letters
        writer = safecsv.DictWriter(out, fieldnames=table.columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def _sql_type(rows: list[dict[str, Any]], column: str) -> str:
    kinds = {type(row[column]) for row in rows if row.get(column) is not None}
    return "INTEGER" if kinds and kinds <= {int, bool} else "REAL" if kinds and kinds <= {int, float} else "TEXT"


def _write_sqlite(path: Path, tables: dict[Table, list[dict[str, Any]]], made_at: dt.datetime) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            for table, rows in tables.items():
                columns = ", ".join(f'"{c}" {_sql_type(rows, c)}' for c in table.columns)
                key = f', PRIMARY KEY ({", ".join(table.key)})' if table.key else ""
                connection.execute(f'CREATE TABLE "{table.name}" ({columns}{key})')
                marks = ", ".join("?" for _ in table.columns)
                connection.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})',
                                       ([row.get(c) for c in table.columns] for row in rows))
                for column in ("meeting", "person", "body", "government", "document", "post"):
                    if column in table.columns and table.key[:1] != (column,):
                        connection.execute(f'CREATE INDEX "{table.name}_{column}" ON "{table.name}" ("{column}")')
            connection.execute("CREATE TABLE _metadata (name TEXT PRIMARY KEY, value TEXT)")
            meta = _meta(made_at)
            connection.executemany("INSERT INTO _metadata VALUES (?, ?)", [
                ("title", meta["title"]), ("licence", LICENCE["name"]), ("licence_url", LICENCE["url"]),
                ("generated_at", meta["generated_at"])])
        connection.execute("VACUUM")
    finally:
        connection.close()


def _datasette_metadata(tables: dict[Table, list[dict[str, Any]]], made_at: dt.datetime) -> dict[str, Any]:
    meta = _meta(made_at)
    return {
        "title": meta["title"], "license": LICENCE["name"], "license_url": LICENCE["url"],
        "description": f"The public register, made {meta['generated_at']}.",
        "databases": {SQLITE_NAME.removesuffix(".sqlite"): {
            "tables": {t.name: {"description": t.description} for t in tables}}},
    }


def _dump(path: Path, data: Any) -> None:
    with path.open("w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")


def build(scratch: Path, made_at: dt.datetime, today: dt.date) -> dict[str, Any]:
    """Write every file into ``scratch``; the manifest describing them."""
    tables = {table: list(table.rows(today)) for table in TABLES}
    (scratch / "csv").mkdir()
    files: list[dict[str, Any]] = []
    for table, rows in tables.items():
        name = f"csv/{table.name}.csv"
        _write_csv(scratch / name, table, rows)
        files.append({"name": name, "format": "csv", "table": table.name, "rows": len(rows),
                      "description": table.description})
    _dump(scratch / JSON_NAME, {**_meta(made_at), "tables": {t.name: rows for t, rows in tables.items()}})
    files.append({"name": JSON_NAME, "format": "json", "rows": sum(len(r) for r in tables.values())})
    people = popolo.document(tables, _meta(made_at))
    _dump(scratch / POPOLO_NAME, people)
    files.append({"name": POPOLO_NAME, "format": "popolo",
                  "rows": sum(len(people[k]) for k in ("persons", "organizations", "posts", "memberships"))})
    _write_sqlite(scratch / SQLITE_NAME, tables, made_at)
    _dump(scratch / "metadata.json", _datasette_metadata(tables, made_at))
    files += [{"name": SQLITE_NAME, "format": "sqlite", "rows": sum(len(r) for r in tables.values())},
              {"name": "metadata.json", "format": "datasette-metadata"}]
    for entry in files:
        entry["bytes"] = (scratch / entry["name"]).stat().st_size
    return {**_meta(made_at), "counts": {t.name: len(rows) for t, rows in tables.items()}, "files": files}


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
