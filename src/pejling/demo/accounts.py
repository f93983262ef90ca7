"""Copenhagen's seven administrations and one demo user per role."""

from pejling.accounts import services
from pejling.accounts.models import Administration, User
from pejling.accounts.roles import Role

DEMO_PASSWORD = "pejling-demo"  # noqa: S105 (demo only; printed when the demo loads)

ADMINISTRATIONS = [
    ("Beskæftigelses- og Integrationsforvaltningen", "BIF", "bif"),
    ("Børne- og Ungdomsforvaltningen", "BUF", "buf"),
    ("Kultur- og Fritidsforvaltningen", "KFF", "kff"),
    ("Socialforvaltningen", "SOF", "sof"),
    ("Sundheds- og Omsorgsforvaltningen", "SUF", "suf"),
    ("Teknik- og Miljøforvaltningen", "TMF", "tmf"),
    ("Økonomiforvaltningen", "ØKF", "okf"),
]

# username, first name, last name, title, role, administration short name
USERS = [
    ("admin", "Anders", "Holm", "Systemadministrator", Role.ADMINISTRATOR, "BIF"),
    ("politik", "Mette", "Lund", "Fuldmægtig, politik og analyse", Role.POLICY_OFFICER, "BIF"),
    (
        "koordinator",
        "Karim",
        "Hassan",
        "Koordinator, integrationstaskforce",
        Role.COORDINATOR,
        "BIF",
    ),
    ("raadgiver", "Sofie", "Nielsen", "Rådgiver, integrationstaskforce", Role.ADVISOR, "BIF"),
    ("kontakt", "Lars", "Petersen", "Kontaktperson", Role.CONTACT_PERSON, "TMF"),
    ("analytiker", "Amira", "Jensen", "Analytiker", Role.ANALYST, "BIF"),
    ("udvalg", "Peter", "Møller", "Udvalgsmedlem, BIU", Role.COMMITTEE_MEMBER, None),
]


def load() -> dict[str, int]:
    created = {"administrations": 0, "users": 0}
    by_short = {}
    for name, short_name, slug in ADMINISTRATIONS:
        administration, was_created = Administration.objects.get_or_create(
            short_name=short_name, defaults={"name": name, "slug": slug}
        )
        by_short[short_name] = administration
        created["administrations"] += was_created
    for username, first, last, title, role, short in USERS:
        if User.objects.filter(username=username).exists():
            continue
        services.create_user(
            actor=None,
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@pejling.example",
            title=title,
            password=DEMO_PASSWORD,
            roles=[role],
            administration=by_short.get(short) if short else None,
        )
        created["users"] += 1
    admin = User.objects.get(username="admin")
    if not admin.is_staff:
        # The administrator also reaches the system administration (/system/).
        User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    return created
