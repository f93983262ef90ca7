from ninja import Schema


class AdministrationOut(Schema):
    id: int
    name: str
    short_name: str


class RoleOut(Schema):
    code: str
    label: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    administration: AdministrationOut | None
    roles: list[RoleOut]
    capabilities: list[str]
    language: str
