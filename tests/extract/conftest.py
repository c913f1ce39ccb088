"""Fixtures: documents written for these tests, in every format the readers take."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SHARED = HERE.parents[2] / "shared" / "corpus"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

LETTER = """Jane Hutt AS/MS
Gweinidog Cyfiawnder Cymdeithasol a'r Prif Chwip
Minister for Social Justice and Chief Whip

Llywodraeth Cymru
Welsh Government

Huw Irranca-Davies MS
Chair
Legislation, Justice and Constitution Committee

25 September 2023

Dear Huw,

I am writing to report on the second meeting of the Safety, Security and Migration Interministerial Group (IMG), held on 11 July.

The meeting was attended by the Home Secretary, the Rt Hon. Suella Braverman KC MP, as the Chair, and by the Scottish Government's Cabinet Secretary for Social Justice Shirley-Anne Somerville MSP.

I raised concerns about asylum accommodation. The next meeting will take place on 4 December.

A communiqué has been published on GOV.UK.

Yours sincerely,
Jane Hutt
"""

STATEMENT = """Llywodraeth Cymru
Welsh Government

STATEMENT BY THE WELSH GOVERNMENT

TITLE **Inter-Ministerial Standing Committee**

DATE **14 March 2024**

BY **Mick Antoniw MS, Counsel General and Minister for the Constitution**

I attended the sixth meeting of the Inter- Ministerial Standing Committee, held virtually on 12 March. The meeting was chaired by the Secretary of State for Levelling Up, Housing and Communities, the Rt Hon Michael Gove MP. First Minister Michelle O'Neill MLA attended for the Northern Ireland Executive. Officials from the Scottish Government attended in an observational capacity.

I raised the importance of engagement on UK legislation and the Sewel Convention before the meeting closed.
"""


@pytest.fixture
def welsh_text() -> str:
    return (HERE / "welsh_statement.txt").read_text(encoding="utf-8")


def make_pdf(text: str, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for para in text.split("\n"):
        words, line = para.split(), ""
        for w in words + [""]:
            if w and c.stringWidth(f"{line} {w}", "DejaVu", 10) < 480:
                line = f"{line} {w}".strip()
                continue
            c.setFont("DejaVu", 10)
            c.drawString(50, y, line)
            y -= 14
            line = w
            if y < 60:
                c.showPage()
                y = 800
        if not words:
            y -= 14
    c.save()
    return path


def make_docx(text: str, path: Path, lang: str | None = None) -> Path:
    import docx
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    d = docx.Document()
    for para in text.split("\n"):
        p = d.add_paragraph()
        run = p.add_run(para)
        if lang:
            rpr = run._element.get_or_add_rPr()
            el = OxmlElement("w:lang")
            el.set(qn("w:val"), lang)
            rpr.append(el)
    d.save(str(path))
    return path


def make_html(text: str, path: Path, lang: str = "en") -> Path:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
    title = text.split("\n")[0]
    path.write_text(
        f"<!DOCTYPE html><html lang='{lang}'><head><title>{title}</title></head><body><nav>Menu</nav>"
        f"<main><article><h1>{title}</h1>{paras}</article></main><footer>Footer</footer></body></html>",
        encoding="utf-8",
    )
    return path


def docx_bytes(text: str) -> bytes:
    buf = io.BytesIO()
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    d.save(buf)
    return buf.getvalue()
