"""Create a year's occurrences of the annual wheel, or send the reminders that are due."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pejling.annualwheel import services
from pejling.audit.context import origin
from pejling.audit.models import Channel


class Command(BaseCommand):
    help = "Create the annual wheel's occurrences for a year (idempotent), or send due reminders."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["generate", "remind"])
        parser.add_argument("--year", type=int, help="the year to generate (default: this year)")

    def handle(self, *, action: str, year: int | None, **options) -> None:
        with origin(Channel.COMMAND, path=f"wheel {action}"):
            if action == "remind":
                self.stdout.write(f"Sent {services.send_reminders()} reminder(s).")
                return
            year = year or timezone.localdate().year
            try:
                created = services.generate_occurrences(actor=None, year=year)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(f"Created {len(created)} occurrence(s) for {year}.")
