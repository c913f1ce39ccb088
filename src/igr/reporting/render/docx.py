"""DOCX for editing, built with python-docx from the composed document (same blocks, same order as the PDF).

Paragraphs carry Word's own styles, so an official who edits the file finds a real document: the statement's
heading is a Title, the letter's subject a Heading 1, section headings Heading 2, the body Normal, the contact
footer and the Welsh Language Standards paragraph the first page's Footer (as on the printed letter). Text goes
in through python-docx's API, which escapes it, so "&" or "<" in a record can never corrupt the file.
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
BLACK = RGBColor(0x0B, 0x0C, 0x0C)
GREY = RGBColor(0x38, 0x3F, 0x43)
STYLES = {  # style: (size in points, bold, space after in points)
    "Normal": (11, False, 6),
    "Title": (14, True, 12),
    "Heading 1": (11, True, 6),
    "Heading 2": (12, True, 4),
    "Footer": (8, False, 0),
}


def _set_language(run_or_style_rpr, language: str) -> None:
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANG_TAGS[language])
    run_or_style_rpr.append(lang)


def _style_document(out, language: str) -> None:
    """Word's built-in styles, set to the letter's face: Arial, black, the sizes the printed letter uses."""
    for name, (size, bold, after) in STYLES.items():
        style = out.styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), bold
        style.font.color.rgb = GREY if name == "Footer" else BLACK
        style.font.italic = False
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(after)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
    title = out.styles["Title"].element.pPr
    if title is not None:  # the default Title has a blue rule beneath it; the statement's heading has none
        for border in title.findall(qn("w:pBdr")):
            title.remove(border)
    _set_language(out.styles["Normal"].element.get_or_add_rPr(), language)


def _para(
    container,
    text: str = "",
    style: str = "Normal",
    bold: bool | None = None,
    align=None,
    space_after: float | None = None,
    language: str | None = None,
):
    paragraph = container.add_paragraph(style=style)
    if space_after is not None:
        paragraph.paragraph_format.space_after = Pt(space_after)
    if align is not None:
        paragraph.alignment = align
    if text:
        run = paragraph.add_run(text)
        if bold is not None:
            run.bold = bold
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


def _letterhead(out, doc: Composed) -> None:
    table = out.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    for n, line in enumerate(doc.letterhead):
        _para(left, line, bold=n == 0, space_after=0, language={1: "cy", 2: "en"}.get(n))
    for n, line in enumerate(doc.government):
        _para(
            right,
            line,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.RIGHT,
            space_after=0,
            language=("cy", "en")[n % 2],
        )
    _para(out, "")


def _first_page_footer(out, doc: Composed) -> None:
    """The contact footer and the Welsh Language Standards paragraph, at the foot of the first page only."""
    section = out.sections[0]
    section.different_first_page_header_footer = True
    footer = section.first_page_footer
    footer.paragraphs[0].text = ""
    first = True
    for line in doc.footer:
        paragraph = footer.paragraphs[0] if first else footer.add_paragraph(style="Footer")
        paragraph.style = out.styles["Footer"]
        paragraph.add_run(line)
        first = False
    for language, text in doc.standards:
        _para(
            footer, text, style="Footer", space_after=3, language=language
        ).paragraph_format.space_before = Pt(3)


def render_docx(doc: Composed) -> bytes:
    out = Document()
    _style_document(out, doc.language)
    for section in out.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    out.core_properties.title = doc.title
    out.core_properties.language = LANG_TAGS[doc.language]
    out.core_properties.author = (
        doc.letterhead[0] if doc.letterhead else (doc.government[-1] if doc.government else "")
    )

    if doc.letterhead or doc.government:
        _letterhead(out, doc)
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
        _para(out, doc.subject, style="Heading 1")
    if doc.heading:
        _para(out, doc.heading, style="Title")
    for label, value in doc.fields:
        paragraph = _para(out, f"{label}  ", space_after=2)
        paragraph.add_run(value).bold = True
    for note in doc.notes:
        _para(out, note).runs[0].italic = True
    for section in doc.sections:
        if section.heading:
            _para(out, section.heading, style="Heading 2")
        for p in section.paragraphs:
            paragraph = _para(out, p.text, bold=True if p.bold else None)
            if p.missing and paragraph.runs:
                paragraph.runs[
                    0
                ].font.highlight_color = WD_COLOR_INDEX.YELLOW  # a translator owes this passage
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
        _first_page_footer(out, doc)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
