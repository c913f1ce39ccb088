"""The seed meeting's letter and statement, published as the demonstration publishes them (the Minister's passages
beside the composed sentences), hold every element of the seed documents, in both languages.

The files are made by the ``igr render`` command and read back with python-docx and pdfplumber: the test
checks what a reader of the DOCX or the PDF gets, not what the template says.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from .conftest import SEED
from .readback import docx_read, pdf_read

COMMUNIQUE = (
    "https://www.gov.uk/government/news/interministerial-group-for-safety-security-and-migration-11-july-2023"
)
WLS_CY = "Rydym yn croesawu derbyn gohebiaeth yn Gymraeg. Byddwn yn ateb gohebiaeth a dderbynnir yn Gymraeg yn Gymraeg ac ni fydd gohebu yn Gymraeg yn arwain at oedi."
WLS_EN = "We welcome receiving correspondence in Welsh. Any correspondence received in Welsh will be answered in Welsh and corresponding in Welsh will not lead to a delay in responding."
LETTERHEAD = [
    "Jane Hutt AS/MS",
    "Gweinidog Cyfiawnder Cymdeithasol a'r Prif Chwip",
    "Minister for Social Justice and Chief Whip",
    "Llywodraeth Cymru",
    "Welsh Government",
]
FOOTER = [
    "Canolfan Cyswllt Cyntaf / First Point of Contact Centre: 0300 0604400",
    "Bae Caerdydd • Cardiff Bay",
    "Caerdydd • Cardiff",
    "CF99 1SN",
    "Gohebiaeth.Jane.Hutt@llyw.cymru",
    "Correspondence.Jane.Hutt@gov.wales",
    WLS_CY,
    WLS_EN,
]

EXPECTED = {
    ("letter", "en"): [
        *LETTERHEAD,
        "Ein cyf/Our ref: Safety, Security and Migration IMG",
        "Huw Irranca-Davies MS Chair Legislation, Justice and Constitution Committee Senedd Cymru SeneddLJC@senedd.wales",
        "Cc Jenny Rathbone MS, Chair of the Equality and Social Justice Committee",
        "25 September 2023",
        "Dear Huw,",
        "Inter-Institutional Relations Agreement: Safety, Security and Migration Interministerial Group",
        "I am writing further to my letter of 21 June, and in accordance with the Inter-Institutional Relations Agreement, to report on the second meeting of the Safety, Security and Migration Interministerial Group (IMG), held on 11 July.",
        "The meeting was attended by the Home Secretary, the Rt Hon. Suella Braverman KC MP, as the Chair, and by the Scottish Government's Cabinet Secretary for Social Justice, Shirley-Anne Somerville MSP.",
        "I represented the Welsh Government.",
        "Officials attended for the Northern Ireland Executive in the absence of Ministers: Cathy Galway (Senior Official) and Julie Cummings (Senior Official).",
        "The meeting discussed the Illegal Migration Bill; processing of asylum applications and accommodation; and safety, national security and information sharing.",
        "The meeting provided me with an opportunity to express the concerns the Welsh Government has on aspects of the Illegal Migration Bill",
        "In addition to the discussions around immigration I highlighted the need for improved engagement and data sharing",
        "The next meeting is due to take place in November and I will inform you once a date has been finalised.",
        "Further information on the meeting can be found at: Safety, Security and Migration Interministerial Group communiqué: 11 July 2023",
        "I am copying this letter to Jenny Rathbone MS, Chair of the Equality and Social Justice Committee.",
        "Yours sincerely, Jane Hutt AS/MS Gweinidog Cyfiawnder Cymdeithasol a'r Prif Chwip Minister for Social Justice and Chief Whip",
        *FOOTER,
    ],
    ("letter", "cy"): [
        *LETTERHEAD,
        "Ein cyf/Our ref: Safety, Security and Migration IMG",
        "Huw Irranca-Davies AS Cadeirydd Pwyllgor Deddfwriaeth, Cyfiawnder a'r Cyfansoddiad Senedd Cymru SeneddLJC@senedd.wales",
        "Copi: Jenny Rathbone AS, Cadeirydd y Pwyllgor Cydraddoldeb a Chyfiawnder Cymdeithasol",
        "25 Medi 2023",
        "Annwyl Huw,",
        "Cytundeb Cysylltiadau Rhyngsefydliadol: Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo",
        "Rwy'n ysgrifennu yn dilyn fy llythyr dyddiedig 21 Mehefin, ac yn unol â'r Cytundeb Cysylltiadau Rhyngsefydliadol, i adrodd ar ail gyfarfod y Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo, a gynhaliwyd ar 11 Gorffennaf.",
        "Yn bresennol yn y cyfarfod roedd y Gwir Anrhydeddus Suella Braverman CB AS, Ysgrifennydd Cartref Llywodraeth y DU, fel Cadeirydd, a Shirley-Anne Somerville ASA, Ysgrifennydd y Cabinet dros Gyfiawnder Cymdeithasol Llywodraeth yr Alban.",
        "Cynrychiolais Lywodraeth Cymru.",
        "Roedd swyddogion yn bresennol ar ran Gweithrediaeth Gogledd Iwerddon yn absenoldeb Gweinidogion: Cathy Galway (Uwch Swyddog) a Julie Cummings (Uwch Swyddog).",
        "Yn y cyfarfod, trafodwyd y Bil Mudo Anghyfreithlon; prosesu ceisiadau am loches a llety; a diogelwch, diogeledd cenedlaethol a rhannu gwybodaeth.",
        "Rhoddodd y cyfarfod gyfle imi fynegi'r pryderon sydd gan Lywodraeth Cymru",
        "Disgwylir i'r cyfarfod nesaf gael ei gynnal ym mis Tachwedd a byddaf yn rhoi gwybod i chi pan fydd y dyddiad wedi'i gadarnhau.",
        "Mae rhagor o wybodaeth am y cyfarfod ar gael yn: Cyfathrebiad y Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo: 11 Gorffennaf 2023",
        "Rwy'n anfon copi o'r llythyr hwn at Jenny Rathbone AS, Cadeirydd y Pwyllgor Cydraddoldeb a Chyfiawnder Cymdeithasol.",
        "Yn gywir, Jane Hutt AS/MS Gweinidog Cyfiawnder Cymdeithasol a'r Prif Chwip Minister for Social Justice and Chief Whip",
        *FOOTER,
    ],
    ("statement", "en"): [
        "Llywodraeth Cymru",
        "Welsh Government",
        "STATEMENT BY THE WELSH GOVERNMENT",
        "TITLE Safety, Security and Migration Interministerial Group",
        "DATE 25 September 2023",
        "BY Jane Hutt MS, Minister for Social Justice and Chief Whip",
        "In accordance with the Inter-Institutional Relations Agreement, I am giving notification that I attended the second meeting of the Safety, Security and Migration Interministerial Group (IMG), which took place virtually on 11 July, bringing together members of all four governments.",
        "The meeting was attended by the Home Secretary, the Rt Hon. Suella Braverman KC MP, as the Chair, and by the Scottish Government's Cabinet Secretary for Social Justice, Shirley-Anne Somerville MSP.",
        "Officials attended for the Northern Ireland Executive in the absence of Ministers: Cathy Galway (Senior Official) and Julie Cummings (Senior Official).",
        "At the meeting I expressed my disappointment that the vote by the Senedd to withhold consent to the Illegal Migration Bill was not considered by UK Government.",
        "I praised the hard work being undertaken by Border Force officials to tackle the increasing influx of illegal drugs into the UK",
        "The next meeting is due to take place in November and I will update Members once a date has been finalised.",
        "A joint communiqué is published on the UK Government website at: Safety, Security and Migration Interministerial Group communiqué: 11 July 2023",
    ],
    ("statement", "cy"): [
        "Llywodraeth Cymru",
        "Welsh Government",
        "DATGANIAD GAN LYWODRAETH CYMRU",
        "TEITL Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo",
        "DYDDIAD 25 Medi 2023",
        "GAN Jane Hutt AS, Gweinidog Cyfiawnder Cymdeithasol a'r Prif Chwip",
        "Yn unol â'r Cytundeb Cysylltiadau Rhyngsefydliadol, rwy'n rhoi gwybod fy mod wedi mynychu ail gyfarfod y Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo, a gynhaliwyd yn rhithwir ar 11 Gorffennaf, gan ddod ag aelodau o'r pedair llywodraeth ynghyd.",
        "Yn bresennol yn y cyfarfod roedd y Gwir Anrhydeddus Suella Braverman CB AS, Ysgrifennydd Cartref Llywodraeth y DU, fel Cadeirydd, a Shirley-Anne Somerville ASA",
        "Roedd swyddogion yn bresennol ar ran Gweithrediaeth Gogledd Iwerddon yn absenoldeb Gweinidogion",
        "Yn y cyfarfod, mynegais fy siom na chafodd pleidlais y Senedd i atal cydsyniad i'r Bil Mudo Anghyfreithlon ei hystyried gan Lywodraeth y DU.",
        "Canmolais y gwaith caled y mae swyddogion Llu'r Ffiniau yn ei wneud",
        "Disgwylir i'r cyfarfod nesaf gael ei gynnal ym mis Tachwedd a byddaf yn rhoi'r wybodaeth ddiweddaraf i'r Aelodau pan fydd y dyddiad wedi'i gadarnhau.",
        "Mae cyfathrebiad ar y cyd wedi'i gyhoeddi ar wefan Llywodraeth y DU: Cyfathrebiad y Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo: 11 Gorffennaf 2023",
    ],
}
# English that must not appear in a Welsh document's own sentences (the bilingual letterhead and footer aside).
ENGLISH_SENTENCES = [
    "The meeting was attended",
    "attended as",
    "in the absence",
    "I am writing",
    "The next meeting",
    "Dear ",
    "Yours sincerely",
    "STATEMENT BY",
    "I praised",
    "I highlighted",
]

_cache: dict = {}


def rendered(tmp_path_factory, kind: str, language: str, fmt: str) -> bytes:
    key = (kind, language, fmt)
    if key not in _cache:
        out = tmp_path_factory.mktemp("render") / f"{kind}-{language}.{fmt}"
        call_command(
            "render",
            SEED,
            "--document",
            kind,
            "--language",
            language,
            "--format",
            fmt,
            "--output",
            str(out),
            "--strict",
        )
        _cache[key] = out.read_bytes()
    return _cache[key]


def text_and_links(content: bytes, fmt: str) -> tuple[str, list[str]]:
    if fmt == "docx":
        text, _bold, links = docx_read(content)
        return text, links
    return pdf_read(content)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize(("kind", "language"), list(EXPECTED))
def test_seed_documents_hold_every_element(seed_reported, tmp_path_factory, kind, language, fmt):
    text, links = text_and_links(rendered(tmp_path_factory, kind, language, fmt), fmt)
    missing = [element for element in EXPECTED[(kind, language)] if element not in text]
    assert not missing, f"{kind}/{language}/{fmt} lacks {missing}\n---\n{text}"
    assert COMMUNIQUE in links
    if language == "cy":
        for required in ("11 Gorffennaf 2023", "Llywodraeth Cymru", "ail gyfarfod"):
            assert required in text
        own_text = text.replace(WLS_EN, "").replace("Minister for Social Justice and Chief Whip", "")
        leaked = [s for s in ENGLISH_SENTENCES if s in own_text]
        assert not leaked, f"English in the Welsh {kind}: {leaked}"


def test_the_letter_subject_line_is_bold(seed_reported, tmp_path_factory):
    _text, bold, _links = docx_read(rendered(tmp_path_factory, "letter", "en", "docx"))
    assert (
        "Inter-Institutional Relations Agreement: Safety, Security and Migration Interministerial Group"
        in bold
    )
    _text, bold, _links = docx_read(rendered(tmp_path_factory, "letter", "cy", "docx"))
    assert (
        "Cytundeb Cysylltiadau Rhyngsefydliadol: Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo" in bold
    )


def test_html_is_marked_with_its_language(seed_reported, tmp_path_factory):
    html = rendered(tmp_path_factory, "statement", "cy", "html").decode()
    assert '<html lang="cy">' in html and f'href="{COMMUNIQUE}"' in html
    assert "DATGANIAD GAN LYWODRAETH CYMRU" in html


def test_the_docx_uses_words_own_styles_and_the_footer_is_on_the_first_page(seed_reported, tmp_path_factory):
    """Officials edit these files: the heading is a Title, the subject a Heading, the text Normal."""
    import io

    from docx import Document

    letter = Document(io.BytesIO(rendered(tmp_path_factory, "letter", "cy", "docx")))
    styles = {p.text: p.style.name for p in letter.paragraphs if p.text}
    assert (
        styles["Cytundeb Cysylltiadau Rhyngsefydliadol: Grŵp Rhyngweinidogol ar Ddiogelwch, Diogeledd a Mudo"]
        == "Heading 1"
    )
    assert set(styles.values()) <= {"Normal", "Heading 1"}
    section = letter.sections[0]
    assert section.different_first_page_header_footer
    footer = [p.text for p in section.first_page_footer.paragraphs]
    assert footer[0] == FOOTER[0] and footer[-2:] == [WLS_CY, WLS_EN]
    assert all(p.style.name == "Footer" for p in section.first_page_footer.paragraphs)
    assert WLS_CY not in [p.text for p in letter.paragraphs]
    statement = Document(io.BytesIO(rendered(tmp_path_factory, "statement", "en", "docx")))
    assert [p.style.name for p in statement.paragraphs if p.text == "STATEMENT BY THE WELSH GOVERNMENT"] == [
        "Title"
    ]


def test_the_pdf_letter_carries_its_footer_on_the_first_page_only(seed_reported, tmp_path_factory):
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(rendered(tmp_path_factory, "letter", "en", "pdf"))) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) >= 2
    assert (
        "First Point of Contact Centre" in pages[0]
        and "We welcome receiving correspondence in Welsh" in pages[0]
    )
    assert not any("First Point of Contact Centre" in page for page in pages[1:])
    assert pages[0].index("Dear Huw,") < pages[0].index("First Point of Contact Centre")
