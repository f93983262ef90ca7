"""Forms rendered with DKFDS markup: errors at the field and in a summary at the top."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


class DkfdsBoundField(BoundField):
    def get_context(self) -> dict:
        # ``as_field_group`` renders the field template on its own, without the form template's
        # loop variables: hand it the field's errors so they are shown at the field.
        return {**super().get_context(), "errors": self.errors}


class DkfdsFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
    bound_field_class = DkfdsBoundField


_WIDGET_CLASSES = {
    forms.Select: "form-select",
    forms.SelectMultiple: "form-select",
    forms.CheckboxInput: "form-checkbox",
    forms.RadioSelect: "form-radio",
    forms.CheckboxSelectMultiple: "form-checkbox",
    forms.Textarea: "form-input",
}


class DkfdsFormMixin:
    """Gives every widget its DKFDS class and ties hints and errors to it for screen readers."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = next(
                (c for kind, c in _WIDGET_CLASSES.items() if isinstance(widget, kind)), "form-input"
            )
            widget.attrs.setdefault("class", css)
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}-hint"

    def get_context(self) -> dict:
        context = super().get_context()
        # Django's "errors" holds only the errors outside the fields; the summary at the top
        # (components/form.html) must also appear when only a field is wrong.
        if self.is_bound and self.errors:
            context["errors"] = context["errors"] or self.errors
        return context

    def add_error(self, field, error) -> None:
        super().add_error(field, error)
        # Errors may come from a service after validation too: tie every invalid input to its
        # message, as validation does.
        self._describe_invalid_widgets()

    def full_clean(self) -> None:
        super().full_clean()
        self._describe_invalid_widgets()

    def _describe_invalid_widgets(self) -> None:
        for name in self._errors or {}:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                hint = f"id_{name}-hint" if self.fields[name].help_text else ""
                widget.attrs["aria-describedby"] = f"{hint} id_{name}-error".strip()


class Form(DkfdsFormMixin, forms.Form):
    pass


class ModelForm(DkfdsFormMixin, forms.ModelForm):
    pass


def add_errors(form, error: ValidationError, rename: dict[str, str] | None = None) -> None:
    """Show a service's ValidationError on the form: at its fields where they exist, else on top.

    ``rename`` maps a service's field name to the form field that stands for it.
    """
    rename = rename or {}
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            field = rename.get(field, field)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
