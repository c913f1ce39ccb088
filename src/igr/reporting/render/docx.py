"""DOCX for editing, built with python-docx from the composed document (same blocks, same order as the PDF).

Built directly rather than from a docxtpl template: text goes in through python-docx's API, which escapes it,
so "&" or "<" in a record can never corrupt the file (the failure docxtpl shows without autoescape).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from igr.reporting.compose.document import Composed

LANG_TAGS = {"cy": "cy-GB", "en": "en-GB"}
FONT = "Arial"


def _set_language(run_or_style_rpr, language: str) -> None:
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANG_TAGS[language])
    run_or_style_rpr.append(lang)


def _para(container, text: str = "", bold: bool = False, size: float | None = None, align=None, space_after: float = 6, language: str | None = None):
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(space_after)
    if align is not None:
        paragraph.alignment = align
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if language:
            _set_language(run._r.get_or_add_rPr(), language)
    return paragraph


def _hyperlink(paragraph, text: str, url: str) -> None:
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:u")
    style.set(qn("w:val"), "single")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "1D70B8")
    props.extend([color, style])
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def render_docx(doc: Composed) -> bytes:
    out = Document()
    normal = out.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    _set_language(normal.element.get_or_add_rPr(), doc.language)
    for section in out.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    out.core_properties.title = doc.title
    out.core_properties.language = LANG_TAGS[doc.language]
    out.core_properties.author = doc.letterhead[0] if doc.letterhead else (doc.government[-1] if doc.government else "")

    if doc.letterhead or doc.government:
        table = out.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _no_borders(table)
        left, right = table.rows[0].cells
        left.paragraphs[0].text = ""
        for n, line in enumerate(doc.letterhead):
            _para(left, line, bold=n == 0, size=12 if n == 0 else 10, space_after=0, language={1: "cy", 2: "en"}.get(n))
        for n, line in enumerate(doc.government):
            _para(right, line, bold=True, size=13 if n == 0 else 11, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=0, language=("cy", "en")[n % 2])
        _para(out, "")
    if doc.reference:
        _para(out, doc.reference)
    for n, line in enumerate(doc.addressee):
        _para(out, line, space_after=0 if n < len(doc.addressee) - 1 else 6)
    if doc.copy_line:
        _para(out, doc.copy_line)
    if doc.kind not in ("statement", "annual_report"):
        _para(out, doc.date_text, space_after=12)
    if doc.salutation:
        _para(out, doc.salutation)
    if doc.subject:
        _para(out, doc.subject, bold=True)
    if doc.heading:
        _para(out, doc.heading, bold=True, size=13, space_after=12)
    for label, value in doc.fields:
        paragraph = _para(out, f"{label}  ", space_after=2)
        paragraph.add_run(value).bold = True
    for note in doc.notes:
        _para(out, note).runs[0].italic = True
    for section in doc.sections:
        if section.heading:
            out.add_heading(section.heading, level=2)
        for p in section.paragraphs:
            paragraph = _para(out, p.text, bold=p.bold)
            if p.missing and paragraph.runs:
                paragraph.runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW  # a translator owes this passage
            if p.link_url:
                _hyperlink(paragraph, p.link_text, p.link_url)
        if section.table:
            table = out.add_table(rows=1, cols=len(section.table.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, section.table.header, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            for row in section.table.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            _para(out, "")
    if doc.closing:
        _para(out, doc.closing, space_after=36)
    for n, line in enumerate(doc.signature):
        _para(out, line, bold=n == 0, space_after=0, language={1: "cy", 2: "en"}.get(n))
    if doc.footer or doc.standards:
        _para(out, "", space_after=12)
    for line in doc.footer:
        run = _para(out, line, size=8.5, space_after=0).runs[0]
        run.font.color.rgb = RGBColor(0x38, 0x3F, 0x43)
    for language, text in doc.standards:
        _para(out, text, size=8.5, space_after=3, language=language)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
