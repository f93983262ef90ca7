import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from pejling.core import progress
from pejling.core.models import TaskProgress
from pejling.core.tasks import demo_progress

URL = "/opgaver/"
RUNNERS = ["administrator", "policy_officer", "coordinator", "analyst"]
NOT_RUNNERS = ["advisor", "contact_person", "committee_member", "outsider"]


def progress_url(task_id: str) -> str:
    return f"/opgaver/{task_id}/fremdrift/"


def quick_demo_task(owner, steps: int = 2) -> str:
    """The demo task without its pauses, started as the view starts it."""
    result = demo_progress.enqueue(steps=steps, pause=0)
    progress.start(task_id=result.id, owner=owner, label="Hurtig demonstration", total=steps)
    return str(result.id)


def run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    ).run()


@pytest.mark.parametrize("who", RUNNERS)
def test_task_runners_see_the_page(client, cast, who):
    client.force_login(getattr(cast, who))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Start en demonstrationsopgave" in response.content.decode()


@pytest.mark.parametrize("who", RUNNERS)
def test_task_runners_can_start_the_demo_task(client, cast, who):
    user = getattr(cast, who)
    client.force_login(user)

    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"] == URL
    item = TaskProgress.objects.get()
    assert item.owner == user
    assert item.label == "Demonstrationsopgave"
    assert (item.current, item.total, item.percent) == (0, 10, 0)
    queued = DBTaskResult.objects.get(id=item.task_id)
    assert queued.task_path == "pejling.core.tasks.demo_progress"
    assert queued.status == "READY"


@pytest.mark.parametrize("who", NOT_RUNNERS)
def test_others_are_forbidden(client, cast, who):
    client.force_login(getattr(cast, who))

    assert client.get(URL).status_code == 403
    assert client.post(URL).status_code == 403
    assert not DBTaskResult.objects.exists()
    assert not TaskProgress.objects.exists()


def test_anonymous_is_sent_to_login(client, db):
    for response in (client.get(URL), client.post(URL)):
        assert response.status_code == 302
        assert response["Location"] == f"/konto/log-ind/?next={URL}"
    assert not DBTaskResult.objects.exists()


def test_other_methods_are_not_allowed(client, cast):
    client.force_login(cast.administrator)
    assert client.put(URL).status_code == 405


def test_page_lists_only_the_users_own_tasks(client, cast):
    mine = quick_demo_task(cast.coordinator)
    quick_demo_task(cast.analyst)
    client.force_login(cast.coordinator)

    response = client.get(URL)

    assert [item.task_id for item, _status in response.context["rows"]] == [mine]


def test_progress_polls_while_the_task_waits(client, cast):
    task_id = quick_demo_task(cast.coordinator)
    client.force_login(cast.coordinator)

    response = client.get(progress_url(task_id))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert f'hx-get="{progress_url(task_id)}"' in content
    assert "hx-trigger" in content
    assert "Venter på at blive startet" in content


@pytest.mark.django_db(transaction=True)
def test_demo_task_runs_on_the_database_worker_to_completion(client, cast):
    task_id = quick_demo_task(cast.coordinator, steps=2)
    client.force_login(cast.coordinator)

    run_worker()

    item = TaskProgress.objects.get(task_id=task_id)
    assert (item.current, item.total, item.percent) == (2, 2, 100)
    assert item.message == "Trin 2 af 2"
    assert demo_progress.get_result(task_id).status == "SUCCESSFUL"
    response = client.get(progress_url(task_id))
    content = response.content.decode()
    assert "Færdig" in content
    assert "100 %" in content
    assert "hx-get" not in content
    assert "hx-trigger" not in content


def test_progress_of_a_task_that_never_reached_the_queue_shows_failure(client, cast):
    progress.start(task_id="gone", owner=cast.coordinator, label="Væk", total=1)
    client.force_login(cast.coordinator)

    content = client.get(progress_url("gone")).content.decode()

    assert "Fejlet" in content
    assert "hx-get" not in content


def test_another_users_task_is_not_found(client, cast):
    task_id = quick_demo_task(cast.coordinator)
    client.force_login(cast.analyst)

    assert client.get(progress_url(task_id)).status_code == 404


def test_unknown_task_is_not_found(client, cast):
    client.force_login(cast.coordinator)
    assert client.get(progress_url("no-such-task")).status_code == 404


def test_progress_is_forbidden_to_users_who_cannot_run_tasks(client, cast):
    task_id = quick_demo_task(cast.advisor)
    client.force_login(cast.advisor)
    assert client.get(progress_url(task_id)).status_code == 403


def test_progress_is_get_only(client, cast):
    task_id = quick_demo_task(cast.coordinator)
    client.force_login(cast.coordinator)
    assert client.post(progress_url(task_id)).status_code == 405
