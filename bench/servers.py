"""Servers the bench scripts start for themselves, on loopback, and remove after.

No bench script may touch a database or a Redis it did not create (issue 16): each
one starts its own ``redis-server`` from here (a free loopback port, never the default
port, no persistence, its own temporary folder) and
uses its own SQLite or PostgreSQL database copies. ``tests/bench`` checks both.

    with RedisServer() as redis:
        env["REDIS_URL"] = redis.url        # redis://127.0.0.1:<port>/0

``get(url)`` and ``wait_for(url)`` are the HTTP client both bench/run.py and
bench/topology.py use to talk to the servers they start.

Errors: SystemExit with the fix when a Debian command is missing and we are not
root; RuntimeError when redis-server, or the URL given to ``wait_for``, does not
answer within ``timeout`` seconds.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

DEFAULT_REDIS_PORT = 6379
DEBIAN_PACKAGES = {"nginx": "nginx", "redis-server": "redis-server", "wrk": "wrk"}
CACHE_PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 3xx itself is the answer


def get(url, headers=None, timeout=60, follow_redirects=True):
    """(status, headers, body) of a GET; HTTP errors are answers, not exceptions
    (a refused or timed-out connection raises OSError). With ``follow_redirects``
    False a 3xx is returned as it came (its Location in the headers)."""
    request = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener(*([] if follow_redirects else [_KeepRedirects]))
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(url, timeout=120, statuses=None):
    """Poll ``url`` every 0.3 s until it answers (with one of ``statuses``, when
    given); RuntimeError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status = get(url, timeout=5)[0]
            if statuses is None or status in statuses:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"no answer from {url}")


def free_port():
    """A TCP port nobody listens on at 127.0.0.1 (the kernel's choice), never Redis's default."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port != DEFAULT_REDIS_PORT:
            return port


def _apt_install(packages):
    if os.geteuid() != 0:
        raise SystemExit(f"missing: apt-get install -y {' '.join(packages)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)


def ensure_debian_packages(*commands, cache_purge=False):
    """apt-get install the Debian packages behind missing ``commands`` (root only);
    with ``cache_purge`` also nginx's purge module (libnginx-mod-http-cache-purge)."""
    missing = [
        DEBIAN_PACKAGES[c]
        for c in commands
        if not shutil.which(c) and not Path(f"/usr/sbin/{c}").exists()
    ]
    if cache_purge and not CACHE_PURGE_MODULE.exists():
        missing.append("libnginx-mod-http-cache-purge")
    if missing:
        _apt_install(missing)


class RedisServer:
    """A redis-server of our own: free loopback port, no persistence, temp folder.

    ``url`` is ``redis://127.0.0.1:<port>/0``; ``stop()`` (or leaving the ``with``
    block) terminates it and removes its folder."""

    def __init__(self, port=None, timeout=10):
        self.port = port or free_port()
        self.timeout = timeout
        self.process = None
        self.folder = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self):
        """The redis-server command line (list of str)."""
        return [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.folder),
        ]

    def ping(self):
        """True when our server answers PING with +PONG."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self):
        ensure_debian_packages("redis-server")
        self.folder = Path(tempfile.mkdtemp(prefix="bench-redis-"))
        log = (self.folder / "redis.log").open("wb")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.timeout
        while not self.ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False
