"""The barometer in the system administration: read-only where editions must stay unchanged."""

from django.contrib import admin

from pejling.audit.admin import AuditedModelAdmin
from pejling.barometer.models import Edition, EngineRun, Indicator, Target


class TargetInline(admin.StackedInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "kind", "unit", "source"]
    search_fields = ["code", "name"]
    filter_horizontal = ["goals"]
    inlines = [TargetInline]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    """Editions change only through the barometer's pages, which keep published ones frozen."""

    list_display = ["period", "state", "origin", "is_synthetic", "published_at"]
    list_filter = ["state", "is_synthetic"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(EngineRun)
class EngineRunAdmin(admin.ModelAdmin):
    list_display = ["panel_name", "state", "created_at", "finished_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
