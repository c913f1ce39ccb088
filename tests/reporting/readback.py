"""Read generated files back the way a person or a machine would: python-docx for DOCX, pdfplumber for PDF."""

from __future__ import annotations

import io
import re

import pdfplumber
from docx import Document


def _flow(lines: list[str]) -> str:
    """Lines joined into running text; a line broken after a hyphen is joined without a space."""
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        text += line if text.endswith("-") else (" " + line if text else line)
    return re.sub(r"\s+", " ", text)


def docx_read(content: bytes) -> tuple[str, list[str], list[str]]:
    """(running text, bold passages, hyperlink addresses); the first page's footer is read after the body, and a
    paragraph whose style is bold (a Title, a Heading) counts as bold."""
    doc = Document(io.BytesIO(content))
    paragraphs = []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    paragraphs += doc.paragraphs
    for section in doc.sections:
        if section.different_first_page_header_footer:
            paragraphs += section.first_page_footer.paragraphs
    lines = [p.text for p in paragraphs]
    bold = [r.text for p in paragraphs for r in p.runs if r.bold or (r.bold is None and p.style.font.bold)]
    links = [h.address for p in paragraphs for h in p.hyperlinks]
    return _flow(lines), bold, links


def pdf_read(content: bytes) -> tuple[str, list[str]]:
    """(running text, link addresses); each table row is added as one line, its cells in order."""
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
        rows = [row for page in pdf.pages for table in page.extract_tables() for row in table]
        links = [link["uri"] for page in pdf.pages for link in page.hyperlinks]
    cells = [" ".join(_flow((cell or "").splitlines()) for cell in row) for row in rows]
    return _flow(lines) + " " + " ".join(cells), links
