"""The main navigation, built from what the user may do."""

from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _

from pejling.accounts.roles import Capability


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    capability: str | None = None  # None: every logged-in user
    description: str = ""

    @property
    def url(self) -> str:
        return _reverse(self.url_name, get_script_prefix())


@lru_cache(maxsize=128)
def _reverse(url_name: str, script_prefix: str) -> str:
    """Every page reverses the whole menu (twice: wide and narrow); the answer only depends on
    the name and the prefix the site is served under."""
    return reverse(url_name)


ITEMS = [
    NavItem(_("Forside"), "core:start"),
    NavItem(
        _("Politik"),
        "policy:policy_list",
        Capability.READ_INTERNAL,
        _("Vision, principper, temaer, pejlemærker, mål, initiativer og handleplaner."),
    ),
    NavItem(
        _("Budget"),
        "policy:budget",
        Capability.READ_INTERNAL,
        _("Bevillinger, fordeling på initiativer og indsatsspor, og forbrug."),
    ),
    NavItem(
        _("Møder"),
        "governance:meeting_list",
        Capability.READ_INTERNAL,
        _("Udvalgenes møder med dagsorden, indstillinger, beslutninger og ændringsforslag."),
    ),
    NavItem(
        _("Høringer"),
        "governance:hearing_list",
        Capability.READ_INTERNAL,
        _("Forslag i høring, høringssvar og høringsnotater."),
    ),
    NavItem(
        _("Årshjul"),
        "annualwheel:wheel",
        Capability.READ_INTERNAL,
        _("Årets faste frister: barometer, budget, statusrapport, møder og konference."),
    ),
    NavItem(
        _("Barometer"),
        "barometer:overview",
        Capability.READ_INTERNAL,
        _("Integrationsbarometeret: status og afstand til målene, indikatorer og udgaver."),
    ),
    NavItem(
        _("Rekvirér task forcen"),
        "requests:contact_create",
        Capability.SEND_REQUESTS,
        _("Send en henvendelse på vegne af din forvaltning, og følg forvaltningens sager."),
    ),
    NavItem(
        _("Visitering"),
        "taskforce:board",
        Capability.TRIAGE_REQUESTS,
        _("Nye henvendelser: modtag, afvis, bed om oplysninger, læg sammen og fordel."),
    ),
    NavItem(
        _("Mine sager"),
        "taskforce:my_cases",
        Capability.WORK_CASES,
        _("Dine sager, aktiviteter og opfølgninger."),
    ),
    NavItem(
        _("Barrierer"),
        "taskforce:barrier_list",
        Capability.WORK_CASES,
        _("Barrierer for politikkens gennemførelse, mødt i marken."),
    ),
    NavItem(
        _("Sager"),
        "taskforce:case_list",
        Capability.WORK_CASES,
        _("Alle sager og henvendelser, filtreret på år, indsatsområde, indgang og svar."),
    ),
    NavItem(
        _("Vidensbank"),
        "knowledge:article_list",
        Capability.READ_INTERNAL,
        _("Task forcens fælles viden: god praksis, metoder, værktøjer og vejledninger."),
    ),
    NavItem(
        _("Netværk"),
        "network:index",
        Capability.READ_INTERNAL,
        _("Organisationer, personer, kontaktpersonmøder, forslag, temanetværk og nyhedsbrev."),
    ),
    NavItem(
        _("Overblik"),
        "taskforce:overview",
        Capability.TRIAGE_REQUESTS,
        _("Arbejdsbyrde, åbne sager, henvendelser pr. måned, svartider og timer."),
    ),
    NavItem(
        _("Rapporter"),
        "reports:report_list",
        Capability.READ_INTERNAL,
        _("Den årlige statusrapport og udvalgets orientering om task forcen."),
    ),
    NavItem(
        _("Persondata"),
        "taskforce:person_search",
        Capability.HANDLE_PERSONAL_DATA,
        _("Find, udlevér eller fjern det, task forcen har om en person."),
    ),
    NavItem(
        _("Baggrundsopgaver"),
        "core:tasks",
        Capability.RUN_BACKGROUND_TASKS,
        _("Start opgaver, der kører i baggrunden, og følg deres fremdrift."),
    ),
    NavItem(
        _("Revisionsspor"),
        "audit:changes",
        Capability.VIEW_AUDIT_LOG,
        _("Hvem har oprettet, ændret eller slettet hvad, og hvornår."),
    ),
    NavItem(
        _("Adgangslog"),
        "audit:access",
        Capability.VIEW_AUDIT_LOG,
        _("Hvem har set oplysninger, der indeholder personoplysninger."),
    ),
    NavItem(
        _("Min profil"),
        "accounts:profile",
        None,
        _("Dine oplysninger, din adgangskode og eventuelle API-nøgler."),
    ),
]


def items_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    return [item for item in ITEMS if item.capability is None or user.can(item.capability)]
