"""Documents at stable addresses: our published editions (a page, and PDF, DOCX and HTML files, in each language)
and the stored copies of source documents, served through views so that the same addresses work under
``igr runserver`` and in production, with the right content type."""

from __future__ import annotations

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from igr.public import queries
from igr.register.models import DocumentVersion
from igr.reporting import editions
from igr.reporting.render import FILE_POLICY

TEXT_TYPES = ("text/plain", "text/html", "text/csv")


def _meeting(body_key: str, day: str):
    meeting = queries.public_meetings().filter(reference=f"{body_key}/{day}").first()
    if meeting is None:
        raise Http404
    return meeting


def _version(version: str | None) -> int | None:
    if version is None:
        return None
    if not version.isdigit() or int(version) > 10_000:
        raise Http404
    return int(version)


def edition_page(
    request: HttpRequest, body_key: str, day: str, document: str, version: str | None = None
) -> HttpResponse:
    meeting = _meeting(body_key, day)
    language = get_language()
    found = editions.edition(meeting, document, language, _version(version))
    if found is None:
        raise Http404
    doc = found.composed(language)
    other = "en" if language == "cy" else "cy"
    pinned = version is not None
    history = [
        {
            "version": c.version,
            "date": c.date,
            "note": c.note,
            "url": editions.edition_url(meeting, document, language, "", c.version),
        }
        for c in reversed(found.history)
    ]
    return render(
        request,
        "public/edition.html",
        {
            "meeting": meeting,
            "edition": found,
            "doc": doc,
            "language": language,
            "other_language": other,
            "government": doc.government[0 if language == "cy" else -1] if doc.government else "",
            "files": {fmt: found.url(language, fmt, pinned) for fmt in editions.FORMATS},
            "other_page": found.url(other, "", pinned),
            "latest_url": editions.edition_url(meeting, document, language),
            "history": history,
        },
    )


def edition_download(
    request: HttpRequest, body_key: str, day: str, document: str, fmt: str, version: str | None = None
) -> HttpResponse:
    meeting = _meeting(body_key, day)
    language = get_language()
    stored = editions.edition_file(meeting, document, language, fmt, _version(version))
    if stored is None:
        raise Http404
    response = HttpResponse(bytes(stored.content), content_type=stored.media_type)
    name = f"{document}-{meeting.reference.replace('/', '_')}-v{stored.document.version}-{language}.{fmt}"
    response["Content-Disposition"] = f'{"attachment" if fmt == "docx" else "inline"}; filename="{name}"'
    response["Content-Language"] = language
    if fmt == "html":
        response["Content-Security-Policy"] = FILE_POLICY
    return response


def _official(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.is_active and request.user.is_staff


def source_download(request: HttpRequest, pk: str, language: str, revision: str) -> HttpResponse:
    """A source document's stored copy: for officials always, for everyone when it came from a public address."""
    versions = (
        DocumentVersion.objects.all() if _official(request) else DocumentVersion.objects.public_copies()
    )
    version = versions.filter(document_id=pk, language=language, revision=revision).exclude(file="").first()
    if version is None or not default_storage.exists(version.file.name):
        raise Http404
    media_type = (
        version.media_type or mimetypes.guess_type(version.file.name)[0] or "application/octet-stream"
    )
    handle = default_storage.open(version.file.name, "rb")
    if media_type.split(";")[0] in TEXT_TYPES and "charset" not in media_type:
        data = handle.read()
        handle.close()
        try:
            data.decode("utf-8")
            media_type += "; charset=utf-8"
        except UnicodeDecodeError:
            pass
        response = HttpResponse(data, content_type=media_type)
    else:
        response = FileResponse(handle, content_type=media_type)
    extension = version.file.name.rsplit(".", 1)[-1] if "." in version.file.name else "bin"
    inline = media_type.startswith(("application/pdf", "text/plain"))
    response["Content-Disposition"] = (
        f'{"inline" if inline else "attachment"}; filename="document-{pk}-{language}-r{revision}.{extension}"'
    )
    if not media_type.startswith("application/pdf"):
        response["Content-Security-Policy"] = "sandbox"  # a stored page never runs as part of this site
    response["X-Content-Type-Options"] = "nosniff"
    return response
