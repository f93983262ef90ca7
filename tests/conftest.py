"""The cast of users by role, shared by every test module."""

from dataclasses import dataclass

import pytest

from pejling.accounts import services
from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role

PASSWORD = "correct-horse-battery"


@dataclass
class Cast:
    administrator: User
    policy_officer: User
    coordinator: User
    advisor: User
    contact_person: User
    analyst: User
    committee_member: User
    outsider: User  # logged in, but holds no role
    administration: Administration

    def by_role(self) -> dict[str, User]:
        return {
            Role.ADMINISTRATOR: self.administrator,
            Role.POLICY_OFFICER: self.policy_officer,
            Role.COORDINATOR: self.coordinator,
            Role.ADVISOR: self.advisor,
            Role.CONTACT_PERSON: self.contact_person,
            Role.ANALYST: self.analyst,
            Role.COMMITTEE_MEMBER: self.committee_member,
        }


def make_user(username: str, *roles: str, administration=None) -> User:
    return services.create_user(
        actor=None,
        username=username,
        first_name=username.capitalize(),
        email=f"{username}@example.org",
        password=PASSWORD,
        roles=roles,
        administration=administration,
    )


@pytest.fixture
def cast(db) -> Cast:
    bif = Administration.objects.create(
        name="Beskæftigelses- og Integrationsforvaltningen", short_name="BIF", slug="bif"
    )
    return Cast(
        administrator=make_user("administrator", Role.ADMINISTRATOR),
        policy_officer=make_user("policy", Role.POLICY_OFFICER),
        coordinator=make_user("coordinator", Role.COORDINATOR),
        advisor=make_user("advisor", Role.ADVISOR),
        contact_person=make_user("contact", Role.CONTACT_PERSON, administration=bif),
        analyst=make_user("analyst", Role.ANALYST),
        committee_member=make_user("committee", Role.COMMITTEE_MEMBER),
        outsider=make_user("outsider"),
        administration=bif,
    )


@pytest.fixture(autouse=True)
def _danish_by_default():
    """Each test starts in Danish: a request handled in English leaves its thread in English."""
    from django.utils import translation

    with translation.override("da"):
        yield
