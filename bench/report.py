"""bench/run.py's tables and the issue's ratios, printed as Markdown.

``report(medians, meta)``: medians maps (size, variant, page) to {"rps", "p50_ms",
"p99_ms", "requests", "errors"}; meta holds "bytes" and "queries" by the same key
and "paths" by size. Targets (issue 16): uncached page >= 3x bakerydemo's home
req/s; cached through gunicorn >= 0.8x the trivial WSGI app; proxy cache >= 0.8x
nginx's static file; large data single-client latency <= 1.5x small; <= 15
queries.
"""

VARIANTS = [
    "project uncached",
    "project cached",
    "trivial WSGI",
    "nginx static",
    "nginx proxy_cache",
]


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "n/a"


def mark(value, target, higher=True):
    try:
        ok = float(value) >= target if higher else float(value) <= target
    except ValueError:
        return value
    return f"{value} {'ok' if ok else 'MISSED'}"


def report(medians, meta):
    bakery = {v: medians.get(("-", f"bakerydemo {v}", "home")) for v in ("uncached", "cached")}
    for variant, figures in bakery.items():
        if figures:
            queries = meta["queries"].get(("-", f"bakerydemo {variant}", "home"), "")
            print(
                f"bakerydemo home {variant}: {figures['rps']:.1f} req/s, p50 "
                f"{figures['p50_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms, "
                f"{queries} queries, errors {figures['errors']:.0f}"
            )
    bakery_home = bakery["uncached"]["rps"] if bakery["uncached"] else None
    for size, paths in meta["paths"].items():
        print(f"\n### {size} data: req/s (p50 ms / p99 ms)\n")
        print("| page | bytes | queries | " + " | ".join(VARIANTS) + " |")
        print("|---" * (len(VARIANTS) + 3) + "|")
        for page in paths:
            cells = []
            for variant in VARIANTS:
                figures = medians.get((size, variant, page))
                if not figures:
                    cells.append("-")
                elif not figures["requests"]:
                    cells.append(f"no answer ({figures['errors']:.0f} errors)")
                else:
                    cells.append(
                        f"{figures['rps']:.0f} ({figures['p50_ms']:.1f} / "
                        f"{figures['p99_ms']:.0f})"
                        + (f" {figures['errors']:.0f} errors" if figures["errors"] else "")
                    )
            key = (size, "project uncached", page)
            print(
                f"| {page} | {meta['bytes'].get(key, '')} | {meta['queries'].get(key, '')} | "
                + " | ".join(cells)
                + " |"
            )
        print(f"\n### {size} data: ratios (targets in brackets)\n")
        print(
            "| page | uncached / bakerydemo home [>= 3] | cached / trivial WSGI [>= 0.8] "
            "| proxy_cache / nginx static [>= 0.8] | queries [<= 15] |"
        )
        print("|---|---|---|---|---|")
        for page in paths:
            rps = {v: (medians.get((size, v, page)) or {}).get("rps") for v in VARIANTS}
            queries = meta["queries"].get((size, "project uncached", page), "")
            print(
                f"| {page} | {mark(ratio(rps['project uncached'], bakery_home), 3)} "
                f"| {mark(ratio(rps['project cached'], rps['trivial WSGI']), 0.8)} "
                f"| {mark(ratio(rps['nginx proxy_cache'], rps['nginx static']), 0.8)} "
                f"| {mark(queries, 15, higher=False)} |"
            )
    if "large" in meta["paths"]:
        print("\n### large / small, project uncached, one client (median of 3) [<= 1.5]\n")
        print("| page | small ms | large ms | ratio | small bytes | large bytes |")
        print("|---|---|---|---|---|---|")
        for page in meta["paths"]["large"]:
            small = meta["latency"].get(("small", page))
            large = meta["latency"].get(("large", page))
            if small and large:
                print(
                    f"| {page} | {small:.0f} | {large:.0f} | "
                    f"{mark(ratio(large, small), 1.5, higher=False)} | "
                    f"{meta['bytes'].get(('small', 'project uncached', page), '')} | "
                    f"{meta['bytes'].get(('large', 'project uncached', page), '')} |"
                )
