"""The documents officials draft, translate, approve and publish, and what each meeting's reporting needs."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from igr.register.models import DatePrecision

from .calendar import validate_profile_key


class PublishedDocumentError(Exception):
    """A published version is immutable: a correction is a new version."""


# The register's kind for each of our documents (its ``Document.Kind``).
REGISTER_KIND = {
    "notice": "notice",
    "letter": "letter",
    "statement": "written_statement",
    "annual_report": "annual_report",
}


class MeetingReport(models.Model):
    """What a meeting's reporting needs beyond the register's record; every field has a default from the record."""

    meeting = models.OneToOneField(
        "register.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="reporting"
    )
    profile_key = models.CharField(
        _("agreement profile"),
        max_length=40,
        blank=True,
        validators=[validate_profile_key],
        help_text=_("Empty: the profile in force on the meeting's date."),
    )
    signatory = models.ForeignKey(
        "register.Person",
        verbose_name=_("signing minister"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the Welsh Government minister who attended."),
    )
    signatory_post = models.ForeignKey(
        "register.Post",
        verbose_name=_("signing minister's post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_committees = models.ManyToManyField(
        "register.SeneddCommittee",
        verbose_name=_("subject committees"),
        blank=True,
        related_name="+",
        help_text=_("Empty: the committees usually copied for this body."),
    )
    our_ref = models.CharField(_("our reference"), max_length=200, blank=True)
    next_meeting_date = models.DateField(_("next meeting expected"), null=True, blank=True)
    next_meeting_precision = models.CharField(
        _("known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.MONTH
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting reporting details")
        verbose_name_plural = _("meeting reporting details")

    def __str__(self) -> str:
        return str(self.meeting)


class ReportDocument(models.Model):
    """One version of a letter, statement, notice or annual report, moving through the approval workflow."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("Advance notice letter")
        LETTER = "letter", _("Post-meeting letter")
        STATEMENT = "statement", _("Written statement")
        ANNUAL_REPORT = "annual_report", _("Annual report")

    class Relation(models.TextChoices):
        FIRST = "", _("First publication")
        CORRECTION = "correction", _("Correction")
        ADDITION = "addition", _("Addition")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_TRANSLATION = "awaiting_translation", _("Awaiting translation")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    meeting = models.ForeignKey(
        "register.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_documents",
    )
    period = models.ForeignKey(
        "reporting.ReportingPeriod",
        verbose_name=_("reporting period"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_documents",
    )
    series = models.PositiveSmallIntegerField(
        _("series"), default=1, help_text=_("2 for a second document of this kind about the same subject.")
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    relation = models.CharField(
        _("relation to earlier publications"), max_length=12, choices=Relation.choices, blank=True, default=""
    )
    follows_record = models.ForeignKey(
        "register.Document",
        verbose_name=_("follows"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The published document this one corrects or adds to."),
    )
    texts = models.JSONField(
        _("the document's own passages"),
        default=dict,
        blank=True,
        help_text=_(
            "Free text written for this document, kept apart from the register until it is published."
        ),
    )
    paragraphs = models.JSONField(_("paragraphs the minister adds"), default=list, blank=True)
    state = models.CharField(_("state"), max_length=24, choices=State.choices, default=State.DRAFT)
    date = models.DateField(
        _("date"), help_text=_("The date the document bears; set to the publication date when published.")
    )
    correction_note_en = models.TextField(_("what the correction changes (English)"), blank=True)
    correction_note_cy = models.TextField(_("what the correction changes (Welsh)"), blank=True)
    snapshot = models.JSONField(_("published text"), default=dict, blank=True)
    register_document = models.ForeignKey(
        "register.Document",
        verbose_name=_("register document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_hash = models.CharField(
        _("approved text (SHA-256)"),
        max_length=64,
        blank=True,
        help_text=_("What the approver saw, in both languages."),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("IIRA document")
        verbose_name_plural = _("IIRA documents")
        permissions = [
            ("draft_reportdocument", _("Can draft IIRA documents")),
            ("translate_reportdocument", _("Can translate IIRA documents")),
            ("approve_reportdocument", _("Can approve IIRA documents")),
            ("publish_reportdocument", _("Can publish IIRA documents")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "meeting", "series", "version"],
                condition=Q(meeting__isnull=False),
                name="report_document_meeting_version",
            ),
            models.UniqueConstraint(
                fields=["kind", "period", "series", "version"],
                condition=Q(period__isnull=False),
                name="report_document_period_version",
            ),
            models.CheckConstraint(
                condition=Q(meeting__isnull=False) | Q(period__isnull=False),
                name="report_document_has_subject",
                violation_error_message=_("A document reports on a meeting or a period."),
            ),
        ]

    def __str__(self) -> str:
        subject = self.meeting or self.period
        return f"{self.get_kind_display()} — {subject} (v{self.version})"

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def slug(self) -> str:
        """The document's name in its public address: ``statement``, or ``statement-2`` for a second one."""
        return self.kind if self.series == 1 else f"{self.kind}-{self.series}"

    def save(self, *args, **kwargs) -> None:
        if self.pk and not getattr(self, "_publishing", False):
            stored = ReportDocument.objects.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored == self.State.PUBLISHED:
                raise PublishedDocumentError(
                    "a published version cannot be changed; start a correction instead"
                )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_published:
            raise PublishedDocumentError("a published version cannot be deleted")
        return super().delete(*args, **kwargs)


class DocumentEvent(models.Model):
    """One step in a document's history: who moved it from which state to which, and why."""

    document = models.ForeignKey(
        ReportDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from"), max_length=24, blank=True)
    to_state = models.CharField(_("to"), max_length=24, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("document event")
        verbose_name_plural = _("document events")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.action}"


class PublishedFile(models.Model):
    """The bytes of a published version in one language and format, frozen at publication."""

    document = models.ForeignKey(
        ReportDocument, verbose_name=_("document"), on_delete=models.PROTECT, related_name="files"
    )
    language = models.CharField(_("language"), max_length=2)
    format = models.CharField(_("format"), max_length=4)
    media_type = models.CharField(_("media type"), max_length=120)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(_("content hash (SHA-256)"), max_length=64)

    class Meta:
        verbose_name = _("published file")
        verbose_name_plural = _("published files")
        constraints = [
            models.UniqueConstraint(fields=["document", "language", "format"], name="published_file_once")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.language}.{self.format}"

    def save(self, *args, **kwargs) -> None:
        if self.pk:
            raise PublishedDocumentError("published files are immutable")
        super().save(*args, **kwargs)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """A secret address for an official's deadline calendar, so calendar apps can subscribe without a password."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="reporting_calendar",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self) -> str:
        return str(self.user)
