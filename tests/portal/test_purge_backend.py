"""The purge backend drops both entries nginx keeps for a URL: gzip and identity.

A real HTTP server on loopback stands for nginx's purge server and writes down what it
receives; deploy/nginx/portal.conf keys answers by URI and by Accept-Encoding reduced
to "gzip" or "identity", and bench/topology.py checks that against nginx itself.
"""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal.purge import EncodingsHTTPBackend


class PurgeServer(ThreadingHTTPServer):
    def __init__(self, status):
        self.status = status
        self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(handler):  # noqa: N802 - http.server's naming
                self.received.append(
                    (
                        handler.command,
                        handler.path,
                        handler.headers.get("Host"),
                        handler.headers.get("Accept-Encoding"),
                    )
                )
                handler.send_response(self.status)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture
def purge_server(request):
    server = PurgeServer(getattr(request, "param", 200))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def backend_for(server):
    return EncodingsHTTPBackend({"LOCATION": f"http://127.0.0.1:{server.server_port}"})


def test_a_url_is_purged_once_for_gzip_clients_and_once_for_the_others(purge_server):
    backend_for(purge_server).purge("https://binhlieu.example.vn/en/villages/luc-ngu/")
    assert sorted(purge_server.received) == [
        ("PURGE", "/en/villages/luc-ngu/", "binhlieu.example.vn", "gzip"),
        ("PURGE", "/en/villages/luc-ngu/", "binhlieu.example.vn", "identity"),
    ]


def test_the_query_string_and_the_sites_port_reach_the_purge_server(purge_server):
    backend_for(purge_server).purge("http://localhost:8000/feeds/events.ics?lang=en")
    assert {(path, host) for _m, path, host, _e in purge_server.received} == {
        ("/feeds/events.ics?lang=en", "localhost:8000")
    }
    assert len(purge_server.received) == 2


@pytest.mark.parametrize("purge_server", [500], indirect=True)
def test_a_purge_server_error_is_logged_for_each_encoding_and_not_raised(purge_server, caplog):
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        backend_for(purge_server).purge("https://binhlieu.example.vn/vi/")
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert all("HTTPError: 500" in m and "/vi/" in m for m in messages)


def test_an_unreachable_purge_server_is_logged_and_not_raised(purge_server, caplog):
    port = purge_server.server_port
    purge_server.shutdown()
    purge_server.server_close()
    backend = EncodingsHTTPBackend({"LOCATION": f"http://127.0.0.1:{port}"})
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        backend.purge("https://binhlieu.example.vn/en/")
    assert [r.getMessage().split(" from HTTP cache")[0] for r in caplog.records] == [
        "Couldn't purge 'https://binhlieu.example.vn/en/' (gzip)",
        "Couldn't purge 'https://binhlieu.example.vn/en/' (identity)",
    ]
