"""wrk (Debian's package), bounded in time, read back as numbers.

``measure(url, seconds, connections, threads)`` -> dict with ``rps`` (requests per
second), ``p50_ms``, ``p99_ms``, ``requests``, ``errors`` (socket errors, timeouts
and non-2xx/3xx answers). wrk is killed after seconds + 30 s whatever happens.
"""

import json
import subprocess
import tempfile
from pathlib import Path

SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write("WRK-JSON ", string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "p50": %d, "p99": %d}',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)), "\\n")
end
"""


def measure(url, seconds=5, connections=8, threads=2, timeout_s=10):
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as folder:
        script = Path(folder) / "report.lua"
        script.write_text(SCRIPT)
        done = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                f"{timeout_s}s",
                "-s",
                str(script),
                url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 30,
        )
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK-JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk said: {done.stdout[-300:]} {done.stderr[-300:]}")
    raw = json.loads(line.removeprefix("WRK-JSON "))
    return {
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50"] / 1000,
        "p99_ms": raw["p99"] / 1000,
        "requests": raw["requests"],
        "errors": raw["errors"],
    }
