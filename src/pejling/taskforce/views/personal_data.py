"""A data subject's request: find what the task force holds about one person, hand it out as
JSON, or remove the person's details from the cases (the case and its work remain)."""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from pejling.audit import services as audit
from pejling.taskforce import personal_data
from pejling.taskforce.permissions import require_personal_data_rights
from pejling.taskforce.work_forms import AnonymisePersonForm, PersonSearchForm


def _criteria(form: PersonSearchForm) -> dict[str, str]:
    return {key: form.cleaned_data.get(key) or "" for key in ("email", "name", "phone")}


@require_GET
def person_search(request: HttpRequest) -> HttpResponse:
    require_personal_data_rights(request)
    form = PersonSearchForm(request.GET or None)
    cases = None
    if form.is_bound and form.is_valid():
        cases = list(personal_data.cases_about(**_criteria(form)).order_by("received_at"))
        for case in cases:
            audit.record_access(case, actor=request.user)
        if request.GET.get("format") == "json":
            records = personal_data.extract(
                personal_data.cases_about(**_criteria(form)).order_by("received_at"),
                actor=request.user,
            )
            response = HttpResponse(
                json.dumps(records, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="persondata-{stamp}.json"'
            return response
    return render(
        request,
        "taskforce/work/personal_data.html",
        {
            "form": form,
            "cases": cases,
            "anonymise_form": AnonymisePersonForm(initial=form.cleaned_data, auto_id="anon-%s")
            if cases
            else None,
            "query": request.GET.urlencode(),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
def person_anonymise(request: HttpRequest) -> HttpResponse:
    require_personal_data_rights(request)
    form = AnonymisePersonForm(request.POST, auto_id="anon-%s")
    if form.is_valid():
        count = personal_data.anonymise_person(actor=request.user, **_criteria(form))
        messages.success(
            request,
            ngettext(
                "Personens oplysninger er fjernet fra %(count)d sag.",
                "Personens oplysninger er fjernet fra %(count)d sager.",
                count,
            )
            % {"count": count},
        )
        return redirect("taskforce:person_search")
    search = PersonSearchForm(request.POST)
    cases = (
        list(personal_data.cases_about(**_criteria(search)).order_by("received_at"))
        if search.is_valid()
        else None
    )
    if not form.errors.get("__all__"):
        messages.error(request, _("Oplysningerne er ikke fjernet: ret fejlene."))
    return render(
        request,
        "taskforce/work/personal_data.html",
        {"form": search, "cases": cases, "anonymise_form": form, "query": ""},
        status=400,
    )
