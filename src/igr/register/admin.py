"""The officials' tool until dedicated screens exist: every entity, searchable and filterable, in both languages."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _

from . import events
from .forms import OptimisticLockForm
from .models import (
    AgendaItem,
    Agreement,
    Attendance,
    Body,
    CommitteeChair,
    Document,
    DocumentVersion,
    Government,
    Meeting,
    Person,
    Post,
    Provenance,
    SeneddCommittee,
    Tenure,
)

admin.site.site_header = _("IGR Register administration")
admin.site.site_title = _("IGR Register")
admin.site.index_title = _("Officials' tools")


class MissingWelshFilter(admin.SimpleListFilter):
    """Records whose Welsh is missing where the English exists: what a translator still owes."""

    title = _("translation")
    parameter_name = "translation"
    field = "name"

    def lookups(self, request, model_admin):
        return [("missing_cy", _("Welsh missing")), ("complete", _("Both languages"))]

    def queryset(self, request, queryset):
        if self.value() == "missing_cy":
            return queryset.filter(**{f"{self.field}_cy": ""}).exclude(**{f"{self.field}_en": ""})
        if self.value() == "complete":
            return queryset.exclude(**{f"{self.field}_cy": ""}).exclude(**{f"{self.field}_en": ""})
        return queryset


class MissingWelshTitleFilter(MissingWelshFilter):
    field = "title"


class ProvenanceInline(GenericTabularInline):
    model = Provenance
    extra = 0
    fields = (
        "field_name",
        "document_version",
        "span_start",
        "span_end",
        "quote",
        "confidence",
        "confirmed_by",
        "confirmed_at",
    )
    raw_id_fields = ("document_version", "confirmed_by")


class OneEditOneBatch:
    """An official's edit (a record with its inline rows) or deletion is heard by other apps once, as one batch."""

    def changeform_view(self, request, *args, **kwargs):
        with events.batch():
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with events.batch():
            return super().delete_view(request, *args, **kwargs)

    def delete_queryset(self, request, queryset):
        with events.batch():
            super().delete_queryset(request, queryset)


@admin.register(Government)
class GovernmentAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_cy", "key", "devolved", "bic_member")
    list_filter = ("devolved", "bic_member")
    search_fields = ("name_en", "name_cy", "key")


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_cy", "key", "tier", "start_date", "end_date")
    list_filter = ("tier", MissingWelshFilter)
    search_fields = ("name_en", "name_cy", "key", "aliases", "abbreviations")
    autocomplete_fields = ("predecessor",)
    filter_horizontal = ("governments",)


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 0
    autocomplete_fields = ("post",)


@admin.register(Person)
class PersonAdmin(OneEditOneBatch, admin.ModelAdmin):
    list_display = ("name", "honorific_en", "honorific_cy", "key")
    search_fields = ("name", "key", "aliases")
    inlines = [TenureInline]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("title_en", "title_cy", "government", "ministerial")
    list_filter = ("government", "ministerial", MissingWelshTitleFilter)
    search_fields = ("title_en", "title_cy", "key")
    list_select_related = ("government",)


@admin.register(Tenure)
class TenureAdmin(admin.ModelAdmin):
    list_display = ("person", "post", "start_date", "end_date")
    list_filter = ("post__government",)
    search_fields = ("person__name", "post__title_en", "post__title_cy")
    autocomplete_fields = ("person", "post")
    list_select_related = ("person", "post")


class CommitteeChairInline(admin.TabularInline):
    model = CommitteeChair
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(SeneddCommittee)
class SeneddCommitteeAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_cy", "email", "iira_lead")
    list_filter = ("iira_lead",)
    search_fields = ("name_en", "name_cy", "key")
    inlines = [CommitteeChairInline]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 1
    fields = (
        "person",
        "description_en",
        "description_cy",
        "post",
        "role_en",
        "role_cy",
        "government",
        "capacity",
        "substitute_for",
        "is_chair",
        "sort_order",
    )
    autocomplete_fields = ("person", "post", "substitute_for")


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = (("title_en", "title_cy"), ("position_en", "position_cy"), "sort_order")


