"""The public "Data" page: the latest bulk export (``igr export``) with its licence and time, and its files."""

from __future__ import annotations

import datetime as dt
import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _

from . import bulk

FORMATS = {
    "csv": _("CSV (one file per table; opens in a spreadsheet)"),
    "json": _("JSON (every table in one file)"),
    "popolo": _("Popolo JSON (people, organisations, posts and memberships)"),
    "sqlite": _("SQLite database (ready for Datasette)"),
    "datasette-metadata": _("Datasette metadata (title, licence and table descriptions)"),
}
MEDIA_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".sqlite": "application/vnd.sqlite3",
}


def export_dir() -> Path:
    return Path(settings.IGR_EXPORT_DIR)


def data_page(request: HttpRequest) -> HttpResponse:
    manifest = bulk.read_manifest(export_dir())
    files = []
    if manifest:
        for entry in manifest["files"]:
            files.append(
                {**entry, "label": FORMATS.get(entry["format"], entry["format"]), "name": entry["name"]}
            )
    made_at = timezone.localtime(dt.datetime.fromisoformat(manifest["generated_at"])) if manifest else None
    return render(
        request,
        "api/data.html",
        {"manifest": manifest, "files": files, "made_at": made_at, "licence": bulk.LICENCE},
    )


def data_file(request: HttpRequest, name: str) -> FileResponse:
    """A file the latest export's manifest lists (no other name is served)."""
    manifest = bulk.read_manifest(export_dir())
    if not manifest or name not in {entry["name"] for entry in manifest["files"]}:
        raise Http404
    path = export_dir() / name
    if not path.is_file():
        raise Http404
    suffix = path.suffix
    content_type = MEDIA_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    response = FileResponse(
        path.open("rb"), content_type=content_type, as_attachment=True, filename=path.name
    )
    response["Last-Modified"] = http_date(dt.datetime.fromisoformat(manifest["generated_at"]).timestamp())
    return response
