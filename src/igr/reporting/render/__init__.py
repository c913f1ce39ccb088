"""Render a composed document as HTML, PDF (WeasyPrint, from the same HTML) or DOCX (python-docx)."""

from __future__ import annotations

from django.template.loader import render_to_string

from igr.reporting.compose.document import Composed

FORMATS = ("html", "pdf", "docx")
# A frozen document served as a file: its own inline style, nothing else, and never able to run as part of the site.
FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render_html(doc: Composed) -> str:
    return render_to_string("reporting/output/document.html", {"doc": doc})


def render_pdf(doc: Composed) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(doc)).write_pdf()


def render(doc: Composed, fmt: str) -> bytes:
    if fmt == "html":
        return render_html(doc).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(doc)
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(doc)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