@admin.register(Meeting)
class MeetingAdmin(OneEditOneBatch, admin.ModelAdmin):
    form = OptimisticLockForm
    list_display = ("reference", "body", "date", "ordinal", "status", "mode", "published")
    list_filter = ("status", "mode", "published", "body__tier", "body")
    search_fields = (
        "reference",
        "body__name_en",
        "body__name_cy",
        "location_en",
        "location_cy",
        "attendances__person__name",
    )
    date_hierarchy = "date"
    autocomplete_fields = ("body", "chair")
    readonly_fields = ("reference", "created_at", "updated_at")
    list_select_related = ("body",)
    inlines = [AttendanceInline, AgendaItemInline, ProvenanceInline]
    fieldsets = (
        (None, {"fields": ("body", "reference", "ordinal", "status", "published")}),
        (
            _("When and where"),
            {
                "fields": (
                    ("date", "date_precision"),
                    "starts_at",
                    "mode",
                    ("location_en", "location_cy"),
                    "host",
                    "notice_received_at",
                )
            },
        ),
        (
            _("Outcome"),
            {
                "fields": (
                    "chair",
                    "communique_url",
                    ("next_meeting_en", "next_meeting_cy"),
                    ("summary_en", "summary_cy"),
                )
            },
        ),
        (_("Record"), {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)}),
    )


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "meeting", "government", "capacity", "is_chair")
    list_filter = ("capacity", "government", "is_chair")
    search_fields = (
        "person__name",
        "description_en",
        "description_cy",
        "role_en",
        "role_cy",
        "meeting__reference",
    )
    autocomplete_fields = ("meeting", "person", "post", "substitute_for")
    list_select_related = ("person", "meeting", "government")


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ("__str__", "meeting", "sort_order")
    list_filter = (MissingWelshTitleFilter,)
    search_fields = ("title_en", "title_cy", "position_en", "position_cy", "meeting__reference")
    autocomplete_fields = ("meeting",)
    list_select_related = ("meeting",)


@admin.register(Agreement)
class AgreementAdmin(OneEditOneBatch, admin.ModelAdmin):
    list_display = ("title_en", "kind", "status", "concluded_on", "published")
    list_filter = ("kind", "status", "published", "parties")
    search_fields = ("title_en", "title_cy", "key", "summary_en", "summary_cy")
    filter_horizontal = ("parties", "bodies")
    inlines = [ProvenanceInline]


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    fields = ("language", "revision", "file", "media_type", "content_hash", "source_url", "retrieved_at")
    readonly_fields = ("content_hash",)


@admin.register(Document)
class DocumentAdmin(OneEditOneBatch, admin.ModelAdmin):
    list_display = ("__str__", "kind", "publisher", "date", "published")
    list_filter = ("kind", "publisher", "published")
    search_fields = ("title_en", "title_cy", "versions__text", "versions__source_url")
    date_hierarchy = "date"
    autocomplete_fields = ("meetings",)
    filter_horizontal = ("agreements",)
    inlines = [DocumentVersionInline]


@admin.register(DocumentVersion)
class DocumentVersionAdmin(admin.ModelAdmin):
    list_display = ("document", "language", "revision", "media_type", "created_at")
    list_filter = ("language", "media_type")
    search_fields = ("content_hash", "source_url", "text")
    readonly_fields = ("content_hash", "created_at")
    raw_id_fields = ("document",)


@admin.register(Provenance)
class ProvenanceAdmin(admin.ModelAdmin):
    list_display = ("content_type", "object_id", "field_name", "confidence", "confirmed_by", "confirmed_at")
    list_filter = ("content_type", "confirmed_at")
    search_fields = ("field_name", "quote", "extractor")
    raw_id_fields = ("document_version", "confirmed_by")
