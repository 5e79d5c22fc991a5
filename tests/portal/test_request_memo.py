"""What a request reads many times from the shared cache (Redis in production) is
read once per request (portal.cache.memoized): the content version, the restricted
paths, the sites' root paths in each language. A change made during the request,
or outside one, is still seen at once."""

import collections

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from portal import cache as portal_cache
from portal.cache import CONTENT_VERSION_KEY, content_version, new_content_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(monkeypatch):
    """Counter of the keys read from the default cache, by key."""
    counted = collections.Counter()
    get, get_many = cache.get, cache.get_many

    def counting_get(key, *args, **kwargs):
        counted[key] += 1
        return get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        counted.update(keys)
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    monkeypatch.setattr(cache, "get_many", counting_get_many)
    return counted


@pytest.mark.parametrize("path", ["/en/", "/vi/", "/en/test-festivals/", "/api/v2/events/"])
def test_a_request_reads_each_shared_value_once(client, test_site, reads, path):
    client.get(path)  # fills the caches
    reads.clear()
    assert client.get(path).status_code == 200
    assert reads[CONTENT_VERSION_KEY] == 1
    restricted = [k for k in reads if k.startswith("portal:restricted-paths")]
    assert [reads[k] for k in restricted] == [1]
    roots = {k: n for k, n in reads.items() if k.startswith("wagtail_site_root_paths_")}
    assert roots and set(roots.values()) == {1}


def test_a_change_made_during_a_request_is_seen_later_in_that_request():
    request_started.send(sender=None)
    try:
        before = content_version()
        assert content_version() == before
        new_content_version()
        assert content_version() != before
    finally:
        request_finished.send(sender=None)


def test_outside_a_request_a_change_by_another_process_is_seen_at_once():
    content_version()
    cache.set(CONTENT_VERSION_KEY, "changed-by-another-instance", None)
    assert content_version() == "changed-by-another-instance"
    assert portal_cache.request_memo() is None
