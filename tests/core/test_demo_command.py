from io import StringIO

from django.core.management import call_command

from pejling.accounts.models import Administration, RoleAssignment, User
from pejling.accounts.roles import Role
from pejling.audit.models import AuditEvent, Channel
from pejling.demo import DEMO_PASSWORD


def demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def counts() -> tuple[int, int, int, int]:
    return (
        User.objects.count(),
        Administration.objects.count(),
        RoleAssignment.objects.count(),
        AuditEvent.objects.count(),
    )


def test_demo_creates_seven_administrations_and_one_user_per_role(db):
    output = demo()

    assert Administration.objects.count() == 7
    assert sorted(RoleAssignment.objects.values_list("role", flat=True)) == sorted(Role.values)
    assert User.objects.count() == len(Role)
    assert "demo accounts: created 7 administrations, 7 users" in output
    assert f"Password for all of them: {DEMO_PASSWORD}" in output


def test_demo_users_can_log_in_with_the_demo_password(db):
    demo()
    assert User.objects.get(username="raadgiver").check_password(DEMO_PASSWORD)


def test_demo_contact_person_represents_an_administration(db):
    demo()
    contact = User.objects.get(role_assignments__role=Role.CONTACT_PERSON)
    assert contact.administration.short_name == "TMF"


def test_demo_administrator_reaches_the_system_administration(db):
    demo()
    admin = User.objects.get(username="admin")
    assert admin.is_staff
    assert admin.is_superuser


def test_demo_is_audited_as_a_command(db):
    demo()
    channels = set(AuditEvent.objects.values_list("channel", flat=True))
    assert channels == {Channel.COMMAND}


def test_demo_run_twice_creates_nothing_the_second_time(db):
    demo()
    before = counts()

    output = demo()

    assert counts() == before
    assert "demo accounts: created 0 administrations, 0 users" in output


def test_the_demo_cases_serve_themes_and_guideposts(db):
    from pejling.demo import load_all
    from pejling.policy.models import Guidepost, Theme

    load_all()

    assert Theme.objects.get(title="En blandet by").cases.count() == 3
    campaign = Guidepost.objects.get(title="Fremtidens arbejdsmarked").cases.get()
    assert campaign.title == "Arbejdspladskampagne om mangfoldighed"
