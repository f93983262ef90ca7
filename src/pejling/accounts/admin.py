from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pejling.accounts import services
from pejling.accounts.models import Administration, ApiToken, User
from pejling.accounts.roles import Role
from pejling.audit.admin import AuditedModelAdmin


@admin.register(Administration)
class AdministrationAdmin(AuditedModelAdmin):
    list_display = ["name", "short_name", "is_active"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}


class UserAdminForm(UserChangeForm):
    roles = forms.MultipleChoiceField(
        label=_("Roller"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["roles"].initial = sorted(self.instance.roles)

    def clean(self) -> dict:
        data = super().clean()
        if Role.CONTACT_PERSON in data.get("roles", []) and not data.get("administration"):
            raise ValidationError(_("En kontaktperson skal høre til en forvaltning."))
        return data


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    form = UserAdminForm
    list_display = ["username", "first_name", "last_name", "administration", "is_active"]
    list_filter = ["is_active", "administration", "role_assignments__role"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Pejling"), {"fields": ["title", "administration", "roles"]}),
    ]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if "roles" in form.cleaned_data:
            services.set_roles(
                actor=request.user,
                user=obj,
                roles=form.cleaned_data["roles"],
                administration=obj.administration,
            )


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "hint", "created_at", "last_used_at"]
    fields = ["user", "name", "hint", "created_at", "expires_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request) -> bool:
        return False  # tokens are created on the profile page or by `pejling token create`
