"""Governments and the intergovernmental bodies (forums) they meet in."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from igr.register.translation import BilingualMixin

from .constraints import ENDS_AFTER_START


class Government(BilingualMixin):
    """One of the four UK governments, or another British-Irish Council member."""

    bilingual_fields = ("name", "short")

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_cy = models.CharField(_("name (Welsh)"), max_length=200, blank=True)
    short_en = models.CharField(_("short name (English)"), max_length=80, blank=True)
    short_cy = models.CharField(_("short name (Welsh)"), max_length=80, blank=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    devolved = models.BooleanField(_("devolved government"), default=False)
    bic_member = models.BooleanField(_("British-Irish Council member"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("government")
        verbose_name_plural = _("governments")

    def __str__(self) -> str:
        return str(self.tr("name") or self.name_en)


class Body(BilingualMixin):
    """A forum in which ministers meet: a council, standing committee, IMG, JMC format, BIC, quadrilateral."""

    bilingual_fields = ("name",)

    class Tier(models.TextChoices):
        COUNCIL = "council", _("Council")
        STANDING_COMMITTEE = "standing_committee", _("Interministerial standing committee")
        IMG = "img", _("Interministerial group")
        JMC_FORMAT = "jmc_format", _("Joint Ministerial Committee format")
        BIC = "bic", _("British-Irish Council")
        QUADRILATERAL = "quadrilateral", _("Quadrilateral")
        BILATERAL = "bilateral", _("Bilateral or other meeting")

    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("Used in meeting references and addresses.")
    )
    tier = models.CharField(_("tier"), max_length=24, choices=Tier.choices)
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_cy = models.CharField(_("name (Welsh)"), max_length=300, blank=True)
    abbreviations = models.JSONField(_("abbreviations"), default=list, blank=True)
    aliases = models.JSONField(_("aliases (English)"), default=list, blank=True)
    aliases_cy = models.JSONField(_("aliases (Welsh)"), default=list, blank=True)
    start_date = models.DateField(_("established"), null=True, blank=True)
    end_date = models.DateField(_("dissolved"), null=True, blank=True)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("predecessor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )
    governments = models.ManyToManyField(Government, verbose_name=_("member governments"), blank=True)
    source_note = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.CheckConstraint(
                condition=ENDS_AFTER_START,
                name="body_end_after_start",
                violation_error_message=_("A body cannot be dissolved before it was established."),
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=F("pk")),
                name="body_not_own_predecessor",
                violation_error_message=_("A body cannot be its own predecessor."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.tr("name") or self.name_en)

    @property
    def abbreviation(self) -> str:
        return self.abbreviations[0] if self.abbreviations else ""
