from datetime import timedelta

from django.utils import timezone

from pejling.core.models import WorkerHeartbeat


def test_healthz_reports_database_and_missing_worker(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["status"] == "ok"
    assert body["worker"] == {"status": "absent"}
    assert body["status"] == "degraded"


def test_healthz_ok_with_a_fresh_worker_heartbeat(client, db):
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="h", pid=1)
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["worker"]["status"] == "ok"


def test_healthz_flags_a_stale_worker(client, db, settings):
    WorkerHeartbeat.objects.create(
        worker_id="w1",
        hostname="h",
        pid=1,
        last_seen_at=timezone.now() - timedelta(seconds=settings.PEJLING_WORKER_STALE_SECONDS + 5),
    )
    body = client.get("/healthz").json()
    assert body["worker"]["status"] == "stale"
    assert body["status"] == "degraded"


def test_healthz_rejects_post(client, db):
    assert client.post("/healthz").status_code == 405
