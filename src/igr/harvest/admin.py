from django.contrib import admin

from .models import HarvestRun, SeenAddress


@admin.register(HarvestRun)
class HarvestRunAdmin(admin.ModelAdmin):
    list_display = ("source", "started_at", "finished_at", "found", "new", "unchanged", "revised", "failed")
    list_filter = ("source",)
    readonly_fields = [f.name for f in HarvestRun._meta.fields]


@admin.register(SeenAddress)
class SeenAddressAdmin(admin.ModelAdmin):
    list_display = ("source", "url", "outcome", "error_code", "checked_at")
    list_filter = ("source", "outcome")
    search_fields = ("url",)
    readonly_fields = [f.name for f in SeenAddress._meta.fields]
