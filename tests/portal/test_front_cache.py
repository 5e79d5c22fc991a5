"""Kept anonymous answers are served in front of Django, and never outlive a change."""

import datetime
import gzip
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.core.cache import cache, caches
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import override_settings
from django.utils import timezone

from portal import expiry, front_cache
from portal.i18n import page_url
from tests.factories import publish

pytestmark = pytest.mark.django_db


class CountingDjango:
    """Django's WSGI application, counting the requests that reached it."""

    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    @property
    def text(self):
        return self.body.decode()


def call(app, path, method="GET", **headers):
    """One request through the WSGI stack, as gunicorn makes it."""
    environ = {}
    setup_testing_defaults(environ)
    path, _, query = path.partition("?")
    environ.update(
        REQUEST_METHOD=method, PATH_INFO=path, QUERY_STRING=query, HTTP_HOST="testserver"
    )
    environ.update(headers)
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"], started["headers"] = status, response_headers

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Answer(started["status"], started["headers"], body)


@pytest.fixture
def django_app():
    # As Django's test client does: the test's transaction must survive the request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield CountingDjango()
    caches["pages"].clear()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def app(django_app):
    """The front cache with its clock stopped: only this process's own changes make it
    re-read the shared content version (another process's: see the interval test)."""
    app = front_cache.FrontCache(django_app)
    app.clock = lambda: 1000.0
    return app


@pytest.fixture
def about(test_site):
    page = test_site.about
    return page, page_url(page, "vi"), page_url(page, "en")


def test_a_repeated_anonymous_visit_is_answered_without_running_django(app, django_app, about):
    _page, _vi, en = about
    first = call(app, en)
    assert first.status == "200 OK"
    assert first.headers["x-wagtail-cache"] == "miss"
    second = call(app, en)
    assert django_app.calls == 1
    assert second.status == "200 OK"
    assert second.headers["x-wagtail-cache"] == "hit"
    assert second.body == first.body
    assert second.headers["content-type"] == first.headers["content-type"]
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert "set-cookie" not in second.headers


def test_publishing_an_edit_is_seen_on_the_very_next_visit(app, django_app, about):
    page, _vi, en = about
    call(app, en)
    page.introduction_en = "Freshly edited introduction"
    publish(page)
    assert "Freshly edited introduction" in call(app, en).text
    assert django_app.calls == 2


def test_changing_the_contact_settings_is_seen_on_every_kept_page(app, about):
    from portal.models import ContactSettings

    _page, vi, _en = about
    call(app, "/vi/")
    call(app, vi)
    settings = ContactSettings.objects.get()
    settings.email = "moi@example.org"
    settings.save()
    assert "mailto:moi@example.org" in call(app, "/vi/").text
    assert "mailto:moi@example.org" in call(app, vi).text


def test_each_language_and_each_query_string_is_kept_apart(app, about):
    _page, vi, en = about
    call(app, vi)
    call(app, en)
    assert '<html lang="vi">' in call(app, vi).text
    assert '<html lang="en">' in call(app, en).text
    call(app, "/en/search/?q=homestay")
    assert call(app, "/en/search/?q=village").headers["x-wagtail-cache"] == "miss"


def test_answers_for_another_host_or_forwarded_scheme_are_kept_apart(app, django_app, about):
    _page, _vi, en = about
    call(app, en)
    call(app, en, HTTP_HOST="localhost")
    call(app, en, HTTP_X_FORWARDED_PROTO="https")
    assert django_app.calls == 3


@pytest.mark.parametrize(
    "credentials",
    [
        {"HTTP_COOKIE": "sessionid=abc123"},
        {"HTTP_COOKIE": "theme=dark; csrftoken=abc123"},
        {"HTTP_COOKIE": "messages=abc123"},
        {"HTTP_AUTHORIZATION": "Basic YWRtaW46YWRtaW4="},
    ],
)
def test_a_visitor_with_a_session_or_credentials_always_reaches_django(
    app, django_app, about, credentials
):
    _page, _vi, en = about
    call(app, en)
    call(app, en, **credentials)
    call(app, en, **credentials)
    assert django_app.calls == 3


def test_an_unrelated_cookie_does_not_stop_a_kept_answer(app, django_app, about):
    _page, _vi, en = about
    call(app, en)
    assert call(app, en, HTTP_COOKIE="theme=dark").headers["x-wagtail-cache"] == "hit"
    assert django_app.calls == 1


def test_an_answer_that_sets_a_cookie_is_never_kept(app, django_app):
    first = call(app, "/admin/login/")
    assert "csrftoken" in first.headers.get("set-cookie", "")
    call(app, "/admin/login/")
    assert django_app.calls == 2


