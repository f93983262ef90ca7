"""Helpers shared by the tests of the task force's own pages (test_work_*.py)."""

import csv
import io
import re
from datetime import timedelta
from html import unescape
from html.parser import HTMLParser

from django.utils import timezone
from openpyxl import load_workbook

from pejling.taskforce import services
from pejling.taskforce.models import ActorKind, Case, Door, Field

SEQUENCE = iter(range(1, 10_000))


def new_case(
    *,
    actor=None,
    door: str = Door.PUBLIC,
    title: str | None = None,
    field: str = Field.EDUCATION,
    days_ago: int = 0,
    administration=None,
    email: str = "anna@example.org",
) -> Case:
    """A request through the public form (by default), received ``days_ago`` days ago."""
    return services.receive_case(
        actor=actor,
        door=door,
        title=title or f"Henvendelse {next(SEQUENCE)}",
        description="Forældrene til de nye elever kommer ikke til skole-hjem-samtalerne.",
        field=field,
        actor_kind=ActorKind.SCHOOL,
        organisation="Valby Skole",
        contact_name="Anna Jensen",
        contact_email=email,
        administration=administration,
        received_at=timezone.now() - timedelta(days=days_ago),
    )


def open_case(*, coordinator, advisor, **kwargs) -> Case:
    """A case taken up and assigned to ``advisor``."""
    case = new_case(**kwargs)
    return services.assign(actor=coordinator, case=case, advisors=[advisor])


def logged_in(client, user):
    client.force_login(user)
    return client


def html(response) -> str:
    return response.content.decode()


def page_text(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html(response), flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(unescape(body).split())


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _TextOfElement(HTMLParser):
    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id, self.depth, self.parts = element_id, 0, []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in VOID:
            return
        if self.depth or dict(attrs).get("id") == self.element_id:
            self.depth += 1

    def handle_endtag(self, tag) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data) -> None:
        if self.depth:
            self.parts.append(data)


def text_of(response, element_id: str) -> str:
    """The text inside the element with ``element_id``, whitespace collapsed."""
    parser = _TextOfElement(element_id)
    parser.feed(html(response))
    return " ".join("".join(parser.parts).split())


def error_at(response, auto_id: str) -> str:
    """The message shown at the input with id ``auto_id`` (e.g. 'activity-ends_at')."""
    return text_of(response, f"{auto_id}-error").removeprefix("Fejl:").strip()


def csv_rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def xlsx_rows(response) -> list[tuple]:
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
