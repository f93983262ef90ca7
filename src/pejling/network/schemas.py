"""The JSON shapes of the network API: organisations, persons and theme networks.

In-schemas refuse CPR numbers in every text a person writes; choices and lengths are left to
the models, whose messages are translated.
"""

from datetime import date

from ninja import Field, Schema

from pejling.lib.cpr import NoCprStr


class Linked(Schema):
    """A record with a page of its own: ``url`` is that page's address."""

    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class AdministrationRef(Schema):
    id: int
    name: str
    short_name: str


class OrganisationOut(Linked):
    id: int
    name: str
    kind: str
    kind_label: str
    administration: AdministrationRef | None
    district: str
    website: str
    merged_into_id: int | None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class OrganisationIn(Schema):
    name: NoCprStr = Field(..., max_length=200)
    kind: str
    administration_id: int | None = None
    district: NoCprStr = Field("", max_length=100)
    website: str = ""
    notes: NoCprStr = ""


class MembershipOut(Schema):
    organisation_id: int
    organisation: str
    role: str
    starts_on: date | None
    ends_on: date | None

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation.name


class PersonOut(Linked):
    id: int
    name: str
    email: str
    phone: str
    memberships: list[MembershipOut]
    merged_into_id: int | None

    @staticmethod
    def resolve_memberships(obj) -> list:
        return list(obj.memberships.all())


class PersonIn(Schema):
    name: NoCprStr = Field(..., max_length=200)
    email: str = ""
    phone: NoCprStr = Field("", max_length=30)
    notes: NoCprStr = ""


class NetworkMemberOut(Schema):
    kind: str
    id: int
    name: str
    joined_on: date


class NetworkOut(Linked):
    id: int
    name: str
    slug: str
    theme: str
    description: str
    is_active: bool
    member_count: int


class NetworkDetailOut(Schema):
    id: int
    url: str
    name: str
    slug: str
    theme: str
    description: str
    is_active: bool
    member_count: int
    members: list[NetworkMemberOut]
    hidden_person_count: int
    shared_article_ids: list[int]


class OrganisationPage(Schema):
    items: list[OrganisationOut]
    count: int


class PersonPage(Schema):
    items: list[PersonOut]
    count: int


class NetworkPage(Schema):
    items: list[NetworkOut]
    count: int
