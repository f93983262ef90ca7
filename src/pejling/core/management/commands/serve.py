"""Start the web server (gunicorn) and the task worker together; Ctrl-C stops both."""

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start Pejling: the web server and the background worker, stopped together by Ctrl-C."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--bind", default="127.0.0.1:8000", help="host:port (default %(default)s)"
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="web processes (default %(default)s)"
        )

    def handle(self, *, bind: str, workers: int, **options) -> None:
        # Read once here, so the secret key file exists before the children race to create it.
        assert settings.SECRET_KEY
        python = sys.executable
        children = {
            "web": subprocess.Popen(  # noqa: S603 (fixed argument list, no shell)
                [
                    python,
                    "-m",
                    "gunicorn",
                    "pejling.config.wsgi:application",
                    "--bind",
                    bind,
                    "--workers",
                    str(workers),
                    "--access-logfile",
                    "-",
                    "--forwarded-allow-ips",
                    "127.0.0.1",
                ]
            ),
            "worker": subprocess.Popen(  # noqa: S603
                [python, "-m", "pejling", "worker", "--no-reload", "--interval", "1"]
            ),
        }
        self.stdout.write(f"Pejling is running on http://{bind}/  (Ctrl-C stops it)")

        stopping = False

        def stop(signum, frame) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        exit_code = 0
        while not stopping:
            for name, child in children.items():
                if child.poll() is not None:
                    self.stderr.write(f"The {name} process stopped (exit code {child.returncode}).")
                    exit_code = child.returncode or 1
                    stopping = True
            time.sleep(0.5)

        for child in children.values():
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + 20
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        self.stdout.write("Pejling stopped.")
        if exit_code:
            sys.exit(exit_code)
