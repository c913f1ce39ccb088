"""Readers: turn the bytes of a TXT, PDF, DOCX or HTML file into text, or raise a typed error.

Why one module: every reader shares the same contract (bytes in, ``Document`` out, only
``ExtractionError`` out), so the CLI and the register can hand any upload to ``read_bytes``.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from igr.extract import errors as E

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_EXPANDED = 100 * 1024 * 1024
MAX_PDF_PAGES = 400
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WELSH_WORDS = re.compile(
    r"\b(yr|yn|ac|gyda|mae|cyfarfod|gweinidog|llywodraeth|ein|rwyf|i'r|a'r|ar gyfer|wedi)\b", re.I
)
_ENGLISH_WORDS = re.compile(r"\b(the|and|of|was|meeting|minister|government|with|which|were)\b", re.I)

logger = logging.getLogger(__name__)
for _name in ("pdfminer", "pypdf", "trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass
class Limits:
    """Size caps; configurable so the register can tighten them for uploads."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_expanded: int = DEFAULT_MAX_EXPANDED
    max_pages: int = MAX_PDF_PAGES


@dataclass
class Document:
    text: str
    kind: str
    lang: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[dict[str, str]] = field(
        default_factory=list
    )  # {"en": ..., "cy": ...}: read, but check this


def guess_language(text: str) -> str:
    """'cy' or 'en' by counting common function words: cheap, and enough for two languages."""
    sample = text[:6000]
    return "cy" if len(_WELSH_WORDS.findall(sample)) > len(_ENGLISH_WORDS.findall(sample)) else "en"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")


# Single-byte encodings of Western Europe a document may come in; ISO-8859-14 is the one with ŵ and ŷ.
LEGACY_ENCODINGS = ["cp1252", "iso8859_14", "iso8859_15", "latin_1"]
# Letters English and Welsh texts use beyond ASCII; a decoding that yields others (ð, þ, ø …) is suspect.
EXPECTED_LETTERS = set("âêîôûŵŷáéíóúàèìòùäëïöüçñ’‘“”–—…£€°·•§©®ÂÊÎÔÛŴŶÁÉÍÓÚÀÈÌÒÙÄËÏÖÜÇÑ\u00a0")


def _legacy_decode(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, sure) for text that is not UTF-8: charset-normalizer's candidates among the Western
    single-byte encodings, ranked by how few letters they yield that neither English nor Welsh uses."""
    from charset_normalizer import from_bytes

    candidates = []
    for rank, match in enumerate(from_bytes(data, cp_isolation=LEGACY_ENCODINGS)):
        text = str(match)
        odd = sum(1 for c in text if ord(c) > 127 and c not in EXPECTED_LETTERS)
        candidates.append((odd, match.chaos, rank, match.encoding, text))
    if not candidates:
        try:
            return data.decode("cp1252"), "cp1252", False
        except UnicodeDecodeError as exc:
            raise E.EncodingError("no Western European encoding fits") from exc
    candidates.sort()
    odd, chaos, _rank, encoding, text = candidates[0]
    rivals = [c for c in candidates[1:] if c[4] != text and c[0] == odd]
    return text, encoding, odd == 0 and chaos < 0.2 and not rivals


def decode_with_report(data: bytes) -> tuple[str, list[dict[str, str]]]:
    """Decode plain text: BOMs first, then UTF-8, then the likeliest Western encoding, with a warning when unsure."""
    warnings: list[dict[str, str]] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise E.EncodingError("invalid UTF-16") from exc
    else:
        if b"\x00" in data[:4096]:
            raise E.BinaryInputError("NUL bytes in text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, encoding, sure = _legacy_decode(data)
            if not sure:
                warnings.append(
                    {
                        "en": f"The text's character encoding was not certain; it was read as {encoding}. "
                        "Check accented letters (ŵ, ŷ) against the original.",
                        "cy": f"Nid oedd amgodiad nodau'r testun yn sicr; fe'i darllenwyd fel {encoding}. "
                        "Gwiriwch y llythrennau acennog (ŵ, ŷ) yn erbyn y gwreiddiol.",
                    }
                )
    if len(_CONTROL.findall(text[:20000])) > max(2, len(text[:20000]) // 100):
        raise E.BinaryInputError("control characters in text")
    return text, warnings


def decode_text(data: bytes) -> str:
    return decode_with_report(data)[0]


def _read_txt(data: bytes) -> Document:
    text, warnings = decode_with_report(data)
    return Document(text, "txt", warnings=warnings)


def _read_pdf(data: bytes, limits: Limits, name: str = "") -> Document:
    try:
        text = _pdfplumber_text(data, limits)
    except E.ExtractionError:
        raise
    except Exception as exc:  # pdfminer raises many untyped errors on damaged files
        if "password" in type(exc).__name__.lower() or "encrypt" in type(exc).__name__.lower():
            raise E.EncryptedPDFError() from exc
        logger.info(
            "%s: pdfplumber could not read the PDF (%s: %s); trying pypdf", name, type(exc).__name__, exc
        )
        text = _pypdf_text(data, limits)
    if not text.strip():
        raise E.NoTextError()
    return Document(reflow(text), "pdf")


def reflow(text: str) -> str:
    """Join a PDF's wrapped lines back into paragraphs, so a date or name split over two lines is whole."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            prev
            and len(prev) > 55
            and not re.search(r"[.:;!?]\s*$", prev)
            and line[:1].strip()
            and not re.match(r"\s*(?:[•\-*]|\d+\.)\s", line)
        ):
            out[-1] = f"{prev} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _pdfplumber_text(data: bytes, limits: Limits) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > limits.max_pages:
            raise E.TooLargeError(f"{len(pdf.pages)} pages")
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pypdf_text(data: bytes, limits: Limits) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise E.EncryptedPDFError()
        if len(reader.pages) > limits.max_pages:
            raise E.TooLargeError(f"{len(reader.pages)} pages")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except E.ExtractionError:
        raise
    except FileNotDecryptedError as exc:
        raise E.EncryptedPDFError() from exc
    except (PdfReadError, Exception) as exc:
        raise E.CorruptPDFError(type(exc).__name__) from exc


