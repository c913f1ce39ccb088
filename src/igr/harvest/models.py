"""What the harvesters have seen at each address, and each run's counts and errors.

Why kept apart from the register: these rows are the harvester's memory (validators, hashes, listing stamps),
so that a second run asks only for what changed; the register keeps the documents and their provenance.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from igr.register.models import DocumentVersion


class Outcome(models.TextChoices):
    NEW = "new", _("New")
    UNCHANGED = "unchanged", _("Unchanged")
    REVISED = "revised", _("Revised")
    FAILED = "failed", _("Failed")


class SeenAddress(models.Model):
    """One address a source fetched: its validators and content hash once it went in whole, or its last error."""

    source = models.CharField(_("source"), max_length=40)
    url = models.CharField(_("address fetched"), max_length=1000)
    marker = models.CharField(
        _("listing stamp"),
        max_length=200,
        blank=True,
        help_text=_("What the listing said about the item (such as its update time) when it went in."),
    )
    etag = models.CharField(_("ETag"), max_length=300, blank=True)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64, blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    error_code = models.CharField(_("error"), max_length=40, blank=True)
    error_detail = models.TextField(_("error detail"), blank=True)
    document_version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("document version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("found through"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("The page this address was found on: an attachment, or a page in the other language."),
    )
    first_seen_at = models.DateTimeField(_("first seen"))
    checked_at = models.DateTimeField(_("last checked"))
    changed_at = models.DateTimeField(_("last changed"), null=True, blank=True)

    class Meta:
        ordering = ["source", "url"]
        verbose_name = _("address seen")
        verbose_name_plural = _("addresses seen")
        constraints = [models.UniqueConstraint(fields=["source", "url"], name="harvest_seen_unique_address")]

    def __str__(self) -> str:
        return f"{self.source}: {self.url}"

    @property
    def complete(self) -> bool:
        """Went in whole last time: its validators may be sent and its listing stamp trusted."""
        return self.outcome != Outcome.FAILED


class HarvestRun(models.Model):
    """One source's part of one ``igr harvest`` run: what it found and what failed, for the officials' page."""

    source = models.CharField(_("source"), max_length=40, db_index=True)
    base_url = models.CharField(_("base address"), max_length=500, blank=True)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    found = models.PositiveIntegerField(_("found"), default=0)
    new = models.PositiveIntegerField(_("new"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    revised = models.PositiveIntegerField(_("revised"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("harvest run")
        verbose_name_plural = _("harvest runs")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"
