"""The first words of the coordinator's vocabularies; the coordinator keeps them from here."""

from django.db import migrations

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


def add(apps, schema_editor):
    for model, names in (("BarrierKind", BARRIER_KINDS), ("OutcomeKind", OUTCOME_KINDS)):
        Model = apps.get_model("taskforce", model)
        for order, name in enumerate(names, start=1):
            Model.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("taskforce", "0001_initial")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
