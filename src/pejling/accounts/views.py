import datetime

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pejling.accounts import services
from pejling.accounts.forms import (
    ApiTokenForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
)
from pejling.accounts.permissions import get_token_for_user
from pejling.accounts.roles import Capability
from pejling.core.forms import add_errors


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        form.save()
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Din adgangskode er ændret."))
        return redirect(self.success_url)


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "title": user.title,
            "daily_digest": user.daily_digest,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.update_profile(actor=user, user=user, **form.cleaned_data)
        messages.success(request, _("Dine oplysninger er gemt."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", _profile_context(request, form=form))


def _profile_context(request: HttpRequest, **extra) -> dict:
    user = request.user
    return {
        "tokens": user.api_tokens.all() if user.can(Capability.USE_API) else [],
        "can_use_api": user.can(Capability.USE_API),
        "token_form": extra.pop("token_form", None) or ApiTokenForm(),
        **extra,
    }


@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.can(Capability.USE_API):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        expires_on = form.cleaned_data["expires_on"]
        expires_at = (
            timezone.make_aware(datetime.datetime.combine(expires_on, datetime.time.max))
            if expires_on
            else None
        )
        try:
            token, raw = services.create_api_token(
                actor=user, user=user, name=form.cleaned_data["name"], expires_at=expires_at
            )
        except ValidationError as error:
            add_errors(form, error, rename={"expires_at": "expires_on"})
        else:
            return render(
                request,
                "accounts/token_created.html",
                {"token": token, "raw": raw},
            )
    profile_form = ProfileForm(
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "title": user.title,
        }
    )
    return render(
        request,
        "accounts/profile.html",
        _profile_context(request, form=profile_form, token_form=form),
        status=400,
    )


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_token_for_user(request, pk)
    services.revoke_api_token(actor=request.user, token=token)
    messages.success(request, _("Nøglen “%(name)s” er tilbagekaldt.") % {"name": token.name})
    return redirect("accounts:profile")


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """Shown instead of the login page while a username is locked after failed logins."""
    from django.conf import settings

    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render(request, "accounts/locked_out.html", {"lockout_minutes": minutes}, status=429)
