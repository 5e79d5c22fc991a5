"""The site keeps serving when Redis is unreachable and answers 503 with
Retry-After (then recovers) when the database is unreachable.

Redis: the caches point at a closed port (127.0.0.1:6390). Database: a real
process whose DATABASE_URL points at a closed port, and, in process, a database
connection that refuses to open while the test lasts.
"""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import Client, override_settings

from portal import faults

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CLOSED_REDIS = "redis://127.0.0.1:6390/0"
CLOSED_POSTGRES = "postgres://postgres@127.0.0.1:6391/portal_outage"
# The test site's about page (tests/factories/site.py) and its words.
ABOUT = "/en/about-test/"
PUBLIC_PATHS = [
    "/vi/",
    ABOUT,
    "/vi/search/?q=%C4%90%E1%BB%93i%20M%C3%A2y",
    "/api/v2/pages/?lang=en",
    "/api/v2/events/?lang=vi",
    "/feeds/events.ics",
    "/feeds/events.rss?lang=en",
]


def _redis(prefix):
    return {
        "BACKEND": "portal.faults.FaultTolerantRedisCache",
        "LOCATION": CLOSED_REDIS,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }


@pytest.fixture
def redis_down():
    faults._last_warning.clear()
    with override_settings(
        CACHES={"default": _redis("portal"), "pages": _redis("pages")}, WAGTAIL_CACHE=True
    ):
        yield
    faults._last_warning.clear()


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_pages_api_and_feeds_are_served_uncached_while_redis_is_down(redis_down, path):
    response = Client().get(path)
    assert response.status_code == 200
    assert response["X-Wagtail-Cache"] == "miss"


def test_redis_being_down_is_logged_once_not_on_every_request(redis_down, caplog):
    client = Client()
    with caplog.at_level(logging.WARNING):
        for path in PUBLIC_PATHS:
            client.get(path)
    warnings = [r for r in caplog.records if "Cache unreachable" in r.getMessage()]
    # One per cache location (both caches share the closed port's URL here).
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "127.0.0.1:6390" in warnings[0].getMessage()
    assert all(r.levelno < logging.ERROR for r in caplog.records)


def test_an_editor_can_log_in_to_the_admin_while_redis_is_down(redis_down):
    get_user_model().objects.create_superuser("redaktor", "r@example.org", "a-long-passphrase")
    client = Client()
    response = client.post(
        "/admin/login/", {"username": "redaktor", "password": "a-long-passphrase"}
    )
    assert response.status_code == 302
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert b"redaktor" in dashboard.content


def test_healthz_says_degraded_but_keeps_the_instance_in_the_pool_while_redis_is_down(
    redis_down,
):
    response = Client().get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] != "ok"


@pytest.fixture
def page_cache():
    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield
    caches["pages"].clear()


def _database_refuses():
    return mock.patch.object(
        connection, "ensure_connection", side_effect=OperationalError("connection refused")
    )


def test_cached_pages_keep_being_served_while_the_database_is_down(page_cache):
    client = Client(raise_request_exception=False)
    assert client.get(ABOUT).status_code == 200
    with _database_refuses():
        cached = client.get(ABOUT)
        uncached = client.get("/en/")
    assert cached.status_code == 200
    assert cached["X-Wagtail-Cache"] == "hit"
    assert "About the test site" in cached.content.decode()
    assert uncached.status_code == 503
    assert uncached["Retry-After"] == "30"
    assert b"briefly unavailable" in uncached.content


def test_the_site_recovers_by_itself_when_the_database_is_back(page_cache):
    client = Client(raise_request_exception=False)
    with _database_refuses():
        assert client.get("/vi/").status_code == 503
        assert client.get("/healthz").status_code == 503
    assert client.get("/vi/").status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"


def test_a_503_is_never_stored_in_the_page_cache(page_cache):
    client = Client(raise_request_exception=False)
    with _database_refuses():
        assert client.get("/en/").status_code == 503
    response = client.get("/en/")
    assert response.status_code == 200
    assert response["X-Wagtail-Cache"] == "miss"


_PROBE = """
import json
import django
from django.test import Client

django.setup()
client = Client(raise_request_exception=False)
out = {}
for path in %r:
    response = client.get(path)
    out[path] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "type": response.get("Content-Type"),
        "body": response.content.decode(),
    }
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def database_down_answers():
    """Every public path answered by a real process whose database is a closed port."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": CLOSED_POSTGRES,
        "DB_CONNECT_TIMEOUT": "2",
    }
    paths = [*PUBLIC_PATHS, "/healthz"]
    result = subprocess.run(
        [sys.executable, "-c", _PROBE % (paths,)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_path_answers_503_with_retry_after_when_the_database_is_down(
    database_down_answers, path
):
    answer = database_down_answers[path]
    assert answer["status"] == 503
    assert int(answer["retry_after"]) > 0


def test_a_vietnamese_visitor_gets_a_vietnamese_page_while_the_database_is_down(
    database_down_answers,
):
    answer = database_down_answers["/vi/"]
    assert answer["type"].startswith("text/html")
    assert '<html lang="vi">' in answer["body"]
    assert "Vui lòng thử lại" in answer["body"]


def test_an_english_visitor_gets_an_english_page_while_the_database_is_down(
    database_down_answers,
):
    answer = database_down_answers[ABOUT]
    assert '<html lang="en">' in answer["body"]
    assert "Please try again in a minute" in answer["body"]


def test_the_api_answers_503_as_json_while_the_database_is_down(database_down_answers):
    answer = database_down_answers["/api/v2/pages/?lang=en"]
    assert answer["type"] == "application/json"
    assert json.loads(answer["body"])["error"] == "service_unavailable"


def test_feeds_answer_503_as_plain_text_while_the_database_is_down(database_down_answers):
    answer = database_down_answers["/feeds/events.ics"]
    assert answer["type"].startswith("text/plain")


def test_healthz_answers_503_so_the_balancer_drops_the_instance_without_a_database(
    database_down_answers,
):
    answer = database_down_answers["/healthz"]
    assert answer["status"] == 503
    assert json.loads(answer["body"])["status"] == "error"


def test_an_editor_can_publish_while_redis_is_down_and_visitors_see_the_edit(redis_down, test_site):
    from tests.factories import publish

    about = test_site.about
    about.introduction_en = "Published while the cache was down"
    publish(about)
    response = Client().get(ABOUT)
    assert response.status_code == 200
    assert "Published while the cache was down" in response.content.decode()
