"""Typed extraction errors, each with an English and a Welsh message.

Why bilingual: these messages reach officials through the CLI and the register's upload pages, and
Welsh must never be the fallback. Every bad input maps to one of these; nothing else escapes a reader.
"""

from __future__ import annotations


class ExtractionError(Exception):
    """Base class: an input that cannot be read into a record."""

    code = "unreadable"
    message_en = "The file could not be read."
    message_cy = "Nid oedd modd darllen y ffeil."

    def __init__(self, detail: str = "", *, message_en: str | None = None, message_cy: str | None = None):
        if message_en:
            self.message_en = message_en
        if message_cy:
            self.message_cy = message_cy
        self.detail = detail
        super().__init__(f"{self.message_en}{f' ({detail})' if detail else ''}")


class EmptyInputError(ExtractionError):
    code = "empty"
    message_en = "The file is empty or holds no text."
    message_cy = "Mae'r ffeil yn wag neu nid oes testun ynddi."


class BinaryInputError(ExtractionError):
    code = "binary"
    message_en = "The file is not a document this system can read (binary data)."
    message_cy = "Nid yw'r ffeil yn ddogfen y gall y system hon ei darllen (data deuaidd)."


class EncodingError(ExtractionError):
    code = "encoding"
    message_en = "The text's character encoding could not be recognised."
    message_cy = "Nid oedd modd adnabod amgodiad nodau'r testun."


class TooLargeError(ExtractionError):
    code = "too_large"
    message_en = "The file is larger than the permitted size."
    message_cy = "Mae'r ffeil yn fwy na'r maint a ganiateir."


class CorruptPDFError(ExtractionError):
    code = "corrupt_pdf"
    message_en = "The PDF is damaged or incomplete."
    message_cy = "Mae'r PDF wedi'i ddifrodi neu'n anghyflawn."


class EncryptedPDFError(ExtractionError):
    code = "encrypted_pdf"
    message_en = "The PDF is protected by a password."
    message_cy = "Mae'r PDF wedi'i ddiogelu gan gyfrinair."


class NoTextError(ExtractionError):
    code = "no_text"
    message_en = "The document holds no extractable text (it may be a scanned image)."
    message_cy = "Nid oes testun y gellir ei echdynnu yn y ddogfen (efallai mai delwedd wedi'i sganio ydyw)."


class CorruptDocxError(ExtractionError):
    code = "corrupt_docx"
    message_en = "The Word document is damaged or not a valid DOCX file."
    message_cy = "Mae'r ddogfen Word wedi'i difrodi neu nid yw'n ffeil DOCX ddilys."


class ArchiveBombError(ExtractionError):
    code = "archive_bomb"
    message_en = "The Word document expands to more than the permitted size."
    message_cy = "Mae'r ddogfen Word yn ehangu i fwy na'r maint a ganiateir."


class UnsupportedFormatError(ExtractionError):
    code = "unsupported"
    message_en = "This kind of file is not supported."
    message_cy = "Ni chefnogir y math hwn o ffeil."
