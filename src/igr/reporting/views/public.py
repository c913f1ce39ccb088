"""Published versions, for everyone: the frozen bytes of a published document about a public meeting (or a
reporting period); nothing else is served here. Meetings' documents also have addresses under the meeting."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse

from igr.register.models.querysets import public_condition
from igr.reporting.models import PublishedFile, ReportDocument
from igr.reporting.render import FILE_POLICY


def published_file(request: HttpRequest, pk: int, language: str, fmt: str) -> HttpResponse:
    about_public = Q(document__meeting__isnull=True) | public_condition(
        "register.meeting", "document__meeting"
    )
    stored = (
        PublishedFile.objects.filter(
            about_public,
            document_id=pk,
            language=language,
            format=fmt,
            document__state=ReportDocument.State.PUBLISHED,
        )
        .select_related("document")
        .first()
    )
    if stored is None:
        raise Http404
    return file_response(bytes(stored.content), stored.media_type, stored.document, language, fmt)


def file_response(
    content: bytes, media_type: str, document: ReportDocument, language: str, fmt: str
) -> HttpResponse:
    response = HttpResponse(content, content_type=media_type)
    subject = document.meeting.reference.replace("/", "_") if document.meeting_id else document.period.key
    name = f"{document.kind}-{subject}-v{document.version}-{language}.{fmt}"
    disposition = "attachment" if fmt == "docx" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response["Content-Language"] = language
    if fmt == "html":
        response["Content-Security-Policy"] = FILE_POLICY
    return response
