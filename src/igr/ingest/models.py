"""The ingest app's own records: each run of the pipeline, and the review queue officials work through.

Why separate from the register: the register holds facts; these hold the machine's doubts about them
(conflicting sources, low confidence, people and forums it had to create) until a person decides.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from igr.register.models import DocumentVersion


class IngestRun(models.Model):
    """One call of the pipeline (a command or an upload) and the counts it reported."""

    class Origin(models.TextChoices):
        COMMAND = "command", _("Command line")
        UPLOAD = "upload", _("Upload")
        API = "api", _("Program")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being read")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.API)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    upload = models.CharField(
        _("queued file"),
        max_length=200,
        blank=True,
        help_text=_("An upload waiting for the worker, stored under a name of its own; removed once read."),
    )
    total = models.PositiveIntegerField(_("documents"), default=0)
    processed = models.PositiveIntegerField(_("documents read"), default=0)
    worker = models.CharField(
        _("worker"), max_length=200, blank=True, help_text=_("The host and process running it.")
    )
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    error_en = models.TextField(_("why it failed (English)"), blank=True)
    error_cy = models.TextField(_("why it failed (Welsh)"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("ingest run")
        verbose_name_plural = _("ingest runs")
        indexes = [models.Index(fields=["status", "started_at"])]

    def __str__(self) -> str:
        return f"{self.get_origin_display()} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def error(self) -> str:
        """Why it failed, in the language of the page."""
        from django.utils.translation import get_language

        return self.error_cy if (get_language() or "").startswith("cy") and self.error_cy else self.error_en


class ReviewItem(models.Model):
    """Something an official must look at: a doubtful field, disagreeing sources, a new person or forum."""

    class Kind(models.TextChoices):
        LOW_CONFIDENCE = "low_confidence", _("Low confidence")
        CONFLICT = "conflict", _("Sources disagree")
        NEW_PERSON = "new_person", _("New person")
        NEW_BODY = "new_body", _("New forum")
        LANGUAGES = "languages", _("Language versions disagree")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CONFIRMED = "confirmed", _("Confirmed")
        CORRECTED = "corrected", _("Corrected")

    key = models.CharField(
        _("key"), max_length=255, unique=True, help_text=_("Stops a re-run raising the same item twice.")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    content_type = models.ForeignKey(ContentType, verbose_name=_("record type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(_("field"), max_length=80, blank=True)
    value = models.JSONField(_("value in the register"), null=True, blank=True)
    alternatives = models.JSONField(
        _("values found"),
        default=list,
        blank=True,
        help_text=_("Each value a source gave, with its document version, span and confidence."),
    )
    document_version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("document version"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="review_items",
    )
    span_start = models.PositiveIntegerField(_("span start"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("span end"), null=True, blank=True)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    run = models.ForeignKey(
        IngestRun,
        verbose_name=_("run"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_value = models.JSONField(_("decided value"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at", "-pk"]
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        indexes = [
            models.Index(fields=["content_type", "object_id", "field_name"]),
            models.Index(fields=["status", "kind"]),
        ]

    @property
    def statement(self) -> str:
        """What a *languages* item says, in the language of the page (it holds both)."""
        from django.utils.translation import get_language

        if self.kind != self.Kind.LANGUAGES or not isinstance(self.value, dict):
            return ""
        return self.value.get("cy" if (get_language() or "").startswith("cy") else "en", "")

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()}: {self.content_type.model}#{self.object_id}.{self.field_name or '*'}"
        )
