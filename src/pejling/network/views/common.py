"""What the views of this part share: form handling, access logging of lists."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from pejling.audit import services as audit
from pejling.core.forms import add_errors
from pejling.core.listing import PAGE_SIZE
from pejling.lib.export import FORMATS


def posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def form_page(
    request: HttpRequest, form, *, title: str, parent_url: str, parent_label: str, status=200
) -> HttpResponse:
    return render(
        request,
        "network/form.html",
        {
            "form": form,
            "title": title,
            "parent_url": parent_url,
            "parent_label": parent_label,
        },
        status=status,
    )


def confirm_delete_page(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    consequence: str,
    button: str,
    parent_url: str,
    parent_label: str,
) -> HttpResponse:
    """The page that asks before a delete; the delete itself happens on POST to the same URL."""
    return render(
        request,
        "network/confirm_delete.html",
        {
            "title": title,
            "question": question,
            "consequence": consequence,
            "button": button,
            "parent_url": parent_url,
            "parent_label": parent_label,
        },
    )


def edit(request, form, save, *, title, parent_url, parent_label, done) -> HttpResponse:
    """The shape of every coordinator's form: validate, call the service, redirect or re-show."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, done % {"name": saved})
            return redirect(saved.get_absolute_url())
    return form_page(
        request,
        form,
        title=title,
        parent_url=parent_url,
        parent_label=parent_label,
        status=400 if request.method == "POST" else 200,
    )


def log_list_reads(request: HttpRequest, queryset) -> None:
    """Access-log the personal data a list hands out: the whole export, or the page shown."""
    if request.GET.get("format") in FORMATS:
        rows = queryset
    else:
        rows = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("side")).object_list
    for row in rows:
        audit.record_access(row, actor=request.user)


def model_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in form._meta.fields}
