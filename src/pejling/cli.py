"""The ``pejling`` command: Django's management commands plus the product's own
(``demo``, ``serve``, ``worker``, ``token``)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pejling.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["pejling", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
