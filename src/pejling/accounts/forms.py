from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from pejling.accounts import services
from pejling.accounts.models import User
from pejling.core.forms import DkfdsFormMixin, Form


class LoginForm(DkfdsFormMixin, auth_forms.AuthenticationForm):
    pass


class PasswordChangeForm(DkfdsFormMixin, auth_forms.PasswordChangeForm):
    def save(self, commit: bool = True) -> User:
        return services.change_password(
            actor=self.user, user=self.user, new_password=self.cleaned_data["new_password1"]
        )


class PasswordResetForm(DkfdsFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(DkfdsFormMixin, auth_forms.SetPasswordForm):
    def save(self, commit: bool = True) -> User:
        return services.change_password(
            actor=self.user, user=self.user, new_password=self.cleaned_data["new_password1"]
        )


class ProfileForm(Form):
    first_name = forms.CharField(label=_("Fornavn"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Efternavn"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    title = forms.CharField(label=_("Stillingsbetegnelse"), max_length=200, required=False)
    daily_digest = forms.BooleanField(
        label=_("Saml mails om mit arbejde i én mail om dagen"),
        required=False,
        help_text=_(
            "Fx når du får en sag, eller en opfølgning skal gøres. Uden markering kommer hver "
            "mail for sig, med det samme."
        ),
    )


class ApiTokenForm(Form):
    name = forms.CharField(
        label=_("Navn på nøglen"),
        max_length=100,
        help_text=_("Fx navnet på det program, der skal bruge nøglen."),
    )
    expires_on = forms.DateField(
        label=_("Udløber"),
        required=False,
        help_text=_("Dato på formen dd-mm-åååå. Tom: nøglen udløber ikke."),
        input_formats=["%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
