"""The engine run: uploading a register panel through the page, computed in the background."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker

from pejling.accounts.roles import Role
from pejling.barometer import services
from pejling.barometer.engine import generate_panel
from pejling.barometer.models import Edition, EngineRun, Indicator
from pejling.core.models import TaskProgress
from pejling.demo.barometer import INDICATORS
from tests.conftest import make_user

# The worker closes stale connections between tasks, so it cannot run inside a test transaction.
pytestmark = pytest.mark.django_db(transaction=True)
URL = reverse("barometer:run_create")


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


@pytest.fixture
def analyst(transactional_db):
    for code, (fields, _themes, _target) in INDICATORS.items():
        if code != "ansatte_ikke_dansk":
            services.save_indicator(
                actor=None,
                indicator=Indicator(code=code),
                changes={"source": "register", **fields},
            )
    return make_user("analyst", Role.ANALYST)


@pytest.fixture(scope="module")
def panel_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("panel") / "panel.parquet"
    generate_panel(path, persons=400, seed=7, first="2023H1", last="2024H2")
    return path.read_bytes()


def test_analyst_runs_the_engine_and_gets_a_draft(client, analyst, panel_bytes):
    client.force_login(analyst)

    response = client.post(
        URL, {"panel": SimpleUploadedFile("udtraek.parquet", panel_bytes), "period_from": ""}
    )
    assert response.status_code == 302
    run = EngineRun.objects.get()
    assert run.task_id
    run_worker()

    run.refresh_from_db()
    assert run.state == EngineRun.State.DONE, run.message
    edition = run.edition
    assert edition.state == Edition.State.DRAFT
    assert edition.period == "2024H2"
    assert edition.measurements.filter(indicator__code="besk_gab_25_64").exists()
    assert TaskProgress.objects.get(task_id=run.task_id).percent == 100
    # The person-level panel is gone once computed.
    assert not run.panel
    page = client.get(URL).content.decode()
    assert "Kladde for 2024H2" in page


def test_panel_missing_a_column_fails_with_its_name_and_stores_nothing(
    client, analyst, panel_bytes, tmp_path
):
    source = tmp_path / "good.parquet"
    source.write_bytes(panel_bytes)
    table = pq.read_table(source).drop_columns(["employed"])
    bad = tmp_path / "bad.parquet"
    pq.write_table(table, bad)
    client.force_login(analyst)

    client.post(URL, {"panel": SimpleUploadedFile("bad.parquet", bad.read_bytes())})
    run_worker()

    run = EngineRun.objects.get()
    assert run.state == EngineRun.State.FAILED
    assert "employed" in run.message
    assert run.message.startswith("Registerudtrækket kan ikke bruges")
    assert not run.panel
    assert not Edition.objects.exists()


def test_panel_with_a_wrong_type_fails(client, analyst, panel_bytes, tmp_path):
    source = tmp_path / "good.parquet"
    source.write_bytes(panel_bytes)
    table = pq.read_table(source)
    index = table.schema.get_field_index("birth_year")
    table = table.set_column(
        index, "birth_year", pa.array([str(v) for v in table["birth_year"].to_pylist()])
    )
    bad = tmp_path / "bad.parquet"
    pq.write_table(table, bad)
    client.force_login(analyst)

    client.post(URL, {"panel": SimpleUploadedFile("bad.parquet", bad.read_bytes())})
    run_worker()

    run = EngineRun.objects.get()
    assert run.state == EngineRun.State.FAILED
    assert "birth_year" in run.message
    assert not Edition.objects.exists()


def test_other_file_types_and_bad_periods_are_refused_at_once(client, analyst):
    client.force_login(analyst)

    response = client.post(URL, {"panel": SimpleUploadedFile("udtraek.csv", b"a,b\n1,2\n")})
    assert response.status_code == 400
    assert "Vælg en Parquet-fil (.parquet)." in response.context["form"].errors["panel"]

    response = client.post(
        URL, {"panel": SimpleUploadedFile("u.parquet", b"x"), "period_from": "2023H3"}
    )
    assert response.status_code == 400
    assert "period_from" in response.context["form"].errors
    assert not EngineRun.objects.exists()


def test_only_analysts_run_the_engine(client, analyst, panel_bytes):
    member = make_user("committee", Role.COMMITTEE_MEMBER)
    client.force_login(member)
    response = client.post(URL, {"panel": SimpleUploadedFile("u.parquet", panel_bytes)})
    assert response.status_code == 403
    assert client.get(URL).status_code == 403
    assert not EngineRun.objects.exists()
