"""What must hold before a document moves on, each refusal a sentence in the user's language.

- No silent duplicates: a second letter or statement about a meeting says which publication it follows, as a
  correction or an addition.
- Nothing empty: a post-meeting letter or statement needs the attendance and at least one thing the Welsh
  Government said; both languages must be complete before approval.
- Four eyes: whoever wrote a document does not approve or publish it (a superuser neither, unless
  ``IGR_SUPERUSER_SELF_APPROVAL`` is on).
- Only public meetings: a document about a meeting the register does not show is not published.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from igr.register.dates import format_date
from igr.register.models import Document, Meeting
from igr.reporting.compose import passages
from igr.reporting.models import REGISTER_KIND, DocumentEvent, ReportDocument

NEEDS_CONTENT = ("letter", "statement")
WROTE = (
    "created",
    "texts_saved",
    "correction_started",
    "addition_started",
    "sent_for_translation",
    "submitted",
    "translated",
)


class GuardError(Exception):
    """A refusal, with a message in the user's language."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def published_records(meeting: Meeting, kind: str):
    """The public register documents of this kind about the meeting, ours and others', oldest first."""
    return Document.objects.public().filter(meetings=meeting, kind=REGISTER_KIND[kind]).order_by("date", "pk")


def _own_records(document: ReportDocument) -> set[int]:
    series = ReportDocument.objects.filter(
        kind=document.kind, meeting=document.meeting, series=document.series
    )
    return set(series.exclude(register_document__isnull=True).values_list("register_document_id", flat=True))


def no_silent_duplicate(meeting: Meeting, kind: str, document: ReportDocument | None = None) -> None:
    """Refuse a first publication when this kind of document about the meeting is already public."""
    if document is not None and (document.relation or document.supersedes_id):
        return
    earlier = published_records(meeting, kind)
    if document is not None:
        earlier = earlier.exclude(pk__in=_own_records(document))
    first = earlier.first()
    if first is not None:
        raise GuardError(
            _(
                "There is already a published %(kind)s about this meeting (%(date)s). Another must say which "
                "publication it follows: start a correction of it or an addition to it."
            )
            % {
                "kind": str(first.get_kind_display()).lower(),
                "date": format_date(first.date) if first.date else "—",
            }
        )


def has_content(document: ReportDocument) -> None:
    """A post-meeting letter or statement reports who attended and what the Welsh Government said."""
    if document.kind not in NEEDS_CONTENT or document.meeting_id is None:
        return
    meeting = document.meeting
    if not meeting.attendances.exists():
        raise GuardError(
            _("No attendance is recorded for this meeting: record who attended before the document moves on.")
        )
    with passages.using(document.texts, document.paragraphs):
        said = any(
            passages.text(item, "position", lang)
            for item in meeting.agenda_items.all()
            for lang in passages.LANGUAGES
        )
        said = said or bool(passages.paragraphs())
    if not said:
        raise GuardError(
            _(
                "The document says nothing of the Welsh Government's position: write at least one position or paragraph "
                "before it moves on."
            )
        )


def drafters(document: ReportDocument) -> set[int]:
    """Everyone who started, wrote or translated the document."""
    wrote = set(
        DocumentEvent.objects.filter(document=document, action__in=WROTE, user__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    return wrote | ({document.created_by_id} if document.created_by_id else set())


def four_eyes(document: ReportDocument, user, step: str) -> None:
    """The approver and the publisher are not among the document's writers."""
    if user.is_superuser and getattr(settings, "IGR_SUPERUSER_SELF_APPROVAL", False):
        return
    if user.pk in drafters(document):
        raise GuardError(
            {
                "approve": _("You wrote or translated this document, so another approver must approve it."),
                "publish": _("You wrote or translated this document, so another publisher must publish it."),
            }[step]
        )


def meeting_is_public(document: ReportDocument) -> None:
    if document.meeting_id and not Meeting.objects.public().filter(pk=document.meeting_id).exists():
        raise GuardError(
            _(
                "The register does not show this meeting to the public yet: publish the meeting before its documents."
            )
        )
