"""The periodic reminder job."""

import pytest
import time_machine
from django.core import mail

from pejling.annualwheel import services, tasks
from tests.annualwheel.support import make_event


@pytest.mark.django_db(transaction=True)
@time_machine.travel("2026-02-05 06:00 +01:00", tick=False)
def test_the_reminder_job_mails_the_responsible_person_once(cast):
    make_event(responsible=cast.analyst)
    services.generate_occurrences(actor=None, year=2026)
    assert tasks.remind_wheel_occurrences.call() == {"reminders": 1}
    assert tasks.remind_wheel_occurrences.call() == {"reminders": 0}
    assert [m.to for m in mail.outbox] == [["analyst@example.org"]]
    assert "15. februar 2026" in mail.outbox[0].subject
