"""People, the posts they hold and when (Popolo's person / post / membership)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from igr.register.translation import BilingualMixin

from .bodies import Government
from .constraints import ENDS_AFTER_START
from .querysets import PublicQuerySet


class Person(models.Model):
    key = models.SlugField(_("key"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_("Without honorifics or post-nominals."))
    sort_name = models.CharField(_("sort name"), max_length=200, blank=True)
    prefix_en = models.CharField(
        _("honorific (English)"),
        max_length=40,
        blank=True,
        help_text=_("As written before the name in running text, for example “the Rt Hon.”."),
    )
    prefix_cy = models.CharField(
        _("honorific (Welsh)"), max_length=40, blank=True, help_text=_("For example “y Gwir Anrhydeddus”.")
    )
    honorific_en = models.CharField(
        _("post-nominals (English)"), max_length=40, blank=True, help_text=_("For example MS, MP, MSP, MLA.")
    )
    honorific_cy = models.CharField(
        _("post-nominals (Welsh)"), max_length=40, blank=True, help_text=_("For example AS.")
    )
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.sort_name:
            parts = self.name.split()
            self.sort_name = f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else self.name
        super().save(*args, **kwargs)

    def styled(self, language: str) -> str:
        """The name with its honorific and post-nominals in one language: "the Rt Hon. Suella Braverman KC MP"."""
        prefix = self.prefix_cy if language == "cy" else self.prefix_en
        after = self.honorific_cy if language == "cy" else self.honorific_en
        return " ".join(part for part in (prefix, self.name, after) if part)

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name else ""


class Post(BilingualMixin):
    """An office, such as 'Minister for Social Justice and Chief Whip', in one government."""

    bilingual_fields = ("title",)

    key = models.SlugField(_("key"), max_length=120, unique=True)
    government = models.ForeignKey(
        Government, verbose_name=_("government"), on_delete=models.PROTECT, related_name="posts"
    )
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_cy = models.CharField(_("title (Welsh)"), max_length=300, blank=True)
    ministerial = models.BooleanField(_("ministerial post"), default=True)

    class Meta:
        ordering = ["government__sort_order", "title_en"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return str(self.tr("title") or self.title_en)


class Tenure(models.Model):
    """A person holds a post between two dates; posts persist while ministers change."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="tenures"
    )
    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.PROTECT, related_name="tenures")
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("tenure")
        verbose_name_plural = _("tenures")
        constraints = [
            models.CheckConstraint(
                condition=ENDS_AFTER_START,
                name="tenure_end_after_start",
                violation_error_message=_("A tenure cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["person", "post", "start_date"],
                name="tenure_unique_start",
                violation_error_message=_(
                    "This person already has a tenure of this post starting on that date."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.post}"


class SeneddCommittee(BilingualMixin):
    """A Senedd committee to which IIRA letters go."""

    bilingual_fields = ("name",)

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_cy = models.CharField(_("name (Welsh)"), max_length=300, blank=True)
    email = models.EmailField(_("email"), blank=True)
    iira_lead = models.BooleanField(
        _("receives every IIRA letter"),
        default=False,
        help_text=_("The Legislation, Justice and Constitution Committee."),
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("Senedd committee")
        verbose_name_plural = _("Senedd committees")

    def __str__(self) -> str:
        return str(self.tr("name") or self.name_en)

    def chair_on(self, day):
        """The committee's chair on a given day, or None."""
        return (
            self.chairs.filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
            .filter(Q(end_date__isnull=True) | Q(end_date__gt=day))
            .select_related("person")
            .order_by("-start_date")
            .first()
        )


class CommitteeChair(models.Model):
    """A chair of a Senedd committee, as a tenure."""

    committee = models.ForeignKey(
        SeneddCommittee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="chairs"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="committee_chairs"
    )
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("committee chair")
        verbose_name_plural = _("committee chairs")
        constraints = [
            models.CheckConstraint(
                condition=ENDS_AFTER_START,
                name="chair_end_after_start",
                violation_error_message=_("A chair's term cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.committee}"
