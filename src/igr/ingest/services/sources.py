"""Read: files from paths and directories, their bytes, content hash and (for the corpus) source address.

Why check content here and not trust names: an upload called "letter.pdf" may be anything. The kind is
decided from the first bytes (magic numbers), and only the kinds the readers handle are let through.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)
READABLE = {".txt", ".pdf", ".docx", ".html", ".htm"}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "txt": "text/plain",
}
BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"MZ",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",
)


@dataclass
class Fetch:
    """How a harvester fetched the bytes: kept on the document version as provenance."""

    fetched_at: dt.datetime
    fetched_from: str = ""  # the address requested, when a mirror served ``source_url``
    http_status: int | None = None
    etag: str = ""
    last_modified: str = ""


@dataclass
class Source:
    name: str
    data: bytes
    source_url: str = ""
    published: str | None = None  # the publication date (ISO) known from outside the text, for extraction
    fetch: Fetch | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def content_kind(data: bytes) -> str | None:
    """'pdf', 'docx', 'html' or 'txt' from the bytes themselves; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "docx" if "word/document.xml" in z.namelist() else None
        except (zipfile.BadZipFile, ValueError, OSError):
            return None
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        return None
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < 65532:  # a cut multi-byte character at the end is still text
            try:
                data[:65536].decode("cp1252")
            except UnicodeDecodeError:
                return None
    return "txt"


def _sidecar_url(path: Path) -> str:
    """A NAME.json beside the file (the corpus's layout) may give the address it was published at."""
    side = path.with_suffix(".json")
    try:
        url = json.loads(side.read_text(encoding="utf-8")).get("url") if side.is_file() else ""
    except (OSError, ValueError, AttributeError) as exc:
        logger.warning(
            "%s: its sidecar %s could not be read (%s: %s); no source address recorded",
            path.name,
            side.name,
            type(exc).__name__,
            exc,
        )
        return ""
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) and len(url) <= 500 else ""


def expand(paths: list[str | Path]) -> list[Path]:
    """Files named, and the readable files inside directories named, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READABLE))
        else:
            out.append(p)
    return out


def from_path(path: Path, max_bytes: int) -> Source:
    """The file's bytes, refusing oversized files before reading them (the reader's error says so)."""
    from igr.extract.errors import ExtractionError, TooLargeError

    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLargeError(f"{size} bytes, limit {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractionError(
            f"cannot open: {exc.strerror or exc}",
            message_en="The file could not be opened.",
            message_cy="Nid oedd modd agor y ffeil.",
        ) from exc
    return Source(path.name, data, _sidecar_url(path))
