"""Published editions, as the public pages read them: the only public form of what officials draft.

An edition is a published version of a letter, statement or notice: its text and files frozen at publication and
never changed. A document's first edition may be followed by corrections (each with a change note in both
languages, shown as GOV.UK shows updates) and a meeting may have a second document that adds to the first. Drafts,
versions awaiting approval and documents about meetings the register does not show are never returned here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from igr.register.models import Meeting
from igr.register.models.querysets import public_condition
from igr.reporting.compose.document import Composed
from igr.reporting.models import PublishedFile, ReportDocument

FORMATS = ("html", "pdf", "docx")
KINDS = ("notice", "letter", "statement")


@dataclass
class Change:
    version: int
    date: dt.date
    note: str  # empty for the first edition


@dataclass
class Edition:
    """One published version of one document, with what a reader needs to place it among the others."""

    document: ReportDocument
    latest: ReportDocument
    history: list[Change] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.document.slug

    @property
    def version(self) -> int:
        return self.document.version

    @property
    def is_latest(self) -> bool:
        return self.document.pk == self.latest.pk

    @property
    def first_published(self) -> dt.date:
        return self.history[0].date

    @property
    def last_updated(self) -> Change | None:
        """The latest correction, if there is one ("Updated 13 November 2023: …")."""
        return self.history[-1] if len(self.history) > 1 else None

    @property
    def follows(self):
        """The register document this one corrects or adds to, when it is not an earlier version of its own."""
        return self.document.follows_record

    def composed(self, language: str) -> Composed:
        return Composed.from_dict(self.document.snapshot[language])

    def title(self, language: str) -> str:
        return (self.document.snapshot.get(language) or {}).get("title", "")

    def url(self, language: str, fmt: str = "", version: bool = False) -> str:
        return edition_url(self.document.meeting, self.slug, language, fmt, self.version if version else None)

    def links(self, version: bool = False) -> list[tuple[str, list[dict[str, str]]]]:
        """Per language (Welsh, then English), the page, PDF and DOCX: what a meeting page lists for this document."""
        return [
            (
                language,
                [
                    {"format": fmt, "url": self.url(language, "" if fmt == "page" else fmt, version)}
                    for fmt in ("page", "pdf", "docx")
                ],
            )
            for language in ("cy", "en")
        ]


def edition_url(meeting: Meeting, slug: str, language: str, fmt: str = "", version: int | None = None) -> str:
    """The stable public address of a document (its latest edition) or of one edition, in one language."""
    body_key, _sep, day = meeting.reference.partition("/")
    kwargs = {"body_key": body_key, "day": day, "document": slug}
    if version is not None:
        kwargs["version"] = version
    if fmt:
        kwargs["fmt"] = fmt
    name = {
        (False, False): "edition",
        (True, False): "edition_version",
        (False, True): "edition_file",
        (True, True): "edition_version_file",
    }[(version is not None, bool(fmt))]
    with translation.override(language):
        return reverse(f"public:{name}", kwargs=kwargs)


def _published(meeting: Meeting) -> QuerySet[ReportDocument]:
    return (
        ReportDocument.objects.filter(
            public_condition("register.meeting", "meeting"),
            meeting=meeting,
            kind__in=KINDS,
            state=ReportDocument.State.PUBLISHED,
        )
        .select_related("meeting", "follows_record")
        .order_by("kind", "series", "version")
    )


def _history(versions: list[ReportDocument], language: str) -> list[Change]:
    return [
        Change(
            v.version,
            v.date,
            "" if i == 0 else (v.correction_note_cy if language == "cy" else v.correction_note_en),
        )
        for i, v in enumerate(versions)
    ]


def meeting_editions(meeting: Meeting, language: str) -> list[Edition]:
    """The latest edition of each published document about a public meeting, with its history."""
    series: dict[tuple[str, int], list[ReportDocument]] = {}
    for version in _published(meeting):
        series.setdefault((version.kind, version.series), []).append(version)
    return [Edition(versions[-1], versions[-1], _history(versions, language)) for versions in series.values()]


def edition(meeting: Meeting, slug: str, language: str, version: int | None = None) -> Edition | None:
    """One edition by its public name (``statement``, ``statement-2``) and version; the latest when none is given."""
    kind, _sep, number = slug.partition("-")
    if kind not in KINDS or (number and not number.isdigit()):
        return None
    versions = list(_published(meeting).filter(kind=kind, series=int(number or 1)))
    if not versions:
        return None
    chosen = versions[-1] if version is None else next((v for v in versions if v.version == version), None)
    return Edition(chosen, versions[-1], _history(versions, language)) if chosen else None


def edition_file(
    meeting: Meeting, slug: str, language: str, fmt: str, version: int | None = None
) -> PublishedFile | None:
    found = edition(meeting, slug, language, version)
    if found is None or fmt not in FORMATS:
        return None
    return PublishedFile.objects.filter(document=found.document, language=language, format=fmt).first()


def edition_pdf_hashes(meeting: Meeting) -> set[str]:
    """The content hashes of our editions' PDFs, as the register's document versions record them."""
    return set(
        PublishedFile.objects.filter(document__meeting=meeting, format="pdf").values_list("sha256", flat=True)
    )


def published_positions(meeting: Meeting, language: str) -> dict[str, tuple[str, Edition]]:
    """Agenda titles and positions as the latest published edition says them: passage key → (text, edition).

    A written statement speaks for the Welsh Government before a letter; within a kind the latest edition wins.
    """
    order = {"statement": 0, "letter": 1, "notice": 2}
    found: dict[str, tuple[str, Edition]] = {}
    editions = sorted(
        meeting_editions(meeting, language), key=lambda e: (order[e.document.kind], -e.document.series)
    )
    for one in editions:
        for passage, text in (one.document.snapshot.get(language) or {}).get("passages", {}).items():
            if text and passage not in found:
                found[passage] = (text, one)
    return found
