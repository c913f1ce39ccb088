"""The reporting app's admin: the data administrators keep (recesses, periods, consents, reporting details),
and read-mostly views of obligations, commitments and documents (the workflow runs on the officials' screens)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from igr.reporting import delivery
from igr.reporting.models import (
    Commitment,
    ConsentIntention,
    DocumentEvent,
    MeetingReport,
    Obligation,
    RecessPeriod,
    ReportDocument,
    ReportingPeriod,
)


@admin.register(RecessPeriod)
class RecessPeriodAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_cy", "start_date", "end_date", "provisional")
    list_filter = ("provisional",)
    date_hierarchy = "start_date"
    search_fields = ("name_en", "name_cy")


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("key", "title_en", "start_date", "end_date", "profile_key")
    search_fields = ("key", "title_en", "title_cy")


@admin.register(ConsentIntention)
class ConsentIntentionAdmin(admin.ModelAdmin):
    list_display = ("title_en", "consent_due_on", "minister")
    search_fields = ("title_en", "title_cy")
    autocomplete_fields = ("minister",)


@admin.register(MeetingReport)
class MeetingReportAdmin(admin.ModelAdmin):
    list_display = ("meeting", "signatory", "our_ref", "next_meeting_date")
    autocomplete_fields = ("meeting", "signatory")
    filter_horizontal = ("subject_committees",)
    search_fields = ("meeting__reference", "our_ref")


@admin.register(Obligation)
class ObligationAdmin(admin.ModelAdmin):
    """Obligations are made by the engine; an official only records a delivery made outside the register."""

    list_display = (
        "deliverable",
        "subject_label",
        "due_date",
        "met_on",
        "waived_on",
        "is_target",
        "rule_key",
    )
    list_filter = (
        "deliverable",
        "trigger",
        "is_target",
        "profile_key",
        ("met_on", admin.EmptyFieldListFilter),
        ("waived_on", admin.EmptyFieldListFilter),
    )
    date_hierarchy = "due_date"
    search_fields = ("meeting__reference", "rule_key", "agreement__title_en", "period__key")
    autocomplete_fields = ("met_by_record",)
    fields = (
        "profile_key",
        "rule_key",
        "trigger",
        "deliverable",
        "recipients",
        "is_target",
        "meeting",
        "agreement",
        "period",
        "consent",
        "minister",
        "trigger_date",
        "anchor_date",
        "deadline_kind",
        "deadline_days",
        "deadline_calendar",
        "due_date",
        "original_due_date",
        "short_notice",
        "met_on",
        "met_by_record",
        "met_by",
        "made_in_recess",
        "waived_on",
        "waived_reason_en",
        "waived_reason_cy",
        "waived_by",
        "history",
    )
    editable = ("met_on", "met_by_record")

    @admin.display(description=_("for"))
    def subject_label(self, obj: Obligation) -> str:
        return obj.subject_label

    def get_readonly_fields(self, request, obj=None):
        return [f for f in self.fields if f not in self.editable]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj: Obligation, form, change: bool) -> None:
        if "met_on" in form.changed_data and obj.met_on:
            delivery.mark_met(obj, obj.met_on, record=obj.met_by_record)
        else:
            super().save_model(request, obj, form, change)


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ("text_en", "meeting", "made_on", "kept_on")
    list_filter = (("kept_on", admin.EmptyFieldListFilter), "kind")
    search_fields = ("text_en", "text_cy", "meeting__reference")
    autocomplete_fields = ("meeting", "body", "minister")
    raw_id_fields = ("made_in", "kept_by")


class DocumentEventInline(admin.TabularInline):
    model = DocumentEvent
    extra = 0
    can_delete = False
    fields = ("at", "action", "from_state", "to_state", "user", "comment")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReportDocument)
class ReportDocumentAdmin(admin.ModelAdmin):
    """Read-only: documents move through the workflow on the officials' screens, never by editing here."""

    list_display = ("kind", "meeting", "period", "version", "state", "date")
    list_filter = ("kind", "state")
    search_fields = ("meeting__reference", "period__key")
    inlines = [DocumentEventInline]
    exclude = ("snapshot",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
