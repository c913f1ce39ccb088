"""The two search engines: the same folded terms, matched by SQLite FTS5 or PostgreSQL full-text search.

Both take the query as groups of alternative forms (``normalise.query_groups``) and return the ids of index
rows plus how many rows match. Terms are ``[a-z0-9]+`` by construction, so they are safe inside an FTS5 or
tsquery expression. Cost is bounded whatever the register's size: matches are counted only up to
``COUNT_CAP``; up to that many they are ranked by relevance (bm25 / ts_rank), beyond it the most recently
indexed come first (ranking every row of a very common word would cost more than the page may).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

COUNT_CAP = 1000
RECENT_WINDOW = (
    4096  # PostgreSQL: the newest index rows walked in id order before asking the GIN index instead
)


def _fts5_expression(groups: list[list[str]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups)


def _tsquery_expression(groups: list[list[str]]) -> str:
    return " & ".join("(" + " | ".join(group) + ")" for group in groups)


def _kind_clause(kinds: list[str] | None, column: str) -> tuple[str, list[str]]:
    if not kinds:
        return "", []
    return f" AND {column} IN ({', '.join(['%s'] * len(kinds))})", list(kinds)


def _run(
    base: str, params: list, rank_order: str, recent: Callable, limit: int, offset: int
) -> tuple[list[int], int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1}) AS capped", params)
        total = cursor.fetchone()[0]
        if total > COUNT_CAP:
            return recent(cursor, base, params, limit, offset), total
        cursor.execute(f"SELECT id {base} ORDER BY {rank_order} LIMIT %s OFFSET %s", [*params, limit, offset])
        return [row[0] for row in cursor.fetchall()], total


def _newest_first(cursor: Any, base: str, params: list, limit: int, offset: int) -> list[int]:
    cursor.execute(f"SELECT id {base} ORDER BY id DESC LIMIT %s OFFSET %s", [*params, limit, offset])
    return [row[0] for row in cursor.fetchall()]


def _newest_first_postgres(cursor: Any, base: str, params: list, limit: int, offset: int) -> list[int]:
    """Newest matches first, without either of PostgreSQL's two bad plans for it.

    Walking the primary key backwards and testing each row is quick when matches are dense, but a term whose
    matches all lie among older rows makes it test most of the table (0.4 s at 200,000 rows); fetching every
    match through the GIN index and sorting is quick when they are few, but a common word makes it read the whole
    table (0.6 s). So: walk only the newest ``RECENT_WINDOW`` rows; if they hold too few matches, the rest are
    fetched through the GIN index (``id + 0`` keeps the planner off the backward walk) and only they are sorted.
    """
    need = offset + limit
    cursor.execute("SELECT MAX(id) FROM public_searchentry")
    newest = cursor.fetchone()[0] or 0
    floor = newest - RECENT_WINDOW
    cursor.execute(f"SELECT id {base} AND id > %s ORDER BY id DESC LIMIT %s", [*params, floor, need])
    ids = [row[0] for row in cursor.fetchall()]
    if len(ids) < need:
        cursor.execute(
            f"SELECT id {base} AND id <= %s ORDER BY id + 0 DESC LIMIT %s", [*params, floor, need - len(ids)]
        )
        ids += [row[0] for row in cursor.fetchall()]
    return ids[offset:need]


def sqlite_search(
    groups: list[list[str]], kinds: list[str] | None, limit: int, offset: int
) -> tuple[list[int], int]:
    kind_sql, kind_params = _kind_clause(kinds, "kind")
    base = (
        f"FROM (SELECT rowid AS id, rank FROM public_search_fts WHERE public_search_fts MATCH %s{kind_sql})"
    )
    return _run(base, [_fts5_expression(groups), *kind_params], "rank, id DESC", _newest_first, limit, offset)


def postgres_search(
    groups: list[list[str]], kinds: list[str] | None, limit: int, offset: int
) -> tuple[list[int], int]:
    kind_sql, kind_params = _kind_clause(kinds, "kind")
    base = f"FROM public_searchentry, to_tsquery('welsh_basic', %s) AS q WHERE search_vector @@ q{kind_sql}"
    return _run(
        base,
        [_tsquery_expression(groups), *kind_params],
        "ts_rank(search_vector, q) DESC, id DESC",
        _newest_first_postgres,
        limit,
        offset,
    )


def run(groups: list[list[str]], kinds: list[str] | None, limit: int, offset: int) -> tuple[list[int], int]:
    """Dispatch to the engine for the database in use."""
    engine = postgres_search if connection.vendor == "postgresql" else sqlite_search
    return engine(groups, kinds, limit, offset)
