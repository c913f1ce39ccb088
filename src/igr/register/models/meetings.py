"""Meetings of intergovernmental bodies, who attended them and what was discussed."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from igr.register.translation import BilingualMixin

from .bodies import Body, Government
from .people import Person, Post
from .querysets import PublicQuerySet


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def meeting_reference(body_key: str, date: dt.date, precision: str = DatePrecision.DAY) -> str:
    """The stable reference ``BODY-KEY/YYYY-MM-DD`` (``YYYY-MM`` or ``YYYY`` when only that is known)."""
    if precision == DatePrecision.YEAR:
        return f"{body_key}/{date:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{body_key}/{date:%Y-%m}"
    return f"{body_key}/{date:%Y-%m-%d}"


class Meeting(BilingualMixin):
    bilingual_fields = ("location", "next_meeting", "summary")
    objects = PublicQuerySet.as_manager()

    class Mode(models.TextChoices):
        VIRTUAL = "virtual", _("Virtual")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")
        HELD = "held", _("Held")

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    reference = models.CharField(_("reference"), max_length=120, unique=True, editable=False)
    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"), null=True, blank=True, help_text=_("2 for the second meeting.")
    )
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    starts_at = models.DateTimeField(
        _("starts at"), null=True, blank=True, help_text=_("When the time is known.")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, blank=True)
    location_en = models.CharField(_("location (English)"), max_length=300, blank=True)
    location_cy = models.CharField(_("location (Welsh)"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.HELD)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_chaired",
    )
    host = models.ForeignKey(
        Government,
        verbose_name=_("host government"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notice_received_at = models.DateTimeField(
        _("notice received"),
        null=True,
        blank=True,
        help_text=_("When the invitation arrived: evidence of short notice."),
    )
    communique_url = models.URLField(_("communiqué address"), max_length=500, blank=True)
    next_meeting_en = models.CharField(_("next meeting (English)"), max_length=500, blank=True)
    next_meeting_cy = models.CharField(_("next meeting (Welsh)"), max_length=500, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_cy = models.TextField(_("summary (Welsh)"), blank=True)
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Unpublished meetings are visible only to signed-in officials."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-date", "body__name_en"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["date"]), models.Index(fields=["status", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ordinal__isnull=True) | Q(ordinal__gte=1),
                name="meeting_ordinal_positive",
                violation_error_message=_("A meeting's ordinal starts at 1 (the first meeting)."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body} — {self.date_display}"

    def clean(self) -> None:
        if self.starts_at and timezone.localtime(self.starts_at).date() != self.date:
            raise ValidationError({"starts_at": _("The start time must fall on the meeting's date.")})
        if (
            self.body_id
            and Meeting.objects.exclude(pk=self.pk).filter(reference=self.compute_reference()).exists()
        ):
            raise ValidationError(_("This body already has a meeting on that date."))

    def compute_reference(self) -> str:
        return meeting_reference(self.body.key, self.date, self.date_precision)

    def save(self, *args, **kwargs) -> None:
        if self.starts_at:
            self.date = timezone.localtime(self.starts_at).date()
        self.reference = self.compute_reference()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        key, _sep, day = self.reference.partition("/")
        return reverse("public:meeting", kwargs={"body_key": key, "day": day})

    @property
    def date_display(self) -> str:
        from igr.register.dates import format_date_precision

        return format_date_precision(self.date, self.date_precision)


class Attendance(BilingualMixin):
    """Someone who took part in a meeting: a named person, or a description such as 'a senior NI official'."""

    objects = PublicQuerySet.as_manager()

    bilingual_fields = ("description", "role")

    class Capacity(models.TextChoices):
        MINISTER = "minister", _("Minister")
        OFFICIAL = "official", _("Official")
        OBSERVER = "observer", _("Observer")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    description_cy = models.CharField(_("description (Welsh)"), max_length=300, blank=True)
    post = models.ForeignKey(
        Post, verbose_name=_("post"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role_en = models.CharField(_("role as written (English)"), max_length=300, blank=True)
    role_cy = models.CharField(_("role as written (Welsh)"), max_length=300, blank=True)
    government = models.ForeignKey(
        Government,
        verbose_name=_("government"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    capacity = models.CharField(
        _("capacity"), max_length=10, choices=Capacity.choices, default=Capacity.MINISTER
    )
    substitute_for = models.ForeignKey(
        Person,
        verbose_name=_("substitute for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_chair = models.BooleanField(_("chair"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        # "Did this government attend this meeting?", asked per meeting while walking a list in date order; with
        # the person too, who attended a body's meetings is counted from the index alone.
        indexes = [
            models.Index(fields=["meeting", "government", "person"], name="attendance_meeting_gov_person")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(description_en="") | ~Q(description_cy=""),
                name="attendance_person_or_description",
                violation_error_message=_("An attendance needs a person or a description of who attended."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="attendance_once_per_person",
                violation_error_message=_("This person is already recorded as attending this meeting."),
            ),
        ]

    def __str__(self) -> str:
        return self.person.name if self.person else str(self.tr("description") or self.description_en)

    @property
    def role_display(self):
        return self.post.tr("title") if self.post else self.tr("role")


class AgendaItem(BilingualMixin):
    """A topic discussed at a meeting, with the Welsh Government's position on it."""

    objects = PublicQuerySet.as_manager()

    bilingual_fields = ("title", "position")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    title_cy = models.CharField(_("title (Welsh)"), max_length=500, blank=True)
    position_en = models.TextField(_("Welsh Government position (English)"), blank=True)
    position_cy = models.TextField(_("Welsh Government position (Welsh)"), blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_cy=""),
                name="agenda_item_has_title",
                violation_error_message=_("An agenda item needs a title in at least one language."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.tr("title") or self.title_en or self.title_cy)
