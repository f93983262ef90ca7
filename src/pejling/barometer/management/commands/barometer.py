"""The barometer's engine from the command line.

``pejling barometer generate-panel --out PATH [--persons N] [--seed S]`` writes a synthetic
register panel; ``pejling barometer run --panel PATH [--csv OUT] [--engine duckdb|spark]``
computes every register indicator from a panel, stores a draft edition and, with ``--csv``,
writes every computed cell as tidy CSV.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pejling.barometer import engine
from pejling.barometer.engine.run import BACKENDS, SpecError
from pejling.barometer.engine.spec import IndicatorSpec


def _specs() -> tuple[list[IndicatorSpec], str]:
    """The register indicators defined in the database, else the demo catalogue."""
    from pejling.barometer.engine.catalogue import DEMO_SPECS

    try:
        from pejling.barometer.models import Indicator, Source
    except ImportError:
        return list(DEMO_SPECS), "the demo catalogue"
    from django.db import DatabaseError

    try:
        indicators = list(Indicator.objects.filter(source=Source.REGISTER).order_by("code"))
    except DatabaseError:  # the database is not migrated yet
        return list(DEMO_SPECS), "the demo catalogue"
    if not indicators:
        return list(DEMO_SPECS), "the demo catalogue"
    return [indicator.to_spec() for indicator in indicators], "the defined register indicators"


class Command(BaseCommand):
    help = "Generate a synthetic register panel, or compute the barometer from a panel."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        generate = actions.add_parser(
            "generate-panel", help="write a synthetic register panel (Parquet)"
        )
        generate.add_argument("--out", required=True, help="the Parquet file to write")
        generate.add_argument("--persons", type=int, default=660_000)
        generate.add_argument("--seed", type=int, default=2013)
        run = actions.add_parser("run", help="compute every register indicator from a panel")
        run.add_argument("--panel", required=True, help="the register panel (Parquet)")
        run.add_argument("--csv", default="", help="also write every cell as CSV to this file")
        run.add_argument("--engine", choices=BACKENDS, default="duckdb")
        run.add_argument("--threshold", type=int, default=5, help="suppress below N persons")
        run.add_argument("--no-store", action="store_true", help="do not store a draft edition")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "generate-panel":
            self.generate(options)
        else:
            self.run(options)

    def generate(self, options: dict[str, Any]) -> None:
        if options["persons"] < 1:
            raise CommandError("--persons must be at least 1.")
        started = time.perf_counter()
        rows = engine.generate_panel(
            options["out"], persons=options["persons"], seed=options["seed"]
        )
        self.stdout.write(
            f"Wrote a SYNTHETIC register panel of {options['persons']:,} persons "
            f"({rows:,} rows) to {options['out']} in {time.perf_counter() - started:.1f} s."
        )

    def run(self, options: dict[str, Any]) -> None:
        path = options["panel"]
        try:
            engine.validate_panel(path)
        except engine.PanelError as error:
            raise CommandError(str(error)) from error
        try:
            specs, where = _specs()
        except ValueError as error:  # an indicator whose definition cannot be computed
            raise CommandError(f"An indicator definition is invalid: {error}") from error
        self.stdout.write(f"Computing {len(specs)} indicators from {where} on {options['engine']}.")

        def progress(done: int, total: int) -> None:
            if done:
                self.stdout.write(f"  {done}/{total} {specs[done - 1].code}")

        started = time.perf_counter()
        try:
            cells = engine.compute(
                specs,
                path,
                backend=options["engine"],
                threshold=options["threshold"],
                progress=progress,
            )
        except (engine.PanelError, SpecError) as error:
            raise CommandError(str(error)) from error
        suppressed = sum(cell.suppressed for cell in cells)
        self.stdout.write(
            f"Computed {len(cells):,} cells ({suppressed:,} suppressed) "
            f"in {time.perf_counter() - started:.1f} s."
        )
        if options["csv"]:
            engine.write_csv(cells, options["csv"])
            self.stdout.write(f"Wrote the cells to {options['csv']}.")
        if options["no_store"]:
            return
        try:
            from pejling.barometer.services import store_engine_run
        except ImportError:
            where = "to the CSV file" if options["csv"] else "nowhere (give --csv)"
            self.stdout.write(
                f"No draft edition was stored (the barometer's storage is not available); "
                f"the cells were written only {where}."
            )
            return
        from django.core.exceptions import ValidationError

        from pejling.audit.context import origin
        from pejling.audit.models import Channel

        try:
            with origin(Channel.COMMAND, path="barometer run"):
                edition = store_engine_run(
                    cells=cells,
                    source_name=str(path),
                    is_synthetic=engine.panel.is_synthetic(path),
                )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"Stored a draft edition for {edition.period}.")
