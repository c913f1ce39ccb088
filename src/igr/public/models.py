"""The public app's own table: the search index, one row per published record.

The row keeps the folded terms (``igr.public.search.normalise``) that both engines match, and the raw text in
each language from which snippets are cut. Only published records ever get a row (see ``search.indexer``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        BODY = "body", _("Body")
        PERSON = "person", _("Person")
        AGREEMENT = "agreement", _("Agreement")
        DOCUMENT = "document", _("Document")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("record"))
    date = models.DateField(_("date"), null=True, blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_cy = models.TextField(_("text (Welsh)"), blank=True)
    terms = models.TextField(_("search terms"))

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_record")]

    def __str__(self) -> str:
        return f"{self.kind}#{self.object_id}"


class RegisterVersion(models.Model):
    """A token that changes whenever the register changes, so cached public figures are never stale.

    One row; ``igr.public.cache`` reads it once per request and keys cached aggregates on it. A random token
    (not a counter) keeps caches apart even when a transaction that bumped it is rolled back.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("register version")
        verbose_name_plural = _("register versions")

    def __str__(self) -> str:
        return self.token
