"""The bench scripts never touch a database or a Redis they did not create (issue 16)."""

import re
import shutil
import socket
import sys
from pathlib import Path

import pytest

from tests.external_tools import require

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import servers  # noqa: E402

SCRIPTS = sorted(BENCH.glob("*.py"))


def test_the_bench_folder_has_the_scripts_this_test_reads():
    names = {path.name for path in SCRIPTS}
    assert {"run.py", "load.py", "search_latency.py", "topology.py", "servers.py"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_bench_script_flushes_or_names_a_redis_or_database_it_did_not_start(script):
    text = script.read_text()
    # No flush of any Redis, whichever way it is spelled (redis-cli, a client call).
    assert not re.search(r"flush_?(db|all)", text, re.IGNORECASE), "flushes a Redis"
    # No fixed Redis address: every redis:// URL is built from a port we chose.
    for url in re.findall(r"redis://[^\"'\s]*", text):
        assert "{" in url or "<port>" in url, f"fixed Redis address {url}"
    assert "6379" not in text.replace("DEFAULT_REDIS_PORT = 6379", "")


def test_a_flush_in_a_bench_script_would_be_caught(tmp_path):
    """The check above is not vacuous: the old bench/run.py's line fails it."""
    old = 'subprocess.run(["redis-cli", "-n", "14", "flushdb"])'
    assert re.search(r"flush_?(db|all)", old, re.IGNORECASE)


def test_the_free_port_is_not_redis_default_and_nobody_listens_there():
    ports = {servers.free_port() for _ in range(20)}
    assert 6379 not in ports
    for port in ports:
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_the_bench_redis_runs_on_its_own_port_and_folder_and_is_removed_at_the_end():
    require(shutil.which("redis-server"), "Debian's redis-server: apt-get install redis-server")
    with servers.RedisServer() as redis:
        assert redis.port != 6379
        assert redis.url == f"redis://127.0.0.1:{redis.port}/0"
        command = redis.command()
        assert command[command.index("--port") + 1] == str(redis.port)
        assert command[command.index("--bind") + 1] == "127.0.0.1"
        assert command[command.index("--save") + 1] == ""
        folder = redis.folder
        assert folder.is_dir() and folder.name.startswith("bench-redis-")
        with socket.create_connection(("127.0.0.1", redis.port), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            assert sock.recv(16) == b"+PONG\r\n"
    assert not folder.exists()
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", redis.port)) != 0
