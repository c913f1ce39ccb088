"""Every public list as CSV or JSON (``?format=csv|json``), with the same filters as the page.

Rows carry both languages side by side, so one file serves Welsh and English readers alike. Both forms stream,
so a list of every meeting in the register never has to sit in memory at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse

from igr import safecsv

FORMATS = ("csv", "json")


class _Echo:
    def write(self, value: str) -> str:
        return value


def requested_format(request: HttpRequest) -> str:
    value = request.GET.get("format", "")
    return value if value in FORMATS else ""


def _csv_stream(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    writer = safecsv.DictWriter(_Echo(), fieldnames=columns, extrasaction="ignore")
    yield "\ufeff" + writer.writeheader()  # a byte-order mark so spreadsheet programs read the Welsh letters
    for row in rows:
        yield writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def _json_stream(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False, default=str)
    yield "\n]\n"


def export(fmt: str, name: str, rows: Iterable[dict[str, Any]], columns: list[str]) -> StreamingHttpResponse:
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_stream(rows, columns), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json_stream(rows), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def iterate(
    queryset: Any, to_row: Callable[[Any], dict[str, Any]], chunk: int = 2000
) -> Iterator[dict[str, Any]]:
    for obj in queryset.iterator(chunk_size=chunk):
        yield to_row(obj)


MEETING_COLUMNS = [
    "reference",
    "url",
    "body",
    "body_name_en",
    "body_name_cy",
    "date",
    "date_precision",
    "ordinal",
    "status",
    "mode",
    "location_en",
    "location_cy",
    "chair",
    "communique_url",
]


def meeting_row(m: Any) -> dict[str, Any]:
    return {
        "reference": m.reference,
        "url": m.get_absolute_url(),
        "body": m.body.key,
        "body_name_en": m.body.name_en,
        "body_name_cy": m.body.name_cy,
        "date": m.date.isoformat(),
        "date_precision": m.date_precision,
        "ordinal": m.ordinal,
        "status": m.status,
        "mode": m.mode or None,
        "location_en": m.location_en or None,
        "location_cy": m.location_cy or None,
        "chair": m.chair.name if m.chair else None,
        "communique_url": m.communique_url or None,
    }
