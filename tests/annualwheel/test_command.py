"""The `wheel` management command."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pejling.annualwheel.models import Occurrence
from pejling.audit.models import AuditEvent, Channel
from tests.annualwheel.support import make_event


def run(*args) -> str:
    out = StringIO()
    call_command("wheel", *args, stdout=out)
    return out.getvalue()


def test_generate_a_year_twice_creates_it_once(cast):
    make_event()
    assert run("generate", "--year", "2027") == "Created 2 occurrence(s) for 2027.\n"
    assert run("generate", "--year", "2027") == "Created 0 occurrence(s) for 2027.\n"
    occurrence = Occurrence.objects.first()
    assert AuditEvent.objects.for_object(occurrence).get().channel == Channel.COMMAND


def test_a_year_out_of_range_is_refused(cast):
    with pytest.raises(CommandError, match="Vælg et år mellem 1900 og 2200"):
        run("generate", "--year", "20270")


def test_remind_reports_what_it_sent(cast):
    assert run("remind") == "Sent 0 reminder(s).\n"
