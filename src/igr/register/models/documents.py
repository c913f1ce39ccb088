"""Agreements between governments, published documents, and the provenance of facts taken from them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from igr.register.translation import BilingualMixin

from .bodies import Body, Government
from .meetings import Meeting
from .querysets import DocumentVersionQuerySet, PublicQuerySet


class Agreement(BilingualMixin):
    bilingual_fields = ("title", "summary")
    objects = PublicQuerySet.as_manager()

    class Kind(models.TextChoices):
        CONCORDAT = "concordat", _("Concordat")
        MOU = "mou", _("Memorandum of understanding")
        IGA = "iga", _("Intergovernmental agreement")
        COMMON_FRAMEWORK = "common_framework", _("Common framework")

    class Status(models.TextChoices):
        NEGOTIATING = "negotiating", _("Under negotiation")
        CONCLUDED = "concluded", _("Concluded")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")
        ENDED = "ended", _("Ended")

    key = models.SlugField(_("key"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title_en = models.CharField(_("title (English)"), max_length=400)
    title_cy = models.CharField(_("title (Welsh)"), max_length=400, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_cy = models.TextField(_("summary (Welsh)"), blank=True)
    parties = models.ManyToManyField(Government, verbose_name=_("parties"), related_name="agreements")
    bodies = models.ManyToManyField(Body, verbose_name=_("bodies"), blank=True, related_name="agreements")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CONCLUDED)
    concluded_on = models.DateField(_("concluded"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    url = models.URLField(_("text address"), max_length=500, blank=True)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["-concluded_on", "title_en"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(in_force_from__isnull=True)
                | Q(ended_on__gte=F("in_force_from")),
                name="agreement_end_after_start",
                violation_error_message=_("An agreement cannot end before it comes into force."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.tr("title") or self.title_en)


class Document(BilingualMixin):
    """A published document (letter, statement, communiqué …); its language versions hold the files and text."""

    objects = PublicQuerySet.as_manager()

    bilingual_fields = ("title",)

    class Kind(models.TextChoices):
        LETTER = "letter", _("Letter")
        WRITTEN_STATEMENT = "written_statement", _("Written statement")
        COMMUNIQUE = "communique", _("Communiqué")
        NOTICE = "notice", _("Advance notice")
        PRESS_RELEASE = "press_release", _("Press release")
        ANNUAL_REPORT = "annual_report", _("Annual report")
        TRANSPARENCY_REPORT = "transparency_report", _("Transparency report")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    title_cy = models.CharField(_("title (Welsh)"), max_length=500, blank=True)
    publisher = models.ForeignKey(
        Government,
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    date = models.DateField(_("date"), null=True, blank=True)
    meetings = models.ManyToManyField(
        Meeting, verbose_name=_("meetings"), blank=True, related_name="documents"
    )
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("agreements"), blank=True, related_name="documents"
    )
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        # Ingest asks "is this a document we already hold?" by date and kind (then publisher and title).
        indexes = [models.Index(fields=["date", "kind"], name="document_date_kind")]

    def __str__(self) -> str:
        return str(self.tr("title") or self.title_en or self.title_cy or self.get_kind_display())


def _version_upload_to(instance: DocumentVersion, filename: str) -> str:
    # The stored name is the content hash, never the uploader's file name: no path tricks reach the disk.
    suffix = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"documents/{instance.content_hash[:2]}/{instance.content_hash}.{suffix}"


class DocumentVersion(models.Model):
    """One language version of a document, at one revision: the file, its text and where it came from."""

    objects = DocumentVersionQuerySet.as_manager()

    class Language(models.TextChoices):
        EN = "en", _("English")
        CY = "cy", _("Welsh")

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    file = models.FileField(_("file"), upload_to=_version_upload_to, blank=True)
    media_type = models.CharField(_("media type"), max_length=100, blank=True)
    text = models.TextField(_("text"), blank=True)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64, db_index=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    retrieved_at = models.DateTimeField(_("retrieved"), null=True, blank=True)
    # How the bytes were fetched, when a harvester fetched them (provenance shown beside the original address).
    fetched_from = models.URLField(
        _("fetched from"),
        max_length=1000,
        blank=True,
        help_text=_("The address requested, when a mirror served the source address."),
    )
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    etag = models.CharField(_("ETag"), max_length=300, blank=True)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["document", "language", "-revision"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        # A file fetched again from the same address is a revision of what came from there before.
        indexes = [models.Index(fields=["source_url"], name="document_version_source")]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language", "revision"],
                name="document_version_unique_revision",
                violation_error_message=_("This document already has that revision in that language."),
            ),
            models.CheckConstraint(
                condition=Q(revision__gte=1),
                name="document_version_revision_positive",
                violation_error_message=_("Revisions are numbered from 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} [{self.language}] r{self.revision}"


class Provenance(models.Model):
    """Where a record or one of its fields came from: which document, which span, how sure, who confirmed."""

    objects = PublicQuerySet.as_manager()

    content_type = models.ForeignKey(ContentType, verbose_name=_("record type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(
        _("field"), max_length=80, blank=True, help_text=_("Empty when it is the whole record.")
    )
    document_version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("document version"),
        on_delete=models.CASCADE,
        related_name="provenance",
    )
    span_start = models.PositiveIntegerField(_("span start"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("span end"), null=True, blank=True)
    quote = models.TextField(_("quoted text"), blank=True)
    confidence = models.FloatField(_("confidence"), default=1.0)
    extractor = models.CharField(_("extractor"), max_length=80, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("provenance")
        verbose_name_plural = _("provenance records")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="provenance_confidence_range",
                violation_error_message=_("Confidence is a number between 0 and 1."),
            ),
            models.CheckConstraint(
                condition=Q(span_start__isnull=True)
                | Q(span_end__isnull=True)
                | Q(span_end__gte=F("span_start")),
                name="provenance_span_order",
                violation_error_message=_("A span cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        where = f"{self.span_start}–{self.span_end}" if self.span_start is not None else ""
        return f"{self.content_type.model}#{self.object_id}.{self.field_name or '*'} ← {self.document_version} {where}"
