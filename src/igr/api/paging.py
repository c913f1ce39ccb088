"""Keyset pagination: a page starts after the last row of the one before, so deep pages cost what the first does
and a record added meanwhile neither repeats nor skips a row (offsets would do both).

The cursor is opaque to clients: the sort key of the last row given, as URL-safe base64 of JSON.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja.errors import HttpError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def whole_number(value: Any) -> int:
    if type(value) is not int:
        raise TypeError(value)
    return value


def text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError(value)
    return value


def iso_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(text(value))


def decode(cursor: str, kinds: tuple[Callable[[Any], Any], ...]) -> list[Any]:
    """The cursor's values, each read by its converter, or a 422 saying the cursor is not one we gave."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError(cursor)
        return [read(v) for read, v in zip(kinds, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise HttpError(422, _("This cursor is not one the register gave: start again without it.")) from None


def after(fields: tuple[str, ...], values: list[Any], descending: bool) -> Q:
    """Rows that sort after ``values`` on ``fields`` (all ascending or all descending)."""
    op = "lt" if descending else "gt"
    condition = Q()
    for i, name in enumerate(fields):
        step = Q(**{f"{name}__{op}": values[i]}, **{f: values[j] for j, f in enumerate(fields[:i])})
        condition |= step
    return condition


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def page(
    request: HttpRequest,
    queryset: QuerySet,
    fields: tuple[str, ...],
    kinds: tuple[Callable[[Any], Any], ...],
    cursor: str | None,
    limit: int,
    to_item: Callable[[Any], dict],
    descending: bool = False,
    key: Callable[[Any], list] | None = None,
) -> dict[str, Any]:
    """One page of ``queryset`` ordered by ``fields`` (unique together), with the cursor and address of the next."""
    if cursor:
        queryset = queryset.filter(after(fields, decode(cursor, kinds), descending))
    ordering = [f"-{f}" if descending else f for f in fields]
    rows = list(queryset.order_by(*ordering)[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more:
        last = rows[-1]
        next_cursor = encode(key(last) if key else [_plain(getattr(last, f)) for f in fields])
    next_url = None
    if next_cursor:
        params = {k: v for k, v in request.GET.items() if k != "cursor"}
        next_url = f"{request.path}?{urlencode({**params, 'cursor': next_cursor})}"
    return {"items": [to_item(row) for row in rows], "next_cursor": next_cursor, "next": next_url}
