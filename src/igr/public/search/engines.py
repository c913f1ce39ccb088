"""The two search engines: the same folded terms, matched by SQLite FTS5 or PostgreSQL full-text search.

Both take the query as groups of alternative forms (``normalise.query_groups``) and return the ids of index
rows, best first, plus how many rows match. Terms are ``[a-z0-9]+`` by construction, so they are safe to
place inside an FTS5 or tsquery expression.
"""

from __future__ import annotations

from django.db import connection


def _fts5_expression(groups: list[list[str]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups)


def _tsquery_expression(groups: list[list[str]]) -> str:
    return " & ".join("(" + " | ".join(group) + ")" for group in groups)


def _kind_clause(kinds: list[str] | None, column: str) -> tuple[str, list[str]]:
    if not kinds:
        return "", []
    return f" AND {column} IN ({', '.join(['%s'] * len(kinds))})", list(kinds)


def sqlite_search(groups: list[list[str]], kinds: list[str] | None, limit: int, offset: int) -> tuple[list[int], int]:
    expression = _fts5_expression(groups)
    kind_sql, kind_params = _kind_clause(kinds, "e.kind")
    base = (
        "FROM public_search_fts JOIN public_searchentry e ON e.id = public_search_fts.rowid "
        f"WHERE public_search_fts MATCH %s{kind_sql}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) {base}", [expression, *kind_params])
        total = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT e.id {base} ORDER BY public_search_fts.rank, e.date DESC LIMIT %s OFFSET %s",
            [expression, *kind_params, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()], total


def postgres_search(groups: list[list[str]], kinds: list[str] | None, limit: int, offset: int) -> tuple[list[int], int]:
    expression = _tsquery_expression(groups)
    kind_sql, kind_params = _kind_clause(kinds, "kind")
    base = f"FROM public_searchentry WHERE search_vector @@ to_tsquery('welsh_basic', %s){kind_sql}"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) {base}", [expression, *kind_params])
        total = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT id {base} ORDER BY ts_rank(search_vector, to_tsquery('welsh_basic', %s)) DESC, date DESC NULLS LAST "
            "LIMIT %s OFFSET %s",
            [expression, *kind_params, expression, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()], total


def run(groups: list[list[str]], kinds: list[str] | None, limit: int, offset: int) -> tuple[list[int], int]:
    """Dispatch to the engine for the database in use."""
    engine = postgres_search if connection.vendor == "postgresql" else sqlite_search
    return engine(groups, kinds, limit, offset)
