"""Adding to the tallies' cells in the database: ``n = n + d`` for each cell, creating those seen for the first time.

Why SQL: one ``INSERT … ON CONFLICT (characteristics) DO UPDATE SET n = n + excluded.n`` per kind of cell (both
SQLite and PostgreSQL have it) creates and moves every cell a change touches at once, each by its own amount,
and two writers adding to the same cell cannot lose each other's counts. The ORM can only set ``n``, not add to
it, in an upsert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, models

from .models import Cell

PARAMETERS = 900  # per statement, under SQLite's classic limit of 999


def add(changes: Iterable[tuple[tuple[type[Cell], tuple], int]]) -> None:
    """Move each cell ``((kind, characteristics), d)`` by ``d``; cells that do not exist yet are created."""
    per_kind: dict[type[Cell], list[tuple[tuple, int]]] = defaultdict(list)
    for (kind, key), d in changes:
        if d:
            per_kind[kind].append((key, d))
    quote = connection.ops.quote_name
    for kind, rows in per_kind.items():
        fields = [kind._meta.get_field(name) for name in kind.DIMENSIONS]
        table = quote(kind._meta.db_table)
        columns = ", ".join(quote(f.column) for f in fields)
        size = PARAMETERS // (len(fields) + 1)
        adapt = [_adapter(f) for f in fields]
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            row = f"({', '.join(['%s'] * (len(fields) + 1))})"
            sql = (
                f"INSERT INTO {table} ({columns}, n) VALUES {', '.join([row] * len(chunk))} "
                f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n"
            )
            params: list = []
            for key, d in chunk:
                params += [
                    value if convert is None else convert(value)
                    for convert, value in zip(adapt, key, strict=True)
                ]
                params.append(d)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)


def _adapter(field: models.Field):
    """How a characteristic's value goes to the database: numbers, text and truth values as they are."""
    if isinstance(field, (models.IntegerField, models.CharField, models.BooleanField)):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def write(totals: Iterable[tuple[tuple[type[Cell], tuple], int]]) -> None:
    """Insert cells with these counts (a recount from scratch, into emptied tables)."""
    per_kind: dict[type[Cell], list[Cell]] = defaultdict(list)
    for (kind, key), n in totals:
        per_kind[kind].append(kind(n=n, **dict(zip(kind.DIMENSIONS, key, strict=True))))
    for kind, cells in per_kind.items():
        kind.objects.bulk_create(cells, batch_size=1000)
