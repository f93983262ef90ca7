import threading

import pytest
from django.db import connection, connections
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import Page, expect

from tests.browser.support import log_in

pytestmark = pytest.mark.browser


class WorkerThread(threading.Thread):
    """The real database worker, in-process, until the queue is empty (``batch``)."""

    def __init__(self) -> None:
        super().__init__(name="browser-worker", daemon=True)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            Worker(
                queue_names=["default"],
                interval=0.1,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id="browser",
                excluded_queue_names=[],
            ).run()
        except BaseException as error:  # reported by the test, not lost in the thread
            self.error = error
        finally:
            connections.close_all()


def _share_in_memory_sqlite_without_table_locks() -> None:
    """The test database is SQLite in shared-cache memory: the live server uses this thread's
    connection and the worker opens its own. Reads must not take table locks there, or a poll
    that reads while the worker writes fails with "database table is locked"."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")


def test_progress_bar_follows_a_background_task_without_reloading(
    page: Page, live_server, cast, settings
):
    settings.PEJLING_DEMO_TASK_PAUSE = 0.05
    log_in(page, live_server.url, cast.coordinator.username)
    page.goto(live_server.url + reverse("core:tasks"))
    expect(page.get_by_text("Du har ikke startet nogen opgaver endnu.")).to_be_visible()

    page.get_by_role("button", name="Start en demonstrationsopgave").click()

    task = page.locator(".pejling-task")
    expect(task).to_have_count(1)
    expect(task.locator("label")).to_contain_text("Venter på at blive startet")
    progress = task.locator("progress")
    expect(progress).to_have_attribute("value", "0")
    expect(task).to_have_attribute("hx-trigger", "every 1s")
    # A reload would drop this mark: the page must change by htmx alone.
    page.evaluate("() => { window.pejlingNotReloaded = true; }")

    _share_in_memory_sqlite_without_table_locks()
    worker = WorkerThread()
    worker.start()
    try:
        expect(task.locator("label")).to_contain_text("Færdig", timeout=20_000)
        expect(progress).to_have_attribute("value", "100")
        expect(task.locator(".pejling-progress-percent")).to_have_text("100 %")
    finally:
        worker.join(timeout=20)
    assert not worker.is_alive()
    assert worker.error is None, repr(worker.error)

    expect(task.locator("label")).to_contain_text("Trin 10 af 10")
    expect(task).not_to_have_attribute("hx-trigger", "every 1s")  # polling has stopped
    assert page.evaluate("() => window.pejlingNotReloaded === true")
