from django.core.management.base import BaseCommand

from pejling.demo import DEMO_PASSWORD, load_all
from pejling.demo.accounts import USERS


class Command(BaseCommand):
    help = "Load the demo data set (safe to run again: nothing is created twice)."

    def handle(self, *args, **options) -> None:
        report = load_all()
        for part, counts in report.items():
            summary = ", ".join(f"{n} {what}" for what, n in counts.items())
            self.stdout.write(f"demo {part}: created {summary}")
        self.stdout.write("")
        self.stdout.write("Demo users (demo only, never in production):")
        for username, first, last, _title, role, _adm in USERS:
            self.stdout.write(f"  {username:<12} {first} {last} ({role.label})")
        self.stdout.write(f"Password for all of them: {DEMO_PASSWORD}")
