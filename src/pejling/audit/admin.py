"""A ModelAdmin base that audits what is changed in the system administration."""

from django.contrib import admin
from django.db import transaction

from pejling.audit import services as audit


class AuditedModelAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change) -> None:
        # The form has already written its values onto ``obj``: read "before" from the database.
        before = audit.snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        if change:
            audit.record_update(obj, before=before, actor=request.user)
        else:
            audit.record_create(obj, actor=request.user)

    def delete_model(self, request, obj) -> None:
        with transaction.atomic():
            audit.record_delete(obj, actor=request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        with transaction.atomic():
            for obj in queryset:
                audit.record_delete(obj, actor=request.user)
            super().delete_queryset(request, queryset)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None and self.has_view_or_change_permission(request, obj):
                audit.record_access(obj, actor=request.user)
        return super().change_view(request, object_id, form_url, extra_context)
