"""What is owed to the legislature, by when, and what was promised along the way."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from igr.register.translation import BilingualMixin

DUE_SOON_DAYS = 7


def reopen(collector, field, sub_objs, using) -> None:
    """``on_delete`` of the register document that met an obligation: deleted, it meets nothing any more, so the
    obligation is open again (not "met by hand") until the engine matches it to another document."""
    obligations = list(
        sub_objs
    )  # by key: each update would otherwise filter on the field the previous one cleared
    if obligations:
        for name, value in (("met_by_record", None), ("met_on", None), ("made_in_recess", False)):
            collector.add_field_update(field.model._meta.get_field(name), value, obligations)


class Deliverable(models.TextChoices):
    ADVANCE_NOTICE_LETTER = "advance_notice_letter", _("Advance notice letter")
    POST_MEETING_LETTER = "post_meeting_letter", _("Post-meeting letter")
    WRITTEN_STATEMENT = "written_statement", _("Written statement")
    AGREEMENT_NOTIFICATION = "agreement_notification", _("Agreement notification")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    CONSENT_LETTER = "consent_letter", _("Consent letter")


class Trigger(models.TextChoices):
    MEETING_CALLED = "meeting_called", _("Meeting called")
    MEETING_HELD = "meeting_held", _("Meeting held")
    MEETING_CHANGED = "meeting_postponed_or_cancelled", _("Meeting postponed or cancelled")
    AGREEMENT_CONCLUDED = "agreement_concluded", _("Agreement concluded")
    PERIOD_ENDED = "reporting_period_ended", _("Reporting period ended")
    CONSENT_INTENDED = (
        "consent_intended",
        _("Intention to consent to a UK Minister using powers in a devolved area"),
    )


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    MET_ON_TIME = "met_on_time", _("Met on time")
    MET_LATE = "met_late", _("Met late")
    WAIVED = "waived", _("Waived")


class Obligation(BilingualMixin):
    """A rule of an agreement profile applied to one subject: a meeting, an agreement, a period or a consent."""

    bilingual_fields = ("waived_reason",)

    profile_key = models.CharField(_("agreement profile"), max_length=40)
    rule_key = models.CharField(_("rule"), max_length=40)
    sequence = models.PositiveSmallIntegerField(
        _("sequence"), default=1, help_text=_("Counts repeated changes to one meeting.")
    )
    trigger = models.CharField(_("trigger"), max_length=40, choices=Trigger.choices)
    deliverable = models.CharField(_("deliverable"), max_length=30, choices=Deliverable.choices)
    recipients = models.JSONField(_("recipients"), default=list)
    is_target = models.BooleanField(
        _("administration target"), default=True, help_text=_("Not a term of the agreement.")
    )
    meeting = models.ForeignKey(
        "register.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    agreement = models.ForeignKey(
        "register.Agreement",
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    period = models.ForeignKey(
        "reporting.ReportingPeriod",
        verbose_name=_("reporting period"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    consent = models.ForeignKey(
        "reporting.ConsentIntention",
        verbose_name=_("intended consent"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    body = models.ForeignKey(
        "register.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minister = models.ForeignKey(
        "register.Person",
        verbose_name=_("responsible minister"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    trigger_date = models.DateField(_("triggered on"))
    anchor_date = models.DateField(_("counted from"))
    deadline_kind = models.CharField(_("deadline kind"), max_length=30)
    deadline_days = models.PositiveSmallIntegerField(_("days"))
    deadline_calendar = models.CharField(_("calendar"), max_length=30)
    due_date = models.DateField(_("due"))
    original_due_date = models.DateField(_("first due date"), null=True, blank=True)
    short_notice = models.BooleanField(
        _("short notice"), default=False, help_text=_("The invitation came too late for the target.")
    )
    met_on = models.DateField(_("met on"), null=True, blank=True)
    met_by = models.ForeignKey(
        "reporting.ReportDocument",
        verbose_name=_("met by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="obligations_met",
    )
    met_by_record = models.ForeignKey(
        "register.Document",
        verbose_name=_("met by (register document)"),
        null=True,
        blank=True,
        on_delete=reopen,
        related_name="+",
    )
    made_in_recess = models.BooleanField(_("made in recess"), default=False)
    waived_on = models.DateField(_("waived on"), null=True, blank=True)
    waived_reason_en = models.TextField(_("reason waived (English)"), blank=True)
    waived_reason_cy = models.TextField(_("reason waived (Welsh)"), blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("waived by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = models.JSONField(_("history"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        permissions = [("waive_obligation", _("Can waive an obligation with a reason"))]
        indexes = [
            models.Index(fields=["due_date"]),
            models.Index(fields=["met_on", "waived_on", "due_date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "rule_key", "sequence"],
                condition=Q(meeting__isnull=False),
                name="obligation_once_per_meeting_rule",
            ),
            models.UniqueConstraint(
                fields=["agreement", "rule_key"],
                condition=Q(agreement__isnull=False),
                name="obligation_once_per_agreement_rule",
            ),
            models.UniqueConstraint(
                fields=["period", "rule_key"],
                condition=Q(period__isnull=False),
                name="obligation_once_per_period_rule",
            ),
            models.UniqueConstraint(
                fields=["consent", "rule_key"],
                condition=Q(consent__isnull=False),
                name="obligation_once_per_consent_rule",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_deliverable_display()} — {self.subject_label} ({self.due_date:%Y-%m-%d})"

    @property
    def subject(self):
        return self.meeting or self.agreement or self.period or self.consent

    @property
    def subject_label(self) -> str:
        return str(self.subject) if self.subject else ""

    @property
    def is_open(self) -> bool:
        return self.met_on is None and self.waived_on is None

    def status_on(self, today: dt.date) -> str:
        if self.waived_on:
            return Status.WAIVED
        if self.met_on:
            return Status.MET_ON_TIME if self.met_on <= self.due_date else Status.MET_LATE
        if today > self.due_date:
            return Status.OVERDUE
        if (self.due_date - today).days <= DUE_SOON_DAYS:
            return Status.DUE_SOON
        return Status.UPCOMING

    @property
    def days_late(self) -> int | None:
        if self.met_on is None:
            return None
        return max(0, (self.met_on - self.due_date).days)

    def log(self, what: str, **details) -> None:
        from django.utils import timezone

        self.history = [
            *self.history,
            {"at": timezone.now().isoformat(timespec="seconds"), "what": what, **details},
        ]


class Commitment(BilingualMixin):
    """A promise made in a document ("I will inform you once a date has been finalised"), open until kept."""

    bilingual_fields = ("text",)

    class Kind(models.TextChoices):
        NEXT_MEETING_DATE = "next_meeting_date", _("Tell the committees the next meeting's date")
        REPORT_AFTER_MEETING = "report_after_meeting", _("Report to the committees after the meeting")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    text_en = models.TextField(_("promise (English)"))
    text_cy = models.TextField(_("promise (Welsh)"), blank=True)
    meeting = models.ForeignKey(
        "register.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    body = models.ForeignKey(
        "register.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minister = models.ForeignKey(
        "register.Person",
        verbose_name=_("minister"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    made_in = models.ForeignKey(
        "reporting.ReportDocument",
        verbose_name=_("made in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments_made",
    )
    made_on = models.DateField(_("made on"))
    kept_by = models.ForeignKey(
        "reporting.ReportDocument",
        verbose_name=_("kept by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments_kept",
    )
    kept_on = models.DateField(_("kept on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-made_on", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return str(self.tr("text") or self.text_en)

    @property
    def is_open(self) -> bool:
        return self.kept_on is None
