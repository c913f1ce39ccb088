"""igr.extract: read published IGR documents (TXT, PDF, DOCX, HTML) into SCHEMA.md records.

A plain library: it imports no Django, and reads the forums, governments and posts it recognises from
``igr.reference_data``, so ``igr extract`` runs on a fresh checkout without a database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from igr.extract.errors import ExtractionError
from igr.extract.readers import Document, Limits, read_bytes, read_path

__all__ = ["ExtractionError", "Limits", "extract_bytes", "extract_document", "extract_path", "extract_text"]


def extract_document(
    doc: Document, source: str = "", published: str | None = None, url: str | None = None
) -> list[dict[str, Any]]:
    """Records for every document inside one file (a combined letter-and-statement gives two).

    ``published``: the publication date (ISO) known from outside the text (a harvested page, an upload
    form), used for years the text leaves out. Extraction never reads the clock. ``url``: the address the
    document was published at (else the page's own canonical address, for HTML), which names its publisher.
    """
    from igr.extract.document import split_documents
    from igr.extract.record import build_record

    records = []
    for offset, part in split_documents(doc.text):
        rec = build_record(part, offset, source, doc.lang, published, url or doc.meta.get("url"))
        rec["format"] = doc.kind
        records.append(rec)
    return records


def extract_text(
    text: str, source: str = "", published: str | None = None, url: str | None = None
) -> list[dict[str, Any]]:
    from igr.extract.readers import guess_language

    return extract_document(Document(text, "txt", guess_language(text)), source, published, url)


def extract_bytes(
    data: bytes,
    name: str = "",
    limits: Limits | None = None,
    published: str | None = None,
    url: str | None = None,
) -> list[dict[str, Any]]:
    return extract_document(read_bytes(data, name, limits), name, published, url)


def extract_path(
    path: str | Path, limits: Limits | None = None, published: str | None = None, url: str | None = None
) -> list[dict[str, Any]]:
    return extract_document(read_path(path, limits), str(path), published, url)
