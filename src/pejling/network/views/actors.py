"""Organisations and the persons with roles in them (every read of a person is access-logged)."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pejling.audit import services as audit
from pejling.core.forms import add_errors
from pejling.core.listing import list_page
from pejling.lib.export import Column
from pejling.network import services
from pejling.network.forms import (
    MembershipForm,
    MergeForm,
    OrganisationFilterForm,
    OrganisationForm,
    PersonFilterForm,
    PersonForm,
)
from pejling.network.models import (
    ContactMeeting,
    Membership,
    Merge,
    Network,
    Organisation,
    Person,
    Proposal,
)
from pejling.network.permissions import (
    can_manage,
    can_propose,
    can_see_personal_data,
    get_person_for_user,
    require_manage,
    require_personal_data,
    require_read,
)
from pejling.network.views.common import (
    edit,
    form_page,
    log_list_reads,
    model_fields,
    posted,
)

# --- Start -------------------------------------------------------------------------------------


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    require_read(request)
    return render(
        request,
        "network/index.html",
        {
            "networks": Network.objects.filter(is_active=True)
            .annotate(n=Count("members"))
            .order_by("name"),
            "organisations": Organisation.objects.current().count(),
            "meetings": ContactMeeting.objects.visible_to(request.user)[:5],
            "proposals": Proposal.objects.visible_to(request.user).select_related("administration")[
                :5
            ],
            "can_manage": can_manage(request.user),
            "can_see_persons": can_see_personal_data(request.user),
            "can_propose": can_propose(request.user),
        },
    )


# --- Organisations -----------------------------------------------------------------------------

ORGANISATION_COLUMNS = [
    Column(gettext_lazy("Navn"), lambda o: o.name),
    Column(gettext_lazy("Slags"), lambda o: o.get_kind_display()),
    Column(
        gettext_lazy("Forvaltning"),
        lambda o: o.administration.short_name if o.administration else "",
    ),
    Column(gettext_lazy("Bydel"), lambda o: o.district),
    Column(gettext_lazy("Hjemmeside"), lambda o: o.website),
    Column(gettext_lazy("Personer"), lambda o: o.n_people),
]


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    require_read(request)
    organisations = (
        Organisation.objects.current()
        .select_related("administration")
        .annotate(n_people=Count("memberships__person", distinct=True))
        .order_by("name", "id")
    )
    return list_page(
        request,
        queryset=organisations,
        form=OrganisationFilterForm(request.GET or None),
        columns=ORGANISATION_COLUMNS,
        template="network/organisation_list.html",
        partial="network/partials/organisation_results.html",
        filename="organisationer",
        context={"can_manage": can_manage(request.user)},
    )


@require_GET
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_read(request)
    organisation = get_object_or_404(Organisation.objects.select_related("administration"), pk=pk)
    if organisation.merged_into_id:
        return redirect(organisation.merged_into.get_absolute_url())
    may_see_people = can_see_personal_data(request.user)
    memberships = []
    if may_see_people:
        memberships = list(organisation.memberships.select_related("person"))
        for person in {m.person for m in memberships}:
            audit.record_access(person, actor=request.user)
    return render(
        request,
        "network/organisation_detail.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "may_see_people": may_see_people,
            "people_count": organisation.memberships.count(),
            "networks": Network.objects.filter(members__organisation=organisation),
            "can_manage": can_manage(request.user),
            "merge_form": MergeForm(
                queryset=Organisation.objects.current().exclude(pk=organisation.pk)
            ),
            "merges": Merge.objects.filter(kind=Merge.Kind.ORGANISATION, kept_id=organisation.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    require_manage(request)
    form = OrganisationForm(posted(request))
    return edit(
        request,
        form,
        lambda data: services.create_organisation(actor=request.user, **model_fields(form)),
        title=_("Ny organisation"),
        parent_url=reverse("network:organisation_list"),
        parent_label=_("Organisationer"),
        done=_("“%(name)s” er oprettet."),
    )


@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_manage(request)
    organisation = get_object_or_404(Organisation.objects.current(), pk=pk)
    form = OrganisationForm(posted(request), instance=Organisation.objects.get(pk=pk))
    return edit(
        request,
        form,
        lambda data: services.update_organisation(
            actor=request.user, organisation=organisation, **model_fields(form)
        ),
        title=_("Ret %(name)s") % {"name": organisation},
        parent_url=organisation.get_absolute_url(),
        parent_label=organisation.name,
        done=_("“%(name)s” er gemt."),
    )


@require_POST
def organisation_merge(request: HttpRequest, pk: int) -> HttpResponse:
    require_manage(request)
    organisation = get_object_or_404(Organisation.objects.current(), pk=pk)
    form = MergeForm(
        request.POST, queryset=Organisation.objects.current().exclude(pk=organisation.pk)
    )
    if form.is_valid():
        try:
            services.merge_organisations(
                actor=request.user, kept=organisation, removed=form.cleaned_data["other"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("“%(other)s” er lagt sammen med “%(name)s”.")
                % {"other": form.cleaned_data["other"], "name": organisation},
            )
            return redirect(organisation.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Læg en dublet sammen med %(name)s") % {"name": organisation},
        parent_url=organisation.get_absolute_url(),
        parent_label=organisation.name,
        status=400,
    )


# --- Persons -----------------------------------------------------------------------------------

PERSON_COLUMNS = [
    Column(gettext_lazy("Navn"), lambda p: p.name),
    Column(gettext_lazy("E-mail"), lambda p: p.email),
    Column(gettext_lazy("Telefon"), lambda p: p.phone),
    Column(
        gettext_lazy("Roller"),
        lambda p: "; ".join(f"{m.role}, {m.organisation.name}" for m in p.memberships.all()),
    ),
]


@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    require_personal_data(request)
    persons = Person.objects.current().prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))
    )

    def logged(queryset):
        log_list_reads(request, queryset)
        return queryset

    response = list_page(
        request,
        queryset=persons,
        form=PersonFilterForm(request.GET or None),
        columns=PERSON_COLUMNS,
        template="network/person_list.html",
        partial="network/partials/person_results.html",
        filename="personer",
        apply=logged,
        context={"can_manage": can_manage(request.user)},
    )
    return response


@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk)
    if person.merged_into_id:
        return redirect(person.merged_into.get_absolute_url())
    manage = can_manage(request.user)
    return render(
        request,
        "network/person_detail.html",
        {
            "person": person,
            "memberships": person.memberships.select_related("organisation"),
            "networks": Network.objects.filter(members__person=person),
            "can_manage": manage,
            "membership_form": MembershipForm() if manage else None,
            "merge_form": MergeForm(queryset=Person.objects.current().exclude(pk=person.pk))
            if manage
            else None,
        },
    )


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    require_manage(request)
    form = PersonForm(posted(request))
    return edit(
        request,
        form,
        lambda data: services.create_person(actor=request.user, **model_fields(form)),
        title=_("Ny person"),
        parent_url=reverse("network:person_list"),
        parent_label=_("Personer"),
        done=_("“%(name)s” er oprettet."),
    )


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk, write=True)
    form = PersonForm(posted(request), instance=Person.objects.get(pk=pk))
    return edit(
        request,
        form,
        lambda data: services.update_person(
            actor=request.user, person=person, **model_fields(form)
        ),
        title=_("Ret %(name)s") % {"name": person},
        parent_url=person.get_absolute_url(),
        parent_label=person.name,
        done=_("“%(name)s” er gemt."),
    )


@require_POST
def membership_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk, write=True)
    form = MembershipForm(request.POST)
    if form.is_valid():
        try:
            services.add_membership(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Rollen er tilføjet."))
            return redirect(person.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Ny rolle for %(name)s") % {"name": person},
        parent_url=person.get_absolute_url(),
        parent_label=person.name,
        status=400,
    )


@require_POST
def membership_end(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk, write=True)
    membership = get_object_or_404(Membership, pk=membership_pk, person=person)
    services.end_membership(actor=request.user, membership=membership)
    messages.success(request, _("Rollen er afsluttet."))
    return redirect(person.get_absolute_url())


@require_POST
def person_merge(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk, write=True)
    form = MergeForm(request.POST, queryset=Person.objects.current().exclude(pk=person.pk))
    if form.is_valid():
        try:
            services.merge_persons(
                actor=request.user, kept=person, removed=form.cleaned_data["other"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("“%(other)s” er lagt sammen med “%(name)s”.")
                % {"other": form.cleaned_data["other"], "name": person},
            )
            return redirect(person.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Læg en dublet sammen med %(name)s") % {"name": person},
        parent_url=person.get_absolute_url(),
        parent_label=person.name,
        status=400,
    )


@require_GET
def person_extract(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk, write=True)
    data = services.extract_person(actor=request.user, person=person)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@require_POST
def person_anonymise(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk, write=True)
    services.anonymise_person(actor=request.user, person=person)
    messages.success(request, _("Personens oplysninger er fjernet."))
    return redirect(person.get_absolute_url())