def _check_zip(data: bytes, limits: Limits) -> None:
    """Refuse archives that expand beyond the cap, judged from the directory and while reading."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > 2000:
                raise E.ArchiveBombError(f"{len(infos)} entries")
            declared = sum(i.file_size for i in infos)
            if declared > limits.max_expanded:
                raise E.ArchiveBombError(f"expands to {declared} bytes")
            if "word/document.xml" not in zf.namelist():
                raise E.CorruptDocxError("no word/document.xml")
            # Declared sizes can lie: read the main part with a hard cap.
            with zf.open("word/document.xml") as fh:
                if len(fh.read(limits.max_expanded + 1)) > limits.max_expanded:
                    raise E.ArchiveBombError("document.xml over the cap")
    except zipfile.BadZipFile as exc:
        raise E.CorruptDocxError("bad zip") from exc
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise E.CorruptDocxError(type(exc).__name__) from exc


def _read_docx(data: bytes, limits: Limits) -> Document:
    _check_zip(data, limits)
    try:
        import docx

        doc = docx.Document(io.BytesIO(data))
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                parts.append(" | ".join(cell.text for cell in row.cells))
        lang = None
        for run_lang in doc.element.body.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang"
        ):
            val = run_lang.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            if val:
                lang = val.split("-")[0].lower()
                break
    except E.ExtractionError:
        raise
    except Exception as exc:
        raise E.CorruptDocxError(type(exc).__name__) from exc
    return Document("\n".join(parts), "docx", lang)


def _read_html(data: bytes, name: str = "") -> Document:
    from bs4 import BeautifulSoup

    markup = decode_text(data)
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as exc:
        raise E.UnsupportedFormatError("unparseable HTML") from exc
    html = soup.find("html")
    lang = str(html.get("lang") or "").split("-")[0].lower() or None if html else None
    title = soup.find("h1")
    body = ""
    try:
        import trafilatura

        body = trafilatura.extract(markup, include_tables=True, favor_recall=True) or ""
    except Exception as exc:  # trafilatura is best effort; bs4 below always works
        logger.info(
            "%s: trafilatura could not find the main text (%s: %s); using the whole page",
            name,
            type(exc).__name__,
            exc,
        )
        body = ""
    if not body.strip():
        node = (
            soup.select_one("main article") or soup.find("main") or soup.find("article") or soup.body or soup
        )
        for bad in node.find_all(["script", "style", "nav", "header", "footer"]):
            bad.decompose()
        body = node.get_text("\n")
    heading = title.get_text(" ", strip=True) if title else ""
    text = body if heading and heading in body[:500] else f"{heading}\n\n{body}" if heading else body
    # The page's own address names its publisher (see igr.extract.publishers).
    link = soup.find("link", rel="canonical") or soup.find("meta", property="og:url")
    url = str(link.get("href") or link.get("content") or "") if link else ""
    return Document(text, "html", lang, meta={"url": url} if url.startswith(("http://", "https://")) else {})


def sniff(data: bytes, name: str = "") -> str:
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    low = head.lower()
    if (
        low.startswith((b"<!doctype html", b"<html"))
        or b"<html" in low
        or name.lower().endswith((".html", ".htm"))
    ):
        return "html"
    return "txt"


def read_bytes(data: bytes, name: str = "", limits: Limits | None = None) -> Document:
    """Read one file's bytes; raises only ``ExtractionError`` subclasses."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise E.TooLargeError(f"{len(data)} bytes, limit {limits.max_bytes}")
    if not data.strip():
        raise E.EmptyInputError()
    kind = sniff(data, name)
    try:
        if kind == "pdf":
            doc = _read_pdf(data, limits, name)
        elif kind == "docx":
            doc = _read_docx(data, limits)
        elif kind == "html":
            doc = _read_html(data, name)
        else:
            doc = _read_txt(data)
    except E.ExtractionError:
        raise
    except RecursionError as exc:
        raise E.UnsupportedFormatError("nesting too deep") from exc
    except (
        Exception
    ) as exc:  # last line of defence: never an unhandled exception, but never a silent one either
        logger.warning(
            "%s: the %s reader failed unexpectedly: %s: %s", name, kind, type(exc).__name__, exc, exc_info=exc
        )
        raise E.ExtractionError(f"{kind}: {type(exc).__name__}") from exc
    doc.text = _clean(doc.text)
    if not doc.text.strip():
        raise E.EmptyInputError()
    if len(_CONTROL.findall(doc.text[:20000])) > max(2, len(doc.text[:20000]) // 100):
        raise E.BinaryInputError("control characters in text")
    doc.lang = doc.lang or guess_language(doc.text)
    return doc


def read_path(path: str | Path, limits: Limits | None = None) -> Document:
    """Read a file, checking its size before loading it into memory."""
    limits = limits or Limits()
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise E.TooLargeError(f"{size} bytes, limit {limits.max_bytes}")
        data = p.read_bytes()
    except OSError as exc:
        raise E.ExtractionError(
            f"cannot open: {exc.strerror or exc}",
            message_en="The file could not be opened.",
            message_cy="Nid oedd modd agor y ffeil.",
        ) from exc
    return read_bytes(data, p.name, limits)
