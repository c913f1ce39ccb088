"""Readers on real files of every format, and every kind of bad input."""

from __future__ import annotations

import io
import zipfile

import pytest

from igr.extract import errors as E
from igr.extract.readers import Limits, read_bytes, read_path
from tests.extract.conftest import LETTER, STATEMENT, docx_bytes, make_docx, make_html, make_pdf


def test_plain_text_encodings():
    text = "Grŵp Rhyngweinidogol — 25 Medi 2023\nMeeting of the group."
    for data in (
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("utf-16"),
        "Caf\u00e9 meeting \u2013 25 September 2023".encode("cp1252"),
    ):
        doc = read_bytes(data, "x.txt")
        assert "2023" in doc.text and doc.kind == "txt"
    assert "Grŵp" in read_bytes(text.encode("utf-16"), "x.txt").text


def test_pdf_reader_keeps_welsh_letters(tmp_path):
    doc = read_path(make_pdf(LETTER + "\nGrŵp Rhyngweinidogol ŷ ŵ", tmp_path / "l.pdf"))
    assert doc.kind == "pdf" and "Suella Braverman" in doc.text and "Grŵp" in doc.text


def test_docx_reader_and_language(tmp_path):
    doc = read_path(make_docx(STATEMENT, tmp_path / "s.docx", lang="cy-GB"))
    assert doc.kind == "docx" and "Michael Gove" in doc.text and doc.lang == "cy"


def test_html_reader_takes_lang_and_drops_navigation(tmp_path):
    doc = read_path(make_html(STATEMENT, tmp_path / "s.html", lang="cy"))
    assert doc.kind == "html" and doc.lang == "cy" and "Michael Gove" in doc.text and "Footer" not in doc.text


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", E.EmptyInputError),
        (b"   \n\t ", E.EmptyInputError),
        (bytes(range(256)) * 20, E.BinaryInputError),
        (b"\x00\x01\x02garbage\x00" * 50, E.BinaryInputError),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", E.ExtractionError),
        (b"PK\x03\x04 not really a zip", E.CorruptDocxError),
        (b"\xff\xfe\x00", E.ExtractionError),
    ],
)
def test_bad_inputs_raise_typed_bilingual_errors(data, error):
    with pytest.raises(error) as info:
        read_bytes(data, "bad")
    assert info.value.message_en and info.value.message_cy and info.value.message_en != info.value.message_cy


def test_truncated_pdf(tmp_path):
    data = make_pdf(LETTER, tmp_path / "l.pdf").read_bytes()
    with pytest.raises(E.ExtractionError):
        read_bytes(data[: len(data) // 3], "cut.pdf")


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(make_pdf(LETTER, tmp_path / "l.pdf")).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(E.EncryptedPDFError):
        read_bytes(buf.getvalue(), "locked.pdf")


def test_docx_bomb_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\x00" * (3 * 1024 * 1024))
    with pytest.raises(E.ArchiveBombError):
        read_bytes(buf.getvalue(), "bomb.docx", Limits(max_expanded=1024 * 1024))


def test_docx_bomb_with_lying_sizes_is_refused():
    good = docx_bytes("Meeting " * 5000)
    with pytest.raises(E.ArchiveBombError):
        read_bytes(good, "big.docx", Limits(max_expanded=20_000))


def test_over_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"meeting " * 1000)
    with pytest.raises(E.TooLargeError):
        read_path(path, Limits(max_bytes=100))
    with pytest.raises(E.TooLargeError):
        read_bytes(path.read_bytes(), "big.txt", Limits(max_bytes=100))


def test_missing_file_is_a_typed_error(tmp_path):
    with pytest.raises(E.ExtractionError):
        read_path(tmp_path / "nope.txt")


def test_welsh_text_in_iso_8859_14_keeps_its_circumflexes():
    text = (
        "Datganiad Ysgrifenedig: y Grŵp Rhyngweinidogol ar gyfer Masnach. Mynychais y cyfarfod; "
        "roedd pob gweinyddiaeth yn cytuno bod angen cydweithio ar bolisi dŵr a thir."
    )
    doc = read_bytes(text.encode("iso8859_14"), "statement.txt")
    assert "Grŵp" in doc.text and "dŵr" in doc.text and "Grðp" not in doc.text
    assert doc.warnings == []  # every letter is one English or Welsh uses: sure


def test_windows_1252_punctuation_is_still_read_as_windows_1252():
    doc = read_bytes("The Minister’s statement – £5m for Dún Laoghaire".encode("cp1252"), "a.txt")
    assert doc.text == "The Minister's statement – £5m for Dún Laoghaire" and doc.warnings == []


def test_an_uncertain_encoding_is_read_with_a_bilingual_warning():
    doc = read_bytes("The Minister agreed to fund ¾ of the cost of the scheme.".encode("cp1252"), "a.txt")
    assert "Minister agreed" in doc.text
    (warning,) = doc.warnings
    assert "encoding" in warning["en"] and "amgodiad" in warning["cy"]
