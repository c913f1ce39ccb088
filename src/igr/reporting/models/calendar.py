"""Data the deadlines depend on: Senedd recess periods, reporting periods and intended consents."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from igr.register.translation import BilingualMixin


def validate_profile_key(value: str) -> None:
    """An agreement profile must exist: a typing error here would silently create no obligations."""
    from django.core.exceptions import ValidationError

    from igr.reporting.profiles import profiles

    if value and value not in profiles():
        raise ValidationError(
            _("There is no agreement profile “%(key)s”; the profiles are: %(known)s."),
            params={"key": value, "known": ", ".join(profiles())},
        )


class RecessPeriod(BilingualMixin):
    """A Senedd recess, kept by an administrator from the Business Committee's published dates."""

    bilingual_fields = ("name",)

    name_en = models.CharField(_("name (English)"), max_length=120)
    name_cy = models.CharField(_("name (Welsh)"), max_length=120, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    provisional = models.BooleanField(
        _("provisional"), default=False, help_text=_("Dates not yet confirmed by the Business Committee.")
    )
    source_url = models.URLField(_("source address"), max_length=500, blank=True)

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("Senedd recess")
        verbose_name_plural = _("Senedd recesses")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="recess_end_after_start",
                violation_error_message=_("A recess cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tr('name') or self.name_en} ({self.start_date:%Y-%m-%d} – {self.end_date:%Y-%m-%d})"


class ReportingPeriod(BilingualMixin):
    """A period an annual (overview) report covers; its end triggers the report obligation."""

    bilingual_fields = ("title",)

    key = models.SlugField(_("key"), max_length=40, unique=True, help_text=_("For example 2023-24."))
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_cy = models.CharField(_("title (Welsh)"), max_length=200, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    profile_key = models.CharField(
        _("agreement profile"), max_length=40, default="iira-2021", validators=[validate_profile_key]
    )

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="period_end_after_start",
                violation_error_message=_("A reporting period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.tr("title") or self.title_en)


class ConsentIntention(BilingualMixin):
    """The Welsh Government intends to consent to a UK Minister using a power in a devolved area."""

    bilingual_fields = ("title", "reasons")

    title_en = models.CharField(_("title (English)"), max_length=400)
    title_cy = models.CharField(_("title (Welsh)"), max_length=400, blank=True)
    reasons_en = models.TextField(_("reasons (English)"), blank=True)
    reasons_cy = models.TextField(_("reasons (Welsh)"), blank=True)
    consent_due_on = models.DateField(_("consent to be given on"))
    minister = models.ForeignKey(
        "register.Person",
        verbose_name=_("minister"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    profile_key = models.CharField(
        _("agreement profile"), max_length=40, default="iira-2021", validators=[validate_profile_key]
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-consent_due_on"]
        verbose_name = _("intended consent")
        verbose_name_plural = _("intended consents")

    def __str__(self) -> str:
        return str(self.tr("title") or self.title_en)
