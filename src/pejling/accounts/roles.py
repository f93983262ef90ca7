"""Roles and what each of them may do.

A user holds any number of roles; what they may do is the union of their roles' capabilities.
Apps ask ``user.can(Capability.X)`` in their ``permissions.py`` rather than testing roles.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    POLICY_OFFICER = "policy_officer", _("Politikmedarbejder")
    COORDINATOR = "coordinator", _("Koordinator")
    ADVISOR = "advisor", _("Rådgiver")
    CONTACT_PERSON = "contact_person", _("Kontaktperson")
    ANALYST = "analyst", _("Analytiker")
    COMMITTEE_MEMBER = "committee_member", _("Udvalgsmedlem")


class Capability(models.TextChoices):
    MANAGE_USERS = "manage_users", _("Administrere brugere og roller")
    VIEW_AUDIT_LOG = "view_audit_log", _("Søge i revisionsspor og adgangslog")
    RUN_BACKGROUND_TASKS = "run_background_tasks", _("Starte og følge baggrundsopgaver")
    EDIT_POLICY = "edit_policy", _("Redigere politik, handleplaner og budget")
    READ_INTERNAL = "read_internal", _("Læse interne sider")
    TRIAGE_REQUESTS = "triage_requests", _("Visitere henvendelser og fordele sager")
    WORK_CASES = "work_cases", _("Arbejde med sager og aktiviteter")
    SEND_REQUESTS = "send_requests", _("Sende henvendelser på vegne af en forvaltning")
    MANAGE_BAROMETER = "manage_barometer", _("Definere indikatorer og offentliggøre barometeret")
    EDIT_GOVERNANCE = "edit_governance", _("Redigere møder, høringer og årshjul")
    WRITE_KNOWLEDGE = "write_knowledge", _("Skrive i vidensbanken")
    PUBLISH_KNOWLEDGE = "publish_knowledge", _("Godkende og offentliggøre i vidensbanken")
    MANAGE_NETWORKS = "manage_networks", _("Vedligeholde aktører, netværk og nyhedsbrev")
    USE_API = "use_api", _("Bruge API'et med personlige nøgler")
    WRITE_REPORTS = "write_reports", _("Danne rapporter og skrive prioriteter")
    HANDLE_PERSONAL_DATA = (
        "handle_personal_data",
        _("Udlevere og fjerne en persons oplysninger på anmodning"),
    )


ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    Role.ADMINISTRATOR: frozenset(
        {
            Capability.MANAGE_USERS,
            Capability.VIEW_AUDIT_LOG,
            Capability.HANDLE_PERSONAL_DATA,
            Capability.RUN_BACKGROUND_TASKS,
            Capability.READ_INTERNAL,
            Capability.USE_API,
        }
    ),
    Role.POLICY_OFFICER: frozenset(
        {
            Capability.EDIT_POLICY,
            Capability.EDIT_GOVERNANCE,
            Capability.WRITE_REPORTS,
            Capability.READ_INTERNAL,
            Capability.RUN_BACKGROUND_TASKS,
            Capability.USE_API,
        }
    ),
    Role.COORDINATOR: frozenset(
        {
            Capability.TRIAGE_REQUESTS,
            Capability.WORK_CASES,
            Capability.HANDLE_PERSONAL_DATA,
            Capability.WRITE_REPORTS,
            Capability.WRITE_KNOWLEDGE,
            Capability.PUBLISH_KNOWLEDGE,
            Capability.MANAGE_NETWORKS,
            Capability.READ_INTERNAL,
            Capability.RUN_BACKGROUND_TASKS,
            Capability.USE_API,
        }
    ),
    Role.ADVISOR: frozenset(
        {
            Capability.WORK_CASES,
            Capability.WRITE_KNOWLEDGE,
            Capability.READ_INTERNAL,
            Capability.USE_API,
        }
    ),
    Role.CONTACT_PERSON: frozenset({Capability.SEND_REQUESTS, Capability.READ_INTERNAL}),
    Role.ANALYST: frozenset(
        {
            Capability.MANAGE_BAROMETER,
            Capability.READ_INTERNAL,
            Capability.RUN_BACKGROUND_TASKS,
            Capability.USE_API,
        }
    ),
    Role.COMMITTEE_MEMBER: frozenset({Capability.READ_INTERNAL}),
}

ROLE_DESCRIPTIONS: dict[str, str] = {
    Role.ADMINISTRATOR: _(
        "Administrerer brugere, roller og forvaltninger og fører tilsyn med logs."
    ),
    Role.POLICY_OFFICER: _(
        "Vedligeholder politikkens struktur, handleplaner, budget, møder, høringer, "
        "årshjul og rapporter."
    ),
    Role.COORDINATOR: _(
        "Visiterer og fordeler henvendelser, planlægger og prioriterer, driver vidensbank "
        "og netværk og rapporterer."
    ),
    Role.ADVISOR: _(
        "Arbejder med sager, registrerer aktiviteter, barrierer og resultater og skriver "
        "god praksis."
    ),
    Role.CONTACT_PERSON: _(
        "Sender henvendelser på vegne af sin forvaltning, følger forvaltningens sager "
        "og foreslår fokusområder."
    ),
    Role.ANALYST: _("Definerer indikatorer, indlæser data og kører og offentliggør barometeret."),
    Role.COMMITTEE_MEMBER: _("Læser overblik, barometer, rapporter og mødereferater."),
}
