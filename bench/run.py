"""`make bench`: Parcours at 5,000 employees and 8 years of history, against a bare
Flask baseline measured in turn in the same run. Prints one Markdown table and writes
bench/results.json. Options: `--seconds` per wrk run, `--rounds` of page/baseline
pairs, `--pages` to restrict (comma-separated names), `--no-ops` to skip the bulk
operations, `--reuse` to keep a data set built before the sources changed."""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import dataset, inprocess, load, timings
from bench.pages import DEMO_PASSWORD, PAGES

RESULTS = dataset.ROOT / "bench" / "results.json"
WORK = dataset.DATA / "run"
BUDGET = {"ratio": 0.25, "queries": 12, "ms": 30, "rss": 80}
TIMING_BUDGETS = {
    "feed_build": 0.150,
    "feed_304": 0.005,
    "campaign_launch": 2.0,
    "import": 5.0,
    "compliance": 1.0,
    "audit_verify": None,
}


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:4.0f} s] {message}", file=sys.stderr, flush=True)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    import os

    kib = int(Path("/proc/meminfo").read_text().split()[1])
    return (
        f"{os.cpu_count()} × {cpu}, {kib / 1024 / 1024:.0f} GiB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def load_pages(server, baseline, present, cookies, sizes, seconds, rounds) -> dict[str, dict]:
    """Each page alternating with the baseline, round after round; medians."""
    runs: dict[str, list] = {name: [] for name in present}
    for name, path in present.items():  # warm-up: both workers, templates, caches
        load.wrk(server.url + path, 1, cookies[name])
    load.wrk(baseline.url + "/", 1)
    for round_ in range(rounds):
        log(f"load, round {round_ + 1}/{rounds} ({seconds:g} s per run) …")
        for name, path in present.items():
            base = load.wrk(baseline.url + "/", seconds)
            page = load.wrk(server.url + path, seconds, cookies[name])
            if page.errors or (page.rps and page.bytes_per_response < 0.9 * sizes[name]):
                raise SystemExit(
                    f"bench: {name} under load: {page.errors} errors, "
                    f"{page.bytes_per_response:.0f} bytes per response instead of {sizes[name]} "
                    "(redirected to the login page?)"
                )
            runs[name].append((page, base))
    figures = {}
    for name, pairs in runs.items():
        figures[name] = {
            "rps": statistics.median(p.rps for p, _b in pairs),
            "baseline_rps": statistics.median(b.rps for _p, b in pairs),
            "ratio": statistics.median(p.rps / b.rps for p, b in pairs),
            "p50_ms": statistics.median(p.p50_ms for p, _b in pairs),
            "p99_ms": statistics.median(p.p99_ms for p, _b in pairs),
        }
    return figures


def measure(args) -> dict:
    started = time.perf_counter()
    pages = [p for p in PAGES if not args.pages or p.name in args.pages.split(",")]
    load.ensure_wrk(log)
    small = dataset.cached(dataset.SMALL, log, args.reuse)
    large = dataset.cached(dataset.LARGE, log, args.reuse)
    WORK.mkdir(parents=True, exist_ok=True)
    served = dataset.copy(large, WORK / "served.sqlite3")

    log("queries per page at 50 employees …")
    small_figures = inprocess.page_figures(
        dataset.copy(small, WORK / "small.sqlite3"), pages, timed=False
    )
    log("queries and unloaded time per page at 5,000 employees …")
    large_figures = inprocess.page_figures(served, pages, timed=True)
    from hr.demo.seed import DEMO_ACCOUNTS

    feed_path = timings.feed_url(served, DEMO_ACCOUNTS["hr"])

    server = load.start("app:app", dataset.env_for(served), WORK / "gunicorn-app.log")
    baseline = load.start(
        "baseline:app",
        dataset.env_for(served),
        WORK / "gunicorn-baseline.log",
        Path(__file__).parent,
    )
    try:
        sessions: dict[str, str] = {}
        present, cookies, sizes, rss = {}, {}, {}, None
        for page in pages:
            path = large_figures[page.name]["path"]
            if path is None or large_figures[page.name]["status"] != 200:
                continue
            if page.role not in sessions:
                email = large_figures[page.name]["email"]
                sessions[page.role] = load.login(server, email, DEMO_PASSWORD)
            status, body, _headers = load.get(server.url + path, sessions[page.role])
            if status == 200:
                present[page.name], cookies[page.name] = path, sessions[page.role]
                sizes[page.name] = len(body)
        loaded = load_pages(server, baseline, present, cookies, sizes, args.seconds, args.rounds)
        rss = max(server.worker_rss_mib())
        baseline_rss = max(baseline.worker_rss_mib())
        feed = {"build": None, "first": None, "repeat": None, "not_modified": None}
        if feed_path:
            log("iCal feed …")
            feed = timings.feed(server, feed_path)
    finally:
        server.stop()
        baseline.stop()

    ops: dict[str, float | None] = {"campaign_launch": None, "import": None, "compliance": None}
    if not args.no_ops:
        log("feed build, campaign launch, import, compliance on a copy …")
        app = inprocess.make_app(dataset.copy(served, WORK / "ops.sqlite3"))
        if feed_path:
            feed["build"] = timings.feed_build(app, feed_path)
        ops["campaign_launch"] = timings.campaign_launch(app)
        ops["import"] = timings.hr_import(app)
        ops["compliance"] = timings.compliance(app)
    log("audit verify …")
    verify = None if args.no_ops else timings.audit_verify(served)

    rows = []
    for page in pages:
        fig = loaded.get(page.name, {})
        rows.append(
            {
                "name": page.name,
                "rps": fig.get("rps"),
                "baseline_rps": fig.get("baseline_rps"),
                "ratio": fig.get("ratio"),
                "p50_ms": fig.get("p50_ms"),
                "p99_ms": fig.get("p99_ms"),
                "bytes": sizes.get(page.name),
                "queries_small": small_figures[page.name]["queries"],
                "queries_large": large_figures[page.name]["queries"],
            }
        )
    results = {
        "machine": machine(),
        "pages": rows,
        "timings_s": {
            "feed_build": feed["build"],
            "feed_304": feed["not_modified"],
            "campaign_launch": ops["campaign_launch"],
            "import": ops["import"],
            "compliance": ops["compliance"],
            "audit_verify": verify,
        },
        "worker_rss_mib": rss,
    }
    extra = {
        "unloaded_ms": {name: f["ms"] for name, f in large_figures.items()},
        "unloaded_cpu_ms": {name: f["cpu_ms"] for name, f in large_figures.items()},
        "status": {name: f["status"] for name, f in large_figures.items()},
        "baseline_rss_mib": baseline_rss,
        "feed_first_request_s": feed["first"],
        "feed_repeat_s": feed["repeat"],
        "seconds": time.perf_counter() - started,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    return results, extra


def _n(value, fmt="{:.0f}") -> str:
    return "—" if value is None else fmt.format(value)


def _mark(ok: bool | None) -> str:
    return "" if ok is None else (" ✓" if ok else " ✗")


def table(results: dict, extra: dict) -> str:
    lines = [
        f"Parcours bench — {extra['date']} — {results['machine']}",
        "",
        "| page | req/s | baseline req/s | ratio (≥ 25 %) | p50 ms | p99 ms | bytes "
        "| queries 50 / 5,000 (≤ 12, equal) | unloaded ms (≤ 30) | of which CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["pages"]:
        name, ms = row["name"], extra["unloaded_ms"].get(row["name"])
        cpu = extra["unloaded_cpu_ms"].get(name)
        if row["rps"] is None and row["queries_large"] is None:
            status = extra["status"].get(name)
            lines.append(f"| {name} | missing ({status or 'no data'}) | | | | | | | |")
            continue
        ratio = row["ratio"]
        q_small, q_large = row["queries_small"], row["queries_large"]
        q_ok = None if q_large is None else (q_large <= BUDGET["queries"] and q_small == q_large)
        lines.append(
            f"| {name} | {_n(row['rps'])} | {_n(row['baseline_rps'])} "
            f"| {_n(ratio and ratio * 100, '{:.0f} %')}"
            f"{_mark(None if ratio is None else ratio >= BUDGET['ratio'])} "
            f"| {_n(row['p50_ms'], '{:.1f}')} | {_n(row['p99_ms'], '{:.1f}')} "
            f"| {_n(row['bytes'])} | {_n(q_small)} / {_n(q_large)}{_mark(q_ok)} "
            f"| {_n(ms, '{:.1f}')}{_mark(None if ms is None else ms <= BUDGET['ms'])} "
            f"| {_n(cpu, '{:.1f}')} |"
        )
    lines += ["", "| operation | seconds | budget |", "|---|---:|---:|"]
    for name, value in results["timings_s"].items():
        budget = TIMING_BUDGETS[name]
        ok = None if value is None or budget is None else value <= budget
        shown = "missing" if value is None else f"{value:.3f}{_mark(ok)}"
        lines.append(f"| {name} | {shown} | {'—' if budget is None else f'≤ {budget:g}'} |")
    rss = results["worker_rss_mib"]
    lines += [
        "",
        f"Worker resident memory after warm-up: {_n(rss, '{:.1f}')} MiB"
        f"{_mark(None if rss is None else rss <= BUDGET['rss'])} (budget ≤ {BUDGET['rss']}; "
        f"baseline worker {extra['baseline_rss_mib']:.1f} MiB). "
        f"Feed over HTTP: first request {_n(extra['feed_first_request_s'], '{:.3f}')} s, "
        f"then {_n(extra['feed_repeat_s'], '{:.3f}')} s (the worker's copy). "
        f"Bench took {extra['seconds']:.0f} s.",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pages", default="")
    parser.add_argument("--no-ops", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="keep an outdated data set")
    args = parser.parse_args(argv)
    try:
        results, extra = measure(args)
    finally:  # the working copies: over a gigabyte
        for copy in WORK.glob("*.sqlite3*"):
            copy.unlink()
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(table(results, extra))
    log(f"written {RESULTS.relative_to(dataset.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