def test_a_client_that_accepts_gzip_and_one_that_does_not_each_get_their_own_encoding(app, about):
    _page, _vi, en = about
    plain = call(app, en)
    zipped = call(app, en, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped.headers["content-encoding"] == "gzip"
    assert gzip.decompress(zipped.body) == plain.body
    again = call(app, en, HTTP_ACCEPT_ENCODING="gzip")
    assert again.headers["x-wagtail-cache"] == "hit"
    assert again.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in call(app, en).headers


def test_a_client_holding_the_current_etag_gets_304_without_a_body(app, about):
    _page, _vi, en = about
    etag = call(app, en).headers["etag"]
    answer = call(app, en, HTTP_IF_NONE_MATCH=etag)
    assert answer.status == "304 Not Modified"
    assert answer.body == b""
    assert answer.headers["etag"] == etag
    assert call(app, en, HTTP_IF_NONE_MATCH='"something-else"').status == "200 OK"


def test_a_head_request_gets_the_kept_headers_without_a_body(app, django_app, about):
    _page, _vi, en = about
    full = call(app, en)
    head = call(app, en, method="HEAD")
    assert head.body == b""
    assert head.headers["content-length"] == str(len(full.body))
    assert django_app.calls == 1


def test_a_kept_page_disappears_the_moment_its_expiry_passes(app, about, monkeypatch):
    page, _vi, en = about
    page.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    publish(page)
    assert call(app, en).status == "200 OK"
    assert call(app, en).headers["x-wagtail-cache"] == "hit"
    later = timezone.now() + datetime.timedelta(minutes=2)
    monkeypatch.setattr(expiry, "now", lambda: later)
    assert call(app, en).status == "404 Not Found"


def test_when_the_shared_cache_fails_visitors_still_get_the_page(app, about, monkeypatch):
    _page, _vi, en = about
    call(app, en)

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    app.check_seconds = 0  # read the shared version on every request
    monkeypatch.setattr(cache, "get_many", down)
    answer = call(app, en)
    assert answer.status == "200 OK"
    assert '<html lang="en">' in answer.text


def test_a_change_made_by_another_process_is_served_from_here_for_at_most_the_check_interval(
    app, django_app, about
):
    from portal.cache import CONTENT_VERSION_KEY

    _page, _vi, en = about
    app.check_seconds = 0.1
    now = [1000.0]
    app.clock = lambda: now[0]
    call(app, en)
    cache.delete(CONTENT_VERSION_KEY)  # what another instance's publish does
    now[0] += 0.05
    assert call(app, en).headers["x-wagtail-cache"] == "hit"
    now[0] += 0.06
    call(app, en)
    assert django_app.calls == 2


def test_memory_is_bounded_and_the_least_recently_used_answer_goes_first(django_app, about):
    _page, vi, en = about
    one_page = len(call(front_cache.FrontCache(django_app), en).body)
    app = front_cache.FrontCache(django_app, max_bytes=int(one_page * 1.5))
    call(app, en)
    call(app, vi)  # the English answer is dropped to make room
    calls = django_app.calls
    call(app, vi)
    assert django_app.calls == calls
    call(app, en)
    assert django_app.calls == calls + 1


def test_an_answer_it_will_not_keep_is_passed_on_untouched_so_files_keep_streaming():
    streamed = iter([b"part one, ", b"part two"])

    def file_download(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/gpx+xml")])
        return streamed  # what Django returns for a FileResponse (wsgi.file_wrapper)

    app = front_cache.FrontCache(file_download)
    app._current_version = lambda: "some-version"
    environ = {}
    setup_testing_defaults(environ)
    assert app(environ, lambda status, headers, exc_info=None: None) is streamed


def test_urls_asked_for_once_leave_nothing_behind_once_their_answers_are_dropped(django_app, about):
    _page, _vi, en = about
    app = front_cache.FrontCache(django_app, max_bytes=1)  # nothing fits for long
    for n in range(5):
        call(app, f"{en}?utm_campaign={n}")
    assert len(app.entries) <= 1
    assert len(app.vary) <= 1


def test_the_wsgi_application_is_wrapped_only_when_the_page_cache_is_on():
    inner = WSGIHandler()
    with override_settings(WAGTAIL_CACHE=True):
        assert isinstance(front_cache.wrap(inner), front_cache.FrontCache)
    with override_settings(WAGTAIL_CACHE=False):
        assert front_cache.wrap(inner) is inner
    with override_settings(WAGTAIL_CACHE=True, PORTAL_FRONT_CACHE=False):
        assert front_cache.wrap(inner) is inner
