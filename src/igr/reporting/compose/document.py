"""A composed document: blocks of text in one language, ready for the HTML, PDF and DOCX renderers.

The same structure feeds all three formats, so the Welsh and English versions share one layout and a
published version can be kept as data (``as_dict``) and rendered again identically.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Paragraph:
    text: str
    link_text: str = ""
    link_url: str = ""
    bold: bool = False
    missing: bool = False  # a free-text passage not yet written in this language

    @property
    def plain(self) -> str:
        return f"{self.text}{self.link_text}" if self.link_text else self.text


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    heading: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    table: Table | None = None


@dataclass
class Composed:
    kind: str  # notice, letter, statement, annual_report
    language: str
    title: str
    date_text: str = ""
    letterhead: list[str] = field(default_factory=list)  # minister: name AS/MS, Welsh title, English title
    government: list[str] = field(default_factory=list)  # "Llywodraeth Cymru", "Welsh Government"
    reference: str = ""
    addressee: list[str] = field(default_factory=list)
    copy_line: str = ""
    salutation: str = ""
    subject: str = ""
    heading: str = ""  # statement: STATEMENT BY THE WELSH GOVERNMENT
    fields: list[tuple[str, str]] = field(default_factory=list)  # statement: TITLE, DATE, BY
    notes: list[str] = field(default_factory=list)  # e.g. made in recess
    sections: list[Section] = field(default_factory=list)
    closing: str = ""
    signature: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    standards: list[tuple[str, str]] = field(
        default_factory=list
    )  # (language, Welsh Language Standards text)
    missing: list[str] = field(default_factory=list)
    commitments: list[dict] = field(default_factory=list)
    passages: dict[str, str] = field(
        default_factory=dict
    )  # agenda titles and positions as this document says them

    @property
    def complete(self) -> bool:
        return not self.missing

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Composed:
        sections = []
        for s in data.get("sections", []):
            table = Table(**s["table"]) if s.get("table") else None
            sections.append(
                Section(s.get("heading", ""), [Paragraph(**p) for p in s.get("paragraphs", [])], table)
            )
        values = {k: v for k, v in data.items() if k != "sections"}
        values["fields"] = [tuple(f) for f in values.get("fields", [])]
        values["standards"] = [tuple(s) for s in values.get("standards", [])]
        return cls(**values, sections=sections)

    def plain_text(self) -> str:
        """The document's text in reading order, as the renderers lay it out."""
        lines: list[str] = [*self.letterhead, *self.government]
        lines += [x for x in (self.reference,) if x] + self.addressee
        lines += [
            x
            for x in (
                self.copy_line,
                self.date_text if self.kind != "statement" else "",
                self.salutation,
                self.subject,
                self.heading,
            )
            if x
        ]
        lines += [f"{label} {value}" for label, value in self.fields] + self.notes
        for section in self.sections:
            if section.heading:
                lines.append(section.heading)
            lines += [p.plain for p in section.paragraphs]
            if section.table:
                lines.append(" | ".join(section.table.header))
                lines += [" | ".join(row) for row in section.table.rows]
        lines += (
            [x for x in (self.closing,) if x]
            + self.signature
            + self.footer
            + [text for _lang, text in self.standards]
        )
        return "\n".join(lines)
