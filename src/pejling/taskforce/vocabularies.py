"""The first words of the coordinator's vocabularies (the data migration adds them too)."""

from pejling.taskforce.models import BarrierKind, OutcomeKind

BARRIER_KINDS = [
    "Manglende kendskab til politikken",
    "Sprog og kommunikation",
    "Regler og procedurer",
    "Ressourcer og tid",
    "Holdninger og fordomme",
    "Samarbejde mellem forvaltninger",
    "Manglende inddragelse af borgere og forældre",
]
OUTCOME_KINDS = [
    "Løst",
    "Delvist løst",
    "Henvist til anden enhed",
    "Viden og metode givet videre",
    "Ikke løst",
]


def ensure_defaults() -> None:
    """Add any default word that is missing; words the coordinator changed are left alone."""
    for model, names in ((BarrierKind, BARRIER_KINDS), (OutcomeKind, OUTCOME_KINDS)):
        if model.objects.exists():
            continue
        model.objects.bulk_create(
            model(name=name, order=order) for order, name in enumerate(names, start=1)
        )
