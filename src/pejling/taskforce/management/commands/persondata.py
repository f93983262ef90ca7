"""Hand out or remove what the task force holds about one person (a data subject's request)."""

import json

from django.core.management.base import BaseCommand, CommandError

from pejling.audit.context import origin
from pejling.audit.models import Channel
from pejling.taskforce import personal_data


class Command(BaseCommand):
    help = "Extract (default) or anonymise the task force's records about one person."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument(
            "--anonymise", action="store_true", help="remove the person's data from the cases"
        )

    def handle(self, *, email: str, name: str, phone: str, anonymise: bool, **options) -> None:
        if not (email or name or phone):
            raise CommandError("Give --email, --name or --phone.")
        with origin(Channel.COMMAND, path="persondata"):
            if anonymise:
                count = personal_data.anonymise_person(
                    actor=None, email=email, name=name, phone=phone
                )
                self.stdout.write(f"Anonymised {count} case(s).")
                return
            cases = personal_data.cases_about(email=email, name=name, phone=phone)
            records = personal_data.extract(cases, actor=None)
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
